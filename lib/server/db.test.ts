import { describe, expect, it } from "vitest";
import { providerOf } from "./database-url";
import { getDb, SQLITE_PRAGMAS } from "./db";

const isSqlite = providerOf(process.env.DATABASE_URL ?? "file:") === "sqlite";

describe.runIf(isSqlite)("the SQLite connection", () => {
  it("runs in WAL mode with synchronous=FULL, a busy timeout and foreign keys", async () => {
    const db = getDb();
    const read = async (pragma: string) => {
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${pragma}`);
      return Object.values(rows[0]!)[0];
    };
    expect(String(await read("journal_mode")).toLowerCase()).toBe(SQLITE_PRAGMAS.journal_mode);
    expect(Number(await read("synchronous"))).toBe(2);
    expect(Number(await read("foreign_keys"))).toBe(1);
    expect(Number(await read("busy_timeout"))).toBe(5000);
  });

  it("enforces foreign keys", async () => {
    await expect(
      getDb().membership.create({ data: { userId: "no-such-user", organizationId: "no-such-org", role: "owner" } }),
    ).rejects.toThrow();
  });
});

describe.runIf(!isSqlite)("the PostgreSQL connection", () => {
  it("enforces foreign keys", async () => {
    await expect(
      getDb().membership.create({ data: { userId: "no-such-user", organizationId: "no-such-org", role: "owner" } }),
    ).rejects.toThrow();
  });
});

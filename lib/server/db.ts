import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { providerOf, sqliteFilePath } from "./database-url";
import { getEnv } from "./env";

export type Db = PrismaClient;

/**
 * Settings every SQLite connection gets. WAL lets readers work during a write; synchronous=FULL
 * makes an acknowledged commit survive power loss (NORMAL in WAL mode can lose the last commits);
 * busy_timeout waits for a writer instead of failing at once; foreign keys are off by default in SQLite.
 */
export const SQLITE_PRAGMAS = {
  journal_mode: "wal",
  synchronous: 2, // FULL
  busy_timeout: 5000,
  foreign_keys: 1,
} as const;

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;

class TunedSqliteFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName = "@prisma/adapter-better-sqlite3";
  private readonly inner: PrismaBetterSqlite3;
  constructor(url: string) {
    this.inner = new PrismaBetterSqlite3({ url, timeout: SQLITE_PRAGMAS.busy_timeout });
  }
  async connect(): Promise<SqliteAdapter> {
    const adapter = await this.inner.connect();
    await adapter.executeScript(
      Object.entries(SQLITE_PRAGMAS)
        .map(([k, v]) => `PRAGMA ${k} = ${v};`)
        .join("\n"),
    );
    return adapter;
  }
}

let client: PrismaClient | undefined;

function createClient(url: string): PrismaClient {
  const provider = providerOf(url);
  if (provider === "sqlite" && sqliteFilePath(url) === "") throw new Error("DATABASE_URL: the SQLite file path is empty");
  const adapter = provider === "sqlite" ? new TunedSqliteFactory(url) : new PrismaPg({ connectionString: url });
  try {
    return new PrismaClient({ adapter });
  } catch (e) {
    throw new Error(
      `The generated Prisma client does not match DATABASE_URL (${provider}). Run \`npm run db:generate\` with the same DATABASE_URL, then rebuild. (${(e as Error).message})`,
    );
  }
}

/**
 * The Prisma client, created on first use rather than at import: `next build` imports route
 * modules while collecting page data, and must not open the database.
 */
export function getDb(): PrismaClient {
  client ??= createClient(getEnv().DATABASE_URL);
  return client;
}

/** Close the connection (scripts and tests). */
export async function disconnectDb(): Promise<void> {
  const c = client;
  client = undefined;
  await c?.$disconnect();
}

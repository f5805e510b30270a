/**
 * Crash safety: a writer with the app's SQLite settings is killed with SIGKILL a hundred times at
 * random moments (seeded: CRASH_SEED repeats a run). After every kill the database must pass
 * `PRAGMA integrity_check` and hold every write the writer acknowledged, and each organisation
 * must have its assessment (a transaction is all or nothing).
 *
 * SIGKILL tests the process dying at any instruction, commits and WAL checkpoints included; power
 * loss is what synchronous=FULL guards against, which a test cannot pull the plug on.
 */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { providerOf } from "../../../lib/server/database-url";
import { freshDatabaseFile, seededRandom, startWriter } from "./writer-process";

const isSqlite = providerOf(process.env.DATABASE_URL ?? "file:") === "sqlite";
const KILLS = 100;
const SEED = Number(process.env.CRASH_SEED ?? 20261122);

function readState(file: string) {
  const db = new Database(file, { fileMustExist: true });
  try {
    const integrity = db.prepare("PRAGMA integrity_check").pluck().all();
    const organizations = new Set(db.prepare(`SELECT id FROM "Organization" WHERE id LIKE 'crash-%'`).pluck().all() as string[]);
    const orphans = db
      .prepare(`SELECT count(*) FROM "Organization" o WHERE o.id LIKE 'crash-%' AND NOT EXISTS (SELECT 1 FROM "Assessment" a WHERE a."organizationId" = o.id)`)
      .pluck()
      .get() as number;
    return { integrity, organizations, orphans };
  } finally {
    db.close();
  }
}

describe.runIf(isSqlite)("crash safety", () => {
  it(`keeps every acknowledged write through ${KILLS} SIGKILLs at random moments (seed ${SEED})`, { timeout: 120_000 }, async () => {
    const file = freshDatabaseFile();
    const random = seededRandom(SEED);
    const acknowledged: string[] = [];
    let killedMidRun = 0;
    const started = Date.now();
    for (let run = 0; run < KILLS; run++) {
      const writer = startWriter({ file, prefix: `crash-${run}`, checkpointEvery: 1 + Math.floor(random() * 40) });
      // Kill after a random number of commits (0–30), then a random sub-commit delay.
      await writer.waitForAcks(Math.floor(random() * 30));
      const delayMs = random() * 25;
      await new Promise((r) => setTimeout(r, delayMs));
      writer.child.kill("SIGKILL");
      const { signal } = await writer.exited;
      if (signal === "SIGKILL") killedMidRun++;
      acknowledged.push(...writer.acks);

      const state = readState(file);
      expect(state.integrity, `integrity after kill ${run + 1}`).toEqual(["ok"]);
      const lost = acknowledged.filter((id) => !state.organizations.has(id));
      expect(lost, `acknowledged writes missing after kill ${run + 1}`).toEqual([]);
      expect(state.orphans, `half-committed transactions after kill ${run + 1}`).toBe(0);
    }
    // The kills must really interrupt a writer that was writing, or the test proves nothing.
    expect(killedMidRun).toBe(KILLS);
    expect(acknowledged.length).toBeGreaterThan(KILLS);
    console.log(`crash test: ${KILLS} kills, ${acknowledged.length} acknowledged commits, ${Date.now() - started} ms`);
  });
});

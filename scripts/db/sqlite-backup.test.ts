/**
 * `npm run db:backup` and `npm run db:restore`, run as the commands they are, against a SQLite
 * file that a writer (tests/server/durability/writer.mjs, the app's connection settings) keeps
 * committing to throughout.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { providerOf } from "../../lib/server/database-url";
import { freshDatabaseFile, startWriter, type RunningWriter } from "../../tests/server/durability/writer-process";
import { ROOT } from "./paths";
import { defaultBackupPath, integrityProblems } from "./sqlite-backup";

const isSqlite = providerOf(process.env.DATABASE_URL ?? "file:") === "sqlite";
const run = promisify(execFile);

async function npmScript(script: "backup" | "restore", databaseFile: string, arg?: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), `scripts/db/${script}.ts`, ...(arg ? [arg] : [])], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

function idsIn(file: string): Set<string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return new Set(db.prepare(`SELECT id FROM "Organization" WHERE id LIKE 'bk-%'`).pluck().all() as string[]);
  } finally {
    db.close();
  }
}

function orphansIn(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(`SELECT count(*) FROM "Organization" o WHERE o.id LIKE 'bk-%' AND NOT EXISTS (SELECT 1 FROM "Assessment" a WHERE a."organizationId" = o.id)`)
      .pluck()
      .get() as number;
  } finally {
    db.close();
  }
}

let writer: RunningWriter | undefined;
afterEach(async () => {
  writer?.child.kill("SIGKILL");
  await writer?.exited;
  writer = undefined;
});

describe.runIf(isSqlite)("db:backup and db:restore", () => {
  it("backs up while writes are running: the copy is sound, self-contained and holds every write acknowledged before it began", async () => {
    const live = freshDatabaseFile();
    writer = startWriter({ file: live, prefix: "bk-a", checkpointEvery: 25, pauseMs: 1 });
    await writer.waitForAcks(50);
    const before = [...writer.acks];
    const target = path.join(path.dirname(live), "copy.db");
    const { code, out } = await npmScript("backup", live, target);
    expect(code, out).toBe(0);
    expect(out).toMatch(/integrity ok/);
    const afterCount = writer.acks.length;
    await writer.waitForAcks(afterCount + 20);

    expect(integrityProblems(target)).toEqual([]);
    const copied = idsIn(target);
    expect(before.filter((id) => !copied.has(id))).toEqual([]);
    expect(orphansIn(target)).toBe(0);
    // A snapshot, not a live view: later commits are not in it.
    expect(copied.has(writer.acks.at(-1)!)).toBe(false);
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(readFileSync(target).subarray(18, 20)).toEqual(Buffer.from([1, 1])); // rollback journal, one file
  });

  it("writes to data/backups/bulwark-<UTC time>.db by default and never overwrites a file", async () => {
    const live = freshDatabaseFile();
    const first = await npmScript("backup", live);
    expect(first.code, first.out).toBe(0);
    const made = readdirSync(path.join(path.dirname(live), "backups"));
    expect(made).toEqual([expect.stringMatching(/^bulwark-\d{8}-\d{6}\.db$/)]);
    expect(defaultBackupPath("/srv/data/bulwark.db", new Date("2026-11-22T01:30:45Z"))).toBe("/srv/data/backups/bulwark-20261122-013045.db");

    const again = await npmScript("backup", live, path.join(path.dirname(live), "backups", made[0]!));
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already exists/);
  });

  it("restores into the live database while writes are running, keeping a safety copy", async () => {
    const live = freshDatabaseFile();
    writer = startWriter({ file: live, prefix: "bk-r", checkpointEvery: 25, pauseMs: 1 });
    await writer.waitForAcks(40);
    const backupFile = path.join(path.dirname(live), "backup.db");
    expect((await npmScript("backup", live, backupFile)).code).toBe(0);
    const inBackup = idsIn(backupFile);

    // Writes made after the backup, which the restore must take back.
    await writer.waitForAcks(writer.acks.length + 40);
    const beforeRestore = [...writer.acks];
    const lostByRestore = beforeRestore.filter((id) => !inBackup.has(id));
    expect(lostByRestore.length).toBeGreaterThan(0);

    const { code, out } = await npmScript("restore", live, backupFile);
    expect(code, out).toBe(0);
    const afterRestore = writer.acks.length;
    // The writer keeps working on the restored database, its connection untouched.
    await writer.waitForAcks(afterRestore + 20);
    const laterWrites = writer.acks.slice(afterRestore);
    writer.child.kill("SIGKILL");
    await writer.exited;

    expect(integrityProblems(live)).toEqual([]);
    const now = idsIn(live);
    expect([...inBackup].filter((id) => !now.has(id))).toEqual([]);
    expect(lostByRestore.filter((id) => now.has(id))).toEqual([]);
    expect(laterWrites.filter((id) => !now.has(id))).toEqual([]);
    expect(orphansIn(live)).toBe(0);
    const db = new Database(live);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();

    const safety = out.match(/before the restore: (\S+)/)?.[1];
    expect(safety && existsSync(safety)).toBe(true);
    const kept = idsIn(safety!);
    expect(beforeRestore.filter((id) => !kept.has(id))).toEqual([]);
  });

  it("refuses a damaged backup and leaves the database as it was", async () => {
    const live = freshDatabaseFile();
    writer = startWriter({ file: live, prefix: "bk-d", limit: 200 });
    await writer.exited;
    writer = undefined;
    const backupFile = path.join(path.dirname(live), "damaged.db");
    expect((await npmScript("backup", live, backupFile)).code).toBe(0);
    const bytes = readFileSync(backupFile);
    // Scribble over the middle of the file: b-tree pages that integrity_check walks.
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 8192);
    writeFileSync(backupFile, bytes);
    expect(integrityProblems(backupFile)).not.toEqual([]);
    const before = idsIn(live);

    const { code, out } = await npmScript("restore", live, backupFile);
    expect(code).toBe(1);
    expect(out).toMatch(/failed its integrity check, so it was not restored/);
    expect(idsIn(live)).toEqual(before);
    expect(existsSync(path.join(path.dirname(live), "backups"))).toBe(false);
  });

  it("refuses a file that is not a Bulwark database, or one from a newer version", async () => {
    const live = freshDatabaseFile();
    const other = path.join(path.dirname(live), "other.db");
    const db = new Database(other);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    db.close();
    const notOurs = await npmScript("restore", live, other);
    expect(notOurs.code).toBe(1);
    expect(notOurs.out).toMatch(/is not a Bulwark database/);

    const newer = path.join(path.dirname(live), "newer.db");
    expect((await npmScript("backup", live, newer)).code).toBe(0);
    const n = new Database(newer);
    n.prepare(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x', 'x', '29990101000000_future', 0, 0, 1)`,
    ).run();
    n.close();
    const fromFuture = await npmScript("restore", live, newer);
    expect(fromFuture.code).toBe(1);
    expect(fromFuture.out).toMatch(/newer version of Bulwark \(migrations 29990101000000_future\)/);
    expect((await npmScript("restore", live)).out).toMatch(/usage: npm run db:restore <backup file>/);
  });
});

/**
 * Online backup and restore of the SQLite database, through SQLite's own backup API
 * (better-sqlite3's `.backup()`), so both work while the app is serving and writing:
 *
 * - A backup copies every page inside one read transaction: a consistent snapshot of the last
 *   committed state. In WAL mode readers never block writers, so the app keeps writing meanwhile.
 * - A restore first proves the backup sound (`PRAGMA integrity_check`, Bulwark's tables, no
 *   migration newer than this code), keeps a safety copy of the current database, then copies the
 *   backup into the live file inside one write transaction of SQLite's own locking: the app's
 *   connections wait for it (busy timeout) and then see the restored data, never a half-copied file.
 *   Copying files over a live SQLite database (cp, mv) is what corrupts it; this never does that.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS_DIRS } from "./paths.js";

/** How long a backup or restore waits for a busy database before giving up, in milliseconds. */
export const BUSY_WAIT_MS = 10_000;

/** Tables a database must have to be taken for a Bulwark database. */
const REQUIRED_TABLES = ["_prisma_migrations", "user", "session", "Organization", "Membership", "Assessment"];

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** `data/backups/bulwark-20261122-013045.db` (UTC), next to the database's own folder. */
export function defaultBackupPath(databaseFile: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return path.join(path.dirname(databaseFile), "backups", `bulwark-${stamp}.db`);
}

/** The problems `PRAGMA integrity_check` reports; empty when the file is sound. */
export function integrityProblems(file: string): string[] {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_WAIT_MS });
    const rows = db.prepare("PRAGMA integrity_check").pluck().all() as string[];
    return rows.length === 1 && rows[0] === "ok" ? [] : rows;
  } catch (e) {
    return [`cannot be read as a SQLite database: ${(e as Error).message}`];
  } finally {
    db?.close();
  }
}

/**
 * Copy every page in one step: a step-by-step copy restarts whenever another connection writes
 * between two steps, and under steady writes it might never finish.
 */
const ALL_AT_ONCE = () => 0x7fffffff;

/**
 * `source.backup(target)`, retried while the other side is busy. better-sqlite3 reports a first
 * step that found the database locked (SQLITE_BUSY) as a finished copy of 0 pages, so a restore
 * into a database that a writer held at that moment would silently copy nothing; a Bulwark
 * database always has pages, so 0 means "busy, try again".
 */
async function copyPages(source: Database.Database, target: string): Promise<number> {
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (;;) {
    const { totalPages } = await source.backup(target, { progress: ALL_AT_ONCE });
    if (totalPages > 0) return totalPages;
    if (Date.now() > deadline) throw new BackupError(`${target} stayed locked for ${BUSY_WAIT_MS / 1000} s; try again.`);
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  }
}

export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  readonly pages: number;
}

/**
 * Back up `databaseFile` to `target` (which must not exist) while the app may be running, then
 * check the copy. The copy is a single self-contained file (rollback journal, not WAL).
 */
export async function backupDatabase(databaseFile: string, target: string): Promise<BackupResult> {
  if (!existsSync(databaseFile)) throw new BackupError(`There is no database at ${databaseFile}.`);
  if (existsSync(target)) throw new BackupError(`${target} already exists: choose another name, a backup never overwrites a file.`);
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const source = new Database(databaseFile, { fileMustExist: true, timeout: BUSY_WAIT_MS });
  let pages: number;
  try {
    pages = await copyPages(source, target);
  } finally {
    source.close();
  }
  const copy = new Database(target, { timeout: BUSY_WAIT_MS });
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  const problems = integrityProblems(target);
  if (problems.length > 0) throw new BackupError(`The backup at ${target} failed its integrity check: ${problems.slice(0, 5).join("; ")}`);
  return { file: target, bytes: statSync(target).size, pages };
}

function migrationFolders(): Set<string> {
  const dir = MIGRATIONS_DIRS.sqlite;
  return new Set(readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name));
}

export interface BackupCheck {
  /** Migrations the backup has not applied yet (run them after the restore). */
  readonly pendingMigrations: string[];
}

/** Refuse a backup that is damaged, is not Bulwark's, or comes from a newer version of Bulwark. */
export function checkBackup(file: string): BackupCheck {
  if (!existsSync(file)) throw new BackupError(`There is no backup at ${file}.`);
  const problems = integrityProblems(file);
  if (problems.length > 0) {
    throw new BackupError(`${file} failed its integrity check, so it was not restored: ${problems.slice(0, 5).join("; ")}`);
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) throw new BackupError(`${file} is not a Bulwark database (no ${missing.join(", ")} table).`);
    const applied = db
      .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
      .pluck()
      .all() as string[];
    const known = migrationFolders();
    const unknown = applied.filter((m) => !known.has(m));
    if (unknown.length > 0) {
      throw new BackupError(`${file} comes from a newer version of Bulwark (migrations ${unknown.join(", ")}): update Bulwark first.`);
    }
    const done = new Set(applied);
    return { pendingMigrations: [...known].filter((m) => !done.has(m)).sort() };
  } finally {
    db.close();
  }
}

export interface RestoreResult extends BackupCheck {
  /** The copy of the database as it was just before the restore. */
  readonly safetyCopy: string | null;
}

/**
 * Replace the contents of `databaseFile` with the backup, safely while the app runs (see the top of
 * this file). Nothing is changed unless the backup passes `checkBackup`.
 */
export async function restoreDatabase(backupFile: string, databaseFile: string, now = new Date()): Promise<RestoreResult> {
  if (path.resolve(backupFile) === path.resolve(databaseFile)) throw new BackupError("The backup and the database are the same file.");
  const check = checkBackup(backupFile);
  let safetyCopy: string | null = null;
  if (existsSync(databaseFile)) {
    safetyCopy = defaultBackupPath(databaseFile, now).replace(/bulwark-/, "pre-restore-");
    await backupDatabase(databaseFile, safetyCopy);
  } else {
    mkdirSync(path.dirname(path.resolve(databaseFile)), { recursive: true });
  }
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await copyPages(source, databaseFile);
  } finally {
    source.close();
  }
  // The app's connections expect WAL; a backup copied into a new file arrives in rollback mode.
  const live = new Database(databaseFile, { timeout: BUSY_WAIT_MS });
  try {
    live.pragma("journal_mode = WAL");
  } finally {
    live.close();
  }
  const problems = integrityProblems(databaseFile);
  if (problems.length > 0) {
    throw new BackupError(`The restored database failed its integrity check (${problems[0]}); the previous one is in ${safetyCopy}.`);
  }
  return { ...check, safetyCopy };
}

/**
 * `npm run db:restore <file>`: replace the SQLite database named by DATABASE_URL with a backup made
 * by `npm run db:backup`. Safe while the app is running (scripts/db/sqlite-backup.ts): the backup is
 * checked first, the current database is kept as data/backups/pre-restore-<UTC time>.db, and
 * migrations the backup lacks are applied afterwards.
 */
import { DEFAULT_DATABASE_URL, providerOf, redactUrl, sqliteFilePath } from "../../lib/server/database-url.js";
import { applyMigrations } from "./schema-engine.js";
import { BackupError, restoreDatabase } from "./sqlite-backup.js";

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const backup = process.argv[2];
  if (!backup) {
    console.error("usage: npm run db:restore <backup file>");
    return 2;
  }
  if (providerOf(url) !== "sqlite") {
    console.error(`db:restore restores SQLite databases; ${redactUrl(url)} is PostgreSQL: use pg_restore (docs/operations.md).`);
    return 2;
  }
  const file = sqliteFilePath(url);
  const result = await restoreDatabase(backup, file);
  if (result.safetyCopy) console.log(`the database as it was before the restore: ${result.safetyCopy}`);
  if (result.pendingMigrations.length > 0) {
    const applied = await applyMigrations(url);
    console.log(`applied migrations the backup did not have: ${applied.join(", ")}`);
  }
  console.log(`restored ${backup} into ${file} (integrity ok)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof BackupError ? `db:restore: ${e.message}` : e);
    process.exit(1);
  },
);

/**
 * `npm run db:backup [-- <file>]`: an online backup of the SQLite database named by DATABASE_URL,
 * safe while the app is running, to `<file>` or to data/backups/bulwark-<UTC time>.db.
 * PostgreSQL has its own tools: see docs/operations.md.
 */
import { DEFAULT_DATABASE_URL, providerOf, redactUrl, sqliteFilePath } from "../../lib/server/database-url.js";
import { backupDatabase, BackupError, defaultBackupPath } from "./sqlite-backup.js";

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (providerOf(url) !== "sqlite") {
    console.error(`db:backup copies SQLite databases; ${redactUrl(url)} is PostgreSQL: use pg_dump (docs/operations.md).`);
    return 2;
  }
  const file = sqliteFilePath(url);
  const target = process.argv[2] || defaultBackupPath(file);
  const result = await backupDatabase(file, target);
  console.log(`backed up ${file} to ${result.file} (${result.pages} pages, ${result.bytes} bytes, integrity ok)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof BackupError ? `db:backup: ${e.message}` : e);
    process.exit(1);
  },
);

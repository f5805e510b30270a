/**
 * Which database a `DATABASE_URL` points at. Shared by the app (lib/server/db.ts), the Prisma
 * scripts (scripts/db/) and the tests, so it must not import `server-only`.
 */

export const DEFAULT_DATABASE_URL = "file:./data/bulwark.db";

export type DatabaseProvider = "sqlite" | "postgresql";

/**
 * @example
 * providerOf("file:./data/bulwark.db") //=> "sqlite"
 * providerOf("postgres://u:p@localhost/db") //=> "postgresql"
 */
export function providerOf(url: string): DatabaseProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(
    `DATABASE_URL must start with file: (SQLite, such as ${DEFAULT_DATABASE_URL}) or postgres:// (PostgreSQL); got "${redactUrl(url)}"`,
  );
}

/** The SQLite file path of a `file:` URL, as better-sqlite3 opens it (relative to the working directory). */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/** A URL safe to print: the password is replaced. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

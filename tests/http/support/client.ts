/**
 * Talking to a test server as a browser or an API client would: cookies, Origin, JSON bodies.
 * Sessions for test principals are made in-process through better-auth against the server's own
 * database (the same secret), so the tests do not spend the sign-in rate limit on setup.
 */
import { readFileSync } from "node:fs";
import { getAuth } from "../../../lib/server/auth";
import { providerOf } from "../../../lib/server/database-url";
import { disconnectDb } from "../../../lib/server/db";
import { resetEnvForTests } from "../../../lib/server/env";
import { GENERATED_PROVIDER_FILE } from "../../../scripts/db/paths";
import { createUser, uniqueEmail, type CreatedUser } from "../../factories";
import { TEST_AUTH_SECRET, type AppServer } from "./app-server";

let usedDatabase: string | undefined;

/**
 * Point this test process's data layer at the server's database, before anything opens it: the
 * setup below writes through the real access layer and factories, as the server would.
 */
export async function useDatabaseOf(server: AppServer): Promise<void> {
  // better-auth keeps the database client it was created with: one database per test file.
  if (usedDatabase && usedDatabase !== server.databaseUrl) throw new Error("useDatabaseOf: a test file can set up data in one database only");
  usedDatabase = server.databaseUrl;
  const generated = readFileSync(GENERATED_PROVIDER_FILE, "utf8").trim();
  if (generated !== providerOf(server.databaseUrl)) {
    throw new Error(`The Prisma client is generated for ${generated}, but the server runs on ${providerOf(server.databaseUrl)}: run \`DATABASE_URL=${server.databaseUrl} npm run db:generate\`.`);
  }
  process.env.DATABASE_URL = server.databaseUrl;
  process.env.BETTER_AUTH_SECRET = TEST_AUTH_SECRET;
  process.env.APP_URL = server.url;
  resetEnvForTests();
  await disconnectDb();
}

/** `name=value` pairs of the cookies a response sets, as a browser would send them back. */
export function cookiesFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => !c.endsWith("="))
    .join("; ");
}

export interface Principal extends CreatedUser {
  /** The Cookie header of a signed-in session. */
  readonly cookie: string;
}

export const TEST_PASSWORD = "a long enough password 2026";

/** A new user with a password and a signed-in session. */
export async function createPrincipal(name: string): Promise<Principal> {
  const user = await createUser({ name, email: uniqueEmail(name.toLowerCase().replace(/\W+/g, "-")), password: TEST_PASSWORD });
  const { headers } = await getAuth().api.signInEmail({ body: { email: user.email, password: TEST_PASSWORD }, returnHeaders: true });
  return { ...user, cookie: cookiesFrom(headers) };
}

export interface CallOptions {
  readonly cookie?: string;
  readonly body?: unknown;
  /** The Origin header: the server's own by default; null sends none. */
  readonly origin?: string | null;
  readonly headers?: Record<string, string>;
}

/** One request with a JSON body (when given); answers status, headers and the parsed body. */
export async function call(server: AppServer, method: string, pathname: string, opts: CallOptions = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  const origin = opts.origin === undefined ? server.url : opts.origin;
  if (origin !== null) headers.origin = origin;
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await fetch(`${server.url}${pathname}`, { method, headers, body, redirect: "manual" });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON (a page, or empty)
  }
  return { status: res.status, headers: res.headers, text, json: json as Record<string, unknown> | undefined };
}

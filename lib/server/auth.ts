import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { providerOf } from "./database-url";
import { getDb } from "./db";
import { getEnv } from "./env";
import { authGuards } from "./security/auth-guards";

export const PASSWORD_MIN_LENGTH = 8;
// better-auth hashes with scrypt, which has no 72-byte limit (unlike bcrypt); 128 keeps hashing cheap.
export const PASSWORD_MAX_LENGTH = 128;
export const SESSION_DAYS = 7;

/** http://localhost:3000 and http://127.0.0.1:3000 are the same app to a person; trust both. */
function trustedOriginsFor(appUrl: string): string[] {
  const u = new URL(appUrl);
  const origins = new Set([u.origin]);
  for (const host of ["localhost", "127.0.0.1"]) {
    if (u.hostname === "localhost" || u.hostname === "127.0.0.1") origins.add(`${u.protocol}//${host}${u.port ? `:${u.port}` : ""}`);
  }
  return [...origins];
}

/**
 * Session cookies `__Host-bulwark.session_token`: Secure, HttpOnly, SameSite=Lax, Path=/ and no
 * Domain (ASVS 5.0 3.3.1–3.3.4), wherever browsers accept Secure cookies: https, and http on
 * localhost / 127.0.0.1. On plain http under any other name a browser would drop them and nobody
 * could sign in, so there the cookie is `bulwark.session_token` without Secure (docs/operations.md:
 * put TLS in front).
 */
export function sessionCookieSettings(appUrl: string) {
  const u = new URL(appUrl);
  const secure = u.protocol === "https:" || u.hostname === "localhost" || u.hostname === "127.0.0.1";
  return {
    cookiePrefix: secure ? "__Host-bulwark" : "bulwark",
    // better-auth would prefix __Secure- instead; the prefix above carries __Host-.
    useSecureCookies: false,
    defaultCookieAttributes: { secure, httpOnly: true, sameSite: "lax" as const, path: "/" },
  };
}

function createAuth() {
  const env = getEnv();
  return betterAuth({
    appName: "Bulwark",
    baseURL: env.APP_URL,
    secret: env.BETTER_AUTH_SECRET,
    trustedOrigins: trustedOriginsFor(env.APP_URL),
    database: prismaAdapter(getDb(), { provider: providerOf(env.DATABASE_URL) }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      autoSignIn: true,
    },
    session: {
      expiresIn: 60 * 60 * 24 * SESSION_DAYS,
      updateAge: 60 * 60 * 24,
      // Every request reads the session row, so a signed-out or revoked session ends at once.
      cookieCache: { enabled: false },
    },
    // Rate limits live in security/auth-guards.ts (a before hook), which also covers the sign-in and
    // sign-up forms' in-process calls; better-auth's own limiter sees HTTP requests only.
    rateLimit: { enabled: false },
    hooks: { before: authGuards },
    advanced: sessionCookieSettings(env.APP_URL),
    // nextCookies must be the last plugin: it copies better-auth's Set-Cookie into server actions.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

let auth: Auth | undefined;

/** Created on first use, like the database client. */
export function getAuth(): Auth {
  auth ??= createAuth();
  return auth;
}

export interface SessionInfo {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly sessionId: string;
}

/** The session of a request, from its cookies; null when signed out, expired or revoked. */
export async function getSessionFromHeaders(headers: Headers): Promise<SessionInfo | null> {
  const result = await getAuth().api.getSession({ headers });
  if (!result) return null;
  return {
    userId: result.user.id,
    email: result.user.email,
    name: result.user.name,
    sessionId: result.session.id,
  };
}

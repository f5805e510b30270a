import "server-only";
/**
 * What better-auth runs before every endpoint (`hooks.before`), for its HTTP routes and for the
 * in-process `auth.api.*` calls of the sign-in and sign-up forms alike, so a form and a script
 * meet the same limits (better-auth's own limiter sees HTTP requests only):
 *
 * - rate limits on sign-in, sign-up and password reset/change (ASVS 5.0 6.3.1, 2.4.1): per client
 *   address, and per account where the request names one, in the shared database table; a refused
 *   request gets 429 with Retry-After. Production only, like better-auth's own default.
 * - the password rules of passwords.ts for every new password.
 */
import { APIError, createAuthMiddleware } from "better-auth/api";
import { DEMO_EMAIL } from "../demo";
import { getEnv } from "../env";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "./passwords";
import { consumeRateLimit, pruneRateLimits, type RateRule } from "./rate-limit";

export interface PathLimits {
  /** Per client address. */
  readonly ip: RateRule;
  /** Per account named in the body (email), against guessing one account's password from many addresses. */
  readonly account?: RateRule;
}

/**
 * The limits by endpoint. `attemptsPerMinute` is the per-address limit on sign-in and sign-up
 * (AUTH_ATTEMPTS_PER_MINUTE, default 10): an office where many people sign up at once behind one
 * public address may raise it; the per-account limits, which stop guessing one account's password,
 * do not move with it.
 */
export function authRateLimits(attemptsPerMinute: number): Readonly<Record<string, PathLimits>> {
  return {
    "/sign-in/email": { ip: { max: attemptsPerMinute, windowSeconds: 60 }, account: { max: 10, windowSeconds: 900 } },
    "/sign-up/email": { ip: { max: attemptsPerMinute, windowSeconds: 60 } },
    "/request-password-reset": { ip: { max: 5, windowSeconds: 60 }, account: { max: 3, windowSeconds: 900 } },
    "/forget-password": { ip: { max: 5, windowSeconds: 60 }, account: { max: 3, windowSeconds: 900 } },
    "/reset-password": { ip: { max: 5, windowSeconds: 60 } },
    "/change-password": { ip: { max: 10, windowSeconds: 60 } },
  };
}

export const TOO_MANY_ATTEMPTS = "Too many attempts. Wait a minute and try again.";

/** Body fields that carry a new password, by endpoint. */
const NEW_PASSWORD_FIELDS: Readonly<Record<string, string>> = {
  "/sign-up/email": "password",
  "/reset-password": "newPassword",
  "/change-password": "newPassword",
  "/set-password": "newPassword",
};

/**
 * The client's address as the last hop saw it: `next start` sets X-Forwarded-For to the socket's
 * address when the request has none, and a reverse proxy appends the address it saw, so the last
 * entry is the one no client can choose (unless the app is exposed directly, see docs/operations.md).
 */
export function clientAddress(headers: Headers | undefined): string {
  const forwarded = headers?.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return (last ?? "unknown").replace(/^::ffff:/, "").toLowerCase();
}

function emailOf(body: unknown): string | null {
  const email = body && typeof body === "object" ? (body as Record<string, unknown>).email : undefined;
  return typeof email === "string" && email.length <= 320 ? email.trim().toLowerCase() : null;
}

/** The counters a request to `path` takes a slot of: `[key, rule]` pairs. */
export function rateLimitKeys(path: string, body: unknown, headers: Headers | undefined, attemptsPerMinute = getEnv().AUTH_ATTEMPTS_PER_MINUTE): Array<[string, RateRule]> {
  const limits = authRateLimits(attemptsPerMinute)[path];
  if (!limits) return [];
  const keys: Array<[string, RateRule]> = [[`bulwark:ip:${clientAddress(headers)}|${path}`, limits.ip]];
  const email = emailOf(body);
  // The demo account's password is public: locking it would only lock visitors out of the demo.
  if (limits.account && email && email !== DEMO_EMAIL) keys.push([`bulwark:account:${email}|${path}`, limits.account]);
  return keys;
}

async function enforceRateLimits(path: string, body: unknown, headers: Headers | undefined): Promise<void> {
  for (const [key, rule] of rateLimitKeys(path, body, headers)) {
    const verdict = await consumeRateLimit(key, rule);
    if (!verdict.allowed) {
      throw new APIError("TOO_MANY_REQUESTS", { message: TOO_MANY_ATTEMPTS, code: "TOO_MANY_REQUESTS" }, { "Retry-After": String(verdict.retryAfterSeconds) });
    }
  }
  // Now and then, drop counters whose windows ended a day ago.
  if (Math.random() < 0.01) await pruneRateLimits(24 * 60 * 60);
}

/** Refuse a new password from the common list (400, with a message for the password field). */
export function checkNewPassword(path: string, body: unknown): void {
  const field = NEW_PASSWORD_FIELDS[path];
  if (!field || !body || typeof body !== "object") return;
  const password = (body as Record<string, unknown>)[field];
  if (typeof password === "string" && isCommonPassword(password)) {
    throw new APIError("BAD_REQUEST", { message: COMMON_PASSWORD_MESSAGE, code: "PASSWORD_TOO_COMMON" });
  }
}

export const authGuards = createAuthMiddleware(async (ctx) => {
  if (getEnv().NODE_ENV === "production") await enforceRateLimits(ctx.path, ctx.body, ctx.headers ?? ctx.request?.headers);
  checkNewPassword(ctx.path, ctx.body);
});

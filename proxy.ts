import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "./lib/server/env";
import { contentSecurityPolicy, fixedSecurityHeaders, newNonce } from "./lib/server/security/headers";
import { checkOrigin } from "./lib/server/security/origin";

/**
 * Runs before every request (Next.js 16's proxy, formerly middleware):
 * - a request that changes state (POST, PUT, PATCH, DELETE: server actions, route handlers,
 *   better-auth) without this app's Origin is refused with 403 (cross-site request forgery);
 * - every response gets the security headers and a Content-Security-Policy whose script nonce is
 *   new for each request. Next.js reads the nonce from the request's CSP header and puts it on its
 *   own scripts; the root layout renders per request so that it can (app/layout.tsx).
 *
 * Route handlers and actions still authenticate and authorise inside themselves: this is a second
 * line, not the access check (the proxy docs warn that a matcher change can silently skip it).
 */
export function proxy(request: NextRequest): NextResponse {
  const env = getEnv();
  const opts = { isDevelopment: env.NODE_ENV === "development", isHttps: new URL(env.APP_URL).protocol === "https:" };
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, opts);

  const verdict = checkOrigin(request.method, request.headers.get("origin"), env.APP_URL);
  const response = verdict.ok
    ? NextResponse.next({ request: { headers: withNonce(request.headers, nonce, csp) } })
    : NextResponse.json({ error: "forbidden", message: verdict.reason }, { status: 403 });

  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(fixedSecurityHeaders(opts))) response.headers.set(name, value);
  return response;
}

function withNonce(headers: Headers, nonce: string, csp: string): Headers {
  const next = new Headers(headers);
  next.set("x-nonce", nonce);
  next.set("Content-Security-Policy", csp);
  return next;
}

// Every path, static files included: the headers belong on every response.
export const config = {
  matcher: "/:path*",
};

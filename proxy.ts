import { readFileSync } from "node:fs";
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "./lib/server/env";
import { checkActionArguments, readActionArguments } from "./lib/server/security/action-guard";
import { contentSecurityPolicy, fixedSecurityHeaders, newNonce } from "./lib/server/security/headers";
import { checkOrigin } from "./lib/server/security/origin";

/**
 * Runs before every request (Next.js 16's proxy, formerly middleware):
 * - a request that changes state (POST, PUT, PATCH, DELETE: server actions, route handlers,
 *   better-auth) without this app's Origin is refused with 403 (cross-site request forgery);
 * - a server-action call whose body or arguments no page of the app would send is refused with
 *   400 before Next.js decodes it (lib/server/security/action-guard.ts);
 * - every response gets the security headers and a Content-Security-Policy whose script nonce is
 *   new for each request. Next.js reads the nonce from the request's CSP header and puts it on its
 *   own scripts; the root layout renders per request so that it can (app/layout.tsx).
 *
 * Route handlers and actions still authenticate and authorise inside themselves: this is a second
 * line, not the access check (the proxy docs warn that a matcher change can silently skip it).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const env = getEnv();
  const opts = { isDevelopment: env.NODE_ENV === "development", isHttps: new URL(env.APP_URL).protocol === "https:" };
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, opts);

  const verdict = checkOrigin(request.method, request.headers.get("origin"), env.APP_URL);
  const action = verdict.ok ? await checkActionCall(request) : null;
  const response = !verdict.ok
    ? NextResponse.json({ error: "forbidden", message: verdict.reason }, { status: 403 })
    : action && !action.ok
      ? NextResponse.json({ error: "bad_request", message: action.reason }, { status: 400 })
      : NextResponse.next({ request: { headers: withNonce(request.headers, nonce, csp) } });

  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(fixedSecurityHeaders(opts))) response.headers.set(name, value);
  return response;
}

let actionNames: Map<string, string> | undefined;

/** Action id → `<file>#<export>`, from the build being served. */
function actionNameOf(id: string): string | undefined {
  if (!actionNames?.has(id)) {
    try {
      const file = path.join(process.cwd(), process.env.BULWARK_DIST_DIR || ".next", "server", "server-reference-manifest.json");
      const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, { exportedName?: string; filename?: string }> }> };
      actionNames = new Map(
        Object.entries(manifest.node).map(([actionId, e]) => {
          const worker = Object.values(e.workers)[0];
          return [actionId, `${(e.filename ?? worker?.filename ?? "").replace(/^\.\//, "")}#${e.exportedName ?? worker?.exportedName ?? ""}`];
        }),
      );
    } catch {
      actionNames = new Map();
    }
  }
  return actionNames.get(id);
}

/** null: not a server-action call. */
async function checkActionCall(request: NextRequest): Promise<{ ok: true } | { ok: false; reason: string } | null> {
  const id = request.headers.get("next-action");
  if (request.method !== "POST" || !id) return null;
  const read = await readActionArguments(request.clone());
  if (!read.ok) return read;
  return checkActionArguments(actionNameOf(id), read.args, read.isMultipart);
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

/**
 * The Origin check for requests that change state (ASVS 5.0 3.5.x: cross-site request forgery).
 * Browsers send `Origin` with every POST, PUT, PATCH and DELETE, so a missing header means a
 * script or a very old browser, and a foreign one means another site: both are refused (403).
 * Used by proxy.ts for every request and by each route handler that changes state, so a handler
 * stays protected when a proxy matcher changes.
 *
 * Not marked server-only: proxy.ts imports it.
 */

/** Methods that only read: no Origin needed. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The origins allowed to send state-changing requests: APP_URL's, plus its localhost / 127.0.0.1
 * twin when APP_URL is local (a person reaches the same app under either name).
 *
 * @example
 * allowedOrigins("http://localhost:3000") //=> ["http://localhost:3000", "http://127.0.0.1:3000"]
 * allowedOrigins("https://bulwark.example.com/") //=> ["https://bulwark.example.com"]
 */
export function allowedOrigins(appUrl: string): string[] {
  const u = new URL(appUrl);
  const origins = new Set([u.origin]);
  if (u.hostname === "localhost" || u.hostname === "127.0.0.1") {
    for (const host of ["localhost", "127.0.0.1"]) origins.add(`${u.protocol}//${host}${u.port ? `:${u.port}` : ""}`);
  }
  return [...origins];
}

export type OriginVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Whether a request may change state, judged by its method and Origin header. */
export function checkOrigin(method: string, origin: string | null, appUrl: string): OriginVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };
  if (!origin) return { ok: false, reason: "The request has no Origin header; requests that change data must come from Bulwark's own pages." };
  if (!allowedOrigins(appUrl).includes(origin)) return { ok: false, reason: "The request comes from another site (its Origin is not this app)." };
  return { ok: true };
}

/** The 403 answer to a refused request, as JSON. */
export function originRefusal(reason: string): Response {
  return Response.json({ error: "forbidden", message: reason }, { status: 403 });
}

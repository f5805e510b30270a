/**
 * The security headers of every response (ASVS 5.0 3.4): a Content-Security-Policy with a fresh
 * nonce per request, and the fixed headers. Applied by proxy.ts. Not marked server-only: proxy.ts
 * imports it.
 */

export interface PolicyOptions {
  /** `next dev` needs eval for React's debugging aids; production never does. */
  readonly isDevelopment: boolean;
  /** The app is served over https (APP_URL): HSTS and upgrading any stray http request. */
  readonly isHttps: boolean;
}

/**
 * Scripts run only with this response's nonce ('strict-dynamic' lets them load Next.js's chunks);
 * no plugins, no framing by other sites, forms post only here. Styles allow inline attributes:
 * React's `style` props (charts, progress bars) are attributes, which nonces cannot cover.
 */
export function contentSecurityPolicy(nonce: string, opts: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** The headers that do not change per request. */
export function fixedSecurityHeaders(opts: PolicyOptions): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    // URLs carry organisation and assessment ids: never send them to another site.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(opts.isHttps ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** 128 random bits, base64: unguessable per response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

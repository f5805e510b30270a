import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, fixedSecurityHeaders, newNonce } from "./headers";

describe("security headers", () => {
  it("build a nonce-based policy without eval in production, with it in development", () => {
    const prod = contentSecurityPolicy("abc123", { isDevelopment: false, isHttps: false });
    expect(prod).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(prod).not.toContain("unsafe-eval");
    expect(prod).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("abc123", { isDevelopment: true, isHttps: false })).toContain("'strict-dynamic' 'unsafe-eval'");
    expect(contentSecurityPolicy("abc123", { isDevelopment: false, isHttps: true })).toContain("upgrade-insecure-requests");
  });

  it("send HSTS only over https", () => {
    expect(fixedSecurityHeaders({ isDevelopment: false, isHttps: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(fixedSecurityHeaders({ isDevelopment: false, isHttps: true })["Strict-Transport-Security"]).toMatch(/max-age=31536000/);
  });

  it("make a new 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

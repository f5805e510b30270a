import { describe, expect, it } from "vitest";
import { allowedOrigins, checkOrigin } from "./origin";

describe("the Origin check", () => {
  it("lets reads through without an Origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) expect(checkOrigin(method, null, "http://localhost:3000").ok).toBe(true);
  });

  it("refuses a state-changing request without an Origin, or from another site", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(checkOrigin(method, null, "https://bulwark.example.com")).toMatchObject({ ok: false, reason: expect.stringMatching(/no Origin/) });
      expect(checkOrigin(method, "https://evil.example", "https://bulwark.example.com")).toMatchObject({ ok: false, reason: expect.stringMatching(/another site/) });
      // Same host, other scheme or port: another origin.
      expect(checkOrigin(method, "http://bulwark.example.com", "https://bulwark.example.com").ok).toBe(false);
      expect(checkOrigin(method, "https://bulwark.example.com:8443", "https://bulwark.example.com").ok).toBe(false);
      expect(checkOrigin(method, "null", "https://bulwark.example.com").ok).toBe(false);
      expect(checkOrigin(method, "https://bulwark.example.com", "https://bulwark.example.com/").ok).toBe(true);
    }
  });

  it("treats localhost and 127.0.0.1 as one app, on the same port only", () => {
    expect(allowedOrigins("http://localhost:3000")).toEqual(["http://localhost:3000", "http://127.0.0.1:3000"]);
    expect(checkOrigin("POST", "http://127.0.0.1:3000", "http://localhost:3000").ok).toBe(true);
    expect(checkOrigin("POST", "http://127.0.0.1:3001", "http://localhost:3000").ok).toBe(false);
    expect(allowedOrigins("https://bulwark.example.com")).toEqual(["https://bulwark.example.com"]);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { uniqueEmail } from "../../../tests/factories";
import { getAuth, sessionCookieSettings } from "../auth";
import { getDb } from "../db";
import { getEnv, resetEnvForTests } from "../env";
import { DEMO_EMAIL } from "../demo";
import { clientAddress, rateLimitKeys, TOO_MANY_ATTEMPTS } from "./auth-guards";
import { COMMON_PASSWORD_MESSAGE, commonPasswords, isCommonPassword } from "./passwords";
import { consumeRateLimit } from "./rate-limit";

async function failureOf(p: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { statusCode?: number; body?: { message?: string } };
    return { status: err.statusCode ?? -1, message: err.body?.message ?? "" };
  }
  return { status: 200, message: "" };
}

describe("password rules", () => {
  it("ship a list of the 10,000 most common passwords", () => {
    expect(commonPasswords().size).toBe(10_000);
    for (const p of ["password", "12345678", "iloveyou", "sunshine", "qwertyuiop", "football"]) expect(isCommonPassword(p)).toBe(true);
    expect(isCommonPassword("PassWord")).toBe(true);
    expect(isCommonPassword("correct horse battery staple")).toBe(false);
  });

  it("refuse a common password at sign-up, and accept an uncommon one", async () => {
    const email = uniqueEmail("common");
    const refused = await failureOf(getAuth().api.signUpEmail({ body: { name: "Pat", email, password: "Password1" } }));
    // "password1" is on the list, "Password1" only differs in case.
    expect(isCommonPassword("password1")).toBe(true);
    expect(refused).toEqual({ status: 400, message: COMMON_PASSWORD_MESSAGE });
    expect(await getDb().user.count({ where: { email } })).toBe(0);
    const accepted = await failureOf(getAuth().api.signUpEmail({ body: { name: "Pat", email, password: "plum kettle orbit" } }));
    expect(accepted.status).toBe(200);
  });

  it("refuse passwords shorter than 8 characters", async () => {
    const short = await failureOf(getAuth().api.signUpEmail({ body: { name: "Pat", email: uniqueEmail("short"), password: "x7#kQ2z" } }));
    expect(short.status).toBe(400);
  });
});

describe("session cookie settings", () => {
  it("are __Host- prefixed, Secure, HttpOnly, SameSite=Lax and Path=/ on https and on localhost", () => {
    for (const url of ["https://bulwark.example.com", "http://localhost:3000", "http://127.0.0.1:8080"]) {
      expect(sessionCookieSettings(url), url).toEqual({
        cookiePrefix: "__Host-bulwark",
        useSecureCookies: false,
        defaultCookieAttributes: { secure: true, httpOnly: true, sameSite: "lax", path: "/" },
      });
    }
  });

  it("drop Secure (and so __Host-) only on plain http under another name, where browsers would refuse them", () => {
    expect(sessionCookieSettings("http://192.168.1.20:3000")).toMatchObject({ cookiePrefix: "bulwark", defaultCookieAttributes: { secure: false, httpOnly: true } });
  });

  it("come out of a real sign-in with every attribute", async () => {
    const email = uniqueEmail("cookie");
    const { headers } = await getAuth().api.signUpEmail({ body: { name: "Cookie", email, password: "plum kettle orbit" }, returnHeaders: true });
    const session = headers.getSetCookie().find((c) => c.startsWith("__Host-bulwark.session_token="));
    expect(session).toBeDefined();
    const attributes = session!.split(";").slice(1).map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["secure", "httponly", "samesite=lax", "path=/"]));
    expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);
  });
});

describe("rate limits", () => {
  it("count sign-ins per client address and per account, but never lock the public demo account", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9" });
    expect(rateLimitKeys("/sign-in/email", { email: "Ann@Example.test" }, headers).map(([k]) => k)).toEqual([
      "bulwark:ip:203.0.113.9|/sign-in/email",
      "bulwark:account:ann@example.test|/sign-in/email",
    ]);
    expect(rateLimitKeys("/sign-in/email", { email: DEMO_EMAIL }, headers)).toHaveLength(1);
    expect(rateLimitKeys("/sign-up/email", { email: "a@b.test" }, headers)).toHaveLength(1);
    expect(rateLimitKeys("/request-password-reset", { email: "a@b.test" }, headers)).toHaveLength(2);
    expect(rateLimitKeys("/get-session", {}, headers)).toEqual([]);
    expect(rateLimitKeys("/sign-in/email", "not an object", undefined)).toEqual([["bulwark:ip:unknown|/sign-in/email", { max: 10, windowSeconds: 60 }]]);
  });

  it("let an operator raise the per-address sign-in and sign-up limit, never the per-account one", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9" });
    const signIn = rateLimitKeys("/sign-in/email", { email: "ann@example.test" }, headers, 50);
    expect(signIn.map(([, rule]) => rule.max)).toEqual([50, 10]);
    expect(rateLimitKeys("/sign-up/email", { email: "a@b.test" }, headers, 50)[0]![1].max).toBe(50);
    expect(rateLimitKeys("/request-password-reset", { email: "a@b.test" }, headers, 50).map(([, rule]) => rule.max)).toEqual([5, 3]);
  });

  describe("AUTH_ATTEMPTS_PER_MINUTE", () => {
    afterEach(() => {
      vi.unstubAllEnvs();
      resetEnvForTests();
    });

    it("is 10 unless set, and read as a whole number", () => {
      vi.stubEnv("AUTH_ATTEMPTS_PER_MINUTE", undefined);
      resetEnvForTests();
      expect(getEnv().AUTH_ATTEMPTS_PER_MINUTE).toBe(10);
      vi.stubEnv("AUTH_ATTEMPTS_PER_MINUTE", "200");
      resetEnvForTests();
      expect(getEnv().AUTH_ATTEMPTS_PER_MINUTE).toBe(200);
      expect(rateLimitKeys("/sign-up/email", {}, undefined)[0]![1].max).toBe(200);
    });

    it("refuses a value that is not a whole number from 1 to 10000, naming the variable", () => {
      for (const [value, message] of [
        ["lots", "AUTH_ATTEMPTS_PER_MINUTE: must be a whole number of attempts, e.g. 10"],
        ["2.5", "AUTH_ATTEMPTS_PER_MINUTE: must be a whole number of attempts, e.g. 10"],
        ["0", "AUTH_ATTEMPTS_PER_MINUTE: must be at least 1"],
        ["20000", "AUTH_ATTEMPTS_PER_MINUTE: must be at most 10000"],
      ]) {
        vi.stubEnv("AUTH_ATTEMPTS_PER_MINUTE", value);
        resetEnvForTests();
        expect(() => getEnv(), value).toThrow(message);
      }
    });
  });

  it("take the address the last proxy saw", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "10.0.0.1, 198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientAddress(undefined)).toBe("unknown");
  });

  it("let exactly `max` of many concurrent requests through, then say how long to wait", async () => {
    const key = `test:${uniqueEmail("rl")}`;
    const now = Date.now();
    const verdicts = await Promise.all(Array.from({ length: 25 }, () => consumeRateLimit(key, { max: 10, windowSeconds: 60 }, now)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    const refused = verdicts.find((v) => !v.allowed);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 60 });
    // A new window starts once the old one is over.
    expect(await consumeRateLimit(key, { max: 10, windowSeconds: 60 }, now + 61_000)).toEqual({ allowed: true });
    expect(TOO_MANY_ATTEMPTS).toMatch(/Too many attempts/);
  });
});

import { describe, expect, it } from "vitest";
import { createUser, uniqueEmail } from "../../tests/factories";
import { getAuth, getSessionFromHeaders } from "./auth";
import { getDb } from "./db";

/** `name=value` pairs of the cookies a response sets, as a browser would send them back. */
function cookiesFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => !c.endsWith("="))
    .join("; ");
}

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (e) {
    const err = e as { statusCode?: number; status?: number | string };
    return err.statusCode ?? (typeof err.status === "number" ? err.status : -1);
  }
  return 200;
}

describe("accounts through better-auth", () => {
  it("signs up, keeps the session in the database, and ends it at sign-out", async () => {
    const auth = getAuth();
    const email = uniqueEmail("signup");
    const { headers, response } = await auth.api.signUpEmail({
      body: { name: "Sam Signup", email, password: "correct horse battery" },
      returnHeaders: true,
    });
    expect(response.user.email).toBe(email);
    const cookie = cookiesFrom(headers);
    expect(cookie).toMatch(/^__Host-bulwark\.session_token=/);

    const session = await getSessionFromHeaders(new Headers({ cookie }));
    expect(session?.email).toBe(email);
    const rows = await getDb().session.findMany({ where: { userId: response.user.id }, select: { id: true } });
    expect(rows.map((r) => r.id)).toEqual([session!.sessionId]);
    const account = await getDb().account.findFirstOrThrow({ where: { userId: response.user.id } });
    expect(account.providerId).toBe("credential");
    expect(account.password).not.toContain("correct horse");

    await auth.api.signOut({ headers: new Headers({ cookie }) });
    expect(await getDb().session.count({ where: { userId: response.user.id } })).toBe(0);
    // The same cookie no longer opens a session: it ended in the database, not just in the browser.
    expect(await getSessionFromHeaders(new Headers({ cookie }))).toBeNull();
  });

  it("signs in with the right password only", async () => {
    const auth = getAuth();
    const user = await createUser({ password: "a long enough password" });
    expect(await statusOf(auth.api.signInEmail({ body: { email: user.email, password: "wrong password!" } }))).toBe(401);
    expect(await statusOf(auth.api.signInEmail({ body: { email: uniqueEmail("nobody"), password: "whatever123" } }))).toBe(401);

    const { headers } = await auth.api.signInEmail({ body: { email: user.email, password: "a long enough password" }, returnHeaders: true });
    const session = await getSessionFromHeaders(new Headers({ cookie: cookiesFrom(headers) }));
    expect(session?.userId).toBe(user.id);
  });

  it("refuses short passwords and a second account for the same address", async () => {
    const auth = getAuth();
    const email = uniqueEmail("short");
    expect(await statusOf(auth.api.signUpEmail({ body: { name: "S", email, password: "short" } }))).toBe(400);
    expect(await getDb().user.count({ where: { email } })).toBe(0);
    await auth.api.signUpEmail({ body: { name: "First", email, password: "first password" } });
    expect(await statusOf(auth.api.signUpEmail({ body: { name: "Second", email, password: "second password" } }))).toBe(422);
    expect(await getDb().user.count({ where: { email } })).toBe(1);
  });

  it("does not accept a forged session cookie", async () => {
    expect(await getSessionFromHeaders(new Headers({ cookie: "__Host-bulwark.session_token=forged.value" }))).toBeNull();
  });
});

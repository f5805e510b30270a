/**
 * OWASP ASVS 5.0 level 1 essentials, each checked over HTTP against the server `npm start` runs (scripts/serve.ts):
 * rate limits (429), password rules, session cookies, session revocation (sign-out and removal
 * from an organisation), security headers with a per-request CSP nonce on every response, and the
 * Origin check on every request that changes state.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization, listAssessments } from "../../lib/server/access";
import { getDb } from "../../lib/server/db";
import { COMMON_PASSWORD_MESSAGE } from "../../lib/server/security/passwords";
import { addMember, uniqueEmail } from "../factories";
import { callAction, readActions, type ActionInfo } from "./support/actions";
import { distDirOf, ROOT, startAppServer, type AppServer } from "./support/app-server";
import { call, cookiesFrom, createPrincipal, useDatabaseOf, type Principal } from "./support/client";

let server: AppServer;
let actions: ActionInfo[];
let owner: Principal;
let orgId: string;
let assessmentId: string;

function action(name: string): ActionInfo {
  const found = actions.find((a) => a.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in the build`);
  return found;
}

/** A client address of its own for each test, so that their rate-limit counters do not mix. */
let nextAddress = 10;
const freshAddress = () => ({ "x-forwarded-for": `203.0.113.${nextAddress++}` });

beforeAll(async () => {
  server = await startAppServer();
  await useDatabaseOf(server);
  actions = readActions(distDirOf());
  owner = await createPrincipal("Security Owner");
  orgId = (await createOrganization({ userId: owner.id }, { name: "Security Co" })).id;
  assessmentId = (await listAssessments({ userId: owner.id }, { organizationId: orgId }))[0]!.id;
});

afterAll(async () => {
  await server?.stop();
});

describe("rate limits (ASVS 6.3.1)", () => {
  it("sign-in: the 11th attempt from one address in a minute is 429, and the sign-in form shares the counter", async () => {
    const address = freshAddress();
    const user = await createPrincipal("Target");
    for (let i = 0; i < 10; i++) {
      const res = await call(server, "POST", "/api/auth/sign-in/email", { headers: address, body: { email: `nobody${i}@example.test`, password: "wrong password!" } });
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const limited = await call(server, "POST", "/api/auth/sign-in/email", { headers: address, body: { email: user.email, password: "a long enough password 2026" } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.json?.message).toMatch(/Too many attempts/);

    const form = new FormData();
    form.set("email", user.email);
    form.set("password", "a long enough password 2026");
    const viaForm = await callAction(server, action("signInAction"), [{}, form], { headers: address, page: "/sign-in" });
    expect(viaForm.result).toMatchObject({ message: expect.stringMatching(/Too many attempts/) });
    expect(cookiesFrom(viaForm.headers)).toBe("");
  });

  it("sign-in: one account is limited whatever addresses the attempts come from", async () => {
    const user = await createPrincipal("Sprayed");
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await call(server, "POST", "/api/auth/sign-in/email", { headers: freshAddress(), body: { email: user.email, password: `wrong guess ${i}` } });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
  });

  it("sign-up: the 11th account from one address in a minute is 429", async () => {
    const address = freshAddress();
    for (let i = 0; i < 10; i++) {
      const res = await call(server, "POST", "/api/auth/sign-up/email", { headers: address, body: { name: "Bulk", email: uniqueEmail("bulk"), password: "plum kettle orbit" } });
      expect(res.status, `sign-up ${i + 1}: ${res.text}`).toBe(200);
    }
    const limited = await call(server, "POST", "/api/auth/sign-up/email", { headers: address, body: { name: "Bulk", email: uniqueEmail("bulk"), password: "plum kettle orbit" } });
    expect(limited.status).toBe(429);
  });

  it("password reset: a fourth request for one account, or a sixth from one address, is 429", async () => {
    const email = owner.email;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(server, "POST", "/api/auth/request-password-reset", { headers: freshAddress(), body: { email } })).status);
    expect(statuses.slice(0, 3).every((s) => s !== 429)).toBe(true);
    expect(statuses[3]).toBe(429);

    const address = freshAddress();
    const fromOne: number[] = [];
    for (let i = 0; i < 6; i++) fromOne.push((await call(server, "POST", "/api/auth/request-password-reset", { headers: address, body: { email: uniqueEmail("reset") } })).status);
    expect(fromOne.slice(0, 5).every((s) => s !== 429)).toBe(true);
    expect(fromOne[5]).toBe(429);
  });
});

describe("passwords (ASVS 6.2.1, 6.2.4)", () => {
  it("refuse fewer than 8 characters and the 10,000 most common passwords, over HTTP and in the sign-up form", async () => {
    const email = uniqueEmail("weak");
    const short = await call(server, "POST", "/api/auth/sign-up/email", { headers: freshAddress(), body: { name: "Weak", email, password: "Ab1!x" } });
    expect(short.status).toBe(400);
    const common = await call(server, "POST", "/api/auth/sign-up/email", { headers: freshAddress(), body: { name: "Weak", email, password: "iloveyou1" } });
    expect(common.status).toBe(400);
    expect(common.json?.message).toBe(COMMON_PASSWORD_MESSAGE);

    const form = new FormData();
    form.set("name", "Weak");
    form.set("email", email);
    form.set("password", "Password1");
    const viaForm = await callAction(server, action("signUpAction"), [{}, form], { headers: freshAddress(), page: "/sign-up" });
    expect(viaForm.result).toMatchObject({ errors: { password: [COMMON_PASSWORD_MESSAGE] } });
    expect(await getDb().user.count({ where: { email } })).toBe(0);

    const fine = await call(server, "POST", "/api/auth/sign-up/email", { headers: freshAddress(), body: { name: "Fine", email, password: "plum kettle orbit" } });
    expect(fine.status).toBe(200);
  });
});

describe("session cookies (ASVS 3.3.1–3.3.4)", () => {
  it("are __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/ and host-only", async () => {
    const res = await call(server, "POST", "/api/auth/sign-up/email", { headers: freshAddress(), body: { name: "Cookie", email: uniqueEmail("cookie"), password: "plum kettle orbit" } });
    expect(res.status).toBe(200);
    const set = res.headers.getSetCookie().find((c) => c.includes("session_token="));
    expect(set).toMatch(/^__Host-bulwark\.session_token=/);
    const attributes = set!.split(";").slice(1).map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["secure", "httponly", "samesite=lax", "path=/"]));
    expect(attributes.find((a) => a.startsWith("domain="))).toBeUndefined();
  });
});

describe("session revocation (ASVS 7.4.1, 7.4.2, 8.4.1)", () => {
  it("signing out ends the session on the server, through the API and through the sign-out action", async () => {
    for (const how of ["api", "action"] as const) {
      const user = await createPrincipal(`Leaving ${how}`);
      expect((await call(server, "GET", "/orgs", { cookie: user.cookie })).status).toBe(200);
      if (how === "api") {
        expect((await call(server, "POST", "/api/auth/sign-out", { cookie: user.cookie, body: {} })).status).toBe(200);
      } else {
        const res = await callAction(server, action("signOutAction"), [], { cookie: user.cookie, page: "/orgs" });
        expect(res.redirect).toMatch(/^\/(;|$)/);
      }
      expect(await getDb().session.count({ where: { userId: user.id } })).toBe(0);
      // The old cookie, replayed, opens nothing.
      const replay = await call(server, "GET", "/orgs", { cookie: user.cookie });
      expect(replay.status).toBe(307);
      expect(replay.headers.get("location")).toMatch(/\/sign-in/);
      expect((await call(server, "GET", "/api/auth/get-session", { cookie: user.cookie })).json ?? null).toBeNull();
    }
  });

  it("a member removed from an organisation gets 404 for it on the very next request", async () => {
    const member = await createPrincipal("Removed Consultant");
    await addMember(member.id, orgId, "consultant");
    const draftPath = `/api/org/${orgId}/assessments/${assessmentId}/draft`;
    expect((await call(server, "GET", `/org/${orgId}`, { cookie: member.cookie })).status).toBe(200);
    expect((await call(server, "GET", draftPath, { cookie: member.cookie })).status).toBe(200);

    // Not theirs to do: a consultant cannot remove the owner.
    const refused = await callAction(server, action("removeMemberAction"), [orgId, owner.id], { cookie: member.cookie, params: { orgId } });
    expect(refused.result).toMatchObject({ message: expect.stringMatching(/does not allow/) });

    const removed = await callAction(server, action("removeMemberAction"), [orgId, member.id], { cookie: owner.cookie, params: { orgId } });
    expect(removed.result).toMatchObject({ ok: true });

    expect((await call(server, "GET", `/org/${orgId}`, { cookie: member.cookie })).status).toBe(404);
    expect((await call(server, "GET", draftPath, { cookie: member.cookie })).status).toBe(404);
    const write = await call(server, "PUT", draftPath, { cookie: member.cookie, body: { questionnaire: { step: "x" }, version: 1 } });
    expect(write.status).toBe(404);
    // The rest of their account still works: access is checked per organisation, per request.
    expect((await call(server, "GET", "/orgs", { cookie: member.cookie })).status).toBe(200);
  });
});

function expectSecurityHeaders(headers: Headers, what: string): string {
  const csp = headers.get("content-security-policy") ?? "";
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]{20,})' 'strict-dynamic'/.exec(csp)?.[1];
  expect(nonce, `${what}: script nonce in ${csp}`).toBeDefined();
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"]) {
    expect(csp, what).toContain(directive);
  }
  expect(headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(headers.get("referrer-policy"), what).toBe("same-origin");
  expect(headers.get("x-frame-options"), what).toBe("DENY");
  expect(headers.get("permissions-policy"), what).toMatch(/camera=\(\)/);
  return nonce!;
}

describe("security headers (ASVS 3.4)", () => {
  it("are on every kind of response, with a new CSP nonce each time that every script of the page carries", async () => {
    const home = await call(server, "GET", "/");
    const scriptSrc = /<script[^>]*\ssrc="([^"]+)"/.exec(home.text)?.[1];
    const styleHref = /<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/.exec(home.text)?.[1] ?? /href="(\/_next\/static\/css\/[^"]+)"/.exec(home.text)?.[1];
    expect(scriptSrc).toBeDefined();
    const responses: Array<[string, Awaited<ReturnType<typeof call>>]> = [
      ["landing page", home],
      ["sign-in page", await call(server, "GET", "/sign-in")],
      ["redirect to sign-in", await call(server, "GET", "/orgs")],
      ["dashboard", await call(server, "GET", `/org/${orgId}`, { cookie: owner.cookie })],
      ["questionnaire", await call(server, "GET", `/org/${orgId}/assessment/${assessmentId}/questionnaire`, { cookie: owner.cookie })],
      ["page not found", await call(server, "GET", "/no/such/page")],
      ["foreign id (404)", await call(server, "GET", "/org/not-an-org", { cookie: owner.cookie })],
      ["JSON API", await call(server, "GET", "/api/health")],
      ["JSON API error", await call(server, "GET", `/api/org/${orgId}/assessments/${assessmentId}/draft`)],
      ["auth API", await call(server, "GET", "/api/auth/get-session")],
      ["script", await call(server, "GET", scriptSrc!)],
      ["refused by the Origin check", await call(server, "POST", "/api/auth/sign-out", { origin: null, body: {} })],
    ];
    if (styleHref) responses.push(["stylesheet", await call(server, "GET", styleHref)]);
    const sa = await callAction(server, action("removeMemberAction"), [orgId, "nobody"], { cookie: owner.cookie, params: { orgId } });
    const nonces = new Set<string>();
    for (const [what, res] of responses) nonces.add(expectSecurityHeaders(res.headers, `${what} (${res.status})`));
    nonces.add(expectSecurityHeaders(sa.headers, "server action"));
    expect(nonces.size, "a nonce is never reused").toBe(responses.length + 1);
    expect(responses.find(([w]) => w === "page not found")![1].status).toBe(404);

    for (const [what, res] of responses.filter(([, r]) => (r.headers.get("content-type") ?? "").includes("text/html"))) {
      const nonce = expectSecurityHeaders(res.headers, what);
      const scripts = res.text.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, what).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, `${what}: every script carries this response's nonce`).toContain(`nonce="${nonce}"`);
    }
    // No HSTS over plain http (browsers ignore it there, and it would pin localhost).
    expect(home.headers.get("strict-transport-security")).toBeNull();
  });

  it("include HSTS when the app is served over https", async () => {
    const port = server.port + 0;
    const https = await startAppServer({ databaseUrl: server.databaseUrl, env: { APP_URL: `https://localhost:${port}` } });
    try {
      const res = await call(https, "GET", "/api/health");
      expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
      expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    } finally {
      await https.stop();
    }
  });
});

/** Route handlers of the build, with a concrete path for each (app-paths-manifest.json). */
function routeHandlers(): Array<{ entry: string; path: string }> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, distDirOf(), "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  return Object.keys(manifest)
    .filter((k) => k.endsWith("/route"))
    .map((entry) => ({
      entry,
      path: entry
        .replace(/\/route$/, "")
        .replace("[...all]", "sign-out")
        .replace("[orgId]", orgId)
        .replace("[assessmentId]", assessmentId)
        .replace(/\[[^\]]+\]/g, "x"),
    }));
}

describe("the Origin check (ASVS 3.5.1)", () => {
  it("refuses every state-changing request to every route handler without this app's Origin (403)", async () => {
    const routes = routeHandlers();
    expect(routes.map((r) => r.entry)).toEqual(expect.arrayContaining(["/api/auth/[...all]/route", "/api/org/[orgId]/assessments/[assessmentId]/draft/route"]));
    const origins: Array<string | null> = [null, "https://evil.example", `http://localhost:${server.port + 1}`, "null"];
    for (const route of [...routes, { entry: "sign-in", path: "/api/auth/sign-in/email" }, { entry: "sign-up", path: "/api/auth/sign-up/email" }]) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        for (const origin of origins) {
          const res = await call(server, method, route.path, { cookie: owner.cookie, origin, body: { version: 1, questionnaire: {} } });
          expect(res.status, `${method} ${route.entry} from ${origin}`).toBe(403);
          expect(res.json?.error).toBe("forbidden");
        }
      }
    }
    // The same request from this app's own pages goes through.
    const ok = await call(server, "PUT", `/api/org/${orgId}/assessments/${assessmentId}/draft`, {
      cookie: owner.cookie,
      body: { questionnaire: { origin: "checked" }, version: (await call(server, "GET", `/api/org/${orgId}/assessments/${assessmentId}/draft`, { cookie: owner.cookie })).json!.version },
    });
    expect(ok.status).toBe(200);
  });

  it("refuses every server action without this app's Origin, before it runs", async () => {
    const before = await getDb().organization.count();
    for (const a of actions) {
      for (const origin of [null, "https://evil.example"]) {
        const form = new FormData();
        form.set("name", "Forged");
        const res = await callAction(server, a, [{}, form], { cookie: owner.cookie, origin, params: { orgId, assessmentId } });
        expect(res.status, `${a.name} from ${origin}`).toBe(403);
      }
    }
    expect(await getDb().organization.count()).toBe(before);
  });
});

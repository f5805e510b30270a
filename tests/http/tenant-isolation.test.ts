/**
 * Tenant isolation (ASVS 5.0 8.4.1) against the server `npm start` runs (scripts/serve.ts): every route and server action of the
 * build, for every principal of tests/security/access-table.ts, on both organisations. Checks:
 * - the build has no route or action without a row in the table (and the table none that is gone);
 * - every answer is the table's: 0 unexpected allows, and another organisation's ids answer 404,
 *   the same as unknown ids (never 403);
 * - URLs that mix one organisation's id with another's child ids answer 404 to everyone;
 * - no response body (pages, JSON, the PDF's text, the inventory export) carries an id of an
 *   organisation, firm, assessment, snapshot, invitation or member that the caller has no access to.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvitation, createOrganization } from "../../lib/server/access";
import { getAuth } from "../../lib/server/auth";
import { getDb } from "../../lib/server/db";
import { importClientInventory } from "../../lib/server/transfer";
import { makePng } from "../../lib/pdf/testing/pdf-text";
import { emptyAnswers } from "../../lib/questionnaire/steps";
import { addMember } from "../factories";
import { brandingVersion } from "../../lib/consultant/schemas";
import { exampleText } from "../support/consultant";
import { ACTIONS, mirrored, PRINCIPALS, ROUTES, type ActionContext, type Expectation, type Outcome, type PrincipalName, type RouteRow, type Target } from "../security/access-table";
import { callAction, pathOfEntry, readActions, type ActionCall, type ActionInfo } from "./support/actions";
import { distDirOf, ROOT, startAppServer, type AppServer } from "./support/app-server";
import { cookiesFrom, createPrincipal, TEST_PASSWORD, useDatabaseOf } from "./support/client";
import { buildWorld, secretsOf, targetOf, type OrgWorld, type World } from "./support/tenants";

let server: AppServer;
let world: World;
let actions: ActionInfo[];
let manifestRoutes: string[];

beforeAll(async () => {
  server = await startAppServer();
  await useDatabaseOf(server);
  world = await buildWorld();
  actions = readActions(distDirOf());
  manifestRoutes = Object.keys(JSON.parse(readFileSync(path.join(ROOT, distDirOf(), "server", "app-paths-manifest.json"), "utf8")) as object);
});

afterAll(async () => {
  await server?.stop();
});

interface Fetched {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

async function get(url: string, cookie: string | undefined): Promise<Fetched> {
  const res = await fetch(`${server.url}${url}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const bytes = Buffer.from(await res.arrayBuffer());
  let body = bytes.toString("latin1");
  if ((res.headers.get("content-type") ?? "").includes("application/pdf") && res.status === 200) {
    // The PDF's text as a reader sees it, besides its raw bytes.
    body += execFileSync("pdftotext", ["-q", "-", "-"], { input: bytes }).toString("utf8");
  }
  return { status: res.status, headers: res.headers, body };
}

function routeOutcome(res: Fetched): Outcome | string {
  if (res.status >= 200 && res.status < 300) return "allowed";
  if (res.status === 401) return "login";
  if (res.status === 403) return "forbidden";
  if (res.status === 404) return "not-found";
  if (res.status >= 300 && res.status < 400) return /\/sign-in/.test(res.headers.get("location") ?? "") ? "login" : "redirect";
  return `HTTP ${res.status}`;
}

function actionOutcome(res: ActionCall): Outcome | string {
  if (res.status === 404) return "not-found";
  if (res.status === 403) return "forbidden";
  if (res.status !== 200) return `HTTP ${res.status}`;
  if (res.redirect) return /^\/sign-in/.test(res.redirect) ? "login" : "redirect-or-allowed";
  const r = res.result as Record<string, unknown> | undefined;
  const text = JSON.stringify(r ?? null);
  if (/was not found, or you do not have access/.test(text)) return "not-found";
  if (/does not allow you to/.test(text)) return "forbidden";
  if (/Please sign in|You are signed out/.test(text)) return "login";
  if (r && (r.ok === true || typeof r.version === "number" || typeof r.snapshotId === "string")) return "allowed";
  if (r && (r.errors !== undefined || r.message !== undefined || r.problems !== undefined)) return "invalid";
  return `unclassified ${text.slice(0, 160)}`;
}

/** Whether an outcome meets the expectation (an action that redirects onward has done its work). */
function meets(actual: string, expected: Outcome): boolean {
  if (actual === "redirect-or-allowed") return expected === "allowed" || expected === "redirect";
  return actual === expected;
}

function accessibleOrgs(p: PrincipalName): Array<"A" | "B"> {
  if (p === "dual") return ["A", "B"];
  if (p.endsWith("A")) return ["A"];
  if (p.endsWith("B")) return ["B"];
  return [];
}

/** Ids of organisations the principal cannot see that appear in a body, less those the request itself carried. */
function leakedIds(p: PrincipalName, body: string, carried: string): string[] {
  const hidden = (["A", "B"] as const).filter((o) => !accessibleOrgs(p).includes(o)).flatMap((o) => secretsOf(world[o]));
  return hidden.filter((id) => body.includes(id) && !carried.includes(id));
}

function targets(): Array<{ label: "A" | "B"; own: OrgWorld; target: Target; flip: (e: Expectation) => Expectation }> {
  return [
    { label: "A", own: world.A, target: targetOf(world.A, world.B), flip: (e) => e },
    { label: "B", own: world.B, target: targetOf(world.B, world.A), flip: mirrored },
  ];
}

describe("tenant isolation over HTTP", () => {
  it("has a row for every route and server action in the build, and none for anything gone", () => {
    expect(manifestRoutes.filter((r) => !(r in ROUTES)), "routes without a row in tests/security/access-table.ts").toEqual([]);
    expect(Object.keys(ROUTES).filter((r) => !manifestRoutes.includes(r)), "rows for routes the build does not have").toEqual([]);
    const names = actions.map((a) => a.name);
    expect(names.filter((n) => !(n in ACTIONS)), "server actions without a row in tests/security/access-table.ts").toEqual([]);
    expect(Object.keys(ACTIONS).filter((n) => !names.includes(n)), "rows for actions the build does not have").toEqual([]);
    expect(actions.length).toBeGreaterThan(10);
  });

  it("answers every principal on every route as the table says, 404 for foreign and mixed ids, and leaks no foreign id", { timeout: 900_000 }, async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const [key, entry] of Object.entries(ROUTES)) {
      if ("notAUrl" in entry) continue;
      const row: RouteRow = entry;
      for (const { label, target, flip } of targets()) {
        const expected = flip(row.expect);
        const url = row.url(target);
        for (const p of PRINCIPALS) {
          const res = await get(url, world.principals[p]?.cookie);
          const outcome = routeOutcome(res);
          checked++;
          if (outcome !== expected[p]) problems.push(`${key} [${label}] as ${p}: ${outcome}, expected ${expected[p]} (GET ${url})`);
          const leaks = leakedIds(p, res.body, url);
          if (leaks.length > 0) problems.push(`${key} [${label}] as ${p}: the body carries foreign ids ${leaks.join(", ")}`);
        }
        for (const mixed of row.mixedUrls?.(target) ?? []) {
          for (const p of PRINCIPALS.filter((q) => q !== "anonymous")) {
            const res = await get(mixed, world.principals[p]!.cookie);
            checked++;
            if (res.status !== 404) problems.push(`${key} [${label}] mixed ids as ${p}: HTTP ${res.status}, expected 404 (GET ${mixed})`);
            const leaks = leakedIds(p, res.body, mixed);
            if (leaks.length > 0) problems.push(`${key} [${label}] mixed ids as ${p}: the body carries foreign ids ${leaks.join(", ")}`);
          }
        }
      }
    }
    console.log(`tenant isolation: ${checked} route requests checked`);
    expect(problems).toEqual([]);
  });

  it("answers every principal on every server action as the table says, and leaks no foreign id", { timeout: 900_000 }, async () => {
    const problems: string[] = [];
    let checked = 0;
    const setupOwner = await createPrincipal("Throwaway Organiser");
    for (const info of actions) {
      const row = ACTIONS[info.name];
      if (!row) continue; // reported by the coverage test
      for (const { label, own, target, flip } of targets()) {
        const expected = flip(row.expect);
        const ctx: ActionContext = {
          target,
          freshInvitation: async () => {
            const inv = await createInvitation({ userId: own.owner.id }, { organizationId: own.orgId, role: "viewer" });
            return { id: inv.id, token: inv.path.split("/").pop()! };
          },
          freshMember: async () => {
            const m = await createPrincipal("Throwaway Member");
            await addMember(m.id, own.orgId, "viewer");
            return m.id;
          },
          throwawayInvitationToken: async () => {
            const org = await createOrganization({ userId: setupOwner.id }, { name: "Throwaway" });
            const inv = await createInvitation({ userId: setupOwner.id }, { organizationId: org.id, role: "viewer" });
            return inv.path.split("/").pop()!;
          },
          currentVersion: async () => (await getDb().assessment.findUniqueOrThrow({ where: { id: own.assessmentId }, select: { version: true } })).version,
          firmVersion: async () =>
            brandingVersion(await getDb().firm.findUniqueOrThrow({ where: { id: target.firmId }, select: { name: true, accentColor: true, contactLine: true } })),
          completeDraft: async () => {
            const { version } = await getDb().assessment.findUniqueOrThrow({ where: { id: own.assessmentId }, select: { version: true } });
            return (await importClientInventory({ userId: own.consultant.id }, { organizationId: own.orgId, assessmentId: own.assessmentId, text: exampleText(label === "A" ? "harbor-dental" : "northwind-parts"), version })).version;
          },
          inventoryText: exampleText(label === "A" ? "harbor-dental" : "northwind-parts"),
          form: (fields) => {
            const fd = new FormData();
            for (const [k, v] of Object.entries(fields)) fd.set(k, v);
            return fd;
          },
          answers: emptyAnswers({ name: `Organisation ${label}` }),
          logo: new Blob([Buffer.from(makePng(40, 20))], { type: "image/png" }),
        };
        for (const p of PRINCIPALS) {
          const principal = world.principals[p];
          let cookie = principal?.cookie;
          if (row.endsSession && principal) {
            // A session of its own, so that the principal's main session survives.
            const { headers } = await getAuth().api.signInEmail({ body: { email: principal.email, password: TEST_PASSWORD }, returnHeaders: true });
            cookie = cookiesFrom(headers);
          }
          const args = await row.args(ctx);
          const page = row.page?.(target) ?? preferredPage(info, target);
          const res = await callAction(server, info, args, { cookie, page });
          const outcome = actionOutcome(res);
          checked++;
          if (!meets(outcome, expected[p])) problems.push(`${info.name} [${label}] as ${p}: ${outcome}, expected ${expected[p]} (POST ${page})`);
          const leaks = leakedIds(p, res.text, JSON.stringify(args) + page);
          if (leaks.length > 0) problems.push(`${info.name} [${label}] as ${p}: the answer carries foreign ids ${leaks.join(", ")}`);
        }
      }
    }
    console.log(`tenant isolation: ${checked} server action calls checked`);
    expect(problems).toEqual([]);
  });
});

/** A page that imports the action, preferring ones without ids in their path. */
function preferredPage(info: ActionInfo, target: Target): string {
  const entry = [...info.pages].sort((a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0))[0] ?? "app/page";
  return pathOfEntry(entry, { orgId: target.orgId, assessmentId: target.assessmentId, firmId: target.firmId, token: target.invitationPath.split("/").pop()! });
}

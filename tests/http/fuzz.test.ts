/**
 * Fuzzing over HTTP against the server `npm start` runs (scripts/serve.ts): every route handler and every server action of the build
 * receives 1,000 generated bad payloads (fast-check, seeded). Every answer must be a 4xx with a
 * message (or, for an action, a returned error the page can show), never a 5xx. Payloads mix
 * garbage with real ids and near-valid shapes, as a signed-in owner, so that they reach the
 * validation behind the access checks.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_SIGNATURES } from "../../lib/server/security/action-guard";
import { callAction, pathOfEntry, readActions, type ActionInfo } from "./support/actions";
import { distDirOf, ROOT, startAppServer, type AppServer } from "./support/app-server";
import { useDatabaseOf } from "./support/client";
import { buildWorld, type World } from "./support/tenants";

// FUZZ_RUNS lowers the count for a quick local look; `npm test` runs the full 1,000.
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = 5_2026;
const CONCURRENCY = 8;

let server: AppServer;
let world: World;
let actions: ActionInfo[];
let routeKeys: string[];

beforeAll(async () => {
  // A server of its own: the payloads create, rename and remove things as they please.
  server = await startAppServer();
  await useDatabaseOf(server);
  world = await buildWorld();
  actions = readActions(distDirOf());
  routeKeys = Object.keys(JSON.parse(readFileSync(path.join(ROOT, distDirOf(), "server", "app-paths-manifest.json"), "utf8")) as object).filter((k) =>
    k.endsWith("/route"),
  );
});

afterAll(async () => {
  await server?.stop();
});

/** Real ids among the garbage, so that some payloads pass the access checks and reach validation. */
const idArb = () =>
  fc.oneof(
    fc.constantFrom(world.A.orgId, world.A.assessmentId, world.A.snapshotId, world.A.firmId, world.A.invitationId, world.B.orgId, world.B.assessmentId),
    fc.string({ maxLength: 80 }),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.constantFrom("", " ", "..", "../../etc/passwd", "%00", "null", "undefined", "0", "-1", "x".repeat(300), "<script>alert(1)</script>", "' OR 1=1 --"),
  );

const scalarArb = () =>
  fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, Number.MAX_SAFE_INTEGER + 2, 1e308),
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
    fc.string({ maxLength: 200 }),
    fc.date({ noInvalidDate: true }),
    idArb(),
  );

const valueArb = () =>
  fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small" }, scalarArb(), fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 12 }), tie("value"), { maxKeys: 5, noNullPrototype: true })),
  })).value;

/** Near-valid shapes of the app's own inputs, each with something wrong. */
const nearValidArb = () =>
  fc.record(
    {
      version: fc.oneof(fc.integer({ min: -3, max: 5 }), fc.string({ maxLength: 5 }), fc.constant(null), fc.double()),
      questionnaire: valueArb(),
      inventory: valueArb(),
      answers: valueArb(),
      name: fc.oneof(fc.string({ maxLength: 300 }), valueArb()),
      email: fc.oneof(fc.emailAddress(), fc.string({ maxLength: 40 })),
      password: fc.string({ maxLength: 200 }),
      role: fc.oneof(fc.constantFrom("owner", "viewer", "consultant", "admin", ""), fc.string()),
      csv: fc.string({ maxLength: 300 }),
      mapping: valueArb(),
      extra: valueArb(),
    },
    { requiredKeys: [], noNullPrototype: true },
  );

const formDataArb = () =>
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom("name", "email", "password", "role", "version", "text", "file", "logo", "organizationId", "accentColor", "contactLine", "next"), fc.string({ maxLength: 20 })),
        fc.oneof(fc.string({ maxLength: 500 }), idArb(), fc.uint8Array({ maxLength: 2000 })),
      ),
      { maxLength: 6 },
    )
    .map((entries) => {
      const fd = new FormData();
      for (const [k, v] of entries) {
        if (typeof v === "string") fd.append(k, v);
        else fd.append(k, new Blob([Buffer.from(v)]), "upload.bin");
      }
      return fd;
    });

const argsArb = () =>
  fc.array(fc.oneof(scalarArb(), valueArb(), nearValidArb(), formDataArb(), idArb()), { maxLength: 5 }).map((args) => ({ kind: "args" as const, args }));

/** Arguments of the kinds the action takes (so they pass the proxy's gate) with bad values in them. */
function argsOfSignature(name: string) {
  const slots = ACTION_SIGNATURES[name] ?? [];
  const slotArb = (slot: string): fc.Arbitrary<unknown> => {
    switch (slot.replace("?", "")) {
      case "string":
        return idArb();
      case "number":
        return fc.oneof(fc.integer(), fc.double());
      case "boolean":
        return fc.boolean();
      case "form":
        return formDataArb();
      case "object":
        return fc.oneof(nearValidArb(), fc.dictionary(fc.string({ maxLength: 10 }), valueArb(), { maxKeys: 4, noNullPrototype: true }));
      default:
        return valueArb();
    }
  };
  return fc.tuple(...slots.map(slotArb)).map((args) => ({ kind: "args" as const, args: args as unknown[] }));
}

/** Bodies that are not what React sends at all. */
const rawActionBodyArb = () =>
  fc.oneof(
    fc.string({ maxLength: 300 }).map((body) => ({ kind: "raw" as const, body, contentType: "text/plain;charset=UTF-8" })),
    fc.json().map((body) => ({ kind: "raw" as const, body, contentType: "text/plain;charset=UTF-8" })),
    fc.string({ maxLength: 300 }).map((body) => ({ kind: "raw" as const, body, contentType: "multipart/form-data; boundary=----x" })),
    fc.string({ maxLength: 300 }).map((body) => ({ kind: "raw" as const, body, contentType: "application/x-www-form-urlencoded" })),
  );

async function inBatches<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += CONCURRENCY) await Promise.all(items.slice(i, i + CONCURRENCY).map(fn));
}

function describePayload(p: unknown): string {
  try {
    return JSON.stringify(p, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v instanceof FormData ? Object.fromEntries([...v.entries()].map(([k, x]) => [k, typeof x === "string" ? x : "<file>"])) : v)).slice(0, 300);
  } catch {
    return String(p).slice(0, 300);
  }
}

/**
 * A 4xx that says what is wrong: JSON with a message (at the top or in `error`), or a page (404).
 * A 2xx passes too: real ids among the garbage sometimes make a valid request.
 */
function isClearAnswer(status: number, contentType: string, text: string): boolean {
  if (status >= 200 && status < 300) return true;
  if (status < 400 || status >= 500) return false;
  if (contentType.includes("application/json")) {
    try {
      const body = JSON.parse(text) as Record<string, unknown>;
      const error = body.error as Record<string, unknown> | string | undefined;
      return typeof body.message === "string" || typeof error === "string" || typeof (error as Record<string, unknown> | undefined)?.message === "string";
    } catch {
      return false;
    }
  }
  // An unknown endpoint's bare 404 (better-auth's), or 405 for a method a route lacks: the status says it.
  return text.trim().length > 0 || status === 404 || status === 405;
}

/** Path segments: anything but empty and dot segments, which URL parsing turns into other paths before Next.js routes them. */
const segmentArb = () => idArb().filter((s) => s.trim() !== "" && s !== "." && s !== "..");

interface RouteFuzz {
  /** Sent without a session (better-auth's sign-out would end the session the rest of the run uses). */
  readonly anonymous?: true;
  /** One request per payload. */
  request(payload: unknown): { method: string; url: string; body?: string; contentType?: string };
  payloads: () => fc.Arbitrary<unknown>;
}

const textBodyArb = () =>
  fc.oneof(
    nearValidArb().map((v) => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? Number(x) : x))),
    valueArb().map((v) => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? Number(x) : x)) ?? "null"),
    fc.string({ maxLength: 400 }),
    fc.json(),
    fc.constantFrom("", "{", "[]", "null", '{"version":1', "\u0000", '{"__proto__":{"polluted":1},"version":1}'),
  );

/** How each route handler of the build is fuzzed; a route without an entry fails the coverage test. */
function routeFuzzers(): Record<string, RouteFuzz> {
  const A = world.A;
  return {
    "/api/org/[orgId]/assessments/[assessmentId]/draft/route": {
      payloads: () =>
        fc.oneof(
          fc.record({ body: textBodyArb(), type: fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "") }).map((p) => ({ ...p, method: "PUT", org: A.orgId, assessment: A.assessmentId })),
          fc.record({ org: segmentArb(), assessment: segmentArb(), method: fc.constantFrom("GET", "PUT") }).map((p) => ({ ...p, body: '{"version":1,"questionnaire":{}}', type: "application/json" })),
        ),
      request: (p) => {
        const q = p as { body: string; type: string; method: string; org: string; assessment: string };
        return { method: q.method, url: `/api/org/${encodeURIComponent(q.org)}/assessments/${encodeURIComponent(q.assessment)}/draft`, body: q.method === "GET" ? undefined : q.body, contentType: q.type };
      },
    },
    "/api/org/[orgId]/assessments/[assessmentId]/inventory/route": {
      payloads: () => fc.record({ org: segmentArb(), assessment: segmentArb(), query: fc.string({ maxLength: 40 }) }),
      request: (p) => {
        const q = p as { org: string; assessment: string; query: string };
        return { method: "GET", url: `/api/org/${encodeURIComponent(q.org)}/assessments/${encodeURIComponent(q.assessment)}/inventory?${encodeURIComponent(q.query)}` };
      },
    },
    "/api/org/[orgId]/snapshots/[snapshotId]/pdf/route": {
      payloads: () => fc.record({ org: fc.oneof(fc.constant(world.B.orgId), segmentArb()), snapshot: segmentArb() }),
      request: (p) => {
        const q = p as { org: string; snapshot: string };
        return { method: "GET", url: `/api/org/${encodeURIComponent(q.org)}/snapshots/${encodeURIComponent(q.snapshot)}/pdf` };
      },
    },
    "/(app)/firm/[firmId]/logo/route": {
      payloads: () => fc.oneof(fc.constant(world.B.firmId), segmentArb()),
      request: (p) => ({ method: "GET", url: `/firm/${encodeURIComponent(p as string)}/logo` }),
    },
    "/api/auth/[...all]/route": {
      anonymous: true,
      payloads: () =>
        fc.record({
          path: fc.oneof(
            fc.constantFrom("sign-in/email", "sign-up/email", "request-password-reset", "reset-password", "change-password", "sign-out", "update-user", "verify-email"),
            // No empty or dot segments ("/a", "a//b", "a/."): URL parsing and Next.js's slash
            // normalisation (a 308) turn those into other paths before the route sees them.
            fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.split("/").every((seg) => seg !== "" && seg !== "." && seg !== "..")),
          ),
          body: textBodyArb(),
        }),
      request: (p) => {
        const q = p as { path: string; body: string };
        return { method: "POST", url: `/api/auth/${q.path.split("/").map(encodeURIComponent).join("/")}`, body: q.body, contentType: "application/json" };
      },
    },
    "/api/health/route": {
      // It reads nothing; what it can be sent wrongly is a method.
      payloads: () => fc.record({ method: fc.constantFrom("POST", "PUT", "PATCH", "DELETE"), body: textBodyArb() }),
      request: (p) => {
        const q = p as { method: string; body: string };
        return { method: q.method, url: "/api/health", body: q.body, contentType: "application/json" };
      },
    },
  };
}

describe(`fuzzing: ${RUNS} bad payloads for every route handler and server action`, () => {
  it("covers every route handler of the build, and every action has a signature for the proxy's gate", () => {
    expect(routeKeys.filter((k) => !(k in routeFuzzers())), "route handlers without a fuzzer in tests/http/fuzz.test.ts").toEqual([]);
    expect(
      actions.map((a) => a.name).filter((n) => !(n in ACTION_SIGNATURES)),
      "server actions without a signature in lib/server/security/action-guard.ts",
    ).toEqual([]);
  });

  it("route handlers answer every bad payload with a clear 4xx, never a 5xx", { timeout: 900_000 }, async () => {
    const failures: string[] = [];
    const counts: Record<string, Record<number, number>> = {};
    for (const key of routeKeys) {
      const fuzz = routeFuzzers()[key];
      if (!fuzz) continue;
      const payloads = fc.sample(fuzz.payloads(), { numRuns: RUNS, seed: SEED });
      await inBatches(payloads, async (payload) => {
        const r = fuzz.request(payload);
        const headers: Record<string, string> = { origin: server.url };
        if (!fuzz.anonymous) headers.cookie = world.A.consultant.cookie;
        if (r.contentType) headers["content-type"] = r.contentType;
        const res = await fetch(`${server.url}${r.url}`, { method: r.method, headers, body: r.body, redirect: "manual" });
        const text = await res.text();
        (counts[key] ??= {})[res.status] = (counts[key]![res.status] ?? 0) + 1;
        if (!isClearAnswer(res.status, res.headers.get("content-type") ?? "", text)) {
          failures.push(`${key}: ${r.method} ${r.url.slice(0, 120)} → ${res.status} ${text.slice(0, 160)} (payload ${describePayload(payload)})`);
        }
      });
    }
    console.log(`fuzzing route handlers, answers by status: ${JSON.stringify(counts)}`);
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it("server actions answer every bad payload with an error the page can show, never a 5xx", { timeout: 3_600_000 }, async () => {
    const failures: string[] = [];
    const counts: Record<string, number> = {};
    for (const action of actions) {
      // Sign-out and the demo ignore their arguments and end or replace the session: call them signed out.
      const cookie = /signOutAction|demoSignInAction/.test(action.name) ? undefined : world.A.consultant.cookie;
      const payloads = fc.sample(
        fc.oneof({ weight: 6, arbitrary: argsOfSignature(action.name) }, { weight: 2, arbitrary: argsArb() }, { weight: 1, arbitrary: rawActionBodyArb() }),
        { numRuns: RUNS, seed: SEED },
      );
      const page = pathOfEntry([...action.pages].sort((a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0))[0] ?? "app/page", {
        orgId: world.A.orgId,
        assessmentId: world.A.assessmentId,
        firmId: world.A.firmId,
        token: world.A.invitationPath.split("/").pop()!,
      });
      await inBatches(payloads, async (payload) => {
        const res =
          payload.kind === "args"
            ? await callAction(server, action, payload.args, { cookie, page })
            : await callAction(server, action, [], { cookie, page, rawBody: { body: payload.body, contentType: payload.contentType } });
        const key = `${res.status}${res.redirect ? " redirect" : ""}`;
        counts[key] = (counts[key] ?? 0) + 1;
        const r = res.result as Record<string, unknown> | null | undefined;
        const answered =
          (res.status >= 400 && res.status < 500) ||
          (res.status === 200 && (res.redirect !== null || (r !== null && typeof r === "object" && ("message" in r || "errors" in r || "ok" in r || "problems" in r))));
        if (!answered) failures.push(`${action.name} → ${res.status} ${res.text.slice(0, 160)} (payload ${describePayload(payload)})`);
      });
    }
    console.log(`fuzzing server actions, answers: ${JSON.stringify(counts)}`);
    expect(failures.slice(0, 30)).toEqual([]);
  });
});

/**
 * `npm run bench:http`: requests per second, latency and errors of `npm start`'s server under 50
 * concurrent connections (autocannon), for the results page (a completed assessment, rendered per
 * request) and the draft save route (PUT, each connection saving its own assessment with the
 * version it got back, so every save is a real write). Builds the app first into .next-bench
 * (scripts/build-variant.sh, as bench:web does, so that it never measures a stale build and never
 * touches the .next of `npm start`); `--no-build` reuses the last one, and BULWARK_DIST_DIR names an
 * existing build to measure instead. Prints a table; exits 1 when any request errored, timed out or
 * got an answer other than 2xx, the expected figure being 0.
 *
 *   BENCH_SECONDS      seconds per measurement (default 15), after 3 s of warm-up
 *   BENCH_CONNECTIONS  concurrent connections (default 50)
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import autocannonUntyped, { type Result } from "autocannon";
import { completeAssessment, createAssessment, createOrganization } from "@/lib/server/access";
import { getAuth } from "@/lib/server/auth";
import { disconnectDb } from "@/lib/server/db";
import { importClientInventory } from "@/lib/server/transfer";
import { applyMigrations } from "@/scripts/db/schema-engine";
import { createUser } from "@/tests/factories";

/** The parts of autocannon's client API used here (bench/web/autocannon.d.ts declares the rest). */
interface BenchClient {
  setRequests(requests: Array<{ method: string; path: string; headers: Record<string, string>; body: string }>): void;
  on(event: "body", listener: (body: Buffer) => void): void;
}
const autocannon = autocannonUntyped as unknown as (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  method?: string;
  /** Seconds before a request counts as timed out. */
  timeout?: number;
  setupClient?: (client: BenchClient) => void;
}) => Promise<Result>;

// A slow answer is a figure (p99), not an error: give requests time before calling them timed out.
const TIMEOUT_SECONDS = 60;

const ROOT = path.resolve(import.meta.dirname, "../..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DIST = process.env.BULWARK_DIST_DIR || ".next-bench";
const BUILD = !process.env.BULWARK_DIST_DIR && !process.argv.includes("--no-build");
const SECRET = "bench-secret-only-for-benchmarks-0123456789abcdef";
const PASSWORD = "bench password of decent length";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface Figures {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** Answers by HTTP status, to tell conflicts (409) from failures. */
  readonly statuses: string;
}

function figuresOf(name: string, r: Result): Figures {
  return {
    name,
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statuses: Object.entries((r as Result & { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {})
      .map(([code, v]) => `${code}: ${v.count}`)
      .join(", "),
  };
}

async function main(): Promise<number> {
  if (BUILD) {
    console.log(`bench:http: building into ${DIST}…`);
    const built = spawnSync("bash", ["scripts/build-variant.sh", DIST], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
    if (built.status !== 0) throw new Error(`scripts/build-variant.sh ${DIST} failed (exit ${built.status})`);
  }
  if (!existsSync(path.join(ROOT, DIST, "BUILD_ID"))) {
    console.error(`bench:http: no production build in ${DIST}; run it without --no-build, or \`npm run build\` with BULWARK_DIST_DIR=${DIST}.`);
    return 2;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "bulwark-bench-http-"));
  const databaseUrl = `file:${path.join(dir, "bench.db")}`;
  const port = await freePort();
  const url = `http://localhost:${port}`;
  Object.assign(process.env, { DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: SECRET, APP_URL: url });
  await applyMigrations(databaseUrl);

  // The data, written through the data layer: one owner, a scored Harbor Dental, and one
  // assessment per connection for the saves.
  const user = await createUser({ name: "Bench Owner", password: PASSWORD });
  const actor = { userId: user.id };
  const { headers } = await getAuth().api.signInEmail({ body: { email: user.email, password: PASSWORD }, returnHeaders: true });
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const org = await createOrganization(actor, { name: "Harbor Dental" });
  const scored = await createAssessment(actor, { organizationId: org.id, name: "Scored" });
  const example = readFileSync(path.join(ROOT, "fixtures/examples/harbor-dental.json"), "utf8");
  await importClientInventory(actor, { organizationId: org.id, assessmentId: scored.id, text: example, version: 1 });
  await completeAssessment(actor, { organizationId: org.id, assessmentId: scored.id });
  const drafts: string[] = [];
  for (let i = 0; i < CONNECTIONS; i++) drafts.push((await createAssessment(actor, { organizationId: org.id, name: `Draft ${i}` })).id);
  await disconnectDb();

  // The server `npm start` runs (scripts/serve.ts: a process per core, each with its request queue).
  const server = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/serve.ts")], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", BULWARK_DIST_DIR: DIST, BULWARK_DEMO: "off", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${url}/api/health`)).ok) break;
      } catch {
        // not up yet
      }
      if (i > 600) throw new Error("the server did not start within 60 s");
      await new Promise((r) => setTimeout(r, 100));
    }

    const resultsPath = `/org/${org.id}/assessment/${scored.id}/results`;
    const page = await fetch(`${url}${resultsPath}`, { headers: { cookie } });
    if (page.status !== 200) throw new Error(`the results page answered ${page.status}`);

    const results = async (duration: number) =>
      autocannon({ url: `${url}${resultsPath}`, connections: CONNECTIONS, duration, timeout: TIMEOUT_SECONDS, headers: { cookie } });

    // Each connection saves its own assessment and sends back the version its last save returned
    // (kept across the warm-up and the measured run).
    let nextDraft = 0;
    const versions = new Map<string, number>(drafts.map((id) => [id, 1]));
    const saves = async (duration: number) =>
      autocannon({
        url,
        connections: CONNECTIONS,
        duration,
        timeout: TIMEOUT_SECONDS,
        method: "PUT",
        setupClient: (client) => {
          const id = drafts[nextDraft++ % drafts.length]!;
          let edits = 0;
          // setRequests, not setRequest: autocannon goes back to its request list before each send.
          const send = () =>
            client.setRequests([{
              method: "PUT",
              path: `/api/org/${org.id}/assessments/${id}/draft`,
              headers: { cookie, origin: url, "content-type": "application/json" },
              body: JSON.stringify({ questionnaire: { step: "people", benchEdits: ++edits }, version: versions.get(id) }),
            }]);
          client.on("body", (body: Buffer) => {
            try {
              const answer = JSON.parse(body.toString()) as { version?: number; currentVersion?: number };
              versions.set(id, answer.version ?? answer.currentVersion ?? versions.get(id)!);
            } catch {
              // counted as non-2xx by autocannon
            }
            send();
          });
          send();
        },
      });

    await results(3);
    const pageFigures = figuresOf("results page (GET, rendered per request)", await results(SECONDS));
    await saves(3);
    // The warm-up stopped with saves in flight whose answers were never read: start from the stored
    // versions, once those saves have landed (with several server processes one can still be on its
    // way when the versions are read, and the next save of that draft would be a 409).
    await new Promise((r) => setTimeout(r, 1000));
    for (const id of drafts) {
      const draft = (await (await fetch(`${url}/api/org/${org.id}/assessments/${id}/draft`, { headers: { cookie } })).json()) as { version: number };
      versions.set(id, draft.version);
    }
    const saveFigures = figuresOf("draft save (PUT /api/org/…/draft)", await saves(SECONDS));

    console.log(`bench:http: ${CONNECTIONS} connections, ${SECONDS} s each, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);
    console.log("| route | req/s | p50 ms | p99 ms | requests | errors | timeouts | non-2xx | by status |");
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|---|");
    for (const f of [pageFigures, saveFigures]) {
      console.log(`| ${f.name} | ${f.requestsPerSecond.toFixed(0)} | ${f.p50} | ${f.p99} | ${f.total} | ${f.errors} | ${f.timeouts} | ${f.non2xx} | ${f.statuses} |`);
    }
    const bad = [pageFigures, saveFigures].filter((f) => f.errors + f.timeouts + f.non2xx > 0);
    if (bad.length > 0) {
      console.error(`bench:http: errors where 0 were expected: ${bad.map((f) => f.name).join(", ")}`);
      return 1;
    }
    return 0;
  } finally {
    server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

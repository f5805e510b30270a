/**
 * `npm run bench:web`: the web app under load, in one run. Prints a table and the targets; exits 0
 * either way (figures, not a test; `--strict` exits 1 when a target is missed).
 *
 * 1. A production build once, into .next-bench (scripts/build-variant.sh) so that it never disturbs the .next
 *    of `npm start` or `npm test` (`--no-build` reuses the last one), a new SQLite database with the
 *    demo organisation (migrations + prisma/seed.ts).
 * 2. Two servers in turn, each on a free port: the one `npm start` runs (scripts/serve.ts: a
 *    Next.js server process per core, WEB_CONCURRENCY, each rendering WEB_REQUESTS_AT_ONCE
 *    requests at a time), which the targets apply to, and a single plain `next start` process for
 *    comparison. Against each, after a warm-up of 10 s at the same 50 connections (a server that
 *    has run for a while: the JIT and caches of every process are warm), autocannon, 50 connections
 *    for `--duration` seconds each, on the demo's results page (signed in: the session cookie of the
 *    demo account) and the landing page, the app's static page (no session, no database).
 *    Requests per second, p99 latency, and the ratio results / static. The table says whether the
 *    landing page was served prerendered or rendered per request. Beside them, the server's CPU
 *    time per request, workers included (server-cpu.ts): the steadier figure for comparing two
 *    builds on a shared machine.
 * 3. The questionnaire route's first-load JavaScript: the scripts its HTML loads (`<script src>`),
 *    each gzipped (level 9, as a server would send it), summed.
 *
 * Targets (2-core machine): ratio ≥ 0.10, p99 < 500 ms at 50 connections, first-load JS ≤ 250 KB gzip.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon, { type Result } from "autocannon";
import { DEMO_EMAIL, DEMO_PASSWORD } from "../../lib/server/demo";
import { openConnectionsFigure, type Answer, type OpenConnectionsFigure } from "./open-connections";
import { cpuClock, listeningPid } from "./server-cpu";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TARGET_RATIO = 0.1;
const TARGET_P99_MS = 500;
const TARGET_FIRST_LOAD_KB = 250;
const CONNECTIONS = 50;
const WARM_UP_SECONDS = 10;

const { values: args } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    strict: { type: "boolean", default: false },
  },
});

function run(command: string, argv: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(command, argv, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`${command} ${argv.join(" ")} failed (exit ${r.status})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("next start did not answer /api/health within 60 s");
}

/** Signs in as the demo account through better-auth's HTTP API; returns the Cookie header. */
async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]!);
  if (cookies.length === 0) throw new Error("sign-in set no cookie");
  return cookies.join("; ");
}

async function getHtml(url: string, cookie: string): Promise<string> {
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return res.text();
}

/** The demo assessment's pages, found the way a person finds them: organisations, then dashboard. */
async function demoPaths(base: string, cookie: string): Promise<{ results: string; questionnaire: string }> {
  const orgs = await getHtml(`${base}/orgs`, cookie);
  const org = /href="(\/org\/[A-Za-z0-9_-]+)"/.exec(orgs)?.[1];
  if (!org) throw new Error("the demo organisation is not listed on /orgs");
  const dashboard = await getHtml(`${base}${org}`, cookie);
  const results = new RegExp(`href="(${org}/assessment/[A-Za-z0-9_-]+/results)"`).exec(dashboard)?.[1];
  if (!results) throw new Error("the demo assessment has no results link");
  return { results, questionnaire: results.replace(/results$/, "questionnaire") };
}

async function firstLoadJs(base: string, path: string, cookie: string): Promise<{ scripts: number; gzipBytes: number; rawBytes: number }> {
  const html = await getHtml(`${base}${path}`, cookie);
  const sources = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&")))];
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const src of sources) {
    const res = await fetch(new URL(src, base));
    if (!res.ok) throw new Error(`${src} answered ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { scripts: sources.length, gzipBytes, rawBytes };
}

async function load(
  url: string,
  cookie: string | undefined,
  duration: number,
  serverCpu: (() => number) | undefined,
): Promise<{ result: Result; open: OpenConnectionsFigure; cpuMsPerRequest: number | undefined }> {
  const headers = cookie ? { cookie } : undefined;
  // Warm up at the measured concurrency: the first requests compile nothing in production, but fill
  // caches and the JIT of every process. Measured on two processes: after 3 s of warm-up the next
  // 10 s served 125 pages a second with a p99 of 690 ms, the 10 s after those 159 and 635 ms.
  await autocannon({ url, connections: CONNECTIONS, duration: WARM_UP_SECONDS, headers });
  const started = performance.now();
  const answers: Answer[] = [];
  const cpuBefore = serverCpu?.();
  const run = autocannon({ url, connections: CONNECTIONS, duration, headers });
  run.on("response", (client, _status, _bytes, responseTimeMs) => answers.push({ client, atMs: performance.now() - started, responseTimeMs }));
  const result = await run;
  const cpuMsPerRequest = serverCpu && cpuBefore !== undefined && result.requests.total > 0 ? (serverCpu() - cpuBefore) / result.requests.total : undefined;
  if (result.non2xx > 0 || result.errors > 0) console.log(`  ${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors (${result.timeouts} timeouts) under load`);
  return { result, open: openConnectionsFigure(answers, CONNECTIONS), cpuMsPerRequest };
}

const pad = (s: string, n: number) => s.padEnd(n);
const num = (x: number, digits = 0) => x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const duration = Number(args.duration);
  const databaseUrl = "file:./data/bench-web.db";
  const distDir = ".next-bench";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    BULWARK_DIST_DIR: distDir,
    BULWARK_DEMO: "on",
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "bench-secret-only-for-benchmarks-0123456789",
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? join(ROOT, "scripts/prisma-engine-stub.sh"),
  };
  console.log(`bench:web on ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  run("npx", ["tsx", "scripts/db/generate.ts", "--if-needed"], env);
  if (!args["no-build"]) {
    console.log(`building into ${distDir}…`);
    // build-variant.sh builds the PDF worker too, and puts back the tsconfig.json that next build rewrites.
    run("bash", ["scripts/build-variant.sh", distDir], env);
  }
  const file = join(ROOT, "data/bench-web.db");
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  run("npx", ["tsx", "scripts/db/migrate.ts", "deploy"], env);
  run("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], env);

  // npm start's server (scripts/serve.ts: one `next start` per core behind a cluster primary),
  // then a single `next start` process for comparison, each on a port of its own.
  const servers: Array<{ label: string; command: string; argv: string[] }> = [
    { label: "npm start", command: process.execPath, argv: ["--import", "tsx", "scripts/serve.ts"] },
    { label: "one process", command: "npx", argv: ["next", "start"] },
  ];
  const figures: ServerFigures[] = [];
  let js: { scripts: number; gzipBytes: number; rawBytes: number } | undefined;
  let workers = "";
  for (const s of servers) {
    const port = await freePort();
    const base = `http://localhost:${port}`;
    // Both read the port from PORT (next start's -p option defaults to it).
    const server = spawn(s.command, s.argv, {
      cwd: ROOT,
      env: { ...env, APP_URL: base, PORT: String(port) },
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    });
    let out = "";
    server.stdout!.setEncoding("utf8").on("data", (c: string) => (out += c));
    const stop = () => {
      if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
    };
    process.on("exit", stop);
    try {
      await waitForHealth(base, server);
      if (s.label === "npm start") {
        const m = /serve: (\d+) server process(?:es)? on port \d+ \(WEB_CONCURRENCY\), (\d+) requests? at once/.exec(out);
        workers = m ? `${m[1]} processes, ${m[2]} requests at once each` : "";
      }
      const cookie = await signIn(base);
      const paths = await demoPaths(base, cookie);
      const resultsHtml = await getHtml(`${base}${paths.results}`, cookie);
      if (!resultsHtml.includes('data-testid="total-expected-annual-loss"')) throw new Error("the results page does not show the demo's results");
      console.log(`${s.label}${s.label === "npm start" ? ` (${workers})` : ""}: ${CONNECTIONS} connections, ${duration} s per page (after a ${WARM_UP_SECONDS} s warm-up)…`);
      // The server's CPU time per request, workers included: steadier than requests/s on a shared machine (server-cpu.ts).
      const serverCpu = cpuClock(listeningPid(port));
      const results = await load(`${base}${paths.results}`, cookie, duration, serverCpu);
      const landing = await load(`${base}/`, undefined, duration, serverCpu);
      const landingHeaders = (await fetch(`${base}/`)).headers;
      const isPrerendered = landingHeaders.get("x-nextjs-prerender") === "1" || landingHeaders.get("x-nextjs-cache") !== null;
      figures.push({ label: s.label, results, landing, isPrerendered });
      js ??= await firstLoadJs(base, paths.questionnaire, cookie);
    } finally {
      stop();
      await new Promise<void>((resolve) => (server.exitCode !== null ? resolve() : server.once("exit", () => resolve())));
    }
  }

  const [main, single] = figures as [ServerFigures, ServerFigures];
  const ratio = main.results.result.requests.average / main.landing.result.requests.average;
  const firstLoadKb = js!.gzipBytes / 1000;
  const rows: Row[] = [
    ...serverRows(main, `npm start (${workers})`, true),
    ["ratio results / static (npm start)", num(ratio, 3), `≥ ${TARGET_RATIO}`, ratio >= TARGET_RATIO],
    ...serverRows(single, "one `next start` process", false),
    [
      `questionnaire first-load JS (${js!.scripts} scripts, ${num(js!.rawBytes / 1000)} KB raw)`,
      `${num(firstLoadKb, 1)} KB gzip`,
      `≤ ${TARGET_FIRST_LOAD_KB} KB`,
      firstLoadKb <= TARGET_FIRST_LOAD_KB,
    ],
  ];
  console.log();
  console.log(`${pad("measure", 66)}${pad("value", 18)}${pad("target", 14)}met`);
  console.log("-".repeat(104));
  for (const [label, value, target, met] of rows) {
    console.log(`${pad(label, 66)}${pad(value, 18)}${pad(target, 14)}${met === undefined ? "" : met ? "yes" : "NO"}`);
  }
  console.log();
  console.log(`load average after the run: ${loadavg().map((l) => l.toFixed(1)).join(" ")} (other work on the machine lowers every figure)`);
  const missed = rows.filter((r) => r[3] === false).length;
  if (missed > 0) {
    console.log(`${missed} target(s) not met`);
    if (args.strict) process.exitCode = 1;
  } else console.log("all targets met");
}

type Row = [string, string, string, boolean | undefined];
type Load = Awaited<ReturnType<typeof load>>;
interface ServerFigures {
  readonly label: string;
  readonly results: Load;
  readonly landing: Load;
  readonly isPrerendered: boolean;
}

/** The rows of one server configuration; the targets apply to npm start's, which people run. */
function serverRows(f: ServerFigures, name: string, judged: boolean): Row[] {
  const staticLabel = f.isPrerendered ? "static page (/, prerendered)" : "static page (/, rendered per request)";
  const target = (ok: boolean): [string, boolean | undefined] => (judged ? [`< ${TARGET_P99_MS} ms`, ok] : ["", undefined]);
  const p99 = (l: Load) => l.result.latency.p99;
  const open = (l: Load, page: string): Row => [
    `  ${page}: p99 once all ${CONNECTIONS} are open (after ${num(l.open.allOpenAfterMs / 1000, 1)} s)`,
    l.open.p99Ms === null ? "—" : `${num(l.open.p99Ms)} ms`,
    "",
    undefined,
  ];
  const cpu = (l: Load, page: string): Row => [`  ${page}: server CPU per request`, l.cpuMsPerRequest === undefined ? "—" : `${num(l.cpuMsPerRequest, 1)} ms`, "", undefined];
  return [
    [`${name}`, "", "", undefined],
    ["  results page (signed in): requests/s", num(f.results.result.requests.average), "", undefined],
    ["  results page: p99 latency", `${num(p99(f.results))} ms`, ...target(p99(f.results) < TARGET_P99_MS)],
    open(f.results, "results page"),
    cpu(f.results, "results page"),
    [`  ${staticLabel}: requests/s`, num(f.landing.result.requests.average), "", undefined],
    ["  static page: p99 latency", `${num(p99(f.landing))} ms`, ...target(p99(f.landing) < TARGET_P99_MS)],
    open(f.landing, "static page"),
    cpu(f.landing, "static page"),
  ];
}

main().catch((e: unknown) => {
  console.error("bench:web failed:", e instanceof Error ? e.message : e);
  process.exitCode = 1;
});

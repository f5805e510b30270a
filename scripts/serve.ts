/**
 * `npm start`'s server (the last step of scripts/start.sh): Next.js's production server in one
 * process per core, behind Node.js's cluster module, each rendering a few requests at a time.
 *
 * One Next.js process renders on one core. On the 2-core machines Bulwark is sized for, a second
 * process nearly doubles the pages served. Each worker is Next.js's documented custom server
 * (`next({ dev: false })`, the same request handler `next start` uses) with a RequestQueue in front
 * (scripts/request-queue.ts says why). Nothing is kept in a process's memory that another needs:
 * sessions, rate limits and drafts are rows in the database (docs/operations.md, "Several
 * instances"), and SQLite in WAL mode serves several processes on one machine.
 *
 *   PORT                  3000
 *   WEB_CONCURRENCY       how many server processes: a whole number from 1 to 64; default: the
 *                         number of cores, at most 4 (each holds its own copy of the app, about 200 MB)
 *   WEB_REQUESTS_AT_ONCE  requests each process renders at once, the rest waiting in turn: 1 to
 *                         256, default 2
 *
 * A worker that exits is replaced; when workers keep exiting (5 within a minute, e.g. the port is
 * taken), the server stops with exit code 1, the workers' own messages above it. SIGTERM or SIGINT
 * stops the workers (each finishes what it is serving) and then the primary.
 */
import cluster, { type Worker } from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { RequestQueue } from "./request-queue";

export const MAX_WORKERS = 64;
export const DEFAULT_MAX_WORKERS = 4;
export const DEFAULT_REQUESTS_AT_ONCE = 2;
export const MAX_REQUESTS_AT_ONCE = 256;
/** Requests a process keeps waiting before it answers 503 at once. */
export const MAX_WAITING = 1000;
const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** This many exits within CRASH_WINDOW_MS stop the server instead of replacing the worker again. */
export const CRASH_LIMIT = 5;
export const CRASH_WINDOW_MS = 60_000;
const STOP_GRACE_MS = 15_000;

export type WorkerCount = { readonly ok: true; readonly workers: number } | { readonly ok: false; readonly message: string };

type Setting = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** A whole-number setting: unset or empty gives `fallback`; anything outside min..max is `refusal`. */
function wholeNumber(value: string | undefined, fallback: number, min: number, max: number, refusal: string): Setting {
  const text = value?.trim() ?? "";
  if (text === "") return { ok: true, value: fallback };
  const n = Number(text);
  return /^\d+$/.test(text) && n >= min && n <= max ? { ok: true, value: n } : { ok: false, message: refusal };
}

/** WEB_CONCURRENCY (unset or empty: the cores, at most DEFAULT_MAX_WORKERS). */
export function workerCount(value: string | undefined, cores: number): WorkerCount {
  const r = wholeNumber(
    value,
    Math.max(1, Math.min(cores, DEFAULT_MAX_WORKERS)),
    1,
    MAX_WORKERS,
    `WEB_CONCURRENCY must be a whole number of server processes from 1 to ${MAX_WORKERS} (got "${value}"); leave it unset for one per core.`,
  );
  return r.ok ? { ok: true, workers: r.value } : r;
}

/** WEB_REQUESTS_AT_ONCE (unset or empty: DEFAULT_REQUESTS_AT_ONCE). */
export function requestsAtOnce(value: string | undefined): { readonly ok: true; readonly limit: number } | { readonly ok: false; readonly message: string } {
  const r = wholeNumber(
    value,
    DEFAULT_REQUESTS_AT_ONCE,
    1,
    MAX_REQUESTS_AT_ONCE,
    `WEB_REQUESTS_AT_ONCE must be a whole number from 1 to ${MAX_REQUESTS_AT_ONCE} (got "${value}"); leave it unset for ${DEFAULT_REQUESTS_AT_ONCE}.`,
  );
  return r.ok ? { ok: true, limit: r.value } : r;
}

/** PORT (unset or empty: 3000). */
export function portOf(value: string | undefined): { readonly ok: true; readonly port: number } | { readonly ok: false; readonly message: string } {
  const r = wholeNumber(value, 3000, 1, 65535, `PORT must be a TCP port from 1 to 65535 (got "${value}").`);
  return r.ok ? { ok: true, port: r.value } : r;
}

/** Remembers when workers exited; says when too many did within the window. */
export class CrashWindow {
  private readonly exits: number[] = [];
  constructor(
    private readonly limit = CRASH_LIMIT,
    private readonly windowMs = CRASH_WINDOW_MS,
  ) {}
  /** Records an exit at `now`; true when this one makes `limit` within the window. */
  record(now: number): boolean {
    this.exits.push(now);
    while (this.exits.length > 0 && this.exits[0]! <= now - this.windowMs) this.exits.shift();
    return this.exits.length >= this.limit;
  }
}

function describeExit(code: number | null, signal: string | null): string {
  return signal ? `was stopped by ${signal}` : `exited with code ${code}`;
}

function main(): void {
  const count = workerCount(process.env.WEB_CONCURRENCY, availableParallelism());
  const port = portOf(process.env.PORT);
  const atOnce = requestsAtOnce(process.env.WEB_REQUESTS_AT_ONCE);
  if (!count.ok || !port.ok || !atOnce.ok) {
    for (const r of [count, port, atOnce]) if (!r.ok) console.error(`serve: ${r.message}`);
    process.exit(2);
  }
  // Round robin: the primary accepts every connection and deals them out (the default on Linux;
  // set before setupPrimary, which fixes it; elsewhere the system's choice can load one process far
  // more than another).
  cluster.schedulingPolicy = cluster.SCHED_RR;

  // Workers run this file too (runWorker), through tsx like the primary.
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), execArgv: ["--import", "tsx"] });
  const workerEnv = { PORT: String(port.port), WEB_REQUESTS_AT_ONCE: String(atOnce.limit) };

  const crashes = new CrashWindow();
  let stopping = false;
  let exitCode = 0;
  const stop = (signal: NodeJS.Signals, code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    if (workers.length === 0) process.exit(exitCode);
    for (const w of workers) w.process.kill(signal);
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGKILL");
      process.exit(exitCode);
    }, STOP_GRACE_MS).unref();
  };
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    if (crashes.record(Date.now())) {
      console.error(`serve: a server process ${describeExit(code, signal)}; ${CRASH_LIMIT} have exited within a minute, so the server stops (their messages are above).`);
      stop("SIGTERM", 1);
      return;
    }
    console.error(`serve: server process ${worker.process.pid} ${describeExit(code, signal)}; starting another.`);
    cluster.fork(workerEnv);
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => stop(signal, 0));

  console.log(
    `serve: ${count.workers} server process${count.workers === 1 ? "" : "es"} on port ${port.port} (WEB_CONCURRENCY), ${atOnce.limit} request${atOnce.limit === 1 ? "" : "s"} at once each (WEB_REQUESTS_AT_ONCE)`,
  );
  for (let i = 0; i < count.workers; i++) cluster.fork(workerEnv);
}

/** A worker: Next.js's request handler behind a RequestQueue, on the port the primary shares. */
async function runWorker(): Promise<void> {
  process.title = "bulwark-web";
  const port = Number(process.env.PORT);
  const limit = Number(process.env.WEB_REQUESTS_AT_ONCE);
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: ROOT, port });
  await app.prepare();
  // Pages wait their turn; writes and sign-ins go straight through (request-queue.ts says why).
  const queue = new RequestQueue(limit, MAX_WAITING, 1000, (req) => req.method === "GET" || req.method === "HEAD");
  const server = createServer(queue.listener(app.getRequestHandler()));
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(`serve: server process ${process.pid} cannot listen on port ${port}: ${error.code === "EADDRINUSE" ? "the port is already in use (EADDRINUSE)" : error.message}`);
    process.exit(1);
  });
  server.listen(port);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Stop taking connections, let what is being served finish, then close Next.js.
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), STOP_GRACE_MS - 1000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (cluster.isPrimary) main();
  else
    runWorker().catch((error: unknown) => {
      console.error("serve: a server process could not start:", error instanceof Error ? error.message : error);
      process.exit(1);
    });
}

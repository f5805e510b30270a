/**
 * Real servers for the HTTP tests, started as `npm start` starts them (scripts/serve.ts: Next.js
 * server processes behind a cluster primary, each with its request queue): each on a free port
 * with a database of its own (a copy of the migrated template, or a given URL), from a finished
 * production build.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");
/** The same secret on every test server, so that a session made on one is valid on another. */
export const TEST_AUTH_SECRET = "http-tests-secret-only-for-tests-0123456789abcdef";

export interface AppServer {
  readonly url: string;
  readonly port: number;
  readonly databaseUrl: string;
  readonly child: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Default: a fresh copy of the migrated SQLite template. */
  readonly databaseUrl?: string;
  /** Default: BULWARK_TEST_DIST_DIR or .next. */
  readonly distDir?: string;
  readonly env?: Record<string, string>;
  /** Server processes behind the primary (WEB_CONCURRENCY); default 1. */
  readonly workers?: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh SQLite database file, migrated (copied from the template made by the global setup). */
export function freshSqliteUrl(): string {
  const { templateFile } = inject("httpDb");
  const dir = mkdtempSync(path.join(os.tmpdir(), "bulwark-http-"));
  const file = path.join(dir, "app.db");
  copyFileSync(templateFile, file);
  return `file:${file}`;
}

export function distDirOf(opts: StartOptions = {}): string {
  return opts.distDir ?? process.env.BULWARK_TEST_DIST_DIR ?? ".next";
}

export async function startAppServer(opts: StartOptions = {}): Promise<AppServer> {
  const distDir = distDirOf(opts);
  if (!existsSync(path.join(ROOT, distDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${distDir}: run \`npm run build\` (or bash scripts/build-variant.sh ${distDir}) first.`);
  }
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const databaseUrl = opts.databaseUrl ?? freshSqliteUrl();
  const ownDatabase = opts.databaseUrl === undefined ? path.dirname(databaseUrl.slice("file:".length)) : null;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/serve.ts")], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      APP_URL: url,
      BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
      BULWARK_DEMO: "off",
      BULWARK_DIST_DIR: distDir,
      PORT: String(port),
      WEB_CONCURRENCY: String(opts.workers ?? 1),
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.setEncoding("utf8").on("data", (c: string) => (out += c));
  child.stderr!.setEncoding("utf8").on("data", (c: string) => (out += c));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not answer /api/health within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    databaseUrl,
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      if (ownDatabase) rmSync(ownDatabase, { recursive: true, force: true });
    },
  };
}

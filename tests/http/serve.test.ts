/**
 * `npm start`'s server (scripts/serve.ts): Next.js server processes behind a cluster primary on
 * one port, each with a request queue, from the finished build, on a SQLite file they share. A session made through one worker
 * holds on every connection and ends on all of them at sign-out; a worker that dies is replaced
 * while the other serves; SIGTERM stops them all; bad settings and a crash loop end with a message.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, freshSqliteUrl, ROOT, startAppServer, TEST_AUTH_SECRET, type AppServer } from "./support/app-server";
import { call, cookiesFrom } from "./support/client";

/** The server processes under a primary: its children titled bulwark-web (scripts/serve.ts). */
function workersOf(primary: number): number[] {
  const pids: number[] = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === primary && readFileSync(`/proc/${d}/cmdline`, "utf8").startsWith("bulwark-web")) pids.push(Number(d));
    } catch {
      // exited meanwhile
    }
  }
  return pids.sort((a, b) => a - b);
}

/** A GET on a connection of its own (no keep-alive pool), so the primary deals each to a worker in turn. */
function getOnNewConnection(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { cookie } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
  });
}

async function until<T>(what: string, probe: () => T | undefined, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function runServe(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/serve.ts")], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (output += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (output += c));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe.runIf(process.platform === "linux")("npm start's server: two server processes on one port", () => {
  let server: AppServer;

  beforeAll(async () => {
    server = await startAppServer({ workers: 2 });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("runs two workers; a session made through one holds on every connection, and sign-out ends it on all", async () => {
    const primary = server.child.pid!;
    expect(await until("two workers", () => (workersOf(primary).length === 2 ? true : undefined))).toBe(true);
    expect(server.output()).toContain("serve: 2 server processes on port");
    expect(server.output()).toContain("2 requests at once each (WEB_REQUESTS_AT_ONCE)");

    const email = `serve-${randomUUID().slice(0, 8)}@example.test`;
    const signUp = await call(server, "POST", "/api/auth/sign-up/email", { body: { name: "Two Workers", email, password: "a long enough password 2026" } });
    expect(signUp.status, signUp.text).toBe(200);
    const cookie = cookiesFrom(signUp.headers);
    // Six connections of their own: the primary deals them to both workers in turn.
    const signedIn = await Promise.all(Array.from({ length: 6 }, () => getOnNewConnection(`${server.url}/orgs`, cookie)));
    expect(signedIn).toEqual([200, 200, 200, 200, 200, 200]);

    const signOut = await call(server, "POST", "/api/auth/sign-out", { cookie, body: {} });
    expect(signOut.status, signOut.text).toBe(200);
    const signedOut = await Promise.all(Array.from({ length: 6 }, () => getOnNewConnection(`${server.url}/orgs`, cookie)));
    // A page without a session redirects to sign-in (307), on every worker.
    expect(signedOut).toEqual([307, 307, 307, 307, 307, 307]);
  });

  it("replaces a worker that dies, and the other serves meanwhile", async () => {
    const primary = server.child.pid!;
    const [victim, survivor] = await until("two workers", () => {
      const w = workersOf(primary);
      return w.length === 2 ? w : undefined;
    });
    process.kill(victim!, "SIGKILL");
    const replaced = new RegExp(`serve: server process ${victim} was stopped by SIGKILL; starting another\\.`);
    await until("the primary to notice", () => (replaced.test(server.output()) ? true : undefined));
    // While the replacement starts, every request is answered (by the survivor).
    const during = await Promise.all(Array.from({ length: 4 }, () => getOnNewConnection(`${server.url}/api/health`, "")));
    expect(during).toEqual([200, 200, 200, 200]);
    const after = await until("a replacement worker", () => {
      const w = workersOf(primary);
      return w.length === 2 && !w.includes(victim!) ? w : undefined;
    });
    expect(after).toContain(survivor);
    const again = await Promise.all(Array.from({ length: 4 }, () => getOnNewConnection(`${server.url}/api/health`, "")));
    expect(again).toEqual([200, 200, 200, 200]);
  });

  it("stops every worker on SIGTERM, then itself with exit code 0", async () => {
    const primary = server.child.pid!;
    const workers = workersOf(primary);
    expect(workers.length).toBe(2);
    const exited = new Promise<number | null>((resolve) => server.child.once("exit", (code) => resolve(code)));
    server.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0), `worker ${pid} still running`).toThrow();
  });
});

describe.runIf(process.platform === "linux")("npm start's server: bad settings and crash loops", () => {
  it("refuses a bad WEB_CONCURRENCY, WEB_REQUESTS_AT_ONCE or PORT with exit code 2 and a message naming it", async () => {
    const r = await runServe({ WEB_CONCURRENCY: "lots", PORT: "3000" });
    expect(r.code).toBe(2);
    expect(r.output).toContain('serve: WEB_CONCURRENCY must be a whole number of server processes from 1 to 64 (got "lots")');
    const q = await runServe({ WEB_REQUESTS_AT_ONCE: "0" });
    expect(q.code).toBe(2);
    expect(q.output).toContain('serve: WEB_REQUESTS_AT_ONCE must be a whole number from 1 to 256 (got "0")');
    const p = await runServe({ PORT: "http" });
    expect(p.code).toBe(2);
    expect(p.output).toContain('serve: PORT must be a TCP port from 1 to 65535 (got "http").');
  });

  it("stops with exit code 1 when workers keep exiting (here: the port is taken), after their own messages", async () => {
    const port = await freePort();
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, resolve));
    try {
      // Everything else is in order, so that the port is what stops it.
      const r = await runServe({
        PORT: String(port),
        WEB_CONCURRENCY: "1",
        DATABASE_URL: freshSqliteUrl(),
        APP_URL: `http://localhost:${port}`,
        BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
        BULWARK_DEMO: "off",
        BULWARK_DIST_DIR: process.env.BULWARK_TEST_DIST_DIR ?? ".next",
      });
      expect(r.code).toBe(1);
      expect(r.output).toContain("5 have exited within a minute, so the server stops");
      expect(r.output).toContain(`cannot listen on port ${port}: the port is already in use (EADDRINUSE)`);
    } finally {
      squatter.close();
    }
  }, 120_000);
});

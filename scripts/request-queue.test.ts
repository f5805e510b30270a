import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { RequestQueue } from "./request-queue";

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A real HTTP server whose handler holds each response until `release(path)` is called. */
async function heldServer(queue: RequestQueue) {
  const started: string[] = [];
  const holds = new Map<string, () => void>();
  let concurrent = 0;
  let maxConcurrent = 0;
  server = createServer(
    queue.listener((req, res) => {
      const path = req.url!;
      started.push(path);
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      if (path.startsWith("/throw")) throw new Error("handler failed (expected by the test)");
      holds.set(path, () => {
        concurrent--;
        res.end(`done ${path}`);
      });
      res.on("close", () => holds.delete(path));
    }),
  );
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const get = (path: string) =>
    new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
      const req = request({ port, host: "127.0.0.1", path, agent: false }, (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      });
      req.on("error", reject);
      req.end();
    });
  const until = async (what: () => boolean) => {
    for (let i = 0; i < 500 && !what(); i++) await new Promise((r) => setTimeout(r, 5));
    if (!what()) throw new Error("timed out");
  };
  const release = async (path: string) => {
    await until(() => holds.has(path));
    holds.get(path)!();
  };
  return { started, get, release, until, port, stats: () => ({ maxConcurrent }) };
}

describe("RequestQueue", () => {
  it("handles at most `limit` requests at once and the rest in arrival order", async () => {
    const queue = new RequestQueue(2, 100);
    const s = await heldServer(queue);
    const answers = ["/a", "/b", "/c", "/d", "/e"].map((p) => s.get(p));
    await s.until(() => s.started.length === 2 && queue.queued === 3);
    expect(s.started).toEqual(["/a", "/b"]);
    expect(queue.running).toBe(2);
    await s.release("/b");
    await s.until(() => s.started.length === 3);
    expect(s.started[2]).toBe("/c");
    for (const p of ["/a", "/c", "/d", "/e"]) await s.release(p);
    expect((await Promise.all(answers)).map((a) => a.body)).toEqual(["done /a", "done /b", "done /c", "done /d", "done /e"]);
    expect(s.started).toEqual(["/a", "/b", "/c", "/d", "/e"]);
    expect(s.stats().maxConcurrent).toBe(2);
    await s.until(() => queue.running === 0 && queue.queued === 0);
  });

  it("skips a waiting request whose client has gone, and frees the turn of one that goes while served", async () => {
    const queue = new RequestQueue(1, 100);
    const s = await heldServer(queue);
    const first = s.get("/first");
    await s.until(() => s.started.length === 1);
    // A client that gives up while waiting.
    const gone = request({ port: s.port, host: "127.0.0.1", path: "/gone", agent: false });
    gone.on("error", () => {});
    gone.end();
    await s.until(() => queue.queued === 1);
    gone.destroy();
    await new Promise((r) => setTimeout(r, 50));
    const third = s.get("/third");
    await s.until(() => queue.queued === 2 || queue.queued === 1);
    await s.release("/first");
    await s.release("/third");
    expect((await first).body).toBe("done /first");
    expect((await third).body).toBe("done /third");
    expect(s.started).toEqual(["/first", "/third"]);

    // Served, then the client leaves: its turn goes to the next.
    const leaving = request({ port: s.port, host: "127.0.0.1", path: "/leaving", agent: false });
    leaving.on("error", () => {});
    leaving.end();
    await s.until(() => s.started.includes("/leaving"));
    const after = s.get("/after");
    await s.until(() => queue.queued === 1);
    leaving.destroy();
    await s.release("/after");
    expect((await after).body).toBe("done /after");
    await s.until(() => queue.running === 0);
  });

  it("answers 503 with Retry-After at once when too many wait, and 500 when the handler throws", async () => {
    const queue = new RequestQueue(1, 1);
    const s = await heldServer(queue);
    const held = s.get("/held");
    await s.until(() => s.started.length === 1);
    const waiting = s.get("/waiting");
    await s.until(() => queue.queued === 1);
    const refused = await s.get("/refused");
    expect(refused.status).toBe(503);
    expect(refused.headers["retry-after"]).toBe("5");
    expect(refused.body).toBe("The server is busy. Try again in a few seconds.\n");
    await s.release("/held");
    await s.release("/waiting");
    expect((await held).status).toBe(200);
    expect((await waiting).status).toBe(200);

    const failed = await s.get("/throw");
    expect(failed.status).toBe(500);
    expect(failed.body).toBe("Internal Server Error");
    await s.until(() => queue.running === 0);
    // The turn came back: the next request is served.
    const next = s.get("/next");
    await s.release("/next");
    expect((await next).status).toBe(200);
  });

  it("lets a request hold its turn for at most maxHoldMs: a slow one does not stop the others", async () => {
    const queue = new RequestQueue(1, 100, 100);
    const s = await heldServer(queue);
    const slow = s.get("/slow");
    await s.until(() => s.started.length === 1);
    const quick = s.get("/quick");
    // Before maxHoldMs the quick one waits; after it, it runs while the slow one is still open.
    await new Promise((r) => setTimeout(r, 30));
    expect(s.started).toEqual(["/slow"]);
    await s.until(() => s.started.length === 2);
    expect(queue.running).toBe(1);
    await s.release("/quick");
    expect((await quick).body).toBe("done /quick");
    // The slow one still finishes, and finishing does not count it out twice.
    await s.release("/slow");
    expect((await slow).body).toBe("done /slow");
    await s.until(() => queue.running === 0);
    expect(queue.running).toBe(0);
  });

  it("lets the requests it does not queue through at once, outside the count", async () => {
    const queue = new RequestQueue(1, 100, 60_000, (req) => req.method === "GET");
    const s = await heldServer(queue);
    const page = s.get("/page");
    await s.until(() => s.started.length === 1);
    const waiting = s.get("/waiting");
    await s.until(() => queue.queued === 1);
    // A POST while the only turn is taken and a GET waits: handled at once.
    const posted = new Promise<number>((resolve, reject) => {
      const req = request({ port: s.port, host: "127.0.0.1", path: "/write", method: "POST", agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode!));
      });
      req.on("error", reject);
      req.end("x");
    });
    await s.until(() => s.started.includes("/write"));
    expect(s.started).toEqual(["/page", "/write"]);
    expect(queue.running).toBe(1);
    await s.release("/write");
    expect(await posted).toBe(200);
    await s.release("/page");
    await s.release("/waiting");
    expect((await page).status).toBe(200);
    expect((await waiting).status).toBe(200);
  });

  it("refuses a limit below 1", () => {
    expect(() => new RequestQueue(0, 10)).toThrow(/limit must be a whole number of at least 1/);
    expect(() => new RequestQueue(1.5, 10)).toThrow(/limit/);
    expect(() => new RequestQueue(1, -1)).toThrow(/maxWaiting/);
  });
});

import { describe, expect, it } from "vitest";
import { CrashWindow, DEFAULT_MAX_WORKERS, DEFAULT_REQUESTS_AT_ONCE, MAX_WORKERS, portOf, requestsAtOnce, workerCount } from "./serve";

describe("WEB_CONCURRENCY", () => {
  it("defaults to one process per core, at most four", () => {
    expect(workerCount(undefined, 2)).toEqual({ ok: true, workers: 2 });
    expect(workerCount("", 1)).toEqual({ ok: true, workers: 1 });
    expect(workerCount("  ", 16)).toEqual({ ok: true, workers: DEFAULT_MAX_WORKERS });
    expect(workerCount(undefined, 0)).toEqual({ ok: true, workers: 1 });
  });

  it("takes a whole number from 1 to 64, spaces around it allowed", () => {
    expect(workerCount("1", 8)).toEqual({ ok: true, workers: 1 });
    expect(workerCount(" 3 ", 2)).toEqual({ ok: true, workers: 3 });
    expect(workerCount(String(MAX_WORKERS), 2)).toEqual({ ok: true, workers: MAX_WORKERS });
  });

  it("refuses anything else, naming the variable, the value and what to do", () => {
    for (const bad of ["0", "-1", "2.5", "1e1", "two", "65", "0x2", "99999999999999999999"]) {
      const r = workerCount(bad, 2);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toBe(`WEB_CONCURRENCY must be a whole number of server processes from 1 to 64 (got "${bad}"); leave it unset for one per core.`);
    }
  });
});

describe("WEB_REQUESTS_AT_ONCE", () => {
  it("defaults to 2 and takes 1–256", () => {
    expect(requestsAtOnce(undefined)).toEqual({ ok: true, limit: DEFAULT_REQUESTS_AT_ONCE });
    expect(DEFAULT_REQUESTS_AT_ONCE).toBe(2);
    expect(requestsAtOnce(" 1 ")).toEqual({ ok: true, limit: 1 });
    expect(requestsAtOnce("256")).toEqual({ ok: true, limit: 256 });
  });

  it("refuses anything else, naming the variable and the value", () => {
    for (const bad of ["0", "257", "2.5", "many"]) {
      expect(requestsAtOnce(bad)).toEqual({ ok: false, message: `WEB_REQUESTS_AT_ONCE must be a whole number from 1 to 256 (got "${bad}"); leave it unset for 2.` });
    }
  });
});

describe("PORT", () => {
  it("defaults to 3000 and takes 1–65535", () => {
    expect(portOf(undefined)).toEqual({ ok: true, port: 3000 });
    expect(portOf("8080")).toEqual({ ok: true, port: 8080 });
    expect(portOf("65535")).toEqual({ ok: true, port: 65535 });
  });

  it("refuses anything else", () => {
    for (const bad of ["0", "65536", "80a", "-3"]) expect(portOf(bad)).toEqual({ ok: false, message: `PORT must be a TCP port from 1 to 65535 (got "${bad}").` });
  });
});

describe("the crash window", () => {
  it("stops at the fifth exit within a minute", () => {
    const w = new CrashWindow(5, 60_000);
    expect([0, 1000, 2000, 3000].map((t) => w.record(t))).toEqual([false, false, false, false]);
    expect(w.record(4000)).toBe(true);
  });

  it("forgets exits older than the window, so a worker that dies once a day is always replaced", () => {
    const w = new CrashWindow(5, 60_000);
    for (let day = 0; day < 20; day++) expect(w.record(day * 86_400_000)).toBe(false);
    // Four quick exits, then a fifth just after the first left the window.
    const w2 = new CrashWindow(5, 60_000);
    for (const t of [0, 10_000, 20_000, 30_000]) w2.record(t);
    expect(w2.record(60_000)).toBe(false);
    expect(w2.record(60_001)).toBe(true);
  });
});

import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { cpuClock, cpuMsOfStat, listeningPid, parentPidOfStat } from "./server-cpu";

describe("server CPU per request", () => {
  it("reads utime + stime from a /proc stat line, whatever the command name holds", () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    const line = "4242 (next-server (v16.4.6)) S 1 4242 4242 0 -1 4194560 52714 0 12 0 1234 56 0 0 20 0 11 0";
    expect(cpuMsOfStat(line)).toBe((1234 + 56) * 10);
    expect(parentPidOfStat(line)).toBe(1);
    expect(() => cpuMsOfStat("not a stat line")).toThrow(/not a \/proc/);
  });

  it("finds the process listening on a port, and its CPU clock moves when it works", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      const pid = listeningPid(port);
      if (pid === undefined) return expect(process.platform, "/proc should tell the listening process on Linux").not.toBe("linux");
      expect(pid).toBe(process.pid);
      const clock = cpuClock(pid)!;
      const before = clock();
      const until = Date.now() + 60;
      let x = 0;
      while (Date.now() < until) x += Math.sqrt(x + 1);
      expect(x).toBeGreaterThan(0);
      expect(clock()).toBeGreaterThan(before);
    } finally {
      server.close();
    }
  });

  it("counts the CPU time of the process's children too (a cluster's workers)", async () => {
    if (process.platform !== "linux") return;
    const clock = cpuClock(process.pid)!;
    const before = clock();
    // A child that burns about 300 ms of CPU, then waits to be counted before it exits.
    const child = spawn(process.execPath, ["-e", "const t = Date.now() + 300; let x = 0; while (Date.now() < t) x += Math.sqrt(x + 1); setTimeout(() => {}, 5000);"]);
    try {
      await new Promise((r) => setTimeout(r, 600));
      expect(clock() - before).toBeGreaterThan(200);
    } finally {
      child.kill();
    }
  });

  it("has no clock for an unknown process", () => {
    expect(cpuClock(undefined)).toBeUndefined();
    expect(cpuClock(2 ** 30)).toBeUndefined();
  });
});

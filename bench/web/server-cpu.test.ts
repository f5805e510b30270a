import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { cpuClock, cpuMsOfStat, listeningPid } from "./server-cpu";

describe("server CPU per request", () => {
  it("reads utime + stime from a /proc stat line, whatever the command name holds", () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    const line = "4242 (next-server (v16.4.6)) S 1 4242 4242 0 -1 4194560 52714 0 12 0 1234 56 0 0 20 0 11 0";
    expect(cpuMsOfStat(line)).toBe((1234 + 56) * 10);
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

  it("has no clock for an unknown process", () => {
    expect(cpuClock(undefined)).toBeUndefined();
    expect(cpuClock(2 ** 30)).toBeUndefined();
  });
});

/**
 * CPU time the server process spends per request. On this shared 2-core machine the requests per
 * second of the same build move by a quarter from one minute to the next; the server's own CPU
 * time per request moves much less, so it is the figure to compare two builds by (Linux only:
 * it reads /proc; elsewhere the bench prints "—").
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** utime + stime of a /proc/<pid>/stat line, in ms. The command name may hold spaces and parentheses. */
export function cpuMsOfStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After "pid (comm) ", field 3 (state) is fields[0]; utime and stime are fields 14 and 15.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`not a /proc/<pid>/stat line: ${stat.slice(0, 80)}`);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/**
 * The pid of the process listening on a TCP port, from /proc alone: the listening socket's inode
 * in /proc/net/tcp and tcp6, then the process holding it among /proc/<pid>/fd. Undefined when it
 * cannot be told (not Linux, or another user's process).
 */
export function listeningPid(port: number): number | undefined {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is "ADDR:PORT" in hex; state 0A is LISTEN; the inode is the tenth field.
      if (f.length > 9 && f[3] === "0A" && parseInt(f[1]!.split(":")[1]!, 16) === port) inodes.add(f[9]!);
    }
  }
  if (inodes.size === 0) return undefined;
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (target.startsWith("socket:[") && inodes.has(target.slice(8, -1))) return Number(pid);
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}

/** The parent pid of a /proc/<pid>/stat line. */
export function parentPidOfStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ppid = Number(fields[1]);
  if (!Number.isInteger(ppid)) throw new Error(`not a /proc/<pid>/stat line: ${stat.slice(0, 80)}`);
  return ppid;
}

/** CPU ms of `pid` and every process below it: `npm start`'s server is a primary and its workers. */
function treeCpuMs(pid: number): number {
  const stats = new Map<number, string>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      stats.set(Number(d), readFileSync(`/proc/${d}/stat`, "utf8"));
    } catch {
      // exited meanwhile
    }
  }
  const own = stats.get(pid);
  if (own === undefined) throw new Error(`no process ${pid}`);
  const children = new Map<number, number[]>();
  for (const [p, stat] of stats) {
    const parent = parentPidOfStat(stat);
    children.set(parent, [...(children.get(parent) ?? []), p]);
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    total += cpuMsOfStat(stats.get(p)!);
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/**
 * A reader of the CPU time in ms of the process and its descendants (a cluster's workers), or
 * undefined when /proc cannot be read. A descendant that exits takes its time with it.
 */
export function cpuClock(pid: number | undefined): (() => number) | undefined {
  if (pid === undefined) return undefined;
  const read = () => treeCpuMs(pid);
  try {
    read();
    return read;
  } catch {
    return undefined;
  }
}

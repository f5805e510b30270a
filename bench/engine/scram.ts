/**
 * The peer: SCRAM (Debian package `scram`), run on the MEF version of an Aralia tree with
 * `--mocus --limit-order K`. Its report carries its own timing of the product (cut-set)
 * computation, which leaves out reading the model and writing the report; the whole process is
 * timed too (wall, and CPU from getrusage), minus a startup measured on a trivial tree.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ScramRun {
  /** The products computation as SCRAM reports it (`calculation-time/products`), ms. */
  readonly internalMs: number | undefined;
  readonly wallMs: number;
  /** User + system CPU of the whole process. */
  readonly cpuMs: number | undefined;
  readonly products: number | undefined;
  /** Products per order 1, 2, … as SCRAM counts them. */
  readonly distribution: number[];
  readonly timedOut: boolean;
  readonly error?: string;
}

/**
 * SCRAM runs under a small Python wrapper: it reads the child's CPU time from getrusage (µs,
 * where /usr/bin/time prints hundredths) and, on a timeout, kills SCRAM itself rather than leave
 * it running behind a killed wrapper.
 */
const WRAPPER = `
import resource, subprocess, sys
timeout = float(sys.argv[1])
try:
    code = subprocess.run(sys.argv[2:], timeout=timeout).returncode
except subprocess.TimeoutExpired:
    print("TIMEOUT", flush=True)
    sys.exit(124)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print("RUSAGE", u.ru_utime + u.ru_stime, flush=True)
sys.exit(code)
`;

export function scramVersion(): string | undefined {
  const r = spawnSync("scram", ["--version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) return undefined;
  return /SCRAM\s+(\S+)/.exec(r.stdout)?.[1] ?? "unknown";
}

export function runScram(xmlPath: string, options: { limitOrder: number; timeoutMs: number }): ScramRun {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-scram-"));
  try {
    const out = join(dir, "report.xml");
    const args = ["scram", "--mocus", "--limit-order", String(options.limitOrder), xmlPath, "-o", out];
    const t0 = performance.now();
    const r = spawnSync("python3", ["-c", WRAPPER, String(options.timeoutMs / 1000), ...args], {
      encoding: "utf8",
      // A safety net only: the wrapper stops SCRAM at the timeout.
      timeout: options.timeoutMs + 30_000,
      killSignal: "SIGKILL",
    });
    const wallMs = performance.now() - t0;
    const timedOut = r.status === 124 || (r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT";
    if (timedOut) return { internalMs: undefined, wallMs, cpuMs: undefined, products: undefined, distribution: [], timedOut };
    if (r.status !== 0 || !existsSync(out)) {
      return {
        internalMs: undefined,
        wallMs,
        cpuMs: undefined,
        products: undefined,
        distribution: [],
        timedOut: false,
        error: (r.stderr || String(r.error ?? "")).trim().split("\n").slice(-2).join(" "),
      };
    }
    const usage = /RUSAGE\s+([\d.]+)/.exec(r.stdout ?? "");
    const cpuMs = usage ? Number(usage[1]) * 1000 : undefined;
    return { ...parseScramReport(readFileSync(out, "utf8")), wallMs, cpuMs, timedOut: false };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function parseScramReport(xml: string): { internalMs: number | undefined; products: number | undefined; distribution: number[] } {
  const time = /<calculation-time[^>]*>\s*<products>([^<]+)<\/products>/.exec(xml);
  const sop = /<sum-of-products\b[^>]*>/.exec(xml)?.[0] ?? "";
  const products = /\bproducts="(\d+)"/.exec(sop);
  const distribution = /\bdistribution="([^"]*)"/.exec(sop);
  return {
    internalMs: time ? Number(time[1]) * 1000 : undefined,
    products: products ? Number(products[1]) : undefined,
    distribution: distribution ? distribution[1]!.trim().split(/\s+/).map(Number) : [],
  };
}

const TRIVIAL_TREE = `<?xml version="1.0"?>
<opsa-mef>
<define-fault-tree name="trivial">
<define-gate name="r1">
<or>
<basic-event name="e1"/>
<basic-event name="e2"/>
</or>
</define-gate>
</define-fault-tree>
<model-data>
<define-basic-event name="e1">
<float value="0.01"/>
</define-basic-event>
<define-basic-event name="e2">
<float value="0.01"/>
</define-basic-event>
</model-data>
</opsa-mef>
`;

/** Median wall and CPU of SCRAM on a two-event tree: what every run pays before any work. */
export function measureScramStartup(runs = 5): { wallMs: number; cpuMs: number | undefined } {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-scram-trivial-"));
  try {
    const path = join(dir, "trivial.xml");
    writeFileSync(path, TRIVIAL_TREE);
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = runScram(path, { limitOrder: 3, timeoutMs: 30_000 });
      walls.push(r.wallMs);
      if (r.cpuMs !== undefined) cpus.push(r.cpuMs);
    }
    const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
    return { wallMs: med(walls), cpuMs: cpus.length > 0 ? med(cpus) : undefined };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Timing and memory for the benchmark: wall and CPU time, heap and RSS deltas, and the peak RSS
 * seen by a sampling thread (the measured code is synchronous, so the main thread cannot watch
 * itself).
 */
import { Worker } from "node:worker_threads";

export interface Sample<T> {
  readonly result: T;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** Heap used right after the run, before any collection, minus the baseline. */
  readonly heapDeltaBytes: number;
  /** Heap still used after a full collection with the result alive, minus the baseline. */
  readonly retainedBytes: number;
  /** Highest RSS seen while running, minus the baseline (sampled every ~2 ms). */
  readonly peakRssDeltaBytes: number;
}

export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc (npm run bench:engine does)");
  gc();
  gc();
}

/** Watches the process RSS from a worker thread; the highest value is kept in shared memory. */
export class PeakRssWatcher {
  private readonly shared = new Int32Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;

  constructor(intervalMs = 2) {
    this.worker = new Worker(
      `const { workerData } = require("node:worker_threads");
       const peak = workerData.peak;
       setInterval(() => {
         const kb = Math.round(process.memoryUsage.rss() / 1024);
         if (kb > Atomics.load(peak, 0)) Atomics.store(peak, 0, kb);
       }, ${intervalMs});`,
      { eval: true, workerData: { peak: this.shared } },
    );
    this.worker.unref();
  }

  reset(): void {
    Atomics.store(this.shared, 0, Math.round(process.memoryUsage.rss() / 1024));
  }

  peakBytes(): number {
    return Math.max(Atomics.load(this.shared, 0) * 1024, process.memoryUsage.rss());
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Run `fn` once after a full collection and measure it. */
export function measureOnce<T>(fn: () => T, watcher?: PeakRssWatcher): Sample<T> {
  collectGarbage();
  const before = process.memoryUsage();
  watcher?.reset();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const after = process.memoryUsage();
  const peak = watcher ? watcher.peakBytes() : after.rss;
  collectGarbage();
  const retained = process.memoryUsage().heapUsed;
  return {
    result,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapDeltaBytes: after.heapUsed - before.heapUsed,
    retainedBytes: retained - before.heapUsed,
    peakRssDeltaBytes: Math.max(0, peak - before.rss),
  };
}

export interface Timing {
  /** The first run: includes compiling the engine's code paths for this input. */
  readonly firstMs: number;
  /** Median of the later runs (warm); equals firstMs when there was a single run. */
  readonly medianMs: number;
  readonly medianCpuMs: number;
  readonly runs: number;
}

/**
 * Time `fn`: once, then again until `budgetMs` of repeats or `maxRuns` runs, whichever first.
 * Repeats start after a collection so that one run's garbage is not charged to the next.
 */
export function timeRepeated(fn: () => unknown, first: { wallMs: number; cpuMs: number }, budgetMs = 1500, maxRuns = 9): Timing {
  const walls: number[] = [];
  const cpus: number[] = [];
  let spent = first.wallMs;
  while (walls.length + 1 < maxRuns && spent + first.wallMs < budgetMs) {
    collectGarbage();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    walls.push(wall);
    cpus.push((c.user + c.system) / 1000);
    spent += wall;
  }
  return {
    firstMs: first.wallMs,
    medianMs: walls.length > 0 ? median(walls) : first.wallMs,
    medianCpuMs: cpus.length > 0 ? median(cpus) : first.cpuMs,
    runs: walls.length + 1,
  };
}

/**
 * Steady-state time of `fn`: the mean of back-to-back runs (no forced collection between them),
 * run in batches until `budgetMs`; each batch's mean, then the median of the batch means. Every
 * run still pays for its own garbage on average; what it does not pay for is regrowing a heap that
 * a forced collection has just shrunk, which dominates a run of a few milliseconds.
 *
 * The batches start after `warmUpMs` of untimed back-to-back runs: a forced full collection (as
 * before each warm run) throws away the optimised code of closures and of classes whose last
 * object died, and V8 takes a few runs to compile it again; a server scoring one assessment after
 * another has long done so.
 */
export function timeSteadyState(
  fn: () => unknown,
  first: { wallMs: number },
  budgetMs = 1500,
  batches = 5,
  warmUpMs = Math.min(1000, budgetMs / 5),
): { meanMs: number; runs: number } {
  const perBatch = Math.max(1, Math.floor(budgetMs / batches / Math.max(first.wallMs, 0.01)));
  const means: number[] = [];
  collectGarbage();
  const warmUpEnd = performance.now() + warmUpMs;
  do fn();
  while (performance.now() < warmUpEnd);
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    means.push((performance.now() - t0) / perBatch);
  }
  return { meanMs: median(means), runs: perBatch * batches };
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (Math.abs(mb) >= 1000) return `${(mb / 1024).toFixed(2)} GB`;
  if (Math.abs(mb) >= 10) return `${mb.toFixed(0)} MB`;
  return `${mb.toFixed(1)} MB`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** A plain-text table: the first column and any listed in `left` left-aligned, the others right-aligned. */
export function renderTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, left: readonly number[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 || left.includes(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/**
 * `npm run bench:pdf`: how long the worker pool takes to render action plans of about 1, 10 and
 * 50 pages, and how much the process's memory (RSS, worker included) grows over 20 reports in a
 * row. Prints a table and the targets; exits 0 either way (figures, not a test).
 *
 * Timings are wall-clock times of `pool.render()` as a route handler would see them. The first
 * report in a fresh worker also pays for starting the thread, loading fonts and warming the JIT;
 * it is shown apart. CPU time of this process (worker included) is shown too, because on a shared
 * machine wall time mostly measures the neighbours.
 */
import { loadavg, cpus } from "node:os";
import { assessInventory, type Assessment } from "@/lib/engine";
import type { ActionPlanInput } from "@/lib/pdf/render-action-plan";
import { createPdfRenderPool } from "@/lib/pdf/render-pool";
import { generateInventory } from "./generate-inventory";

const MiB = 1024 * 1024;
const TARGET_10_PAGES_MS = 1500;
const TARGET_GROWTH_MIB = 300;
const REPORTS_IN_A_ROW = 20;
const TIMED_RUNS = Number(process.env.BENCH_PDF_RUNS ?? 5);

function tinyInventory(): Record<string, unknown> {
  return {
    format: "resilience-inventory/1",
    asOf: "2026-11-21",
    organization: { name: "Corner Kiosk", currency: "EUR", operatingHoursPerWeek: 50 },
    components: [
      { id: "till", name: "Till", kind: "endpoint" },
      { id: "card", name: "Card terminal", kind: "endpoint", requires: "router" },
      { id: "router", name: "Router", kind: "network" },
    ],
    functions: [{ id: "sales", name: "Sales", downtimeCostPerHour: 80, requires: { all: ["till", "card"] } }],
  };
}

function assess(inventory: unknown): Assessment {
  const result = assessInventory(inventory, { asOf: "2026-11-21" });
  if (!result.ok) throw new Error(`benchmark inventory does not assess: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.assessment;
}

function input(assessment: Assessment): ActionPlanInput {
  return {
    assessment,
    client: { name: assessment.organization.name },
    branding: { firmName: "Harbor IT Consulting", accentColor: "#0b6e4f", contactLine: "Jane Doe · jane@harbor-it.example · +1 555 0100" },
    generatedOn: "2026-11-22",
  };
}

/** Pages of a PDF, from its page objects (no external tool needed). */
function pageCount(bytes: Uint8Array): number {
  return (Buffer.from(bytes).toString("latin1").match(/\/Type\s*\/Page(?!s)/gu) ?? []).length;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x).toLocaleString("en-US")} ms`;
const mib = (x: number) => `${(x / MiB).toFixed(0)} MiB`;

function cpuMs(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

async function main(): Promise<void> {
  console.log(`bench:pdf on ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const started = performance.now();
  const cases = [
    { label: "about 1 page", inventory: tinyInventory() },
    { label: "about 10 pages", inventory: generateInventory(1) },
    { label: "about 50 pages", inventory: generateInventory(9) },
  ].map((c) => ({ ...c, input: input(assess(c.inventory)) }));
  console.log(`assessed the three inventories in ${ms(performance.now() - started)} (engine time, not counted below)`);

  const pool = createPdfRenderPool({ size: 1, timeoutMs: 600_000, idleMs: 600_000, maxHeapMb: 2048 });
  const ten = cases[1]!;

  // Memory: 20 reports of about 10 pages in a row, sampling RSS while they render.
  global.gc?.();
  const rssBefore = process.memoryUsage.rss();
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const sequence: number[] = [];
  const rssAfterEach: number[] = [];
  for (let i = 0; i < REPORTS_IN_A_ROW; i += 1) {
    const t = performance.now();
    await pool.render(ten.input);
    sequence.push(performance.now() - t);
    rssAfterEach.push(process.memoryUsage.rss());
  }
  clearInterval(sampler);
  peak = Math.max(peak, ...rssAfterEach);
  const growth = peak - rssBefore;

  // Time per size, the worker warm.
  const rows: Array<{ label: string; pages: number; kib: number; median: number; min: number; cpu: number }> = [];
  for (const c of cases) {
    const times: number[] = [];
    const cpu: number[] = [];
    let bytes: Uint8Array = new Uint8Array();
    for (let i = 0; i < TIMED_RUNS; i += 1) {
      const since = process.cpuUsage();
      const t = performance.now();
      bytes = await pool.render(c.input);
      times.push(performance.now() - t);
      cpu.push(cpuMs(since));
    }
    rows.push({ label: c.label, pages: pageCount(bytes), kib: bytes.byteLength / 1024, median: median(times), min: Math.min(...times), cpu: median(cpu) });
  }
  await pool.close();

  console.log("");
  console.log(`| report | pages | size | median of ${TIMED_RUNS} | fastest | CPU (median) |`);
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.label} | ${r.pages} | ${r.kib.toFixed(0)} KiB | ${ms(r.median)} | ${ms(r.min)} | ${ms(r.cpu)} |`);
  console.log("");
  console.log(`20 reports of ${rows[1]!.pages} pages in a row: first (cold worker) ${ms(sequence[0]!)}, median ${ms(median(sequence))}, last ${ms(sequence.at(-1)!)}`);
  console.log(`RSS before ${mib(rssBefore)}, peak ${mib(peak)}, after report 1 ${mib(rssAfterEach[0]!)}, after report 20 ${mib(rssAfterEach.at(-1)!)}`);
  console.log(`RSS growth over the 20 reports: ${mib(growth)} (from before the first; worker start-up included), ${mib(rssAfterEach.at(-1)! - rssAfterEach[0]!)} from report 1 to report 20`);
  console.log("");
  const tenPages = rows[1]!;
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log(`target: 10 pages ≤ ${ms(TARGET_10_PAGES_MS)} — ${verdict(tenPages.median <= TARGET_10_PAGES_MS)} (median ${ms(tenPages.median)}, ${tenPages.pages} pages)`);
  console.log(`target: memory growth over 20 reports ≤ ${TARGET_GROWTH_MIB} MiB — ${verdict(growth <= TARGET_GROWTH_MIB * MiB)} (${mib(growth)})`);
  console.log(`load average now ${loadavg().map((l) => l.toFixed(1)).join(" ")}; total ${ms(performance.now() - started)}`);
}

await main();

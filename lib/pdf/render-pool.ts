/**
 * Action plans are rendered in worker threads so a 50-page report never stalls the server's
 * request thread. A small pool keeps warm workers (fonts loaded), queues jobs beyond its size,
 * stops a render that runs past its time limit, and replaces a worker that dies.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { assessInventory } from "@/lib/engine";
import { PdfRenderError, type ActionPlanInput } from "./input";
import type { RenderJob, RenderReply } from "./render-worker";

export interface PdfRenderPoolOptions {
  /** Workers rendering at the same time (default 1: rendering is CPU-bound and the server has other work). */
  readonly size?: number;
  /** Per report, from when a worker takes it (default 60 s). */
  readonly timeoutMs?: number;
  /** An idle worker is stopped after this long, giving its memory back (default 60 s). */
  readonly idleMs?: number;
  /** Heap limit of each worker; a report that needs more fails alone instead of taking the server down (default 1024). */
  readonly maxHeapMb?: number;
  /** A worker bundle built by `npm run build:pdf-worker`, instead of finding one (see resolveWorkerTarget). */
  readonly workerBundle?: string;
}

export interface RenderOptions {
  readonly timeoutMs?: number;
}

interface Pending {
  readonly id: number;
  readonly input: ActionPlanInput;
  readonly timeoutMs: number;
  readonly resolve: (bytes: Uint8Array) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job?: Pending;
  timer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
}

/** Where `npm run build:pdf-worker` writes the worker bundle (relative to the project root). */
export const WORKER_BUNDLE = join("node_modules", ".cache", "bulwark", "pdf-render-worker.mjs");

type WorkerTarget = { kind: "bundle"; url: URL } | { kind: "source"; entry: string; tsxApi: string } | { kind: "missing"; message: string };

// Found through the process, not an import, so no bundler tries to follow it.
const nodeModule = process.getBuiltinModule("node:module") as typeof import("node:module");

function tsxApiFrom(base: string): string | undefined {
  try {
    const specifier = ["tsx", "esm", "api"].join("/");
    return pathToFileURL(nodeModule.createRequire(base).resolve(specifier).replace(/\.cjs$/u, ".mjs")).href;
  } catch {
    return undefined;
  }
}

/**
 * How to start the worker, decided once per process:
 * - from TypeScript source (tests, the bench, tsx scripts): register tsx's loader in the worker,
 *   then import render-worker.ts beside this file (Node 20 does not apply `--import` hooks to a
 *   worker's entry file);
 * - inside the Next.js server, whose bundler cannot build worker threads (webpack emits a path
 *   under /_next/ that does not exist on disk): the prebuilt bundle (BULWARK_PDF_WORKER, or
 *   WORKER_BUNDLE under the working directory), else the source files through tsx when both are
 *   installed, else a clear error; under `next dev` the source comes first.
 */
function resolveWorkerTarget(): WorkerTarget {
  const here = import.meta.url;
  if (!process.env.NEXT_RUNTIME && /^file:.*\.tsx?$/u.test(here)) {
    const tsxApi = tsxApiFrom(here);
    if (tsxApi) return { kind: "source", entry: here.replace(/render-pool\.tsx?$/u, "render-worker.ts"), tsxApi };
  }
  const bundle = process.env.BULWARK_PDF_WORKER ?? join(process.cwd(), WORKER_BUNDLE);
  const sourceFile = join(process.cwd(), "lib", "pdf", "render-worker.ts");
  const tsxApi = tsxApiFrom(join(process.cwd(), "package.json"));
  const source = existsSync(sourceFile) && tsxApi ? ({ kind: "source", entry: pathToFileURL(sourceFile).href, tsxApi } as const) : undefined;
  // `next dev` follows the source as it changes; a bundle from the last build would be stale.
  if (process.env.NODE_ENV === "development" && !process.env.BULWARK_PDF_WORKER && source) return source;
  if (existsSync(bundle)) return { kind: "bundle", url: pathToFileURL(bundle) };
  if (source) return source;
  return { kind: "missing", message: `the PDF worker is not built: run \`npm run build:pdf-worker\` (expected ${bundle})` };
}

const TS_BOOTSTRAP = [
  'import { workerData } from "node:worker_threads";',
  "const { register } = await import(workerData.tsxApi);",
  "register();",
  "await import(workerData.entry);",
].join("\n");

let sharedTarget: WorkerTarget | undefined;

function warmUpInput(): ActionPlanInput {
  const result = assessInventory({
    format: "resilience-inventory/1",
    organization: { name: "Warm-up", currency: "EUR", operatingHoursPerWeek: 40 },
    components: [{ id: "pc", name: "PC", kind: "endpoint" }],
    functions: [{ id: "work", name: "Work", downtimeCostPerHour: 100, requires: "pc" }],
  }, { asOf: "2026-01-01" });
  if (!result.ok) throw new Error("the warm-up inventory no longer assesses");
  return { assessment: result.assessment, client: { name: "Warm-up" }, branding: { firmName: "Bulwark", accentColor: "#333333", contactLine: "" }, generatedOn: "2026-01-01" };
}

function formatLimit(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

export class PdfRenderPool {
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly idleMs: number;
  private readonly maxHeapMb: number;
  private readonly target?: WorkerTarget;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: PdfRenderPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? 1));
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.idleMs = options.idleMs ?? 60_000;
    this.maxHeapMb = options.maxHeapMb ?? 1024;
    if (options.workerBundle) this.target = { kind: "bundle", url: pathToFileURL(options.workerBundle) };
  }

  /** Render in a worker; rejects with PdfRenderError (code and message say what went wrong). */
  render(input: ActionPlanInput, options: RenderOptions = {}): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new PdfRenderError("worker-failed", "the PDF renderer has been shut down"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, timeoutMs: options.timeoutMs ?? this.timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Start the workers and render a small report in each, so the first client's report does not
   * also pay for starting a thread, loading fonts and warming up (several seconds). Call it when
   * the server starts.
   */
  async warmUp(): Promise<void> {
    const input = warmUpInput();
    await Promise.all(Array.from({ length: this.size }, () => this.render(input)));
  }

  /** Stop every worker; queued and running jobs are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new PdfRenderError("worker-failed", "the PDF renderer was shut down before this report started"));
    await Promise.all(this.slots.splice(0).map((slot) => this.stop(slot, new PdfRenderError("worker-failed", "the PDF renderer was shut down during rendering"))));
  }

  /** Workers currently alive (for tests and monitoring). */
  get workerCount(): number {
    return this.slots.length;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        try {
          slot = this.spawn();
        } catch (error) {
          const failure = error instanceof PdfRenderError ? error : new PdfRenderError("worker-failed", `the PDF worker could not start: ${error instanceof Error ? error.message : String(error)}`);
          for (const job of this.queue.splice(0)) job.reject(failure);
          return;
        }
      }
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const target = this.target ?? (sharedTarget ??= resolveWorkerTarget());
    if (target.kind === "missing") throw new PdfRenderError("worker-failed", target.message);
    const options = {
      name: "bulwark-pdf",
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
      // React's development build only adds checks a PDF never shows, and costs time and memory; it is kept only when asked for explicitly.
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV === "development" ? "development" : "production" },
    };
    const worker =
      target.kind === "bundle"
        ? new Worker(target.url, options)
        : new Worker(new URL(`data:text/javascript,${encodeURIComponent(TS_BOOTSTRAP)}`), { ...options, workerData: { tsxApi: target.tsxApi, entry: target.entry } });
    const slot: Slot = { worker };
    worker.on("message", (reply: RenderReply) => this.finish(slot, reply));
    worker.on("error", (error) => this.fail(slot, new PdfRenderError("worker-failed", `the PDF worker failed: ${error.message}`)));
    worker.on("exit", (code) => {
      if (this.slots.includes(slot)) this.fail(slot, new PdfRenderError("worker-failed", `the PDF worker stopped unexpectedly (exit code ${code})`));
    });
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, job: Pending): void {
    clearTimeout(slot.idleTimer);
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      void this.stop(slot, new PdfRenderError("timeout", `rendering the action plan took longer than ${formatLimit(job.timeoutMs)} and was stopped`));
      this.dispatch();
    }, job.timeoutMs);
    try {
      slot.worker.postMessage({ id: job.id, input: job.input } satisfies RenderJob);
    } catch (error) {
      // Input that cannot be copied to another thread (functions, class instances with private state).
      clearTimeout(slot.timer);
      slot.job = undefined;
      job.reject(new PdfRenderError("invalid-input", `cannot render the action plan: the input cannot be sent to the renderer (${error instanceof Error ? error.message : String(error)})`));
      this.idle(slot);
    }
  }

  private finish(slot: Slot, reply: RenderReply): void {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    if (reply.ok) job.resolve(reply.bytes);
    else job.reject(new PdfRenderError(reply.code, reply.message, reply.problems));
    this.idle(slot);
    this.dispatch();
  }

  private idle(slot: Slot): void {
    if (slot.job) return;
    slot.worker.unref();
    clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => void this.stop(slot), this.idleMs);
    slot.idleTimer.unref();
  }

  private fail(slot: Slot, error: PdfRenderError): void {
    void this.stop(slot, error);
    this.dispatch();
  }

  private async stop(slot: Slot, error?: PdfRenderError): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    clearTimeout(slot.timer);
    clearTimeout(slot.idleTimer);
    const job = slot.job;
    slot.job = undefined;
    if (job) job.reject(error ?? new PdfRenderError("worker-failed", "the PDF worker was stopped"));
    await slot.worker.terminate();
  }
}

export function createPdfRenderPool(options: PdfRenderPoolOptions = {}): PdfRenderPool {
  return new PdfRenderPool(options);
}

let shared: PdfRenderPool | undefined;

/**
 * Render the branded action plan off the request thread (a shared pool of one worker).
 *
 * @example
 * const pdf = await renderActionPlanPdf({ assessment, client: { name: "Northwind Parts" },
 *   branding: { firmName: "Harbor IT", accentColor: "#0b6e4f", contactLine: "jane@harbor-it.example" }, generatedOn: "2026-11-22" });
 * return new Response(pdf, { headers: { "content-type": "application/pdf" } });
 */
export function renderActionPlanPdf(input: ActionPlanInput, options: RenderOptions = {}): Promise<Uint8Array> {
  shared ??= createPdfRenderPool();
  return shared.render(input, options);
}

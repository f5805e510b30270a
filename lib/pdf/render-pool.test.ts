import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessInventory, type Assessment } from "@/lib/engine";
import { formatMoney } from "@/lib/results/format";
import { PdfRenderError, renderActionPlanPdfInThread, type ActionPlanInput } from "./render-action-plan";
import { buildPdfWorker } from "../../scripts/build-pdf-worker";
import { createPdfRenderPool, type PdfRenderPool } from "./render-pool";
import { pdfPageCount, pdfText, squash, writeTempPdf } from "./testing/pdf-text";

const inventory = JSON.parse(readFileSync(new URL("../../../shared/examples/northwind-parts.json", import.meta.url), "utf8"));

function input(assessment: Assessment, clientName = "Northwind Parts GmbH"): ActionPlanInput {
  return {
    assessment,
    client: { name: clientName },
    branding: { firmName: "Harbor IT Consulting", accentColor: "#0b6e4f", contactLine: "jane@harbor-it.example" },
    generatedOn: "2026-11-22",
  };
}

describe("rendering in a worker thread", { timeout: 180_000 }, () => {
  let assessment: Assessment;
  let pool: PdfRenderPool;

  beforeAll(() => {
    const result = assessInventory(inventory, { asOf: "2026-11-21" });
    if (!result.ok) throw new Error("northwind does not assess");
    assessment = result.assessment;
    pool = createPdfRenderPool({ size: 1, timeoutMs: 120_000 });
  });

  afterAll(async () => {
    await pool.close();
  });

  it("returns a valid PDF like the in-thread render, while the calling thread stays free", async () => {
    let ticks = 0;
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks += 1;
    }, 10);
    const fromWorker = await pool.render(input(assessment));
    clearInterval(timer);
    const inThread = await renderActionPlanPdfInThread(input(assessment));

    expect(fromWorker).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(fromWorker.subarray(0, 5))).toBe("%PDF-");
    // The issue date is the PDF's creation date, so the two paths give the very same bytes.
    expect(Buffer.compare(Buffer.from(fromWorker), Buffer.from(inThread))).toBe(0);
    const workerFile = writeTempPdf(fromWorker);
    expect(pdfPageCount(workerFile)).toBe(pdfPageCount(writeTempPdf(inThread)));
    const text = squash(pdfText(workerFile));
    expect(text).toContain("Northwind Parts GmbH");
    expect(text).toContain(formatMoney(assessment.expectedAnnualLoss, "EUR"));
    // The render took seconds; the event loop kept ticking all along (a blocked loop shows one long gap).
    expect(ticks).toBeGreaterThan(20);
    expect(longestGap).toBeLessThan(1000);
  });

  it("queues reports beyond the pool size and renders each for its own client", async () => {
    const names = ["Client One", "Client Two", "Client Three"];
    const results = await Promise.all(names.map((n) => pool.render(input(assessment, n))));
    expect(pool.workerCount).toBe(1);
    results.forEach((bytes, i) => expect(squash(pdfText(writeTempPdf(bytes), { first: 1, last: 1 }))).toContain(names[i]));
  });

  it("rejects bad input with the fields named, and keeps working", async () => {
    const bad = { ...input(assessment), branding: { firmName: "F", accentColor: "teal", contactLine: "" } };
    const error = (await pool.render(bad).catch((e: unknown) => e)) as PdfRenderError;
    expect(error).toBeInstanceOf(PdfRenderError);
    expect(error.code).toBe("invalid-input");
    expect(error.problems).toEqual([{ path: "branding.accentColor", message: 'must be a colour such as "#1f6feb"' }]);
    expect(new TextDecoder().decode((await pool.render(input(assessment))).subarray(0, 5))).toBe("%PDF-");
  });

  it("rejects input that cannot be sent to a thread", async () => {
    const bad = { ...input(assessment), client: { name: "X", toString: () => "X" } } as unknown as ActionPlanInput;
    await expect(pool.render(bad)).rejects.toMatchObject({ code: "invalid-input" });
  });

  it("stops a render that runs past its time limit with a clear error, then renders the next one", async () => {
    const error = (await pool.render(input(assessment), { timeoutMs: 50 }).catch((e: unknown) => e)) as PdfRenderError;
    expect(error).toBeInstanceOf(PdfRenderError);
    expect(error.code).toBe("timeout");
    expect(error.message).toMatch(/took longer than 50 ms and was stopped/u);
    const bytes = await pool.render(input(assessment));
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
  });

  it("warms up every worker with a small report", async () => {
    const warm = createPdfRenderPool({ size: 2 });
    try {
      await warm.warmUp();
      expect(warm.workerCount).toBe(2);
    } finally {
      await warm.close();
    }
    expect(warm.workerCount).toBe(0);
  });

  it("runs from the bundle that build:pdf-worker writes, as the Next.js server does", async () => {
    const bundle = join(mkdtempSync(join(process.cwd(), "node_modules", ".cache", "pdf-worker-test-")), "worker.mjs");
    expect(await buildPdfWorker(bundle)).toBeGreaterThan(10_000);
    const bundled = createPdfRenderPool({ workerBundle: bundle });
    try {
      const [fromBundle, inThread] = await Promise.all([bundled.render(input(assessment)), renderActionPlanPdfInThread(input(assessment))]);
      expect(Buffer.compare(Buffer.from(fromBundle), Buffer.from(inThread))).toBe(0);
    } finally {
      await bundled.close();
      rmSync(dirname(bundle), { recursive: true, force: true });
    }
  });

  it("says how to build the worker when its bundle is missing", async () => {
    const missing = createPdfRenderPool({ workerBundle: join(process.cwd(), "no-such-dir", "worker.mjs") });
    const error = (await missing.render(input(assessment)).catch((e: unknown) => e)) as PdfRenderError;
    expect(error.code).toBe("worker-failed");
    expect(error.message).toMatch(/the PDF worker failed: Cannot find module/u);
    await missing.close();
  });

  it("refuses work after it is closed", async () => {
    const closing = createPdfRenderPool();
    await closing.close();
    await expect(closing.render(input(assessment))).rejects.toMatchObject({ code: "worker-failed" });
  });
});

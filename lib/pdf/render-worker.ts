/**
 * Worker thread entry: renders one action plan per message and posts the bytes back.
 * Started by render-pool.ts (from this source through tsx, or from the bundle that
 * `npm run build:pdf-worker` writes); never imported by request code.
 */
import { parentPort } from "node:worker_threads";
import { PdfRenderError, type ActionPlanInput } from "./input";
import { renderActionPlanPdfInThread } from "./render-action-plan";

export interface RenderJob {
  readonly id: number;
  readonly input: ActionPlanInput;
}

export type RenderReply =
  | { readonly id: number; readonly ok: true; readonly bytes: Uint8Array }
  | { readonly id: number; readonly ok: false; readonly code: PdfRenderError["code"]; readonly message: string; readonly problems: PdfRenderError["problems"] };

if (!parentPort) throw new Error("render-worker.ts runs only as a worker thread");
const port = parentPort;

port.on("message", async (job: RenderJob) => {
  try {
    const rendered = await renderActionPlanPdfInThread(job.input);
    // A small Buffer can be a slice of Node's shared pool; copy so only our own memory is transferred.
    const bytes = rendered.byteOffset === 0 && rendered.byteLength === rendered.buffer.byteLength ? rendered : rendered.slice();
    port.postMessage({ id: job.id, ok: true, bytes } satisfies RenderReply, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    const e = error instanceof PdfRenderError ? error : new PdfRenderError("render-failed", `the action plan could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
    port.postMessage({ id: job.id, ok: false, code: e.code, message: e.message, problems: e.problems } satisfies RenderReply);
  }
});

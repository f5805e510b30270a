/**
 * The branded PDF action plan, for the server. Rendering happens in worker threads; this entry
 * loads neither react-pdf nor the fonts into the request thread.
 *
 * Next.js cannot bundle worker threads, so production needs the worker built once with
 * `npm run build:pdf-worker` (run by `npm run build` through its prebuild step).
 */
import "server-only";

export { renderActionPlanPdf, createPdfRenderPool, PdfRenderPool, WORKER_BUNDLE, type PdfRenderPoolOptions, type RenderOptions } from "./render-pool";
export { validateActionPlanInput, ActionPlanInputSchema, PdfRenderError, type ActionPlanInput, type PdfErrorCode } from "./input";
export { checkLogo, LOGO_MIME_TYPES, MAX_LOGO_BYTES, MAX_LOGO_SIDE, type LogoCheck, type LogoMimeType } from "./logo";

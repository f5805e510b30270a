/**
 * The branded PDF action plan. Server only: it starts worker threads and reads font files.
 */
import "server-only";

export { renderActionPlanPdf, createPdfRenderPool, PdfRenderPool, type PdfRenderPoolOptions, type RenderOptions } from "./render-pool";
export { renderActionPlanPdfInThread, validateActionPlanInput, PdfRenderError, type ActionPlanInput, type PdfErrorCode } from "./render-action-plan";
export { checkLogo, LOGO_MIME_TYPES, MAX_LOGO_BYTES, type LogoCheck, type LogoMimeType } from "./logo";

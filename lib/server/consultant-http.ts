import "server-only";
/**
 * The consultant layer's downloads as HTTP: the route files under app/ only pass the request and
 * their params here. Each handler authenticates (the session cookie) and authorises (through the
 * data functions) inside itself; expected errors answer JSON with their status (404 for foreign
 * ids), anything else is logged and answered with a generic 500.
 */
import { attachmentHeader } from "../consultant/format";
import { PdfRenderError } from "../pdf/input";
import type { Actor } from "./access";
import { getSessionFromHeaders } from "./auth";
import { isAppError, UnauthenticatedError } from "./errors";
import { getFirmLogo } from "./firms";
import { renderSnapshotReport } from "./reports";
import { exportClientInventory } from "./transfer";

/** Headers of every download: never sniffed into another type, never cached by shared caches. */
const DOWNLOAD_HEADERS = {
  "x-content-type-options": "nosniff",
  "cache-control": "private, no-store",
  // A download opened in the browser runs nothing and loads nothing.
  "content-security-policy": "default-src 'none'; sandbox",
} as const;

export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    return Response.json(
      { error: { code: error.code, message: error.message, problems: error.problems } },
      { status: error.status, headers: { "cache-control": "no-store" } },
    );
  }
  if (error instanceof PdfRenderError && error.code === "timeout") {
    return Response.json({ error: { code: "TIMEOUT", message: "The report took too long to produce. Please try again in a minute." } }, { status: 503 });
  }
  console.error(error);
  return Response.json({ error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } }, { status: 500 });
}

export function fileResponse(body: Uint8Array | string, contentType: string, filename?: string): Response {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      ...DOWNLOAD_HEADERS,
      "content-type": contentType,
      "content-length": String(bytes.byteLength),
      ...(filename ? { "content-disposition": attachmentHeader(filename) } : {}),
    },
  });
}

async function withActor(request: Request, handle: (actor: Actor) => Promise<Response>): Promise<Response> {
  try {
    const session = await getSessionFromHeaders(request.headers);
    if (!session) throw new UnauthenticatedError();
    return await handle(session);
  } catch (e) {
    return errorResponse(e);
  }
}

/** GET /api/org/[orgId]/snapshots/[snapshotId]/pdf: the branded action plan of that snapshot. */
export async function snapshotPdfResponse(actor: Actor, params: { orgId: string; snapshotId: string }): Promise<Response> {
  const { bytes, filename } = await renderSnapshotReport(actor, { organizationId: params.orgId, snapshotId: params.snapshotId });
  return fileResponse(bytes, "application/pdf", filename);
}

/** GET /api/org/[orgId]/assessments/[assessmentId]/inventory: the draft as interchange JSON. */
export async function inventoryExportResponse(actor: Actor, params: { orgId: string; assessmentId: string }): Promise<Response> {
  const { text, filename } = await exportClientInventory(actor, { organizationId: params.orgId, assessmentId: params.assessmentId });
  return fileResponse(text, "application/json; charset=utf-8", filename);
}

/** GET /firm/[firmId]/logo: the stored logo with its checked type, shown inline. */
export async function firmLogoResponse(actor: Actor, params: { firmId: string }): Promise<Response> {
  const logo = await getFirmLogo(actor, { firmId: params.firmId });
  return fileResponse(logo.data, logo.mimeType);
}

export function handleSnapshotPdf(request: Request, params: { orgId: string; snapshotId: string }): Promise<Response> {
  return withActor(request, (actor) => snapshotPdfResponse(actor, params));
}

export function handleInventoryExport(request: Request, params: { orgId: string; assessmentId: string }): Promise<Response> {
  return withActor(request, (actor) => inventoryExportResponse(actor, params));
}

export function handleFirmLogo(request: Request, params: { firmId: string }): Promise<Response> {
  return withActor(request, (actor) => firmLogoResponse(actor, params));
}

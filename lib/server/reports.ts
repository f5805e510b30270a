import "server-only";
/**
 * The branded PDF action plan of one assessment snapshot: the client's result, the managing firm's
 * branding (Bulwark's plain one when no firm manages the client), rendered off the request thread
 * by lib/pdf's worker pool. Readers of the client only (lib/server/clients.ts); another
 * organisation's snapshot is not found.
 */
import { fileSlug, utcDate } from "../consultant/format";
import { validateInventory } from "../engine/index";
import { renderActionPlanPdf, type ActionPlanInput } from "../pdf/index";
import type { Actor } from "./access";
import { brandingForOrganization } from "./firms";
import { getSnapshot } from "./history";

export interface ReportFile {
  readonly bytes: Uint8Array;
  readonly filename: string;
}

/** What the PDF renderer gets for a snapshot: exported for tests and for a preview without rendering. */
export async function buildSnapshotReportInput(
  actor: Actor,
  input: { organizationId: unknown; snapshotId: unknown },
  now = new Date(),
): Promise<{ input: ActionPlanInput; filename: string }> {
  const snapshot = await getSnapshot(actor, input);
  const branding = await brandingForOrganization(snapshot.organizationId);
  const inventory = validateInventory(snapshot.inventory);
  const reportInput: ActionPlanInput = {
    assessment: snapshot.result,
    client: { name: snapshot.organizationName },
    branding,
    generatedOn: utcDate(now),
    ...(inventory.ok ? { inventory: inventory.inventory } : {}),
  };
  return { input: reportInput, filename: `action-plan-${fileSlug(snapshot.organizationName)}-${utcDate(snapshot.createdAt)}.pdf` };
}

/** Render the snapshot's action plan; PdfRenderError (lib/pdf) when the renderer fails or times out. */
export async function renderSnapshotReport(actor: Actor, input: { organizationId: unknown; snapshotId: unknown }, now = new Date()): Promise<ReportFile> {
  const { input: reportInput, filename } = await buildSnapshotReportInput(actor, input, now);
  const bytes = await renderActionPlanPdf(reportInput);
  return { bytes, filename };
}

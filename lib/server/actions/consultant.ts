"use server";
/**
 * Server actions of the consultant pages (firm, portfolio, client). Each one authenticates here and
 * leaves authorisation to the data functions it calls (lib/server/firms.ts, clients.ts,
 * transfer.ts), which check membership and role on every call. `redirect()` and
 * `revalidatePath()` stay outside `try`.
 */
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import type { CsvMapping, CsvPreview } from "../../interchange/index";
import {
  archiveClient,
  assessClient,
  createClient,
  inviteClientUser,
  openClient,
  renameClient,
  revokeClientInvitation,
  unarchiveClient,
} from "../clients";
import { checkId } from "../consultant-guards";
import { isAppError, type FieldProblem } from "../errors";
import { createFirm, removeFirmLogo, setFirmLogo, updateFirmBranding } from "../firms";
import { requireSession } from "../next/session";
import { importClientCsv, importClientInventory, previewClientCsv, type CsvImported } from "../transfer";
import { formStateFromError, formValues, type FormState } from "./form-state";

function text(formData: FormData, key: string): string | undefined {
  const v = formData.get(key);
  return typeof v === "string" ? v : undefined;
}

function versionOf(formData: FormData): number | undefined {
  const v = Number(formData.get("version"));
  return Number.isInteger(v) && v > 0 ? v : undefined;
}

function clientPaths(organizationId: string): void {
  revalidatePath(`/clients/${organizationId}`);
  revalidatePath("/portfolio");
}

// ---------------------------------------------------------------- firm

export async function createFirmAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireSession("/firm");
  let id: string;
  try {
    ({ id } = await createFirm(actor, { name: text(formData, "name") }));
  } catch (e) {
    return formStateFromError(e, formValues(formData, ["name"]));
  }
  revalidatePath("/firm");
  redirect(`/firm/${id}`);
}

export async function updateBrandingAction(firmId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireSession(`/firm/${firmId}`);
  const values = formValues(formData, ["name", "accentColor", "contactLine"]);
  try {
    await updateFirmBranding(actor, { firmId, version: formData.get("version") ?? undefined, ...values });
  } catch (e) {
    return formStateFromError(e, values);
  }
  revalidatePath(`/firm/${firmId}`);
  return { ok: true, message: "Branding saved. Every report of your clients uses it from now on.", values };
}

export async function uploadLogoAction(firmId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireSession(`/firm/${firmId}`);
  const file = formData.get("logo");
  try {
    // Only the bytes are used: the file's name and declared type are not trusted or kept.
    const data = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(0);
    await setFirmLogo(actor, { firmId, data });
  } catch (e) {
    return formStateFromError(e);
  }
  revalidatePath(`/firm/${firmId}`);
  return { ok: true, message: "Logo saved." };
}

export async function removeLogoAction(firmId: string, _prev: FormState): Promise<FormState> {
  const actor = await requireSession(`/firm/${firmId}`);
  try {
    await removeFirmLogo(actor, { firmId });
  } catch (e) {
    return formStateFromError(e);
  }
  revalidatePath(`/firm/${firmId}`);
  return { ok: true, message: "Logo removed." };
}

// ---------------------------------------------------------------- clients

export async function createClientAction(firmId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireSession("/portfolio");
  let id: string;
  try {
    ({ id } = await createClient(actor, { firmId, name: text(formData, "name") }));
  } catch (e) {
    return formStateFromError(e, formValues(formData, ["name"]));
  }
  revalidatePath("/portfolio");
  redirect(`/clients/${id}`);
}

export async function renameClientAction(organizationId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireSession(`/clients/${organizationId}`);
  const values = formValues(formData, ["name"]);
  try {
    await renameClient(actor, { organizationId, name: values.name });
  } catch (e) {
    return formStateFromError(e, values);
  }
  clientPaths(organizationId);
  return { ok: true, message: "Client renamed.", values };
}

export async function setClientArchivedAction(organizationId: string, archived: boolean, _prev: FormState): Promise<FormState> {
  const actor = await requireSession(`/clients/${organizationId}`);
  try {
    if (archived) await archiveClient(actor, { organizationId });
    else await unarchiveClient(actor, { organizationId });
  } catch (e) {
    return formStateFromError(e);
  }
  clientPaths(organizationId);
  return { ok: true, message: archived ? "Client archived. It is hidden from the portfolio unless you show archived clients." : "Client unarchived." };
}

/** Switch to another client of the firm (a plain form: the client's id in `organizationId`). */
export async function switchClientAction(formData: FormData): Promise<void> {
  const actor = await requireSession("/portfolio");
  const organizationId = text(formData, "organizationId") ?? "";
  try {
    await openClient(actor, { organizationId });
  } catch (e) {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "CONFLICT")) notFound();
    throw e;
  }
  redirect(`/clients/${organizationId}`);
}

/** Open the client's questionnaire (a firm member without a membership gets one first). */
export async function openQuestionsAction(organizationId: string, assessmentId: string): Promise<void> {
  const actor = await requireSession(`/clients/${organizationId}`);
  let to: string;
  try {
    // Both ids go into the redirect's Location header: only ids of the right shape may get there
    // (a non-ASCII character in a header is a 500 in Node, not the 404 it deserves).
    const opened = await openClient(actor, { organizationId });
    to = `/org/${opened.organizationId}/assessment/${checkId(assessmentId, "That assessment")}/questionnaire`;
  } catch (e) {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "CONFLICT")) notFound();
    throw e;
  }
  redirect(to);
}

export async function inviteClientAction(organizationId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireSession(`/clients/${organizationId}`);
  const values = formValues(formData, ["role", "email"]);
  try {
    const inv = await inviteClientUser(actor, { organizationId, role: values.role, email: values.email });
    revalidatePath(`/clients/${organizationId}`);
    return {
      ok: true,
      message: `Invitation created for the client's ${inv.role}. Copy the link and send it yourself; it works once, for 7 days.`,
      data: { path: inv.path },
    };
  } catch (e) {
    return formStateFromError(e, values);
  }
}

export async function revokeClientInvitationAction(organizationId: string, invitationId: string): Promise<FormState> {
  const actor = await requireSession(`/clients/${organizationId}`);
  try {
    await revokeClientInvitation(actor, { organizationId, invitationId });
  } catch (e) {
    return formStateFromError(e);
  }
  revalidatePath(`/clients/${organizationId}`);
  return { ok: true, message: "Invitation revoked." };
}

export async function assessClientAction(organizationId: string, assessmentId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireSession(`/clients/${organizationId}`);
  try {
    await assessClient(actor, { organizationId, assessmentId, version: versionOf(formData) });
  } catch (e) {
    return formStateFromError(e);
  }
  clientPaths(organizationId);
  redirect(`/clients/${organizationId}?assessed=1#history-heading`);
}

// ---------------------------------------------------------------- import

export interface ImportState {
  readonly ok?: boolean;
  readonly message?: string;
  readonly problems?: readonly FieldProblem[];
  /** The draft's version after a successful import, for the next one. */
  readonly version?: number;
}

function importStateFromError(e: unknown): ImportState {
  if (isAppError(e)) return { ok: false, message: e.message, problems: e.problems };
  console.error(e);
  return { ok: false, message: "Something went wrong on our side. Nothing was imported. Please try again." };
}

/** Interchange JSON from an uploaded file (when one is chosen) or pasted text. */
export async function importInventoryAction(organizationId: string, assessmentId: string, _prev: ImportState, formData: FormData): Promise<ImportState> {
  const actor = await requireSession(`/clients/${organizationId}/import`);
  const file = formData.get("file");
  let result: { version: number; components: number; functions: number };
  try {
    const fromFile = file instanceof Blob && file.size > 0 ? await file.text() : undefined;
    result = await importClientInventory(actor, { organizationId, assessmentId, text: fromFile ?? text(formData, "text") ?? "", version: versionOf(formData) });
  } catch (e) {
    return importStateFromError(e);
  }
  clientPaths(organizationId);
  return {
    ok: true,
    version: result.version,
    message: `Imported ${result.components} components and ${result.functions} business functions as a new draft. Assess the client to see the new figures.`,
  };
}

export type CsvPreviewResult = { readonly ok: true; readonly preview: CsvPreview } | { readonly ok: false; readonly message: string };

export async function previewCsvAction(organizationId: string, csv: string, mapping?: CsvMapping): Promise<CsvPreviewResult> {
  const actor = await requireSession(`/clients/${organizationId}/import`);
  try {
    return { ok: true, preview: await previewClientCsv(actor, { organizationId, text: csv, mapping }) };
  } catch (e) {
    const state = importStateFromError(e);
    return { ok: false, message: state.message ?? "The file could not be read." };
  }
}

export type CsvImportState = ({ readonly ok: true } & CsvImported) | ({ readonly ok: false } & ImportState);

export async function importCsvAction(
  organizationId: string,
  assessmentId: string,
  input: { csv: string; mapping: CsvMapping; version: number; skipInvalidRows: boolean },
): Promise<CsvImportState> {
  const actor = await requireSession(`/clients/${organizationId}/import`);
  let result: CsvImported;
  try {
    result = await importClientCsv(actor, {
      organizationId,
      assessmentId,
      text: input.csv,
      mapping: input.mapping,
      version: input.version,
      skipInvalidRows: input.skipInvalidRows === true,
    });
  } catch (e) {
    return { ...importStateFromError(e), ok: false };
  }
  clientPaths(organizationId);
  return { ok: true, ...result };
}

"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  acceptInvitation,
  completeAssessment,
  createAssessment,
  createInvitation,
  createOrganization,
  removeMember,
  revokeInvitation,
  saveAssessmentDraft,
} from "../access";
import { isAppError } from "../errors";
import { requireSession } from "../next/session";
import { formStateFromError, formValues, type FormState } from "./form-state";

export async function createOrganizationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireSession();
  const values = formValues(formData, ["name"]);
  let id: string;
  try {
    ({ id } = await createOrganization(actor, { name: formData.get("name") }));
  } catch (e) {
    return formStateFromError(e, values);
  }
  revalidatePath("/orgs");
  redirect(`/org/${id}`);
}

export async function createAssessmentAction(organizationId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireSession();
  let id: string;
  try {
    ({ id } = await createAssessment(actor, { organizationId, name: formData.get("name") }));
  } catch (e) {
    return formStateFromError(e, formValues(formData, ["name"]));
  }
  redirect(`/org/${organizationId}/assessment/${id}/questionnaire`);
}

export async function createInvitationAction(organizationId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireSession();
  const values = formValues(formData, ["role", "email"]);
  try {
    const inv = await createInvitation(actor, { organizationId, role: formData.get("role"), email: formData.get("email") ?? undefined });
    revalidatePath(`/org/${organizationId}/members`);
    return { ok: true, message: "Invitation created. Copy the link and send it yourself; it works once, for 7 days.", data: { path: inv.path } };
  } catch (e) {
    return formStateFromError(e, values);
  }
}

export async function revokeInvitationAction(organizationId: string, invitationId: string): Promise<FormState> {
  const actor = await requireSession();
  try {
    await revokeInvitation(actor, { organizationId, invitationId });
  } catch (e) {
    return formStateFromError(e);
  }
  revalidatePath(`/org/${organizationId}/members`);
  return { ok: true, message: "Invitation revoked." };
}

export async function removeMemberAction(organizationId: string, userId: string): Promise<FormState> {
  const actor = await requireSession();
  try {
    await removeMember(actor, { organizationId, userId });
  } catch (e) {
    return formStateFromError(e);
  }
  revalidatePath(`/org/${organizationId}/members`);
  return { ok: true, message: "Member removed." };
}

export async function acceptInvitationAction(token: string, _prev: FormState): Promise<FormState> {
  const actor = await requireSession(`/invite/${token}`);
  let organizationId: string;
  try {
    ({ organizationId } = await acceptInvitation(actor, { token }));
  } catch (e) {
    return formStateFromError(e);
  }
  revalidatePath("/orgs");
  redirect(`/org/${organizationId}`);
}

export async function completeAssessmentAction(organizationId: string, assessmentId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireSession();
  const version = Number(formData.get("version"));
  try {
    await completeAssessment(actor, { organizationId, assessmentId, version: Number.isInteger(version) && version > 0 ? version : undefined });
  } catch (e) {
    return formStateFromError(e);
  }
  revalidatePath(`/org/${organizationId}`);
  redirect(`/org/${organizationId}/assessment/${assessmentId}/results`);
}

export type SaveDraftResult =
  | { readonly ok: true; readonly version: number }
  | { readonly ok: false; readonly conflict: true; readonly currentVersion: number }
  | { readonly ok: false; readonly errors: ReadonlyArray<{ readonly path: string; readonly message: string }> };

/**
 * Autosave of the questionnaire: `{ inventory?, questionnaire?, version }`. A stale version is
 * answered with `conflict` (never an overwrite), bad input with errors by path.
 */
export async function saveDraftAction(organizationId: string, assessmentId: string, draft: unknown): Promise<SaveDraftResult> {
  const actor = await requireSession();
  try {
    const body = draft && typeof draft === "object" && !Array.isArray(draft) ? (draft as Record<string, unknown>) : {};
    const saved = await saveAssessmentDraft(actor, { ...body, organizationId, assessmentId });
    return { ok: true, version: saved.version };
  } catch (e) {
    if (isAppError(e) && e.code === "CONFLICT") {
      return { ok: false, conflict: true, currentVersion: (e as unknown as { currentVersion: number }).currentVersion };
    }
    if (isAppError(e)) return { ok: false, errors: e.problems.length ? e.problems : [{ path: "", message: e.message }] };
    console.error(e);
    return { ok: false, errors: [{ path: "", message: "Something went wrong on our side; your answers are kept in this browser." }] };
  }
}

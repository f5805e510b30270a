"use server";
/**
 * The questionnaire's and the results page's actions. Each authenticates and authorises inside
 * itself (lib/server/answers.ts, through the access layer), answers with data and never throws to
 * the browser; the only navigation, to the results, happens outside any try.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { SaveAnswersResult } from "../../questionnaire/autosave";
import { calculateResults, GENERIC_FAILURE, saveAnswers, type CalculateResult } from "../answers";
import type { SessionInfo } from "../auth";
import { currentSession } from "../next/session";

/** The caller's session; `undefined` when it could not be read (the database is down, say). */
async function readSession(): Promise<SessionInfo | null | undefined> {
  try {
    return await currentSession();
  } catch (e) {
    console.error(e);
    return undefined;
  }
}

function paths(organizationId: string, assessmentId: string) {
  const base = `/org/${organizationId}/assessment/${assessmentId}`;
  return { dashboard: `/org/${organizationId}`, results: `${base}/results`, questionnaire: `${base}/questionnaire` };
}

/** Autosave: `{ answers, version }`. A stale version answers `conflict`; bad answers, errors by path. */
export async function saveAnswersAction(organizationId: string, assessmentId: string, input: unknown): Promise<SaveAnswersResult> {
  const session = await readSession();
  if (session === undefined) return { ok: false, errors: [{ path: "", message: GENERIC_FAILURE }] };
  return saveAnswers(session, { organizationId, assessmentId }, input);
}

export type CalculateState = Exclude<CalculateResult, { ok: true }> | { readonly ok?: undefined };

/**
 * "See my results" and "Re-assess": score the answers as they are saved at `version`, keep the
 * snapshot, then open the results. On failure, the reason (and the engine's problems) come back.
 */
export async function calculateResultsAction(organizationId: string, assessmentId: string, version: number): Promise<CalculateState> {
  const session = await readSession();
  if (session === undefined) return { ok: false, message: GENERIC_FAILURE, problems: [] };
  const result = await calculateResults(session, { organizationId, assessmentId }, version);
  if (!result.ok) return result;
  const to = paths(organizationId, assessmentId);
  revalidatePath(to.dashboard);
  revalidatePath(to.results);
  redirect(to.results);
}

/** The same for a `<form>` with `useActionState`: the version comes from a hidden field. */
export async function calculateResultsFormAction(
  organizationId: string,
  assessmentId: string,
  _prev: CalculateState,
  formData: FormData,
): Promise<CalculateState> {
  return calculateResultsAction(organizationId, assessmentId, Number(formData.get("version")));
}

import "server-only";
/**
 * The questionnaire's two writes, as the server actions in lib/server/actions/assessment.ts use
 * them: save the answers (with the inventory built from them), and score the assessment for its
 * results. Both go through the access layer, which authorises the caller, and both answer with data
 * (never an exception), because their callers are a browser's autosave and a button.
 */
import { z } from "zod";
import type { SaveAnswersResult } from "../questionnaire/autosave";
import { prepareAnswersForSave } from "../questionnaire/storage";
import { completeAssessment, getAssessment, saveAssessmentDraft, type Actor } from "./access";
import { isAppError, type FieldProblem } from "./errors";

export const SaveAnswersInputSchema = z.strictObject({
  // The answers are checked by prepareAnswersForSave, which names each wrong field.
  answers: z.unknown(),
  version: z.number({ error: "version is required: the version you last loaded." }).int().min(1),
});
export type SaveAnswersInput = z.infer<typeof SaveAnswersInputSchema>;

export const GENERIC_FAILURE = "Something went wrong on our side. Please try again.";
export const SIGNED_OUT = "You are signed out. Sign in again in another tab; your answers are kept in this browser meanwhile.";

interface Target {
  readonly organizationId: string;
  readonly assessmentId: string;
}

function problemsOf(e: unknown): FieldProblem[] {
  if (isAppError(e)) {
    if (e.code === "UNAUTHENTICATED") return [{ path: "", message: SIGNED_OUT }];
    return e.problems.length > 0 ? [...e.problems] : [{ path: "", message: e.message }];
  }
  console.error(e);
  return [{ path: "", message: GENERIC_FAILURE }];
}

/**
 * Save the questionnaire's answers if `version` is still the stored one. A stale version answers
 * `conflict` (nothing is overwritten); answers of the wrong type or out of range answer each
 * problem with its answer path; a viewer or a foreign id answers one message without a path.
 */
export async function saveAnswers(actor: Actor | null, target: Target, input: unknown): Promise<SaveAnswersResult> {
  try {
    const parsed = SaveAnswersInputSchema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, errors: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
    }
    // The inventory is stored without a date: completing the assessment dates it (today), so an
    // answer saved in June and scored in July is scored as of July.
    const prepared = prepareAnswersForSave(parsed.data.answers);
    if (!prepared.ok) return { ok: false, errors: prepared.errors.map((p) => ({ path: p.path, message: p.message })) };
    const saved = await saveAssessmentDraft(actor as Actor, {
      organizationId: target.organizationId,
      assessmentId: target.assessmentId,
      questionnaire: prepared.answers as unknown as Record<string, unknown>,
      inventory: prepared.inventory as unknown as Record<string, unknown>,
      version: parsed.data.version,
    });
    return { ok: true, version: saved.version };
  } catch (e) {
    if (isAppError(e) && e.code === "CONFLICT") return answerConflict(actor, target, input);
    return { ok: false, errors: problemsOf(e) };
  }
}

/**
 * A stale version whose answers are exactly what is stored is no conflict: it is the same save
 * arriving twice. That happens on a reload: the leaving page's last save lands after the new page
 * read the answers, and the new page sends the same answers again from this browser's copy.
 */
async function answerConflict(actor: Actor | null, target: Target, input: unknown): Promise<SaveAnswersResult> {
  try {
    const prepared = prepareAnswersForSave((input as SaveAnswersInput).answers);
    const stored = await getAssessment(actor as Actor, target);
    if (prepared.ok && JSON.stringify(stored.questionnaire) === JSON.stringify(prepared.answers)) return { ok: true, version: stored.version };
  } catch (e) {
    console.error(e);
  }
  return { ok: false, conflict: true };
}

export type CalculateResult =
  | { readonly ok: true; readonly snapshotId: string }
  | { readonly ok: false; readonly conflict?: true; readonly message: string; readonly problems: readonly FieldProblem[] };

/**
 * Score the stored answers with the engine and keep the result as a snapshot (the engine version
 * with it). With `version`, the caller's view must still be current: results are never calculated
 * from answers the caller has not seen.
 */
export async function calculateResults(actor: Actor | null, target: Target, version?: unknown): Promise<CalculateResult> {
  try {
    const v = typeof version === "number" && Number.isInteger(version) && version > 0 ? version : undefined;
    const done = await completeAssessment(actor as Actor, { ...target, version: v });
    return { ok: true, snapshotId: done.snapshotId };
  } catch (e) {
    if (isAppError(e) && e.code === "CONFLICT") return { ok: false, conflict: true, message: e.message, problems: [] };
    if (isAppError(e) && e.problems.length > 0) {
      // The engine names inventory paths; the owner knows the activities and equipment by name.
      const inventory = await getAssessment(actor as Actor, target).then((a) => a.inventory, () => ({}));
      return { ok: false, message: e.message, problems: e.problems.map((p) => ({ ...p, path: describeInventoryPath(p.path, inventory) })) };
    }
    if (isAppError(e)) return { ok: false, message: e.code === "UNAUTHENTICATED" ? SIGNED_OUT : e.message, problems: [] };
    console.error(e);
    return { ok: false, message: GENERIC_FAILURE, problems: [] };
  }
}

const LIST_WORDS: Readonly<Record<string, string>> = {
  functions: "Activity",
  components: "Equipment or service",
  dataSets: "Data",
  people: "Person",
};

/**
 * An inventory path in the words of the questionnaire.
 *
 * @example
 * describeInventoryPath("functions[1].requires", { functions: [{}, { name: "Email" }] }) //=> "Activity “Email”: requires"
 */
export function describeInventoryPath(path: string, inventory: Record<string, unknown>): string {
  const m = /^(functions|components|dataSets|people)\[(\d+)\]\.?(.*)$/.exec(path);
  if (!m) return path;
  const list = inventory[m[1]!];
  const item = Array.isArray(list) ? (list[Number(m[2])] as { name?: unknown; id?: unknown } | undefined) : undefined;
  const label = typeof item?.name === "string" && item.name ? item.name : typeof item?.id === "string" ? item.id : `number ${Number(m[2]) + 1}`;
  return `${LIST_WORDS[m[1]!]} “${label}”${m[3] ? `: ${m[3]}` : ""}`;
}

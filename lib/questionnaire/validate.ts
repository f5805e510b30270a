/**
 * What is wrong or missing in the answers, each problem tied to the field it is about so the form
 * can show it next to that field. Three layers: the step schemas (types and ranges), what a step
 * needs before it is finished, and the inventory rules (references, cycles, backup groups), whose
 * problems are traced back from the inventory to the answer that caused them.
 */
import type { z } from "zod";
import { MESSAGES as ENGINE_MESSAGES } from "@/lib/engine/problems";
import { validateInventory } from "@/lib/engine/validate";
import { AnswersSchema, allComponents, type Answers, type StepId } from "./answers";
import { problemsByPath, stepOfPath, type AnswerProblem } from "./steps";
import { buildInventory, effectiveDowntimeCost } from "./mapping";
import { ANSWER_MESSAGES as M } from "./messages";

export { problemsByPath, type AnswerProblem };

export function formatAnswerPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

function problem(path: string, message: string): AnswerProblem {
  return { step: stepOfPath(path), path, message };
}

/** Shape and range problems, one per field, in the schema's words. */
export function schemaProblems(issues: readonly z.core.$ZodIssue[], base: readonly PropertyKey[] = []): AnswerProblem[] {
  const out: AnswerProblem[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const segments = [...base, ...issue.path];
    const requiresAt = segments.indexOf("requires");
    let path = formatAnswerPath(requiresAt >= 0 ? segments.slice(0, requiresAt + 1) : segments);
    let message = issue.message;
    if (segments.length === 0) message = M.unreadable;
    else if (requiresAt >= 0) message = M.requirement;
    else if (issue.code === "unrecognized_keys") {
      message = `Unknown answer${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
      path = formatAnswerPath(segments);
    }
    if (seen.has(path)) continue;
    seen.add(path);
    out.push(problem(path, message));
  }
  return out;
}

const blank = (text: string | undefined) => text !== undefined && text.trim() === "";

/** What each step still needs. Assumes the answers have the right shape. */
function missingProblems(answers: Answers, asOf: string | undefined): AnswerProblem[] {
  const out: AnswerProblem[] = [];
  const add = (path: string, message: string) => out.push(problem(path, message));
  const b = answers.business;
  if (b.name.trim() === "") add("business.name", M.businessName);
  if (b.operatingHoursPerWeek === undefined) add("business.operatingHoursPerWeek", M.openingHours);

  if (answers.functions.items.length === 0) add("functions.items", M.noFunctions);
  answers.functions.items.forEach((f, i) => {
    const at = `functions.items[${i}]`;
    if (blank(f.name)) add(`${at}.name`, M.functionName);
    if (effectiveDowntimeCost(answers, f) === undefined) add(`${at}.downtimeCostPerHour`, M.downtimeCostMissing);
    if (f.requires === undefined) add(`${at}.requires`, M.requiresMissing);
  });

  for (const { component, list, index } of allComponents(answers)) {
    if (blank(component.name)) add(`${list.step}.${list.key}[${index}].name`, M.name);
  }

  answers.data.dataSets.forEach((ds, i) => {
    const at = `data.dataSets[${i}]`;
    if (blank(ds.name)) add(`${at}.name`, M.dataSetName);
    if (ds.primary === undefined) add(`${at}.primary`, M.primary);
    ds.copies?.forEach((c, j) => {
      const cat = `${at}.copies[${j}]`;
      if (c.location === undefined) add(`${cat}.location`, M.location);
      if (c.medium === undefined || c.medium.trim() === "") add(`${cat}.medium`, M.medium);
      if (c.intervalHours === undefined) add(`${cat}.intervalHours`, M.intervalHours);
      if (asOf !== undefined && c.lastRestoreTest !== undefined && c.lastRestoreTest > asOf) {
        add(`${cat}.lastRestoreTest`, M.restoreTestInFuture);
      }
    });
  });

  answers.people.people.forEach((person, i) => {
    if (blank(person.name)) add(`people.people[${i}].name`, M.personName);
  });
  return out;
}

/** An engine sentence in the questionnaire's words. */
function rephrase(message: string, nameOf: (id: string) => string): string {
  if (message.startsWith('unknown component "')) return M.unknownComponent;
  if (message.startsWith('unknown person "')) return M.unknownPerson;
  if (message.startsWith("requirement cycle: ")) {
    const ids = message.slice("requirement cycle: ".length).split(";")[0]!.split(" → ");
    return M.cycle(ids.map(nameOf).join(" → "));
  }
  if (message.startsWith("group id ")) return M.duplicateGroup;
  if (message === ENGINE_MESSAGES.failoverNeedsId) return M.failoverNeedsId;
  const range = /^must be between 1 and (\d+)/.exec(message);
  if (range) return M.atLeastRange(Number(range[1]));
  if (/is already used by .*; ids must be unique$/.test(message)) return M.internalId;
  return message;
}

function covers(reported: readonly AnswerProblem[], path: string): boolean {
  return reported.some((p) => path === p.path || path.startsWith(`${p.path}.`) || path.startsWith(`${p.path}[`) || p.path.startsWith(`${path}.`));
}

export interface FindProblemsOptions {
  /** The assessment date; restore tests after it are reported. */
  readonly asOf?: string;
}

/**
 * Every problem in the answers. Empty means the questionnaire is complete and its inventory
 * passes `validateInventory`.
 *
 * @example
 * findAnswerProblems(emptyAnswers())[0]
 * //=> { step: "business", path: "business.name", message: "Enter the name of your business" }
 */
export function findAnswerProblems(input: unknown, options: FindProblemsOptions = {}): AnswerProblem[] {
  const parsed = AnswersSchema.safeParse(input);
  if (!parsed.success) return schemaProblems(parsed.error.issues);
  const answers = parsed.data;
  const problems = missingProblems(answers, options.asOf);
  const built = buildInventory(answers, options.asOf ?? "2000-01-01");
  const result = validateInventory(built.inventory);
  if (!result.ok) {
    const names = new Map(allComponents(answers).map(({ component }) => [component.id, component.name || component.id]));
    const nameOf = (cid: string) => names.get(cid) ?? cid;
    for (const p of result.problems) {
      const path = built.answerPathOf(p.path);
      if (covers(problems, path)) continue;
      problems.push(problem(path, rephrase(p.message, nameOf)));
    }
  }
  return problems;
}

/** Problems of one step only. */
export function findStepProblems(answers: Answers, step: StepId, options: FindProblemsOptions = {}): AnswerProblem[] {
  return findAnswerProblems(answers, options).filter((p) => p.step === step);
}

/** Problems that stop a save: wrong types and out-of-range values (missing answers do not). */
export function blockingProblems(answers: unknown): AnswerProblem[] {
  const parsed = AnswersSchema.safeParse(answers);
  return parsed.success ? [] : schemaProblems(parsed.error.issues);
}

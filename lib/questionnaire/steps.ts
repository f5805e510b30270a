/**
 * The questionnaire's constants and list helpers, free of zod: the browser needs them at first
 * paint, and zod (about 90 KB gzipped) is loaded only with validation (validate.ts), after it.
 * The engine's vocabularies come from lib/engine/constants, which is zod-free too.
 */
import { COMPONENT_KINDS, COPY_LOCATIONS, ID_PATTERN, LINE_TECHNOLOGIES, LOSS_SCENARIOS } from "@/lib/engine/constants";
import type { ComponentKind, CopyLocation, LineTechnology, LossScenario } from "@/lib/engine/constants";
import type { Answers, ComponentAnswer } from "./answers";

export const ANSWERS_FORMAT = "bulwark-answers/1";

export const STEP_IDS = ["business", "functions", "power", "internet", "network", "systems", "data", "people", "review"] as const;
export type StepId = (typeof STEP_IDS)[number];

export const STEP_TITLES: Readonly<Record<StepId, string>> = {
  business: "Your business",
  functions: "What you do",
  power: "Building and power",
  internet: "Internet",
  network: "Network gear",
  systems: "Computers, software and services",
  data: "Data and backups",
  people: "People",
  review: "Review",
};

export { LINE_TECHNOLOGIES, type LineTechnology };

export const COMPONENT_KIND_LIST: readonly ComponentKind[] = COMPONENT_KINDS;
export const COPY_LOCATION_LIST: readonly CopyLocation[] = COPY_LOCATIONS;
export const LOSS_SCENARIO_LIST: readonly LossScenario[] = LOSS_SCENARIOS;
export const ANSWER_ID_PATTERN = ID_PATTERN;

/** A fresh questionnaire. */
export function emptyAnswers(options: { name?: string; currency?: string } = {}): Answers {
  return {
    format: ANSWERS_FORMAT,
    business: { name: options.name ?? "", currency: options.currency ?? "USD" },
    functions: { items: [] },
    power: { items: [] },
    internet: { lines: [], shared: [] },
    network: { items: [] },
    systems: { items: [] },
    data: { dataSets: [] },
    people: { people: [], care: {} },
    review: {},
    componentOrder: [],
    done: [],
  };
}

/** Where each component list lives in the answers, in the order new components are appended. */
export const COMPONENT_LISTS = [
  { step: "power", key: "items" },
  { step: "internet", key: "shared" },
  { step: "internet", key: "lines" },
  { step: "network", key: "items" },
  { step: "systems", key: "items" },
] as const;
export type ComponentListRef = (typeof COMPONENT_LISTS)[number];

export function componentList(answers: Answers, ref: ComponentListRef): ComponentAnswer[] {
  const step = answers[ref.step] as Record<string, ComponentAnswer[]>;
  return step[ref.key]!;
}

/** Every component in the answers with where it lives, in inventory order. */
export function allComponents(answers: Answers): Array<{ component: ComponentAnswer; list: ComponentListRef; index: number }> {
  const out: Array<{ component: ComponentAnswer; list: ComponentListRef; index: number }> = [];
  for (const list of COMPONENT_LISTS) {
    componentList(answers, list).forEach((component, index) => out.push({ component, list, index }));
  }
  const position = new Map(answers.componentOrder.map((cid, i) => [cid, i]));
  // Stable sort: components the order does not know (added in the questionnaire) keep step order, last.
  return out
    .map((entry, i) => ({ entry, key: position.get(entry.component.id) ?? answers.componentOrder.length + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.entry);
}

export interface AnswerProblem {
  readonly step: StepId;
  /** Dotted path into the answers, e.g. `functions.items[0].requires`. */
  readonly path: string;
  readonly message: string;
}

/** Problems as a map from path to message, for the form (the first problem of a path wins). */
export function problemsByPath(problems: readonly AnswerProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) if (!(p.path in out)) out[p.path] = p.message;
  return out;
}

export function stepOfPath(path: string): StepId {
  // What a function needs is ticked in the equipment steps and checked on the review page, so
  // its problems belong to the review step, not to the step that names the function.
  if (/^functions\.items\[\d+\]\.requires/.test(path)) return "review";
  const head = /^[a-zA-Z]+/.exec(path)?.[0] ?? "";
  return (STEP_IDS as readonly string[]).includes(head) ? (head as StepId) : "review";
}

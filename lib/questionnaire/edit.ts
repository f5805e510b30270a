/**
 * Pure edits on the answers: each returns new answers and leaves its input untouched. Removing
 * something also removes every mention of it (requirements, who can fix it, where data lives), so
 * the answers never point at something that is gone.
 */
import type { ComponentKind, Requirement } from "@/lib/engine/schema";
import { ANSWER_ID_PATTERN, allComponents, componentList } from "./steps";
import type {
  Answers,
  CareAnswer,
  ComponentAnswer,
  ComponentListRef,
  CopyAnswer,
  DataSetAnswer,
  FunctionAnswer,
  PersonAnswer,
  StepId,
} from "./answers";
import { groupIds, prune, referencedIds } from "./requirements";

function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * A readable id from a name: lowercase words joined by "-", at most 40 characters.
 *
 * @example
 * slugify("Fiber line (CityNet)") //=> "fiber-line-citynet"
 */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug;
}

/** An id not yet taken: the slug of `base`, or that slug with -2, -3, … */
export function uniqueId(base: string, taken: ReadonlySet<string>, fallback = "item"): string {
  let slug = slugify(base);
  if (!ANSWER_ID_PATTERN.test(slug)) slug = fallback;
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

export function componentIds(answers: Answers): Set<string> {
  return new Set(allComponents(answers).map((c) => c.component.id));
}

export function findComponent(answers: Answers, id: string): ComponentAnswer | undefined {
  return allComponents(answers).find((c) => c.component.id === id)?.component;
}

/** Every group id used anywhere, so a new group can get a name that is free. */
export function usedGroupIds(answers: Answers): Set<string> {
  const out = new Set<string>();
  for (const { component } of allComponents(answers)) for (const g of groupIds(component.requires)) out.add(g);
  for (const f of answers.functions.items) for (const g of groupIds(f.requires)) out.add(g);
  return out;
}

export function addComponent(
  answers: Answers,
  list: ComponentListRef,
  fields: { name: string; kind: ComponentKind } & Partial<Omit<ComponentAnswer, "id">>,
): { answers: Answers; id: string } {
  const next = clone(answers);
  const id = uniqueId(fields.name, componentIds(answers), fields.kind);
  componentList(next, list).push({ ...fields, id });
  return { answers: next, id };
}

/** Apply a change to one component; `undefined` values remove a field (the "I don't know" answer). */
export function updateComponent(answers: Answers, id: string, patch: Partial<Omit<ComponentAnswer, "id">>): Answers {
  const next = clone(answers);
  for (const { list, index } of allComponents(next)) {
    const items = componentList(next, list);
    if (items[index]!.id === id) items[index] = withPatch(items[index]!, patch);
  }
  return next;
}

function withPatch<T extends object>(value: T, patch: object): T {
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out as T;
}

function pruneAll(answers: Answers, drop: (id: string) => boolean): void {
  for (const { list, index } of allComponents(answers)) {
    const items = componentList(answers, list);
    const c = items[index]!;
    if (c.requires !== undefined) items[index] = withPatch(c, { requires: prune(c.requires, drop) });
  }
  answers.functions.items = answers.functions.items.map((f) =>
    f.requires === undefined ? f : withPatch(f, { requires: prune(f.requires, drop) }),
  );
}

export function removeComponent(answers: Answers, id: string): Answers {
  const next = clone(answers);
  for (const { list, index } of allComponents(answers)) {
    if (componentList(answers, list)[index]!.id !== id) continue;
    componentList(next, list).splice(index, 1);
  }
  pruneAll(next, (x) => x === id);
  delete next.people.care[id];
  next.componentOrder = next.componentOrder.filter((x) => x !== id);
  next.data.dataSets = next.data.dataSets.map((ds) => (ds.primary === id ? withPatch(ds, { primary: undefined }) : ds));
  return next;
}

/** Set what a component or function needs. */
export function setRequires(answers: Answers, owner: RequirementOwner, requires: Requirement | undefined): Answers {
  if (owner.type === "function") return updateFunction(answers, owner.id, { requires });
  return updateComponent(answers, owner.id, { requires });
}

export type RequirementOwner = { readonly type: "component" | "function"; readonly id: string };

export function requirementOf(answers: Answers, owner: RequirementOwner): Requirement | undefined {
  if (owner.type === "function") return answers.functions.items.find((f) => f.id === owner.id)?.requires;
  return findComponent(answers, owner.id)?.requires;
}

/**
 * Components that `owner` may need without making a circle (a component that already needs the
 * owner, directly or through others, cannot be one of its needs).
 */
export function requirementCandidates(answers: Answers, owner: RequirementOwner): ComponentAnswer[] {
  const all = allComponents(answers).map((c) => c.component);
  if (owner.type === "function") return all;
  const needs = new Map(all.map((c) => [c.id, referencedIds(c.requires)]));
  const dependsOnOwner = (id: string, seen = new Set<string>()): boolean => {
    if (id === owner.id) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return (needs.get(id) ?? []).some((x) => dependsOnOwner(x, seen));
  };
  return all.filter((c) => !dependsOnOwner(c.id));
}

export function addFunction(
  answers: Answers,
  fields: { name: string } & Partial<Omit<FunctionAnswer, "id">>,
): { answers: Answers; id: string } {
  const next = clone(answers);
  const id = uniqueId(fields.name, new Set(answers.functions.items.map((f) => f.id)), "function");
  next.functions.items.push({ ...fields, id });
  return { answers: next, id };
}

export function updateFunction(answers: Answers, id: string, patch: Partial<Omit<FunctionAnswer, "id">>): Answers {
  const next = clone(answers);
  next.functions.items = next.functions.items.map((f) => (f.id === id ? withPatch(f, patch) : f));
  return next;
}

export function removeFunction(answers: Answers, id: string): Answers {
  const next = clone(answers);
  next.functions.items = next.functions.items.filter((f) => f.id !== id);
  return next;
}

export function addPerson(answers: Answers, name: string): { answers: Answers; id: string } {
  const next = clone(answers);
  const id = uniqueId(name, new Set(answers.people.people.map((p) => p.id)), "person");
  next.people.people.push({ id, name });
  return { answers: next, id };
}

export function updatePerson(answers: Answers, id: string, patch: Partial<Omit<PersonAnswer, "id">>): Answers {
  const next = clone(answers);
  next.people.people = next.people.people.map((p) => (p.id === id ? withPatch(p, patch) : p));
  return next;
}

export function removePerson(answers: Answers, id: string): Answers {
  const next = clone(answers);
  next.people.people = next.people.people.filter((p) => p.id !== id);
  for (const [componentId, care] of Object.entries(next.people.care)) {
    if (!care.knownBy?.includes(id)) continue;
    care.knownBy = care.knownBy.filter((p) => p !== id);
    // The only person who could fix it is gone: that is "not sure", not "nobody in house" ([]),
    // which would score every repair as waiting for outside help.
    if (care.knownBy.length === 0) {
      delete care.knownBy;
      if (Object.keys(care).length === 0) delete next.people.care[componentId];
    }
  }
  return next;
}

/** Change who looks after a component; `undefined` values remove a field. */
export function updateCare(answers: Answers, componentId: string, patch: Partial<CareAnswer>): Answers {
  const next = clone(answers);
  const care = withPatch(next.people.care[componentId] ?? {}, patch);
  if (Object.keys(care).length === 0) delete next.people.care[componentId];
  else next.people.care[componentId] = care;
  return next;
}

export function addDataSet(answers: Answers, fields: { name: string } & Partial<Omit<DataSetAnswer, "id">>): { answers: Answers; id: string } {
  const next = clone(answers);
  const id = uniqueId(fields.name, new Set(answers.data.dataSets.map((d) => d.id)), "data");
  next.data.dataSets.push({ copies: [], ...fields, id });
  return { answers: next, id };
}

export function updateDataSet(answers: Answers, id: string, patch: Partial<Omit<DataSetAnswer, "id">>): Answers {
  const next = clone(answers);
  next.data.dataSets = next.data.dataSets.map((d) => (d.id === id ? withPatch(d, patch) : d));
  return next;
}

export function removeDataSet(answers: Answers, id: string): Answers {
  const next = clone(answers);
  next.data.dataSets = next.data.dataSets.filter((d) => d.id !== id);
  return next;
}

export function addCopy(answers: Answers, dataSetId: string, fields: Partial<Omit<CopyAnswer, "id">> & { name?: string }): { answers: Answers; id: string } {
  const next = clone(answers);
  const ds = next.data.dataSets.find((d) => d.id === dataSetId);
  if (!ds) return { answers, id: "" };
  const { name, ...rest } = fields;
  const id = uniqueId(name ?? rest.location ?? "copy", new Set((ds.copies ?? []).map((c) => c.id)), "copy");
  ds.copies = [...(ds.copies ?? []), { ...rest, id }];
  return { answers: next, id };
}

export function updateCopy(answers: Answers, dataSetId: string, copyId: string, patch: Partial<Omit<CopyAnswer, "id">>): Answers {
  const next = clone(answers);
  const ds = next.data.dataSets.find((d) => d.id === dataSetId);
  if (ds?.copies) ds.copies = ds.copies.map((c) => (c.id === copyId ? withPatch(c, patch) : c));
  return next;
}

export function removeCopy(answers: Answers, dataSetId: string, copyId: string): Answers {
  const next = clone(answers);
  const ds = next.data.dataSets.find((d) => d.id === dataSetId);
  if (ds?.copies) ds.copies = ds.copies.filter((c) => c.id !== copyId);
  return next;
}

export function markStepDone(answers: Answers, step: StepId): Answers {
  if (answers.done.includes(step)) return answers;
  return { ...answers, done: [...answers.done, step] };
}

/** Replace one step's answers (after the form edited it as a whole). */
export function setStep<S extends StepId>(answers: Answers, step: S, value: Answers[S]): Answers {
  return { ...answers, [step]: value };
}

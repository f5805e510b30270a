/**
 * Pure edits on requirement expressions (model.md §1). The questionnaire stores requirements
 * exactly as the inventory does, so loading and saving an inventory never changes its structure;
 * these helpers are how plain-language answers ("it needs the router", "the lines back each other
 * up") turn into that structure.
 */
import type { Requirement } from "@/lib/engine/schema";

export type Group = Exclude<Requirement, string>;

/** A place inside a requirement: the member indices to follow from the root. */
export type RequirementPath = readonly number[];

export function membersOf(req: Group): readonly Requirement[] {
  if ("all" in req) return req.all;
  if ("any" in req) return req.any;
  return req.of;
}

function withMembers(req: Group, members: Requirement[]): Group {
  if ("all" in req) return { ...req, all: members };
  if ("any" in req) return { ...req, any: members };
  return { ...req, of: members };
}

/** Every component id named anywhere in the expression, in order of appearance, without repeats. */
export function referencedIds(req: Requirement | undefined): string[] {
  const out: string[] = [];
  const visit = (r: Requirement) => {
    if (typeof r === "string") {
      if (!out.includes(r)) out.push(r);
      return;
    }
    membersOf(r).forEach(visit);
  };
  if (req !== undefined) visit(req);
  return out;
}

/** Every group id used in the expression. */
export function groupIds(req: Requirement | undefined): string[] {
  const out: string[] = [];
  const visit = (r: Requirement) => {
    if (typeof r === "string") return;
    if ("any" in r && r.id !== undefined) out.push(r.id);
    membersOf(r).forEach(visit);
  };
  if (req !== undefined) visit(req);
  return out;
}

/**
 * Add a component to what something needs. Nothing yet: the id alone; an `all`: one more member;
 * anything else: both, under a new `all`. Already named at the top level: unchanged.
 *
 * @example
 * addRequirement("ups", "router") //=> { all: ["ups", "router"] }
 */
export function addRequirement(req: Requirement | undefined, id: string): Requirement {
  if (req === undefined) return id;
  if (req === id) return req;
  if (typeof req !== "string" && "all" in req) {
    return req.all.includes(id) ? req : { ...req, all: [...req.all, id] };
  }
  return { all: [req, id] };
}

/**
 * Remove every mention of a component. Groups left empty disappear; an `all` or `any` without an
 * id left with one member becomes that member; `atLeast` is lowered so it still fits. Returns
 * undefined when nothing is left.
 */
export function removeRequirement(req: Requirement | undefined, id: string): Requirement | undefined {
  if (req === undefined) return undefined;
  return prune(req, (r) => r === id);
}

/** Remove every member for which `drop` holds (components only), tidying as removeRequirement does. */
export function prune(req: Requirement, drop: (id: string) => boolean): Requirement | undefined {
  if (typeof req === "string") return drop(req) ? undefined : req;
  const before = membersOf(req);
  const members: Requirement[] = [];
  let changed = false;
  for (const m of before) {
    const next = prune(m, drop);
    if (next !== m) changed = true;
    if (next !== undefined) members.push(next);
  }
  if (!changed) return req;
  if (members.length === 0) return undefined;
  if ("atLeast" in req) {
    return { atLeast: Math.min(req.atLeast, members.length), of: members };
  }
  if (members.length === 1 && !("any" in req && req.id !== undefined)) return members[0];
  return withMembers(req, members);
}

/** The node at a path, or undefined when the path leads nowhere. */
export function nodeAt(req: Requirement | undefined, path: RequirementPath): Requirement | undefined {
  let node = req;
  for (const i of path) {
    if (node === undefined || typeof node === "string") return undefined;
    node = membersOf(node)[i];
  }
  return node;
}

/** Replace the node at a path (undefined removes it from its group). */
export function replaceAt(
  req: Requirement | undefined,
  path: RequirementPath,
  next: Requirement | undefined,
): Requirement | undefined {
  if (path.length === 0) return next;
  if (req === undefined || typeof req === "string") return req;
  const [head, ...rest] = path as [number, ...number[]];
  const members = [...membersOf(req)];
  if (head < 0 || head >= members.length) return req;
  const child = replaceAt(members[head], rest, next);
  if (child === undefined) members.splice(head, 1);
  else members[head] = child;
  if (members.length === 0) return undefined;
  if ("atLeast" in req) return { atLeast: Math.min(req.atLeast, members.length), of: members };
  return withMembers(req, members);
}

/** Visit every group with its path. */
export function forEachGroup(req: Requirement | undefined, visit: (group: Group, path: RequirementPath) => void): void {
  const walk = (r: Requirement, path: number[]) => {
    if (typeof r === "string") return;
    visit(r, path);
    membersOf(r).forEach((m, i) => walk(m, [...path, i]));
  };
  if (req !== undefined) walk(req, []);
}

/** A group id not yet taken: the base itself, or base-2, base-3, … */
export function uniqueGroupId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A short plain-language reading of a requirement, with names for ids. */
export function describeRequirement(req: Requirement | undefined, nameOf: (id: string) => string): string {
  if (req === undefined) return "nothing else";
  if (typeof req === "string") return nameOf(req);
  const parts = membersOf(req).map((m) => (typeof m === "string" ? nameOf(m) : `(${describeRequirement(m, nameOf)})`));
  if ("all" in req) return joinWords(parts, "and");
  if ("any" in req) {
    const text = joinWords(parts, "or");
    const minutes = req.failoverMinutes ?? 0;
    return minutes > 0 ? `${text}, switching over in about ${minutes} minutes` : text;
  }
  return `at least ${req.atLeast} of ${joinWords(parts, "and")}`;
}

export function joinWords(parts: readonly string[], word: "and" | "or"): string {
  if (parts.length <= 1) return parts[0] ?? "";
  if (parts.length === 2) return `${parts[0]} ${word} ${parts[1]}`;
  return `${parts.slice(0, -1).join(", ")} ${word} ${parts[parts.length - 1]}`;
}

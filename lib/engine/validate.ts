/**
 * Validation of a whole inventory: the zod shape first, then the rules that need the whole
 * document (unique ids, references that exist, group rules, no requirement cycles).
 */
import { InventorySchema, type Inventory, type Requirement } from "./schema.js";
import { MESSAGES, problemsFromZod, formatPath, type PathSegment, type Problem } from "./problems.js";

export type ValidationResult = { ok: true; inventory: Inventory } | { ok: false; problems: Problem[] };

/**
 * Check an untrusted document against the inventory format.
 *
 * @example
 * validateInventory({ format: "resilience-inventory/1" })
 * //=> { ok: false, problems: [{ path: "organization", message: "is required" }] }
 */
export function validateInventory(input: unknown): ValidationResult {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return { ok: false, problems: [{ path: "", message: MESSAGES.notAnObject }] };
  }
  const deep = findTooDeep(input);
  if (deep !== undefined) return { ok: false, problems: [{ path: deep, message: MESSAGES.tooDeep(MAX_DEPTH) }] };
  const parsed = InventorySchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error.issues, input) };
  const problems = checkReferences(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, inventory: parsed.data };
}

/**
 * Documents may nest at most this deep (a requirement inside a function is about 4 levels in);
 * deeper input would exhaust the stack of the recursive schema and of the scoring.
 */
export const MAX_DEPTH = 100;

/** The path of the first value nested deeper than MAX_DEPTH, found without recursion. */
function findTooDeep(input: unknown): string | undefined {
  const stack: Array<{ value: unknown; path: PathSegment[] }> = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (path.length > MAX_DEPTH) return formatPath(path);
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
  }
  return undefined;
}

/** Visit every node of a requirement with its path. */
export function walkRequirement(
  req: Requirement,
  path: PathSegment[],
  visit: (node: Requirement, path: PathSegment[]) => void,
): void {
  visit(req, path);
  if (typeof req === "string") return;
  if ("all" in req) req.all.forEach((m, i) => walkRequirement(m, [...path, "all", i], visit));
  else if ("any" in req) req.any.forEach((m, i) => walkRequirement(m, [...path, "any", i], visit));
  else req.of.forEach((m, i) => walkRequirement(m, [...path, "of", i], visit));
}

/** Component ids a requirement names directly (not through other components). */
export function namedComponents(req: Requirement): string[] {
  const out: string[] = [];
  walkRequirement(req, [], (node) => {
    if (typeof node === "string") out.push(node);
  });
  return out;
}

function checkUnique(
  items: ReadonlyArray<{ id: string }> | undefined,
  listPath: PathSegment[],
  problems: Problem[],
): void {
  const first = new Map<string, string>();
  items?.forEach((item, i) => {
    const here = formatPath([...listPath, i]);
    const prior = first.get(item.id);
    if (prior !== undefined) problems.push({ path: `${here}.id`, message: MESSAGES.duplicateId(item.id, prior) });
    else first.set(item.id, here);
  });
}

function checkReferences(inv: Inventory): Problem[] {
  const problems: Problem[] = [];
  checkUnique(inv.people, ["people"], problems);
  checkUnique(inv.components, ["components"], problems);
  checkUnique(inv.functions, ["functions"], problems);
  checkUnique(inv.dataSets, ["dataSets"], problems);
  inv.dataSets?.forEach((ds, i) => checkUnique(ds.copies, ["dataSets", i, "copies"], problems));

  const componentIds = new Set((inv.components ?? []).map((c) => c.id));
  const personIds = new Set((inv.people ?? []).map((p) => p.id));
  const groupIds = new Map<string, string>();

  const checkRequirement = (req: Requirement, base: PathSegment[]) =>
    walkRequirement(req, base, (node, path) => {
      const at = formatPath(path);
      if (typeof node === "string") {
        if (!componentIds.has(node)) problems.push({ path: at, message: MESSAGES.unknownComponent(node) });
        return;
      }
      if ("atLeast" in node && node.atLeast > node.of.length) {
        problems.push({ path: `${at}.atLeast`, message: MESSAGES.atLeastRange(node.of.length) });
      }
      if ("any" in node) {
        if ((node.failoverMinutes ?? 0) > 0 && node.id === undefined) {
          problems.push({ path: at, message: MESSAGES.failoverNeedsId });
        }
        if (node.id !== undefined) {
          const prior = groupIds.get(node.id);
          if (prior !== undefined) problems.push({ path: `${at}.id`, message: MESSAGES.duplicateGroupId(node.id, prior) });
          else groupIds.set(node.id, `${at}.id`);
        }
      }
    });

  inv.components?.forEach((c, i) => {
    if (c.requires !== undefined) checkRequirement(c.requires, ["components", i, "requires"]);
    const seen = new Set<string>();
    c.knownBy?.forEach((p, j) => {
      const at = formatPath(["components", i, "knownBy", j]);
      if (!personIds.has(p)) problems.push({ path: at, message: MESSAGES.unknownPerson(p) });
      else if (seen.has(p)) problems.push({ path: at, message: MESSAGES.duplicatePerson(p) });
      seen.add(p);
    });
  });
  inv.functions?.forEach((f, i) => checkRequirement(f.requires, ["functions", i, "requires"]));
  inv.dataSets?.forEach((ds, i) => {
    if (!componentIds.has(ds.primary)) {
      problems.push({ path: formatPath(["dataSets", i, "primary"]), message: MESSAGES.unknownComponent(ds.primary) });
    }
  });

  if (problems.length === 0) problems.push(...findCycles(inv));
  if (problems.length === 0) problems.push(...findTooLongChains(inv));
  return problems;
}

/**
 * The longest chain of components requiring each other that the scorer accepts. A plan's work
 * grows with the cube of a chain's length (each twin re-scores everything above it): 250 servers
 * in a chain take about a second, 1,000 took 19 s and 1.6 GB.
 */
export const MAX_CHAIN = 250;

/** Components at the top of a requirement chain longer than MAX_CHAIN (after cycles are ruled out). */
function findTooLongChains(inv: Inventory): Problem[] {
  const components = inv.components ?? [];
  const indexOf = new Map(components.map((c, i) => [c.id, i]));
  const edges = components.map((c) =>
    c.requires === undefined ? [] : [...new Set(namedComponents(c.requires))].map((id) => indexOf.get(id)!),
  );
  const depth = new Int32Array(components.length); // 0 = not yet known
  for (let root = 0; root < components.length; root++) {
    if (depth[root] !== 0) continue;
    const work: Array<{ node: number; next: number }> = [{ node: root, next: 0 }];
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const targets = edges[top.node]!;
      if (top.next < targets.length) {
        const to = targets[top.next++]!;
        if (depth[to] === 0) work.push({ node: to, next: 0 });
      } else {
        let d = 1;
        for (const to of targets) d = Math.max(d, depth[to]! + 1);
        depth[top.node] = d;
        work.pop();
      }
    }
  }
  const problems: Problem[] = [];
  depth.forEach((d, i) => {
    if (d > MAX_CHAIN) {
      const feedsLonger = components.some((_, j) => depth[j]! > d && edges[j]!.includes(i));
      if (!feedsLonger) problems.push({ path: formatPath(["components", i, "requires"]), message: MESSAGES.chainTooLong(d, MAX_CHAIN) });
    }
  });
  return problems;
}

/** Requirement cycles among components, each reported once with its members in order. */
function findCycles(inv: Inventory): Problem[] {
  const components = inv.components ?? [];
  const indexOf = new Map(components.map((c, i) => [c.id, i]));
  const edges = components.map((c) => (c.requires === undefined ? [] : [...new Set(namedComponents(c.requires))]));
  const state = new Uint8Array(components.length); // 0 new, 1 on stack, 2 done
  const stack: number[] = [];
  const problems: Problem[] = [];
  // Iterative depth-first search: inventories can be deep enough to overflow recursion.
  for (let root = 0; root < components.length; root++) {
    if (state[root] !== 0) continue;
    const work: Array<{ node: number; next: number }> = [{ node: root, next: 0 }];
    state[root] = 1;
    stack.push(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const targets = edges[top.node]!;
      if (top.next < targets.length) {
        const to = indexOf.get(targets[top.next++]!)!;
        if (state[to] === 0) {
          state[to] = 1;
          stack.push(to);
          work.push({ node: to, next: 0 });
        } else if (state[to] === 1) {
          const from = stack.indexOf(to);
          const ids = [...stack.slice(from), to].map((k) => components[k]!.id);
          problems.push({ path: formatPath(["components", to, "requires"]), message: MESSAGES.cycle(ids) });
        }
      } else {
        state[top.node] = 2;
        stack.pop();
        work.pop();
      }
    }
  }
  return problems;
}

/**
 * The baseline the engine's single points of failure are compared with: fail each component alone
 * and re-evaluate every function's requirement structure (model.md §1), with no cut-set algebra.
 *
 * Evaluation is the plain recursive reading of the requirements: `all` is every member up, `any`
 * some member up, `atLeast k` at least k up; a component is up when it is not the failed one and
 * its own `requires` holds. Nothing is remembered between functions or between components. A
 * switch-over pseudo-event is never failed here, so a failover group behaves as its `any`.
 */
import type { Inventory, Requirement } from "../../lib/engine/schema.js";

/** Per function id: the ids of the components whose failure alone stops it, in inventory order. */
export function findSpofsNaively(inventory: Inventory): Map<string, string[]> {
  const components = inventory.components ?? [];
  const functions = inventory.functions ?? [];
  const requires = new Map(components.map((c) => [c.id, c.requires]));
  const spofs = new Map(functions.map((f) => [f.id, [] as string[]]));
  for (const failed of components) {
    const isUp = (id: string): boolean => {
      if (id === failed.id) return false;
      const req = requires.get(id);
      return req === undefined || holds(req);
    };
    const holds = (req: Requirement): boolean => {
      if (typeof req === "string") return isUp(req);
      if ("all" in req) return req.all.every(holds);
      if ("any" in req) return req.any.some(holds);
      let up = 0;
      for (const m of req.of) if (holds(m) && ++up >= req.atLeast) return true;
      return false;
    };
    for (const f of functions) if (!holds(f.requires)) spofs.get(f.id)!.push(failed.id);
  }
  return spofs;
}

/** Functions whose two SPOF lists differ as sets, with what each side has alone. */
export function compareSpofs(
  expected: ReadonlyMap<string, readonly string[]>,
  actual: ReadonlyMap<string, readonly string[]>,
): Array<{ fn: string; onlyExpected: string[]; onlyActual: string[] }> {
  const out: Array<{ fn: string; onlyExpected: string[]; onlyActual: string[] }> = [];
  for (const fn of new Set([...expected.keys(), ...actual.keys()])) {
    const e = new Set(expected.get(fn) ?? []);
    const a = new Set(actual.get(fn) ?? []);
    const onlyExpected = [...e].filter((id) => !a.has(id));
    const onlyActual = [...a].filter((id) => !e.has(id));
    if (onlyExpected.length > 0 || onlyActual.length > 0) out.push({ fn, onlyExpected, onlyActual });
  }
  return out;
}

/**
 * A dedicated path for single points of failure (a proposal for the engine, measured here): the
 * order-1 cut sets of every node with their ride-through time, by a set algebra on sorted event
 * lists instead of the general cut-set engine.
 *
 * For one event the general rules (model.md §3) reduce to: a component is its own event (T = 0)
 * plus its requirements' events delayed by its ride-through; `all` is the union (smallest T);
 * `any` the intersection (largest T); a gate that fails with `need` members down holds the events
 * found in at least `need` members, with the need-th smallest of their T; a failover group adds
 * its switch-over pseudo-event, whose rate comes from the primary's single events that are not the
 * group's own.
 */
import type { StructureNode } from "../../lib/engine/cut-sets.js";
import { eventTables } from "../../lib/engine/functions.js";
import type { ResolvedModel } from "../../lib/engine/model.js";

interface Singles {
  /** Ascending event numbers. */
  readonly events: readonly number[];
  readonly t: readonly number[];
}

const HOURS_PER_YEAR = 8760;

export function singlesOfFunctions(model: ResolvedModel): { singles: Singles[]; failuresPerYear: number[]; repairHours: number[] } {
  const { failuresPerYear, repairHours } = eventTables(model);
  const memo = new Map<StructureNode, Singles>();

  const single = (e: number): Singles => ({ events: [e], t: [0] });

  /** Union of two lists; an event in both keeps the smaller T. */
  const merge = (a: Singles, b: Singles): Singles => {
    const events: number[] = [];
    const t: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.events.length && j < b.events.length) {
      const x = a.events[i]!;
      const y = b.events[j]!;
      if (x < y) {
        events.push(x);
        t.push(a.t[i++]!);
      } else if (y < x) {
        events.push(y);
        t.push(b.t[j++]!);
      } else {
        events.push(x);
        t.push(Math.min(a.t[i++]!, b.t[j++]!));
      }
    }
    while (i < a.events.length) {
      events.push(a.events[i]!);
      t.push(a.t[i++]!);
    }
    while (j < b.events.length) {
      events.push(b.events[j]!);
      t.push(b.t[j++]!);
    }
    return { events, t };
  };

  /** Intersection of two lists, with the larger T. */
  const intersect = (a: Singles, b: Singles): Singles => {
    const events: number[] = [];
    const t: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.events.length && j < b.events.length) {
      const x = a.events[i]!;
      const y = b.events[j]!;
      if (x < y) i++;
      else if (y < x) j++;
      else {
        events.push(x);
        t.push(Math.max(a.t[i++]!, b.t[j++]!));
      }
    }
    return { events, t };
  };

  const union = (parts: Singles[]): Singles => {
    let acc = parts[0]!;
    for (let k = 1; k < parts.length; k++) acc = merge(acc, parts[k]!);
    return acc;
  };

  /** Events in at least `need` parts, with the need-th smallest T among the parts holding them. */
  const atLeast = (need: number, parts: Singles[]): Singles => {
    if (need <= 1) return union(parts);
    if (need >= parts.length) {
      let acc = parts[0]!;
      for (let k = 1; k < parts.length && acc.events.length > 0; k++) acc = intersect(acc, parts[k]!);
      return acc;
    }
    const pairs: Array<[number, number]> = [];
    for (const p of parts) for (let i = 0; i < p.events.length; i++) pairs.push([p.events[i]!, p.t[i]!]);
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const events: number[] = [];
    const t: number[] = [];
    for (let i = 0; i < pairs.length; ) {
      let j = i;
      while (j < pairs.length && pairs[j]![0] === pairs[i]![0]) j++;
      if (j - i >= need) {
        events.push(pairs[i]![0]);
        t.push(pairs[i + need - 1]![1]);
      }
      i = j;
    }
    return { events, t };
  };

  const singlesOf = (node: StructureNode): Singles => {
    const known = memo.get(node);
    if (known) return known;
    let out: Singles;
    switch (node.type) {
      case "event":
        out = single(node.event);
        break;
      case "component": {
        if (!node.requires) {
          out = single(node.event);
          break;
        }
        const below = singlesOf(node.requires);
        const rt = node.rideThroughHours;
        out = union([single(node.event), rt === 0 ? below : { events: below.events, t: below.t.map((x) => x + rt) }]);
        break;
      }
      case "gate":
        out = atLeast(Math.min(node.need, node.members.length), node.members.map(singlesOf));
        break;
      case "failover": {
        const group = singlesOf(node.group);
        const primary = singlesOf(node.group.members[0]!);
        const own = new Set(group.events);
        let rate = 0;
        for (let i = 0; i < primary.events.length; i++) {
          const e = primary.events[i]!;
          if (own.has(e)) continue;
          rate += Math.exp(-primary.t[i]! / repairHours[e]!) * failuresPerYear[e]!;
        }
        failuresPerYear[node.pseudoEvent] = rate;
        out = union([group, single(node.pseudoEvent)]);
        break;
      }
    }
    memo.set(node, out);
    return out;
  };

  return { singles: model.functionNodes.map(singlesOf), failuresPerYear, repairHours };
}

/**
 * Per function id, its single points of failure in the engine's order: largest contribution
 * (8760 · e^(−T/r') · q) first, ties by id; switch-over pseudo-events left out.
 */
export function findSinglePoints(model: ResolvedModel): Map<string, string[]> {
  const { singles, failuresPerYear, repairHours } = singlesOfFunctions(model);
  const n = model.components.length;
  const out = new Map<string, string[]>();
  (model.inventory.functions ?? []).forEach((f, k) => {
    const s = singles[k]!;
    const rows: Array<{ id: string; contribution: number }> = [];
    for (let i = 0; i < s.events.length; i++) {
      const e = s.events[i]!;
      if (e >= n) continue;
      const r = repairHours[e]!;
      const q = Math.min(1, (failuresPerYear[e]! * r) / HOURS_PER_YEAR);
      const t = s.t[i]!;
      const weight = t === 0 ? 1 : Math.exp(-t / r);
      rows.push({ id: model.components[e]!.id, contribution: HOURS_PER_YEAR * weight * q });
    }
    rows.sort((a, b) => b.contribution - a.contribution || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    out.set(
      f.id,
      rows.map((r) => r.id),
    );
  });
  return out;
}

/**
 * What if these fail? Which functions stop, after how long, and what each hour costs. Evaluated
 * on the requirement structure alone (model.md §1, §3), small enough to run in the browser:
 * - a failed component is down at once;
 * - a component whose needs fail goes down when they do, plus its own ride-through (a UPS keeps
 *   its consumers up for its runtime);
 * - `all` is down when its first member is, `any` when its last member is, `atLeast k of n` when
 *   the (n − k + 1)-th member is;
 * - a backup group with a switch-over time stays up but is interrupted for about that long when
 *   its first member goes down; a component with enough ride-through bridges the interruption.
 * No rates are involved: this is a scenario, not an expectation.
 */
import type { Inventory, Requirement } from "@/lib/engine/schema";

export interface WhatIfComponent {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly requires?: Requirement;
  readonly runtimeMinutes?: number;
}

export interface WhatIfFunction {
  readonly id: string;
  readonly name: string;
  readonly requires: Requirement;
  readonly downtimeCostPerHour: number;
  readonly hours: "always" | "business";
}

/** The part of an inventory the what-if panel needs (small enough to send to the browser). */
export interface WhatIfModel {
  readonly currency: string;
  readonly components: readonly WhatIfComponent[];
  readonly functions: readonly WhatIfFunction[];
}

export function createWhatIfModel(inventory: Inventory): WhatIfModel {
  return {
    currency: inventory.organization.currency,
    components: (inventory.components ?? []).map((c) => ({
      id: c.id,
      name: c.name ?? c.id,
      kind: c.kind,
      ...(c.requires !== undefined ? { requires: c.requires } : {}),
      ...(c.runtimeMinutes !== undefined ? { runtimeMinutes: c.runtimeMinutes } : {}),
    })),
    functions: (inventory.functions ?? []).map((f) => ({
      id: f.id,
      name: f.name ?? f.id,
      requires: f.requires,
      downtimeCostPerHour: f.downtimeCostPerHour,
      hours: f.hours ?? "business",
    })),
  };
}

interface State {
  /** Minutes until it goes down; Infinity when it stays up. */
  readonly downAfter: number;
  /** A switch-over it goes through while staying up: when it starts and how long it lasts. */
  readonly interruption?: { readonly atMinutes: number; readonly minutes: number };
}

const UP: State = { downAfter: Infinity };

export type WhatIfStatus = "stops" | "interrupted" | "runs";

export interface WhatIfFunctionResult {
  readonly id: string;
  readonly name: string;
  readonly status: WhatIfStatus;
  /** Minutes after the failures until it stops (0: at once); for "interrupted", when the switch-over starts. */
  readonly afterMinutes: number | null;
  /** For "interrupted": about how long the switch-over lasts. */
  readonly interruptionMinutes: number | null;
  readonly downtimeCostPerHour: number;
  readonly hours: "always" | "business";
}

export interface WhatIfResult {
  readonly functions: readonly WhatIfFunctionResult[];
  /** Components that end up down, with when, in inventory order (the chosen ones included). */
  readonly componentsDown: ReadonlyArray<{ readonly id: string; readonly name: string; readonly afterMinutes: number }>;
  /** What an hour costs once everything that stops has stopped. */
  readonly costPerHour: number;
}

/**
 * @example
 * evaluateWhatIf(createWhatIfModel(harborDental), ["fiber"]).functions.find((f) => f.id === "mail")
 * //=> { id: "mail", status: "stops", afterMinutes: 0, downtimeCostPerHour: 60, … }
 */
export function evaluateWhatIf(model: WhatIfModel, failed: Iterable<string>): WhatIfResult {
  const failedSet = new Set(failed);
  const byId = new Map(model.components.map((c) => [c.id, c]));
  const memo = new Map<string, State>();
  const visiting = new Set<string>();

  const componentState = (id: string): State => {
    const known = memo.get(id);
    if (known) return known;
    const c = byId.get(id);
    if (!c) return UP;
    if (failedSet.has(id)) {
      memo.set(id, { downAfter: 0 });
      return memo.get(id)!;
    }
    // A cycle cannot pass validation; treat it as up rather than loop.
    if (visiting.has(id)) return UP;
    visiting.add(id);
    const below = c.requires === undefined ? UP : requirementState(c.requires);
    visiting.delete(id);
    const ride = c.runtimeMinutes ?? 0;
    const interruption = below.interruption && below.interruption.minutes > ride ? below.interruption : undefined;
    const state: State = {
      downAfter: below.downAfter + ride,
      ...(interruption && below.downAfter === Infinity ? { interruption } : {}),
    };
    memo.set(id, state);
    return state;
  };

  const requirementState = (req: Requirement): State => {
    if (typeof req === "string") return componentState(req);
    if ("all" in req) {
      const states = req.all.map(requirementState);
      const downAfter = Math.min(...states.map((s) => s.downAfter));
      const interruption = firstInterruption(states);
      return { downAfter, ...(downAfter === Infinity && interruption ? { interruption } : {}) };
    }
    const members = "any" in req ? req.any : req.of;
    const need = "any" in req ? members.length : members.length - req.atLeast + 1;
    const states = members.map(requirementState);
    const times = states.map((s) => s.downAfter).sort((a, b) => a - b);
    const downAfter = times[need - 1] ?? Infinity;
    if (downAfter !== Infinity) return { downAfter };
    if ("any" in req && (req.failoverMinutes ?? 0) > 0 && states[0]!.downAfter !== Infinity) {
      return { downAfter, interruption: { atMinutes: states[0]!.downAfter, minutes: req.failoverMinutes! } };
    }
    // An active-passive group runs on its primary, so the primary's own interruptions reach through.
    if ("any" in req && (req.failoverMinutes ?? 0) > 0 && states[0]!.interruption) return { downAfter, interruption: states[0]!.interruption };
    // Otherwise the group is interrupted only when enough members are down or interrupted at once.
    const hit = states.filter((s) => s.downAfter !== Infinity || s.interruption);
    const interruption = firstInterruption(hit);
    return hit.length >= need && interruption ? { downAfter, interruption } : { downAfter };
  };

  const functions = model.functions.map((f): WhatIfFunctionResult => {
    const s = requirementState(f.requires);
    const base = { id: f.id, name: f.name, downtimeCostPerHour: f.downtimeCostPerHour, hours: f.hours };
    if (s.downAfter !== Infinity) return { ...base, status: "stops", afterMinutes: s.downAfter, interruptionMinutes: null };
    if (s.interruption) {
      return { ...base, status: "interrupted", afterMinutes: s.interruption.atMinutes, interruptionMinutes: s.interruption.minutes };
    }
    return { ...base, status: "runs", afterMinutes: null, interruptionMinutes: null };
  });

  const componentsDown = model.components
    .map((c) => ({ id: c.id, name: c.name, afterMinutes: componentState(c.id).downAfter }))
    .filter((c) => c.afterMinutes !== Infinity);

  return {
    functions,
    componentsDown,
    costPerHour: functions.filter((f) => f.status === "stops").reduce((sum, f) => sum + f.downtimeCostPerHour, 0),
  };
}

function firstInterruption(states: readonly State[]): State["interruption"] {
  let best: State["interruption"];
  for (const s of states) {
    if (s.interruption && (!best || s.interruption.atMinutes < best.atMinutes)) best = s.interruption;
  }
  return best;
}

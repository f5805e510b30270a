/**
 * What changed between two assessments of one client (an older and a newer snapshot, possibly
 * of different inventories and engine versions): money at risk removed, single points of failure
 * closed and new, plan items done, data-protection checks newly passed or failed.
 *
 * Pure: it reads the two assessments only. Snapshots written by an earlier engine may lack newer
 * fields, so everything beyond the documented assessment format is read defensively.
 *
 * When is an item of the older plan "done"? The engine proposes every applicable measure that
 * has any benefit (in the plan, over budget or not worth it), so an item the newer assessment no
 * longer proposes has either been carried out or lost its point. The rule:
 *
 * - `open`: the same mitigation on the same targets is still proposed (`where` says in which list);
 * - `target-removed`: not proposed, and a target is no longer in the inventory;
 * - `done`: not proposed, and its effect is visible on its targets (`evidence`): a target is no
 *   longer a single point of failure of a function it was one of, its downtime (unavailability)
 *   or the money at risk through it (the loss of the cut sets containing it; for a data set, its
 *   expected loss) went down, or a target data set passed a check it failed;
 * - `not-proposed`: not proposed, with no visible effect (the risk went away by another route,
 *   e.g. a function was dropped, or the newer assessment was made without a plan).
 */
import type { DataSetChecks } from "../engine/index.js";

/** The parts of an assessment the comparison reads; the engine's `Assessment` has them all. */
export interface ComparableAssessment {
  readonly engineVersion?: string;
  readonly asOf?: string;
  readonly organization?: { readonly name?: string; readonly currency?: string };
  readonly expectedAnnualLoss: number;
  readonly functions: ReadonlyArray<{
    readonly id: string;
    readonly name?: string;
    readonly expectedAnnualLoss: number;
    readonly downtimeHoursPerYear?: number;
    readonly singlePointsOfFailure: readonly string[];
    readonly cutSets?: ReadonlyArray<{
      readonly components: readonly string[];
      readonly downtimeHoursPerYear?: number;
      readonly expectedAnnualLoss?: number;
    }>;
  }>;
  readonly dataSets: ReadonlyArray<{
    readonly id: string;
    readonly name?: string;
    readonly expectedAnnualLoss: number;
    readonly checks: Partial<DataSetChecks>;
  }>;
  readonly events?: ReadonlyArray<{ readonly id: string; readonly name?: string; readonly kind?: string; readonly unavailability?: number }>;
  readonly plan: readonly ComparablePlanItem[];
  readonly notWorthIt?: readonly ComparablePlanItem[];
  readonly overBudget?: readonly ComparablePlanItem[];
  readonly beyondItemLimit?: readonly ComparablePlanItem[];
}

export interface ComparablePlanItem {
  readonly mitigation: string;
  readonly title?: string;
  readonly targets: readonly string[];
  readonly annualizedCost?: number;
  readonly annualBenefit?: number;
}

/** `removed` = older − newer: positive when risk went down. */
export interface MoneyChange {
  readonly older: number;
  readonly newer: number;
  readonly removed: number;
}

export type Presence = "both" | "added" | "removed";

export interface ItemMoneyChange extends MoneyChange {
  readonly id: string;
  readonly name: string;
  /** Whether the function or data set is in both assessments, only the newer, or only the older. */
  readonly presence: Presence;
}

export type SpofClosedReason = "no-longer-single" | "component-removed" | "function-removed";
export type SpofNewReason = "newly-single" | "component-added" | "function-added";

export interface SpofChange<Reason extends string> {
  readonly functionId: string;
  readonly functionName: string;
  readonly componentId: string;
  readonly componentName: string;
  readonly reason: Reason;
}

export type PlanItemStatus = "done" | "open" | "target-removed" | "not-proposed";
export type PlanEvidence = "spof-closed" | "less-downtime" | "less-loss" | "check-passed";

export interface PlanItemOutcome {
  readonly mitigation: string;
  readonly title: string;
  readonly targets: readonly string[];
  /** The benefit the older plan expected from it. */
  readonly annualBenefit: number | null;
  readonly status: PlanItemStatus;
  /** For `open`: which list of the newer assessment still proposes it. */
  readonly where: "plan" | "overBudget" | "beyondItemLimit" | "notWorthIt" | null;
  /** For `done`: what shows it took effect (also filled for other statuses when visible). */
  readonly evidence: readonly PlanEvidence[];
  /** Money at risk through its targets per year, before and after. */
  readonly exposure: { readonly older: number; readonly newer: number };
}

export interface DataCheckChange {
  readonly dataSetId: string;
  readonly dataSetName: string;
  readonly check: keyof DataSetChecks;
}

export interface AssessmentComparison {
  /** Money figures are only comparable in one currency. */
  readonly sameCurrency: boolean;
  readonly currency: { readonly older: string | null; readonly newer: string | null };
  readonly engineVersion: { readonly older: string | null; readonly newer: string | null };
  readonly asOf: { readonly older: string | null; readonly newer: string | null };
  readonly expectedAnnualLoss: MoneyChange;
  readonly functions: readonly ItemMoneyChange[];
  readonly dataSets: readonly ItemMoneyChange[];
  readonly spofs: {
    readonly closed: ReadonlyArray<SpofChange<SpofClosedReason>>;
    readonly new: ReadonlyArray<SpofChange<SpofNewReason>>;
  };
  /** Every item of the older plan, in its order, with what became of it. */
  readonly planItems: readonly PlanItemOutcome[];
  /** Items of the newer plan that the older plan did not have. */
  readonly newPlanItems: readonly ComparablePlanItem[];
  readonly dataChecks: { readonly passed: readonly DataCheckChange[]; readonly failed: readonly DataCheckChange[] };
  readonly summary: {
    readonly moneyRemoved: number;
    readonly spofsClosed: number;
    readonly spofsNew: number;
    readonly planItemsDone: number;
    readonly checksPassed: number;
    readonly checksFailed: number;
  };
}

/** A lower figure counts only beyond rounding noise. */
function lower(newer: number, older: number): boolean {
  return newer < older - 1e-9 * Math.max(1, Math.abs(older));
}

function money(older: number, newer: number): MoneyChange {
  return { older, newer, removed: older - newer };
}

function keyOf(item: ComparablePlanItem): string {
  return `${item.mitigation}|${[...item.targets].sort().join(",")}`;
}

function componentNames(a: ComparableAssessment): Map<string, string> {
  return new Map((a.events ?? []).filter((e) => e.kind !== "failover").map((e) => [e.id, e.name ?? e.id]));
}

/** Money at risk per year through a component (its cut sets) or a data set (its loss). */
function exposureOf(a: ComparableAssessment, target: string): number {
  let total = 0;
  for (const f of a.functions) {
    for (const cs of f.cutSets ?? []) {
      if (!cs.components.includes(target)) continue;
      if (cs.expectedAnnualLoss !== undefined) total += cs.expectedAnnualLoss;
      else if (cs.downtimeHoursPerYear !== undefined && f.downtimeHoursPerYear) {
        total += (cs.downtimeHoursPerYear / f.downtimeHoursPerYear) * f.expectedAnnualLoss;
      }
    }
  }
  for (const d of a.dataSets) if (d.id === target) total += d.expectedAnnualLoss;
  return total;
}

function compareItems(
  older: ReadonlyArray<{ id: string; name?: string; expectedAnnualLoss: number }>,
  newer: ReadonlyArray<{ id: string; name?: string; expectedAnnualLoss: number }>,
): ItemMoneyChange[] {
  const newerById = new Map(newer.map((x) => [x.id, x]));
  const olderIds = new Set(older.map((x) => x.id));
  const out: ItemMoneyChange[] = older.map((o) => {
    const n = newerById.get(o.id);
    return {
      id: o.id,
      name: n?.name ?? o.name ?? o.id,
      presence: n ? "both" : "removed",
      ...money(o.expectedAnnualLoss, n?.expectedAnnualLoss ?? 0),
    };
  });
  for (const n of newer) {
    if (!olderIds.has(n.id)) out.push({ id: n.id, name: n.name ?? n.id, presence: "added", ...money(0, n.expectedAnnualLoss) });
  }
  return out;
}

function compareSpofs(older: ComparableAssessment, newer: ComparableAssessment): AssessmentComparison["spofs"] {
  const olderNames = componentNames(older);
  const newerNames = componentNames(newer);
  // Without an event list (an early snapshot) a component's presence cannot be told; assume it stayed.
  const inOlder = (id: string) => older.events === undefined || olderNames.has(id);
  const inNewer = (id: string) => newer.events === undefined || newerNames.has(id);
  const newerFunctions = new Map(newer.functions.map((f) => [f.id, f]));
  const olderFunctions = new Map(older.functions.map((f) => [f.id, f]));

  const closed: Array<SpofChange<SpofClosedReason>> = [];
  for (const f of older.functions) {
    const now = newerFunctions.get(f.id);
    const still = new Set(now?.singlePointsOfFailure ?? []);
    for (const id of f.singlePointsOfFailure) {
      if (still.has(id)) continue;
      closed.push({
        functionId: f.id,
        functionName: f.name ?? f.id,
        componentId: id,
        componentName: olderNames.get(id) ?? id,
        reason: !now ? "function-removed" : !inNewer(id) ? "component-removed" : "no-longer-single",
      });
    }
  }
  const opened: Array<SpofChange<SpofNewReason>> = [];
  for (const f of newer.functions) {
    const before = olderFunctions.get(f.id);
    const was = new Set(before?.singlePointsOfFailure ?? []);
    for (const id of f.singlePointsOfFailure) {
      if (was.has(id)) continue;
      opened.push({
        functionId: f.id,
        functionName: f.name ?? f.id,
        componentId: id,
        componentName: newerNames.get(id) ?? id,
        reason: !before ? "function-added" : !inOlder(id) ? "component-added" : "newly-single",
      });
    }
  }
  return { closed, new: opened };
}

function compareChecks(older: ComparableAssessment, newer: ComparableAssessment): AssessmentComparison["dataChecks"] {
  const passed: DataCheckChange[] = [];
  const failed: DataCheckChange[] = [];
  const newerById = new Map(newer.dataSets.map((d) => [d.id, d]));
  for (const o of older.dataSets) {
    const n = newerById.get(o.id);
    if (!n) continue;
    const checks = [...new Set([...Object.keys(o.checks), ...Object.keys(n.checks)])] as Array<keyof DataSetChecks>;
    for (const check of checks) {
      const before = o.checks[check];
      const after = n.checks[check];
      if (before === undefined || after === undefined || before === after) continue;
      (after ? passed : failed).push({ dataSetId: o.id, dataSetName: n.name ?? o.name ?? o.id, check });
    }
  }
  return { passed, failed };
}

function planOutcomes(
  older: ComparableAssessment,
  newer: ComparableAssessment,
  spofsClosed: AssessmentComparison["spofs"]["closed"],
  checksPassed: readonly DataCheckChange[],
): PlanItemOutcome[] {
  const where = new Map<string, PlanItemOutcome["where"]>();
  // Later lists first, so that the plan wins when an item appears twice.
  for (const item of newer.notWorthIt ?? []) where.set(keyOf(item), "notWorthIt");
  for (const item of newer.overBudget ?? []) where.set(keyOf(item), "overBudget");
  for (const item of newer.beyondItemLimit ?? []) where.set(keyOf(item), "beyondItemLimit");
  for (const item of newer.plan) where.set(keyOf(item), "plan");

  const newerComponents = componentNames(newer);
  const newerDataSets = new Set(newer.dataSets.map((d) => d.id));
  const exists = (id: string) => newerDataSets.has(id) || newer.events === undefined || newerComponents.has(id);
  const olderEvents = new Map((older.events ?? []).map((e) => [e.id, e]));
  const newerEvents = new Map((newer.events ?? []).map((e) => [e.id, e]));

  return older.plan.map((item) => {
    const targets = item.targets;
    const evidence = new Set<PlanEvidence>();
    if (spofsClosed.some((s) => targets.includes(s.componentId) && s.reason === "no-longer-single")) evidence.add("spof-closed");
    for (const t of targets) {
      const before = olderEvents.get(t)?.unavailability;
      const after = newerEvents.get(t)?.unavailability;
      if (before !== undefined && after !== undefined && lower(after, before)) evidence.add("less-downtime");
    }
    const exposure = {
      older: targets.reduce((s, t) => s + exposureOf(older, t), 0),
      newer: targets.reduce((s, t) => s + exposureOf(newer, t), 0),
    };
    if (lower(exposure.newer, exposure.older)) evidence.add("less-loss");
    if (checksPassed.some((c) => targets.includes(c.dataSetId))) evidence.add("check-passed");

    const still = where.get(keyOf(item));
    const status: PlanItemStatus =
      still !== undefined ? "open" : !targets.every(exists) ? "target-removed" : evidence.size > 0 ? "done" : "not-proposed";
    return {
      mitigation: item.mitigation,
      title: item.title ?? item.mitigation,
      targets,
      annualBenefit: item.annualBenefit ?? null,
      status,
      where: still ?? null,
      evidence: (["spof-closed", "less-downtime", "less-loss", "check-passed"] as const).filter((e) => evidence.has(e)),
      exposure,
    };
  });
}

/**
 * Compare an older and a newer assessment of one client.
 *
 * @example
 * const c = compareAssessments(lastYear, today);
 * c.expectedAnnualLoss.removed //=> 2821.47 (money at risk per year removed)
 * c.planItems.filter((p) => p.status === "done").map((p) => p.mitigation) //=> ["redundant-network-device", …]
 */
export function compareAssessments(older: ComparableAssessment, newer: ComparableAssessment): AssessmentComparison {
  const spofs = compareSpofs(older, newer);
  const dataChecks = compareChecks(older, newer);
  const planItems = planOutcomes(older, newer, spofs.closed, dataChecks.passed);
  const olderPlan = new Set(older.plan.map(keyOf));
  const currency = { older: older.organization?.currency ?? null, newer: newer.organization?.currency ?? null };
  const expectedAnnualLoss = money(older.expectedAnnualLoss, newer.expectedAnnualLoss);
  return {
    sameCurrency: currency.older === currency.newer,
    currency,
    engineVersion: { older: older.engineVersion ?? null, newer: newer.engineVersion ?? null },
    asOf: { older: older.asOf ?? null, newer: newer.asOf ?? null },
    expectedAnnualLoss,
    functions: compareItems(older.functions, newer.functions),
    dataSets: compareItems(older.dataSets, newer.dataSets),
    spofs,
    planItems,
    newPlanItems: newer.plan.filter((item) => !olderPlan.has(keyOf(item))),
    dataChecks,
    summary: {
      moneyRemoved: expectedAnnualLoss.removed,
      spofsClosed: spofs.closed.length,
      spofsNew: spofs.new.length,
      planItemsDone: planItems.filter((p) => p.status === "done").length,
      checksPassed: dataChecks.passed.length,
      checksFailed: dataChecks.failed.length,
    },
  };
}

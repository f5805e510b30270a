/**
 * The plan (model.md §6): greedy by benefit per annualised cost, re-scoring after every pick,
 * while the best ratio is above 1; what is not worth it, with the figure that would change that;
 * an optional first-year budget.
 */
import { ScoringCache, scoreInventory, type ScoreOptions, type Scores } from "./assess.js";
import { DEFAULT_MAX_ORDER, HOURS_PER_YEAR, type Source } from "./defaults.js";
import {
  annualizedCost,
  configureMitigations,
  firstYearCost,
  namedComponents,
  type EffectOverrides,
  type Mitigation,
  type MitigationCost,
  planContext,
} from "./mitigations.js";
import type { DataSetResult } from "./data-sets.js";
import { cutSetIndex, redundantTwinNodes, type FunctionResult } from "./functions.js";
import { eventsUnder, makeKeyOf, type StructureNode } from "./cut-sets.js";
import type { Inventory, Requirement } from "./schema.js";
import { PSEUDO_EVENT_PREFIX, type ResolvedModel } from "./model.js";
import { keepShape } from "./shapes.js";

export interface PlanOptions extends ScoreOptions {
  /** Cash available in the first year (upfront + 12 × monthly of each item). Absent: no limit. */
  readonly budget?: number;
  /** Cost overrides per mitigation id (checked by overrides.ts in assessInventory). */
  readonly costOverrides?: Readonly<Record<string, Partial<MitigationCost>>>;
  /** Effect values per mitigation id and parameter name (mitigations.ts EffectParameter). */
  readonly effectOverrides?: EffectOverrides;
  /** Safety stop on the number of plan items. */
  readonly maxItems?: number;
}

interface Evaluated {
  readonly benefit: number;
  readonly dataBenefit: number;
  /** Σ over functions of (downtime avoided × hours weight): hours of costed downtime avoided. */
  readonly weightedHoursAvoided: number;
  readonly after: Scores;
  readonly inventory: Inventory;
}

interface Candidate {
  readonly key: string;
  readonly mitigation: Mitigation;
  readonly targets: readonly string[];
  readonly cost: MitigationCost;
  readonly annualizedCost: number;
  readonly firstYearCost: number;
  readonly bound: number;
  /** Its target components: the functions that reach one are the only ones it can change. */
  readonly roots: readonly string[];
  evaluated?: Evaluated;
}

export interface PlanItem {
  readonly mitigation: string;
  readonly title: string;
  readonly effect: string;
  readonly targets: readonly string[];
  readonly upfront: number;
  readonly monthly: number;
  readonly lifeYears: number;
  readonly annualizedCost: number;
  readonly firstYearCost: number;
  readonly annualBenefit: number;
  /** annualBenefit / annualizedCost. */
  readonly benefitCostRatio: number;
  /** upfront / (annualBenefit − 12 × monthly); null when it never pays back. */
  readonly paybackYears: number | null;
  readonly expectedAnnualLossBefore: number;
  readonly expectedAnnualLossAfter: number;
  readonly sources: readonly Source[];
}

export interface NotWorthItItem extends PlanItem {
  /**
   * The cost of an hour of downtime (of the functions it helps) at which it would pay for
   * itself; null when it avoids no downtime (a data-only measure).
   */
  readonly breakEvenDowntimeCostPerHour: number | null;
  /** How many times larger every loss figure would have to be for it to pay; null when it changes nothing. */
  readonly breakEvenLossMultiplier: number | null;
}

export interface PlanResult {
  readonly plan: readonly PlanItem[];
  readonly notWorthIt: readonly NotWorthItItem[];
  /** Worth it (ratio above 1) but beyond the budget. */
  readonly overBudget: readonly PlanItem[];
  /**
   * Worth it and within the budget, but left out because the plan reached `maxItems` (50 unless
   * set): what the next steps would have been, each measured after the whole plan.
   */
  readonly beyondItemLimit: readonly PlanItem[];
  readonly expectedAnnualLossBefore: number;
  readonly expectedAnnualLossAfter: number;
  readonly totalAnnualizedCost: number;
  readonly totalFirstYearCost: number;
  /** Number of full re-scorings done (for the benchmark). */
  readonly evaluations: number;
}

function costOf(m: Mitigation, inventory: Inventory, targets: readonly string[], scores: Scores, options: PlanOptions): MitigationCost {
  const base = m.defaultCost(inventory, targets, scores.model.organization.staffCostPerHour);
  const override = options.costOverrides?.[m.id] ?? {};
  return {
    upfront: override.upfront ?? base.upfront,
    monthly: override.monthly ?? base.monthly,
    lifeYears: override.lifeYears ?? base.lifeYears,
  };
}

let marks = new Uint32Array(1024);
let lastStamp = 0;

/** A mark per cut-set position, cleared in O(1) by taking a new stamp. */
function scratch(size: number): { readonly marks: Uint32Array; readonly stamp: number } {
  if (marks.length < size) marks = new Uint32Array(Math.max(size, 2 * marks.length));
  if (++lastStamp === 0xffffffff) {
    marks.fill(0);
    lastStamp = 1;
  }
  return { marks, stamp: lastStamp };
}

/**
 * An upper bound on the benefit of a change that only touches the given components and data sets,
 * function by function (boundPart) plus the data sets' loss. Only functions that reach one of its
 * targets can change (FunctionReach). In those, every mitigation leaves the cut sets that avoid
 * the components it touches unchanged and minimal (they fail the function through paths the
 * change does not alter), so the loss after is at least the money of those sets: the benefit is
 * at most the money of the others, or the share of it the mitigation says it can remove
 * (Mitigation.boundShare). Sets with a switch-over pseudo-event are always counted in full: its
 * rate depends on its group's primary.
 */
function boundPart(
  scores: Scores,
  f: FunctionResult,
  touched: readonly number[],
  share: ((meanJointOutageHours: number) => number) | undefined,
): number {
  if (f.downtimeHoursPerYear >= HOURS_PER_YEAR) return Infinity;
  const { eventComponents, effectiveRepairHours } = scores.model;
  // The sets with a touched component or a switch-over pseudo-event, each counted once (loops
  // rather than closures: this runs for every candidate and changed function of every round).
  const index = cutSetIndex(scores.model, f);
  const losses = f.cutSetLoss;
  const { marks, stamp } = scratch(losses.length);
  let bound = 0;
  // Sets with a switch-over first, in full: a switch-over's rate follows its primary's.
  for (const i of index.withPseudoEvent) {
    if (marks[i] !== stamp) {
      marks[i] = stamp;
      bound += losses[i]!;
    }
  }
  for (const e of touched) {
    const list = index.byEvent.get(e);
    if (!list) continue;
    for (const i of list) {
      if (marks[i] === stamp) continue;
      marks[i] = stamp;
      if (share === undefined) {
        bound += losses[i]!;
      } else {
        // The share of a set without switch-over (all its members are components) the change can remove.
        let inverse = 0;
        for (const m of f.cutSetEvents[i]!) inverse += 1 / effectiveRepairHours[eventComponents[m]!]!;
        bound += losses[i]! * share(1 / inverse);
      }
    }
  }
  return bound;
}

/**
 * A function's bound part (boundPart) less what the loss after the change certainly keeps of its
 * target (Mitigation.targetFiguresAfter). When the function fails with the target alone (an
 * order-1 cut set), it still does after the change: the target's event fails its node, and what
 * needs the node is unchanged. That set's money then follows the new figures, at the same
 * ride-through T (the route from the target up is unchanged): 8760 · e^(−T/r') · q · cost factor,
 * with T read back from the set's money now (w = e^(−T/r'), so the new weight is w^(r'/r'new)). It
 * is a set of the loss after that boundPart does not count as kept (it holds a touched
 * component), so the loss after is at least the kept sets' money plus this, up to the cap.
 */
function withTargetLossAfter(
  part: number,
  scores: Scores,
  f: FunctionResult,
  roots: readonly string[],
  after: { readonly failuresPerYear: number; readonly effectiveRepairHours: number },
): number {
  if (roots.length !== 1 || part === Infinity) return part;
  const model = scores.model;
  const i = model.indexOfComponent(roots[0]!);
  if (i === undefined) return part;
  const event = model.componentEvents[i]!;
  const costFactor = f.hoursWeight * f.downtimeCostPerHour;
  const q = Math.min(1, (model.failuresPerYear[i]! * model.effectiveRepairHours[i]!) / HOURS_PER_YEAR);
  if (costFactor === 0 || q === 0) return part;
  const index = cutSetIndex(model, f);
  const slot = index.byEvent.get(event);
  if (slot === undefined) return part;
  let money: number | undefined;
  for (const j of slot) if (f.cutSetEvents[j]!.length === 1) money = f.cutSetLoss[j]!;
  if (money === undefined) return part;
  const weight = Math.min(1, money / (HOURS_PER_YEAR * q * costFactor));
  const qAfter = Math.min(1, (after.failuresPerYear * after.effectiveRepairHours) / HOURS_PER_YEAR);
  const weightAfter = weight === 1 ? 1 : Math.pow(weight, model.effectiveRepairHours[i]! / after.effectiveRepairHours);
  // Counted a hair short, so that rounding in the read-back cannot make the bound too tight.
  const certain = HOURS_PER_YEAR * weightAfter * qAfter * costFactor * (1 - 1e-9);
  // The loss after is capped at 8760 hours' worth: it is at least the smaller of that and the
  // kept sets' money plus this set's.
  return Math.max(part - certain, f.expectedAnnualLoss - HOURS_PER_YEAR * costFactor);
}

// Loops rather than callbacks in this file's per-candidate and per-round code: a callback made per
// call loses its optimised code at every full collection (docs/decisions/008).

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether scores.functions at `positions` are, in order, the results listed. */
function sameResultsAt(scores: Scores, positions: readonly number[], results: readonly FunctionResult[]): boolean {
  if (positions.length !== results.length) return false;
  for (let i = 0; i < positions.length; i++) if (scores.functions[positions[i]!] !== results[i]) return false;
  return true;
}

function resultsAt(scores: Scores, positions: readonly number[]): FunctionResult[] {
  const out = new Array<FunctionResult>(positions.length);
  for (let i = 0; i < positions.length; i++) out[i] = scores.functions[positions[i]!]!;
  return out;
}

/**
 * A bound and what it was computed from. A function's part still holds in a later round when the
 * mitigation touches the same components and the function's result is the same object (the same
 * cut sets and money: the part reads nothing else), and the bound as a whole when every part and
 * the data sets it summed do. What it touches follows from its targets, the requirements and the
 * kinds, so while the structure is the same (the same componentNodes array: model.ts
 * resolveFiguresOnly shares it only when every requirement and kind is unchanged) it is not
 * worked out again.
 */
interface BoundMemo {
  /** The structure it was last checked against, and what the candidate touches on it (updated in place). */
  structure: readonly StructureNode[];
  touches: readonly string[];
  readonly functions: readonly FunctionResult[];
  readonly parts: readonly number[];
  readonly dataSets: readonly DataSetResult[];
  readonly bound: number;
}

function boundOf(
  memos: Map<string, BoundMemo>,
  key: string,
  m: Mitigation,
  targets: readonly string[],
  roots: readonly string[],
  inventory: Inventory,
  scores: Scores,
  reach: FunctionReach,
  dataSetsById: ReadonlyMap<string, DataSetResult>,
): number {
  const structure = scores.model.componentNodes;
  const affected = reach.affectedBy(roots);
  const dataSets: DataSetResult[] = [];
  for (const id of m.touchesDataSets(targets)) {
    const d = dataSetsById.get(id);
    if (d) dataSets.push(d);
  }
  const memo = memos.get(key);
  // After a structural change, what it touches is worked out again; often it is the same.
  const touches = memo && memo.structure === structure ? memo.touches : m.touches(inventory, targets);
  const known = memo && (memo.touches === touches || sameList(memo.touches, touches)) ? memo : undefined;
  if (known && sameResultsAt(scores, affected, known.functions) && sameList(known.dataSets, dataSets)) {
    if (known.structure !== structure) {
      known.structure = structure;
      known.touches = touches;
    }
    return known.bound;
  }
  let touched: number[] | undefined;
  const functions = resultsAt(scores, affected);
  const parts = new Array<number>(functions.length);
  for (let i = 0; i < functions.length; i++) {
    const f = functions[i]!;
    // Positions stay while the structure does (the same functions reach the targets).
    const j = !known ? -1 : known.functions[i] === f ? i : known.functions.indexOf(f);
    if (j >= 0) {
      parts[i] = known!.parts[j]!;
      continue;
    }
    if (!touched) {
      touched = [];
      for (const id of touches) {
        const e = scores.model.numbering.lookup(id);
        if (e !== undefined) touched.push(e);
      }
    }
    parts[i] = boundPart(scores, f, touched, m.boundShare);
    if (m.targetFiguresAfter !== undefined) parts[i] = withTargetLossAfter(parts[i]!, scores, f, roots, m.targetFiguresAfter());
  }
  let bound = 0;
  for (const part of parts) bound += part;
  for (const d of dataSets) bound += d.expectedAnnualLoss;
  memos.set(key, { structure, touches, functions, parts, dataSets, bound });
  return bound;
}

/** Function nodes are shared between models while every requirement and kind is unchanged (model.ts). */
const reachByStructure = new WeakMap<readonly StructureNode[], FunctionReach>();

/**
 * Which functions a change can affect. A mitigation changes only its targets and components that
 * require a target (Mitigation.apply), so a function whose structure reaches none of its target
 * components keeps its figures: only the others count in the bound, are re-scored, and can stop a
 * benefit from carrying over to the next round.
 */
class FunctionReach {
  private readonly byComponent = new Map<string, number[]>();

  /** The reach of a model's functions: the same object while the structure is (figures-only picks). */
  static of(scores: Scores): FunctionReach {
    let reach = reachByStructure.get(scores.model.functionNodes);
    if (!reach) reachByStructure.set(scores.model.functionNodes, (reach = new FunctionReach(scores)));
    return reach;
  }

  private constructor(scores: Scores) {
    keepShape(this);
    const model = scores.model;
    const { eventComponents, numbering } = model;
    for (let k = 0; k < model.functionNodes.length; k++) {
      // Function nodes are reused between re-scorings while their structure holds (model.ts), and
      // so is what is under them (eventsUnder keeps it per node).
      for (const e of eventsUnder(model.functionNodes[k]!)) {
        // Components only, not switch-over pseudo-events.
        if (!(e < eventComponents.length && eventComponents[e]! >= 0)) continue;
        const id = numbering.nameOf(e);
        let list = this.byComponent.get(id);
        if (!list) this.byComponent.set(id, (list = []));
        list.push(k);
      }
    }
  }

  /** Indexes of the functions that reach one of `roots`, ascending. */
  affectedBy(roots: readonly string[]): number[] {
    if (roots.length === 1) return this.byComponent.get(roots[0]!) ?? [];
    const out = new Set<number>();
    for (const id of roots) for (const k of this.byComponent.get(id) ?? []) out.add(k);
    return [...out].sort(ascending);
  }
}

/** Target components of a candidate (data-set targets change no function). */
function rootsOf(scores: Scores, targets: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of targets) if (scores.model.indexOfComponent(t) !== undefined) out.push(t);
  return out;
}

function evaluate(c: Candidate, inventory: Inventory, scores: Scores, options: PlanOptions, cache: ScoringCache, reach: FunctionReach): Evaluated {
  const next = c.mitigation.apply(inventory, c.targets);
  const after = scoreInventory(next, {
    maxOrder: options.maxOrder,
    figuresOnly: true,
    cache,
    twin: c.mitigation.twinOf?.(next, c.targets),
    reuse: {
      scores,
      // Functions that reach no target keep their result (FunctionReach).
      affectedFunctions: new Set(reach.affectedBy(c.roots)),
      changedDataSets: new Set(c.mitigation.touchesDataSets(c.targets)),
    },
  });
  // What changed, function by function and data set by data set (results that are the same
  // object did not change), each list summed in sorted order: the benefit of two twins is then
  // the same number whatever the order of the inventory's lists, and it is not the difference of
  // two large totals (whose rounding grows with everything else the business loses). Mitigations
  // edit records in place in the same lists, so the results line up by position.
  if (after.functions.length !== scores.functions.length || after.dataSets.length !== scores.dataSets.length) {
    throw new Error(`bug: ${c.key} added or removed a function or data set`);
  }
  const functionGains: number[] = [];
  const hoursAvoided: number[] = [];
  for (let k = 0; k < scores.functions.length; k++) {
    const f = scores.functions[k]!;
    const g = after.functions[k]!;
    if (g === f) continue;
    functionGains.push(f.expectedAnnualLoss - g.expectedAnnualLoss);
    hoursAvoided.push((f.downtimeHoursPerYear - g.downtimeHoursPerYear) * f.hoursWeight);
  }
  const dataGains: number[] = [];
  for (let i = 0; i < scores.dataSets.length; i++) {
    const d = scores.dataSets[i]!;
    const a = after.dataSets[i]!;
    if (a !== d) dataGains.push(d.expectedAnnualLoss - a.expectedAnnualLoss);
  }
  const dataBenefit = sortedSum(dataGains);
  return {
    benefit: sortedSum(functionGains) + dataBenefit,
    dataBenefit,
    weightedHoursAvoided: sortedSum(hoursAvoided),
    after,
    inventory: next,
  };
}

/** A sum that depends only on the numbers, not on their order. */
function sortedSum(values: number[]): number {
  values.sort(ascending);
  let sum = 0;
  for (const v of values) sum += v;
  return sum;
}

function ascending(a: number, b: number): number {
  return a - b;
}

function ratioOf(benefit: number, annual: number): number {
  if (annual > 0) return benefit / annual;
  return benefit > 0 ? Infinity : 0;
}

function toItem(c: Candidate, e: { readonly benefit: number; readonly lossAfter: number }, before: number): PlanItem {
  const recurring = 12 * c.cost.monthly;
  const net = e.benefit - recurring;
  return {
    mitigation: c.mitigation.id,
    title: c.mitigation.title,
    effect: c.mitigation.effect,
    targets: c.targets,
    upfront: c.cost.upfront,
    monthly: c.cost.monthly,
    lifeYears: c.cost.lifeYears,
    annualizedCost: c.annualizedCost,
    firstYearCost: c.firstYearCost,
    annualBenefit: e.benefit,
    benefitCostRatio: ratioOf(e.benefit, c.annualizedCost),
    paybackYears: c.cost.upfront === 0 ? (net > 0 ? 0 : null) : net > 0 ? c.cost.upfront / net : null,
    expectedAnnualLossBefore: before,
    expectedAnnualLossAfter: e.lossAfter,
    sources: c.mitigation.sources,
  };
}

interface TargetsByIds {
  readonly targets: string[];
  readonly ids: string;
}

function byTargetIds(a: TargetsByIds, b: TargetsByIds): number {
  return a.ids < b.ids ? -1 : a.ids > b.ids ? 1 : 0;
}

/**
 * Candidate keys of one plan, one string per mitigation and target: the same string object every
 * round, so that the plan's look-ups by key (applied, memos, measurements) compare by identity
 * instead of hashing and comparing a new string each time.
 */
class CandidateKeys {
  private readonly byMitigation = new Map<Mitigation, Map<string, string>>();

  constructor() {
    keepShape(this);
  }

  of(m: Mitigation, targets: readonly string[]): string {
    if (targets.length !== 1) return keyOf(m.id, targets);
    let byTarget = this.byMitigation.get(m);
    if (!byTarget) this.byMitigation.set(m, (byTarget = new Map()));
    let key = byTarget.get(targets[0]!);
    if (key === undefined) byTarget.set(targets[0]!, (key = keyOf(m.id, targets)));
    return key;
  }
}

function candidatesFor(
  inventory: Inventory,
  scores: Scores,
  reach: FunctionReach,
  applied: ReadonlySet<string>,
  options: PlanOptions,
  memos: Map<string, BoundMemo>,
  keys: CandidateKeys = new CandidateKeys(),
): Candidate[] {
  const dataSetsById = new Map(scores.dataSets.map((d) => [d.id, d]));
  const ctx = planContext(inventory, scores);
  const out: Candidate[] = [];
  for (const m of configureMitigations(options.effectOverrides)) {
    // Catalogue order, then by target ids: the order the inventory lists things in must not decide
    // between two candidates of equal ratio (twins), so that list order changes nothing.
    const byIds: TargetsByIds[] = [];
    for (const targets of m.candidates(ctx)) byIds.push({ targets, ids: targets.length === 1 ? targets[0]! : [...targets].sort().join("\u0000") });
    byIds.sort(byTargetIds);
    for (const { targets } of byIds) {
      const key = keys.of(m, targets);
      if (applied.has(key)) continue;
      const cost = costOf(m, inventory, targets, scores, options);
      const roots = rootsOf(scores, targets);
      out.push({
        roots,
        key,
        mitigation: m,
        targets,
        cost,
        annualizedCost: annualizedCost(cost),
        firstYearCost: firstYearCost(cost),
        bound: boundOf(memos, key, m, targets, roots, inventory, scores, reach, dataSetsById),
      });
    }
  }
  return out;
}

/**
 * A benefit measured by re-scoring, with what it rests on: for each function the candidate can
 * change (FunctionReach), the result it was measured against and the result after the candidate.
 */
interface Measurement {
  readonly benefit: number;
  readonly dataBenefit: number;
  readonly weightedHoursAvoided: number;
  readonly affected: readonly number[];
  readonly before: readonly FunctionResult[];
  readonly after: readonly FunctionResult[];
  /** Events of the cut sets whose money the candidate changes (footprintOf), once needed. */
  footprint?: ReadonlySet<number>;
}

function measurementOf(c: Candidate, e: Evaluated, scores: Scores, reach: FunctionReach): Measurement {
  const affected = reach.affectedBy(c.roots);
  return {
    benefit: e.benefit,
    dataBenefit: e.dataBenefit,
    weightedHoursAvoided: e.weightedHoursAvoided,
    affected,
    before: resultsAt(scores, affected),
    after: resultsAt(e.after, affected),
  };
}

/**
 * The events of the cut sets whose money differs between a function's result before and after a
 * candidate (in either, or in both with different money). The candidate's benefit in that
 * function is the money of these sets before less their money after: every other set is in both
 * with the same money, and cancels (below the 8760-hour cap). So are its hours avoided, when the
 * function has a cost per hour; without one, every event of the function is in.
 */
function footprintOf(m: Measurement, eventCount: number): ReadonlySet<number> {
  if (m.footprint) return m.footprint;
  const events = new Set<number>();
  let longest = 0;
  for (const f of [...m.before, ...m.after]) for (const set of f.cutSetEvents) longest = Math.max(longest, set.length);
  const keyOf = makeKeyOf(longest, eventCount);
  for (let i = 0; i < m.affected.length; i++) {
    const before = m.before[i]!;
    const after = m.after[i]!;
    if (before === after) continue;
    // Without a cost per hour every set's money is 0, yet the hours avoided (which the break-even
    // figure reads) can change: every event of the function counts.
    if (before.downtimeCostPerHour === 0) {
      for (const f of [before, after]) for (const set of f.cutSetEvents) for (const e of set) events.add(e);
      continue;
    }
    // Position of each set before, by key; what is left once matched is gone or changed.
    const at = new Map<number | string, number>();
    const beforeSets = before.cutSetEvents;
    for (let j = 0; j < beforeSets.length; j++) at.set(keyOf(beforeSets[j]!), j);
    const afterSets = after.cutSetEvents;
    for (let j = 0; j < afterSets.length; j++) {
      const set = afterSets[j]!;
      const key = keyOf(set);
      const k = at.get(key);
      if (k !== undefined && before.cutSetLoss[k] === after.cutSetLoss[j]) at.delete(key);
      else for (const e of set) events.add(e);
    }
    for (const j of at.values()) for (const e of beforeSets[j]!) events.add(e);
  }
  m.footprint = events;
  return events;
}

/**
 * Events whose figures (λ, r') differ between two models of the same structure, and the
 * switch-over pseudo-events whose rate can follow one of them: a switch-over's rate is summed over
 * single events of its group's primary (cut-sets.ts failover), so it can change only when an
 * event under the primary did (a nested switch-over included).
 */
function changedEventsOf(before: Scores, after: Scores): ReadonlySet<number> {
  const changed = new Set<number>();
  const a = before.model;
  const b = after.model;
  for (let i = 0; i < a.componentEvents.length; i++) {
    if (a.failuresPerYear[i] !== b.failuresPerYear[i] || a.effectiveRepairHours[i] !== b.effectiveRepairHours[i]) changed.add(a.componentEvents[i]!);
  }
  if (changed.size === 0 || b.pseudoEvents.length === 0) return changed;
  const underPrimary = eventsUnderPrimaries(b);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of b.pseudoEvents) {
      if (!changed.has(p.event) && meetsAny(underPrimary.get(p.event)!, changed)) {
        changed.add(p.event);
        grew = true;
      }
    }
  }
  return changed;
}

const primariesByStructure = new WeakMap<readonly StructureNode[], ReadonlyMap<number, ReadonlySet<number>>>();

/** For each switch-over pseudo-event, every event under its group's primary (first member). */
function eventsUnderPrimaries(model: ResolvedModel): ReadonlyMap<number, ReadonlySet<number>> {
  let known = primariesByStructure.get(model.functionNodes);
  if (known) return known;
  const out = new Map<number, ReadonlySet<number>>();
  for (const p of model.pseudoEvents) out.set(p.event, eventsUnder(p.primary));
  primariesByStructure.set(model.functionNodes, (known = out));
  return known;
}


function meetsAny<T>(values: Iterable<T>, set: ReadonlySet<T>): boolean {
  for (const v of values) if (set.has(v)) return true;
  return false;
}

/** The values that are in `set`, in order. */
function inSet(values: readonly number[], set: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (const v of values) if (set.has(v)) out.push(v);
  return out;
}

function allBelowCap(m: Measurement, functions: readonly number[], now: Scores): boolean {
  for (const k of functions) if (!belowCap(m, k, now.functions[k]!)) return false;
  return true;
}

/** Whether function k was measured, and its money stays below the 8760-hour cap before and after, then and now. */
function belowCap(m: Measurement, k: number, now: FunctionResult): boolean {
  const i = m.affected.indexOf(k);
  if (i < 0) return false;
  const then = m.before[i]!.downtimeHoursPerYear;
  const after = m.after[i]!.downtimeHoursPerYear;
  return (
    then < HOURS_PER_YEAR &&
    after < HOURS_PER_YEAR &&
    now.downtimeHoursPerYear < HOURS_PER_YEAR &&
    after + (now.downtimeHoursPerYear - then) < HOURS_PER_YEAR * (1 - 1e-9)
  );
}

/**
 * The benefits of the last round that still hold after `picked` was applied. A candidate's
 * benefit depends only on the functions whose structure reaches what it touches, the data sets it
 * touches, and its cost. It still holds when it touches none of the components or data sets the
 * pick touched, the pick added no person (cross-training may, which changes whom another
 * cross-training would pick), and in each function it can change that the pick changed too:
 * - either the function's result is the same object (the pick did not change it at all),
 * - or the pick changed figures only (the same structure) and none of the events whose figures
 *   it changed is in a cut set whose money the candidate changes (footprintOf), below the cap:
 *   those sets keep their money before and after the candidate, and so does the difference;
 * - or the pick added a redundant twin of a component (no switch-over) and none of the cut sets
 *   whose money the candidate changes holds that component, below the cap (apartFromTwin).
 * A carried benefit equals a fresh one up to rounding (the totals are summed afresh); the pick's
 * own figures always come from a fresh re-scoring. The property tests compare the plan with a
 * brute-force greedy that re-scores every candidate.
 */
function carried(
  picked: Candidate,
  before: Inventory,
  scoresBefore: Scores,
  e: Evaluated,
  measured: ReadonlyMap<string, Measurement>,
  candidates: readonly Candidate[],
  reachAfter: FunctionReach,
  memos: ReadonlyMap<string, BoundMemo>,
): Map<string, Measurement> {
  const out = new Map<string, Measurement>();
  if ((e.inventory.people?.length ?? 0) !== (before.people?.length ?? 0)) return out;
  const pickedComponents = new Set(picked.mitigation.touches(before, picked.targets));
  const pickedDataSets = new Set(picked.mitigation.touchesDataSets(picked.targets));
  const changedFunctions = new Set<number>();
  for (let k = 0; k < scoresBefore.functions.length; k++) if (e.after.functions[k] !== scoresBefore.functions[k]) changedFunctions.add(k);
  const after = e.after.model;
  const sameStructure = after.functionNodes === scoresBefore.model.functionNodes && after.componentNodes === scoresBefore.model.componentNodes;
  let changedEvents: ReadonlySet<number> | undefined;
  // After a structural pick: the twin it added, when that is all it did (null: not a twin).
  let twin: TwinPick | null | undefined;
  for (const c of candidates) {
    if (c === picked) continue;
    const m = measured.get(c.key);
    if (m === undefined) continue;
    if (c.mitigation.touchesDataSets(c.targets).some((d) => pickedDataSets.has(d))) continue;
    if (!c.targets.every((t) => after.indexOfComponent(t) !== undefined || (e.inventory.dataSets ?? []).some((d) => d.id === t))) continue;
    // The functions it can change are those that reach its targets (FunctionReach).
    const affected = reachAfter.affectedBy(c.roots);
    // On the same structure, a mitigation that says what its change is made from
    // (Mitigation.readsOnSameStructure) needs only those records untouched; but then what it
    // reaches, in every function it can change, is left to the footprint below: its cut sets
    // after may pass through components the pick changed in a function the pick left alone (a
    // workload moved to the cloud comes to need the internet path).
    const narrow = sameStructure && c.mitigation.readsOnSameStructure !== undefined;
    const checked = narrow ? affected : inSet(affected, changedFunctions);
    if (checked.length > 0 && !allBelowCap(m, checked, e.after)) continue;
    // What it touches follows from the structure: on the same structure, the bound's (BoundMemo).
    const memo = sameStructure ? memos.get(c.key) : undefined;
    const touches = memo && memo.structure === scoresBefore.model.componentNodes ? memo.touches : c.mitigation.touches(e.inventory, c.targets);
    const read = narrow ? c.mitigation.readsOnSameStructure!(e.inventory, c.targets) : touches;
    if (meetsAny(read, pickedComponents)) continue;
    if (checked.length === 0) {
      out.set(c.key, m);
      continue;
    }
    if (sameStructure) {
      changedEvents ??= changedEventsOf(scoresBefore, e.after);
      if (!meetsChange(footprintOf(m, after.numbering.size), changedEvents, after)) out.set(c.key, m);
    } else {
      if (twin === undefined) twin = twinPickOf(picked, before, scoresBefore, e) ?? null;
      if (twin !== null && apartFromTwin(footprintOf(m, after.numbering.size), twin, c.targets)) out.set(c.key, m);
    }
  }
  return out;
}

/**
 * A pick that only added a redundant twin of a component without a switch-over
 * (Mitigation.twinOf), the twin needing what the original needs, with the same ride-through.
 * Then every function fails after it exactly when it failed before with the original's event
 * read as "original and twin both down": its minimal cut sets are the old ones with the twin added
 * to every set holding the original (cut-sets.ts deriveTwin), whatever else is in the structure.
 */
interface TwinPick {
  /** The original's event. */
  readonly event: number;
  /** Component records the pick added or changed: the twin and every consumer of the original. */
  readonly changedRecords: ReadonlySet<string>;
  /** Components named by a record the pick added or changed that its earlier version did not name. */
  readonly newlyNamed: ReadonlySet<string>;
}

function twinPickOf(picked: Candidate, before: Inventory, scoresBefore: Scores, e: Evaluated): TwinPick | undefined {
  const made = picked.mitigation.twinOf?.(e.inventory, picked.targets);
  if (made === undefined) return undefined;
  const model = e.after.model;
  const i = model.indexOfComponent(made.of);
  const j = model.indexOfComponent(made.twin);
  const nodes = i === undefined || j === undefined ? undefined : redundantTwinNodes(model, i, j);
  if (!nodes) return undefined;
  const event = nodes.original.event;
  // A switch-over's rate follows the single events of its group's primary (cut-sets.ts failover):
  // with the original under none, no rate changes.
  for (const under of eventsUnderPrimaries(scoresBefore.model).values()) if (under.has(event)) return undefined;
  return { event, ...changedRecords(before, e.inventory) };
}

/**
 * Whether a candidate's benefit, measured before a twin pick (TwinPick), holds after it. Applied
 * after the twin, the candidate makes the same structure as the twin applied after the candidate
 * when it reads no record the pick added or changed and no such record newly names one of its
 * targets (a candidate edits its targets and the records that name them: Mitigation.apply).
 * carried() has checked the first for what it touches. Then the cut sets before and after the
 * candidate both take the twin as above, and when the original is in none of the sets whose
 * money the candidate changes, the sets holding it are the same before and after the candidate,
 * and change alike: the candidate's benefit is the same. Below the cap (carried() checks it).
 */
function apartFromTwin(footprint: ReadonlySet<number>, twin: TwinPick, targets: readonly string[]): boolean {
  if (footprint.has(twin.event)) return false;
  for (const t of targets) if (twin.changedRecords.has(t) || twin.newlyNamed.has(t)) return false;
  return true;
}

/**
 * The component records of `after` that are new or changed from `before`, and the components
 * that a new or changed record (of a component or a function) names and its earlier version did not.
 */
function changedRecords(before: Inventory, after: Inventory): { changedRecords: Set<string>; newlyNamed: Set<string> } {
  const changed = new Set<string>();
  const newlyNamed = new Set<string>();
  const records = new Map<string, { readonly requires?: Requirement }>();
  for (const c of before.components ?? []) records.set(c.id, c);
  const functions = new Map<string, Requirement>();
  for (const f of before.functions ?? []) functions.set(f.id, f.requires);
  for (const c of after.components ?? []) {
    const was = records.get(c.id);
    if (was === c) continue;
    changed.add(c.id);
    addNewlyNamed(c.requires, was?.requires, newlyNamed);
  }
  for (const f of after.functions ?? []) addNewlyNamed(f.requires, functions.get(f.id), newlyNamed);
  return { changedRecords: changed, newlyNamed };
}

function addNewlyNamed(now: Requirement | undefined, was: Requirement | undefined, out: Set<string>): void {
  if (now === undefined || now === was) return;
  const old = was === undefined ? [] : namedComponents(was);
  for (const id of namedComponents(now)) if (!old.includes(id)) out.add(id);
}

/**
 * Whether a footprint (footprintOf) holds an event whose figures the pick changed. A switch-over
 * the pick's model does not have (the candidate made it: a copy of a group with fresh ids) has a
 * rate whose sources are not known here: it counts as changed once any figure changed. A
 * component the candidate made (a twin) takes its figures from its target's record, which the
 * pick left alone (carried() checks that first).
 */
function meetsChange(footprint: ReadonlySet<number>, changed: ReadonlySet<number>, model: ResolvedModel): boolean {
  if (changed.size === 0) return false;
  const primaries = eventsUnderPrimaries(model);
  for (const ev of footprint) {
    if (changed.has(ev)) return true;
    const known = (ev < model.eventComponents.length && model.eventComponents[ev]! >= 0) || primaries.has(ev);
    if (!known && model.numbering.nameOf(ev).startsWith(PSEUDO_EVENT_PREFIX)) return true;
  }
  return false;
}

/**
 * Ratios this close to the best are a tie, decided by catalogue order, then target ids. Twins
 * (the same figures doing the same job) have equal benefits (evaluate() sums what changed in
 * sorted order); this absorbs what rounding is left elsewhere (a cut set's figures, the bound),
 * so that the order of the inventory's lists cannot pick between them.
 */
const RATIO_TIE = 1e-12;

function keyOf(mitigation: string, targets: readonly string[]): string {
  return `${mitigation}|${targets.join(",")}`;
}

interface BoundRatio {
  readonly c: Candidate;
  readonly i: number;
  readonly r: number;
}

function byBoundRatio(a: BoundRatio, b: BoundRatio): number {
  return b.r - a.r || a.i - b.i;
}

/** The inventory the plan works on: `asOf` filled in, so restore tests are dated. */
export function planBase(inventory: Inventory, options: ScoreOptions): Inventory {
  return inventory.asOf !== undefined || options.asOf === undefined ? inventory : { ...inventory, asOf: options.asOf };
}

/**
 * Build the plan for a valid inventory.
 *
 * @example
 * buildPlan(harborDental, {}).plan[0].mitigation //=> e.g. "cross-training"
 */
export function buildPlan(inventory: Inventory, options: PlanOptions = {}): PlanResult {
  return runPlan(inventory, options);
}

/**
 * What the property tests watch inside a plan: each round's candidates with the bounds the plan
 * used (kept from earlier rounds where BoundMemo allows), beside the bounds worked out afresh.
 */
export function planBoundsAgainstFresh(
  inventory: Inventory,
  options: PlanOptions = {},
): Array<{ readonly round: number; readonly candidate: string; readonly kept: number; readonly fresh: number }> {
  const out: Array<{ round: number; candidate: string; kept: number; fresh: number }> = [];
  runPlan(inventory, options, (round, candidates, fresh) => {
    const bounds = new Map(fresh().map((c) => [c.key, c.bound]));
    for (const c of candidates) out.push({ round, candidate: c.key, kept: c.bound, fresh: bounds.get(c.key) ?? NaN });
  });
  return out;
}

function runPlan(
  inventory: Inventory,
  options: PlanOptions,
  probe?: (round: number, candidates: readonly Candidate[], fresh: () => Candidate[]) => void,
): PlanResult {
  let current = planBase(inventory, options);
  // Every scoring of the plan shares event numbers and cut-set families (assess.ts ScoringCache).
  const cache = new ScoringCache(options.maxOrder ?? DEFAULT_MAX_ORDER);
  let scores = scoreInventory(current, { maxOrder: options.maxOrder, figuresOnly: true, cache });
  let reach = FunctionReach.of(scores);
  const start = scores.expectedAnnualLoss;
  const applied = new Set<string>();
  const plan: PlanItem[] = [];
  let remaining = options.budget ?? Infinity;
  let evaluations = 0;
  const maxItems = options.maxItems ?? 50;
  let candidates: Candidate[];

  // Benefits measured in earlier rounds that the picks since cannot have changed (see carried()).
  let carriedOver = new Map<string, Measurement>();
  // Bounds of earlier rounds that still hold (see BoundMemo).
  const memos = new Map<string, BoundMemo>();
  const keys = new CandidateKeys();

  let itemLimitReached = false;
  for (;;) {
    candidates = candidatesFor(current, scores, reach, applied, options, memos, keys);
    // Called at once, in this round's state.
    if (probe) probe(plan.length, candidates, () => candidatesFor(current, scores, reach, applied, options, new Map()));
    if (plan.length >= maxItems) {
      itemLimitReached = true;
      break;
    }
    // Most promising first, so that the bound can stop the search early. Stable: ties keep
    // catalogue order, then target ids.
    const order: BoundRatio[] = [];
    for (let i = 0; i < candidates.length; i++) order.push({ c: candidates[i]!, i, r: ratioOf(candidates[i]!.bound, candidates[i]!.annualizedCost) });
    order.sort(byBoundRatio);
    // The best ratio measured, and every candidate worth it with its ratio: the pick is the first
    // (catalogue order, then target ids) within RATIO_TIE of the best. Measured against the best
    // itself, so that the choice does not depend on the order the candidates were measured in.
    let top = 1;
    const worthIt: Array<{ c: Candidate; ratio: number; index: number }> = [];
    // Measured now or carried: a candidate the bound skips this round keeps its measurement.
    const measured = new Map(carriedOver);
    for (const { c, i, r } of order) {
      // Its ratio is at most r: below the best by more than a tie, it cannot be picked.
      if (r <= 1 || (worthIt.length > 0 && r < top * (1 - RATIO_TIE))) break;
      if (c.firstYearCost > remaining) continue;
      let m = carriedOver.get(c.key);
      if (m === undefined) {
        c.evaluated = evaluate(c, current, scores, options, cache, reach);
        evaluations++;
        m = measurementOf(c, c.evaluated, scores, reach);
      }
      measured.set(c.key, m);
      const ratio = ratioOf(m.benefit, c.annualizedCost);
      if (ratio > 1) {
        worthIt.push({ c, ratio, index: i });
        if (ratio > top) top = ratio;
      }
    }
    let best: { c: Candidate; ratio: number; index: number } | undefined;
    for (const w of worthIt) if (w.ratio >= top * (1 - RATIO_TIE) && (!best || w.index < best.index)) best = w;
    if (!best) break;
    if (!best.c.evaluated) {
      best.c.evaluated = evaluate(best.c, current, scores, options, cache, reach);
      evaluations++;
    }
    const e = best.c.evaluated;
    plan.push(toItem(best.c, { benefit: e.benefit, lossAfter: e.after.expectedAnnualLoss }, scores.expectedAnnualLoss));
    applied.add(best.c.key);
    remaining -= best.c.firstYearCost;
    const reachAfter = FunctionReach.of(e.after);
    carriedOver = carried(best.c, current, scores, e, measured, candidates, reachAfter, memos);
    current = e.inventory;
    scores = e.after;
    reach = reachAfter;
  }

  // What is left, scored against the final state: not worth it, or worth it but over budget or
  // beyond the item limit.
  const notWorthIt: NotWorthItItem[] = [];
  const overBudget: PlanItem[] = [];
  const beyondItemLimit: PlanItem[] = [];
  for (const c of candidates) {
    if (c.bound <= 0) continue;
    // Measured in this state, or carried to it (the same benefit, data benefit and hours avoided).
    let e: Measurement | Evaluated | undefined = c.evaluated ?? carriedOver.get(c.key);
    if (!e) {
      e = evaluate(c, current, scores, options, cache, reach);
      evaluations++;
    }
    if (e.benefit <= 0) continue;
    const lossAfter = c.evaluated ? c.evaluated.after.expectedAnnualLoss : scores.expectedAnnualLoss - e.benefit;
    const item = toItem(c, { benefit: e.benefit, lossAfter }, scores.expectedAnnualLoss);
    if (item.benefitCostRatio > 1) {
      // Without the item limit, the plan stops only when nothing worth it fits the budget.
      if (itemLimitReached && c.firstYearCost <= remaining) beyondItemLimit.push(item);
      else overBudget.push(item);
      continue;
    }
    notWorthIt.push({
      ...item,
      breakEvenDowntimeCostPerHour:
        e.weightedHoursAvoided > 0 ? Math.max(0, c.annualizedCost - e.dataBenefit) / e.weightedHoursAvoided : null,
      breakEvenLossMultiplier: c.annualizedCost / e.benefit,
    });
  }
  // Closest to paying for itself first.
  notWorthIt.sort((a, b) => b.benefitCostRatio - a.benefitCostRatio);
  overBudget.sort((a, b) => b.benefitCostRatio - a.benefitCostRatio);
  beyondItemLimit.sort((a, b) => b.benefitCostRatio - a.benefitCostRatio);
  return {
    plan,
    notWorthIt,
    overBudget,
    beyondItemLimit,
    expectedAnnualLossBefore: start,
    expectedAnnualLossAfter: scores.expectedAnnualLoss,
    totalAnnualizedCost: plan.reduce((s, p) => s + p.annualizedCost, 0),
    totalFirstYearCost: plan.reduce((s, p) => s + p.firstYearCost, 0),
    evaluations,
  };
}

/**
 * What the property tests check carried() against: every candidate of `inventory` measured, then
 * each candidate in turn taken as the pick; for every benefit carried() keeps, the benefit the
 * same candidate has when re-scored after the pick. Scored with one ScoringCache, as a plan is.
 */
export function carriedBenefitsAgainstFresh(
  inventory: Inventory,
  options: PlanOptions = {},
): Array<{
  readonly pick: string;
  readonly candidate: string;
  readonly carried: number;
  readonly fresh: number;
  /** The same for the weighted hours avoided (the not-worth-it list's break-even reads them). */
  readonly carriedHours: number;
  readonly freshHours: number;
  readonly changedFunctions: number;
  /** Whether the pick changed the structure (requirements, kinds or records). */
  readonly structuralPick: boolean;
}> {
  const base = planBase(inventory, options);
  const cache = new ScoringCache(options.maxOrder ?? DEFAULT_MAX_ORDER);
  const scores = scoreInventory(base, { maxOrder: options.maxOrder, figuresOnly: true, cache });
  const reach = FunctionReach.of(scores);
  const memos = new Map<string, BoundMemo>();
  const candidates = candidatesFor(base, scores, reach, new Set(), options, memos);
  const measured = new Map<string, Measurement>();
  const evaluated = new Map<string, Evaluated>();
  for (const c of candidates) {
    const e = evaluate(c, base, scores, options, cache, reach);
    evaluated.set(c.key, e);
    measured.set(c.key, measurementOf(c, e, scores, reach));
  }
  const out: Array<{
    pick: string;
    candidate: string;
    carried: number;
    fresh: number;
    carriedHours: number;
    freshHours: number;
    changedFunctions: number;
    structuralPick: boolean;
  }> = [];
  for (const picked of candidates) {
    const e = evaluated.get(picked.key)!;
    const reachAfter = FunctionReach.of(e.after);
    const kept = carried(picked, base, scores, e, measured, candidates, reachAfter, memos);
    if (kept.size === 0) continue;
    const next = candidatesFor(e.inventory, e.after, reachAfter, new Set([picked.key]), options, new Map());
    for (const c of next) {
      const m = kept.get(c.key);
      if (m === undefined) continue;
      const fresh = evaluate(c, e.inventory, e.after, options, cache, reachAfter);
      const changedFunctions = reachAfter.affectedBy(c.roots).filter((k) => e.after.functions[k] !== scores.functions[k]).length;
      out.push({
        pick: picked.key,
        candidate: c.key,
        carried: m.benefit,
        fresh: fresh.benefit,
        carriedHours: m.weightedHoursAvoided,
        freshHours: fresh.weightedHoursAvoided,
        changedFunctions,
        structuralPick: e.after.model.componentNodes !== scores.model.componentNodes,
      });
    }
  }
  return out;
}

/**
 * Apply plan items in order to an inventory (what the plan assumes). Used to show "after" views
 * and to check that the plan's figures are reproducible.
 */
export function applyPlanItems(
  inventory: Inventory,
  items: ReadonlyArray<{ mitigation: string; targets: readonly string[] }>,
  options: ScoreOptions & Pick<PlanOptions, "effectOverrides"> = {},
): Inventory {
  let current = planBase(inventory, options);
  const catalogue = configureMitigations(options.effectOverrides);
  for (const item of items) {
    const m = catalogue.find((x) => x.id === item.mitigation);
    if (!m) throw new Error(`bug: unknown mitigation "${item.mitigation}"`);
    current = m.apply(current, item.targets);
  }
  return current;
}

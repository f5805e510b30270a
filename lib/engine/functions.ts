/**
 * Expected downtime and loss of business functions (model.md §4): weighted minimal cut sets,
 * single points of failure, RTO and bus-factor findings.
 */
import { CutSetEngine, sameSubStructure, type Family, type FamilyStore, type Singles, type StructureNode } from "./cut-sets.js";
import { HOURS_PER_YEAR } from "./defaults.js";
import { eventName, hoursWeight, type ResolvedModel } from "./model.js";
import { keepShape } from "./shapes.js";

export interface CutSetMember {
  readonly id: string;
  readonly failuresPerYear: number;
  readonly effectiveRepairHours: number;
  readonly unavailability: number;
}

export interface WeightedCutSet {
  /** Sorted member ids, pseudo-events (`failover:<id>`) included. */
  readonly components: readonly string[];
  /** w = e^(−T/d): the chance the joint outage outlasts the ride-through. */
  readonly weight: number;
  /** Contribution: 8760 · w · Π q. */
  readonly downtimeHoursPerYear: number;
  /** Contribution × hours weight × cost per hour. */
  readonly expectedAnnualLoss: number;
  /** T: hours the function survives once every member is down. */
  readonly rideThroughHours: number;
  /** d: mean duration of the joint outage. */
  readonly meanJointOutageHours: number;
  readonly members: readonly CutSetMember[];
}

export interface RtoBreach {
  readonly component: string;
  readonly meanRepairHours: number;
  readonly rtoHours: number;
  readonly chanceOutlastsRto: number;
}

export interface BusFactorFinding {
  readonly component: string;
  readonly people: number;
}

export interface FunctionResult {
  readonly id: string;
  readonly name: string;
  readonly hours: "always" | "business";
  readonly hoursWeight: number;
  readonly downtimeCostPerHour: number;
  readonly downtimeHoursPerYear: number;
  readonly expectedAnnualLoss: number;
  readonly singlePointsOfFailure: readonly string[];
  readonly cutSets: readonly WeightedCutSet[];
  readonly truncated: boolean;
  readonly rtoBreaches: readonly RtoBreach[];
  readonly busFactor: readonly BusFactorFinding[];
  /**
   * Compact form of the cut sets, kept even with `figuresOnly`: member event numbers (in the
   * scoring's numbering: ResolvedModel.numbering names them) and money per set.
   */
  readonly cutSetEvents: readonly (readonly number[])[];
  readonly cutSetLoss: readonly number[];
}

interface RawCutSet {
  readonly events: readonly number[];
  /** Sorted member names, worked out first where the sort needs them for a tie (namesOf). */
  names: readonly string[] | undefined;
  readonly weight: number;
  readonly contribution: number;
  readonly rideThrough: number;
  readonly meanJointOutage: number;
}

function compareNames(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length - b.length;
}

export interface EventTables {
  readonly failuresPerYear: number[];
  readonly repairHours: number[];
}

/** Rates by event number (numbers of the shared numbering this inventory does not use stay 0). */
export function eventTables(model: ResolvedModel): EventTables {
  const size = model.numbering.size;
  const failuresPerYear = new Array<number>(size).fill(0);
  const repairHours = new Array<number>(size).fill(0);
  // Read into locals once, out of the loop.
  const { componentEvents, failuresPerYear: rates, effectiveRepairHours } = model;
  for (let i = 0; i < componentEvents.length; i++) {
    const e = componentEvents[i]!;
    failuresPerYear[e] = rates[i]!;
    repairHours[e] = effectiveRepairHours[i]!;
  }
  for (const p of model.pseudoEvents) repairHours[p.event] = p.repairHours;
  return { failuresPerYear, repairHours };
}

/** q of an event (pseudo-event rates are known once their family has been computed). */
function unavailabilityOf(tables: EventTables, e: number): number {
  return Math.min(1, (tables.failuresPerYear[e]! * tables.repairHours[e]!) / HOURS_PER_YEAR);
}

/** d = 1 / Σ 1/r' of a cut set's members: the mean duration of their joint outage. */
function meanJointOutageOf(tables: EventTables, events: readonly number[]): number {
  let inverse = 0;
  for (const e of events) inverse += 1 / tables.repairHours[e]!;
  return 1 / inverse;
}

/** w = e^(−T/d): the chance the joint outage outlasts the ride-through T. */
function weightOf(t: number, meanJointOutage: number): number {
  return t === 0 ? 1 : Math.exp(-t / meanJointOutage);
}

/** A cut set's contribution 8760 · w · Π q (model.md §4). */
function contributionOf(tables: EventTables, events: readonly number[], weight: number): number {
  let product = 1;
  for (const e of events) product *= unavailabilityOf(tables, e);
  return HOURS_PER_YEAR * weight * product;
}

function weighCutSets(model: ResolvedModel, tables: EventTables, family: Family): RawCutSet[] {
  const out: RawCutSet[] = [];
  for (let i = 0; i < family.sets.length; i++) {
    const events = family.sets[i]!;
    const t = family.rideThrough[i]!;
    const meanJointOutage = meanJointOutageOf(tables, events);
    const weight = weightOf(t, meanJointOutage);
    out.push({ events, names: undefined, weight, contribution: contributionOf(tables, events, weight), rideThrough: t, meanJointOutage });
  }
  const namesOf = (c: RawCutSet): readonly string[] => (c.names ??= c.events.map((e) => eventName(model, e)).sort());
  // Largest contribution first, ties by the sorted member list (inventory-format.md).
  out.sort((a, b) => b.contribution - a.contribution || compareNames(namesOf(a), namesOf(b)));
  for (const c of out) namesOf(c);
  return out;
}

/**
 * The figures of weighCutSets without an object per set, for the plan's re-scorings: the
 * contribution of each set (family order) and the positions largest first. Ties keep the
 * family's order (a stable sort) instead of going by member names: equal contributions sit next
 * to each other, so the sum has the same bits whichever comes first. What does follow that order
 * (the order of the SPOF, RTO and bus-factor lists, cutSetEvents, and the bound's sum in plan.ts)
 * is read by the plan only as sets or as an upper bound.
 */
/** Families up to this many sets are ordered by an insertion sort in weighFigures. */
const SMALL_SORT = 64;

function weighFigures(tables: EventTables, family: Family): { readonly order: number[]; readonly contribution: number[]; readonly sum: number } {
  const n = family.sets.length;
  const contribution = new Array<number>(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const events = family.sets[i]!;
    contribution[i] = contributionOf(tables, events, weightOf(family.rideThrough[i]!, meanJointOutageOf(tables, events)));
    order[i] = i;
  }
  if (n <= SMALL_SORT) {
    // The same order as the stable sort below (contributions are finite numbers): an insertion
    // sort, without the work array and comparator calls of Array.prototype.sort.
    for (let j = 1; j < n; j++) {
      const i = order[j]!;
      const c = contribution[i]!;
      let k = j - 1;
      while (k >= 0 && contribution[order[k]!]! < c) {
        order[k + 1] = order[k]!;
        k--;
      }
      order[k + 1] = i;
    }
  } else {
    order.sort((a, b) => contribution[b]! - contribution[a]!);
  }
  let sum = 0;
  for (const i of order) sum += contribution[i]!;
  return { order, contribution, sum };
}

/**
 * The order-1 counterpart of weighCutSets: the same figures, computed the same way for a set of
 * one event, and the same order (largest contribution first, ties by member name), as positions
 * into `singles` instead of one object per set.
 */
function weighSingles(
  model: ResolvedModel,
  tables: EventTables,
  singles: Singles,
): { readonly order: number[]; readonly contribution: number[]; readonly downtimeHoursPerYear: number } {
  const n = singles.events.length;
  const contribution = new Array<number>(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const e = singles.events[i]!;
    const t = singles.t[i]!;
    // As weighCutSets with one member: d = 1 / (1 / r'), the product is q.
    const meanJointOutage = 1 / (1 / tables.repairHours[e]!);
    contribution[i] = HOURS_PER_YEAR * weightOf(t, meanJointOutage) * unavailabilityOf(tables, singles.events[i]!);
    order[i] = i;
  }
  const names = model.numbering;
  order.sort((a, b) => {
    const d = contribution[b]! - contribution[a]!;
    if (d !== 0) return d;
    const x = names.nameOf(singles.events[a]!);
    const y = names.nameOf(singles.events[b]!);
    return x === y ? 0 : x < y ? -1 : 1;
  });
  let sum = 0;
  for (const i of order) sum += contribution[i]!;
  return { order, contribution, downtimeHoursPerYear: Math.min(HOURS_PER_YEAR, sum) };
}

type CompactFields = Omit<FunctionResult, "cutSetEvents" | "cutSetLoss">;

/**
 * A result whose cutSetEvents (one array per set) and cutSetLoss are written out on first read:
 * the order-1 callers (SPOF lists) read neither. It keeps only the function's events and
 * weighing alive, not the scoring's engine and tables (a result outlives them, and whatever it
 * keeps is copied by every young-generation collection while it lives). A class rather than an
 * object literal with getters: V8 makes such a literal a slow dictionary object, about seventy
 * times slower to create and slower to read. toJSON writes the fields in the order of the other
 * results, the two lazy ones last (key order is part of the output). A spread, structuredClone
 * or Object.keys sees only the other fields: copy through JSON.
 */
class CompactFunctionResult implements FunctionResult {
  readonly id: string;
  readonly name: string;
  readonly hours: "always" | "business";
  readonly hoursWeight: number;
  readonly downtimeCostPerHour: number;
  readonly downtimeHoursPerYear: number;
  readonly expectedAnnualLoss: number;
  readonly singlePointsOfFailure: readonly string[];
  readonly cutSets: readonly WeightedCutSet[];
  readonly truncated: boolean;
  readonly rtoBreaches: readonly RtoBreach[];
  readonly busFactor: readonly BusFactorFinding[];
  /** The order-1 family's events: set i is [events[i]]. */
  readonly #events: readonly number[];
  readonly #weighed: { readonly order: readonly number[]; readonly contribution: readonly number[] };
  readonly #costFactor: number;
  #cutSetEvents: (readonly number[])[] | undefined;
  #cutSetLoss: number[] | undefined;

  constructor(
    fields: CompactFields,
    events: readonly number[],
    weighed: { readonly order: readonly number[]; readonly contribution: readonly number[] },
    costFactor: number,
  ) {
    keepShape(this);
    this.id = fields.id;
    this.name = fields.name;
    this.hours = fields.hours;
    this.hoursWeight = fields.hoursWeight;
    this.downtimeCostPerHour = fields.downtimeCostPerHour;
    this.downtimeHoursPerYear = fields.downtimeHoursPerYear;
    this.expectedAnnualLoss = fields.expectedAnnualLoss;
    this.singlePointsOfFailure = fields.singlePointsOfFailure;
    this.cutSets = fields.cutSets;
    this.truncated = fields.truncated;
    this.rtoBreaches = fields.rtoBreaches;
    this.busFactor = fields.busFactor;
    this.#events = events;
    this.#weighed = weighed;
    this.#costFactor = costFactor;
  }

  get cutSetEvents(): readonly (readonly number[])[] {
    const events = this.#events;
    return (this.#cutSetEvents ??= this.#weighed.order.map((i) => [events[i]!]));
  }

  get cutSetLoss(): readonly number[] {
    const { order, contribution } = this.#weighed;
    return (this.#cutSetLoss ??= order.map((i) => contribution[i]! * this.#costFactor));
  }

  toJSON(): FunctionResult {
    return { ...this, cutSetEvents: this.cutSetEvents, cutSetLoss: this.cutSetLoss };
  }
}

/** The fields every kind of function result has, in their output order (cut sets aside). */
function resultFields(
  model: ResolvedModel,
  f: NonNullable<ResolvedModel["inventory"]["functions"]>[number],
  figures: { readonly hours: "always" | "business"; readonly weight: number; readonly costFactor: number; readonly downtimeHoursPerYear: number },
  spofs: readonly number[],
  cutSets: readonly WeightedCutSet[],
  truncated: boolean,
): CompactFields;
function resultFields(
  model: ResolvedModel,
  f: NonNullable<ResolvedModel["inventory"]["functions"]>[number],
  figures: { readonly hours: "always" | "business"; readonly weight: number; readonly costFactor: number; readonly downtimeHoursPerYear: number },
  spofs: readonly number[],
  cutSets: readonly WeightedCutSet[],
  truncated: boolean,
  cutSetEvents: readonly (readonly number[])[],
  cutSetLoss: readonly number[],
): FunctionResult;
/** With `cutSetEvents` and `cutSetLoss`, the whole result (one object, not a spread of two). */
function resultFields(
  model: ResolvedModel,
  f: NonNullable<ResolvedModel["inventory"]["functions"]>[number],
  figures: { readonly hours: "always" | "business"; readonly weight: number; readonly costFactor: number; readonly downtimeHoursPerYear: number },
  spofs: readonly number[],
  cutSets: readonly WeightedCutSet[],
  truncated: boolean,
  cutSetEvents?: readonly (readonly number[])[],
  cutSetLoss?: readonly number[],
): CompactFields | FunctionResult {
  if (cutSetEvents !== undefined && cutSetLoss !== undefined) {
    return {
      id: f.id,
      name: f.name ?? f.id,
      hours: figures.hours,
      hoursWeight: figures.weight,
      downtimeCostPerHour: f.downtimeCostPerHour,
      downtimeHoursPerYear: figures.downtimeHoursPerYear,
      expectedAnnualLoss: figures.downtimeHoursPerYear * figures.costFactor,
      singlePointsOfFailure: spofs.map((e) => componentId(model, e)),
      cutSets,
      truncated,
      rtoBreaches: rtoBreachesOf(model, f.rtoHours, spofs),
      busFactor: busFactorOf(model, spofs),
      cutSetEvents,
      cutSetLoss,
    };
  }
  return {
    id: f.id,
    name: f.name ?? f.id,
    hours: figures.hours,
    hoursWeight: figures.weight,
    downtimeCostPerHour: f.downtimeCostPerHour,
    downtimeHoursPerYear: figures.downtimeHoursPerYear,
    expectedAnnualLoss: figures.downtimeHoursPerYear * figures.costFactor,
    singlePointsOfFailure: spofs.map((e) => componentId(model, e)),
    cutSets,
    truncated,
    rtoBreaches: rtoBreachesOf(model, f.rtoHours, spofs),
    busFactor: busFactorOf(model, spofs),
  };
}

/** Id of component `i` (read from the inventory: the resolved component objects are lazy). */
function componentId(model: ResolvedModel, i: number): string {
  return model.inventory.components![i]!.id;
}

/** SPOFs (component indexes) whose mean repair outlasts the function's RTO. */
function rtoBreachesOf(model: ResolvedModel, rtoHours: number | undefined, spofs: readonly number[]): RtoBreach[] {
  const out: RtoBreach[] = [];
  if (rtoHours === undefined) return out;
  const repairHours = model.effectiveRepairHours;
  for (const e of spofs) {
    const r = repairHours[e]!;
    if (r > rtoHours) {
      out.push({ component: componentId(model, e), meanRepairHours: r, rtoHours, chanceOutlastsRto: Math.exp(-rtoHours / r) });
    }
  }
  return out;
}

/** SPOFs (component indexes) that at most one person can fix. */
function busFactorOf(model: ResolvedModel, spofs: readonly number[]): BusFactorFinding[] {
  const out: BusFactorFinding[] = [];
  for (const e of spofs) {
    const knownBy = model.inventory.components![e]!.knownBy;
    if (knownBy !== undefined && knownBy.length <= 1) out.push({ component: componentId(model, e), people: knownBy.length });
  }
  return out;
}

export interface FunctionScoringOptions {
  readonly maxOrder: number;
  /** Skip the explanation objects: only the figures (used while planning). */
  readonly figuresOnly?: boolean;
  /**
   * Results of a previous scoring of the same functions, and the indexes of the only functions
   * that can have changed since (plan.ts: those that reach a mitigation's targets). The others
   * keep their previous result (plan.ts relies on this to stay fast).
   */
  readonly reuse?: {
    readonly functions: readonly FunctionResult[];
    readonly affected: ReadonlySet<number>;
  };
  /** Families of earlier scorings with the same event numbering (plan.ts). */
  readonly families?: FamilyStore;
  /**
   * The model is `previous` with a redundant twin of component `of` (indexes into this model):
   * `twin` requires what `of` requires, and every reference to `of` became any[of, twin]
   * (mitigations.ts addTwin without a switch-over). The families of the functions are then
   * derived from their previous ones (CutSetEngine.deriveTwin) once the two nodes are checked.
   */
  readonly twin?: { readonly previous: ResolvedModel; readonly of: number; readonly twin: number };
}


/** Where each event appears among a function's cut sets (see cutSetIndex). */
export interface CutSetIndex {
  /** Positions (into cutSetEvents / cutSetLoss) of the sets with each member event, ascending. */
  readonly byEvent: ReadonlyMap<number, readonly number[]>;
  /** Positions of the sets with a switch-over pseudo-event (no component of the model), ascending. */
  readonly withPseudoEvent: readonly number[];
}

const cutSetIndexes = new WeakMap<FunctionResult, CutSetIndex>();

/**
 * The cut sets of a function result by member event, worked out once per result. The plan reads
 * it every round for every candidate (plan.ts benefitBound), and a result that a pick does not
 * change is the same object in the next round, so most rounds build none.
 */
export function cutSetIndex(model: ResolvedModel, f: FunctionResult): CutSetIndex {
  let index = cutSetIndexes.get(f);
  if (index) return index;
  const byEvent = new Map<number, number[]>();
  const withPseudoEvent: number[] = [];
  const { eventComponents } = model;
  f.cutSetEvents.forEach((events, i) => {
    let pseudo = false;
    for (const e of events) {
      let list = byEvent.get(e);
      if (!list) byEvent.set(e, (list = []));
      list.push(i);
      if (!(eventComponents[e]! >= 0)) pseudo = true;
    }
    if (pseudo) withPseudoEvent.push(i);
  });
  index = { byEvent, withPseudoEvent };
  cutSetIndexes.set(f, index);
  return index;
}

export interface PseudoEventResult {
  readonly id: string;
  readonly failuresPerYear: number;
  readonly effectiveRepairHours: number;
  readonly unavailability: number;
}

/**
 * The nodes of a component and its twin (component indexes) when the twin is redundant in the
 * sense of cut-sets.ts deriveTwin: the same requirements below both (a switch-over among them
 * would give the twin its own pseudo-event) and the same ride-through. Else undefined.
 */
export function redundantTwinNodes(
  model: ResolvedModel,
  of: number,
  twin: number,
): { readonly original: StructureNode & { type: "component" }; readonly twin: StructureNode & { type: "component" } } | undefined {
  const a = model.componentNodes[of];
  const b = model.componentNodes[twin];
  if (a?.type !== "component" || b?.type !== "component") return undefined;
  if (a.rideThroughHours !== b.rideThroughHours || !sameSubStructure(a.requires, b.requires)) return undefined;
  return { original: a, twin: b };
}

/** Store the functions' families derived from their previous ones (FunctionScoringOptions.twin), when the twin checks out. */
function deriveTwinFamilies(
  model: ResolvedModel,
  engine: CutSetEngine,
  twin: NonNullable<FunctionScoringOptions["twin"]>,
  reused: readonly boolean[],
): void {
  const nodes = redundantTwinNodes(model, twin.of, twin.twin);
  if (!nodes) return;
  const a = nodes.original;
  const b = nodes.twin;
  const previous = twin.previous;
  const functions = model.inventory.functions ?? [];
  const before = previous.inventory.functions ?? [];
  if (before.length !== functions.length) return;
  model.functionNodes.forEach((node, k) => {
    if (!reused[k] && before[k]!.id === functions[k]!.id) engine.deriveTwin(node, previous.functionNodes[k]!, a.event, b.event);
  });
}

export function scoreFunctions(
  model: ResolvedModel,
  options: FunctionScoringOptions,
): { functions: FunctionResult[]; tables: EventTables } {
  const tables = eventTables(model);
  const engine = new CutSetEngine(
    { maxOrder: options.maxOrder, eventCount: tables.failuresPerYear.length },
    tables,
    options.families,
  );
  const functions = model.inventory.functions ?? [];
  const eventComponents = model.eventComponents;
  // Families first: a pseudo-event's rate is set when its group is reached, and any function may
  // reach it, so weigh nothing before every family is known.
  const reuse = options.reuse;
  const reused = functions.map(
    (f, k) => reuse !== undefined && reuse.functions[k]?.id === f.id && !reuse.affected.has(k),
  );
  // At order 1 with figures only, the engine's compact order-1 families are weighed as they are
  // (weighSingles): no array per cut set, no explanation objects.
  const compact = options.figuresOnly === true && engine.takesSinglesPath;
  if (options.twin && !compact) deriveTwinFamilies(model, engine, options.twin, reused);
  const families = model.functionNodes.map((node, k) =>
    reused[k] ? undefined : compact ? engine.singlesOf(node)! : engine.familyOf(node),
  );
  const results = functions.map((f, k): FunctionResult => {
    if (reused[k]) return reuse!.functions[k]!;
    const hours = f.hours ?? "business";
    const weight = hoursWeight(model, hours);
    const costFactor = weight * f.downtimeCostPerHour;
    const family = families[k]!;
    if (!("sets" in family)) {
      const w = weighSingles(model, tables, family);
      const spofs: number[] = [];
      for (const i of w.order) {
        const c = eventComponents[family.events[i]!]!;
        if (c >= 0) spofs.push(c);
      }
      const figures = { hours, weight, costFactor, downtimeHoursPerYear: w.downtimeHoursPerYear };
      return new CompactFunctionResult(
        resultFields(model, f, figures, spofs, [], family.truncated),
        family.events,
        w,
        costFactor,
      );
    }
    if (options.figuresOnly) {
      // The plan's re-scorings: figures only, no object per cut set (weighFigures). A plain
      // object like below (getters would make every later read a slow one).
      const w = weighFigures(tables, family);
      const downtimeHoursPerYear = Math.min(HOURS_PER_YEAR, w.sum);
      const spofs: number[] = [];
      const cutSetEvents = new Array<readonly number[]>(w.order.length);
      const cutSetLoss = new Array<number>(w.order.length);
      for (let j = 0; j < w.order.length; j++) {
        const i = w.order[j]!;
        const set = family.sets[i]!;
        cutSetEvents[j] = set;
        cutSetLoss[j] = w.contribution[i]! * costFactor;
        if (set.length === 1 && eventComponents[set[0]!]! >= 0) spofs.push(eventComponents[set[0]!]!);
      }
      return resultFields(model, f, { hours, weight, costFactor, downtimeHoursPerYear }, spofs, [], family.truncated, cutSetEvents, cutSetLoss);
    }
    const cutSets = weighCutSets(model, tables, family);
    let sum = 0;
    for (const c of cutSets) sum += c.contribution;
    const downtimeHoursPerYear = Math.min(HOURS_PER_YEAR, sum);
    // Component indexes of the order-1 sets that are components (not switch-over pseudo-events).
    const spofs = cutSets
      .filter((c) => c.events.length === 1 && model.eventComponents[c.events[0]!]! >= 0)
      .map((c) => model.eventComponents[c.events[0]!]!);
    const explained = cutSets.map((c) => ({
      components: c.names!,
      weight: c.weight,
      downtimeHoursPerYear: c.contribution,
      expectedAnnualLoss: c.contribution * costFactor,
      rideThroughHours: c.rideThrough,
      meanJointOutageHours: c.meanJointOutage,
      members: c.events
        .map((e) => ({
          id: eventName(model, e),
          failuresPerYear: tables.failuresPerYear[e]!,
          effectiveRepairHours: tables.repairHours[e]!,
          unavailability: unavailabilityOf(tables, e),
        }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    }));
    return resultFields(
      model,
      f,
      { hours, weight, costFactor, downtimeHoursPerYear },
      spofs,
      explained,
      family.truncated,
      cutSets.map((c) => c.events),
      cutSets.map((c) => c.contribution * costFactor),
    );
  });
  // The switch-overs' rates are final in `tables` by now (pseudoEventResults).
  return { functions: results, tables };
}

/** The switch-over pseudo-events with their rates, from a scoring's tables (scoreFunctions). */
export function pseudoEventResults(model: ResolvedModel, tables: EventTables): PseudoEventResult[] {
  return model.pseudoEvents.map((p) => ({
    id: p.id,
    failuresPerYear: tables.failuresPerYear[p.event]!,
    effectiveRepairHours: tables.repairHours[p.event]!,
    unavailability: unavailabilityOf(tables, p.event),
  }));
}

/**
 * An inventory resolved for scoring: defaults applied, effective repair times (model.md §2), and
 * the structure graph of every component and function (model.md §1, §3).
 */
import {
  COMPONENT_DEFAULTS,
  HOURS_PER_WEEK,
  HOURS_PER_YEAR,
  LOSS_SCENARIO_DEFAULTS,
  ORGANIZATION_DEFAULTS,
  PERSON_AVAILABILITY_DEFAULT,
  RUNBOOK_WAIT_FACTOR,
  type Source,
} from "./defaults.js";
import type { StructureNode } from "./cut-sets.js";
import type { Component, Inventory, LossScenario, Requirement } from "./schema.js";
import { keepShape } from "./shapes.js";

/** A default the engine applied, for the appendix of assumptions. */
export interface Assumption {
  /** Where the value was missing, e.g. `components[3].failuresPerYear`. */
  readonly path: string;
  readonly value: number;
  readonly source: Source;
}

export interface ResolvedComponent {
  readonly id: string;
  readonly name: string;
  readonly kind: Component["kind"];
  readonly failuresPerYear: number;
  readonly repairHours: number;
  readonly peopleWaitHours: number;
  readonly detectionWaitHours: number;
  /** r' = r + peopleWait + detectionWait. */
  readonly effectiveRepairHours: number;
  /** q = min(1, λ r' / 8760). */
  readonly unavailability: number;
  readonly runtimeMinutes: number;
  /** People able to fix it; undefined when not assessed. */
  readonly knownBy: readonly string[] | undefined;
}

export interface ResolvedOrganization {
  readonly name: string;
  readonly currency: string;
  readonly operatingHoursPerWeek: number;
  readonly absenceWaitHours: number;
  readonly vendorResponseHours: number;
  readonly unmonitoredDetectionHours: number;
  readonly untestedRestoreFailure: number;
  readonly staffCostPerHour: number;
  readonly lossScenarios: Readonly<Record<LossScenario, number>>;
}

/** Names of switch-over pseudo-events: `failover:<group id>` (model.md §3). */
export const PSEUDO_EVENT_PREFIX = "failover:";

export interface PseudoEvent {
  /** `failover:<group id>`. */
  readonly id: string;
  readonly groupId: string;
  readonly repairHours: number;
  /** Its event number. */
  readonly event: number;
  /** The node of its group's primary (first member), whose single events set its rate. */
  readonly primary: StructureNode;
}

/**
 * Event numbers by name (component ids and `failover:<group id>`), handed out in the order names
 * are first seen. One scoring uses a fresh one: components in inventory order, then switch-over
 * pseudo-events. The plan shares one across all its re-scorings, so that a component keeps its
 * number when a mitigation inserts another before it, and cut-set families computed for one
 * inventory stay valid for the next (cut-sets.ts FamilyStore).
 */
export class EventNumbering {
  private readonly numbers = new Map<string, number>();
  private readonly names: string[] = [];

  constructor() {
    keepShape(this);
  }

  of(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) {
      n = this.names.length;
      this.numbers.set(name, n);
      this.names.push(name);
    }
    return n;
  }

  /** The number of a name, if it has one (hands out none). */
  lookup(name: string): number | undefined {
    return this.numbers.get(name);
  }

  /** Numbers handed out so far. */
  get size(): number {
    return this.names.length;
  }

  nameOf(event: number): string {
    return this.names[event]!;
  }
}

export interface ResolvedModel {
  readonly inventory: Inventory;
  readonly organization: ResolvedOrganization;
  /** Written out on first read when the model has no ModelCache: scoring reads the arrays below. */
  readonly components: readonly ResolvedComponent[];
  /** λ per component, in inventory order (the same figure as `components[i]`). */
  readonly failuresPerYear: Float64Array;
  /** r' per component, in inventory order (the same figure as `components[i]`). */
  readonly effectiveRepairHours: Float64Array;
  /** Index of a component by id; undefined for an id that is not a component of this inventory. */
  indexOfComponent(id: string): number | undefined;
  readonly pseudoEvents: readonly PseudoEvent[];
  /** Event number of each component, in inventory order. */
  readonly componentEvents: readonly number[];
  /**
   * Component index of each event number, −1 for a pseudo-event or a number this inventory does
   * not use (a shared numbering also holds components of other inventories of the plan).
   */
  readonly eventComponents: Int32Array;
  readonly numbering: EventNumbering;
  /** Structure node per component (shared by everything that requires it). */
  readonly componentNodes: readonly StructureNode[];
  /** Structure node per function, in inventory order. */
  readonly functionNodes: readonly StructureNode[];
  readonly assumptions: readonly Assumption[];
  /**
   * What each component's node was built from (with a ModelCache only): the nodes it points to
   * and its own switch-overs. The next model of the same plan reuses a node when its record and
   * these are unchanged (resolveModel's `previous`).
   */
  readonly componentBuilds: ReadonlyArray<ComponentBuild | undefined>;
}

/** What a component's node was built from: the nodes it points to and its own switch-overs. */
export interface ComponentBuild {
  readonly refs: ReadonlyArray<readonly [number, StructureNode]>;
  readonly pseudo: readonly PseudoEvent[];
}

/** Name of event `e`: a component id, or `failover:<group id>` for a pseudo-event. */
export function eventName(model: ResolvedModel, e: number): string {
  return model.numbering.nameOf(e);
}

export function hoursWeight(model: ResolvedModel, hours: "always" | "business" | undefined): number {
  return hours === "always" ? 1 : model.organization.operatingHoursPerWeek / HOURS_PER_WEEK;
}

/**
 * What one plan's many scorings can share of resolving: a component record that is the same
 * object, under the same organisation and people records, resolves to the same figures, and to
 * the same structure node when what it points to is unchanged too (mitigations copy only the
 * records they change: mitigations.ts copyOf). Valid with one EventNumbering only.
 */
export class ModelCache {
  constructor(readonly numbering: EventNumbering) {
    keepShape(this);
  }

  readonly resolved = new WeakMap<
    Component,
    { readonly organization: Inventory["organization"]; readonly people: Inventory["people"]; readonly value: ResolvedComponent }
  >();
  readonly nodes = new WeakMap<Component, ComponentBuild & { readonly node: StructureNode }>();
  /** The same for functions: a function's node, by requirement tree (records are copied, trees shared). */
  readonly functionNodes = new WeakMap<object, ComponentBuild & { readonly node: StructureNode }>();
}

/** Hours a repair waits for someone who can do it (model.md §2). */
function peopleWaitOf(c: Component, organization: ResolvedOrganization, availability: ReadonlyMap<string, number>): number {
  if (c.knownBy === undefined) return 0;
  if (c.knownBy.length === 0) return c.supportResponseHours ?? organization.vendorResponseHours;
  let allAway = 1;
  for (const p of c.knownBy) allAway *= 1 - availability.get(p)!;
  // A runbook lets a colleague step in half of the time (docs/scoring.md, "Runbook").
  return allAway * organization.absenceWaitHours * (c.hasRunbook ? RUNBOOK_WAIT_FACTOR : 1);
}

/** Hours before anyone notices the failure of an unmonitored component (model.md §2). */
function detectionWaitOf(c: Component, organization: ResolvedOrganization): number {
  return c.monitored === false ? organization.unmonitoredDetectionHours : 0;
}

function resolvedComponentOf(
  c: Component,
  failuresPerYear: number,
  repairHours: number,
  peopleWaitHours: number,
  detectionWaitHours: number,
): ResolvedComponent {
  // r' summed in this order everywhere (model.md §2), so every path gives the same bits.
  const effectiveRepairHours = repairHours + peopleWaitHours + detectionWaitHours;
  return {
    id: c.id,
    name: c.name ?? c.id,
    kind: c.kind,
    failuresPerYear,
    repairHours,
    peopleWaitHours,
    detectionWaitHours,
    effectiveRepairHours,
    unavailability: Math.min(1, (failuresPerYear * effectiveRepairHours) / HOURS_PER_YEAR),
    runtimeMinutes: c.runtimeMinutes ?? 0,
    knownBy: c.knownBy,
  };
}

/** What `cache` resolved for this record under the same organisation and people, if anything. */
function cachedResolution(cache: ModelCache, c: Component, inventory: Inventory): ResolvedComponent | undefined {
  const known = cache.resolved.get(c);
  return known && known.organization === inventory.organization && known.people === inventory.people ? known.value : undefined;
}

/** Availability of each person by id, defaults applied. */
function availabilityOf(inventory: Inventory): Map<string, number> {
  const availability = new Map<string, number>();
  for (const p of inventory.people ?? []) availability.set(p.id, p.availability ?? PERSON_AVAILABILITY_DEFAULT.value);
  return availability;
}

/**
 * For each component record of `inventory`, its position in `previous` when it is the same
 * object there (−1 when not), provided `previous` was resolved with the same numbering,
 * organisation and people (then such a record has the same event and figures). Mitigations only
 * replace records and insert new ones (mitigations.ts), so both lists are walked in step;
 * undefined when the lists are not related that way.
 */
function alignedRecords(inventory: Inventory, numbering: EventNumbering, previous: ResolvedModel): number[] | undefined {
  const before = previous.inventory;
  if (previous.numbering !== numbering || before.organization !== inventory.organization || before.people !== inventory.people) {
    return undefined;
  }
  const a = before.components ?? [];
  const b = inventory.components ?? [];
  // A plain array: a typed array's memory is allocated outside the heap, which costs more than
  // its few hundred entries (a plan resolves a model per re-scoring).
  const out = new Array<number>(b.length).fill(-1);
  let j = 0;
  for (let i = 0; i < b.length; i++) {
    if (j >= a.length) continue;
    if (b[i] === a[j]) out[i] = j++;
    else if (b[i]!.id === a[j]!.id) j++;
  }
  // Every earlier record must be accounted for (none removed).
  return j === a.length ? out : undefined;
}

/** A component index by event number covering every number handed out so far (−1: no component). */
function sizedToNumbering(eventComponents: Int32Array, numbering: EventNumbering): Int32Array {
  if (eventComponents.length === numbering.size) return eventComponents;
  const out = new Int32Array(numbering.size).fill(-1);
  out.set(eventComponents);
  return out;
}

/**
 * `n` arrays of `length` figures, views of one buffer: a typed array's memory is allocated
 * outside the heap, each allocation costing about as much as filling a few hundred entries, and a
 * plan resolves a model per re-scoring.
 */
function figureArrays(length: number, n: 2): [Float64Array, Float64Array];
function figureArrays(length: number, n: 5): [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
function figureArrays(length: number, n: number): Float64Array[] {
  const buffer = new Float64Array(length * n);
  const out: Float64Array[] = [];
  for (let k = 0; k < n; k++) out.push(buffer.subarray(k * length, (k + 1) * length));
  return out;
}

/**
 * The plan's commonest re-scoring: a change to the figures of some components (a support
 * contract, monitoring, a runbook, cross-training among the people already listed) or to data
 * sets only. Everything structural is `previous`'s: its nodes, switch-overs and function nodes
 * (the same arrays, which tells the plan that requirements and kinds are unchanged); only the
 * changed records' figures are resolved. Undefined when the change is structural (a record's
 * `requires`, ride-through or kind, an inserted record, the function list).
 */
function resolveFiguresOnly(inventory: Inventory, cache: ModelCache, previous: ResolvedModel, prevAt: readonly number[]): ResolvedModel | undefined {
  const before = previous.inventory;
  // No record inserted: positions (and ids) are the previous model's (alignedRecords).
  if (prevAt.length !== (before.components ?? []).length) return undefined;
  const beforeFunctions = before.functions ?? [];
  const functions = inventory.functions ?? [];
  if (beforeFunctions.length !== functions.length) return undefined;
  for (let k = 0; k < functions.length; k++) if (functions[k] !== beforeFunctions[k]) return undefined;
  const raw = inventory.components ?? [];
  const prevRaw = before.components ?? [];
  const changed: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    const was = prevRaw[i]!;
    if (c === was) continue;
    // Kind too: what a mitigation touches depends on kinds and requirements only (plan.ts BoundMemo).
    if (c.requires !== was.requires || c.runtimeMinutes !== was.runtimeMinutes || c.kind !== was.kind) return undefined;
    changed.push(i);
  }
  const { organization, numbering } = previous;
  // Both in one allocation (see figureArrays).
  const [failuresPerYear, effectiveRepairHours] = figureArrays(raw.length, 2);
  failuresPerYear.set(previous.failuresPerYear);
  effectiveRepairHours.set(previous.effectiveRepairHours);
  const components = previous.components.slice();
  if (changed.length > 0) {
    const availability = availabilityOf(inventory);
    for (const i of changed) {
      const c = raw[i]!;
      let value = cachedResolution(cache, c, inventory);
      if (!value) {
        const d = COMPONENT_DEFAULTS[c.kind];
        value = resolvedComponentOf(
          c,
          c.failuresPerYear ?? d.failuresPerYear,
          c.repairHours ?? d.repairHours,
          peopleWaitOf(c, organization, availability),
          detectionWaitOf(c, organization),
        );
        cache.resolved.set(c, { organization: inventory.organization, people: inventory.people, value });
      }
      components[i] = value;
      failuresPerYear[i] = value.failuresPerYear;
      effectiveRepairHours[i] = value.effectiveRepairHours;
    }
  }
  // Numbers handed out since (by other inventories of the plan) are no component of this one.
  const eventComponents = sizedToNumbering(previous.eventComponents, numbering);
  let assumptions: readonly Assumption[] | undefined;
  return new Model(
    {
      inventory,
      organization,
      failuresPerYear,
      effectiveRepairHours,
      pseudoEvents: previous.pseudoEvents,
      componentEvents: previous.componentEvents,
      eventComponents,
      numbering,
      componentNodes: previous.componentNodes,
      componentBuilds: previous.componentBuilds,
      functionNodes: previous.functionNodes,
    },
    () => components,
    // Never read while planning; a fresh resolve lists them in the usual order.
    () => (assumptions ??= resolveModel(inventory).assumptions),
  );
}

type ModelFields = Omit<ResolvedModel, "components" | "assumptions" | "indexOfComponent">;

/**
 * A resolved model. A class, not an object literal with getters: V8 keeps a literal that has
 * accessors in dictionary mode, and every scoring reads this object's fields in its inner loops
 * (a hash look-up per read instead of a fixed offset).
 */
class Model implements ResolvedModel {
  readonly inventory: Inventory;
  readonly organization: ResolvedOrganization;
  readonly failuresPerYear: Float64Array;
  readonly effectiveRepairHours: Float64Array;
  readonly pseudoEvents: readonly PseudoEvent[];
  readonly componentEvents: readonly number[];
  readonly eventComponents: Int32Array;
  readonly numbering: EventNumbering;
  readonly componentNodes: readonly StructureNode[];
  readonly componentBuilds: ReadonlyArray<ComponentBuild | undefined>;
  readonly functionNodes: readonly StructureNode[];

  constructor(
    fields: ModelFields,
    private readonly componentsOnce: () => readonly ResolvedComponent[],
    private readonly assumptionsOnce: () => readonly Assumption[],
  ) {
    keepShape(this);
    this.inventory = fields.inventory;
    this.organization = fields.organization;
    this.failuresPerYear = fields.failuresPerYear;
    this.effectiveRepairHours = fields.effectiveRepairHours;
    this.pseudoEvents = fields.pseudoEvents;
    this.componentEvents = fields.componentEvents;
    this.eventComponents = fields.eventComponents;
    this.numbering = fields.numbering;
    this.componentNodes = fields.componentNodes;
    this.componentBuilds = fields.componentBuilds;
    this.functionNodes = fields.functionNodes;
  }

  get components(): readonly ResolvedComponent[] {
    return this.componentsOnce();
  }

  get assumptions(): readonly Assumption[] {
    return this.assumptionsOnce();
  }

  indexOfComponent(id: string): number | undefined {
    const e = this.numbering.lookup(id);
    const i = e === undefined ? -1 : (this.eventComponents[e] ?? -1);
    return i >= 0 ? i : undefined;
  }
}

/** An organisation figure as given, else its default (written down as an assumption). */
function organizationFigure(org: Inventory["organization"], key: keyof typeof ORGANIZATION_DEFAULTS, assumptions: Assumption[]): number {
  const given = org[key];
  if (given !== undefined) return given;
  const d = ORGANIZATION_DEFAULTS[key];
  assumptions.push({ path: `organization.${key}`, value: d.value, source: d.source });
  return d.value;
}

/** A loss-scenario share as given, else its default (written down as an assumption). */
function lossScenarioFigure(org: Inventory["organization"], key: LossScenario, assumptions: Assumption[]): number {
  const given = org.lossScenarios?.[key];
  if (given !== undefined) return given;
  const d = LOSS_SCENARIO_DEFAULTS[key];
  assumptions.push({ path: `organization.lossScenarios.${key}`, value: d.value, source: d.source });
  return d.value;
}

interface Built extends ComponentBuild {
  readonly refs: Array<readonly [number, StructureNode]>;
  readonly pseudo: PseudoEvent[];
}

/**
 * Builds the structure nodes of one model. Components are compiled on first use, so a shared
 * component is one node (validation has already ruled out cycles). With a cache, the node of an
 * unchanged record is reused when every node it points to is the same node as when it was built:
 * then its whole sub-structure is. A class rather than closures in resolveModel: closures made
 * per call lose their optimised code at every full collection (V8 keeps a closure's code only
 * while one of its instances lives), and a plan resolves a model per re-scoring.
 */
class StructureBuilder {
  readonly pseudoEvents: PseudoEvent[] = [];
  readonly componentNodes: StructureNode[];
  readonly componentBuilds: Array<ComponentBuild | undefined>;

  constructor(
    private readonly numbering: EventNumbering,
    private readonly rawComponents: readonly Component[],
    private readonly componentEvents: readonly number[],
    /** Component index by event number. */
    private readonly eventComponents: Int32Array,
    private readonly cache: ModelCache | undefined,
    /** The previous model's nodes, and the position in it of each record that is the same object. */
    private readonly previous: { readonly at: readonly number[]; readonly builds: ReadonlyArray<ComponentBuild | undefined>; readonly nodes: readonly StructureNode[] } | undefined,
  ) {
    keepShape(this);
    this.componentNodes = new Array(rawComponents.length);
    this.componentBuilds = new Array(rawComponents.length);
  }

  compile(req: Requirement, built: Built | undefined): StructureNode {
    if (typeof req === "string") {
      const event = this.numbering.lookup(req)!;
      const node = this.nodeOf(this.eventComponents[event]!);
      built?.refs.push([event, node]);
      return node;
    }
    if ("all" in req) return { type: "gate", need: 1, members: this.compileAll(req.all, built) };
    if ("atLeast" in req) return { type: "gate", need: req.of.length - req.atLeast + 1, members: this.compileAll(req.of, built) };
    const group = { type: "gate", need: req.any.length, members: this.compileAll(req.any, built) } as const;
    const minutes = req.failoverMinutes ?? 0;
    if (minutes <= 0) return group;
    const id = `${PSEUDO_EVENT_PREFIX}${req.id!}`;
    const pseudo: PseudoEvent = { id, groupId: req.id!, repairHours: minutes / 60, event: this.numbering.of(id), primary: group.members[0]! };
    this.pseudoEvents.push(pseudo);
    built?.pseudo.push(pseudo);
    return { type: "failover", group, pseudoEvent: pseudo.event };
  }

  private compileAll(reqs: readonly Requirement[], built: Built | undefined): StructureNode[] {
    const out = new Array<StructureNode>(reqs.length);
    for (let i = 0; i < reqs.length; i++) out[i] = this.compile(reqs[i]!, built);
    return out;
  }

  /** Takes over a node built before (as above), its own switch-overs with it. */
  private takesOver(build: ComponentBuild): boolean {
    const refs = build.refs;
    const eventComponents = this.eventComponents;
    for (let r = 0; r < refs.length; r++) {
      const ref = refs[r]!;
      const event = ref[0];
      const j = event < eventComponents.length ? eventComponents[event]! : -1;
      if (j < 0 || this.nodeOf(j) !== ref[1]) return false;
    }
    for (const p of build.pseudo) this.pseudoEvents.push(p);
    return true;
  }

  nodeOf(i: number): StructureNode {
    const known = this.componentNodes[i];
    if (known) return known;
    const raw = this.rawComponents[i]!;
    const previous = this.previous;
    const j = previous ? previous.at[i]! : -1;
    if (j >= 0 && this.takesOver(previous!.builds[j]!)) {
      this.componentBuilds[i] = previous!.builds[j];
      return (this.componentNodes[i] = previous!.nodes[j]!);
    }
    const cache = this.cache;
    const cached = cache?.nodes.get(raw);
    if (cached && this.takesOver(cached)) {
      this.componentBuilds[i] = cached;
      return (this.componentNodes[i] = cached.node);
    }
    const built: Built | undefined = cache ? { refs: [], pseudo: [] } : undefined;
    const node: StructureNode = {
      type: "component",
      event: this.componentEvents[i]!,
      requires: raw.requires === undefined ? undefined : this.compile(raw.requires, built),
      rideThroughHours: (raw.runtimeMinutes ?? 0) / 60,
    };
    this.componentNodes[i] = node;
    this.componentBuilds[i] = built;
    if (cache) cache.nodes.set(raw, { node, ...built! });
    return node;
  }

  /** A function's node is reused like a component's: same requirement tree, same nodes below. */
  functionNode(req: Requirement): StructureNode {
    const cache = this.cache;
    if (!cache || typeof req === "string") return this.compile(req, undefined);
    const cached = cache.functionNodes.get(req);
    if (cached && this.takesOver(cached)) return cached.node;
    const built: Built = { refs: [], pseudo: [] };
    const node = this.compile(req, built);
    cache.functionNodes.set(req, { node, ...built });
    return node;
  }
}

/**
 * `cache` and `previous` serve the plan's many re-scorings (assess.ts ScoringCache): `previous` is
 * the model the inventory was derived from, whose unchanged records are taken over by position
 * without a look-up. Both give the same figures and structure as resolving afresh.
 */
export function resolveModel(
  inventory: Inventory,
  numbering: EventNumbering = new EventNumbering(),
  cache?: ModelCache,
  previous?: ResolvedModel,
): ResolvedModel {
  if (cache && cache.numbering !== numbering) throw new Error("bug: a ModelCache serves one EventNumbering");
  // Position in `previous` of each record that is the same object (−1 for the others).
  const prevAt = cache && previous ? alignedRecords(inventory, numbering, previous) : undefined;
  const prev = prevAt ? previous : undefined;
  if (prev) {
    const figuresOnly = resolveFiguresOnly(inventory, cache!, prev, prevAt!);
    if (figuresOnly) return figuresOnly;
  }
  // Read once: the previous model's fields, for every record below.
  const prevComponents = prev?.components;
  const prevEvents = prev?.componentEvents;
  const prevRates = prev?.failuresPerYear;
  const prevRepairs = prev?.effectiveRepairHours;
  const prevNodes = prev?.componentNodes;
  const prevBuilds = prev?.componentBuilds;
  const assumptions: Assumption[] = [];
  const org = inventory.organization;
  const organization: ResolvedOrganization = {
    name: org.name,
    currency: org.currency,
    operatingHoursPerWeek: org.operatingHoursPerWeek,
    absenceWaitHours: organizationFigure(org, "absenceWaitHours", assumptions),
    vendorResponseHours: organizationFigure(org, "vendorResponseHours", assumptions),
    unmonitoredDetectionHours: organizationFigure(org, "unmonitoredDetectionHours", assumptions),
    untestedRestoreFailure: organizationFigure(org, "untestedRestoreFailure", assumptions),
    staffCostPerHour: organizationFigure(org, "staffCostPerHour", assumptions),
    lossScenarios: {
      device: lossScenarioFigure(org, "device", assumptions),
      site: lossScenarioFigure(org, "site", assumptions),
      ransomware: lossScenarioFigure(org, "ransomware", assumptions),
    },
  };

  (inventory.people ?? []).forEach((p, i) => {
    if (p.availability === undefined) {
      assumptions.push({
        path: `people[${i}].availability`,
        value: PERSON_AVAILABILITY_DEFAULT.value,
        source: PERSON_AVAILABILITY_DEFAULT.source,
      });
    }
  });
  const availability = availabilityOf(inventory);

  const rawComponents = inventory.components ?? [];
  const componentDefaults = COMPONENT_DEFAULTS;
  const componentEvents: number[] = new Array(rawComponents.length);
  // The figures of each component, by index. The ResolvedComponent objects are written out from
  // them only when someone reads `components` (the SPOF path reads none: one object and six
  // boxed numbers per component were most of resolving), or eagerly with a ModelCache, which
  // keeps them for the plan's later scorings.
  const count = rawComponents.length;
  const [failuresPerYear, repairHours, peopleWaitHours, detectionWaitHours, effectiveRepairHours] = figureArrays(count, 5);
  const cachedValues: Array<ResolvedComponent | undefined> | undefined = cache ? new Array(count) : undefined;
  for (let i = 0; i < count; i++) {
    const j = prevAt ? prevAt[i]! : -1;
    if (j >= 0) {
      // The same record under the same organisation and people: the same event and figures.
      componentEvents[i] = prevEvents![j]!;
      cachedValues![i] = prevComponents![j];
      failuresPerYear[i] = prevRates![j]!;
      effectiveRepairHours[i] = prevRepairs![j]!;
      continue;
    }
    const c = rawComponents[i]!;
    componentEvents[i] = numbering.of(c.id);
    const v = cache && cachedResolution(cache, c, inventory);
    if (v) {
      cachedValues![i] = v;
      failuresPerYear[i] = v.failuresPerYear;
      repairHours[i] = v.repairHours;
      peopleWaitHours[i] = v.peopleWaitHours;
      detectionWaitHours[i] = v.detectionWaitHours;
      effectiveRepairHours[i] = v.effectiveRepairHours;
      continue;
    }
    const d = componentDefaults[c.kind];
    const r = c.repairHours ?? d.repairHours;
    const peopleWait = peopleWaitOf(c, organization, availability);
    const detectionWait = detectionWaitOf(c, organization);
    failuresPerYear[i] = c.failuresPerYear ?? d.failuresPerYear;
    repairHours[i] = r;
    peopleWaitHours[i] = peopleWait;
    detectionWaitHours[i] = detectionWait;
    effectiveRepairHours[i] = r + peopleWait + detectionWait;
  }
  let components: ResolvedComponent[] | undefined;
  if (cache) {
    components = new Array<ResolvedComponent>(count);
    for (let i = 0; i < count; i++) {
      let value = cachedValues![i];
      if (!value) {
        value = resolvedComponentOf(rawComponents[i]!, failuresPerYear[i]!, repairHours[i]!, peopleWaitHours[i]!, detectionWaitHours[i]!);
        cache.resolved.set(rawComponents[i]!, { organization: org, people: inventory.people, value });
      }
      components[i] = value;
    }
  }

  // Component index by event number (the numbering's own map is the index by id: one map, not two).
  const eventComponents = new Int32Array(numbering.size).fill(-1);
  for (let i = 0; i < componentEvents.length; i++) eventComponents[componentEvents[i]!] = i;
  const structure = new StructureBuilder(
    numbering,
    rawComponents,
    componentEvents,
    eventComponents,
    cache,
    prevAt && { at: prevAt, builds: prevBuilds!, nodes: prevNodes! },
  );
  for (let i = 0; i < count; i++) structure.nodeOf(i);
  const functionNodes = (inventory.functions ?? []).map((f) => structure.functionNode(f.requires));
  const { pseudoEvents, componentNodes, componentBuilds } = structure;
  // Pseudo-events numbered since (a shared numbering may also have numbered them before) are −1.
  const allEventComponents = sizedToNumbering(eventComponents, numbering);

  let all: Assumption[] | undefined;

  return new Model(
    {
      inventory,
      organization,
      failuresPerYear,
      effectiveRepairHours,
      pseudoEvents,
      componentEvents,
      eventComponents: allEventComponents,
      numbering,
      componentNodes,
      componentBuilds,
      functionNodes,
    },
    // Written out on first read (a plan re-scores hundreds of times and reads neither).
    () =>
      (components ??= rawComponents.map((c, i) =>
        resolvedComponentOf(c, failuresPerYear[i]!, repairHours[i]!, peopleWaitHours[i]!, detectionWaitHours[i]!),
      )),
    // The components' assumptions are found only then: a plan re-scores hundreds of times and
    // reads none (and a record's fields are slow to read in a loop: records have many shapes).
    () => (all ??= withComponentAssumptions(assumptions, rawComponents)),
  );
}

/** The organisation's and people's assumptions, then those of the components that took a default. */
function withComponentAssumptions(before: readonly Assumption[], rawComponents: readonly Component[]): Assumption[] {
  const all = [...before];
  for (let i = 0; i < rawComponents.length; i++) {
    const c = rawComponents[i]!;
    const d = COMPONENT_DEFAULTS[c.kind];
    if (c.failuresPerYear === undefined) {
      all.push({ path: `components[${i}].failuresPerYear`, value: d.failuresPerYear, source: d.source });
    }
    if (c.repairHours === undefined) all.push({ path: `components[${i}].repairHours`, value: d.repairHours, source: d.source });
  }
  return all;
}

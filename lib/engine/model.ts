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

export interface PseudoEvent {
  /** `failover:<group id>`. */
  readonly id: string;
  readonly groupId: string;
  readonly repairHours: number;
  /** Its event number. */
  readonly event: number;
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
  constructor(readonly numbering: EventNumbering) {}

  readonly resolved = new WeakMap<
    Component,
    { readonly organization: Inventory["organization"]; readonly people: Inventory["people"]; readonly value: ResolvedComponent }
  >();
  readonly nodes = new WeakMap<
    Component,
    {
      readonly node: StructureNode;
      /** Event numbers of the components it points to, with their nodes. */
      readonly refs: ReadonlyArray<readonly [number, StructureNode]>;
      readonly pseudo: readonly PseudoEvent[];
    }
  >();
}

export function resolveModel(
  inventory: Inventory,
  numbering: EventNumbering = new EventNumbering(),
  cache?: ModelCache,
): ResolvedModel {
  if (cache && cache.numbering !== numbering) throw new Error("bug: a ModelCache serves one EventNumbering");
  const assumptions: Assumption[] = [];
  const org = inventory.organization;
  const pick = <K extends keyof typeof ORGANIZATION_DEFAULTS>(key: K): number => {
    const given = org[key];
    if (given !== undefined) return given;
    const d = ORGANIZATION_DEFAULTS[key];
    assumptions.push({ path: `organization.${key}`, value: d.value, source: d.source });
    return d.value;
  };
  const scenario = (key: LossScenario): number => {
    const given = org.lossScenarios?.[key];
    if (given !== undefined) return given;
    const d = LOSS_SCENARIO_DEFAULTS[key];
    assumptions.push({ path: `organization.lossScenarios.${key}`, value: d.value, source: d.source });
    return d.value;
  };
  const organization: ResolvedOrganization = {
    name: org.name,
    currency: org.currency,
    operatingHoursPerWeek: org.operatingHoursPerWeek,
    absenceWaitHours: pick("absenceWaitHours"),
    vendorResponseHours: pick("vendorResponseHours"),
    unmonitoredDetectionHours: pick("unmonitoredDetectionHours"),
    untestedRestoreFailure: pick("untestedRestoreFailure"),
    staffCostPerHour: pick("staffCostPerHour"),
    lossScenarios: { device: scenario("device"), site: scenario("site"), ransomware: scenario("ransomware") },
  };

  const availability = new Map<string, number>();
  (inventory.people ?? []).forEach((p, i) => {
    if (p.availability === undefined) {
      assumptions.push({
        path: `people[${i}].availability`,
        value: PERSON_AVAILABILITY_DEFAULT.value,
        source: PERSON_AVAILABILITY_DEFAULT.source,
      });
    }
    availability.set(p.id, p.availability ?? PERSON_AVAILABILITY_DEFAULT.value);
  });

  const rawComponents = inventory.components ?? [];
  const componentDefaults = COMPONENT_DEFAULTS;
  // Components that took a default rate or repair time: their assumptions are written out only
  // when someone reads them (a plan re-scores hundreds of times and reads none).
  const defaulted: number[] = [];
  const componentEvents: number[] = new Array(rawComponents.length);
  // The figures of each component, by index. The ResolvedComponent objects are written out from
  // them only when someone reads `components` (the SPOF path reads none: one object and six
  // boxed numbers per component were most of resolving), or eagerly with a ModelCache, which
  // keeps them for the plan's later scorings.
  const count = rawComponents.length;
  const failuresPerYear = new Float64Array(count);
  const repairHours = new Float64Array(count);
  const peopleWaitHours = new Float64Array(count);
  const detectionWaitHours = new Float64Array(count);
  const effectiveRepairHours = new Float64Array(count);
  const cachedValues: Array<ResolvedComponent | undefined> | undefined = cache ? new Array(count) : undefined;
  for (let i = 0; i < count; i++) {
    const c = rawComponents[i]!;
    componentEvents[i] = numbering.of(c.id);
    if (c.failuresPerYear === undefined || c.repairHours === undefined) defaulted.push(i);
    const known = cache?.resolved.get(c);
    if (known && known.organization === org && known.people === inventory.people) {
      const v = known.value;
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
    let peopleWait = 0;
    if (c.knownBy !== undefined) {
      if (c.knownBy.length === 0) peopleWait = c.supportResponseHours ?? organization.vendorResponseHours;
      else {
        let allAway = 1;
        for (const p of c.knownBy) allAway *= 1 - availability.get(p)!;
        // A runbook lets a colleague step in half of the time (docs/scoring.md, "Runbook").
        peopleWait = allAway * organization.absenceWaitHours * (c.hasRunbook ? RUNBOOK_WAIT_FACTOR : 1);
      }
    }
    const detectionWait = c.monitored === false ? organization.unmonitoredDetectionHours : 0;
    failuresPerYear[i] = c.failuresPerYear ?? d.failuresPerYear;
    repairHours[i] = r;
    peopleWaitHours[i] = peopleWait;
    detectionWaitHours[i] = detectionWait;
    effectiveRepairHours[i] = r + peopleWait + detectionWait;
  }
  const resolvedComponent = (i: number): ResolvedComponent => {
    const c = rawComponents[i]!;
    return {
      id: c.id,
      name: c.name ?? c.id,
      kind: c.kind,
      failuresPerYear: failuresPerYear[i]!,
      repairHours: repairHours[i]!,
      peopleWaitHours: peopleWaitHours[i]!,
      detectionWaitHours: detectionWaitHours[i]!,
      effectiveRepairHours: effectiveRepairHours[i]!,
      unavailability: Math.min(1, (failuresPerYear[i]! * effectiveRepairHours[i]!) / HOURS_PER_YEAR),
      runtimeMinutes: c.runtimeMinutes ?? 0,
      knownBy: c.knownBy,
    };
  };
  let components: ResolvedComponent[] | undefined;
  if (cache) {
    components = new Array<ResolvedComponent>(count);
    for (let i = 0; i < count; i++) {
      let value = cachedValues![i];
      if (!value) {
        value = resolvedComponent(i);
        cache.resolved.set(rawComponents[i]!, { organization: org, people: inventory.people, value });
      }
      components[i] = value;
    }
  }
  const allComponents = (): ResolvedComponent[] => (components ??= rawComponents.map((_, i) => resolvedComponent(i)));

  // Component index by event number (the numbering's own map is the index by id: one map, not two).
  const eventComponents = new Int32Array(numbering.size).fill(-1);
  for (let i = 0; i < componentEvents.length; i++) eventComponents[componentEvents[i]!] = i;
  const pseudoEvents: PseudoEvent[] = [];
  const componentNodes: StructureNode[] = new Array(count);
  /** What a component's node was built from: the nodes it points to and its switch-overs. */
  interface Built {
    readonly refs: Array<readonly [number, StructureNode]>;
    readonly pseudo: PseudoEvent[];
  }
  const compile = (req: Requirement, built: Built | undefined): StructureNode => {
    if (typeof req === "string") {
      const event = numbering.lookup(req)!;
      const node = nodeOf(eventComponents[event]!);
      built?.refs.push([event, node]);
      return node;
    }
    if ("all" in req) return { type: "gate", need: 1, members: compileAll(req.all, built) };
    if ("atLeast" in req) return { type: "gate", need: req.of.length - req.atLeast + 1, members: compileAll(req.of, built) };
    const group = { type: "gate", need: req.any.length, members: compileAll(req.any, built) } as const;
    const minutes = req.failoverMinutes ?? 0;
    if (minutes <= 0) return group;
    const id = `failover:${req.id!}`;
    const pseudo: PseudoEvent = { id, groupId: req.id!, repairHours: minutes / 60, event: numbering.of(id) };
    pseudoEvents.push(pseudo);
    built?.pseudo.push(pseudo);
    return { type: "failover", group, pseudoEvent: pseudo.event };
  };
  // A loop rather than map(m => compile(m, built)): no closure per requirement.
  const compileAll = (reqs: readonly Requirement[], built: Built | undefined): StructureNode[] => {
    const out = new Array<StructureNode>(reqs.length);
    for (let i = 0; i < reqs.length; i++) out[i] = compile(reqs[i]!, built);
    return out;
  };
  // Components are compiled on first use, so a shared component is one node (validation has
  // already ruled out cycles). With a cache, the node of an unchanged record is reused when every
  // node it points to is the same node as when it was built: then its whole sub-structure is.
  const sameRef = ([event, node]: readonly [number, StructureNode]): boolean => {
    const j = event < eventComponents.length ? eventComponents[event]! : -1;
    return j >= 0 && nodeOf(j) === node;
  };
  const nodeOf = (i: number): StructureNode => {
    const known = componentNodes[i];
    if (known) return known;
    const raw = rawComponents[i]!;
    const cached = cache?.nodes.get(raw);
    if (cached && cached.refs.every(sameRef)) {
      for (const p of cached.pseudo) pseudoEvents.push(p);
      componentNodes[i] = cached.node;
      return cached.node;
    }
    const built: Built | undefined = cache ? { refs: [], pseudo: [] } : undefined;
    const node: StructureNode = {
      type: "component",
      event: componentEvents[i]!,
      requires: raw.requires === undefined ? undefined : compile(raw.requires, built),
      rideThroughHours: (raw.runtimeMinutes ?? 0) / 60,
    };
    componentNodes[i] = node;
    if (cache) cache.nodes.set(raw, { node, ...built! });
    return node;
  };
  for (let i = 0; i < count; i++) nodeOf(i);
  const functionNodes = (inventory.functions ?? []).map((f) => compile(f.requires, undefined));
  // Pseudo-events numbered since (a shared numbering may also have numbered them before) are −1.
  const allEventComponents = new Int32Array(numbering.size).fill(-1);
  allEventComponents.set(eventComponents);
  const indexOfComponent = (id: string): number | undefined => {
    const e = numbering.lookup(id);
    const i = e === undefined ? -1 : (allEventComponents[e] ?? -1);
    return i >= 0 ? i : undefined;
  };

  const before = assumptions;
  let all: Assumption[] | undefined;
  const allAssumptions = (): Assumption[] => {
    if (all) return all;
    all = [...before];
    for (const i of defaulted) {
      const c = rawComponents[i]!;
      const d = componentDefaults[c.kind];
      if (c.failuresPerYear === undefined) {
        all.push({ path: `components[${i}].failuresPerYear`, value: d.failuresPerYear, source: d.source });
      }
      if (c.repairHours === undefined) all.push({ path: `components[${i}].repairHours`, value: d.repairHours, source: d.source });
    }
    return all;
  };

  return {
    inventory,
    organization,
    get components() {
      return allComponents();
    },
    failuresPerYear,
    effectiveRepairHours,
    indexOfComponent,
    pseudoEvents,
    componentEvents,
    eventComponents: allEventComponents,
    numbering,
    componentNodes,
    functionNodes,
    get assumptions() {
      return allAssumptions();
    },
  };
}

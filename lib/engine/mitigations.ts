/**
 * The mitigation catalogue (model.md §6). Each mitigation is a pure transformation of the
 * inventory with a default cost and a cited source. Costs are overridable (plan.ts), and so are
 * the figures of a mitigation's effect (its `parameters`: a UPS's minutes of battery, a support
 * contract's hours): `configureMitigations` makes the catalogue with other values. Candidates are
 * found from the current scores: redundancy goes where a single point of failure is, data
 * mitigations where a 3-2-1-1-0 check or a freshness gap is.
 */
import type { Scores } from "./assess.js";
import { COMPONENT_DEFAULTS, type Source } from "./defaults.js";
import { isRestoreTested } from "./data-sets.js";
import type { Component, Copy, DataSet, Inventory, Requirement } from "./schema.js";
import { namedComponents as namedIn } from "./validate.js";
import { keepShape } from "./shapes.js";

export interface MitigationCost {
  /** One-off spend, in the organisation's currency. */
  readonly upfront: number;
  /** Recurring spend per month. */
  readonly monthly: number;
  /** Years the upfront spend lasts (what it is spread over). */
  readonly lifeYears: number;
}

/** upfront / lifeYears + 12 · monthly (model.md §6). */
export function annualizedCost(cost: MitigationCost): number {
  return cost.upfront / cost.lifeYears + 12 * cost.monthly;
}

/** Cash in the first year: what a budget is measured against. */
export function firstYearCost(cost: MitigationCost): number {
  return cost.upfront + 12 * cost.monthly;
}

export interface PlanContext {
  readonly inventory: Inventory;
  readonly scores: Scores;
  /** Component ids that are a single point of failure of at least one function. */
  readonly spofs: ReadonlySet<string>;
  /**
   * Their records, in inventory order: most mitigations look only at these, rather than read
   * every record of the inventory (records come in many shapes, which makes their fields slow to
   * read in a loop) for every mitigation in every round of a plan.
   */
  readonly spofComponents: readonly Component[];
}

/** The context candidates are found in; `spofs` defaults to every function's single points of failure. */
export function planContext(inventory: Inventory, scores: Scores, spofs?: ReadonlySet<string>): PlanContext {
  let ids = spofs;
  if (!ids) {
    const all = new Set<string>();
    for (const f of scores.functions) for (const id of f.singlePointsOfFailure) all.add(id);
    ids = all;
  }
  const positions: number[] = [];
  for (const id of ids) {
    const i = scores.model.indexOfComponent(id);
    if (i !== undefined) positions.push(i);
  }
  positions.sort((a, b) => a - b);
  const components = inventory.components ?? [];
  return { inventory, scores, spofs: ids, spofComponents: positions.map((i) => components[i]!) };
}

/** A figure of a mitigation's effect that an assessment may set (model.md §6: "all overridable"). */
export interface EffectParameter {
  /** What it is, in words: "minutes of battery". */
  readonly label: string;
  readonly defaultValue: number;
  /** The allowed range: at least `min` (greater than `min` when `minExclusive`), at most `max`. */
  readonly min: number;
  readonly minExclusive?: boolean;
  readonly max: number;
  readonly source: Source;
}

/** Values of a mitigation's effect parameters, by parameter name. */
export type EffectValues = Readonly<Record<string, number>>;
/** Effect values to use instead of the defaults: mitigation id → parameter name → value. */
export type EffectOverrides = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface Mitigation {
  readonly id: string;
  readonly title: string;
  /** What it changes in the model, in words a consultant can repeat (with the values in use). */
  readonly effect: string;
  readonly sources: readonly Source[];
  /** The figures of its effect that can be set, and the values this instance uses. */
  readonly parameters: Readonly<Record<string, EffectParameter>>;
  readonly effectValues: EffectValues;
  /** Target lists this mitigation applies to, in inventory order. */
  candidates(ctx: PlanContext): string[][];
  /**
   * The inventory with the mitigation in place. Never mutates its input. Every record it changes
   * is a target or a component that requires a target, so a function whose structure reaches no
   * target component keeps its figures (plan.ts relies on this; properties.test.ts checks it).
   */
  apply(inventory: Inventory, targets: readonly string[]): Inventory;
  defaultCost(inventory: Inventory, targets: readonly string[], staffCostPerHour: number): MitigationCost;
  /**
   * Components whose cut sets the change can affect: every cut set that avoids them is unchanged
   * (used to bound the benefit before scoring; see plan.ts). Data mitigations return [].
   */
  touches(inventory: Inventory, targets: readonly string[]): string[];
  /**
   * The component records apply() reads, as long as every requirement and kind stays as it is;
   * absent: touches(). The plan keeps a benefit it measured across a pick that changed only the
   * figures of components outside this list, when no cut set whose money the change alters holds
   * one of them (plan.ts carried). Narrower than touches() for a change whose reach (what its cut
   * sets pass through) is wider than what it is made from.
   */
  readsOnSameStructure?(inventory: Inventory, targets: readonly string[]): readonly string[];
  /** Data sets whose loss the change can affect. */
  touchesDataSets(targets: readonly string[]): string[];
  /**
   * The largest share of the loss of a cut set meeting what it touches that the change can
   * remove, given the set's mean joint outage d in hours (no switch-over in the set); absent: all
   * of it. Tightens the plan's bound (plan.ts); properties.test.ts checks it against brute force.
   */
  boundShare?(meanJointOutageHours: number): number;
  /**
   * For a change that gives its (single) target new figures of its own and leaves every record
   * that needs the target as it is (a move to the cloud): the target's λ and r' after the change.
   * A function that fails with the target alone still does after it, at the new figures: the plan
   * counts that loss as certain when bounding the benefit (plan.ts withTargetLossAfter).
   */
  targetFiguresAfter?(): { readonly failuresPerYear: number; readonly effectiveRepairHours: number };
  /**
   * For a mitigation that only adds a redundant twin of its target (addTwin without a
   * switch-over): the target and the twin's id in `after` (the result of apply). The scoring then
   * derives the functions' cut sets from the previous ones (assess.ts ScoreInternals.twin), after
   * checking that the two require the same structure.
   */
  twinOf?(after: Inventory, targets: readonly string[]): { readonly of: string; readonly twin: string } | undefined;
}

// ---------------------------------------------------------------------------------------------
// Helpers: pure edits on a copy of the inventory.

const namedCache = new WeakMap<object, readonly string[]>();

/**
 * The component ids a requirement names. Requirement trees are never changed (edits replace
 * them) and are shared by the plan's many copies, so the answer is kept per tree.
 */
export function namedComponents(req: Requirement): readonly string[] {
  if (typeof req === "string") return [req];
  let names = namedCache.get(req);
  if (!names) namedCache.set(req, (names = namedIn(req)));
  return names;
}

/**
 * Copy on write: new lists, shared records (the people list too: an edit that adds a person
 * replaces it). An edit puts a copy of the record it changes in the
 * list (editComponent, editDataSet, replaceReferences) and never changes the input; records it
 * does not change keep their identity, so the scoring reuses what it resolved for them (model.ts
 * ModelCache). Requirement trees are shared too: edits replace them rather than change them.
 */
function copyOf(inventory: Inventory): Inventory {
  return {
    ...inventory,
    ...(inventory.components ? { components: [...inventory.components] } : {}),
    ...(inventory.functions ? { functions: [...inventory.functions] } : {}),
    ...(inventory.dataSets ? { dataSets: [...inventory.dataSets] } : {}),
  };
}

/** A component to read (never to change: see editComponent). */
function componentById(inventory: Inventory, id: string): Component {
  const c = inventory.components?.find((x) => x.id === id);
  if (!c) throw new Error(`bug: mitigation target "${id}" is not a component`);
  return c;
}

/** A component of a copy (copyOf) to change: a fresh record in the copy's list. */
function editComponent(inventory: Inventory, id: string): Component {
  const list = inventory.components ?? [];
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) throw new Error(`bug: mitigation target "${id}" is not a component`);
  const c = { ...list[i]! };
  list[i] = c;
  return c;
}

/** A data set to read (never to change: see editDataSet). */
function dataSetById(inventory: Inventory, id: string): DataSet {
  const d = inventory.dataSets?.find((x) => x.id === id);
  if (!d) throw new Error(`bug: mitigation target "${id}" is not a data set`);
  return d;
}

/** A data set of a copy (copyOf) to change, its copies fresh records too. */
function editDataSet(inventory: Inventory, id: string): DataSet {
  const list = inventory.dataSets ?? [];
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) throw new Error(`bug: mitigation target "${id}" is not a data set`);
  const d = list[i]!;
  const copy: DataSet = { ...d, ...(d.copies ? { copies: d.copies.map((c) => ({ ...c })) } : {}) };
  list[i] = copy;
  return copy;
}

/**
 * `compute` kept per inventory object. The plan asks the same questions of one inventory for
 * every candidate; a finished inventory is never changed, and `apply` asks only of its input,
 * never of the copy it is editing.
 */
function perInventory<T>(compute: (inventory: Inventory) => T): (inventory: Inventory) => T {
  const known = new WeakMap<Inventory, { readonly value: T }>();
  return (inventory) => {
    let entry = known.get(inventory);
    if (!entry) known.set(inventory, (entry = { value: compute(inventory) }));
    return entry.value;
  };
}

const groupIdsIn = perInventory<ReadonlySet<string>>(findGroupIds);

/** Ids taken: a set the caller may add to (freshId, withFreshGroupIds). */
interface TakenIds {
  has(id: string): boolean;
  add(id: string): void;
}

/**
 * The ids of the named groups of an inventory, as a set the caller may add to: the inventory's
 * own (kept per inventory, never changed) and what the caller added, without copying the former.
 */
function groupIdsOf(inventory: Inventory): TakenIds {
  return new GroupIds(groupIdsIn(inventory));
}

class GroupIds implements TakenIds {
  private readonly added = new Set<string>();

  constructor(private readonly base: ReadonlySet<string>) {
    keepShape(this);
  }

  has(id: string): boolean {
    return this.base.has(id) || this.added.has(id);
  }

  add(id: string): void {
    this.added.add(id);
  }
}

function findGroupIds(inventory: Inventory): Set<string> {
  const ids = new Set<string>();
  for (const c of inventory.components ?? []) if (c.requires !== undefined) collectGroupIds(c.requires, ids);
  for (const f of inventory.functions ?? []) collectGroupIds(f.requires, ids);
  return ids;
}

function collectGroupIds(r: Requirement, ids: Set<string>): void {
  if (typeof r === "string") return;
  if ("any" in r) {
    if (r.id !== undefined) ids.add(r.id);
    for (const m of r.any) collectGroupIds(m, ids);
  } else if ("all" in r) for (const m of r.all) collectGroupIds(m, ids);
  else for (const m of r.of) collectGroupIds(m, ids);
}

/** `base`, or `base-2`, `base-3`, … : the first that is not taken. Ids stay within 64 characters. */
function freshId(taken: Pick<TakenIds, "has">, base: string): string {
  const stem = base.slice(0, 56);
  if (!taken.has(stem)) return stem;
  // Sets only grow (callers add what they take), so every number below the last one found for
  // this stem is still taken: start there (addTwin asks once per consumer of its target).
  let found = lastFound.get(taken);
  if (!found) lastFound.set(taken, (found = new Map()));
  for (let n = found.get(stem) ?? 2; ; n++) {
    if (!taken.has(`${stem}-${n}`)) {
      found.set(stem, n);
      return `${stem}-${n}`;
    }
  }
}

/** Per set of taken ids, the number freshId last returned for each stem. */
const lastFound = new WeakMap<Pick<TakenIds, "has">, Map<string, number>>();

function replaceIn(req: Requirement, id: string, make: () => Requirement): Requirement {
  if (typeof req === "string") return req === id ? make() : req;
  if ("all" in req) return { ...req, all: req.all.map((m) => replaceIn(m, id, make)) };
  if ("any" in req) return { ...req, any: req.any.map((m) => replaceIn(m, id, make)) };
  return { ...req, of: req.of.map((m) => replaceIn(m, id, make)) };
}

/**
 * Replace every reference to component `id` (in components accepted by `where`, and in
 * functions) by a fresh requirement.
 */
function replaceReferences(
  inventory: Inventory,
  id: string,
  make: () => Requirement,
  where: (owner: Component) => boolean = () => true,
): void {
  const components = inventory.components ?? [];
  components.forEach((c, i) => {
    if (c.requires !== undefined && c.id !== id && where(c) && namedComponents(c.requires).includes(id)) {
      components[i] = { ...c, requires: replaceIn(c.requires, id, make) };
    }
  });
  const functions = inventory.functions ?? [];
  functions.forEach((f, i) => {
    if (namedComponents(f.requires).includes(id)) functions[i] = { ...f, requires: replaceIn(f.requires, id, make) };
  });
}

const closureIndex = perInventory((inventory) => ({
  byId: new Map((inventory.components ?? []).map((c) => [c.id, c])),
  closures: new Map<string, readonly string[]>(),
}));

/**
 * Every component a component needs, through its requirements (not itself). The plan asks for
 * the same inventory's closures many times (inventories are never changed once made): each is
 * worked out once.
 */
function closureOf(inventory: Inventory, id: string): readonly string[] {
  const index = closureIndex(inventory);
  const known = index.closures.get(id);
  if (known) return known;
  const byId = index.byId;
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const c = byId.get(stack.pop()!);
    if (!c?.requires) continue;
    for (const next of namedComponents(c.requires)) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  const closure = [...seen].sort();
  index.closures.set(id, closure);
  return closure;
}

/** The component ids of an inventory. */
const componentIds = perInventory((inventory): ReadonlySet<string> => new Set((inventory.components ?? []).map((c) => c.id)));

/** A copy of a requirement whose named groups get fresh ids (group ids are unique across the inventory). */
function withFreshGroupIds(req: Requirement, groups: TakenIds): Requirement {
  if (typeof req === "string") return req;
  if ("all" in req) return { all: req.all.map((m) => withFreshGroupIds(m, groups)) };
  if ("atLeast" in req) return { atLeast: req.atLeast, of: req.of.map((m) => withFreshGroupIds(m, groups)) };
  const copy: Requirement = { ...req, any: req.any.map((m) => withFreshGroupIds(m, groups)) };
  if (req.id !== undefined) {
    copy.id = freshId(groups, `${req.id}-copy`);
    groups.add(copy.id);
  }
  return copy;
}

/** Add a twin of `target` next to it and make every consumer need either. */
function addTwin(
  inventory: Inventory,
  targetId: string,
  twin: (target: Component, id: string) => Component,
  group: (groupId: string) => Omit<Extract<Requirement, { any: Requirement[] }>, "any">,
  idSuffix: string,
): Inventory {
  const inv = copyOf(inventory);
  const target = componentById(inv, targetId);
  // Of the input: the copy has the same records until the edits below.
  const twinId = freshId(componentIds(inventory), `${targetId}-${idSuffix}`);
  const groups = groupIdsOf(inventory);
  replaceReferences(inv, targetId, () => {
    const groupId = freshId(groups, `${targetId}-or-${idSuffix}`);
    groups.add(groupId);
    return { any: [targetId, twinId], ...group(groupId) };
  });
  const made = twin(target, twinId);
  if (made.requires !== undefined) made.requires = withFreshGroupIds(made.requires, groups);
  const list = inv.components!;
  list.splice(list.indexOf(target) + 1, 0, made);
  return inv;
}

const HARDWARE_KINDS = new Set<Component["kind"]>(["server", "storage", "network", "ups", "generator", "endpoint"]);
const SERVER_KINDS = new Set<Component["kind"]>(["server", "storage"]);

function spofsOfKind(ctx: PlanContext, kinds: ReadonlySet<Component["kind"]>): string[][] {
  return ctx.spofComponents.filter((c) => kinds.has(c.kind)).map((c) => [c.id]);
}

function staffCost(hours: number, staffCostPerHour: number, lifeYears: number): MitigationCost {
  return { upfront: hours * staffCostPerHour, monthly: 0, lifeYears };
}

// ---------------------------------------------------------------------------------------------
// Sources (rows of shared/docs/reference-data.md).

const SRC = {
  lteBackup: {
    row: "5G/LTE backup link",
    citation: "T-Mobile Home Internet Backup, $30/month (Ars Technica, 2024-06-05)",
    status: "V",
  },
  broadband: {
    row: "Business broadband outage",
    citation: "about 1 outage of 8 h a year (Uswitch/Opinium 2025, derived)",
    status: "S",
  },
  ups: { row: "UPS, 1.5 kVA line-interactive", citation: "$700; battery set $200 per 4 years", status: "U" },
  battery: { row: "UPS (VRLA) battery life", citation: "APC/Schneider FAQ FA158934: three to five years", status: "V" },
  generator: {
    row: "Standby generator 20 kW + ATS",
    citation: "installed $8k–16k (buckeyepowersystems.com; elev8operations.com 2026 guide)",
    status: "V",
  },
  standbyServer: { row: "Standby server", citation: "$4,000, 4-year life", status: "U" },
  cloudVm: {
    row: "Cloud DR (VM replication)",
    citation: "Azure Site Recovery $25/VM-month + storage (microsoftnegotiations.com)",
    status: "S",
  },
  cloudSla: { row: "AWS EC2 SLA", citation: "99.99 % multi-AZ (aws.amazon.com/compute/sla/historical/)", status: "V" },
  objectStorage: {
    row: "Cloud object storage (backup target)",
    citation: "Backblaze B2 $6/TB-month; Wasabi $5.99/TB-month; $7/TB-month used",
    status: "S",
  },
  training: { row: "Cross-training / runbook", citation: "16 staff-hours × loaded wage (judgment)", status: "U" },
  restore: {
    row: "Textbook check C10 (M3)",
    citation: "quarterly restore tests, 8 h at the staff rate (reference-data.md C10)",
    status: "U",
  },
  server: {
    row: "Server hardware failure (non-disk: board, PSU, RAM)",
    citation: "MTTR 24 h with next-day support, 72 h without",
    status: "U",
  },
  unverified: { row: "none", citation: "assumed; no published figure", status: "U" },
} as const satisfies Record<string, Source>;

// ---------------------------------------------------------------------------------------------
// The catalogue.

/** "at once", "within a minute", "within 5 minutes", "within an hour", "within 2 hours". */
function withinMinutes(minutes: number): string {
  if (minutes === 0) return "at once";
  if (minutes === 1) return "within a minute";
  if (minutes === 60) return "within an hour";
  if (minutes % 60 === 0) return `within ${minutes / 60} hours`;
  return `within ${minutes} minutes`;
}

/** "1 hour", "4 hours", "2.5 hours". */
function hoursText(hours: number): string {
  return `${hours} hour${hours === 1 ? "" : "s"}`;
}

const failoverParameter = (defaultValue: number, source: Source): EffectParameter => ({
  label: "minutes to switch over",
  defaultValue,
  min: 0,
  max: 10_080,
  source,
});

const SECOND_LINE_PARAMETERS = { failoverMinutes: failoverParameter(1, SRC.unverified) };

const secondInternetLine = (v: EffectValues): Mitigation => ({
  id: "second-internet-line",
  title: "Add a second internet line (another provider or technology)",
  effect: `A second line from another provider (for example 5G/LTE) on the same power; the router switches over automatically ${withinMinutes(v.failoverMinutes!)}.`,
  sources: [SRC.lteBackup, SRC.broadband],
  parameters: SECOND_LINE_PARAMETERS,
  effectValues: v,
  candidates: (ctx) => spofsOfKind(ctx, new Set(["internet"])),
  apply: (inventory, [target]) =>
    addTwin(
      inventory,
      target!,
      (t, id) => ({
        id,
        name: `Second internet line (backup for ${t.name ?? t.id})`,
        kind: "internet",
        failuresPerYear: COMPONENT_DEFAULTS.internet.failuresPerYear,
        repairHours: COMPONENT_DEFAULTS.internet.repairHours,
        ...(t.requires !== undefined ? { requires: t.requires } : {}),
      }),
      (groupId) => ({ id: groupId, failoverMinutes: v.failoverMinutes! }),
      "second-line",
    ),
  defaultCost: () => ({ upfront: 300, monthly: 30, lifeYears: 3 }),
  touches: (_inv, targets) => [...targets],
  touchesDataSets: () => [],
});

const UPS_PARAMETERS = {
  runtimeMinutes: { label: "minutes of battery", defaultValue: 15, min: 0, minExclusive: true, max: 1440, source: SRC.ups },
} satisfies Record<string, EffectParameter>;

const minutesText = (m: number) => `${m} minute${m === 1 ? "" : "s"}`;

const addUps = (v: EffectValues): Mitigation => ({
  id: "ups",
  title: "Put a UPS between the power feed and the equipment",
  effect: `A line-interactive UPS with ${minutesText(v.runtimeMinutes!)} of battery: short power cuts no longer stop anything.`,
  sources: [SRC.ups, SRC.battery],
  parameters: UPS_PARAMETERS,
  effectValues: v,
  candidates: (ctx) =>
    ctx.spofComponents
      .filter(
        (p) =>
          (p.kind === "power" || p.kind === "generator") &&
          (ctx.inventory.components ?? []).some(
            (c) => c.kind !== "ups" && c.requires !== undefined && namedComponents(c.requires).includes(p.id),
          ),
      )
      .map((p) => [p.id]),
  apply: (inventory, [target]) => {
    const inv = copyOf(inventory);
    const id = freshId(componentIds(inventory), `${target!}-ups`);
    replaceReferences(inv, target!, () => id, (owner) => owner.kind !== "ups");
    const list = inv.components!;
    list.splice(list.indexOf(componentById(inv, target!)) + 1, 0, {
      id,
      name: `UPS (${minutesText(v.runtimeMinutes!)})`,
      kind: "ups",
      failuresPerYear: COMPONENT_DEFAULTS.ups.failuresPerYear,
      repairHours: COMPONENT_DEFAULTS.ups.repairHours,
      runtimeMinutes: v.runtimeMinutes!,
      requires: target!,
    });
    return inv;
  },
  defaultCost: () => ({ upfront: 900, monthly: 0, lifeYears: 4 }),
  // The battery also rides through outages of what the feed itself requires: their cut sets'
  // weights change too.
  touches: (inventory, [target]) => [target!, ...closureOf(inventory, target!)],
  touchesDataSets: () => [],
  // A cut set through the feed stays a minimal cut set (the change adds an event and a
  // ride-through, which fail nothing that did not fail before) with the same members and rates,
  // and its ride-through T grows by at most the battery's runtime R (by 0 on paths that keep the
  // feed). Its money is 8760 · e^(−T/d) · Π q, so at least e^(−R/d) of it remains.
  boundShare: (d) => 1 - Math.exp(-v.runtimeMinutes! / 60 / d),
});

const GENERATOR_PARAMETERS = { failoverMinutes: failoverParameter(1, SRC.generator) };

const addGenerator = (v: EffectValues): Mitigation => ({
  id: "generator",
  title: "Install a standby generator with an automatic transfer switch",
  effect: `A generator takes over from the utility ${v.failoverMinutes === 0 ? "the moment the power is cut" : `${withinMinutes(v.failoverMinutes!)} of a power cut`}.`,
  sources: [SRC.generator],
  parameters: GENERATOR_PARAMETERS,
  effectValues: v,
  candidates: (ctx) =>
    ctx.spofComponents.filter((c) => c.kind === "power").map((c) => [c.id]),
  apply: (inventory, [target]) =>
    addTwin(
      inventory,
      target!,
      (_t, id) => ({
        id,
        name: "Standby generator",
        kind: "generator",
        failuresPerYear: COMPONENT_DEFAULTS.generator.failuresPerYear,
        repairHours: COMPONENT_DEFAULTS.generator.repairHours,
        monitored: true,
      }),
      (groupId) => ({ id: groupId, failoverMinutes: v.failoverMinutes! }),
      "generator",
    ),
  defaultCost: () => ({ upfront: 12000, monthly: 25, lifeYears: 15 }),
  // The generator needs nothing the utility feed needs, so cut sets through the feed's own
  // requirements change too.
  touches: (inventory, [target]) => [target!, ...closureOf(inventory, target!)],
  touchesDataSets: () => [],
});

const STANDBY_PARAMETERS = { failoverMinutes: failoverParameter(60, SRC.standbyServer) };

const standbyServer = (v: EffectValues): Mitigation => ({
  id: "standby-server",
  title: "Keep a standby server ready to take over",
  effect: `A second machine with the same workload replicated to it; someone switches over ${withinMinutes(v.failoverMinutes!)}, and it is monitored so its own failures are noticed.`,
  sources: [SRC.standbyServer],
  parameters: STANDBY_PARAMETERS,
  effectValues: v,
  candidates: (ctx) => spofsOfKind(ctx, SERVER_KINDS),
  apply: (inventory, [target]) =>
    addTwin(
      inventory,
      target!,
      (t, id) => ({
        id,
        name: `Standby for ${t.name ?? t.id}`,
        kind: t.kind,
        ...(t.failuresPerYear !== undefined ? { failuresPerYear: t.failuresPerYear } : {}),
        ...(t.repairHours !== undefined ? { repairHours: t.repairHours } : {}),
        ...(t.requires !== undefined ? { requires: t.requires } : {}),
        ...(t.knownBy !== undefined ? { knownBy: t.knownBy } : {}),
        monitored: true,
      }),
      (groupId) => ({ id: groupId, failoverMinutes: v.failoverMinutes! }),
      "standby",
    ),
  defaultCost: () => ({ upfront: 4000, monthly: 0, lifeYears: 4 }),
  touches: (_inv, targets) => [...targets],
  touchesDataSets: () => [],
});

/**
 * What a cloud service needs to be reached from the office: the path an existing cloud service
 * uses, else the internet lines. The same object for the same inventory, so that what it names is
 * worked out once (namedComponents).
 */
const cloudAccessPath = perInventory(findCloudAccessPath);

function findCloudAccessPath(inventory: Inventory): Requirement | undefined {
  const cloud = (inventory.components ?? []).find(
    (c) => (c.kind === "cloud" || c.kind === "saas") && c.requires !== undefined,
  );
  if (cloud) return cloud.requires;
  const lines = (inventory.components ?? []).filter((c) => c.kind === "internet").map((c) => c.id);
  if (lines.length === 0) return undefined;
  return lines.length === 1 ? lines[0] : { any: lines };
}

/** The components of the cloud access path and everything they need (empty without a path). */
const cloudAccessNeeds = perInventory((inventory): ReadonlySet<string> => {
  const path = cloudAccessPath(inventory);
  return new Set(path === undefined ? [] : namedComponents(path).flatMap((id) => [id, ...closureOf(inventory, id)]));
});

const CLOUD_PARAMETERS = {
  failuresPerYear: { label: "failures a year of the cloud service", defaultValue: COMPONENT_DEFAULTS.cloud.failuresPerYear, min: 0, max: 365, source: SRC.cloudSla },
  repairHours: { label: "hours each failure lasts", defaultValue: COMPONENT_DEFAULTS.cloud.repairHours, min: 0, minExclusive: true, max: 720, source: SRC.cloudSla },
} satisfies Record<string, EffectParameter>;

const moveToCloud = (v: EffectValues): Mitigation => ({
  id: "move-to-cloud",
  title: "Move the workload to a cloud or SaaS service",
  effect:
    v.failuresPerYear === CLOUD_PARAMETERS.failuresPerYear.defaultValue && v.repairHours === CLOUD_PARAMETERS.repairHours.defaultValue
      ? "The workload runs at a cloud provider (99.9 % or better): no local hardware to fail, but the office now needs its internet path to reach it."
      : `The workload runs at a cloud provider (${v.failuresPerYear} failures a year of ${hoursText(v.repairHours!)} each): no local hardware to fail, but the office now needs its internet path to reach it.`,
  sources: [SRC.cloudVm, SRC.cloudSla],
  parameters: CLOUD_PARAMETERS,
  effectValues: v,
  candidates: (ctx) => {
    if (cloudAccessPath(ctx.inventory) === undefined) return [];
    // What the access path needs, directly or through other components: moving one of those would make a cycle.
    const needed = cloudAccessNeeds(ctx.inventory);
    return ctx.spofComponents
      .filter((c) => (c.kind === "server" || c.kind === "application") && !needed.has(c.id))
      .map((c) => [c.id]);
  },
  apply: (inventory, [target]) => {
    const inv = copyOf(inventory);
    const c = editComponent(inv, target!);
    // Of the input (perInventory): until the edits below the copy has the same records.
    const path = cloudAccessPath(inventory);
    c.kind = "cloud";
    c.failuresPerYear = v.failuresPerYear!;
    c.repairHours = v.repairHours!;
    delete c.knownBy;
    delete c.runtimeMinutes;
    delete c.supportResponseHours;
    delete c.hasRunbook;
    c.monitored = true;
    if (path === undefined) delete c.requires;
    else c.requires = withFreshGroupIds(path, groupIdsOf(inventory));
    return inv;
  },
  defaultCost: () => ({ upfront: 1500, monthly: 60, lifeYears: 5 }),
  // The target's record only: the access path is made of requirements and kinds, and apply()
  // writes every figure of the target itself.
  readsOnSameStructure: (_inv, targets) => targets,
  // apply() writes these, with no one to wait for and monitoring on: r' is the repair time.
  targetFiguresAfter: () => ({ failuresPerYear: v.failuresPerYear!, effectiveRepairHours: v.repairHours! }),
  touches: (inventory, [target]) => [...new Set([target!, ...closureOf(inventory, target!), ...cloudAccessNeeds(inventory)])].sort(),
  touchesDataSets: () => [],
});

const redundantNetworkDevice: Mitigation = {
  id: "redundant-network-device",
  title: "Add a redundant network device",
  effect: "A second switch, router or firewall in an active pair: either one carries the traffic.",
  sources: [SRC.unverified],
  parameters: {},
  effectValues: {},
  candidates: (ctx) => spofsOfKind(ctx, new Set(["network"])),
  apply: (inventory, [target]) =>
    addTwin(
      inventory,
      target!,
      (t, id) => ({
        id,
        name: `Redundant ${t.name ?? t.id}`,
        kind: t.kind,
        ...(t.failuresPerYear !== undefined ? { failuresPerYear: t.failuresPerYear } : {}),
        ...(t.repairHours !== undefined ? { repairHours: t.repairHours } : {}),
        ...(t.requires !== undefined ? { requires: t.requires } : {}),
        ...(t.knownBy !== undefined ? { knownBy: t.knownBy } : {}),
      }),
      () => ({}),
      "pair",
    ),
  defaultCost: () => ({ upfront: 800, monthly: 0, lifeYears: 5 }),
  touches: (_inv, targets) => [...targets],
  touchesDataSets: () => [],
  twinOf: (after, [target]) => {
    // addTwin puts the twin right after its target.
    const list = after.components ?? [];
    const twin = list[list.findIndex((c) => c.id === target) + 1];
    return twin === undefined ? undefined : { of: target!, twin: twin.id };
  },
};

const SUPPORT_PARAMETERS = {
  responseHours: { label: "hours until the vendor responds", defaultValue: 4, min: 0, minExclusive: true, max: 720, source: SRC.unverified },
  repairHours: { label: "hours a repair takes at most", defaultValue: 8, min: 0, minExclusive: true, max: 720, source: SRC.server },
} satisfies Record<string, EffectParameter>;

const fasterSupport = (v: EffectValues): Mitigation => ({
  id: "faster-support-contract",
  title: `Buy a ${v.responseHours}-hour on-site support contract`,
  effect: `The vendor responds within ${hoursText(v.responseHours!)} and a repair takes at most ${hoursText(v.repairHours!)}.`,
  sources: [SRC.server, SRC.unverified],
  parameters: SUPPORT_PARAMETERS,
  effectValues: v,
  candidates: (ctx) =>
    ctx.spofComponents
      .filter((c) => HARDWARE_KINDS.has(c.kind))
      .filter((c) => {
        // Ids are unique: the resolved component at the same position.
        const r = ctx.scores.components[ctx.scores.model.indexOfComponent(c.id)!]!;
        return r.repairHours > v.repairHours! || (c.knownBy?.length === 0 && r.peopleWaitHours > v.responseHours!);
      })
      .map((c) => [c.id]),
  apply: (inventory, [target]) => {
    const inv = copyOf(inventory);
    const c = editComponent(inv, target!);
    const current = c.repairHours ?? COMPONENT_DEFAULTS[c.kind].repairHours;
    c.repairHours = Math.min(current, v.repairHours!);
    c.supportResponseHours = Math.min(c.supportResponseHours ?? Infinity, v.responseHours!);
    return inv;
  },
  defaultCost: () => ({ upfront: 0, monthly: 40, lifeYears: 1 }),
  touches: (_inv, targets) => [...targets],
  touchesDataSets: () => [],
});

const CROSS_TRAINED_ID = "cross-trained-colleague";

const crossTraining: Mitigation = {
  id: "cross-training",
  title: "Cross-train a second person",
  effect:
    "A second person learns to fix or restore it (16 hours of training, refreshed every two years), so an absence no longer stalls the repair.",
  sources: [SRC.training],
  parameters: {},
  effectValues: {},
  candidates: (ctx) =>
    ctx.spofComponents
      .filter((c) => c.knownBy !== undefined && c.knownBy.length <= 1)
      .map((c) => [c.id]),
  apply: (inventory, [target]) => {
    const inv = copyOf(inventory);
    const c = editComponent(inv, target!);
    const known = new Set(c.knownBy ?? []);
    let person = (inv.people ?? []).find((p) => !known.has(p.id))?.id;
    if (person === undefined) {
      person = freshId(new Set((inv.people ?? []).map((p) => p.id)), CROSS_TRAINED_ID);
      inv.people = [...(inv.people ?? []), { id: person, name: "A second trained person (to be chosen)" }];
    }
    c.knownBy = [...(c.knownBy ?? []), person];
    return inv;
  },
  defaultCost: (_inv, _t, wage) => staffCost(16, wage, 2),
  touches: (_inv, targets) => [...targets],
  touchesDataSets: () => [],
};

const runbook: Mitigation = {
  id: "runbook",
  title: "Write and test a runbook",
  effect: "Step-by-step written instructions (8 hours to write and test) let a colleague step in half of the time the expert is away.",
  sources: [SRC.training],
  parameters: {},
  effectValues: {},
  candidates: (ctx) =>
    ctx.spofComponents
      .filter((c) => c.knownBy?.length === 1 && !c.hasRunbook)
      .map((c) => [c.id]),
  apply: (inventory, [target]) => {
    const inv = copyOf(inventory);
    editComponent(inv, target!).hasRunbook = true;
    return inv;
  },
  defaultCost: (_inv, _t, wage) => staffCost(8, wage, 2),
  touches: (_inv, targets) => [...targets],
  touchesDataSets: () => [],
};

const monitoring: Mitigation = {
  id: "monitoring",
  title: "Monitor it so a failure is noticed at once",
  effect: "An alert (uptime check, UPS self-test report, backup-line probe) replaces finding out by chance.",
  sources: [SRC.unverified],
  parameters: {},
  effectValues: {},
  candidates: (ctx) => {
    const unmonitored = (ctx.inventory.components ?? []).filter((c) => c.monitored === false);
    if (unmonitored.length === 0) return [];
    const { model } = ctx.scores;
    const inACutSet = eventsInCutSets(ctx.scores);
    return unmonitored
      .filter((c) => {
        const e = model.numbering.lookup(c.id);
        return e !== undefined && inACutSet[e] === 1;
      })
      .map((c) => [c.id]);
  },
  apply: (inventory, [target]) => {
    const inv = copyOf(inventory);
    editComponent(inv, target!).monitored = true;
    return inv;
  },
  defaultCost: (_inv, _t, wage) => ({ upfront: 2 * wage, monthly: 10, lifeYears: 3 }),
  touches: (_inv, targets) => [...targets],
  touchesDataSets: () => [],
};

const inCutSetsByScores = new WeakMap<Scores, Uint8Array>();

/** 1 for each event that is in some cut set of some function, by event number. */
function eventsInCutSets(scores: Scores): Uint8Array {
  let marks = inCutSetsByScores.get(scores);
  if (marks) return marks;
  marks = new Uint8Array(scores.model.numbering.size);
  for (const f of scores.functions) for (const set of f.cutSetEvents) for (const e of set) marks[e] = 1;
  inCutSetsByScores.set(scores, marks);
  return marks;
}

const DEFAULT_DATA_SET_GB = 500;

function hasImmutableOffsite(ds: DataSet): boolean {
  return (ds.copies ?? []).some(
    (c) => (c.location === "offsite" || c.location === "cloud") && (c.immutable === true || c.online === false),
  );
}

function addCopy(inventory: Inventory, dataSetId: string, copy: (id: string) => Copy): Inventory {
  const inv = copyOf(inventory);
  const ds = editDataSet(inv, dataSetId);
  const id = freshId(new Set((ds.copies ?? []).map((c) => c.id)), copy("x").id);
  ds.copies = [...(ds.copies ?? []), { ...copy(id), id }];
  return inv;
}

const intervalParameter = (defaultValue: number, source: Source): EffectParameter => ({
  label: "hours between refreshes of the copy",
  defaultValue,
  min: 0,
  minExclusive: true,
  max: 8760,
  source,
});
const CLOUD_BACKUP_PARAMETERS = { intervalHours: intervalParameter(24, SRC.objectStorage) };

const immutableCloudBackup = (v: EffectValues): Mitigation => ({
  id: "immutable-cloud-backup",
  title: "Add an immutable cloud backup copy",
  effect: `${v.intervalHours === 24 ? "A nightly copy" : `A copy every ${hoursText(v.intervalHours!)}`} to cloud object storage with object lock: it survives a fire and ransomware.`,
  sources: [SRC.objectStorage],
  parameters: CLOUD_BACKUP_PARAMETERS,
  effectValues: v,
  candidates: (ctx) => (ctx.inventory.dataSets ?? []).filter((ds) => !hasImmutableOffsite(ds)).map((ds) => [ds.id]),
  apply: (inventory, [target]) =>
    addCopy(inventory, target!, () => ({
      id: "cloud-immutable",
      location: "cloud",
      medium: "object-storage",
      intervalHours: v.intervalHours!,
      online: true,
      immutable: true,
    })),
  defaultCost: (inventory, [target], wage) => {
    const gb = dataSetById(inventory, target!).sizeGb ?? DEFAULT_DATA_SET_GB;
    return { upfront: 4 * wage, monthly: Math.max(1, (7 * gb) / 1000), lifeYears: 3 };
  },
  touches: () => [],
  touchesDataSets: (targets) => [...targets],
});

const OFFLINE_COPY_PARAMETERS = { intervalHours: intervalParameter(168, SRC.unverified) };

const offlineBackupCopy = (v: EffectValues): Mitigation => ({
  id: "offline-backup-copy",
  title: "Rotate an offline backup disk off site",
  effect: `${v.intervalHours === 168 ? "A weekly backup" : `A backup every ${hoursText(v.intervalHours!)}`} to a disk that is unplugged and taken off site: ransomware cannot reach it and a fire does not take it.`,
  sources: [SRC.unverified],
  parameters: OFFLINE_COPY_PARAMETERS,
  effectValues: v,
  candidates: (ctx) =>
    (ctx.inventory.dataSets ?? []).filter((ds) => !ds.copies?.some((c) => c.online === false)).map((ds) => [ds.id]),
  apply: (inventory, [target]) =>
    addCopy(inventory, target!, () => ({
      id: "offline-disk",
      location: "offsite",
      medium: "usb-disk",
      intervalHours: v.intervalHours!,
      online: false,
    })),
  // Two disks; a quarter of an hour a week to swap them.
  defaultCost: (_inv, _t, wage) => ({ upfront: 200, monthly: (0.25 * 52 * wage) / 12, lifeYears: 4 }),
  touches: () => [],
  touchesDataSets: (targets) => [...targets],
});

const FREQUENT_BACKUP_PARAMETERS = { intervalHours: intervalParameter(4, SRC.unverified) };

const everyHours = (h: number) => (h === 1 ? "every hour" : `every ${hoursText(h)}`);

const moreFrequentBackups = (v: EffectValues): Mitigation => ({
  id: "more-frequent-backups",
  title: `Back up ${everyHours(v.intervalHours!)} instead of nightly`,
  effect: `Online copies are refreshed ${everyHours(v.intervalHours!)}, so a restore loses at most ${v.intervalHours === 4 ? "a morning's work" : `${hoursText(v.intervalHours!)} of work`}.`,
  sources: [SRC.unverified],
  parameters: FREQUENT_BACKUP_PARAMETERS,
  effectValues: v,
  candidates: (ctx) =>
    (ctx.inventory.dataSets ?? [])
      .filter((ds) => (ds.dataLossCostPerHour ?? 0) > 0)
      .filter((ds) => (ds.copies ?? []).some((c) => c.online !== false && c.intervalHours > v.intervalHours!))
      .map((ds) => [ds.id]),
  apply: (inventory, [target]) => {
    const inv = copyOf(inventory);
    for (const c of editDataSet(inv, target!).copies ?? []) {
      if (c.online !== false) c.intervalHours = Math.min(c.intervalHours, v.intervalHours!);
    }
    return inv;
  },
  defaultCost: () => ({ upfront: 0, monthly: 20, lifeYears: 1 }),
  touches: () => [],
  touchesDataSets: (targets) => [...targets],
});

const RESTORE_TEST_HOURS_PER_COPY = 8;

const restoreTest: Mitigation = {
  id: "restore-test",
  title: "Test a restore from every copy, once a year",
  effect: "Each copy is restored for real once a year, so a broken backup is found before it is needed.",
  sources: [SRC.restore],
  parameters: {},
  effectValues: {},
  candidates: (ctx) =>
    (ctx.inventory.dataSets ?? [])
      .filter((ds) => (ds.copies ?? []).some((c) => !isRestoreTested(c, ctx.scores.asOf)))
      .map((ds) => [ds.id]),
  // The test happens now: the inventory's own date.
  apply: (inventory, [target]) => {
    const inv = copyOf(inventory);
    const asOf = inv.asOf;
    for (const c of editDataSet(inv, target!).copies ?? []) if (asOf !== undefined) c.lastRestoreTest = asOf;
    return inv;
  },
  defaultCost: (inventory, [target], wage) => {
    const copies = (dataSetById(inventory, target!).copies ?? []).length;
    return { upfront: 0, monthly: (RESTORE_TEST_HOURS_PER_COPY * copies * wage) / 12, lifeYears: 1 };
  },
  touches: () => [],
  touchesDataSets: (targets) => [...targets],
};

interface CatalogueEntry {
  readonly id: string;
  readonly parameters: Readonly<Record<string, EffectParameter>>;
  make(values: EffectValues): Mitigation;
}

const fixed = (m: Mitigation): CatalogueEntry => ({ id: m.id, parameters: m.parameters, make: () => m });
const tunable = (id: string, parameters: Readonly<Record<string, EffectParameter>>, make: (v: EffectValues) => Mitigation): CatalogueEntry => ({
  id,
  parameters,
  make,
});

/** The catalogue in the order used to break ties. */
const CATALOGUE: readonly CatalogueEntry[] = [
  tunable("second-internet-line", SECOND_LINE_PARAMETERS, secondInternetLine),
  tunable("ups", UPS_PARAMETERS, addUps),
  tunable("generator", GENERATOR_PARAMETERS, addGenerator),
  tunable("standby-server", STANDBY_PARAMETERS, standbyServer),
  tunable("move-to-cloud", CLOUD_PARAMETERS, moveToCloud),
  fixed(redundantNetworkDevice),
  tunable("faster-support-contract", SUPPORT_PARAMETERS, fasterSupport),
  fixed(crossTraining),
  fixed(runbook),
  fixed(monitoring),
  tunable("immutable-cloud-backup", CLOUD_BACKUP_PARAMETERS, immutableCloudBackup),
  tunable("offline-backup-copy", OFFLINE_COPY_PARAMETERS, offlineBackupCopy),
  tunable("more-frequent-backups", FREQUENT_BACKUP_PARAMETERS, moreFrequentBackups),
  fixed(restoreTest),
];

function defaultsOf(parameters: Readonly<Record<string, EffectParameter>>): EffectValues {
  return Object.fromEntries(Object.entries(parameters).map(([k, p]) => [k, p.defaultValue]));
}

/** Every mitigation with its default effect, in the order used to break ties. */
export const MITIGATIONS: readonly Mitigation[] = CATALOGUE.map((c) => c.make(defaultsOf(c.parameters)));

export function mitigationById(id: string): Mitigation | undefined {
  return MITIGATIONS.find((m) => m.id === id);
}

/** Each mitigation id with its effect parameters (for validation and for showing them). */
export const EFFECT_PARAMETERS: Readonly<Record<string, Readonly<Record<string, EffectParameter>>>> = Object.fromEntries(
  CATALOGUE.map((c) => [c.id, c.parameters]),
);

const configured = new WeakMap<EffectOverrides, readonly Mitigation[]>();

/**
 * The catalogue with some effect values set (already validated: overrides.ts). Without
 * overrides, MITIGATIONS itself; the same overrides object gives the same catalogue.
 */
export function configureMitigations(overrides: EffectOverrides | undefined): readonly Mitigation[] {
  if (overrides === undefined || Object.keys(overrides).length === 0) return MITIGATIONS;
  let known = configured.get(overrides);
  if (!known) {
    known = CATALOGUE.map((c, i) => {
      const own = overrides[c.id];
      if (own === undefined || Object.keys(own).length === 0) return MITIGATIONS[i]!;
      return c.make({ ...defaultsOf(c.parameters), ...own });
    });
    configured.set(overrides, known);
  }
  return known;
}

/**
 * Properties of the engine over generated inventories (fast-check, hand-written arbitraries: the
 * zod bridge does not support zod 4). Every oracle here is written independently of the engine:
 * a brute-force evaluator of the requirement structure, a brute-force greedy plan without
 * pruning, and plain comparisons between related inventories.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COMPONENT_KINDS,
  COPY_LOCATIONS,
  EFFECT_PARAMETERS,
  HOURS_PER_YEAR,
  MITIGATIONS,
  configureMitigations,
  ORGANIZATION_DEFAULTS,
  ScoringCache,
  annualizedCost,
  applyPlanItems,
  assessInventory,
  buildPlan,
  formatProblem,
  scoreInventory,
  validateInventory,
  type Component,
  type Copy,
  type DataSet,
  type EffectOverrides,
  type Inventory,
  type Mitigation,
  type Requirement,
  type Scores,
} from "./index.js";

import { planContext } from "./mitigations.js";
import { carriedBenefitsAgainstFresh, planBoundsAgainstFresh } from "./plan.js";

const AS_OF = "2026-11-21";

// ---------------------------------------------------------------------------------------------
// Arbitraries. A blueprint of random choices is drawn first and turned into an inventory by
// `buildInventory`, which only ever produces valid documents: components require earlier
// components (a DAG), group ids are numbered, atLeast k is reduced into 1..n.

type ReqRecipe =
  | { readonly t: "leaf"; readonly pick: number }
  | {
      readonly t: "all" | "any" | "atLeast";
      readonly members: readonly ReqRecipe[];
      readonly k: number;
      readonly failoverMinutes: number;
      readonly named: boolean;
    };

function reqRecipe(depth: number): fc.Arbitrary<ReqRecipe> {
  const leaf = fc.record({ t: fc.constant("leaf" as const), pick: fc.nat() });
  if (depth === 0) return leaf;
  const group = fc.record({
    t: fc.constantFrom("all" as const, "any" as const, "atLeast" as const),
    members: fc.array(reqRecipe(depth - 1), { minLength: 1, maxLength: 4 }),
    k: fc.nat(),
    failoverMinutes: fc.constantFrom(0, 0, 0, 1, 15, 60),
    named: fc.boolean(),
  });
  return fc.oneof({ weight: 2, arbitrary: leaf }, { weight: 3, arbitrary: group });
}

const optional = <T>(arb: fc.Arbitrary<T>, freq = 2) => fc.option(arb, { nil: undefined, freq });

interface GenOptions {
  readonly minComponents?: number;
  readonly maxComponents: number;
  readonly maxFunctions: number;
  readonly maxDataSets: number;
  /** Requirement depth of groups inside groups. */
  readonly depth?: number;
}

const componentBlueprint = (depth: number) =>
  fc.record({
    kind: fc.constantFrom(...COMPONENT_KINDS),
    failuresPerYear: optional(fc.oneof(fc.constant(0), fc.double({ min: 1e-4, max: 3, noNaN: true })), 6),
    repairHours: optional(fc.double({ min: 0.1, max: 100, noNaN: true }), 6),
    runtimeMinutes: fc.constantFrom(undefined, undefined, undefined, 0, 5, 15, 60),
    monitored: fc.constantFrom(undefined, undefined, true, false),
    knownBy: optional(fc.uniqueArray(fc.nat({ max: 3 }), { maxLength: 3 })),
    hasRunbook: fc.constantFrom(undefined, undefined, true, false),
    supportResponseHours: optional(fc.constantFrom(0, 4, 48), 1),
    requires: optional(reqRecipe(depth), 3),
  });

const functionBlueprint = (depth: number) =>
  fc.record({
    requires: reqRecipe(depth),
    downtimeCostPerHour: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2000 }), fc.double({ min: 1, max: 5000, noNaN: true })),
    hours: fc.constantFrom(undefined, "always" as const, "business" as const),
    rtoHours: optional(fc.constantFrom(0, 1, 4, 24, 72)),
  });

const copyBlueprint = fc.record({
  location: fc.constantFrom(...COPY_LOCATIONS),
  medium: fc.constantFrom("nas", "object-storage", "usb-disk", "disk"),
  intervalHours: fc.oneof(fc.constantFrom(1, 4, 24, 24, 168), fc.double({ min: 0.1, max: 500, noNaN: true })),
  online: fc.constantFrom(undefined, true, false),
  immutable: fc.constantFrom(undefined, true, false),
  lastRestoreTest: fc.constantFrom(undefined, "2026-11-21", "2026-06-01", "2025-11-21", "2025-11-20", "2027-01-01"),
});

const scenariosBlueprint = fc.record(
  {
    device: fc.double({ min: 0, max: 1, noNaN: true }),
    site: fc.double({ min: 0, max: 0.2, noNaN: true }),
    ransomware: fc.double({ min: 0, max: 0.2, noNaN: true }),
  },
  { requiredKeys: [] },
);

const dataSetBlueprint = fc.record({
  primary: fc.nat(),
  medium: fc.constantFrom(undefined, "ssd", "disk", "nas"),
  dataLossCostPerHour: optional(fc.integer({ min: 0, max: 500 }), 4),
  totalLossCost: optional(fc.integer({ min: 0, max: 500_000 }), 4),
  rpoHours: optional(fc.constantFrom(0, 4, 24, 100)),
  lossScenarios: optional(scenariosBlueprint, 1),
  sizeGb: optional(fc.integer({ min: 0, max: 5000 }), 1),
  copies: fc.array(copyBlueprint, { maxLength: 3 }),
});

const organizationBlueprint = fc.record({
  operatingHoursPerWeek: fc.oneof(fc.constantFrom(0, 40, 50, 168), fc.double({ min: 1, max: 168, noNaN: true })),
  absenceWaitHours: optional(fc.integer({ min: 0, max: 100 }), 1),
  vendorResponseHours: optional(fc.integer({ min: 0, max: 72 }), 1),
  unmonitoredDetectionHours: optional(fc.integer({ min: 0, max: 336 }), 1),
  untestedRestoreFailure: optional(fc.double({ min: 0, max: 1, noNaN: true }), 1),
  staffCostPerHour: optional(fc.constantFrom(0, 25, 50, 120), 1),
  lossScenarios: optional(scenariosBlueprint, 1),
});

function inventoryArb(options: GenOptions): fc.Arbitrary<Inventory> {
  const depth = options.depth ?? 2;
  return fc
    .record({
      organization: organizationBlueprint,
      people: fc.array(optional(fc.double({ min: 0, max: 1, noNaN: true }), 3), { maxLength: 4 }),
      components: fc.array(componentBlueprint(depth), { minLength: options.minComponents ?? 1, maxLength: options.maxComponents }),
      functions: fc.array(functionBlueprint(depth), { minLength: 1, maxLength: options.maxFunctions }),
      dataSets: fc.array(dataSetBlueprint, { maxLength: options.maxDataSets }),
    })
    .map(buildInventory);
}

type Infer<A> = A extends fc.Arbitrary<infer T> ? T : never;

function buildInventory(bp: {
  organization: Infer<typeof organizationBlueprint>;
  people: Array<number | undefined>;
  components: Array<Infer<ReturnType<typeof componentBlueprint>>>;
  functions: Array<Infer<ReturnType<typeof functionBlueprint>>>;
  dataSets: Array<Infer<typeof dataSetBlueprint>>;
}): Inventory {
  let groups = 0;
  const build = (r: ReqRecipe, candidates: readonly string[]): Requirement => {
    if (r.t === "leaf") return candidates[r.pick % candidates.length]!;
    const members = r.members.map((m) => build(m, candidates));
    if (r.t === "all") return { all: members };
    if (r.t === "atLeast") return { atLeast: 1 + (r.k % members.length), of: members };
    if (r.failoverMinutes > 0) return { any: members, id: `g${groups++}`, failoverMinutes: r.failoverMinutes };
    return r.named ? { any: members, id: `g${groups++}` } : { any: members };
  };
  const people = bp.people.map((availability, i) => ({ id: `p${i}`, ...(availability === undefined ? {} : { availability }) }));
  const ids = bp.components.map((_, i) => `c${i}`);
  const components: Component[] = bp.components.map((c, i) => {
    const out: Component = { id: ids[i]!, kind: c.kind };
    if (c.failuresPerYear !== undefined) out.failuresPerYear = c.failuresPerYear;
    if (c.repairHours !== undefined) out.repairHours = c.repairHours;
    if (c.runtimeMinutes !== undefined) out.runtimeMinutes = c.runtimeMinutes;
    if (c.monitored !== undefined) out.monitored = c.monitored;
    if (c.knownBy !== undefined) out.knownBy = c.knownBy.filter((p) => p < people.length).map((p) => `p${p}`);
    if (c.hasRunbook !== undefined) out.hasRunbook = c.hasRunbook;
    if (c.supportResponseHours !== undefined) out.supportResponseHours = c.supportResponseHours;
    if (c.requires !== undefined && i > 0) out.requires = build(c.requires, ids.slice(0, i));
    return out;
  });
  const functions = bp.functions.map((f, i) => ({
    id: `f${i}`,
    downtimeCostPerHour: f.downtimeCostPerHour,
    requires: build(f.requires, ids),
    ...(f.hours === undefined ? {} : { hours: f.hours }),
    ...(f.rtoHours === undefined ? {} : { rtoHours: f.rtoHours }),
  }));
  const dataSets: DataSet[] = bp.dataSets.map((d, i) => {
    const out: DataSet = { id: `d${i}`, primary: ids[d.primary % ids.length]! };
    if (d.medium !== undefined) out.medium = d.medium;
    if (d.dataLossCostPerHour !== undefined) out.dataLossCostPerHour = d.dataLossCostPerHour;
    if (d.totalLossCost !== undefined) out.totalLossCost = d.totalLossCost;
    if (d.rpoHours !== undefined) out.rpoHours = d.rpoHours;
    if (d.lossScenarios !== undefined) out.lossScenarios = d.lossScenarios;
    if (d.sizeGb !== undefined) out.sizeGb = d.sizeGb;
    out.copies = d.copies.map((c, j): Copy => {
      const copy: Copy = { id: `k${j}`, location: c.location, medium: c.medium, intervalHours: c.intervalHours };
      if (c.online !== undefined) copy.online = c.online;
      if (c.immutable !== undefined) copy.immutable = c.immutable;
      if (c.lastRestoreTest !== undefined) copy.lastRestoreTest = c.lastRestoreTest;
      return copy;
    });
    return out;
  });
  const organization: Inventory["organization"] = { name: "Generated", currency: "EUR", operatingHoursPerWeek: 40 };
  for (const [k, v] of Object.entries(bp.organization)) if (v !== undefined) (organization as Record<string, unknown>)[k] = v;
  return {
    format: "resilience-inventory/1",
    asOf: AS_OF,
    organization,
    people,
    components,
    functions,
    dataSets,
  };
}

/** The generator must only produce valid inventories; say which rule it broke otherwise. */
function valid(inv: Inventory): Inventory {
  const result = validateInventory(inv);
  if (!result.ok) throw new Error(`generator produced an invalid inventory:\n${result.problems.map(formatProblem).join("\n")}`);
  return result.inventory;
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/** Relative closeness, with a floor far below any figure that matters (products of tiny q underflow). */
function close(a: number, b: number, tol = 1e-9): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b)) + 1e-300;
}

function expectClose(actual: number, expected: number, what: string, tol = 1e-9): void {
  if (!close(actual, expected, tol)) throw new Error(`${what}: ${actual} is not within ${tol} of ${expected}`);
}

function forEachRequirement(inv: Inventory, visit: (req: Requirement, owner: { kind: "component" | "function"; index: number }) => void): void {
  inv.components?.forEach((c, index) => c.requires !== undefined && visit(c.requires, { kind: "component", index }));
  inv.functions?.forEach((f, index) => visit(f.requires, { kind: "function", index }));
}

function groupNodes(req: Requirement, out: Array<{ node: Exclude<Requirement, string>; underFailover: boolean }> = [], underFailover = false) {
  if (typeof req === "string") return out;
  out.push({ node: req, underFailover });
  const failover = "any" in req && (req.failoverMinutes ?? 0) > 0;
  const members = "all" in req ? req.all : "any" in req ? req.any : req.of;
  for (const m of members) groupNodes(m, out, underFailover || failover);
  return out;
}

/** Whether requirement `req` holds when the components in `failed` are down (model.md §1). */
function makeEvaluator(inv: Inventory, failed: ReadonlySet<string>) {
  const byId = new Map((inv.components ?? []).map((c) => [c.id, c]));
  const memo = new Map<string, boolean>();
  const componentUp = (id: string): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const c = byId.get(id)!;
    const up = !failed.has(id) && (c.requires === undefined || holds(c.requires));
    memo.set(id, up);
    return up;
  };
  const holds = (req: Requirement): boolean => {
    if (typeof req === "string") return componentUp(req);
    if ("all" in req) return req.all.every(holds);
    // A switch-over pseudo-event is not a component: failing components alone never trips it.
    if ("any" in req) return req.any.some(holds);
    return req.of.filter(holds).length >= req.atLeast;
  };
  return holds;
}

function shuffled<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A small deterministic generator, seeded by fast-check, for the shuffles. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffleRequirement(req: Requirement, rng: () => number): Requirement {
  if (typeof req === "string") return req;
  if ("all" in req) return { all: shuffled(req.all.map((m) => shuffleRequirement(m, rng)), rng) };
  if ("atLeast" in req) return { atLeast: req.atLeast, of: shuffled(req.of.map((m) => shuffleRequirement(m, rng)), rng) };
  const members = req.any.map((m) => shuffleRequirement(m, rng));
  // An active-passive group has an ordered primary: its members keep their order.
  return { ...req, any: (req.failoverMinutes ?? 0) > 0 ? members : shuffled(members, rng) };
}

function shuffleInventory(inv: Inventory, seed: number): Inventory {
  const rng = mulberry32(seed);
  return {
    ...inv,
    people: shuffled(inv.people ?? [], rng),
    components: shuffled(
      (inv.components ?? []).map((c) => ({
        ...c,
        ...(c.requires === undefined ? {} : { requires: shuffleRequirement(c.requires, rng) }),
        ...(c.knownBy === undefined ? {} : { knownBy: shuffled(c.knownBy, rng) }),
      })),
      rng,
    ),
    functions: shuffled(
      (inv.functions ?? []).map((f) => ({ ...f, requires: shuffleRequirement(f.requires, rng) })),
      rng,
    ),
    dataSets: shuffled(
      (inv.dataSets ?? []).map((d) => ({ ...d, ...(d.copies === undefined ? {} : { copies: shuffled(d.copies, rng) }) })),
      rng,
    ),
  };
}

/** Everything an assessment says, keyed by id and member set, for order-insensitive comparison. */
function summary(scores: Scores) {
  return {
    total: scores.expectedAnnualLoss,
    functions: new Map(
      scores.functions.map((f) => [
        f.id,
        {
          downtime: f.downtimeHoursPerYear,
          loss: f.expectedAnnualLoss,
          spofs: [...f.singlePointsOfFailure].sort(),
          truncated: f.truncated,
          cutSets: new Map(f.cutSets.map((c) => [c.components.join(","), { weight: c.weight, contribution: c.downtimeHoursPerYear }])),
          rto: new Map(f.rtoBreaches.map((r) => [r.component, r])),
          bus: new Map(f.busFactor.map((b) => [b.component, b.people])),
        },
      ]),
    ),
    dataSets: new Map(scores.dataSets.map((d) => [d.id, d])),
  };
}

function expectSameSummary(a: ReturnType<typeof summary>, b: ReturnType<typeof summary>): void {
  expectClose(b.total, a.total, "total loss");
  expect([...b.functions.keys()].sort()).toEqual([...a.functions.keys()].sort());
  for (const [id, fa] of a.functions) {
    const fb = b.functions.get(id)!;
    expectClose(fb.downtime, fa.downtime, `${id} downtime`);
    expectClose(fb.loss, fa.loss, `${id} loss`);
    expect(fb.spofs).toEqual(fa.spofs);
    // `truncated` is left out: it also reports discarded non-minimal unions, which depend on the
    // order in which members are combined (inventory-format.md: informative, not compared).
    expect([...fb.cutSets.keys()].sort()).toEqual([...fa.cutSets.keys()].sort());
    for (const [key, ca] of fa.cutSets) {
      expectClose(fb.cutSets.get(key)!.weight, ca.weight, `${id} {${key}} weight`);
      expectClose(fb.cutSets.get(key)!.contribution, ca.contribution, `${id} {${key}} contribution`);
    }
    expect([...fb.rto.keys()].sort()).toEqual([...fa.rto.keys()].sort());
    for (const [component, ra] of fa.rto) expectClose(fb.rto.get(component)!.chanceOutlastsRto, ra.chanceOutlastsRto, `${id} rto ${component}`);
    expect(new Map([...fb.bus].sort())).toEqual(new Map([...fa.bus].sort()));
  }
  expect([...b.dataSets.keys()].sort()).toEqual([...a.dataSets.keys()].sort());
  for (const [id, da] of a.dataSets) {
    const db = b.dataSets.get(id)!;
    expectClose(db.expectedAnnualLoss, da.expectedAnnualLoss, `${id} data loss`);
    expect(db.checks).toEqual(da.checks);
    expect(db.rpoBreaches).toEqual(da.rpoBreaches);
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const staffRate = (inv: Inventory) => inv.organization.staffCostPerHour ?? ORGANIZATION_DEFAULTS.staffCostPerHour.value;

// ---------------------------------------------------------------------------------------------

describe("the generator", () => {
  it("produces valid inventories with every feature in use", () => {
    const seen = { atLeast: 0, failover: 0, named: 0, runtime: 0, knownBy: 0, unmonitored: 0, copies: 0 };
    fc.assert(
      fc.property(inventoryArb({ maxComponents: 30, maxFunctions: 4, maxDataSets: 3 }), (inv) => {
        valid(inv);
        forEachRequirement(inv, (req) => {
          for (const { node } of groupNodes(req)) {
            if ("atLeast" in node) seen.atLeast++;
            if ("any" in node && (node.failoverMinutes ?? 0) > 0) seen.failover++;
            if ("any" in node && node.id !== undefined) seen.named++;
          }
        });
        for (const c of inv.components ?? []) {
          if ((c.runtimeMinutes ?? 0) > 0) seen.runtime++;
          if (c.knownBy !== undefined && c.knownBy.length > 0) seen.knownBy++;
          if (c.monitored === false) seen.unmonitored++;
        }
        for (const d of inv.dataSets ?? []) seen.copies += d.copies?.length ?? 0;
      }),
      { numRuns: 100 },
    );
    for (const [feature, count] of Object.entries(seen)) expect(count, feature).toBeGreaterThan(10);
  });
});

describe("scoring properties", () => {
  it("is deterministic: the same input gives byte-identical output", () => {
    fc.assert(
      fc.property(inventoryArb({ maxComponents: 20, maxFunctions: 4, maxDataSets: 3 }), (inv) => {
        const once = JSON.stringify(assessInventory(valid(inv), { withoutPlan: true }));
        const twice = JSON.stringify(assessInventory(structuredClone(inv), { withoutPlan: true }));
        expect(twice).toBe(once);
      }),
      { numRuns: 100 },
    );
  });

  it("list order and member order change no figure and no set", () => {
    fc.assert(
      fc.property(inventoryArb({ maxComponents: 20, maxFunctions: 4, maxDataSets: 3 }), fc.integer(), (raw, seed) => {
        const inv = valid(raw);
        const shuffledInv = valid(shuffleInventory(inv, seed));
        expectSameSummary(summary(scoreInventory(inv)), summary(scoreInventory(shuffledInv)));
      }),
      { numRuns: 150 },
    );
  });

  it("per function, the cut-set contributions sum to the downtime (before the 8760 cap)", () => {
    fc.assert(
      fc.property(inventoryArb({ maxComponents: 20, maxFunctions: 4, maxDataSets: 0 }), (inv) => {
        for (const f of scoreInventory(valid(inv)).functions) {
          let sum = 0;
          for (const c of f.cutSets) sum += c.downtimeHoursPerYear;
          if (sum < HOURS_PER_YEAR) expectClose(f.downtimeHoursPerYear, sum, `${f.id} sum of contributions`);
          else expect(f.downtimeHoursPerYear).toBe(HOURS_PER_YEAR);
          expectClose(f.expectedAnnualLoss, f.downtimeHoursPerYear * f.hoursWeight * f.downtimeCostPerHour, `${f.id} loss`);
          // Every contribution is 8760 · w · Π q with its members' own figures.
          for (const c of f.cutSets) {
            let q = 1;
            for (const m of c.members) q *= m.unavailability;
            expectClose(c.downtimeHoursPerYear, HOURS_PER_YEAR * c.weight * q, `${f.id} {${c.components.join(",")}}`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("the single points of failure are exactly the components whose failure alone stops the function (brute force, ≤ 30 components)", () => {
    fc.assert(
      fc.property(inventoryArb({ minComponents: 5, maxComponents: 30, maxFunctions: 4, maxDataSets: 0, depth: 3 }), fc.integer({ min: 1, max: 4 }), (inv, maxOrder) => {
        // Order-1 sets are never cut by the order limit, whatever it is: not by the order-1
        // algebra, nor by the order budgets of the general path (which the plan's ScoringCache
        // takes at every order; a budget once came out 0 beside a member above a switch-over).
        const scores = scoreInventory(valid(inv), { maxOrder });
        const cached = scoreInventory(valid(inv), { maxOrder, cache: new ScoringCache(maxOrder) });
        (inv.functions ?? []).forEach((f, k) => {
          const brute = (inv.components ?? [])
            .map((c) => c.id)
            .filter((id) => !makeEvaluator(inv, new Set([id]))(f.requires))
            .sort();
          expect([...scores.functions[k]!.singlePointsOfFailure].sort()).toEqual(brute);
          expect([...cached.functions[k]!.singlePointsOfFailure].sort()).toEqual(brute);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("adding a member to an any (without failover) never raises any function's downtime", () => {
    // Ride-through is stripped and groups below a switch-over are left alone: with either, the
    // model can legitimately rise (see the two worked examples below).
    const arb = fc.tuple(inventoryArb({ maxComponents: 20, maxFunctions: 4, maxDataSets: 0 }), fc.nat(), fc.nat(), fc.boolean());
    let exercised = 0;
    fc.assert(
      fc.property(arb, ([raw, sitePick, memberPick, fresh]) => {
        const inv = valid({ ...raw, components: raw.components!.map(({ runtimeMinutes: _r, ...c }) => c) });
        const components = inv.components ?? [];
        // Components a switch-over group can reach: changing them changes its rate.
        const belowFailover = new Set<string>();
        const reach = (req: Requirement) => {
          for (const id of namedIn(req)) {
            if (belowFailover.has(id)) continue;
            belowFailover.add(id);
            const c = components.find((x) => x.id === id)!;
            if (c.requires !== undefined) reach(c.requires);
          }
        };
        forEachRequirement(inv, (req) => {
          for (const { node } of groupNodes(req)) if ("any" in node && (node.failoverMinutes ?? 0) > 0) reach(node);
        });
        const sites: Array<{ node: Extract<Requirement, { any: Requirement[] }>; owner: { kind: string; index: number } }> = [];
        forEachRequirement(inv, (req, owner) => {
          if (owner.kind === "component" && belowFailover.has(components[owner.index]!.id)) return;
          for (const { node, underFailover } of groupNodes(req)) {
            if (!underFailover && "any" in node && !((node.failoverMinutes ?? 0) > 0)) sites.push({ node, owner });
          }
        });
        if (sites.length === 0) return;
        exercised++;
        const before = scoreInventory(inv);
        const site = sites[sitePick % sites.length]!;
        // Either a new component, or an existing one that keeps the graph acyclic (components
        // only require earlier ones in generated inventories).
        const earlier = site.owner.kind === "function" ? components.length : site.owner.index;
        const next = structuredClone(inv);
        let member: string;
        if (fresh || earlier === 0) {
          member = "extra";
          next.components!.push({ id: "extra", kind: "other", failuresPerYear: 1, repairHours: 24 });
        } else member = components[memberPick % earlier]!.id;
        // Find the same node in the clone by its position among all group nodes.
        const at = indexOfNode(inv, site.node);
        const target = nodeAt(next, at) as Extract<Requirement, { any: Requirement[] }>;
        target.any.push(member);
        const after = scoreInventory(valid(next));
        before.functions.forEach((f, k) => {
          const d = after.functions[k]!.downtimeHoursPerYear;
          if (!(d <= f.downtimeHoursPerYear * (1 + 1e-12))) {
            throw new Error(`${f.id}: downtime rose from ${f.downtimeHoursPerYear} to ${d} after adding ${member} to an any`);
          }
        });
      }),
      { numRuns: 200 },
    );
    expect(exercised).toBeGreaterThan(50);
  });

  it("a shared scoring cache (event numbering, resolved components and nodes, cut-set families) changes no figure and no set", () => {
    // The plan scores every candidate with one ScoringCache: families are looked up by structure
    // and switch-over rates recomputed from each inventory's own rates. Here every candidate of an
    // inventory, and then a changed rate, is scored with the shared cache and afresh.
    let compared = 0;
    let twins = 0;
    fc.assert(
      fc.property(inventoryArb({ maxComponents: 18, maxFunctions: 4, maxDataSets: 2 }), fc.nat(), fc.double({ min: 0.01, max: 20, noNaN: true }), (raw, pick, factor) => {
        const inv = valid(raw);
        const cache = new ScoringCache(3);
        const base = scoreInventory(inv, { cache });
        expectSameSummary(summary(scoreInventory(inv)), summary(base));
        const spofs = new Set(base.functions.flatMap((f) => f.singlePointsOfFailure));
        // Re-scored from `base` as the plan does (resolveModel's `previous`), every function and
        // data set recomputed: what is taken over from the previous model must be what resolving
        // afresh gives.
        const everything = {
          scores: base,
          affectedFunctions: new Set(base.functions.map((_, k) => k)),
          changedDataSets: new Set(base.dataSets.map((d) => d.id)),
        };
        for (const m of MITIGATIONS) {
          for (const targets of m.candidates(planContext(inv, base, spofs)).slice(0, 2)) {
            const next = m.apply(inv, targets);
            expectSameSummary(summary(scoreInventory(next)), summary(scoreInventory(next, { cache })));
            expectSameSummary(summary(scoreInventory(next)), summary(scoreInventory(next, { cache, reuse: everything })));
            // A redundant twin: the functions' cut sets derived from base's (CutSetEngine.deriveTwin).
            const twin = m.twinOf?.(next, targets);
            if (twin) {
              const twinCache = new ScoringCache(3);
              const twinBase = scoreInventory(inv, { cache: twinCache });
              const derived = scoreInventory(next, { cache: twinCache, reuse: { ...everything, scores: twinBase }, twin });
              expectSameSummary(summary(scoreInventory(next)), summary(derived));
              twins++;
            }
            compared++;
          }
        }
        // One record's figures changed in place of the record (its requirement tree shared), as
        // the rate-only mitigations do: the figures-only path of resolveModel.
        const list = inv.components ?? [];
        if (list.length > 0) {
          const k = pick % list.length;
          const edited: Inventory = {
            ...inv,
            components: list.map((c, i) => (i === k ? { ...c, failuresPerYear: base.components[k]!.failuresPerYear * factor, monitored: !c.monitored } : c)),
          };
          const fresh = scoreInventory(edited);
          const reused = scoreInventory(edited, { cache, reuse: everything });
          expectSameSummary(summary(fresh), summary(reused));
          expect(JSON.stringify(reused.components)).toBe(JSON.stringify(fresh.components));
          expect(reused.assumptions).toEqual(fresh.assumptions);
        }
        // Same component records, another organisation and other people: their figures change.
        const others: Inventory = {
          ...inv,
          organization: {
            ...inv.organization,
            absenceWaitHours: base.model.organization.absenceWaitHours * factor + 1,
            vendorResponseHours: base.model.organization.vendorResponseHours * factor + 1,
            unmonitoredDetectionHours: base.model.organization.unmonitoredDetectionHours * factor + 1,
          },
          ...(inv.people ? { people: inv.people.map((p) => ({ ...p, availability: Math.min(0.99, (p.availability ?? 0.9) * 0.9) })) } : {}),
        };
        expectSameSummary(summary(scoreInventory(others)), summary(scoreInventory(others, { cache })));
        // Same structure, other rates: stored families, this inventory's switch-over rates.
        const changed = structuredClone(inv);
        const c = changed.components![pick % changed.components!.length]!;
        c.failuresPerYear = base.components[pick % changed.components!.length]!.failuresPerYear * factor;
        c.repairHours = base.components[pick % changed.components!.length]!.repairHours * factor;
        expectSameSummary(summary(scoreInventory(changed)), summary(scoreInventory(changed, { cache })));
      }),
      { numRuns: 120 },
    );
    expect(compared).toBeGreaterThan(100);
    expect(twins).toBeGreaterThan(8);
  });

  it("at order 1 with figures only, the compact weighing gives weighCutSets' figures exactly", () => {
    // scoreInventory(maxOrder 1, figuresOnly) weighs the order-1 algebra's compact families as
    // they are (functions.ts weighSingles); without figuresOnly the same families go through
    // familyOf and weighCutSets. Everything but the explanations must be the same, bit for bit.
    // (The order-1 algebra itself is compared with the general cut-set path in cut-sets.test.ts.)
    let spofs = 0;
    fc.assert(
      fc.property(inventoryArb({ maxComponents: 25, maxFunctions: 5, maxDataSets: 2 }), (raw) => {
        const inv = valid(raw);
        const fast = scoreInventory(inv, { maxOrder: 1, figuresOnly: true });
        const general = scoreInventory(inv, { maxOrder: 1 });
        // As JSON: the same numbers bit for bit and the same key order (the output's bytes).
        // Through JSON (the compact results write their lazy fields in toJSON), then without the explanations.
        const plain = (s: Scores) => JSON.stringify(s.functions.map((f) => ({ ...(JSON.parse(JSON.stringify(f)) as object), cutSets: undefined })));
        expect(plain(fast)).toBe(plain(general));
        expect(fast.pseudoEvents).toEqual(general.pseudoEvents);
        // Both wrote out their components on first read; with a ModelCache they are eager.
        expect(fast.components).toEqual(general.components);
        expect(JSON.stringify(fast.components)).toBe(JSON.stringify(scoreInventory(inv, { maxOrder: 1, cache: new ScoringCache(1) }).components));
        expect(fast.expectedAnnualLoss).toBe(general.expectedAnnualLoss);
        for (const f of fast.functions) spofs += f.singlePointsOfFailure.length;
      }),
      { numRuns: 200 },
    );
    expect(spofs).toBeGreaterThan(100);
  });

  it("raising any failuresPerYear or repairHours never lowers a function's downtime", () => {
    const arb = fc.tuple(
      inventoryArb({ maxComponents: 20, maxFunctions: 4, maxDataSets: 0 }),
      fc.nat(),
      fc.constantFrom("failuresPerYear" as const, "repairHours" as const),
      fc.double({ min: 1e-6, max: 50, noNaN: true }),
    );
    fc.assert(
      fc.property(arb, ([raw, pick, field, delta]) => {
        const inv = valid(raw);
        const before = scoreInventory(inv);
        const i = pick % inv.components!.length;
        const resolved = before.components[i]!;
        const next = structuredClone(inv);
        next.components![i]![field] = (field === "failuresPerYear" ? resolved.failuresPerYear : resolved.repairHours) + delta;
        const after = scoreInventory(valid(next));
        before.functions.forEach((f, k) => {
          const d = after.functions[k]!.downtimeHoursPerYear;
          if (!(d >= f.downtimeHoursPerYear * (1 - 1e-12))) {
            throw new Error(`${f.id}: downtime fell from ${f.downtimeHoursPerYear} to ${d} when ${field} of ${resolved.id} rose by ${delta}`);
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});

function namedIn(req: Requirement): string[] {
  if (typeof req === "string") return [req];
  const members = "all" in req ? req.all : "any" in req ? req.any : req.of;
  return members.flatMap(namedIn);
}

/** Position of a group node: [owner kind, owner index, index among the owner's group nodes]. */
function indexOfNode(inv: Inventory, node: Requirement): [string, number, number] {
  let found: [string, number, number] | undefined;
  forEachRequirement(inv, (req, owner) => {
    const k = groupNodes(req).findIndex((g) => g.node === node);
    if (k >= 0 && !found) found = [owner.kind, owner.index, k];
  });
  return found!;
}

function nodeAt(inv: Inventory, [kind, index, k]: [string, number, number]): Requirement {
  const req = kind === "component" ? inv.components![index]!.requires! : inv.functions![index]!.requires;
  return groupNodes(req)[k]!.node;
}

describe("the model's own exceptions to the monotonicity of redundancy", () => {
  // Both follow from model.md as written; the property above avoids them on purpose. Figures are
  // computed here from the formulas of model.md §3–4.
  const org = { name: "X", currency: "USD", operatingHoursPerWeek: 168 };
  const base = (components: Component[], requires: Requirement): Inventory =>
    valid({
      format: "resilience-inventory/1",
      asOf: AS_OF,
      organization: org,
      components,
      functions: [{ id: "f", downtimeCostPerHour: 1, hours: "always", requires }],
    });

  it("a switch-over slower than a repair: redundancy behind the standby adds switch-overs", () => {
    // any[p, any[x]] with a 10-hour switch-over; p requires x. Adding y beside x means x alone no
    // longer stops the group, so each x failure now costs a 10 h switch-over instead of its 1 h repair.
    const components: Component[] = [
      { id: "x", kind: "other", failuresPerYear: 2, repairHours: 1 },
      { id: "y", kind: "other", failuresPerYear: 1, repairHours: 1 },
      { id: "p", kind: "server", failuresPerYear: 0.5, repairHours: 8, requires: "x" },
    ];
    const q = (l: number, r: number) => (l * r) / HOURS_PER_YEAR;
    const before = scoreInventory(base(components, { any: ["p", { any: ["x"] }], id: "g", failoverMinutes: 600 })).functions[0]!;
    const after = scoreInventory(base(components, { any: ["p", { any: ["x", "y"] }], id: "g", failoverMinutes: 600 })).functions[0]!;
    expectClose(before.downtimeHoursPerYear, HOURS_PER_YEAR * (q(2, 1) + q(0.5, 10)), "before");
    expectClose(after.downtimeHoursPerYear, HOURS_PER_YEAR * (q(2, 1) * q(1, 1) + q(0.5 + 2, 10)), "after");
    expect(after.downtimeHoursPerYear).toBeGreaterThan(before.downtimeHoursPerYear);
  });

  it("a long ride-through: minimisation drops a superset whatever its weight", () => {
    // all[any[u], any[x, b]] with u [runtime 10 h] requiring x: {x} has weight e^(−10/1) and absorbs
    // {x, b}. Adding z to any[u] turns {x} into {x, z}, and {x, b} comes back at full weight.
    const components: Component[] = [
      { id: "x", kind: "power", failuresPerYear: 5, repairHours: 1 },
      { id: "b", kind: "other", failuresPerYear: 5, repairHours: 10 },
      { id: "z", kind: "other", failuresPerYear: 5, repairHours: 10 },
      { id: "u", kind: "ups", failuresPerYear: 0, repairHours: 1, runtimeMinutes: 600, requires: "x" },
    ];
    const q = (l: number, r: number) => (l * r) / HOURS_PER_YEAR;
    const before = scoreInventory(base(components, { all: [{ any: ["u"] }, { any: ["x", "b"] }] })).functions[0]!;
    const after = scoreInventory(base(components, { all: [{ any: ["u", "z"] }, { any: ["x", "b"] }] })).functions[0]!;
    expectClose(before.downtimeHoursPerYear, HOURS_PER_YEAR * Math.exp(-10) * q(5, 1), "before");
    expect(before.cutSets.map((c) => c.components.join(","))).not.toContain("b,x");
    expect(after.cutSets.map((c) => c.components.join(",")).sort()).toEqual(["b,x", "u,z", "x,z"]);
    expect(after.downtimeHoursPerYear).toBeGreaterThan(before.downtimeHoursPerYear);
  });
});

// ---------------------------------------------------------------------------------------------
// The plan.

interface Candidate {
  readonly mitigation: Mitigation;
  readonly targets: string[];
  readonly key: string;
  readonly cost: number;
  readonly benefit: number;
  readonly ratio: number;
  readonly after: Inventory;
  readonly bound: number;
}

/** Every candidate on the current state, each applied and scored in full (no pruning, no reuse). */
function allCandidates(inv: Inventory, scores: Scores, applied: ReadonlySet<string>, catalogue: readonly Mitigation[] = MITIGATIONS): Candidate[] {
  const spofs = new Set(scores.functions.flatMap((f) => f.singlePointsOfFailure));
  const out: Candidate[] = [];
  for (const m of catalogue) {
    for (const targets of m.candidates(planContext(inv, scores, spofs))) {
      const key = `${m.id}|${targets.join(",")}`;
      if (applied.has(key)) continue;
      const after = m.apply(inv, targets);
      // Scoring an invalid inventory is meaningless (and with a cycle it would not terminate).
      const check = validateInventory(after);
      if (!check.ok) throw new Error(`${key} gives an invalid inventory:\n${check.problems.map(formatProblem).join("\n")}`);
      const benefit = scores.expectedAnnualLoss - scoreInventory(after).expectedAnnualLoss;
      const cost = annualizedCost(m.defaultCost(inv, targets, staffRate(inv)));
      const ratio = cost > 0 ? benefit / cost : benefit > 0 ? Infinity : 0;
      const bound = boundOf(scores, inv, targets, m.touches(inv, targets), m.touchesDataSets(targets), m.boundShare, m.targetFiguresAfter?.());
      out.push({ mitigation: m, targets, key, cost, benefit, ratio, after, bound });
    }
  }
  return out;
}

/**
 * What a change touching these components and data sets can save at most: in the functions that
 * reach one of its targets, the money of the cut sets that contain a touched component (or a
 * switch-over, whose rate depends on its group; times the mitigation's boundShare when it has one
 * and the set has no switch-over), and the loss of the data sets. Cut sets that
 * avoid them, and functions that reach no target, are unchanged by the mitigation. With
 * `targetAfter` (a move to the cloud), a function that fails with the target alone keeps that
 * set at the target's new figures and the same ride-through: its money comes off, down to the cap.
 */
function boundOf(
  scores: Scores,
  inv: Inventory,
  targets: readonly string[],
  components: readonly string[],
  dataSets: readonly string[],
  share: ((meanJointOutageHours: number) => number) | undefined,
  targetAfter?: { readonly failuresPerYear: number; readonly effectiveRepairHours: number },
): number {
  const touched = new Set(components);
  const byId = new Map((inv.components ?? []).map((c) => [c.id, c]));
  const reaches = (req: Requirement): boolean => {
    const seen = new Set<string>();
    const stack = namedIn(req);
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (targets.includes(id)) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      const next = byId.get(id)!.requires;
      if (next !== undefined) stack.push(...namedIn(next));
    }
    return false;
  };
  let bound = 0;
  for (const [k, f] of scores.functions.entries()) {
    // A function that reaches no target keeps its figures (the test above).
    if (!reaches(inv.functions![k]!.requires)) continue;
    if (f.downtimeHoursPerYear >= HOURS_PER_YEAR) return Infinity;
    let part = 0;
    for (const c of f.cutSets) {
      // A switch-over's rate follows its primary: such sets count in full.
      if (c.components.some((id) => id.startsWith("failover:"))) part += c.expectedAnnualLoss;
      else if (c.components.some((id) => touched.has(id))) part += c.expectedAnnualLoss * (share ? share(c.meanJointOutageHours) : 1);
    }
    const alone = targetAfter && targets.length === 1 ? f.cutSets.find((c) => c.components.length === 1 && c.components[0] === targets[0]) : undefined;
    if (alone) {
      const costFactor = f.hoursWeight * f.downtimeCostPerHour;
      const q = Math.min(1, (targetAfter!.failuresPerYear * targetAfter!.effectiveRepairHours) / HOURS_PER_YEAR);
      const certain = HOURS_PER_YEAR * Math.exp(-alone.rideThroughHours / targetAfter!.effectiveRepairHours) * q * costFactor;
      part = Math.max(part - certain, f.expectedAnnualLoss - HOURS_PER_YEAR * costFactor);
    }
    bound += part;
  }
  for (const d of scores.dataSets) if (dataSets.includes(d.id)) bound += d.expectedAnnualLoss;
  return bound;
}

/**
 * Every benefit a plan would carry after each candidate taken as the pick (plan.ts
 * carriedBenefitsAgainstFresh), checked against the candidate re-scored after that pick: the
 * benefit and the weighted hours avoided. Throws on the first that differs; the carries, to count.
 */
function checkedCarries(inv: Inventory): ReturnType<typeof carriedBenefitsAgainstFresh> {
  const scale = Math.max(1, scoreInventory(inv).expectedAnnualLoss);
  const carries = carriedBenefitsAgainstFresh(inv);
  for (const r of carries) {
    if (!(Math.abs(r.carried - r.fresh) <= 1e-9 * scale)) {
      throw new Error(`after ${r.pick}, ${r.candidate} carried ${r.carried} but re-scores to ${r.fresh}`);
    }
    if (!(Math.abs(r.carriedHours - r.freshHours) <= 1e-9 * Math.max(1, Math.abs(r.freshHours)))) {
      throw new Error(`after ${r.pick}, ${r.candidate} carried ${r.carriedHours} hours avoided but re-scores to ${r.freshHours}`);
    }
  }
  return carries;
}

interface GreedyStep {
  readonly total: number;
  readonly candidates: readonly Candidate[];
  readonly best: Candidate | undefined;
}

/**
 * The greedy plan of model.md §6 by brute force: every candidate scored in full at every step,
 * the best ratio above 1 taken (ties: catalogue, then inventory order).
 */
function bruteForceGreedy(inv: Inventory, maxItems = 50, catalogue: readonly Mitigation[] = MITIGATIONS): GreedyStep[] {
  const steps: GreedyStep[] = [];
  const applied = new Set<string>();
  let current = inv;
  for (;;) {
    const scores = scoreInventory(current);
    const candidates = allCandidates(current, scores, applied, catalogue);
    let best: Candidate | undefined;
    for (const c of candidates) if (c.ratio > 1 && (!best || c.ratio > best.ratio)) best = c;
    steps.push({ total: scores.expectedAnnualLoss, candidates, best });
    if (!best || steps.length > maxItems) return steps;
    applied.add(best.key);
    current = best.after;
  }
}

describe("the plan", () => {
  const planArb = inventoryArb({ maxComponents: 10, maxFunctions: 3, maxDataSets: 2 });

  it("is deterministic too: assessments with the plan are byte-identical", () => {
    fc.assert(
      fc.property(planArb, (raw) => {
        const inv = valid(raw);
        expect(JSON.stringify(assessInventory(structuredClone(inv)))).toBe(JSON.stringify(assessInventory(inv)));
      }),
      { numRuns: 40 },
    );
  });

  it("applying the plan items in order reproduces each expectedAnnualLossAfter, and every ratio is above 1", () => {
    let items = 0;
    let notWorthIt = 0;
    fc.assert(
      fc.property(planArb, (raw) => {
        const inv = valid(raw);
        const result = buildPlan(inv);
        let before = scoreInventory(inv).expectedAnnualLoss;
        expectClose(result.expectedAnnualLossBefore, before, "plan start");
        result.plan.forEach((item, i) => {
          items++;
          expect(item.benefitCostRatio).toBeGreaterThan(1);
          expectClose(item.benefitCostRatio, item.annualBenefit / item.annualizedCost, `${item.mitigation} ratio`);
          expectClose(item.expectedAnnualLossBefore, before, `item ${i} before`);
          const applied = valid(applyPlanItems(inv, result.plan.slice(0, i + 1)));
          const rescored = scoreInventory(applied).expectedAnnualLoss;
          expectClose(item.expectedAnnualLossAfter, rescored, `item ${i} (${item.mitigation} ${item.targets.join(",")}) after`);
          // A difference of two totals: compare on the scale of the totals.
          expect(Math.abs(item.annualBenefit - (before - rescored))).toBeLessThanOrEqual(1e-9 * Math.max(1, before));
          before = rescored;
        });
        expectClose(result.expectedAnnualLossAfter, before, "plan end");
        for (const item of result.notWorthIt) {
          expect(item.benefitCostRatio).toBeLessThanOrEqual(1);
          // Its figures are those of applying it after the plan (measured then, or carried there).
          const rescored = scoreInventory(valid(applyPlanItems(inv, [...result.plan, item]))).expectedAnnualLoss;
          expect(Math.abs(item.expectedAnnualLossAfter - rescored)).toBeLessThanOrEqual(1e-9 * Math.max(1, before));
          expect(Math.abs(item.annualBenefit - (before - rescored))).toBeLessThanOrEqual(1e-9 * Math.max(1, before));
          notWorthIt++;
        }
      }),
      { numRuns: 60 },
    );
    expect(items).toBeGreaterThan(30);
    expect(notWorthIt).toBeGreaterThan(20);
  });

  it("a budget caps the first-year spending of the plan, and the budgeted plan is reproducible", () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 0, max: 20_000 }), (raw, budget) => {
        const inv = valid(raw);
        const result = buildPlan(inv, { budget });
        const spent = result.plan.reduce((sum, item) => sum + item.firstYearCost, 0);
        expect(spent).toBeLessThanOrEqual(budget * (1 + 1e-12));
        for (const item of result.plan) expectClose(item.firstYearCost, item.upfront + 12 * item.monthly, `${item.mitigation} first-year cost`);
        for (const item of result.overBudget) expect(item.benefitCostRatio).toBeGreaterThan(1);
        // Reproducible like the unbudgeted plan.
        let before = scoreInventory(inv).expectedAnnualLoss;
        result.plan.forEach((item, i) => {
          const rescored = scoreInventory(applyPlanItems(inv, result.plan.slice(0, i + 1))).expectedAnnualLoss;
          expectClose(item.expectedAnnualLossBefore, before, `item ${i} before`);
          expectClose(item.expectedAnnualLossAfter, rescored, `item ${i} after`);
          before = rescored;
        });
      }),
      { numRuns: 40 },
    );
  });

  it("equals a brute-force greedy without pruning, and no candidate's benefit exceeds the pruning bound", () => {
    let picks = 0;
    fc.assert(
      fc.property(planArb, (raw) => {
        const inv = valid(raw);
        const steps = bruteForceGreedy(inv);
        for (const step of steps) {
          for (const c of step.candidates) {
            if (!(c.benefit <= c.bound + 1e-9 * Math.max(1, step.total))) {
              throw new Error(`${c.key}: benefit ${c.benefit} exceeds the bound ${c.bound}`);
            }
          }
        }
        const plan = buildPlan(inv).plan;
        for (let i = 0; i < steps.length; i++) {
          const { best, candidates, total } = steps[i]!;
          const item = plan[i];
          if (item === undefined) {
            // The plan stopped: nothing left pays for itself (up to rounding at exactly 1).
            if (best && !close(best.ratio, 1)) throw new Error(`plan stopped at step ${i} but ${best.key} has ratio ${best.ratio}`);
            return;
          }
          if (!best) throw new Error(`step ${i}: plan took ${item.mitigation} but no candidate has a ratio above 1`);
          const key = `${item.mitigation}|${item.targets.join(",")}`;
          const chosen = candidates.find((c) => c.key === key);
          if (!chosen) throw new Error(`step ${i}: ${key} is not a candidate`);
          if (!(chosen.ratio >= best.ratio * (1 - 1e-9))) {
            throw new Error(`step ${i}: plan took ${key} (ratio ${chosen.ratio}) but ${best.key} has ratio ${best.ratio}`);
          }
          expectClose(item.annualizedCost, chosen.cost, `step ${i} cost`);
          expect(Math.abs(item.annualBenefit - chosen.benefit)).toBeLessThanOrEqual(1e-9 * Math.max(1, total));
          picks++;
          // A near-tie taken the other way leads to another state: compare no further.
          if (chosen !== best) return;
        }
        expect(plan.length).toBeLessThanOrEqual(steps.length);
      }),
      { numRuns: 50 },
    );
    expect(picks).toBeGreaterThan(30);
  });

  it("with effect overrides: equals the brute-force greedy over the configured catalogue, within the bound, and is reproducible", () => {
    // Every tunable figure of every mitigation, each present or not, as whole numbers in a range
    // around its default: the candidates, the changes, the bounds (a UPS's ride-through share)
    // and the plan must all follow the values in use.
    const effectOverridesArb: fc.Arbitrary<EffectOverrides> = fc.record(
      Object.fromEntries(
        Object.entries(EFFECT_PARAMETERS)
          .filter(([, ps]) => Object.keys(ps).length > 0)
          .map(([id, ps]) => [
            id,
            fc.record(
              Object.fromEntries(
                Object.entries(ps).map(([k, p]) => [k, fc.integer({ min: p.minExclusive ? Math.floor(p.min) + 1 : Math.ceil(p.min), max: Math.floor(Math.min(p.max, Math.max(3, 4 * p.defaultValue))) })]),
              ),
              { requiredKeys: [] },
            ),
          ]),
      ),
      { requiredKeys: [] },
    );
    let picks = 0;
    fc.assert(
      fc.property(planArb, effectOverridesArb, (raw, effectOverrides) => {
        const inv = valid(raw);
        const catalogue = configureMitigations(effectOverrides);
        const steps = bruteForceGreedy(inv, 50, catalogue);
        const result = buildPlan(inv, { effectOverrides });
        for (let i = 0; i < steps.length; i++) {
          const { best, candidates, total } = steps[i]!;
          for (const c of candidates) {
            if (!(c.benefit <= c.bound + 1e-9 * Math.max(1, total))) throw new Error(`${c.key}: benefit ${c.benefit} exceeds the bound ${c.bound}`);
          }
          const item = result.plan[i];
          if (item === undefined) {
            if (best && !close(best.ratio, 1)) throw new Error(`plan stopped at step ${i} but ${best.key} has ratio ${best.ratio}`);
            break;
          }
          const key = `${item.mitigation}|${item.targets.join(",")}`;
          const chosen = candidates.find((c) => c.key === key);
          if (!chosen || !best) throw new Error(`step ${i}: ${key} is not a brute-force candidate`);
          if (!(chosen.ratio >= best.ratio * (1 - 1e-9))) throw new Error(`step ${i}: plan took ${key} (ratio ${chosen.ratio}) but ${best.key} has ratio ${best.ratio}`);
          expect(item.effect).toBe(chosen.mitigation.effect);
          expect(Math.abs(item.annualBenefit - chosen.benefit)).toBeLessThanOrEqual(1e-9 * Math.max(1, total));
          // Applying the items with the same overrides reproduces the figures.
          const rescored = scoreInventory(valid(applyPlanItems(inv, result.plan.slice(0, i + 1), { effectOverrides }))).expectedAnnualLoss;
          expectClose(item.expectedAnnualLossAfter, rescored, `step ${i} after`);
          picks++;
          if (chosen !== best) break;
        }
      }),
      { numRuns: 40 },
    );
    expect(picks).toBeGreaterThan(20);
  });

  it("a move to the cloud's benefit stays within the bound that keeps the cloud service's own outages", () => {
    // plan.ts withTargetLossAfter: a function that fails with the target alone keeps that set after
    // the move, at the cloud's figures and the same ride-through (read back from the set's money).
    // Inventories with an internet line first and applications, cloud figures from the whole range.
    let tightened = 0;
    const cloudy = fc.tuple(
      inventoryArb({ maxComponents: 10, maxFunctions: 3, maxDataSets: 0 }),
      // Ordinary figures, and figures that reach the 8760-hour cap.
      fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 100, max: 365, noNaN: true })),
      fc.oneof(fc.double({ min: 0.05, max: 10, noNaN: true }), fc.double({ min: 100, max: 720, noNaN: true })),
    );
    fc.assert(
      fc.property(cloudy, ([raw, failuresPerYear, repairHours]) => {
        const inv = valid({
          ...raw,
          components: raw.components!.map((c, i) =>
            i === 0 ? { ...c, kind: "internet" as const } : i % 2 === 1 && c.kind !== "ups" ? { ...c, kind: "application" as const } : c,
          ),
        });
        const effectOverrides = { "move-to-cloud": { failuresPerYear, repairHours } };
        const before = scoreInventory(inv);
        const m = configureMitigations(effectOverrides).find((x) => x.id === "move-to-cloud")!;
        const bounds = new Map(planBoundsAgainstFresh(inv, { effectOverrides }).filter((r) => r.round === 0).map((r) => [r.candidate, r.kept]));
        const spofs = new Set(before.functions.flatMap((f) => f.singlePointsOfFailure));
        for (const targets of m.candidates(planContext(inv, before, spofs))) {
          const bound = bounds.get(`move-to-cloud|${targets.join(",")}`);
          if (bound === undefined) continue;
          const benefit = before.expectedAnnualLoss - scoreInventory(m.apply(inv, targets)).expectedAnnualLoss;
          if (!(benefit <= bound + 1e-9 * Math.max(1, before.expectedAnnualLoss))) {
            throw new Error(`move-to-cloud|${targets.join(",")}: benefit ${benefit} exceeds the bound ${bound}`);
          }
          if (before.functions.some((f) => f.singlePointsOfFailure.includes(targets[0]!) && f.expectedAnnualLoss > 0)) tightened++;
        }
      }),
      { numRuns: 300 },
    );
    expect(tightened).toBeGreaterThan(100);
  });

  it("the bounds a plan keeps from round to round equal the bounds worked out afresh", () => {
    // plan.ts boundOf keeps a bound, and each function's part of it, while what it was computed
    // from is the same; a stale part would let the plan skip a candidate that should win.
    let checked = 0;
    fc.assert(
      fc.property(planArb, (raw) => {
        const inv = valid(raw);
        for (const r of planBoundsAgainstFresh(inv)) {
          checked++;
          if (!close(r.kept, r.fresh, 1e-12)) throw new Error(`round ${r.round}, ${r.candidate}: bound ${r.kept} kept, ${r.fresh} afresh`);
        }
      }),
      { numRuns: 80 },
    );
    expect(checked).toBeGreaterThan(500);
  });

  it("a benefit carried to the next round equals the candidate's benefit re-scored after the pick", () => {
    // buildPlan re-scores a candidate only when the last pick may have changed its benefit
    // (plan.ts carried()); the brute-force comparison above sees a stale benefit only when it
    // changes a pick, so every carry is checked here, for every candidate taken as the pick.
    let carriedCount = 0;
    let acrossChangedFunctions = 0;
    fc.assert(
      fc.property(inventoryArb({ maxComponents: 12, maxFunctions: 3, maxDataSets: 2 }), (raw) => {
        for (const r of checkedCarries(valid(raw))) {
          carriedCount++;
          if (r.changedFunctions > 0) acrossChangedFunctions++;
        }
      }),
      { numRuns: 100 },
    );
    expect(carriedCount).toBeGreaterThan(300);
    // Carries through a function the pick changed (away from the candidate's sets; after a
    // redundant twin, see below).
    expect(acrossChangedFunctions).toBeGreaterThan(20);
  });

  it("a benefit carried across a redundant twin equals the candidate's benefit re-scored after it", () => {
    // The same check on inventories of mostly network devices, where the plan adds redundant twins
    // (plan.ts apartFromTwin). Counterexamples once found here: a twin that names the candidate's
    // target (it is then edited too), a candidate whose target record the twin's pick changed.
    let acrossTwins = 0;
    const networkHeavy = inventoryArb({ maxComponents: 12, maxFunctions: 3, maxDataSets: 0 }).map((inv) => ({
      ...inv,
      components: inv.components!.map((c, i) => (i % 3 === 2 ? c : { ...c, kind: "network" as const })),
    }));
    fc.assert(
      fc.property(networkHeavy, (raw) => {
        for (const r of checkedCarries(valid(raw))) if (r.changedFunctions > 0 && r.structuralPick) acrossTwins++;
      }),
      { numRuns: 200 },
    );
    expect(acrossTwins).toBeGreaterThan(20);
  });

  it("what a mitigation's boundShare leaves of a touched cut set remains: the set stays, at no less than that share of its money", () => {
    // plan.ts counts a cut set that meets what the mitigation touches (no switch-over in it) at
    // boundShare(d) of its money: the rest must survive the change. Checked set by set, since
    // candidates whose own new failures outweigh the gain would check nothing through the benefit.
    let checked = 0;
    // The catalogue as it is, and with a UPS of other runtimes: the share follows the battery in use.
    const mitigations = [MITIGATIONS, ...[1, 60, 240].map((r) => configureMitigations({ ups: { runtimeMinutes: r } }))].flat();
    fc.assert(
      fc.property(inventoryArb({ maxComponents: 14, maxFunctions: 4, maxDataSets: 1 }), (raw) => {
        const inv = valid(raw);
        const before = scoreInventory(inv);
        const spofs = new Set(before.functions.flatMap((f) => f.singlePointsOfFailure));
        for (const m of mitigations) {
          if (!m.boundShare) continue;
          for (const targets of m.candidates(planContext(inv, before, spofs))) {
            const touched = new Set(m.touches(inv, targets));
            const after = scoreInventory(m.apply(inv, targets));
            before.functions.forEach((f, k) => {
              const sets = new Map(after.functions[k]!.cutSets.map((c) => [c.components.join(","), c]));
              for (const c of f.cutSets) {
                if (c.components.some((id) => id.startsWith("failover:")) || !c.components.some((id) => touched.has(id))) continue;
                const kept = sets.get(c.components.join(","));
                if (!kept) throw new Error(`${m.id} ${targets.join(",")}: {${c.components.join(",")}} of ${f.id} is gone`);
                const floor = c.expectedAnnualLoss * (1 - m.boundShare!(c.meanJointOutageHours));
                expect(kept.expectedAnnualLoss).toBeGreaterThanOrEqual(floor * (1 - 1e-12) - 1e-12);
                checked++;
              }
            });
          }
        }
      }),
      { numRuns: 150 },
    );
    expect(checked).toBeGreaterThan(50);
  });

  it("a mitigation changes no figure of a function whose structure reaches none of its target components", () => {
    // plan.ts bounds, re-scores and carries benefits over on this (Mitigation.apply).
    let unreached = 0;
    fc.assert(
      fc.property(inventoryArb({ maxComponents: 18, maxFunctions: 5, maxDataSets: 2 }), (raw) => {
        const inv = valid(raw);
        const scores = scoreInventory(inv);
        const spofs = new Set(scores.functions.flatMap((f) => f.singlePointsOfFailure));
        const byId = new Map(inv.components!.map((c) => [c.id, c]));
        const reached = (req: Requirement): Set<string> => {
          const out = new Set<string>();
          const stack = namedIn(req);
          while (stack.length > 0) {
            const id = stack.pop()!;
            if (out.has(id)) continue;
            out.add(id);
            const next = byId.get(id)!.requires;
            if (next !== undefined) stack.push(...namedIn(next));
          }
          return out;
        };
        const reachedBy = inv.functions!.map((f) => reached(f.requires));
        for (const m of MITIGATIONS) {
          for (const targets of m.candidates(planContext(inv, scores, spofs))) {
            const after = scoreInventory(m.apply(inv, targets));
            inv.functions!.forEach((f, k) => {
              if (targets.some((t) => reachedBy[k]!.has(t))) return;
              unreached++;
              const g = after.functions.find((x) => x.id === f.id)!;
              expect(g.expectedAnnualLoss, `${m.id} ${targets.join(",")} changed ${f.id}`).toBe(scores.functions[k]!.expectedAnnualLoss);
              expect(g.cutSets.map((c) => c.components.join(","))).toEqual(scores.functions[k]!.cutSets.map((c) => c.components.join(",")));
            });
          }
        }
      }),
      { numRuns: 100 },
    );
    expect(unreached).toBeGreaterThan(100);
  });

  it("every mitigation's apply() gives a valid inventory and leaves its input untouched", () => {
    fc.assert(
      fc.property(inventoryArb({ maxComponents: 15, maxFunctions: 3, maxDataSets: 3 }), (raw) => {
        const inv = valid(raw);
        const snapshot = JSON.stringify(inv);
        deepFreeze(inv);
        const scores = scoreInventory(inv);
        const spofs = new Set(scores.functions.flatMap((f) => f.singlePointsOfFailure));
        for (const m of MITIGATIONS) {
          for (const targets of m.candidates(planContext(inv, scores, spofs))) {
            const after = m.apply(inv, targets);
            const check = validateInventory(after);
            if (!check.ok) throw new Error(`${m.id} on ${targets.join(",")}:\n${check.problems.map(formatProblem).join("\n")}`);
            // Applying it twice (a plan may stack mitigations) stays valid too.
            const twice = validateInventory(m.apply(deepFreeze(after), targets));
            if (!twice.ok) throw new Error(`${m.id} twice on ${targets.join(",")}:\n${twice.problems.map(formatProblem).join("\n")}`);
          }
        }
        expect(JSON.stringify(inv)).toBe(snapshot);
      }),
      { numRuns: 100 },
    );
  });

  it("every mitigation's apply() leaves its input untouched (deep-frozen input, every candidate)", () => {
    let applications = 0;
    fc.assert(
      fc.property(inventoryArb({ maxComponents: 15, maxFunctions: 3, maxDataSets: 3 }), (raw) => {
        const inv = valid(raw);
        const snapshot = JSON.stringify(inv);
        deepFreeze(inv);
        const scores = scoreInventory(inv);
        const spofs = new Set(scores.functions.flatMap((f) => f.singlePointsOfFailure));
        for (const m of MITIGATIONS) {
          for (const targets of m.candidates(planContext(inv, scores, spofs))) {
            const after = m.apply(inv, targets);
            applications++;
            expect(after).not.toBe(inv);
          }
        }
        expect(JSON.stringify(inv)).toBe(snapshot);
      }),
      { numRuns: 100 },
    );
    expect(applications).toBeGreaterThan(200);
  });

  describe("engine bugs these properties found, kept as minimal regressions", () => {
    const org = { name: "X", currency: "USD", operatingHoursPerWeek: 40 };
    it("move-to-cloud does not make a component require itself (cloud path through the server)", () => {
      // The only internet line depends on the server: moving the server to the cloud made it
      // require the line, which requires the server, and assessInventory overflowed the stack.
      const inv = valid({
        format: "resilience-inventory/1",
        asOf: AS_OF,
        organization: org,
        components: [
          { id: "srv", kind: "server" },
          { id: "line", kind: "internet", requires: "srv" },
        ],
        functions: [{ id: "f", downtimeCostPerHour: 100, requires: "srv" }],
      });
      const move = MITIGATIONS.find((m) => m.id === "move-to-cloud")!;
      const scores = scoreInventory(inv);
      const candidates = move.candidates(planContext(inv, scores, new Set(scores.functions[0]!.singlePointsOfFailure)));
      for (const targets of candidates) expect(validateInventory(move.apply(inv, targets)).ok).toBe(true);
      expect(assessInventory(inv).ok).toBe(true);
    });
    it("the generator's benefit stays within the pruning bound, so the plan takes it when it pays", () => {
      // The generator does not need what the utility feed needs (here its feeder), so it also
      // removes the feeder's cut sets. When touches() named only the feed, the bound (600) fell
      // below the cost (1100) and the plan never scored it, though it saves 5379.54 a year.
      const inv = valid({
        format: "resilience-inventory/1",
        asOf: AS_OF,
        organization: { ...org, operatingHoursPerWeek: 168 },
        components: [
          { id: "feeder", kind: "other", failuresPerYear: 2, repairHours: 24 },
          { id: "utility", kind: "power", requires: "feeder" },
        ],
        functions: [{ id: "f", downtimeCostPerHour: 100, hours: "always", requires: "utility" }],
      });
      const generator = MITIGATIONS.find((m) => m.id === "generator")!;
      const benefit = scoreInventory(inv).expectedAnnualLoss - scoreInventory(generator.apply(inv, ["utility"])).expectedAnnualLoss;
      const cost = annualizedCost(generator.defaultCost(inv, ["utility"], 50));
      expect(benefit / cost).toBeGreaterThan(4);
      expect(buildPlan(inv).plan.map((p) => p.mitigation)).toEqual(["generator"]);
    });
    it("the UPS's benefit stays within the pruning bound, so the plan takes it when it pays", () => {
      // The UPS also rides through the outages of what its feed requires (here a feeder with
      // 100 short outages a year). When touches() named only the feed, the bound (100 a year)
      // fell below the cost (225) and the plan never scored the UPS, though it saves 3825.13.
      const inv = valid({
        format: "resilience-inventory/1",
        asOf: AS_OF,
        organization: { ...org, operatingHoursPerWeek: 168 },
        components: [
          { id: "feeder", kind: "other", failuresPerYear: 100, repairHours: 0.25 },
          { id: "utility", kind: "power", failuresPerYear: 0.1, repairHours: 1, requires: "feeder" },
          { id: "server", kind: "server", failuresPerYear: 0, repairHours: 1, requires: "utility" },
        ],
        functions: [{ id: "f", downtimeCostPerHour: 1000, hours: "always", requires: "server" }],
      });
      const ups = MITIGATIONS.find((m) => m.id === "ups")!;
      const benefit = scoreInventory(inv).expectedAnnualLoss - scoreInventory(ups.apply(inv, ["utility"])).expectedAnnualLoss;
      const cost = annualizedCost(ups.defaultCost(inv, ["utility"], 50));
      expect(benefit / cost).toBeGreaterThan(16);
      // The generator (ratio 21) is priced out so that the UPS is the best buy.
      const plan = buildPlan(inv, { costOverrides: { generator: { upfront: 1e9 } } }).plan;
      // Later picks (a support contract for the new UPS) may follow; the UPS must come first.
      expect(plan[0]?.mitigation).toBe("ups");
    });
    it("a twin does not copy its original's group ids (redundant router behind a dual WAN)", () => {
      const inv = valid({
        format: "resilience-inventory/1",
        asOf: AS_OF,
        organization: org,
        components: [
          { id: "isp1", kind: "internet" },
          { id: "isp2", kind: "internet" },
          { id: "router", kind: "network", requires: { any: ["isp1", "isp2"], id: "wan", failoverMinutes: 1 } },
        ],
        functions: [{ id: "f", downtimeCostPerHour: 100, requires: "router" }],
      });
      const pair = MITIGATIONS.find((m) => m.id === "redundant-network-device")!;
      const after = pair.apply(inv, ["router"]);
      expect(validateInventory(after).ok).toBe(true);
      // Two pseudo-events of one name would make a cut set {failover:wan, failover:wan}.
      for (const c of scoreInventory(after).functions[0]!.cutSets) expect(new Set(c.components).size).toBe(c.components.length);
    });
  });
});

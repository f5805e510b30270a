/**
 * The cut-set core on hand-built structure graphs: set algebra (union, product, k-of-n),
 * minimisation, the ride-through rules of model.md §3, the switch-over pseudo-event, the order
 * limit and its `truncated` flag. A property compares the sets with brute-force enumeration.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CutSetEngine, FamilyStore, NumberIndex, type Family, type StructureNode } from "./cut-sets.js";
import { bruteForceMinimal, type RandomGraph } from "./test-support.js";

type Gate = StructureNode & { type: "gate" };

const ev = (event: number): StructureNode => ({ type: "event", event });
const comp = (event: number, requires?: StructureNode, rideThroughHours = 0): StructureNode => ({
  type: "component",
  event,
  requires,
  rideThroughHours,
});
const gate = (need: number, members: StructureNode[]): Gate => ({ type: "gate", need, members });
/** Requirement `all`: down when one member is down. */
const all = (...members: StructureNode[]) => gate(1, members);
/** Requirement `any`: down when every member is down. */
const any = (...members: StructureNode[]) => gate(members.length, members);
/** Requirement `atLeast k of`: down when n − k + 1 members are down. */
const atLeast = (k: number, members: StructureNode[]) => gate(members.length - k + 1, members);

interface Run {
  readonly family: Family;
  readonly engine: CutSetEngine;
  readonly rates: { failuresPerYear: number[]; repairHours: number[] };
}

function run(
  node: StructureNode,
  { maxOrder = 3, eventCount = 16, rates }: { maxOrder?: number; eventCount?: number; rates?: Run["rates"] } = {},
): Run {
  const r = rates ?? { failuresPerYear: new Array(eventCount).fill(1), repairHours: new Array(eventCount).fill(1) };
  const engine = new CutSetEngine({ maxOrder, eventCount }, r);
  return { family: engine.familyOf(node), engine, rates: r };
}

/** The family as "a,b" → T, sorted by key, for order-insensitive comparison. */
function setsWithT(family: Family): Record<string, number> {
  const out: Array<[string, number]> = family.sets.map((s, i) => [s.join(","), family.rideThrough[i]!]);
  out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(out);
}

function sets(family: Family): string[] {
  return family.sets.map((s) => s.join(",")).sort();
}

describe("set algebra", () => {
  it("a basic event is its own only cut set", () => {
    expect(setsWithT(run(ev(4)).family)).toEqual({ "4": 0 });
  });

  it("all (union): any one member failing is enough", () => {
    expect(sets(run(all(ev(0), ev(1), ev(2))).family)).toEqual(["0", "1", "2"]);
  });

  it("any (product): every member must fail", () => {
    expect(sets(run(any(ev(0), ev(1), ev(2))).family)).toEqual(["0,1,2"]);
  });

  it("2-of-3 (atLeast 2) gives the three pairs", () => {
    expect(sets(run(atLeast(2, [ev(0), ev(1), ev(2)])).family)).toEqual(["0,1", "0,2", "1,2"]);
  });

  it("atLeast 1 of n behaves as any, atLeast n of n as all", () => {
    expect(sets(run(atLeast(1, [ev(0), ev(1), ev(2)])).family)).toEqual(["0,1,2"]);
    expect(sets(run(atLeast(3, [ev(0), ev(1), ev(2)])).family)).toEqual(["0", "1", "2"]);
  });

  it("2-of-4 needs any three down; 3-of-4 any two", () => {
    const four = [ev(0), ev(1), ev(2), ev(3)];
    expect(sets(run(atLeast(2, four)).family)).toEqual(["0,1,2", "0,1,3", "0,2,3", "1,2,3"]);
    expect(sets(run(atLeast(3, four)).family)).toEqual(["0,1", "0,2", "0,3", "1,2", "1,3", "2,3"]);
  });

  it("k-of-n over composite members combines their families", () => {
    // atLeast 2 of [all(a, b), c, d]: two members down.
    const node = atLeast(2, [all(ev(0), ev(1)), ev(2), ev(3)]);
    expect(sets(run(node).family)).toEqual(["0,2", "0,3", "1,2", "1,3", "2,3"]);
  });

  it("k-of-n with members sharing an event collapses and minimises", () => {
    // atLeast 2 of [all(a, x), all(b, x), c]: x alone takes two members down.
    const x = ev(9);
    const node = atLeast(2, [all(ev(0), x), all(ev(1), x), ev(2)]);
    expect(sets(run(node).family)).toEqual(["0,1", "0,2", "1,2", "9"]);
  });

  it("minimisation after a product drops supersets", () => {
    // any(all(a, b), all(a, c)) = a, or b and c.
    expect(sets(run(any(all(ev(0), ev(1)), all(ev(0), ev(2)))).family)).toEqual(["0", "1,2"]);
  });

  it("minimisation after a union drops supersets", () => {
    // all(a, any(a, b)) = a.
    expect(sets(run(all(ev(0), any(ev(0), ev(1)))).family)).toEqual(["0"]);
  });

  it("a component's own failure joins its requirements' sets", () => {
    expect(sets(run(comp(5, any(ev(0), ev(1)))).family)).toEqual(["0,1", "5"]);
    expect(sets(run(comp(5)).family)).toEqual(["5"]);
  });

  it("a shared component (common cause) is one node: the shared UPS case", () => {
    const ups = comp(0);
    const s1 = comp(1, ups);
    const s2 = comp(2, ups);
    expect(sets(run(any(s1, s2)).family)).toEqual(["0", "1,2"]);
  });

  it("memoises by node identity: the same node object gives the same family object", () => {
    const shared = any(ev(0), ev(1));
    const { engine, family } = run(all(shared, comp(2, shared)));
    expect(engine.familyOf(shared)).toBe(engine.familyOf(shared));
    expect(sets(family)).toEqual(["0,1", "2"]);
  });
});

describe("ride-through times (model.md §3)", () => {
  it("a component's own failure has T = 0; its requirements' sets are delayed by its runtime", () => {
    expect(setsWithT(run(comp(1, ev(0), 0.25)).family)).toEqual({ "0": 0.25, "1": 0 });
  });

  it("bridges in series add up", () => {
    const node = comp(2, comp(1, ev(0), 0.5), 0.25);
    expect(setsWithT(run(node).family)).toEqual({ "0": 0.75, "1": 0.25, "2": 0 });
  });

  it("all keeps the smallest T of a set reached through several members", () => {
    const x = ev(0);
    const node = all(comp(1, x, 1), comp(2, x, 2));
    expect(setsWithT(run(node).family)).toEqual({ "0": 1, "1": 0, "2": 0 });
  });

  it("any takes the largest T of the sets it combines", () => {
    // any(u1 [t = 1] requires x, u2 [t = 3] requires z): {x, z} is down only when the later bridge runs out.
    const node = any(comp(1, ev(0), 1), comp(3, ev(2), 3));
    expect(setsWithT(run(node).family)).toEqual({ "0,2": 3, "0,3": 1, "1,2": 3, "1,3": 0 });
  });

  it("any over two bridges of one event takes the largest T for the shared set", () => {
    const x = ev(0);
    const node = any(comp(1, x, 1), comp(2, x, 2));
    expect(setsWithT(run(node).family)).toEqual({ "0": 2, "1,2": 0 });
  });

  it("atLeast takes the largest T of the sets it combines", () => {
    const node = atLeast(2, [comp(1, ev(0), 0.5), comp(3, ev(2), 2), ev(4)]);
    // Two of three members down.
    expect(setsWithT(run(node).family)).toEqual({
      "0,2": 2,
      "0,3": 0.5,
      "0,4": 0.5,
      "1,2": 2,
      "1,3": 0,
      "1,4": 0,
      "2,4": 2,
      "3,4": 0,
    });
  });

  it("the same set reached by several paths keeps the smallest T", () => {
    // all(u1 [t = 1] requires any(x, y), u2 [t = 3] requires any(x, y)): {x, y} by two paths.
    const pair = any(ev(0), ev(1));
    const node = all(comp(2, pair, 1), comp(3, pair, 3));
    expect(setsWithT(run(node).family)).toEqual({ "0,1": 1, "2": 0, "3": 0 });
  });

  it("the same set reached by two products keeps the smallest T", () => {
    // {x, c} arises from any(u [t = 2] requires x, c) and from any(v [t = 0.5] requires x, c).
    const x = ev(0);
    const c = ev(9);
    const node = all(any(comp(1, x, 2), c), any(comp(2, x, 0.5), c));
    expect(setsWithT(run(node).family)).toEqual({ "0,9": 0.5, "1,9": 0, "2,9": 0 });
  });

  it("minimisation drops a superset even when it has a smaller T", () => {
    // all(bridge [t = 5] requires x, any(x, y)): {x} (T = 5) absorbs {x, y} (T = 0).
    const x = ev(0);
    const node = all(comp(1, x, 5), any(x, ev(2)));
    expect(setsWithT(run(node).family)).toEqual({ "0": 5, "1": 0 });
  });
});

describe("ride-through inside one gate: every combination of member sets counts", () => {
  // model.md §3: a set formed from one cut set of each member takes the largest T; the same set
  // reached several ways keeps the smallest. Minimising "whatever T" between the steps of a
  // product or a k-of-n layer (an earlier engine bug) lost the combination with the smallest T.
  it("any: {g, s} is down at once when s stops the first and third members and g the second", () => {
    // Events: g 0, s 1, x 2, y 3, z 4, ups 5 (30 minutes, requires g).
    const g = comp(0);
    const s = comp(1);
    const node = any(all(comp(5, g, 0.5), s), any(g), all(s, comp(2), comp(3), comp(4)));
    const family = setsWithT(run(node).family);
    expect(family["0,1"]).toBe(0);
  });

  it("atLeast: the result does not depend on the order of the members", () => {
    // 2 of [pc1, ups, grid, pc2] must hold; pc1 and pc2 require the switch, the UPS (30 minutes)
    // requires grid. Switch and grid together take three members down at once: T = 0.
    const sw = comp(0);
    const grid = comp(1);
    const members = [comp(2, sw), comp(4, grid, 0.5), grid, comp(3, sw)];
    const orders = [
      [0, 1, 2, 3],
      [0, 1, 3, 2],
      [2, 3, 1, 0],
    ];
    for (const order of orders) {
      const family = setsWithT(run(atLeast(2, order.map((i) => members[i]!))).family);
      expect(family["0,1"]).toBe(0);
    }
  });
});

describe("the switch-over pseudo-event", () => {
  it("its rate sums the primary's own single failures, weighted by their ride-through", () => {
    // any[p, s] with failover; p [t = 0.5 h] requires x; s requires y. Events: p 0, s 1, x 2, y 3, F 4.
    const rates = { failuresPerYear: [2, 3, 5, 7, 0], repairHours: [4, 6, 2, 10, 0.25] };
    const group = any(comp(0, ev(2), 0.5), comp(1, ev(3)));
    const node: StructureNode = { type: "failover", group, pseudoEvent: 4 };
    const { family } = run(node, { rates, eventCount: 5 });
    expect(setsWithT(family)).toEqual({ "0,1": 0, "0,3": 0, "1,2": 0.5, "2,3": 0.5, "4": 0 });
    const expected = 2 * 1 + 5 * Math.exp(-0.5 / 2);
    expect(rates.failuresPerYear[4]).toBeCloseTo(expected, 12);
  });

  it("a single failure that takes the whole group down triggers no switch-over", () => {
    // Both members require z: z is a cut set of the group, so it does not add to the rate.
    const z = ev(2);
    const rates = { failuresPerYear: [2, 3, 11, 0], repairHours: [4, 6, 2, 0.5] };
    const group = any(comp(0, z), comp(1, z));
    const { family } = run({ type: "failover", group, pseudoEvent: 3 }, { rates, eventCount: 4 });
    expect(setsWithT(family)).toEqual({ "0,1": 0, "2": 0, "3": 0 });
    expect(rates.failuresPerYear[3]).toBe(2);
  });

  it("a group primary contributes only its order-1 sets", () => {
    // Primary = any(a, b) has no single; primary = all(a, b) has two.
    const withAnyPrimary = { failuresPerYear: [1, 1, 1, 0], repairHours: [1, 1, 1, 1] };
    run({ type: "failover", group: any(any(ev(0), ev(1)), ev(2)), pseudoEvent: 3 }, { rates: withAnyPrimary, eventCount: 4 });
    expect(withAnyPrimary.failuresPerYear[3]).toBe(0);
    const withAllPrimary = { failuresPerYear: [1.5, 2.5, 1, 0], repairHours: [1, 1, 1, 1] };
    run({ type: "failover", group: any(all(ev(0), ev(1)), ev(2)), pseudoEvent: 3 }, { rates: withAllPrimary, eventCount: 4 });
    expect(withAllPrimary.failuresPerYear[3]).toBe(4);
  });

  it("counts towards the order limit and is delayed by ride-through further up", () => {
    const rates = { failuresPerYear: [1, 1, 0, 1], repairHours: [1, 1, 0.1, 1] };
    const failover: StructureNode = { type: "failover", group: any(ev(0), ev(1)), pseudoEvent: 2 };
    const { family } = run(any(comp(3, failover, 0.25), ev(4)), { rates, eventCount: 5, maxOrder: 2 });
    expect(setsWithT(family)).toEqual({ "2,4": 0.25, "3,4": 0 });
    expect(family.truncated).toBe(true);
  });

  it("a member above a switch-over may share events with its siblings: they keep the gate's order budget", () => {
    // any[c0, c1] where c1 requires a failover group any[c0]: c0 alone stops both members. The
    // events below c1 are not tracked (switch-over), and c0 was once given the budget
    // (gate's budget − minOrder(c1)) and its sets dropped. Events: c0 0, c1 1, c2 2, F 3, x 4.
    const rates = { failuresPerYear: [1, 1, 1, 0, 1], repairHours: [1, 1, 1, 0, 1] };
    const failover: StructureNode = { type: "failover", group: any(ev(0)), pseudoEvent: 3 };
    const c2 = comp(2, any(ev(0), comp(1, failover)));
    // Order 1 on the general path (a FamilyStore, as the plan's ScoringCache has): c2 needs c0.
    const engine = new CutSetEngine({ maxOrder: 1, eventCount: 5 }, rates, new FamilyStore(1));
    expect(sets(engine.familyOf(c2))).toEqual(["0", "2"]);
    // Order 2, the any one level down beside another event: {c0, x} is a set of order 2.
    const { family } = run(any(c2, ev(4)), { rates, eventCount: 5, maxOrder: 2 });
    expect(sets(family)).toEqual(["0,4", "2,4"]);
  });
});

describe("the order limit and truncated", () => {
  it("keeps a set of exactly the limit and says nothing was cut", () => {
    const { family } = run(any(ev(0), ev(1), ev(2)), { maxOrder: 3 });
    expect(sets(family)).toEqual(["0,1,2"]);
    expect(family.truncated).toBe(false);
  });

  it("drops a minimal set above the limit and says so", () => {
    const { family } = run(any(ev(0), ev(1), ev(2)), { maxOrder: 2 });
    expect(sets(family)).toEqual([]);
    expect(family.truncated).toBe(true);
  });

  it("keeps the sets within the limit beside the dropped ones", () => {
    // all(a, any(b, c, d)) at order 2: {a} stays, {b, c, d} goes.
    const { family } = run(all(ev(0), any(ev(1), ev(2), ev(3))), { maxOrder: 2 });
    expect(sets(family)).toEqual(["0"]);
    expect(family.truncated).toBe(true);
  });

  it("is false when nothing exceeded the limit, whatever the structure", () => {
    const node = all(atLeast(2, [ev(0), ev(1), ev(2)]), comp(3, any(ev(4), ev(5))), ev(6));
    const { family } = run(node, { maxOrder: 2 });
    expect(sets(family)).toEqual(["0,1", "0,2", "1,2", "3", "4,5", "6"]);
    expect(family.truncated).toBe(false);
  });

  it("is false when overlapping sets keep a union within the limit", () => {
    // any(any(a, b), any(a, b) as another node): {a, b} ∪ {a, b} = {a, b}, order 2.
    const { family } = run(any(any(ev(0), ev(1)), any(ev(0), ev(1))), { maxOrder: 2 });
    expect(sets(family)).toEqual(["0,1"]);
    expect(family.truncated).toBe(false);
  });

  it("stays false when the only union over the limit contains a set of the other member (absorbed, never minimal)", () => {
    // any(all(a, any(b, c)), a) at order 2: {a} is in both members, so it is the product's only
    // minimal set from either side; {a, b, c} is never formed, and no higher-order set exists.
    const { family } = run(any(all(ev(0), any(ev(1), ev(2))), ev(0)), { maxOrder: 2 });
    expect(sets(family)).toEqual(["0"]);
    expect(family.truncated).toBe(false);
  });

  it("is true when a union over the limit was discarded that nothing absorbs", () => {
    // any(all(a, any(b, c)), d) at order 2: {a, d} is kept, {b, c, d} exceeds the limit.
    const { family } = run(any(all(ev(0), any(ev(1), ev(2))), ev(3)), { maxOrder: 2 });
    expect(sets(family)).toEqual(["0,3"]);
    expect(family.truncated).toBe(true);
  });

  it("propagates through components and unions", () => {
    const { family } = run(all(ev(0), comp(1, any(ev(2), ev(3), ev(4)))), { maxOrder: 2 });
    expect(sets(family)).toEqual(["0", "1"]);
    expect(family.truncated).toBe(true);
  });

  it("goes up to order 6", () => {
    const six = any(ev(0), ev(1), ev(2), ev(3), ev(4), ev(5));
    const at6 = run(six, { maxOrder: 6 }).family;
    expect(sets(at6)).toEqual(["0,1,2,3,4,5"]);
    expect(at6.truncated).toBe(false);
    const at5 = run(six, { maxOrder: 5 }).family;
    expect(sets(at5)).toEqual([]);
    expect(at5.truncated).toBe(true);
    const seven = any(ev(0), ev(1), ev(2), ev(3), ev(4), ev(5), ev(6));
    expect(run(seven, { maxOrder: 6 }).family.truncated).toBe(true);
  });

  it("order 1 keeps only single points of failure", () => {
    const { family } = run(all(ev(0), any(ev(1), ev(2))), { maxOrder: 1 });
    expect(sets(family)).toEqual(["0"]);
    expect(family.truncated).toBe(true);
  });

  it("gives the same sets with numeric and with text keys", () => {
    // With 2000 events, sets of 6 no longer fit a numeric key (log2(2001) × 6 > 52) and the engine
    // switches to text keys; with 10 events it uses numbers.
    const node = all(atLeast(3, [ev(0), ev(1), ev(2), ev(3), ev(4)]), any(ev(5), ev(6), ev(7), ev(8), ev(9), ev(0)), comp(7, any(ev(8), ev(9))));
    const numeric = run(node, { maxOrder: 6, eventCount: 10 }).family;
    const text = run(node, { maxOrder: 6, eventCount: 2000 }).family;
    expect(setsWithT(text)).toEqual(setsWithT(numeric));
    expect(sets(numeric)).toEqual([
      "0,1,2",
      "0,1,3",
      "0,1,4",
      "0,2,3",
      "0,2,4",
      "0,3,4",
      "1,2,3",
      "1,2,4",
      "1,3,4",
      "2,3,4",
      "7",
      "8,9",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Brute force (test-support.ts): every subset of events, the minimal ones that bring the top down.

/** Random DAG of gates and components over up to 9 events; later nodes reuse earlier ones. */
const graphArb: fc.Arbitrary<RandomGraph> = fc
  .record({
    events: fc.integer({ min: 1, max: 9 }),
    recipe: fc.array(
      fc.record({
        kind: fc.constantFrom("all", "any", "atLeast", "component", "failover"),
        picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        k: fc.nat(),
        own: fc.nat(),
        t: fc.constantFrom(0, 0.5, 2),
      }),
      { minLength: 1, maxLength: 10 },
    ),
  })
  .map(({ events, recipe }) => {
    const nodes: StructureNode[] = Array.from({ length: events }, (_, i) => ev(i));
    // Switch-over pseudo-events are numbered after the basic events (at most two, so that brute
    // force stays within 2^11 subsets); a node above one has events the order budgets cannot track.
    let pseudoEvents = 0;
    for (const step of recipe) {
      const members = [...new Set(step.picks.map((p) => nodes[p % nodes.length]!))];
      if (step.kind === "component") nodes.push(comp(step.own % events, members.length === 1 ? members[0] : all(...members), step.t));
      else if (step.kind === "all") nodes.push(all(...members));
      else if (step.kind === "any") nodes.push(any(...members));
      else if (step.kind === "failover" && pseudoEvents < 2) nodes.push({ type: "failover", group: any(...members), pseudoEvent: events + pseudoEvents++ });
      else nodes.push(atLeast(1 + (step.k % members.length), members));
    }
    return { top: nodes[nodes.length - 1]!, events: events + pseudoEvents };
  });

describe("against brute-force enumeration", () => {
  it("the minimal cut sets up to the limit are exactly the brute-force ones", () => {
    fc.assert(
      fc.property(graphArb, fc.integer({ min: 1, max: 6 }), (graph, maxOrder) => {
        const truth = bruteForceMinimal(graph);
        const { family } = run(graph.top, { maxOrder, eventCount: graph.events });
        const within = truth.filter((s) => s.length <= maxOrder).map((s) => s.join(",")).sort();
        expect(sets(family)).toEqual(within);
        // A minimal set above the limit was necessarily discarded somewhere.
        if (truth.some((s) => s.length > maxOrder)) expect(family.truncated).toBe(true);
        if (maxOrder >= graph.events) expect(family.truncated).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it("every set comes with a finite, non-negative T and sets are sorted", () => {
    fc.assert(
      fc.property(graphArb, (graph) => {
        const { family } = run(graph.top, { maxOrder: 4, eventCount: graph.events });
        expect(family.rideThrough).toHaveLength(family.sets.length);
        for (let i = 0; i < family.sets.length; i++) {
          const s = family.sets[i]!;
          expect([...s].sort((a, b) => a - b)).toEqual(s);
          expect(new Set(s).size).toBe(s.length);
          expect(Number.isFinite(family.rideThrough[i]!) && family.rideThrough[i]! >= 0).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("order 1: the singles algebra", () => {
  it("gives the general path's sets, T and switch-over rates (and truncated whenever a minimal set was cut)", () => {
    let failovers = 0;
    fc.assert(
      fc.property(graphArb, fc.boolean(), fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 20, maxLength: 20 }), (graph, withFailover, numbers) => {
        // Optionally a failover group over the top and one event: a switch-over pseudo-event.
        const pseudo = graph.events;
        const top: StructureNode = withFailover
          ? { type: "failover", group: any(graph.top, ev(numbers.length % graph.events)) as StructureNode & { type: "gate" }, pseudoEvent: pseudo }
          : graph.top;
        const eventCount = graph.events + 1;
        const rates = () => ({ failuresPerYear: numbers.slice(0, eventCount), repairHours: numbers.slice(20 - eventCount) });
        const singlesRates = rates();
        const generalRates = rates();
        const singles = new CutSetEngine({ maxOrder: 1, eventCount }, singlesRates).familyOf(top);
        // With a FamilyStore, order 1 takes the general path.
        const general = new CutSetEngine({ maxOrder: 1, eventCount }, generalRates, new FamilyStore(1)).familyOf(top);
        expect(setsWithT(singles)).toEqual(setsWithT(general));
        if (withFailover) {
          failovers++;
          expect(singlesRates.failuresPerYear[pseudo]).toBe(generalRates.failuresPerYear[pseudo]);
        }
        const truth = bruteForceMinimal({ top: graph.top, events: graph.events });
        if (!withFailover && truth.some((s) => s.length > 1)) expect(singles.truncated).toBe(true);
        if (!withFailover && graph.events === 1) expect(singles.truncated).toBe(false);
      }),
      { numRuns: 500 },
    );
    expect(failovers).toBeGreaterThan(100);
  });
});

describe("order budgets on tree-shaped structures (disjoint members)", () => {
  type Shape = { kind: "leaf"; t: number } | { kind: "all" | "any" | "atLeast"; k: number; children: Shape[] };
  const shapeArb = fc.letrec<{ shape: Shape }>((tie) => ({
    shape: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.record({ kind: fc.constant("leaf" as const), t: fc.constantFrom(0, 0, 1) }),
      fc.record({
        kind: fc.constantFrom("all" as const, "any" as const, "atLeast" as const),
        k: fc.nat(),
        children: fc.array(tie("shape"), { minLength: 1, maxLength: 4 }),
      }),
    ),
  })).shape;

  /** Leaves get their own events (a few reuse an earlier one), up to 14 events in all. */
  function build(shape: Shape, reuse: number[]): RandomGraph | undefined {
    let next = 0;
    const make = (s: Shape): StructureNode => {
      if (s.kind === "leaf") {
        const shared = reuse.length > 0 && next > 0 && reuse[next % reuse.length]! % 7 === 0;
        const e = shared ? reuse[next % reuse.length]! % next : next++;
        return s.t === 0 ? ev(e) : comp(e, undefined, s.t);
      }
      const members = s.children.map(make);
      if (s.kind === "all") return all(...members);
      if (s.kind === "any") return any(...members);
      return atLeast(1 + (s.k % members.length), members);
    };
    const top = make(shape);
    return next >= 2 && next <= 14 ? { top, events: next } : undefined;
  }

  it("give exactly the brute-force minimal cut sets up to the limit, with every T of the unbudgeted path", () => {
    let runs = 0;
    fc.assert(
      fc.property(shapeArb, fc.array(fc.nat(), { maxLength: 5 }), fc.integer({ min: 1, max: 4 }), (shape, reuse, maxOrder) => {
        const graph = build(shape, reuse);
        if (!graph) return;
        runs++;
        const truth = bruteForceMinimal(graph);
        const { family } = run(graph.top, { maxOrder, eventCount: graph.events });
        expect(sets(family)).toEqual(truth.filter((s) => s.length <= maxOrder).map((s) => s.join(",")).sort());
        // The same sets and T as the order limit 6 filtered down: budgets change no T.
        const full = run(graph.top, { maxOrder: 6, eventCount: graph.events }).family;
        const filtered = setsWithT(full);
        for (const key of Object.keys(filtered)) if (key.split(",").length > maxOrder) delete filtered[key];
        expect(setsWithT(family)).toEqual(filtered);
        if (truth.some((s) => s.length > maxOrder)) expect(family.truncated).toBe(true);
      }),
      { numRuns: 400 },
    );
    expect(runs).toBeGreaterThan(100);
  });
});

describe("set keys", () => {
  it("NumberIndex answers as a Map does, through growth, for keys up to 2^53", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.integer({ min: 1, max: 64 }), fc.maxSafeInteger().filter((k) => k >= 1)), fc.integer()), { maxLength: 300 }),
        fc.array(fc.maxSafeInteger().filter((k) => k >= 1), { maxLength: 50 }),
        (writes, probes) => {
          // Sized for 2 so that it grows many times.
          const index = new NumberIndex(2);
          const map = new Map<number, number>();
          for (const [key, value] of writes) {
            index.set(key, value);
            map.set(key, value);
          }
          for (const key of [...map.keys(), ...probes]) expect(index.get(key)).toBe(map.get(key));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("NumberIndex.clear empties it for reuse (the pool of minimise), keeping its capacity", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer()), { maxLength: 200 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer()), { maxLength: 200 }),
        (first, second) => {
          const index = new NumberIndex(2);
          for (const [key, value] of first) index.set(key, value);
          const capacity = index.capacity;
          index.clear();
          expect(index.capacity).toBe(capacity);
          const map = new Map<number, number>();
          for (const [key, value] of second) {
            index.set(key, value);
            map.set(key, value);
          }
          for (const [key] of [...first, ...second]) expect(index.get(key)).toBe(map.get(key));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("sets keyed by strings (events × order beyond 2^53) give the same family as numeric keys", () => {
    fc.assert(
      fc.property(graphArb, (graph) => {
        const numeric = run(graph.top, { maxOrder: 6, eventCount: graph.events }).family;
        // 100,000 events at order 6 do not fit a double's mantissa: keys become strings.
        const rates = { failuresPerYear: new Array(100_000).fill(1), repairHours: new Array(100_000).fill(1) };
        const text = run(graph.top, { maxOrder: 6, eventCount: 100_000, rates }).family;
        expect(setsWithT(text)).toEqual(setsWithT(numeric));
      }),
      { numRuns: 150 },
    );
  });
});

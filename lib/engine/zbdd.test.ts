/**
 * The ZBDD path for structures without ride-through or switch-over: the same minimal cut sets as
 * brute-force enumeration and as the set algebra (cut-sets.ts), its order limit and `truncated`,
 * and topCutSets' choice between the two. The Aralia trees (bench/engine/aralia.test.ts) check it
 * against published counts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CutSetEngine, type Family, type StructureNode } from "./cut-sets.js";
import { bruteForceMinimal } from "./test-support.js";
import { isPlainStructure, plainCutSets, topCutSets } from "./zbdd.js";

type Gate = StructureNode & { type: "gate" };
const ev = (event: number): StructureNode => ({ type: "event", event });
const comp = (event: number, requires?: StructureNode, rideThroughHours = 0): StructureNode => ({ type: "component", event, requires, rideThroughHours });
const gate = (need: number, members: StructureNode[]): Gate => ({ type: "gate", need, members });
const or = (...members: StructureNode[]) => gate(1, members);
const and = (...members: StructureNode[]) => gate(members.length, members);

function sets(family: Family): string[] {
  return family.sets.map((s) => s.join(",")).sort();
}

function zbdd(top: StructureNode, maxOrder = 3, eventCount = 16): Family {
  return plainCutSets(top, { maxOrder, eventCount });
}

function algebra(top: StructureNode, maxOrder = 3, eventCount = 16): Family {
  const rates = { failuresPerYear: new Array<number>(eventCount).fill(1), repairHours: new Array<number>(eventCount).fill(1) };
  return new CutSetEngine({ maxOrder, eventCount }, rates).familyOf(top);
}

/** A random DAG of gates and components without ride-through; later nodes reuse earlier ones. */
function plainGraphArb(maxEvents: number, maxSteps: number): fc.Arbitrary<{ top: StructureNode; events: number }> {
  return fc
    .record({
      events: fc.integer({ min: 1, max: maxEvents }),
      recipe: fc.array(
        fc.record({
          kind: fc.constantFrom("or", "and", "atLeast", "component"),
          picks: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
          k: fc.nat(),
          own: fc.nat(),
        }),
        { minLength: 1, maxLength: maxSteps },
      ),
    })
    .map(({ events, recipe }) => {
      const nodes: StructureNode[] = Array.from({ length: events }, (_, i) => ev(i));
      for (const step of recipe) {
        const members = [...new Set(step.picks.map((p) => nodes[p % nodes.length]!))];
        if (step.kind === "component") nodes.push(comp(step.own % events, members.length === 1 ? members[0] : or(...members)));
        else if (step.kind === "or") nodes.push(or(...members));
        else if (step.kind === "and") nodes.push(and(...members));
        else nodes.push(gate(1 + (step.k % members.length), members));
      }
      return { top: nodes[nodes.length - 1]!, events };
    });
}

describe("the ZBDD's set operations, by hand", () => {
  it("an event is its own only cut set; OR unions, AND multiplies", () => {
    expect(sets(zbdd(ev(3)))).toEqual(["3"]);
    expect(sets(zbdd(or(ev(0), ev(1), ev(2))))).toEqual(["0", "1", "2"]);
    expect(sets(zbdd(and(ev(0), or(ev(1), ev(2)))))).toEqual(["0,1", "0,2"]);
  });

  it("2 of 4 down takes every pair; the result holds only minimal sets", () => {
    expect(sets(zbdd(gate(2, [ev(0), ev(1), ev(2), ev(3)])))).toEqual(["0,1", "0,2", "0,3", "1,2", "1,3", "2,3"]);
    // {0} absorbs {0,1}: OR of an event with a product containing it.
    expect(sets(zbdd(or(ev(0), and(ev(0), ev(1)), and(ev(1), ev(2)))))).toEqual(["0", "1,2"]);
    // A shared event collapses a product: (0 or 1) and (0 or 2) = {0}, {1,2}.
    expect(sets(zbdd(and(or(ev(0), ev(1)), or(ev(0), ev(2)))))).toEqual(["0", "1,2"]);
  });

  it("a component is its own event or its requirements", () => {
    expect(sets(zbdd(comp(5, and(ev(1), ev(2)))))).toEqual(["1,2", "5"]);
  });

  it("a gate that needs more members down than it has cannot fail, in both algebras, and cuts nothing", () => {
    expect(zbdd(gate(3, [ev(0), ev(1)])).sets).toEqual([]);
    expect(algebra(gate(3, [ev(0), ev(1)])).sets).toEqual([]);
    expect(algebra(gate(3, [ev(0), ev(1)]), 1).sets).toEqual([]);
    // An AND with such a member cannot fail either: its other member's sets are not "cut".
    const never = and(gate(3, [ev(1), ev(2)]), ev(0));
    expect(zbdd(never, 7).sets).toEqual([]);
    expect(zbdd(never, 7).truncated).toBe(false);
    expect(algebra(never, 6).truncated).toBe(false);
  });

  it("a k-of-n gate of 6,000 members (one row at a time, no deep recursion)", () => {
    const n = 6000;
    const wide = gate(2, Array.from({ length: n }, (_, i) => ev(i)));
    expect(zbdd(wide, 1, n).sets).toEqual([]);
    expect(zbdd(wide, 1, n).truncated).toBe(true);
    expect(zbdd(gate(2, [ev(0), ev(1), ev(2)]), 2, 3).sets).toEqual([[0, 1], [0, 2], [1, 2]]);
  });

  it("a set is dropped when it holds a set of the family found further down the chain", () => {
    // {0,1,2} holds {2}: the check against the lo part in without() decides it.
    expect(sets(zbdd(or(and(ev(0), ev(1), ev(2)), ev(2), and(ev(1), ev(3)))))).toEqual(["1,3", "2"]);
  });

  it("drops sets above the order limit and says so; keeps a set of exactly the limit", () => {
    const top = or(ev(0), and(ev(1), ev(2), ev(3)));
    expect(sets(zbdd(top, 2))).toEqual(["0"]);
    expect(zbdd(top, 2).truncated).toBe(true);
    expect(sets(zbdd(top, 3))).toEqual(["0", "1,2,3"]);
    expect(zbdd(top, 3).truncated).toBe(false);
  });

  it("walks long chains without running out of stack: an OR of 30,000 events, and its product with one more", () => {
    const n = 30_000;
    const wide = or(...Array.from({ length: n }, (_, i) => ev(i)));
    expect(zbdd(wide, 3, n + 1).sets).toHaveLength(n);
    const pairs = zbdd(and(wide, ev(n)), 3, n + 1);
    expect(pairs.sets).toHaveLength(n);
    expect(pairs.sets[0]).toHaveLength(2);
    expect(pairs.sets.every((set) => set.length === 2 && set[1] === n)).toBe(true);
  });

  it("sets are sorted event numbers whatever order the walk meets the events in, each with T = 0", () => {
    const family = zbdd(and(ev(9), or(ev(4), ev(7)), ev(2)), 3, 10);
    expect(family.sets).toEqual(expect.arrayContaining([[2, 4, 9], [2, 7, 9]]));
    expect(family.sets).toHaveLength(2);
    expect(family.rideThrough).toEqual([0, 0]);
  });
});

describe("against brute force and the set algebra", () => {
  it("gives exactly the brute-force minimal cut sets up to the limit (order 1 to 6)", () => {
    fc.assert(
      fc.property(plainGraphArb(10, 12), fc.integer({ min: 1, max: 6 }), ({ top, events }, maxOrder) => {
        const truth = bruteForceMinimal({ top, events });
        const family = zbdd(top, maxOrder, events);
        expect(sets(family)).toEqual(truth.filter((s) => s.length <= maxOrder).map((s) => s.join(",")).sort());
        if (truth.some((s) => s.length > maxOrder)) expect(family.truncated).toBe(true);
        if (maxOrder >= events) expect(family.truncated).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  // `truncated` is compared with the truth above: the two flags can differ where a dropped set
  // would have been absorbed further up (each path drops different intermediate sets).
  it("gives the set algebra's sets on larger shared structures", () => {
    fc.assert(
      fc.property(plainGraphArb(40, 40), fc.integer({ min: 1, max: 4 }), ({ top, events }, maxOrder) => {
        expect(sets(zbdd(top, maxOrder, events))).toEqual(sets(algebra(top, maxOrder, events)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("topCutSets", () => {
  it("takes the ZBDD only for plain structures", () => {
    expect(isPlainStructure(or(ev(0), comp(1, and(ev(2), ev(3)))))).toBe(true);
    expect(isPlainStructure(or(ev(0), comp(1, ev(2), 0.5)))).toBe(false);
    expect(isPlainStructure(or(ev(0), { type: "failover", group: and(ev(1), ev(2)), pseudoEvent: 3 }))).toBe(false);
  });

  it("with a ride-through or a switch-over, gives the set algebra's sets, T and switch-over rate", () => {
    const withRideThrough = and(comp(0, or(ev(1), ev(2)), 0.5), or(ev(3), ev(1)));
    const rates = () => ({ failuresPerYear: [1, 2, 3, 4, 0], repairHours: [1, 1, 1, 1, 0] });
    const a = topCutSets(withRideThrough, { maxOrder: 3, eventCount: 5 }, rates());
    const b = new CutSetEngine({ maxOrder: 3, eventCount: 5 }, rates()).familyOf(withRideThrough);
    expect(a).toEqual(b);
    expect(a.rideThrough.some((t) => t > 0)).toBe(true);

    const failover: StructureNode = { type: "failover", group: and(comp(0, ev(1)), ev(2)), pseudoEvent: 4 };
    const ratesA = rates();
    const ratesB = rates();
    expect(topCutSets(failover, { maxOrder: 3, eventCount: 5 }, ratesA)).toEqual(
      new CutSetEngine({ maxOrder: 3, eventCount: 5 }, ratesB).familyOf(failover),
    );
    expect(ratesA.failuresPerYear[4]).toBeGreaterThan(0);
    expect(ratesA.failuresPerYear[4]).toBe(ratesB.failuresPerYear[4]);
  });

  it("above order 7 (beyond the ZBDD's cache keys) uses the set algebra; plainCutSets refuses it", () => {
    const top = and(or(ev(0), ev(1)), or(ev(2), ev(3)), or(ev(4), ev(5)), or(ev(6), ev(7)), or(ev(8), ev(9)), or(ev(10), ev(11)), or(ev(12), ev(13)), or(ev(14), ev(15)));
    const rates = { failuresPerYear: new Array<number>(16).fill(1), repairHours: new Array<number>(16).fill(1) };
    const family = topCutSets(top, { maxOrder: 8, eventCount: 16 }, rates);
    expect(family.sets).toHaveLength(256);
    expect(sets(family)).toEqual(sets(algebra(top, 8, 16)));
    expect(() => plainCutSets(top, { maxOrder: 8, eventCount: 16 })).toThrow(/order limit from 1 to 7/);
    expect(sets(plainCutSets(top, { maxOrder: 7, eventCount: 16 }))).toEqual([]);
  });

  it("on a plain structure, gives the set algebra's sets", () => {
    const top = gate(2, [comp(0, or(ev(1), ev(2))), and(ev(1), ev(3)), or(ev(2), ev(4)), ev(5)]);
    const rates = { failuresPerYear: [1, 1, 1, 1, 1, 1], repairHours: [1, 1, 1, 1, 1, 1] };
    expect(sets(topCutSets(top, { maxOrder: 3, eventCount: 6 }, rates))).toEqual(sets(algebra(top, 3, 6)));
  });
});

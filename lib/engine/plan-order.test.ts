/**
 * The plan does not depend on the order the inventory lists things in. Twins (components with the
 * same figures doing the same job) give candidates of exactly equal ratio; which one comes first
 * must be decided by the ids, not by where each is listed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessInventory } from "./index.js";

/** `count` identical routers, each the only thing its own activity needs. */
function twins(count: number, ids: readonly string[], functionOrder: readonly number[]) {
  return {
    format: "resilience-inventory/1",
    asOf: "2026-11-21",
    organization: { name: "Twins", currency: "USD", operatingHoursPerWeek: 168, staffCostPerHour: 50 },
    components: ids.map((id) => ({ id, name: `Router ${id}`, kind: "network", failuresPerYear: 1, repairHours: 24 })),
    functions: functionOrder.slice(0, count).map((k) => ({ id: `f${k}`, name: `Activity ${k}`, downtimeCostPerHour: 100, hours: "always", requires: `r${k}` })),
  };
}

function planOf(input: unknown) {
  const a = assessInventory(input);
  if (!a.ok) throw new Error(JSON.stringify(a.problems));
  return a.assessment.plan.map((p) => ({ step: `${p.mitigation}:${p.targets.join(",")}`, after: p.expectedAnnualLossAfter }));
}

/** The same steps in the same order; the figures equal to relative 1e-9 (sums run in list order). */
function expectSamePlan(actual: ReturnType<typeof planOf>, expected: ReturnType<typeof planOf>): void {
  expect(actual.map((p) => p.step)).toEqual(expected.map((p) => p.step));
  actual.forEach((p, i) => expect(Math.abs(p.after - expected[i]!.after)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected[i]!.after))));
}

describe("plan order", () => {
  it("two twin routers listed either way give the same plan", () => {
    const ab = planOf(twins(2, ["r0", "r1"], [0, 1]));
    const ba = planOf(twins(2, ["r1", "r0"], [1, 0]));
    expect(ab.length).toBeGreaterThan(1);
    expectSamePlan(ba, ab);
  });

  it("any listing of up to five twins gives the same plan", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((n) =>
          fc.tuple(fc.constant(n), fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }), fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n })),
        ),
        ([n, componentOrder, functionOrder]) => {
          const sorted = [...Array(n).keys()];
          const reference = planOf(twins(n, sorted.map((k) => `r${k}`), sorted));
          const shuffled = planOf(twins(n, componentOrder.map((k) => `r${k}`), functionOrder));
          expectSamePlan(shuffled, reference);
        },
      ),
      { numRuns: 100 },
    );
  });
});

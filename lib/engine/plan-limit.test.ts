/**
 * The plan's item limit (PlanOptions.maxItems, 50 unless set) is a safety stop, not a budget: what
 * is still worth doing when it stops is listed as such (beyondItemLimit), not as over budget.
 */
import { describe, expect, it } from "vitest";
import { loadExamples } from "../../tests/support/examples.js";
import { buildPlan, validateInventory, type Inventory, type PlanItem } from "./index.js";

function example(name: string): Inventory {
  const found = loadExamples().find((e) => e.name === name)!;
  const result = validateInventory(found.inventory);
  if (!result.ok) throw new Error(name);
  return result.inventory;
}

const key = (p: PlanItem) => `${p.mitigation}|${p.targets.join(",")}`;

describe("the plan's item limit", () => {
  const inventory = example("northwind-parts");
  const full = buildPlan(inventory);

  it("is not reached by the examples: nothing is beyond it", () => {
    expect(full.plan.length).toBeGreaterThan(3);
    expect(full.beyondItemLimit).toEqual([]);
  });

  it("when reached, lists what is still worth doing as beyond the limit, not over a budget there is none of", () => {
    const two = buildPlan(inventory, { maxItems: 2 });
    expect(two.plan.map(key)).toEqual(full.plan.slice(0, 2).map(key));
    expect(two.overBudget).toEqual([]);
    expect(two.beyondItemLimit.length).toBeGreaterThan(0);
    expect(two.beyondItemLimit.every((p) => p.benefitCostRatio > 1)).toBe(true);
    // Measured after the plan, best first: the first is the longer plan's next step.
    expect(key(two.beyondItemLimit[0]!)).toBe(key(full.plan[2]!));
  });

  it("with a budget as well, only what costs more than is left is over budget", () => {
    for (const budget of [500, 2_000, 5_000, 20_000]) {
      const result = buildPlan(inventory, { maxItems: 2, budget });
      const left = budget - result.totalFirstYearCost;
      expect(result.overBudget.every((p) => p.firstYearCost > left), `budget ${budget}`).toBe(true);
      expect(result.beyondItemLimit.every((p) => p.firstYearCost <= left), `budget ${budget}`).toBe(true);
    }
  });
});

import { describe, expect, it } from "vitest";
import { budgetSlider, cumulativePlan, planBudgetCeiling, planWithinBudget, type PlanItemLike } from "./plan-view";

const item = (title: string, annualizedCost: number, firstYearCost: number, annualBenefit: number): PlanItemLike => ({
  mitigation: title,
  title,
  targets: [],
  annualizedCost,
  firstYearCost,
  annualBenefit,
});

const plan = [item("A", 100, 500, 900), item("B", 50, 50, 100), item("C", 200, 2000, 300)];

describe("plan view", () => {
  it("adds up spend and risk removed step by step", () => {
    expect(cumulativePlan(plan).map((p) => [p.step, p.spend, p.riskRemoved])).toEqual([
      [0, 0, 0],
      [1, 100, 900],
      [2, 150, 1000],
      [3, 350, 1300],
    ]);
  });

  it("keeps the plan's order within a first-year budget, skipping what no longer fits", () => {
    expect(planWithinBudget(plan, 0).map((i) => i.title)).toEqual([]);
    expect(planWithinBudget(plan, 100).map((i) => i.title)).toEqual(["B"]);
    expect(planWithinBudget(plan, 550).map((i) => i.title)).toEqual(["A", "B"]);
    expect(planWithinBudget(plan, planBudgetCeiling(plan)).map((i) => i.title)).toEqual(["A", "B", "C"]);
    expect(planBudgetCeiling(plan)).toBe(2550);
  });
});

describe("budgetSlider", () => {
  it("tops out on a whole step at or above the plan's cost, so the whole plan can be chosen again", () => {
    for (const ceiling of [0, 7, 999, 1000, 1001, 13_660, 14_702, 16_460, 16_830, 20_000]) {
      const { max, step } = budgetSlider(ceiling);
      expect(max % step, `${ceiling}`).toBe(0);
      expect(max, `${ceiling}`).toBeGreaterThanOrEqual(ceiling);
      expect(max - ceiling, `${ceiling}`).toBeLessThan(step);
    }
    expect(budgetSlider(14_702)).toEqual({ max: 14_800, step: 100 });
    expect(budgetSlider(1001)).toEqual({ max: 1010, step: 10 });
  });
});

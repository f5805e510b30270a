/**
 * Option errors of `assessInventory` (assess.ts optionProblems, index.ts): bad options come back as
 * problems with a path and a sentence, like bad input, and are never thrown. Messages are literal
 * strings here so that a silent change of wording fails.
 */
import { describe, expect, it } from "vitest";
import { assessInventory, formatProblem, optionProblems, type AssessOptions, type Inventory, type Problem } from "./index.js";

/** A small valid inventory; `withAsOf: false` leaves out the date it describes. */
function inventory(withAsOf = true): Inventory {
  return {
    format: "resilience-inventory/1",
    ...(withAsOf ? { asOf: "2026-11-21" } : {}),
    organization: { name: "Acme", currency: "USD", operatingHoursPerWeek: 40 },
    components: [{ id: "srv", kind: "server", failuresPerYear: 0.5, repairHours: 24 }],
    functions: [{ id: "sales", downtimeCostPerHour: 100, requires: "srv" }],
  };
}

function problemsOf(input: Inventory, options: AssessOptions): Problem[] {
  const result = assessInventory(input, options);
  if (result.ok) throw new Error(`expected the options ${JSON.stringify(options)} to be refused, but the inventory was assessed`);
  return result.problems;
}

const MAX_ORDER = { path: "options.maxOrder", message: "must be a whole number from 1 to 6" };
const BUDGET = { path: "options.budget", message: "must be a number of at least 0" };
const AS_OF_MISSING = { path: "asOf", message: "is required: the date the inventory describes, as YYYY-MM-DD" };
const AS_OF_FORMAT = { path: "options.asOf", message: "must be a date written as YYYY-MM-DD, such as 2026-06-30" };

describe("option errors of assessInventory", () => {
  it("the inventory of these tests is assessed with valid options", () => {
    const result = assessInventory(inventory(), { maxOrder: 6, budget: 0 });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    const dated = assessInventory(inventory(false), { asOf: "2026-06-30", maxOrder: 1 });
    expect(dated.ok && dated.assessment.asOf).toBe("2026-06-30");
  });

  it("refuses an inventory without asOf when no asOf option is given", () => {
    expect(problemsOf(inventory(false), {})).toEqual([AS_OF_MISSING]);
    expect(formatProblem(AS_OF_MISSING)).toBe("asOf: is required: the date the inventory describes, as YYYY-MM-DD");
  });

  // Impossible dates too: the inventory's own asOf refuses them, so the option must.
  for (const asOf of ["2026-6-30", "30/06/2026", "", "2026-06-30T00:00:00Z", "2026-13-45", "2026-02-30"]) {
    it(`refuses the asOf option ${JSON.stringify(asOf)} when the inventory has no asOf`, () => {
      expect(problemsOf(inventory(false), { asOf })).toEqual([AS_OF_FORMAT]);
    });
  }

  it("ignores the asOf option when the inventory has its own", () => {
    const result = assessInventory(inventory(), { asOf: "not a date" });
    expect(result.ok && result.assessment.asOf).toBe("2026-11-21");
  });

  for (const maxOrder of [0, 7, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`refuses options.maxOrder ${maxOrder}`, () => {
      expect(problemsOf(inventory(), { maxOrder })).toEqual([MAX_ORDER]);
    });
  }

  for (const maxOrder of [1, 6]) {
    it(`accepts options.maxOrder ${maxOrder} (the ends of the range)`, () => {
      const result = assessInventory(inventory(), { maxOrder });
      expect(result.ok && result.assessment.maxOrder).toBe(maxOrder);
    });
  }

  for (const budget of [-1, -0.01, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
    it(`refuses options.budget ${budget}`, () => {
      expect(problemsOf(inventory(), { budget })).toEqual([BUDGET]);
    });
  }

  it("accepts a budget of 0 and reports it", () => {
    const result = assessInventory(inventory(), { budget: 0 });
    expect(result.ok && result.assessment.budget).toBe(0);
  });

  it("reports every bad option at once, in the order maxOrder, asOf, budget", () => {
    expect(problemsOf(inventory(false), { maxOrder: 0, budget: -5 })).toEqual([MAX_ORDER, AS_OF_MISSING, BUDGET]);
    expect(problemsOf(inventory(false), { maxOrder: 9, asOf: "yesterday", budget: Number.NaN })).toEqual([MAX_ORDER, AS_OF_FORMAT, BUDGET]);
  });

  it("optionProblems gives the same problems on its own (budget is checked by assessInventory)", () => {
    expect(optionProblems(inventory(false), { maxOrder: 3.5 })).toEqual([MAX_ORDER, AS_OF_MISSING]);
    expect(optionProblems(inventory(), {})).toEqual([]);
  });

  it("checks the inventory first: an invalid inventory reports its own problems, not the options'", () => {
    const bad = { ...inventory(false), functions: [{ id: "sales", downtimeCostPerHour: -1, requires: "srv" }] };
    expect(problemsOf(bad as Inventory, { maxOrder: 0, budget: -1 })).toEqual([
      { path: "functions[0].downtimeCostPerHour", message: "must be at least 0" },
    ]);
  });
});

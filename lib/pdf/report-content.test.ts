import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assessInventory, type Assessment, type Inventory } from "@/lib/engine";
import { formatApproxDuration, formatApproxMoney, formatMoney } from "@/lib/results/format";
import { buildActionPlanContent, describeAssumption, formatPayback, formatShortHours, formatYearlyChance, joinNames } from "./report-content";

const examples = ["northwind-parts", "corner-bistro", "harbor-dental", "hilltop-pharmacy", "ledger-accounting"];

function load(name: string): { inventory: Inventory; assessment: Assessment } {
  const inventory = JSON.parse(readFileSync(new URL(`../../../shared/examples/${name}.json`, import.meta.url), "utf8")) as Inventory;
  const result = assessInventory(inventory, { asOf: "2026-11-21" });
  if (!result.ok) throw new Error(name);
  return { inventory, assessment: result.assessment };
}

describe("the action plan's wording", () => {
  it.each(examples)("%s: the verdict gives the risk, what the plan removes for what money, and where to start", (name) => {
    const { inventory, assessment: a } = load(name);
    const c = buildActionPlanContent({ assessment: a, clientName: "The Client", inventory });
    const money = (v: number) => formatApproxMoney(v, a.organization.currency);
    expect(c.verdict).toContain(`The Client can expect to lose ${money(a.expectedAnnualLoss)} a year`);
    const removed = a.expectedAnnualLoss - a.expectedAnnualLossAfterPlan;
    expect(c.verdict).toContain(`remove ${money(removed)} of that (${Math.round((removed / a.expectedAnnualLoss) * 100)} %)`);
    expect(c.verdict).toContain(`leaving ${money(a.expectedAnnualLossAfterPlan)}`);
    expect(c.verdict).toContain(`Start with “${a.plan[0]!.title}”`);
    expect(c.topActions).toHaveLength(Math.min(3, a.plan.length));
    expect(c.topActions.map((r) => r.title)).toEqual(a.plan.slice(0, 3).map((p) => p.title));
  });

  it.each(examples)("%s: one sentence per single point of failure, pair, RTO, RPO and bus-factor finding", (name) => {
    const { inventory, assessment: a } = load(name);
    const c = buildActionPlanContent({ assessment: a, clientName: "X", inventory });
    expect(c.functions.map((f) => f.spofs.length)).toEqual(a.functions.map((f) => f.cutSets.filter((s) => s.components.length === 1).length));
    expect(c.thinRedundancy).toHaveLength(a.functions.flatMap((f) => f.cutSets.filter((s) => s.components.length === 2)).length);
    expect(c.rto).toHaveLength(a.functions.flatMap((f) => f.rtoBreaches).length);
    expect(c.rpo).toHaveLength(a.dataSets.flatMap((d) => d.rpoBreaches).length);
    expect(c.busFactor).toHaveLength(new Set(a.functions.flatMap((f) => f.busFactor.map((b) => b.component))).size);
    expect(c.plan).toHaveLength(a.plan.length);
    expect(c.notWorthIt).toHaveLength(a.notWorthIt.length);
    expect(c.assumptions).toHaveLength(a.assumptions.length);
    for (const s of c.functions.flatMap((f) => f.spofs)) expect(s).toMatch(/(a year|minute a year), (about|less than) .+\.$/u);
  });

  it("names the single point of failure sentence the way a person says it", () => {
    const { inventory, assessment: a } = load("northwind-parts");
    const c = buildActionPlanContent({ assessment: a, clientName: "X", inventory });
    const shipping = c.functions.find((f) => f.name === "Picking and shipping")!;
    const erp = a.functions.find((f) => f.name === "Picking and shipping")!.cutSets.find((s) => s.components.join() === "erp")!;
    expect(shipping.spofs[0]).toBe(
      `If the ERP fails, Picking and shipping stops: about ${Math.round(erp.downtimeHoursPerYear)} hours a year, ${formatApproxMoney(erp.expectedAnnualLoss, "EUR")}.`,
    );
  });

  it("without the inventory still says every RPO finding, naming the data set", () => {
    const { assessment: a } = load("northwind-parts");
    const c = buildActionPlanContent({ assessment: a, clientName: "X" });
    expect(c.rpo).toHaveLength(a.dataSets.flatMap((d) => d.rpoBreaches).length);
    for (const s of c.rpo) expect(s).toContain("ERP database");
  });

  it("says so when nothing is worth doing and no single failure stops anything", () => {
    const { assessment } = load("northwind-parts");
    const calm: Assessment = {
      ...assessment,
      plan: [],
      notWorthIt: [],
      expectedAnnualLossAfterPlan: assessment.expectedAnnualLoss,
      functions: assessment.functions.map((f) => ({ ...f, cutSets: f.cutSets.filter((s) => s.components.length > 1) })),
    };
    const c = buildActionPlanContent({ assessment: calm, clientName: "X" });
    expect(c.verdict).toContain("None of the measures Bulwark knows pays for itself here");
    expect(c.verdict).toContain("No single failure stops a business function on its own.");
    expect(c.headline.planCostPerYear).toBe(formatMoney(0, "EUR"));
  });

  it("names every function a hard-to-fix component stops in one sentence", () => {
    const { inventory, assessment: a } = load("northwind-parts");
    const c = buildActionPlanContent({ assessment: a, clientName: "X", inventory });
    // Ana is away 12 % of the time (availability 0.88) × the organisation's absence wait.
    const wait = (1 - 0.88) * (inventory.organization.absenceWaitHours ?? 72);
    expect(c.busFactor).toContain(
      `Only Ana (IT lead) can fix the ERP, and Picking and shipping and Invoicing cannot work without it: when they are away, the repair waits, which adds ${formatApproxDuration(wait)} to a repair on average.`,
    );
    expect(joinNames(["A", "B", "C"])).toBe("A, B and C");
  });

  it("puts assumption paths in words", () => {
    const { inventory, assessment: a } = load("northwind-parts");
    expect(describeAssumption("organization.staffCostPerHour", a)).toBe("Cost of a staff hour");
    expect(describeAssumption("organization.lossScenarios.site", a)).toBe("Chance a year that the building is lost");
    expect(describeAssumption("components[0].repairHours", a, inventory)).toBe(`${inventory.components![0]!.name}: hours to repair`);
    expect(describeAssumption("people[0].availability", a, inventory)).toBe(`${inventory.people![0]!.name}: share of the time available`);
    expect(describeAssumption("something.else", a)).toBe("something.else");
  });

  it("formats paybacks, small chances and short durations", () => {
    expect(formatPayback(null)).toBe("never");
    expect(formatPayback(0)).toBe("at once");
    expect(formatPayback(0.3)).toBe("4 months");
    expect(formatYearlyChance(0.02)).toBe("2 %");
    expect(formatYearlyChance(0.004)).toBe("0.4 %");
    expect(formatYearlyChance(0.0004)).toBe("less than 0.1 %");
    expect(formatShortHours(1 / 60)).toBe("1 min");
    expect(formatShortHours(0.5)).toBe("30 min");
    expect(formatShortHours(37)).toBe("37 h");
  });
});

describe("what the plan's item limit leaves out", () => {
  it("is listed as also worth doing, not over a budget; assessments stored before the list existed read as none", () => {
    const inventory = JSON.parse(readFileSync(new URL("../../../shared/examples/northwind-parts.json", import.meta.url), "utf8")) as Inventory;
    const result = assessInventory(inventory, { asOf: "2026-11-21", maxItems: 2 });
    if (!result.ok) throw new Error("northwind-parts");
    const a = result.assessment;
    const c = buildActionPlanContent({ assessment: a, clientName: "X", inventory });
    expect(a.beyondItemLimit.length).toBeGreaterThan(0);
    expect(c.beyondItemLimit.map((r) => r.title)).toEqual(a.beyondItemLimit.map((p) => p.title));
    expect(c.overBudget).toEqual([]);
    const { beyondItemLimit: _dropped, ...stored } = a;
    expect(buildActionPlanContent({ assessment: stored as Assessment, clientName: "X", inventory }).beyondItemLimit).toEqual([]);
  });
});


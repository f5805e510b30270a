/**
 * The figure that would change a "not worth it" answer (model.md §6; docs/scoring.md §7): the
 * break-even cost of an hour of downtime, the hourly cost of the functions it protects at which
 * the item's benefit equals its annualised cost; and the break-even loss multiplier, how many
 * times larger every loss figure would have to be. Checked against the definition: re-score with
 * that cost and the benefit / cost ratio is 1.
 */
import { describe, expect, it } from "vitest";
import { applyPlanItems, assessInventory, formatProblem, type Assessment, type NotWorthItItem } from "./index.js";

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const AS_OF = "2026-11-21";

function assess(doc: unknown, withoutPlan = false): Assessment {
  const result = assessInventory(doc, { withoutPlan });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  return result.assessment;
}

const clone = <T>(x: T): T => structuredClone(x);

/** One function needing an internet line and a server that one person can fix; nothing pays at $20/h. */
function shop(costPerHour: number): Doc {
  return {
    format: "resilience-inventory/1",
    asOf: AS_OF,
    organization: { name: "Shop", currency: "USD", operatingHoursPerWeek: 50 },
    people: [{ id: "ann", availability: 0.9 }],
    components: [
      { id: "net", kind: "internet", failuresPerYear: 1, repairHours: 8 },
      { id: "srv", kind: "server", failuresPerYear: 0.15, repairHours: 72, knownBy: ["ann"] },
    ],
    functions: [{ id: "orders", downtimeCostPerHour: costPerHour, hours: "business", requires: { all: ["net", "srv"] } }],
  };
}

const isSupport = (p: { mitigation: string; targets: readonly string[] }) =>
  p.mitigation === "faster-support-contract" && p.targets.join() === "srv";

describe("break-even cost of an hour of downtime", () => {
  it("equals the hand-computed figure for a support contract, and the plan turns at it", () => {
    const a = assess(shop(20));
    expect(a.plan).toEqual([]);
    const item = a.notWorthIt.find(isSupport);
    expect(item).toBeDefined();
    // By hand (model.md §2, §4). Cut sets of orders: {net}, {srv}, each T = 0.
    // srv before: r' = 72 + (1 − 0.9) · 72 = 79.2 h, downtime 0.15 · 79.2 = 11.88 h a year.
    // The contract caps the repair at 8 h; Ann still knows it, so her absence wait stays:
    // r' = 8 + 7.2 = 15.2 h, downtime 0.15 · 15.2 = 2.28 h. Avoided: 9.6 h a year, of which the
    // business-hours share 50 / 168 costs money. Annualised cost: 0 / 1 + 12 · 40 = 480.
    const avoided = 0.15 * (79.2 - 15.2);
    const annualized = 12 * 40;
    const breakEven = annualized / (avoided * (50 / 168));
    expect(breakEven).toBeCloseTo(168, 9);
    expect(item!.annualizedCost).toBeCloseTo(annualized, 9);
    expect(item!.annualBenefit).toBeCloseTo(avoided * (50 / 168) * 20, 9);
    expect(Math.abs(item!.breakEvenDowntimeCostPerHour! - breakEven)).toBeLessThanOrEqual(1e-9 * breakEven);
    expect(Math.abs(item!.breakEvenLossMultiplier! - breakEven / 20)).toBeLessThanOrEqual(1e-9 * (breakEven / 20));

    // At the engine's break-even, the contract applied by hand (8 h repair, 4 h response) pays
    // exactly its cost: re-score before and after with nothing else changed.
    const at = item!.breakEvenDowntimeCostPerHour!;
    const before = assess(shop(at), true);
    const withContract = shop(at);
    Object.assign(withContract.components[1], { repairHours: 8, supportResponseHours: 4 });
    const after = assess(withContract, true);
    expect(Math.abs((before.expectedAnnualLoss - after.expectedAnnualLoss) / annualized - 1)).toBeLessThanOrEqual(1e-6);

    // The plan at that cost: the engine's own ratio is 1 (within 1e-6).
    const atPlan = assess(shop(at));
    const atItem = [...atPlan.plan, ...atPlan.notWorthIt].find(isSupport)!;
    expect(Math.abs(atItem.benefitCostRatio - 1)).toBeLessThanOrEqual(1e-6);

    // Just below: still not worth it, and not in the plan. Just above: the first thing to do.
    const below = assess(shop(at * (1 - 1e-6)));
    expect(below.plan.some(isSupport)).toBe(false);
    expect(below.notWorthIt.find(isSupport)!.benefitCostRatio).toBeLessThan(1);
    const above = assess(shop(at * (1 + 1e-6)));
    expect(above.plan.length).toBeGreaterThan(0);
    expect(isSupport(above.plan[0]!)).toBe(true);
    expect(above.notWorthIt.some(isSupport)).toBe(false);
  });

  it("for every not-worth-it item of a mixed inventory, re-scoring at the break-even gives a ratio of 1", () => {
    // Two functions with different costs and hours share the server; a third needs only its own
    // phone system; a data set with one onsite online copy offers data-only measures.
    const doc: Doc = {
      format: "resilience-inventory/1",
      asOf: AS_OF,
      organization: { name: "Mixed", currency: "USD", operatingHoursPerWeek: 45 },
      people: [{ id: "ann", availability: 0.9 }],
      components: [
        { id: "net", kind: "internet", failuresPerYear: 1, repairHours: 8 },
        { id: "srv", kind: "server", failuresPerYear: 0.15, repairHours: 72, knownBy: ["ann"] },
        { id: "nas", kind: "storage", failuresPerYear: 0.13, repairHours: 72, knownBy: [] },
        { id: "pbx", kind: "network", failuresPerYear: 0.2, repairHours: 24 },
      ],
      functions: [
        { id: "orders", downtimeCostPerHour: 15, hours: "business", requires: { all: ["net", "srv"] } },
        { id: "portal", downtimeCostPerHour: 4, hours: "always", requires: "srv" },
        { id: "phones", downtimeCostPerHour: 6, hours: "business", requires: "pbx" },
      ],
      dataSets: [
        {
          id: "ledger",
          primary: "nas",
          dataLossCostPerHour: 2,
          totalLossCost: 12000,
          copies: [{ id: "usb", location: "onsite", medium: "usb", intervalHours: 24, lastRestoreTest: "2026-10-01" }],
        },
      ],
    };
    const a = assess(doc);
    // The figures are meaningful only with a plan done first (an immutable cloud copy pays at this
    // total-loss cost) and both kinds of item left over.
    expect(a.plan.map((p) => p.mitigation)).toContain("immutable-cloud-backup");
    expect(a.notWorthIt.some((p) => p.breakEvenDowntimeCostPerHour !== null)).toBe(true);
    expect(a.notWorthIt.some((p) => p.breakEvenDowntimeCostPerHour === null)).toBe(true);
    // Not-worth-it items are scored against the business with the plan done.
    const final: Doc = applyPlanItems(doc as never, a.plan, { asOf: AS_OF });

    const ratioAt = (item: NotWorthItItem, edit: (d: Doc) => void): number => {
      const base = clone(final);
      edit(base);
      const after = applyPlanItems(base as never, [item], { asOf: AS_OF });
      return (assess(base, true).expectedAnnualLoss - assess(after, true).expectedAnnualLoss) / item.annualizedCost;
    };
    const downtimeByFunction = (d: Doc) => new Map(assess(d, true).functions.map((f) => [f.id, f.downtimeHoursPerYear]));
    const before = downtimeByFunction(final);

    for (const item of a.notWorthIt) {
      const label = `${item.mitigation} ${item.targets.join(",")}`;
      // Its benefit, re-scored here at today's costs.
      expect(Math.abs(ratioAt(item, () => {}) * item.annualizedCost - item.annualBenefit), label).toBeLessThanOrEqual(1e-9 * Math.max(1, item.annualBenefit));
      expect(item.benefitCostRatio, label).toBeLessThanOrEqual(1);

      const changed = downtimeByFunction(applyPlanItems(final as never, [item], { asOf: AS_OF }));
      const helps = [...before].some(([id, d]) => changed.get(id)! < d);
      if (item.breakEvenDowntimeCostPerHour === null) {
        // A data-only measure: it avoids no downtime.
        expect(helps, label).toBe(false);
      } else {
        expect(helps, label).toBe(true);
        // Every function at that hourly cost (functions it does not help avoid nothing either way).
        const c = item.breakEvenDowntimeCostPerHour;
        const ratio = ratioAt(item, (d) => d.functions.forEach((f: Doc) => (f.downtimeCostPerHour = c)));
        expect(Math.abs(ratio - 1), `${label}: ratio ${ratio} at ${c} an hour`).toBeLessThanOrEqual(1e-6);
      }

      // Every loss figure (downtime costs, data costs) times the multiplier: the ratio is 1.
      const m = item.breakEvenLossMultiplier!;
      const scaled = ratioAt(item, (d) => {
        for (const f of d.functions) f.downtimeCostPerHour *= m;
        for (const ds of d.dataSets ?? []) {
          if (ds.dataLossCostPerHour !== undefined) ds.dataLossCostPerHour *= m;
          if (ds.totalLossCost !== undefined) ds.totalLossCost *= m;
        }
      });
      expect(Math.abs(scaled - 1), `${label}: ratio ${scaled} at ×${m}`).toBeLessThanOrEqual(1e-6);
    }
  });
});

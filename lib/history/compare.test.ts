import { describe, expect, it } from "vitest";
import { applyPlanItems, assessInventory, validateInventory, type AssessOptions, type Assessment, type Inventory } from "../engine/index.js";
import { loadExamples } from "../../tests/support/examples.js";
import { compareAssessments, type ComparableAssessment } from "./compare.js";

const examples = loadExamples();
const inventoryOf = (name: string) => structuredClone(examples.find((e) => e.name === name)!.inventory) as Inventory;

function assess(inventory: Inventory, options: AssessOptions = {}): Assessment {
  const validation = validateInventory(inventory);
  if (!validation.ok) throw new Error(`invalid inventory: ${JSON.stringify(validation.problems)}`);
  const result = assessInventory(inventory, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.assessment;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe("harbor-dental before and after its first two plan items", () => {
  const inventory = inventoryOf("harbor-dental");
  const older = assess(inventory);
  const done = older.plan.slice(0, 2);
  const newer = assess(applyPlanItems(inventory, done));
  const c = compareAssessments(older, newer);

  it("counts the money at risk removed, in total and per function and data set", () => {
    expect(c.sameCurrency).toBe(true);
    expect(c.expectedAnnualLoss).toEqual({
      older: older.expectedAnnualLoss,
      newer: newer.expectedAnnualLoss,
      removed: older.expectedAnnualLoss - newer.expectedAnnualLoss,
    });
    expect(c.expectedAnnualLoss.removed).toBeGreaterThan(0);
    // The two plan items promised this much between them, and the plan's figures are exact.
    expect(c.expectedAnnualLoss.removed).toBeCloseTo(done[0]!.annualBenefit + done[1]!.annualBenefit, 6);
    expect(c.functions.map((f) => [f.id, f.presence])).toEqual([
      ["scheduling", "both"],
      ["mail", "both"],
    ]);
    for (const f of c.functions) {
      const before = older.functions.find((x) => x.id === f.id)!.expectedAnnualLoss;
      const after = newer.functions.find((x) => x.id === f.id)!.expectedAnnualLoss;
      expect(f.removed).toBe(before - after);
    }
    expect(sum(c.functions.map((f) => f.removed)) + sum(c.dataSets.map((d) => d.removed))).toBeCloseTo(c.expectedAnnualLoss.removed, 9);
  });

  it("sees the router closed as a single point of failure of both functions, and nothing new", () => {
    expect(done[0]).toMatchObject({ mitigation: "redundant-network-device", targets: ["router"] });
    expect(c.spofs.closed).toEqual([
      { functionId: "scheduling", functionName: "Patient scheduling", componentId: "router", componentName: "Router", reason: "no-longer-single" },
      { functionId: "mail", functionName: "Email", componentId: "router", componentName: "Router", reason: "no-longer-single" },
    ]);
    expect(c.spofs.new).toEqual([]);
    expect(c.summary).toMatchObject({ spofsClosed: 2, spofsNew: 0, planItemsDone: 2, checksPassed: 0, checksFailed: 0 });
  });

  it("marks the two applied items done, with their evidence, and the others open where the newer plan lists them", () => {
    expect(c.planItems.map((p) => p.mitigation)).toEqual(older.plan.map((p) => p.mitigation));
    const [router, pms, ...rest] = c.planItems;
    expect(router).toMatchObject({ status: "done", where: null });
    expect(router!.evidence).toEqual(expect.arrayContaining(["spof-closed", "less-loss"]));
    expect(pms).toMatchObject({ mitigation: "faster-support-contract", targets: ["pms"], status: "done" });
    expect(pms!.evidence).toEqual(expect.arrayContaining(["less-downtime", "less-loss"]));
    expect(pms!.exposure.newer).toBeLessThan(pms!.exposure.older);
    for (const p of rest) {
      const listed = (list: Assessment["plan"]) => list.some((n) => n.mitigation === p.mitigation && n.targets.join() === p.targets.join());
      const where = listed(newer.plan) ? "plan" : listed(newer.overBudget) ? "overBudget" : listed(newer.notWorthIt) ? "notWorthIt" : null;
      expect(where).not.toBeNull();
      expect(p).toMatchObject({ status: "open", where });
    }
  });
});

describe("northwind-parts after a runbook and an offline backup copy", () => {
  it("marks those two done and leaves the item in between open", () => {
    const inventory = inventoryOf("northwind-parts");
    const older = assess(inventory);
    const picked = [older.plan[0]!, older.plan[2]!];
    expect(picked.map((p) => p.mitigation)).toEqual(["runbook", "offline-backup-copy"]);
    const newer = assess(applyPlanItems(inventory, picked));
    const c = compareAssessments(older, newer);
    expect(c.planItems.slice(0, 3).map((p) => p.status)).toEqual(["done", "open", "done"]);
    expect(c.planItems[2]!.evidence).toContain("less-loss");
    expect(c.dataSets[0]!.removed).toBeGreaterThan(0);
    expect(c.summary.planItemsDone).toBe(2);
  });
});

describe("identity and symmetry over the examples", () => {
  const assessed = examples.map((e) => ({ name: e.name, a: assess(e.inventory as Inventory) }));

  it("an assessment compared with itself shows no change and every plan item open in the plan", () => {
    for (const { name, a } of assessed) {
      const c = compareAssessments(a, a);
      expect(c.expectedAnnualLoss.removed, name).toBe(0);
      expect(c.functions.every((f) => f.removed === 0 && f.presence === "both"), name).toBe(true);
      expect(c.spofs, name).toEqual({ closed: [], new: [] });
      expect(c.dataChecks, name).toEqual({ passed: [], failed: [] });
      expect(c.planItems.every((p) => p.status === "open" && p.where === "plan" && p.evidence.length === 0), name).toBe(true);
      expect(c.newPlanItems, name).toEqual([]);
    }
  });

  it("comparing b with a undoes comparing a with b, across different inventories and currencies", () => {
    const opposite = { "no-longer-single": "newly-single", "component-removed": "component-added", "function-removed": "function-added" } as const;
    for (const x of assessed) {
      for (const y of assessed) {
        if (x === y) continue;
        const forward = compareAssessments(x.a, y.a);
        const backward = compareAssessments(y.a, x.a);
        expect(forward.expectedAnnualLoss.removed).toBe(-backward.expectedAnnualLoss.removed);
        expect(forward.sameCurrency).toBe(x.a.organization.currency === y.a.organization.currency);
        const closed = forward.spofs.closed.map((s) => `${s.functionId}/${s.componentId}/${opposite[s.reason]}`).sort();
        const opened = backward.spofs.new.map((s) => `${s.functionId}/${s.componentId}/${s.reason}`).sort();
        expect(closed).toEqual(opened);
        expect(forward.dataChecks.passed.map((d) => [d.dataSetId, d.check])).toEqual(backward.dataChecks.failed.map((d) => [d.dataSetId, d.check]));
        // Different businesses share no function ids here: every function is added or removed.
        expect(forward.functions.filter((f) => f.presence === "removed").length).toBe(x.a.functions.length);
      }
    }
    expect(compareAssessments(assessed[0]!.a, assessed[1]!.a).currency).toEqual({
      older: assessed[0]!.a.organization.currency,
      newer: assessed[1]!.a.organization.currency,
    });
  });
});

describe("the plan-item rule", () => {
  it("a renamed component: its items are target-removed, its SPOF closed as removed and new as added", () => {
    const inventory = inventoryOf("harbor-dental");
    const renamed = JSON.parse(JSON.stringify(inventory).replaceAll('"pms"', '"pms-2027"')) as Inventory;
    const c = compareAssessments(assess(inventory), assess(renamed));
    const pmsItems = c.planItems.filter((p) => p.targets.includes("pms"));
    expect(pmsItems.length).toBeGreaterThan(0);
    for (const p of pmsItems) expect(p.status).toBe("target-removed");
    expect(c.spofs.closed).toContainEqual(expect.objectContaining({ functionId: "scheduling", componentId: "pms", reason: "component-removed" }));
    expect(c.spofs.new).toContainEqual(expect.objectContaining({ functionId: "scheduling", componentId: "pms-2027", reason: "component-added" }));
    expect(c.expectedAnnualLoss.removed).toBeCloseTo(0, 9);
  });

  it("an item no longer proposed without any visible effect is not-proposed, not done", () => {
    const inventory = inventoryOf("harbor-dental");
    const c = compareAssessments(assess(inventory), assess(inventory, { withoutPlan: true }));
    expect(c.planItems.length).toBeGreaterThan(0);
    for (const p of c.planItems) expect([p.status, p.evidence]).toEqual(["not-proposed", []]);
    expect(c.summary.planItemsDone).toBe(0);
  });

  it("an item still proposed but no longer worth it is open in notWorthIt", () => {
    const inventory = inventoryOf("harbor-dental");
    const older = assess(inventory);
    const first = older.plan[0]!;
    // The same measure at a hundred times the price no longer pays for itself.
    const newer = assess(inventory, { costOverrides: { [first.mitigation]: { upfront: first.upfront * 100 } } });
    const outcome = compareAssessments(older, newer).planItems[0]!;
    expect(outcome).toMatchObject({ mitigation: first.mitigation, status: "open", where: "notWorthIt" });
  });
});

describe("data-protection checks", () => {
  it("a restore test passes zeroUntested; two years on it fails again", () => {
    const inventory = inventoryOf("harbor-dental");
    const tested = applyPlanItems(inventory, [{ mitigation: "restore-test", targets: ["records"] }]);
    const before = assess(inventory);
    const after = assess(tested);
    expect(before.dataSets[0]!.checks.zeroUntested).toBe(false);
    const c = compareAssessments(before, after);
    expect(c.dataChecks).toEqual({ passed: [{ dataSetId: "records", dataSetName: "Patient records", check: "zeroUntested" }], failed: [] });

    const later = compareAssessments(after, assess({ ...tested, asOf: "2028-11-21" }));
    expect(later.dataChecks).toEqual({ passed: [], failed: [{ dataSetId: "records", dataSetName: "Patient records", check: "zeroUntested" }] });
    expect(later.expectedAnnualLoss.removed).toBeLessThan(0);
    expect(later.asOf).toEqual({ older: "2026-11-21", newer: "2028-11-21" });
  });
});

describe("snapshots from an earlier engine", () => {
  it("works from the documented assessment fields alone (no events, no cut-set money)", () => {
    const inventory = inventoryOf("harbor-dental");
    const older = assess(inventory);
    const newer = assess(applyPlanItems(inventory, older.plan.slice(0, 2)));
    const strip = (a: Assessment): ComparableAssessment => {
      const doc = JSON.parse(JSON.stringify(a));
      delete doc.events;
      delete doc.engineVersion;
      for (const f of doc.functions) for (const cs of f.cutSets) delete cs.expectedAnnualLoss;
      return doc;
    };
    const full = compareAssessments(older, newer);
    const bare = compareAssessments(strip(older), strip(newer));
    expect(bare.expectedAnnualLoss).toEqual(full.expectedAnnualLoss);
    expect(bare.spofs.closed.map((s) => [s.functionId, s.componentId, s.reason])).toEqual(
      full.spofs.closed.map((s) => [s.functionId, s.componentId, s.reason]),
    );
    expect(bare.planItems.map((p) => p.status)).toEqual(full.planItems.map((p) => p.status));
    expect(bare.engineVersion).toEqual({ older: null, newer: null });
  });
});

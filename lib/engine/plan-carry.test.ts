/**
 * The plan keeps a candidate's benefit from one round to the next when the pick in between cannot
 * have changed it (plan.ts carried()). The property test in properties.test.ts checks every carry
 * on generated inventories; these cases pin down what it rarely meets: a pick that changes a
 * member of a higher-order cut set the candidate changes too (generated picks are mostly on single
 * points of failure, which share no minimal cut set), and a function at the 8760-hour cap, where
 * a benefit is no longer a difference of cut-set money.
 */
import { describe, expect, it } from "vitest";
import { validateInventory, type Inventory } from "./index.js";
import { carriedBenefitsAgainstFresh } from "./plan.js";

/** The inventory, checked valid (a fixture here that is not is a bug in the test). */
function valid(input: unknown): Inventory {
  const result = validateInventory(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.inventory;
}

/** One activity that needs three servers, each known by one person or nobody. */
function threeServers(scale: number): Inventory {
  return valid({
    format: "resilience-inventory/1",
    asOf: "2026-11-21",
    organization: { name: "Three servers", currency: "EUR", operatingHoursPerWeek: 168 },
    people: [{ id: "ann" }, { id: "bob" }],
    components: [
      { id: "a", kind: "server", failuresPerYear: 20 * scale, repairHours: 200, knownBy: ["ann"] },
      { id: "b", kind: "server", failuresPerYear: 20 * scale, repairHours: 150, knownBy: ["bob"] },
      { id: "x", kind: "server", failuresPerYear: 10 * scale, repairHours: 200 },
    ],
    functions: [{ id: "f", name: "Everything", hours: "always", downtimeCostPerHour: 100, requires: { all: ["a", "b", "x"] } }],
  });
}

/** One activity that needs either of two unmonitored lines: their only cut set holds both. */
function twoLines(): Inventory {
  return valid({
    format: "resilience-inventory/1",
    asOf: "2026-11-21",
    organization: { name: "Two lines", currency: "EUR", operatingHoursPerWeek: 168 },
    components: [
      { id: "a", kind: "internet", failuresPerYear: 6, repairHours: 12, monitored: false },
      { id: "b", kind: "internet", failuresPerYear: 4, repairHours: 24, monitored: false },
    ],
    functions: [{ id: "f", name: "Orders", hours: "always", downtimeCostPerHour: 2000, requires: { any: ["a", "b"] } }],
  });
}

/**
 * Two SaaS services; one activity that needs either and has no cost per hour, and one activity
 * for each (found by a review: the zero-cost activity's hours avoided were carried stale).
 */
function zeroCostActivity(): Inventory {
  return valid({
    format: "resilience-inventory/1",
    asOf: "2026-11-21",
    organization: { name: "Hours", currency: "EUR", operatingHoursPerWeek: 168, staffCostPerHour: 50 },
    components: [
      { id: "a", kind: "saas", failuresPerYear: 20, repairHours: 168, monitored: false },
      { id: "b", kind: "saas", failuresPerYear: 20, repairHours: 1, monitored: false },
    ],
    functions: [
      { id: "both", hours: "always", downtimeCostPerHour: 0, requires: { any: ["a", "b"] } },
      { id: "ga", hours: "always", downtimeCostPerHour: 0.04107, requires: "a" },
      { id: "hb", hours: "always", downtimeCostPerHour: 0.06845, requires: "b" },
    ],
  });
}

/**
 * A server only the first activity needs, and a CRM reached through two lines behind a
 * switch-over group: moving the server to the cloud makes the first activity need that path, and
 * a copy of its group with a switch-over of its own, whose rate follows the primary line's single
 * events (the grid behind a UPS among them, through the UPS's ride-through).
 * `covered`: the first activity needs the CRM too, so it already needs the path.
 */
function serverAndCloudPath(covered: boolean): Inventory {
  return valid({
    format: "resilience-inventory/1",
    asOf: "2026-11-21",
    organization: { name: "Path", currency: "EUR", operatingHoursPerWeek: 168, staffCostPerHour: 40 },
    people: [{ id: "ann" }],
    components: [
      { id: "grid", kind: "power", failuresPerYear: 2, repairHours: 4, monitored: false },
      { id: "ups", kind: "ups", failuresPerYear: 0.2, repairHours: 24, requires: "grid", runtimeMinutes: 60 },
      { id: "line-a", kind: "internet", failuresPerYear: 3, repairHours: 30, requires: "ups", monitored: false },
      { id: "line-b", kind: "internet", failuresPerYear: 2, repairHours: 40, monitored: false },
      { id: "crm", kind: "cloud", failuresPerYear: 1, repairHours: 2, requires: { any: ["line-a", "line-b"], id: "uplinks", failoverMinutes: 20 } },
      { id: "server", kind: "server", failuresPerYear: 4, repairHours: 48, knownBy: ["ann"], monitored: false },
    ],
    functions: [
      { id: "books", hours: "always", downtimeCostPerHour: 900, requires: covered ? { all: ["server", "crm"] } : "server" },
      { id: "sales", hours: "always", downtimeCostPerHour: 300, requires: "crm" },
    ],
  });
}

/**
 * An activity that needs a switch-over group (primary line behind a UPS on the grid) or a third
 * line; another that needs the grid. At order 2 the first activity's only set with the switch-over
 * is {switch-over, line-c}, and no set of it holds the grid: a pick on the grid changes that set's
 * money only through the switch-over's rate.
 */
function switchOverRate(): Inventory {
  return valid({
    format: "resilience-inventory/1",
    asOf: "2026-11-21",
    organization: { name: "Switch-over", currency: "EUR", operatingHoursPerWeek: 168 },
    components: [
      { id: "grid", kind: "power", failuresPerYear: 6, repairHours: 5, monitored: false },
      { id: "ups", kind: "ups", failuresPerYear: 0.1, repairHours: 24, requires: "grid", runtimeMinutes: 90 },
      { id: "line-a", kind: "internet", failuresPerYear: 2, repairHours: 10, requires: "ups" },
      { id: "line-b", kind: "internet", failuresPerYear: 2, repairHours: 10 },
      { id: "line-c", kind: "internet", failuresPerYear: 40, repairHours: 100, monitored: false },
    ],
    functions: [
      {
        id: "orders",
        hours: "always",
        downtimeCostPerHour: 5000,
        requires: { any: [{ any: ["line-a", "line-b"], id: "uplinks", failoverMinutes: 45 }, "line-c"] },
      },
      { id: "lights", hours: "always", downtimeCostPerHour: 10, requires: "grid" },
    ],
  });
}

describe("benefits carried between plan rounds", () => {
  it("are measured again when the pick changes a switch-over's rate through its primary's single events", () => {
    const rows = carriedBenefitsAgainstFresh(switchOverRate(), { maxOrder: 2 });
    expect(rows.find((r) => r.pick === "monitoring|grid" && r.candidate === "monitoring|line-c")).toBeUndefined();
    for (const r of rows) expect(Math.abs(r.carried - r.fresh), `${r.candidate} after ${r.pick}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(r.fresh)));
  });

  for (const covered of [false, true]) {
    it(`of moving a workload to the cloud follow a pick on its path to the cloud (${covered ? "activity already on the path" : "activity new to the path"})`, () => {
      // Move-to-cloud reads only its target's record (readsOnSameStructure), so after a pick that
      // changes the figures of a line, only the footprint stands between a stale benefit and the
      // plan, also in the activity the pick left alone and through the copied switch-over.
      const rows = carriedBenefitsAgainstFresh(serverAndCloudPath(covered));
      const picks = new Set(rows.map((r) => r.pick));
      expect(picks.size).toBeGreaterThan(1);
      for (const r of rows) {
        expect(Math.abs(r.carried - r.fresh), `${r.candidate} after ${r.pick}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(r.fresh)));
      }
    });
  }

  it("carry the hours avoided too, also through an activity without a cost per hour", () => {
    const rows = carriedBenefitsAgainstFresh(zeroCostActivity());
    for (const r of rows) {
      expect(Math.abs(r.carried - r.fresh), `${r.candidate} after ${r.pick}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(r.fresh)));
      expect(Math.abs(r.carriedHours - r.freshHours), `hours: ${r.candidate} after ${r.pick}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(r.freshHours)));
    }
  });

  it("are measured again when the pick changes a member of a cut set whose money the candidate changes", () => {
    // Monitoring a changes the money of {a, b}, the set monitoring b changes: b's benefit moves.
    const rows = carriedBenefitsAgainstFresh(twoLines());
    expect(rows.find((r) => r.pick === "monitoring|a" && r.candidate === "monitoring|b")).toBeUndefined();
    for (const r of rows) expect(Math.abs(r.carried - r.fresh), `${r.candidate} after ${r.pick}`).toBeLessThanOrEqual(1e-9 * Math.abs(r.fresh));
  });


  it("carry through a function the pick changed when the pick's figures are away from the candidate's cut sets", () => {
    const rows = carriedBenefitsAgainstFresh(threeServers(0.01));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(Math.abs(r.carried - r.fresh), `${r.candidate} after ${r.pick}`).toBeLessThanOrEqual(1e-9 * Math.abs(r.fresh));
  });

  it("are measured again when the function is at the 8760-hour cap, where money no longer adds up set by set", () => {
    // Raw downtime well above 8760 hours: every change below the cap changes what the others are worth.
    const rows = carriedBenefitsAgainstFresh(threeServers(1));
    for (const r of rows) expect(Math.abs(r.carried - r.fresh), `${r.candidate} after ${r.pick}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(r.fresh)));
  });
});

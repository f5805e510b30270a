import { describe, expect, it } from "vitest";
import { loadExample } from "@/lib/questionnaire/test-support";
import { createWhatIfModel, evaluateWhatIf, type WhatIfModel } from "./what-if";

const statusOf = (model: WhatIfModel, failed: string[]) =>
  Object.fromEntries(evaluateWhatIf(model, failed).functions.map((f) => [f.id, [f.status, f.afterMinutes, f.interruptionMinutes]]));

describe("evaluateWhatIf", () => {
  const harbor = createWhatIfModel(loadExample("harbor-dental"));

  it("nothing failed: everything runs and nothing costs", () => {
    const r = evaluateWhatIf(harbor, []);
    expect(r.functions.every((f) => f.status === "runs")).toBe(true);
    expect([r.costPerHour, r.componentsDown]).toEqual([0, []]);
  });

  it("the fiber line: email stops at once, scheduling carries on", () => {
    const r = evaluateWhatIf(harbor, ["fiber"]);
    expect(statusOf(harbor, ["fiber"])).toEqual({ scheduling: ["runs", null, null], mail: ["stops", 0, null] });
    expect(r.costPerHour).toBe(60);
    expect(r.componentsDown.map((c) => c.id)).toEqual(["fiber", "email"]);
  });

  it("utility power: the UPS holds everything for its 20 minutes", () => {
    const r = evaluateWhatIf(harbor, ["utility"]);
    expect(statusOf(harbor, ["utility"])).toEqual({ scheduling: ["stops", 20, null], mail: ["stops", 20, null] });
    expect(r.costPerHour).toBe(510);
    expect(r.componentsDown).toEqual([
      { id: "utility", name: "Utility power", afterMinutes: 0 },
      { id: "ups", name: "UPS 1500VA", afterMinutes: 20 },
      { id: "fiber", name: "Fiber line (CityNet)", afterMinutes: 20 },
      { id: "router", name: "Router", afterMinutes: 20 },
      { id: "pms", name: "Practice management server", afterMinutes: 20 },
      { id: "email", name: "Microsoft 365 mail", afterMinutes: 20 },
    ]);
  });

  it("a backup line: the main line's failure interrupts for the switch-over, both failing stops", () => {
    const bistro = createWhatIfModel(loadExample("corner-bistro"));
    expect(statusOf(bistro, ["cable"])).toEqual({ "card-payments": ["interrupted", 0, 2], bookings: ["runs", null, null] });
    expect(statusOf(bistro, ["lte"])).toEqual({ "card-payments": ["runs", null, null], bookings: ["runs", null, null] });
    expect(statusOf(bistro, ["cable", "lte"])).toEqual({ "card-payments": ["stops", 0, null], bookings: ["stops", 0, null] });
  });

  it("at least 2 of 3 hosts: one host down is fine, two are not", () => {
    const northwind = createWhatIfModel(loadExample("northwind-parts"));
    expect(statusOf(northwind, ["host1"]).finance).toEqual(["runs", null, null]);
    expect(statusOf(northwind, ["host1", "host3"]).finance).toEqual(["stops", 0, null]);
    expect(evaluateWhatIf(northwind, ["host1", "host3"]).costPerHour).toBe(700 + 150);
  });

  it("a UPS that outlasts the generator's switch-over hides it; without one, it shows", () => {
    const northwind = createWhatIfModel(loadExample("northwind-parts"));
    expect(statusOf(northwind, ["grid"]).finance).toEqual(["runs", null, null]);
    const noBattery: WhatIfModel = { ...northwind, components: northwind.components.map((c) => (c.id === "ups" ? { ...c, runtimeMinutes: 0 } : c)) };
    expect(statusOf(noBattery, ["grid"]).finance).toEqual(["interrupted", 0, 1]);
    expect(statusOf(noBattery, ["grid", "genset"]).finance).toEqual(["stops", 0, null]);
    expect(statusOf(northwind, ["grid", "genset"]).finance).toEqual(["stops", 10, null]);
  });

  it("ignores ids it does not know", () => {
    expect(evaluateWhatIf(harbor, ["nope"]).costPerHour).toBe(0);
  });
});

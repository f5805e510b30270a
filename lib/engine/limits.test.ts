import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadExamples } from "../../tests/support/examples.js";
import { applyPlanItems, assessInventory, MITIGATIONS, validateInventory, type Inventory } from "./index.js";
import { MAX_CHAIN, MAX_DEPTH } from "./validate.js";

const org = { name: "Acme", currency: "USD", operatingHoursPerWeek: 40 };

describe("input limits come back as problems, never as a crash", () => {
  it("refuses nesting deeper than MAX_DEPTH with the path of the first too-deep value", () => {
    let req: unknown = "srv";
    for (let i = 0; i < 1000; i++) req = { all: [req] };
    const result = assessInventory({
      format: "resilience-inventory/1",
      asOf: "2026-11-21",
      organization: org,
      components: [{ id: "srv", kind: "server" }],
      functions: [{ id: "f", downtimeCostPerHour: 1, requires: req }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    // Each level of nesting is two path segments (the group and its list): the first object deeper
    // than the limit is 49 groups down from `functions[0].requires` (3 segments).
    expect(result.problems[0]!.path).toBe(`functions[0].requires${".all[0]".repeat((MAX_DEPTH - 2) / 2)}`);
    expect(result.problems[0]!.message).toBe(
      `is nested more than ${MAX_DEPTH} levels deep; simplify it by naming parts of it as components`,
    );
  });

  it("accepts nesting just within the limit and scores it", () => {
    let req: unknown = "srv";
    for (let i = 0; i < (MAX_DEPTH - 4) / 2; i++) req = { all: [req] };
    const result = assessInventory({
      format: "resilience-inventory/1",
      asOf: "2026-11-21",
      organization: org,
      components: [{ id: "srv", kind: "server", failuresPerYear: 1, repairHours: 10 }],
      functions: [{ id: "f", downtimeCostPerHour: 1, requires: req }],
    });
    expect(result.ok && result.assessment.functions[0]!.downtimeHoursPerYear).toBe(10);
  });

  it("refuses a requirement chain longer than MAX_CHAIN, naming where it starts", () => {
    const n = MAX_CHAIN + 5;
    const components = Array.from({ length: n }, (_, i) => ({
      id: `c${i}`,
      kind: "other",
      ...(i > 0 ? { requires: `c${i - 1}` } : {}),
    }));
    const result = validateInventory({ format: "resilience-inventory/1", organization: org, components });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        path: `components[${n - 1}].requires`,
        message: `starts a chain of ${n} components that each require the next; Bulwark scores chains of up to ${MAX_CHAIN}`,
      },
    ]);
  });

  it("scores and plans a chain of servers at the limit without exhausting the stack or the memory", () => {
    const n = MAX_CHAIN;
    // Servers: every one is a candidate for a standby twin, whose re-scoring changes the chain above it.
    const components = Array.from({ length: n }, (_, i) => ({
      id: `c${i}`,
      kind: "server",
      failuresPerYear: 0.01,
      repairHours: 24,
      ...(i > 0 ? { requires: `c${i - 1}` } : {}),
    }));
    const result = assessInventory(
      {
        format: "resilience-inventory/1",
        asOf: "2026-11-21",
        organization: org,
        components,
        functions: [{ id: "f", downtimeCostPerHour: 100, hours: "always", requires: `c${n - 1}` }],
      },
    );
    expect(result.ok && result.assessment.functions[0]!.singlePointsOfFailure.length).toBe(n);
    // The plan ran: the servers were weighed as candidates.
    expect(result.ok && result.assessment.plan.length + result.assessment.notWorthIt.length).toBeGreaterThan(0);
  });
});

describe("mitigations keep the inventory valid", () => {
  it("a twin of a component with a named group gets its own group id (northwind: wan)", () => {
    const nw = loadExamples().find((e) => e.name === "northwind-parts")!;
    const v = validateInventory(nw.inventory);
    if (!v.ok) throw new Error("example invalid");
    const after = applyPlanItems(v.inventory, [{ mitigation: "redundant-network-device", targets: ["wan"] }]);
    expect(validateInventory(after).ok).toBe(true);
    const twin = after.components!.find((c) => c.id === "wan-pair")!;
    expect(twin.requires).toEqual({ any: ["isp-a", "isp-b"], id: "uplinks-copy", failoverMinutes: 30 });
  });

  it("every candidate of every example applies to a valid inventory", () => {
    for (const example of loadExamples()) {
      const v = validateInventory(example.inventory);
      if (!v.ok) throw new Error("example invalid");
      const inventory: Inventory = v.inventory;
      for (const m of MITIGATIONS) {
        for (const t of (inventory.components ?? []).map((c) => c.id)) {
          if (!["second-internet-line", "standby-server", "redundant-network-device", "generator", "ups"].includes(m.id)) continue;
          const applied = m.apply(inventory, [t]);
          const check = validateInventory(applied);
          expect(check.ok, `${example.name} ${m.id} ${t}: ${JSON.stringify(!check.ok && check.problems)}`).toBe(true);
        }
      }
    }
    expect(readFileSync).toBeDefined();
  });
});

describe("unknown fields in a requirement group", () => {
  it("lists only the fields that kind of group allows", () => {
    const result = validateInventory({
      format: "resilience-inventory/1",
      organization: org,
      components: [{ id: "a", kind: "other" }],
      functions: [{ id: "f", downtimeCostPerHour: 1, requires: { all: ["a"], any: ["a"] } }],
    });
    expect(!result.ok && result.problems).toEqual([
      { path: "functions[0].requires.any", message: "unknown field: check its spelling or remove it (allowed here: all)" },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import type { Inventory } from "../../lib/engine/schema.js";
import { scoreInventory } from "../../lib/engine/assess.js";
import { validateInventory } from "../../lib/engine/validate.js";
import { generateInventory } from "./generate.js";
import { compareSpofs, findSpofsNaively } from "./naive-spofs.js";

const org = { name: "X", currency: "EUR", operatingHoursPerWeek: 40 };

function valid(input: unknown): Inventory {
  const r = validateInventory(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.inventory;
}

// power → ups → {a, b}; web needs any(a, b) and db; db needs atLeast 2 of three hosts on ups.
const small = valid({
  format: "resilience-inventory/1",
  organization: org,
  components: [
    { id: "power", kind: "power" },
    { id: "ups", kind: "ups", requires: "power", runtimeMinutes: 30 },
    { id: "a", kind: "server", requires: "ups" },
    { id: "b", kind: "server", requires: "ups" },
    { id: "h1", kind: "server", requires: "ups" },
    { id: "h2", kind: "server", requires: "ups" },
    { id: "h3", kind: "server" },
    { id: "db", kind: "application", requires: { atLeast: 2, of: ["h1", "h2", "h3"] } },
    { id: "line1", kind: "internet" },
    { id: "line2", kind: "internet" },
  ],
  functions: [
    { id: "web", downtimeCostPerHour: 1, requires: { all: [{ any: ["a", "b"] }, "db"] } },
    { id: "mail", downtimeCostPerHour: 1, requires: { any: ["line1", "line2"], id: "wan", failoverMinutes: 5 } },
  ],
});

describe("the naive SPOF baseline", () => {
  it("finds the single failures that stop each function, read off the structure by hand", () => {
    const spofs = findSpofsNaively(small);
    // web: power and ups take both a and b (and two of the three hosts) down; db itself.
    expect(spofs.get("web")).toEqual(["power", "ups", "db"]);
    // mail: two lines, either is enough; the switch-over is not a component.
    expect(spofs.get("mail")).toEqual([]);
  });

  it("agrees with the engine, at order 1 and at order 3, on generated inventories", () => {
    for (const size of [60, 400]) {
      const inventory = valid(generateInventory(size, { seed: size }));
      const naive = findSpofsNaively(inventory);
      const engine = new Map(scoreInventory(inventory, { maxOrder: 1 }).functions.map((f) => [f.id, [...f.singlePointsOfFailure]]));
      expect(compareSpofs(naive, engine)).toEqual([]);
      // The order-1 algebra (maxOrder 1) and the general path (order 3) give the same lists in
      // the same order: largest contribution first, ties by id.
      const general = new Map(scoreInventory(inventory).functions.map((f) => [f.id, [...f.singlePointsOfFailure]]));
      expect([...engine]).toEqual([...general]);
    }
  });

  it("reports what each side has alone", () => {
    const a = new Map([["f", ["x", "y"]]]);
    const b = new Map([["f", ["y", "z"]]]);
    expect(compareSpofs(a, b)).toEqual([{ fn: "f", onlyExpected: ["x"], onlyActual: ["z"] }]);
  });
});

/**
 * Fresh ids of mitigations (mitigations.ts freshId, groupIdsOf): the first free `stem-n` in order,
 * whatever was taken before, and the same ids every time a mitigation is applied to the same input.
 */
import { describe, expect, it } from "vitest";
import { mitigationById, validateInventory, walkRequirement, type Component, type Inventory, type Requirement } from "./index.js";

function inventory(): Inventory {
  const consumers: Component[] = [];
  // Some of the ids the generator's groups would take are taken already, out of order.
  const taken = ["utility-or-generator", "utility-or-generator-3", "utility-or-generator-4", "utility-or-generator-7"];
  for (let i = 0; i < 8; i++) {
    const requires: Requirement = i < taken.length ? { any: ["utility", "feeder"], id: taken[i]! } : "utility";
    consumers.push({ id: `server-${i}`, kind: "server", requires });
  }
  const raw: Inventory = {
    format: "resilience-inventory/1",
    asOf: "2026-11-21",
    organization: { name: "Ids", currency: "EUR", operatingHoursPerWeek: 40 },
    components: [{ id: "feeder", kind: "power" }, { id: "utility", kind: "power" }, ...consumers],
    functions: [{ id: "f", downtimeCostPerHour: 100, requires: { all: consumers.map((c) => c.id) } }],
  };
  const result = validateInventory(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.inventory;
}

function groupIds(inv: Inventory): string[] {
  const out: string[] = [];
  const visit = (r: Requirement) => {
    if (typeof r !== "string" && "any" in r && r.id !== undefined) out.push(r.id);
  };
  for (const c of inv.components ?? []) if (c.requires !== undefined) walkRequirement(c.requires, [], visit);
  for (const f of inv.functions ?? []) walkRequirement(f.requires, [], visit);
  return out;
}

describe("fresh ids", () => {
  it("the generator's switch-over groups take the first free ids, in order, around those taken", () => {
    const base = inventory();
    const generator = mitigationById("generator")!;
    const after = generator.apply(base, ["utility"]);
    const before = new Set(groupIds(base));
    const added = groupIds(after).filter((id) => !before.has(id));
    // Four consumers name the utility inside a group, four directly: eight new groups.
    expect(added).toEqual([
      "utility-or-generator-2",
      "utility-or-generator-5",
      "utility-or-generator-6",
      "utility-or-generator-8",
      "utility-or-generator-9",
      "utility-or-generator-10",
      "utility-or-generator-11",
      "utility-or-generator-12",
    ]);
    expect(validateInventory(after).ok).toBe(true);
  });

  it("applying a mitigation twice to the same input gives the same ids (the input's ids are not added to)", () => {
    const base = inventory();
    for (const id of ["generator", "redundant-network-device", "standby-server"]) {
      const m = mitigationById(id)!;
      const target = id === "generator" ? "utility" : "server-5";
      const once = JSON.stringify(m.apply(base, [target]));
      const twice = JSON.stringify(m.apply(base, [target]));
      expect(twice).toBe(once);
    }
  });
});

import { describe, expect, it } from "vitest";
import { validateInventory } from "../../lib/engine/validate.js";
import { generateInventory } from "./generate.js";

describe("generateInventory", () => {
  it.each([20, 100, 200, 1000, 3000])("gives exactly %i components and a valid inventory", (size) => {
    const inventory = generateInventory(size);
    expect(inventory.components).toHaveLength(size);
    const result = validateInventory(inventory);
    expect(result.ok ? [] : result.problems.slice(0, 3)).toEqual([]);
  });

  it("is deterministic and changes with the seed", () => {
    expect(JSON.stringify(generateInventory(500))).toBe(JSON.stringify(generateInventory(500)));
    expect(JSON.stringify(generateInventory(500, { seed: 1 }))).not.toBe(JSON.stringify(generateInventory(500)));
  });

  it("has about one function per ten components and uses every feature the model scores", () => {
    const inventory = generateInventory(2000);
    const functions = inventory.functions!.length;
    expect(functions).toBeGreaterThanOrEqual(180);
    expect(functions).toBeLessThanOrEqual(220);
    const text = JSON.stringify(inventory);
    expect(text).toContain('"failoverMinutes"');
    expect(text).toContain('"atLeast"');
    expect(text).toContain('"runtimeMinutes"');
    expect(text).toContain('"monitored":false');
    expect(text).toContain('"knownBy":[]');
    expect(inventory.components!.some((c) => (c.knownBy?.length ?? 0) >= 2)).toBe(true);
    expect(inventory.dataSets!.some((d) => (d.copies?.length ?? 0) >= 2)).toBe(true);
    const kinds = new Set(inventory.components!.map((c) => c.kind));
    for (const kind of ["power", "generator", "ups", "internet", "network", "server", "storage", "saas", "application", "endpoint"]) {
      expect(kinds).toContain(kind);
    }
  });

  it("keeps requirement chains between 5 and 12 levels whatever the size", () => {
    for (const size of [100, 5000]) {
      const inventory = generateInventory(size);
      const requires = new Map(inventory.components!.map((c) => [c.id, c.requires]));
      const depth = (req: unknown): number => {
        if (req === undefined) return 0;
        if (typeof req === "string") return 1 + depth(requires.get(req));
        const r = req as { all?: unknown[]; any?: unknown[]; of?: unknown[] };
        return Math.max(...(r.all ?? r.any ?? r.of)!.map(depth));
      };
      const deepest = Math.max(...inventory.functions!.map((f) => depth(f.requires)));
      expect(deepest).toBeGreaterThanOrEqual(5);
      expect(deepest).toBeLessThanOrEqual(12);
    }
  });
});

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { assessInventory, validateInventory } from "./index.js";
import { SHAPES_INVENTORY, keptShapeClasses } from "./shapes.js";

const ENGINE_DIR = path.dirname(fileURLToPath(import.meta.url));

/** Classes that assessments never make: zbdd.ts serves the fault-tree entry point (topCutSets). */
const NOT_IN_ASSESSMENTS = new Set(["Zbdd"]);

function engineClasses(): string[] {
  return readdirSync(ENGINE_DIR)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .flatMap((f) => [...readFileSync(path.join(ENGINE_DIR, f), "utf8").matchAll(/^(?:export )?class (\w+)/gm)].map((m) => m[1]!));
}

describe("shapes kept for V8 (shapes.ts)", () => {
  it("the inventory the keeper assesses is valid", () => {
    const result = validateInventory(SHAPES_INVENTORY);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it("the first assessment keeps an object of every class an assessment makes", () => {
    expect(keptShapeClasses().size).toBe(0);
    const result = assessInventory(SHAPES_INVENTORY);
    expect(result.ok).toBe(true);
    const classes = engineClasses().filter((c) => !NOT_IN_ASSESSMENTS.has(c));
    expect(classes.length).toBeGreaterThan(10);
    // A class missing here has no keepShape(this) in its constructor (or is never made by the
    // keeper's assessments): its hidden classes, and the code optimised for them, would be
    // thrown away by every full collection.
    expect(classes.filter((c) => !keptShapeClasses().has(c)).sort()).toEqual([]);
  });

  it("keeping changes no result: an engine's first assessment (which runs the keeper) equals its next", async () => {
    const input = { ...SHAPES_INVENTORY, asOf: "2026-02-01" };
    vi.resetModules();
    const fresh = (await import("./index.js")) as typeof import("./index.js");
    const freshShapes = (await import("./shapes.js")) as typeof import("./shapes.js");
    expect(freshShapes.keptShapeClasses().size).toBe(0);
    const first = JSON.stringify(fresh.assessInventory(input));
    expect(freshShapes.keptShapeClasses().size).toBeGreaterThan(10);
    expect(JSON.stringify(fresh.assessInventory(input))).toBe(first);
  });
});

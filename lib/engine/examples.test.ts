import { describe, expect, it } from "vitest";
import { loadExamples } from "../../tests/support/examples.js";
import { expectReproduces } from "../../tests/support/compare.js";
import { assessInventory } from "./index.js";

const examples = loadExamples();

describe("the shared examples", () => {
  it("are all present", () => {
    expect(examples.map((e) => e.name)).toEqual([
      "corner-bistro",
      "harbor-dental",
      "hilltop-pharmacy",
      "ledger-accounting",
      "northwind-parts",
    ]);
  });

  for (const example of examples) {
    it(`${example.name} reproduces its expected assessment to 1e-9`, () => {
      const result = assessInventory(example.inventory);
      if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
      expectReproduces(result.assessment, example.expected, example.name);
    });

    it(`${example.name} gives byte-identical output twice`, () => {
      expect(JSON.stringify(assessInventory(example.inventory))).toBe(JSON.stringify(assessInventory(example.inventory)));
    });
  }
});

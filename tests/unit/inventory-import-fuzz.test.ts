/**
 * The inventory import under 1,000 generated bad documents (fast-check, seeded): broken JSON,
 * wrong types, and real example inventories with one part damaged. Every one must be refused
 * with at least one problem that has a message (and a path, or a line and column), never accepted
 * and never thrown. tests/http/fuzz.test.ts sends the same kind of payloads to the import action.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importInventory } from "../../lib/interchange/index";
import { EXAMPLES_DIR } from "../support/examples";

const examples = ["harbor-dental", "northwind-parts", "corner-bistro"].map(
  (name) => JSON.parse(readFileSync(path.join(EXAMPLES_DIR, `${name}.json`), "utf8")) as Record<string, unknown>,
);

/** Replace the value at a random path of the document with a bad one (or delete it). */
function damage(doc: unknown, steps: number[], bad: unknown, remove: boolean): unknown {
  const copy = structuredClone(doc) as Record<string, unknown>;
  let node: unknown = copy;
  for (let i = 0; i < steps.length; i++) {
    if (!node || typeof node !== "object") break;
    const keys = Object.keys(node as object);
    if (keys.length === 0) break;
    const key = keys[steps[i]! % keys.length]!;
    const child = (node as Record<string, unknown>)[key];
    const last = i === steps.length - 1 || !child || typeof child !== "object";
    if (last) {
      if (remove) delete (node as Record<string, unknown>)[key];
      else (node as Record<string, unknown>)[key] = bad;
      return copy;
    }
    node = child;
  }
  return copy;
}

const badValue = fc.oneof(
  fc.constantFrom(null, -1, 0, 1e309 as number, "", "not an id!", [], {}, true, "x".repeat(1000)),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
);

const badDocument = fc.oneof(
  // Not JSON at all, or JSON of the wrong kind.
  fc.string({ maxLength: 200 }),
  fc.json().filter((t) => !t.trimStart().startsWith("{")),
  fc.constantFrom("", "   ", "{", '{"format":', "[1,2", "\u0000", "{}", '{"format":"resilience-inventory/2"}', "[".repeat(500)),
  // A real inventory with one part damaged.
  fc
    .record({
      example: fc.integer({ min: 0, max: examples.length - 1 }),
      steps: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
      bad: badValue,
      remove: fc.boolean(),
    })
    .map(({ example, steps, bad, remove }) => JSON.stringify(damage(examples[example], steps, bad, remove))),
);

describe("the inventory import under bad documents", () => {
  it("refuses 1,000 generated bad documents with located problems, never throwing", () => {
    const documents = fc.sample(badDocument, { numRuns: 1000, seed: 20261122 });
    let refused = 0;
    for (const text of documents) {
      let result: ReturnType<typeof importInventory>;
      expect(() => (result = importInventory(text))).not.toThrow();
      if (!result!.ok) {
        refused++;
        expect(result!.problems.length, text.slice(0, 200)).toBeGreaterThan(0);
        for (const p of result!.problems) {
          expect(typeof p.message).toBe("string");
          expect(p.message.length).toBeGreaterThan(0);
          expect(typeof p.path === "string" || (p as { line?: number }).line !== undefined).toBe(true);
        }
      }
    }
    // Some damage is harmless (an optional note removed, say); most must be refused.
    expect(refused).toBeGreaterThan(800);
  });
});

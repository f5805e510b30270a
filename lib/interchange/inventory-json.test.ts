import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessInventory, formatPath, validateInventory, type Inventory } from "../engine/index.js";
import { loadExamples } from "../../tests/support/examples.js";
import { exportInventory, importInventory, MAX_IMPORT_DEPTH, normalizeInventory } from "./inventory-json.js";
import { lineAndColumn } from "./parse-json.js";
import { inventoryArb, reverseKeys } from "./test-support.js";

const examples = loadExamples();
const RUNS = 300;

function mustImport(text: string): Inventory {
  const result = importInventory(text);
  if (!result.ok) throw new Error(`expected a valid document, got ${JSON.stringify(result.problems)}`);
  return result.inventory;
}

/** Every node of a JSON value with its path as the engine writes paths. */
function nodes(value: unknown, path: Array<string | number> = []): Array<{ path: Array<string | number>; value: unknown }> {
  const out = [{ path, value }];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...nodes(v, [...path, i])));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) out.push(...nodes(v, [...path, k]));
  }
  return out;
}

function withoutNegativeZero<T>(value: T): T {
  if (Object.is(value, -0)) return 0 as T;
  if (Array.isArray(value)) return value.map(withoutNegativeZero) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNegativeZero(v)])) as T;
}

function setAt(root: unknown, path: ReadonlyArray<string | number>, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
}

describe("the examples", () => {
  for (const example of examples) {
    it(`${example.name} round trips byte-identically after one normalising export`, () => {
      const raw = readFileSync(example.file, "utf8");
      const first = exportInventory(mustImport(raw));
      const second = exportInventory(mustImport(first));
      expect(second).toBe(first);
      // Normalising changes layout only: the content is the original's, field for field.
      expect(JSON.parse(first)).toEqual(JSON.parse(raw));
      const before = assessInventory(JSON.parse(raw));
      const after = assessInventory(JSON.parse(first));
      expect(before.ok && after.ok).toBe(true);
      if (before.ok && after.ok) expect(after.assessment).toEqual(before.assessment);
    });
  }

  it("writes keys in the order of inventory-format.md, with two-space indentation and a final newline", () => {
    const harbor = examples.find((e) => e.name === "harbor-dental")!;
    const text = exportInventory(mustImport(JSON.stringify(reverseKeys(harbor.inventory))));
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")[1]).toBe('  "format": "resilience-inventory/1",');
    const doc = JSON.parse(text);
    expect(Object.keys(doc)).toEqual(["format", "asOf", "organization", "people", "components", "functions", "dataSets"]);
    expect(Object.keys(doc.organization)).toEqual([
      "name",
      "currency",
      "operatingHoursPerWeek",
      "absenceWaitHours",
      "vendorResponseHours",
      "unmonitoredDetectionHours",
      "untestedRestoreFailure",
      "lossScenarios",
    ]);
    expect(Object.keys(doc.organization.lossScenarios)).toEqual(["device", "site", "ransomware"]);
    const ups = doc.components.find((c: { id: string }) => c.id === "ups");
    expect(Object.keys(ups)).toEqual(["id", "name", "kind", "failuresPerYear", "repairHours", "runtimeMinutes", "requires"]);
    const records = doc.dataSets[0];
    expect(Object.keys(records).slice(0, 3)).toEqual(["id", "name", "primary"]);
    expect(Object.keys(records.copies[1])).toEqual(["id", "location", "medium", "intervalHours", "online", "immutable", "lastRestoreTest"]);
  });

  it("orders group keys as any, id, failoverMinutes and atLeast before of", () => {
    const northwind = examples.find((e) => e.name === "northwind-parts")!;
    const text = exportInventory(mustImport(JSON.stringify(reverseKeys(northwind.inventory))));
    expect(text).toMatch(/"any": \[\n\s+"grid",\n\s+"genset"\n\s+\],\n\s+"id": "site-power",\n\s+"failoverMinutes": 1\n/);
    expect(text).toMatch(/"atLeast": 2,\n\s+"of": \[/);
  });
});

describe("export → import → export over generated inventories", () => {
  it("the generator makes valid inventories", () => {
    fc.assert(
      fc.property(inventoryArb, (inventory) => {
        const result = validateInventory(inventory);
        expect(result.ok ? [] : result.problems).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("is byte-identical, and import gives back the normalised inventory", () => {
    fc.assert(
      fc.property(inventoryArb, (inventory) => {
        const text = exportInventory(inventory);
        const imported = mustImport(text);
        expect(exportInventory(imported)).toBe(text);
        expect(imported).toEqual(normalizeInventory(inventory));
        // Normalising changes form only: every field of the input survives, -0 aside.
        expect(imported).toEqual(withoutNegativeZero(inventory));
      }),
      { numRuns: RUNS },
    );
  });

  it("does not depend on the key order of the input", () => {
    fc.assert(
      fc.property(inventoryArb, (inventory) => {
        expect(exportInventory(reverseKeys(inventory))).toBe(exportInventory(inventory));
      }),
      { numRuns: RUNS },
    );
  });

  it("writes neither undefined nor null, and -0 as 0", () => {
    const inventory = {
      format: "resilience-inventory/1",
      organization: { name: "Acme", currency: "EUR", operatingHoursPerWeek: 40, absenceWaitHours: undefined, staffCostPerHour: -0 },
      components: [{ id: "srv", kind: "server", name: undefined, failuresPerYear: -0 }],
    } as unknown as Inventory;
    const text = exportInventory(inventory);
    expect(text).not.toMatch(/undefined|null|absenceWaitHours|-0/);
    expect(JSON.parse(text).components[0]).toEqual({ id: "srv", kind: "server", failuresPerYear: 0 });
    expect(Object.is(JSON.parse(text).organization.staffCostPerHour, 0)).toBe(true);
  });
});

describe("corrupted documents give problems with paths and never throw", () => {
  it("a truncated document: a syntax problem at a line and column inside the text", () => {
    fc.assert(
      fc.property(
        inventoryArb.chain((inventory) => {
          const text = exportInventory(inventory);
          // Cutting off at least "}\n" always leaves the top-level object open.
          return fc.tuple(fc.constant(text), fc.integer({ min: 0, max: text.length - 2 }));
        }),
        ([text, cut]) => {
          const prefix = text.slice(0, cut);
          const result = importInventory(prefix);
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.problems).toHaveLength(1);
          const [problem] = result.problems;
          expect(problem!.path).toBe("");
          if (prefix.trim() === "") {
            expect(problem!.message).toBe("the file is empty");
            return;
          }
          expect(problem!.message).toMatch(/^the file is not valid JSON \(line \d+, column \d+\): /);
          const end = lineAndColumn(prefix, prefix.length);
          expect(problem!.line).toBeLessThanOrEqual(end.line);
          if (problem!.line === end.line) expect(problem!.column).toBeLessThanOrEqual(end.column);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a field of the wrong type: a problem at that field's path", () => {
    fc.assert(
      fc.property(
        inventoryArb.chain((inventory) => {
          const doc = JSON.parse(exportInventory(inventory));
          const leaves = nodes(doc).filter((n) => n.path.length > 0 && (n.value === null || typeof n.value !== "object"));
          return fc.tuple(fc.constant(doc), fc.constantFrom(...leaves));
        }),
        ([doc, leaf]) => {
          const flipped = typeof leaf.value === "string" ? 42 : typeof leaf.value === "number" ? "42" : "yes";
          setAt(doc, leaf.path, flipped);
          const result = importInventory(JSON.stringify(doc));
          expect(result.ok).toBe(false);
          if (result.ok) return;
          const at = formatPath(leaf.path);
          expect(result.problems.map((p) => p.path)).toContain(at);
          for (const p of result.problems) expect(p.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("an unknown field: a problem naming it, at its path", () => {
    fc.assert(
      fc.property(
        inventoryArb.chain((inventory) => {
          const doc = JSON.parse(exportInventory(inventory));
          const objects = nodes(doc).filter((n) => n.value !== null && typeof n.value === "object" && !Array.isArray(n.value));
          return fc.tuple(fc.constant(doc), fc.constantFrom(...objects), fc.constantFrom("colour", "Name", "failures_per_year"));
        }),
        ([doc, target, key]) => {
          (target.value as Record<string, unknown>)[key] = 1;
          const result = importInventory(JSON.stringify(doc));
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.problems).toContainEqual({
            path: formatPath([...target.path, key]),
            message: expect.stringMatching(/^unknown field/),
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a reference to something that does not exist: a problem at the reference", () => {
    const references = (doc: Inventory) => [
      ...nodes(doc).filter(
        (n) =>
          typeof n.value === "string" &&
          (n.path.includes("requires") ? n.path.at(-1) !== "id" : n.path.includes("knownBy") || n.path.at(-1) === "primary"),
      ),
    ];
    fc.assert(
      fc.property(
        inventoryArb
          .filter((inventory) => references(inventory).length > 0)
          .chain((inventory) => {
            const doc = JSON.parse(exportInventory(inventory)) as Inventory;
            return fc.tuple(fc.constant(doc), fc.constantFrom(...references(doc)));
          }),
        ([doc, ref]) => {
          setAt(doc, ref.path, "zz-no-such-thing");
          const result = importInventory(JSON.stringify(doc));
          expect(result.ok).toBe(false);
          if (result.ok) return;
          const kind = ref.path.includes("knownBy") ? "person" : "component";
          expect(result.problems).toContainEqual({ path: formatPath(ref.path), message: `unknown ${kind} "zz-no-such-thing"` });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("arbitrary text and arbitrary JSON never throw, and only a valid inventory comes back", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.jsonValue().map((v) => JSON.stringify(v))), (text) => {
        const result = importInventory(text);
        if (result.ok) expect(validateInventory(result.inventory).ok).toBe(true);
        else expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it("refuses nesting deep enough to overflow validation, with a path", () => {
    let requires: unknown = "srv";
    for (let i = 0; i < 5000; i++) requires = { all: [requires] };
    const doc = {
      format: "resilience-inventory/1",
      organization: { name: "Acme", currency: "EUR", operatingHoursPerWeek: 40 },
      components: [{ id: "srv", kind: "server" }],
      functions: [{ id: "sales", downtimeCostPerHour: 100, requires }],
    };
    // JSON.stringify itself recurses; write the text by hand.
    const text = JSON.stringify(doc, (k, v) => (k === "requires" ? "@@" : v)).replace(
      '"@@"',
      '{"all":['.repeat(5000) + '"srv"' + "]}".repeat(5000),
    );
    const result = importInventory(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]!.message).toBe(`is nested too deeply (more than ${MAX_IMPORT_DEPTH} levels)`);
      expect(result.problems[0]!.path).toMatch(/^functions\[0\]\.requires\.all\[0\]/);
    }
  });

  it("lists every problem of an invalid document and returns no inventory", () => {
    const result = importInventory(
      JSON.stringify({
        format: "resilience-inventory/1",
        organization: { name: "Acme", currency: "usd", operatingHoursPerWeek: 40 },
        components: [{ id: "Main Server", kind: "server" }],
      }),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: "organization.currency", message: expect.stringMatching(/three-letter currency code/) },
        { path: "components[0].id", message: expect.stringMatching(/^must be an id/) },
      ],
    });
    expect("inventory" in result).toBe(false);
  });

  it("reports a syntax error with the line and column of the offending character", () => {
    const result = importInventory('{\n  "format": "resilience-inventory/1",\n  "organization": tru\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([
        { path: "", line: 3, column: 19, message: expect.stringMatching(/^the file is not valid JSON \(line 3, column 19\): Unexpected token/) },
      ]);
    }
  });

  it("accepts a byte-order mark and says so when the text is empty or too large", () => {
    const harbor = examples.find((e) => e.name === "harbor-dental")!;
    expect(importInventory(`\ufeff${JSON.stringify(harbor.inventory)}`).ok).toBe(true);
    expect(importInventory(" \n")).toEqual({ ok: false, problems: [{ path: "", line: 1, column: 1, message: "the file is empty" }] });
    const big = importInventory("x".repeat(101), { maxCharacters: 100 });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.problems[0]!.message).toMatch(/too large \(101 characters; at most 100/);
  });
});

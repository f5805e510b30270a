import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { JSON_SCHEMA_PATH, renderJsonSchema } from "../../scripts/write-json-schema.js";
import { loadExamples } from "../../tests/support/examples.js";

describe("the committed JSON Schema", () => {
  it("matches the zod schema (run `npm run schema:json` after changing schema.ts)", () => {
    expect(readFileSync(JSON_SCHEMA_PATH, "utf8")).toBe(renderJsonSchema());
  });

  it("describes the interchange format: strict objects and required fields", () => {
    const schema = JSON.parse(renderJsonSchema()) as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { required?: string[] }>;
    };
    expect(schema.required).toEqual(["format", "organization"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.organization!.required).toEqual(["name", "currency", "operatingHoursPerWeek"]);
    expect(loadExamples().length).toBeGreaterThan(0);
  });
});

/** Writes docs/schema/inventory.schema.json from the zod schema (`npm run schema:json`). */
import { writeFileSync } from "node:fs";
import { inventoryJsonSchema } from "../lib/engine/schema.js";

export const JSON_SCHEMA_PATH = new URL("../docs/schema/inventory.schema.json", import.meta.url);

export function renderJsonSchema(): string {
  return JSON.stringify(inventoryJsonSchema(), null, 2) + "\n";
}

if (process.argv[1]?.endsWith("write-json-schema.ts")) {
  writeFileSync(JSON_SCHEMA_PATH, renderJsonSchema());
  console.log(`wrote ${JSON_SCHEMA_PATH.pathname}`);
}

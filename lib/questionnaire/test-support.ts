/** Shared by the questionnaire and results tests: the example inventories and JSON normalisation. */
import { loadExamples } from "@/tests/support/examples";
import type { Inventory } from "@/lib/engine/schema";

export function loadExampleInventories(): Array<{ name: string; inventory: Inventory }> {
  return loadExamples().map((e) => ({ name: e.name, inventory: e.inventory as Inventory }));
}

export function loadExample(name: string): Inventory {
  const found = loadExampleInventories().find((e) => e.name === name);
  if (!found) throw new Error(`no example named ${name}`);
  return found.inventory;
}

/** Keys sorted, undefined dropped, array order kept: what "equal after JSON normalisation" means. */
export function normalizeJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => {
      if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }),
  );
}

/**
 * The shared example inventories with their independently computed results. CI clones the repo
 * with shared/ beside it; a clone without it falls back to the copies in fixtures/examples.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SHARED = path.resolve(REPO_ROOT, "../shared/examples");
const FIXTURES = path.resolve(REPO_ROOT, "fixtures/examples");

export const EXAMPLES_DIR = existsSync(SHARED) ? SHARED : FIXTURES;

export interface Example {
  readonly name: string;
  readonly file: string;
  readonly inventory: unknown;
  readonly expected: ExpectedAssessment;
}

export interface ExpectedAssessment {
  expectedAnnualLoss: number;
  functions: Array<{
    id: string;
    downtimeHoursPerYear: number;
    expectedAnnualLoss: number;
    singlePointsOfFailure: string[];
    cutSets: Array<{ components: string[]; weight: number; downtimeHoursPerYear: number }>;
    rtoBreaches: Array<{ component: string; meanRepairHours: number; rtoHours: number; chanceOutlastsRto: number }>;
    busFactor: Array<{ component: string; people: number }>;
  }>;
  dataSets: Array<{ id: string; expectedAnnualLoss: number; checks: Record<string, boolean>; rpoBreaches: string[] }>;
}

export function loadExamples(): Example[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"))
    .sort()
    .map((f) => {
      const file = path.join(EXAMPLES_DIR, f);
      return {
        name: f.replace(/\.json$/, ""),
        file,
        inventory: JSON.parse(readFileSync(file, "utf8")),
        expected: JSON.parse(readFileSync(file.replace(/\.json$/, ".expected.json"), "utf8")),
      };
    });
}

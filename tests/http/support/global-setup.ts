/**
 * Once per `vitest run --project http`: a migrated SQLite template database that every test
 * server copies. The tests run against a finished production build (`npm run build`, or the
 * folder in BULWARK_TEST_DIST_DIR); scripts/test.sh runs them right after its build.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../../scripts/db/schema-engine";

declare module "vitest" {
  export interface ProvidedContext {
    httpDb: { templateFile: string };
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bulwark-http-template-"));
  const templateFile = path.join(dir, "template.db");
  await applyMigrations(`file:${templateFile}`);
  project.provide("httpDb", { templateFile });
  return () => rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs once per `vitest run` for the server project: builds a template database from the committed
 * migrations (through the same wasm engine as `npm start`), which every test worker then copies.
 * SQLite by default; PostgreSQL when TEST_PG_URL is set (scripts/test.sh does both).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { providerOf } from "../../lib/server/database-url";
import { applyMigrations } from "../../scripts/db/schema-engine";
import { GENERATED_PROVIDER_FILE } from "../../scripts/db/paths";

declare module "vitest" {
  export interface ProvidedContext {
    testDb: { provider: "sqlite"; templateFile: string; dir: string } | { provider: "postgresql"; adminUrl: string; template: string };
  }
}

export const PG_TEMPLATE_DB = "bulwark_test_template";

export async function withPgAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function pgUrlWithDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject): Promise<() => void> {
  const pgUrl = process.env.TEST_PG_URL;
  const generated = readFileSync(GENERATED_PROVIDER_FILE, "utf8").trim();
  const wanted = pgUrl ? "postgresql" : "sqlite";
  if (generated !== wanted) {
    throw new Error(`The Prisma client was generated for ${generated}, but the server tests are running on ${wanted}: run \`DATABASE_URL=${pgUrl ?? "file:./data/test.db"} npm run db:generate\` first.`);
  }
  if (pgUrl) {
    if (providerOf(pgUrl) !== "postgresql") throw new Error("TEST_PG_URL must be a postgres:// URL");
    await withPgAdmin(pgUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_DB} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${PG_TEMPLATE_DB}`);
    });
    await applyMigrations(pgUrlWithDatabase(pgUrl, PG_TEMPLATE_DB));
    project.provide("testDb", { provider: "postgresql", adminUrl: pgUrl, template: PG_TEMPLATE_DB });
    return () => {};
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "bulwark-test-db-"));
  const templateFile = path.join(dir, "template.db");
  await applyMigrations(`file:${templateFile}`);
  project.provide("testDb", { provider: "sqlite", templateFile, dir });
  return () => rmSync(dir, { recursive: true, force: true });
}

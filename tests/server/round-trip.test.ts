/**
 * Round trip across databases: 200 generated organisations, each with an inventory saved as its
 * draft, are exported; the exports are imported into an empty database (new organisations, new
 * ids); exporting there gives the same bytes. Runs on SQLite and, in the PostgreSQL pass of
 * scripts/test.sh, on PostgreSQL (the provider follows the worker's DATABASE_URL).
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createOrganization, listAssessments, saveAssessmentDraft, type Actor } from "../../lib/server/access";
import { disconnectDb, getDb } from "../../lib/server/db";
import { resetEnvForTests } from "../../lib/server/env";
import { exportClientInventory, importClientInventory } from "../../lib/server/transfer";
import { inventoryArb } from "../../lib/interchange/test-support";
import { createUser } from "../factories";
import { pgUrlWithDatabase, withPgAdmin } from "../setup/global-db";

const ORGANIZATIONS = 200;
const SEED = 20261122;

const workerUrl = process.env.DATABASE_URL!;
const testDb = inject("testDb");
let emptyDir: string | undefined;
let emptyPgDatabase: string | undefined;

/** A database with the schema and nothing else, of the same kind as the worker's. */
async function emptyDatabaseUrl(): Promise<string> {
  if (testDb.provider === "sqlite") {
    emptyDir = mkdtempSync(path.join(os.tmpdir(), "bulwark-round-trip-"));
    const file = path.join(emptyDir, "empty.db");
    copyFileSync(testDb.templateFile, file);
    return `file:${file}`;
  }
  emptyPgDatabase = `bulwark_test_round_trip_${(process.env.VITEST_POOL_ID ?? "1").replace(/\D/g, "")}`;
  await withPgAdmin(testDb.adminUrl, async (c) => {
    await c.query("SELECT pg_advisory_lock(4242)");
    try {
      await c.query(`DROP DATABASE IF EXISTS ${emptyPgDatabase} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${emptyPgDatabase} TEMPLATE ${testDb.template}`);
    } finally {
      await c.query("SELECT pg_advisory_unlock(4242)");
    }
  });
  return pgUrlWithDatabase(testDb.adminUrl, emptyPgDatabase);
}

async function switchDatabase(url: string): Promise<void> {
  await disconnectDb();
  process.env.DATABASE_URL = url;
  resetEnvForTests();
}

afterAll(async () => {
  await switchDatabase(workerUrl);
  if (emptyDir) rmSync(emptyDir, { recursive: true, force: true });
  if (emptyPgDatabase) {
    const name = emptyPgDatabase;
    await withPgAdmin(testDb.provider === "postgresql" ? testDb.adminUrl : "", (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
});

async function newOrganization(actor: Actor, name: string) {
  const org = await createOrganization(actor, { name });
  const [assessment] = await listAssessments(actor, { organizationId: org.id });
  return { organizationId: org.id, assessmentId: assessment!.id, version: assessment!.version };
}

describe(`round trip of ${ORGANIZATIONS} generated organisations into an empty ${testDb.provider} database`, () => {
  it("export → import → export is byte-identical", { timeout: 180_000 }, async () => {
    const inventories = fc.sample(inventoryArb, { numRuns: ORGANIZATIONS, seed: SEED });

    const sourceOwner: Actor = { userId: (await createUser({ name: "Round Trip Source" })).id };
    const exported: string[] = [];
    for (const [i, inventory] of inventories.entries()) {
      const target = await newOrganization(sourceOwner, `Round trip ${i}`);
      await saveAssessmentDraft(sourceOwner, { ...target, inventory: inventory as unknown as Record<string, unknown> });
      exported.push((await exportClientInventory(sourceOwner, target)).text);
    }

    await switchDatabase(await emptyDatabaseUrl());
    expect(await getDb().organization.count()).toBe(0);
    const owner: Actor = { userId: (await createUser({ name: "Round Trip Target" })).id };
    const mismatches: number[] = [];
    for (const [i, text] of exported.entries()) {
      const target = await newOrganization(owner, `Imported ${i}`);
      await importClientInventory(owner, { ...target, text });
      const again = (await exportClientInventory(owner, target)).text;
      if (!Buffer.from(again, "utf8").equals(Buffer.from(text, "utf8"))) mismatches.push(i);
    }
    expect(mismatches).toEqual([]);
    expect(await getDb().organization.count()).toBe(ORGANIZATIONS);
    // The generator must produce different organisations, or 200 runs prove little.
    expect(new Set(exported).size).toBe(ORGANIZATIONS);
  });
});

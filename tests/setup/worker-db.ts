/**
 * Per test worker: its own copy of the template database (a SQLite file, or a PostgreSQL database
 * cloned from the template), made once per worker process and pointed at by DATABASE_URL before
 * any test imports lib/server/db.ts.
 */
import { copyFileSync } from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "../../lib/server/db";
import { pgUrlWithDatabase, withPgAdmin } from "./global-db";

const testDb = inject("testDb");
const worker = process.env.VITEST_POOL_ID ?? "1";

if (process.env.BULWARK_TEST_DB_WORKER !== worker) {
  if (testDb.provider === "sqlite") {
    const file = path.join(testDb.dir, `worker-${worker}.db`);
    copyFileSync(testDb.templateFile, file);
    process.env.DATABASE_URL = `file:${file}`;
  } else {
    const name = `bulwark_test_w${worker.replace(/\D/g, "")}`;
    await withPgAdmin(testDb.adminUrl, async (c) => {
      // PostgreSQL clones a template only while nothing else uses it, another clone included.
      await c.query("SELECT pg_advisory_lock(4242)");
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.query(`CREATE DATABASE ${name} TEMPLATE ${testDb.template}`);
      } finally {
        await c.query("SELECT pg_advisory_unlock(4242)");
      }
    });
    process.env.DATABASE_URL = pgUrlWithDatabase(testDb.adminUrl, name);
  }
  process.env.BULWARK_TEST_DB_WORKER = worker;
}

afterAll(async () => {
  await disconnectDb();
});

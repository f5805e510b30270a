/**
 * The committed migrations must build exactly the schema, for SQLite and for PostgreSQL, and the
 * PostgreSQL schema must be the generated copy of the SQLite one. Run through the same wasm engine
 * as `npm start`, against a shadow database (in memory for SQLite, a temporary database on the
 * test PostgreSQL server).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectedPostgresSchema, postgresSchemaFrom } from "./postgres-schema";
import { SCHEMA_PATHS } from "./paths";
import { diffMigrationsToSchema, readSchema } from "./schema-engine";

const pgUrl = process.env.TEST_PG_URL ?? process.env.TEST_PG_DRIFT_URL;
const sqliteScratch = "file::memory:";

describe("migrations", () => {
  it("the PostgreSQL schema is the current generated copy (npm run db:schema:pg)", () => {
    expect(readFileSync(SCHEMA_PATHS.postgresql, "utf8")).toBe(expectedPostgresSchema());
    expect(expectedPostgresSchema()).toContain('provider = "postgresql"');
  });

  it("the copy differs from the SQLite schema only in provider and output path", () => {
    const sqlite = readFileSync(SCHEMA_PATHS.sqlite, "utf8");
    const changed = postgresSchemaFrom(sqlite)
      .split("\n")
      .filter((line, i, all) => !sqlite.split("\n").includes(line) && all.indexOf(line) === i);
    expect(changed.filter((l) => l.trim() !== "")).toEqual([
      expect.stringMatching(/^\/\/ GENERATED/),
      expect.stringMatching(/output\s+= "\.\.\/\.\.\/lib\/server\/generated\/prisma"/),
      expect.stringMatching(/provider = "postgresql"/),
    ]);
  });

  it("SQLite: the migrations reach the schema (no drift)", async () => {
    expect(await diffMigrationsToSchema(sqliteScratch)).toBe("");
  });

  it("SQLite: a schema change without a migration is caught", async () => {
    const [file] = readSchema("sqlite");
    const changed = file!.content.replace(/model Organization \{\n/, "model Organization {\n  drifted String?\n");
    expect(changed).not.toBe(file!.content);
    const sql = await diffMigrationsToSchema(sqliteScratch, [{ path: file!.path, content: changed }]);
    expect(sql).toMatch(/ADD COLUMN "drifted" TEXT/);
  });

  describe.runIf(pgUrl)("PostgreSQL", () => {
    it("the migrations reach the schema (no drift)", async () => {
      expect(await diffMigrationsToSchema(pgUrl!)).toBe("");
    });

    it("a schema change without a migration is caught", async () => {
      const [file] = readSchema("postgresql");
      const changed = file!.content.replace(/model Organization \{\n/, "model Organization {\n  drifted String?\n");
      const sql = await diffMigrationsToSchema(pgUrl!, [{ path: file!.path, content: changed }]);
      expect(sql).toMatch(/ADD COLUMN\s+"drifted" TEXT/);
    });
  });
});

/**
 * prisma/postgres/schema.prisma is made from prisma/schema.prisma: same models, PostgreSQL
 * provider, output path adjusted for the deeper folder. `tsx scripts/db/postgres-schema.ts`
 * writes it; `--check` exits 1 when the committed copy is stale (also a vitest test).
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { SCHEMA_PATHS } from "./paths.js";

const HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:schema:pg`: edit that file, not this one.\n\n";

export function postgresSchemaFrom(sqliteSchema: string): string {
  let providerSwaps = 0;
  let outputSwaps = 0;
  const body = sqliteSchema
    .replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, (_m, head: string) => {
      providerSwaps++;
      return `${head}"postgresql"`;
    })
    .replace(/(output\s*=\s*)"\.\.\/([^"]+)"/, (_m, head: string, rest: string) => {
      outputSwaps++;
      return `${head}"../../${rest}"`;
    });
  if (providerSwaps !== 1 || outputSwaps !== 1) {
    throw new Error('prisma/schema.prisma must have one datasource with provider = "sqlite" and one generator output starting with "../"');
  }
  return HEADER + body;
}

export function expectedPostgresSchema(): string {
  return postgresSchemaFrom(readFileSync(SCHEMA_PATHS.sqlite, "utf8"));
}

function main(): void {
  const expected = expectedPostgresSchema();
  if (process.argv.includes("--check")) {
    let actual = "";
    try {
      actual = readFileSync(SCHEMA_PATHS.postgresql, "utf8");
    } catch {
      // a missing file is stale too
    }
    if (actual !== expected) {
      console.error("prisma/postgres/schema.prisma is stale: run `npm run db:schema:pg`");
      process.exit(1);
    }
    console.log("prisma/postgres/schema.prisma is up to date");
    return;
  }
  mkdirSync(path.dirname(SCHEMA_PATHS.postgresql), { recursive: true });
  writeFileSync(SCHEMA_PATHS.postgresql, expected);
  console.log("wrote prisma/postgres/schema.prisma");
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();

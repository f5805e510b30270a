/**
 * Database migrations without Prisma's native engine (see scripts/db/schema-engine.ts).
 *
 *   tsx scripts/db/migrate.ts deploy          apply pending migrations to DATABASE_URL
 *   tsx scripts/db/migrate.ts create <name>   write a migration from the schema diff, then apply it
 *   tsx scripts/db/migrate.ts check           exit 1 when the migrations or the database drift from the schema
 *   tsx scripts/db/migrate.ts status          list unapplied, failed and edited migrations
 *
 * The provider (and so the schema and migrations folder) follows DATABASE_URL.
 */
import { DEFAULT_DATABASE_URL, redactUrl } from "../../lib/server/database-url.js";
import {
  applyMigrations,
  createMigration,
  diffDatabaseToSchema,
  diffMigrationsToSchema,
  migrationStatus,
} from "./schema-engine.js";

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const [command, arg] = process.argv.slice(2);
  switch (command) {
    case "deploy": {
      const applied = await applyMigrations(url);
      console.log(applied.length ? `applied ${applied.join(", ")} to ${redactUrl(url)}` : `${redactUrl(url)} is up to date`);
      return 0;
    }
    case "create": {
      if (!arg) {
        console.error("usage: migrate.ts create <name>");
        return 2;
      }
      const folder = await createMigration(url, arg);
      console.log(folder ? `wrote and applied ${folder}` : "the schema and the migrations agree: nothing to write");
      return 0;
    }
    case "check": {
      const pending = await diffMigrationsToSchema(url);
      if (pending.trim()) {
        console.error(`The migrations do not reach the schema. Missing SQL:\n${pending}\nRun: npm run db:migrate:create -- <name>`);
        return 1;
      }
      const live = await diffDatabaseToSchema(url);
      if (live.trim()) {
        console.error(`The database at ${redactUrl(url)} differs from the schema:\n${live}`);
        return 1;
      }
      console.log("no drift: migrations, schema and database agree");
      return 0;
    }
    case "status": {
      const s = await migrationStatus(url);
      console.log(JSON.stringify(s, null, 2));
      return s.unapplied.length || s.failed.length || s.edited.length ? 1 : 0;
    }
    default:
      console.error("usage: migrate.ts deploy | create <name> | check | status");
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);

import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DatabaseProvider } from "../../lib/server/database-url.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const SCHEMA_PATHS: Record<DatabaseProvider, string> = {
  sqlite: path.join(ROOT, "prisma/schema.prisma"),
  postgresql: path.join(ROOT, "prisma/postgres/schema.prisma"),
};

export const MIGRATIONS_DIRS: Record<DatabaseProvider, string> = {
  sqlite: path.join(ROOT, "prisma/migrations"),
  postgresql: path.join(ROOT, "prisma/postgres/migrations"),
};

export const GENERATED_CLIENT_DIR = path.join(ROOT, "lib/server/generated/prisma");
/** Records which provider the generated client was made for (see scripts/db/generate.ts). */
export const GENERATED_PROVIDER_FILE = path.join(ROOT, "lib/server/generated/provider.txt");

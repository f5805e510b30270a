/**
 * `prisma generate` for the provider DATABASE_URL names (SQLite by default): the generated client
 * is tied to one provider, so generate, build and run must agree (lib/server/db.ts checks).
 * Runs without network: Prisma's CLI only needs *a* schema-engine binary path to exist for
 * generate, so PRISMA_SCHEMA_ENGINE_BINARY points at scripts/prisma-engine-stub.sh.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { DEFAULT_DATABASE_URL, providerOf } from "../../lib/server/database-url.js";
import { GENERATED_CLIENT_DIR, GENERATED_PROVIDER_FILE, ROOT, SCHEMA_PATHS } from "./paths.js";

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const provider = providerOf(url);
const ifNeeded = process.argv.includes("--if-needed");

const current = existsSync(GENERATED_PROVIDER_FILE) ? readFileSync(GENERATED_PROVIDER_FILE, "utf8").trim() : null;
if (ifNeeded && current === provider && existsSync(path.join(GENERATED_CLIENT_DIR, "client.ts"))) {
  console.log(`prisma client for ${provider} already generated`);
  process.exit(0);
}

const result = spawnSync(
  process.execPath,
  [path.join(ROOT, "node_modules/prisma/build/index.js"), "generate", "--schema", path.relative(ROOT, SCHEMA_PATHS[provider])],
  {
    cwd: ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || path.join(ROOT, "scripts/prisma-engine-stub.sh"),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  },
);
if (result.status !== 0) process.exit(result.status ?? 1);
mkdirSync(path.dirname(GENERATED_PROVIDER_FILE), { recursive: true });
writeFileSync(GENERATED_PROVIDER_FILE, `${provider}\n`);

import { defineConfig } from "vitest/config";

const root = new URL("./", import.meta.url).pathname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React's server build; tests import server modules directly.
      "server-only": `${root}tests/setup/empty-module.ts`,
    },
  },
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "cli/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.{ts,tsx}", "tests/unit/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: ["node_modules/**", ".next/**", "tests/e2e/**", "lib/server/**", "scripts/db/**"],
        },
      },
      {
        // Tests that need a database: each worker gets its own copy built from the migrations.
        extends: true,
        test: {
          name: "server",
          include: ["lib/server/**/*.test.ts", "scripts/db/**/*.test.ts", "tests/server/**/*.test.ts"],
          exclude: ["node_modules/**", ".next/**", "lib/server/generated/**"],
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/worker-db.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Against real servers (scripts/serve.ts, as `npm start` runs them) of a finished build (scripts/test.sh runs it after
        // `next build`): concurrency, scale-out, security, tenant isolation, fuzzing. One file at a
        // time: each starts its own servers.
        extends: true,
        test: {
          name: "http",
          include: ["tests/http/**/*.test.ts"],
          globalSetup: ["tests/http/support/global-setup.ts"],
          fileParallelism: false,
          // 20 clients × 50 edits with retries run for minutes on a loaded 2-core machine.
          testTimeout: 900_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["lib/**/*.test.ts", "cli/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.{ts,tsx}", "tests/unit/**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "tests/e2e/**"],
    testTimeout: 30_000,
  },
  resolve: { alias: { "@": new URL("./", import.meta.url).pathname } },
});

import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;

/**
 * End-to-end tests in Debian's chromium (Playwright cannot download its own browsers here) against
 * `next start` on a database of their own (data/e2e.db, or E2E_DATABASE_URL), started by
 * scripts/e2e-server.sh through scripts/start.sh, which builds when the build is missing or stale.
 */
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  // A subfolder: Playwright empties its output folder, and the vitest reports sit beside it.
  outputDir: "test-results/e2e-artifacts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: `bash scripts/e2e-server.sh ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    // Room for a build when start.sh finds none (about a minute here) besides migrations and seeding.
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});

/**
 * The closing line of `npm test`: `N passed, N failed, N skipped`, summed from the vitest and
 * Playwright JSON reports (CI reads this line; it does not read either runner's own summary).
 * A report that is missing or unreadable counts as one failure, and so does each failed step
 * that has no report (lint, typecheck, build), passed in with --failed-steps.
 *
 *   tsx scripts/test-summary.ts --failed-steps 0 test-results/vitest-sqlite.json test-results/playwright.json
 */
import { readFileSync } from "node:fs";

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
  numFailedTestSuites?: number;
  testResults?: Array<{ status?: string; assertionResults?: unknown[] }>;
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: unknown[];
}

export function tallyReport(report: unknown): Tally {
  const r = report as Partial<VitestReport & PlaywrightReport>;
  if (typeof r.numPassedTests === "number" && typeof r.numFailedTests === "number") {
    // A file that failed to load has no test results but is a failure all the same.
    const brokenFiles = (r.testResults ?? []).filter((t) => t.status === "failed" && (t.assertionResults ?? []).length === 0).length;
    return { passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
  }
  if (r.stats && typeof r.stats.expected === "number") {
    return {
      passed: r.stats.expected + r.stats.flaky,
      failed: r.stats.unexpected + (r.errors?.length ?? 0),
      skipped: r.stats.skipped,
    };
  }
  throw new Error("not a vitest or Playwright JSON report");
}

export function summaryLine(t: Tally): string {
  return `${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ""}`;
}

function main(): void {
  const args = process.argv.slice(2);
  const total: Tally = { passed: 0, failed: 0, skipped: 0 };
  const stepsAt = args.indexOf("--failed-steps");
  if (stepsAt >= 0) {
    total.failed += Number(args[stepsAt + 1] ?? 0) || 0;
    args.splice(stepsAt, 2);
  }
  for (const file of args) {
    try {
      const t = tallyReport(JSON.parse(readFileSync(file, "utf8")));
      total.passed += t.passed;
      total.failed += t.failed;
      total.skipped += t.skipped;
    } catch (e) {
      console.error(`test-summary: ${file}: ${e instanceof Error ? e.message : e} (counted as a failure)`);
      total.failed += 1;
    }
  }
  console.log(summaryLine(total));
  process.exit(total.failed > 0 ? 1 : 0);
}

if (process.argv[1]?.endsWith("test-summary.ts")) main();

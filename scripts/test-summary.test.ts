import { describe, expect, it } from "vitest";
import { summaryLine, tallyReport } from "./test-summary";

describe("test summary", () => {
  it("reads vitest's JSON report, counting a file that failed to load", () => {
    const t = tallyReport({
      numPassedTests: 7,
      numFailedTests: 1,
      numPendingTests: 2,
      numTodoTests: 1,
      testResults: [{ status: "passed", assertionResults: [{}] }, { status: "failed", assertionResults: [] }],
    });
    expect(t).toEqual({ passed: 7, failed: 2, skipped: 3 });
  });

  it("reads Playwright's JSON report, flaky counting as passed and global errors as failed", () => {
    expect(tallyReport({ stats: { expected: 3, unexpected: 1, flaky: 1, skipped: 2 }, errors: [{}] })).toEqual({ passed: 4, failed: 2, skipped: 2 });
  });

  it("refuses anything else", () => {
    expect(() => tallyReport({ hello: 1 })).toThrow(/not a vitest or Playwright/);
  });

  it("prints skipped only when there are some", () => {
    expect(summaryLine({ passed: 5, failed: 0, skipped: 0 })).toBe("5 passed, 0 failed");
    expect(summaryLine({ passed: 5, failed: 1, skipped: 2 })).toBe("5 passed, 1 failed, 2 skipped");
  });
});

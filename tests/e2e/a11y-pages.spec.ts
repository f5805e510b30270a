/**
 * axe on every page of the app, in the states people see: empty and filled questionnaire steps,
 * a step showing what is missing, results and their absence, forms with errors.
 */
import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { providerOf, sqliteFilePath } from "../../lib/server/database-url";
import { createOrganizationAndOpenQuestions, expectAccessible, signUpNewUser, stepHeading, uniqueEmail } from "./questionnaire-support";

const STEPS = ["Your business", "What you do", "Building and power", "Internet", "Network gear", "Computers, software and services", "Data and backups", "People", "Review"];

/** Opens every folded part of the page, so axe sees what is inside. */
async function openAllDetails(page: Page): Promise<void> {
  await page.locator("main details:not([open])").evaluateAll((all) => all.forEach((d) => d.setAttribute("open", "")));
}

/** Opens each step from the progress list and checks it. */
async function checkEveryStep(page: Page, label: string): Promise<void> {
  for (const [i, title] of STEPS.entries()) {
    await page.getByRole("button", { name: new RegExp(`^${i + 1}\\. ${title}`) }).click();
    await expect(stepHeading(page)).toContainText(`Step ${i + 1} of 9: ${title}`);
    // Cards fold some questions away; open them so axe sees every field.
    await openAllDetails(page);
    await expectAccessible(page, `${label}, step ${i + 1}`);
  }
}

test("public pages and account forms", async ({ page }) => {
  await page.goto("/");
  await expectAccessible(page, "landing");
  await page.goto("/sign-in");
  await expectAccessible(page, "sign-in");
  await page.getByLabel("Email").fill("nobody@example.test");
  await page.getByLabel("Password").fill("wrong password here");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await expectAccessible(page, "sign-in with an error");
  await page.goto("/sign-up");
  await expectAccessible(page, "sign-up");
  await page.goto("/a/page/that/does/not/exist");
  await expectAccessible(page, "not found");
});

test("a new owner's pages: organisations, dashboard, members, every questionnaire step, results before and after", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpNewUser(page, "Ada Access", uniqueEmail("ada"));
  await expectAccessible(page, "organisations");
  const questions = await createOrganizationAndOpenQuestions(page, "Access Opticians");
  const orgPath = questions.replace(/\/assessment\/.*$/, "");

  // A step showing what is missing before one can continue.
  await page.getByLabel("Name of the business").fill("");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Before you continue:")).toBeVisible();
  await expectAccessible(page, "questionnaire, step 1 with what is missing");
  await page.getByLabel("Name of the business").fill("Access Opticians");

  // Every step with one thing added, so the cards and their questions are there too.
  await page.getByRole("button", { name: /^2\. / }).click();
  await page.getByRole("button", { name: "+ Email" }).click();
  await page.getByRole("button", { name: /^3\. / }).click();
  await page.getByRole("button", { name: "+ Utility power" }).click();
  await page.getByRole("button", { name: /^4\. / }).click();
  await page.getByRole("button", { name: "+ Add an internet line" }).click();
  await page.getByRole("button", { name: /^7\. / }).click();
  await page.getByLabel("Add data").fill("Customer records");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("button", { name: "+ Add a copy" }).click();
  await page.getByRole("button", { name: /^8\. / }).click();
  await page.getByLabel("Add a person").fill("Sam");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await checkEveryStep(page, "new questionnaire");

  await page.goto(`${questions.replace(/questionnaire$/, "results")}`);
  await expect(page.getByRole("button", { name: "See my results" })).toBeVisible();
  await expectAccessible(page, "results before any calculation");
  await page.getByRole("button", { name: "See my results" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /not complete enough|Something went wrong/ }).or(page.getByTestId("total-expected-annual-loss"))).toBeVisible();
  await expectAccessible(page, "results after See my results");

  await page.goto(orgPath);
  await expect(page.getByRole("heading", { name: "Assessments" })).toBeVisible();
  await expectAccessible(page, "dashboard");
  await page.goto(`${orgPath}/members`);
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await expectAccessible(page, "members");
});

test("a consultant's pages: the portfolio before a firm, the firm's forms with errors, and an invitation link that does not work", async ({ page }) => {
  await signUpNewUser(page, "Cora Consultant", uniqueEmail("cora"));
  await page.goto("/portfolio");
  await expect(page.getByLabel("Name of your firm")).toBeVisible();
  await expectAccessible(page, "portfolio before a firm");
  await page.getByRole("button", { name: "Create firm" }).click();
  await expect(page.getByLabel("Name of your firm")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "create firm with an error");
  await page.getByLabel("Name of your firm").fill("Access IT Partners");
  await page.getByRole("button", { name: "Create firm" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access IT Partners: branding");
  await expectAccessible(page, "firm branding");
  await page.getByLabel("Accent colour").fill("green");
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByLabel("Accent colour")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "firm branding with an error");
  await page.goto("/portfolio");
  await expect(page.getByLabel("New client's business name")).toBeVisible();
  await expectAccessible(page, "empty portfolio");

  await page.goto("/invite/not-a-real-invitation-token");
  await expect(page.getByRole("alert").filter({ hasText: "This invitation link is not valid." })).toBeVisible();
  await expectAccessible(page, "invalid invitation");
});

/**
 * The error page needs something to fail: the test spoils the stored answers of its own
 * assessment in the e2e database (a SQLite file: scripts/e2e-server.sh), as a damaged database
 * would, and opens the questions.
 */
test("the error page shown when a page cannot be built", async ({ page }) => {
  const url = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
  test.skip(providerOf(url) !== "sqlite", "the e2e database is not a SQLite file");
  await signUpNewUser(page, "Eve Error", uniqueEmail("eve"));
  const questions = await createOrganizationAndOpenQuestions(page, "Errant Bakery");
  const assessmentId = /\/assessment\/([^/]+)\/questionnaire/.exec(questions)![1]!;
  const db = new Database(sqliteFilePath(url));
  try {
    const changed = db.prepare("UPDATE Assessment SET questionnaireJson = '{not json' WHERE id = ?").run(assessmentId).changes;
    expect(changed).toBe(1);
  } finally {
    db.close();
  }
  await page.goto(questions);
  await expect(page.getByRole("heading", { level: 1, name: "Something went wrong" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await expectAccessible(page, "error page");
});

test("the demo: full results, what-if and every filled questionnaire step", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await page.getByRole("button", { name: "Try the demo" }).click();
  await expect(page).toHaveURL(/\/results$/);
  await expect(page.getByTestId("total-expected-annual-loss")).toBeVisible();
  await openAllDetails(page);
  await expectAccessible(page, "demo results");

  await page.getByRole("link", { name: "Review the answers" }).first().click();
  await expect(page).toHaveURL(/\/questionnaire/);
  await checkEveryStep(page, "demo questionnaire");
});

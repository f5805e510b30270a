import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const harborExpected = JSON.parse(readFileSync(new URL("../../fixtures/examples/harbor-dental.expected.json", import.meta.url), "utf8")) as {
  expectedAnnualLoss: number;
};

/** Fails on any serious or critical accessibility violation of the page as it is now. */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad, `axe on ${page.url()}`).toEqual([]);
}

function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}

async function signUp(page: Page, name: string, email: string, password = "a long enough password"): Promise<void> {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

test("a new user signs up, creates an organisation and reaches its dashboard", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Where will your IT let you down");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/sign-up/);
  await expectAccessible(page);

  // A refused form keeps its values and ties the error to the field.
  await signUp(page, "Maria Lopez", "not-an-email", "short");
  const email = page.getByLabel("Email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#${await email.getAttribute("aria-describedby")}`)).toContainText("Enter an email address");
  await expect(page.getByLabel("Your name")).toHaveValue("Maria Lopez");
  await expectAccessible(page);

  await signUp(page, "Maria Lopez", uniqueEmail("maria"));
  await expect(page).toHaveURL(/\/orgs$/);
  await expect(page.getByRole("heading", { name: "Your organisations" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Name of the business").fill("Harbor Dental");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(/\/org\/[^/]+$/);
  await expect(page.getByRole("heading", { name: "Assessments" })).toBeVisible();
  await expect(page.getByText("Harbor Dental", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /Continue the questions/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: /Continue the questions/ }).click();
  await expect(page).toHaveURL(/\/questionnaire$/);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/orgs");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("Try the demo shows the Harbor Dental result in one click", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Try the demo" }).click();
  await expect(page).toHaveURL(/\/results$/);
  const expected = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(
    harborExpected.expectedAnnualLoss,
  );
  // Whatever the results page looks like, it leads with the total of the Harbor Dental example.
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Results");
  await expect(page.locator("main")).toContainText(expected);
  await expectAccessible(page);
});

test("the demo account can look around but not change what the next visitor sees", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Try the demo" }).click();
  await expect(page).toHaveURL(/\/results$/);
  await expect(page.getByTestId("total-expected-annual-loss")).toBeVisible();
  await expect(page.getByRole("button", { name: /Re-assess/ })).toHaveCount(0);
  await page.getByRole("link", { name: "Review the answers" }).first().click();
  await expect(page.getByText("Your role lets you read these answers but not change them.")).toBeVisible();
  await page.goto("/orgs");
  await page.getByLabel("Name of the business").fill("Not the demo");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByText("The demo account is shared by every visitor, so it can look around but not change anything.")).toBeVisible();
});

test("an owner invites a consultant with a copyable link", async ({ page, browser }) => {
  await page.goto("/sign-up");
  await signUp(page, "Olive Owner", uniqueEmail("owner"));
  await page.getByLabel("Name of the business").fill("Corner Bistro");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await page.getByLabel("Role").selectOption("consultant");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
  await expectAccessible(page);

  const other = await browser.newContext();
  const invitee = await other.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Join Corner Bistro" })).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByRole("link", { name: "Create an account to join" }).click();
  await signUp(invitee, "Connie Consultant", uniqueEmail("connie"));
  await expect(invitee).toHaveURL(/\/invite\//);
  await invitee.getByRole("button", { name: "Join Corner Bistro" }).click();
  await expect(invitee).toHaveURL(/\/org\/[^/]+$/);
  await expect(invitee.getByText("your role: Consultant")).toBeVisible();
  await other.close();

  await page.reload();
  await expect(page.getByRole("cell", { name: "Connie Consultant", exact: true })).toBeVisible();
});

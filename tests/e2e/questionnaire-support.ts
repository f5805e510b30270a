/**
 * Shared by the questionnaire, results and accessibility specs: signing up through the forms,
 * creating an organisation, and describing Harbor Dental (../shared/examples/harbor-dental.json)
 * through the questionnaire the way its owner would, one step at a time.
 */
import { existsSync, readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

/** The shared example when the contract folder is there, else the copy kept in the repository. */
export function readHarborDental(): Record<string, unknown> {
  const shared = new URL("../../../shared/examples/harbor-dental.json", import.meta.url);
  const local = new URL("../../fixtures/examples/harbor-dental.json", import.meta.url);
  return JSON.parse(readFileSync(existsSync(shared) ? shared : local, "utf8")) as Record<string, unknown>;
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}

/** Fails on any serious or critical accessibility violation of the page as it is now. */
export async function expectAccessible(page: Page, where = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad, `axe on ${where}`).toEqual([]);
}

/** Signs up through the form and lands on the organisations page. */
export async function signUpNewUser(page: Page, name: string, email = uniqueEmail("owner")): Promise<string> {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/orgs$/);
  return email;
}

/** Creates an organisation and opens its first assessment's questions; returns the page's path. */
export async function createOrganizationAndOpenQuestions(page: Page, name: string): Promise<string> {
  await page.getByLabel("Name of the business").fill(name);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(/\/org\/[^/]+$/);
  await page.getByRole("link", { name: /Continue the questions/ }).click();
  await expect(page).toHaveURL(/\/questionnaire(\?.*)?$/);
  await expect(stepHeading(page)).toContainText("Step 1 of 9");
  return new URL(page.url()).pathname;
}

export function stepHeading(page: Page): Locator {
  return page.locator("#step-heading");
}

/** The card of one component, data set or activity, found by its heading. */
export function card(page: Page, name: string): Locator {
  return page.locator("section.rounded-lg").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

/** Waits until the autosave has stored everything typed so far. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByRole("status").filter({ hasText: /^(Saved|All answers saved)$/ })).toBeVisible();
}

/** "Continue" to the next step, checking that the questionnaire accepted this one. */
export async function continueTo(page: Page, stepNumber: number): Promise<void> {
  await page.getByRole("button", { name: stepNumber === 10 ? "Finish" : "Continue" }).click();
  if (stepNumber <= 9) await expect(stepHeading(page)).toContainText(`Step ${stepNumber} of 9`);
}

async function setRates(c: Locator, failuresPerYear: number, repairHours: number): Promise<void> {
  await c.getByLabel(/I don't know/).nth(0).uncheck();
  await c.getByLabel("How many times a year does it fail?").fill(String(failuresPerYear));
  await c.getByLabel(/I don't know/).nth(1).uncheck();
  await c.getByLabel("When it fails, how many hours until it works again?").fill(String(repairHours));
}

async function addNeed(c: Locator, label: string): Promise<void> {
  await c.getByLabel("Add something it needs").first().selectOption({ label });
  await c.getByRole("button", { name: "Add", exact: true }).first().click();
}

async function stopsActivity(c: Locator, label: string): Promise<void> {
  await c.getByRole("group", { name: "Which of your activities stop without it?" }).getByLabel(label).check();
}

/**
 * Harbor Dental, typed in as its owner would. Figures the owner does not know are left at
 * "I don't know", which is what the example file does by leaving them out. `onStep` runs on
 * every step once it is filled in (the accessibility spec checks each one).
 */
export async function describeHarborDental(page: Page, onStep: (step: number) => Promise<void> = async () => {}): Promise<void> {
  // 1. The business
  await page.getByLabel("Name of the business").fill("Harbor Dental");
  await page.getByLabel("How many hours a week are you open?").fill("50");
  await onStep(1);
  await continueTo(page, 2);

  // 2. What you do
  await page.getByRole("button", { name: "+ Appointments and scheduling" }).click();
  await card(page, "Appointments and scheduling").getByLabel("Name").fill("Patient scheduling");
  await card(page, "Patient scheduling").getByLabel("What does an hour of this being down cost?").fill("450");
  await page.getByRole("button", { name: "+ Email" }).click();
  await card(page, "Email").getByLabel("What does an hour of this being down cost?").fill("60");
  await card(page, "Email").getByLabel("I don't know (no target)").check();
  await onStep(2);
  await continueTo(page, 3);

  // 3. Building and power
  await page.getByRole("button", { name: "+ Utility power" }).click();
  await setRates(card(page, "Utility power"), 1.5, 2);
  await page.getByRole("button", { name: "+ UPS battery" }).click();
  await card(page, "UPS battery").getByLabel("Name").fill("UPS 1500VA");
  const ups = card(page, "UPS 1500VA");
  await ups.getByLabel("How many minutes does it keep things running when what feeds it goes off?").fill("20");
  await setRates(ups, 0.1, 48);
  await addNeed(ups, "Utility power");
  await onStep(3);
  await continueTo(page, 4);

  // 4. Internet
  await page.getByRole("button", { name: "+ Add an internet line" }).click();
  await card(page, "Internet line").getByLabel("What kind of line is it?").selectOption("fiber");
  await card(page, "Fiber line").getByLabel("Who provides it?").fill("CityNet");
  const fiber = card(page, "Fiber line (CityNet)");
  await setRates(fiber, 3, 8);
  await addNeed(fiber, "UPS 1500VA");
  await onStep(4);
  await continueTo(page, 5);

  // 5. Network gear
  await page.getByRole("button", { name: "+ Router" }).click();
  const router = card(page, "Router");
  await setRates(router, 0.2, 24);
  await addNeed(router, "UPS 1500VA");
  await stopsActivity(router, "Patient scheduling");
  await onStep(5);
  await continueTo(page, 6);

  // 6. Computers, software and services
  await page.getByRole("button", { name: "+ Server" }).click();
  await card(page, "Server").getByLabel("Name").fill("Practice management server");
  const pms = card(page, "Practice management server");
  await setRates(pms, 0.5, 16);
  await addNeed(pms, "UPS 1500VA");
  await stopsActivity(pms, "Patient scheduling");
  await page.getByRole("button", { name: "+ Online service" }).click();
  await card(page, "Online service").getByLabel("Name").fill("Microsoft 365 mail");
  const mail = card(page, "Microsoft 365 mail");
  await setRates(mail, 2, 3);
  await addNeed(mail, "Router");
  await addNeed(mail, "Fiber line (CityNet)");
  await stopsActivity(mail, "Email");
  await onStep(6);
  await continueTo(page, 7);

  // 7. Data and backups
  await page.getByLabel("Add data").fill("Patient records");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const records = card(page, "Patient records");
  await records.getByLabel("Where is it kept and worked on?").selectOption({ label: "Practice management server" });
  await records.getByLabel("What is the original stored on?").selectOption("disk");
  await records.getByLabel("What does an hour of lost work cost to redo?").fill("300");
  await records.getByLabel("What would losing all of it for good cost?").fill("250000");
  await records.getByLabel("A day", { exact: true }).check();
  await records.getByRole("button", { name: "+ Add a copy" }).click();
  await records.getByRole("button", { name: "+ Add a copy" }).click();
  const nas = records.getByRole("group", { name: "Copy 1" });
  await nas.getByLabel("Where is this copy kept?").selectOption("onsite");
  await nas.getByLabel("What is it stored on?").selectOption("nas");
  await nas.getByLabel("How often is it refreshed?").selectOption("24");
  const cloud = records.getByRole("group", { name: "Copy 2" });
  await cloud.getByLabel("Where is this copy kept?").selectOption("cloud");
  await cloud.getByLabel("What is it stored on?").selectOption("object-storage");
  await cloud.getByLabel("How often is it refreshed?").selectOption("24");
  await cloud.getByLabel("It is locked against changes (immutable or write-once storage)").check();
  await cloud.getByLabel("When did someone last restore from it as a test?").fill("2026-06-02");
  await page.getByLabel("I don't know: use 1 % a year").uncheck();
  await page.getByLabel("Chance in a year that ransomware encrypts or deletes what it can reach").fill("5");
  await onStep(7);
  await continueTo(page, 8);

  // 8. People
  await page.getByLabel("Add a person").fill("Maria (office manager)");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.locator("summary", { hasText: /^Router$/ }).click();
  await page.getByRole("group", { name: "Who can fix or restore Router?" }).getByLabel("Someone here").check();
  await page.getByRole("group", { name: "Who?" }).getByLabel("Maria (office manager)").check();
  await page.locator("summary", { hasText: /^Practice management server$/ }).click();
  await page.getByRole("group", { name: "Who can fix or restore Practice management server?" }).getByLabel(/Nobody here/).check();
  await onStep(8);
  await continueTo(page, 9);

  // 9. Review
  await onStep(9);
  await continueTo(page, 10);
  await expect(page.getByText("9 of 9 steps", { exact: true })).toBeVisible();
}

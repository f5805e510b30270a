import { expect, test, type Page } from "@playwright/test";
import { card, createOrganizationAndOpenQuestions, expectSaved, signUpNewUser, stepHeading } from "./questionnaire-support";

const COST = "What does an hour of this being down cost?";

/** A fresh organisation's questions, on step 2 with one activity added and saved. */
async function openWhatYouDo(page: Page): Promise<void> {
  await signUpNewUser(page, "Rita Reload");
  await createOrganizationAndOpenQuestions(page, "Reload Bakery");
  await page.getByLabel("Name of the business").fill("Reload Bakery");
  await page.getByRole("button", { name: "2. What you do" }).click();
  await expect(stepHeading(page)).toContainText("Step 2 of 9");
  await page.getByRole("button", { name: "+ Taking card payments" }).click();
  await expectSaved(page);
}

test.describe("a reload in the middle of a step loses nothing", () => {
  test("when the page is reloaded at once, before the pause that triggers a save", async ({ page }) => {
    await openWhatYouDo(page);
    const payments = card(page, "Taking card payments");
    await payments.getByLabel("Name").fill("Card payments");
    await card(page, "Card payments").getByLabel(COST).fill("321");
    // No wait: the autosave's pause (0.8 s) has not ended when the page goes away.
    await page.reload();

    await expect(stepHeading(page)).toContainText("Step 2 of 9");
    await expect(card(page, "Card payments").getByLabel(COST)).toHaveValue("321");
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Card payments");
    // …and it reaches the server: without this browser's copy, the server still has it.
    await expectSaved(page);
    await expect(page.getByRole("status").filter({ hasText: /another tab/ })).toHaveCount(0);
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await expect(card(page, "Card payments").getByLabel(COST)).toHaveValue("321");
  });

  test("when a link of the app is followed at once, before the pause that triggers a save", async ({ page }) => {
    await openWhatYouDo(page);
    const questions = page.url();
    await card(page, "Taking card payments").getByLabel(COST).fill("432");
    // A link inside the app changes the page without unloading it: no pagehide, no reload.
    // The save is a server action: a POST to whichever page is showing when it is sent.
    const save = page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);
    await page.getByRole("link", { name: "See the results" }).first().click();
    await expect(page).toHaveURL(/\/results$/);
    expect((await save).ok()).toBe(true);
    // The server has it, not only this browser.
    await page.evaluate(() => window.localStorage.clear());
    await page.goto(questions);
    await page.getByRole("button", { name: "2. What you do" }).click();
    await expect(card(page, "Taking card payments").getByLabel(COST)).toHaveValue("432");
  });

  test("when the page is reloaded after the answers were saved", async ({ page }) => {
    await openWhatYouDo(page);
    await card(page, "Taking card payments").getByLabel(COST).fill("654");
    await expectSaved(page);
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await expect(stepHeading(page)).toContainText("Step 2 of 9");
    await expect(card(page, "Taking card payments").getByLabel(COST)).toHaveValue("654");
    await expect(page.getByRole("status").filter({ hasText: "All answers saved" })).toBeVisible();
  });

  test("when the server cannot be reached: the answers wait in this browser and are sent after the reload", async ({ page }) => {
    await openWhatYouDo(page);
    // Every save is refused on the wire, as when the connection drops.
    await page.route("**/questionnaire**", (route) => (route.request().method() === "POST" ? route.abort() : route.continue()));
    await card(page, "Taking card payments").getByLabel(COST).fill("987");
    await expect(page.getByRole("status").filter({ hasText: /Could not reach the server/ })).toBeVisible();
    await page.unroute("**/questionnaire**");
    await page.reload();
    await expect(card(page, "Taking card payments").getByLabel(COST)).toHaveValue("987");
    await expectSaved(page);
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await expect(card(page, "Taking card payments").getByLabel(COST)).toHaveValue("987");
  });
});

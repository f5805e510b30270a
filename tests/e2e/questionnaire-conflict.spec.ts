import { expect, test } from "@playwright/test";
import { createOrganizationAndOpenQuestions, expectSaved, signUpNewUser } from "./questionnaire-support";

const NAME = "Name of the business";

test("a second tab editing the same assessment gets the conflict message instead of overwriting the first", async ({ page, context }) => {
  await signUpNewUser(page, "Tess Twotabs");
  const path = await createOrganizationAndOpenQuestions(page, "Two Tab Tailors");
  const second = await context.newPage();
  await second.goto(path);
  await expect(second.getByLabel(NAME)).toHaveValue("Two Tab Tailors");

  // The first tab saves; the second still holds the version it opened.
  await page.getByLabel(NAME).fill("Saved by the first tab");
  await expectSaved(page);
  await second.getByLabel(NAME).fill("Typed in the second tab");
  await expect(second.getByRole("status").filter({ hasText: "This assessment was changed in another tab" })).toBeVisible();
  await expect(second.getByRole("button", { name: "Reload" })).toBeVisible();

  // The server kept the first tab's answer.
  const fresh = await context.newPage();
  await fresh.goto(path);
  await expect(fresh.getByLabel(NAME)).toHaveValue("Saved by the first tab");
  await fresh.close();

  // Reloading the second tab shows the saved answers and offers its own unsaved ones back, never dropping them.
  await second.getByRole("button", { name: "Reload" }).click();
  await expect(second.getByLabel(NAME)).toHaveValue("Saved by the first tab");
  const unsaved = second.getByRole("region", { name: "Unsaved answers" });
  await expect(unsaved).toBeVisible();
  await unsaved.getByRole("button", { name: "Restore my unsaved answers" }).click();
  await expect(second.getByLabel(NAME)).toHaveValue("Typed in the second tab");
  await expectSaved(second);

  // Now the first tab is the stale one.
  await page.getByLabel(NAME).fill("First tab again");
  await expect(page.getByRole("status").filter({ hasText: "This assessment was changed in another tab" })).toBeVisible();
});

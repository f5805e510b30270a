import { expect, test } from "@playwright/test";
import {
  card,
  createOrganizationAndOpenQuestions,
  expectAccessible,
  expectSaved,
  signUpNewUser,
  stepHeading,
  uniqueEmail,
} from "./questionnaire-support";

const COST = "What does an hour of this being down cost?";

test("results go stale when the answers change, Re-assess updates them, and a viewer reads without editing", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await signUpNewUser(page, "Owen Owner");
  const questions = await createOrganizationAndOpenQuestions(page, "Corner Florist");
  const results = questions.replace(/questionnaire$/, "results");

  // A small business: email stops when the power goes.
  await page.getByLabel("How many hours a week are you open?").fill("40");
  await page.getByRole("button", { name: /^2\. / }).click();
  await page.getByRole("button", { name: "+ Email" }).click();
  await card(page, "Email").getByLabel(COST).fill("100");
  await page.getByRole("button", { name: /^3\. / }).click();
  await page.getByRole("button", { name: "+ Utility power" }).click();
  await card(page, "Utility power").getByRole("group", { name: "Which of your activities stop without it?" }).getByLabel("Email").check();
  await expectSaved(page);

  await page.goto(results);
  await page.getByRole("button", { name: "See my results" }).click();
  await expect(page.getByTestId("total-expected-annual-loss")).toBeVisible();
  const before = await page.getByTestId("total-expected-annual-loss").textContent();
  await expect(page.getByRole("region", { name: "Single points of failure" }).getByRole("listitem")).toContainText([/Utility power/]);
  await expect(page.getByText("The answers changed after these results were calculated")).toHaveCount(0);

  // Doubling the cost of an hour down makes the stored results stale until they are re-assessed.
  await page.goto(`${questions}?step=functions`);
  await expect(stepHeading(page)).toContainText("Step 2 of 9");
  await card(page, "Email").getByLabel(COST).fill("200");
  await expectSaved(page);
  await page.goto(results);
  await expect(page.getByText("The answers changed after these results were calculated")).toBeVisible();
  await expect(page.getByTestId("total-expected-annual-loss")).toHaveText(before!);
  await expectAccessible(page, "stale results");
  await page.getByRole("button", { name: "Re-assess" }).click();
  await expect(page.getByText("The answers changed after these results were calculated")).toHaveCount(0);
  await expect(page.getByTestId("total-expected-annual-loss")).not.toHaveText(before!);
  const after = (await page.getByTestId("total-expected-annual-loss").textContent())!;

  // An assessment id that is not this organisation's is simply not found, on both pages.
  for (const path of [questions, results]) {
    const response = await page.goto(path.replace(/\/assessment\/[^/]+\//, "/assessment/not-an-assessment-of-yours/"));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }

  // A viewer joins through an invitation link.
  await page.goto(questions.replace(/\/assessment\/.*$/, "/members"));
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await viewer.goto(link);
  await viewer.getByRole("link", { name: "Create an account to join" }).click();
  await viewer.getByLabel("Your name").fill("Vera Viewer");
  await viewer.getByLabel("Email").fill(uniqueEmail("vera"));
  await viewer.getByLabel("Password").fill("a long enough password");
  await viewer.getByRole("button", { name: "Create account" }).click();
  await viewer.getByRole("button", { name: "Join Corner Florist" }).click();
  await expect(viewer.getByText("your role: Viewer")).toBeVisible();

  // The viewer reads the same results, with nothing to calculate…
  await viewer.getByRole("link", { name: /See the results/ }).click();
  await expect(viewer).toHaveURL(new RegExp(`${results}$`));
  await expect(viewer.getByTestId("total-expected-annual-loss")).toHaveText(after);
  await expect(viewer.getByRole("button", { name: /Re-assess|See my results/ })).toHaveCount(0);
  await expectAccessible(viewer, "results, as a viewer");

  // …and the answers, without being able to change them.
  await viewer.goto(`${questions}?step=functions`);
  await expect(viewer.getByText("Your role lets you read these answers but not change them.")).toBeVisible();
  await expect(card(viewer, "Email").getByLabel(COST)).toHaveValue("200");
  await expect(card(viewer, "Email").getByLabel(COST)).toBeDisabled();
  await expect(viewer.getByRole("button", { name: "+ Email" })).toHaveCount(0);
  await expectAccessible(viewer, "questionnaire, as a viewer");
  await viewerContext.close();
});

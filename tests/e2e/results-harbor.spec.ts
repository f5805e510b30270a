import { expect, test } from "@playwright/test";
import { assessInventory } from "../../lib/engine";
import { createOrganizationAndOpenQuestions, describeHarborDental, readHarborDental, signUpNewUser } from "./questionnaire-support";

const money = (n: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(Math.round(n));

test("a new owner describes Harbor Dental step by step and sees the engine's SPOFs and expected loss", async ({ page }) => {
  test.setTimeout(180_000);
  await signUpNewUser(page, "Hana Harbor");
  await createOrganizationAndOpenQuestions(page, "Harbor Dental");
  await describeHarborDental(page);

  await page.getByRole("link", { name: "See the results" }).last().click();
  await expect(page).toHaveURL(/\/results$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Results: /);

  // The engine's answer for the example file, as of the day the app scored the answers.
  const asOf = (await page.getByText(/for the situation on \d{4}-\d{2}-\d{2}/).textContent())!.match(/\d{4}-\d{2}-\d{2}/)![0];
  const file = readHarborDental();
  const scored = assessInventory({ ...file, asOf }, {});
  if (!scored.ok) throw new Error(`the example does not validate: ${JSON.stringify(scored.problems)}`);
  const expected = scored.assessment;

  await expect(page.getByTestId("total-expected-annual-loss")).toHaveText(money(expected.expectedAnnualLoss));

  // The charts are drawn in the browser only (the server sends their boxes): each one arrives, with
  // a tick per activity on its axis, and the plan's line.
  for (const name of [/Bar chart of hours down a year/, /Bar chart of expected loss a year/]) {
    const chart = page.getByRole("img", { name });
    await expect(chart.locator("svg.recharts-surface")).toBeVisible();
    await expect(chart.locator(".recharts-yAxis .recharts-cartesian-axis-tick")).toHaveCount(expected.functions.length);
  }
  if (expected.plan.length > 0) await expect(page.getByRole("img", { name: /Line chart of yearly risk removed/ }).locator("svg.recharts-surface")).toBeVisible();

  const components = new Map((file.components as Array<{ id: string; name: string }>).map((c) => [c.id, c.name]));
  const spofSection = page.getByRole("region", { name: "Single points of failure" });
  const sentences = spofSection.getByRole("listitem");
  const expectedSpofs = expected.functions.flatMap((f) => f.singlePointsOfFailure.map((id) => ({ fn: f.name, component: components.get(id)! })));
  expect(expectedSpofs.length).toBeGreaterThan(0);
  await expect(sentences).toHaveCount(expectedSpofs.length);
  const texts = await sentences.allTextContents();
  for (const s of expectedSpofs) {
    expect(
      texts.filter((t) => t.includes(s.fn) && t.includes(s.component)),
      `a sentence naming ${s.component} as a single point of failure of ${s.fn}`,
    ).toHaveLength(1);
  }
});

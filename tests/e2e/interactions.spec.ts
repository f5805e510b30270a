/**
 * The controls that change what a page shows without a server round trip: the plan's budget
 * slider, the what-if boxes, and the internet step's shared-part and switch-over answers. Each
 * expected figure is computed here from the engine and the results helpers, not copied.
 */
import { expect, test, type Page } from "@playwright/test";
import { assessInventory, type Inventory } from "../../lib/engine";
import { budgetSlider, planBudgetCeiling, planWithinBudget } from "../../lib/results/plan-view";
import { createWhatIfModel, evaluateWhatIf } from "../../lib/results/what-if";
import { SWITCH_OVER_PRESETS } from "../../lib/questionnaire/internet";
import { card, continueTo, createOrganizationAndOpenQuestions, expectSaved, readHarborDental, signUpNewUser, stepHeading } from "./questionnaire-support";

const money = (n: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(Math.round(n));

async function openDemoResults(page: Page) {
  await page.goto("/");
  await page.getByRole("button", { name: "Try the demo" }).click();
  await expect(page).toHaveURL(/\/results$/);
  const asOf = (await page.getByText(/for the situation on \d{4}-\d{2}-\d{2}/).textContent())!.match(/\d{4}-\d{2}-\d{2}/)![0];
  const inventory = { ...readHarborDental(), asOf } as unknown as Inventory;
  const scored = assessInventory(inventory, {});
  if (!scored.ok) throw new Error(`the example does not validate: ${JSON.stringify(scored.problems)}`);
  return { inventory, assessment: scored.assessment };
}

test("the budget slider keeps what a first-year budget pays for, in the plan's order", async ({ page }) => {
  const { assessment } = await openDemoResults(page);
  const plan = assessment.plan;
  expect(plan.length, "Harbor Dental's plan has steps to choose from").toBeGreaterThan(1);
  const ceiling = planBudgetCeiling(plan);
  const slider = page.getByRole("slider", { name: /Budget for the first year/ });
  const status = page.getByRole("status").filter({ hasText: /steps fit/ });
  const rows = page.getByRole("table", { name: /The plan, most money saved per money spent first/ }).locator("tbody tr");

  // At first the whole plan fits.
  await expect(status).toContainText(`${plan.length} of ${plan.length} steps fit: ${money(ceiling)} in the first year`);
  await expect(rows).toHaveCount(plan.length);

  await slider.fill("0");
  await expect(status).toContainText(`0 of ${plan.length} steps fit: ${money(0)} in the first year, removing ${money(0)}`);
  await expect(rows).toHaveCount(0);

  // Just enough for the first step: the slider moves in whole steps, so round up to one.
  const stepSize = budgetSlider(ceiling).step;
  const budget = Math.ceil(plan[0]!.firstYearCost / stepSize) * stepSize;
  const chosen = planWithinBudget(plan, budget);
  await slider.fill(String(budget));
  const spend = chosen.reduce((s, i) => s + i.firstYearCost, 0);
  const removed = chosen.reduce((s, i) => s + i.annualBenefit, 0);
  await expect(status).toContainText(`${chosen.length} of ${plan.length} steps fit: ${money(spend)} in the first year, removing ${money(removed)}`);
  await expect(rows).toHaveCount(chosen.length);
  for (const [i, item] of chosen.entries()) await expect(rows.nth(i).getByRole("rowheader")).toContainText(item.title);

  // All the way right chooses the whole plan again.
  await slider.press("End");
  await expect(status).toContainText(`${plan.length} of ${plan.length} steps fit: ${money(ceiling)} in the first year`);
  await expect(rows).toHaveCount(plan.length);
});

test("what-if: ticking what fails shows what stops, when, and what every hour costs", async ({ page }) => {
  const { inventory } = await openDemoResults(page);
  const model = createWhatIfModel(inventory);
  const boxes = page.getByRole("group", { name: "What fails?" });
  const answer = page.getByRole("status").filter({ hasText: /Tick one or more|Nothing stops|Every hour of this costs/ });
  await expect(answer).toHaveText("Tick one or more things to see what stops.");

  const nameOf = (id: string) => model.components.find((c) => c.id === id)!.name;
  const fiber = evaluateWhatIf(model, ["fiber"]);
  expect(fiber.functions.some((f) => f.status === "stops")).toBe(true);
  await boxes.getByLabel(nameOf("fiber")).check();
  await expect(answer).toContainText(`Every hour of this costs about ${money(fiber.costPerHour)}.`);
  for (const f of fiber.functions.filter((x) => x.status === "stops")) {
    await expect(answer.getByRole("listitem").filter({ hasText: f.name })).toContainText(`${money(f.downtimeCostPerHour)} an hour`);
  }
  const running = fiber.functions.filter((f) => f.status === "runs").map((f) => f.name);
  if (running.length > 0) await expect(answer).toContainText(`Still working: ${running.join(", ")}.`);

  // The utility power as well: what the UPS holds up stops after its battery time, not at once.
  const both = evaluateWhatIf(model, ["fiber", "utility"]);
  const late = both.functions.find((f) => f.status === "stops" && (f.afterMinutes ?? 0) > 0);
  expect(late, "with the UPS, something stops only once its battery is empty").toBeDefined();
  await boxes.getByLabel(nameOf("utility")).check();
  await expect(answer).toContainText(`Every hour of this costs about ${money(both.costPerHour)}.`);
  await expect(answer.getByRole("listitem").filter({ hasText: late!.name })).toContainText(/stops after/);

  await boxes.getByLabel(nameOf("fiber")).uncheck();
  await boxes.getByLabel(nameOf("utility")).uncheck();
  await expect(answer).toHaveText("Tick one or more things to see what stops.");
});

test("internet: a shared provider, a shared cable and a switch-over by hand reach the inventory", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpNewUser(page, "Tom Twolines");
  const questions = await createOrganizationAndOpenQuestions(page, "Two Lines Café");
  const [, orgId, assessmentId] = questions.match(/^\/org\/([^/]+)\/assessment\/([^/]+)\/questionnaire$/)!;

  // Enough for a complete inventory: the business, one activity, and the router it needs (which
  // is also the device that can use either line).
  await page.getByLabel("How many hours a week are you open?").fill("50");
  await continueTo(page, 2);
  await page.getByRole("button", { name: "+ Email" }).click();
  await card(page, "Email").getByLabel("What does an hour of this being down cost?").fill("60");
  // Retyping a share: the emptied box stays empty (the usual share is its placeholder) and takes the new figure.
  await card(page, "Email").getByText("Change how the suggestion is worked out").click();
  const revenueShare = card(page, "Email").getByLabel("Share of revenue that stops while it is down");
  await revenueShare.fill("");
  await expect(revenueShare).toHaveValue("");
  await revenueShare.pressSequentially("15");
  await expect(revenueShare).toHaveValue("15");
  await expectSaved(page);
  await page.goto(`${questions}?step=network`);
  await expect(stepHeading(page)).toContainText("Network");
  await page.getByRole("button", { name: "+ Router" }).click();
  await card(page, "Router").getByRole("group", { name: "Which of your activities stop without it?" }).getByLabel("Email").check();
  await expectSaved(page);

  await page.goto(`${questions}?step=internet`);
  await expect(stepHeading(page)).toContainText("Internet");
  for (const technology of ["fiber", "cable"]) {
    await page.getByRole("button", { name: "+ Add an internet line" }).click();
    await card(page, "Internet line").getByLabel("What kind of line is it?").selectOption(technology);
  }
  await card(page, "Fiber line").getByLabel("Who provides it?").fill("CityNet");
  // Retyping an estimate: emptying it keeps the box open for the new figure, "I don't know" stays unticked.
  const fiberRate = card(page, "Fiber line (CityNet)").getByLabel("How many times a year does it fail?");
  await card(page, "Fiber line (CityNet)").getByLabel(/I don't know/).first().uncheck();
  await fiberRate.fill("3");
  await fiberRate.fill("");
  await expect(fiberRate).toBeEnabled();
  await expect(card(page, "Fiber line (CityNet)").getByLabel(/I don't know/).first()).not.toBeChecked();
  await fiberRate.pressSequentially("2");
  await expect(fiberRate).toHaveValue("2");
  await card(page, "Cable line").getByLabel("Who provides it?").fill("CityNet");

  const provider = page.getByRole("group", { name: "Do two of your lines come from the same provider?" });
  await provider.getByLabel("Yes").check();
  await expect(page.getByLabel("Name").and(page.locator('[value="CityNet network (shared by the lines)"]'))).toBeVisible();
  const providerPart = page.locator("div.pl-4").filter({ has: page.getByText("Which lines come from this provider?") });
  await providerPart.getByLabel(/I don't know/).first().uncheck();
  await providerPart.getByLabel("How many times a year does the provider's network go down for all its lines at once?").fill("0.5");

  const cable = page.getByRole("group", { name: "Do your lines come into the building through the same cable or duct?" });
  await cable.getByLabel("Yes").check();
  const cablePart = page.locator("div.pl-4").filter({ has: page.getByText("Which lines share this cable or duct?") });
  await expect(cablePart.getByLabel("Fiber line (CityNet)")).toBeChecked();
  await cablePart.getByLabel("Cable line (CityNet)").uncheck();

  await page.getByLabel("Device that can use either line").selectOption({ label: "Router" });
  await page.getByRole("button", { name: "Use the lines as backups for it" }).click();
  await page.getByLabel("It switches over, automatically or by hand").check();
  const minutes = page.getByLabel("About how many minutes does the switch-over take?");
  await expect(minutes).toHaveValue(String(SWITCH_OVER_PRESETS.automatic));
  await page.getByRole("button", { name: /^By hand/ }).click();
  await expect(minutes).toHaveValue(String(SWITCH_OVER_PRESETS.manual));
  // Emptying the minutes to retype them does not turn the switch-over into "both lines in use".
  await minutes.fill("");
  await expect(page.getByText(`until then ${SWITCH_OVER_PRESETS.manual} minutes are kept`)).toBeVisible();
  await expect(page.getByLabel("It switches over, automatically or by hand")).toBeChecked();
  await page.getByRole("button", { name: /^By hand/ }).click();
  await expect(minutes).toHaveValue(String(SWITCH_OVER_PRESETS.manual));
  await expectSaved(page);

  // A reload shows every answer, and the inventory says what the answers mean.
  await page.reload();
  await expect(provider.getByLabel("Yes")).toBeChecked();
  await expect(cable.getByLabel("Yes")).toBeChecked();
  await expect(minutes).toHaveValue(String(SWITCH_OVER_PRESETS.manual));
  const response = await page.request.get(`/api/org/${orgId}/assessments/${assessmentId}/inventory`);
  expect(response.status(), await response.text()).toBe(200);
  const inventory = (await response.json()) as Inventory;
  const byName = new Map((inventory.components ?? []).map((c) => [c.name, c]));
  const part = byName.get("CityNet network (shared by the lines)")!;
  const duct = byName.get("Shared cable or duct into the building")!;
  const fiber = byName.get("Fiber line (CityNet)")!;
  const coax = byName.get("Cable line (CityNet)")!;
  expect(part.failuresPerYear).toBe(0.5);
  expect(JSON.stringify(fiber.requires)).toContain(JSON.stringify(part.id));
  expect(JSON.stringify(fiber.requires)).toContain(JSON.stringify(duct.id));
  expect(JSON.stringify(coax.requires)).toContain(JSON.stringify(part.id));
  expect(JSON.stringify(coax.requires ?? null)).not.toContain(JSON.stringify(duct.id));
  // A group with a switch-over has an id (inventory-format.md), which its pseudo-event is named after.
  expect(byName.get("Router")!.requires).toEqual({ any: [fiber.id, coax.id], failoverMinutes: SWITCH_OVER_PRESETS.manual, id: expect.any(String) });
});

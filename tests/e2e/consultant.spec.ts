/**
 * A consultant runs a small client book in chromium: creates a firm with its branding, adds two
 * clients, imports the shared example inventories into them, assesses them, sees the portfolio
 * ranked by money at risk, downloads a branded PDF, changes one answer, re-assesses and sees the
 * difference in money in the history comparison. Expected figures come from the engine run
 * independently on the same files (and on the exported draft), never from the page itself.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { assessInventory } from "../../lib/engine";
import { makePng, pdfText, writeTempPdf } from "../../lib/pdf/testing/pdf-text";
import { formatMoney } from "../../lib/results/format";
import { EXAMPLES_DIR } from "../support/examples";

const exampleFile = (name: string) => path.join(EXAMPLES_DIR, `${name}.json`);
const exampleJson = (name: string) => JSON.parse(readFileSync(exampleFile(name), "utf8")) as Record<string, unknown>;
const today = () => new Date().toISOString().slice(0, 10);

function expectedLoss(inventory: unknown): { loss: number; currency: string } {
  const result = assessInventory(inventory, { asOf: today() });
  if (!result.ok) throw new Error(`the inventory does not assess: ${JSON.stringify(result.problems)}`);
  return { loss: result.assessment.expectedAnnualLoss, currency: result.assessment.organization.currency };
}

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad, `axe on ${page.url()}`).toEqual([]);
}

async function signUp(page: Page, name: string): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(`consultant-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/orgs$/);
}

async function addClient(page: Page, name: string): Promise<string> {
  await page.goto("/portfolio");
  await page.getByLabel("New client's business name").fill(name);
  await page.getByRole("button", { name: "Add client" }).click();
  await expect(page).toHaveURL(/\/clients\/[^/?#]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  return new URL(page.url()).pathname;
}

async function assess(page: Page, label: "Assess now" | "Re-assess"): Promise<void> {
  await page.getByRole("button", { name: label }).click();
  await expect(page).toHaveURL(/assessed=1/);
}

test("a consultant runs two clients: import, portfolio, branded PDF, change, re-assess, compare", async ({ page }) => {
  test.setTimeout(240_000);
  await signUp(page, "Casey Consultant");

  // The firm and its branding.
  await page.getByRole("link", { name: "Clients", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Client portfolio" })).toBeVisible();
  await page.getByLabel("Name of your firm").fill("Harbor IT Consulting");
  await page.getByRole("button", { name: "Create firm" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Harbor IT Consulting: branding");
  await page.getByLabel("Accent colour").fill("#0B6E4F");
  await page.getByLabel("Contact line").fill("casey@harbor-it.example · +1 555 0100");
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByText("Branding saved.")).toBeVisible();
  await page.getByLabel("Logo image").setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.locator("#logo-error")).toContainText("must be a PNG or JPEG");
  await expect(page.getByLabel("Logo image")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Logo image").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from(makePng(120, 40)) });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByText("Logo saved.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Logo of Harbor IT Consulting" })).toBeVisible();
  await expectAccessible(page);

  // Client 1: Harbor Dental, from an uploaded file.
  const harborPath = await addClient(page, "Harbor Dental");
  await page.getByRole("link", { name: "Import an inventory or a device list" }).click();
  await page.getByLabel("Inventory file (.json)").setInputFiles(exampleFile("harbor-dental"));
  await page.getByRole("button", { name: "Import inventory" }).click();
  await expect(page.getByText(/^Imported 6 components and 2 business functions/)).toBeVisible();
  await expectAccessible(page);
  await page.goto(harborPath);
  await assess(page, "Assess now");

  // Client 2: Northwind Parts, pasted; a broken paste first is refused with its path and changes nothing.
  const northwindPath = await addClient(page, "Northwind Parts");
  await page.getByRole("link", { name: "Import an inventory or a device list" }).click();
  const broken = { ...exampleJson("northwind-parts"), organization: { ...(exampleJson("northwind-parts").organization as object), currency: "EURO" } };
  await page.getByLabel("…or paste the JSON here").fill(JSON.stringify(broken));
  await page.getByRole("button", { name: "Import inventory" }).click();
  await expect(page.getByTestId("import-problems")).toContainText("organization.currency");
  await page.getByLabel("…or paste the JSON here").fill(readFileSync(exampleFile("northwind-parts"), "utf8"));
  await page.getByRole("button", { name: "Import inventory" }).click();
  await expect(page.getByText(/^Imported \d+ components/)).toBeVisible();
  await page.goto(northwindPath);
  await assess(page, "Assess now");

  // The portfolio, ranked by money at risk, largest first.
  const harbor1 = expectedLoss(exampleJson("harbor-dental"));
  const northwind = expectedLoss(exampleJson("northwind-parts"));
  await page.goto("/portfolio");
  const table = page.getByTestId("portfolio-table");
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  const byLoss = [
    { name: "Harbor Dental", ...harbor1 },
    { name: "Northwind Parts", ...northwind },
  ].sort((a, b) => b.loss - a.loss);
  for (const [i, c] of byLoss.entries()) {
    await expect(rows.nth(i).getByRole("rowheader")).toContainText(c.name);
    await expect(rows.nth(i).getByRole("cell").first()).toHaveText(formatMoney(c.loss, c.currency));
  }
  await expect(table.getByRole("columnheader", { name: /Money at risk a year/ })).toHaveAttribute("aria-sort", "descending");
  await expectAccessible(page);
  // Sorted by name, then filtered by name, with the keyboard.
  await table.getByRole("link", { name: /^Client\s*, sort ascending/ }).focus();
  await page.keyboard.press("Enter");
  await expect(table.getByRole("columnheader", { name: /^Client/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(rows.first().getByRole("rowheader")).toContainText("Harbor Dental");
  await page.getByLabel("Client name contains").fill("north");
  await page.getByLabel("Client name contains").press("Enter");
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole("rowheader")).toContainText("Northwind Parts");

  // The branded PDF of Harbor Dental's assessment.
  await page.goto(harborPath);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^PDF action plan/ }).first().click()]);
  expect(download.suggestedFilename()).toMatch(/^action-plan-harbor-dental-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const text = pdfText(writeTempPdf(pdf)).replace(/\s+/gu, " ");
  expect(text).toContain("Harbor Dental");
  expect(text).toContain("Harbor IT Consulting");
  expect(text).toContain(formatMoney(harbor1.loss, harbor1.currency));

  // One answer changes: the router fails a quarter as often. Then re-assess.
  await page.getByRole("button", { name: "Open the questions" }).click();
  await expect(page).toHaveURL(/\/questionnaire/);
  await page.goto(`${new URL(page.url()).pathname}?step=network`);
  const router = page.locator("section.rounded-lg").filter({ has: page.getByRole("heading", { name: "Router", exact: true }) });
  await router.getByLabel("How many times a year does it fail?").fill("0.05");
  await expect(page.getByRole("status").filter({ hasText: /^(Saved|All answers saved)$/ })).toBeVisible();
  await page.goto(harborPath);
  await expect(page.getByText("The answers changed since the last assessment")).toBeVisible();
  // What the engine says about the changed draft, from its own export.
  const [exported] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export the inventory (JSON)" }).click()]);
  const changed = JSON.parse(readFileSync((await exported.path())!, "utf8")) as { components: Array<{ id: string; failuresPerYear?: number }> };
  expect(changed.components.find((c) => c.id === "router")?.failuresPerYear).toBe(0.05);
  const harbor2 = expectedLoss(changed);
  expect(harbor2.loss).toBeLessThan(harbor1.loss);
  await assess(page, "Re-assess");

  const comparison = page.getByTestId("comparison");
  await expect(comparison).toBeVisible();
  await expect(comparison.getByTestId("money-removed")).toHaveText(formatMoney(harbor1.loss - harbor2.loss, "USD"));
  await expect(comparison).toContainText(`${formatMoney(harbor1.loss, "USD")} → ${formatMoney(harbor2.loss, "USD")}`);
  await expect(page.getByRole("table", { name: /Every assessment/ }).locator("tbody tr")).toHaveCount(2);
  await expect(page.getByRole("img", { name: /Line chart of money at risk/ })).toBeVisible();
  await expectAccessible(page);

  // The HTML results print as a report: no navigation, no controls, the findings kept.
  await page.getByRole("link", { name: "See the full results" }).click();
  await expect(page.getByTestId("total-expected-annual-loss")).toHaveText(formatMoney(harbor2.loss, "USD"));
  await expect(page.getByRole("navigation", { name: "Account" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Account" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Organisation" })).toBeHidden();
  await expect(page.getByRole("button")).toHaveCount(0);
  await expect(page.getByTestId("total-expected-annual-loss")).toBeVisible();
  const breaks = await page.locator("main section:has(> h2)").evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));
  expect(breaks.length).toBeGreaterThan(2);
  expect(breaks.slice(1).every((b) => b === "page")).toBe(true);
  await page.emulateMedia({ media: "screen" });

  // The portfolio now shows the money removed since the previous assessment.
  await page.goto("/portfolio?sort=name&dir=asc");
  const harborRow = page.getByTestId("portfolio-table").locator("tbody tr").filter({ hasText: "Harbor Dental" });
  await expect(harborRow.getByRole("cell").nth(3)).toHaveText(`${formatMoney(harbor1.loss - harbor2.loss, "USD")} less`);
});

test("CSV device list: preview, column mapping, per-row errors at their lines; another firm's consultant gets 404", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signUp(page, "Robin RMM");
  await page.goto("/firm");
  await page.getByLabel("Name of your firm").fill("Robin IT");
  await page.getByRole("button", { name: "Create firm" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Robin IT: branding");
  const clientPath = await addClient(page, "Corner Bistro");
  await page.getByRole("link", { name: "Import an inventory or a device list" }).click();

  const csv = ["Hostname,Device Type,Site,Failures per year", "POS-1,Workstation,Main,1", "NAS01,NAS,Main,often", "Core switch,Switch,Main,0.1"].join("\n");
  await page.getByLabel("…or paste the CSV here").fill(csv);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("Read 3 rows.")).toBeVisible();
  await expect(page.getByRole("table", { name: /First 3 of 3 rows/ })).toContainText("NAS01");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Hostname");
  await page.getByLabel("Failures a year").selectOption("Failures per year");
  await page.getByRole("button", { name: "Update the preview" }).click();
  await expect(page.getByRole("table", { name: "Types found and the kind each becomes" })).toContainText("storage");

  await page.getByRole("button", { name: "Import components" }).click();
  const problems = page.getByTestId("import-problems");
  await expect(problems).toContainText("line 3");
  await expect(problems).toContainText("failures per year must be a number");
  await expect(problems.getByRole("listitem")).toHaveCount(1);
  await expectAccessible(page);

  await page.getByLabel("Import the good rows and skip rows with problems").check();
  await page.getByRole("button", { name: "Import components" }).click();
  await expect(page.getByText("Added 2 components to the draft. Skipped 1 rows with problems.")).toBeVisible();
  const exported = await page.request.get(`/api/org/${clientPath.split("/").pop()}/assessments/${new URL(page.url()).searchParams.get("assessment")}/inventory`);
  expect(exported.status()).toBe(200);
  const inventory = (await exported.json()) as { components: Array<{ name: string; kind: string; failuresPerYear?: number }> };
  expect(inventory.components.map((c) => [c.name, c.kind, c.failuresPerYear])).toEqual([
    ["POS-1", "endpoint", 1],
    ["Core switch", "network", 0.1],
  ]);

  // Someone outside the firm: the client page and its downloads are simply not found.
  const other = await browser.newPage();
  await signUp(other, "Olga Outsider");
  const response = await other.goto(clientPath);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "Not found" })).toBeVisible();
  const download = await other.request.get(exported.url());
  expect(download.status()).toBe(404);
  await other.close();
});

import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { assessInventory, type Assessment, type Inventory } from "@/lib/engine";
import { formatMoney, formatYears } from "@/lib/results/format";
import { PdfRenderError, readableAccent, renderActionPlanPdfInThread, type ActionPlanInput } from "./render-action-plan";
import {
  containsInOrder,
  makePng,
  pdfImageCount,
  pdfInfo,
  pdfLines,
  pdfPageCount,
  pdfText,
  pdfWords,
  squash,
  wordsOf,
  writeTempPdf,
  type PdfLine,
} from "./testing/pdf-text";

const inventory = JSON.parse(readFileSync(new URL("../../../shared/examples/northwind-parts.json", import.meta.url), "utf8")) as Inventory;

function assess(): Assessment {
  const result = assessInventory(inventory, { asOf: "2026-11-21" });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.assessment;
}

const FIRM = "Harbor IT Consulting";
const CONTACT = "Jane Doe · jane@harbor-it.example · +1 555 0100";

function baseInput(assessment: Assessment, overrides: Partial<ActionPlanInput> = {}): ActionPlanInput {
  return {
    assessment,
    inventory,
    client: { name: "Northwind Parts GmbH" },
    branding: { firmName: FIRM, accentColor: "#0b6e4f", contactLine: CONTACT, logo: { data: makePng(240, 60), mimeType: "image/png" } },
    generatedOn: "2026-11-22",
    ...overrides,
  };
}

/** Payback as the plan table writes it, from the engine's number (independent of the report code). */
function paybackText(years: number | null): string {
  if (years === null) return "never";
  if (years === 0) return "at once";
  return formatYears(years);
}

/** The lines of the table whose header line reads `header`, up to (not including) the first line matching `end`. */
function tableLines(lines: readonly PdfLine[], header: string, end: (l: PdfLine) => boolean): PdfLine[] {
  const start = lines.findIndex((l) => l.text === header);
  expect(start, `table header "${header}"`).toBeGreaterThanOrEqual(0);
  const out: PdfLine[] = [];
  for (const line of lines.slice(start + 1)) {
    if (end(line)) break;
    // Skip the running header and footer when a table continues on the next page.
    if (line.y < 45 || line.y > 780) continue;
    out.push(line);
  }
  return out;
}

describe("the northwind action plan", { timeout: 120_000 }, () => {
  let assessment: Assessment;
  let file: string;
  let text: string;
  let flat: string;
  let lines: PdfLine[];

  beforeAll(async () => {
    assessment = assess();
    const bytes = await renderActionPlanPdfInThread(baseInput(assessment));
    file = writeTempPdf(bytes);
    text = pdfText(file);
    flat = squash(text);
    lines = pdfLines(pdfWords(file));
  }, 120_000);

  it("is a PDF of several pages with the firm as author and the client in the title", () => {
    const info = pdfInfo(file);
    expect(pdfPageCount(file)).toBeGreaterThanOrEqual(5);
    expect(info.Title).toBe("IT resilience action plan: Northwind Parts GmbH");
    expect(info.Author).toBe(FIRM);
    expect(info["Page size"]).toContain("A4");
  });

  it("names the client, the firm and its contact line, and shows the date", () => {
    const cover = squash(pdfText(file, { first: 1, last: 1 }));
    expect(cover).toContain("Northwind Parts GmbH");
    expect(cover).toContain(FIRM);
    expect(cover).toContain(CONTACT);
    expect(cover).toContain("November 22, 2026");
    // The contact line is in the footer of every page after the cover.
    const pages = pdfPageCount(file);
    for (let p = 2; p <= pages; p += 1) expect(squash(pdfText(file, { first: p, last: p })), `page ${p}`).toContain(CONTACT);
  });

  it("embeds the logo on the cover", () => {
    expect(pdfImageCount(file)).toBe(1);
  });

  it("states the money at risk, in euros", () => {
    expect(flat).toContain(formatMoney(assessment.expectedAnnualLoss, "EUR"));
    expect(formatMoney(assessment.expectedAnnualLoss, "EUR")).toMatch(/^€/u);
    expect(flat).toContain(formatMoney(assessment.expectedAnnualLossAfterPlan, "EUR"));
  });

  it("lists every plan item in its own row with its targets, cost, benefit, payback and loss after", () => {
    const names = new Map(assessment.events.map((e) => [e.id, e.name]));
    for (const d of assessment.dataSets) names.set(d.id, d.name);
    const rows = tableLines(lines, "# Action For Cost / year Benefit / year Payback Loss after", (l) => l.text.startsWith("Whole plan"));
    const starts = rows.map((l, i) => ({ i, first: l.words[0]! })).filter(({ first }) => first.xMin < 60 && /^\d+$/u.test(first.text));
    expect(starts.map((s) => Number(s.first.text))).toEqual(assessment.plan.map((_, i) => i + 1));
    assessment.plan.forEach((item, k) => {
      const band = rows.slice(starts[k]!.i, starts[k + 1]?.i ?? rows.length);
      const words = band.flatMap((l) => l.words.map((w) => w.text));
      const label = `plan item ${k + 1} (${item.title})`;
      expect(containsInOrder(words, wordsOf(item.title)), label).toBe(true);
      for (const target of item.targets) expect(containsInOrder(words, wordsOf(names.get(target)!)), `${label}: target ${target}`).toBe(true);
      const first = band[0]!.words;
      const x = (value: string) => first.find((w) => w.text === value)?.xMin ?? Number.NaN;
      const cost = formatMoney(item.annualizedCost, "EUR");
      const benefit = formatMoney(item.annualBenefit, "EUR");
      const after = formatMoney(item.expectedAnnualLossAfter, "EUR");
      // The figures stand in their columns, left to right: cost, benefit, (payback), loss after.
      expect(x(cost), `${label}: cost ${cost}`).toBeLessThan(x(benefit));
      expect(x(benefit), `${label}: benefit ${benefit}`).toBeLessThan(x(after));
      expect(containsInOrder(words, wordsOf(paybackText(item.paybackYears))), `${label}: payback`).toBe(true);
    });
    const total = lines.find((l) => l.text.startsWith("Whole plan"))!;
    const sumCost = assessment.plan.reduce((s, p) => s + p.annualizedCost, 0);
    expect(total.text).toContain(formatMoney(sumCost, "EUR"));
    expect(total.text).toContain(formatMoney(assessment.expectedAnnualLossAfterPlan, "EUR"));
  });

  it("lists every measure that is not worth it with its cost, saving and break-even", () => {
    const names = new Map(assessment.events.map((e) => [e.id, e.name]));
    for (const d of assessment.dataSets) names.set(d.id, d.name);
    const rows = tableLines(lines, "Measure For Cost / year Saves / year Break-even", (l) => l.text.startsWith("Appendix"));
    let cursor = 0;
    for (const item of assessment.notWorthIt) {
      const label = `not worth it: ${item.title} (${item.targets.join(", ")})`;
      const expected = [wordsOf(item.title), ...item.targets.map((t) => wordsOf(names.get(t)!))];
      const figures = [formatMoney(item.annualizedCost, "EUR"), formatMoney(item.annualBenefit, "EUR")];
      if (item.breakEvenDowntimeCostPerHour !== null) figures.push(formatMoney(item.breakEvenDowntimeCostPerHour, "EUR"));
      expect(rows[cursor]?.words[0]?.text, `${label}: row starts with its title`).toBe(wordsOf(item.title)[0]);
      let found = false;
      for (let n = 1; n <= 3 && cursor + n <= rows.length; n += 1) {
        const words = rows.slice(cursor, cursor + n).flatMap((l) => l.words.map((w) => w.text));
        if (expected.every((phrase) => containsInOrder(words, phrase)) && figures.every((f) => rows[cursor]!.words.some((w) => w.text === f))) {
          cursor += n;
          found = true;
          break;
        }
      }
      expect(found, label).toBe(true);
    }
    expect(cursor).toBe(rows.length);
  });

  it("gives a verdict that puts the risk, the plan and the biggest single point of failure in words", () => {
    expect(flat).toContain("can expect to lose about €17,000 a year");
    let biggest = { id: "", loss: -1, fn: "" };
    for (const f of assessment.functions) {
      for (const c of f.cutSets) if (c.components.length === 1 && c.expectedAnnualLoss > biggest.loss) biggest = { id: c.components[0]!, loss: c.expectedAnnualLoss, fn: f.name };
    }
    const name = assessment.events.find((e) => e.id === biggest.id)!.name;
    expect(flat).toContain(`The biggest single point of failure is the ${name}.`);
    expect(flat).toContain(`If the ${name} fails, ${biggest.fn} stops:`);
    expect(flat).toContain(`Start with “${assessment.plan[0]!.title}”`);
  });

  it("explains every single point of failure, the thin redundancy, the backups, RTO, RPO and bus factor", () => {
    for (const f of assessment.functions) {
      for (const c of f.cutSets.filter((s) => s.components.length === 1 && !s.components[0]!.startsWith("failover:"))) {
        const name = assessment.events.find((e) => e.id === c.components[0])!.name;
        expect(flat).toContain(`If the ${name} fails, ${f.name} stops:`);
      }
    }
    const pairs = assessment.functions.flatMap((f) => f.cutSets.filter((c) => c.components.length === 2).map(() => f.name));
    expect(pairs.length).toBeGreaterThan(0);
    expect((flat.match(/stops only when the /gu) ?? []).length).toBe(pairs.length);
    for (const rule of ["3 copies", "2 kinds of storage", "1 away from the building", "1 out of ransomware's reach", "0 untested"]) expect(flat).toContain(rule);
    expect((flat.match(/✗/gu) ?? []).length).toBe(assessment.dataSets.flatMap((d) => Object.values(d.checks)).filter((ok) => !ok).length);
    const rto = assessment.functions.flatMap((f) => f.rtoBreaches);
    expect((flat.match(/ should be back within /gu) ?? []).length).toBe(rto.length);
    const rpo = assessment.dataSets.flatMap((d) => d.rpoBreaches);
    expect((flat.match(/ of work you can afford to lose\./gu) ?? []).length).toBe(rpo.length);
    const bus = new Set(assessment.functions.flatMap((f) => f.busFactor.map((b) => b.component)));
    expect((flat.match(/ can fix the /gu) ?? []).length).toBe(bus.size);
    expect(flat).toContain("Only Ana (IT lead) can fix the ERP, and Picking and shipping and Invoicing cannot work without it");
  });

  it("lists every default used, with its source and status in words", () => {
    const appendix = squash(text.slice(text.indexOf("Appendix: assumptions and figures")));
    for (const a of assessment.assumptions) {
      expect(appendix).toContain(a.source.row);
      if (a.source.status === "U") expect(containsInOrder(wordsOf(appendix), wordsOf(`Cost of a staff hour ${formatMoney(50, "EUR")} an hour assumed; no published figure`))).toBe(true);
    }
    expect(appendix).toContain("Cost of a staff hour");
  });

  it("says beside the plan that its prices are US prices counted in euros", () => {
    expect(flat).toContain("The prices of the measures are typical US prices, counted one for one in EUR");
  });

  it("draws its charts as vector graphics with text labels", () => {
    expect(flat).toContain("Expected downtime by function, hours a year");
    for (const f of assessment.functions) expect(flat).toContain(f.name);
    expect(flat).toContain(`Money at risk today: ${formatMoney(assessment.expectedAnnualLoss, "EUR")} a year`);
    expect(flat).toContain("Plan cost per year, adding the actions in order");
    // One image (the logo): the charts are not pictures.
    expect(pdfImageCount(file)).toBe(1);
  });
});

describe("hostile and unusual text", { timeout: 120_000 }, () => {
  const HOSTILE = "<script>alert(1)</script>";
  const RLO = "Invoice\u202Efdp.exe";
  const EMOJI = "Café 😀 🔥 ✓ ₹ zł";
  let assessment: Assessment;

  beforeAll(() => {
    assessment = assess();
  });

  it("keeps markup, emoji and symbols verbatim and drops a right-to-left override without reordering the text", async () => {
    const file = writeTempPdf(
      await renderActionPlanPdfInThread(
        baseInput(assessment, {
          client: { name: `${HOSTILE} ${RLO}` },
          branding: { firmName: `${EMOJI} & Co`, accentColor: "#ffee00", contactLine: `${HOSTILE} \u202Eenil tcatnoc` },
        }),
      ),
    );
    const flat = squash(pdfText(file));
    expect(flat).toContain(`${HOSTILE} Invoicefdp.exe`);
    expect(flat).not.toContain("exe.pdf");
    expect(flat).toContain(`${EMOJI} & Co`);
    expect(flat).toContain(`${HOSTILE} enil tcatnoc`);
    expect(flat).not.toContain("\u202E");
    expect(pdfInfo(file).Title).toBe(`IT resilience action plan: ${HOSTILE} Invoicefdp.exe`);
  });

  it("wraps a 10,000-character client name across lines and pages and keeps the rest of the report intact", async () => {
    const words = Array.from({ length: 700 }, (_, i) => `Name${i}`).join(" ");
    const unbroken = "Z".repeat(3000);
    const name = `${words} ${unbroken} ${words}`.slice(0, 10_000);
    expect(name.length).toBe(10_000);
    const file = writeTempPdf(await renderActionPlanPdfInThread(baseInput(assessment, { client: { name } })));
    const text = pdfText(file);
    const strip = (s: string) => s.replace(/\s+/gu, "");
    expect(strip(text)).toContain(strip(name));
    expect(squash(text)).toContain(formatMoney(assessment.expectedAnnualLoss, "EUR"));
    for (const item of assessment.plan) expect(squash(text)).toContain(formatMoney(item.expectedAnnualLossAfter, "EUR"));
    // The running header shortens it.
    expect(squash(pdfText(file, { first: pdfPageCount(file), last: pdfPageCount(file) }))).toContain("Action plan for Name0 Name1");
    expect(pdfPageCount(file)).toBeLessThan(30);
  });

  it("shows a character no bundled font has as a visible replacement, not as a wrong glyph", async () => {
    const file = writeTempPdf(await renderActionPlanPdfInThread(baseInput(assessment, { client: { name: "東京 Trading" } })));
    const flat = squash(pdfText(file, { first: 1, last: 1 }));
    expect(flat).toContain("\uFFFD\uFFFD Trading");
  });
});

describe("branding", { timeout: 120_000 }, () => {
  let assessment: Assessment;
  beforeAll(() => {
    assessment = assess();
  });

  it("uses the firm name as a wordmark when there is no logo", async () => {
    const { logo: _logo, ...branding } = baseInput(assessment).branding;
    const file = writeTempPdf(await renderActionPlanPdfInThread(baseInput(assessment, { branding })));
    expect(pdfImageCount(file)).toBe(0);
    const cover = pdfText(file, { first: 1, last: 1 });
    expect(cover.split(FIRM).length - 1).toBe(2);
  });

  it("refuses a broken logo with a message naming the field", async () => {
    const png = makePng(100, 40);
    const broken = png.slice(0, png.length - 20);
    const input = baseInput(assessment, { branding: { ...baseInput(assessment).branding, logo: { data: broken, mimeType: "image/png" } } });
    const error = await renderActionPlanPdfInThread(input).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PdfRenderError);
    expect((error as PdfRenderError).code).toBe("invalid-input");
    expect((error as PdfRenderError).problems[0]!.path).toBe("branding.logo.data");
    expect((error as PdfRenderError).message).toMatch(/branding\.logo\.data: is a broken PNG/u);
  });

  it("refuses a logo whose bytes do not match its type", async () => {
    const input = baseInput(assessment, { branding: { ...baseInput(assessment).branding, logo: { data: makePng(10, 10), mimeType: "image/jpeg" } } });
    await expect(renderActionPlanPdfInThread(input)).rejects.toThrow(/branding\.logo\.data: is labelled image\/jpeg but the data is image\/png/u);
  });

  it("names every bad field at once", async () => {
    const input = { ...baseInput(assessment), client: { name: "  " }, branding: { firmName: "", accentColor: "green", contactLine: "x" }, generatedOn: "22/11/2026" };
    const error = (await renderActionPlanPdfInThread(input).catch((e: unknown) => e)) as PdfRenderError;
    expect(error.problems.map((p) => p.path).sort()).toEqual(["branding.accentColor", "branding.firmName", "client.name", "generatedOn"]);
  });

  it("refuses something that is not an assessment", async () => {
    const input = { ...baseInput(assessment), assessment: { format: "something-else" } as unknown as Assessment };
    await expect(renderActionPlanPdfInThread(input)).rejects.toThrow(/assessment\.format: must be an assessment/u);
  });

  it("darkens a pale accent colour for text until it reads on white", () => {
    const contrast = (hex: string) => {
      const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      const l = 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
      return 1.05 / (l + 0.05);
    };
    expect(contrast("#ffee00")).toBeLessThan(2);
    expect(contrast(readableAccent("#ffee00"))).toBeGreaterThanOrEqual(4.5);
    expect(readableAccent("#0b6e4f")).toBe("#0b6e4f");
    expect(readableAccent("#16b")).toBe("#1166bb");
  });

  it("uses Letter paper for US dollars", async () => {
    const usd = { ...assessment, organization: { ...assessment.organization, currency: "USD" } };
    const file = writeTempPdf(await renderActionPlanPdfInThread(baseInput(usd)));
    expect(pdfInfo(file)["Page size"]).toContain("letter");
    expect(squash(pdfText(file))).toContain(formatMoney(assessment.expectedAnnualLoss, "USD"));
  });
});

import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { assessInventory, type Assessment, type Inventory } from "@/lib/engine";
import { createWhatIfModel } from "@/lib/results/what-if";
import { formatApproxMoney, formatMoney } from "@/lib/results/format";
import { loadExamples } from "@/tests/support/examples";
import { PlanSection } from "./plan-section";
import { ResultsView, describeAssumptionPath } from "./results-view";
import { WhatIfPanel } from "./what-if-panel";

const examples = loadExamples();

function example(name: string): { inventory: Inventory; assessment: Assessment; expectedTotal: number } {
  const e = examples.find((x) => x.name === name)!;
  const r = assessInventory(e.inventory);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return { inventory: e.inventory as Inventory, assessment: r.assessment, expectedTotal: e.expected.expectedAnnualLoss };
}

function text(html: string): string {
  return html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("ResultsView (Harbor Dental)", () => {
  const { inventory, assessment, expectedTotal } = example("harbor-dental");
  const html = renderToString(<ResultsView assessment={assessment} inventory={inventory} />);
  const page = text(html);

  it("shows the total expected annual loss of the reference results", () => {
    expect(formatMoney(expectedTotal, "USD")).toBe("$5,581");
    expect(html).toMatch(/data-testid="total-expected-annual-loss"[^>]*>\$5,581</);
  });

  it("tabulates downtime and loss per activity, largest loss first, beside the charts", () => {
    expect(page).toContain("Downtime and expected loss a year, per activity");
    // 33.58 h and $4,497 for scheduling; 43.58 h and $778 for email (harbor-dental.expected.json).
    expect(page).toMatch(/Patient scheduling costed while you are open 34 h \$450 \$4,497 Email costed while you are open 44 h \$60 \$778/);
    expect(html).toContain('aria-describedby="loss-by-function-table"');
  });

  it("explains the single points of failure in sentences with hours and money", () => {
    expect(page).toContain("If the Practice management server fails, Patient scheduling stops: about 20 hours a year, about $2,700.");
    expect(page).toContain("If the Fiber line (CityNet) fails, Email stops: about 24 hours a year, about $430.");
  });

  it("lists RTO, bus-factor and data findings", () => {
    expect(page).toContain("Patient scheduling should be back within 4 hours, but a failure of the Practice management server takes about 40 hours to fix on average: 90 % of them last longer than that.");
    expect(page).toContain("Only Maria (office manager) can fix the Router, and Patient scheduling cannot work without it");
    expect(page).toMatch(/Patient records: \$306 expected loss a year/);
    expect(page).toMatch(/0 untested No Not every copy was restored in a test within the last year/);
    expect(page).toMatch(/1 away from the building Yes/);
  });

  it("shows the plan with its costs and savings, and what is not worth it with its break-even", () => {
    const first = assessment.plan[0]!;
    expect(page).toContain(`${assessment.plan.length} of ${assessment.plan.length} steps fit`);
    expect(page).toContain(first.title);
    expect(page).toContain(`${formatMoney(first.annualizedCost, "USD")} ${formatMoney(first.firstYearCost, "USD")} ${formatMoney(first.annualBenefit, "USD")}`);
    const nwi = assessment.notWorthIt.find((n) => n.breakEvenDowntimeCostPerHour !== null)!;
    expect(page).toContain(`${nwi.title}, for ${nwi.targets.map((t) => `the ${inventory.components!.find((c) => c.id === t)?.name ?? t}`).join(" and ")}, costs about`);
    expect(page).toContain(`It would pay for itself if an hour of downtime cost ${formatApproxMoney(nwi.breakEvenDowntimeCostPerHour!, "USD")} or more.`);
  });

  it("offers the what-if panel with every component", () => {
    expect(page).toContain("What fails?");
    for (const c of inventory.components!) expect(page).toContain(c.name!);
  });

  it("lists the figures taken from defaults (here only the staff cost)", () => {
    expect(assessment.assumptions).toHaveLength(1);
    expect(page).toContain("1 figures came from our defaults");
    expect(page).toContain("The business: cost of a staff hour");
  });
});

describe("ResultsView (other examples)", () => {
  it("Corner Bistro: thin redundancy of the two lines, and the switch-over as a single point of failure", () => {
    const { inventory, assessment } = example("corner-bistro");
    const page = text(renderToString(<ResultsView assessment={assessment} inventory={inventory} />));
    expect(page).toMatch(/Taking card payments stops only when the Cable internet and the 4G backup router are down together: about \d+ minutes a year/);
    expect(page).toContain("Each time the switch-over from Cable internet to 4G backup router happens, Taking card payments stops until it is done");
    expect(page).toContain("If the storage it lives on dies, no copy of Menu and sales history survives.");
  });

  it("Northwind: money in euros", () => {
    const { inventory, assessment } = example("northwind-parts");
    const html = renderToString(<ResultsView assessment={assessment} inventory={inventory} />);
    expect(html).toContain(`>${formatMoney(assessment.expectedAnnualLoss, "EUR")}<`);
    expect(formatMoney(assessment.expectedAnnualLoss, "EUR")).toMatch(/^€/);
    // The catalogue's prices are US prices: outside US dollars the plan says so, in US dollars it does not.
    expect(html).toContain("The prices of the measures are typical US prices, counted one for one in EUR");
    const harbor = example("harbor-dental");
    expect(renderToString(<ResultsView assessment={harbor.assessment} inventory={harbor.inventory} />)).not.toContain("typical US prices");
  });
});

describe("WhatIfPanel", () => {
  const model = createWhatIfModel(example("harbor-dental").inventory);

  it("asks what fails before showing anything", () => {
    expect(text(renderToString(<WhatIfPanel model={model} />))).toContain("Tick one or more things to see what stops.");
  });

  it("shows what stops, when, and the cost of every hour", () => {
    const page = text(renderToString(<WhatIfPanel model={model} initialFailed={["utility"]} />));
    expect(page).toContain("Every hour of this costs about $510.");
    expect(page).toContain("Patient scheduling stops after about 20 minutes: $450 an hour while you are open.");
    expect(page).toContain("Email stops after about 20 minutes: $60 an hour while you are open.");
  });

  it("names what keeps working", () => {
    const page = text(renderToString(<WhatIfPanel model={model} initialFailed={["fiber"]} />));
    expect(page).toContain("Email stops at once: $60 an hour while you are open.");
    expect(page).toContain("Still working: Patient scheduling.");
  });
});

describe("PlanSection", () => {
  it("says so when nothing pays for itself", () => {
    expect(text(renderToString(<PlanSection items={[]} currency="USD" lossBefore={100} />))).toContain("Nothing on the catalogue pays for itself");
  });

  it("shows running totals and payback", () => {
    const items = [
      { key: "a", mitigation: "a", title: "Do A", targets: [], targetNames: "Router", effect: "A thing", upfront: 800, monthly: 0, annualizedCost: 160, firstYearCost: 800, annualBenefit: 946, paybackYears: 0.85 },
      { key: "b", mitigation: "b", title: "Do B", targets: [], targetNames: "", effect: "B thing", upfront: 0, monthly: 40, annualizedCost: 480, firstYearCost: 480, annualBenefit: 1875, paybackYears: 0 },
    ];
    const page = text(renderToString(<PlanSection items={items} currency="USD" lossBefore={5000} />));
    expect(page).toContain("Budget for the first year: $1,280");
    expect(page).toContain("2 of 2 steps fit: $1,280 in the first year, removing $2,821 of the $5,000 expected yearly loss.");
    expect(page).toContain("1 Do A For: Router A thing $160 $800 $946 10 months $160 $946");
    expect(page).toContain("2 Do B B thing $480 $480 $1,875 at once $640 $2,821");
  });
});

describe("describeAssumptionPath", () => {
  it("names the component and the figure", () => {
    const { inventory } = example("harbor-dental");
    expect(describeAssumptionPath("components[3].repairHours", inventory)).toBe("Router: hours to repair");
    expect(describeAssumptionPath("organization.lossScenarios.site", inventory)).toBe("The business: chance a year the building is lost");
  });
});

describe("ResultsView: what the plan's item limit leaves out", () => {
  it("lists it as also worth doing after the plan's steps, with names, and shows nothing of the kind otherwise", () => {
    const e = examples.find((x) => x.name === "northwind-parts")!;
    const limited = assessInventory(e.inventory, { maxItems: 2 });
    if (!limited.ok) throw new Error(JSON.stringify(limited.problems));
    const page = text(renderToString(<ResultsView assessment={limited.assessment} inventory={e.inventory as Inventory} />));
    expect(limited.assessment.beyondItemLimit.length).toBeGreaterThan(0);
    expect(page).toContain("Also worth doing, after these 2 steps");
    for (const p of limited.assessment.beyondItemLimit) expect(page).toContain(`${p.title} (`);
    const { inventory, assessment } = example("northwind-parts");
    expect(text(renderToString(<ResultsView assessment={assessment} inventory={inventory} />))).not.toContain("Also worth doing");
  });
});


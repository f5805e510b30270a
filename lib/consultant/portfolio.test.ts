import { describe, expect, it } from "vitest";
import { DEFAULT_PORTFOLIO_QUERY, parsePortfolioQuery, planCostOf, queryPortfolio, topSpofOf, type PortfolioRow } from "./portfolio";

function row(name: string, fields: Partial<PortfolioRow> = {}): PortfolioRow {
  return {
    id: name.toLowerCase().replace(/\W+/gu, "-"),
    name,
    isArchived: false,
    lastAssessedAt: new Date("2026-11-01T00:00:00Z"),
    snapshotId: "s",
    expectedAnnualLoss: 1000,
    currency: "USD",
    topSpof: null,
    planCost: 100,
    moneyRemoved: null,
    ...fields,
  };
}

const rows = [
  row("Harbor Dental", { expectedAnnualLoss: 5581, planCost: 1360, moneyRemoved: 710, topSpof: { componentId: "pms", name: "Server", money: 2679 } }),
  row("Northwind Parts", { expectedAnnualLoss: 17189, planCost: 3400, topSpof: { componentId: "erp", name: "ERP", money: 3534 } }),
  row("Café Zürich", { expectedAnnualLoss: 900, lastAssessedAt: new Date("2026-11-20T00:00:00Z"), moneyRemoved: -50 }),
  row("New Client", { lastAssessedAt: null, snapshotId: null, expectedAnnualLoss: null, currency: null, planCost: null }),
  row("Old Client", { isArchived: true, expectedAnnualLoss: 99999 }),
];

const names = (q: Partial<typeof DEFAULT_PORTFOLIO_QUERY>) => queryPortfolio(rows, { ...DEFAULT_PORTFOLIO_QUERY, ...q }).map((r) => r.name);

describe("portfolio query", () => {
  it("ranks by money at risk, largest first, hides archived clients and puts the never-assessed last", () => {
    expect(names({})).toEqual(["Northwind Parts", "Harbor Dental", "Café Zürich", "New Client"]);
    expect(names({ dir: "asc" })).toEqual(["Café Zürich", "Harbor Dental", "Northwind Parts", "New Client"]);
  });

  it("sorts by every column, rows without a value last in both directions", () => {
    expect(names({ sort: "name", dir: "asc" })).toEqual(["Café Zürich", "Harbor Dental", "New Client", "Northwind Parts"]);
    expect(names({ sort: "spof", dir: "desc" })).toEqual(["Northwind Parts", "Harbor Dental", "Café Zürich", "New Client"]);
    expect(names({ sort: "planCost", dir: "asc" })).toEqual(["Café Zürich", "Harbor Dental", "Northwind Parts", "New Client"]);
    expect(names({ sort: "removed", dir: "desc" })).toEqual(["Harbor Dental", "Café Zürich", "New Client", "Northwind Parts"]);
    expect(names({ sort: "lastAssessed", dir: "desc" })).toEqual(["Café Zürich", "Harbor Dental", "Northwind Parts", "New Client"]);
  });

  it("filters by name without regard to case or accents, by archived and by 'no assessment yet'", () => {
    expect(names({ q: "cafe zur" })).toEqual(["Café Zürich"]);
    expect(names({ q: "PARTS" })).toEqual(["Northwind Parts"]);
    expect(names({ showArchived: true })[0]).toBe("Old Client");
    expect(names({ onlyUnassessed: true })).toEqual(["New Client"]);
  });

  it("reads the query from search parameters, falling back to the default on anything unknown", () => {
    expect(parsePortfolioQuery({})).toEqual(DEFAULT_PORTFOLIO_QUERY);
    expect(parsePortfolioQuery({ sort: "name" })).toMatchObject({ sort: "name", dir: "asc" });
    expect(parsePortfolioQuery({ sort: "drop table", dir: "sideways", archived: "1", unassessed: ["1", "0"], q: "x".repeat(500) })).toMatchObject({
      sort: "loss",
      dir: "desc",
      showArchived: true,
      onlyUnassessed: true,
      q: "x".repeat(120),
    });
  });
});

describe("figures of an assessment", () => {
  const assessment = {
    expectedAnnualLoss: 1000,
    dataSets: [],
    events: [
      { id: "router", name: "Router" },
      { id: "pms", name: "Server" },
    ],
    functions: [
      { id: "a", expectedAnnualLoss: 600, singlePointsOfFailure: ["router", "pms"], spofExplanations: [{ component: "router", name: "Router", expectedAnnualLoss: 200 }, { component: "pms", name: "Server", expectedAnnualLoss: 300 }] },
      { id: "b", expectedAnnualLoss: 400, singlePointsOfFailure: ["router"], cutSets: [{ components: ["router"], expectedAnnualLoss: 150 }] },
    ],
    plan: [
      { mitigation: "m1", targets: ["router"], annualizedCost: 120 },
      { mitigation: "m2", targets: ["pms"], annualizedCost: 480.5 },
    ],
  };

  it("the top SPOF sums a component's loss over the functions it stops alone", () => {
    expect(topSpofOf(assessment)).toEqual({ componentId: "router", name: "Router", money: 350 });
    expect(topSpofOf({ ...assessment, functions: [] })).toBeNull();
  });

  it("the plan cost is the sum of its items' annualised costs", () => {
    expect(planCostOf(assessment)).toBe(600.5);
    expect(planCostOf({ plan: [] })).toBe(0);
  });
});

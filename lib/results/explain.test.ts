import { describe, expect, it } from "vitest";
import { assessInventory, type Assessment, type Inventory } from "@/lib/engine";
import { loadExample } from "@/lib/questionnaire/test-support";
import {
  busFactorFindings,
  checklist,
  createNameLookup,
  explainNotWorthIt,
  explainPair,
  explainRtoBreach,
  explainSpof,
  formatAssumedValue,
  rpoFindings,
  rtoFindings,
  spofFindings,
  thinRedundancyFindings,
  type ExplainContext,
} from "./explain";

function assess(inventory: Inventory): Assessment {
  const r = assessInventory(inventory);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.assessment;
}

function contextFor(inventory: Inventory, assessment: Assessment): ExplainContext {
  return { currency: inventory.organization.currency, nameOf: createNameLookup(assessment, inventory) };
}

describe("single points of failure", () => {
  const inventory = loadExample("harbor-dental");
  const assessment = assess(inventory);
  const ctx = contextFor(inventory, assessment);

  it("say what stops, for how long and at what cost (Harbor Dental's server)", () => {
    // Figured from the inventory: λ = 0.5 a year, repair 16 h plus a 24 h vendor wait (nobody in
    // house), so 0.5 × 40 = 20 hours a year; costed while open: 20 × 50/168 × $450 ≈ $2,679.
    const pms = inventory.components!.find((c) => c.id === "pms")!;
    const hours = pms.failuresPerYear! * (pms.repairHours! + inventory.organization.vendorResponseHours!);
    const money = hours * (inventory.organization.operatingHoursPerWeek / 168) * inventory.functions![0]!.downtimeCostPerHour;
    expect(hours).toBe(20);
    expect(money).toBeCloseTo(2678.57, 2);
    const finding = spofFindings(assessment.functions, ctx)[0]!;
    expect(finding.hours).toBeCloseTo(hours, 9);
    expect(finding.loss).toBeCloseTo(money, 6);
    expect(finding.sentence).toBe("If the Practice management server fails, Patient scheduling stops: about 20 hours a year, about $2,700.");
  });

  it("list every single point of failure of every function, largest money first", () => {
    const findings = spofFindings(assessment.functions, ctx);
    expect(findings).toHaveLength(assessment.functions.reduce((n, f) => n + f.singlePointsOfFailure.length, 0));
    const losses = findings.map((f) => f.loss);
    expect([...losses].sort((a, b) => b - a)).toEqual(losses);
    expect(findings.map((f) => f.sentence)).toContain("If the Fiber line (CityNet) fails, Email stops: about 24 hours a year, about $430.");
  });

  it("name a switch-over after its lines", () => {
    const bistro = loadExample("corner-bistro");
    const a = assess(bistro);
    const sentences = spofFindings(a.functions, contextFor(bistro, a)).map((f) => f.sentence);
    expect(sentences.some((s) => s.startsWith("Each time the switch-over from Cable internet to 4G backup router happens, Taking card payments stops until it is done:"))).toBe(true);
  });

  it("fall back to ids when nothing better is known", () => {
    expect(explainSpof({ componentId: "fiber", functionName: "Card payments", hours: 8, loss: 4797 }, { currency: "USD", nameOf: (id) => id })).toBe(
      "If the fiber fails, Card payments stops: about 8 hours a year, about $4,800.",
    );
  });
});

describe("thin redundancy", () => {
  it("describes pairs that back each other up with nothing behind them", () => {
    const inventory = loadExample("northwind-parts");
    const a = assess(inventory);
    const pairs = thinRedundancyFindings(a.functions, contextFor(inventory, a));
    expect(pairs.every((p) => p.components.length === 2)).toBe(true);
    expect(pairs[0]!.sentence).toMatch(/^Picking and shipping stops only when the Fiber \(Provider A\) and the Cable \(Provider B\) are down together: about \d+ minutes a year, about €\d+\.$/);
    expect(explainPair({ components: ["a", "b"], functionName: "Bookings", hours: 0.3, loss: 20 }, { currency: "USD", nameOf: (id) => id.toUpperCase() })).toBe(
      "Bookings stops only when the A and the B are down together: about 18 minutes a year, about $20.",
    );
  });
});

describe("people and recovery times", () => {
  const inventory = loadExample("harbor-dental");
  const assessment = assess(inventory);
  const ctx = contextFor(inventory, assessment);

  it("bus factor names the one person or says nobody, with how long a repair waits", () => {
    // Practice management server: nobody in house, so the vendor's response time, 24 h by default.
    // Router: only Maria, away 10 % of the time (default availability 0.9) × 72 h absence wait = 7.2 h.
    expect(busFactorFindings(assessment.functions, inventory, ctx, assessment.events).map((b) => b.sentence)).toEqual([
      "Nobody in-house can fix the Practice management server, and Patient scheduling cannot work without it: every repair waits for outside help, about 24 hours each time.",
      "Only Maria (office manager) can fix the Router, and Patient scheduling cannot work without it: when they are away, the repair waits, which adds about 7 hours to a repair on average.",
      "Only Maria (office manager) can fix the Router, and Email cannot work without it: when they are away, the repair waits, which adds about 7 hours to a repair on average.",
    ]);
    // Without the engine's figures (an old snapshot's view), the sentence still reads.
    expect(busFactorFindings(assessment.functions, inventory, ctx)[1]!.sentence).toMatch(/when they are away, the repair waits\.$/);
  });

  it("a name that already starts with The is not given another", () => {
    const ctx = { currency: "USD", nameOf: (id: string) => ({ site: "The premises", r: "Router" })[id] ?? id };
    expect(explainSpof({ componentId: "site", functionName: "Files", hours: 1.7, loss: 120 }, ctx)).toMatch(/^If the premises fails, Files stops/);
    expect(explainSpof({ componentId: "r", functionName: "Files", hours: 1.7, loss: 120 }, ctx)).toMatch(/^If the Router fails, Files stops/);
  });

  it("an average repair close to the target is not rounded onto it", () => {
    const ctx = { nameOf: (id: string) => id };
    expect(explainRtoBreach({ componentId: "Utility power", functionName: "Files", rtoHours: 4, meanRepairHours: 4.29, chanceOutlastsRto: 0.39 }, ctx)).toBe(
      "Files should be back within 4 hours, but a failure of the Utility power takes about 4.3 hours to fix on average: 39 % of them last longer than that.",
    );
  });

  it("RTO findings give the target, the average repair and the chance of outlasting it", () => {
    // Router: 24 h repair + (1 − 0.9) × 72 h absence wait = 31.2 h; e^(−4/31.2) ≈ 0.88.
    expect(rtoFindings(assessment.functions, ctx)[1]!.sentence).toBe(
      "Patient scheduling should be back within 4 hours, but a failure of the Router takes about 31 hours to fix on average: 88 % of them last longer than that.",
    );
  });
});

describe("data", () => {
  it("the 3-2-1-1-0 checklist reads as rules that pass or fail", () => {
    const inventory = loadExample("harbor-dental");
    const rows = checklist(assess(inventory).dataSets[0]!);
    expect(rows.map((r) => [r.rule, r.passed])).toEqual([
      ["3 copies", true],
      ["2 kinds of storage", true],
      ["1 away from the building", true],
      ["1 out of ransomware's reach", true],
      ["0 untested", false],
    ]);
    expect(rows[4]!.sentence).toBe("Not every copy was restored in a test within the last year: a restore may fail when it is needed.");
  });

  it("RPO findings say how old the freshest surviving copy is, or that none survives", () => {
    const northwind = loadExample("northwind-parts");
    expect(rpoFindings(assess(northwind).dataSets, northwind).map((f) => f.sentence)).toEqual([
      "If the storage it lives on dies, the freshest copy of ERP database that survives is up to 24 hours old: more than the 4 hours of work you can afford to lose.",
      "If ransomware strikes, the freshest copy of ERP database that survives is up to 24 hours old: more than the 4 hours of work you can afford to lose.",
      "If the building is lost to fire, flood or theft, the freshest copy of ERP database that survives is up to 24 hours old: more than the 4 hours of work you can afford to lose.",
    ]);
    const bistro = loadExample("corner-bistro");
    expect(rpoFindings(assess(bistro).dataSets, bistro)[0]!.sentence).toBe("If the storage it lives on dies, no copy of Menu and sales history survives.");
  });
});

describe("not worth it", () => {
  it("gives cost, saving and the break-even cost of downtime", () => {
    expect(
      explainNotWorthIt(
        { title: "Install a generator", targets: ["grid"], annualizedCost: 1100, annualBenefit: 380.4, breakEvenDowntimeCostPerHour: 731 },
        { currency: "USD", nameOf: () => "Utility power" },
      ),
    ).toBe("Install a generator, for the Utility power, costs about $1,100 a year and saves about $380 a year. It would pay for itself if an hour of downtime cost about $730 or more.");
    expect(explainNotWorthIt({ title: "Test restores", annualizedCost: 400, annualBenefit: 78, breakEvenDowntimeCostPerHour: null }, { currency: "EUR" })).toBe(
      "Test restores costs about €400 a year and saves about €78 a year.",
    );
  });
});

describe("formatAssumedValue", () => {
  it("gives each defaulted figure the unit the questionnaire asked it in", () => {
    expect(formatAssumedValue("organization.lossScenarios.site", 0.005, "USD")).toBe("0.5 % a year");
    expect(formatAssumedValue("dataSets[0].lossScenarios.ransomware", 0.01, "USD")).toBe("1 % a year");
    expect(formatAssumedValue("organization.untestedRestoreFailure", 0.2, "USD")).toBe("20 %");
    expect(formatAssumedValue("people[1].availability", 0.9, "USD")).toBe("90 %");
    expect(formatAssumedValue("organization.staffCostPerHour", 50, "EUR")).toBe("€50 an hour");
    expect(formatAssumedValue("components[3].failuresPerYear", 4.38, "USD")).toBe("4.38 a year");
    expect(formatAssumedValue("components[3].repairHours", 4.2857, "USD")).toBe("4.29 hours");
    expect(formatAssumedValue("organization.absenceWaitHours", 72, "USD")).toBe("72 hours");
  });
});


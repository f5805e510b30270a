/**
 * Overriding the catalogue (model.md §6: costs and effects "all overridable"): the values in use
 * reach the changed inventory, the plan's words and its figures; bad overrides come back as
 * problems with a path and a sentence, never thrown. (properties.test.ts checks the plan with
 * random effect overrides against a brute-force greedy.)
 */
import { describe, expect, it } from "vitest";
import {
  EFFECT_PARAMETERS,
  MITIGATIONS,
  applyPlanItems,
  assessInventory,
  configureMitigations,
  formatProblem,
  planOverridesProblems,
  scoreInventory,
  type AssessOptions,
  type Inventory,
} from "./index.js";

/** A server on flaky utility power (30 short cuts a year), with a nightly online backup: candidates for most of the catalogue. */
function office(): Inventory {
  return {
    format: "resilience-inventory/1",
    asOf: "2026-11-21",
    organization: { name: "Acme", currency: "USD", operatingHoursPerWeek: 168 },
    people: [{ id: "ann", availability: 0.8 }],
    components: [
      { id: "utility", kind: "power", failuresPerYear: 30, repairHours: 1 },
      { id: "fiber", kind: "internet", failuresPerYear: 2, repairHours: 8 },
      { id: "srv", kind: "server", failuresPerYear: 1, repairHours: 48, requires: "utility", knownBy: ["ann"] },
    ],
    functions: [{ id: "sales", downtimeCostPerHour: 2000, requires: { all: ["srv", "fiber"] } }],
    dataSets: [
      {
        id: "books",
        primary: "srv",
        dataLossCostPerHour: 200,
        copies: [{ id: "nas", location: "onsite", medium: "disk", intervalHours: 24 }],
      },
    ],
  };
}

const byId = (catalogue: ReturnType<typeof configureMitigations>, id: string) => catalogue.find((m) => m.id === id)!;

function problemsOf(options: AssessOptions): string[] {
  const r = assessInventory(office(), options);
  if (r.ok) throw new Error(`expected ${JSON.stringify(options)} to be refused`);
  return r.problems.map(formatProblem);
}

describe("effect overrides", () => {
  it("without overrides the catalogue is the default one, and the same overrides give the same catalogue", () => {
    expect(configureMitigations(undefined)).toBe(MITIGATIONS);
    expect(configureMitigations({})).toBe(MITIGATIONS);
    const o = { ups: { runtimeMinutes: 30 } };
    expect(configureMitigations(o)).toBe(configureMitigations(o));
    // Mitigations without an override stay the default objects.
    expect(byId(configureMitigations(o), "generator")).toBe(byId(MITIGATIONS, "generator"));
    for (const m of MITIGATIONS) {
      const defaults = Object.fromEntries(Object.entries(m.parameters).map(([k, p]) => [k, p.defaultValue]));
      expect(m.effectValues, m.id).toEqual(defaults);
      expect(m.parameters, m.id).toBe(EFFECT_PARAMETERS[m.id]);
    }
  });

  it("every default text is the catalogue's published wording", () => {
    const text = Object.fromEntries(MITIGATIONS.map((m) => [m.id, `${m.title} | ${m.effect}`]));
    expect(text["ups"]).toBe("Put a UPS between the power feed and the equipment | A line-interactive UPS with 15 minutes of battery: short power cuts no longer stop anything.");
    expect(text["faster-support-contract"]).toBe("Buy a 4-hour on-site support contract | The vendor responds within 4 hours and a repair takes at most 8 hours.");
    expect(text["more-frequent-backups"]).toBe("Back up every 4 hours instead of nightly | Online copies are refreshed every 4 hours, so a restore loses at most a morning's work.");
    expect(text["standby-server"]).toContain("someone switches over within an hour");
    expect(text["generator"]).toContain("within a minute of a power cut");
  });

  it("the values in use reach the changed inventory and the words", () => {
    const catalogue = configureMitigations({
      ups: { runtimeMinutes: 60 },
      generator: { failoverMinutes: 0 },
      "standby-server": { failoverMinutes: 120 },
      "faster-support-contract": { responseHours: 2, repairHours: 6 },
      "more-frequent-backups": { intervalHours: 1 },
      "immutable-cloud-backup": { intervalHours: 12 },
      "offline-backup-copy": { intervalHours: 24 },
      "move-to-cloud": { failuresPerYear: 3, repairHours: 2 },
      "second-internet-line": { failoverMinutes: 5 },
    });
    const inv = office();
    const ups = byId(catalogue, "ups");
    expect(ups.effect).toBe("A line-interactive UPS with 60 minutes of battery: short power cuts no longer stop anything.");
    expect(ups.apply(inv, ["utility"]).components!.find((c) => c.kind === "ups")).toMatchObject({ name: "UPS (60 minutes)", runtimeMinutes: 60 });

    expect(byId(catalogue, "generator").effect).toBe("A generator takes over from the utility the moment the power is cut.");
    const standby = byId(catalogue, "standby-server");
    expect(standby.effect).toContain("someone switches over within 2 hours");
    expect(JSON.stringify(standby.apply(inv, ["srv"]).functions)).toContain('"failoverMinutes":120');

    const support = byId(catalogue, "faster-support-contract");
    expect(`${support.title} | ${support.effect}`).toBe("Buy a 2-hour on-site support contract | The vendor responds within 2 hours and a repair takes at most 6 hours.");
    expect(support.apply(inv, ["srv"]).components!.find((c) => c.id === "srv")).toMatchObject({ repairHours: 6, supportResponseHours: 2 });

    const frequent = byId(catalogue, "more-frequent-backups");
    expect(`${frequent.title} | ${frequent.effect}`).toBe("Back up every hour instead of nightly | Online copies are refreshed every hour, so a restore loses at most 1 hour of work.");
    expect(frequent.apply(inv, ["books"]).dataSets![0]!.copies![0]!.intervalHours).toBe(1);

    const cloudCopy = byId(catalogue, "immutable-cloud-backup");
    expect(cloudCopy.effect).toBe("A copy every 12 hours to cloud object storage with object lock: it survives a fire and ransomware.");
    expect(cloudCopy.apply(inv, ["books"]).dataSets![0]!.copies!.at(-1)).toMatchObject({ location: "cloud", intervalHours: 12, immutable: true });
    expect(byId(catalogue, "offline-backup-copy").apply(inv, ["books"]).dataSets![0]!.copies!.at(-1)).toMatchObject({ online: false, intervalHours: 24 });

    const cloud = byId(catalogue, "move-to-cloud");
    expect(cloud.effect).toContain("(3 failures a year of 2 hours each)");
    expect(cloud.apply(inv, ["srv"]).components!.find((c) => c.id === "srv")).toMatchObject({ kind: "cloud", failuresPerYear: 3, repairHours: 2 });

    expect(byId(catalogue, "second-internet-line").effect).toContain("switches over automatically within 5 minutes");
  });

  it("a longer battery is worth more, and the plan with overrides is what applying its items gives", () => {
    const inv = office();
    const benefitOf = (runtimeMinutes: number) => {
      const ups = byId(configureMitigations({ ups: { runtimeMinutes } }), "ups");
      return scoreInventory(inv).expectedAnnualLoss - scoreInventory(ups.apply(inv, ["utility"])).expectedAnnualLoss;
    };
    expect(benefitOf(60)).toBeGreaterThan(benefitOf(15));
    expect(benefitOf(15)).toBeGreaterThan(benefitOf(1));

    // Moving the server to the cloud or a generator would take the power out of its cut sets and
    // the UPS off the list: priced out here.
    const priceless = { upfront: 1e9 };
    const options = {
      effectOverrides: { ups: { runtimeMinutes: 240 } },
      costOverrides: { ups: { upfront: 3000 }, "move-to-cloud": priceless, generator: priceless },
    };
    const r = assessInventory(inv, options);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
    const all = [...r.assessment.plan, ...r.assessment.notWorthIt];
    const ups = all.find((p) => p.mitigation === "ups")!;
    expect(ups.effect).toContain("240 minutes of battery");
    expect(ups.upfront).toBe(3000);
    r.assessment.plan.forEach((item, i) => {
      const after = scoreInventory(applyPlanItems(inv, r.assessment.plan.slice(0, i + 1), options)).expectedAnnualLoss;
      expect(Math.abs(item.expectedAnnualLossAfter - after)).toBeLessThanOrEqual(1e-9 * Math.max(1, after));
    });
    expect(r.assessment.plan.map((p) => p.mitigation)).toContain("ups");
    // With the default 15 minutes the battery saves less than its own failures cost here, so the
    // default plan does not list it at all: the overrides were used.
    const plain = assessInventory(inv, { costOverrides: options.costOverrides });
    if (!plain.ok) throw new Error("the office inventory is valid");
    expect([...plain.assessment.plan, ...plain.assessment.notWorthIt].find((p) => p.mitigation === "ups")).toBeUndefined();
  });
});

describe("bad overrides are problems with a path and a sentence", () => {
  it("in the library's options", () => {
    expect(problemsOf({ effectOverrides: { ups: { runtimeMinutes: 0 } } })).toEqual(["options.effectOverrides.ups.runtimeMinutes: must be greater than 0"]);
    expect(problemsOf({ effectOverrides: { generator: { failoverMinutes: -1 } } })).toEqual(["options.effectOverrides.generator.failoverMinutes: must be at least 0"]);
    expect(problemsOf({ effectOverrides: { "more-frequent-backups": { intervalHours: 9000 } } })).toEqual([
      "options.effectOverrides.more-frequent-backups.intervalHours: must be at most 8760",
    ]);
    expect(problemsOf({ effectOverrides: { ups: { runtimeMinutes: "an hour" as unknown as number } } })).toEqual([
      "options.effectOverrides.ups.runtimeMinutes: must be a number",
    ]);
    expect(problemsOf({ effectOverrides: { ups: { minutes: 30 } } })).toEqual([
      "options.effectOverrides.ups.minutes: unknown field: check its spelling or remove it (allowed here: runtimeMinutes)",
    ]);
    const tunable = Object.entries(EFFECT_PARAMETERS)
      .filter(([, p]) => Object.keys(p).length > 0)
      .map(([id]) => id)
      .join(", ");
    // A mitigation without effect figures (cross-training) has nothing to set.
    expect(problemsOf({ effectOverrides: { "cross-training": { hours: 2 } } })).toEqual([
      `options.effectOverrides.cross-training: unknown field: check its spelling or remove it (allowed here: ${tunable})`,
    ]);
    expect(problemsOf({ costOverrides: { ups: { lifeYears: 0 } } })).toEqual(["options.costOverrides.ups.lifeYears: must be greater than 0"]);
    expect(problemsOf({ costOverrides: { ups: { upfront: -5, monthly: 2e12 } } })).toEqual([
      "options.costOverrides.ups.upfront: must be at least 0",
      "options.costOverrides.ups.monthly: must be at most 1,000,000,000,000",
    ]);
    expect(problemsOf({ costOverrides: { "gold-plating": { upfront: 1 } } })[0]).toMatch(
      /^options\.costOverrides\.gold-plating: unknown field: check its spelling or remove it \(allowed here: second-internet-line, ups, /,
    );
  });

  it("in the CLI's overrides file", () => {
    expect(planOverridesProblems({ costs: { ups: { upfront: 500 } }, effects: { ups: { runtimeMinutes: 30 } } })).toEqual([]);
    expect(planOverridesProblems({}).length).toBe(0);
    expect(planOverridesProblems({ effect: {} }).map(formatProblem)).toEqual(["effect: unknown field: check its spelling or remove it (allowed here: costs, effects)"]);
    expect(planOverridesProblems({ effects: { ups: { runtimeMinutes: -1 } } }).map(formatProblem)).toEqual(["effects.ups.runtimeMinutes: must be greater than 0"]);
    expect(planOverridesProblems([]).map(formatProblem)).toEqual(["must be an object"]);
  });
});

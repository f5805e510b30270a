/**
 * Defaults where the engine applies them: an inventory that leaves out every field with a default
 * is scored with the documented defaults (model.md §2, §4, §5; lib/engine/defaults.ts, which cites
 * shared/docs/reference-data.md), lists each of them as an assumption with its source, and its
 * figures are those of model.md computed by hand from those defaults.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, loadExamples } from "../../tests/support/examples.js";
import {
  COMPONENT_DEFAULTS,
  LOSS_SCENARIO_DEFAULTS,
  ORGANIZATION_DEFAULTS,
  PERSON_AVAILABILITY_DEFAULT,
  assessInventory,
  formatProblem,
  type Assessment,
  type Source,
} from "./index.js";

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const HOURS_PER_YEAR = 8760;
/** model.md §4: a function without `hours` counts business hours, operatingHoursPerWeek / 168. */
const BUSINESS = 50 / 168;

/**
 * Everything with a default left out: the organisation's waits, restore failure, loss scenarios
 * and staff cost; every person's availability; every component's rate and repair time (but `pc`'s
 * rate); every function's hours.
 */
function inventory(): Doc {
  return {
    format: "resilience-inventory/1",
    asOf: "2026-11-21",
    organization: { name: "Corner Shop", currency: "USD", operatingHoursPerWeek: 50 },
    people: [{ id: "ann" }, { id: "bob" }],
    components: [
      { id: "srv", kind: "server", knownBy: ["ann"] },
      { id: "nas", kind: "storage", knownBy: [] },
      { id: "ups", kind: "ups", monitored: false },
      { id: "mail", kind: "saas" },
      { id: "fw", kind: "network", knownBy: ["ann", "bob"] },
      { id: "pc", kind: "endpoint", failuresPerYear: 2 },
    ],
    functions: [
      { id: "billing", downtimeCostPerHour: 100, rtoHours: 24, requires: "srv" },
      { id: "files", downtimeCostPerHour: 40, requires: "nas" },
      { id: "tills", downtimeCostPerHour: 30, requires: "ups" },
      { id: "email", downtimeCostPerHour: 60, requires: "mail" },
      { id: "web", downtimeCostPerHour: 20, requires: "fw" },
      { id: "desk", downtimeCostPerHour: 10, requires: "pc" },
    ],
    dataSets: [
      {
        id: "ledger",
        primary: "nas",
        dataLossCostPerHour: 10,
        totalLossCost: 1000,
        copies: [{ id: "cloud", location: "cloud", medium: "s3", intervalHours: 24 }],
      },
    ],
  };
}

function assess(doc: Doc): Assessment {
  const result = assessInventory(doc, { withoutPlan: true });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  return result.assessment;
}

/** Equal to a relative 1e-9 (model.md §4: implementations agree to a relative 1e-9). */
function expectClose(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

function eventOf(a: Assessment, id: string) {
  const e = a.events.find((x) => x.id === id);
  if (!e) throw new Error(`no event ${id}`);
  return e;
}

function functionOf(a: Assessment, id: string) {
  const f = a.functions.find((x) => x.id === id);
  if (!f) throw new Error(`no function ${id}`);
  return f;
}

describe("defaults the engine applies", () => {
  it("the documented defaults are the ones in defaults.ts", () => {
    // model.md §2 and §5 state these; docs/scoring.md §8 and reference-data.md the per-kind rates.
    expect(ORGANIZATION_DEFAULTS.absenceWaitHours.value).toBe(72);
    expect(ORGANIZATION_DEFAULTS.vendorResponseHours.value).toBe(24);
    expect(ORGANIZATION_DEFAULTS.unmonitoredDetectionHours.value).toBe(168);
    expect(ORGANIZATION_DEFAULTS.untestedRestoreFailure.value).toBe(0.2);
    expect(ORGANIZATION_DEFAULTS.staffCostPerHour.value).toBe(50);
    expect(PERSON_AVAILABILITY_DEFAULT.value).toBe(0.9);
    expect([LOSS_SCENARIO_DEFAULTS.device.value, LOSS_SCENARIO_DEFAULTS.site.value, LOSS_SCENARIO_DEFAULTS.ransomware.value]).toEqual([
      0.03, 0.005, 0.01,
    ]);
    const rate = (k: keyof typeof COMPONENT_DEFAULTS) => [COMPONENT_DEFAULTS[k].failuresPerYear, COMPONENT_DEFAULTS[k].repairHours];
    expect(rate("server")).toEqual([0.15, 72]);
    expect(rate("storage")).toEqual([0.13, 72]);
    expect(rate("ups")).toEqual([0.25, 48]);
    expect(rate("saas")).toEqual([4.38, 2]);
    expect(rate("network")).toEqual([0.2, 24]);
    expect(rate("endpoint")).toEqual([0.5, 8]);
  });

  it("(a) lists every defaulted path with its value and the source defaults.ts cites, and nothing else", () => {
    const a = assess(inventory());
    const org = (key: keyof typeof ORGANIZATION_DEFAULTS) => ({
      path: `organization.${key}`,
      value: ORGANIZATION_DEFAULTS[key].value,
      source: ORGANIZATION_DEFAULTS[key].source,
    });
    const scenario = (key: keyof typeof LOSS_SCENARIO_DEFAULTS) => ({
      path: `organization.lossScenarios.${key}`,
      value: LOSS_SCENARIO_DEFAULTS[key].value,
      source: LOSS_SCENARIO_DEFAULTS[key].source,
    });
    const component = (i: number, kind: keyof typeof COMPONENT_DEFAULTS, field: "failuresPerYear" | "repairHours") => ({
      path: `components[${i}].${field}`,
      value: COMPONENT_DEFAULTS[kind][field],
      source: COMPONENT_DEFAULTS[kind].source,
    });
    const person = (i: number) => ({ path: `people[${i}].availability`, value: 0.9, source: PERSON_AVAILABILITY_DEFAULT.source });
    const expected = [
      org("absenceWaitHours"),
      org("vendorResponseHours"),
      org("unmonitoredDetectionHours"),
      org("untestedRestoreFailure"),
      org("staffCostPerHour"),
      scenario("device"),
      scenario("site"),
      scenario("ransomware"),
      person(0),
      person(1),
      component(0, "server", "failuresPerYear"),
      component(0, "server", "repairHours"),
      component(1, "storage", "failuresPerYear"),
      component(1, "storage", "repairHours"),
      component(2, "ups", "failuresPerYear"),
      component(2, "ups", "repairHours"),
      component(3, "saas", "failuresPerYear"),
      component(3, "saas", "repairHours"),
      component(4, "network", "failuresPerYear"),
      component(4, "network", "repairHours"),
      // pc gives its own rate: only its repair time is assumed.
      component(5, "endpoint", "repairHours"),
    ];
    const byPath = (x: { path: string }, y: { path: string }) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0);
    expect([...a.assumptions].sort(byPath)).toEqual([...expected].sort(byPath));
    // Every path is listed once.
    expect(new Set(a.assumptions.map((x) => x.path)).size).toBe(a.assumptions.length);
  });

  it("(a) lists nothing when the inventory gives every value", () => {
    const doc = inventory();
    doc.organization = {
      ...doc.organization,
      absenceWaitHours: 72,
      vendorResponseHours: 24,
      unmonitoredDetectionHours: 168,
      untestedRestoreFailure: 0.2,
      staffCostPerHour: 50,
      lossScenarios: { device: 0.03, site: 0.005, ransomware: 0.01 },
    };
    for (const p of doc.people) p.availability = 0.9;
    for (const c of doc.components) Object.assign(c, { failuresPerYear: 1, repairHours: 1 });
    expect(assess(doc).assumptions).toEqual([]);
  });

  it("(b) a default whose source is unverified carries status U; verified and secondary ones do not", () => {
    const a = assess(inventory());
    const sourceOf = (p: string): Source => {
      const found = a.assumptions.find((x) => x.path === p);
      if (!found) throw new Error(`no assumption at ${p}`);
      return found.source;
    };
    // No published figure at all: status U, and the citation says so in the words the app shows.
    for (const p of ["components[4].failuresPerYear", "components[5].repairHours", "organization.lossScenarios.site"]) {
      expect(sourceOf(p), p).toMatchObject({ status: "U", citation: "assumed; no published figure" });
    }
    // A cited figure that was not verified (reference-data.md marks the server row U): status U.
    expect(sourceOf("components[0].repairHours").status).toBe("U");
    for (const p of ["organization.absenceWaitHours", "organization.vendorResponseHours", "organization.unmonitoredDetectionHours", "people[1].availability"]) {
      expect(sourceOf(p).status, p).toBe("U");
    }
    // Read in the source (Microsoft 365 SLA, Schroeder & Gibson) or in a secondary summary (UK survey).
    expect(sourceOf("components[3].failuresPerYear").status).toBe("V");
    expect(sourceOf("organization.lossScenarios.device").status).toBe("V");
    expect(sourceOf("organization.lossScenarios.ransomware").status).toBe("S");
  });

  const referenceData = path.resolve(REPO_ROOT, "../shared/docs/reference-data.md");
  it.skipIf(!existsSync(referenceData))("(b) every cited reference-data.md row exists and claims no more than that row's status", () => {
    const text = readFileSync(referenceData, "utf8");
    // Table rows: the first cell names the quantity, the last gives its status (V, S or U first).
    const rows = new Map<string, string>();
    for (const line of text.split("\n")) {
      const cells = line.split("|").map((c) => c.trim());
      if (cells.length > 3 && /^[VSU]\b/.test(cells[cells.length - 2]!)) rows.set(cells[1]!, cells[cells.length - 2]![0]!);
    }
    const rank = { V: 2, S: 1, U: 0 } as const;
    const a = assess(inventory());
    let checked = 0;
    for (const { path: p, source } of a.assumptions) {
      // "model.md §N" and "none (...)" cite no row of reference-data.md.
      if (source.row.startsWith("model.md") || source.row.startsWith("none")) {
        expect(source.status, p).toBe("U");
        continue;
      }
      for (const row of source.row.split(" + ")) {
        const status = rows.get(row) as keyof typeof rank | undefined;
        expect(status, `${p} cites "${row}", which reference-data.md does not list`).toBeDefined();
        expect(rank[source.status], `${p}: ${source.status} is stronger than row "${row}" (${status})`).toBeLessThanOrEqual(rank[status!]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it("(c) the figures use the defaults: model.md §2 rates and waits, §4 downtime and loss, §5 data loss", () => {
    const a = assess(inventory());
    // model.md §2: r' = r + peopleWait + detectionWait; q = min(1, λ r' / 8760).
    // peopleWait: knownBy absent → 0; [] → vendorResponseHours (24); else Π(1 − a_p) · absenceWaitHours
    // (72) with a_p = 0.9. detectionWait: monitored false → unmonitoredDetectionHours (168).
    const expected = {
      // server 0.15/yr, 72 h; Ann alone away 10 % of the time: 0.1 · 72 = 7.2 h.
      srv: { lambda: 0.15, r: 72, people: (1 - 0.9) * 72, detection: 0 },
      // storage 0.13/yr, 72 h; nobody in house: the vendor's 24 h.
      nas: { lambda: 0.13, r: 72, people: 24, detection: 0 },
      // ups 0.25/yr, 48 h; not assessed for people; unmonitored: a week to notice.
      ups: { lambda: 0.25, r: 48, people: 0, detection: 168 },
      // saas 4.38/yr, 2 h.
      mail: { lambda: 4.38, r: 2, people: 0, detection: 0 },
      // network 0.2/yr, 24 h; both Ann and Bob away: 0.1 · 0.1 · 72 = 0.72 h.
      fw: { lambda: 0.2, r: 24, people: (1 - 0.9) * (1 - 0.9) * 72, detection: 0 },
      // its own rate 2/yr; endpoint repair 8 h.
      pc: { lambda: 2, r: 8, people: 0, detection: 0 },
    };
    const functionOfComponent = { srv: "billing", nas: "files", ups: "tills", mail: "email", fw: "web", pc: "desk" } as const;
    const cost = { billing: 100, files: 40, tills: 30, email: 60, web: 20, desk: 10 } as const;
    let functionsLoss = 0;
    for (const [id, x] of Object.entries(expected) as Array<[keyof typeof expected, (typeof expected)["srv"]]>) {
      const rPrime = x.r + x.people + x.detection;
      const q = Math.min(1, (x.lambda * rPrime) / HOURS_PER_YEAR);
      const e = eventOf(a, id);
      expectClose(e.failuresPerYear, x.lambda, `${id} λ`);
      expectClose(e.repairHours, x.r, `${id} r`);
      expectClose(e.peopleWaitHours, x.people, `${id} peopleWait`);
      expectClose(e.detectionWaitHours, x.detection, `${id} detectionWait`);
      expectClose(e.effectiveRepairHours, rPrime, `${id} r'`);
      expectClose(e.unavailability, q, `${id} q`);
      // model.md §4: the function needs this one component, so its only minimal cut set is {id}
      // with T = 0, w = 1: downtime = min(8760, 8760 · q); loss = downtime · hoursWeight · c.
      const fid = functionOfComponent[id];
      const f = functionOf(a, fid);
      const downtime = Math.min(HOURS_PER_YEAR, HOURS_PER_YEAR * q);
      expect(f.hours).toBe("business");
      expectClose(f.hoursWeight, BUSINESS, `${fid} hours weight`);
      expect(f.cutSets.map((c) => [c.components, c.weight])).toEqual([[[id], 1]]);
      expectClose(f.downtimeHoursPerYear, downtime, `${fid} downtime`);
      expectClose(f.expectedAnnualLoss, downtime * BUSINESS * cost[fid], `${fid} loss`);
      functionsLoss += downtime * BUSINESS * cost[fid];
    }
    // The same by plain arithmetic, for the record: 0.15 · 79.2 = 11.88 h, 0.13 · 96 = 12.48 h,
    // 0.25 · 216 = 54 h, 4.38 · 2 = 8.76 h, 0.2 · 24.72 = 4.944 h, 2 · 8 = 16 h a year.
    expectClose(functionOf(a, "billing").downtimeHoursPerYear, 11.88, "billing");
    expectClose(functionOf(a, "files").downtimeHoursPerYear, 12.48, "files");
    expectClose(functionOf(a, "tills").downtimeHoursPerYear, 54, "tills");
    expectClose(functionOf(a, "email").downtimeHoursPerYear, 8.76, "email");
    expectClose(functionOf(a, "web").downtimeHoursPerYear, 4.944, "web");
    expectClose(functionOf(a, "desk").downtimeHoursPerYear, 16, "desk");

    // model.md §4 RTO: r'(srv) = 79.2 h > 24 h, so a breach with chance e^(−24/79.2).
    const billing = functionOf(a, "billing");
    expect(billing.rtoBreaches).toHaveLength(1);
    expect(billing.rtoBreaches[0]).toMatchObject({ component: "srv", rtoHours: 24 });
    expectClose(billing.rtoBreaches[0]!.meanRepairHours, 79.2, "RTO mean repair");
    expectClose(billing.rtoBreaches[0]!.chanceOutlastsRto, Math.exp(-24 / 79.2), "RTO chance");
    // model.md §2 bus factor: knownBy of one person, and [] (none); two people is not a finding.
    expect(billing.busFactor).toEqual([{ component: "srv", people: 1 }]);
    expect(functionOf(a, "files").busFactor).toEqual([{ component: "nas", people: 0 }]);
    expect(functionOf(a, "web").busFactor).toEqual([]);
    expect(functionOf(a, "tills").busFactor).toEqual([]);

    // model.md §5 with the default scenarios (device 0.03, site 0.005, ransomware 0.01) and
    // untestedRestoreFailure 0.2 (the copy was never restore-tested). The cloud copy survives
    // device and site; online by default and not immutable, it does not survive ransomware.
    // device, site: 1 · (1 − 0.2) · (24 / 2) · 10 + 0.2 · 1000 = 96 + 200 = 296; ransomware: 1000.
    const restorable = (1 - 0.2) * (24 / 2) * 10 + 0.2 * 1000;
    const dataLoss = 0.03 * restorable + 0.005 * restorable + 0.01 * 1000;
    expectClose(dataLoss, 20.36, "hand arithmetic");
    expectClose(a.dataSets[0]!.expectedAnnualLoss, dataLoss, "ledger loss");
    expectClose(a.functionsExpectedAnnualLoss, functionsLoss, "functions loss");
    expectClose(a.expectedAnnualLoss, functionsLoss + dataLoss, "total loss");
  });

  describe("(d) hasRunbook and supportResponseHours (Bulwark's additions, docs/scoring.md §2)", () => {
    /** r' of a component and the downtime of a function needing only it, after editing the base inventory. */
    function figures(edit: (doc: Doc) => void, component: string, fn: string) {
      const doc = inventory();
      edit(doc);
      const a = assess(doc);
      return { event: eventOf(a, component), downtime: functionOf(a, fn).downtimeHoursPerYear };
    }
    const byId = (doc: Doc, id: string): Doc => doc.components.find((c: Doc) => c.id === id);

    it("a runbook halves the wait for absent people: srv 0.1 · 72 / 2 = 3.6 h", () => {
      const { event, downtime } = figures((d) => (byId(d, "srv").hasRunbook = true), "srv", "billing");
      const people = ((1 - 0.9) * 72) / 2;
      expectClose(event.peopleWaitHours, people, "peopleWait");
      expectClose(event.effectiveRepairHours, 72 + people, "r'");
      // 8760 · 0.15 · 75.6 / 8760 = 11.34 h a year, down from 11.88.
      expectClose(downtime, 0.15 * (72 + people), "downtime");
      expectClose(downtime, 11.34, "downtime (arithmetic)");
    });

    it("a runbook halves the wait with two people and with the organisation's own absence wait", () => {
      const two = figures((d) => (byId(d, "fw").hasRunbook = true), "fw", "web");
      expectClose(two.event.peopleWaitHours, (0.1 * 0.1 * 72) / 2, "two people");
      expectClose(two.downtime, 0.2 * (24 + 0.36), "two people downtime");
      const own = figures(
        (d) => {
          d.organization.absenceWaitHours = 100;
          byId(d, "srv").hasRunbook = true;
        },
        "srv",
        "billing",
      );
      expectClose(own.event.peopleWaitHours, (0.1 * 100) / 2, "own absence wait");
    });

    it("a support contract's response time replaces the vendor's 24 h when nobody in house knows it", () => {
      const four = figures((d) => (byId(d, "nas").supportResponseHours = 4), "nas", "files");
      expectClose(four.event.peopleWaitHours, 4, "peopleWait");
      expectClose(four.event.effectiveRepairHours, 76, "r'");
      // 0.13 · 76 = 9.88 h a year, down from 12.48.
      expectClose(four.downtime, 0.13 * 76, "downtime");
      const zero = figures((d) => (byId(d, "nas").supportResponseHours = 0), "nas", "files");
      expectClose(zero.event.effectiveRepairHours, 72, "no wait at all");
      // A slower contract than the organisation's default is taken as given.
      const slow = figures((d) => (byId(d, "nas").supportResponseHours = 48), "nas", "files");
      expectClose(slow.downtime, 0.13 * (72 + 48), "slow contract");
    });

    it("neither applies where its wait does not: a runbook without in-house people, a contract when someone in house knows it", () => {
      // nas: knownBy [] waits for the vendor, which a runbook does not shorten.
      expectClose(figures((d) => (byId(d, "nas").hasRunbook = true), "nas", "files").event.effectiveRepairHours, 72 + 24, "nas");
      // ups: knownBy absent, no people wait to halve; the detection wait stays.
      expectClose(figures((d) => (byId(d, "ups").hasRunbook = true), "ups", "tills").event.effectiveRepairHours, 48 + 168, "ups");
      // srv: Ann knows it, so the wait is her absence, whatever the contract.
      expectClose(figures((d) => (byId(d, "srv").supportResponseHours = 4), "srv", "billing").event.effectiveRepairHours, 72 + 7.2, "srv");
    });
  });
});

/**
 * docs/scoring.md §8, "When an answer is left out": each field scores exactly as its documented
 * meaning written out. Every example is scored twice, once as it is and once with every absent
 * field filled in with that meaning; the figures and the plan must not move.
 */
describe("(e) a field left out scores as its documented meaning", () => {
  function writtenOut(source: unknown): Doc {
    const doc = structuredClone(source) as Doc;
    const fillGroups = (r: unknown): void => {
      if (r === null || typeof r !== "object") return;
      const g = r as Doc;
      if (Array.isArray(g.any)) g.failoverMinutes ??= 0;
      for (const key of ["all", "any", "of"]) if (Array.isArray(g[key])) g[key].forEach(fillGroups);
    };
    const asOf = new Date(`${doc.asOf}T00:00:00Z`);
    const dayAfterAsOf = new Date(asOf.getTime() + 86_400_000).toISOString().slice(0, 10);
    for (const c of doc.components ?? []) {
      c.runtimeMinutes ??= 0;
      c.monitored ??= true;
      fillGroups(c.requires);
    }
    for (const f of doc.functions ?? []) {
      f.hours ??= "business";
      fillGroups(f.requires);
    }
    for (const ds of doc.dataSets ?? []) {
      ds.medium ??= "primary";
      ds.dataLossCostPerHour ??= 0;
      ds.totalLossCost ??= 0;
      for (const copy of ds.copies ?? []) {
        copy.online ??= true;
        copy.immutable ??= false;
        // A test dated after asOf counts as no test at all.
        copy.lastRestoreTest ??= dayAfterAsOf;
      }
    }
    return doc;
  }

  function figures(doc: Doc): unknown {
    const result = assessInventory(doc, {});
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    const { assumptions: _assumptions, ...rest } = JSON.parse(JSON.stringify(result.assessment)) as Doc;
    return rest;
  }

  for (const example of loadExamples()) {
    it(example.name, () => {
      const original = example.inventory as Doc;
      const filled = writtenOut(original);
      expect(JSON.stringify(filled), "the example leaves some of these fields out").not.toBe(JSON.stringify(original));
      expect(figures(filled)).toEqual(figures(original));
    });
  }

  it("the comparison can fail: a copy written out as offline scores differently", () => {
    const original = inventory();
    const offline = structuredClone(original);
    offline.dataSets[0].copies[0].online = false;
    expect(figures(offline)).not.toEqual(figures(original));
  });
});

/**
 * Data sets (model.md §5): which copies survive each scenario, the restore-test window, the
 * freshest-first restore chain with its total-loss tail, RPO findings and each 3-2-1-1-0 check on
 * its own. Expected figures are computed here from the formulas, not read off the engine.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween, isRestoreTested, survives } from "./data-sets.js";
import { scoreInventory, validateInventory, type Copy, type DataSet, type Inventory } from "./index.js";

const AS_OF = "2026-11-21";

function inventoryWith(dataSets: DataSet[], organization: Partial<Inventory["organization"]> = {}, asOf = AS_OF): Inventory {
  const inv: Inventory = {
    format: "resilience-inventory/1",
    asOf,
    organization: { name: "Acme", currency: "USD", operatingHoursPerWeek: 40, ...organization },
    components: [{ id: "srv", kind: "server" }],
    dataSets,
  };
  const checked = validateInventory(inv);
  if (!checked.ok) throw new Error(checked.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return checked.inventory;
}

function assess(ds: DataSet, organization: Partial<Inventory["organization"]> = {}, asOf = AS_OF) {
  return scoreInventory(inventoryWith([ds], organization, asOf)).dataSets[0]!;
}

function scenario(ds: DataSet, name: "device" | "site" | "ransomware", organization: Partial<Inventory["organization"]> = {}) {
  return assess(ds, organization).scenarios.find((s) => s.scenario === name)!;
}

const copy = (id: string, rest: Partial<Copy> = {}): Copy => ({
  id,
  location: "onsite",
  medium: "nas",
  intervalHours: 24,
  ...rest,
});

function expectRel(actual: number, expected: number, tol = 1e-12): void {
  if (expected === 0) expect(actual).toBe(0);
  else expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(tol);
}

describe("which copies survive which scenario", () => {
  const locations = ["same-device", "onsite", "offsite", "cloud"] as const;
  const table: Array<[Copy["location"], boolean | undefined, boolean | undefined, { device: boolean; site: boolean; ransomware: boolean }]> = [];
  for (const location of locations) {
    for (const online of [undefined, true, false]) {
      for (const immutable of [undefined, true, false]) {
        table.push([
          location,
          online,
          immutable,
          {
            device: location !== "same-device",
            site: location === "offsite" || location === "cloud",
            // online defaults to true, immutable to false.
            ransomware: online === false || immutable === true,
          },
        ]);
      }
    }
  }
  for (const [location, online, immutable, expected] of table) {
    it(`${location}, online ${String(online)}, immutable ${String(immutable)}`, () => {
      const c = copy("c", { location, ...(online === undefined ? {} : { online }), ...(immutable === undefined ? {} : { immutable }) });
      expect({ device: survives(c, "device"), site: survives(c, "site"), ransomware: survives(c, "ransomware") }).toEqual(expected);
      const result = assess({ id: "d", primary: "srv", copies: [c] });
      for (const s of result.scenarios) expect(s.survivingCopies).toEqual(expected[s.scenario] ? ["c"] : []);
    });
  }
});

describe("the restore-test window", () => {
  const tested = (lastRestoreTest: string | undefined, asOf: string) =>
    isRestoreTested(copy("c", lastRestoreTest === undefined ? {} : { lastRestoreTest }), asOf);

  it("counts a test 0 to 365 days before asOf, inclusive", () => {
    expect(tested("2026-11-21", "2026-11-21")).toBe(true); // same day
    expect(tested("2026-11-20", "2026-11-21")).toBe(true);
    expect(tested("2025-11-21", "2026-11-21")).toBe(true); // 365 days
    expect(tested("2025-11-20", "2026-11-21")).toBe(false); // 366 days
  });
  it("a test after asOf counts as untested", () => {
    expect(tested("2026-11-22", "2026-11-21")).toBe(false);
    expect(tested("2027-01-01", "2026-11-21")).toBe(false);
  });
  it("no test is untested", () => {
    expect(tested(undefined, "2026-11-21")).toBe(false);
  });
  it("leap years: a year spanning 29 February has 366 days", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2023-03-01", "2024-03-01")).toBe(366);
    expect(tested("2023-03-01", "2024-03-01")).toBe(false);
    expect(tested("2023-03-02", "2024-03-01")).toBe(true);
    expect(tested("2024-02-29", "2025-02-28")).toBe(true); // 365 days
    expect(tested("2024-02-29", "2025-03-01")).toBe(false); // 366 days
    expect(tested("2024-01-01", "2024-12-31")).toBe(true); // 365 days
    expect(tested("2023-12-31", "2024-12-31")).toBe(false); // 366 days
  });
  it("century years: 2100 is not a leap year, 2000 is", () => {
    expect(daysBetween("2100-02-28", "2100-03-01")).toBe(1);
    expect(daysBetween("2000-02-28", "2000-03-01")).toBe(2);
    expect(daysBetween("1999-12-31", "2000-12-31")).toBe(366);
    expect(daysBetween("2099-12-31", "2100-12-31")).toBe(365);
  });
  it("daysBetween agrees with the calendar for random dates (Date.UTC as the reference)", () => {
    const date = fc.date({ min: new Date(Date.UTC(1601, 0, 1)), max: new Date(Date.UTC(2399, 11, 31)), noInvalidDate: true });
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    fc.assert(
      fc.property(date, date, (a, b) => {
        const from = iso(a);
        const to = iso(b);
        expect(daysBetween(from, to)).toBe(Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
      }),
      { numRuns: 500 },
    );
  });
  it("a stale test makes a copy fail its restore with untestedRestoreFailure", () => {
    const fresh = scenario({ id: "d", primary: "srv", totalLossCost: 1000, copies: [copy("c", { lastRestoreTest: "2025-11-21" })] }, "device");
    const stale = scenario({ id: "d", primary: "srv", totalLossCost: 1000, copies: [copy("c", { lastRestoreTest: "2025-11-20" })] }, "device");
    expect(fresh.totalLossProbability).toBe(0);
    expect(stale.totalLossProbability).toBe(0.2);
    expect(stale.lostCost).toBe(0.2 * 1000);
  });
});

describe("the restore chain", () => {
  it("tries the freshest surviving copy first, whatever the listing order", () => {
    const c = 100;
    // Listed stale first: weekly untested (pf 0.3), then daily tested (pf 0), then hourly untested.
    const ds: DataSet = {
      id: "d",
      primary: "srv",
      dataLossCostPerHour: c,
      totalLossCost: 5000,
      copies: [
        copy("weekly", { intervalHours: 168 }),
        copy("daily", { intervalHours: 24, lastRestoreTest: "2026-10-01" }),
        copy("hourly", { intervalHours: 1 }),
      ],
    };
    const device = scenario(ds, "device", { untestedRestoreFailure: 0.3 });
    expect(device.survivingCopies).toEqual(["hourly", "daily", "weekly"]);
    // hourly restores with 0.7; otherwise daily always restores.
    expectRel(device.lostCost, 0.7 * 0.5 * c + 0.3 * 1 * 12 * c);
    expect(device.totalLossProbability).toBe(0);
  });

  it("adds the total loss when every surviving copy fails", () => {
    const c = 40;
    const L = 250_000;
    const pf = 0.2;
    const ds: DataSet = {
      id: "d",
      primary: "srv",
      dataLossCostPerHour: c,
      totalLossCost: L,
      copies: [copy("a", { intervalHours: 24 }), copy("b", { intervalHours: 6, location: "cloud" })],
    };
    const device = scenario(ds, "device");
    expect(device.survivingCopies).toEqual(["b", "a"]);
    expectRel(device.lostCost, (1 - pf) * 3 * c + pf * (1 - pf) * 12 * c + pf * pf * L);
    expectRel(device.totalLossProbability, pf * pf);
    const site = scenario(ds, "site");
    expect(site.survivingCopies).toEqual(["b"]);
    expectRel(site.lostCost, (1 - pf) * 3 * c + pf * L);
  });

  it("costs the total loss when no copy survives, and when there are no copies", () => {
    const L = 80_000;
    const ransomware = scenario({ id: "d", primary: "srv", dataLossCostPerHour: 10, totalLossCost: L, copies: [copy("a")] }, "ransomware");
    expect(ransomware.survivingCopies).toEqual([]);
    expect(ransomware.lostCost).toBe(L);
    expect(ransomware.totalLossProbability).toBe(1);
    const bare = assess({ id: "d", primary: "srv", totalLossCost: L });
    for (const s of bare.scenarios) expect(s.lostCost).toBe(L);
  });

  it("costs default to 0, so a data set without them loses nothing", () => {
    const result = assess({ id: "d", primary: "srv", copies: [copy("a")] });
    expect(result.expectedAnnualLoss).toBe(0);
  });

  it("equal intervals in either order give the same figure (ties cannot change the result)", () => {
    const copies = [copy("x", { lastRestoreTest: "2026-01-01" }), copy("y")];
    const one = scenario({ id: "d", primary: "srv", dataLossCostPerHour: 7, totalLossCost: 900, copies }, "device");
    const two = scenario({ id: "d", primary: "srv", dataLossCostPerHour: 7, totalLossCost: 900, copies: [...copies].reverse() }, "device");
    expectRel(one.lostCost, two.lostCost);
    expectRel(one.lostCost, 12 * 7);
  });

  it("expected annual loss is Σ p_s · lostCost(s), with scenario probabilities overridden key by key", () => {
    const c = 150;
    const L = 20_000;
    const ds: DataSet = {
      id: "d",
      primary: "srv",
      dataLossCostPerHour: c,
      totalLossCost: L,
      lossScenarios: { site: 0.2 },
      copies: [copy("nas", { intervalHours: 24, lastRestoreTest: "2026-06-01" }), copy("usb", { intervalHours: 168, online: false, location: "offsite" })],
    };
    const result = assess(ds, { lossScenarios: { device: 0.1 }, untestedRestoreFailure: 0.25 });
    const p = Object.fromEntries(result.scenarios.map((s) => [s.scenario, s.probability]));
    expect(p).toEqual({ device: 0.1, site: 0.2, ransomware: 0.01 });
    // device: nas (tested) restores: 12 h. site: only usb (untested): 0.75·84 h, else total loss.
    // ransomware: only usb (offline).
    const device = 12 * c;
    const site = 0.75 * 84 * c + 0.25 * L;
    expectRel(result.expectedAnnualLoss, 0.1 * device + 0.2 * site + 0.01 * site);
  });

  it("the organisation's loss scenarios default to device 0.03, site 0.005, ransomware 0.01", () => {
    const result = assess({ id: "d", primary: "srv", totalLossCost: 1000 });
    expect(result.scenarios.map((s) => [s.scenario, s.probability])).toEqual([
      ["device", 0.03],
      ["site", 0.005],
      ["ransomware", 0.01],
    ]);
    expectRel(result.expectedAnnualLoss, 1000 * (0.03 + 0.005 + 0.01));
  });

  it("the total of an inventory adds its data sets' losses", () => {
    const one: DataSet = { id: "one", primary: "srv", totalLossCost: 1000 };
    const two: DataSet = { id: "two", primary: "srv", totalLossCost: 3000, lossScenarios: { device: 0.5 } };
    const scores = scoreInventory(inventoryWith([one, two]));
    expectRel(scores.dataSetsLoss, 1000 * 0.045 + 3000 * (0.5 + 0.005 + 0.01));
    expectRel(scores.expectedAnnualLoss, scores.dataSetsLoss);
  });
});

describe("RPO findings", () => {
  it("lists each scenario whose freshest surviving copy is older than the RPO, alphabetically", () => {
    // Onsite online daily copy: survives only device.
    const result = assess({ id: "d", primary: "srv", rpoHours: 24, copies: [copy("nas", { intervalHours: 24 })] });
    expect(result.rpoBreaches).toEqual(["ransomware", "site"]);
  });
  it("interval equal to the RPO is within it", () => {
    const result = assess({ id: "d", primary: "srv", rpoHours: 24, copies: [copy("c", { location: "cloud", immutable: true, intervalHours: 24 })] });
    expect(result.rpoBreaches).toEqual([]);
  });
  it("a stale surviving copy breaches even when a fresher copy exists elsewhere", () => {
    const result = assess({
      id: "d",
      primary: "srv",
      rpoHours: 4,
      copies: [copy("snap", { intervalHours: 1 }), copy("cloud", { location: "cloud", intervalHours: 24 })],
    });
    expect(result.rpoBreaches).toEqual(["ransomware", "site"]);
  });
  it("all three, alphabetically, when no copy exists at all", () => {
    expect(assess({ id: "d", primary: "srv", rpoHours: 1000 }).rpoBreaches).toEqual(["device", "ransomware", "site"]);
  });
  it("all three when the RPO is 0", () => {
    const result = assess({ id: "d", primary: "srv", rpoHours: 0, copies: [copy("c", { location: "cloud", online: false, intervalHours: 0.5 })] });
    expect(result.rpoBreaches).toEqual(["device", "ransomware", "site"]);
  });
  it("whatever the scenario's probability", () => {
    const result = assess({ id: "d", primary: "srv", rpoHours: 24, lossScenarios: { device: 0, site: 0, ransomware: 0 } });
    expect(result.rpoBreaches).toEqual(["device", "ransomware", "site"]);
  });
  it("none without rpoHours", () => {
    expect(assess({ id: "d", primary: "srv" }).rpoBreaches).toEqual([]);
  });
});

describe("3-2-1-1-0, each check on its own", () => {
  /** Passes every check: primary on ssd, a tested onsite NAS, a tested immutable cloud copy. */
  const passing = (): DataSet => ({
    id: "d",
    primary: "srv",
    medium: "ssd",
    copies: [
      copy("nas", { medium: "nas", location: "onsite", lastRestoreTest: "2026-09-01" }),
      copy("cloud", { medium: "object-storage", location: "cloud", immutable: true, lastRestoreTest: "2026-09-01" }),
    ],
  });
  const allTrue = { threeCopies: true, twoMedia: true, oneOffsite: true, oneOfflineOrImmutable: true, zeroUntested: true };

  it("the reference data set passes all five", () => {
    expect(assess(passing()).checks).toEqual(allTrue);
  });
  it("threeCopies: two copies plus the primary; one copy is not enough", () => {
    const ds = passing();
    ds.copies = ds.copies!.filter((c) => c.id === "cloud");
    expect(assess(ds).checks).toEqual({ ...allTrue, threeCopies: false });
  });
  it("twoMedia: the same medium everywhere fails", () => {
    const ds = passing();
    ds.medium = "disk";
    ds.copies = ds.copies!.map((c) => ({ ...c, medium: "disk" }));
    expect(assess(ds).checks).toEqual({ ...allTrue, twoMedia: false });
  });
  it("twoMedia: an absent primary medium counts as \"primary\"", () => {
    const ds = passing();
    delete ds.medium;
    ds.copies = ds.copies!.map((c) => ({ ...c, medium: "primary" }));
    expect(assess(ds).checks).toEqual({ ...allTrue, twoMedia: false });
    ds.copies = ds.copies!.map((c) => ({ ...c, medium: "disk" }));
    expect(assess(ds).checks).toEqual(allTrue);
  });
  it("oneOffsite: no offsite or cloud copy fails; offsite alone passes", () => {
    const ds = passing();
    ds.copies = ds.copies!.map((c) => ({ ...c, location: "onsite" }));
    expect(assess(ds).checks).toEqual({ ...allTrue, oneOffsite: false });
    ds.copies = ds.copies!.map((c) => (c.id === "nas" ? { ...c, location: "offsite" } : c));
    expect(assess(ds).checks).toEqual(allTrue);
  });
  it("oneOfflineOrImmutable: online and mutable everywhere fails; offline alone passes", () => {
    const ds = passing();
    ds.copies = ds.copies!.map((c) => ({ ...c, immutable: false }));
    expect(assess(ds).checks).toEqual({ ...allTrue, oneOfflineOrImmutable: false });
    ds.copies = ds.copies!.map((c) => (c.id === "nas" ? { ...c, online: false } : c));
    expect(assess(ds).checks).toEqual(allTrue);
  });
  it("zeroUntested: one copy without a test in the window fails", () => {
    const ds = passing();
    ds.copies = ds.copies!.map((c) => (c.id === "nas" ? { ...c, lastRestoreTest: "2025-11-20" } : c));
    expect(assess(ds).checks).toEqual({ ...allTrue, zeroUntested: false });
    ds.copies = ds.copies!.map((c) => (c.id === "nas" ? { ...c, lastRestoreTest: "2025-11-21" } : c));
    expect(assess(ds).checks).toEqual(allTrue);
  });
  it("zeroUntested: no copy at all fails (nothing was ever restored)", () => {
    expect(assess({ id: "d", primary: "srv", medium: "ssd" }).checks).toEqual({
      threeCopies: false,
      twoMedia: false,
      oneOffsite: false,
      oneOfflineOrImmutable: false,
      zeroUntested: false,
    });
  });
  it("the checks use the inventory's asOf", () => {
    const ds = passing();
    expect(assess(ds, {}, "2027-09-01").checks.zeroUntested).toBe(true);
    expect(assess(ds, {}, "2027-09-02").checks.zeroUntested).toBe(false);
  });
});

/**
 * The textbook checks of shared/docs/reference-data.md that model.md covers, each built as a small
 * inventory and run through scoreInventory.
 *
 * The model computes downtime with the rare-event approximation (model.md §4: the sum over minimal
 * cut sets of w_C · Π q_i, times 8760), in the frequency form (q = λ · r' / 8760, λ in failures
 * per calendar year). Where the textbook figure is that sum it is asserted directly. Where the
 * textbook gives the exact availability figure and the sum differs from it, the test asserts the
 * sum (computed here from the published unavailabilities, never read off the engine) and checks
 * that it lies above the exact figure, as the rare-event sum of a coherent structure must.
 *
 * Published figures are printed to 7–12 significant digits; a figure is compared at relative 1e-9
 * or within half a unit of its last printed digit, whichever is looser.
 */
import { describe, expect, it } from "vitest";
import { daysBetween } from "./data-sets.js";
import {
  MITIGATIONS,
  annualizedCost,
  scoreInventory,
  validateInventory,
  type Component,
  type DataSet,
  type Inventory,
  type Requirement,
} from "./index.js";

const YEAR = 8760;

/** A component with unavailability q (λ = q per year, r = 8760 h, so λ · r / 8760 = q). */
const withQ = (id: string, q: number, rest: Partial<Component> = {}): Component => ({
  id,
  kind: "other",
  failuresPerYear: q,
  repairHours: YEAR,
  ...rest,
});

function inventory(components: Component[], requires: Requirement, extra: Partial<Inventory> = {}): Inventory {
  const inv: Inventory = {
    format: "resilience-inventory/1",
    asOf: "2026-11-21",
    organization: { name: "Textbook", currency: "USD", operatingHoursPerWeek: 168 },
    components,
    functions: [{ id: "f", downtimeCostPerHour: 1, hours: "always", requires }],
    ...extra,
  };
  const checked = validateInventory(inv);
  if (!checked.ok) throw new Error(checked.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return checked.inventory;
}

function scoreOf(inv: Inventory) {
  return scoreInventory(inv).functions[0]!;
}

function expectRel(actual: number, expected: number, tol = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

/** Compare with a figure as printed: relative 1e-9, or half a unit of its last digit. */
function expectPublished(actual: number, printed: string): void {
  const value = Number(printed);
  const mantissa = printed.toLowerCase().split("e")[0]!;
  const exponent = printed.toLowerCase().includes("e") ? Number(printed.toLowerCase().split("e")[1]) : 0;
  const decimals = mantissa.includes(".") ? mantissa.split(".")[1]!.length : 0;
  const halfUnit = 0.5 * 10 ** (exponent - decimals);
  expect(Math.abs(actual - value)).toBeLessThanOrEqual(Math.max(1e-9 * Math.abs(value), halfUnit));
}

function cutSetMap(f: ReturnType<typeof scoreOf>): Record<string, number> {
  return Object.fromEntries(f.cutSets.map((c) => [c.components.join(","), c.downtimeHoursPerYear]));
}

describe("C1 — MTTF/MTTR", () => {
  it("frequency form: f = 1/yr, d = 8 h gives exactly 8.0 h/yr", () => {
    // The model's λ counts failures per calendar year, so this is the figure it must give.
    const f = scoreOf(inventory([{ id: "server", kind: "server", failuresPerYear: 1, repairHours: 8 }], "server"));
    expectRel(f.downtimeHoursPerYear, 8.0);
    expectRel(f.expectedAnnualLoss, 8.0);
  });
  it("with the true rate 8760/8768 per year it gives D = 8·8760/8768 = 7.992700730 h/yr", () => {
    // MTTF 8760 h and MTTR 8 h make a cycle of 8768 h: 8760/8768 failures per calendar year.
    const f = scoreOf(inventory([{ id: "server", kind: "server", failuresPerYear: 8760 / 8768, repairHours: 8 }], "server"));
    expectPublished(f.downtimeHoursPerYear, "7.992700730");
  });
});

describe("C2 — parallel", () => {
  it("two servers of A = 0.99, either suffices: 0.0001 × 8760 = 0.876 h/yr (52.56 min)", () => {
    // One cut set of order 2: the rare-event sum is the exact figure here.
    const f = scoreOf(inventory([withQ("s1", 0.01), withQ("s2", 0.01)], { any: ["s1", "s2"] }));
    expectPublished(f.downtimeHoursPerYear, "0.876");
    expectPublished(f.downtimeHoursPerYear * 60, "52.56");
    expect(f.cutSets.map((c) => c.components)).toEqual([["s1", "s2"]]);
    expect(f.singlePointsOfFailure).toEqual([]);
  });
});

describe("C3 — series", () => {
  it("ISP 0.995, router 0.999, firewall 0.999, server 0.998: the sum-of-U figure 78.84 h/yr", () => {
    // The model sums the four order-1 contributions (sum-of-U); the exact product form gives
    // 78.621236 h, which the rare-event sum bounds from above.
    const f = scoreOf(
      inventory([withQ("isp", 0.005), withQ("router", 0.001), withQ("firewall", 0.001), withQ("server", 0.002)], {
        all: ["isp", "router", "firewall", "server"],
      }),
    );
    expectPublished(f.downtimeHoursPerYear, "78.84");
    expect(f.downtimeHoursPerYear).toBeGreaterThan(78.621236);
    expectPublished((1 - 0.995 * 0.999 * 0.999 * 0.998) * YEAR, "78.621236");
    expect(f.singlePointsOfFailure).toEqual(["isp", "server", "firewall", "router"]);
  });
});

describe("C4 — k-of-n", () => {
  it("2-of-3 identical, A = 0.95: three order-2 cut sets, rare-event sum 3 · 0.05² · 8760", () => {
    const f = scoreOf(inventory([withQ("a", 0.05), withQ("b", 0.05), withQ("c", 0.05)], { atLeast: 2, of: ["a", "b", "c"] }));
    expect(f.cutSets.map((c) => c.components)).toEqual([
      ["a", "b"],
      ["a", "c"],
      ["b", "c"],
    ]);
    // Exact: 1 − (3A² − 2A³) = 0.00725 ⇒ 63.51 h; the sum 0.0075 ⇒ 65.7 h is the model's figure.
    expectRel(f.downtimeHoursPerYear, 3 * 0.05 * 0.05 * YEAR);
    expectPublished((1 - 0.99275) * YEAR, "63.51");
    expect(f.downtimeHoursPerYear).toBeGreaterThan(63.51);
    expect(f.singlePointsOfFailure).toEqual([]);
  });
  it("2-of-3 with A = (0.90, 0.95, 0.99): each pair's product, summed", () => {
    const f = scoreOf(inventory([withQ("a", 0.1), withQ("b", 0.05), withQ("c", 0.01)], { atLeast: 2, of: ["a", "b", "c"] }));
    const expected = { "a,b": 0.1 * 0.05 * YEAR, "a,c": 0.1 * 0.01 * YEAR, "b,c": 0.05 * 0.01 * YEAR };
    const got = cutSetMap(f);
    expect(Object.keys(got).sort()).toEqual(Object.keys(expected));
    for (const [k, v] of Object.entries(expected)) expectRel(got[k]!, v);
    // Exact: A = 0.9936 ⇒ 56.064 h; the model's sum is 0.0065 · 8760 = 56.94 h.
    expectRel(f.downtimeHoursPerYear, 0.0065 * YEAR);
    expectPublished((1 - 0.9936) * YEAR, "56.064");
    expect(f.downtimeHoursPerYear).toBeGreaterThan(56.064);
  });
});

describe("C5 — shared UPS (common cause)", () => {
  const inv = () =>
    inventory(
      [withQ("ups", 0.001, { kind: "ups" }), withQ("s1", 0.01, { requires: "ups" }), withQ("s2", 0.01, { requires: "ups" })],
      { any: ["s1", "s2"] },
    );
  it("SPOF = {UPS}; cut sets {UPS} and {S1, S2}", () => {
    const f = scoreOf(inv());
    expect(f.singlePointsOfFailure).toEqual(["ups"]);
    expect(f.cutSets.map((c) => c.components)).toEqual([["ups"], ["s1", "s2"]]);
  });
  it("downtime is q_UPS + q_S² (rare-event sum), not the duplicated-UPS figure", () => {
    // Exact: 1 − 0.999 · (1 − 0.01²) ⇒ 9.635124 h; the rare-event sum is (0.001 + 0.0001) · 8760
    // = 9.636 h. Treating the UPS as two independent copies would give 1.058034 h.
    const f = scoreOf(inv());
    expectRel(f.downtimeHoursPerYear, (0.001 + 0.01 * 0.01) * YEAR);
    expectPublished((1 - 0.999 * (1 - 0.01 ** 2)) * YEAR, "9.635124");
    expectRel(f.downtimeHoursPerYear, 9.635124, 1e-4);
    expect(f.downtimeHoursPerYear).toBeGreaterThan(9.635124);
    expectPublished((1 - 0.99 * 0.999) ** 2 * YEAR, "1.058034");
  });
});

describe("C6 — two ISPs in one conduit", () => {
  const conduit: Component = { id: "conduit", kind: "site", failuresPerYear: 0.2, repairHours: 24 };
  it("with the explicit shared node: {conduit} 4.8 h and {isp1, isp2} 0.219 h", () => {
    const f = scoreOf(
      inventory([conduit, withQ("isp1", 0.005, { requires: "conduit" }), withQ("isp2", 0.005, { requires: "conduit" })], {
        any: ["isp1", "isp2"],
      }),
    );
    expect(f.singlePointsOfFailure).toEqual(["conduit"]);
    const got = cutSetMap(f);
    expect(Object.keys(got).sort()).toEqual(["conduit", "isp1,isp2"]);
    // U_c = 0.2 · 24 / 8760 = 0.000547945 ⇒ 4.8 h.
    expectPublished(got["conduit"]! / YEAR, "0.000547945");
    expectRel(got["conduit"]!, 4.8);
    expectPublished(got["isp1,isp2"]!, "0.2190");
    // Exact: 1 − (1 − U_c)(1 − 0.005²) ⇒ 5.018880 h; the rare-event sum is 4.8 + 0.219 = 5.019 h.
    expectRel(f.downtimeHoursPerYear, 4.8 + 0.219);
    expectPublished((1 - (1 - 4.8 / YEAR) * (1 - 0.005 ** 2)) * YEAR, "5.018880");
    expect(f.downtimeHoursPerYear).toBeGreaterThan(5.01888);
  });
  it("the naive model without the conduit gives 0.005² · 8760 = 0.2190 h", () => {
    const f = scoreOf(inventory([withQ("isp1", 0.005), withQ("isp2", 0.005)], { any: ["isp1", "isp2"] }));
    expectPublished(f.downtimeHoursPerYear, "0.2190");
  });
});

describe("C7 — failover (the terms the model has)", () => {
  // The textbook's active-passive figure adds a failure-to-start probability and the standby's
  // unavailability during repair (2 · 0.06 · 24 h); the model has neither, so only the
  // switch-over term and the no-failover and active-active pair terms are checked.
  const primary: Component = { id: "primary", kind: "server", failuresPerYear: 2, repairHours: 24 };
  it("no failover: 2/yr × 24 h = 48 h/yr", () => {
    expectRel(scoreOf(inventory([primary], "primary")).downtimeHoursPerYear, 48);
  });
  it("active-passive, t_fo = 0.25 h: the switch-over contributes 2 · 0.25 = 0.5 h/yr", () => {
    const standby: Component = { id: "standby", kind: "server", failuresPerYear: 0, repairHours: 24 };
    const f = scoreOf(inventory([primary, standby], { any: ["primary", "standby"], id: "pair", failoverMinutes: 15 }));
    const got = cutSetMap(f);
    expectRel(got["failover:pair"]!, 0.5);
  });
  it("active-active, two nodes of 2/yr × 24 h: 8760 · (48/8760)² = 0.26301 h/yr", () => {
    const f = scoreOf(inventory([primary, { ...primary, id: "second" }], { any: ["primary", "second"] }));
    expectPublished(f.downtimeHoursPerYear, "0.26301");
  });
});

describe("C8 — AND/OR dependency graph with shared nodes", () => {
  const q = {
    srv: 0.002,
    ups: 0.0005,
    grid: 0.0004,
    gen: 0.05,
    nas: 0.003,
    conduit: 0.0002,
    modem1: 0.005,
    modem2: 0.003,
    cloud: 0.001,
    alice: 0.05,
    bob: 0.05,
  };
  // Success logic, as requirements (every component listed once, so shared nodes are shared).
  const pwr: Requirement = { all: ["ups", { any: ["grid", "gen"] }] };
  const net: Requirement = { all: ["conduit", { any: ["modem1", "modem2"] }, pwr] };
  const data: Requirement = { any: [{ all: ["nas", pwr] }, { all: [net, "cloud"] }] };
  const app: Requirement = { all: ["srv", pwr] };
  const ppl: Requirement = { any: ["alice", "bob"] };
  const f = () => scoreOf(inventory(Object.entries(q).map(([id, u]) => withQ(id, u)), { all: [app, data, ppl] }));

  it("has exactly the published minimal cut sets", () => {
    expect(f().cutSets.map((c) => c.components.join(",")).sort()).toEqual(
      ["srv", "ups", "gen,grid", "cloud,nas", "conduit,nas", "modem1,modem2,nas", "alice,bob"].sort(),
    );
  });
  it("SPOFs = {SRV, UPS}, largest first (CONDUIT is not one: the local NAS path is an alternative)", () => {
    expect(f().singlePointsOfFailure).toEqual(["srv", "ups"]);
  });
  it("the rare-event sum 5.023645e-3 × 8760 is the model's figure (exact: 43.942602 h)", () => {
    const result = f();
    expectPublished(result.downtimeHoursPerYear / YEAR, "5.023645e-3");
    expectRel(result.downtimeHoursPerYear, 5.023645e-3 * YEAR);
    expect(result.downtimeHoursPerYear).toBeGreaterThan(43.942602);
    // The regression the textbook warns about: treating PWR as independent copies gives 43.964018 h.
    expect(Math.abs(result.downtimeHoursPerYear - 43.964018)).toBeGreaterThan(0.01);
  });
  it("each cut set contributes the product of its members' unavailabilities", () => {
    const got = cutSetMap(f());
    const expected: Record<string, number> = {
      srv: q.srv,
      ups: q.ups,
      "gen,grid": q.gen * q.grid,
      "cloud,nas": q.cloud * q.nas,
      "conduit,nas": q.conduit * q.nas,
      "modem1,modem2,nas": q.modem1 * q.modem2 * q.nas,
      "alice,bob": q.alice * q.bob,
    };
    for (const [k, v] of Object.entries(expected)) expectRel(got[k]!, v * YEAR);
  });
});

describe("C9 — physical topology, directed", () => {
  it("PC1 → SW → FW → {ISP1, ISP2}: the single-node cuts are the strict dominators PC1, SW, FW", () => {
    const f = scoreOf(
      inventory(
        [
          withQ("isp1", 0.001, { kind: "internet" }),
          withQ("isp2", 0.001, { kind: "internet" }),
          withQ("fw", 0.001, { kind: "network", requires: { any: ["isp1", "isp2"] } }),
          withQ("sw", 0.001, { kind: "network", requires: "fw" }),
          withQ("pc1", 0.001, { kind: "endpoint", requires: "sw" }),
        ],
        "pc1",
      ),
    );
    expect([...f.singlePointsOfFailure].sort()).toEqual(["fw", "pc1", "sw"]);
    // Node connectivity FW–NET = 2: the smallest cut beyond the firewall has two members.
    expect(f.cutSets.filter((c) => c.components.length > 1).map((c) => c.components)).toEqual([["isp1", "isp2"]]);
  });
});

describe("C10 — M1, a 5G backup line", () => {
  it("baseline ISP 2/yr × 8 h at $400/h is $6 400; with the backup 0.05 h per event + 0.02 × 8 h = 0.42 h/yr ($168)", () => {
    const isp: Component = { id: "isp", kind: "internet", failuresPerYear: 2, repairHours: 8 };
    const before = scoreOf(inventory([isp], "isp"));
    expectRel(before.downtimeHoursPerYear * 400, 6400);
    // The model's terms: switch-over λ · t_fo = 2 · 0.05 h, and the pair {isp, lte} = 2 · 8 h · q_lte.
    const lte = withQ("lte", 0.02, { kind: "internet" });
    const after = scoreOf(inventory([isp, lte], { any: ["isp", "lte"], id: "wan", failoverMinutes: 3 }));
    expectPublished(after.downtimeHoursPerYear, "0.42");
    expectRel(after.downtimeHoursPerYear * 400, 168);
    expectRel((before.downtimeHoursPerYear - after.downtimeHoursPerYear) * 400, 6232);
  });
  it("the catalogue's second line costs K = $300 / 3 yr + 12 × $30 = $460, so ΔALE/K = 13.547826", () => {
    const line = MITIGATIONS.find((m) => m.id === "second-internet-line")!;
    const inv = inventory([{ id: "isp", kind: "internet" }], "isp");
    const k = annualizedCost(line.defaultCost(inv, ["isp"], 50));
    expectRel(k, 460);
    expectPublished(6232 / k, "13.547826");
  });
});

describe("C11 — RPO", () => {
  const ds = (intervalHours: number): DataSet => ({
    id: "books",
    primary: "srv",
    dataLossCostPerHour: 150,
    copies: [{ id: "backup", location: "cloud", medium: "object-storage", intervalHours, immutable: true, lastRestoreTest: "2026-10-01" }],
  });
  const lost = (intervalHours: number) =>
    scoreInventory(inventory([withQ("srv", 0.001)], "srv", { dataSets: [ds(intervalHours)] })).dataSets[0]!.scenarios;
  it("nightly backups at $150 per hour of work: 12 h ⇒ $1 800 per incident", () => {
    for (const s of lost(24)) expectRel(s.lostCost, 1800);
  });
  it("hourly snapshots: $75 per incident", () => {
    for (const s of lost(1)) expectRel(s.lostCost, 75);
  });
});

describe("C12 — 3-2-1-1-0", () => {
  // A: primary SSD in the office; NAS (HDD, office, online); USB HDD (office, offline). The last
  // restore test, 200 days ago, was from the NAS; the USB disk was never restored. The model's
  // window is 365 days (model.md §5), so it is the untested USB copy that fails "0 untested".
  const asOf = "2026-11-21";
  const inventoryA: DataSet = {
    id: "files",
    primary: "srv",
    medium: "ssd",
    copies: [
      { id: "nas", location: "onsite", medium: "hdd", intervalHours: 24, online: true, lastRestoreTest: "2026-05-05" },
      { id: "usb", location: "onsite", medium: "hdd", intervalHours: 168, online: false },
    ],
  };
  // B = A + a cloud object copy with object lock, and a restore test of every copy 30 days ago.
  const inventoryB: DataSet = {
    ...inventoryA,
    copies: [
      ...inventoryA.copies!.map((c) => ({ ...c, lastRestoreTest: "2026-10-22" })),
      { id: "cloud", location: "cloud", medium: "object-storage", intervalHours: 24, immutable: true, lastRestoreTest: "2026-10-22" },
    ],
  };
  const checksOf = (ds: DataSet) =>
    scoreInventory(inventory([withQ("srv", 0.001)], "srv", { asOf, dataSets: [ds] })).dataSets[0]!.checks;

  it("the dates are 200 and 30 days before asOf", () => {
    expect(daysBetween("2026-05-05", asOf)).toBe(200);
    expect(daysBetween("2026-10-22", asOf)).toBe(30);
  });
  it("A: 3 copies ✓, 2 media ✓, off-site ✗, offline ✓, verified ✗ ⇒ 3-2-1 fails, 3-2-1-1-0 fails", () => {
    const c = checksOf(inventoryA);
    expect(c).toEqual({ threeCopies: true, twoMedia: true, oneOffsite: false, oneOfflineOrImmutable: true, zeroUntested: false });
    expect(c.threeCopies && c.twoMedia && c.oneOffsite).toBe(false);
  });
  it("B: every rule ✓ ⇒ 3-2-1 passes, 3-2-1-1-0 passes", () => {
    const c = checksOf(inventoryB);
    expect(c).toEqual({ threeCopies: true, twoMedia: true, oneOffsite: true, oneOfflineOrImmutable: true, zeroUntested: true });
  });
  it("under the model's 365-day window a 200-day-old test of every copy counts as tested", () => {
    const everyCopyAt200Days: DataSet = { ...inventoryA, copies: inventoryA.copies!.map((c) => ({ ...c, lastRestoreTest: "2026-05-05" })) };
    expect(checksOf(everyCopyAt200Days).zeroUntested).toBe(true);
  });
});

describe("C14 — UPS runtime against exponential outages", () => {
  // Mean outage 120 min (r = 2 h), SAIFI 1.4. The UPS itself never fails here (λ = 0), so the
  // utility's cut set carries the whole effect: w = e^(−T/d) with T = runtime, d = 2 h.
  const run = (runtimeMinutes: number) =>
    scoreOf(
      inventory(
        [
          { id: "utility", kind: "power", failuresPerYear: 1.4, repairHours: 2 },
          { id: "ups", kind: "ups", failuresPerYear: 0, repairHours: 48, runtimeMinutes, requires: "utility" },
        ],
        "ups",
      ),
    );
  const utilitySet = (f: ReturnType<typeof run>) => f.cutSets.find((c) => c.components.join() === "utility")!;

  it("15 min covers P = 0.1175030974 of outages: weight e^(−0.25/2) per event", () => {
    const set = utilitySet(run(15));
    expectPublished(1 - set.weight, "0.1175030974");
    expectRel(set.weight, Math.exp(-0.25 / 2));
    expectRel(set.rideThroughHours, 0.25);
    expectRel(set.meanJointOutageHours, 2);
  });
  it("15 min leaves 105.89962831 min per event, 2.47099133 h/yr against 2.8 h/yr without UPS", () => {
    const f = run(15);
    const set = utilitySet(f);
    expectPublished((set.downtimeHoursPerYear / 1.4) * 60, "105.89962831");
    expectPublished(set.downtimeHoursPerYear, "2.47099133");
    expectPublished(f.downtimeHoursPerYear, "2.47099133");
    expectRel(run(0).downtimeHoursPerYear, 2.8);
  });
  it("60 min leaves 72.78367917 min per event", () => {
    expectPublished((utilitySet(run(60)).downtimeHoursPerYear / 1.4) * 60, "72.78367917");
  });
});

describe("C15 — key person", () => {
  // f = 0.5/yr, MTTR 6 h when the admin is reachable, 48 h otherwise: absenceWaitHours = 42.
  const build = (people: string[]) =>
    inventory(
      [{ id: "server", kind: "server", failuresPerYear: 0.5, repairHours: 6, knownBy: people }],
      "server",
      {
        organization: { name: "Textbook", currency: "USD", operatingHoursPerWeek: 168, absenceWaitHours: 42 },
        people: [
          { id: "alice", availability: 0.9 },
          { id: "bob", availability: 0.9 },
        ],
        functions: [{ id: "f", downtimeCostPerHour: 400, hours: "always", requires: "server" }],
      },
    );
  it("Alice reachable 90 %: r' = 6 + 0.1 · 42 = 10.2 h ⇒ 5.1 h/yr ($2 040)", () => {
    const scores = scoreInventory(build(["alice"]));
    expectRel(scores.components[0]!.effectiveRepairHours, 10.2);
    expectRel(scores.functions[0]!.downtimeHoursPerYear, 5.1);
    expectRel(scores.functions[0]!.expectedAnnualLoss, 2040);
  });
  it("with cross-trained Bob: r' = 6 + 0.01 · 42 = 6.42 h ⇒ 3.21 h/yr ($1 284)", () => {
    const scores = scoreInventory(build(["alice", "bob"]));
    expectRel(scores.components[0]!.effectiveRepairHours, 6.42);
    expectRel(scores.functions[0]!.downtimeHoursPerYear, 3.21);
    expectRel(scores.functions[0]!.expectedAnnualLoss, 1284);
  });
  it("the cross-training mitigation is worth ΔALE = $756 a year", () => {
    const before = build(["alice"]);
    const training = MITIGATIONS.find((m) => m.id === "cross-training")!;
    const after = training.apply(before, ["server"]);
    expect(after.components![0]!.knownBy).toEqual(["alice", "bob"]);
    expectRel(scoreInventory(before).expectedAnnualLoss - scoreInventory(after).expectedAnnualLoss, 756);
  });
});

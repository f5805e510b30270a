import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { expectReproduces } from "../tests/support/compare.js";
import { loadExamples, REPO_ROOT } from "../tests/support/examples.js";
import { assessInventory } from "../lib/engine/index.js";
import { lineAndColumn, parseJson, runAssess, today, USAGE } from "./assess.js";
import { formatReport } from "./report.js";

const run = promisify(execFile);
const examples = loadExamples();
const readReal = (p: string) => readFileSync(p, "utf8");
const files = (content: Record<string, string>) => (p: string) => {
  if (p in content) return content[p]!;
  throw Object.assign(new Error("missing"), { code: "ENOENT" });
};

/** The real command, as a user runs it: a separate process through tsx. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "cli/assess.ts"), ...args], {
      cwd: REPO_ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run assess", () => {
  for (const example of examples) {
    it(`--json reproduces ${example.name}`, () => {
      const result = runAssess([example.file, "--json"], readReal);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expectReproduces(JSON.parse(result.stdout), example.expected, example.name);
    });
  }

  it("as a real process prints the assessment JSON and nothing else", async () => {
    const example = examples.find((e) => e.name === "northwind-parts")!;
    const result = await cli([example.file, "--json"]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.format).toBe("resilience-assessment/1");
    expectReproduces(parsed, example.expected, "northwind via process");
  });

  it("as a real process exits 2 on a bad option and on a missing file, without a stack trace", async () => {
    const result = await cli([path.join(REPO_ROOT, "package.json"), "--order", "9"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^--order: must be a whole number from 1 to 6 \(got 9\)/);
    const missing = await cli(["does-not-exist.json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("does-not-exist.json: cannot read the file (no such file)\n");
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it("reports malformed JSON with its line and column", () => {
    const result = runAssess(["inv.json"], files({ "inv.json": '{\n  "format": "resilience-inventory/1",\n  "organization": { "name": "x", }\n}' }));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^inv\.json: the file is not valid JSON \(line 3, column 34\): /);
  });

  it("reports an empty file as malformed JSON at its end", () => {
    const parsed = parseJson("");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.message).toMatch(/^the file is not valid JSON \(line 1, column 1\)/);
  });

  it("lists every problem of an invalid inventory, one per line with its path", () => {
    const doc = {
      format: "resilience-inventory/1",
      asOf: "2026-11-21",
      organization: { name: "Acme", currency: "USD", operatingHoursPerWeek: 200 },
      components: [{ id: "srv", kind: "server", failuresPerYear: -1 }],
      functions: [{ id: "sales", downtimeCostPerHour: 100, requires: { any: ["srv", "nas-2"] } }],
    };
    const result = runAssess(["inv.json"], files({ "inv.json": JSON.stringify(doc) }));
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      "organization.operatingHoursPerWeek: must be at most 168",
      "components[0].failuresPerYear: must be at least 0",
    ]);
    const fixed = { ...doc, organization: { ...doc.organization, operatingHoursPerWeek: 40 }, components: [{ id: "srv", kind: "server" }] };
    const second = runAssess(["inv.json"], files({ "inv.json": JSON.stringify(fixed) }));
    expect(second.stderr).toBe('functions[0].requires.any[1]: unknown component "nas-2"\n');
  });

  it("uses the date it is given when the inventory has no asOf", () => {
    const inv = JSON.parse(readFileSync(examples.find((e) => e.name === "harbor-dental")!.file, "utf8"));
    delete inv.asOf;
    // The cloud copy was restore-tested on 2026-06-02: tested on 2026-11-21, untested two years on.
    const now = JSON.parse(runAssess(["x.json", "--json"], files({ "x.json": JSON.stringify(inv) }), "2026-11-21").stdout);
    const later = JSON.parse(runAssess(["x.json", "--json"], files({ "x.json": JSON.stringify(inv) }), "2028-11-21").stdout);
    expect(now.asOf).toBe("2026-11-21");
    expect(now.dataSets[0].expectedAnnualLoss).toBeCloseTo(306, 9);
    expect(later.dataSets[0].expectedAnnualLoss).toBeGreaterThan(306);
  });

  it("keeps the plan within --budget (first-year cash)", () => {
    const example = examples.find((e) => e.name === "ledger-accounting")!;
    const free = JSON.parse(runAssess([example.file, "--json"], readReal).stdout);
    const limited = JSON.parse(runAssess([example.file, "--json", "--budget", "500"], readReal).stdout);
    const spend = (plan: Array<{ firstYearCost: number }>) => plan.reduce((s, p) => s + p.firstYearCost, 0);
    expect(spend(free.plan)).toBeGreaterThan(500);
    expect(spend(limited.plan)).toBeLessThanOrEqual(500);
    expect(limited.plan.length).toBeGreaterThan(0);
    expect(limited.overBudget.length).toBeGreaterThan(0);
  });

  it("uses the prices and effects of an --overrides file, and refuses a bad one with its path", () => {
    const example = examples.find((e) => e.name === "harbor-dental")!;
    const inventory = readReal(example.file);
    const assess = (overrides: unknown, more: string[] = []) =>
      runAssess(["inv.json", "--json", "--overrides", "o.json", ...more], files({ "inv.json": inventory, "o.json": JSON.stringify(overrides) }), "2026-11-21");
    const plain = JSON.parse(runAssess(["inv.json", "--json"], files({ "inv.json": inventory }), "2026-11-21").stdout);
    const first = plain.plan[0];
    const cheaper = assess({ costs: { [first.mitigation]: { upfront: first.upfront / 2 } } });
    expect(cheaper.code, cheaper.stderr).toBe(0);
    const withCost = JSON.parse(cheaper.stdout);
    const same = withCost.plan.find((p: { mitigation: string }) => p.mitigation === first.mitigation);
    expect(same.upfront).toBe(first.upfront / 2);
    // The same figures as the library given the same options.
    const library = assessInventory(JSON.parse(inventory), { asOf: "2026-11-21", costOverrides: { [first.mitigation]: { upfront: first.upfront / 2 } } });
    expect(library.ok && JSON.stringify(library.assessment)).toBe(JSON.stringify(withCost));

    const withEffect = JSON.parse(assess({ effects: { "faster-support-contract": { responseHours: 2 } } }).stdout);
    const titles = [...withEffect.plan, ...withEffect.notWorthIt].map((p: { title: string }) => p.title);
    expect(titles.filter((t: string) => t.includes("support contract"))).toEqual(["Buy a 2-hour on-site support contract", "Buy a 2-hour on-site support contract"]);

    const bad = assess({ effects: { ups: { runtimeMinutes: 0 } }, costs: { ups: { lifeYears: "four" } } });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toBe("o.json: costs.ups.lifeYears: must be a number\no.json: effects.ups.runtimeMinutes: must be greater than 0\n");
    const malformed = runAssess(["inv.json", "--overrides", "o.json"], files({ "inv.json": inventory, "o.json": "{ costs: 1 }" }));
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^o\.json: the file is not valid JSON \(line 1, column 3\)/);
    expect(runAssess(["inv.json", "--overrides", "missing.json"], files({ "inv.json": inventory })).stderr).toBe("missing.json: cannot read the file (no such file)\n");
    expect(runAssess(["inv.json", "--overrides"], files({ "inv.json": inventory })).stderr).toBe(`--overrides: needs the name of a JSON file of prices and effects (got nothing)\n${USAGE}\n`);
    expect(runAssess(["inv.json", "--overrides", "a.json", "--overrides", "b.json"], files({})).stderr).toBe(`--overrides: given twice; give it once\n${USAGE}\n`);
  });

  it("names a component and a data set that share an id each where it belongs", () => {
    const example = examples.find((e) => e.name === "harbor-dental")!;
    const inventory = JSON.parse(readFileSync(example.file, "utf8")) as { components: Array<{ id: string; name?: string }>; dataSets: Array<{ id: string; name?: string }> };
    const server = inventory.components.find((c) => c.id === "pms")!;
    inventory.dataSets[0]!.id = "pms";
    const result = assessInventory(inventory, { asOf: "2026-11-21" });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const report = formatReport(result.assessment);
    expect(report).toContain(`If ${server.name} fails`);
    expect(report).not.toContain(`If ${inventory.dataSets[0]!.name} fails`);
  });

  it("refuses a short option, a repeated one and an empty file name; names read errors in words; caps thousands of problems", () => {
    expect(runAssess(["x.json", "-j"], readReal)).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option -j") });
    expect(runAssess(["x.json", "--budget", "5", "--budget", "6"], readReal)).toMatchObject({ code: 2, stderr: expect.stringContaining("--budget: given twice") });
    expect(runAssess([""], readReal)).toMatchObject({ code: 2, stderr: expect.stringContaining("no inventory file given") });
    const notDir = runAssess(["x.json"], () => {
      throw Object.assign(new Error("ENOTDIR: not a directory"), { code: "ENOTDIR" });
    });
    expect(notDir.stderr).toBe("x.json: cannot read the file (a folder on the way is a file)\n");
    const many = {
      format: "resilience-inventory/1",
      asOf: "2026-11-21",
      organization: { name: "Many", currency: "EUR", operatingHoursPerWeek: 40 },
      components: Array.from({ length: 500 }, (_, i) => ({ id: `c${i}`, kind: "nonsense" })),
    };
    const result = runAssess(["many.json"], () => JSON.stringify(many));
    const lines = result.stderr.trimEnd().split("\n");
    expect(result.code).toBe(2);
    expect(lines).toHaveLength(201);
    expect(lines.at(-1)).toBe("… and 300 more problems like these");
    expect(lines[0]).toMatch(/^components\[0\]\.kind: /);
  });

  it("takes today as the local date, not UTC's", () => {
    // 23:30 local time on the 7th: whatever the machine's zone, the local calendar day is the 7th.
    expect(today(new Date(2026, 11, 7, 23, 30))).toBe("2026-12-07");
    expect(today(new Date(2026, 0, 1, 0, 5))).toBe("2026-01-01");
  });

  it("says what the plan's item limit left out as also worth it, not as over a budget", () => {
    const example = examples.find((e) => e.name === "northwind-parts")!;
    const result = assessInventory(JSON.parse(readFileSync(example.file, "utf8")), { asOf: "2026-11-21", maxItems: 2 });
    if (!result.ok) throw new Error("northwind-parts");
    const report = formatReport(result.assessment);
    expect(report).toContain("Also worth it, after the plan's first 2 steps");
    expect(report).toContain(result.assessment.beyondItemLimit[0]!.title);
    expect(report).not.toContain("over the budget");
  });

  it("prints a readable report: functions by loss, SPOFs with hours and money, checks, the plan", () => {
    const example = examples.find((e) => e.name === "harbor-dental")!;
    const { stdout, code } = runAssess([example.file], readReal);
    expect(code).toBe(0);
    expect(stdout).toContain("Expected loss per year: $5,581");
    expect(stdout.indexOf("Patient scheduling")).toBeLessThan(stdout.indexOf("Email "));
    expect(stdout).toContain("If Practice management server fails, Patient scheduling stops: about 20 h a year, about $2,679.");
    expect(stdout).toContain("[ ] every copy restore-tested this year");
    expect(stdout).toMatch(/#\s+Action\s+Target\s+Cost\/yr\s+Saves\/yr\s+Payback\s+Loss after/);
    expect(stdout).toContain("Not worth it at this cost of downtime");
  });

  it("refuses unknown options and missing files with the usage line", () => {
    expect(runAssess(["--frobnicate"], readReal)).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option --frobnicate") });
    expect(runAssess([], readReal)).toMatchObject({ code: 2, stderr: expect.stringContaining("usage: npm run assess") });
    expect(runAssess(["a.json", "--budget", "-5"], readReal)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^--budget: must be a number of at least 0/) });
  });

  describe("--budget", () => {
    // Options are checked before the file is read: a bad option never opens it.
    const unread = (p: string): string => {
      throw new Error(`read ${p} although an option was bad`);
    };
    const refused: Array<[string, string]> = [
      ["", '""'],
      [" ", '" "'],
      ["abc", "abc"],
      ["12abc", "12abc"],
      ["0x10", "0x10"],
      ["-5", "-5"],
      ["-0.01", "-0.01"],
      ["Infinity", "Infinity"],
      ["1e999", "1e999"],
    ];
    for (const [raw, got] of refused) {
      it(`refuses --budget ${JSON.stringify(raw)} with exit code 2 and one line naming the option`, () => {
        const result = runAssess(["a.json", "--budget", raw, "--json"], unread);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr).toBe(`--budget: must be a number of at least 0, the first-year cash limit, such as 500 (got ${got})\n${USAGE}\n`);
      });
    }

    it("refuses --budget with no value after it", () => {
      const result = runAssess(["a.json", "--budget"], unread);
      expect(result.code).toBe(2);
      expect(result.stderr.split("\n")[0]).toBe("--budget: must be a number of at least 0, the first-year cash limit, such as 500 (got nothing)");
    });

    it("accepts 0, decimals and exponents as the budget", () => {
      const example = examples.find((e) => e.name === "ledger-accounting")!;
      for (const [raw, value] of [["0", 0], ["250.5", 250.5], ["1e3", 1000]] as const) {
        const result = runAssess([example.file, "--json", "--budget", raw], readReal, "2026-11-21");
        expect(result.code).toBe(0);
        const out = JSON.parse(result.stdout);
        expect(out.budget).toBe(value);
        expect(out.plan.reduce((s: number, p: { firstYearCost: number }) => s + p.firstYearCost, 0)).toBeLessThanOrEqual(value);
      }
    });

    it('as a real process exits 2 on --budget "" instead of planning with a budget of 0', async () => {
      const example = examples.find((e) => e.name === "ledger-accounting")!;
      const result = await cli([example.file, "--json", "--budget", ""]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr.split("\n")[0]).toBe('--budget: must be a number of at least 0, the first-year cash limit, such as 500 (got "")');
    });
  });

  it('refuses --order "" and other non-numbers like any bad order', () => {
    for (const [raw, got] of [["", '""'], ["two", "two"], [" 2", " 2"], ["0x2", "0x2"]]) {
      const result = runAssess(["a.json", "--order", raw!], readReal);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`--order: must be a whole number from 1 to 6 (got ${got})\n${USAGE}\n`);
    }
  });

  describe("--order", () => {
    const asOf = "2026-11-21";
    const northwind = examples.find((e) => e.name === "northwind-parts")!;
    const sizes = (out: { functions: Array<{ cutSets: Array<{ components: string[] }> }> }) =>
      out.functions.flatMap((f) => f.cutSets.map((c) => c.components.length));

    for (const order of [1, 2]) {
      it(`--order ${order} keeps cut sets to ${order} members and prints what the library gives with maxOrder ${order}`, () => {
        const result = runAssess([northwind.file, "--json", "--order", String(order)], readReal, asOf);
        expect(result.code).toBe(0);
        expect(result.stderr).toBe("");
        const out = JSON.parse(result.stdout);
        expect(out.maxOrder).toBe(order);
        expect(sizes(out).length).toBeGreaterThan(0);
        expect(Math.max(...sizes(out))).toBeLessThanOrEqual(order);
        const library = assessInventory(northwind.inventory, { asOf, maxOrder: order });
        if (!library.ok) throw new Error(JSON.stringify(library.problems));
        expect(out).toEqual(JSON.parse(JSON.stringify(library.assessment)));
      });
    }

    it("--order 1 drops the order-2 cut sets that the default order lists", () => {
      const full = JSON.parse(runAssess([northwind.file, "--json"], readReal, asOf).stdout);
      const first = JSON.parse(runAssess([northwind.file, "--json", "--order", "1"], readReal, asOf).stdout);
      expect(sizes(full)).toContain(2);
      expect(sizes(first)).not.toContain(2);
      // The single points of failure do not depend on the order limit.
      expect(first.functions.map((f: { singlePointsOfFailure: string[] }) => f.singlePointsOfFailure)).toEqual(
        full.functions.map((f: { singlePointsOfFailure: string[] }) => f.singlePointsOfFailure),
      );
      expect(first.functions.some((f: { truncated: boolean }) => f.truncated)).toBe(true);
    });

    it("--order 2 drops a cut set of three that the default order 3 lists", () => {
      // Any of three servers keeps the function up: its only minimal cut set is all three.
      const doc = {
        format: "resilience-inventory/1",
        asOf,
        organization: { name: "Trio", currency: "USD", operatingHoursPerWeek: 40 },
        components: ["s1", "s2", "s3"].map((id) => ({ id, kind: "server", failuresPerYear: 2, repairHours: 100 })),
        functions: [{ id: "f", downtimeCostPerHour: 10, hours: "always", requires: { any: ["s1", "s2", "s3"] } }],
      };
      const read = files({ "trio.json": JSON.stringify(doc) });
      const three = JSON.parse(runAssess(["trio.json", "--json"], read, asOf).stdout);
      const two = JSON.parse(runAssess(["trio.json", "--json", "--order", "2"], read, asOf).stdout);
      // q = 2 · 100 / 8760 each; the one cut set contributes 8760 · q³.
      const q = (2 * 100) / 8760;
      expect(three.functions[0].cutSets.map((c: { components: string[] }) => c.components)).toEqual([["s1", "s2", "s3"]]);
      expect(three.functions[0].downtimeHoursPerYear).toBeCloseTo(8760 * q ** 3, 12);
      expect(two.functions[0].cutSets).toEqual([]);
      expect(two.functions[0].truncated).toBe(true);
      expect(two.functions[0].downtimeHoursPerYear).toBe(0);
    });
  });

  it("computes line and column from an offset", () => {
    expect(lineAndColumn("ab\ncd\nef", 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn("", 0)).toEqual({ line: 1, column: 1 });
  });
});

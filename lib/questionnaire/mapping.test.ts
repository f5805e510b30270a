import { describe, expect, it } from "vitest";
import { ComponentSchema, CopySchema, DataSetSchema, FunctionSchema, InventorySchema, OrganizationSchema, PersonSchema, type Inventory } from "@/lib/engine/schema";
import { validateInventory } from "@/lib/engine/validate";
import { AnswersSchema, emptyAnswers } from "./answers";
import { answersToInventory, buildInventory, inventoryToAnswers } from "./mapping";
import { findAnswerProblems } from "./validate";
import { loadExampleInventories, normalizeJson } from "./test-support";

const examples = loadExampleInventories();

/** Every field the inventory format has, each set to a value different from its default. */
const kitchenSink: Inventory = {
  format: "resilience-inventory/1",
  asOf: "2026-03-01",
  organization: {
    name: "Sink & Sons",
    currency: "GBP",
    operatingHoursPerWeek: 45,
    absenceWaitHours: 60,
    vendorResponseHours: 12,
    unmonitoredDetectionHours: 100,
    untestedRestoreFailure: 0.3,
    lossScenarios: { device: 0.02, site: 0.01, ransomware: 0.04 },
    staffCostPerHour: 35,
    yearlyRevenue: 520_000,
    staffCount: 7,
    notes: "Reviewed with Ann on site.",
  },
  people: [{ id: "ann", name: "Ann", availability: 0.8 }, { id: "bo" }],
  components: [
    { id: "duct", name: "Shared duct", kind: "site", failuresPerYear: 0.1, repairHours: 48 },
    { id: "grid", kind: "power" },
    { id: "ups", name: "UPS", kind: "ups", runtimeMinutes: 15, requires: "grid", knownBy: ["ann", "bo"], monitored: false, notes: "In the cupboard" },
    { id: "line-a", name: "Fiber line (Metro)", kind: "internet", requires: { all: ["ups", "duct"] } },
    { id: "line-b", name: "Some wireless link", kind: "internet", requires: "duct", monitored: false, provider: "AirCo", technology: "mobile" },
    { id: "router", name: "Router", kind: "network", requires: { all: ["ups", { any: ["line-a", "line-b"], id: "wan", failoverMinutes: 3 }] }, knownBy: [], supportResponseHours: 8, hasRunbook: true },
    { id: "srv", name: "Server", kind: "server", requires: { atLeast: 1, of: ["ups", "grid"] }, knownBy: ["ann"], hasRunbook: false },
    { id: "crm", name: "CRM", kind: "saas", failuresPerYear: 2, repairHours: 1.5, requires: "router" },
    { id: "misc", kind: "other" },
  ],
  functions: [
    { id: "sales", name: "Sales", downtimeCostPerHour: 300, hours: "always", rtoHours: 2, requires: { all: ["crm", "srv"] }, template: "payments", revenueShare: 0.9, staffShare: 0.2 },
    { id: "files", downtimeCostPerHour: 0, requires: "srv" },
  ],
  dataSets: [
    {
      id: "db",
      name: "Database",
      primary: "srv",
      medium: "ssd",
      dataLossCostPerHour: 80,
      totalLossCost: 90000,
      rpoHours: 12,
      lossScenarios: { ransomware: 0.07 },
      sizeGb: 250,
      copies: [
        { id: "nas", location: "onsite", medium: "nas", intervalHours: 24, online: true, immutable: false, lastRestoreTest: "2026-01-15" },
        { id: "usb", location: "offsite", medium: "usb", intervalHours: 168, online: false },
      ],
    },
    { id: "empty-copies", primary: "crm", copies: [] },
    { id: "no-copies", primary: "srv" },
  ],
};

/** A small shop with the given components and functions, in the form an export gives back. */
function shop(parts: Pick<Inventory, "components" | "functions">): Inventory {
  return {
    format: "resilience-inventory/1",
    asOf: "2026-03-01",
    organization: { name: "Shop", currency: "USD", operatingHoursPerWeek: 50 },
    people: [],
    dataSets: [],
    ...parts,
  };
}

describe("inventory → answers → inventory", () => {
  it("covers all five shared examples", () => {
    expect(examples.map((e) => e.name)).toEqual(["corner-bistro", "harbor-dental", "hilltop-pharmacy", "ledger-accounting", "northwind-parts"]);
  });

  for (const { name, inventory } of examples) {
    it(`gives back ${name} unchanged`, () => {
      const answers = inventoryToAnswers(inventory);
      expect(AnswersSchema.safeParse(answers).success).toBe(true);
      const back = answersToInventory(answers, inventory.asOf);
      expect(normalizeJson(back)).toEqual(normalizeJson(inventory));
    });

    it(`loads ${name} with nothing missing and a valid inventory`, () => {
      const answers = inventoryToAnswers(inventory);
      expect(findAnswerProblems(answers)).toEqual([]);
      expect(validateInventory(answersToInventory(answers, "2026-11-21")).ok).toBe(true);
    });

    it(`survives a JSON round trip of the answers for ${name} (what the database stores)`, () => {
      const answers = JSON.parse(JSON.stringify(inventoryToAnswers(inventory)));
      expect(normalizeJson(answersToInventory(AnswersSchema.parse(answers), inventory.asOf))).toEqual(normalizeJson(inventory));
    });
  }

  it("keeps every field of the format (kitchen-sink inventory)", () => {
    expect(validateInventory(kitchenSink).ok).toBe(true);
    const back = answersToInventory(inventoryToAnswers(kitchenSink), kitchenSink.asOf);
    expect(normalizeJson(back)).toEqual(normalizeJson(kitchenSink));
  });

  it("has a kitchen sink that uses every field the engine's schema knows (extend it when the format grows)", () => {
    const used = (items: ReadonlyArray<object>) => new Set(items.flatMap((i) => Object.keys(i)));
    const missing = (schema: { shape: object }, items: ReadonlyArray<object>) =>
      Object.keys(schema.shape).filter((k) => !used(items).has(k));
    expect(missing(InventorySchema, [kitchenSink])).toEqual([]);
    expect(missing(OrganizationSchema, [kitchenSink.organization])).toEqual([]);
    expect(missing(PersonSchema, kitchenSink.people!)).toEqual([]);
    expect(missing(ComponentSchema, kitchenSink.components!)).toEqual([]);
    expect(missing(FunctionSchema, kitchenSink.functions!)).toEqual([]);
    expect(missing(DataSetSchema, kitchenSink.dataSets!)).toEqual([]);
    expect(missing(CopySchema, kitchenSink.dataSets![0]!.copies!)).toEqual([]);
  });

  it("the premises stay in the power step when a line needs them too; what only lines need is a shared part", () => {
    const inventory = shop({
      components: [
        { id: "premises", name: "The premises", kind: "site" },
        { id: "grid", kind: "power", requires: "premises" },
        { id: "duct", kind: "site" },
        { id: "line", kind: "internet", requires: { all: ["premises", "duct"] } },
      ],
      functions: [{ id: "mail", downtimeCostPerHour: 10, requires: { all: ["line", "grid"] } }],
    });
    const answers = inventoryToAnswers(inventory);
    expect(answers.power.items.map((c) => c.id)).toEqual(["premises", "grid"]);
    expect(answers.internet.shared.map((c) => c.id)).toEqual(["duct"]);
    expect(normalizeJson(answersToInventory(answers))).toEqual(normalizeJson(inventory));
  });

  it("shared parts stay shared parts when an activity needs them too, and keep their provider", () => {
    const inventory = shop({
      components: [
        { id: "net", name: "Backbone (Metro)", kind: "internet", provider: "Metro" },
        { id: "duct", kind: "other" },
        { id: "a", name: "Fiber line (Metro)", kind: "internet", requires: { all: ["net", "duct"] } },
        { id: "b", name: "Cable line (Metro)", kind: "internet", requires: { all: ["net", "duct"] } },
      ],
      functions: [{ id: "mail", downtimeCostPerHour: 10, requires: { all: [{ any: ["a", "b"] }, "net", "duct"] } }],
    });
    const answers = inventoryToAnswers(inventory);
    expect(answers.internet.shared.map((c) => c.id)).toEqual(["net", "duct"]);
    expect(answers.internet.lines.map((c) => c.id)).toEqual(["a", "b"]);
    expect(answers.internet.shared[0]).toMatchObject({ provider: "Metro" });
    expect(normalizeJson(answersToInventory(answers))).toEqual(normalizeJson(inventory));
  });

  it("puts each component in the step that asks about it", () => {
    const answers = inventoryToAnswers(kitchenSink);
    expect(answers.power.items.map((c) => c.id)).toEqual(["grid", "ups"]);
    expect(answers.internet.shared.map((c) => c.id)).toEqual(["duct"]);
    expect(answers.internet.lines.map((c) => c.id)).toEqual(["line-a", "line-b"]);
    expect(answers.network.items.map((c) => c.id)).toEqual(["router"]);
    expect(answers.systems.items.map((c) => c.id)).toEqual(["srv", "crm", "misc"]);
    expect(answers.internet.lines[0]).toMatchObject({ provider: "Metro", technology: "fiber" });
    expect(answers.people.care.router).toEqual({ knownBy: [], supportResponseHours: 8, hasRunbook: true });
    expect(answers.people.care.grid).toBeUndefined();
  });

  it("keeps the answers that change no figure, for the next import, and fills in the suggested downtime cost", () => {
    const answers = inventoryToAnswers(kitchenSink);
    answers.business.yearlyRevenue = 468_000;
    answers.business.staffCount = 4;
    answers.functions.items[1] = { ...answers.functions.items[1]!, downtimeCostPerHour: undefined, template: "files", revenueShare: 0.5, staffShare: 1 };
    const inventory = answersToInventory(answers);
    // 0.5 × 468000 / (45 × 52) + 1 × 4 × 35 = 100 + 140
    expect(inventory.functions![1]).toEqual({ id: "files", downtimeCostPerHour: 240, requires: "srv", template: "files", revenueShare: 0.5, staffShare: 1 });
    expect(inventory.organization).toMatchObject({ yearlyRevenue: 468_000, staffCount: 4 });
    // The line's name says its provider and kind, so they are not repeated.
    expect(inventory.components![3]).toMatchObject({ id: "line-a", name: "Fiber line (Metro)" });
    expect(inventory.components![3]).not.toHaveProperty("provider");
    expect(inventory.components![3]).not.toHaveProperty("technology");
    expect(inventory.asOf).toBe("2026-03-01");
    // Imported again: the same answers, revenue, staff, shares and template included.
    const again = inventoryToAnswers(inventory);
    expect(again.business).toMatchObject({ yearlyRevenue: 468_000, staffCount: 4 });
    expect(again.functions.items[1]).toMatchObject({ template: "files", revenueShare: 0.5, staffShare: 1 });
    expect(again.review.note).toBe("Reviewed with Ann on site.");
  });

  it("a renamed line keeps its provider and kind through an export and a re-import; an unknown kind is left out", () => {
    const answers = inventoryToAnswers(kitchenSink);
    const line = answers.internet.lines.find((l) => l.id === "line-a")!;
    line.name = "Main line";
    const inventory = answersToInventory(answers);
    expect(inventory.components!.find((c) => c.id === "line-a")).toMatchObject({ name: "Main line", provider: "Metro", technology: "fiber" });
    expect(inventoryToAnswers(inventory).internet.lines.find((l) => l.id === "line-a")).toMatchObject({ provider: "Metro", technology: "fiber" });
    // A kind the questionnaire does not offer is refused by the format, naming the field.
    const odd = structuredClone(inventory) as unknown as { components: Array<Record<string, unknown>> };
    odd.components.find((c) => c.id === "line-a")!.technology = "carrier pigeon";
    const refused = validateInventory(odd);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.map((p) => p.path)).toContain("components[3].technology");
  });

  it("keeps the date of an imported inventory; otherwise uses the one given", () => {
    expect(answersToInventory(inventoryToAnswers(kitchenSink), "2030-01-01").asOf).toBe("2026-03-01");
    const { asOf: _drop, ...undated } = kitchenSink;
    expect(answersToInventory(inventoryToAnswers(undated), "2030-01-01").asOf).toBe("2030-01-01");
  });

  it("appends components added in the questionnaire after the loaded ones, in step order", () => {
    const answers = inventoryToAnswers(kitchenSink);
    answers.systems.items.push({ id: "new-pc", name: "New PC", kind: "endpoint" });
    answers.power.items.push({ id: "gen", name: "Generator", kind: "generator" });
    const ids = answersToInventory(answers).components!.map((c) => c.id);
    expect(ids.slice(-2)).toEqual(["gen", "new-pc"]);
  });

  it("traces inventory paths back to the answer that holds them", () => {
    const answers = inventoryToAnswers(kitchenSink);
    const built = buildInventory(answers);
    expect(built.answerPathOf("components[5].requires.all[1].any[0]")).toBe("network.items[0].requires.all[1].any[0]");
    expect(built.answerPathOf("components[2].knownBy[1]")).toBe("people.care.ups.knownBy[1]");
    expect(built.answerPathOf("organization.lossScenarios.site")).toBe("data.lossScenarios.site");
    expect(built.answerPathOf("organization.operatingHoursPerWeek")).toBe("business.operatingHoursPerWeek");
    expect(built.answerPathOf("dataSets[0].copies[1].medium")).toBe("data.dataSets[0].copies[1].medium");
  });

  it("turns an empty questionnaire into an inventory that says what is missing", () => {
    const result = validateInventory(answersToInventory(emptyAnswers()));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ path: "organization.name", message: "must not be empty" }, { path: "organization.operatingHoursPerWeek", message: "is required" }]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportInventory, importInventory } from "../interchange/index";
import { inventoryArb } from "../interchange/test-support";
import { clientOf, errorOf, exampleText, firmWithTeam, newActor } from "../../tests/support/consultant";
import { getDb } from "./db";
import { exportClientInventory, importClientCsv, importClientInventory, IMPORT_REFUSED, previewClientCsv } from "./transfer";

async function draftOf(assessmentId: string) {
  return getDb().assessment.findUniqueOrThrow({ where: { id: assessmentId }, select: { inventoryJson: true, questionnaireJson: true, version: true } });
}

describe("interchange JSON through the database", () => {
  it("export → import → export is byte-identical, and matches the library's canonical text", async () => {
    const { firm, owner } = await firmWithTeam();
    const a = await clientOf(owner, firm.id, "Harbor Dental");
    const b = await clientOf(owner, firm.id, "Harbor Dental (copy)");
    const source = exampleText("harbor-dental");
    await importClientInventory(owner, { organizationId: a.client.id, assessmentId: a.assessmentId, text: source, version: a.version });
    const first = await exportClientInventory(owner, { organizationId: a.client.id, assessmentId: a.assessmentId }, new Date("2026-11-22T08:00:00Z"));
    const canonical = importInventory(source);
    if (!canonical.ok) throw new Error("the example must import");
    expect(first.text).toBe(exportInventory(canonical.inventory));
    expect(first.filename).toBe("inventory-harbor-dental-2026-11-22.json");

    await importClientInventory(owner, { organizationId: b.client.id, assessmentId: b.assessmentId, text: first.text, version: b.version });
    const second = await exportClientInventory(owner, { organizationId: b.client.id, assessmentId: b.assessmentId });
    expect(Buffer.from(second.text, "utf8").equals(Buffer.from(first.text, "utf8"))).toBe(true);
  });

  it("round trips generated inventories byte for byte (fast-check)", async () => {
    const { firm, owner } = await firmWithTeam();
    const c = await clientOf(owner, firm.id);
    let version = c.version;
    await fc.assert(
      fc.asyncProperty(inventoryArb, async (inventory) => {
        const text = exportInventory(inventory);
        ({ version } = await importClientInventory(owner, { organizationId: c.client.id, assessmentId: c.assessmentId, text, version }));
        const out = await exportClientInventory(owner, { organizationId: c.client.id, assessmentId: c.assessmentId });
        expect(out.text).toBe(text);
      }),
      { numRuns: 25, seed: 4242 },
    );
  });

  it("an import saves a new draft version and clears the questionnaire's answers so it reopens from the inventory", async () => {
    const { firm, owner } = await firmWithTeam();
    const c = await clientOf(owner, firm.id);
    await getDb().assessment.update({ where: { id: c.assessmentId }, data: { questionnaireJson: '{"step":"people"}' } });
    const result = await importClientInventory(owner, { organizationId: c.client.id, assessmentId: c.assessmentId, text: exampleText("northwind-parts"), version: c.version });
    const draft = await draftOf(c.assessmentId);
    expect(result.version).toBe(c.version + 1);
    expect(draft.version).toBe(c.version + 1);
    expect(draft.questionnaireJson).toBe("{}");
    expect(JSON.parse(draft.inventoryJson).organization.name).toBe("Northwind Parts");
    expect(result.components).toBe((JSON.parse(exampleText("northwind-parts")) as { components: unknown[] }).components.length);
  });

  const bad: Array<[string, string, { path: string; message: RegExp }]> = [
    ["a JSON syntax error", '{\n  "format": "resilience-inventory/1",\n  "organization": {\n}', { path: "(document)", message: /line \d+, column \d+/ }],
    ["an empty file", "   ", { path: "(document)", message: /the file is empty/ }],
    ["a wrong currency", exampleText("harbor-dental").replace('"currency": "USD"', '"currency": "dollars"'), { path: "organization.currency", message: /./ }],
    ["a requirement naming an unknown component", exampleText("harbor-dental").replace('"requires": "ups"', '"requires": "no-such-thing"'), { path: "components[", message: /no-such-thing|unknown|not/ }],
  ];
  for (const [what, text, problem] of bad) {
    it(`refuses ${what}, lists the problem with its path, and writes nothing`, async () => {
      const { firm, owner } = await firmWithTeam();
      const c = await clientOf(owner, firm.id);
      const before = await draftOf(c.assessmentId);
      const err = await errorOf(importClientInventory(owner, { organizationId: c.client.id, assessmentId: c.assessmentId, text, version: c.version }));
      expect(err.status).toBe(422);
      expect(err.message).toBe(IMPORT_REFUSED);
      expect(err.problems.some((p) => p.path.startsWith(problem.path) && problem.message.test(p.message)), JSON.stringify(err.problems)).toBe(true);
      expect(await draftOf(c.assessmentId)).toEqual(before);
    });
  }

  it("a stale version is a conflict, and the newer draft stays", async () => {
    const { firm, owner } = await firmWithTeam();
    const c = await clientOf(owner, firm.id);
    await importClientInventory(owner, { organizationId: c.client.id, assessmentId: c.assessmentId, text: exampleText("harbor-dental"), version: c.version });
    const before = await draftOf(c.assessmentId);
    const err = await errorOf(importClientInventory(owner, { organizationId: c.client.id, assessmentId: c.assessmentId, text: exampleText("northwind-parts"), version: c.version }));
    expect(err.status).toBe(409);
    expect(await draftOf(c.assessmentId)).toEqual(before);
  });

  it("an assessment of another organisation is not found, even with the caller's own client id", async () => {
    const { firm, owner } = await firmWithTeam();
    const mine = await clientOf(owner, firm.id);
    const other = await firmWithTeam("Other IT");
    const theirs = await clientOf(other.owner, other.firm.id);
    const err = await errorOf(importClientInventory(owner, { organizationId: mine.client.id, assessmentId: theirs.assessmentId, text: exampleText("harbor-dental"), version: 1 }));
    expect(err.status).toBe(404);
    expect((await errorOf(exportClientInventory(owner, { organizationId: mine.client.id, assessmentId: theirs.assessmentId }))).status).toBe(404);
    expect((await errorOf(exportClientInventory(await newActor(), { organizationId: mine.client.id, assessmentId: mine.assessmentId }))).status).toBe(404);
  });

  it("a draft the engine does not accept yet is not exported; the problems name the fields", async () => {
    const { firm, owner } = await firmWithTeam();
    const c = await clientOf(owner, firm.id);
    await getDb().assessment.update({ where: { id: c.assessmentId }, data: { inventoryJson: JSON.stringify({ format: "resilience-inventory/1", organization: { name: "X", currency: "USD" } }) } });
    const err = await errorOf(exportClientInventory(owner, { organizationId: c.client.id, assessmentId: c.assessmentId }));
    expect(err.status).toBe(422);
    expect(err.problems.map((p) => p.path)).toContain("organization.operatingHoursPerWeek");
  });
});

const RMM_CSV = [
  "Device Name,Device Type,Site,IP Address,OS",
  "FRONT-DESK-PC,Workstation,Main St,10.0.0.11,Windows 11",
  "NAS01,NAS,Main St,10.0.0.5,DSM 7",
  '"Core switch, rack 1",Switch,Main St,10.0.0.2,',
].join("\n");

describe("CSV components", () => {
  it("previews headers, first rows and a suggested mapping", async () => {
    const { firm, owner } = await firmWithTeam();
    const c = await clientOf(owner, firm.id);
    const preview = await previewClientCsv(owner, { organizationId: c.client.id, text: RMM_CSV });
    expect(preview.ok).toBe(true);
    expect(preview.headers).toEqual(["Device Name", "Device Type", "Site", "IP Address", "OS"]);
    expect(preview.totalRows).toBe(3);
    expect(preview.suggestedMapping).toMatchObject({ name: "Device Name", kind: "Device Type" });
  });

  it("adds the rows as components to the draft, as one new version", async () => {
    const { firm, owner } = await firmWithTeam();
    const c = await clientOf(owner, firm.id);
    const { version } = await importClientInventory(owner, { organizationId: c.client.id, assessmentId: c.assessmentId, text: exampleText("harbor-dental"), version: c.version });
    const before = JSON.parse((await draftOf(c.assessmentId)).inventoryJson) as { components: Array<{ id: string }> };
    const mapping = { name: "Device Name", kind: "Device Type", notes: ["Site", "IP Address", "OS"] };
    const result = await importClientCsv(owner, { organizationId: c.client.id, assessmentId: c.assessmentId, text: RMM_CSV, mapping, version });
    expect(result.version).toBe(version + 1);
    expect(result.added.map((x) => x.name)).toEqual(["FRONT-DESK-PC", "NAS01", "Core switch, rack 1"]);
    const after = JSON.parse((await draftOf(c.assessmentId)).inventoryJson) as { components: Array<{ id: string; name: string; kind: string; notes?: string }> };
    expect(after.components.slice(0, before.components.length).map((x) => x.id)).toEqual(before.components.map((x) => x.id));
    expect(after.components.slice(before.components.length)).toEqual([
      expect.objectContaining({ name: "FRONT-DESK-PC", kind: "endpoint" }),
      expect.objectContaining({ name: "NAS01", kind: "storage" }),
      expect.objectContaining({ name: "Core switch, rack 1", kind: "network" }),
    ]);
    // The draft is still a valid inventory that exports.
    expect((await exportClientInventory(owner, { organizationId: c.client.id, assessmentId: c.assessmentId })).text).toContain("NAS01");
  });

  it("a bad row stops the whole import, reported at its line; nothing is written", async () => {
    const { firm, owner } = await firmWithTeam();
    const c = await clientOf(owner, firm.id);
    const csv = ["Name,Type,Failures per year", "PC1,Workstation,1", "PC2,Workstation,often", ",Server,1", "PC4,Workstation,0.5"].join("\n");
    const before = await draftOf(c.assessmentId);
    const mapping = { name: "Name", kind: "Type", failuresPerYear: "Failures per year" };
    const err = await errorOf(importClientCsv(owner, { organizationId: c.client.id, assessmentId: c.assessmentId, text: csv, mapping, version: c.version }));
    expect(err.status).toBe(422);
    expect(err.problems.map((p) => p.path)).toEqual(["line 3", "line 4"]);
    expect(err.problems[0]!.message).toMatch(/^Failures per year: failures per year must be a number/);
    expect(await draftOf(c.assessmentId)).toEqual(before);

    const skipped = await importClientCsv(owner, { organizationId: c.client.id, assessmentId: c.assessmentId, text: csv, mapping, version: c.version, skipInvalidRows: true });
    expect(skipped.added.map((x) => x.name)).toEqual(["PC1", "PC4"]);
    expect(skipped.skipped.map((x) => x.line)).toEqual([3, 4]);
  });

  it("a mapping naming a column the file lacks is refused; a viewer may not import", async () => {
    const { firm, owner } = await firmWithTeam();
    const c = await clientOf(owner, firm.id);
    const err = await errorOf(importClientCsv(owner, { organizationId: c.client.id, assessmentId: c.assessmentId, text: RMM_CSV, mapping: { name: "Hostname" }, version: c.version }));
    expect(err.problems[0]).toMatchObject({ path: "line 1", message: expect.stringContaining('"Hostname"') });
    const viewer = await newActor();
    await getDb().membership.create({ data: { userId: viewer.userId, organizationId: c.client.id, role: "viewer" } });
    expect((await errorOf(previewClientCsv(viewer, { organizationId: c.client.id, text: RMM_CSV }))).status).toBe(403);
    expect((await errorOf(importClientCsv(viewer, { organizationId: c.client.id, assessmentId: c.assessmentId, text: RMM_CSV, mapping: { name: "Device Name" }, version: c.version }))).status).toBe(403);
  });
});

import { describe, expect, it } from "vitest";
import { formatMoney } from "../results/format";
import { makePng, pdfImageCount, pdfText, writeTempPdf } from "../pdf/testing/pdf-text";
import { clientOf, errorOf, exampleText, firmWithTeam, newActor } from "../../tests/support/consultant";
import { assessClient } from "./clients";
import { getDb } from "./db";
import { setFirmLogo, updateFirmBranding } from "./firms";
import { buildSnapshotReportInput, renderSnapshotReport } from "./reports";
import { importClientInventory } from "./transfer";

async function assessedClient(clientName: string, example = "northwind-parts") {
  const team = await firmWithTeam("Harbor IT");
  const c = await clientOf(team.owner, team.firm.id, clientName);
  const { version } = await importClientInventory(team.owner, { organizationId: c.client.id, assessmentId: c.assessmentId, text: exampleText(example), version: c.version });
  const snap = await assessClient(team.owner, { organizationId: c.client.id, assessmentId: c.assessmentId, version }, new Date("2026-11-20T10:00:00Z"));
  return { ...team, ...c, snap };
}

/** pdftotext breaks long lines; compare text with all whitespace removed. */
const squash = (s: string) => s.replace(/\s+/gu, "");

describe("PDF action plan of a snapshot", () => {
  it("carries the firm's branding, the client, the date and the snapshot's inventory", async () => {
    const a = await assessedClient("Northwind Parts");
    await updateFirmBranding(a.owner, { firmId: a.firm.id, version: a.firm.brandingVersion, name: "Harbor IT", accentColor: "#0B6E4F", contactLine: "jane@harbor-it.example" });
    await setFirmLogo(a.owner, { firmId: a.firm.id, data: makePng(60, 20) });
    const { input, filename } = await buildSnapshotReportInput(a.consultants[0]!, { organizationId: a.client.id, snapshotId: a.snap.snapshotId }, new Date("2026-11-22T15:00:00Z"));
    expect(input.client).toEqual({ name: "Northwind Parts" });
    expect(input.branding).toMatchObject({ firmName: "Harbor IT", accentColor: "#0b6e4f", contactLine: "jane@harbor-it.example", logo: { mimeType: "image/png" } });
    expect(input.generatedOn).toBe("2026-11-22");
    expect(input.assessment.expectedAnnualLoss).toBe(a.snap.expectedAnnualLoss);
    expect(input.inventory?.components?.length).toBeGreaterThan(0);
    expect(filename).toBe("action-plan-northwind-parts-2026-11-20.pdf");
  });

  it("renders a PDF whose text has the client's name, the total, every plan item and the firm's branding", async () => {
    const a = await assessedClient("Northwind Parts");
    await updateFirmBranding(a.owner, { firmId: a.firm.id, version: a.firm.brandingVersion, name: "Harbor IT Consulting", accentColor: "#0b6e4f", contactLine: "jane@harbor-it.example" });
    await setFirmLogo(a.owner, { firmId: a.firm.id, data: makePng(60, 20) });
    const { bytes, filename } = await renderSnapshotReport(a.owner, { organizationId: a.client.id, snapshotId: a.snap.snapshotId });
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(filename).toMatch(/^action-plan-northwind-parts-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = writeTempPdf(bytes);
    const text = squash(pdfText(file));
    expect(text).toContain(squash("Northwind Parts"));
    expect(text).toContain(squash("Harbor IT Consulting"));
    expect(text).toContain(squash("jane@harbor-it.example"));
    expect(a.snap.currency).toBe("EUR");
    expect(text).toContain(squash(formatMoney(a.snap.expectedAnnualLoss, a.snap.currency)));
    const stored = await getDb().assessmentSnapshot.findUniqueOrThrow({ where: { id: a.snap.snapshotId }, select: { resultJson: true } });
    const plan = (JSON.parse(stored.resultJson) as { plan: Array<{ title: string; annualizedCost: number }> }).plan;
    expect(plan.length).toBeGreaterThan(0);
    for (const item of plan) {
      expect(text).toContain(squash(item.title));
      expect(text).toContain(squash(formatMoney(item.annualizedCost, "EUR")));
    }
    expect(pdfImageCount(file)).toBeGreaterThanOrEqual(1);
  });

  it("keeps hostile and unusual client names verbatim", async () => {
    const name = "<script>alert(1)</script> \u202Egnp.exe Dental 🦷";
    const a = await assessedClient(name, "harbor-dental");
    const { bytes, filename } = await renderSnapshotReport(a.owner, { organizationId: a.client.id, snapshotId: a.snap.snapshotId });
    expect(filename).toMatch(/^action-plan-script-alert-1-script-gnp-exe-dental-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = pdfText(writeTempPdf(bytes));
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).toContain("Dental");
  });

  it("another organisation's snapshot, an outsider and an unknown id are all not found, before any rendering", async () => {
    const a = await assessedClient("Northwind Parts");
    const b = await assessedClient("Other Client");
    const started = Date.now();
    const outsider = await newActor();
    const calls = [
      () => renderSnapshotReport(a.owner, { organizationId: a.client.id, snapshotId: b.snap.snapshotId }),
      () => renderSnapshotReport(a.owner, { organizationId: b.client.id, snapshotId: b.snap.snapshotId }),
      () => renderSnapshotReport(outsider, { organizationId: a.client.id, snapshotId: a.snap.snapshotId }),
      () => renderSnapshotReport(a.owner, { organizationId: a.client.id, snapshotId: "missing" }),
    ];
    for (const call of calls) expect((await errorOf(call())).status).toBe(404);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

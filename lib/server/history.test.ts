import { describe, expect, it } from "vitest";
import { assessInventory, ENGINE_VERSION } from "../engine/index";
import { clientOf, errorOf, exampleText, firmWithTeam, newActor } from "../../tests/support/consultant";
import { assessClient } from "./clients";
import { getDb } from "./db";
import { compareSnapshots, getSnapshot, listSnapshots } from "./history";
import { importClientInventory } from "./transfer";

/** Harbor Dental assessed twice: as in the example, then with a second internet line for the front desk. */
async function harborWithTwoSnapshots() {
  const team = await firmWithTeam();
  const c = await clientOf(team.owner, team.firm.id, "Harbor Dental");
  const text = exampleText("harbor-dental");
  let { version } = await importClientInventory(team.owner, { organizationId: c.client.id, assessmentId: c.assessmentId, text, version: c.version });
  const first = await assessClient(team.owner, { organizationId: c.client.id, assessmentId: c.assessmentId, version }, new Date("2026-10-01T09:00:00Z"));
  const changed = JSON.parse(text) as { components: Array<{ id: string; failuresPerYear?: number; repairHours?: number }> };
  changed.components = changed.components.map((x) => (x.id === "router" ? { ...x, failuresPerYear: 0.05, repairHours: 2 } : x));
  ({ version } = await importClientInventory(team.owner, { organizationId: c.client.id, assessmentId: c.assessmentId, text: JSON.stringify(changed), version }));
  const second = await assessClient(team.owner, { organizationId: c.client.id, assessmentId: c.assessmentId, version }, new Date("2026-11-01T09:00:00Z"));
  return { ...team, ...c, first, second, changed };
}

describe("history", () => {
  it("lists every snapshot oldest first with its engine version and loss", async () => {
    const h = await harborWithTwoSnapshots();
    const list = await listSnapshots(h.consultants[0]!, { organizationId: h.client.id });
    expect(list.map((s) => s.id)).toEqual([h.first.snapshotId, h.second.snapshotId]);
    expect(list.every((s) => s.engineVersion === ENGINE_VERSION && s.currency === "USD" && s.assessmentName === "Resilience assessment")).toBe(true);
    expect(list[0]!.expectedAnnualLoss).toBe(h.first.expectedAnnualLoss);
    expect(list[0]!.createdAt).toEqual(new Date("2026-10-01T09:00:00Z"));
  });

  it("compares two snapshots named in either order, older first, with the money at risk removed", async () => {
    const h = await harborWithTwoSnapshots();
    const before = assessInventory(JSON.parse(exampleText("harbor-dental")), { asOf: "2026-10-01" });
    const after = assessInventory(h.changed, { asOf: "2026-11-01" });
    if (!before.ok || !after.ok) throw new Error("the inventories must assess");
    const forward = await compareSnapshots(h.owner, { organizationId: h.client.id, snapshotIds: [h.first.snapshotId, h.second.snapshotId] });
    const backward = await compareSnapshots(h.owner, { organizationId: h.client.id, snapshotIds: [h.second.snapshotId, h.first.snapshotId] });
    expect(backward).toEqual(forward);
    expect(forward.older.id).toBe(h.first.snapshotId);
    expect(forward.comparison.expectedAnnualLoss.removed).toBeCloseTo(before.assessment.expectedAnnualLoss - after.assessment.expectedAnnualLoss, 6);
    expect(forward.comparison.expectedAnnualLoss.removed).toBeGreaterThan(0);
    expect(forward.comparison.summary.moneyRemoved).toBeCloseTo(forward.comparison.expectedAnnualLoss.removed, 6);
  });

  it("refuses to compare a snapshot with itself", async () => {
    const h = await harborWithTwoSnapshots();
    const err = await errorOf(compareSnapshots(h.owner, { organizationId: h.client.id, snapshotIds: [h.first.snapshotId, h.first.snapshotId] }));
    expect(err.status).toBe(422);
    expect(err.problems[0]!.path).toBe("snapshots");
  });

  it("a snapshot of another organisation is not found, even under the caller's own client", async () => {
    const h = await harborWithTwoSnapshots();
    const other = await harborWithTwoSnapshots();
    expect((await errorOf(getSnapshot(h.owner, { organizationId: h.client.id, snapshotId: other.first.snapshotId }))).status).toBe(404);
    const mixed = compareSnapshots(h.owner, { organizationId: h.client.id, snapshotIds: [h.first.snapshotId, other.second.snapshotId] });
    expect((await errorOf(mixed)).status).toBe(404);
    expect((await errorOf(listSnapshots(other.owner, { organizationId: h.client.id }))).status).toBe(404);
    expect((await errorOf(listSnapshots(await newActor(), { organizationId: h.client.id }))).status).toBe(404);
  });

  it("a viewer of the client reads the history", async () => {
    const h = await harborWithTwoSnapshots();
    const viewer = await newActor();
    await getDb().membership.create({ data: { userId: viewer.userId, organizationId: h.client.id, role: "viewer" } });
    expect(await listSnapshots(viewer, { organizationId: h.client.id })).toHaveLength(2);
    const snap = await getSnapshot(viewer, { organizationId: h.client.id, snapshotId: h.second.snapshotId });
    expect(snap.result.expectedAnnualLoss).toBe(h.second.expectedAnnualLoss);
  });
});

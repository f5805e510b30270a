import { describe, expect, it } from "vitest";
import { assessInventory } from "../engine/index";
import { clientOf, errorOf, exampleText, firmWithTeam, newActor } from "../../tests/support/consultant";
import { acceptInvitation, getOrganization, listMyOrganizations, type Actor } from "./access";
import {
  archiveClient,
  assessClient,
  authorizeClient,
  createClient,
  getClient,
  getPortfolio,
  inviteClientUser,
  listClientInvitations,
  listClients,
  openClient,
  renameClient,
  revokeClientInvitation,
  unarchiveClient,
} from "./clients";
import { getDb } from "./db";
import { importClientInventory } from "./transfer";

/** A client owner or viewer who joined through the firm's invitation link. */
async function joinAs(firmActor: Actor, organizationId: string, role: "owner" | "viewer"): Promise<Actor> {
  const inv = await inviteClientUser(firmActor, { organizationId, role });
  const person = await newActor(`Client ${role}`);
  await acceptInvitation(person, { token: inv.path.slice("/invite/".length) });
  return person;
}

describe("clients of a firm", () => {
  it("a consultant creates a client: managed by the firm, with the consultant as member and a first assessment", async () => {
    const { firm, consultants } = await firmWithTeam();
    const client = await createClient(consultants[0]!, { firmId: firm.id, name: " Harbor Dental " });
    expect(client.name).toBe("Harbor Dental");
    const row = await getDb().organization.findUniqueOrThrow({
      where: { id: client.id },
      select: { createdByFirmId: true, memberships: { select: { userId: true, role: true } }, assessments: { select: { inventoryJson: true } } },
    });
    expect(row.createdByFirmId).toBe(firm.id);
    expect(row.memberships).toEqual([{ userId: consultants[0]!.userId, role: "consultant" }]);
    expect(JSON.parse(row.assessments[0]!.inventoryJson)).toMatchObject({ organization: { name: "Harbor Dental" } });
    expect((await getOrganization(consultants[0]!, { organizationId: client.id })).role).toBe("consultant");
  });

  it("refuses an empty or too long name with a field error", async () => {
    const { firm, owner } = await firmWithTeam();
    expect((await errorOf(createClient(owner, { firmId: firm.id, name: "" }))).problems).toEqual([{ path: "name", message: "Enter the client's business name." }]);
    expect((await errorOf(createClient(owner, { firmId: firm.id, name: "x".repeat(121) }))).problems[0]!.path).toBe("name");
  });

  it("lists a firm's clients to its members only", async () => {
    const a = await firmWithTeam("Firm A");
    const b = await firmWithTeam("Firm B");
    await clientOf(a.owner, a.firm.id, "Zeta Dental");
    await clientOf(a.consultants[0]!, a.firm.id, "Alpha Parts");
    await clientOf(b.owner, b.firm.id, "Beta Bistro");
    expect((await listClients(a.consultants[0]!, { firmId: a.firm.id })).map((c) => c.name)).toEqual(["Alpha Parts", "Zeta Dental"]);
    expect((await errorOf(listClients(a.owner, { firmId: b.firm.id }))).status).toBe(404);
    expect((await errorOf(createClient(a.owner, { firmId: b.firm.id, name: "Sneaky" }))).status).toBe(404);
  });

  it("a consultant of firm A gets 404 for firm B's client from every function", async () => {
    const a = await firmWithTeam("Firm A");
    const b = await firmWithTeam("Firm B");
    const { client, assessmentId } = await clientOf(b.owner, b.firm.id, "Beta Bistro");
    const intruder = a.consultants[0]!;
    const organizationId = client.id;
    const calls: Array<[string, () => Promise<unknown>]> = [
      ["getClient", () => getClient(intruder, { organizationId })],
      ["renameClient", () => renameClient(intruder, { organizationId, name: "Mine now" })],
      ["archiveClient", () => archiveClient(intruder, { organizationId })],
      ["unarchiveClient", () => unarchiveClient(intruder, { organizationId })],
      ["openClient", () => openClient(intruder, { organizationId })],
      ["assessClient", () => assessClient(intruder, { organizationId, assessmentId })],
      ["inviteClientUser", () => inviteClientUser(intruder, { organizationId, role: "owner" })],
      ["listClientInvitations", () => listClientInvitations(intruder, { organizationId })],
      ["importClientInventory", () => importClientInventory(intruder, { organizationId, assessmentId, text: exampleText("harbor-dental"), version: 1 })],
    ];
    for (const [name, call] of calls) {
      const err = await errorOf(call());
      expect(err.status, name).toBe(404);
      expect(err.message, name).not.toContain("Beta Bistro");
    }
    const row = await getDb().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true, archivedAt: true } });
    expect(row).toEqual({ name: "Beta Bistro", archivedAt: null });
    expect(await getDb().membership.count({ where: { organizationId, userId: intruder.userId } })).toBe(0);
  });

  it("an unknown or malformed client id is not found", async () => {
    const { owner } = await firmWithTeam();
    for (const organizationId of ["nope", "a/b", "x".repeat(65), 42, null]) {
      expect((await errorOf(getClient(owner, { organizationId }))).status).toBe(404);
    }
  });

  it("the firm renames, archives and unarchives; archived clients vanish for their own members but not for the firm", async () => {
    const { firm, owner, consultants } = await firmWithTeam();
    const { client } = await clientOf(owner, firm.id, "Harbor Dental");
    const clientOwner = await joinAs(owner, client.id, "owner");
    expect((await renameClient(consultants[0]!, { organizationId: client.id, name: "Harbor Dental Group" })).name).toBe("Harbor Dental Group");

    await archiveClient(consultants[0]!, { organizationId: client.id }, new Date("2026-11-22T12:00:00Z"));
    expect((await getClient(owner, { organizationId: client.id })).archivedAt).toEqual(new Date("2026-11-22T12:00:00Z"));
    expect((await errorOf(getClient(clientOwner, { organizationId: client.id }))).status).toBe(404);
    expect((await listMyOrganizations(clientOwner)).map((o) => o.id)).not.toContain(client.id);
    // Nothing changes in an archived client until it is unarchived.
    const err = await errorOf(authorizeClient(owner, client.id, "write"));
    expect(err.status).toBe(409);
    expect((await errorOf(openClient(owner, { organizationId: client.id }))).status).toBe(409);

    await unarchiveClient(owner, { organizationId: client.id });
    expect((await getClient(clientOwner, { organizationId: client.id })).name).toBe("Harbor Dental Group");
  });

  it("the client's owner and viewer may not manage the client (403); the viewer may not write either", async () => {
    const { firm, owner } = await firmWithTeam();
    const { client, assessmentId } = await clientOf(owner, firm.id);
    const clientOwner = await joinAs(owner, client.id, "owner");
    const viewer = await joinAs(owner, client.id, "viewer");
    for (const who of [clientOwner, viewer]) {
      expect((await errorOf(renameClient(who, { organizationId: client.id, name: "X" }))).status).toBe(403);
      expect((await errorOf(archiveClient(who, { organizationId: client.id }))).status).toBe(403);
      expect((await errorOf(inviteClientUser(who, { organizationId: client.id, role: "viewer" }))).status).toBe(403);
    }
    const detail = await getClient(viewer, { organizationId: client.id });
    expect(detail.access).toMatchObject({ canWrite: false, canManage: false, orgRole: "viewer", firmRole: null });
    expect(detail.firm).toBeNull();
    expect((await errorOf(assessClient(viewer, { organizationId: client.id, assessmentId }))).status).toBe(403);
    const imported = importClientInventory(viewer, { organizationId: client.id, assessmentId, text: exampleText("harbor-dental"), version: 1 });
    expect((await errorOf(imported)).status).toBe(403);
    // The client's owner edits their own organisation's assessments.
    expect((await getClient(clientOwner, { organizationId: client.id })).access.canWrite).toBe(true);
  });

  it("invites the client's owner or a viewer through the platform's invitation links, never as consultant", async () => {
    const { firm, owner } = await firmWithTeam();
    const { client } = await clientOf(owner, firm.id);
    const inv = await inviteClientUser(owner, { organizationId: client.id, role: "owner", email: "Olive@Example.test" }, new Date("2026-11-22T00:00:00Z"));
    expect(inv).toMatchObject({ role: "owner", email: "olive@example.test", path: expect.stringMatching(/^\/invite\/[A-Za-z0-9_-]{43}$/) });
    expect(inv.expiresAt).toEqual(new Date("2026-11-29T00:00:00Z"));
    const open = await listClientInvitations(owner, { organizationId: client.id }, new Date("2026-11-23T00:00:00Z"));
    expect(open.map((i) => i.id)).toEqual([inv.id]);
    // Only a hash of the token is stored.
    const stored = await getDb().invitation.findUniqueOrThrow({ where: { id: inv.id }, select: { tokenHash: true } });
    expect(stored.tokenHash).not.toContain(inv.path.slice("/invite/".length));

    const refused = await errorOf(inviteClientUser(owner, { organizationId: client.id, role: "consultant" }));
    expect(refused.problems).toEqual([{ path: "role", message: "Choose owner or viewer." }]);

    await revokeClientInvitation(owner, { organizationId: client.id, invitationId: inv.id });
    expect(await listClientInvitations(owner, { organizationId: client.id })).toEqual([]);
    expect((await errorOf(revokeClientInvitation(owner, { organizationId: client.id, invitationId: inv.id }))).status).toBe(404);
  });

  it("an accepted owner invitation makes the person the organisation's owner", async () => {
    const { firm, owner } = await firmWithTeam();
    const { client } = await clientOf(owner, firm.id);
    const clientOwner = await joinAs(owner, client.id, "owner");
    expect((await getOrganization(clientOwner, { organizationId: client.id })).role).toBe("owner");
  });

  it("switching to a client gives another consultant of the firm a consultant membership, once", async () => {
    const { firm, owner, consultants } = await firmWithTeam("Harbor IT", 2);
    const { client } = await clientOf(consultants[0]!, firm.id);
    const other = consultants[1]!;
    expect((await errorOf(getOrganization(other, { organizationId: client.id }))).status).toBe(404);
    await openClient(other, { organizationId: client.id });
    await openClient(other, { organizationId: client.id });
    expect((await getOrganization(other, { organizationId: client.id })).role).toBe("consultant");
    expect(await getDb().membership.count({ where: { organizationId: client.id, userId: other.userId } })).toBe(1);
    // The firm owner, too, through the firm.
    await openClient(owner, { organizationId: client.id });
    expect((await getOrganization(owner, { organizationId: client.id })).role).toBe("consultant");
  });
});

describe("portfolio", () => {
  it("gives each client its latest loss, top SPOF, plan cost, money removed and date; other firms' clients are absent", async () => {
    const { firm, owner, consultants } = await firmWithTeam();
    const other = await firmWithTeam("Other IT");
    await clientOf(other.owner, other.firm.id, "Not Mine");
    const harbor = await clientOf(consultants[0]!, firm.id, "Harbor Dental");
    const northwind = await clientOf(consultants[0]!, firm.id, "Northwind Parts");
    await clientOf(consultants[0]!, firm.id, "Corner Bistro");
    const day1 = new Date("2026-11-20T09:00:00Z");
    const day2 = new Date("2026-11-22T09:00:00Z");
    for (const [c, name] of [[harbor, "harbor-dental"], [northwind, "northwind-parts"]] as const) {
      const { version } = await importClientInventory(owner, { organizationId: c.client.id, assessmentId: c.assessmentId, text: exampleText(name), version: c.version });
      await assessClient(owner, { organizationId: c.client.id, assessmentId: c.assessmentId, version }, day1);
    }
    // Harbor Dental fixes its practice-management server's single point of failure by halving its failures.
    const harborInventory = JSON.parse(exampleText("harbor-dental")) as { components: Array<{ id: string; failuresPerYear?: number }> };
    const changed = { ...harborInventory, components: harborInventory.components.map((c) => (c.id === "pms" ? { ...c, failuresPerYear: 0.1 } : c)) };
    const current = await getDb().assessment.findUniqueOrThrow({ where: { id: harbor.assessmentId }, select: { version: true } });
    const { version } = await importClientInventory(owner, { organizationId: harbor.client.id, assessmentId: harbor.assessmentId, text: JSON.stringify(changed), version: current.version });
    await assessClient(owner, { organizationId: harbor.client.id, assessmentId: harbor.assessmentId, version }, day2);

    const rows = await getPortfolio(consultants[0]!, { firmId: firm.id });
    expect(rows.map((r) => r.name)).toEqual(["Corner Bistro", "Harbor Dental", "Northwind Parts"]);
    const byName = new Map(rows.map((r) => [r.name, r]));

    const expectedHarbor1 = assessInventory(JSON.parse(exampleText("harbor-dental")), { asOf: "2026-11-20" });
    const expectedHarbor2 = assessInventory(changed, { asOf: "2026-11-22" });
    const expectedNorthwind = assessInventory(JSON.parse(exampleText("northwind-parts")), { asOf: "2026-11-20" });
    if (!expectedHarbor1.ok || !expectedHarbor2.ok || !expectedNorthwind.ok) throw new Error("the examples must assess");

    const h = byName.get("Harbor Dental")!;
    expect(h.expectedAnnualLoss).toBeCloseTo(expectedHarbor2.assessment.expectedAnnualLoss, 6);
    expect(h.lastAssessedAt).toEqual(day2);
    expect(h.moneyRemoved).toBeCloseTo(expectedHarbor1.assessment.expectedAnnualLoss - expectedHarbor2.assessment.expectedAnnualLoss, 6);
    expect(h.moneyRemoved!).toBeGreaterThan(0);
    expect(h.planCost).toBeCloseTo(expectedHarbor2.assessment.plan.reduce((s, p) => s + p.annualizedCost, 0), 6);

    const n = byName.get("Northwind Parts")!;
    expect(n.moneyRemoved).toBeNull();
    // The top SPOF is the single component with the most loss through it alone, summed over functions.
    const perComponent = new Map<string, number>();
    for (const f of expectedNorthwind.assessment.functions) {
      for (const s of f.spofExplanations) perComponent.set(s.component, (perComponent.get(s.component) ?? 0) + s.expectedAnnualLoss);
    }
    const [topId, topMoney] = [...perComponent.entries()].sort((x, y) => y[1] - x[1])[0]!;
    expect(n.topSpof).toMatchObject({ componentId: topId, money: expect.closeTo(topMoney, 6) });
    expect(n.topSpof!.name).toBe(expectedNorthwind.assessment.events.find((e) => e.id === topId)!.name);

    expect(byName.get("Corner Bistro")).toMatchObject({ lastAssessedAt: null, expectedAnnualLoss: null, topSpof: null, planCost: null });
    expect((await errorOf(getPortfolio(await newActor(), { firmId: firm.id }))).status).toBe(404);
  });
});

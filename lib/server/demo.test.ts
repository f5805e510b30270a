import { describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { createUser } from "../../tests/factories";
import { errorOf } from "../../tests/support/consultant";
import {
  acceptInvitation,
  completeAssessment,
  createInvitation,
  createOrganization,
  getLatestResult,
  listAssessments,
  listMyOrganizations,
  saveAssessmentDraft,
  type Actor,
} from "./access";
import { getDb } from "./db";
import { DEMO_EMAIL, DEMO_ORGANIZATION } from "./demo";
import { createFirm } from "./firms";

/** The demo account and its organisation's assessment, seeded (or already there). */
async function demo(): Promise<{ actor: Actor; ids: { organizationId: string; assessmentId: string }; version: number }> {
  await seedDemo();
  const user = await getDb().user.findUniqueOrThrow({ where: { email: DEMO_EMAIL }, select: { id: true } });
  const actor = { userId: user.id };
  const org = (await listMyOrganizations(actor)).find((o) => o.name === DEMO_ORGANIZATION)!;
  const [assessment] = await listAssessments(actor, { organizationId: org.id });
  return { actor, ids: { organizationId: org.id, assessmentId: assessment!.id }, version: assessment!.version };
}

const SHARED = "The demo account is shared by every visitor, so it can look around but not change anything. Sign up to assess your own business.";

describe("the shared demo account", () => {
  it("sees the demo's results, as a viewer", async () => {
    const { actor, ids } = await demo();
    expect((await listMyOrganizations(actor)).find((o) => o.id === ids.organizationId)?.role).toBe("viewer");
    const latest = await getLatestResult(actor, ids);
    expect(latest?.result.expectedAnnualLoss).toBeGreaterThan(0);
  });

  it("cannot change the demo that every later visitor sees", async () => {
    const { actor, ids, version } = await demo();
    const save = await errorOf(saveAssessmentDraft(actor, { ...ids, inventory: { format: "resilience-inventory/1" }, version }));
    expect(save.code).toBe("FORBIDDEN");
    const calculate = await errorOf(completeAssessment(actor, { ...ids, version }));
    expect(calculate.code).toBe("FORBIDDEN");
    const invite = await errorOf(createInvitation(actor, { organizationId: ids.organizationId, role: "viewer" }));
    expect(invite.code).toBe("FORBIDDEN");
  });

  it("creates nothing that later visitors would find: organisations, firms, memberships", async () => {
    const { actor } = await demo();
    const before = await listMyOrganizations(actor);
    expect((await errorOf(createOrganization(actor, { name: "Anything" }))).message).toBe(SHARED);
    expect((await errorOf(createFirm(actor, { name: "Any firm" }))).message).toBe(SHARED);

    const owner = await createUser();
    const org = await createOrganization({ userId: owner.id }, { name: "Someone's shop" });
    const invitation = await createInvitation({ userId: owner.id }, { organizationId: org.id, role: "viewer" });
    expect((await errorOf(acceptInvitation(actor, { token: invitation.path.replace("/invite/", "") }))).message).toBe(SHARED);
    expect(await listMyOrganizations(actor)).toEqual(before);
    // The invitation is still there for the person it was meant for.
    const someone = await createUser();
    await expect(acceptInvitation({ userId: someone.id }, { token: invitation.path.replace("/invite/", "") })).resolves.toMatchObject({ organizationId: org.id, role: "viewer" });
  });

  it("a database seeded before the demo became read-only is put right by seeding again", async () => {
    const { actor, ids } = await demo();
    await getDb().membership.update({ where: { userId_organizationId: { userId: actor.userId, organizationId: ids.organizationId } }, data: { role: "owner" } });
    expect(await seedDemo()).toEqual({ created: false });
    expect((await listMyOrganizations(actor)).find((o) => o.id === ids.organizationId)?.role).toBe("viewer");
  });
});

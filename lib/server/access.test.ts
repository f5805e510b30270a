import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { addMember, createUser } from "../../tests/factories";
import {
  acceptInvitation,
  completeAssessment,
  createAssessment,
  createInvitation,
  createOrganization,
  getAssessment,
  getAssessmentSummary,
  getLatestResult,
  getOrganization,
  hashInvitationToken,
  listAssessments,
  listInvitations,
  listMembers,
  listMyOrganizations,
  previewInvitation,
  removeMember,
  revokeInvitation,
  saveAssessmentDraft,
  type Actor,
} from "./access";
import { getDb } from "./db";
import { AppError } from "./errors";

const harborDental = JSON.parse(readFileSync(new URL("../../fixtures/examples/harbor-dental.json", import.meta.url), "utf8"));
const harborExpected = JSON.parse(
  readFileSync(new URL("../../fixtures/examples/harbor-dental.expected.json", import.meta.url), "utf8"),
);

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

/** An organisation with an owner, a consultant and a viewer, and its first assessment. */
async function orgWithTeam(name = "Harbor Dental") {
  const owner = await createUser({ name: "Olive Owner" });
  const consultant = await createUser({ name: "Connie Consultant" });
  const viewer = await createUser({ name: "Vic Viewer" });
  const org = await createOrganization({ userId: owner.id }, { name });
  await addMember(consultant.id, org.id, "consultant");
  await addMember(viewer.id, org.id, "viewer");
  const [assessment] = await listAssessments({ userId: owner.id }, { organizationId: org.id });
  return {
    org,
    assessmentId: assessment!.id,
    owner: { userId: owner.id } as Actor,
    consultant: { userId: consultant.id } as Actor,
    viewer: { userId: viewer.id } as Actor,
    ownerEmail: owner.email,
  };
}

describe("organisations", () => {
  it("makes the creator owner, with a first assessment whose inventory names the business", async () => {
    const user = await createUser();
    const org = await createOrganization({ userId: user.id }, { name: "  Corner Bistro " });
    expect(org).toMatchObject({ name: "Corner Bistro", role: "owner" });
    const mine = await listMyOrganizations({ userId: user.id });
    expect(mine.map((o) => o.id)).toEqual([org.id]);
    const [a] = await listAssessments({ userId: user.id }, { organizationId: org.id });
    const detail = await getAssessment({ userId: user.id }, { organizationId: org.id, assessmentId: a!.id });
    expect(detail.inventory).toMatchObject({ format: "resilience-inventory/1", organization: { name: "Corner Bistro" } });
    expect(detail.version).toBe(1);
    expect(detail.canEdit).toBe(true);
    // The summary is the detail without its drafts.
    const summary = await getAssessmentSummary({ userId: user.id }, { organizationId: org.id, assessmentId: a!.id });
    const { inventory: _inventory, questionnaire: _questionnaire, ...rest } = detail;
    expect(summary).toEqual(rest);
    expect(summary).not.toHaveProperty("inventory");
  });

  it("refuses an empty name with a field error", async () => {
    const user = await createUser();
    const err = await errorOf(createOrganization({ userId: user.id }, { name: "   " }));
    expect(err.code).toBe("UNPROCESSABLE");
    expect(err.problems).toEqual([{ path: "name", message: "Enter the name of the business." }]);
  });

  it("lists only the caller's organisations", async () => {
    const a = await orgWithTeam("A");
    const b = await orgWithTeam("B");
    const ids = (await listMyOrganizations(a.viewer)).map((o) => o.id);
    expect(ids).toContain(a.org.id);
    expect(ids).not.toContain(b.org.id);
  });

  it("requires a signed-in caller", async () => {
    expect((await errorOf(listMyOrganizations({ userId: "" }))).code).toBe("UNAUTHENTICATED");
    expect((await errorOf(listMyOrganizations(null as unknown as Actor))).status).toBe(401);
  });
});

describe("tenant isolation: another organisation's ids are not found (404, never 403)", () => {
  it("for every read and write, with the foreign organisation's id", async () => {
    const mine = await orgWithTeam("Mine");
    const theirs = await orgWithTeam("Theirs");
    const me = mine.owner;
    const foreign = { organizationId: theirs.org.id, assessmentId: theirs.assessmentId };
    const calls: [string, Promise<unknown>][] = [
      ["getOrganization", getOrganization(me, foreign)],
      ["listAssessments", listAssessments(me, foreign)],
      ["getAssessment", getAssessment(me, foreign)],
      ["getAssessmentSummary", getAssessmentSummary(me, foreign)],
      ["getLatestResult", getLatestResult(me, foreign)],
      ["saveAssessmentDraft", saveAssessmentDraft(me, { ...foreign, inventory: {}, version: 1 })],
      ["completeAssessment", completeAssessment(me, foreign)],
      ["createAssessment", createAssessment(me, { ...foreign, name: "x" })],
      ["listMembers", listMembers(me, foreign)],
      ["listInvitations", listInvitations(me, foreign)],
      ["createInvitation", createInvitation(me, { ...foreign, role: "viewer" })],
      ["removeMember", removeMember(me, { organizationId: theirs.org.id, userId: theirs.viewer.userId })],
    ];
    for (const [name, call] of calls) {
      const err = await errorOf(call);
      expect({ name, status: err.status, code: err.code }).toEqual({ name, status: 404, code: "NOT_FOUND" });
    }
    // Nothing was written to the other organisation.
    const after = await getAssessment(theirs.owner, foreign);
    expect(after.version).toBe(1);
    expect((await listMembers(theirs.owner, foreign)).length).toBe(3);
  });

  it("for another organisation's assessment id under the caller's own organisation id", async () => {
    const mine = await orgWithTeam("Mine");
    const theirs = await orgWithTeam("Theirs");
    const mixed = { organizationId: mine.org.id, assessmentId: theirs.assessmentId };
    expect((await errorOf(getAssessment(mine.owner, mixed))).status).toBe(404);
    expect((await errorOf(getAssessmentSummary(mine.owner, mixed))).status).toBe(404);
    expect((await errorOf(saveAssessmentDraft(mine.owner, { ...mixed, inventory: { a: 1 }, version: 1 }))).status).toBe(404);
    expect((await errorOf(completeAssessment(mine.owner, mixed))).status).toBe(404);
    expect((await getAssessment(theirs.owner, { organizationId: theirs.org.id, assessmentId: theirs.assessmentId })).version).toBe(1);
  });

  it("for another organisation's results under the caller's own organisation id, with or without a snapshot", async () => {
    const mine = await orgWithTeam("Mine");
    const theirs = await orgWithTeam("Theirs");
    const mixed = { organizationId: mine.org.id, assessmentId: theirs.assessmentId };
    expect((await errorOf(getLatestResult(mine.owner, mixed))).status).toBe(404);
    const theirIds = { organizationId: theirs.org.id, assessmentId: theirs.assessmentId };
    await saveAssessmentDraft(theirs.owner, { ...theirIds, inventory: harborDental, version: 1 });
    await completeAssessment(theirs.owner, { ...theirIds, version: 2 });
    expect((await errorOf(getLatestResult(mine.owner, mixed))).status).toBe(404);
    expect(await getLatestResult(theirs.viewer, theirIds)).not.toBeNull();
  });

  it("for unknown and malformed ids, the same answer as for foreign ones", async () => {
    const mine = await orgWithTeam();
    for (const organizationId of ["does-not-exist", "", "../etc", "x".repeat(200), 42 as unknown as string]) {
      expect((await errorOf(getOrganization(mine.owner, { organizationId }))).status).toBe(404);
    }
    const err = await errorOf(getAssessment(mine.owner, { organizationId: mine.org.id, assessmentId: "nope" }));
    expect(err.message).toMatch(/not found/);
    for (const assessmentId of ["nope", "", "../etc", "x".repeat(200)]) {
      expect((await errorOf(getLatestResult(mine.owner, { organizationId: mine.org.id, assessmentId }))).status).toBe(404);
    }
  });

  it("gives an organisation's own name, date and the caller's role from one membership check", async () => {
    const t = await orgWithTeam("Dated");
    const stored = await getDb().organization.findUniqueOrThrow({ where: { id: t.org.id }, select: { createdAt: true } });
    expect(await getOrganization(t.viewer, { organizationId: t.org.id })).toEqual({ id: t.org.id, name: "Dated", createdAt: stored.createdAt, role: "viewer" });
  });

  it("for an archived organisation, even to its own members", async () => {
    const t = await orgWithTeam();
    await getDb().organization.update({ where: { id: t.org.id }, data: { archivedAt: new Date() } });
    expect((await errorOf(getOrganization(t.owner, { organizationId: t.org.id }))).status).toBe(404);
    expect((await listMyOrganizations(t.owner)).map((o) => o.id)).not.toContain(t.org.id);
  });
});

describe("roles", () => {
  it("lets a viewer read but not write", async () => {
    const t = await orgWithTeam();
    const ids = { organizationId: t.org.id, assessmentId: t.assessmentId };
    const detail = await getAssessment(t.viewer, ids);
    expect(detail.canEdit).toBe(false);
    expect(await getAssessmentSummary(t.viewer, ids)).toMatchObject({ role: "viewer", canEdit: false });
    const save = await errorOf(saveAssessmentDraft(t.viewer, { ...ids, inventory: { x: 1 }, version: detail.version }));
    expect({ code: save.code, status: save.status }).toEqual({ code: "FORBIDDEN", status: 403 });
    expect((await errorOf(completeAssessment(t.viewer, ids))).code).toBe("FORBIDDEN");
    expect((await errorOf(createAssessment(t.viewer, { organizationId: t.org.id, name: "x" }))).code).toBe("FORBIDDEN");
    expect((await errorOf(createInvitation(t.viewer, { organizationId: t.org.id, role: "viewer" }))).code).toBe("FORBIDDEN");
    expect((await getAssessment(t.owner, ids)).version).toBe(detail.version);
  });

  it("lets a consultant edit assessments but not manage members", async () => {
    const t = await orgWithTeam();
    const ids = { organizationId: t.org.id, assessmentId: t.assessmentId };
    const saved = await saveAssessmentDraft(t.consultant, { ...ids, questionnaire: { step: 2 }, version: 1 });
    expect(saved.version).toBe(2);
    expect((await errorOf(createInvitation(t.consultant, { organizationId: t.org.id, role: "viewer" }))).code).toBe("FORBIDDEN");
    expect((await errorOf(removeMember(t.consultant, { organizationId: t.org.id, userId: t.viewer.userId }))).code).toBe("FORBIDDEN");
  });

  it("keeps at least one owner", async () => {
    const t = await orgWithTeam();
    const err = await errorOf(removeMember(t.owner, { organizationId: t.org.id, userId: t.owner.userId }));
    expect(err.code).toBe("CONFLICT");
    await removeMember(t.owner, { organizationId: t.org.id, userId: t.viewer.userId });
    expect((await errorOf(getOrganization(t.viewer, { organizationId: t.org.id }))).status).toBe(404);
  });
});

describe("saving drafts with versions", () => {
  it("refuses a stale version with a conflict and keeps the first write", async () => {
    const t = await orgWithTeam();
    const ids = { organizationId: t.org.id, assessmentId: t.assessmentId };
    const { version } = await getAssessment(t.owner, ids);
    const first = await saveAssessmentDraft(t.owner, { ...ids, questionnaire: { tab: "first" }, version });
    expect(first.version).toBe(version + 1);
    const err = await errorOf(saveAssessmentDraft(t.consultant, { ...ids, questionnaire: { tab: "second" }, version }));
    expect(err.code).toBe("CONFLICT");
    expect(err.status).toBe(409);
    expect((err as unknown as { currentVersion: number }).currentVersion).toBe(version + 1);
    const stored = await getAssessment(t.owner, ids);
    expect(stored.questionnaire).toEqual({ tab: "first" });
    expect(stored.version).toBe(version + 1);
  });

  it("lets exactly one of many concurrent saves from the same version win", async () => {
    const t = await orgWithTeam();
    const ids = { organizationId: t.org.id, assessmentId: t.assessmentId };
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => saveAssessmentDraft(t.owner, { ...ids, questionnaire: { writer: i }, version: 1 })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("CONFLICT");
    expect((await getAssessment(t.owner, ids)).version).toBe(2);
  });

  it("loses no edit when writers keep their own copy and retry on conflict", async () => {
    const t = await orgWithTeam();
    const ids = { organizationId: t.org.id, assessmentId: t.assessmentId };
    const writers = 6;
    const editsEach = 5;
    const writer = async (w: number) => {
      let { version, questionnaire } = await getAssessment(t.owner, ids);
      for (let e = 0; e < editsEach; e++) {
        for (;;) {
          const notes = [...((questionnaire.notes as string[] | undefined) ?? []), `w${w}e${e}`];
          try {
            // On success the writer trusts its own copy and the version it was given back.
            ({ version } = await saveAssessmentDraft(t.owner, { ...ids, questionnaire: { notes }, version }));
            questionnaire = { notes };
            break;
          } catch (err) {
            if ((err as AppError).code !== "CONFLICT") throw err;
            ({ version, questionnaire } = await getAssessment(t.owner, ids));
          }
        }
      }
    };
    await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
    const final = await getAssessment(t.owner, ids);
    expect(final.version).toBe(1 + writers * editsEach);
    expect([...(final.questionnaire.notes as string[])].sort()).toEqual(
      Array.from({ length: writers }, (_, w) => Array.from({ length: editsEach }, (_, e) => `w${w}e${e}`)).flat().sort(),
    );
  });

  it("saves only the parts sent and refuses bad payloads by field", async () => {
    const t = await orgWithTeam();
    const ids = { organizationId: t.org.id, assessmentId: t.assessmentId };
    const before = await getAssessment(t.owner, ids);
    await saveAssessmentDraft(t.owner, { ...ids, questionnaire: { step: 3 }, version: 1 });
    const after = await getAssessment(t.owner, ids);
    expect(after.inventory).toEqual(before.inventory);
    expect(after.questionnaire).toEqual({ step: 3 });
    const bad = await errorOf(saveAssessmentDraft(t.owner, { ...ids, inventory: [1, 2] as unknown as object, version: 2 }));
    expect(bad.code).toBe("UNPROCESSABLE");
    expect(bad.problems[0]?.path).toBe("inventory");
    const noVersion = await errorOf(saveAssessmentDraft(t.owner, { ...ids, inventory: {} }));
    expect(noVersion.problems[0]?.path).toBe("version");
    const extra = await errorOf(saveAssessmentDraft(t.owner, { ...ids, inventory: {}, version: 2, sneaky: true }));
    expect(extra.code).toBe("UNPROCESSABLE");
  });
});

describe("invitations", () => {
  it("stores only a hash of the token and lets the invitee join with the invited role", async () => {
    const t = await orgWithTeam();
    const invitee = await createUser();
    const inv = await createInvitation(t.owner, { organizationId: t.org.id, role: "consultant" });
    const token = inv.path.replace("/invite/", "");
    expect(token.length).toBeGreaterThanOrEqual(40);
    const row = await getDb().invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    expect(await previewInvitation(token)).toMatchObject({ organizationName: "Harbor Dental", role: "consultant" });
    expect((await listInvitations(t.owner, { organizationId: t.org.id })).map((i) => i.id)).toContain(inv.id);

    const joined = await acceptInvitation({ userId: invitee.id }, { token });
    expect(joined).toEqual({ organizationId: t.org.id, role: "consultant" });
    const members = await listMembers(t.owner, { organizationId: t.org.id });
    expect(members.find((m) => m.userId === invitee.id)?.role).toBe("consultant");
    expect((await listInvitations(t.owner, { organizationId: t.org.id })).map((i) => i.id)).not.toContain(inv.id);

    const again = await errorOf(acceptInvitation({ userId: (await createUser()).id }, { token }));
    expect(again.code).toBe("GONE");
  });

  it("refuses expired, revoked, unknown and other-address invitations", async () => {
    const t = await orgWithTeam();
    const someone = await createUser();
    const longAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000);
    const expired = await createInvitation(t.owner, { organizationId: t.org.id, role: "viewer" }, longAgo);
    expect((await errorOf(acceptInvitation({ userId: someone.id }, { token: expired.path.slice(8) }))).code).toBe("GONE");

    const revoked = await createInvitation(t.owner, { organizationId: t.org.id, role: "viewer" });
    await revokeInvitation(t.owner, { organizationId: t.org.id, invitationId: revoked.id });
    expect((await errorOf(acceptInvitation({ userId: someone.id }, { token: revoked.path.slice(8) }))).status).toBe(404);

    expect((await errorOf(acceptInvitation({ userId: someone.id }, { token: "x".repeat(43) }))).status).toBe(404);
    expect((await errorOf(previewInvitation("short"))).status).toBe(404);

    const addressed = await createInvitation(t.owner, { organizationId: t.org.id, role: "viewer", email: "Named@Example.test" });
    expect(addressed.email).toBe("named@example.test");
    expect((await errorOf(acceptInvitation({ userId: someone.id }, { token: addressed.path.slice(8) }))).code).toBe("FORBIDDEN");
    const named = await createUser({ email: "named@example.test" });
    expect((await acceptInvitation({ userId: named.id }, { token: addressed.path.slice(8) })).role).toBe("viewer");
    expect(await listMyOrganizations({ userId: someone.id })).toEqual([]);
  });

  it("does not demote an existing member who accepts", async () => {
    const t = await orgWithTeam();
    const inv = await createInvitation(t.owner, { organizationId: t.org.id, role: "viewer" });
    expect((await acceptInvitation(t.consultant, { token: inv.path.slice(8) })).role).toBe("consultant");
  });

  it("refuses to invite an owner or a malformed address", async () => {
    const t = await orgWithTeam();
    const asOwner = await errorOf(createInvitation(t.owner, { organizationId: t.org.id, role: "owner" }));
    expect(asOwner.problems[0]?.path).toBe("role");
    const badEmail = await errorOf(createInvitation(t.owner, { organizationId: t.org.id, role: "viewer", email: "not-an-email" }));
    expect(badEmail.problems[0]?.path).toBe("email");
  });
});

describe("completing an assessment", () => {
  it("scores the stored inventory with the engine and keeps a snapshot", async () => {
    const t = await orgWithTeam();
    const ids = { organizationId: t.org.id, assessmentId: t.assessmentId };
    await saveAssessmentDraft(t.owner, { ...ids, inventory: harborDental, version: 1 });
    expect(await getLatestResult(t.viewer, ids)).toBeNull();
    const done = await completeAssessment(t.consultant, { ...ids, version: 2 });
    // The figure of the shared contract example, computed independently of this code.
    expect(done.expectedAnnualLoss).toBeCloseTo(harborExpected.expectedAnnualLoss, 6);
    const latest = await getLatestResult(t.viewer, ids);
    expect(latest?.result.expectedAnnualLoss).toBeCloseTo(harborExpected.expectedAnnualLoss, 6);
    expect(latest?.result.functions.map((f) => [f.id, f.singlePointsOfFailure])).toEqual(
      harborExpected.functions.map((f: { id: string; singlePointsOfFailure: string[] }) => [f.id, f.singlePointsOfFailure]),
    );
    expect(latest?.assessmentVersion).toBe(2);
    expect(latest?.inventory).toEqual(harborDental);
    const list = await listAssessments(t.viewer, { organizationId: t.org.id });
    expect(list[0]?.latestResult?.expectedAnnualLoss).toBeCloseTo(harborExpected.expectedAnnualLoss, 6);
    expect(list[0]?.completedAt).not.toBeNull();
  });

  it("answers an incomplete inventory with the engine's problems by path", async () => {
    const t = await orgWithTeam();
    const ids = { organizationId: t.org.id, assessmentId: t.assessmentId };
    const broken = { ...harborDental, functions: [{ id: "mail", downtimeCostPerHour: 10, requires: "no-such-thing" }] };
    await saveAssessmentDraft(t.owner, { ...ids, inventory: broken, version: 1 });
    const err = await errorOf(completeAssessment(t.owner, ids));
    expect(err.code).toBe("UNPROCESSABLE");
    expect(err.problems.map((p) => p.path)).toContain("functions[0].requires");
    expect(await getLatestResult(t.owner, ids)).toBeNull();
  });

  it("refuses to snapshot a version the caller did not see", async () => {
    const t = await orgWithTeam();
    const ids = { organizationId: t.org.id, assessmentId: t.assessmentId };
    await saveAssessmentDraft(t.owner, { ...ids, inventory: harborDental, version: 1 });
    expect((await errorOf(completeAssessment(t.owner, { ...ids, version: 1 }))).code).toBe("CONFLICT");
  });
});

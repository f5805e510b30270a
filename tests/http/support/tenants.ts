/**
 * The world of the tenant-isolation and fuzzing tests (tests/security/access-table.ts describes
 * it): organisations A and B, clients of firms FA and FB, each with an owner, a consultant (the
 * firm's owner and the organisation's consultant member) and a viewer; a consultant member of both
 * ("dual"); each organisation with a completed assessment (a snapshot), an open invitation and a
 * firm logo. Written through the real data layer into the server's database.
 */
import { createInvitation, type Actor } from "../../../lib/server/access";
import { completeAssessment } from "../../../lib/server/access";
import { createClient } from "../../../lib/server/clients";
import { getDb } from "../../../lib/server/db";
import { createFirm, setFirmLogo } from "../../../lib/server/firms";
import { importClientInventory } from "../../../lib/server/transfer";
import { makePng } from "../../../lib/pdf/testing/pdf-text";
import type { PrincipalName, Target } from "../../security/access-table";
import { addMember } from "../../factories";
import { exampleText } from "../../support/consultant";
import { createPrincipal, type Principal } from "./client";

export interface OrgWorld {
  readonly orgId: string;
  readonly assessmentId: string;
  readonly snapshotId: string;
  readonly firmId: string;
  readonly invitationId: string;
  readonly invitationPath: string;
  readonly owner: Principal;
  readonly consultant: Principal;
  readonly viewer: Principal;
}

export interface World {
  readonly A: OrgWorld;
  readonly B: OrgWorld;
  readonly dual: Principal;
  readonly principals: Readonly<Record<PrincipalName, Principal | null>>;
}

async function organization(label: "A" | "B", example: string): Promise<OrgWorld> {
  const consultant = await createPrincipal(`Consultant ${label}`);
  const owner = await createPrincipal(`Owner ${label}`);
  const viewer = await createPrincipal(`Viewer ${label}`);
  const c: Actor = { userId: consultant.id };
  const firm = await createFirm(c, { name: `Firm ${label}` });
  await setFirmLogo(c, { firmId: firm.id, data: makePng(40, 20) });
  const client = await createClient(c, { firmId: firm.id, name: `Organisation ${label}` });
  await addMember(owner.id, client.id, "owner");
  await addMember(viewer.id, client.id, "viewer");
  const assessment = await getDb().assessment.findFirstOrThrow({ where: { organizationId: client.id }, select: { id: true, version: true } });
  await importClientInventory(c, { organizationId: client.id, assessmentId: assessment.id, text: exampleText(example), version: assessment.version });
  const done = await completeAssessment({ userId: owner.id }, { organizationId: client.id, assessmentId: assessment.id });
  const invitation = await createInvitation({ userId: owner.id }, { organizationId: client.id, role: "viewer" });
  return {
    orgId: client.id,
    assessmentId: assessment.id,
    snapshotId: done.snapshotId,
    firmId: firm.id,
    invitationId: invitation.id,
    invitationPath: invitation.path,
    owner,
    consultant,
    viewer,
  };
}

export async function buildWorld(): Promise<World> {
  const A = await organization("A", "harbor-dental");
  const B = await organization("B", "northwind-parts");
  const dual = await createPrincipal("Dual Consultant");
  await addMember(dual.id, A.orgId, "consultant");
  await addMember(dual.id, B.orgId, "consultant");
  return {
    A,
    B,
    dual,
    principals: {
      anonymous: null,
      ownerA: A.owner,
      consultantA: A.consultant,
      viewerA: A.viewer,
      dual,
      ownerB: B.owner,
      consultantB: B.consultant,
      viewerB: B.viewer,
    },
  };
}

/** The table's view of one organisation, with the other's child ids for mixed URLs. */
export function targetOf(own: OrgWorld, other: OrgWorld): Target {
  return {
    orgId: own.orgId,
    assessmentId: own.assessmentId,
    snapshotId: own.snapshotId,
    firmId: own.firmId,
    invitationPath: own.invitationPath,
    foreignAssessmentId: other.assessmentId,
    foreignSnapshotId: other.snapshotId,
  };
}

/** Ids that only people with access to this organisation (or its firm) may ever see. */
export function secretsOf(org: OrgWorld): string[] {
  return [org.orgId, org.assessmentId, org.snapshotId, org.firmId, org.invitationId, org.owner.id, org.consultant.id, org.viewer.id];
}

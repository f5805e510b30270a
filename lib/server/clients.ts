import "server-only";
/**
 * A consultant firm's clients: organisations created by the firm (`createdByFirmId`). Every
 * function checks the caller on every call, in one place (`authorizeClient`):
 *
 * - a member of the managing firm may read the client (archived or not) and, with the firm's
 *   `manageClients` permission, write to it and manage it (rename, archive, invite its people);
 * - a member of the organisation itself (the client's owner or a viewer) may read it while it is
 *   not archived, and write only with a role that may edit assessments;
 * - anyone else, and any unknown or malformed id, gets NotFound (404, never 403).
 */
import { randomBytes } from "node:crypto";
import { compareAssessments, type ComparableAssessment } from "../history/compare";
import { planCostOf, topSpofOf, type PortfolioRow } from "../consultant/portfolio";
import { ClientInvitationSchema, CreateClientSchema, RenameClientSchema, type FirmRole } from "../consultant/schemas";
import { can, RoleSchema, type Role } from "../roles";
import { completeAssessment, hashInvitationToken, INVITATION_DAYS, starterInventory, type Actor, type CompletedAssessment } from "./access";
import { checkActor, checkId, parseInput } from "./consultant-guards";
import { getDb } from "./db";
import { AppError, ForbiddenError, NotFoundError } from "./errors";
import { authorizeFirm, firmRoleOf } from "./firms";

export type ClientNeed = "read" | "write" | "manage";

export interface ClientAccess {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly isArchived: boolean;
  readonly firmId: string | null;
  /** The caller's role in the managing firm, when they are a member of it. */
  readonly firmRole: FirmRole | null;
  /** The caller's own membership of the organisation, when they have one. */
  readonly orgRole: Role | null;
  readonly canWrite: boolean;
  readonly canManage: boolean;
}

export class ArchivedClientError extends AppError {
  constructor() {
    super("CONFLICT", "This client is archived: unarchive it before changing anything.");
  }
}

/**
 * The caller's access to a client organisation for `need`, or NotFound (no access, unknown id),
 * Forbidden (can see it, may not do this) or ArchivedClientError (writes to an archived client).
 */
export async function authorizeClient(actor: Actor, organizationId: unknown, need: ClientNeed = "read", action = "do that"): Promise<ClientAccess> {
  const { userId } = checkActor(actor);
  const id = checkId(organizationId, "That client");
  const org = await getDb().organization.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      archivedAt: true,
      createdByFirmId: true,
      memberships: { where: { userId }, select: { role: true } },
    },
  });
  if (!org) throw new NotFoundError("That client");
  const firmRole = await firmRoleOf(userId, org.createdByFirmId);
  const membership = org.memberships[0];
  const orgRole = membership ? RoleSchema.parse(membership.role) : null;
  const isArchived = org.archivedAt !== null;
  // An archived organisation is gone for its own members (as in lib/server/access.ts); its firm keeps it.
  const visible = firmRole !== null || (orgRole !== null && !isArchived);
  if (!visible) throw new NotFoundError("That client");
  const canManage = firmRole !== null;
  const canWrite = canManage || (orgRole !== null && can(orgRole, "editAssessment"));
  const access: ClientAccess = {
    organizationId: org.id,
    organizationName: org.name,
    isArchived,
    firmId: org.createdByFirmId,
    firmRole,
    orgRole,
    canWrite: canWrite && !isArchived,
    canManage,
  };
  if (need === "manage" && !canManage) throw new ForbiddenError(action);
  if (need === "write" && !canWrite) throw new ForbiddenError(action);
  if (need === "write" && isArchived) throw new ArchivedClientError();
  return access;
}

// ---------------------------------------------------------------- clients of a firm

export interface ClientSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly archivedAt: Date | null;
}

const CLIENT_SELECT = { id: true, name: true, createdAt: true, archivedAt: true } as const;

/**
 * A new client organisation managed by the firm, with its first assessment (as every organisation
 * has). The consultant who creates it becomes its consultant member, so the questionnaire and
 * results pages (which check organisation membership) open for them at once.
 */
export async function createClient(actor: Actor, input: { firmId: unknown; name?: unknown }): Promise<ClientSummary> {
  const m = await authorizeFirm(actor, input.firmId, "manageClients", "add clients");
  const { name } = parseInput(CreateClientSchema, { name: input.name });
  return getDb().$transaction(async (tx) => {
    const org = await tx.organization.create({ data: { name, createdByFirmId: m.firmId }, select: CLIENT_SELECT });
    await tx.membership.create({ data: { userId: actor.userId, organizationId: org.id, role: "consultant" } });
    await tx.assessment.create({
      data: {
        organizationId: org.id,
        name: "Resilience assessment",
        inventoryJson: JSON.stringify(starterInventory(name)),
        questionnaireJson: "{}",
      },
    });
    return org;
  });
}

export async function listClients(actor: Actor, input: { firmId: unknown }): Promise<ClientSummary[]> {
  const m = await authorizeFirm(actor, input.firmId);
  return getDb().organization.findMany({
    where: { createdByFirmId: m.firmId },
    select: CLIENT_SELECT,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

export interface ClientDetail extends ClientSummary {
  readonly access: ClientAccess;
  readonly firm: { readonly id: string; readonly name: string } | null;
  readonly assessments: ReadonlyArray<{ readonly id: string; readonly name: string; readonly version: number; readonly updatedAt: Date }>;
}

export async function getClient(actor: Actor, input: { organizationId: unknown }): Promise<ClientDetail> {
  const access = await authorizeClient(actor, input.organizationId);
  const row = await getDb().organization.findUniqueOrThrow({
    where: { id: access.organizationId },
    select: {
      ...CLIENT_SELECT,
      createdByFirm: { select: { id: true, name: true } },
      assessments: { select: { id: true, name: true, version: true, updatedAt: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
    },
  });
  const { createdByFirm, assessments, ...client } = row;
  // Only members of the firm learn which firm manages the client here; the report shows it to everyone.
  return { ...client, access, firm: access.firmRole ? createdByFirm : null, assessments };
}

export async function renameClient(actor: Actor, input: { organizationId: unknown; name?: unknown }): Promise<ClientSummary> {
  const access = await authorizeClient(actor, input.organizationId, "manage", "rename this client");
  const { name } = parseInput(RenameClientSchema, { name: input.name });
  return getDb().organization.update({ where: { id: access.organizationId }, data: { name }, select: CLIENT_SELECT });
}

/** Archived clients leave the portfolio's default view and their members' lists; nothing is deleted. */
export async function archiveClient(actor: Actor, input: { organizationId: unknown }, now = new Date()): Promise<ClientSummary> {
  const access = await authorizeClient(actor, input.organizationId, "manage", "archive this client");
  return getDb().organization.update({ where: { id: access.organizationId }, data: { archivedAt: now }, select: CLIENT_SELECT });
}

export async function unarchiveClient(actor: Actor, input: { organizationId: unknown }): Promise<ClientSummary> {
  const access = await authorizeClient(actor, input.organizationId, "manage", "unarchive this client");
  return getDb().organization.update({ where: { id: access.organizationId }, data: { archivedAt: null }, select: CLIENT_SELECT });
}

/**
 * Switch to a client: a firm member without a membership of the organisation (another consultant
 * of the firm) gets one as consultant, so the organisation's own pages open for them. Existing
 * memberships keep their role.
 */
export async function openClient(actor: Actor, input: { organizationId: unknown }): Promise<{ organizationId: string }> {
  const access = await authorizeClient(actor, input.organizationId, "read");
  if (access.isArchived) throw new ArchivedClientError();
  if (access.firmRole !== null && access.orgRole === null) {
    await getDb().membership.upsert({
      where: { userId_organizationId: { userId: actor.userId, organizationId: access.organizationId } },
      create: { userId: actor.userId, organizationId: access.organizationId, role: "consultant" },
      update: {},
    });
  }
  return { organizationId: access.organizationId };
}

/** Score an assessment of the client and keep the snapshot (lib/server/access.ts completeAssessment). */
export async function assessClient(
  actor: Actor,
  input: { organizationId: unknown; assessmentId: unknown; version?: number },
  now = new Date(),
): Promise<CompletedAssessment> {
  const access = await authorizeClient(actor, input.organizationId, "write", "assess this client");
  if (access.firmRole !== null) await openClient(actor, { organizationId: access.organizationId });
  return completeAssessment(
    actor,
    { organizationId: access.organizationId, assessmentId: checkId(input.assessmentId, "That assessment"), version: input.version },
    now,
  );
}

// ---------------------------------------------------------------- inviting the client's people

export interface ClientInvitationCreated {
  readonly id: string;
  /** Path of the invitation link (`/invite/<token>`); the token is shown once and stored only hashed. */
  readonly path: string;
  readonly role: "owner" | "viewer";
  readonly email: string | null;
  readonly expiresAt: Date;
}

/**
 * An invitation link for the client's owner (or a viewer), accepted through the platform's
 * /invite page. Only the managing firm's members may create one.
 */
export async function inviteClientUser(
  actor: Actor,
  input: { organizationId: unknown; role?: unknown; email?: unknown },
  now = new Date(),
): Promise<ClientInvitationCreated> {
  const access = await authorizeClient(actor, input.organizationId, "manage", "invite the client's people");
  if (access.isArchived) throw new ArchivedClientError();
  const { role, email } = parseInput(ClientInvitationSchema, { role: input.role, email: input.email });
  // 32 random bytes: unguessable, so the link itself is the credential.
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  const row = await getDb().invitation.create({
    data: {
      organizationId: access.organizationId,
      tokenHash: hashInvitationToken(token),
      role,
      email: email ?? null,
      createdById: actor.userId,
      expiresAt,
    },
    select: { id: true, email: true, expiresAt: true },
  });
  return { id: row.id, path: `/invite/${token}`, role, email: row.email, expiresAt: row.expiresAt };
}

export interface ClientInvitationSummary {
  readonly id: string;
  readonly role: Role;
  readonly email: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export async function listClientInvitations(actor: Actor, input: { organizationId: unknown }, now = new Date()): Promise<ClientInvitationSummary[]> {
  const access = await authorizeClient(actor, input.organizationId, "manage", "see the client's invitations");
  const rows = await getDb().invitation.findMany({
    where: { organizationId: access.organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, role: true, email: true, createdAt: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({ ...r, role: RoleSchema.parse(r.role) }));
}

export async function revokeClientInvitation(actor: Actor, input: { organizationId: unknown; invitationId: unknown }, now = new Date()): Promise<void> {
  const access = await authorizeClient(actor, input.organizationId, "manage", "revoke the client's invitations");
  const id = checkId(input.invitationId, "That invitation");
  const res = await getDb().invitation.updateMany({
    where: { id, organizationId: access.organizationId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  if (res.count === 0) throw new NotFoundError("That invitation");
}

// ---------------------------------------------------------------- portfolio

function parseResult(json: string): ComparableAssessment | null {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" ? (value as ComparableAssessment) : null;
  } catch {
    return null;
  }
}

/**
 * Every client of the firm with the figures of its latest snapshot: expected annual loss, top
 * single point of failure, plan cost, and the money at risk removed since the snapshot before.
 * Unsorted and unfiltered: lib/consultant/portfolio.ts does that for the page.
 */
export async function getPortfolio(actor: Actor, input: { firmId: unknown }): Promise<PortfolioRow[]> {
  const m = await authorizeFirm(actor, input.firmId);
  const orgs = await getDb().organization.findMany({
    where: { createdByFirmId: m.firmId },
    select: {
      ...CLIENT_SELECT,
      snapshots: {
        select: { id: true, createdAt: true, expectedAnnualLoss: true, currency: true, resultJson: true },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 2,
      },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return orgs.map((org): PortfolioRow => {
    const [latest, previous] = org.snapshots;
    const base = { id: org.id, name: org.name, isArchived: org.archivedAt !== null };
    if (!latest) return { ...base, lastAssessedAt: null, snapshotId: null, expectedAnnualLoss: null, currency: null, topSpof: null, planCost: null, moneyRemoved: null };
    const result = parseResult(latest.resultJson);
    const before = previous ? parseResult(previous.resultJson) : null;
    const comparison = result && before ? compareAssessments(before, result) : null;
    return {
      ...base,
      lastAssessedAt: latest.createdAt,
      snapshotId: latest.id,
      expectedAnnualLoss: latest.expectedAnnualLoss,
      currency: latest.currency,
      topSpof: result ? topSpofOf(result) : null,
      planCost: result ? planCostOf(result) : null,
      moneyRemoved: comparison && comparison.sameCurrency ? comparison.expectedAnnualLoss.removed : null,
    };
  });
}

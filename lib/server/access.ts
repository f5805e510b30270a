import "server-only";
/**
 * The one data-access layer. Every read and write takes the caller (`Actor`, from the session)
 * and checks that the caller is a member of the organisation with a role that allows the action.
 * Another organisation's id and an unknown id give the same NotFoundError (404), so ids leak
 * nothing. Reads select explicit fields and return plain objects.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { assessInventory, ENGINE_VERSION, INVENTORY_FORMAT, type Assessment as EngineAssessment } from "../engine/index";
import {
  CreateAssessmentSchema,
  CreateInvitationSchema,
  CreateOrganizationSchema,
  fieldErrorsOf,
} from "../forms/schemas";
import { can, RoleSchema, type Permission, type Role } from "../roles";
import { getDb } from "./db";
import { DEMO_EMAIL } from "./demo";
import { isVersionCheckDisabledForTests } from "./security/test-flags";
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  SharedDemoError,
  UnauthenticatedError,
  ValidationError,
  type FieldProblem,
} from "./errors";

/** Who is asking: built from a verified session, never from request input. */
export interface Actor {
  readonly userId: string;
}

export const INVITATION_DAYS = 7;
/** Largest inventory or questionnaire document accepted, in characters of JSON. */
export const MAX_DOCUMENT_CHARS = 2_000_000;

const ID_SHAPE = /^[A-Za-z0-9_-]{1,64}$/;

function checkActor(actor: Actor | null | undefined): Actor {
  if (!actor || typeof actor.userId !== "string" || actor.userId === "") throw new UnauthenticatedError();
  return actor;
}

/**
 * Refuse the shared demo account: it is a viewer of the demo organisation (prisma/seed.ts), and
 * must not create what every later visitor would find (organisations, firms, memberships).
 */
export async function refuseSharedDemo(userId: string): Promise<void> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { email: true } });
  if (user?.email === DEMO_EMAIL) throw new SharedDemoError();
}

/** An id from a URL or form: anything malformed is simply not found. */
function checkId(id: unknown, what: string): string {
  if (typeof id !== "string" || !ID_SHAPE.test(id)) throw new NotFoundError(what);
  return id;
}

function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems: FieldProblem[] = Object.entries(fieldErrorsOf(parsed.error)).map(([path, messages]) => ({
      path,
      message: messages?.[0] ?? "is not valid",
    }));
    throw new ValidationError("Please correct the highlighted fields.", problems);
  }
  return parsed.data;
}

interface MembershipCheck {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly organizationCreatedAt: Date;
  readonly role: Role;
}

/**
 * The caller's membership of an organisation, or NotFound. With `permission`, a member whose role
 * lacks it gets Forbidden: they can already see the organisation, so 403 reveals nothing new.
 */
async function authorize(actor: Actor, organizationId: unknown, permission?: Permission, action = "do that"): Promise<MembershipCheck> {
  const { userId } = checkActor(actor);
  const orgId = checkId(organizationId, "That organisation");
  const membership = await getDb().membership.findUnique({
    where: { userId_organizationId: { userId, organizationId: orgId } },
    select: { role: true, organization: { select: { id: true, name: true, createdAt: true, archivedAt: true } } },
  });
  if (!membership || membership.organization.archivedAt) throw new NotFoundError("That organisation");
  const role = RoleSchema.parse(membership.role);
  if (permission && !can(role, permission)) throw new ForbiddenError(action);
  return {
    organizationId: membership.organization.id,
    organizationName: membership.organization.name,
    organizationCreatedAt: membership.organization.createdAt,
    role,
  };
}

// ---------------------------------------------------------------- organisations

export interface OrganizationSummary {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: Date;
}

/** A starting inventory that the engine accepts: the business name and neutral defaults. */
export function starterInventory(organizationName: string): Record<string, unknown> {
  return {
    format: INVENTORY_FORMAT,
    organization: { name: organizationName, currency: "USD", operatingHoursPerWeek: 40 },
  };
}

export async function createOrganization(actor: Actor, input: unknown): Promise<OrganizationSummary> {
  const { userId } = checkActor(actor);
  const { name } = parseInput(CreateOrganizationSchema, input);
  await refuseSharedDemo(userId);
  return insertOrganization(userId, name);
}

/**
 * A new organisation owned by `userId`, with its first assessment. No checks: createOrganization
 * makes them; the demo seed (prisma/seed.ts) calls this for the shared demo account.
 */
export async function insertOrganization(userId: string, name: string): Promise<OrganizationSummary> {
  const org = await getDb().$transaction(async (tx) => {
    const created = await tx.organization.create({ data: { name }, select: { id: true, name: true, createdAt: true } });
    await tx.membership.create({ data: { userId, organizationId: created.id, role: "owner" } });
    // Every organisation starts with one assessment, so the dashboard leads straight to the questions.
    await tx.assessment.create({
      data: {
        organizationId: created.id,
        name: "Resilience assessment",
        inventoryJson: JSON.stringify(starterInventory(name)),
        questionnaireJson: "{}",
      },
    });
    return created;
  });
  return { ...org, role: "owner" };
}

export async function listMyOrganizations(actor: Actor): Promise<OrganizationSummary[]> {
  const { userId } = checkActor(actor);
  const rows = await getDb().membership.findMany({
    where: { userId, organization: { archivedAt: null } },
    select: { role: true, organization: { select: { id: true, name: true, createdAt: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return rows.map((r) => ({ ...r.organization, role: RoleSchema.parse(r.role) }));
}

export async function getOrganization(actor: Actor, input: { organizationId: string }): Promise<OrganizationSummary> {
  // The membership check already read the organisation: no second query.
  const m = await authorize(actor, input.organizationId);
  return { id: m.organizationId, name: m.organizationName, createdAt: m.organizationCreatedAt, role: m.role };
}

// ---------------------------------------------------------------- members and invitations

export interface MemberSummary {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
  readonly joinedAt: Date;
}

export interface InvitationSummary {
  readonly id: string;
  readonly role: Role;
  readonly email: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export async function listMembers(actor: Actor, input: { organizationId: string }): Promise<MemberSummary[]> {
  const m = await authorize(actor, input.organizationId);
  const rows = await getDb().membership.findMany({
    where: { organizationId: m.organizationId },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({
    userId: r.user.id,
    name: r.user.name,
    email: r.user.email,
    role: RoleSchema.parse(r.role),
    joinedAt: r.createdAt,
  }));
}

/** Open invitations (not accepted, revoked or expired). Owners only: the list names people. */
export async function listInvitations(actor: Actor, input: { organizationId: string }, now = new Date()): Promise<InvitationSummary[]> {
  const m = await authorize(actor, input.organizationId, "manageMembers", "see invitations");
  const rows = await getDb().invitation.findMany({
    where: { organizationId: m.organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, role: true, email: true, createdAt: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({ ...r, role: RoleSchema.parse(r.role) }));
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export interface CreatedInvitation {
  readonly id: string;
  /** Path of the invitation link (`/invite/<token>`); the token is shown once and stored only hashed. */
  readonly path: string;
  readonly role: Role;
  readonly email: string | null;
  readonly expiresAt: Date;
}

export async function createInvitation(
  actor: Actor,
  input: { organizationId: string; role?: unknown; email?: unknown },
  now = new Date(),
): Promise<CreatedInvitation> {
  const m = await authorize(actor, input.organizationId, "manageMembers", "invite people");
  const { role, email } = parseInput(CreateInvitationSchema, { role: input.role, email: input.email });
  // 32 random bytes: unguessable, so the link itself is the credential.
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  const row = await getDb().invitation.create({
    data: {
      organizationId: m.organizationId,
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

export async function revokeInvitation(actor: Actor, input: { organizationId: string; invitationId: string }, now = new Date()): Promise<void> {
  const m = await authorize(actor, input.organizationId, "manageMembers", "revoke invitations");
  const id = checkId(input.invitationId, "That invitation");
  const res = await getDb().invitation.updateMany({
    where: { id, organizationId: m.organizationId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  if (res.count === 0) throw new NotFoundError("That invitation");
}

export interface InvitationPreview {
  readonly organizationName: string;
  readonly role: Role;
  readonly email: string | null;
  readonly expiresAt: Date;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

async function findUsableInvitation(token: unknown, now: Date) {
  if (typeof token !== "string" || !TOKEN_SHAPE.test(token)) throw new NotFoundError("That invitation");
  const inv = await getDb().invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      role: true,
      email: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { id: true, name: true, archivedAt: true } },
    },
  });
  if (!inv || inv.revokedAt || inv.organization.archivedAt) throw new NotFoundError("That invitation");
  if (inv.acceptedAt) throw new AppError("GONE", "This invitation has already been used. Ask for a new link if you still need access.");
  if (inv.expiresAt <= now) throw new AppError("GONE", "This invitation has expired. Ask the owner for a new link.");
  return inv;
}

/** What the invitation page shows before the person accepts. The token is the credential. */
export async function previewInvitation(token: unknown, now = new Date()): Promise<InvitationPreview> {
  const inv = await findUsableInvitation(token, now);
  return { organizationName: inv.organization.name, role: RoleSchema.parse(inv.role), email: inv.email, expiresAt: inv.expiresAt };
}

export async function acceptInvitation(actor: Actor, input: { token: unknown }, now = new Date()): Promise<{ organizationId: string; role: Role }> {
  const { userId } = checkActor(actor);
  const inv = await findUsableInvitation(input.token, now);
  await refuseSharedDemo(userId);
  if (inv.email) {
    const user = await getDb().user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user || user.email.toLowerCase() !== inv.email.toLowerCase()) {
      throw new AppError("FORBIDDEN", `This invitation is for ${inv.email}. Sign in with that address to accept it.`);
    }
  }
  const role = RoleSchema.parse(inv.role);
  return getDb().$transaction(async (tx) => {
    // Claim the invitation first: of two tabs accepting at once, only one succeeds.
    const claimed = await tx.invitation.updateMany({
      where: { id: inv.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: now, acceptedById: userId },
    });
    if (claimed.count === 0) throw new AppError("GONE", "This invitation has already been used.");
    const existing = await tx.membership.findUnique({
      where: { userId_organizationId: { userId, organizationId: inv.organization.id } },
      select: { role: true },
    });
    // An existing member keeps their role: an invitation never demotes anyone.
    if (existing) return { organizationId: inv.organization.id, role: RoleSchema.parse(existing.role) };
    await tx.membership.create({ data: { userId, organizationId: inv.organization.id, role } });
    return { organizationId: inv.organization.id, role };
  });
}

export async function removeMember(actor: Actor, input: { organizationId: string; userId: string }): Promise<void> {
  const m = await authorize(actor, input.organizationId, "manageMembers", "remove members");
  const target = checkId(input.userId, "That member");
  await getDb().$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { userId_organizationId: { userId: target, organizationId: m.organizationId } },
      select: { id: true, role: true },
    });
    if (!membership) throw new NotFoundError("That member");
    if (membership.role === "owner") {
      const owners = await tx.membership.count({ where: { organizationId: m.organizationId, role: "owner" } });
      if (owners <= 1) throw new AppError("CONFLICT", "An organisation needs at least one owner: make someone else owner first.");
    }
    await tx.membership.delete({ where: { id: membership.id } });
  });
}

// ---------------------------------------------------------------- assessments

export interface AssessmentListItem {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly updatedAt: Date;
  readonly completedAt: Date | null;
  readonly latestResult: { readonly createdAt: Date; readonly expectedAnnualLoss: number; readonly currency: string } | null;
}

export async function listAssessments(actor: Actor, input: { organizationId: string }): Promise<AssessmentListItem[]> {
  const m = await authorize(actor, input.organizationId);
  const rows = await getDb().assessment.findMany({
    where: { organizationId: m.organizationId },
    select: {
      id: true,
      name: true,
      version: true,
      updatedAt: true,
      completedAt: true,
      snapshots: {
        select: { createdAt: true, expectedAnnualLoss: true, currency: true },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
    },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(({ snapshots, ...a }) => ({ ...a, latestResult: snapshots[0] ?? null }));
}

export async function createAssessment(actor: Actor, input: { organizationId: string; name?: unknown }): Promise<{ id: string }> {
  const m = await authorize(actor, input.organizationId, "createAssessment", "start an assessment");
  const { name } = parseInput(CreateAssessmentSchema, { name: input.name });
  return getDb().assessment.create({
    data: {
      organizationId: m.organizationId,
      name,
      inventoryJson: JSON.stringify(starterInventory(m.organizationName)),
      questionnaireJson: "{}",
    },
    select: { id: true },
  });
}

/** What a page needs to know about an assessment besides its drafts (layouts, the results page). */
export interface AssessmentSummary {
  readonly id: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly name: string;
  readonly version: number;
  readonly updatedAt: Date;
  readonly completedAt: Date | null;
  readonly role: Role;
  readonly canEdit: boolean;
}

export interface AssessmentDetail {
  readonly id: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly name: string;
  /** The stored inventory draft (may be incomplete; validated when the assessment is completed). */
  readonly inventory: Record<string, unknown>;
  readonly questionnaire: Record<string, unknown>;
  readonly version: number;
  readonly updatedAt: Date;
  readonly completedAt: Date | null;
  readonly role: Role;
  readonly canEdit: boolean;
}

function parseStoredObject(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json);
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const ASSESSMENT_SUMMARY_FIELDS = { id: true, organizationId: true, name: true, version: true, updatedAt: true, completedAt: true } as const;

async function findAssessment(organizationId: string, assessmentId: unknown) {
  const id = checkId(assessmentId, "That assessment");
  // Scoped by organisation as well as id: an id from another organisation is simply not found.
  const row = await getDb().assessment.findFirst({
    where: { id, organizationId },
    select: { ...ASSESSMENT_SUMMARY_FIELDS, inventoryJson: true, questionnaireJson: true },
  });
  if (!row) throw new NotFoundError("That assessment");
  return row;
}

/**
 * An assessment without its two stored drafts: what a layout's 404 check and the results page
 * need. The drafts are the larger part of the row, and reading and parsing them on every page view
 * was a visible share of the results page's server time.
 */
export async function getAssessmentSummary(actor: Actor, input: { organizationId: string; assessmentId: string }): Promise<AssessmentSummary> {
  const m = await authorize(actor, input.organizationId);
  const id = checkId(input.assessmentId, "That assessment");
  const row = await getDb().assessment.findFirst({ where: { id, organizationId: m.organizationId }, select: ASSESSMENT_SUMMARY_FIELDS });
  if (!row) throw new NotFoundError("That assessment");
  return { ...row, organizationName: m.organizationName, role: m.role, canEdit: can(m.role, "editAssessment") };
}

export async function getAssessment(actor: Actor, input: { organizationId: string; assessmentId: string }): Promise<AssessmentDetail> {
  const m = await authorize(actor, input.organizationId);
  const row = await findAssessment(m.organizationId, input.assessmentId);
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: m.organizationName,
    name: row.name,
    inventory: parseStoredObject(row.inventoryJson),
    questionnaire: parseStoredObject(row.questionnaireJson),
    version: row.version,
    updatedAt: row.updatedAt,
    completedAt: row.completedAt,
    role: m.role,
    canEdit: can(m.role, "editAssessment"),
  };
}

const documentSchema = (label: string) =>
  z
    .record(z.string(), z.unknown(), { error: `${label} must be a JSON object.` })
    .refine((v) => JSON.stringify(v).length <= MAX_DOCUMENT_CHARS, { message: `${label} is too large to save.` });

export const SaveDraftSchema = z
  .strictObject({
    inventory: documentSchema("The inventory").optional(),
    questionnaire: documentSchema("The questionnaire answers").optional(),
    version: z.number({ error: "version is required: the version you last loaded." }).int().min(1),
  })
  .refine((v) => v.inventory !== undefined || v.questionnaire !== undefined, {
    message: "Nothing to save: send the inventory, the questionnaire answers, or both.",
    path: ["inventory"],
  });
export type SaveDraft = z.infer<typeof SaveDraftSchema>;

/**
 * Save the draft if `version` is still the stored version, and bump it. A stale version is
 * refused with a ConflictError carrying the current version: the caller reloads or merges; nothing
 * is silently overwritten.
 */
export async function saveAssessmentDraft(
  actor: Actor,
  input: { organizationId: string; assessmentId: string } & Record<string, unknown>,
): Promise<{ version: number; updatedAt: Date }> {
  const m = await authorize(actor, input.organizationId, "editAssessment", "edit this assessment");
  const { organizationId: _o, assessmentId, ...rest } = input;
  const draft = parseInput(SaveDraftSchema, rest);
  const id = checkId(assessmentId, "That assessment");
  const db = getDb();
  const now = new Date();
  const res = await db.assessment.updateMany({
    // The version condition is the whole concurrency rule; only a test build can drop it, to show
    // that the concurrency test catches the lost updates that follow (security/test-flags.ts).
    where: { id, organizationId: m.organizationId, ...(isVersionCheckDisabledForTests() ? {} : { version: draft.version }) },
    data: {
      ...(draft.inventory ? { inventoryJson: JSON.stringify(draft.inventory) } : {}),
      ...(draft.questionnaire ? { questionnaireJson: JSON.stringify(draft.questionnaire) } : {}),
      version: { increment: 1 },
      updatedAt: now,
    },
  });
  // The write matched `version`, so it produced exactly version + 1. Reading the row back instead
  // could return a later writer's version and let this caller overwrite that write next time.
  if (res.count === 1) return { version: draft.version + 1, updatedAt: now };
  const current = await db.assessment.findFirst({
    where: { id, organizationId: m.organizationId },
    select: { version: true },
  });
  if (!current) throw new NotFoundError("That assessment");
  throw new ConflictError(current.version);
}

/** Today in UTC as YYYY-MM-DD: the date an inventory without `asOf` describes. */
export function todayIso(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export interface CompletedAssessment {
  readonly snapshotId: string;
  readonly expectedAnnualLoss: number;
  readonly currency: string;
}

/**
 * Score the stored inventory with the engine and keep the result as a snapshot. Invalid input
 * comes back as a ValidationError listing the engine's problems by path. With `version`, the
 * snapshot is refused when the assessment changed since the caller read it.
 */
export async function completeAssessment(
  actor: Actor,
  input: { organizationId: string; assessmentId: string; version?: number },
  now = new Date(),
): Promise<CompletedAssessment> {
  const m = await authorize(actor, input.organizationId, "completeAssessment", "complete this assessment");
  const row = await findAssessment(m.organizationId, input.assessmentId);
  if (input.version !== undefined && input.version !== row.version) throw new ConflictError(row.version);
  const inventory: unknown = JSON.parse(row.inventoryJson);
  const result = assessInventory(inventory, { asOf: todayIso(now) });
  if (!result.ok) {
    throw new ValidationError(
      "The answers are not complete enough to calculate a result yet.",
      result.problems.map((p) => ({ path: p.path, message: p.message })),
    );
  }
  const assessment: EngineAssessment = result.assessment;
  const snapshot = await getDb().$transaction(async (tx) => {
    // The version check and the snapshot commit together: a save in between makes this a conflict.
    const marked = await tx.assessment.updateMany({
      where: { id: row.id, organizationId: m.organizationId, version: row.version },
      data: { completedAt: now },
    });
    if (marked.count === 0) {
      const current = await tx.assessment.findFirst({ where: { id: row.id }, select: { version: true } });
      throw new ConflictError(current?.version ?? row.version);
    }
    return tx.assessmentSnapshot.create({
      data: {
        assessmentId: row.id,
        organizationId: m.organizationId,
        assessmentVersion: row.version,
        inventoryJson: row.inventoryJson,
        resultJson: JSON.stringify(assessment),
        engineVersion: ENGINE_VERSION,
        expectedAnnualLoss: assessment.expectedAnnualLoss,
        currency: assessment.organization.currency,
        createdById: actor.userId,
        createdAt: now,
      },
      select: { id: true },
    });
  });
  return { snapshotId: snapshot.id, expectedAnnualLoss: assessment.expectedAnnualLoss, currency: assessment.organization.currency };
}

export interface AssessmentResult {
  readonly snapshotId: string;
  readonly createdAt: Date;
  readonly engineVersion: string;
  readonly assessmentVersion: number;
  readonly inventory: Record<string, unknown>;
  readonly result: EngineAssessment;
}

/** The latest completed result of an assessment, or null when it was never completed. */
export async function getLatestResult(
  actor: Actor,
  input: { organizationId: string; assessmentId: string },
): Promise<AssessmentResult | null> {
  const m = await authorize(actor, input.organizationId);
  const assessmentId = checkId(input.assessmentId, "That assessment");
  // Scoped by organisation as well as assessment. A snapshot implies its assessment (foreign key,
  // cascading delete), so the assessment is looked up only when there is none: unknown → 404, no
  // results yet → null. (Not findAssessment: it would read both stored JSON drafts for nothing.)
  const snap = await getDb().assessmentSnapshot.findFirst({
    where: { assessmentId, organizationId: m.organizationId },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, engineVersion: true, assessmentVersion: true, inventoryJson: true, resultJson: true },
  });
  if (!snap) {
    const exists = await getDb().assessment.findFirst({ where: { id: assessmentId, organizationId: m.organizationId }, select: { id: true } });
    if (!exists) throw new NotFoundError("That assessment");
    return null;
  }
  return {
    snapshotId: snap.id,
    createdAt: snap.createdAt,
    engineVersion: snap.engineVersion,
    assessmentVersion: snap.assessmentVersion,
    inventory: parseStoredObject(snap.inventoryJson),
    result: JSON.parse(snap.resultJson) as EngineAssessment,
  };
}

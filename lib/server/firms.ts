import "server-only";
/**
 * Consultant firms and their branding. Every function takes the caller (`Actor`) and checks their
 * membership of the firm, and their firm role for writes, on every call. A firm the caller is not a
 * member of and an unknown id give the same NotFoundError (404). Reads select explicit fields and
 * return plain objects; the logo's bytes are read only by `getFirmLogo`.
 */
import { checkLogo } from "../pdf/logo";
import {
  BrandingUpdateSchema,
  brandingVersion,
  CreateFirmSchema,
  FirmRoleSchema,
  firmCan,
  MAX_LOGO_UPLOAD_BYTES,
  type FirmPermission,
  type FirmRole,
} from "../consultant/schemas";
import { refuseSharedDemo, type Actor } from "./access";
import { checkActor, checkId, parseInput } from "./consultant-guards";
import { getDb } from "./db";
import { ChangedElsewhereError, ForbiddenError, NotFoundError, ValidationError } from "./errors";

export type LogoMimeType = "image/png" | "image/jpeg";

export interface FirmSummary {
  readonly id: string;
  readonly name: string;
  readonly role: FirmRole;
  readonly accentColor: string;
  readonly contactLine: string;
  readonly hasLogo: boolean;
  readonly logoUpdatedAt: Date | null;
  readonly createdAt: Date;
  /** The branding's version for the branding form (brandingVersion, BrandingUpdateSchema). */
  readonly brandingVersion: string;
}

interface FirmMembershipCheck {
  readonly firmId: string;
  readonly role: FirmRole;
}

const FIRM_SELECT = {
  id: true,
  name: true,
  accentColor: true,
  contactLine: true,
  logoMimeType: true,
  logoUpdatedAt: true,
  createdAt: true,
} as const;

type FirmRow = { id: string; name: string; accentColor: string; contactLine: string; logoMimeType: string | null; logoUpdatedAt: Date | null; createdAt: Date };

function toSummary(row: FirmRow, role: FirmRole): FirmSummary {
  return {
    id: row.id,
    name: row.name,
    role,
    accentColor: row.accentColor,
    contactLine: row.contactLine,
    hasLogo: row.logoMimeType !== null,
    logoUpdatedAt: row.logoUpdatedAt,
    createdAt: row.createdAt,
    brandingVersion: brandingVersion(row),
  };
}

/**
 * The caller's membership of a firm, or NotFound. With `permission`, a member whose role lacks it
 * gets Forbidden: they can already see the firm, so 403 reveals nothing new.
 */
export async function authorizeFirm(actor: Actor, firmId: unknown, permission?: FirmPermission, action = "do that"): Promise<FirmMembershipCheck> {
  const { userId } = checkActor(actor);
  const id = checkId(firmId, "That firm");
  const member = await getDb().firmMember.findUnique({ where: { firmId_userId: { firmId: id, userId } }, select: { role: true } });
  if (!member) throw new NotFoundError("That firm");
  const role = FirmRoleSchema.parse(member.role);
  if (permission && !firmCan(role, permission)) throw new ForbiddenError(action);
  return { firmId: id, role };
}

/** The firm's role of a member, or null: for the client checks in lib/server/clients.ts. */
export async function firmRoleOf(userId: string, firmId: string | null): Promise<FirmRole | null> {
  if (!firmId) return null;
  const member = await getDb().firmMember.findUnique({ where: { firmId_userId: { firmId, userId } }, select: { role: true } });
  return member ? FirmRoleSchema.parse(member.role) : null;
}

/** A new firm; its creator is its owner. */
export async function createFirm(actor: Actor, input: unknown): Promise<FirmSummary> {
  const { userId } = checkActor(actor);
  const { name } = parseInput(CreateFirmSchema, input);
  await refuseSharedDemo(userId);
  const firm = await getDb().$transaction(async (tx) => {
    const created = await tx.firm.create({ data: { name }, select: FIRM_SELECT });
    await tx.firmMember.create({ data: { firmId: created.id, userId, role: "owner" } });
    return created;
  });
  return toSummary(firm, "owner");
}

export async function listMyFirms(actor: Actor): Promise<FirmSummary[]> {
  const { userId } = checkActor(actor);
  const rows = await getDb().firmMember.findMany({
    where: { userId },
    select: { role: true, firm: { select: FIRM_SELECT } },
    orderBy: [{ firm: { createdAt: "asc" } }, { firm: { id: "asc" } }],
  });
  return rows.map((r) => toSummary(r.firm, FirmRoleSchema.parse(r.role)));
}

export async function getFirm(actor: Actor, input: { firmId: unknown }): Promise<FirmSummary> {
  const m = await authorizeFirm(actor, input.firmId);
  const row = await getDb().firm.findUniqueOrThrow({ where: { id: m.firmId }, select: FIRM_SELECT });
  return toSummary(row, m.role);
}

/**
 * Name, accent colour and contact line; firm owners only. `version` is the branding the form was
 * opened on (brandingVersion): the write applies only if the stored branding is still exactly
 * that, in one statement, so two saves at once cannot both pass the check.
 */
export async function updateFirmBranding(actor: Actor, input: { firmId: unknown; version: unknown } & Record<string, unknown>): Promise<FirmSummary> {
  const m = await authorizeFirm(actor, input.firmId, "manageBranding", "change the firm's branding");
  const { firmId: _f, ...rest } = input;
  const { version: opened, ...branding } = parseInput(BrandingUpdateSchema, rest);
  const db = getDb();
  const { count } = await db.firm.updateMany({
    where: { id: m.firmId, name: opened.name, accentColor: opened.accentColor, contactLine: opened.contactLine },
    data: branding,
  });
  if (count === 0) throw new ChangedElsewhereError("The firm's branding");
  const row = await db.firm.findUniqueOrThrow({ where: { id: m.firmId }, select: FIRM_SELECT });
  return toSummary(row, m.role);
}

/** The type by the file's first bytes: what the browser or the file name claims is not trusted. */
export function sniffLogoType(data: Uint8Array): LogoMimeType | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.byteLength >= png.length && png.every((b, i) => data[i] === b)) return "image/png";
  if (data.byteLength >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "image/jpeg";
  return null;
}

export const LOGO_MESSAGES = {
  empty: "Choose an image file for the logo.",
  tooLarge: `The logo is too large: at most ${MAX_LOGO_UPLOAD_BYTES / 1024} KB.`,
  wrongType: "The logo must be a PNG or JPEG image (SVG, GIF, WebP and other files are refused).",
} as const;

/**
 * Check an uploaded logo: size, real type by its magic bytes (PNG or JPEG only, whatever the
 * file's name or declared type), and a readable image of sane dimensions. Returns the type to
 * store, or throws a ValidationError on the `logo` field.
 */
export function checkLogoUpload(data: Uint8Array): LogoMimeType {
  const refuse = (message: string) => new ValidationError(message, [{ path: "logo", message }]);
  if (data.byteLength === 0) throw refuse(LOGO_MESSAGES.empty);
  if (data.byteLength > MAX_LOGO_UPLOAD_BYTES) throw refuse(LOGO_MESSAGES.tooLarge);
  const mimeType = sniffLogoType(data);
  if (!mimeType) throw refuse(LOGO_MESSAGES.wrongType);
  const check = checkLogo({ data, mimeType });
  if (!check.ok) throw refuse(`The logo cannot be used: it ${check.message}.`);
  return mimeType;
}

/** Store a new logo (bytes in the database; the uploaded file's name is never kept). Firm owners only. */
export async function setFirmLogo(actor: Actor, input: { firmId: unknown; data: Uint8Array }, now = new Date()): Promise<FirmSummary> {
  const m = await authorizeFirm(actor, input.firmId, "manageBranding", "change the firm's logo");
  const mimeType = checkLogoUpload(input.data);
  const row = await getDb().firm.update({
    where: { id: m.firmId },
    data: { logoData: new Uint8Array(input.data), logoMimeType: mimeType, logoUpdatedAt: now },
    select: FIRM_SELECT,
  });
  return toSummary(row, m.role);
}

export async function removeFirmLogo(actor: Actor, input: { firmId: unknown }): Promise<FirmSummary> {
  const m = await authorizeFirm(actor, input.firmId, "manageBranding", "remove the firm's logo");
  const row = await getDb().firm.update({
    where: { id: m.firmId },
    data: { logoData: null, logoMimeType: null, logoUpdatedAt: null },
    select: FIRM_SELECT,
  });
  return toSummary(row, m.role);
}

export interface FirmLogo {
  readonly data: Uint8Array;
  readonly mimeType: LogoMimeType;
  readonly updatedAt: Date | null;
}

function storedLogo(row: { logoData: Uint8Array | null; logoMimeType: string | null; logoUpdatedAt: Date | null } | null): FirmLogo | null {
  if (!row?.logoData || (row.logoMimeType !== "image/png" && row.logoMimeType !== "image/jpeg")) return null;
  return { data: new Uint8Array(row.logoData), mimeType: row.logoMimeType, updatedAt: row.logoUpdatedAt };
}

/** The firm's logo for its members, or NotFound when there is none. */
export async function getFirmLogo(actor: Actor, input: { firmId: unknown }): Promise<FirmLogo> {
  const m = await authorizeFirm(actor, input.firmId);
  const row = await getDb().firm.findUnique({ where: { id: m.firmId }, select: { logoData: true, logoMimeType: true, logoUpdatedAt: true } });
  const logo = storedLogo(row);
  if (!logo) throw new NotFoundError("That logo");
  return logo;
}

export interface ReportBranding {
  readonly firmName: string;
  readonly accentColor: string;
  readonly contactLine: string;
  readonly logo?: { readonly data: Uint8Array; readonly mimeType: LogoMimeType };
}

/** Reports of organisations no firm manages carry Bulwark's own plain branding. */
export const UNBRANDED: ReportBranding = { firmName: "Bulwark", accentColor: "#1e40af", contactLine: "" };

/**
 * The branding for a report on one organisation. Not an access check: callers have authorised the
 * organisation already (lib/server/reports.ts).
 */
export async function brandingForOrganization(organizationId: string): Promise<ReportBranding> {
  const org = await getDb().organization.findUnique({
    where: { id: organizationId },
    select: {
      createdByFirm: { select: { name: true, accentColor: true, contactLine: true, logoData: true, logoMimeType: true, logoUpdatedAt: true } },
    },
  });
  const firm = org?.createdByFirm;
  if (!firm) return UNBRANDED;
  const logo = storedLogo(firm);
  return {
    firmName: firm.name,
    accentColor: firm.accentColor,
    contactLine: firm.contactLine,
    ...(logo ? { logo: { data: logo.data, mimeType: logo.mimeType } } : {}),
  };
}

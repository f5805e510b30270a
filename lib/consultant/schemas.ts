/**
 * Inputs of the consultant layer (firms, clients, branding, imports), one strict zod schema per
 * input, with messages a person can act on. Pure: shared by the server functions and the forms.
 */
import { z } from "zod";

export const FIRM_ROLES = ["owner", "consultant"] as const;
export const FirmRoleSchema = z.enum(FIRM_ROLES);
export type FirmRole = z.infer<typeof FirmRoleSchema>;

/** What each role may do inside its firm. Seeing the firm and its clients is open to every member. */
export const FIRM_PERMISSIONS = {
  manageClients: ["owner", "consultant"],
  manageBranding: ["owner"],
} as const satisfies Record<string, readonly FirmRole[]>;
export type FirmPermission = keyof typeof FIRM_PERMISSIONS;

export function firmCan(role: FirmRole, permission: FirmPermission): boolean {
  return (FIRM_PERMISSIONS[permission] as readonly FirmRole[]).includes(role);
}

export const FIRM_ROLE_LABELS: Record<FirmRole, string> = { owner: "Firm owner", consultant: "Consultant" };

const firmName = z
  .string({ error: "Enter the firm's name." })
  .trim()
  .min(1, "Enter the firm's name.")
  .max(120, "Use at most 120 characters.");

export const CreateFirmSchema = z.strictObject({ name: firmName });
export type CreateFirm = z.infer<typeof CreateFirmSchema>;

/** "#1f6feb": six hex digits, stored in lower case. */
export const ACCENT_COLOR = /^#[0-9a-fA-F]{6}$/u;
export const DEFAULT_ACCENT_COLOR = "#1e40af";

export const BrandingSchema = z.strictObject({
  name: firmName,
  accentColor: z
    .string({ error: "Choose an accent colour." })
    .trim()
    .regex(ACCENT_COLOR, 'Use a colour such as "#1f6feb": a # and six hexadecimal digits.')
    .transform((v) => v.toLowerCase()),
  contactLine: z.string().trim().max(200, "Use at most 200 characters.").default(""),
});
export type Branding = z.infer<typeof BrandingSchema>;

const BRANDING_VERSION_ERROR = "Reload the page: this form no longer knows which version of the branding it shows.";

/**
 * The branding as the page showed it (name, accent colour, contact line), sent back by the form:
 * a save is applied only if the branding is still that, so a save from an older page is refused
 * rather than applied over someone else's change. The branding itself is the version, not the
 * row's updatedAt, so a logo change in another tab does not refuse a name change.
 */
export function brandingVersion(b: { name: string; accentColor: string; contactLine: string }): string {
  return JSON.stringify([b.name, b.accentColor, b.contactLine]);
}

const BrandingVersionSchema = z
  .string({ error: BRANDING_VERSION_ERROR })
  .transform((text, ctx) => {
    try {
      const v: unknown = JSON.parse(text);
      if (Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === "string")) {
        return { name: v[0] as string, accentColor: v[1] as string, contactLine: v[2] as string };
      }
    } catch {
      // Reported below, as for any other shape.
    }
    ctx.addIssue({ code: "custom", message: BRANDING_VERSION_ERROR });
    return z.NEVER;
  });

export const BrandingUpdateSchema = BrandingSchema.extend({ version: BrandingVersionSchema });

const clientName = z
  .string({ error: "Enter the client's business name." })
  .trim()
  .min(1, "Enter the client's business name.")
  .max(120, "Use at most 120 characters.");

export const CreateClientSchema = z.strictObject({ name: clientName });
export const RenameClientSchema = z.strictObject({ name: clientName });

export const ClientInvitationSchema = z.strictObject({
  role: z.enum(["owner", "viewer"], { error: "Choose owner or viewer." }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "That email address is too long.")
    .pipe(z.union([z.literal(""), z.email("Enter an email address such as name@example.com, or leave it empty.")]))
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type ClientInvitation = z.infer<typeof ClientInvitationSchema>;

/** Largest logo accepted: a logo on a report cover needs far less. */
export const MAX_LOGO_UPLOAD_BYTES = 512 * 1024;

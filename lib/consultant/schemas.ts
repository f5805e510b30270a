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

/**
 * The branding form sends back the firm's `updatedAt` as it was when the page was opened: a save
 * made from an older page is refused, not applied over someone else's change.
 */
export const BrandingUpdateSchema = BrandingSchema.extend({
  version: z.iso.datetime({ error: "Reload the page: this form no longer knows which version of the branding it shows." }),
});

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

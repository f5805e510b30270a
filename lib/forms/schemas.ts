/**
 * Input schemas shared by the forms (client) and the server actions and data functions. One
 * schema per input, strict, with messages a person can act on.
 */
import { z } from "zod";
import { RoleSchema } from "../roles";

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter an email address such as name@example.com."));

const password = z
  .string({ error: "Enter a password." })
  .min(8, "Use at least 8 characters.")
  .max(128, "Use at most 128 characters.");

export const SignUpSchema = z.strictObject({
  name: z.string({ error: "Enter your name." }).trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  email,
  password,
});
export type SignUp = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.strictObject({
  email,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(128, "Use at most 128 characters."),
});
export type SignIn = z.infer<typeof SignInSchema>;

const organizationName = z
  .string({ error: "Enter the name of the business." })
  .trim()
  .min(1, "Enter the name of the business.")
  .max(120, "Use at most 120 characters.");

export const CreateOrganizationSchema = z.strictObject({ name: organizationName });
export type CreateOrganization = z.infer<typeof CreateOrganizationSchema>;

export const CreateAssessmentSchema = z.strictObject({
  name: z.string().trim().min(1, "Give the assessment a name.").max(120, "Use at most 120 characters."),
});
export type CreateAssessment = z.infer<typeof CreateAssessmentSchema>;

export const CreateInvitationSchema = z.strictObject({
  role: RoleSchema.exclude(["owner"], { error: "Choose consultant or viewer." }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "That email address is too long.")
    .pipe(z.union([z.literal(""), z.email("Enter an email address such as name@example.com, or leave it empty.")]))
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type CreateInvitation = z.infer<typeof CreateInvitationSchema>;

/** Field errors in the shape `useActionState` forms render next to each input. */
export type FieldErrors = Partial<Record<string, string[]>>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

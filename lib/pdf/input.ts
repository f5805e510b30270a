/**
 * What a report needs, checked: the assessment, the client, the firm's branding and the date.
 * No PDF code here, so the request thread can use it without loading the renderer.
 */
import { z } from "zod";
import { ASSESSMENT_FORMAT, type Assessment, type Inventory } from "@/lib/engine";
import { checkLogo, LOGO_MIME_TYPES } from "./logo";

export interface ActionPlanInput {
  readonly assessment: Assessment;
  readonly client: { readonly name: string };
  readonly branding: {
    readonly firmName: string;
    readonly logo?: { readonly data: Uint8Array; readonly mimeType: "image/png" | "image/jpeg" };
    /** "#1f6feb" or "#16b". */
    readonly accentColor: string;
    readonly contactLine: string;
  };
  /** The day the report is issued, "2026-11-22" (a full ISO timestamp is accepted; its date is used). */
  readonly generatedOn: string;
  /** The inventory behind the assessment: names people, switch-overs and recovery points in the findings. */
  readonly inventory?: Inventory;
  /** Defaults to Letter for US and Canadian dollars, A4 otherwise. */
  readonly pageSize?: "A4" | "LETTER";
}

export type PdfErrorCode = "invalid-input" | "render-failed" | "timeout" | "worker-failed";

export class PdfRenderError extends Error {
  readonly code: PdfErrorCode;
  readonly problems: ReadonlyArray<{ readonly path: string; readonly message: string }>;
  constructor(code: PdfErrorCode, message: string, problems: ReadonlyArray<{ path: string; message: string }> = []) {
    super(message);
    this.name = "PdfRenderError";
    this.code = code;
    this.problems = problems;
  }
}

const MAX_TEXT = 20_000;

function isCurrency(code: string): boolean {
  try {
    new Intl.NumberFormat("en-US", { style: "currency", currency: code });
    return true;
  } catch {
    return false;
  }
}

function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/u.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The parts of an assessment the report reads; the rest passes through unchecked. */
const AssessmentShapeSchema = z.looseObject({
  format: z.literal(ASSESSMENT_FORMAT, { error: `must be an assessment in the "${ASSESSMENT_FORMAT}" format` }),
  organization: z.looseObject({ name: z.string(), currency: z.string().refine(isCurrency, { error: "must be an ISO 4217 currency code" }) }),
  expectedAnnualLoss: z.number().nonnegative(),
  expectedAnnualLossAfterPlan: z.number().nonnegative(),
  functions: z.array(z.looseObject({ name: z.string(), cutSets: z.array(z.looseObject({ components: z.array(z.string()) })) })),
  dataSets: z.array(z.looseObject({ name: z.string() })),
  events: z.array(z.looseObject({ id: z.string(), name: z.string() })),
  assumptions: z.array(z.looseObject({ path: z.string(), value: z.number() })),
  plan: z.array(z.looseObject({ title: z.string(), targets: z.array(z.string()) })),
  notWorthIt: z.array(z.looseObject({ title: z.string() })),
  overBudget: z.array(z.looseObject({ title: z.string() })),
  // Engines before 1.0.2 did not write it.
  beyondItemLimit: z.array(z.looseObject({ title: z.string() })).optional(),
});

export const ActionPlanInputSchema = z.object({
  assessment: AssessmentShapeSchema,
  client: z.object({ name: z.string().trim().min(1, { error: "must not be empty" }).max(MAX_TEXT) }),
  branding: z.object({
    firmName: z.string().trim().min(1, { error: "must not be empty" }).max(MAX_TEXT),
    logo: z
      .object({ data: z.instanceof(Uint8Array, { error: "must be the image bytes" }), mimeType: z.enum(LOGO_MIME_TYPES) })
      .optional()
      .superRefine((logo, ctx) => {
        if (!logo) return;
        const check = checkLogo(logo);
        if (!check.ok) ctx.addIssue({ code: "custom", path: ["data"], message: check.message });
      }),
    accentColor: z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/u, { error: 'must be a colour such as "#1f6feb"' }),
    contactLine: z.string().max(MAX_TEXT),
  }),
  generatedOn: z.string().refine(isIsoDate, { error: 'must be a date such as "2026-11-22"' }),
  inventory: z.looseObject({}).optional(),
  pageSize: z.enum(["A4", "LETTER"]).optional(),
});

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("");
}

/** Check untrusted input; every problem names its field. */
export function validateActionPlanInput(input: unknown): { ok: true; input: ActionPlanInput } | { ok: false; problems: Array<{ path: string; message: string }> } {
  const parsed = ActionPlanInputSchema.safeParse(input);
  if (parsed.success) return { ok: true, input: input as ActionPlanInput };
  return { ok: false, problems: parsed.error.issues.map((i) => ({ path: formatPath(i.path) || "(input)", message: i.message })) };
}

export function invalidInputError(problems: ReadonlyArray<{ path: string; message: string }>): PdfRenderError {
  return new PdfRenderError("invalid-input", `cannot render the action plan: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`, problems);
}

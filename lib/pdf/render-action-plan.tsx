/**
 * Render the branded action plan in the calling thread. The server uses the worker pool
 * (render-pool.ts) so a long render never blocks requests; tests and the worker call this.
 */
import { pdf } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { z } from "zod";
import { ASSESSMENT_FORMAT, type Assessment, type Inventory } from "@/lib/engine";
import { ActionPlanDocument } from "./action-plan-document";
import { canDraw, registerFonts } from "./fonts";
import { checkLogo, LOGO_MIME_TYPES } from "./logo";
import { buildActionPlanContent } from "./report-content";
import { safeText } from "./safe-text";

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

function expandHex(color: string): string {
  const hex = color.slice(1);
  return `#${(hex.length === 3 ? [...hex].map((ch) => ch + ch).join("") : hex).toLowerCase()}`;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/**
 * The accent as a text colour: darkened until it reads on white (contrast 4.5:1, WCAG AA), so a
 * firm whose colour is pale yellow still gets legible headings.
 */
export function readableAccent(color: string): string {
  let hex = expandHex(color);
  for (let i = 0; i < 20 && (1.05 / (luminance(hex) + 0.05)) < 4.5; i += 1) {
    hex = `#${[0, 1, 2].map((c) => Math.round(parseInt(hex.slice(1 + 2 * c, 3 + 2 * c), 16) * 0.85).toString(16).padStart(2, "0")).join("")}`;
  }
  return hex;
}

export function formatReportDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * One react-pdf container for the life of the thread, used by one render at a time. A container per
 * render (what `renderToBuffer` does) is never released by react-pdf 4.9's reconciler: every
 * report's whole element tree stayed reachable, about 1–2 MiB a report.
 */
let container: ReturnType<typeof pdf> | undefined;
let queue: Promise<unknown> = Promise.resolve();

function renderSerially(document: ReactElement): Promise<Buffer> {
  const run = queue.then(async () => {
    container ??= pdf();
    container.updateContainer(document);
    const stream = await container.toBuffer();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Render in this thread. Throws PdfRenderError naming the field on bad input, or when rendering fails. */
export async function renderActionPlanPdfInThread(input: ActionPlanInput): Promise<Uint8Array> {
  const validation = validateActionPlanInput(input);
  if (!validation.ok) throw invalidInputError(validation.problems);
  await registerFonts();
  const clean = (text: string) => safeText(text, canDraw);
  const { assessment, branding } = input;
  const clientName = clean(input.client.name.trim());
  const logoCheck = branding.logo ? checkLogo(branding.logo) : undefined;
  const content = buildActionPlanContent({ assessment, clientName, inventory: input.inventory, clean });
  const currency = assessment.organization.currency;
  const pageSize = input.pageSize ?? (currency === "USD" || currency === "CAD" ? "LETTER" : "A4");
  const accent = expandHex(branding.accentColor);
  const document = (
    <ActionPlanDocument
      content={content}
      clientName={clientName}
      generatedOnText={formatReportDate(input.generatedOn)}
      pageSize={pageSize}
      creationDate={new Date(`${input.generatedOn.slice(0, 10)}T00:00:00Z`)}
      branding={{
        firmName: clean(branding.firmName.trim()),
        contactLine: clean(branding.contactLine.trim()),
        accent,
        accentText: readableAccent(accent),
        ...(branding.logo && logoCheck?.ok
          ? {
              // A Buffer source skips react-pdf's image cache, which would otherwise keep every firm's logo for the life of the worker.
              logo: { data: Buffer.from(branding.logo.data), width: logoCheck.width, height: logoCheck.height },
            }
          : {}),
      }}
    />
  );
  let bytes: Buffer;
  try {
    bytes = await renderSerially(document);
  } catch (error) {
    throw new PdfRenderError("render-failed", `the action plan could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

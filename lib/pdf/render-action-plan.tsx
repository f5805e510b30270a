/**
 * Render the branded action plan in the calling thread. The server uses the worker pool
 * (render-pool.ts) so a long render never blocks requests; tests and the worker call this.
 */
import { pdf } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { ActionPlanDocument } from "./action-plan-document";
import { canDraw, registerFonts } from "./fonts";
import { invalidInputError, PdfRenderError, validateActionPlanInput, type ActionPlanInput } from "./input";
import { checkLogo } from "./logo";
import { buildActionPlanContent } from "./report-content";
import { safeText } from "./safe-text";

export { PdfRenderError, validateActionPlanInput, type ActionPlanInput, type PdfErrorCode } from "./input";

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

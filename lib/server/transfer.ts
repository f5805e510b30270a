import "server-only";
/**
 * Import and export of a client's inventory (lib/interchange): the interchange JSON out of and into
 * an assessment's draft, and components from an RMM tool's CSV added to the draft. Access as in
 * lib/server/clients.ts (export: readers; imports: writers). Imports are all or nothing: the file is
 * checked in full first, then one conditional UPDATE stores the new draft version, or nothing is
 * written. A stale `version` is a conflict, never an overwrite.
 *
 * An import replaces the stored questionnaire answers with none, so the questionnaire reopens from
 * the imported inventory (lib/questionnaire/storage.ts answersFromStored).
 */
import { fileSlug, utcDate } from "../consultant/format";
import { validateInventory, type Component, type Inventory } from "../engine/index";
import {
  exportInventory,
  importCsvComponents,
  importInventory,
  normalizeInventory,
  previewCsv,
  type CsvIssue,
  type CsvMapping,
  type CsvPreview,
  type ImportProblem,
} from "../interchange/index";
import type { Actor } from "./access";
import { authorizeClient } from "./clients";
import { checkId } from "./consultant-guards";
import { getDb } from "./db";
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from "./errors";

export const IMPORT_REFUSED = "Nothing was imported: the file has problems (listed below). The draft is unchanged.";

async function findDraft(organizationId: string, assessmentId: unknown) {
  const id = checkId(assessmentId, "That assessment");
  const row = await getDb().assessment.findFirst({
    where: { id, organizationId },
    select: { id: true, name: true, inventoryJson: true, version: true },
  });
  if (!row) throw new NotFoundError("That assessment");
  return row;
}

function checkVersion(version: unknown): number {
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new ValidationError("The form is out of date: reload the page.", [{ path: "version", message: "version is required: the version you last loaded." }]);
  }
  return version;
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Store the new draft if `version` is still current; the one write of every import. */
async function saveImportedDraft(organizationId: string, assessmentId: string, version: number, inventory: Inventory, now: Date): Promise<number> {
  const res = await getDb().assessment.updateMany({
    where: { id: assessmentId, organizationId, version },
    data: { inventoryJson: JSON.stringify(inventory), questionnaireJson: "{}", version: { increment: 1 }, updatedAt: now },
  });
  if (res.count === 1) return version + 1;
  const current = await getDb().assessment.findFirst({ where: { id: assessmentId, organizationId }, select: { version: true } });
  if (!current) throw new NotFoundError("That assessment");
  throw new ConflictError(current.version);
}

// ---------------------------------------------------------------- interchange JSON

export interface ExportedInventory {
  readonly text: string;
  readonly filename: string;
}

/**
 * The draft inventory as canonical interchange JSON. A draft the engine does not accept yet cannot
 * be exported: the problems say what to finish.
 */
export async function exportClientInventory(actor: Actor, input: { organizationId: unknown; assessmentId: unknown }, now = new Date()): Promise<ExportedInventory> {
  const access = await authorizeClient(actor, input.organizationId, "read");
  const row = await findDraft(access.organizationId, input.assessmentId);
  const validation = validateInventory(parseObject(row.inventoryJson));
  if (!validation.ok) {
    throw new ValidationError(
      "This draft cannot be exported yet: finish the answers named below first.",
      validation.problems.map((p) => ({ path: p.path, message: p.message })),
    );
  }
  return { text: exportInventory(validation.inventory), filename: `inventory-${fileSlug(access.organizationName)}-${utcDate(now)}.json` };
}

function importProblem(p: ImportProblem): FieldProblem {
  const where = p.line !== undefined ? ` (line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ""})` : "";
  return { path: p.path || "(document)", message: `${p.message}${where}` };
}

/**
 * Replace the draft inventory with an interchange document (an upload or pasted text), as a new
 * draft version. Every problem comes back with its path; on any problem nothing is written.
 */
export async function importClientInventory(
  actor: Actor,
  input: { organizationId: unknown; assessmentId: unknown; text: unknown; version: unknown },
  now = new Date(),
): Promise<{ version: number; components: number; functions: number }> {
  const access = await authorizeClient(actor, input.organizationId, "write", "import into this client");
  const version = checkVersion(input.version);
  const row = await findDraft(access.organizationId, input.assessmentId);
  const result = importInventory(typeof input.text === "string" ? input.text : (undefined as unknown as string));
  if (!result.ok) throw new ValidationError(IMPORT_REFUSED, result.problems.map(importProblem));
  const saved = await saveImportedDraft(access.organizationId, row.id, version, result.inventory, now);
  return { version: saved, components: result.inventory.components?.length ?? 0, functions: result.inventory.functions?.length ?? 0 };
}

// ---------------------------------------------------------------- CSV components

/** The mapping screen's view of a CSV file. Writers only: it is the first step of an import. */
export async function previewClientCsv(actor: Actor, input: { organizationId: unknown; text: unknown; mapping?: CsvMapping }): Promise<CsvPreview> {
  await authorizeClient(actor, input.organizationId, "write", "import into this client");
  return previewCsv(typeof input.text === "string" ? input.text : (undefined as unknown as string), { rows: 10, mapping: input.mapping });
}

function csvProblem(issue: CsvIssue): FieldProblem {
  return { path: `line ${issue.line}`, message: issue.column ? `${issue.column}: ${issue.message}` : issue.message };
}

export interface CsvImported {
  readonly version: number;
  readonly added: ReadonlyArray<Pick<Component, "id" | "name" | "kind">>;
  readonly warnings: readonly CsvIssue[];
  readonly skipped: readonly CsvIssue[];
}

/**
 * Add the CSV's components to the draft inventory, as a new draft version. All or nothing: any bad
 * row (each reported at its line) stops the import unless `skipInvalidRows`.
 */
export async function importClientCsv(
  actor: Actor,
  input: { organizationId: unknown; assessmentId: unknown; text: unknown; mapping: unknown; version: unknown; skipInvalidRows?: boolean },
  now = new Date(),
): Promise<CsvImported> {
  const access = await authorizeClient(actor, input.organizationId, "write", "import into this client");
  const version = checkVersion(input.version);
  const row = await findDraft(access.organizationId, input.assessmentId);
  if (row.version !== version) throw new ConflictError(row.version);
  const draft = parseObject(row.inventoryJson);
  const existing = Array.isArray(draft.components) ? (draft.components as Component[]) : [];
  const result = importCsvComponents(
    typeof input.text === "string" ? input.text : (undefined as unknown as string),
    input.mapping as CsvMapping,
    { components: existing },
    { skipInvalidRows: input.skipInvalidRows === true },
  );
  if (!result.ok) throw new ValidationError(IMPORT_REFUSED, result.rowErrors.map(csvProblem));
  if (result.components.length === 0) {
    throw new ValidationError("The file has no rows to import.", [{ path: "text", message: "The file has no rows to import." }]);
  }
  const combined = validateInventory({ ...draft, components: [...existing, ...result.components] });
  if (!combined.ok) {
    throw new ValidationError(
      "Nothing was imported: the draft with these components is not a valid inventory. Finish or fix the answers named below first.",
      combined.problems.map((p) => ({ path: p.path, message: p.message })),
    );
  }
  const saved = await saveImportedDraft(access.organizationId, row.id, version, normalizeInventory(combined.inventory), now);
  const skipped = result.rowErrors;
  return {
    version: saved,
    added: result.components.map((c) => ({ id: c.id, name: c.name, kind: c.kind })),
    warnings: result.warnings,
    skipped,
  };
}

/**
 * Components from a CSV file as an RMM tool exports its device list (name, type, site, IP, OS,
 * vendor, model, serial, last seen …): a preview with a suggested column mapping, then an import
 * with a message per bad row, each with the row's line in the file.
 *
 * Parsing is papaparse's (quotes, doubled quotes, line breaks inside quotes, delimiter detection);
 * this module maps its records to components. Line numbers are those an editor shows: the header
 * is normally line 1, a record spanning several lines (a quoted note) is reported at the line it
 * starts on, and blank lines count.
 */
import Papa from "papaparse";
import { z } from "zod";
import { COMPONENT_KINDS, ComponentSchema, type Component, type ComponentKind, type Inventory } from "../engine/index.js";
import { problemsFromZod } from "../engine/problems.js";

/** A problem or a warning about the file, at a line of it (1-based; the header is normally line 1). */
export interface CsvIssue {
  readonly line: number;
  /** The CSV column (its header) the issue is about. */
  readonly column?: string;
  readonly message: string;
}

export interface CsvRecord {
  /** Line of the file on which this record starts. */
  readonly line: number;
  readonly cells: readonly string[];
}

/** Component fields a CSV column can feed. */
export const CSV_TARGET_FIELDS = ["id", "name", "kind", "notes", "failuresPerYear", "repairHours", "monitored"] as const;

const column = z.string().min(1);

/**
 * Which CSV column (by header) feeds which component field. `notes` takes several columns (site,
 * IP, OS, vendor, …) and keeps them as text; `monitored` is a column of yes/no values, or `true`
 * or `false` for every row (a device list from an RMM is, by definition, monitored). `kinds`
 * overrides the translation of type values to component kinds, keyed by the value as written.
 */
export const CsvMappingSchema = z.strictObject({
  id: column.optional(),
  name: column.optional(),
  kind: column.optional(),
  notes: z.array(column).max(50).optional(),
  failuresPerYear: column.optional(),
  repairHours: column.optional(),
  monitored: z.union([column, z.boolean()]).optional(),
  kinds: z.record(z.string(), z.enum(COMPONENT_KINDS)).optional(),
});
export type CsvMapping = z.infer<typeof CsvMappingSchema>;

export const MAX_CSV_CHARACTERS = 10_000_000;
export const MAX_CSV_ROWS = 5_000;
const NOTES_MAX = 2000;

// ---------------------------------------------------------------------------------------------
// Reading the file.

interface ReadCsv {
  readonly headers: string[];
  readonly headerLine: number;
  readonly records: CsvRecord[];
  readonly delimiter: string;
  /** Problems that make the rest of the file unreadable (an unclosed quote) or the file unusable. */
  readonly fatal: CsvIssue[];
  /** Problems confined to one record, by its line. */
  readonly recordErrors: Map<number, CsvIssue[]>;
}

/** Start offsets of the lines of a text; "\r\n", "\n" and a lone "\r" each end a line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) starts.push(i + 1);
  }
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === "");

/** Header names as shown to the user: trimmed, never empty, never repeated. */
function headerNames(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((raw, i) => {
    const base = raw.trim() || `Column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

function quoteMessage(code: string): string {
  return code === "MissingQuotes"
    ? 'a quoted value that starts in this row is never closed properly, so the rest of the file was read as part of it (write a quote inside a value as "" and end every quoted value with ")'
    : 'a quote inside a value must be doubled ("") and a quoted value must be followed by a delimiter';
}

function readCsv(input: string): ReadCsv {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const starts = lineStarts(text);
  const rows: CsvRecord[] = [];
  const fatal: CsvIssue[] = [];
  const recordErrors = new Map<number, CsvIssue[]>();
  let cursor = 0;
  let delimiter = ",";
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (step) => {
      delimiter = step.meta.delimiter;
      const line = lineOf(starts, cursor);
      cursor = step.meta.cursor;
      rows.push({ line, cells: step.data });
      const seen = new Set<string>();
      for (const error of step.errors) {
        if (error.type !== "Quotes" || seen.has(error.code)) continue;
        seen.add(error.code);
        const issue = { line, message: quoteMessage(error.code) };
        if (error.code === "MissingQuotes") fatal.push(issue);
        else recordErrors.set(line, [...(recordErrors.get(line) ?? []), issue]);
      }
    },
  });
  const first = rows.findIndex((r) => !isBlank(r.cells));
  if (first < 0) return { headers: [], headerLine: 1, records: [], delimiter, fatal: [{ line: 1, message: "the file has no header row: it is empty" }], recordErrors };
  const header = rows[first]!;
  return {
    headers: headerNames(header.cells),
    headerLine: header.line,
    records: rows.slice(first + 1).filter((r) => !isBlank(r.cells)),
    delimiter,
    fatal,
    recordErrors,
  };
}

// ---------------------------------------------------------------------------------------------
// Translating values.

const normalize = (value: string) =>
  value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-/]+/g, " ")
    .trim();

/** Device types as RMM tools and inventories write them, to component kinds. */
export const DEFAULT_KIND_TABLE: Readonly<Record<string, ComponentKind>> = {
  ...Object.fromEntries(COMPONENT_KINDS.map((k) => [k, k])),
  workstation: "endpoint",
  desktop: "endpoint",
  laptop: "endpoint",
  notebook: "endpoint",
  pc: "endpoint",
  mac: "endpoint",
  tablet: "endpoint",
  phone: "endpoint",
  mobile: "endpoint",
  printer: "endpoint",
  "thin client": "endpoint",
  server: "server",
  vm: "server",
  "virtual machine": "server",
  hypervisor: "server",
  host: "server",
  switch: "network",
  router: "network",
  firewall: "network",
  "access point": "network",
  ap: "network",
  "network device": "network",
  gateway: "network",
  nas: "storage",
  san: "storage",
  "network attached storage": "storage",
  ups: "ups",
  pdu: "power",
  modem: "internet",
  isp: "internet",
  "internet line": "internet",
  wan: "internet",
  app: "application",
  software: "application",
  database: "application",
  office: "site",
  building: "site",
};

/**
 * Words that reveal a kind inside a longer type ("Windows Server 2022", "Hyper-V host", "Network
 * attached storage"), tried in this order: the more specific kinds first, so that "Network
 * Attached Storage" is storage and "Network printer" an endpoint.
 */
const KIND_KEYWORDS: ReadonlyArray<readonly [ComponentKind, readonly string[]]> = [
  ["storage", ["nas", "san", "storage", "disk array"]],
  ["ups", ["ups", "uninterruptible"]],
  ["generator", ["generator", "genset"]],
  ["server", ["server", "vm", "virtual machine", "hypervisor", "esxi", "hyper v", "host", "domain controller"]],
  ["endpoint", ["workstation", "desktop", "laptop", "notebook", "pc", "mac", "macbook", "imac", "chromebook", "tablet", "phone", "mobile", "printer", "thin client"]],
  ["network", ["switch", "router", "firewall", "access point", "ap", "wap", "wifi", "wireless", "gateway", "network"]],
  ["internet", ["modem", "isp", "internet", "broadband", "lte", "5g", "fiber", "fibre", "dsl"]],
  ["saas", ["saas", "microsoft 365", "m365", "office 365", "google workspace"]],
  ["cloud", ["cloud", "azure", "aws", "iaas"]],
  ["power", ["pdu", "power"]],
];

export type KindMatch = "override" | "exact" | "keyword" | "unknown" | "empty";

/** The component kind for a type value: the user's overrides, the table, keywords, else "other". */
export function translateKind(value: string, overrides: Readonly<Record<string, ComponentKind>> = {}): { kind: ComponentKind; match: KindMatch } {
  const key = normalize(value);
  if (key === "") return { kind: "other", match: "empty" };
  for (const [raw, kind] of Object.entries(overrides)) if (normalize(raw) === key) return { kind, match: "override" };
  const exact = DEFAULT_KIND_TABLE[key] ?? DEFAULT_KIND_TABLE[key.replace(/s$/, "")];
  if (exact) return { kind: exact, match: "exact" };
  const padded = ` ${key} `;
  for (const [kind, words] of KIND_KEYWORDS) {
    if (words.some((w) => padded.includes(` ${w} `) || padded.includes(` ${w}s `))) return { kind, match: "keyword" };
  }
  return { kind: "other", match: "unknown" };
}

const TRUE_WORDS = new Set(["yes", "y", "true", "1", "x", "✓", "✔", "on", "monitored", "managed", "enabled", "installed", "active"]);
const FALSE_WORDS = new Set(["no", "n", "false", "0", "off", "unmonitored", "unmanaged", "disabled", "not monitored", "not installed", "inactive"]);

function parseBoolean(value: string): boolean | undefined | "invalid" {
  const key = normalize(value);
  if (key === "") return undefined;
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  return "invalid";
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function parseNumber(value: string): number | undefined | "invalid" {
  const v = value.trim();
  if (v === "") return undefined;
  return NUMBER.test(v) ? Number(v) : "invalid";
}

/** An id for the format (`^[a-z0-9][a-z0-9._-]{0,63}$`) from any text; "component" when nothing usable is left. */
export function slugifyId(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[^a-z0-9]+/, "")
    .slice(0, 64)
    .replace(/[-._]+$/, "");
  return slug === "" ? "component" : slug;
}

/** `base`, or `base-2`, `base-3`, …: the first that is free, within 64 characters. */
function freshId(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, 64 - suffix.length)}${suffix}`;
    if (!taken.has(id)) return id;
  }
}

// ---------------------------------------------------------------------------------------------
// Suggested mapping.

const headerKey = (header: string) =>
  header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const HEADER_HINTS: Readonly<Record<Exclude<(typeof CSV_TARGET_FIELDS)[number], "notes">, readonly string[]>> = {
  id: ["id", "component id"],
  name: ["name", "device name", "hostname", "host name", "computer name", "computer", "device", "display name", "asset name", "system name", "machine name", "asset"],
  kind: ["type", "kind", "device type", "device class", "class", "category", "asset type", "role", "device role", "system type", "machine type"],
  failuresPerYear: ["failuresperyear", "failures per year", "failures year", "annual failures"],
  repairHours: ["repairhours", "repair hours", "repair time", "mttr", "time to repair"],
  monitored: ["monitored", "monitoring", "agent installed", "managed"],
};

const NOTES_HINTS = [
  "site", "location", "customer site", "client", "ip", "ip address", "lan ip", "local ip", "internal ip", "wan ip", "public ip",
  "os", "operating system", "os version", "os name", "vendor", "manufacturer", "make", "model", "serial", "serial number",
  "service tag", "last seen", "last check in", "last contact", "last online", "last boot", "description", "notes", "note",
  "comment", "comments", "warranty", "warranty expiry", "warranty end", "department", "user", "last user", "owner",
  "mac address", "domain", "cpu", "ram", "memory",
];

/** The header a field most likely lives in: an exact name first, then a name followed by more words ("Last seen (UTC)"). */
function findHeader(headers: readonly string[], hints: readonly string[], used: ReadonlySet<string>): string | undefined {
  const keys = headers.map(headerKey);
  for (const hint of hints) {
    const i = keys.findIndex((k, j) => k === hint && !used.has(headers[j]!));
    if (i >= 0) return headers[i];
  }
  for (const hint of hints) {
    const i = keys.findIndex((k, j) => k.startsWith(`${hint} `) && !used.has(headers[j]!));
    if (i >= 0) return headers[i];
  }
  return undefined;
}

/** A first mapping from the header names; the user reviews it. */
export function suggestMapping(headers: readonly string[]): CsvMapping {
  const used = new Set<string>();
  const mapping: Record<string, unknown> = {};
  for (const field of ["name", "kind", "id", "failuresPerYear", "repairHours", "monitored"] as const) {
    const header = findHeader(headers, HEADER_HINTS[field], used);
    if (header !== undefined) {
      mapping[field] = header;
      used.add(header);
    }
  }
  const notes = headers.filter((h) => !used.has(h) && findHeader([h], NOTES_HINTS, used) !== undefined);
  if (notes.length > 0) mapping.notes = notes;
  return mapping as CsvMapping;
}

// ---------------------------------------------------------------------------------------------
// Preview.

export interface KindValue {
  /** The value as first written in the file. */
  readonly value: string;
  readonly count: number;
  readonly kind: ComponentKind;
  readonly match: KindMatch;
}

export interface CsvPreview {
  /** False when the file cannot be imported at all (empty, too large, an unclosed quote). */
  readonly ok: boolean;
  readonly headers: readonly string[];
  readonly headerLine: number;
  /** The first records after the header, with their lines. */
  readonly rows: readonly CsvRecord[];
  readonly totalRows: number;
  readonly delimiter: string;
  readonly suggestedMapping: CsvMapping;
  /** Each distinct value of the type column (of `mapping`, else the suggested one) and its kind. */
  readonly kindValues: readonly KindValue[];
  readonly errors: readonly CsvIssue[];
}

function sizeProblem(text: string): CsvIssue | undefined {
  if (typeof text !== "string") return { line: 1, message: "the file must be text (CSV)" };
  if (text.length > MAX_CSV_CHARACTERS) {
    return { line: 1, message: `the file is too large (${text.length} characters; at most ${MAX_CSV_CHARACTERS} are accepted)` };
  }
  return undefined;
}

/**
 * Read a CSV file for the mapping screen: its headers, its first rows, a suggested mapping and the
 * type values found. Never throws.
 */
export function previewCsv(text: string, options: { rows?: number; mapping?: CsvMapping } = {}): CsvPreview {
  const tooBig = sizeProblem(text);
  if (tooBig) {
    return { ok: false, headers: [], headerLine: 1, rows: [], totalRows: 0, delimiter: ",", suggestedMapping: {}, kindValues: [], errors: [tooBig] };
  }
  const csv = readCsv(text);
  const suggestedMapping = suggestMapping(csv.headers);
  const mapping = options.mapping ?? suggestedMapping;
  const kindValues: KindValue[] = [];
  const kindColumn = mapping.kind === undefined ? -1 : csv.headers.indexOf(mapping.kind);
  if (kindColumn >= 0) {
    const byKey = new Map<string, { value: string; count: number }>();
    for (const r of csv.records) {
      const value = (r.cells[kindColumn] ?? "").trim();
      const key = normalize(value);
      const entry = byKey.get(key);
      if (entry) entry.count++;
      else byKey.set(key, { value, count: 1 });
    }
    for (const { value, count } of byKey.values()) kindValues.push({ value, count, ...translateKind(value, mapping.kinds) });
    kindValues.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  const errors = [...csv.fatal, ...[...csv.recordErrors.values()].flat()].sort((a, b) => a.line - b.line);
  return {
    ok: csv.fatal.length === 0,
    headers: csv.headers,
    headerLine: csv.headerLine,
    rows: csv.records.slice(0, options.rows ?? 20),
    totalRows: csv.records.length,
    delimiter: csv.delimiter,
    suggestedMapping,
    kindValues,
    errors,
  };
}

// ---------------------------------------------------------------------------------------------
// Import.

export interface CsvImportOptions {
  /** Import the valid rows and leave out the invalid ones (still listed in rowErrors). */
  readonly skipInvalidRows?: boolean;
}

export interface CsvImportResult {
  /** False when nothing may be imported: a file-level problem, or a bad row without skipInvalidRows. */
  readonly ok: boolean;
  /** The new components, in file order; empty when ok is false. */
  readonly components: Component[];
  /** The line each new component came from, parallel to `components`. */
  readonly lines: number[];
  readonly rowErrors: CsvIssue[];
  readonly warnings: CsvIssue[];
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: "id",
  name: "name",
  kind: "type",
  notes: "notes",
  failuresPerYear: "failures per year",
  repairHours: "repair hours",
  monitored: "monitored",
};

/**
 * Turn the rows of an RMM-style CSV into components to add to `existing`: ids made from the id
 * column or the name (slugified, de-duplicated against the inventory and each other), kinds
 * translated (unknown types become "other", with a warning), every other mapped value checked
 * as the inventory format requires. All or nothing unless `skipInvalidRows`. Never throws.
 */
export function importCsvComponents(
  text: string,
  mapping: CsvMapping,
  existing?: Pick<Inventory, "components"> | null,
  options: CsvImportOptions = {},
): CsvImportResult {
  const fail = (rowErrors: CsvIssue[], warnings: CsvIssue[] = []): CsvImportResult => ({ ok: false, components: [], lines: [], rowErrors, warnings });
  const tooBig = sizeProblem(text);
  if (tooBig) return fail([tooBig]);

  const parsedMapping = CsvMappingSchema.safeParse(mapping);
  if (!parsedMapping.success) {
    return fail(problemsFromZod(parsedMapping.error.issues, mapping, ["mapping"]).map((p) => ({ line: 1, message: `${p.path}: ${p.message}` })));
  }
  const map = parsedMapping.data;
  const csv = readCsv(text);
  if (csv.fatal.length > 0) return fail(csv.fatal);

  const at = new Map(csv.headers.map((h, i) => [h, i]));
  const mappingErrors: CsvIssue[] = [];
  const mapped = [map.id, map.name, map.kind, ...(map.notes ?? []), map.failuresPerYear, map.repairHours, typeof map.monitored === "string" ? map.monitored : undefined];
  for (const header of mapped) {
    if (header !== undefined && !at.has(header)) {
      mappingErrors.push({ line: csv.headerLine, column: header, message: `the mapping names a column "${header}" that the header does not have (it has: ${csv.headers.join(", ")})` });
    }
  }
  if (map.name === undefined && map.id === undefined) {
    mappingErrors.push({ line: csv.headerLine, message: "map a column to the name (or the id) of the components" });
  }
  if (csv.records.length > MAX_CSV_ROWS) {
    mappingErrors.push({ line: csv.records[MAX_CSV_ROWS]!.line, message: `the file has ${csv.records.length} rows; at most ${MAX_CSV_ROWS} can be imported at once` });
  }
  if (mappingErrors.length > 0) return fail(mappingErrors);

  const rowErrors: CsvIssue[] = [];
  const warnings: CsvIssue[] = [];
  if (map.kind === undefined) warnings.push({ line: csv.headerLine, message: 'no column is mapped to the type: every component is imported as "other"' });
  const taken = new Set((existing?.components ?? []).map((c) => c.id));
  const components: Component[] = [];
  const lines: number[] = [];

  for (const record of csv.records) {
    const { line, cells } = record;
    const errors: CsvIssue[] = [...(csv.recordErrors.get(line) ?? [])];
    const rowWarnings: CsvIssue[] = [];
    const cell = (header: string | undefined) => (header === undefined ? "" : (cells[at.get(header)!] ?? "").trim());

    if (cells.length > csv.headers.length && cells.slice(csv.headers.length).some((c) => c.trim() !== "")) {
      errors.push({
        line,
        message: `this row has ${cells.length} values but the header has ${csv.headers.length} columns (a value containing "${csv.delimiter}" must be quoted)`,
      });
    } else if (cells.length < csv.headers.length) {
      rowWarnings.push({ line, message: `this row has ${cells.length} values but the header has ${csv.headers.length} columns; the missing ones are taken as empty` });
    }

    const name = cell(map.name);
    const idSource = cell(map.id) || name;
    if (idSource === "") {
      errors.push({ line, column: map.name ?? map.id, message: "the name is empty: every component needs a name (or an id)" });
    }

    const { kind, match } = translateKind(cell(map.kind), map.kinds);
    if (map.kind !== undefined && (match === "unknown" || match === "empty")) {
      rowWarnings.push({
        line,
        column: map.kind,
        message: match === "empty" ? 'no type given: imported as "other"' : `unknown type "${cell(map.kind)}": imported as "other" (choose a kind for it to change that)`,
      });
    }

    const numbers: Partial<Record<"failuresPerYear" | "repairHours", number>> = {};
    for (const field of ["failuresPerYear", "repairHours"] as const) {
      const value = parseNumber(cell(map[field]));
      if (value === "invalid") {
        errors.push({ line, column: map[field], message: `${FIELD_LABELS[field]} must be a number such as 2 or 0.5 (got "${cell(map[field])}")` });
      } else if (value !== undefined) numbers[field] = value;
    }

    let monitored: boolean | undefined;
    if (typeof map.monitored === "boolean") monitored = map.monitored;
    else if (map.monitored !== undefined) {
      const value = parseBoolean(cell(map.monitored));
      if (value === "invalid") errors.push({ line, column: map.monitored, message: `monitored must be yes or no (got "${cell(map.monitored)}")` });
      else monitored = value;
    }

    let notes = notesOf(map.notes ?? [], cell);
    if (notes.length > NOTES_MAX) {
      notes = `${notes.slice(0, NOTES_MAX - 1)}…`;
      rowWarnings.push({ line, column: map.notes?.length === 1 ? map.notes[0] : undefined, message: `the notes are longer than ${NOTES_MAX} characters and were cut` });
    }

    const candidate: Component = {
      id: "pending",
      ...(name !== "" ? { name } : {}),
      kind,
      ...numbers,
      ...(monitored !== undefined ? { monitored } : {}),
      ...(notes !== "" ? { notes } : {}),
    };
    if (errors.length === 0) {
      const checked = ComponentSchema.safeParse(candidate);
      if (!checked.success) {
        for (const p of problemsFromZod(checked.error.issues, candidate)) {
          const field = p.path.split(/[.[]/)[0]!;
          const header = field === "kind" ? map.kind : field === "notes" ? undefined : (map[field as keyof CsvMapping] as string | undefined);
          const got = header !== undefined ? ` (got "${cell(header)}")` : "";
          errors.push({ line, column: header, message: `${FIELD_LABELS[field] ?? field} ${p.message}${got}` });
        }
      }
    }

    if (errors.length > 0) {
      rowErrors.push(...errors);
      continue;
    }
    const base = slugifyId(idSource);
    const id = freshId(taken, base);
    if (id !== base) {
      rowWarnings.push({ line, column: map.id ?? map.name, message: `the id "${base}" is already taken; this row is imported as "${id}"` });
    }
    taken.add(id);
    warnings.push(...rowWarnings);
    components.push({ ...candidate, id });
    lines.push(line);
  }

  if (rowErrors.length > 0 && !options.skipInvalidRows) return fail(rowErrors, warnings);
  return { ok: true, components, lines, rowErrors, warnings };
}

/** One column: its value. Several: "Header: value" for each non-empty one, separated by "; ". */
function notesOf(columns: readonly string[], cell: (header: string) => string): string {
  if (columns.length === 1) return cell(columns[0]!).replace(/\r\n?/g, "\n");
  return columns
    .map((h) => [h, cell(h).replace(/\r\n?/g, "\n")] as const)
    .filter(([, v]) => v !== "")
    .map(([h, v]) => `${h}: ${v}`)
    .join("; ");
}

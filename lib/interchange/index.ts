/**
 * Import and export of inventories: the interchange JSON (canonical, byte-stable) and components
 * from an RMM tool's CSV device list. Pure: no I/O, usable in server actions and in the browser.
 */
export {
  exportInventory,
  importInventory,
  normalizeInventory,
  MAX_IMPORT_CHARACTERS,
  MAX_IMPORT_DEPTH,
  type ImportInventoryResult,
  type ImportProblem,
} from "./inventory-json.js";
export { parseJson, lineAndColumn, jsonErrorOffset, type JsonSyntaxProblem, type ParseJsonResult } from "./parse-json.js";
export {
  previewCsv,
  importCsvComponents,
  suggestMapping,
  translateKind,
  slugifyId,
  CsvMappingSchema,
  CSV_TARGET_FIELDS,
  DEFAULT_KIND_TABLE,
  MAX_CSV_CHARACTERS,
  MAX_CSV_ROWS,
  type CsvMapping,
  type CsvIssue,
  type CsvRecord,
  type CsvPreview,
  type CsvImportOptions,
  type CsvImportResult,
  type KindValue,
  type KindMatch,
} from "./csv-components.js";

/**
 * The inventory as interchange JSON (shared/docs/inventory-format.md): one canonical text per
 * inventory, so that export → import → export is byte-identical and two exports can be diffed.
 *
 * Canonical means: keys in the order of the format document (fields Bulwark added come after the
 * documented ones, in schema order), absent fields left out rather than written as null, -0
 * written as 0, two-space indentation and a final newline. Lists keep their order: the order of
 * components and of requirement members is the owner's, and the engine's tie-breaks follow it.
 */
import {
  validateInventory,
  type BusinessFunction,
  type Component,
  type Copy,
  type DataSet,
  type Inventory,
  type LossScenarios,
  type Organization,
  type Person,
  type Problem,
  type Requirement,
} from "../engine/index.js";
import { parseJson } from "./parse-json.js";

/** A problem with an imported document; syntax errors also say where in the text. */
export interface ImportProblem extends Problem {
  readonly line?: number;
  readonly column?: number;
}

export type ImportInventoryResult = { ok: true; inventory: Inventory } | { ok: false; problems: ImportProblem[] };

/** Larger than any small business's inventory by two orders of magnitude; refuses a pasted dump early. */
export const MAX_IMPORT_CHARACTERS = 5_000_000;

/**
 * Deepest nesting of objects and lists accepted. A real inventory stays under 20; validation
 * recurses through requirements and overflows the stack somewhere past 1,500 levels.
 */
export const MAX_IMPORT_DEPTH = 128;

/** Path of the first place nested deeper than `limit`, or undefined. Iterative on purpose. */
function tooDeepAt(value: unknown, limit: number): string | undefined {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 0, path: "" }];
  while (stack.length > 0) {
    const { value: v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth >= limit) return path;
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, depth: depth + 1, path: `${path}[${i}]` }));
    else for (const [k, item] of Object.entries(v)) stack.push({ value: item, depth: depth + 1, path: path ? `${path}.${k}` : k });
  }
  return undefined;
}

type Transform = (value: never) => unknown;
type Shape = Readonly<Record<string, Transform | true>>;

function number(value: number): number {
  return Object.is(value, -0) ? 0 : value;
}

function scalar(value: unknown): unknown {
  if (typeof value === "number") return number(value);
  if (Array.isArray(value)) return value.map(scalar);
  return value;
}

/** A copy of `value` with the keys of `shape`, in its order, leaving out absent ones. */
function ordered<T>(value: T, shape: Shape): T {
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, how] of Object.entries(shape)) {
    const v = source[key];
    if (v === undefined) continue;
    out[key] = how === true ? scalar(v) : (how as (value: unknown) => unknown)(v);
  }
  return out as T;
}

function requirement(req: Requirement): Requirement {
  if (typeof req === "string") return req;
  if ("all" in req) return { all: req.all.map(requirement) };
  if ("any" in req) return ordered(req, { any: (members: Requirement[]) => members.map(requirement), id: true, failoverMinutes: true });
  return ordered(req, { atLeast: true, of: (members: Requirement[]) => members.map(requirement) });
}

const LOSS_SCENARIOS_SHAPE: Shape = { device: true, site: true, ransomware: true };
const lossScenarios = (v: LossScenarios) => ordered(v, LOSS_SCENARIOS_SHAPE);

const ORGANIZATION_SHAPE: Shape = {
  name: true,
  currency: true,
  operatingHoursPerWeek: true,
  absenceWaitHours: true,
  vendorResponseHours: true,
  unmonitoredDetectionHours: true,
  untestedRestoreFailure: true,
  lossScenarios,
  staffCostPerHour: true,
  yearlyRevenue: true,
  staffCount: true,
  notes: true,
};

const PERSON_SHAPE: Shape = { id: true, name: true, availability: true };

const COMPONENT_SHAPE: Shape = {
  id: true,
  name: true,
  kind: true,
  failuresPerYear: true,
  repairHours: true,
  runtimeMinutes: true,
  requires: requirement,
  knownBy: true,
  monitored: true,
  supportResponseHours: true,
  hasRunbook: true,
  notes: true,
  provider: true,
  technology: true,
};

const FUNCTION_SHAPE: Shape = {
  id: true,
  name: true,
  downtimeCostPerHour: true,
  hours: true,
  rtoHours: true,
  requires: requirement,
  template: true,
  revenueShare: true,
  staffShare: true,
};

const COPY_SHAPE: Shape = {
  id: true,
  location: true,
  medium: true,
  intervalHours: true,
  online: true,
  immutable: true,
  lastRestoreTest: true,
};

const DATA_SET_SHAPE: Shape = {
  id: true,
  name: true,
  primary: true,
  medium: true,
  dataLossCostPerHour: true,
  totalLossCost: true,
  rpoHours: true,
  lossScenarios,
  sizeGb: true,
  copies: (copies: Copy[]) => copies.map((c) => ordered(c, COPY_SHAPE)),
};

const INVENTORY_SHAPE: Shape = {
  format: true,
  asOf: true,
  organization: (o: Organization) => ordered(o, ORGANIZATION_SHAPE),
  people: (people: Person[]) => people.map((p) => ordered(p, PERSON_SHAPE)),
  components: (components: Component[]) => components.map((c) => ordered(c, COMPONENT_SHAPE)),
  functions: (functions: BusinessFunction[]) => functions.map((f) => ordered(f, FUNCTION_SHAPE)),
  dataSets: (dataSets: DataSet[]) => dataSets.map((d) => ordered(d, DATA_SET_SHAPE)),
};

/**
 * The canonical form of a valid inventory: a fresh object with the interchange key order and no
 * undefined fields. Fields outside the format are dropped, so pass only what `validateInventory`
 * accepted.
 */
export function normalizeInventory(inventory: Inventory): Inventory {
  return ordered(inventory, INVENTORY_SHAPE);
}

/**
 * The interchange JSON of a valid inventory.
 *
 * @example
 * exportInventory({ format: "resilience-inventory/1", organization: { currency: "EUR", name: "Acme", operatingHoursPerWeek: 40 } })
 * //=> '{\n  "format": "resilience-inventory/1",\n  "organization": {\n    "name": "Acme",\n    "currency": "EUR", …'
 */
export function exportInventory(inventory: Inventory): string {
  return `${JSON.stringify(normalizeInventory(inventory), null, 2)}\n`;
}

/**
 * Read an interchange document: JSON syntax (with line and column), then every rule of the
 * format (with the path of each problem). All or nothing: on any problem no inventory comes back.
 * Never throws.
 */
export function importInventory(text: string, options: { maxCharacters?: number } = {}): ImportInventoryResult {
  if (typeof text !== "string") return { ok: false, problems: [{ path: "", message: "the document must be text (JSON)" }] };
  const limit = options.maxCharacters ?? MAX_IMPORT_CHARACTERS;
  if (text.length > limit) {
    return {
      ok: false,
      problems: [{ path: "", message: `the file is too large (${text.length} characters; at most ${limit} are accepted)` }],
    };
  }
  if (text.trim() === "") return { ok: false, problems: [{ path: "", message: "the file is empty", line: 1, column: 1 }] };
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const deep = tooDeepAt(parsed.value, MAX_IMPORT_DEPTH);
  if (deep !== undefined) {
    return { ok: false, problems: [{ path: deep, message: `is nested too deeply (more than ${MAX_IMPORT_DEPTH} levels)` }] };
  }
  const validation = validateInventory(parsed.value);
  if (!validation.ok) return { ok: false, problems: validation.problems };
  return { ok: true, inventory: normalizeInventory(validation.inventory) };
}

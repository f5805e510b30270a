/**
 * Problems with an inventory, as data: a path into the document and a sentence an owner can act
 * on. The sentences are built here, in one place, so tests can check them exactly.
 */
import type { z } from "zod";
import {
  ComponentSchema,
  CopySchema,
  DataSetSchema,
  FunctionSchema,
  InventorySchema,
  LossScenariosSchema,
  NOT_BLANK,
  OrganizationSchema,
  PersonSchema,
} from "./schema.js";

export interface Problem {
  /** Where in the document, e.g. `functions[2].requires.any[1]`. Empty for the document itself. */
  readonly path: string;
  readonly message: string;
}

export type PathSegment = string | number;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** One line per problem: `path: message`. */
export function formatProblem(problem: Problem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

export const MESSAGES = {
  required: "is required",
  mustBeNumber: "must be a number",
  mustBeFinite: "must be a finite number",
  mustBeWholeNumber: "must be a whole number",
  mustBeText: "must be text",
  mustBeList: "must be a list",
  mustBeBoolean: "must be true or false",
  mustBeObject: "must be an object",
  notEmptyText: "must not be empty",
  notEmptyList: "must list at least one item",
  atLeast: (min: number | bigint) => `must be at least ${min}`,
  greaterThan: (min: number | bigint) => `must be greater than ${min}`,
  atMost: (max: number | bigint) => `must be at most ${typeof max === "number" && max >= 10_000 ? max.toLocaleString("en-US") : max}`,
  lessThan: (max: number | bigint) => `must be less than ${max}`,
  tooLong: (max: number | bigint) => `must be at most ${max} characters long`,
  id: 'must be an id of 1 to 64 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit (for example "main-server")',
  currency: 'must be a three-letter currency code in capitals, such as "USD" or "EUR"',
  isoDate: "must be a date written as YYYY-MM-DD, such as 2026-06-30",
  oneOf: (values: readonly unknown[]) => `must be one of: ${values.map((v) => String(v)).join(", ")}`,
  exactly: (value: unknown) => `must be ${JSON.stringify(value)}`,
  unknownField: (allowed: readonly string[]) =>
    allowed.length > 0
      ? `unknown field: check its spelling or remove it (allowed here: ${allowed.join(", ")})`
      : "unknown field: remove it",
  requirement:
    'must be a component id, or an object with one of "all": [...], "any": [...] or "atLeast": k with "of": [...]',
  unknownComponent: (id: string) => `unknown component "${id}"`,
  unknownPerson: (id: string) => `unknown person "${id}"`,
  duplicateId: (id: string, firstPath: string) => `"${id}" is already used by ${firstPath}; ids must be unique`,
  duplicateGroupId: (id: string, firstPath: string) =>
    `group id "${id}" is already used by ${firstPath}; group ids must be unique across the inventory`,
  duplicatePerson: (id: string) => `"${id}" is listed more than once`,
  atLeastRange: (n: number) => `must be between 1 and ${n} (the number of members in "of")`,
  failoverNeedsId:
    'a group with "failoverMinutes" above 0 switches over from its first member to the others and needs an "id" to name that switch-over',
  cycle: (ids: readonly string[]) =>
    `requirement cycle: ${ids.join(" → ")}; a component cannot depend on itself, directly or through others`,
  invalidJson: (line: number, column: number, detail: string) =>
    `the file is not valid JSON (line ${line}, column ${column}): ${detail}`,
  notAnObject: "the document must be a JSON object with a \"format\" field",
  chainTooLong: (length: number, limit: number) =>
    `starts a chain of ${length} components that each require the next; Bulwark scores chains of up to ${limit}`,
  tooDeep: (limit: number) => `is nested more than ${limit} levels deep; simplify it by naming parts of it as components`,
} as const;

/** Where a zod issue points, with the value found there (zod 4 does not report inputs by default). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function describeType(expected: string): string {
  switch (expected) {
    case "number":
      return MESSAGES.mustBeNumber;
    case "int":
      return MESSAGES.mustBeWholeNumber;
    case "string":
      return MESSAGES.mustBeText;
    case "array":
      return MESSAGES.mustBeList;
    case "boolean":
      return MESSAGES.mustBeBoolean;
    case "object":
      return MESSAGES.mustBeObject;
    default:
      return `must be ${expected}`;
  }
}

/** Which union branch a requirement object meant, judged by its keys. */
function requirementBranch(value: unknown): number | undefined {
  if (typeof value === "string") return 0;
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.includes("all")) return 1;
  if (keys.includes("any")) return 2;
  if (keys.includes("atLeast") || keys.includes("of")) return 3;
  return undefined;
}

/** The fields an object may have, given where it is inside the input: for "unknown field" messages. */
export type AllowedKeys = (pathInInput: readonly PropertyKey[]) => string[];

/**
 * Translate zod issues into problems, one sentence each. `allowed` lists the fields of the object
 * at a path, for unknown-field messages: by default the inventory's.
 */
export function problemsFromZod(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  base: readonly PropertyKey[] = [],
  allowed: AllowedKeys = allowedKeysAt,
): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) out.push(...problemFromIssue(issue, input, base, [], allowed));
  return out;
}

/**
 * `base` prefixes the path shown to the reader; `within` is where the issue's own path starts
 * inside `input` (they differ when the caller names the document, e.g. `mapping`).
 */
function problemFromIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  base: readonly PropertyKey[],
  within: readonly PropertyKey[],
  allowedKeys: AllowedKeys,
): Problem[] {
  const path = [...base, ...issue.path];
  const at = formatPath(path);
  const value = valueAt(input, [...within, ...issue.path]);
  switch (issue.code) {
    case "invalid_type": {
      if (value === undefined) return [{ path: at, message: MESSAGES.required }];
      if (issue.expected === "number" && typeof value === "number") return [{ path: at, message: MESSAGES.mustBeFinite }];
      return [{ path: at, message: describeType(issue.expected) }];
    }
    case "too_small": {
      if (issue.origin === "array" || issue.origin === "set") return [{ path: at, message: MESSAGES.notEmptyList }];
      if (issue.origin === "string") return [{ path: at, message: MESSAGES.notEmptyText }];
      return [{ path: at, message: issue.inclusive ? MESSAGES.atLeast(issue.minimum) : MESSAGES.greaterThan(issue.minimum) }];
    }
    case "too_big": {
      if (issue.origin === "string") return [{ path: at, message: MESSAGES.tooLong(issue.maximum) }];
      return [{ path: at, message: issue.inclusive ? MESSAGES.atMost(issue.maximum) : MESSAGES.lessThan(issue.maximum) }];
    }
    case "invalid_format": {
      if (issue.format === "date") return [{ path: at, message: MESSAGES.isoDate }];
      // Empty or only spaces: to a person both are empty.
      if (issue.format === "regex" && "pattern" in issue && String(issue.pattern) === String(NOT_BLANK)) return [{ path: at, message: MESSAGES.notEmptyText }];
      if (issue.format === "regex" && "pattern" in issue && String(issue.pattern).includes("A-Z")) {
        return [{ path: at, message: MESSAGES.currency }];
      }
      return [{ path: at, message: MESSAGES.id }];
    }
    case "invalid_value":
      if (value === undefined) return [{ path: at, message: MESSAGES.required }];
      return [
        {
          path: at,
          message: issue.values.length === 1 ? MESSAGES.exactly(issue.values[0]) : MESSAGES.oneOf(issue.values),
        },
      ];
    case "unrecognized_keys": {
      const allowed = path.some((p) => p === "requires") ? groupKeys(value) : allowedKeys([...within, ...issue.path]);
      return issue.keys.map((key) => ({
        path: formatPath([...path, key]),
        message: MESSAGES.unknownField(allowed),
      }));
    }
    case "invalid_union": {
      if (value === undefined) return [{ path: at, message: MESSAGES.required }];
      const branch = requirementBranch(value);
      if (branch !== undefined && issue.errors[branch]) {
        return issue.errors[branch].flatMap((inner) => problemFromIssue(inner, input, path, [...within, ...issue.path], allowedKeys));
      }
      return [{ path: at, message: MESSAGES.requirement }];
    }
    case "not_multiple_of":
      return [{ path: at, message: MESSAGES.mustBeWholeNumber }];
    default:
      return [{ path: at, message: issue.message }];
  }
}

/** The keys a requirement group may have, judged by the kind of group it is. */
function groupKeys(value: unknown): string[] {
  switch (requirementBranch(value)) {
    case 1:
      return ["all"];
    case 2:
      return ["any", "id", "failoverMinutes"];
    case 3:
      return ["atLeast", "of"];
    default:
      return ["all", "any", "id", "failoverMinutes", "atLeast", "of"];
  }
}

/** The allowed keys of the object at a path, for the unknown-field message: the schemas' own. */
function allowedKeysAt(path: readonly PropertyKey[]): string[] {
  const names = path.filter((p): p is string => typeof p === "string");
  const key = names.at(-1) ?? "";
  const table: Record<string, { readonly shape: object }> = {
    "": InventorySchema,
    organization: OrganizationSchema,
    lossScenarios: LossScenariosSchema,
    people: PersonSchema,
    components: ComponentSchema,
    functions: FunctionSchema,
    dataSets: DataSetSchema,
    copies: CopySchema,
  };
  const schema = table[key];
  return schema ? Object.keys(schema.shape) : [];
}

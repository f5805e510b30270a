/**
 * `npm run assess -- <inventory.json> [--json] [--budget N] [--order K] [--overrides file.json]`
 *
 * `--overrides` names a JSON file of prices and effects to use instead of the catalogue's
 * defaults: `{ "costs": { "ups": { "upfront": 1200 } }, "effects": { "ups": { "runtimeMinutes": 30 } } }`
 * (lib/engine/overrides.ts; docs/scoring.md lists every mitigation's effect figures).
 *
 * Exit codes: 0 assessed; 2 bad input (unreadable file, malformed JSON, invalid inventory, bad
 * options), one problem per line, never a stack trace.
 */
import { readFileSync } from "node:fs";
import { assessInventory, formatProblem, MAX_ORDER_LIMIT, planOverridesProblems, type PlanOverrides } from "../lib/engine/index.js";
import { parseJson } from "../lib/interchange/parse-json.js";
import { formatReport } from "./report.js";

export { lineAndColumn, parseJson } from "../lib/interchange/parse-json.js";

/** Problems printed at most, then a count of the rest. */
export const MAX_PROBLEM_LINES = 200;

export const USAGE = "usage: npm run assess -- <inventory.json> [--json] [--budget N] [--order K] [--overrides file.json]";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Today where the command runs (the local date, not UTC's: near midnight they differ). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A number as typed on the command line: plain decimal digits, an optional sign, fraction and
 * exponent. `Number()` alone is too lenient: it reads "" and "  " as 0 (so `--budget ""` would
 * be a budget of 0) and "0x10" as 16.
 */
function parseNumber(raw: string | undefined): number {
  return raw !== undefined && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw) ? Number(raw) : NaN;
}

/** The value an option was given, for its error message: an empty one is shown as "". */
function shown(raw: string | undefined): string {
  if (raw === undefined) return "nothing";
  return raw.trim() === "" ? JSON.stringify(raw) : raw;
}

/** Why a file could not be read, in words (raw codes such as ENOTDIR help nobody). */
function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: "no such file",
    ENOTDIR: "a folder on the way is a file",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EISDIR: "it is a folder",
    ELOOP: "too many symbolic links",
    ENAMETOOLONG: "the name is too long",
    EIO: "the disk could not be read",
  };
  return (code !== undefined && reasons[code]) || `${code ?? "error"}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
}

export function runAssess(args: readonly string[], readText: (path: string) => string, asOf = today()): CliResult {
  const fail = (lines: string[]): CliResult => ({ code: 2, stdout: "", stderr: lines.join("\n") + "\n" });
  let file: string | undefined;
  let json = false;
  let budget: number | undefined;
  let order: number | undefined;
  let overridesFile: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--overrides") {
      if (overridesFile !== undefined) return fail([`${arg}: given twice; give it once`, USAGE]);
      const raw = args[++i];
      if (raw === undefined || raw.trim() === "" || raw.startsWith("--")) return fail([`--overrides: needs the name of a JSON file of prices and effects (got ${shown(raw)})`, USAGE]);
      overridesFile = raw;
    }
    else if (arg === "--budget" || arg === "--order") {
      if ((arg === "--budget" ? budget : order) !== undefined) return fail([`${arg}: given twice; give it once`, USAGE]);
      const raw = args[++i];
      const value = parseNumber(raw);
      if (arg === "--budget") {
        if (!(Number.isFinite(value) && value >= 0)) {
          return fail([`--budget: must be a number of at least 0, the first-year cash limit, such as 500 (got ${shown(raw)})`, USAGE]);
        }
        budget = value;
      } else {
        if (!(Number.isInteger(value) && value >= 1 && value <= MAX_ORDER_LIMIT)) {
          return fail([`--order: must be a whole number from 1 to ${MAX_ORDER_LIMIT} (got ${shown(raw)})`, USAGE]);
        }
        order = value;
      }
    } else if (arg.startsWith("-") && arg !== "-") return fail([`unknown option ${arg}`, USAGE]);
    else if (file === undefined) file = arg;
    else return fail([`only one inventory file at a time (got ${file} and ${arg})`, USAGE]);
  }
  if (file === undefined || file.trim() === "") return fail(["no inventory file given", USAGE]);

  const read = (path: string): { ok: true; text: string } | { ok: false; result: CliResult } => {
    try {
      return { ok: true, text: readText(path) };
    } catch (error) {
      return { ok: false, result: fail([`${path}: cannot read the file (${readError(error)})`]) };
    }
  };

  let overrides: PlanOverrides | undefined;
  if (overridesFile !== undefined) {
    const o = read(overridesFile);
    if (!o.ok) return o.result;
    const parsedOverrides = parseJson(o.text);
    if (!parsedOverrides.ok) return fail([`${overridesFile}: ${formatProblem(parsedOverrides.problem)}`]);
    const problems = planOverridesProblems(parsedOverrides.value);
    if (problems.length > 0) return fail(problems.slice(0, MAX_PROBLEM_LINES).map((p) => `${overridesFile}: ${formatProblem(p)}`));
    overrides = parsedOverrides.value as PlanOverrides;
  }

  const r = read(file);
  if (!r.ok) return r.result;
  const parsed = parseJson(r.text);
  if (!parsed.ok) return fail([`${file}: ${formatProblem(parsed.problem)}`]);
  const result = assessInventory(parsed.value, { asOf, budget, maxOrder: order, costOverrides: overrides?.costs, effectOverrides: overrides?.effects });
  if (!result.ok) {
    // The first problems are what to fix first; thousands of lines help nobody.
    const shownProblems = result.problems.slice(0, MAX_PROBLEM_LINES).map(formatProblem);
    const more = result.problems.length - shownProblems.length;
    return fail(more > 0 ? [...shownProblems, `… and ${more} more problems like these`] : shownProblems);
  }
  return {
    code: 0,
    stdout: json ? JSON.stringify(result.assessment, null, 2) + "\n" : formatReport(result.assessment),
    stderr: "",
  };
}

// Run when invoked as a script (not when imported by tests).
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/cli\//, "/cli/"))) {
  const result = runAssess(process.argv.slice(2), (path) => readFileSync(path, "utf8"));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

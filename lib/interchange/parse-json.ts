/**
 * JSON parsing that explains where a document breaks, with a line and a column an owner can find
 * in an editor. `JSON.parse` does the parsing; the scanner below only locates an error when the
 * runtime's message does not give a position (V8 omits it for "Unexpected token").
 */
import { MESSAGES, type Problem } from "../engine/index.js";

export interface JsonSyntaxProblem extends Problem {
  /** 1-based line of the first character JSON cannot accept. */
  readonly line: number;
  /** 1-based column (UTF-16 code units) on that line. */
  readonly column: number;
}

export type ParseJsonResult = { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem };

/** Line and column (1-based) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/**
 * Parse JSON, or explain where it breaks. Never throws. A leading byte-order mark is ignored (as
 * RFC 8259 allows): editors on Windows add one and hide it, so it must not count as a column.
 */
export function parseJson(input: string): ParseJsonResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const scanned = at ? -1 : jsonErrorOffset(text);
    const offset = at ? Number(at[1]) : scanned >= 0 ? scanned : text.length;
    const { line, column } = lineAndColumn(text, offset);
    const detail = message
      .replace(/ (?:in JSON )?at position \d+.*$/s, "")
      .replace(/, (\.\.\.)?".*" is not valid JSON$/s, "")
      // One problem per line: a control character in V8's quote of the token is written escaped.
      .replace(/[\u0000-\u001f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
    return { ok: false, problem: { path: "", message: MESSAGES.invalidJson(line, column, detail), line, column } };
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX = /^[0-9a-fA-F]$/;

/** End of the string starting at `start` (a quote), or the negated offset + 1 of its first bad character. */
function scanString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) return i + 1;
    if (ch < 0x20) return -(i + 1);
    if (ch === 0x5c) {
      const next = text[i + 1];
      if (next === "u") {
        for (let k = i + 2; k < i + 6; k++) if (!HEX.test(text[k] ?? "")) return -(Math.min(k, text.length) + 1);
        i += 6;
        continue;
      }
      if (next === undefined || !'"\\/bfnrt'.includes(next)) return -(i + 2);
      i += 2;
      continue;
    }
    i++;
  }
  return -(text.length + 1);
}

/** End of the scalar (string, number, literal) at `i`, or the negated offset + 1 of where it goes wrong. */
function scanScalar(text: string, i: number): number {
  const ch = text[i];
  if (ch === '"') return scanString(text, i);
  for (const word of ["true", "false", "null"]) if (text.startsWith(word, i)) return i + word.length;
  NUMBER.lastIndex = i;
  return NUMBER.test(text) ? NUMBER.lastIndex : -(i + 1);
}

/**
 * Offset of the first character that makes `text` invalid JSON, or -1 when it is valid. Iterative,
 * so a deeply nested document cannot overflow the stack.
 */
export function jsonErrorOffset(text: string): number {
  const stack: Array<"{" | "["> = [];
  type Want = "value" | "valueOrClose" | "key" | "keyOrClose" | "colon" | "after";
  let want: Want = "value";
  let i = 0;
  const n = text.length;
  for (;;) {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
    if (i >= n) return want === "after" && stack.length === 0 ? -1 : n;
    const ch = text[i]!;
    switch (want) {
      case "value":
      case "valueOrClose": {
        if (want === "valueOrClose" && ch === "]") {
          stack.pop();
          i++;
          want = "after";
        } else if (ch === "{") {
          stack.push("{");
          i++;
          want = "keyOrClose";
        } else if (ch === "[") {
          stack.push("[");
          i++;
          want = "valueOrClose";
        } else {
          const end = scanScalar(text, i);
          if (end < 0) return -end - 1;
          i = end;
          want = "after";
        }
        break;
      }
      case "key":
      case "keyOrClose": {
        if (want === "keyOrClose" && ch === "}") {
          stack.pop();
          i++;
          want = "after";
        } else if (ch === '"') {
          const end = scanString(text, i);
          if (end < 0) return -end - 1;
          i = end;
          want = "colon";
        } else return i;
        break;
      }
      case "colon":
        if (ch !== ":") return i;
        i++;
        want = "value";
        break;
      case "after": {
        const top = stack.at(-1);
        if (top === undefined) return i;
        if (ch === ",") want = top === "[" ? "value" : "key";
        else if ((top === "[" && ch === "]") || (top === "{" && ch === "}")) {
          stack.pop();
          want = "after";
        } else return i;
        i++;
        break;
      }
    }
  }
}

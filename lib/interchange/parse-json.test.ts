import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonErrorOffset, lineAndColumn, parseJson } from "./parse-json.js";

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON text with one character deleted, inserted or replaced somewhere. */
const damagedJson = fc
  .tuple(
    fc.jsonValue().map((v) => JSON.stringify(v, null, 1)),
    fc.nat(),
    fc.constantFrom("delete", "insert", "replace"),
    fc.constantFrom(",", "}", "]", "{", "[", '"', ":", "\\", "x", "1", ".", "-", "\n", "t", "e"),
  )
  .map(([text, at, how, ch]) => {
    const i = at % (text.length + 1);
    if (how === "delete") return text.slice(0, i) + text.slice(i + 1);
    if (how === "insert") return text.slice(0, i) + ch + text.slice(i);
    return text.slice(0, i) + ch + text.slice(i + 1);
  });

describe("jsonErrorOffset", () => {
  it("finds an error exactly when JSON.parse refuses the text", () => {
    fc.assert(
      fc.property(fc.oneof(damagedJson, fc.string({ unit: "binary-ascii", maxLength: 12 })), (text) => {
        const offset = jsonErrorOffset(text);
        expect(offset === -1).toBe(parses(text));
        expect(offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees with the position V8 reports when it reports one", () => {
    const cases = ['{"a" 1}', '[1 2]', '{"a":1,}', '{} x', '{"a":"\\x"}', '{"a":01}'];
    for (const text of cases) {
      let position: number | undefined;
      try {
        JSON.parse(text);
      } catch (error) {
        position = Number(/position (\d+)/.exec((error as Error).message)?.[1]);
      }
      expect(jsonErrorOffset(text), text).toBe(position);
    }
  });

  it("does not overflow on deep nesting", () => {
    expect(jsonErrorOffset("[".repeat(200_000) + "}")).toBe(200_000);
  });
});

describe("parseJson", () => {
  it("places an 'Unexpected token' error, which V8 reports without a position, at the token", () => {
    const parsed = parseJson('{\n  "a": 1,\n  "b": tru\n}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem).toMatchObject({ line: 3, column: 8, path: "" });
      expect(parsed.problem.message).toMatch(/^the file is not valid JSON \(line 3, column 8\): Unexpected token '[^']*'$/);
    }
  });

  it("reports a long document's unexpected token without V8's quoted excerpt", () => {
    const parsed = parseJson(`{"names": [${'"x",'.repeat(50)} 'y']}`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.message).toBe("the file is not valid JSON (line 1, column 213): Unexpected token '''");
  });

  it("keeps the message on one line when the unexpected token is a line break, and drops V8's offset after the JSON", () => {
    const broken = parseJson('{\n "b": tru\n}');
    expect(broken.ok).toBe(false);
    if (!broken.ok) {
      expect(broken.problem.message).not.toContain("\n");
      expect(broken.problem.message).toMatch(/^the file is not valid JSON \(line 2, column 7\): Unexpected token '\\n'$/);
    }
    const trailing = parseJson('{"a": 1}\n}');
    expect(trailing.ok).toBe(false);
    if (!trailing.ok) {
      expect(trailing.problem).toMatchObject({ line: 2, column: 1 });
      expect(trailing.problem.message).not.toMatch(/position/);
    }
  });

  it("ignores a byte-order mark", () => {
    expect(parseJson('\ufeff{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    const parsed = parseJson("\ufeff{\n  ]");
    if (!parsed.ok) expect(parsed.problem).toMatchObject({ line: 2, column: 3 });
    else expect.unreachable();
  });

  it("counts lines and columns from 1", () => {
    expect(lineAndColumn("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn("ab\ncd", 3)).toEqual({ line: 2, column: 1 });
    expect(lineAndColumn("ab\ncd", 99)).toEqual({ line: 2, column: 3 });
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMPONENT_DEFAULTS, MITIGATIONS } from "../lib/engine/index.js";
import { SCORING_DOC, renderScoringDoc } from "./write-scoring-tables.js";

describe("docs/scoring.md", () => {
  const doc = readFileSync(SCORING_DOC, "utf8");

  it("has up-to-date tables of defaults and mitigations (run `npm run docs:tables`)", () => {
    expect(renderScoringDoc(doc)).toBe(doc);
  });

  it("lists every component kind's default and every mitigation", () => {
    for (const kind of Object.keys(COMPONENT_DEFAULTS)) expect(doc).toMatch(new RegExp(`^\\| ${kind} \\|`, "m"));
    for (const m of MITIGATIONS) expect(doc).toContain(`| \`${m.id}\` |`);
  });
});

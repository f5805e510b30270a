/**
 * Renders the tables of defaults and mitigations into docs/scoring.md between the
 * `<!-- generated:… -->` markers (`npm run docs:tables`); a test fails when they are stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import {
  COMPONENT_DEFAULTS,
  LOSS_SCENARIO_DEFAULTS,
  MITIGATIONS,
  ORGANIZATION_DEFAULTS,
  PERSON_AVAILABILITY_DEFAULT,
  annualizedCost,
  type Source,
} from "../lib/engine/index.js";

export const SCORING_DOC = new URL("../docs/scoring.md", import.meta.url);

const STATUS = { V: "V (read in the source)", S: "S (secondary summary)", U: "U (assumed; no published figure)" } as const;
const num = (x: number) => String(Number(x.toFixed(x < 1 ? 3 : 2)));
const cite = (s: Source) => `${s.row}: ${s.citation}${s.note ? ` (${s.note})` : ""}`;
const cell = (s: string) => s.replace(/\|/g, "\\|");

export function renderDefaults(): string {
  const rows = Object.entries(COMPONENT_DEFAULTS).map(
    ([kind, d]) =>
      `| ${kind} | ${num(d.failuresPerYear)} | ${num(d.repairHours)} | ${num(d.failuresPerYear * d.repairHours)} | ${cell(cite(d.source))} | ${STATUS[d.source.status]} |`,
  );
  const org = [
    ...Object.entries(ORGANIZATION_DEFAULTS).map(([k, d]) => [`organization.${k}`, d.value, d.source] as const),
    ...Object.entries(LOSS_SCENARIO_DEFAULTS).map(([k, d]) => [`lossScenarios.${k}`, d.value, d.source] as const),
    ["people[].availability", PERSON_AVAILABILITY_DEFAULT.value, PERSON_AVAILABILITY_DEFAULT.source] as const,
  ].map(([k, v, s]) => `| ${k} | ${num(v)} | ${cell(cite(s))} | ${STATUS[s.status]} |`);
  return [
    "| kind | failures per year | repair hours | hours down per year | source | status |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
    "| field | default | source | status |",
    "|---|---|---|---|",
    ...org,
  ].join("\n");
}

export function renderMitigations(): string {
  const wage = ORGANIZATION_DEFAULTS.staffCostPerHour.value;
  const sample = {
    format: "resilience-inventory/1" as const,
    organization: { name: "x", currency: "USD", operatingHoursPerWeek: 50 },
    dataSets: [{ id: "d", primary: "p", copies: [{ id: "c", location: "onsite" as const, medium: "nas", intervalHours: 24 }] }],
  };
  const rows = MITIGATIONS.map((m) => {
    const targets = m.touchesDataSets(["d"]).length > 0 ? ["d"] : ["t"];
    const c = m.defaultCost(sample, targets, wage);
    return `| \`${m.id}\` | ${m.title} | ${cell(m.effect)} | ${num(c.upfront)} | ${num(c.monthly)} | ${num(c.lifeYears)} | ${num(annualizedCost(c))} | ${cell(m.sources.map((s) => `${s.row} (${s.status})`).join("; "))} |`;
  });
  const effects = MITIGATIONS.flatMap((m) =>
    Object.entries(m.parameters).map(
      ([name, p]) =>
        `| \`${m.id}\` | \`${name}\` | ${p.label} | ${num(p.defaultValue)} | ${p.minExclusive ? "above" : "from"} ${num(p.min)} to ${num(p.max)} | ${cell(`${p.source.row} (${p.source.status})`)} |`,
    ),
  );
  return [
    `| id | action | what it changes in the model | upfront | monthly | life (years) | per year | source |`,
    "|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "The figures of the effects that can be set (`effects` in an overrides file, `effectOverrides` in the engine):",
    "",
    "| id | figure | what it is | default | allowed | source |",
    "|---|---|---|---|---|---|",
    ...effects,
  ].join("\n");
}

export function renderScoringDoc(current: string): string {
  const replace = (text: string, name: string, body: string) => {
    const start = `<!-- generated:${name} -->`;
    const end = `<!-- /generated:${name} -->`;
    const a = text.indexOf(start);
    const b = text.indexOf(end);
    if (a < 0 || b < a) throw new Error(`docs/scoring.md lacks the ${start} … ${end} markers`);
    return `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`;
  };
  return replace(replace(current, "defaults", renderDefaults()), "mitigations", renderMitigations());
}

if (process.argv[1]?.endsWith("write-scoring-tables.ts")) {
  writeFileSync(SCORING_DOC, renderScoringDoc(readFileSync(SCORING_DOC, "utf8")));
  console.log(`updated ${SCORING_DOC.pathname}`);
}

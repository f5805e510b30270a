/**
 * Everything the action plan says, as plain strings and numbers, worked out from an assessment
 * before any layout: the document component only places it. Kept apart so the wording can be
 * read and tested without rendering a PDF.
 */
import type { Assessment, AssessedFunction, Inventory, LossScenario, NotWorthItItem, PlanItem } from "@/lib/engine";
import {
  explainBusFactor,
  formatAssumedValue,
  peopleWaitOf,
  priceNote,
  the,
  checklist,
  createNameLookup,
  explainNotWorthIt,
  explainPair,
  explainSpof,
  rpoFindings,
  rtoFindings,
  type ExplainContext,
} from "@/lib/results/explain";
import { formatApproxDuration, formatApproxMoney, formatChance, formatDuration, formatHours, formatMoney, formatYears } from "@/lib/results/format";

export interface PlanRow {
  readonly step: number;
  readonly title: string;
  readonly targets: string;
  readonly effect: string;
  readonly costPerYear: string;
  readonly firstYearCost: string;
  readonly benefitPerYear: string;
  readonly payback: string;
  readonly lossAfter: string;
}

export interface NotWorthItRow {
  readonly title: string;
  readonly targets: string;
  readonly costPerYear: string;
  readonly benefitPerYear: string;
  /** "€707 an hour" or "losses 1.3 × larger". */
  readonly breakEven: string;
  readonly sentence: string;
}

export interface FunctionSection {
  readonly name: string;
  readonly hours: string;
  readonly costPerHour: string;
  readonly downtime: string;
  readonly loss: string;
  readonly summary: string;
  readonly spofs: readonly string[];
  readonly truncated: boolean;
}

export interface DataSetSection {
  readonly name: string;
  readonly loss: string;
  readonly checks: ReadonlyArray<{ readonly rule: string; readonly passed: boolean; readonly sentence: string }>;
  readonly scenarios: ReadonlyArray<{ readonly label: string; readonly chance: string; readonly survivors: string; readonly costIfItHappens: string; readonly perYear: string }>;
}

export interface ActionPlanContent {
  readonly currency: string;
  /** Said beside the plan when the currency is not US dollars (the catalogue's prices are). */
  readonly priceNote: string | null;
  readonly organizationName: string;
  readonly asOf: string;
  readonly engineVersion: string;
  readonly headline: {
    readonly atRisk: string;
    readonly afterPlan: string;
    readonly removed: string;
    readonly removedShare: string;
    readonly planCostPerYear: string;
    readonly planFirstYear: string;
  };
  readonly verdict: string;
  readonly topActions: readonly PlanRow[];
  readonly functions: readonly FunctionSection[];
  readonly thinRedundancy: readonly string[];
  readonly dataSets: readonly DataSetSection[];
  readonly rto: readonly string[];
  readonly rpo: readonly string[];
  readonly busFactor: readonly string[];
  readonly plan: readonly PlanRow[];
  readonly planTotals: { readonly costPerYear: string; readonly firstYearCost: string; readonly benefitPerYear: string; readonly lossAfter: string };
  readonly overBudget: readonly PlanRow[];
  /** Worth it and affordable, after the plan's item limit (engine 1.0.2 on; empty before). */
  readonly beyondItemLimit: readonly PlanRow[];
  readonly budget: string | null;
  readonly notWorthIt: readonly NotWorthItRow[];
  readonly charts: {
    readonly downtime: ReadonlyArray<{ readonly label: string; readonly hours: number; readonly value: string }>;
    readonly spend: ReadonlyArray<{ readonly step: number; readonly label: string; readonly spend: number; readonly removed: number }>;
    readonly totalLoss: number;
  };
  readonly assumptions: ReadonlyArray<{ readonly field: string; readonly value: string; readonly source: string; readonly status: string }>;
  readonly components: ReadonlyArray<{
    readonly name: string;
    readonly kind: string;
    readonly failuresPerYear: string;
    readonly repair: string;
    readonly waits: string;
    readonly downPerYear: string;
  }>;
}

const STATUS_WORDS = {
  V: "read in the cited source",
  S: "from a secondary summary",
  U: "assumed; no published figure",
} as const;

const SCENARIO_LABELS: Readonly<Record<LossScenario, string>> = {
  device: "The storage it lives on dies",
  site: "The building is lost (fire, flood, theft)",
  ransomware: "Ransomware strikes",
};

const SCENARIO_WHEN: Readonly<Record<LossScenario, string>> = {
  device: "If the storage it lives on dies",
  site: "If the building is lost to fire, flood or theft",
  ransomware: "If ransomware strikes",
};

/** Payback as a person says it; `null` means the item never earns back its upfront cost. */
export function formatPayback(years: number | null): string {
  if (years === null) return "never";
  if (years === 0) return "at once";
  return formatYears(years);
}

const COPY_PLACES = {
  "same-device": "on the same device",
  onsite: "on site",
  offsite: "off site",
  cloud: "in the cloud",
} as const;

const ORGANIZATION_FIELDS: Readonly<Record<string, string>> = {
  absenceWaitHours: "Wait when the person who can fix it is away (hours)",
  vendorResponseHours: "Wait for outside help (hours)",
  unmonitoredDetectionHours: "Time until an unwatched failure is noticed (hours)",
  untestedRestoreFailure: "Chance that an untested restore fails",
  staffCostPerHour: "Cost of a staff hour",
  "lossScenarios.device": "Chance a year that a storage device dies",
  "lossScenarios.site": "Chance a year that the building is lost",
  "lossScenarios.ransomware": "Chance a year of a ransomware attack",
};

const COMPONENT_FIELDS: Readonly<Record<string, string>> = { failuresPerYear: "failures a year", repairHours: "hours to repair" };

/** An assumption's inventory path in words: "components[3].repairHours" → "Core switch: hours to repair". */
export function describeAssumption(path: string, a: Pick<Assessment, "events">, inventory?: Inventory): string {
  const org = /^organization\.(.+)$/u.exec(path);
  if (org) return ORGANIZATION_FIELDS[org[1]!] ?? path;
  const person = /^people\[(\d+)\]\.availability$/u.exec(path);
  if (person) {
    const p = inventory?.people?.[Number(person[1])];
    return p ? `${p.name ?? p.id}: share of the time available` : path;
  }
  const component = /^components\[(\d+)\]\.(\w+)$/u.exec(path);
  if (component && COMPONENT_FIELDS[component[2]!]) {
    const i = Number(component[1]);
    const c = inventory?.components?.[i];
    const name = c ? (c.name ?? c.id) : a.events.filter((e) => e.kind !== "failover")[i]?.name;
    return name ? `${name}: ${COMPONENT_FIELDS[component[2]!]}` : path;
  }
  return path;
}

/** A yearly chance with the precision small ones need: "2 %", "0.4 %", "less than 0.1 %". */
export function formatYearlyChance(p: number): string {
  if (p >= 0.01) return formatChance(p);
  if (p <= 0) return "0 %";
  if (p < 0.001) return "less than 0.1 %";
  return `${Number((p * 100).toFixed(1))} %`;
}

/** Hours in a table; under an hour in minutes. */
export function formatShortHours(hours: number): string {
  if (hours <= 0) return "0 h";
  if (hours < 0.95) return `${Math.max(1, Math.round(hours * 60))} min`;
  return formatHours(hours);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A number as written in a table: up to two decimals, no trailing zeros. */
function formatNumber(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

export interface ContentInput {
  readonly assessment: Assessment;
  readonly clientName: string;
  /** The inventory behind the assessment, when at hand: names people, switch-overs and RPOs. */
  readonly inventory?: Inventory;
  /** Text cleaner for every string that came from a user (names, sources). */
  readonly clean?: (text: string) => string;
}

export function buildActionPlanContent({ assessment: a, clientName, inventory, clean = (t) => t }: ContentInput): ActionPlanContent {
  const currency = a.organization.currency;
  const money = (v: number) => formatMoney(v, currency);
  const lookup = createNameLookup(a, inventory);
  const dataSetName = new Map(a.dataSets.map((d) => [d.id, d.name]));
  const nameOf = (id: string) => {
    const name = lookup(id);
    return clean(name === id ? (dataSetName.get(id) ?? id) : name);
  };
  const ctx: ExplainContext = { currency, nameOf };
  const functions = a.functions.map((f) => ({ ...f, name: clean(f.name) }));
  const dataSets = a.dataSets.map((d) => ({ ...d, name: clean(d.name) }));
  const copies = new Map((inventory?.dataSets ?? []).flatMap((d) => (d.copies ?? []).map((c) => [`${d.id}/${c.id}`, c] as const)));
  const describeCopy = (dataSetId: string, copyId: string) => {
    const copy = copies.get(`${dataSetId}/${copyId}`);
    return clean(copy ? `${copyId} (${COPY_PLACES[copy.location]}, every ${formatDuration(copy.intervalHours)})` : copyId);
  };
  const targetsOf = (item: Pick<PlanItem, "targets">) => item.targets.map(nameOf).join(", ");

  const planRow = (item: PlanItem, step: number): PlanRow => ({
    step,
    title: item.title,
    targets: targetsOf(item),
    effect: item.effect,
    costPerYear: money(item.annualizedCost),
    firstYearCost: money(item.firstYearCost),
    benefitPerYear: money(item.annualBenefit),
    payback: formatPayback(item.paybackYears),
    lossAfter: money(item.expectedAnnualLossAfter),
  });
  const plan = a.plan.map((item, i) => planRow(item, i + 1));

  const totalCost = sum(a.plan.map((p) => p.annualizedCost));
  const totalFirstYear = sum(a.plan.map((p) => p.firstYearCost));
  const removed = a.expectedAnnualLoss - a.expectedAnnualLossAfterPlan;
  const share = a.expectedAnnualLoss > 0 ? removed / a.expectedAnnualLoss : 0;

  return {
    currency,
    priceNote: priceNote(currency),
    organizationName: clean(a.organization.name),
    asOf: a.asOf,
    engineVersion: a.engineVersion,
    headline: {
      atRisk: money(a.expectedAnnualLoss),
      afterPlan: money(a.expectedAnnualLossAfterPlan),
      removed: money(removed),
      removedShare: `${Math.round(share * 100)} %`,
      planCostPerYear: money(totalCost),
      planFirstYear: money(totalFirstYear),
    },
    verdict: writeVerdict({ a, clientName, functions, nameOf, ctx, totalCost, totalFirstYear, removed, share }),
    topActions: plan.slice(0, 3),
    functions: functions.map((f) => functionSection(f, ctx)),
    thinRedundancy: functions
      .flatMap((f) =>
        f.cutSets
          .filter((c) => c.components.length === 2)
          .map((c) => ({ loss: c.expectedAnnualLoss, sentence: explainPair({ components: c.components, functionName: f.name, hours: c.downtimeHoursPerYear, loss: c.expectedAnnualLoss }, ctx) })),
      )
      .sort((x, y) => y.loss - x.loss)
      .map((x) => x.sentence),
    dataSets: dataSets.map((d) => ({
      name: d.name,
      loss: money(d.expectedAnnualLoss),
      checks: checklist(d).map(({ rule, passed, sentence }) => ({ rule, passed, sentence })),
      scenarios: d.scenarios.map((s) => ({
        label: SCENARIO_LABELS[s.scenario],
        chance: `${formatYearlyChance(s.probability)} a year`,
        survivors: s.survivingCopies.length === 0 ? "none" : s.survivingCopies.map((id) => describeCopy(d.id, id)).join("; "),
        costIfItHappens: money(s.lostCost),
        perYear: money(s.expectedAnnualLoss),
      })),
    })),
    rto: rtoFindings(functions, ctx).map((r) => r.sentence),
    rpo: inventory
      ? rpoFindings(dataSets, inventory).map((r) => r.sentence)
      : dataSets.flatMap((d) =>
          d.rpoBreaches.map((s) => {
            const survivors = d.scenarios.find((x) => x.scenario === s)?.survivingCopies ?? [];
            return survivors.length === 0
              ? `${SCENARIO_WHEN[s]}, no copy of ${d.name} survives.`
              : `${SCENARIO_WHEN[s]}, the freshest copy of ${d.name} that survives is older than the work the business can afford to lose.`;
          }),
        ),
    busFactor: busFactorSentences(functions, inventory, ctx, peopleWaitOf(a.events)).map(clean),
    plan,
    planTotals: { costPerYear: money(totalCost), firstYearCost: money(totalFirstYear), benefitPerYear: money(removed), lossAfter: money(a.expectedAnnualLossAfterPlan) },
    overBudget: a.overBudget.map((item, i) => planRow(item, i + 1)),
    // Absent from assessments stored by engines before 1.0.2.
    beyondItemLimit: ((a.beyondItemLimit as readonly PlanItem[] | undefined) ?? []).map((item, i) => planRow(item, i + 1)),
    budget: a.budget === null ? null : money(a.budget),
    notWorthIt: a.notWorthIt.map((item) => notWorthItRow(item, targetsOf(item), money, ctx)),
    charts: {
      downtime: functions
        .map((f) => ({ label: f.name, hours: f.downtimeHoursPerYear, value: formatHours(f.downtimeHoursPerYear) }))
        .sort((x, y) => y.hours - x.hours),
      spend: [
        { step: 0, label: "Today", spend: 0, removed: 0 },
        ...a.plan.map((p, i) => ({
          step: i + 1,
          label: p.title,
          spend: sum(a.plan.slice(0, i + 1).map((q) => q.annualizedCost)),
          removed: a.expectedAnnualLoss - p.expectedAnnualLossAfter,
        })),
      ],
      totalLoss: a.expectedAnnualLoss,
    },
    assumptions: a.assumptions.map((x) => ({
      field: clean(describeAssumption(x.path, a, inventory)),
      value: clean(formatAssumedValue(x.path, x.value, a.organization.currency)),
      source: clean([x.source.row, x.source.citation, x.source.note].filter((s) => s && s !== "none").join(": ")),
      status: STATUS_WORDS[x.source.status],
    })),
    components: a.events.map((e) => ({
      name: capitalize(nameOf(e.id)),
      kind: e.kind === "failover" ? "switch-over" : e.kind,
      failuresPerYear: formatNumber(e.failuresPerYear),
      repair: formatShortHours(e.repairHours),
      waits: e.peopleWaitHours + e.detectionWaitHours > 0 ? formatShortHours(e.peopleWaitHours + e.detectionWaitHours) : "none",
      downPerYear: formatShortHours(e.unavailability * 8760),
    })),
  };
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** One sentence per component that only one person (or nobody) can fix, naming every function that needs it. */
function busFactorSentences(
  functions: readonly AssessedFunction[],
  inventory: Inventory | undefined,
  ctx: ExplainContext,
  waitOf: (componentId: string) => number | undefined,
): string[] {
  const personName = new Map((inventory?.people ?? []).map((p) => [p.id, p.name ?? p.id]));
  const knownBy = new Map((inventory?.components ?? []).map((c) => [c.id, c.knownBy ?? []]));
  const byComponent = new Map<string, { people: number; functions: string[] }>();
  for (const f of functions) {
    for (const b of f.busFactor) {
      const entry = byComponent.get(b.component) ?? { people: b.people, functions: [] };
      entry.functions.push(f.name);
      byComponent.set(b.component, entry);
    }
  }
  return [...byComponent].map(([componentId, { people, functions: names }]) =>
    explainBusFactor(
      {
        componentId,
        functionName: joinNames(names),
        people: people === 0 ? [] : [personName.get(knownBy.get(componentId)?.[0] ?? "") ?? "one person"],
        waitHours: waitOf(componentId),
      },
      ctx,
    ),
  );
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

function functionSection(f: AssessedFunction, ctx: ExplainContext): FunctionSection {
  const money = (v: number) => formatMoney(v, ctx.currency);
  const spofs = f.cutSets
    .filter((c) => c.components.length === 1)
    .sort((x, y) => y.expectedAnnualLoss - x.expectedAnnualLoss)
    .map((c) => explainSpof({ componentId: c.components[0]!, functionName: f.name, hours: c.downtimeHoursPerYear, loss: c.expectedAnnualLoss }, ctx));
  const hours = f.hours === "always" ? "around the clock" : "in business hours";
  const summary =
    `${f.name} is expected to be down ${formatApproxDuration(f.downtimeHoursPerYear)} a year` +
    (f.hours === "business" ? ", of which only the business hours cost money" : "") +
    `: ${formatApproxMoney(f.expectedAnnualLoss, ctx.currency)} a year at ${money(f.downtimeCostPerHour)} an hour.`;
  return {
    name: f.name,
    hours,
    costPerHour: money(f.downtimeCostPerHour),
    downtime: formatHours(f.downtimeHoursPerYear),
    loss: money(f.expectedAnnualLoss),
    summary,
    spofs,
    truncated: f.truncated,
  };
}

function notWorthItRow(item: NotWorthItItem, targets: string, money: (v: number) => string, ctx: ExplainContext): NotWorthItRow {
  let breakEven = "—";
  if (item.breakEvenDowntimeCostPerHour !== null) breakEven = `${money(item.breakEvenDowntimeCostPerHour)} an hour`;
  else if (item.breakEvenLossMultiplier !== null) breakEven = `losses ${Number(item.breakEvenLossMultiplier.toFixed(1))} × larger`;
  let sentence = explainNotWorthIt({ ...item, targets: item.targets }, ctx);
  if (item.breakEvenDowntimeCostPerHour === null && item.breakEvenLossMultiplier !== null) {
    sentence += ` It would pay for itself if the data losses it prevents were ${Number(item.breakEvenLossMultiplier.toFixed(1))} times larger.`;
  }
  return { title: item.title, targets, costPerYear: money(item.annualizedCost), benefitPerYear: money(item.annualBenefit), breakEven, sentence };
}

interface VerdictInput {
  readonly a: Assessment;
  readonly clientName: string;
  readonly functions: readonly AssessedFunction[];
  readonly nameOf: (id: string) => string;
  readonly ctx: ExplainContext;
  readonly totalCost: number;
  readonly totalFirstYear: number;
  readonly removed: number;
  readonly share: number;
}

/** One paragraph from the figures: the risk, what the plan buys, the biggest single point of failure, where to start. */
function writeVerdict({ a, clientName, functions, nameOf, ctx, totalCost, totalFirstYear, removed, share }: VerdictInput): string {
  const approx = (v: number) => formatApproxMoney(v, ctx.currency);
  const money = (v: number) => formatMoney(v, ctx.currency);
  const who = clientName.length > 80 ? "The business" : clientName;
  const sentences: string[] = [];
  if (a.expectedAnnualLoss < 0.5) {
    sentences.push(`${who} has no measurable money at risk from the IT described in this assessment.`);
  } else {
    const parts: string[] = [];
    if (a.functionsExpectedAnnualLoss >= 0.5) parts.push(`${approx(a.functionsExpectedAnnualLoss)} from downtime`);
    if (a.dataSetsExpectedAnnualLoss >= 0.5) parts.push(`${approx(a.dataSetsExpectedAnnualLoss)} from lost data`);
    sentences.push(
      `${who} can expect to lose ${approx(a.expectedAnnualLoss)} a year, on average, to IT failures` + (parts.length === 2 ? ` (${parts.join(" and ")}).` : "."),
    );
  }
  if (a.plan.length > 0) {
    const n = a.plan.length;
    sentences.push(
      `The ${n === 1 ? "one action" : `${n} actions`} in this plan remove ${approx(removed)} of that (${Math.round(share * 100)} %) ` +
        `for ${approx(totalCost)} a year, ${money(totalFirstYear)} in the first year, leaving ${approx(a.expectedAnnualLossAfterPlan)}.`,
    );
    if (totalCost > 0) {
      const perUnit = new Intl.NumberFormat("en-US", { style: "currency", currency: ctx.currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
      sentences.push(`Each ${money(1)} a year spent on it avoids about ${perUnit.format(removed / totalCost)} of expected losses.`);
    }
  } else if (a.expectedAnnualLoss >= 0.5) {
    sentences.push("None of the measures Bulwark knows pays for itself here: the remaining risk is cheaper to carry than to remove.");
  }
  let biggest: { f: AssessedFunction; id: string; hours: number; loss: number } | undefined;
  for (const f of functions) {
    for (const c of f.cutSets) {
      if (c.components.length === 1 && (!biggest || c.expectedAnnualLoss > biggest.loss)) {
        biggest = { f, id: c.components[0]!, hours: c.downtimeHoursPerYear, loss: c.expectedAnnualLoss };
      }
    }
  }
  if (biggest && biggest.loss >= 0.5) {
    const sentence = explainSpof({ componentId: biggest.id, functionName: biggest.f.name, hours: biggest.hours, loss: biggest.loss }, ctx);
    const name = nameOf(biggest.id);
    sentences.push(
      biggest.id.startsWith("failover:") ? `The biggest single point of failure is a switch-over. ${sentence}` : `The biggest single point of failure is ${the(name)}. ${sentence}`,
    );
  } else if (functions.length > 0) {
    sentences.push("No single failure stops a business function on its own.");
  }
  const weakData = a.dataSets.filter((d) => Object.values(d.checks).some((ok) => !ok)).length;
  if (weakData > 0) {
    sentences.push(
      weakData === a.dataSets.length && weakData === 1
        ? "The backups miss part of the 3-2-1-1-0 rule."
        : `${weakData} of ${a.dataSets.length} data sets miss part of the 3-2-1-1-0 backup rule.`,
    );
  }
  const first = a.plan[0];
  if (first) {
    sentences.push(
      `Start with “${first.title}” (${first.targets.map(nameOf).join(", ")}): it costs ${money(first.annualizedCost)} a year and saves ${approx(first.annualBenefit)}.`,
    );
  }
  return sentences.join(" ");
}

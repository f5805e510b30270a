/**
 * Findings as sentences a business owner can read and repeat, each with its hours and money:
 * "If the fiber line fails, card payments stop: about 8 hours a year, about $4,800."
 */
import type { Assessment, AssessedEvent, AssessedFunction, DataSetResult, Inventory, LossScenario, Requirement } from "@/lib/engine";
import { formatApproxDuration, formatApproxMoney, formatChance, formatDuration, formatMoney, DEFAULT_LOCALE } from "./format";

export interface ExplainContext {
  readonly currency: string;
  readonly locale?: string;
  /** Name of a component, or of a switch-over (`failover:<group id>`). */
  readonly nameOf: (id: string) => string;
}

const SWITCH_OVER = "failover:";

/**
 * Names for everything a finding can mention. Switch-overs are named after their lines when the
 * inventory is at hand: "the switch-over from Cable internet to 4G backup router".
 */
export function createNameLookup(assessment: Pick<Assessment, "events">, inventory?: Inventory): (id: string) => string {
  const names = new Map<string, string>();
  for (const c of inventory?.components ?? []) names.set(c.id, c.name ?? c.id);
  for (const e of assessment.events) if (!e.id.startsWith(SWITCH_OVER) && !names.has(e.id)) names.set(e.id, e.name);
  // Plan items can target data sets too.
  for (const d of inventory?.dataSets ?? []) if (!names.has(d.id)) names.set(d.id, d.name ?? d.id);
  const groups = new Map<string, string[]>();
  const visit = (r: Requirement) => {
    if (typeof r === "string") return;
    const members = "all" in r ? r.all : "any" in r ? r.any : r.of;
    if ("any" in r && r.id !== undefined) groups.set(r.id, r.any.map((m) => (typeof m === "string" ? m : "")));
    members.forEach(visit);
  };
  for (const c of inventory?.components ?? []) if (c.requires) visit(c.requires);
  for (const f of inventory?.functions ?? []) visit(f.requires);
  return (id: string) => {
    if (!id.startsWith(SWITCH_OVER)) return names.get(id) ?? id;
    const groupId = id.slice(SWITCH_OVER.length);
    const members = groups.get(groupId);
    if (members && members.length >= 2 && members.every((m) => m !== "")) {
      const [first, ...rest] = members.map((m) => names.get(m) ?? m);
      return `the switch-over from ${first} to ${rest.join(" or ")}`;
    }
    return `the switch-over of ${groupId}`;
  };
}

/** "the Router"; a name that already starts with "The" or "the" ("The premises") is left as it is. */
export function the(name: string): string {
  return /^the\s/iu.test(name) ? `the${name.slice(3)}` : `the ${name}`;
}

export interface SpofInput {
  readonly componentId: string;
  readonly functionName: string;
  /** The component's contribution to the function's downtime, hours a year. */
  readonly hours: number;
  /** The money of that contribution, a year. */
  readonly loss: number;
}

/**
 * @example
 * explainSpof({ componentId: "fiber", functionName: "Card payments", hours: 8, loss: 4797 }, ctx)
 * //=> "If the Fiber line fails, Card payments stops: about 8 hours a year, about $4,800."
 */
export function explainSpof(input: SpofInput, ctx: ExplainContext): string {
  const locale = ctx.locale ?? DEFAULT_LOCALE;
  const figures = `${formatApproxDuration(input.hours)} a year, ${formatApproxMoney(input.loss, ctx.currency, locale)}`;
  if (input.componentId.startsWith(SWITCH_OVER)) {
    return `Each time ${ctx.nameOf(input.componentId)} happens, ${input.functionName} stops until it is done: ${figures}.`;
  }
  return `If ${the(ctx.nameOf(input.componentId))} fails, ${input.functionName} stops: ${figures}.`;
}

export interface Finding {
  readonly functionId: string;
  readonly functionName: string;
  readonly components: readonly string[];
  readonly hours: number;
  readonly loss: number;
  readonly sentence: string;
}

/** Every single point of failure of every function, largest money first. */
export function spofFindings(functions: readonly AssessedFunction[], ctx: ExplainContext): Finding[] {
  const out: Finding[] = [];
  for (const f of functions) {
    for (const c of f.cutSets) {
      if (c.components.length !== 1) continue;
      const componentId = c.components[0]!;
      out.push({
        functionId: f.id,
        functionName: f.name,
        components: c.components,
        hours: c.downtimeHoursPerYear,
        loss: c.expectedAnnualLoss,
        sentence: explainSpof({ componentId, functionName: f.name, hours: c.downtimeHoursPerYear, loss: c.expectedAnnualLoss }, ctx),
      });
    }
  }
  return out.sort((a, b) => b.loss - a.loss || a.functionId.localeCompare(b.functionId));
}

/**
 * Thin redundancy: two things that back each other up, with nothing else behind them.
 *
 * @example
 * explainPair({ components: ["cable", "lte"], functionName: "Bookings", hours: 0.3, loss: 20 }, ctx)
 * //=> "Bookings stops only when the Cable internet and the 4G router are down together: about 18 minutes a year, about $20."
 */
export function explainPair(
  input: { components: readonly string[]; functionName: string; hours: number; loss: number },
  ctx: ExplainContext,
): string {
  const [a, b] = input.components.map((id) => the(ctx.nameOf(id)));
  const figures = `${formatApproxDuration(input.hours)} a year, ${formatApproxMoney(input.loss, ctx.currency, ctx.locale ?? DEFAULT_LOCALE)}`;
  return `${input.functionName} stops only when ${a} and ${b} are down together: ${figures}.`;
}

export function thinRedundancyFindings(functions: readonly AssessedFunction[], ctx: ExplainContext): Finding[] {
  const out: Finding[] = [];
  for (const f of functions) {
    for (const c of f.cutSets) {
      if (c.components.length !== 2) continue;
      out.push({
        functionId: f.id,
        functionName: f.name,
        components: c.components,
        hours: c.downtimeHoursPerYear,
        loss: c.expectedAnnualLoss,
        sentence: explainPair({ components: c.components, functionName: f.name, hours: c.downtimeHoursPerYear, loss: c.expectedAnnualLoss }, ctx),
      });
    }
  }
  return out.sort((a, b) => b.loss - a.loss || a.functionId.localeCompare(b.functionId));
}

/**
 * @example
 * explainBusFactor({ componentId: "router", functionName: "Scheduling", people: ["Maria"], waitHours: 7.2 }, ctx)
 * //=> "Only Maria can fix the Router, and Scheduling cannot work without it: when they are away, the repair waits, which adds about 7 hours to a repair on average."
 *
 * `waitHours` is the engine's people wait of the component (model.md §2: the chance everyone who
 * knows it is away × the absence wait, or the outside help's response time when nobody in house does).
 */
export function explainBusFactor(
  input: { componentId: string; functionName: string; people: readonly string[]; waitHours?: number },
  ctx: Pick<ExplainContext, "nameOf">,
): string {
  const component = the(ctx.nameOf(input.componentId));
  const wait = input.waitHours;
  if (input.people.length === 0) {
    const extra = wait !== undefined && wait > 0 ? `, ${formatApproxDuration(wait)} each time` : "";
    return `Nobody in-house can fix ${component}, and ${input.functionName} cannot work without it: every repair waits for outside help${extra}.`;
  }
  const extra = wait !== undefined && wait > 0 ? `, which adds ${formatApproxDuration(wait)} to a repair on average` : "";
  return `Only ${input.people[0]} can fix ${component}, and ${input.functionName} cannot work without it: when they are away, the repair waits${extra}.`;
}

/** The engine's people wait of each component, by id (AssessedEvent.peopleWaitHours). */
export function peopleWaitOf(events: readonly AssessedEvent[]): (componentId: string) => number | undefined {
  const byId = new Map(events.map((e) => [e.id, e.peopleWaitHours]));
  return (id) => byId.get(id);
}

export interface BusFactorView {
  readonly functionId: string;
  readonly componentId: string;
  readonly people: number;
  readonly sentence: string;
}

export function busFactorFindings(
  functions: readonly AssessedFunction[],
  inventory: Inventory | undefined,
  ctx: ExplainContext,
  events: readonly AssessedEvent[] = [],
): BusFactorView[] {
  const waitOf = peopleWaitOf(events);
  const personName = new Map((inventory?.people ?? []).map((p) => [p.id, p.name ?? p.id]));
  const knownBy = new Map((inventory?.components ?? []).map((c) => [c.id, c.knownBy ?? []]));
  return functions.flatMap((f) =>
    f.busFactor.map((b) => ({
      functionId: f.id,
      componentId: b.component,
      people: b.people,
      sentence: explainBusFactor(
        {
          componentId: b.component,
          functionName: f.name,
          people: b.people === 0 ? [] : [personName.get(knownBy.get(b.component)?.[0] ?? "") ?? "one person"],
          waitHours: waitOf(b.component),
        },
        ctx,
      ),
    })),
  );
}

/**
 * @example
 * explainRtoBreach({ componentId: "pms", functionName: "Scheduling", rtoHours: 4, meanRepairHours: 40, chanceOutlastsRto: 0.905 }, ctx)
 * //=> "Scheduling should be back within 4 hours, but a failure of the Server takes about 40 hours to fix on average: 90 % of them last longer than that."
 */
export function explainRtoBreach(
  input: { componentId: string; functionName: string; rtoHours: number; meanRepairHours: number; chanceOutlastsRto: number },
  ctx: Pick<ExplainContext, "nameOf">,
): string {
  return (
    `${input.functionName} should be back within ${formatDuration(input.rtoHours)}, but a failure of ${the(ctx.nameOf(input.componentId))} ` +
    `takes ${repairBeside(input.meanRepairHours, input.rtoHours)} to fix on average: ${formatChance(input.chanceOutlastsRto)} of them last longer than that.`
  );
}

/**
 * The average repair in words, precise enough not to read as equal to the target beside it:
 * 4.29 hours against a 4-hour target is "about 4.3 hours", not "about 4 hours".
 */
function repairBeside(meanRepairHours: number, rtoHours: number): string {
  const approx = formatApproxDuration(meanRepairHours);
  if (approx !== formatApproxDuration(rtoHours) && approx !== `about ${formatDuration(rtoHours)}`) return approx;
  return `about ${formatDuration(meanRepairHours)}`;
}

export function rtoFindings(functions: readonly AssessedFunction[], ctx: ExplainContext): Array<{ functionId: string; componentId: string; sentence: string }> {
  return functions.flatMap((f) =>
    f.rtoBreaches.map((r) => ({
      functionId: f.id,
      componentId: r.component,
      sentence: explainRtoBreach({ componentId: r.component, functionName: f.name, ...r }, ctx),
    })),
  );
}

export const CHECK_LABELS = {
  threeCopies: { rule: "3 copies", pass: "At least three copies, counting the original.", fail: "Fewer than three copies, counting the original." },
  twoMedia: { rule: "2 kinds of storage", pass: "The copies are on at least two kinds of storage.", fail: "Every copy is on the same kind of storage." },
  oneOffsite: { rule: "1 away from the building", pass: "A copy is kept away from the building.", fail: "No copy is kept away from the building: a fire or theft takes them all." },
  oneOfflineOrImmutable: {
    rule: "1 out of ransomware's reach",
    pass: "A copy is offline or locked against changes, out of ransomware's reach.",
    fail: "Every copy is online and can be changed: ransomware can reach them all.",
  },
  zeroUntested: {
    rule: "0 untested",
    pass: "Every copy was restored in a test within the last year.",
    fail: "Not every copy was restored in a test within the last year: a restore may fail when it is needed.",
  },
} as const;

export type CheckKey = keyof typeof CHECK_LABELS;

export function checklist(ds: Pick<DataSetResult, "checks">): Array<{ key: CheckKey; rule: string; passed: boolean; sentence: string }> {
  return (Object.keys(CHECK_LABELS) as CheckKey[]).map((key) => {
    const passed = ds.checks[key];
    return { key, rule: CHECK_LABELS[key].rule, passed, sentence: passed ? CHECK_LABELS[key].pass : CHECK_LABELS[key].fail };
  });
}

const SCENARIO_WORDS: Readonly<Record<LossScenario, string>> = {
  device: "the storage it lives on dies",
  site: "the building is lost to fire, flood or theft",
  ransomware: "ransomware strikes",
};

/**
 * @example
 * explainRpoBreach({ dataSetName: "Records", scenario: "site", rpoHours: 4, freshestHours: 24 })
 * //=> "If the building is lost to fire, flood or theft, the freshest copy of Records that survives is up to 24 hours old: more than the 4 hours of work you can afford to lose."
 */
export function explainRpoBreach(input: { dataSetName: string; scenario: LossScenario; rpoHours: number; freshestHours?: number }): string {
  const when = `If ${SCENARIO_WORDS[input.scenario]}`;
  if (input.freshestHours === undefined) return `${when}, no copy of ${input.dataSetName} survives.`;
  return (
    `${when}, the freshest copy of ${input.dataSetName} that survives is up to ${formatDuration(input.freshestHours)} old: ` +
    `more than the ${formatDuration(input.rpoHours)} of work you can afford to lose.`
  );
}

export function rpoFindings(dataSets: readonly DataSetResult[], inventory: Inventory | undefined): Array<{ dataSetId: string; scenario: LossScenario; sentence: string }> {
  const byId = new Map((inventory?.dataSets ?? []).map((d) => [d.id, d]));
  return dataSets.flatMap((ds) => {
    const source = byId.get(ds.id);
    return ds.rpoBreaches.map((scenario) => {
      const surviving = ds.scenarios.find((s) => s.scenario === scenario)?.survivingCopies ?? [];
      const freshest = surviving.length > 0 ? source?.copies?.find((c) => c.id === surviving[0])?.intervalHours : undefined;
      return {
        dataSetId: ds.id,
        scenario,
        sentence: explainRpoBreach({
          dataSetName: ds.name,
          scenario,
          rpoHours: source?.rpoHours ?? 0,
          ...(surviving.length > 0 && freshest !== undefined ? { freshestHours: freshest } : {}),
        }),
      };
    });
  });
}

export function explainNotWorthIt(
  input: { title: string; targets?: readonly string[]; annualizedCost: number; annualBenefit: number; breakEvenDowntimeCostPerHour: number | null },
  ctx: Pick<ExplainContext, "currency" | "locale"> & Partial<Pick<ExplainContext, "nameOf">>,
): string {
  const money = (v: number) => formatApproxMoney(v, ctx.currency, ctx.locale ?? DEFAULT_LOCALE);
  const nameOf = ctx.nameOf ?? ((id: string) => id);
  const what = input.targets && input.targets.length > 0 ? `${input.title}, for ${input.targets.map((t) => the(nameOf(t))).join(" and ")},` : input.title;
  const base = `${what} costs ${money(input.annualizedCost)} a year and saves ${money(input.annualBenefit)} a year.`;
  if (input.breakEvenDowntimeCostPerHour === null) return base;
  return `${base} It would pay for itself if an hour of downtime cost ${money(input.breakEvenDowntimeCostPerHour)} or more.`;
}

/**
 * A defaulted figure with its unit, as the questionnaire asked for it: chances as percentages,
 * the staff cost as money an hour, rates a year, waits and repairs in hours.
 *
 * @example
 * formatAssumedValue("organization.lossScenarios.site", 0.005, "USD") //=> "0.5 % a year"
 * formatAssumedValue("organization.staffCostPerHour", 50, "EUR") //=> "€50 an hour"
 */
export function formatAssumedValue(path: string, value: number, currency: string, locale = DEFAULT_LOCALE): string {
  const figure = (v: number) => String(Number(v.toPrecision(3)));
  const field = path.slice(path.lastIndexOf(".") + 1);
  if (path.includes("lossScenarios.")) return `${figure(value * 100)} % a year`;
  if (field === "untestedRestoreFailure" || field === "availability") return `${figure(value * 100)} %`;
  if (field === "staffCostPerHour") return `${formatMoney(value, currency, locale)} an hour`;
  if (field === "failuresPerYear") return `${figure(value)} a year`;
  if (field.endsWith("Hours")) return `${figure(value)} hours`;
  return figure(value);
}

/**
 * The catalogue's prices were researched in US dollars and are used one for one in the
 * organisation's currency (docs/scoring.md §9). Outside US dollars, the plan says so.
 *
 * @example
 * priceNote("EUR") //=> "The prices of the measures are typical US prices, counted one for one in EUR: check them against quotes from your own suppliers."
 * priceNote("USD") //=> null
 */
export function priceNote(currency: string): string | null {
  if (currency === "USD") return null;
  return `The prices of the measures are typical US prices, counted one for one in ${currency}: check them against quotes from your own suppliers.`;
}


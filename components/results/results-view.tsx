/**
 * The results page body. A server component: every figure and sentence is in the HTML; only the
 * charts, the budget slider and the what-if panel run in the browser.
 */
import type { Assessment, Inventory } from "@/lib/engine";
import { SOURCE_STATUS_LABELS } from "@/lib/questionnaire/defaults-view";
import {
  busFactorFindings,
  formatAssumedValue,
  priceNote,
  checklist,
  createNameLookup,
  explainNotWorthIt,
  rpoFindings,
  rtoFindings,
  spofFindings,
  thinRedundancyFindings,
  type ExplainContext,
} from "@/lib/results/explain";
import { formatHours, formatMoney, DEFAULT_LOCALE } from "@/lib/results/format";
import { createWhatIfModel } from "@/lib/results/what-if";
import { FunctionCharts } from "./function-charts";
import { PlanSection, type PlanRow } from "./plan-section";
import { WhatIfPanel } from "./what-if-panel";
import type { ReactNode } from "react";

export interface ResultsViewProps {
  /** `assessInventory(inventory).assessment` (lib/engine). */
  readonly assessment: Assessment;
  /** The inventory that was assessed: names, people, copies and the structure for what-if. */
  readonly inventory: Inventory;
  readonly locale?: string;
}

function Section({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h2 id={id} className="text-2xl font-bold text-slate-900">
        {title}
      </h2>
      {intro ? <div className="text-slate-700">{intro}</div> : null}
      {children}
    </section>
  );
}

function Sentences({ items, empty }: { items: ReadonlyArray<{ key: string; sentence: string }>; empty: string }) {
  if (items.length === 0) return <p className="text-slate-800">{empty}</p>;
  return (
    <ul className="list-disc space-y-2 pl-6 text-slate-900">
      {items.map((i) => (
        <li key={i.key}>{i.sentence}</li>
      ))}
    </ul>
  );
}

export function ResultsView({ assessment, inventory, locale = DEFAULT_LOCALE }: ResultsViewProps) {
  const currency = assessment.organization.currency;
  const money = (v: number) => formatMoney(v, currency, locale);
  // Worth it but past the plan's item limit; absent from assessments stored before engine 1.0.2.
  const beyondItemLimit = (assessment.beyondItemLimit as Assessment["beyondItemLimit"] | undefined) ?? [];
  const nameOf = createNameLookup(assessment, inventory);
  const ctx: ExplainContext = { currency, locale, nameOf };
  const functions = [...assessment.functions].sort((a, b) => b.expectedAnnualLoss - a.expectedAnnualLoss);
  const spofs = spofFindings(assessment.functions, ctx);
  const pairs = thinRedundancyFindings(assessment.functions, ctx);
  const bus = busFactorFindings(assessment.functions, inventory, ctx, assessment.events);
  const rto = rtoFindings(assessment.functions, ctx);
  const rpo = rpoFindings(assessment.dataSets, inventory);
  const prices = priceNote(currency);
  const planRows: PlanRow[] = assessment.plan.map((p, i) => ({
    key: `${i}-${p.mitigation}-${p.targets.join(",")}`,
    mitigation: p.mitigation,
    title: p.title,
    targets: p.targets,
    targetNames: p.targets.map(nameOf).join(", "),
    effect: p.effect,
    upfront: p.upfront,
    monthly: p.monthly,
    annualizedCost: p.annualizedCost,
    firstYearCost: p.firstYearCost,
    annualBenefit: p.annualBenefit,
    paybackYears: p.paybackYears,
  }));
  const tableId = "loss-by-function-table";
  const assumed = assessment.assumptions;
  return (
    <div className="mx-auto max-w-5xl space-y-12">
      <section aria-labelledby="total-heading" className="space-y-2 rounded-lg border border-slate-300 bg-white p-6 shadow-sm">
        <h2 id="total-heading" className="text-lg font-semibold text-slate-700">
          Expected loss from IT failures, a year
        </h2>
        <p className="text-4xl font-bold text-slate-900" data-testid="total-expected-annual-loss">
          {money(assessment.expectedAnnualLoss)}
        </p>
        <p className="text-slate-700">
          {money(assessment.functionsExpectedAnnualLoss)} from activities that stop, {money(assessment.dataSetsExpectedAnnualLoss)} from data
          that is lost. {assessment.plan.length > 0 ? <>After the plan below: {money(assessment.expectedAnnualLossAfterPlan)} a year.</> : null}
        </p>
        <p className="text-sm text-slate-600">
          An average over many years, as of {assessment.asOf}: most years are quieter, some are much worse.
        </p>
      </section>

      <Section id="functions-heading" title="Downtime and loss per activity">
        <FunctionCharts
          rows={functions.map((f) => ({ id: f.id, name: f.name, downtimeHours: f.downtimeHoursPerYear, loss: f.expectedAnnualLoss }))}
          currency={currency}
          tableId={tableId}
        />
        <table id={tableId} className="w-full border-collapse text-left">
          <caption className="mb-2 text-left font-medium">Downtime and expected loss a year, per activity</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-2 pr-2">Activity</th>
              <th scope="col" className="py-2 pr-2 text-right">Hours down a year</th>
              <th scope="col" className="py-2 pr-2 text-right">Cost of an hour down</th>
              <th scope="col" className="py-2 text-right">Expected loss a year</th>
            </tr>
          </thead>
          <tbody>
            {functions.map((f) => (
              <tr key={f.id} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-2 font-normal">
                  {f.name}
                  {f.hours === "business" ? <span className="block text-sm text-slate-600">costed while you are open</span> : null}
                </th>
                <td className="py-2 pr-2 text-right">{formatHours(f.downtimeHoursPerYear)}</td>
                <td className="py-2 pr-2 text-right">{money(f.downtimeCostPerHour)}</td>
                <td className="py-2 text-right">{money(f.expectedAnnualLoss)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section
        id="spof-heading"
        title="Single points of failure"
        intro="Each of these alone stops an activity. Money counts only the hours that cost you (for most activities, while you are open)."
      >
        <Sentences items={spofs.map((f) => ({ key: `${f.functionId}-${f.components.join("+")}`, sentence: f.sentence }))} empty="No single thing stops an activity on its own." />
      </Section>

      <Section id="thin-heading" title="Thin redundancy" intro="Pairs that back each other up, with nothing behind them: both down at once stops the activity.">
        <Sentences items={pairs.map((f) => ({ key: `${f.functionId}-${f.components.join("+")}`, sentence: f.sentence }))} empty="No activity relies on just one pair of backups." />
      </Section>

      <Section id="rto-heading" title="Recovery times" intro="Where the usual repair takes longer than you said an activity can be down.">
        <Sentences items={rto.map((f) => ({ key: `${f.functionId}-${f.componentId}`, sentence: f.sentence }))} empty="Every single point of failure is usually fixed within the time you allowed." />
      </Section>

      <Section id="data-heading" title="Data protection: the 3-2-1-1-0 rule">
        {assessment.dataSets.length === 0 ? <p>No data described.</p> : null}
        {assessment.dataSets.map((ds) => (
          <div key={ds.id} className="space-y-3 rounded-lg border border-slate-300 bg-white p-4">
            <h3 className="text-lg font-semibold">
              {ds.name}: {money(ds.expectedAnnualLoss)} expected loss a year
            </h3>
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">3-2-1-1-0 checks for {ds.name}</caption>
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="py-2 pr-2">Rule</th>
                  <th scope="col" className="py-2 pr-2">Met?</th>
                  <th scope="col" className="py-2">What it means here</th>
                </tr>
              </thead>
              <tbody>
                {checklist(ds).map((c) => (
                  <tr key={c.key} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-2 pr-2 font-medium">
                      {c.rule}
                    </th>
                    <td className={`py-2 pr-2 font-medium ${c.passed ? "text-green-800" : "text-red-800"}`}>{c.passed ? "Yes" : "No"}</td>
                    <td className="py-2">{c.sentence}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Sentences
              items={rpo.filter((r) => r.dataSetId === ds.id).map((r) => ({ key: r.scenario, sentence: r.sentence }))}
              empty={inventory.dataSets?.find((d) => d.id === ds.id)?.rpoHours === undefined ? "No target set for how much recent work may be lost." : "In every case a fresh enough copy survives."}
            />
          </div>
        ))}
      </Section>

      <Section id="bus-heading" title="Who can fix it" intro="Single points of failure that one person, or nobody in-house, knows how to fix.">
        <Sentences items={bus.map((b) => ({ key: `${b.functionId}-${b.componentId}`, sentence: b.sentence }))} empty="Every single point of failure has at least two people who can fix it, or was not assessed." />
      </Section>

      <Section
        id="plan-heading"
        title="The plan"
        intro="Each step was chosen because it removes more risk each year than it costs; later steps assume the earlier ones are done."
      >
        {prices ? <p className="text-slate-800">{prices}</p> : null}
        <PlanSection items={planRows} currency={currency} lossBefore={assessment.expectedAnnualLoss} />
        {beyondItemLimit.length > 0 ? (
          <>
            <h3 className="text-lg font-semibold">Also worth doing, after these {assessment.plan.length} steps</h3>
            <ul className="list-disc space-y-1 pl-6 text-slate-800">
              {beyondItemLimit.map((p) => (
                <li key={`${p.mitigation}-${p.targets.join(",")}`}>
                  {p.title} ({p.targets.map(nameOf).join(", ")}): saves {money(p.annualBenefit)} a year for {money(p.annualizedCost)} a year.
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h3 className="text-lg font-semibold">Not worth it at these costs of downtime</h3>
        <Sentences
          items={assessment.notWorthIt.map((n, i) => ({
            key: `${i}-${n.mitigation}-${n.targets.join(",")}`,
            sentence: explainNotWorthIt(n, { ...ctx }),
          }))}
          empty="Nothing else on the catalogue applies."
        />
      </Section>

      <Section id="whatif-heading" title="What if…?" intro="Choose what fails and see which activities stop, after how long, and what every hour costs.">
        <WhatIfPanel model={createWhatIfModel(inventory)} />
      </Section>

      {assumed.length > 0 ? (
        <Section id="assumed-heading" title="Figures we assumed">
          <details className="rounded-md border border-slate-300 bg-white p-4">
            <summary className="cursor-pointer font-medium">{assumed.length} figures came from our defaults, not from your answers</summary>
            <table className="mt-3 w-full border-collapse text-left text-sm">
              <caption className="sr-only">Defaults used</caption>
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="py-1 pr-2">Where</th>
                  <th scope="col" className="py-1 pr-2 text-right">Value</th>
                  <th scope="col" className="py-1">Source</th>
                </tr>
              </thead>
              <tbody>
                {assumed.map((a) => (
                  <tr key={a.path} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-1 pr-2 font-normal">
                      {describeAssumptionPath(a.path, inventory)}
                    </th>
                    <td className="py-1 pr-2 text-right">{formatAssumedValue(a.path, a.value, currency, locale)}</td>
                    <td className="py-1">
                      {SOURCE_STATUS_LABELS[a.source.status]}
                      {a.source.citation !== SOURCE_STATUS_LABELS[a.source.status] ? `: ${a.source.citation}` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </Section>
      ) : null}
    </div>
  );
}

const FIELD_WORDS: Readonly<Record<string, string>> = {
  failuresPerYear: "failures a year",
  repairHours: "hours to repair",
  availability: "share of time available",
  absenceWaitHours: "wait for someone who is away (hours)",
  vendorResponseHours: "wait for outside help (hours)",
  unmonitoredDetectionHours: "time to notice a silent failure (hours)",
  untestedRestoreFailure: "chance an untested restore fails",
  staffCostPerHour: "cost of a staff hour",
  device: "chance a year the data's storage dies",
  site: "chance a year the building is lost",
  ransomware: "chance a year of ransomware",
};

/** `components[3].repairHours` → "Router: hours to repair". */
export function describeAssumptionPath(path: string, inventory: Inventory): string {
  const m = /^(components|people)\[(\d+)\]\.(\w+)$/.exec(path);
  if (m) {
    const list = m[1] === "components" ? inventory.components : inventory.people;
    const item = list?.[Number(m[2])];
    return `${item?.name ?? item?.id ?? path}: ${FIELD_WORDS[m[3]!] ?? m[3]}`;
  }
  const last = path.split(".").pop() ?? path;
  return `The business: ${FIELD_WORDS[last] ?? last}`;
}

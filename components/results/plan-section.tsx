"use client";
/**
 * The plan: what to fix first, ranked by money saved per money spent, with a budget slider that
 * keeps what a first-year budget pays for, and the running total of spend against risk removed.
 */
import { useId, useState } from "react";
import dynamic from "next/dynamic";
import { budgetSlider, cumulativePlan, planBudgetCeiling, planWithinBudget } from "@/lib/results/plan-view";
import { formatMoney, formatYears } from "@/lib/results/format";

// Drawn in the browser only, as the function charts are (see function-charts.tsx for why).
const PlanChart = dynamic(() => import("./plan-chart").then((m) => m.PlanChart), { ssr: false });
const PLAN_CHART_HEIGHT = 260;

export interface PlanRow {
  readonly key: string;
  readonly mitigation: string;
  readonly title: string;
  readonly targets: readonly string[];
  /** The targets by name, joined for reading. */
  readonly targetNames: string;
  readonly effect: string;
  readonly upfront: number;
  readonly monthly: number;
  readonly annualizedCost: number;
  readonly firstYearCost: number;
  readonly annualBenefit: number;
  readonly paybackYears: number | null;
}

export interface PlanSectionProps {
  readonly items: readonly PlanRow[];
  readonly currency: string;
  /** Expected annual loss before any of the plan. */
  readonly lossBefore: number;
}

export function PlanSection({ items, currency, lossBefore }: PlanSectionProps) {
  const { max, step } = budgetSlider(planBudgetCeiling(items));
  const [budget, setBudget] = useState(max);
  const sliderId = useId();
  const chosen = planWithinBudget(items, budget);
  const points = cumulativePlan(chosen);
  const spend = chosen.reduce((s, i) => s + i.firstYearCost, 0);
  const removed = chosen.reduce((s, i) => s + i.annualBenefit, 0);
  const money = (v: number) => formatMoney(v, currency);
  if (items.length === 0) {
    return <p className="text-slate-800">Nothing on the catalogue pays for itself at these costs of downtime.</p>;
  }
  let running = 0;
  let runningRemoved = 0;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <label htmlFor={sliderId} className="block font-medium">
          Budget for the first year: <output htmlFor={sliderId}>{money(budget)}</output>
        </label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={max}
          step={step}
          value={budget}
          onChange={(e) => setBudget(Number(e.target.value))}
          aria-valuetext={money(budget)}
          className="w-full accent-blue-800"
        />
        <p role="status" aria-live="polite" className="text-slate-800">
          {chosen.length} of {items.length} steps fit: {money(spend)} in the first year, removing {money(removed)} of the {money(lossBefore)} expected
          yearly loss.
        </p>
      </div>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left font-medium">The plan, most money saved per money spent first</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="py-2 pr-2">#</th>
            <th scope="col" className="py-2 pr-2">What to do</th>
            <th scope="col" className="py-2 pr-2 text-right">Cost a year</th>
            <th scope="col" className="py-2 pr-2 text-right">First-year cash</th>
            <th scope="col" className="py-2 pr-2 text-right">Saves a year</th>
            <th scope="col" className="py-2 pr-2 text-right">Pays back in</th>
            <th scope="col" className="py-2 pr-2 text-right">Spent so far (a year)</th>
            <th scope="col" className="py-2 text-right">Risk removed so far</th>
          </tr>
        </thead>
        <tbody>
          {chosen.map((item, i) => {
            running += item.annualizedCost;
            runningRemoved += item.annualBenefit;
            return (
              <tr key={item.key} className="border-b border-slate-200 align-top">
                <td className="py-2 pr-2">{i + 1}</td>
                <th scope="row" className="py-2 pr-2 font-normal">
                  <span className="font-medium">{item.title}</span>
                  {item.targetNames ? <span className="block text-slate-700">For: {item.targetNames}</span> : null}
                  <span className="block text-slate-600">{item.effect}</span>
                </th>
                <td className="py-2 pr-2 text-right">{money(item.annualizedCost)}</td>
                <td className="py-2 pr-2 text-right">{money(item.firstYearCost)}</td>
                <td className="py-2 pr-2 text-right">{money(item.annualBenefit)}</td>
                <td className="py-2 pr-2 text-right">{item.paybackYears === null ? "never" : item.paybackYears === 0 ? "at once" : formatYears(item.paybackYears)}</td>
                <td className="py-2 pr-2 text-right">{money(running)}</td>
                <td className="py-2 text-right">{money(runningRemoved)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <figure className="space-y-2">
        <figcaption className="font-medium">Spend against risk removed (the last two columns of the table)</figcaption>
        <div role="img" aria-label="Line chart of yearly risk removed against yearly spend, step by step through the plan; the table above has the same figures." style={{ minHeight: PLAN_CHART_HEIGHT }}>
          <PlanChart points={points} currency={currency} height={PLAN_CHART_HEIGHT} />
        </div>
      </figure>
    </div>
  );
}

/**
 * The plan as the results page shows it: running totals for the spend-against-risk chart, and the
 * items a budget can pay for, chosen in the plan's order.
 */
export interface PlanItemLike {
  readonly mitigation: string;
  readonly title: string;
  readonly targets: readonly string[];
  readonly annualizedCost: number;
  readonly firstYearCost: number;
  readonly annualBenefit: number;
}

export interface CumulativePoint {
  /** 0 is the starting point (nothing done). */
  readonly step: number;
  readonly label: string;
  readonly spend: number;
  readonly riskRemoved: number;
}

/**
 * Running totals: yearly spend (annualised) against yearly loss removed, item by item.
 *
 * @example
 * cumulativePlan([{ …, annualizedCost: 100, annualBenefit: 900 }, { …, annualizedCost: 50, annualBenefit: 100 }])
 * //=> [{ step: 0, spend: 0, riskRemoved: 0 }, { step: 1, spend: 100, riskRemoved: 900 }, { step: 2, spend: 150, riskRemoved: 1000 }]
 */
export function cumulativePlan(items: readonly PlanItemLike[]): CumulativePoint[] {
  const out: CumulativePoint[] = [{ step: 0, label: "Today", spend: 0, riskRemoved: 0 }];
  let spend = 0;
  let removed = 0;
  items.forEach((item, i) => {
    spend += item.annualizedCost;
    removed += item.annualBenefit;
    out.push({ step: i + 1, label: item.title, spend, riskRemoved: removed });
  });
  return out;
}

/**
 * The items a first-year budget pays for, in plan order, skipping any that no longer fit (as the
 * engine's own budget option does). Figures stay those of the full plan: each item's benefit
 * assumes the items before it were done.
 */
export function planWithinBudget<T extends PlanItemLike>(items: readonly T[], budget: number): T[] {
  let remaining = budget;
  const out: T[] = [];
  for (const item of items) {
    if (item.firstYearCost > remaining) continue;
    out.push(item);
    remaining -= item.firstYearCost;
  }
  return out;
}

/** The largest budget worth offering on the slider: the whole plan's first-year cost. */
export function planBudgetCeiling(items: readonly PlanItemLike[]): number {
  return items.reduce((sum, i) => sum + i.firstYearCost, 0);
}

/**
 * The slider's range: steps of 1, 10 or 100 by the size of the plan, and a top that is a whole
 * number of steps at or above the plan's cost. A browser only stops a range input on whole steps,
 * so a top of exactly 14,702 in steps of 100 could never be reached and the last item never fit.
 *
 * @example
 * budgetSlider(14_702) //=> { max: 14_800, step: 100 }
 */
export function budgetSlider(ceiling: number): { readonly max: number; readonly step: number } {
  const step = ceiling > 10_000 ? 100 : ceiling > 1000 ? 10 : 1;
  return { max: Math.ceil(ceiling / step) * step, step };
}

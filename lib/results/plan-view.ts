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

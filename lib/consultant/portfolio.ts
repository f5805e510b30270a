/**
 * The portfolio of a consultant firm: one row per client with the figures of its latest
 * assessment, and the sorting and filtering of the portfolio page. Pure: no I/O, no clock.
 */
import type { ComparableAssessment } from "../history/compare";

export interface PortfolioRow {
  readonly id: string;
  readonly name: string;
  readonly isArchived: boolean;
  /** When the latest snapshot was taken; null when the client was never assessed. */
  readonly lastAssessedAt: Date | null;
  readonly snapshotId: string | null;
  readonly expectedAnnualLoss: number | null;
  readonly currency: string | null;
  readonly topSpof: TopSpof | null;
  /** Total annualised cost of the plan's items. */
  readonly planCost: number | null;
  /** Money at risk per year removed since the snapshot before the latest (negative: it grew); null without one to compare. */
  readonly moneyRemoved: number | null;
}

export interface TopSpof {
  readonly componentId: string;
  readonly name: string;
  /** Expected loss a year through this component alone, summed over the functions it single-handedly stops. */
  readonly money: number;
}

type AssessmentLike = ComparableAssessment & {
  readonly functions: ReadonlyArray<
    ComparableAssessment["functions"][number] & {
      readonly spofExplanations?: ReadonlyArray<{ readonly component: string; readonly name?: string; readonly expectedAnnualLoss?: number }>;
    }
  >;
};

/**
 * The single point of failure with the most money at risk through it, or null when there is none.
 * Read defensively: snapshots written by an older engine may lack the explanations.
 *
 * @example
 * topSpofOf(harborDentalAssessment) //=> { componentId: "internet", name: "Internet line", money: 2394.3 }
 */
export function topSpofOf(assessment: AssessmentLike): TopSpof | null {
  const names = new Map((assessment.events ?? []).map((e) => [e.id, e.name ?? e.id]));
  const byComponent = new Map<string, TopSpof>();
  for (const f of assessment.functions ?? []) {
    for (const id of f.singlePointsOfFailure ?? []) {
      const explanation = f.spofExplanations?.find((s) => s.component === id);
      const cut = f.cutSets?.find((c) => c.components.length === 1 && c.components[0] === id);
      const money = explanation?.expectedAnnualLoss ?? cut?.expectedAnnualLoss ?? 0;
      const prior = byComponent.get(id);
      byComponent.set(id, { componentId: id, name: explanation?.name ?? names.get(id) ?? id, money: (prior?.money ?? 0) + money });
    }
  }
  let top: TopSpof | null = null;
  for (const spof of byComponent.values()) {
    if (!top || spof.money > top.money || (spof.money === top.money && spof.name.localeCompare(top.name) < 0)) top = spof;
  }
  return top;
}

/**
 * What the plan costs a year: the sum of its items' annualised costs.
 *
 * @example
 * planCostOf({ ...assessment, plan: [{ annualizedCost: 120 }, { annualizedCost: 480 }] }) //=> 600
 */
export function planCostOf(assessment: Pick<ComparableAssessment, "plan">): number {
  return (assessment.plan ?? []).reduce((sum, item) => sum + (Number.isFinite(item.annualizedCost) ? item.annualizedCost! : 0), 0);
}

export const PORTFOLIO_SORT_KEYS = ["loss", "name", "spof", "planCost", "removed", "lastAssessed"] as const;
export type PortfolioSortKey = (typeof PORTFOLIO_SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

export interface PortfolioQuery {
  readonly sort: PortfolioSortKey;
  readonly dir: SortDirection;
  /** Name contains this (case- and accent-insensitive). */
  readonly q: string;
  readonly showArchived: boolean;
  readonly onlyUnassessed: boolean;
}

/** Ranked by money at risk, largest first: the question a consultant opens the portfolio with. */
export const DEFAULT_PORTFOLIO_QUERY: PortfolioQuery = { sort: "loss", dir: "desc", q: "", showArchived: false, onlyUnassessed: false };

/** The direction a column sorts in when first chosen: money and dates largest first, names A to Z. */
export function defaultDirection(key: PortfolioSortKey): SortDirection {
  return key === "name" ? "asc" : "desc";
}

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** The portfolio query from a page's search parameters; anything unknown falls back to the default. */
export function parsePortfolioQuery(params: Record<string, string | string[] | undefined>): PortfolioQuery {
  const sortParam = first(params.sort);
  const sort = (PORTFOLIO_SORT_KEYS as readonly string[]).includes(sortParam ?? "") ? (sortParam as PortfolioSortKey) : DEFAULT_PORTFOLIO_QUERY.sort;
  const dirParam = first(params.dir);
  const dir: SortDirection = dirParam === "asc" || dirParam === "desc" ? dirParam : defaultDirection(sort);
  return {
    sort,
    dir,
    q: (first(params.q) ?? "").slice(0, 120),
    showArchived: first(params.archived) === "1",
    onlyUnassessed: first(params.unassessed) === "1",
  };
}

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLocaleLowerCase("en");
}

function sortValue(row: PortfolioRow, key: PortfolioSortKey): number | string | null {
  switch (key) {
    case "loss":
      return row.expectedAnnualLoss;
    case "name":
      return fold(row.name);
    case "spof":
      return row.topSpof?.money ?? null;
    case "planCost":
      return row.planCost;
    case "removed":
      return row.moneyRemoved;
    case "lastAssessed":
      return row.lastAssessedAt?.getTime() ?? null;
  }
}

/**
 * Filter and sort the rows. Rows without a value for the sort column (never assessed, nothing to
 * compare) come last in either direction; ties go by name, then id, so the order is stable.
 */
export function queryPortfolio(rows: readonly PortfolioRow[], query: PortfolioQuery): PortfolioRow[] {
  const needle = fold(query.q.trim());
  const kept = rows.filter(
    (r) =>
      (query.showArchived || !r.isArchived) &&
      (!query.onlyUnassessed || r.lastAssessedAt === null) &&
      (needle === "" || fold(r.name).includes(needle)),
  );
  const sign = query.dir === "asc" ? 1 : -1;
  return kept.sort((a, b) => {
    const va = sortValue(a, query.sort);
    const vb = sortValue(b, query.sort);
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    if (va !== null && vb !== null && va !== vb) {
      const order = typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb));
      if (order !== 0) return sign * order;
    }
    return fold(a.name).localeCompare(fold(b.name)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

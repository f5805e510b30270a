/**
 * The firm's clients ranked by money at risk. Sorting is a link in each column header (works
 * without JavaScript, keeps the address shareable); the sorted column carries aria-sort, and each
 * link says what choosing it does.
 */
import Link from "next/link";
import { defaultDirection, type PortfolioQuery, type PortfolioRow, type PortfolioSortKey } from "@/lib/consultant/portfolio";
import { money, moneyChange, shortDate } from "./format";

const COLUMNS: ReadonlyArray<{ key: PortfolioSortKey; label: string; numeric: boolean }> = [
  { key: "name", label: "Client", numeric: false },
  { key: "loss", label: "Money at risk a year", numeric: true },
  { key: "spof", label: "Top single point of failure", numeric: true },
  { key: "planCost", label: "Plan cost a year", numeric: true },
  { key: "removed", label: "Risk removed since the previous assessment", numeric: true },
  { key: "lastAssessed", label: "Last assessed", numeric: true },
];

export function portfolioHref(query: PortfolioQuery, change: Partial<PortfolioQuery>, firmId?: string): string {
  const q = { ...query, ...change };
  const params = new URLSearchParams();
  if (firmId) params.set("firm", firmId);
  params.set("sort", q.sort);
  params.set("dir", q.dir);
  if (q.q) params.set("q", q.q);
  if (q.showArchived) params.set("archived", "1");
  if (q.onlyUnassessed) params.set("unassessed", "1");
  return `/portfolio?${params.toString()}`;
}

function SortHeader({ column, query, firmId }: { column: (typeof COLUMNS)[number]; query: PortfolioQuery; firmId: string }) {
  const active = query.sort === column.key;
  const nextDir = active ? (query.dir === "asc" ? "desc" : "asc") : defaultDirection(column.key);
  const ariaSort = active ? (query.dir === "asc" ? "ascending" : "descending") : "none";
  const arrow = active ? (query.dir === "asc" ? "▲" : "▼") : "";
  return (
    <th scope="col" aria-sort={ariaSort} className={`px-3 py-2 ${column.numeric ? "text-right" : "text-left"}`}>
      <Link href={portfolioHref(query, { sort: column.key, dir: nextDir }, firmId)} className="text-blue-800 underline" scroll={false}>
        {column.label}
        <span className="sr-only">, sort {nextDir === "asc" ? "ascending" : "descending"}</span>
      </Link>
      <span aria-hidden="true" className="ml-1 text-slate-600">
        {arrow}
      </span>
    </th>
  );
}

export function PortfolioTable({ rows, query, firmId, totalClients }: { rows: readonly PortfolioRow[]; query: PortfolioQuery; firmId: string; totalClients: number }) {
  const sortedBy = COLUMNS.find((c) => c.key === query.sort)!;
  return (
    <div className="space-y-2">
      <p role="status" className="text-slate-700">
        {rows.length === totalClients ? `${rows.length} client${rows.length === 1 ? "" : "s"}` : `${rows.length} of ${totalClients} clients match`}, sorted by{" "}
        {sortedBy.label.toLowerCase()}, {query.dir === "asc" ? "smallest first" : "largest first"}.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm" data-testid="portfolio-table">
          <caption className="sr-only">Clients of the firm with the figures of their latest assessment</caption>
          <thead>
            <tr className="border-b border-slate-400">
              {COLUMNS.map((c) => (
                <SortHeader key={c.key} column={c} query={query} firmId={firmId} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/clients/${r.id}`} className="text-blue-800 underline">
                    {r.name}
                  </Link>
                  {r.isArchived ? <span className="ml-2 rounded bg-slate-200 px-1 text-xs text-slate-800">archived</span> : null}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{r.lastAssessedAt ? money(r.expectedAnnualLoss, r.currency) : "No assessment yet"}</td>
                <td className="px-3 py-2 text-right">
                  {r.topSpof ? (
                    <>
                      {r.topSpof.name} <span className="tabular-nums text-slate-700">({money(r.topSpof.money, r.currency)} a year)</span>
                    </>
                  ) : r.lastAssessedAt ? (
                    "None"
                  ) : (
                    "—"
                  )}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{money(r.planCost, r.currency)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{moneyChange(r.moneyRemoved, r.currency)}</td>
                <td className="px-3 py-2 text-right">{shortDate(r.lastAssessedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p className="text-slate-700">No client matches these filters.</p> : null}
    </div>
  );
}

/** Name search and toggles as a plain GET form, so the filtered view has an address. */
export function PortfolioFilters({ query, firmId }: { query: PortfolioQuery; firmId: string }) {
  return (
    <form method="get" action="/portfolio" role="search" aria-label="Filter clients" className="flex flex-wrap items-end gap-4 print:hidden">
      <input type="hidden" name="firm" value={firmId} />
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div className="space-y-1">
        <label htmlFor="portfolio-q" className="block font-medium text-slate-900">
          Client name contains
        </label>
        <input id="portfolio-q" name="q" type="search" defaultValue={query.q} className="rounded-md border border-slate-400 px-3 py-2" />
      </div>
      <div className="flex items-center gap-2">
        <input id="portfolio-archived" name="archived" value="1" type="checkbox" defaultChecked={query.showArchived} className="h-4 w-4" />
        <label htmlFor="portfolio-archived">Show archived clients</label>
      </div>
      <div className="flex items-center gap-2">
        <input id="portfolio-unassessed" name="unassessed" value="1" type="checkbox" defaultChecked={query.onlyUnassessed} className="h-4 w-4" />
        <label htmlFor="portfolio-unassessed">Only clients with no assessment yet</label>
      </div>
      <button type="submit" className="rounded-md border border-slate-500 bg-white px-3 py-2 font-medium text-slate-900 hover:bg-slate-100">
        Apply filters
      </button>
      <Link href={portfolioHref({ sort: "loss", dir: "desc", q: "", showArchived: false, onlyUnassessed: false }, {}, firmId)} className="py-2 text-blue-800 underline">
        Clear
      </Link>
    </form>
  );
}

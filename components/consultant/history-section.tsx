/**
 * A client's history: money at risk over time (chart and the same figures as a table), a PDF per
 * assessment, and a comparison of any two (chosen with a plain GET form).
 */
import type { SnapshotComparison, SnapshotSummary } from "@/lib/server/history";
import { ComparisonView } from "./comparison-view";
import { dateTime, dayAndTime, money, shortDate } from "./format";
import { HistoryChart } from "./history-chart";
import { INPUT_CLASS } from "../forms/form-field";

export function HistorySection({
  organizationId,
  snapshots,
  comparison,
  from,
  to,
  compareError,
}: {
  organizationId: string;
  snapshots: readonly SnapshotSummary[];
  comparison: SnapshotComparison | null;
  from?: string;
  to?: string;
  compareError?: string;
}) {
  const currency = snapshots[snapshots.length - 1]?.currency ?? "USD";
  const tableId = "history-table";
  const newestFirst = [...snapshots].reverse();
  return (
    <section aria-labelledby="history-heading" className="space-y-4">
      <h2 id="history-heading" className="text-2xl font-bold text-slate-900">
        History
      </h2>
      {snapshots.length === 0 ? (
        <p className="text-slate-700">No assessment yet: assess the client to see its money at risk here.</p>
      ) : (
        <>
          {snapshots.length > 1 ? (
            <HistoryChart points={snapshots.map((s) => ({ id: s.id, label: chartLabel(s, snapshots), loss: s.expectedAnnualLoss }))} currency={currency} tableId={tableId} />
          ) : null}
          <table id={tableId} className="w-full border-collapse text-left text-sm">
            <caption className="mb-2 text-left font-medium">Every assessment, newest first</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-1 pr-3">
                  Assessed
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  Money at risk a year
                </th>
                <th scope="col" className="py-1 pr-3">
                  Engine
                </th>
                <th scope="col" className="py-1 print:hidden">
                  Report
                </th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((s) => (
                <tr key={s.id} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    {dateTime(s.createdAt)}
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums">{money(s.expectedAnnualLoss, s.currency)}</td>
                  <td className="py-1 pr-3">{s.engineVersion}</td>
                  <td className="py-1 print:hidden">
                    <a href={`/api/org/${organizationId}/snapshots/${s.id}/pdf`} download className="text-blue-800 underline">
                      PDF action plan<span className="sr-only"> of {dateTime(s.createdAt)}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {snapshots.length > 1 ? (
            <form method="get" action={`/clients/${organizationId}`} className="flex flex-wrap items-end gap-3 print:hidden" aria-label="Compare two assessments">
              <SnapshotSelect id="compare-from" name="from" label="Compare" snapshots={newestFirst} defaultValue={from ?? comparison?.older.id ?? newestFirst[1]!.id} />
              <SnapshotSelect id="compare-to" name="to" label="with" snapshots={newestFirst} defaultValue={to ?? comparison?.newer.id ?? newestFirst[0]!.id} />
              <button type="submit" className="rounded-md border border-slate-500 bg-white px-3 py-2 font-medium text-slate-900 hover:bg-slate-100">
                Compare
              </button>
            </form>
          ) : null}
          {compareError ? (
            <p role="alert" className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-red-900">
              {compareError}
            </p>
          ) : null}
          {comparison ? <ComparisonView result={comparison} /> : null}
        </>
      )}
    </section>
  );
}

/** The day, with the time when another assessment shares the day. */
function chartLabel(s: SnapshotSummary, all: readonly SnapshotSummary[]): string {
  const day = shortDate(s.createdAt);
  return all.some((o) => o.id !== s.id && shortDate(o.createdAt) === day) ? dayAndTime(s.createdAt) : day;
}

function SnapshotSelect({ id, name, label, snapshots, defaultValue }: { id: string; name: string; label: string; snapshots: readonly SnapshotSummary[]; defaultValue: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className={INPUT_CLASS}>
        {snapshots.map((s) => (
          <option key={s.id} value={s.id}>
            {dateTime(s.createdAt)}: {money(s.expectedAnnualLoss, s.currency)}
          </option>
        ))}
      </select>
    </div>
  );
}

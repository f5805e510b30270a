/** What changed between two assessments of a client, in sentences and short lists. */
import type { SnapshotComparison } from "@/lib/server/history";
import { dateTime, money, moneyChange } from "./format";

const STATUS_LABELS = {
  done: "done",
  open: "still open",
  "target-removed": "no longer applies (its target was removed)",
  "not-proposed": "no longer proposed",
} as const;

export function ComparisonView({ result }: { result: SnapshotComparison }) {
  const { older, newer, comparison: c, names } = result;
  const currency = c.sameCurrency ? (c.currency.newer ?? newer.currency) : null;
  const removed = c.expectedAnnualLoss.removed;
  const done = c.planItems.filter((p) => p.status === "done");
  return (
    <section aria-labelledby="comparison-heading" className="space-y-4 rounded-lg border border-slate-300 bg-white p-4" data-testid="comparison">
      <h3 id="comparison-heading" className="text-lg font-semibold text-slate-900">
        From {dateTime(older.createdAt)} to {dateTime(newer.createdAt)}
      </h3>
      {!c.sameCurrency ? (
        <p className="text-amber-900">The two assessments use different currencies ({older.currency} and {newer.currency}): their money figures cannot be compared.</p>
      ) : (
        <dl className="grid gap-3 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-slate-700">Money at risk a year, before → after</dt>
            <dd className="text-lg font-semibold tabular-nums">
              {money(c.expectedAnnualLoss.older, currency)} → {money(c.expectedAnnualLoss.newer, currency)}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">Money at risk removed</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid="money-removed">
              {removed >= 0 ? money(removed, currency) : `${money(-removed, currency)} added`}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">Single points of failure</dt>
            <dd className="text-lg font-semibold">
              {c.summary.spofsClosed} closed, {c.summary.spofsNew} new
            </dd>
          </div>
        </dl>
      )}
      {older.engineVersion !== newer.engineVersion ? (
        <p className="text-sm text-slate-700">
          Calculated by different versions of Bulwark ({older.engineVersion} and {newer.engineVersion}): part of the change may come from the calculation, not the business.
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <h4 className="font-semibold">Single points of failure closed</h4>
          {c.spofs.closed.length === 0 ? (
            <p className="text-slate-700">None.</p>
          ) : (
            <ul className="list-disc pl-6">
              {c.spofs.closed.map((s) => (
                <li key={`${s.functionId}-${s.componentId}`}>
                  {s.componentName} no longer stops {s.functionName} alone
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h4 className="font-semibold">New single points of failure</h4>
          {c.spofs.new.length === 0 ? (
            <p className="text-slate-700">None.</p>
          ) : (
            <ul className="list-disc pl-6">
              {c.spofs.new.map((s) => (
                <li key={`${s.functionId}-${s.componentId}`}>
                  {s.componentName} now stops {s.functionName} alone
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <div>
        <h4 className="font-semibold">
          Plan items of the earlier assessment: {done.length} of {c.planItems.length} done
        </h4>
        {c.planItems.length === 0 ? (
          <p className="text-slate-700">The earlier assessment had no plan.</p>
        ) : (
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">What became of each item of the earlier plan</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-1 pr-3">
                  Action
                </th>
                <th scope="col" className="py-1 pr-3">
                  Status
                </th>
                <th scope="col" className="py-1 text-right">
                  Money at risk through its targets, before → after
                </th>
              </tr>
            </thead>
            <tbody>
              {c.planItems.map((p, i) => (
                <tr key={`${i}-${p.mitigation}`} className="border-b border-slate-200">
                  <td className="py-1 pr-3">
                    {p.title}
                    {p.targets.length > 0 ? <span className="text-slate-700"> ({p.targets.map((t) => names[t] ?? t).join(", ")})</span> : null}
                  </td>
                  <td className="py-1 pr-3">{STATUS_LABELS[p.status]}</td>
                  <td className="py-1 text-right tabular-nums">
                    {money(p.exposure.older, currency)} → {money(p.exposure.newer, currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {c.functions.length > 0 && currency ? (
        <div>
          <h4 className="font-semibold">Per business function</h4>
          <ul className="list-disc pl-6">
            {c.functions.map((f) => (
              <li key={f.id}>
                {f.name}: {moneyChange(f.removed, currency)} at risk a year
                {f.presence === "added" ? " (new)" : f.presence === "removed" ? " (no longer assessed)" : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

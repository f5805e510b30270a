import Link from "next/link";
import type { AssessmentResult } from "@/lib/server/access";
import { formatDate, formatHours, formatMoney } from "../org/format";

/**
 * Where the results pages (components/results) are mounted. Until then: the headline figures and
 * a table per business function, from the stored snapshot.
 */
export function ResultsSummary({
  organizationId,
  assessmentId,
  name,
  latest,
}: {
  organizationId: string;
  assessmentId: string;
  name: string;
  latest: AssessmentResult | null;
}) {
  const questions = `/org/${organizationId}/assessment/${assessmentId}/questionnaire`;
  if (!latest) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold text-slate-900">Results: {name}</h1>
        <p className="text-slate-700">There are no results yet. Answer the questions, then calculate the results.</p>
        <Link href={questions} className="text-blue-800 underline">
          Go to the questions
        </Link>
      </div>
    );
  }
  const r = latest.result;
  const money = (n: number) => formatMoney(n, r.organization.currency);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Results: {name}</h1>
      <p className="text-slate-700">
        Calculated {formatDate(latest.createdAt)} for the situation on {r.asOf} (engine {latest.engineVersion}).
      </p>
      <p className="text-2xl">
        Expected loss: <strong>{money(r.expectedAnnualLoss)}</strong> a year
      </p>
      <table className="w-full border-collapse bg-white text-left">
        <caption className="py-2 text-left font-bold text-slate-900">Downtime and loss per business function</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="px-3 py-2">Function</th>
            <th scope="col" className="px-3 py-2">Down per year</th>
            <th scope="col" className="px-3 py-2">Loss per year</th>
            <th scope="col" className="px-3 py-2">Single points of failure</th>
          </tr>
        </thead>
        <tbody>
          {r.functions.map((f) => (
            <tr key={f.id} className="border-b border-slate-200">
              <th scope="row" className="px-3 py-2 font-medium">{f.name}</th>
              <td className="px-3 py-2">{formatHours(f.downtimeHoursPerYear)}</td>
              <td className="px-3 py-2">{money(f.expectedAnnualLoss)}</td>
              <td className="px-3 py-2">{f.singlePointsOfFailure.length ? f.singlePointsOfFailure.join(", ") : "none"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.dataSets.length > 0 ? (
        <p className="text-slate-700">Data loss risk across {r.dataSets.length} data set(s): {money(r.dataSetsExpectedAnnualLoss)} a year.</p>
      ) : null}
      {r.plan.length > 0 ? (
        <p className="text-slate-700">
          The plan has {r.plan.length} step(s); together they bring the expected loss to {money(r.expectedAnnualLossAfterPlan)} a year.
        </p>
      ) : null}
      <Link href={questions} className="text-blue-800 underline">
        Review the answers
      </Link>
    </div>
  );
}

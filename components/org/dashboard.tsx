import Link from "next/link";
import type { AssessmentListItem } from "@/lib/server/access";
import { CreateAssessmentForm } from "./create-assessment-form";
import { formatDate, formatMoney } from "./format";

export function Dashboard({
  organizationId,
  assessments,
  canCreate,
}: {
  organizationId: string;
  assessments: readonly AssessmentListItem[];
  canCreate: boolean;
}) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Assessments</h1>
      {assessments.length === 0 ? <p className="text-slate-700">No assessments yet.</p> : null}
      <ul className="space-y-3">
        {assessments.map((a) => {
          const base = `/org/${organizationId}/assessment/${a.id}`;
          return (
            <li key={a.id} className="rounded-md border border-slate-300 bg-white p-4">
              <h2 className="text-lg font-bold text-slate-900">{a.name}</h2>
              <p className="text-slate-700">
                {a.latestResult
                  ? `Expected loss: ${formatMoney(a.latestResult.expectedAnnualLoss, a.latestResult.currency)} a year (calculated ${formatDate(a.latestResult.createdAt)}).`
                  : `In progress, last saved ${formatDate(a.updatedAt)}.`}
              </p>
              <div className="mt-2 flex flex-wrap gap-4">
                <Link href={`${base}/questionnaire`} className="text-blue-800 underline">
                  {a.latestResult ? "Review the answers" : "Continue the questions"}
                  <span className="sr-only"> of {a.name}</span>
                </Link>
                {a.latestResult ? (
                  <Link href={`${base}/results`} className="text-blue-800 underline">
                    See the results<span className="sr-only"> of {a.name}</span>
                  </Link>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {canCreate ? (
        <section aria-label="Start another assessment">
          <CreateAssessmentForm organizationId={organizationId} />
        </section>
      ) : null}
    </div>
  );
}

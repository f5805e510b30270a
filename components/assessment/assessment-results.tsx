/**
 * The results page body (a server component): the latest snapshot's results through ResultsView,
 * with what the reader needs around them: when and as of which date they were calculated, whether
 * the answers changed since, and "See my results" / "Re-assess" for those who may calculate.
 */
import Link from "next/link";
import { ResultsView } from "@/components/results/results-view";
import { ENGINE_VERSION, validateInventory } from "@/lib/engine";
import type { AssessmentResult } from "@/lib/server/access";
import { formatDate } from "../org/format";
import { CalculateForm } from "./calculate-form";

export interface AssessmentResultsProps {
  readonly organizationId: string;
  readonly assessmentId: string;
  readonly name: string;
  /** The assessment's current version: results of an older one are flagged as out of date. */
  readonly version: number;
  readonly canCalculate: boolean;
  readonly latest: AssessmentResult | null;
}

export function AssessmentResults(props: AssessmentResultsProps) {
  const questionnaireHref = `/org/${props.organizationId}/assessment/${props.assessmentId}/questionnaire`;
  const calculate = (label: string, variant: "primary" | "secondary" = "primary") =>
    props.canCalculate ? (
      <CalculateForm
        organizationId={props.organizationId}
        assessmentId={props.assessmentId}
        version={props.version}
        label={label}
        variant={variant}
        questionnaireHref={questionnaireHref}
      />
    ) : null;
  const heading = <h1 className="text-3xl font-bold text-slate-900">Results: {props.name}</h1>;
  const latest = props.latest;

  if (!latest) {
    return (
      <div className="space-y-4">
        {heading}
        <p className="text-slate-700">
          {props.canCalculate
            ? "There are no results yet. Calculate them from the answers saved so far, or finish the questions first."
            : "There are no results yet. An owner or consultant calculates them once the questions are answered."}
        </p>
        {calculate("See my results")}
        <Link href={questionnaireHref} className="inline-block text-blue-800 underline">
          Go to the questions
        </Link>
      </div>
    );
  }

  // The snapshot keeps the inventory it was scored from; it passed validation then.
  const inventory = validateInventory(latest.inventory);
  const isStale = latest.assessmentVersion !== props.version;
  const isOldEngine = latest.engineVersion !== ENGINE_VERSION;
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        {heading}
        <p className="text-slate-700">
          Calculated {formatDate(latest.createdAt)} for the situation on {latest.result.asOf}.{" "}
          <Link href={questionnaireHref} className="text-blue-800 underline">
            Review the answers
          </Link>
        </p>
        {isStale || isOldEngine ? (
          <div className="space-y-3 rounded-md border border-amber-500 bg-amber-50 p-4 text-amber-950">
            <p>
              {isStale
                ? "The answers changed after these results were calculated: they show the situation as it was then."
                : "These results were calculated by an older version of Bulwark; re-assess to use the current one."}
            </p>
            {calculate("Re-assess")}
          </div>
        ) : (
          calculate("Re-assess with today's date", "secondary")
        )}
      </div>
      {inventory.ok ? (
        <ResultsView assessment={latest.result} inventory={inventory.inventory} />
      ) : (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-red-900">
          These stored results can no longer be read by this version of Bulwark. Re-assess to calculate them again.
        </p>
      )}
    </div>
  );
}

"use client";
import { useActionState } from "react";
import { calculateResultsFormAction, type CalculateState } from "@/lib/server/actions/assessment";
import { SubmitButton } from "../forms/submit-button";
import { CalculateProblems } from "./calculate-problems";

const NOT_YET: CalculateState = {};

/** "See my results" / "Re-assess": scores the answers as saved at `version`, then opens the results. */
export function CalculateForm({
  organizationId,
  assessmentId,
  version,
  label,
  questionnaireHref,
  variant = "primary",
}: {
  organizationId: string;
  assessmentId: string;
  version: number;
  label: string;
  questionnaireHref: string;
  variant?: "primary" | "secondary";
}) {
  const [state, action] = useActionState(calculateResultsFormAction.bind(null, organizationId, assessmentId), NOT_YET);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="version" value={version} />
      <SubmitButton variant={variant} pendingText="Calculating…">
        {label}
      </SubmitButton>
      {state.ok === false ? (
        <CalculateProblems message={state.message} problems={state.problems} questionnaireHref={state.conflict ? undefined : questionnaireHref} />
      ) : null}
    </form>
  );
}

"use client";
/**
 * The questionnaire page's browser part: the Questionnaire with its save and "See the results"
 * wired to the server actions, and the current step kept in the address (?step=) so a reload or
 * a bookmark comes back to it.
 */
import { useCallback, useState, useTransition } from "react";
import { Questionnaire } from "@/components/questionnaire/questionnaire";
import type { Answers } from "@/lib/questionnaire/answers";
import type { SaveAnswersResult } from "@/lib/questionnaire/autosave";
import type { StepId } from "@/lib/questionnaire/steps";
import { calculateResultsAction, saveAnswersAction, type CalculateState } from "@/lib/server/actions/assessment";
import { CalculateProblems } from "./calculate-problems";

export interface QuestionnaireScreenProps {
  readonly organizationId: string;
  readonly assessmentId: string;
  readonly initialAnswers: Answers;
  readonly version: number;
  readonly canEdit: boolean;
  readonly initialStep?: StepId;
  readonly asOf: string;
  readonly resultsHref: string;
  readonly questionnaireHref: string;
}

const UNREACHABLE = "Could not reach the server to calculate the results. Check the connection and try again.";

export function QuestionnaireScreen(props: QuestionnaireScreenProps) {
  const { organizationId, assessmentId } = props;
  // A save refused for a reason that is no answer's fault (signed out, no longer allowed).
  const [saveNotice, setSaveNotice] = useState<string | undefined>();
  const [calculation, setCalculation] = useState<CalculateState>({});
  const [calculating, startCalculating] = useTransition();

  const onSave = useCallback(
    async (answers: Answers, version: number): Promise<SaveAnswersResult> => {
      const result = await saveAnswersAction(organizationId, assessmentId, { answers, version });
      setSaveNotice(!result.ok && "errors" in result ? result.errors.find((e) => e.path === "")?.message : undefined);
      return result;
    },
    [organizationId, assessmentId],
  );

  const onStepChange = useCallback((step: StepId) => {
    const url = new URL(window.location.href);
    url.searchParams.set("step", step);
    window.history.replaceState(window.history.state, "", url);
  }, []);

  const onSeeResults = useCallback(
    (version: number) =>
      new Promise<void>((resolve) => {
        setCalculation({});
        startCalculating(async () => {
          try {
            // Success navigates to the results; only a failure comes back here.
            const result = await calculateResultsAction(organizationId, assessmentId, version);
            if (result?.ok === false) setCalculation(result);
          } catch (e) {
            // The redirect to the results is the success path, not a failure to show.
            const digest = (e as { digest?: unknown } | null)?.digest;
            if (!(typeof digest === "string" && digest.startsWith("NEXT_REDIRECT"))) {
              setCalculation({ ok: false, message: UNREACHABLE, problems: [] });
            }
          }
          resolve();
        });
      }),
    [organizationId, assessmentId],
  );

  return (
    <div className="space-y-4">
      {saveNotice ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-red-900">
          {saveNotice}
        </p>
      ) : null}
      <Questionnaire
        initialAnswers={props.initialAnswers}
        version={props.version}
        assessmentId={assessmentId}
        onSave={onSave}
        canEdit={props.canEdit}
        initialStep={props.initialStep}
        asOf={props.asOf}
        resultsHref={props.resultsHref}
        onSeeResults={props.canEdit ? onSeeResults : undefined}
        onStepChange={onStepChange}
      />
      <div role="status" aria-live="polite" className="text-slate-700">
        {calculating ? "Calculating your results…" : null}
      </div>
      {calculation.ok === false ? (
        <CalculateProblems
          message={calculation.message}
          problems={calculation.problems}
          questionnaireHref={calculation.conflict ? undefined : props.questionnaireHref}
        />
      ) : null}
    </div>
  );
}

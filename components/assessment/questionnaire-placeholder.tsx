"use client";
import Link from "next/link";
import { useActionState } from "react";
import { completeAssessmentAction } from "@/lib/server/actions/organization";
import { EMPTY_FORM_STATE } from "@/lib/server/actions/form-state";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";

export interface QuestionnaireSummary {
  readonly organizationId: string;
  readonly assessmentId: string;
  readonly name: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly canEdit: boolean;
  readonly hasResult: boolean;
  readonly counts: { readonly components: number; readonly functions: number; readonly dataSets: number; readonly people: number };
}

/**
 * Where the guided questionnaire (components/questionnaire) is mounted. Until then: what the
 * assessment holds so far, and the button that calculates the result.
 */
export function QuestionnairePlaceholder(props: QuestionnaireSummary) {
  const [state, action] = useActionState(
    completeAssessmentAction.bind(null, props.organizationId, props.assessmentId),
    EMPTY_FORM_STATE,
  );
  const problems = Object.entries(state.errors ?? {});
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">{props.name}</h1>
      <p className="text-slate-700">
        Saved version {props.version}, last changed {props.updatedAt}.
      </p>
      <dl className="grid max-w-md grid-cols-2 gap-2 rounded-md border border-slate-300 bg-white p-4">
        <dt className="text-slate-700">Business functions</dt>
        <dd className="font-medium">{props.counts.functions}</dd>
        <dt className="text-slate-700">Parts of your IT</dt>
        <dd className="font-medium">{props.counts.components}</dd>
        <dt className="text-slate-700">Data sets</dt>
        <dd className="font-medium">{props.counts.dataSets}</dd>
        <dt className="text-slate-700">People</dt>
        <dd className="font-medium">{props.counts.people}</dd>
      </dl>
      {props.canEdit ? (
        <form action={action} className="space-y-3">
          <input type="hidden" name="version" value={props.version} />
          <SubmitButton pendingText="Calculating…">Calculate the results</SubmitButton>
          <FormMessage message={state.message} />
          {problems.length > 0 ? (
            <ul className="list-disc pl-6 text-red-900">
              {problems.flatMap(([path, messages]) => (messages ?? []).map((m) => <li key={`${path}-${m}`}>{`${path}: ${m}`}</li>))}
            </ul>
          ) : null}
        </form>
      ) : (
        <p className="text-slate-700">Your role lets you read this assessment but not change it.</p>
      )}
      {props.hasResult ? (
        <Link href={`/org/${props.organizationId}/assessment/${props.assessmentId}/results`} className="text-blue-800 underline">
          See the latest results
        </Link>
      ) : null}
    </div>
  );
}

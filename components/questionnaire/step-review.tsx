"use client";
import type { ReactNode } from "react";
import type { Requirement } from "@/lib/engine/schema";
import type { Answers, ReviewAnswers } from "@/lib/questionnaire/answers";
import { STEP_TITLES, allComponents, type StepId } from "@/lib/questionnaire/steps";
import { requirementCandidates, updateFunction, usedGroupIds } from "@/lib/questionnaire/edit";
import { membersOf } from "@/lib/questionnaire/requirements";
import type { AnswerProblem } from "@/lib/questionnaire/steps";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { componentNames } from "./component-card";
import { RequirementEditor } from "./requirement-editor";
import type { StepProps } from "./types";

export interface StepReviewProps extends StepProps {
  readonly problems: readonly AnswerProblem[];
  readonly onGoToStep: (step: StepId) => void;
}

export function StepReview(props: StepReviewProps) {
  const { answers, onChange, canEdit, errors, problems } = props;
  const nameOf = componentNames(answers);
  const elsewhere = problems.filter((p) => p.step !== "review");
  const steps = [...new Set(elsewhere.map((p) => p.step))];
  return (
    <div className="space-y-6">
      <p className="text-slate-800">
        For each activity, everything it depends on, down to the power. Check that nothing is missing: anything not listed
        here cannot count against it. A consultant can change what each activity needs directly.
      </p>
      {steps.length > 0 ? (
        <div className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950">
          <p className="font-medium">Still to do before we can work out the results:</p>
          <ul className="list-disc space-y-1 pl-6">
            {steps.map((s) => (
              <li key={s}>
                <Button variant="link" onClick={() => props.onGoToStep(s)}>
                  {STEP_TITLES[s]}
                </Button>
                : {elsewhere.filter((p) => p.step === s).length} answer(s) missing or to correct
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {answers.functions.items.map((f, i) => {
        const path = `functions.items[${i}].requires`;
        return (
          <Card key={f.id} title={f.name || f.id}>
            {f.requires === undefined ? (
              <p className="text-slate-700">Nothing yet: tick this activity next to the equipment and services it uses, or choose below.</p>
            ) : (
              <DependencyTree req={f.requires} answers={answers} nameOf={nameOf} seen={new Set()} />
            )}
            {canEdit ? (
              <RequirementEditor
                path={path}
                legend="What it needs directly"
                value={f.requires}
                onChange={(requires) => onChange(updateFunction(answers, f.id, { requires }))}
                candidates={requirementCandidates(answers, { type: "function", id: f.id }).map((c) => ({ id: c.id, name: c.name || c.id }))}
                nameOf={nameOf}
                takenGroupIds={usedGroupIds(answers)}
                ownerId={f.id}
                errors={errors}
              />
            ) : errors[path] ? (
              <p className="font-medium text-red-800">{errors[path]}</p>
            ) : null}
          </Card>
        );
      })}
      <TextField
        path="review.note"
        label="Notes for the report (optional)"
        multiline
        value={answers.review.note}
        onChange={(v) => onChange({ ...answers, review: (v === "" ? {} : { note: v }) as ReviewAnswers })}
        error={errors["review.note"]}
        disabled={!canEdit}
      />
    </div>
  );
}

/** What something depends on, all the way down, as nested lists. */
export function DependencyTree({ req, answers, nameOf, seen }: { req: Requirement; answers: Answers; nameOf: (id: string) => string; seen: ReadonlySet<string> }): ReactNode {
  const byId = new Map(allComponents(answers).map(({ component }) => [component.id, component]));
  const item = (r: Requirement, key: number): ReactNode => {
    if (typeof r === "string") {
      const c = byId.get(r);
      const below = c?.requires !== undefined && !seen.has(r) ? <DependencyTree req={c.requires} answers={answers} nameOf={nameOf} seen={new Set([...seen, r])} /> : null;
      return (
        <li key={key}>
          {nameOf(r)}
          {below}
        </li>
      );
    }
    return (
      <li key={key}>
        <GroupLabel group={r} />
        <DependencyTree req={r} answers={answers} nameOf={nameOf} seen={seen} />
      </li>
    );
  };
  if (typeof req === "string") return <ul className="list-disc space-y-1 pl-6">{item(req, 0)}</ul>;
  return <ul className="list-disc space-y-1 pl-6">{membersOf(req).map((m, i) => item(m, i))}</ul>;
}

function GroupLabel({ group }: { group: Exclude<Requirement, string> }) {
  if ("all" in group) return <span className="text-slate-700">all of:</span>;
  if ("any" in group) {
    const m = group.failoverMinutes ?? 0;
    return <span className="text-slate-700">{m > 0 ? `one of (switching over in about ${m} minutes):` : "any one of:"}</span>;
  }
  return <span className="text-slate-700">at least {group.atLeast} of:</span>;
}

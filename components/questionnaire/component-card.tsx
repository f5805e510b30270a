"use client";
/**
 * One thing the business relies on (a UPS, a line, a server, a service): its name and kind, how
 * often it fails and how long a repair takes ("I don't know" keeps the default), what it needs,
 * what needs it, and which activities stop without it.
 */
import type { ReactNode } from "react";
import type { ComponentKind } from "@/lib/engine/schema";
import type { Answers, ComponentAnswer } from "@/lib/questionnaire/answers";
import { COMPONENT_KIND_LIST, allComponents } from "@/lib/questionnaire/steps";
import { componentDefault } from "@/lib/questionnaire/defaults-view";
import { removeComponent, requirementCandidates, setRequires, updateComponent, updateFunction, usedGroupIds } from "@/lib/questionnaire/edit";
import { addRequirement, referencedIds, removeRequirement } from "@/lib/questionnaire/requirements";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EstimateField } from "@/components/ui/estimate-field";
import { CheckboxField, NumberField, SelectField, TextField } from "@/components/ui/field";
import { KIND_LABELS } from "@/lib/questionnaire/templates";
import { RequirementEditor } from "./requirement-editor";
import type { StepProps } from "./types";


export function componentNames(answers: Answers): (id: string) => string {
  const names = new Map(allComponents(answers).map(({ component }) => [component.id, component.name || component.id]));
  return (id) => names.get(id) ?? id;
}

interface ComponentCardProps extends StepProps {
  readonly component: ComponentAnswer;
  /** Answer path of this component, e.g. `power.items[0]`. */
  readonly path: string;
  readonly kinds?: readonly ComponentKind[];
  /** Question for "what needs it", e.g. "What does it keep running?"; absent: not asked. */
  readonly dependentsQuestion?: string;
  readonly children?: ReactNode;
}

export function ComponentCard(props: ComponentCardProps) {
  const { answers, onChange, component: c, path, errors, canEdit } = props;
  const nameOf = componentNames(answers);
  const set = (patch: Partial<Omit<ComponentAnswer, "id">>) => onChange(updateComponent(answers, c.id, patch));
  const kinds = props.kinds ?? COMPONENT_KIND_LIST;
  const title = c.name?.trim() ? c.name : "New item";
  const showRuntime = c.kind === "ups" || c.runtimeMinutes !== undefined;
  const candidates = requirementCandidates(answers, { type: "component", id: c.id }).filter((x) => x.id !== c.id);
  const needs = referencedIds(c.requires);
  // Things that may need this one: not itself and not what it already depends on.
  const possibleDependents = allComponents(answers)
    .map((x) => x.component)
    .filter((x) => x.id !== c.id && !needs.includes(x.id) && requirementCandidates(answers, { type: "component", id: x.id }).some((y) => y.id === c.id));
  return (
    <Card
      title={title}
      actions={
        canEdit ? (
          <Button variant="danger" onClick={() => onChange(removeComponent(answers, c.id))} aria-label={`Remove ${title}`}>
            Remove
          </Button>
        ) : undefined
      }
    >
      <div className="grid gap-4 md:grid-cols-2">
        <TextField path={`${path}.name`} label="Name" value={c.name} onChange={(v) => set({ name: v })} error={errors[`${path}.name`]} disabled={!canEdit} />
        <SelectField
          path={`${path}.kind`}
          label="What kind of thing is it?"
          value={c.kind}
          options={kinds.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          onChange={(v) => v && set({ kind: v })}
          error={errors[`${path}.kind`]}
          disabled={!canEdit}
        />
      </div>
      {props.children}
      {showRuntime ? (
        <NumberField
          path={`${path}.runtimeMinutes`}
          label="How many minutes does it keep things running when what feeds it goes off?"
          hint="For a UPS: its battery time at today's load. The label or the UPS's own display usually says. I don't know: leave it empty, and it counts as no battery time."
          unit="minutes"
          value={c.runtimeMinutes}
          onChange={(v) => set({ runtimeMinutes: v })}
          error={errors[`${path}.runtimeMinutes`]}
          disabled={!canEdit}
        />
      ) : null}
      <RateFields
        {...props}
        path={path}
        part={c}
        failuresLabel="How many times a year does it fail?"
        repairLabel="When it fails, how many hours until it works again?"
        repairHint="Count the repair itself; waiting for the right person is asked in the people step."
      />
      <RequirementEditor
        path={`${path}.requires`}
        legend="What does it need to work?"
        hint="Only what it needs directly: the server needs the UPS, the UPS needs the utility power."
        value={c.requires}
        onChange={(requires) => set({ requires })}
        candidates={candidates.map((x) => ({ id: x.id, name: x.name || x.id }))}
        nameOf={nameOf}
        takenGroupIds={usedGroupIds(answers)}
        ownerId={c.id}
        errors={errors}
        disabled={!canEdit}
      />
      {props.dependentsQuestion && possibleDependents.length > 0 ? (
        <fieldset className="space-y-1">
          <legend className="font-medium text-slate-900">{props.dependentsQuestion}</legend>
          {possibleDependents.map((d) => (
            <CheckboxField
              key={d.id}
              path={`${path}.dependents.${d.id}`}
              label={d.name || d.id}
              checked={referencedIds(d.requires).includes(c.id)}
              disabled={!canEdit}
              onChange={(checked) =>
                onChange(setRequires(answers, { type: "component", id: d.id }, checked ? addRequirement(d.requires, c.id) : removeRequirement(d.requires, c.id)))
              }
            />
          ))}
        </fieldset>
      ) : null}
      {answers.functions.items.length > 0 ? (
        <fieldset className="space-y-1">
          <legend className="font-medium text-slate-900">Which of your activities stop without it?</legend>
          <p className="text-sm text-slate-600">Tick an activity only if it needs this directly; what this needs is counted through it.</p>
          {answers.functions.items.map((f) => (
            <CheckboxField
              key={f.id}
              path={`${path}.functions.${f.id}`}
              label={f.name || f.id}
              checked={referencedIds(f.requires).includes(c.id)}
              disabled={!canEdit}
              onChange={(checked) => onChange(updateFunction(answers, f.id, { requires: checked ? addRequirement(f.requires, c.id) : removeRequirement(f.requires, c.id) }))}
            />
          ))}
        </fieldset>
      ) : null}
      <TextField
        path={`${path}.notes`}
        label="Notes (optional)"
        hint="Model, supplier, where it is: anything that helps whoever fixes it."
        multiline
        value={c.notes}
        onChange={(v) => set({ notes: v === "" ? undefined : v })}
        error={errors[`${path}.notes`]}
        disabled={!canEdit}
      />
    </Card>
  );
}

/**
 * How often a part fails and how long a repair takes, each with "I don't know" and the sourced
 * default of its kind (component cards, and the internet step's shared provider and cable parts).
 */
export function RateFields(
  props: StepProps & { part: ComponentAnswer; path: string; failuresLabel: string; repairLabel: string; repairHint?: string },
) {
  const { answers, onChange, errors, canEdit, part, path } = props;
  const set = (patch: Partial<ComponentAnswer>) => onChange(updateComponent(answers, part.id, patch));
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <EstimateField
        path={`${path}.failuresPerYear`}
        label={props.failuresLabel}
        unit="a year"
        value={part.failuresPerYear}
        onChange={(v) => set({ failuresPerYear: v })}
        fallback={componentDefault(part.kind, "failuresPerYear")}
        error={errors[`${path}.failuresPerYear`]}
        disabled={!canEdit}
      />
      <EstimateField
        path={`${path}.repairHours`}
        label={props.repairLabel}
        hint={props.repairHint}
        unit="hours"
        value={part.repairHours}
        onChange={(v) => set({ repairHours: v })}
        fallback={componentDefault(part.kind, "repairHours")}
        error={errors[`${path}.repairHours`]}
        disabled={!canEdit}
      />
    </div>
  );
}

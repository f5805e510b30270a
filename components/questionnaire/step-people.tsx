"use client";
import { useState } from "react";
import type { CareAnswer, ComponentAnswer, PeopleAnswers } from "@/lib/questionnaire/answers";
import { allComponents } from "@/lib/questionnaire/steps";
import { availabilityDefault, organizationDefault } from "@/lib/questionnaire/defaults-view";
import { addPerson, removePerson, updateCare, updatePerson } from "@/lib/questionnaire/edit";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EstimateField } from "@/components/ui/estimate-field";
import { CheckboxField, ChoiceField, NumberField, TextField } from "@/components/ui/field";
import type { StepProps } from "./types";

const WEEKS = 52;

export function StepPeople(props: StepProps) {
  const { answers, onChange, canEdit, errors } = props;
  const [name, setName] = useState("");
  const p = answers.people;
  const setPeople = (patch: Partial<PeopleAnswers>) => {
    const next: Record<string, unknown> = { ...p, ...patch };
    for (const k of Object.keys(patch)) if (next[k] === undefined) delete next[k];
    onChange({ ...answers, people: next as PeopleAnswers });
  };
  return (
    <div className="space-y-6">
      <p className="text-slate-800">
        When something breaks, who can fix it or restore it, and how often are they away? A repair waits when the only
        person who knows how is on holiday.
      </p>
      {canEdit ? (
        <div className="flex flex-wrap items-end gap-2">
          <TextField path="people.newName" label="Add a person" value={name} onChange={setName} placeholder="e.g. Maria (office manager)" />
          <Button
            disabled={name.trim() === ""}
            onClick={() => {
              onChange(addPerson(answers, name.trim()).answers);
              setName("");
            }}
          >
            Add
          </Button>
        </div>
      ) : null}
      {p.people.map((person, i) => {
        const path = `people.people[${i}]`;
        const title = person.name?.trim() ? person.name : "New person";
        return (
          <Card
            key={person.id}
            title={title}
            actions={
              canEdit ? (
                <Button variant="danger" onClick={() => onChange(removePerson(answers, person.id))} aria-label={`Remove ${title}`}>
                  Remove
                </Button>
              ) : undefined
            }
          >
            <div className="grid gap-4 md:grid-cols-2">
              <TextField path={`${path}.name`} label="Name or role" value={person.name} onChange={(v) => onChange(updatePerson(answers, person.id, { name: v }))} error={errors[`${path}.name`]} disabled={!canEdit} />
              <EstimateField
                path={`${path}.availability`}
                label="Share of the time they are here and reachable"
                hint={`Holidays, sickness, days off. Away ${WEEKS * 0.1} weeks a year is about 90 %.`}
                unit="%"
                scale={100}
                value={person.availability}
                onChange={(v) => onChange(updatePerson(answers, person.id, { availability: v }))}
                fallback={availabilityDefault()}
                error={errors[`${path}.availability`]}
                disabled={!canEdit}
              />
            </div>
          </Card>
        );
      })}
      <section className="space-y-4">
        <h3 className="text-lg font-semibold">Who can fix what</h3>
        {allComponents(answers).length === 0 ? <p className="text-slate-700">Add equipment and services in the earlier steps first.</p> : null}
        {allComponents(answers).map(({ component }) => (
          <CareEditor key={component.id} {...props} component={component} />
        ))}
      </section>
      <section className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
        <h3 className="text-lg font-semibold">Waiting times</h3>
        <div className="grid gap-4 md:grid-cols-2">
          <EstimateField
            path="people.absenceWaitHours"
            label="When everyone who can fix something is away, how many hours until one of them is back?"
            unit="hours"
            value={p.absenceWaitHours}
            onChange={(v) => setPeople({ absenceWaitHours: v })}
            fallback={organizationDefault("absenceWaitHours")}
            error={errors["people.absenceWaitHours"]}
            disabled={!canEdit}
          />
          <EstimateField
            path="people.vendorResponseHours"
            label="When nobody in-house can fix it, how many hours until outside help arrives?"
            unit="hours"
            value={p.vendorResponseHours}
            onChange={(v) => setPeople({ vendorResponseHours: v })}
            fallback={organizationDefault("vendorResponseHours")}
            error={errors["people.vendorResponseHours"]}
            disabled={!canEdit}
          />
          <EstimateField
            path="people.unmonitoredDetectionHours"
            label="When a backup part fails silently, how many hours until someone notices?"
            unit="hours"
            value={p.unmonitoredDetectionHours}
            onChange={(v) => setPeople({ unmonitoredDetectionHours: v })}
            fallback={organizationDefault("unmonitoredDetectionHours")}
            error={errors["people.unmonitoredDetectionHours"]}
            disabled={!canEdit}
          />
        </div>
      </section>
    </div>
  );
}

type WhoChoice = "people" | "nobody" | "unknown";
type NoticeChoice = "yes" | "no" | "unknown";

function CareEditor({ answers, onChange, errors, canEdit, component }: StepProps & { component: ComponentAnswer }) {
  const care: CareAnswer = answers.people.care[component.id] ?? {};
  const path = `people.care.${component.id}`;
  const set = (patch: Partial<CareAnswer>) => onChange(updateCare(answers, component.id, patch));
  const who: WhoChoice = care.knownBy === undefined ? "unknown" : care.knownBy.length === 0 ? "nobody" : "people";
  // "Someone here" before anyone is ticked. It is kept as "not sure" ([] would mean nobody in
  // house, and every repair would be scored as waiting for outside help).
  const [choosing, setChoosing] = useState(false);
  const whoValue: WhoChoice = choosing && who !== "people" ? "people" : who;
  const name = component.name || component.id;
  const notice: NoticeChoice = care.monitored === undefined ? "unknown" : care.monitored ? "yes" : "no";
  return (
    <details className="rounded-lg border border-slate-300 bg-white p-4" open={who !== "unknown" || care.monitored !== undefined}>
      <summary className="cursor-pointer font-semibold">{name}</summary>
      <div className="mt-3 space-y-4">
        <ChoiceField<WhoChoice>
          path={`${path}.who`}
          legend={`Who can fix or restore ${name}?`}
          value={whoValue}
          options={[
            { value: "people", label: "Someone here" },
            { value: "nobody", label: "Nobody here: we call a supplier or an outside IT company" },
            { value: "unknown", label: "Not sure (not counted)" },
          ]}
          onChange={(v) => {
            setChoosing(v === "people");
            if (v === "unknown") set({ knownBy: undefined });
            else if (v === "nobody") set({ knownBy: [] });
            else if (care.knownBy?.length === 0) set({ knownBy: undefined });
          }}
          disabled={!canEdit}
        />
        {whoValue === "people" ? (
          <fieldset className="space-y-1 pl-6">
            <legend className="font-medium">Who?</legend>
            {answers.people.people.length === 0 ? <p className="text-sm text-slate-600">Add people above first.</p> : null}
            {answers.people.people.map((person) => (
              <CheckboxField
                key={person.id}
                path={`${path}.knownBy.${person.id}`}
                label={person.name || person.id}
                checked={(care.knownBy ?? []).includes(person.id)}
                disabled={!canEdit}
                onChange={(checked) => {
                  const knownBy = checked ? [...(care.knownBy ?? []), person.id] : (care.knownBy ?? []).filter((x) => x !== person.id);
                  if (knownBy.length === 0) setChoosing(true);
                  set({ knownBy: knownBy.length > 0 ? knownBy : undefined });
                }}
              />
            ))}
            {who !== "people" && answers.people.people.length > 0 ? (
              <p className="text-sm text-slate-700">Until you tick someone, this counts as not sure.</p>
            ) : null}
            {errors[`${path}.knownBy`] ? <p className="text-sm font-medium text-red-800">{errors[`${path}.knownBy`]}</p> : null}
          </fieldset>
        ) : null}
        {whoValue === "nobody" ? (
          <NumberField
            path={`${path}.supportResponseHours`}
            label="If you have a support contract for it: hours until they respond (optional)"
            hint="Leave empty to use the general waiting time for outside help."
            unit="hours"
            value={care.supportResponseHours}
            onChange={(v) => set({ supportResponseHours: v })}
            error={errors[`${path}.supportResponseHours`]}
            disabled={!canEdit}
          />
        ) : null}
        {whoValue === "people" ? (
          <CheckboxField
            path={`${path}.hasRunbook`}
            label="There are written, tested instructions for fixing it"
            hint="A runbook lets a colleague step in: the wait for the expert is halved."
            checked={care.hasRunbook === true}
            disabled={!canEdit}
            onChange={(checked) => set({ hasRunbook: checked ? true : care.hasRunbook === undefined ? undefined : false })}
          />
        ) : null}
        <ChoiceField<NoticeChoice>
          path={`${path}.monitored`}
          legend={`Would anyone notice at once if ${name} failed?`}
          hint="Ask this especially of backups and standby parts: a backup line or a UPS battery can fail without anyone knowing, until it is needed."
          value={notice}
          options={[
            { value: "yes", label: "Yes, at once (it is in daily use, or it sends an alert)" },
            { value: "no", label: "No, it could fail silently" },
            { value: "unknown", label: "Not sure (counted as noticed)" },
          ]}
          onChange={(v) => set({ monitored: v === "unknown" ? undefined : v === "yes" })}
          disabled={!canEdit}
        />
      </div>
    </details>
  );
}

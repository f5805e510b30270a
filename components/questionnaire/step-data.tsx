"use client";
import { useState } from "react";
import type { CopyLocation, LossScenario } from "@/lib/engine/schema";
import type { CopyAnswer, DataAnswers, DataSetAnswer } from "@/lib/questionnaire/answers";
import { COPY_LOCATION_LIST, LOSS_SCENARIO_LIST, allComponents } from "@/lib/questionnaire/steps";
import { lossScenarioDefault, organizationDefault } from "@/lib/questionnaire/defaults-view";
import { addCopy, addDataSet, removeCopy, removeDataSet, updateCopy, updateDataSet } from "@/lib/questionnaire/edit";
import { COPY_MEDIA, INTERVAL_CHOICES, RPO_CHOICES } from "@/lib/questionnaire/templates";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EstimateField } from "@/components/ui/estimate-field";
import { CheckboxField, ChoiceField, NumberField, SelectField, TextField } from "@/components/ui/field";
import type { StepProps } from "./types";

const LOCATION_LABELS: Record<CopyLocation, string> = {
  "same-device": "On the same device (a snapshot, a second folder)",
  onsite: "Elsewhere in the building",
  offsite: "Away from the building (taken home, another office)",
  cloud: "In the cloud",
};

const SCENARIO_LABELS: Record<LossScenario, string> = {
  device: "the disk or server holding the data dies",
  site: "the building is lost to fire, flood or theft",
  ransomware: "ransomware encrypts or deletes what it can reach",
};

export function StepData(props: StepProps) {
  const { answers, onChange, canEdit, errors } = props;
  const [name, setName] = useState("");
  const d = answers.data;
  const setData = (patch: Partial<DataAnswers>) => {
    const next: Record<string, unknown> = { ...d, ...patch };
    for (const k of Object.keys(patch)) if (next[k] === undefined) delete next[k];
    onChange({ ...answers, data: next as DataAnswers });
  };
  const setScenario = (key: LossScenario, v: number | undefined) => {
    const next: Record<string, number | undefined> = { ...d.lossScenarios, [key]: v };
    if (v === undefined) delete next[key];
    setData({ lossScenarios: Object.keys(next).length > 0 || d.lossScenarios ? next : undefined });
  };
  return (
    <div className="space-y-6">
      <p className="text-slate-800">
        The information you could not easily recreate: records, files, accounts. For each, where it lives and where its
        copies are. We check it against the 3-2-1-1-0 rule: 3 copies, on 2 kinds of storage, 1 away from the building, 1
        out of ransomware&apos;s reach, and 0 copies whose restore was never tested.
      </p>
      {canEdit ? (
        <div className="flex flex-wrap items-end gap-2">
          <TextField path="data.newName" label="Add data" value={name} onChange={setName} placeholder="e.g. Customer records" />
          <Button
            disabled={name.trim() === ""}
            onClick={() => {
              onChange(addDataSet(answers, { name: name.trim() }).answers);
              setName("");
            }}
          >
            Add
          </Button>
        </div>
      ) : null}
      {d.dataSets.map((ds, i) => (
        <DataSetCard key={ds.id} {...props} ds={ds} path={`data.dataSets[${i}]`} />
      ))}
      <section className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
        <h3 className="text-lg font-semibold">How likely is it?</h3>
        <p className="text-sm text-slate-700">Chances in a year, for the business as a whole. Leave them to the defaults unless you know better.</p>
        <div className="grid gap-4 md:grid-cols-2">
          {LOSS_SCENARIO_LIST.map((key) => (
            <EstimateField
              key={key}
              path={`data.lossScenarios.${key}`}
              label={`Chance in a year that ${SCENARIO_LABELS[key]}`}
              unit="%"
              scale={100}
              value={d.lossScenarios?.[key]}
              onChange={(v) => setScenario(key, v)}
              fallback={lossScenarioDefault(key)}
              error={errors[`data.lossScenarios.${key}`]}
              disabled={!canEdit}
            />
          ))}
          <EstimateField
            path="data.untestedRestoreFailure"
            label="Chance that restoring from a copy that was never tested fails"
            unit="%"
            scale={100}
            value={d.untestedRestoreFailure}
            onChange={(v) => setData({ untestedRestoreFailure: v })}
            fallback={organizationDefault("untestedRestoreFailure")}
            error={errors["data.untestedRestoreFailure"]}
            disabled={!canEdit}
          />
        </div>
      </section>
    </div>
  );
}

type RpoChoice = "unknown" | "custom" | `${number}`;

function DataSetCard({ answers, onChange, errors, canEdit, ds, path }: StepProps & { ds: DataSetAnswer; path: string }) {
  const set = (patch: Partial<Omit<DataSetAnswer, "id">>) => onChange(updateDataSet(answers, ds.id, patch));
  const currency = answers.business.currency;
  const components = allComponents(answers).map((c) => c.component);
  const title = ds.name?.trim() ? ds.name : "New data";
  const matching = RPO_CHOICES.find((c) => c.hours === ds.rpoHours);
  const [rpoCustom, setRpoCustom] = useState(ds.rpoHours !== undefined && !matching);
  const rpoChoice: RpoChoice = ds.rpoHours === undefined && !rpoCustom ? "unknown" : matching && !rpoCustom ? `${matching.hours}` : "custom";
  return (
    <Card
      title={title}
      actions={
        canEdit ? (
          <Button variant="danger" onClick={() => onChange(removeDataSet(answers, ds.id))} aria-label={`Remove ${title}`}>
            Remove
          </Button>
        ) : undefined
      }
    >
      <div className="grid gap-4 md:grid-cols-2">
        <TextField path={`${path}.name`} label="Name" value={ds.name} onChange={(v) => set({ name: v })} error={errors[`${path}.name`]} disabled={!canEdit} />
        <SelectField
          path={`${path}.primary`}
          label="Where is it kept and worked on?"
          value={ds.primary}
          options={components.map((c) => ({ value: c.id, label: c.name || c.id }))}
          onChange={(v) => set({ primary: v })}
          error={errors[`${path}.primary`]}
          emptyLabel={components.length === 0 ? "Add the server or service in an earlier step first" : undefined}
          disabled={!canEdit}
        />
        <SelectField
          path={`${path}.medium`}
          label="What is the original stored on?"
          value={ds.medium}
          options={COPY_MEDIA.some((m) => m.value === ds.medium) || ds.medium === undefined ? COPY_MEDIA : [{ value: ds.medium, label: ds.medium }, ...COPY_MEDIA]}
          onChange={(v) => set({ medium: v })}
          emptyLabel="I don't know"
          error={errors[`${path}.medium`]}
          disabled={!canEdit}
        />
        <NumberField
          path={`${path}.dataLossCostPerHour`}
          label="What does an hour of lost work cost to redo?"
          hint="If the last few hours of entries vanished: the time to type them again, and what is lost for good. I don't know: leave it empty, and lost work counts as 0 (the backup checks still show, without money)."
          unit={`${currency} an hour`}
          value={ds.dataLossCostPerHour}
          onChange={(v) => set({ dataLossCostPerHour: v })}
          error={errors[`${path}.dataLossCostPerHour`]}
          disabled={!canEdit}
        />
        <NumberField
          path={`${path}.totalLossCost`}
          label="What would losing all of it for good cost?"
          hint="I don't know: leave it empty, and losing it all counts as 0 (the backup checks still show, without money)."
          unit={currency}
          value={ds.totalLossCost}
          onChange={(v) => set({ totalLossCost: v })}
          error={errors[`${path}.totalLossCost`]}
          disabled={!canEdit}
        />
        <NumberField
          path={`${path}.sizeGb`}
          label="About how big is it? (optional)"
          unit="GB"
          value={ds.sizeGb}
          onChange={(v) => set({ sizeGb: v })}
          error={errors[`${path}.sizeGb`]}
          disabled={!canEdit}
        />
      </div>
      <ChoiceField<RpoChoice>
        path={`${path}.rpoHours`}
        legend="How much recent work could you afford to type in again?"
        hint="This is your recovery point objective (RPO): we flag every case where the freshest surviving copy is older."
        value={rpoChoice}
        options={[
          ...RPO_CHOICES.map((c) => ({ value: `${c.hours}` as RpoChoice, label: c.label })),
          { value: "custom", label: "Another amount" },
          { value: "unknown", label: "I don't know (no target)" },
        ]}
        onChange={(v) => {
          if (v === "unknown") {
            setRpoCustom(false);
            set({ rpoHours: undefined });
          } else if (v === "custom") setRpoCustom(true);
          else {
            setRpoCustom(false);
            set({ rpoHours: Number(v) });
          }
        }}
        error={rpoChoice === "custom" ? undefined : errors[`${path}.rpoHours`]}
        disabled={!canEdit}
      />
      {rpoChoice === "custom" ? (
        <NumberField path={`${path}.rpoHours`} label="Hours of work" unit="hours" value={ds.rpoHours} onChange={(v) => set({ rpoHours: v })} error={errors[`${path}.rpoHours`]} disabled={!canEdit} />
      ) : null}
      <h4 className="font-semibold">Copies</h4>
      {(ds.copies ?? []).length === 0 ? <p className="text-slate-700">No copies yet: if the original is lost, so is the data.</p> : null}
      {(ds.copies ?? []).map((copy, j) => (
        <CopyEditor key={copy.id} answers={answers} onChange={onChange} errors={errors} canEdit={canEdit} ds={ds} copy={copy} path={`${path}.copies[${j}]`} index={j} />
      ))}
      {canEdit ? (
        <Button onClick={() => onChange(addCopy(answers, ds.id, { name: "copy" }).answers)}>+ Add a copy</Button>
      ) : null}
    </Card>
  );
}

function CopyEditor({ answers, onChange, errors, canEdit, ds, copy, path, index }: StepProps & { ds: DataSetAnswer; copy: CopyAnswer; path: string; index: number }) {
  const set = (patch: Partial<Omit<CopyAnswer, "id">>) => onChange(updateCopy(answers, ds.id, copy.id, patch));
  const intervalMatch = INTERVAL_CHOICES.find((c) => c.hours === copy.intervalHours);
  const media = COPY_MEDIA.some((m) => m.value === copy.medium) || copy.medium === undefined ? COPY_MEDIA : [{ value: copy.medium, label: copy.medium }, ...COPY_MEDIA];
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-300 p-3">
      <legend className="px-1 font-medium">Copy {index + 1}</legend>
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          path={`${path}.location`}
          label="Where is this copy kept?"
          value={copy.location}
          options={COPY_LOCATION_LIST.map((l) => ({ value: l, label: LOCATION_LABELS[l] }))}
          onChange={(v) => set({ location: v })}
          error={errors[`${path}.location`]}
          disabled={!canEdit}
        />
        <SelectField
          path={`${path}.medium`}
          label="What is it stored on?"
          value={copy.medium}
          options={media}
          onChange={(v) => set({ medium: v })}
          error={errors[`${path}.medium`]}
          disabled={!canEdit}
        />
        <SelectField
          // The field that shows intervalHours' error carries its id, so the error summary's link lands on it.
          path={copy.intervalHours !== undefined && !intervalMatch ? `${path}.intervalChoice` : `${path}.intervalHours`}
          label="How often is it refreshed?"
          value={copy.intervalHours === undefined ? undefined : intervalMatch ? String(intervalMatch.hours) : "custom"}
          options={[...INTERVAL_CHOICES.map((c) => ({ value: String(c.hours), label: c.label })), { value: "custom", label: "Another interval" }]}
          onChange={(v) => (v === undefined ? set({ intervalHours: undefined }) : v === "custom" ? set({ intervalHours: copy.intervalHours ?? 12 }) : set({ intervalHours: Number(v) }))}
          error={intervalMatch || copy.intervalHours === undefined ? errors[`${path}.intervalHours`] : undefined}
          disabled={!canEdit}
        />
        {copy.intervalHours !== undefined && !intervalMatch ? (
          <NumberField path={`${path}.intervalHours`} label="Refreshed every" unit="hours" value={copy.intervalHours} onChange={(v) => set({ intervalHours: v })} error={errors[`${path}.intervalHours`]} disabled={!canEdit} />
        ) : null}
        <TextField
          path={`${path}.lastRestoreTest`}
          type="date"
          label="When did someone last restore from it as a test?"
          hint="Leave empty if never, or if you don't know."
          value={copy.lastRestoreTest}
          onChange={(v) => set({ lastRestoreTest: v === "" ? undefined : v })}
          error={errors[`${path}.lastRestoreTest`]}
          disabled={!canEdit}
        />
      </div>
      <CheckboxField
        path={`${path}.offline`}
        label="It is disconnected most of the time (unplugged drive, tape on a shelf)"
        checked={copy.online === false}
        onChange={(checked) => set({ online: checked ? false : copy.online === false ? true : copy.online })}
        disabled={!canEdit}
      />
      <CheckboxField
        path={`${path}.immutable`}
        label="It is locked against changes (immutable or write-once storage)"
        checked={copy.immutable === true}
        onChange={(checked) => set({ immutable: checked ? true : copy.immutable === true ? false : copy.immutable })}
        disabled={!canEdit}
      />
      {canEdit ? (
        <Button variant="danger" onClick={() => onChange(removeCopy(answers, ds.id, copy.id))} aria-label={`Remove copy ${index + 1}`}>
          Remove this copy
        </Button>
      ) : null}
    </fieldset>
  );
}

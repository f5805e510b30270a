"use client";
import { useState } from "react";
import type { ComponentAnswer } from "@/lib/questionnaire/answers";
import { allComponents, LINE_TECHNOLOGIES, type LineTechnology } from "@/lib/questionnaire/steps";
import { addComponent, updateComponent } from "@/lib/questionnaire/edit";
import {
  SWITCH_OVER_PRESETS,
  addSharedPart,
  hasSharedPart,
  lineGroups,
  linesByProvider,
  linesUsing,
  setPartLines,
  setSwitchOver,
  sharedPartType,
  useLinesAsBackup,
  type LineGroupRef,
  type SharedPartType,
} from "@/lib/questionnaire/internet";
import { LINE_TECHNOLOGY_LABELS, lineName } from "@/lib/questionnaire/templates";
import { removeComponent } from "@/lib/questionnaire/edit";
import { Button } from "@/components/ui/button";
import { CheckboxField, ChoiceField, NumberField, SelectField, TextField } from "@/components/ui/field";
import { ComponentCard, RateFields } from "./component-card";
import type { StepProps } from "./types";

export function StepInternet(props: StepProps) {
  const { answers, onChange, canEdit } = props;
  const lines = answers.internet.lines;
  return (
    <div className="space-y-6">
      <p className="text-slate-800">
        Each internet line into the building: who provides it and what kind it is. If you have a backup line, add it too,
        then tell us how the two relate.
      </p>
      {canEdit ? (
        <Button
          onClick={() => onChange(addComponent(answers, { step: "internet", key: "lines" }, { name: lineName(undefined, undefined), kind: "internet" }).answers)}
        >
          + Add an internet line
        </Button>
      ) : null}
      {lines.length === 0 ? <p className="text-slate-700">No lines yet.</p> : null}
      {lines.map((line, i) => (
        <ComponentCard key={line.id} {...props} component={line} path={`internet.lines[${i}]`} kinds={["internet"]} dependentsQuestion="What uses this line?">
          <LineDetails {...props} line={line} path={`internet.lines[${i}]`} />
        </ComponentCard>
      ))}
      {/* Also with one line left when a shared part is still there, so it can be seen and removed. */}
      {lines.length >= 2 || answers.internet.shared.length > 0 ? (
        <>
          <SharedQuestion {...props} type="provider" />
          <SharedQuestion {...props} type="cable" />
          {lines.length >= 2 ? <BackupQuestion {...props} /> : null}
        </>
      ) : null}
    </div>
  );
}

function LineDetails({ answers, onChange, errors, canEdit, line, path }: StepProps & { line: ComponentAnswer; path: string }) {
  const update = (technology: LineTechnology | undefined, provider: string | undefined) => {
    const autoNamed = !line.name || line.name === lineName(line.technology, line.provider);
    onChange(
      updateComponent(answers, line.id, {
        technology,
        provider: provider === "" ? undefined : provider,
        ...(autoNamed ? { name: lineName(technology, provider) } : {}),
      }),
    );
  };
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <SelectField
        path={`${path}.technology`}
        label="What kind of line is it?"
        value={line.technology}
        options={LINE_TECHNOLOGIES.map((t) => ({ value: t, label: LINE_TECHNOLOGY_LABELS[t] }))}
        onChange={(t) => update(t, line.provider)}
        error={errors[`${path}.technology`]}
        disabled={!canEdit}
      />
      <TextField
        path={`${path}.provider`}
        label="Who provides it?"
        value={line.provider}
        onChange={(p) => update(line.technology, p)}
        error={errors[`${path}.provider`]}
        disabled={!canEdit}
      />
    </div>
  );
}

const SHARED_TEXT: Record<SharedPartType, { question: string; hint: string; yes: string; failures: string; repair: string }> = {
  provider: {
    question: "Do two of your lines come from the same provider?",
    hint: "A fault in that provider's network takes down every line it provides, so a backup from the same provider helps less.",
    yes: "Which lines come from this provider?",
    failures: "How many times a year does the provider's network go down for all its lines at once?",
    repair: "When it does, how many hours until the provider has it back?",
  },
  cable: {
    question: "Do your lines come into the building through the same cable or duct?",
    hint: "One digger or one cut cable then takes down both lines at once.",
    yes: "Which lines share this cable or duct?",
    failures: "How many times a year is this cable or duct cut or damaged?",
    repair: "When it is, how many hours until it is mended?",
  },
};

function SharedQuestion(props: StepProps & { type: SharedPartType }) {
  const { answers, onChange, canEdit, type, errors } = props;
  const text = SHARED_TEXT[type];
  const parts = answers.internet.shared.filter((p) => sharedPartType(p) === type);
  const yes = hasSharedPart(answers, type);
  const onAnswer = (v: "yes" | "no") => {
    if (v === "yes" && parts.length === 0) {
      const byProvider = [...linesByProvider(answers).entries()].find(([, ls]) => ls.length >= 2);
      const lineIds = type === "provider" && byProvider ? byProvider[1].map((l) => l.id) : answers.internet.lines.map((l) => l.id);
      onChange(addSharedPart(answers, type, lineIds, type === "provider" ? byProvider?.[0] : undefined).answers);
    } else if (v === "yes") {
      onChange(setPartLines(answers, parts[0]!.id, answers.internet.lines.map((l) => l.id)));
    } else {
      let next = answers;
      for (const p of parts) next = removeComponent(next, p.id);
      onChange(next);
    }
  };
  return (
    <section className="space-y-3 rounded-lg border border-slate-300 bg-white p-4">
      <ChoiceField
        path={`internet.shared.${type}`}
        legend={text.question}
        hint={text.hint}
        value={yes ? "yes" : "no"}
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No, or I don't know" },
        ]}
        onChange={onAnswer}
        disabled={!canEdit}
      />
      {parts.map((part) => {
        const index = answers.internet.shared.findIndex((p) => p.id === part.id);
        const path = `internet.shared[${index}]`;
        const using = linesUsing(answers, part.id).map((l) => l.id);
        return (
          <div key={part.id} className="space-y-2 pl-4">
            <TextField path={`${path}.name`} label="Name" value={part.name} onChange={(v) => onChange(updateComponent(answers, part.id, { name: v }))} error={errors[`${path}.name`]} disabled={!canEdit} />
            <RateFields {...props} part={part} path={path} failuresLabel={text.failures} repairLabel={text.repair} />
            <fieldset className="space-y-1">
              <legend className="font-medium">{text.yes}</legend>
              {answers.internet.lines.map((l) => (
                <CheckboxField
                  key={l.id}
                  path={`${path}.lines.${l.id}`}
                  label={l.name || l.id}
                  checked={using.includes(l.id)}
                  disabled={!canEdit}
                  onChange={(checked) => onChange(setPartLines(answers, part.id, checked ? [...using, l.id] : using.filter((x) => x !== l.id)))}
                />
              ))}
            </fieldset>
          </div>
        );
      })}
    </section>
  );
}

function BackupQuestion(props: StepProps) {
  const { answers, onChange, canEdit } = props;
  const groups = lineGroups(answers);
  const lineIds = new Set(answers.internet.lines.map((l) => l.id));
  const owners = allComponents(answers)
    .map((c) => c.component)
    .filter((c) => !lineIds.has(c.id) && !answers.internet.shared.some((p) => p.id === c.id));
  const [owner, setOwner] = useState("");
  return (
    <section className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
      <h3 className="text-lg font-semibold">Backup lines</h3>
      {groups.length === 0 ? (
        <div className="space-y-2">
          <p>
            Which device can use either line? Usually the router. We then count the lines as backups of each other for
            everything that goes through it.
          </p>
          {canEdit ? (
            <div className="flex flex-wrap items-end gap-2">
              <SelectField
                path="internet.backupOwner"
                label="Device that can use either line"
                value={owners.some((o) => o.id === owner) ? owner : undefined}
                options={owners.map((o) => ({ value: o.id, label: o.name || o.id }))}
                onChange={(v) => setOwner(v ?? "")}
                emptyLabel={owners.length === 0 ? "Add your router in the next step first" : "Choose…"}
              />
              <Button
                disabled={!owners.some((o) => o.id === owner)}
                onClick={() => onChange(useLinesAsBackup(answers, { type: "component", id: owner }, answers.internet.lines.map((l) => l.id), SWITCH_OVER_PRESETS.automatic))}
              >
                Use the lines as backups for it
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
      {groups.map((g) => {
        const minutes = g.group.failoverMinutes ?? 0;
        const key = `${g.owner.type}-${g.owner.id}-${g.path.join("-")}`;
        const basePath = `${g.owner.type === "function" ? "functions" : "internet"}.switch.${g.owner.id}`;
        return (
          <div key={key} className="space-y-2">
            <ChoiceField<"both" | "switch">
              path={basePath}
              legend={`${g.ownerName} uses ${g.lines.map((l) => l.name || l.id).join(" or ")}. When ${g.lines[0]!.name || g.lines[0]!.id} fails, how does the backup take over?`}
              value={minutes > 0 ? "switch" : "both"}
              options={[
                { value: "both", label: "Both lines are in use all the time: nothing to switch" },
                { value: "switch", label: "It switches over, automatically or by hand" },
              ]}
              onChange={(v) => onChange(setSwitchOver(answers, g, v === "both" ? 0 : SWITCH_OVER_PRESETS.automatic))}
              disabled={!canEdit}
            />
            {minutes > 0 ? <SwitchOverTime {...props} group={g} basePath={basePath} minutes={minutes} /> : null}
          </div>
        );
      })}
    </section>
  );
}

/**
 * The switch-over time and its presets. An empty or non-positive entry is not saved: saving it
 * would turn the switch-over into "both lines in use", which the engine scores differently.
 */
function SwitchOverTime(props: StepProps & { group: LineGroupRef; basePath: string; minutes: number }) {
  const { answers, onChange, canEdit, errors, group, basePath, minutes } = props;
  const [problem, setProblem] = useState<string | undefined>();
  // A preset equal to the kept value changes no prop: a new key shows it in an emptied field.
  const [fieldKey, setFieldKey] = useState(0);
  const save = (m: number) => {
    setProblem(undefined);
    onChange(setSwitchOver(answers, group, m));
  };
  const preset = (m: number) => {
    setFieldKey((k) => k + 1);
    save(m);
  };
  return (
    <div className="space-y-2 pl-6">
      <NumberField
        key={fieldKey}
        path={`${basePath}.minutes`}
        label="About how many minutes does the switch-over take?"
        hint="A router that switches by itself: a minute or two. Someone who has to notice and swap a cable: half an hour or more."
        unit="minutes"
        value={minutes}
        onChange={(m) => {
          if (m === undefined || !(m > 0)) {
            setProblem(`Enter the minutes, above 0; until then ${minutes} minutes are kept. If nothing has to switch, choose "Both lines are in use all the time" above.`);
          } else save(m);
        }}
        error={problem ?? errors[`${basePath}.minutes`]}
        disabled={!canEdit}
      />
      <div className="flex flex-wrap gap-2 text-sm">
        <Button disabled={!canEdit} onClick={() => preset(SWITCH_OVER_PRESETS.automatic)}>
          Automatic (about {SWITCH_OVER_PRESETS.automatic} minutes)
        </Button>
        <Button disabled={!canEdit} onClick={() => preset(SWITCH_OVER_PRESETS.manual)}>
          By hand (about {SWITCH_OVER_PRESETS.manual} minutes)
        </Button>
      </div>
    </div>
  );
}

"use client";
import { useState } from "react";
import type { FunctionAnswer } from "@/lib/questionnaire/answers";
import { sharesOf, suggestDowntimeCostPerHour } from "@/lib/questionnaire/business";
import { addFunction, removeFunction, updateFunction } from "@/lib/questionnaire/edit";
import { describeRequirement } from "@/lib/questionnaire/requirements";
import { FUNCTION_TEMPLATES, RTO_CHOICES } from "@/lib/questionnaire/templates";
import { formatMoney } from "@/lib/results/format";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ChoiceField, fieldId, NumberField, TextField } from "@/components/ui/field";
import { componentNames } from "./component-card";
import type { StepProps } from "./types";

export function StepFunctions(props: StepProps) {
  const { answers, onChange, canEdit, errors } = props;
  const [custom, setCustom] = useState("");
  const used = new Set(answers.functions.items.map((f) => f.template));
  return (
    <div className="space-y-6">
      <p className="text-slate-800">
        What does the business do every day that depends on computers, phones or the internet? Pick from the list or add
        your own. For each, we ask what an hour of it being down costs, and how long it can be down before it really hurts.
      </p>
      {canEdit ? (
        <div className="space-y-3">
          {/* The target of the "add at least one activity" link of the error summary. */}
          <div
            id={fieldId("functions.items")}
            tabIndex={-1}
            role="group"
            aria-label="Activities to add"
            aria-describedby={errors["functions.items"] ? "f-functions-items-error" : undefined}
            className="flex flex-wrap gap-2"
          >
            {FUNCTION_TEMPLATES.filter((t) => !used.has(t.id)).map((t) => (
              <Button
                key={t.id}
                title={t.hint}
                onClick={() => onChange(addFunction(answers, { name: t.name, template: t.id, hours: t.hours, rtoHours: t.rtoHours }).answers)}
              >
                + {t.name}
              </Button>
            ))}
          </div>
          <div className="flex flex-wrap items-end gap-2">
            <TextField path="functions.custom" label="Something else" value={custom} onChange={setCustom} placeholder="e.g. Printing labels" />
            <Button
              disabled={custom.trim() === ""}
              onClick={() => {
                onChange(addFunction(answers, { name: custom.trim() }).answers);
                setCustom("");
              }}
            >
              Add
            </Button>
          </div>
        </div>
      ) : null}
      {errors["functions.items"] ? (
        <p id="f-functions-items-error" className="font-medium text-red-800">
          {errors["functions.items"]}
        </p>
      ) : null}
      {answers.functions.items.map((f, i) => (
        <FunctionCard key={f.id} {...props} fn={f} path={`functions.items[${i}]`} />
      ))}
    </div>
  );
}

type RtoChoice = "unknown" | "custom" | `${number}`;

function FunctionCard({ answers, onChange, errors, canEdit, fn: f, path }: StepProps & { fn: FunctionAnswer; path: string }) {
  const set = (patch: Partial<Omit<FunctionAnswer, "id">>) => onChange(updateFunction(answers, f.id, patch));
  const currency = answers.business.currency;
  const money = (v: number) => (/^[A-Z]{3}$/.test(currency) ? formatMoney(v, currency) : String(Math.round(v)));
  const shares = sharesOf(f);
  // The template's shares in percent: the placeholder of an emptied share box.
  const usual = sharesOf({ ...f, revenueShare: undefined, staffShare: undefined });
  const usualRevenue = Math.round(usual.revenueShare * 100);
  const usualStaff = Math.round(usual.staffShare * 100);
  const suggestion = suggestDowntimeCostPerHour(answers.business, shares);
  const title = f.name?.trim() ? f.name : "New activity";
  const matching = RTO_CHOICES.find((c) => c.hours === f.rtoHours);
  const [rtoCustom, setRtoCustom] = useState(f.rtoHours !== undefined && !matching);
  const rtoChoice: RtoChoice = f.rtoHours === undefined && !rtoCustom ? "unknown" : matching && !rtoCustom ? `${matching.hours}` : "custom";
  const nameOf = componentNames(answers);
  return (
    <Card
      title={title}
      actions={
        canEdit ? (
          <Button variant="danger" onClick={() => onChange(removeFunction(answers, f.id))} aria-label={`Remove ${title}`}>
            Remove
          </Button>
        ) : undefined
      }
    >
      <TextField path={`${path}.name`} label="Name" value={f.name} onChange={(v) => set({ name: v })} error={errors[`${path}.name`]} disabled={!canEdit} />
      <NumberField
        path={`${path}.downtimeCostPerHour`}
        label="What does an hour of this being down cost?"
        hint={
          suggestion
            ? `Leave it empty to use our suggestion of ${money(suggestion.costPerHour)} an hour: ${Math.round(shares.revenueShare * 100)} % of ${money(suggestion.revenuePerOpeningHour)} revenue per opening hour, plus ${Math.round(shares.staffShare * 100)} % of ${money(suggestion.idleStaffCostPerHour)} for idle staff.`
            : "Lost sales plus wages paid while nobody can work. Fill in revenue and opening hours on the first step to get a suggestion."
        }
        unit={`${currency} an hour`}
        value={f.downtimeCostPerHour}
        placeholder={suggestion ? String(suggestion.costPerHour) : undefined}
        onChange={(v) => set({ downtimeCostPerHour: v })}
        error={errors[`${path}.downtimeCostPerHour`]}
        disabled={!canEdit}
      />
      <details className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer font-medium">Change how the suggestion is worked out</summary>
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          <NumberField
            path={`${path}.revenueShare`}
            label="Share of revenue that stops while it is down"
            unit="%"
            scale={100}
            // Empty shows the usual share as a placeholder: filling the box back in with it would
            // reset the text while the owner is retyping.
            value={f.revenueShare}
            placeholder={String(usualRevenue)}
            hint={`Empty: the usual share for this kind of activity, ${usualRevenue} %.`}
            onChange={(v) => set({ revenueShare: v })}
            error={errors[`${path}.revenueShare`]}
            disabled={!canEdit}
          />
          <NumberField
            path={`${path}.staffShare`}
            label="Share of staff with nothing to do while it is down"
            unit="%"
            scale={100}
            value={f.staffShare}
            placeholder={String(usualStaff)}
            hint={`Empty: the usual share for this kind of activity, ${usualStaff} %.`}
            onChange={(v) => set({ staffShare: v })}
            error={errors[`${path}.staffShare`]}
            disabled={!canEdit}
          />
        </div>
      </details>
      <ChoiceField
        path={`${path}.hours`}
        legend="When does it matter?"
        value={f.hours ?? "business"}
        options={[
          { value: "business", label: "While we are open" },
          { value: "always", label: "Around the clock (for example online orders)" },
        ]}
        onChange={(v) => set({ hours: v })}
        error={errors[`${path}.hours`]}
        disabled={!canEdit}
      />
      <ChoiceField<RtoChoice>
        path={`${path}.rtoHours`}
        legend="How long can this be down before it really hurts?"
        hint="This is your recovery time objective (RTO): we flag anything whose repair usually takes longer."
        value={rtoChoice}
        options={[
          ...RTO_CHOICES.map((c) => ({ value: `${c.hours}` as RtoChoice, label: c.label })),
          { value: "custom", label: "Another time" },
          { value: "unknown", label: "I don't know (no target)" },
        ]}
        onChange={(v) => {
          if (v === "unknown") {
            setRtoCustom(false);
            set({ rtoHours: undefined });
          } else if (v === "custom") setRtoCustom(true);
          else {
            setRtoCustom(false);
            set({ rtoHours: Number(v) });
          }
        }}
        error={rtoChoice === "custom" ? undefined : errors[`${path}.rtoHours`]}
        disabled={!canEdit}
      />
      {rtoChoice === "custom" ? (
        <NumberField
          path={`${path}.rtoHours`}
          label="Hours it can be down"
          unit="hours"
          value={f.rtoHours}
          onChange={(v) => set({ rtoHours: v })}
          error={errors[`${path}.rtoHours`]}
          disabled={!canEdit}
        />
      ) : null}
      <p className="text-sm text-slate-700">
        {f.requires === undefined
          ? "What it needs to work: you will tick it in the next steps, next to each piece of equipment or service."
          : `It needs: ${describeRequirement(f.requires, nameOf)}.`}
      </p>
      {errors[`${path}.requires`] ? <p className="text-sm font-medium text-red-800">{errors[`${path}.requires`]}</p> : null}
    </Card>
  );
}

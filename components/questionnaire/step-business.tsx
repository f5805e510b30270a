"use client";
import { organizationDefault, type DefaultView } from "@/lib/questionnaire/defaults-view";
import { WEEKS_PER_YEAR } from "@/lib/questionnaire/business";
import { formatMoney } from "@/lib/results/format";
import { EstimateField } from "@/components/ui/estimate-field";
import { NumberField, SelectField, TextField } from "@/components/ui/field";
import type { BusinessAnswers } from "@/lib/questionnaire/answers";
import type { StepProps } from "./types";

const CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "JPY", "INR", "ZAR"];

export function StepBusiness({ answers, onChange, errors, canEdit }: StepProps) {
  const b = answers.business;
  const set = (patch: Partial<BusinessAnswers>) => {
    const next: Record<string, unknown> = { ...b, ...patch };
    for (const k of Object.keys(patch)) if (next[k] === undefined) delete next[k];
    onChange({ ...answers, business: next as BusinessAnswers });
  };
  const currencies = CURRENCIES.includes(b.currency) ? CURRENCIES : [b.currency, ...CURRENCIES];
  const revenuePerHour =
    b.yearlyRevenue !== undefined && b.operatingHoursPerWeek ? b.yearlyRevenue / (b.operatingHoursPerWeek * WEEKS_PER_YEAR) : undefined;
  const staffCost = b.staffCostPerHour ?? organizationDefault("staffCostPerHour").value;
  const idle = b.staffCount !== undefined ? b.staffCount * staffCost : undefined;
  const money = (v: number) => (/^[A-Z]{3}$/.test(b.currency) ? formatMoney(v, b.currency) : String(Math.round(v)));
  return (
    <div className="space-y-6">
      <p className="text-slate-800">
        A few facts about the business let us put a price on an hour of downtime. Rough figures are fine: you can change
        everything later.
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField path="business.name" label="Name of the business" value={b.name} onChange={(v) => set({ name: v })} error={errors["business.name"]} disabled={!canEdit} autoComplete="organization" />
        <SelectField
          path="business.currency"
          label="Currency"
          value={b.currency}
          options={currencies.map((c) => ({ value: c, label: c }))}
          onChange={(v) => v && set({ currency: v })}
          error={errors["business.currency"]}
          disabled={!canEdit}
        />
        <NumberField
          path="business.operatingHoursPerWeek"
          label="How many hours a week are you open?"
          hint="For example 9 to 6, Monday to Friday, is 45 hours."
          unit="hours a week"
          value={b.operatingHoursPerWeek}
          onChange={(v) => set({ operatingHoursPerWeek: v })}
          error={errors["business.operatingHoursPerWeek"]}
          disabled={!canEdit}
        />
        <NumberField
          path="business.yearlyRevenue"
          label="Yearly revenue (optional)"
          hint="Sales in a typical year, before costs."
          unit={b.currency}
          value={b.yearlyRevenue}
          onChange={(v) => set({ yearlyRevenue: v })}
          error={errors["business.yearlyRevenue"]}
          disabled={!canEdit}
        />
        <NumberField
          path="business.staffCount"
          label="How many people work here? (optional)"
          value={b.staffCount}
          onChange={(v) => set({ staffCount: v })}
          error={errors["business.staffCount"]}
          disabled={!canEdit}
        />
        <EstimateField
          path="business.staffCostPerHour"
          label="What does an hour of a staff member's time cost?"
          hint="Wages plus taxes and benefits, per hour."
          unit={`${b.currency} an hour`}
          value={b.staffCostPerHour}
          onChange={(v) => set({ staffCostPerHour: v })}
          fallback={withMoney(organizationDefault("staffCostPerHour"), b.currency)}
          error={errors["business.staffCostPerHour"]}
          disabled={!canEdit}
        />
      </div>
      <section aria-labelledby="downtime-formula" className="space-y-2 rounded-md bg-slate-50 p-4 text-slate-800">
        <h3 id="downtime-formula" className="font-semibold">
          How we suggest a cost of downtime
        </h3>
        <p>
          When something stops, you lose the sales it would have made and pay staff who cannot work. For each activity we
          suggest: <strong>share of revenue that stops × revenue per opening hour + share of staff left idle × staff × cost of a staff hour</strong>.
          You choose the shares on the next step, and you can always type your own figure instead.
        </p>
        <p>
          {revenuePerHour !== undefined ? <>Revenue per opening hour: {money(revenuePerHour)}. </> : <>Revenue per opening hour: fill in revenue and opening hours. </>}
          {idle !== undefined ? <>All staff idle for an hour: {money(idle)}.</> : null}
        </p>
      </section>
    </div>
  );
}

/** The staff-cost default in the business's own currency: "$50 an hour", not "50 an hour". */
function withMoney(d: DefaultView, currency: string): DefaultView {
  return { ...d, display: `${formatMoney(d.value, currency)} an hour` };
}

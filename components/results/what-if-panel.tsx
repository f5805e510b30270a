"use client";
/** Choose what fails; see which activities stop, when, and what every hour costs. */
import { useMemo, useState } from "react";
import { evaluateWhatIf, type WhatIfModel } from "@/lib/results/what-if";
import { formatApproxDuration, formatMoney } from "@/lib/results/format";
import { KIND_LABELS } from "@/lib/questionnaire/templates";
import type { ComponentKind } from "@/lib/engine/schema";

export function describeStop(afterMinutes: number): string {
  return afterMinutes === 0 ? "stops at once" : `stops after ${formatApproxDuration(afterMinutes / 60)}`;
}

export function WhatIfPanel({ model, initialFailed = [] }: { model: WhatIfModel; initialFailed?: readonly string[] }) {
  const [failed, setFailed] = useState<readonly string[]>(initialFailed);
  const result = useMemo(() => evaluateWhatIf(model, failed), [model, failed]);
  const money = (v: number) => formatMoney(v, model.currency);
  const stopped = result.functions.filter((f) => f.status === "stops");
  const interrupted = result.functions.filter((f) => f.status === "interrupted");
  const running = result.functions.filter((f) => f.status === "runs");
  const toggle = (id: string, on: boolean) => setFailed(on ? [...failed, id] : failed.filter((x) => x !== id));
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <fieldset className="space-y-1">
        <legend className="mb-2 font-medium">What fails?</legend>
        {model.components.map((c) => (
          <label key={c.id} className="flex items-start gap-2">
            <input type="checkbox" className="mt-1 h-4 w-4 accent-blue-700" checked={failed.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
            <span>
              {c.name}
              <span className="block text-xs text-slate-600">{KIND_LABELS[c.kind as ComponentKind] ?? c.kind}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div role="status" aria-live="polite" className="space-y-3">
        {failed.length === 0 ? (
          <p className="text-slate-700">Tick one or more things to see what stops.</p>
        ) : (
          <>
            <p className="text-lg font-semibold">
              {stopped.length === 0 ? "Nothing stops." : `Every hour of this costs about ${money(result.costPerHour)}.`}
            </p>
            {stopped.length > 0 ? (
              <ul className="list-disc space-y-1 pl-6">
                {stopped.map((f) => (
                  <li key={f.id}>
                    <strong>{f.name}</strong> {describeStop(f.afterMinutes ?? 0)}: {money(f.downtimeCostPerHour)} an hour
                    {f.hours === "business" ? " while you are open" : ", around the clock"}.
                  </li>
                ))}
              </ul>
            ) : null}
            {interrupted.length > 0 ? (
              <ul className="list-disc space-y-1 pl-6">
                {interrupted.map((f) => (
                  <li key={f.id}>
                    <strong>{f.name}</strong> pauses for {formatApproxDuration((f.interruptionMinutes ?? 0) / 60)} while it switches to a backup, then carries on.
                  </li>
                ))}
              </ul>
            ) : null}
            {running.length > 0 ? <p className="text-slate-700">Still working: {running.map((f) => f.name).join(", ")}.</p> : null}
          </>
        )}
      </div>
    </div>
  );
}

/**
 * The terminal report of `npm run assess`: functions ranked by expected loss, single points of
 * failure with hours and money, data checks, and the plan as a table.
 */
import { mitigationById, type Assessment } from "../lib/engine/index.js";

const CHECK_WORDS: Record<string, string> = {
  threeCopies: "3 copies (counting the original)",
  twoMedia: "2 different kinds of storage",
  oneOffsite: "1 copy away from the premises",
  oneOfflineOrImmutable: "1 copy offline or immutable",
  zeroUntested: "every copy restore-tested this year",
};

function money(value: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(value);
}

function hours(value: number): string {
  if (value >= 10) return `${value.toFixed(0)} h`;
  if (value >= 0.1) return `${value.toFixed(1)} h`;
  return `${(value * 60).toFixed(1)} min`;
}

function table(headers: string[], rows: string[][], rightAligned: ReadonlySet<number>): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function formatReport(a: Assessment): string {
  const cur = a.organization.currency;
  // Components and data sets each have their own ids, which may coincide: a cut set names
  // components; a plan target is a data set when its mitigation changes data sets.
  const name = new Map(a.events.map((e) => [e.id, e.name] as const));
  const dataSetName = new Map(a.dataSets.map((d) => [d.id, d.name] as const));
  const targetNames = (p: { readonly mitigation: string; readonly targets: readonly string[] }) => {
    const dataSets = new Set(mitigationById(p.mitigation)?.touchesDataSets(p.targets) ?? []);
    return p.targets.map((t) => (dataSets.has(t) ? dataSetName.get(t) : name.get(t)) ?? t).join(", ");
  };
  const out: string[] = [];
  out.push(`Bulwark assessment: ${a.organization.name} (as of ${a.asOf}, engine ${a.engineVersion})`);
  out.push("");
  out.push(`Expected loss per year: ${money(a.expectedAnnualLoss, cur)}`);
  out.push(
    `  downtime of business functions ${money(a.functionsExpectedAnnualLoss, cur)}, lost data ${money(a.dataSetsExpectedAnnualLoss, cur)}`,
  );
  if (a.plan.length > 0) {
    out.push(`  after the plan below: ${money(a.expectedAnnualLossAfterPlan, cur)}`);
  }

  out.push("", "Business functions, by expected loss");
  const functions = [...a.functions].sort((x, y) => y.expectedAnnualLoss - x.expectedAnnualLoss);
  out.push(
    table(
      ["Function", "Downtime/yr", "Loss/yr", "Single points of failure"],
      functions.map((f) => [
        f.name,
        hours(f.downtimeHoursPerYear),
        money(f.expectedAnnualLoss, cur),
        String(f.singlePointsOfFailure.length),
      ]),
      new Set([1, 2, 3]),
    ),
  );

  out.push("", "Single points of failure (one thing breaks, the function stops)");
  let anySpof = false;
  for (const f of functions) {
    for (const id of f.singlePointsOfFailure) {
      const cut = f.cutSets.find((c) => c.components.length === 1 && c.components[0] === id)!;
      anySpof = true;
      out.push(
        `  If ${name.get(id) ?? id} fails, ${f.name} stops: about ${hours(cut.downtimeHoursPerYear)} a year, about ${money(cut.expectedAnnualLoss, cur)}.`,
      );
    }
  }
  if (!anySpof) out.push("  none");

  const thin = functions.flatMap((f) =>
    f.cutSets.filter((c) => c.components.length === 2).map((c) => ({ f, c })),
  );
  if (thin.length > 0) {
    out.push("", "Thin redundancy (two failures together stop a function)");
    for (const { f, c } of thin.slice(0, 10)) {
      out.push(
        `  ${c.components.map((id) => name.get(id) ?? id).join(" and ")} → ${f.name}: ${hours(c.downtimeHoursPerYear)} a year, ${money(c.expectedAnnualLoss, cur)}`,
      );
    }
    if (thin.length > 10) out.push(`  … and ${thin.length - 10} more`);
  }

  const findings = functions.flatMap((f) => [
    ...f.rtoBreaches.map(
      (r) =>
        `  ${f.name}: ${name.get(r.component) ?? r.component} takes ${hours(r.meanRepairHours)} to fix on average, beyond the ${hours(r.rtoHours)} the business can wait (${(r.chanceOutlastsRto * 100).toFixed(0)} % of outages last longer)`,
    ),
    ...f.busFactor.map(
      (b) =>
        `  ${f.name}: ${b.people === 0 ? "nobody in house" : "only one person"} can fix ${name.get(b.component) ?? b.component}`,
    ),
  ]);
  if (findings.length > 0) out.push("", "Recovery time and key people", ...findings);

  if (a.dataSets.length > 0) {
    out.push("", "Data and backups (3-2-1-1-0)");
    for (const d of a.dataSets) {
      out.push(`  ${d.name}: expected loss ${money(d.expectedAnnualLoss, cur)} a year`);
      for (const [key, ok] of Object.entries(d.checks)) out.push(`    [${ok ? "x" : " "}] ${CHECK_WORDS[key] ?? key}`);
      if (d.rpoBreaches.length > 0) {
        out.push(`    Recovery point missed after: ${d.rpoBreaches.join(", ")}`);
      }
    }
  }

  out.push("", "The plan: best money saved per money spent first");
  if (a.plan.length === 0) out.push("  nothing pays for itself at these costs of downtime");
  else {
    out.push(
      table(
        ["#", "Action", "Target", "Cost/yr", "Saves/yr", "Payback", "Loss after"],
        a.plan.map((p, i) => [
          String(i + 1),
          p.title,
          targetNames(p),
          money(p.annualizedCost, cur),
          money(p.annualBenefit, cur),
          p.paybackYears === null ? "never" : p.paybackYears < 1 / 12 ? "< 1 month" : `${p.paybackYears.toFixed(1)} yr`,
          money(p.expectedAnnualLossAfter, cur),
        ]),
        new Set([0, 3, 4, 5, 6]),
      ),
    );
  }
  const leftOut = (items: Assessment["overBudget"]) =>
    items.map((p) => `  ${p.title} (${targetNames(p)}): saves ${money(p.annualBenefit, cur)} for ${money(p.annualizedCost, cur)} a year`);
  if (a.overBudget.length > 0) {
    out.push("", a.budget === null ? "Worth it but over the budget" : `Worth it but over the budget of ${money(a.budget, cur)}`, ...leftOut(a.overBudget));
  }
  if (a.beyondItemLimit.length > 0) {
    out.push("", `Also worth it, after the plan's first ${a.plan.length} steps`, ...leftOut(a.beyondItemLimit));
  }
  if (a.notWorthIt.length > 0) {
    out.push("", "Not worth it at this cost of downtime");
    for (const p of a.notWorthIt) {
      const breakEven =
        p.breakEvenDowntimeCostPerHour !== null
          ? `worth it if an hour of downtime cost more than ${money(p.breakEvenDowntimeCostPerHour, cur)}`
          : `worth it if the losses it prevents were ${p.breakEvenLossMultiplier!.toFixed(1)} times larger`;
      out.push(
        `  ${p.title} (${targetNames(p)}): costs ${money(p.annualizedCost, cur)} a year, saves ${money(p.annualBenefit, cur)}; ${breakEven}`,
      );
    }
  }
  const unverified = a.assumptions.filter((x) => x.source.status === "U").length;
  if (a.assumptions.length > 0) {
    out.push(
      "",
      `Assumptions: ${a.assumptions.length} values were not given and use defaults (${unverified} assumed with no published figure); see --json "assumptions".`,
    );
  }
  return out.join("\n") + "\n";
}

/**
 * What "I don't know" means for each figure: the engine's default, in words, with where it comes
 * from. The numbers are read from lib/engine/defaults.ts, so the form and the engine never disagree.
 */
import {
  COMPONENT_DEFAULTS,
  LOSS_SCENARIO_DEFAULTS,
  ORGANIZATION_DEFAULTS,
  PERSON_AVAILABILITY_DEFAULT,
  type Source,
  type SourceStatus,
} from "@/lib/engine/defaults";
import type { ComponentKind, LossScenario } from "@/lib/engine/schema";

export const SOURCE_STATUS_LABELS: Readonly<Record<SourceStatus, string>> = {
  V: "published figure",
  S: "published figure, read in a summary",
  U: "assumed; no published figure",
};

export interface DefaultView {
  readonly value: number;
  /** The value in the unit the form shows (a percentage for chances and shares). */
  readonly display: string;
  readonly status: SourceStatus;
  readonly statusLabel: string;
  readonly citation: string;
  readonly note?: string;
}

function view(value: number, display: string, source: Source): DefaultView {
  return {
    value,
    display,
    status: source.status,
    statusLabel: SOURCE_STATUS_LABELS[source.status],
    citation: source.citation,
    ...(source.note ? { note: source.note } : {}),
  };
}

/** Rounds for reading, not for computing: 4.2857… hours shows as 4.3. */
export function roundForDisplay(value: number): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return String(Number(value.toFixed(digits)));
}

export function percent(value: number): string {
  return `${roundForDisplay(value * 100)} %`;
}

export function componentDefault(kind: ComponentKind, field: "failuresPerYear" | "repairHours"): DefaultView {
  const d = COMPONENT_DEFAULTS[kind];
  const value = d[field];
  const display = field === "failuresPerYear" ? `${roundForDisplay(value)} a year` : `${roundForDisplay(value)} hours`;
  return view(value, display, d.source);
}

export type OrganizationDefaultKey = keyof typeof ORGANIZATION_DEFAULTS;

export function organizationDefault(key: OrganizationDefaultKey): DefaultView {
  const d = ORGANIZATION_DEFAULTS[key];
  const display =
    key === "untestedRestoreFailure"
      ? percent(d.value)
      : key === "staffCostPerHour"
        ? `${roundForDisplay(d.value)} an hour`
        : `${roundForDisplay(d.value)} hours`;
  return view(d.value, display, d.source);
}

export function lossScenarioDefault(key: LossScenario): DefaultView {
  const d = LOSS_SCENARIO_DEFAULTS[key];
  return view(d.value, `${percent(d.value)} a year`, d.source);
}

export function availabilityDefault(): DefaultView {
  const d = PERSON_AVAILABILITY_DEFAULT;
  return view(d.value, percent(d.value), d.source);
}

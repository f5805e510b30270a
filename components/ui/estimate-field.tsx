"use client";
/**
 * A figure the owner may not know. "I don't know" leaves the answer out, so the engine's default
 * applies; the default is shown with where it comes from, and typing a figure replaces it.
 */
import { useState, type ReactNode } from "react";
import type { DefaultView } from "@/lib/questionnaire/defaults-view";
import { fieldId, NumberField } from "./field";

interface EstimateFieldProps {
  readonly path: string;
  readonly label: ReactNode;
  readonly value: number | undefined;
  readonly onChange: (value: number | undefined) => void;
  readonly fallback: DefaultView;
  readonly hint?: ReactNode;
  readonly error?: string;
  readonly unit?: string;
  readonly scale?: number;
  readonly disabled?: boolean;
}

/** "Default 1 a year: published figure, read in a summary. Uswitch/Opinium 2025 … (about 8 hours a year)." */
export function describeDefault(d: DefaultView): string {
  const citation = d.citation === d.statusLabel ? "" : ` Source: ${d.citation}.`;
  return `Default ${d.display}: ${d.statusLabel}.${citation}${d.note ? ` ${capitalize(d.note)}.` : ""}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function EstimateField(props: EstimateFieldProps) {
  const [wantsOwn, setWantsOwn] = useState(false);
  const unknown = props.value === undefined && !wantsOwn;
  const boxId = `${fieldId(props.path)}-unknown`;
  const sourceId = `${fieldId(props.path)}-source`;
  return (
    <div className="space-y-1">
      <NumberField
        path={props.path}
        label={props.label}
        value={props.value}
        onChange={(v) => {
          // Emptying the box to retype a figure must not tick "I don't know" and disable it.
          setWantsOwn(true);
          props.onChange(v);
        }}
        hint={props.hint}
        error={props.error}
        unit={props.unit}
        scale={props.scale}
        disabled={props.disabled || unknown}
        placeholder={unknown ? props.fallback.display.replace(/ (a year|hours|an hour)$/, "") : undefined}
      />
      <div className="flex items-start gap-2">
        <input
          id={boxId}
          type="checkbox"
          className="mt-1 h-4 w-4 accent-blue-700"
          checked={unknown}
          disabled={props.disabled}
          aria-describedby={sourceId}
          onChange={(e) => {
            if (e.target.checked) {
              setWantsOwn(false);
              props.onChange(undefined);
            } else setWantsOwn(true);
          }}
        />
        <label htmlFor={boxId} className="text-sm text-slate-800">
          I don&apos;t know: use {props.fallback.display}
        </label>
      </div>
      <p id={sourceId} className="text-xs text-slate-600">
        {wantsOwn && props.value === undefined ? `Until you type a figure, the default is used. ` : ""}
        {describeDefault(props.fallback)}
      </p>
    </div>
  );
}

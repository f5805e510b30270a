/**
 * A labelled input whose hint and error are tied to it for screen readers (aria-describedby,
 * aria-invalid). Uncontrolled, for forms posted to server actions.
 */
import type { InputHTMLAttributes } from "react";

interface FormFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly errors?: readonly string[];
  /** Distinguishes two forms with the same field names on one page. */
  readonly idPrefix?: string;
}

export const INPUT_CLASS =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-blue-700 focus:outline-none focus:ring-2 focus:ring-blue-700 aria-[invalid=true]:border-red-700";

export function FormField({ name, label, hint, errors, idPrefix = "f", className, ...input }: FormFieldProps) {
  const id = `${idPrefix}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ?? "space-y-1"}>
      <label htmlFor={id} className="block font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input id={id} name={name} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={errorId ? true : undefined} {...input} />
      {errorId ? (
        <p id={errorId} className="text-sm font-medium text-red-800">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

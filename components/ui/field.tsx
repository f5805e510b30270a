"use client";
/**
 * Form fields with their label, hint and error tied together for screen readers: the input gets
 * aria-describedby (hint, error) and aria-invalid; the error sits right under its field.
 */
import { useEffect, useId, useState, type ReactNode } from "react";

export function fieldId(path: string): string {
  return `f-${path.replace(/[^a-zA-Z0-9_-]+/g, "-")}`;
}

const inputClass =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-blue-700 focus:outline-none focus:ring-2 focus:ring-blue-700 disabled:bg-slate-100 disabled:text-slate-500 aria-[invalid=true]:border-red-700";

interface FieldShellProps {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string;
  readonly children: (describedBy: string | undefined) => ReactNode;
  readonly className?: string;
}

export function FieldShell({ id, label, hint, error, children, className }: FieldShellProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
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
      {children(describedBy)}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

export function FieldError({ id, message }: { id: string | undefined; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm font-medium text-red-800">
      {message}
    </p>
  );
}

interface TextFieldProps {
  readonly path: string;
  readonly label: ReactNode;
  readonly value: string | undefined;
  readonly onChange: (value: string) => void;
  readonly hint?: ReactNode;
  readonly error?: string;
  readonly type?: "text" | "date" | "email";
  readonly placeholder?: string;
  readonly disabled?: boolean;
  readonly autoComplete?: string;
  readonly multiline?: boolean;
}

export function TextField(props: TextFieldProps) {
  const id = fieldId(props.path);
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={props.error}>
      {(describedBy) =>
        props.multiline ? (
          <textarea
            id={id}
            name={props.path}
            className={`${inputClass} min-h-24`}
            value={props.value ?? ""}
            onChange={(e) => props.onChange(e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={props.error ? true : undefined}
            disabled={props.disabled}
            placeholder={props.placeholder}
          />
        ) : (
          <input
            id={id}
            name={props.path}
            type={props.type ?? "text"}
            className={inputClass}
            value={props.value ?? ""}
            onChange={(e) => props.onChange(e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={props.error ? true : undefined}
            disabled={props.disabled}
            placeholder={props.placeholder}
            autoComplete={props.autoComplete ?? "off"}
          />
        )
      }
    </FieldShell>
  );
}

/** What the number box shows for a stored value (a share shows as a percentage). */
export function numberText(value: number | undefined, scale: number): string {
  if (value === undefined) return "";
  return String(Number((value * scale).toPrecision(12)));
}

/** The stored value for what was typed: undefined when blank, NaN when it is not a number. */
export function parseNumberText(text: string, scale: number): number | undefined {
  const trimmed = text.trim().replace(/,/g, "");
  if (trimmed === "") return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n / scale : Number.NaN;
}

interface NumberFieldProps {
  readonly path: string;
  readonly label: ReactNode;
  readonly value: number | undefined;
  /** Called with undefined when the box is emptied. */
  readonly onChange: (value: number | undefined) => void;
  readonly hint?: ReactNode;
  readonly error?: string;
  readonly unit?: string;
  /** 100 for a share shown as a percentage. */
  readonly scale?: number;
  readonly disabled?: boolean;
  readonly placeholder?: string;
  readonly step?: string;
}

export function NumberField(props: NumberFieldProps) {
  const id = fieldId(props.path);
  const scale = props.scale ?? 1;
  const [text, setText] = useState(() => numberText(props.value, scale));
  const [typingError, setTypingError] = useState<string | undefined>();
  // Follow changes made elsewhere (a preset button, a reload) without fighting the user's typing.
  useEffect(() => {
    const typed = parseNumberText(text, scale);
    if (typed !== props.value && !(Number.isNaN(typed) && props.value === undefined)) {
      setText(numberText(props.value, scale));
      setTypingError(undefined);
    }
  }, [props.value, scale]);
  const error = typingError ?? props.error;
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={error}>
      {(describedBy) => (
        <div className="flex items-center gap-2">
          <input
            id={id}
            name={props.path}
            inputMode="decimal"
            className={`${inputClass} max-w-48`}
            value={text}
            placeholder={props.placeholder}
            onChange={(e) => {
              setText(e.target.value);
              const n = parseNumberText(e.target.value, scale);
              if (Number.isNaN(n)) setTypingError("Enter a number, such as 12 or 2.5");
              else {
                setTypingError(undefined);
                props.onChange(n);
              }
            }}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            disabled={props.disabled}
          />
          {props.unit ? <span className="text-slate-700">{props.unit}</span> : null}
        </div>
      )}
    </FieldShell>
  );
}

interface Option<T extends string> {
  readonly value: T;
  readonly label: string;
}

interface SelectFieldProps<T extends string> {
  readonly path: string;
  readonly label: ReactNode;
  readonly value: T | undefined;
  readonly options: readonly Option<T>[];
  readonly onChange: (value: T | undefined) => void;
  readonly hint?: ReactNode;
  readonly error?: string;
  /** Text of the empty choice; without it, no empty choice is offered once a value is set. */
  readonly emptyLabel?: string;
  readonly disabled?: boolean;
}

export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const id = fieldId(props.path);
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={props.error}>
      {(describedBy) => (
        <select
          id={id}
          name={props.path}
          className={inputClass}
          value={props.value ?? ""}
          onChange={(e) => props.onChange(e.target.value === "" ? undefined : (e.target.value as T))}
          aria-describedby={describedBy}
          aria-invalid={props.error ? true : undefined}
          disabled={props.disabled}
        >
          {props.value === undefined || props.emptyLabel ? <option value="">{props.emptyLabel ?? "Choose…"}</option> : null}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

interface ChoiceFieldProps<T extends string> {
  readonly path: string;
  readonly legend: ReactNode;
  readonly value: T | undefined;
  readonly options: ReadonlyArray<Option<T> & { hint?: string }>;
  readonly onChange: (value: T) => void;
  readonly hint?: ReactNode;
  readonly error?: string;
  readonly disabled?: boolean;
}

/** Radio buttons in a fieldset: arrow keys move between them, as the platform does. */
export function ChoiceField<T extends string>(props: ChoiceFieldProps<T>) {
  const id = fieldId(props.path);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend className="font-medium text-slate-900">{props.legend}</legend>
      {props.hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {props.hint}
        </p>
      ) : null}
      <div className="space-y-1">
        {props.options.map((o) => (
          <label key={o.value} className="flex items-start gap-2">
            <input
              type="radio"
              name={id}
              value={o.value}
              checked={props.value === o.value}
              onChange={() => props.onChange(o.value)}
              disabled={props.disabled}
              className="mt-1 h-4 w-4 accent-blue-700"
            />
            <span>
              {o.label}
              {o.hint ? <span className="block text-sm text-slate-600">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <FieldError id={errorId} message={props.error} />
    </fieldset>
  );
}

export function CheckboxField(props: {
  readonly path: string;
  readonly label: ReactNode;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly hint?: ReactNode;
  readonly disabled?: boolean;
}) {
  const id = fieldId(props.path);
  const hintId = props.hint ? `${id}-hint` : undefined;
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        aria-describedby={hintId}
        disabled={props.disabled}
        className="mt-1 h-4 w-4 accent-blue-700"
      />
      <label htmlFor={id}>
        {props.label}
        {props.hint ? (
          <span id={hintId} className="block text-sm text-slate-600">
            {props.hint}
          </span>
        ) : null}
      </label>
    </div>
  );
}

/** A stable id for markup that has no answer path. */
export function useFieldId(prefix: string): string {
  return `${prefix}-${useId().replace(/:/g, "")}`;
}

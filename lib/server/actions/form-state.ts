import type { FieldErrors } from "../../forms/schemas";
import { isAppError } from "../errors";

/** What every form action returns to `useActionState`: field errors, a form message, the typed values. */
export interface FormState {
  readonly errors?: FieldErrors;
  readonly message?: string;
  /** Typed values echoed back so a refused form keeps what the person wrote (never passwords). */
  readonly values?: Record<string, string>;
  /** Set by actions whose success stays on the page (such as a new invitation link). */
  readonly ok?: boolean;
  readonly data?: Record<string, string>;
}

export const EMPTY_FORM_STATE: FormState = {};

export function formValues(formData: FormData, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = formData.get(k);
    if (typeof v === "string") out[k] = v;
  }
  return out;
}

/**
 * An expected error as form state (field problems next to their fields); anything else is a bug:
 * logged, and shown as a generic message without details.
 */
export function formStateFromError(e: unknown, values?: Record<string, string>): FormState {
  if (isAppError(e)) {
    const errors: FieldErrors = {};
    for (const p of e.problems) (errors[p.path.split(/[.[]/)[0] || "form"] ??= []).push(p.message);
    return { errors: Object.keys(errors).length ? errors : undefined, message: e.message, values };
  }
  console.error(e);
  return { message: "Something went wrong on our side. Please try again.", values };
}

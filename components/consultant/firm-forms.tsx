"use client";
/** The firm's forms: create a firm, its branding, its logo. Field errors are tied to their inputs. */
import { useActionState } from "react";
import { createFirmAction, removeLogoAction, updateBrandingAction, uploadLogoAction } from "@/lib/server/actions/consultant";
import { EMPTY_FORM_STATE } from "@/lib/server/actions/form-state";
import { MAX_LOGO_UPLOAD_BYTES } from "@/lib/consultant/schemas";
import { FormField } from "../forms/form-field";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";

export function CreateFirmForm() {
  const [state, action] = useActionState(createFirmAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <FormField
        name="name"
        idPrefix="firm"
        label="Name of your firm"
        hint="Shown on the cover of every report you hand to a client."
        autoComplete="organization"
        required
        defaultValue={state.values?.name}
        errors={state.errors?.name}
      />
      <SubmitButton pendingText="Creating…">Create firm</SubmitButton>
    </form>
  );
}

export function BrandingForm({
  firmId,
  name,
  accentColor,
  contactLine,
  version,
}: {
  firmId: string;
  name: string;
  accentColor: string;
  contactLine: string;
  /** The branding as the page shows it (brandingVersion): a save from an older page is refused. */
  version: string;
}) {
  const [state, action] = useActionState(updateBrandingAction.bind(null, firmId), EMPTY_FORM_STATE);
  const values = state.values ?? { name, accentColor, contactLine };
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="version" value={version} />
      <FormField name="name" idPrefix="branding" label="Firm name" required defaultValue={values.name} errors={state.errors?.name} />
      <div className="flex items-end gap-3">
        <FormField
          name="accentColor"
          idPrefix="branding"
          label="Accent colour"
          hint='A # and six hexadecimal digits, such as "#0b6e4f". Used for headings and charts in the report.'
          required
          defaultValue={values.accentColor}
          errors={state.errors?.accentColor}
          className="flex-1 space-y-1"
        />
        <span aria-hidden="true" className="mb-1 inline-block h-10 w-10 rounded border border-slate-400" style={{ background: /^#[0-9a-fA-F]{6}$/u.test(accentColor) ? accentColor : undefined }} />
      </div>
      <FormField
        name="contactLine"
        idPrefix="branding"
        label="Contact line"
        hint="One line at the foot of every page, such as your email and phone number."
        defaultValue={values.contactLine}
        errors={state.errors?.contactLine}
      />
      <SubmitButton pendingText="Saving…">Save branding</SubmitButton>
      <FormMessage message={state.message} ok={state.ok} />
    </form>
  );
}

export function LogoForm({ firmId, hasLogo }: { firmId: string; hasLogo: boolean }) {
  const [state, action] = useActionState(uploadLogoAction.bind(null, firmId), EMPTY_FORM_STATE);
  const [removeState, removeAction] = useActionState(removeLogoAction.bind(null, firmId), EMPTY_FORM_STATE);
  const error = state.errors?.logo;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-3" noValidate>
        <div className="space-y-1">
          <label htmlFor="logo-file" className="block font-medium text-slate-900">
            Logo image
          </label>
          <p id="logo-hint" className="text-sm text-slate-600">
            A PNG or JPEG file of at most {MAX_LOGO_UPLOAD_BYTES / 1024} KB. Other files, SVG included, are refused.
          </p>
          <input
            id="logo-file"
            name="logo"
            type="file"
            accept="image/png,image/jpeg"
            required
            className="block"
            aria-describedby={error ? "logo-hint logo-error" : "logo-hint"}
            aria-invalid={error ? true : undefined}
          />
          {error ? (
            <p id="logo-error" className="text-sm font-medium text-red-800">
              {error.join(" ")}
            </p>
          ) : null}
        </div>
        <SubmitButton pendingText="Uploading…">Upload logo</SubmitButton>
        <FormMessage message={error ? undefined : state.message} ok={state.ok} />
      </form>
      {hasLogo ? (
        <form action={removeAction}>
          <SubmitButton variant="danger" pendingText="Removing…">
            Remove logo
          </SubmitButton>
          <FormMessage message={removeState.message} ok={removeState.ok} />
        </form>
      ) : null}
    </div>
  );
}

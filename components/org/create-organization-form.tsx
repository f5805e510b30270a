"use client";
import { useActionState } from "react";
import { createOrganizationAction } from "@/lib/server/actions/organization";
import { EMPTY_FORM_STATE } from "@/lib/server/actions/form-state";
import { FormField } from "../forms/form-field";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";

export function CreateOrganizationForm() {
  const [state, action] = useActionState(createOrganizationAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} />
      <FormField
        name="name"
        label="Name of the business"
        hint="The business you are assessing. You can assess more than one."
        autoComplete="organization"
        required
        defaultValue={state.values?.name}
        errors={state.errors?.name}
      />
      <SubmitButton pendingText="Creating…">Create organisation</SubmitButton>
    </form>
  );
}

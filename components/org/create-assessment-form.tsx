"use client";
import { useActionState } from "react";
import { createAssessmentAction } from "@/lib/server/actions/organization";
import { EMPTY_FORM_STATE } from "@/lib/server/actions/form-state";
import { FormField } from "../forms/form-field";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";

export function CreateAssessmentForm({ organizationId }: { organizationId: string }) {
  const [state, action] = useActionState(createAssessmentAction.bind(null, organizationId), EMPTY_FORM_STATE);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <FormField
        name="name"
        label="Name"
        idPrefix="new-assessment"
        defaultValue={state.values?.name ?? "Resilience assessment"}
        errors={state.errors?.name}
        className="min-w-64 flex-1 space-y-1"
      />
      <SubmitButton variant="secondary" pendingText="Starting…">
        Start another assessment
      </SubmitButton>
      <div className="w-full">
        <FormMessage message={state.errors ? undefined : state.message} />
      </div>
    </form>
  );
}

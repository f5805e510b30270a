"use client";
import { useActionState } from "react";
import { demoSignInAction } from "@/lib/server/actions/account";
import { EMPTY_FORM_STATE } from "@/lib/server/actions/form-state";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";

export function DemoButton() {
  const [state, action] = useActionState(demoSignInAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="space-y-2">
      <SubmitButton variant="secondary" pendingText="Opening the demo…">
        Try the demo
      </SubmitButton>
      <FormMessage message={state.message} />
    </form>
  );
}

"use client";
import { useActionState } from "react";
import { removeMemberAction, revokeInvitationAction } from "@/lib/server/actions/organization";
import { EMPTY_FORM_STATE } from "@/lib/server/actions/form-state";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";

export function RemoveMemberButton({ organizationId, userId, name }: { organizationId: string; userId: string; name: string }) {
  const [state, action] = useActionState(removeMemberAction.bind(null, organizationId, userId), EMPTY_FORM_STATE);
  return (
    <form action={action} className="space-y-1">
      <SubmitButton variant="danger" pendingText="Removing…">
        Remove<span className="sr-only"> {name}</span>
      </SubmitButton>
      {state.ok ? null : <FormMessage message={state.message} />}
    </form>
  );
}

export function RevokeInvitationButton({ organizationId, invitationId, label }: { organizationId: string; invitationId: string; label: string }) {
  const [state, action] = useActionState(revokeInvitationAction.bind(null, organizationId, invitationId), EMPTY_FORM_STATE);
  return (
    <form action={action} className="space-y-1">
      <SubmitButton variant="danger" pendingText="Revoking…">
        Revoke<span className="sr-only"> {label}</span>
      </SubmitButton>
      {state.ok ? null : <FormMessage message={state.message} />}
    </form>
  );
}

"use client";
import Link from "next/link";
import { useActionState } from "react";
import { acceptInvitationAction } from "@/lib/server/actions/organization";
import { EMPTY_FORM_STATE } from "@/lib/server/actions/form-state";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";

export function InvitationAccept({
  token,
  organizationName,
  roleLabel,
  signedInAs,
}: {
  token: string;
  organizationName: string;
  roleLabel: string;
  signedInAs: string | null;
}) {
  const [state, action] = useActionState(acceptInvitationAction.bind(null, token), EMPTY_FORM_STATE);
  const back = `/invite/${token}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-slate-900">Join {organizationName}</h1>
      <p className="text-slate-700">
        You are invited to join <strong>{organizationName}</strong> on Bulwark as a {roleLabel.toLowerCase()}.
      </p>
      {signedInAs ? (
        <form action={action} className="space-y-3">
          <p className="text-slate-700">You are signed in as {signedInAs}.</p>
          <SubmitButton pendingText="Joining…">Join {organizationName}</SubmitButton>
          <FormMessage message={state.message} />
        </form>
      ) : (
        <div className="flex flex-wrap gap-4">
          <Link href={`/sign-up?next=${encodeURIComponent(back)}`} className="rounded-md bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
            Create an account to join
          </Link>
          <Link href={`/sign-in?next=${encodeURIComponent(back)}`} className="rounded-md border border-slate-500 px-4 py-2 font-medium text-slate-900">
            Sign in to join
          </Link>
        </div>
      )}
    </div>
  );
}

"use client";
import { useActionState, useState } from "react";
import { createInvitationAction } from "@/lib/server/actions/organization";
import { EMPTY_FORM_STATE } from "@/lib/server/actions/form-state";
import { FormField, INPUT_CLASS } from "../forms/form-field";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";

export function InviteForm({ organizationId }: { organizationId: string }) {
  const [state, action] = useActionState(createInvitationAction.bind(null, organizationId), EMPTY_FORM_STATE);
  const roleError = state.errors?.role;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" noValidate>
        <div className="space-y-1">
          <label htmlFor="invite-role" className="block font-medium text-slate-900">
            Role
          </label>
          <p id="invite-role-hint" className="text-sm text-slate-600">
            A consultant can answer and change the questions; a viewer can only read.
          </p>
          <select
            id="invite-role"
            name="role"
            defaultValue={state.values?.role ?? "consultant"}
            className={INPUT_CLASS}
            aria-describedby={roleError ? "invite-role-hint invite-role-error" : "invite-role-hint"}
            aria-invalid={roleError ? true : undefined}
          >
            <option value="consultant">Consultant</option>
            <option value="viewer">Viewer</option>
          </select>
          {roleError ? (
            <p id="invite-role-error" className="text-sm font-medium text-red-800">
              {roleError.join(" ")}
            </p>
          ) : null}
        </div>
        <FormField
          name="email"
          idPrefix="invite"
          type="email"
          label="Their email (optional)"
          hint="If you fill this in, only someone signed in with this address can use the link."
          defaultValue={state.values?.email}
          errors={state.errors?.email}
        />
        <SubmitButton pendingText="Creating link…">Create invitation link</SubmitButton>
        <FormMessage message={state.message} ok={state.ok} />
      </form>
      {state.ok && state.data?.path ? <CopyableLink path={state.data.path} /> : null}
    </div>
  );
}

function CopyableLink({ path }: { path: string }) {
  const url = typeof window === "undefined" ? path : new URL(path, window.location.origin).toString();
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-1">
      <label htmlFor="invite-link" className="block font-medium text-slate-900">
        Invitation link
      </label>
      <div className="flex gap-2">
        <input id="invite-link" readOnly value={url} className={INPUT_CLASS} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="rounded-md border border-slate-500 bg-white px-3 py-2 font-medium text-slate-900 hover:bg-slate-100"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(url);
              setCopied(true);
            } catch {
              // Clipboard access can be refused (plain http); the field stays selectable by hand.
              setCopied(false);
            }
          }}
        >
          Copy
        </button>
      </div>
      <p role="status" className="text-sm text-slate-700">
        {copied ? "Copied." : ""}
      </p>
    </div>
  );
}

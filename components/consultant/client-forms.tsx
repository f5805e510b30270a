"use client";
/** Forms of the portfolio and client pages: add, rename, archive, invite, assess. */
import { useActionState, useState } from "react";
import {
  assessClientAction,
  createClientAction,
  inviteClientAction,
  renameClientAction,
  revokeClientInvitationAction,
  setClientArchivedAction,
} from "@/lib/server/actions/consultant";
import { EMPTY_FORM_STATE, type FormState } from "@/lib/server/actions/form-state";
import { FormField, INPUT_CLASS } from "../forms/form-field";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";

export function CreateClientForm({ firmId }: { firmId: string }) {
  const [state, action] = useActionState(createClientAction.bind(null, firmId), EMPTY_FORM_STATE);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <FormField
        name="name"
        idPrefix="client"
        label="New client's business name"
        autoComplete="off"
        required
        defaultValue={state.values?.name}
        errors={state.errors?.name}
        className="min-w-64 flex-1 space-y-1"
      />
      <SubmitButton pendingText="Adding…">Add client</SubmitButton>
      <div className="w-full">
        <FormMessage message={state.errors ? undefined : state.message} ok={state.ok} />
      </div>
    </form>
  );
}

export function RenameClientForm({ organizationId, name }: { organizationId: string; name: string }) {
  const [state, action] = useActionState(renameClientAction.bind(null, organizationId), EMPTY_FORM_STATE);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <FormField
        name="name"
        idPrefix="rename"
        label="Client's business name"
        required
        defaultValue={state.values?.name ?? name}
        errors={state.errors?.name}
        className="min-w-64 flex-1 space-y-1"
      />
      <SubmitButton variant="secondary" pendingText="Renaming…">
        Rename
      </SubmitButton>
      <div className="w-full">
        <FormMessage message={state.errors ? undefined : state.message} ok={state.ok} />
      </div>
    </form>
  );
}

export function ArchiveClientForm({ organizationId, isArchived }: { organizationId: string; isArchived: boolean }) {
  const [state, action] = useActionState(setClientArchivedAction.bind(null, organizationId, !isArchived), EMPTY_FORM_STATE);
  return (
    <form action={action} className="space-y-2">
      <SubmitButton variant={isArchived ? "secondary" : "danger"} pendingText={isArchived ? "Unarchiving…" : "Archiving…"}>
        {isArchived ? "Unarchive client" : "Archive client"}
      </SubmitButton>
      <FormMessage message={state.message} ok={state.ok} />
    </form>
  );
}

export function AssessForm({ organizationId, assessmentId, version, label = "Assess now" }: { organizationId: string; assessmentId: string; version: number; label?: string }) {
  const [state, action] = useActionState(assessClientAction.bind(null, organizationId, assessmentId), EMPTY_FORM_STATE);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="version" value={version} />
      <SubmitButton pendingText="Calculating…">{label}</SubmitButton>
      <FormMessage message={state.message} ok={state.ok} />
      {state.errors ? <ProblemList state={state} /> : null}
    </form>
  );
}

function ProblemList({ state }: { state: FormState }) {
  const entries = Object.entries(state.errors ?? {});
  return (
    <ul className="list-disc pl-6 text-sm text-red-900">
      {entries.flatMap(([path, messages]) => (messages ?? []).map((m, i) => <li key={`${path}-${i}`}>{path === "form" ? m : `${path}: ${m}`}</li>))}
    </ul>
  );
}

export function InviteClientForm({ organizationId }: { organizationId: string }) {
  const [state, action] = useActionState(inviteClientAction.bind(null, organizationId), EMPTY_FORM_STATE);
  const roleError = state.errors?.role;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" noValidate>
        <div className="space-y-1">
          <label htmlFor="client-invite-role" className="block font-medium text-slate-900">
            Invite as
          </label>
          <p id="client-invite-role-hint" className="text-sm text-slate-600">
            The client&apos;s owner can manage their own people and edit the answers; a viewer can only read.
          </p>
          <select
            id="client-invite-role"
            name="role"
            defaultValue={state.values?.role ?? "owner"}
            className={INPUT_CLASS}
            aria-describedby={roleError ? "client-invite-role-hint client-invite-role-error" : "client-invite-role-hint"}
            aria-invalid={roleError ? true : undefined}
          >
            <option value="owner">Owner</option>
            <option value="viewer">Viewer</option>
          </select>
          {roleError ? (
            <p id="client-invite-role-error" className="text-sm font-medium text-red-800">
              {roleError.join(" ")}
            </p>
          ) : null}
        </div>
        <FormField
          name="email"
          idPrefix="client-invite"
          type="email"
          label="Their email (optional)"
          hint="If you fill this in, only someone signed in with this address can use the link."
          defaultValue={state.values?.email}
          errors={state.errors?.email}
        />
        <SubmitButton pendingText="Creating link…">Create invitation link</SubmitButton>
        <FormMessage message={state.errors ? undefined : state.message} ok={state.ok} />
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
      <label htmlFor="client-invite-link" className="block font-medium text-slate-900">
        Invitation link
      </label>
      <div className="flex gap-2">
        <input id="client-invite-link" readOnly value={url} className={INPUT_CLASS} onFocus={(e) => e.currentTarget.select()} />
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

export function RevokeInvitationButton({ organizationId, invitationId, label }: { organizationId: string; invitationId: string; label: string }) {
  const [state, action] = useActionState(revokeClientInvitationAction.bind(null, organizationId, invitationId), EMPTY_FORM_STATE);
  return (
    <form action={action} className="inline">
      <SubmitButton variant="secondary" pendingText="Revoking…" className="px-2 py-1 text-sm">
        Revoke<span className="sr-only"> {label}</span>
      </SubmitButton>
      <FormMessage message={state.ok ? undefined : state.message} />
    </form>
  );
}

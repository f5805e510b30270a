"use client";
import Link from "next/link";
import { useActionState } from "react";
import { signInAction } from "@/lib/server/actions/account";
import { EMPTY_FORM_STATE } from "@/lib/server/actions/form-state";
import { FormField } from "../forms/form-field";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";

export function SignInForm({ next }: { next?: string }) {
  const [state, action] = useActionState(signInAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="next" value={next ?? "/orgs"} />
      <FormField name="email" label="Email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={state.errors?.email} />
      <FormField name="password" label="Password" type="password" autoComplete="current-password" required errors={state.errors?.password} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      <p className="text-slate-700">
        New here?{" "}
        <Link className="text-blue-800 underline" href={next ? `/sign-up?next=${encodeURIComponent(next)}` : "/sign-up"}>
          Create an account
        </Link>
      </p>
    </form>
  );
}

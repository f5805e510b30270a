"use client";
import Link from "next/link";
import { useActionState } from "react";
import { signUpAction } from "@/lib/server/actions/account";
import { EMPTY_FORM_STATE } from "@/lib/server/actions/form-state";
import { FormField } from "../forms/form-field";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";

export function SignUpForm({ next }: { next?: string }) {
  const [state, action] = useActionState(signUpAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="next" value={next ?? "/orgs"} />
      <FormField name="name" label="Your name" autoComplete="name" required defaultValue={state.values?.name} errors={state.errors?.name} />
      <FormField name="email" label="Email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={state.errors?.email} />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters. A short sentence is easy to remember and hard to guess."
        errors={state.errors?.password}
      />
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
      <p className="text-slate-700">
        Already have an account?{" "}
        <Link className="text-blue-800 underline" href={next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in"}>
          Sign in
        </Link>
      </p>
    </form>
  );
}

"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { fieldErrorsOf, SignInSchema, SignUpSchema } from "../../forms/schemas";
import { listAssessments, listMyOrganizations } from "../access";
import { getAuth } from "../auth";
import { DEMO_EMAIL, DEMO_ORGANIZATION, DEMO_PASSWORD } from "../demo";
import { getEnv } from "../env";
import { safeReturnPath } from "../next/session";
import { formValues, type FormState } from "./form-state";

interface AuthFailure {
  readonly statusCode?: number;
  readonly body?: { code?: string; message?: string };
}

function authFailure(e: unknown): AuthFailure | null {
  if (e && typeof e === "object" && "statusCode" in e) return e as AuthFailure;
  return null;
}

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["name", "email"]);
  const parsed = SignUpSchema.safeParse({
    name: formData.get("name"),
    email: formData.get("email"),
    password: formData.get("password"),
  });
  if (!parsed.success) return { errors: fieldErrorsOf(parsed.error), message: "Please correct the highlighted fields.", values };
  try {
    await getAuth().api.signUpEmail({ body: parsed.data, headers: await headers() });
  } catch (e) {
    const f = authFailure(e);
    if (f?.statusCode === 422 || f?.body?.code?.startsWith("USER_ALREADY_EXISTS")) {
      return { errors: { email: ["An account with this email already exists. Sign in instead."] }, values };
    }
    if (f?.statusCode === 400) return { errors: { password: [f.body?.message ?? "This password cannot be used."] }, values };
    if (f?.statusCode === 429) return { message: "Too many attempts. Wait a minute and try again.", values };
    console.error("sign-up failed", e);
    return { message: "Something went wrong on our side. Please try again.", values };
  }
  redirect(safeReturnPath(formData.get("next")));
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["email"]);
  const parsed = SignInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { errors: fieldErrorsOf(parsed.error), message: "Please correct the highlighted fields.", values };
  try {
    await getAuth().api.signInEmail({ body: parsed.data, headers: await headers() });
  } catch (e) {
    const f = authFailure(e);
    if (f?.statusCode === 401 || f?.statusCode === 400) return { message: "That email and password do not match an account.", values };
    if (f?.statusCode === 429) return { message: "Too many attempts. Wait a minute and try again.", values };
    console.error("sign-in failed", e);
    return { message: "Something went wrong on our side. Please try again.", values };
  }
  redirect(safeReturnPath(formData.get("next")));
}

export async function signOutAction(): Promise<void> {
  try {
    await getAuth().api.signOut({ headers: await headers() });
  } catch (e) {
    // An already-ended session is the goal of signing out; nothing to report.
    if (!authFailure(e)) throw e;
  }
  redirect("/");
}

/** "Try the demo": sign in as the shared demo account and open the demo results. */
export async function demoSignInAction(): Promise<FormState> {
  if (getEnv().BULWARK_DEMO !== "on") return { message: "The demo is switched off on this server." };
  let target = "/orgs";
  try {
    const res = await getAuth().api.signInEmail({ body: { email: DEMO_EMAIL, password: DEMO_PASSWORD }, headers: await headers() });
    const actor = { userId: res.user.id };
    const orgs = await listMyOrganizations(actor);
    const org = orgs.find((o) => o.name === DEMO_ORGANIZATION) ?? orgs[0];
    if (org) {
      const [assessment] = await listAssessments(actor, { organizationId: org.id });
      target = assessment ? `/org/${org.id}/assessment/${assessment.id}/results` : `/org/${org.id}`;
    }
  } catch (e) {
    if (authFailure(e)) return { message: "The demo account is not set up on this server (run npm run db:seed)." };
    throw e;
  }
  redirect(target);
}

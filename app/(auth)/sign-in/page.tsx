import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthPage } from "@/components/account/auth-page";
import { SignInForm } from "@/components/account/sign-in-form";
import { currentSession, safeReturnPath } from "@/lib/server/next/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function Page({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeReturnPath((await searchParams).next);
  if (await currentSession()) redirect(next);
  return (
    <AuthPage title="Sign in" intro="Welcome back.">
      <SignInForm next={next} />
    </AuthPage>
  );
}

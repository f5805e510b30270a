import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthPage } from "@/components/account/auth-page";
import { SignUpForm } from "@/components/account/sign-up-form";
import { currentSession, safeReturnPath } from "@/lib/server/next/session";

export const metadata: Metadata = { title: "Create an account" };

export default async function Page({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeReturnPath((await searchParams).next);
  if (await currentSession()) redirect(next);
  return (
    <AuthPage title="Create an account" intro="Your answers are stored on this server only.">
      <SignUpForm next={next} />
    </AuthPage>
  );
}

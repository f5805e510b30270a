import type { Metadata } from "next";
import { InvitationPage } from "@/components/org/invitation-page";

export const metadata: Metadata = { title: "Invitation" };

export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  return <InvitationPage token={(await params).token} />;
}

import type { Metadata } from "next";
import { Dashboard } from "@/components/org/dashboard";
import { can } from "@/lib/roles";
import { listAssessments } from "@/lib/server/access";
import { loadForPage, loadOrganization, requireSession } from "@/lib/server/next/session";

export const metadata: Metadata = { title: "Assessments" };

export default async function Page({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const actor = await requireSession(`/org/${orgId}`);
  const [org, assessments] = await loadForPage(() =>
    Promise.all([loadOrganization(actor, { organizationId: orgId }), listAssessments(actor, { organizationId: orgId })]),
  );
  return <Dashboard organizationId={org.id} assessments={assessments} canCreate={can(org.role, "createAssessment")} />;
}

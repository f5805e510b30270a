import type { Metadata } from "next";
import { AssessmentResults } from "@/components/assessment/assessment-results";
import { can } from "@/lib/roles";
import { getLatestResult } from "@/lib/server/access";
import { loadAssessmentSummary, loadForPage, requireSession } from "@/lib/server/next/session";

export const metadata: Metadata = { title: "Results" };

export default async function Page({ params }: { params: Promise<{ orgId: string; assessmentId: string }> }) {
  const { orgId, assessmentId } = await params;
  const actor = await requireSession(`/org/${orgId}/assessment/${assessmentId}/results`);
  const ids = { organizationId: orgId, assessmentId };
  const [a, latest] = await loadForPage(() => Promise.all([loadAssessmentSummary(actor, ids), getLatestResult(actor, ids)]));
  return (
    <AssessmentResults
      organizationId={a.organizationId}
      assessmentId={a.id}
      name={a.name}
      version={a.version}
      canCalculate={can(a.role, "completeAssessment")}
      latest={latest}
    />
  );
}

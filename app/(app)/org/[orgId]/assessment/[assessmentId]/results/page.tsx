import type { Metadata } from "next";
import { ResultsSummary } from "@/components/assessment/results-summary";
import { getAssessment, getLatestResult } from "@/lib/server/access";
import { loadForPage, requireSession } from "@/lib/server/next/session";

export const metadata: Metadata = { title: "Results" };

export default async function Page({ params }: { params: Promise<{ orgId: string; assessmentId: string }> }) {
  const { orgId, assessmentId } = await params;
  const actor = await requireSession(`/org/${orgId}/assessment/${assessmentId}/results`);
  const ids = { organizationId: orgId, assessmentId };
  const [a, latest] = await loadForPage(() => Promise.all([getAssessment(actor, ids), getLatestResult(actor, ids)]));
  return <ResultsSummary organizationId={a.organizationId} assessmentId={a.id} name={a.name} latest={latest} />;
}

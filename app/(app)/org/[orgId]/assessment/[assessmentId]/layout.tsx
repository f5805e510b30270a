import type { ReactNode } from "react";
import { loadAssessmentSummary, loadForPage, requireSession } from "@/lib/server/next/session";

/**
 * The assessment must exist in this organisation before anything streams: the pages below have
 * loading skeletons, and once a skeleton is sent the status is 200 whatever follows, so another
 * organisation's (or an unknown) assessment id would answer "200, not found" instead of 404.
 * A layout renders before its segment's loading boundary, so its notFound() sets the status.
 */
export default async function AssessmentLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string; assessmentId: string }> }) {
  const { orgId, assessmentId } = await params;
  const actor = await requireSession(`/org/${orgId}`);
  await loadForPage(() => loadAssessmentSummary(actor, { organizationId: orgId, assessmentId }));
  return children;
}

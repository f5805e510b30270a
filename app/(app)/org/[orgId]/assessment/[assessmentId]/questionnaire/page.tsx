import type { Metadata } from "next";
import { QuestionnairePlaceholder } from "@/components/assessment/questionnaire-placeholder";
import { formatDate } from "@/components/org/format";
import { getAssessment, getLatestResult } from "@/lib/server/access";
import { loadForPage, requireSession } from "@/lib/server/next/session";

export const metadata: Metadata = { title: "Questions" };

function count(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

export default async function Page({ params }: { params: Promise<{ orgId: string; assessmentId: string }> }) {
  const { orgId, assessmentId } = await params;
  const actor = await requireSession(`/org/${orgId}/assessment/${assessmentId}/questionnaire`);
  const ids = { organizationId: orgId, assessmentId };
  const [a, latest] = await loadForPage(() => Promise.all([getAssessment(actor, ids), getLatestResult(actor, ids)]));
  return (
    <QuestionnairePlaceholder
      organizationId={a.organizationId}
      assessmentId={a.id}
      name={a.name}
      version={a.version}
      updatedAt={formatDate(a.updatedAt)}
      canEdit={a.canEdit}
      hasResult={latest !== null}
      counts={{
        components: count(a.inventory.components),
        functions: count(a.inventory.functions),
        dataSets: count(a.inventory.dataSets),
        people: count(a.inventory.people),
      }}
    />
  );
}

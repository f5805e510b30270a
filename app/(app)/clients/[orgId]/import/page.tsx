import type { Metadata } from "next";
import Link from "next/link";
import { CsvImport, ImportJsonForm } from "@/components/consultant/import-forms";
import { Card, Notice } from "@/components/ui/card";
import { getClient } from "@/lib/server/clients";
import { NotFoundError } from "@/lib/server/errors";
import { loadForPage, requireSession } from "@/lib/server/next/session";

export const metadata: Metadata = { title: "Import" };

export default async function Page({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ orgId }, query] = await Promise.all([params, searchParams]);
  const actor = await requireSession(`/clients/${orgId}/import`);
  const client = await loadForPage(() => getClient(actor, { organizationId: orgId }));
  const wanted = typeof query.assessment === "string" ? query.assessment : undefined;
  const assessment = await loadForPage(async () => {
    const found = wanted ? client.assessments.find((a) => a.id === wanted) : client.assessments[0];
    if (!found) throw new NotFoundError("That assessment");
    return found;
  });
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="print:hidden">
        <Link href={`/clients/${client.id}`} className="text-blue-800 underline">
          ← {client.name}
        </Link>
      </nav>
      <h1 className="text-3xl font-bold text-slate-900">Import into {client.name}</h1>
      {!client.access.canWrite ? (
        <Notice tone="warning">
          {client.access.isArchived ? "This client is archived: unarchive it before importing." : "Your role lets you read this client but not import into it."}
        </Notice>
      ) : (
        <>
          <p className="text-slate-700">
            Into the draft of &ldquo;{assessment.name}&rdquo; (version {assessment.version}). An import is all or nothing: a file with any problem changes nothing, and the
            problems are listed with where they are.
          </p>
          <Card title="An inventory file (JSON)" level={2}>
            <ImportJsonForm organizationId={client.id} assessmentId={assessment.id} version={assessment.version} />
          </Card>
          <Card title="Components from a device list (CSV)" level={2}>
            <CsvImport organizationId={client.id} assessmentId={assessment.id} version={assessment.version} />
          </Card>
        </>
      )}
    </div>
  );
}

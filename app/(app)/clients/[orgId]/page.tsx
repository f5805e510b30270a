import type { Metadata } from "next";
import Link from "next/link";
import { ArchiveClientForm, AssessForm, InviteClientForm, RenameClientForm, RevokeInvitationButton } from "@/components/consultant/client-forms";
import { ClientSwitcher } from "@/components/consultant/client-switcher";
import { dateTime, shortDate } from "@/components/consultant/format";
import { HistorySection } from "@/components/consultant/history-section";
import { Card, Notice } from "@/components/ui/card";
import { openQuestionsAction } from "@/lib/server/actions/consultant";
import { getClient, listClientInvitations, listClients } from "@/lib/server/clients";
import { isAppError } from "@/lib/server/errors";
import { compareSnapshots, listSnapshots, type SnapshotComparison } from "@/lib/server/history";
import { loadForPage, requireSession } from "@/lib/server/next/session";
import { ROLE_LABELS } from "@/lib/roles";

export const metadata: Metadata = { title: "Client" };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function Page({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<SearchParams> }) {
  const [{ orgId }, query] = await Promise.all([params, searchParams]);
  const actor = await requireSession(`/clients/${orgId}`);
  const [client, snapshots] = await loadForPage(() => Promise.all([getClient(actor, { organizationId: orgId }), listSnapshots(actor, { organizationId: orgId })]));
  const { access } = client;
  const [siblings, invitations] = await Promise.all([
    client.firm ? listClients(actor, { firmId: client.firm.id }) : Promise.resolve([]),
    access.canManage ? listClientInvitations(actor, { organizationId: client.id }) : Promise.resolve([]),
  ]);

  // The two chosen for comparison, else the latest two.
  const from = one(query.from);
  const to = one(query.to);
  let comparison: SnapshotComparison | null = null;
  let compareError: string | undefined;
  const pair = from && to ? [from, to] : snapshots.length >= 2 ? [snapshots[snapshots.length - 2]!.id, snapshots[snapshots.length - 1]!.id] : null;
  if (pair) {
    try {
      comparison = await compareSnapshots(actor, { organizationId: client.id, snapshotIds: pair });
    } catch (e) {
      if (!isAppError(e)) throw e;
      compareError = e.message;
    }
  }

  const assessment = client.assessments[0];
  const latest = snapshots[snapshots.length - 1];
  const isStale = latest && assessment && (latest.assessmentId !== assessment.id || latest.assessmentVersion !== assessment.version);
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <nav aria-label="Breadcrumb" className="print:hidden" data-print-hide>
          <Link href={client.firm ? `/portfolio?firm=${client.firm.id}` : "/portfolio"} className="text-blue-800 underline">
            ← Client portfolio
          </Link>
        </nav>
        <h1 className="text-3xl font-bold text-slate-900">{client.name}</h1>
        <p className="text-slate-700">
          {client.firm ? `Client of ${client.firm.name}` : "Your organisation"}
          {access.orgRole ? ` · your role here: ${ROLE_LABELS[access.orgRole]}` : ""}
          {` · added ${shortDate(client.createdAt)}`}
        </p>
        {access.isArchived ? (
          <Notice tone="warning">
            This client is archived{client.archivedAt ? ` since ${shortDate(client.archivedAt)}` : ""}: its history and reports stay readable; unarchive it to change anything.
          </Notice>
        ) : null}
        {siblings.length > 1 ? <ClientSwitcher clients={siblings} currentId={client.id} /> : null}
      </div>

      {assessment ? (
        <Card title="Assessment" level={2}>
          <p className="text-slate-700">
            {assessment.name}: draft version {assessment.version}, last saved {dateTime(assessment.updatedAt)}.
            {latest ? ` Last assessed ${dateTime(latest.createdAt)}.` : " Not assessed yet."}
          </p>
          {isStale && !access.isArchived ? <Notice tone="info">The answers changed since the last assessment: assess again to see the new figures.</Notice> : null}
          <div className="flex flex-wrap items-start gap-4 print:hidden">
            {!access.isArchived ? (
              <form action={openQuestionsAction.bind(null, client.id, assessment.id)}>
                <button type="submit" className="rounded-md border border-slate-500 bg-white px-3 py-2 font-medium text-slate-900 hover:bg-slate-100">
                  {access.canWrite ? "Open the questions" : "Read the answers"}
                </button>
              </form>
            ) : null}
            {access.canWrite ? <AssessForm organizationId={client.id} assessmentId={assessment.id} version={assessment.version} label={latest ? "Re-assess" : "Assess now"} /> : null}
          </div>
          <ul className="flex flex-wrap gap-4 print:hidden">
            <li>
              <a href={`/api/org/${client.id}/assessments/${assessment.id}/inventory`} download className="text-blue-800 underline">
                Export the inventory (JSON)
              </a>
            </li>
            {access.canWrite ? (
              <li>
                <Link href={`/clients/${client.id}/import?assessment=${assessment.id}`} className="text-blue-800 underline">
                  Import an inventory or a device list
                </Link>
              </li>
            ) : null}
            {latest && !access.isArchived ? (
              <li>
                <Link href={`/org/${client.id}/assessment/${latest.assessmentId}/results`} className="text-blue-800 underline">
                  See the full results
                </Link>
              </li>
            ) : null}
          </ul>
        </Card>
      ) : null}

      <HistorySection organizationId={client.id} snapshots={snapshots} comparison={comparison} from={from} to={to} compareError={compareError} />

      {access.canManage ? (
        <section aria-labelledby="manage-heading" className="space-y-4 print:hidden" data-print-hide>
          <h2 id="manage-heading" className="text-2xl font-bold text-slate-900">
            Manage the client
          </h2>
          <Card title="Name" level={3}>
            <RenameClientForm organizationId={client.id} name={client.name} />
          </Card>
          {!access.isArchived ? (
            <Card title="Invite the client's people" level={3}>
              <InviteClientForm organizationId={client.id} />
              {invitations.length > 0 ? (
                <div className="space-y-2">
                  <h4 className="font-semibold">Open invitations</h4>
                  <ul className="space-y-2">
                    {invitations.map((inv) => {
                      const label = `${ROLE_LABELS[inv.role]} invitation${inv.email ? ` for ${inv.email}` : ""}`;
                      return (
                        <li key={inv.id} className="flex flex-wrap items-center gap-3">
                          <span>
                            {label}, until {shortDate(inv.expiresAt)}
                          </span>
                          <RevokeInvitationButton organizationId={client.id} invitationId={inv.id} label={label} />
                        </li>
                      );
                    })}
                  </ul>
                </div>
              ) : null}
            </Card>
          ) : null}
          <Card title={access.isArchived ? "Unarchive" : "Archive"} level={3}>
            <p className="text-slate-700">
              {access.isArchived
                ? "Bring the client back into the portfolio and let its people in again."
                : "Hide the client from the portfolio and from its own people's lists. Nothing is deleted; you can unarchive it at any time."}
            </p>
            <ArchiveClientForm organizationId={client.id} isArchived={access.isArchived} />
          </Card>
        </section>
      ) : null}
    </div>
  );
}

import type { Metadata } from "next";
import { MembersPage } from "@/components/org/members-page";
import { can } from "@/lib/roles";
import { listInvitations, listMembers } from "@/lib/server/access";
import { loadForPage, loadOrganization, requireSession } from "@/lib/server/next/session";

export const metadata: Metadata = { title: "Members" };

export default async function Page({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const actor = await requireSession(`/org/${orgId}/members`);
  const ids = { organizationId: orgId };
  const org = await loadForPage(() => loadOrganization(actor, ids));
  const canManage = can(org.role, "manageMembers");
  const [members, invitations] = await loadForPage(() =>
    Promise.all([listMembers(actor, ids), canManage ? listInvitations(actor, ids) : Promise.resolve(null)]),
  );
  return <MembersPage organizationId={org.id} members={members} invitations={invitations} canManage={canManage} currentUserId={actor.userId} />;
}

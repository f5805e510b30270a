import type { ReactNode } from "react";
import { OrgNav } from "@/components/org/org-nav";
import { loadForPage, loadOrganization, requireSession } from "@/lib/server/next/session";

export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const actor = await requireSession(`/org/${orgId}`);
  const org = await loadForPage(() => loadOrganization(actor, { organizationId: orgId }));
  return (
    <>
      <OrgNav organizationId={org.id} name={org.name} role={org.role} />
      {children}
    </>
  );
}

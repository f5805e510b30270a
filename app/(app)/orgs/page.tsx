import type { Metadata } from "next";
import { OrganizationList } from "@/components/org/organization-list";
import { listMyOrganizations } from "@/lib/server/access";
import { requireSession } from "@/lib/server/next/session";

export const metadata: Metadata = { title: "Organisations" };

export default async function Page() {
  const actor = await requireSession("/orgs");
  return <OrganizationList organizations={await listMyOrganizations(actor)} />;
}

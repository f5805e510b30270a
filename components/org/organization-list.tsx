import Link from "next/link";
import type { OrganizationSummary } from "@/lib/server/access";
import { ROLE_LABELS } from "@/lib/roles";
import { CreateOrganizationForm } from "./create-organization-form";

export function OrganizationList({ organizations }: { organizations: readonly OrganizationSummary[] }) {
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold text-slate-900">Your organisations</h1>
      {organizations.length === 0 ? (
        <p className="text-slate-700">You are not part of any organisation yet. Create one for your business below, or open an invitation link you were sent.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-300 bg-white">
          {organizations.map((o) => (
            <li key={o.id} className="flex items-center justify-between px-4 py-3">
              <Link href={`/org/${o.id}`} className="font-medium text-blue-800 underline">
                {o.name}
              </Link>
              <span className="text-sm text-slate-700">{ROLE_LABELS[o.role]}</span>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-org" className="max-w-md space-y-3">
        <h2 id="new-org" className="text-xl font-bold text-slate-900">
          New organisation
        </h2>
        <CreateOrganizationForm />
      </section>
    </div>
  );
}

import Link from "next/link";
import { ROLE_LABELS, type Role } from "@/lib/roles";

export function OrgNav({ organizationId, name, role }: { organizationId: string; name: string; role: Role }) {
  return (
    <div className="space-y-2 border-b border-slate-300 pb-3">
      <p className="text-sm text-slate-700">
        Organisation · your role: {ROLE_LABELS[role]}
      </p>
      <p className="text-xl font-bold text-slate-900">{name}</p>
      <nav aria-label="Organisation" className="flex gap-4 print:hidden" data-print-hide>
        <Link href={`/org/${organizationId}`} className="text-blue-800 underline">
          Assessments
        </Link>
        <Link href={`/org/${organizationId}/members`} className="text-blue-800 underline">
          Members
        </Link>
      </nav>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { CreateFirmForm } from "@/components/consultant/firm-forms";
import { Card } from "@/components/ui/card";
import { FIRM_ROLE_LABELS } from "@/lib/consultant/schemas";
import { listMyFirms } from "@/lib/server/firms";
import { requireSession } from "@/lib/server/next/session";

export const metadata: Metadata = { title: "Consultant firms" };

export default async function Page() {
  const actor = await requireSession("/firm");
  const firms = await listMyFirms(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-slate-900">Your consultant firms</h1>
      <p className="text-slate-700">
        A firm assesses client businesses and hands each a report with its own name, logo and colour on it.
      </p>
      {firms.length === 0 ? (
        <p className="text-slate-700">You are not part of a firm yet. Create one to manage clients.</p>
      ) : (
        <ul className="space-y-3">
          {firms.map((f) => (
            <li key={f.id} className="rounded-md border border-slate-300 bg-white p-4">
              <h2 className="text-lg font-bold text-slate-900">{f.name}</h2>
              <p className="text-sm text-slate-700">Your role: {FIRM_ROLE_LABELS[f.role]}</p>
              <div className="mt-2 flex flex-wrap gap-4">
                <Link href={`/portfolio?firm=${f.id}`} className="text-blue-800 underline">
                  Client portfolio<span className="sr-only"> of {f.name}</span>
                </Link>
                <Link href={`/firm/${f.id}`} className="text-blue-800 underline">
                  Branding<span className="sr-only"> of {f.name}</span>
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Card title="Create a firm" level={2}>
        <CreateFirmForm />
      </Card>
    </div>
  );
}

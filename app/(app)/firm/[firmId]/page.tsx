import type { Metadata } from "next";
import Link from "next/link";
import { BrandingForm, LogoForm } from "@/components/consultant/firm-forms";
import { Card } from "@/components/ui/card";
import { FIRM_ROLE_LABELS, firmCan } from "@/lib/consultant/schemas";
import { getFirm } from "@/lib/server/firms";
import { loadForPage, requireSession } from "@/lib/server/next/session";

export const metadata: Metadata = { title: "Firm branding" };

export default async function Page({ params }: { params: Promise<{ firmId: string }> }) {
  const { firmId } = await params;
  const actor = await requireSession(`/firm/${firmId}`);
  const firm = await loadForPage(() => getFirm(actor, { firmId }));
  const canEdit = firmCan(firm.role, "manageBranding");
  const logoSrc = `/firm/${firm.id}/logo?v=${firm.logoUpdatedAt?.getTime() ?? 0}`;
  return (
    <div className="space-y-6">
      <nav aria-label="Firm" className="flex gap-4 print:hidden" data-print-hide>
        <Link href="/firm" className="text-blue-800 underline">
          All firms
        </Link>
        <Link href={`/portfolio?firm=${firm.id}`} className="text-blue-800 underline">
          Client portfolio
        </Link>
      </nav>
      <h1 className="text-3xl font-bold text-slate-900">{firm.name}: branding</h1>
      <p className="text-slate-700">
        Your role: {FIRM_ROLE_LABELS[firm.role]}. The name, logo, accent colour and contact line appear on every PDF report of the firm&apos;s clients.
      </p>
      <Card title="Logo" level={2}>
        {firm.hasLogo ? (
          <img src={logoSrc} alt={`Logo of ${firm.name}`} className="max-h-24 max-w-xs border border-slate-200 bg-white p-2" />
        ) : (
          <p className="text-slate-700">No logo yet: reports show the firm&apos;s name instead.</p>
        )}
        {canEdit ? <LogoForm firmId={firm.id} hasLogo={firm.hasLogo} /> : null}
      </Card>
      <Card title="Name, colour and contact" level={2}>
        {canEdit ? (
          <BrandingForm firmId={firm.id} name={firm.name} accentColor={firm.accentColor} contactLine={firm.contactLine} version={firm.brandingVersion} />
        ) : (
          <div className="space-y-2">
            <dl className="space-y-2">
            <div>
              <dt className="font-medium">Accent colour</dt>
              <dd>{firm.accentColor}</dd>
            </div>
            <div>
              <dt className="font-medium">Contact line</dt>
              <dd>{firm.contactLine || "—"}</dd>
            </div>
            </dl>
            <p className="text-sm text-slate-700">Only the firm&apos;s owner can change the branding.</p>
          </div>
        )}
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { CreateClientForm } from "@/components/consultant/client-forms";
import { CreateFirmForm } from "@/components/consultant/firm-forms";
import { PortfolioFilters, PortfolioTable } from "@/components/consultant/portfolio-table";
import { Card } from "@/components/ui/card";
import { parsePortfolioQuery, queryPortfolio } from "@/lib/consultant/portfolio";
import { firmCan } from "@/lib/consultant/schemas";
import { getPortfolio } from "@/lib/server/clients";
import { listMyFirms } from "@/lib/server/firms";
import { loadForPage, requireSession } from "@/lib/server/next/session";

export const metadata: Metadata = { title: "Client portfolio" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const actor = await requireSession("/portfolio");
  const firms = await listMyFirms(actor);
  if (firms.length === 0) {
    return (
      <div className="space-y-6">
        <h1 className="text-3xl font-bold text-slate-900">Client portfolio</h1>
        <p className="text-slate-700">The portfolio lists the clients of a consultant firm. Create your firm first.</p>
        <Card title="Create a firm" level={2}>
          <CreateFirmForm />
        </Card>
      </div>
    );
  }
  const wanted = typeof params.firm === "string" ? params.firm : undefined;
  const firm = firms.find((f) => f.id === wanted) ?? firms[0]!;
  const query = parsePortfolioQuery(params);
  const rows = await loadForPage(() => getPortfolio(actor, { firmId: firm.id }));
  const shown = queryPortfolio(rows, query);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-slate-900">Client portfolio</h1>
        <p className="text-slate-700">
          {firm.name}: clients ranked by the money their IT puts at risk each year, from their latest assessment.{" "}
          <Link href={`/firm/${firm.id}`} className="text-blue-800 underline print:hidden">
            Branding
          </Link>
        </p>
        {firms.length > 1 ? (
          <nav aria-label="Firms" className="flex flex-wrap gap-3 print:hidden">
            {firms.map((f) => (
              <Link key={f.id} href={`/portfolio?firm=${f.id}`} aria-current={f.id === firm.id ? "page" : undefined} className="text-blue-800 underline aria-[current=page]:font-bold">
                {f.name}
              </Link>
            ))}
          </nav>
        ) : null}
      </div>
      {firmCan(firm.role, "manageClients") ? (
        <section aria-label="Add a client" className="print:hidden">
          <CreateClientForm firmId={firm.id} />
        </section>
      ) : null}
      <PortfolioFilters query={query} firmId={firm.id} />
      <PortfolioTable rows={shown} query={query} firmId={firm.id} totalClients={rows.filter((r) => query.showArchived || !r.isArchived).length} />
    </div>
  );
}

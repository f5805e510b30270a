import type { ReactNode } from "react";
import { SiteHeader } from "@/components/shell/site-header";
import { requireSession } from "@/lib/server/next/session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  return (
    <>
      <SiteHeader userName={session.name} />
      <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8">
        {children}
      </main>
    </>
  );
}

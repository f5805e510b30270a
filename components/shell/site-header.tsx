import Link from "next/link";
import { signOutAction } from "@/lib/server/actions/account";

/** The bar at the top of every signed-in page. */
export function SiteHeader({ userName }: { userName: string }) {
  return (
    <header className="border-b border-slate-300 bg-white print:hidden" data-print-hide>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/orgs" className="text-lg font-bold text-slate-900">
          Bulwark
        </Link>
        <nav aria-label="Account" className="flex items-center gap-4">
          <Link href="/orgs" className="text-blue-800 underline">
            Organisations
          </Link>
          <Link href="/portfolio" className="text-blue-800 underline">
            Clients
          </Link>
          <span className="text-slate-700">{userName}</span>
          <form action={signOutAction}>
            <button type="submit" className="rounded-md border border-slate-500 px-3 py-1 text-slate-900 hover:bg-slate-100">
              Sign out
            </button>
          </form>
        </nav>
      </div>
    </header>
  );
}

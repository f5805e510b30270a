import Link from "next/link";
import type { ReactNode } from "react";

/** The frame of the sign-in and sign-up pages. */
export function AuthPage({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <Link href="/" className="text-lg font-bold text-slate-900">
        Bulwark
      </Link>
      <main id="main" className="mt-8 space-y-4">
        <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
        <p className="text-slate-700">{intro}</p>
        {children}
      </main>
    </div>
  );
}

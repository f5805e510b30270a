import type { ReactNode } from "react";

/** A titled section; the heading level follows the page outline. */
export function Card({ title, level = 3, children, actions }: { title: ReactNode; level?: 2 | 3 | 4; children: ReactNode; actions?: ReactNode }) {
  const Heading = `h${level}` as "h2" | "h3" | "h4";
  return (
    <section className="space-y-4 rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <Heading className="text-lg font-semibold text-slate-900">{title}</Heading>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function Notice({ tone = "info", children }: { tone?: "info" | "warning" | "error" | "success"; children: ReactNode }) {
  const tones = {
    info: "border-blue-300 bg-blue-50 text-blue-950",
    warning: "border-amber-400 bg-amber-50 text-amber-950",
    error: "border-red-400 bg-red-50 text-red-950",
    success: "border-green-400 bg-green-50 text-green-950",
  } as const;
  return <div className={`rounded-md border p-3 ${tones[tone]}`}>{children}</div>;
}

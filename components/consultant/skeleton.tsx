/** What a consultant page shows while its data loads: grey blocks and a status for screen readers. */
export function ConsultantSkeleton({ label }: { label: string }) {
  return (
    <div className="space-y-4" aria-busy="true">
      <p role="status" className="text-slate-700">
        {label}
      </p>
      <div className="h-8 w-2/3 animate-pulse rounded bg-slate-200" />
      <div className="h-4 w-full animate-pulse rounded bg-slate-200" />
      <div className="h-40 w-full animate-pulse rounded bg-slate-200" />
    </div>
  );
}

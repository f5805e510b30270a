"use client";
import { useEffect } from "react";

/** What a page shows when something unexpected failed: no details, a way to try again. */
export function SegmentError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold text-slate-900">Something went wrong</h1>
      <p className="text-slate-700">
        This page could not be shown. Your saved answers are safe. {error.digest ? `(Reference ${error.digest}.)` : null}
      </p>
      <button type="button" onClick={reset} className="rounded-md border border-slate-500 bg-white px-3 py-2 font-medium">
        Try again
      </button>
    </div>
  );
}

import type { SaveStatus } from "@/lib/questionnaire/autosave";

export const SAVE_STATUS_TEXT: Readonly<Record<SaveStatus, string>> = {
  idle: "All answers saved",
  pending: "Not saved yet",
  saving: "Saving…",
  saved: "Saved",
  conflict: "This assessment was changed in another tab — reload to see the latest",
  invalid: "Not saved: correct the answers marked in red. They are kept in this browser meanwhile.",
  offline: "Could not reach the server: trying again. Your answers are kept in this browser.",
};

/** Announced politely to screen readers; a conflict offers the reload it asks for. */
export function SaveStatusMessage({ status, onReload }: { status: SaveStatus; onReload?: () => void }) {
  const tone =
    status === "conflict" || status === "invalid" ? "text-red-800" : status === "offline" ? "text-amber-800" : "text-slate-700";
  return (
    <div role="status" aria-live="polite" className={`flex flex-wrap items-center gap-2 text-sm ${tone}`}>
      <span>{SAVE_STATUS_TEXT[status]}</span>
      {status === "conflict" && onReload ? (
        <button type="button" className="rounded-md border border-red-700 px-2 py-1 font-medium text-red-800 hover:bg-red-50" onClick={onReload}>
          Reload
        </button>
      ) : null}
    </div>
  );
}

import type { StepId } from "@/lib/questionnaire/steps";
import type { Progress } from "@/lib/questionnaire/progress-view";

/** The bar and the list of steps; each step is a button so the owner can jump back and forth. */
export function ProgressBar({ progress, current, onSelect }: { progress: Progress; current: StepId; onSelect?: (step: StepId) => void }) {
  return (
    <nav aria-label="Questionnaire steps" className="space-y-3">
      <div className="flex items-center gap-3">
        <div
          role="progressbar"
          aria-label="Steps completed"
          aria-valuemin={0}
          aria-valuemax={progress.total}
          aria-valuenow={progress.completed}
          aria-valuetext={`${progress.completed} of ${progress.total} steps completed`}
          className="h-3 flex-1 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full rounded-full bg-blue-800" style={{ width: `${progress.percent}%` }} />
        </div>
        <span className="text-sm text-slate-700">
          {progress.completed} of {progress.total} steps
        </span>
      </div>
      <ol className="flex flex-wrap gap-2 text-sm">
        {progress.steps.map((s, i) => {
          const isCurrent = s.id === current;
          const label = `${i + 1}. ${s.title}`;
          const status = s.isComplete ? "done" : s.problemCount > 0 && !isCurrent ? "to do" : undefined;
          return (
            <li key={s.id}>
              <button
                type="button"
                onClick={() => onSelect?.(s.id)}
                aria-current={isCurrent ? "step" : undefined}
                className={`rounded-full border px-3 py-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700 ${
                  isCurrent ? "border-blue-800 bg-blue-800 text-white" : s.isComplete ? "border-green-700 bg-green-50 text-green-900" : "border-slate-400 bg-white text-slate-800"
                }`}
              >
                {label}
                {s.isComplete ? <span aria-hidden="true"> ✓</span> : null}
                {status ? <span className="sr-only"> ({status})</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

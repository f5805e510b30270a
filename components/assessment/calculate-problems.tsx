import Link from "next/link";
import type { FieldProblem } from "@/lib/server/errors";

/**
 * Why the results could not be calculated: the message as an alert, the engine's problems (by
 * inventory path) under it, and the way back to the answers.
 */
export function CalculateProblems({
  message,
  problems,
  questionnaireHref,
}: {
  message?: string;
  problems?: readonly FieldProblem[];
  questionnaireHref?: string;
}) {
  if (!message) return null;
  return (
    <div role="alert" className="space-y-2 rounded-md border border-red-700 bg-red-50 px-3 py-2 text-red-900">
      <p>{message}</p>
      {problems && problems.length > 0 ? (
        <ul className="list-disc pl-6">
          {problems.map((p) => (
            <li key={`${p.path}-${p.message}`}>{p.path ? `${p.path}: ${p.message}` : p.message}</li>
          ))}
        </ul>
      ) : null}
      {questionnaireHref && problems && problems.length > 0 ? (
        <Link href={`${questionnaireHref}?step=review`} className="text-blue-900 underline">
          Check the answers on the review page
        </Link>
      ) : null}
    </div>
  );
}

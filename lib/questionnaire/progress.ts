/**
 * How far the owner has got (see progress-view.ts), with the answers checked here.
 *
 * @example
 * progress(emptyAnswers()) //=> { completed: 0, total: 9, percent: 0, nextStep: "business", … }
 */
import type { Answers } from "./answers";
import type { AnswerProblem } from "./steps";
import { findAnswerProblems } from "./validate";
import { progressFrom, type Progress } from "./progress-view";

export type { Progress, StepProgress } from "./progress-view";

export function progress(answers: Answers, problems: readonly AnswerProblem[] = findAnswerProblems(answers)): Progress {
  return progressFrom(answers, problems);
}

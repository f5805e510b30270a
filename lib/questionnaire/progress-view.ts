/**
 * How far the owner has got, for the progress bar: a step counts once it was finished (Continue)
 * and nothing in it is missing or wrong. Free of zod, for the browser's first load.
 */
import type { Answers } from "./answers";
import { STEP_IDS, STEP_TITLES, type AnswerProblem, type StepId } from "./steps";

export interface StepProgress {
  readonly id: StepId;
  readonly title: string;
  readonly isComplete: boolean;
  readonly problemCount: number;
}

export interface Progress {
  readonly completed: number;
  readonly total: number;
  /** 0 to 100, whole. */
  readonly percent: number;
  readonly steps: readonly StepProgress[];
  /** The first step not yet complete, or undefined when all are. */
  readonly nextStep: StepId | undefined;
}

export function progressFrom(answers: Answers, problems: readonly AnswerProblem[]): Progress {
  const steps = STEP_IDS.map((id): StepProgress => {
    const problemCount = problems.filter((p) => p.step === id).length;
    return { id, title: STEP_TITLES[id], isComplete: answers.done.includes(id) && problemCount === 0, problemCount };
  });
  const completed = steps.filter((s) => s.isComplete).length;
  return {
    completed,
    total: steps.length,
    percent: Math.round((100 * completed) / steps.length),
    steps,
    nextStep: steps.find((s) => !s.isComplete)?.id,
  };
}

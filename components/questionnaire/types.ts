import type { Answers } from "@/lib/questionnaire/answers";

/** What every step receives from the Questionnaire container. */
export interface StepProps {
  readonly answers: Answers;
  readonly onChange: (next: Answers) => void;
  /** Messages by answer path (see lib/questionnaire/validate.ts). */
  readonly errors: Readonly<Record<string, string>>;
  /** False for viewers: everything is shown, nothing can be changed. */
  readonly canEdit: boolean;
}

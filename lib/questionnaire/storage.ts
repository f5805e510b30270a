/**
 * What the pages and the save action need around the stored answers: which answers to open an
 * assessment with, and what to store when the questionnaire saves (the answers themselves, and
 * the inventory built from them, which the engine scores).
 */
import type { Inventory } from "@/lib/engine/schema";
import { validateInventory } from "@/lib/engine/validate";
import { AnswersSchema, emptyAnswers, type Answers } from "./answers";
import { answersToInventory, inventoryToAnswers } from "./mapping";
import { schemaProblems, type AnswerProblem } from "./validate";

/**
 * The answers to open the questionnaire with: the stored answers when they are readable, else the
 * stored inventory loaded into the questionnaire (an import or the demo), else a fresh start.
 *
 * @example
 * answersFromStored({ questionnaire: {}, inventory: harborDental }).functions.items.length //=> 2
 */
export function answersFromStored(stored: { questionnaire?: unknown; inventory?: unknown; name?: string; currency?: string }): Answers {
  const answers = AnswersSchema.safeParse(stored.questionnaire);
  if (answers.success) return answers.data;
  const inventory = validateInventory(stored.inventory);
  if (inventory.ok) return inventoryToAnswers(inventory.inventory);
  return emptyAnswers({ name: stored.name, currency: stored.currency });
}

export type PreparedSave =
  | { readonly ok: true; readonly answers: Answers; readonly inventory: Inventory }
  | { readonly ok: false; readonly errors: readonly AnswerProblem[] };

/**
 * Check answers sent by the browser and build the inventory to store beside them. Unfinished
 * answers are accepted (the inventory then says what is missing when it is assessed); answers of
 * the wrong type or out of range are refused, each problem with its field.
 */
export function prepareAnswersForSave(input: unknown, asOf?: string): PreparedSave {
  const parsed = AnswersSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: schemaProblems(parsed.error.issues) };
  return { ok: true, answers: parsed.data, inventory: answersToInventory(parsed.data, asOf) };
}

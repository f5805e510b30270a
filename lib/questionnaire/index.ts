/**
 * The questionnaire's public entry point: the answer model and its schemas, the mapping to and
 * from the inventory format, validation, progress, edits, autosave and storage helpers.
 */
export * from "./answers";
export { answersToInventory, buildInventory, effectiveDowntimeCost, inventoryToAnswers, sharesOf } from "./mapping";
export { blockingProblems, findAnswerProblems, findStepProblems, problemsByPath, type AnswerProblem } from "./validate";
export { progress, type Progress, type StepProgress } from "./progress";
export { suggestDowntimeCostPerHour, type DowntimeCostSuggestion } from "./business";
export { answersFromStored, prepareAnswersForSave, type PreparedSave } from "./storage";
export { createAutosave, draftKey, tabId, listDrafts, readDraft, clearDraft, type SaveAnswersResult, type SaveStatus, type Autosave } from "./autosave";
export { ANSWER_MESSAGES } from "./messages";

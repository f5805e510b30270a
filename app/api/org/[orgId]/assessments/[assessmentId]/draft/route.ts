import { getDraft, putDraft } from "@/lib/server/routes/assessment-draft";

// JSON draft of an assessment for API clients (lib/server/routes/assessment-draft.ts).
export const GET = getDraft;
export const PUT = putDraft;

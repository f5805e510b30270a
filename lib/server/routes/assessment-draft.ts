import "server-only";
/**
 * `/api/org/[orgId]/assessments/[assessmentId]/draft`: the draft of an assessment as JSON, for
 * API clients and the concurrency tests. The browser's questionnaire saves through its server
 * action; both end in the same access-layer call, so the rules are the same.
 *
 *   GET  → 200 { inventory, questionnaire, version, updatedAt }
 *   PUT  { inventory?, questionnaire?, version } → 200 { version }
 *        409 { error: "conflict", currentVersion, current } when `version` is stale (nothing is
 *            written); `current` is the stored draft { inventory, questionnaire, version }, so a
 *            client can re-apply its change and retry without another GET
 *        400 { error: "invalid", fields: [{ path, message }] } for a bad body
 *   401 signed out · 403 viewer, or a missing/foreign Origin on PUT · 404 unknown or another
 *   organisation's ids (the same answer: ids leak nothing)
 */
import { getAssessment, MAX_DOCUMENT_CHARS, saveAssessmentDraft, type Actor } from "../access";
import { ConflictError } from "../errors";
import { readJsonBody, requireActor, requireSameOrigin, respondWithError, HttpError } from "../http/json-route";

export interface DraftRouteContext {
  readonly params: Promise<{ orgId: string; assessmentId: string }>;
}

/** Two documents of the largest accepted size, plus room for the envelope. */
const MAX_BODY_BYTES = 2 * MAX_DOCUMENT_CHARS + 1024;

const NO_STORE = { "Cache-Control": "no-store" };

export async function getDraft(request: Request, context: DraftRouteContext): Promise<Response> {
  try {
    const actor = await requireActor(request);
    const { orgId, assessmentId } = await context.params;
    const a = await getAssessment(actor, { organizationId: orgId, assessmentId });
    return Response.json(
      { inventory: a.inventory, questionnaire: a.questionnaire, version: a.version, updatedAt: a.updatedAt.toISOString() },
      { headers: NO_STORE },
    );
  } catch (e) {
    return respondWithError(e);
  }
}

export async function putDraft(request: Request, context: DraftRouteContext): Promise<Response> {
  try {
    requireSameOrigin(request);
    const actor = await requireActor(request);
    const { orgId, assessmentId } = await context.params;
    const body = await readJsonBody(request, MAX_BODY_BYTES);
    if (!body || typeof body !== "object" || Array.isArray(body)) {
      throw new HttpError(400, "invalid", "The body must be a JSON object: { inventory?, questionnaire?, version }.");
    }
    try {
      const saved = await saveAssessmentDraft(actor, { ...(body as Record<string, unknown>), organizationId: orgId, assessmentId });
      return Response.json({ version: saved.version }, { headers: NO_STORE });
    } catch (e) {
      if (e instanceof ConflictError) return await conflictWithCurrent(e, actor, orgId, assessmentId);
      throw e;
    }
  } catch (e) {
    return respondWithError(e);
  }
}

async function conflictWithCurrent(e: ConflictError, actor: Actor, orgId: string, assessmentId: string): Promise<Response> {
  const a = await getAssessment(actor, { organizationId: orgId, assessmentId });
  return Response.json(
    {
      error: "conflict",
      message: e.message,
      currentVersion: a.version,
      current: { inventory: a.inventory, questionnaire: a.questionnaire, version: a.version },
    },
    { status: 409, headers: NO_STORE },
  );
}

import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getAssessment, getAssessmentSummary, getOrganization, type Actor, type AssessmentDetail, type AssessmentSummary, type OrganizationSummary } from "../access";
import { getSessionFromHeaders, type SessionInfo } from "../auth";
import { isAppError } from "../errors";

/**
 * The signed-in person of this request, or null. Read once per request: the layouts and the page
 * of one request share it instead of each looking the session up again.
 */
export const currentSession = cache(async (): Promise<SessionInfo | null> => getSessionFromHeaders(await headers()));

/**
 * An organisation, read once per request: the organisation layout and the page below it share it.
 * Keyed by the user id, not the actor object, so that any actor of the same person hits.
 */
const organizationOfRequest = cache((userId: string, organizationId: string): Promise<OrganizationSummary> => getOrganization({ userId }, { organizationId }));
export function loadOrganization(actor: Actor, input: { organizationId: string }): Promise<OrganizationSummary> {
  return organizationOfRequest(actor.userId, input.organizationId);
}

/** An assessment without its drafts, read once per request: the assessment layout (its 404 check) and the results page share it. */
const assessmentSummaryOfRequest = cache(
  (userId: string, organizationId: string, assessmentId: string): Promise<AssessmentSummary> => getAssessmentSummary({ userId }, { organizationId, assessmentId }),
);
export function loadAssessmentSummary(actor: Actor, input: { organizationId: string; assessmentId: string }): Promise<AssessmentSummary> {
  return assessmentSummaryOfRequest(actor.userId, input.organizationId, input.assessmentId);
}

/** An assessment with its drafts, read once per request (the questionnaire). */
const assessmentOfRequest = cache(
  (userId: string, organizationId: string, assessmentId: string): Promise<AssessmentDetail> => getAssessment({ userId }, { organizationId, assessmentId }),
);
export function loadAssessment(actor: Actor, input: { organizationId: string; assessmentId: string }): Promise<AssessmentDetail> {
  return assessmentOfRequest(actor.userId, input.organizationId, input.assessmentId);
}

/** The signed-in person, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireSession(returnTo?: string): Promise<SessionInfo & Actor> {
  const session = await currentSession();
  if (!session) redirect(returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in");
  return session;
}

/**
 * Run a data-access read for a page: not-found (including other organisations' ids) becomes the
 * 404 page, a lost session goes to sign-in; anything else propagates to the segment's error.tsx.
 */
export async function loadForPage<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    if (isAppError(e) && e.code === "UNAUTHENTICATED") redirect("/sign-in");
    throw e;
  }
}

/** A same-site path to return to after signing in; anything else (//evil, https://…) is ignored. */
export function safeReturnPath(value: unknown, fallback = "/orgs"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  return value;
}

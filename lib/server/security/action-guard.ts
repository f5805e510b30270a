/**
 * A gate for server-action calls, run by proxy.ts before Next.js decodes them. A server action is a
 * public endpoint: anyone can POST any body with any action id. Next.js answers a body it cannot
 * decode, and an action that trips over an argument of the wrong kind (a string where its code
 * calls `formData.get`), with 500. This gate answers 400 instead, before any of it runs:
 *
 * - the body must be what React's `encodeReply` makes: a JSON array of arguments (text/plain), or
 *   a multipart form whose field "0" holds that array, with only the `$` references a page can
 *   send (escaped strings, undefined, dates, big integers, numbers JSON cannot spell, form data
 *   and files);
 * - each argument must be of the kind the action's signature below says. Every action of the
 *   build needs a signature (tests/http/fuzz.test.ts fails otherwise; until then its calls get
 *   the body checks only); the actions still check the values themselves.
 *
 * Not marked server-only: proxy.ts imports it.
 */

/** The kinds of argument an action takes; a trailing "?" marks an argument callers may leave out. */
export type ArgKind = "string" | "number" | "boolean" | "form" | "object" | "any";
type Slot = ArgKind | `${ArgKind}?`;

/** Keys: `<file>#<export>` as in the build's server-reference-manifest.json. "any": a previous form state, ignored. */
export const ACTION_SIGNATURES: Readonly<Record<string, readonly Slot[]>> = {
  "lib/server/actions/account.ts#signUpAction": ["any", "form"],
  "lib/server/actions/account.ts#signInAction": ["any", "form"],
  "lib/server/actions/account.ts#signOutAction": [],
  "lib/server/actions/account.ts#demoSignInAction": [],
  "lib/server/actions/organization.ts#createOrganizationAction": ["any", "form"],
  "lib/server/actions/organization.ts#createAssessmentAction": ["string", "any", "form"],
  "lib/server/actions/organization.ts#createInvitationAction": ["string", "any", "form"],
  "lib/server/actions/organization.ts#revokeInvitationAction": ["string", "string"],
  "lib/server/actions/organization.ts#removeMemberAction": ["string", "string"],
  "lib/server/actions/organization.ts#acceptInvitationAction": ["string", "any"],
  "lib/server/actions/organization.ts#completeAssessmentAction": ["string", "string", "any", "form"],
  "lib/server/actions/organization.ts#saveDraftAction": ["string", "string", "object"],
  "lib/server/actions/assessment.ts#saveAnswersAction": ["string", "string", "object"],
  "lib/server/actions/assessment.ts#calculateResultsAction": ["string", "string", "number"],
  "lib/server/actions/assessment.ts#calculateResultsFormAction": ["string", "string", "any", "form"],
  "lib/server/actions/consultant.ts#createFirmAction": ["any", "form"],
  "lib/server/actions/consultant.ts#updateBrandingAction": ["string", "any", "form"],
  "lib/server/actions/consultant.ts#uploadLogoAction": ["string", "any", "form"],
  "lib/server/actions/consultant.ts#removeLogoAction": ["string", "any"],
  "lib/server/actions/consultant.ts#createClientAction": ["string", "any", "form"],
  "lib/server/actions/consultant.ts#renameClientAction": ["string", "any", "form"],
  "lib/server/actions/consultant.ts#setClientArchivedAction": ["string", "boolean", "any"],
  "lib/server/actions/consultant.ts#switchClientAction": ["form"],
  "lib/server/actions/consultant.ts#openQuestionsAction": ["string", "string"],
  "lib/server/actions/consultant.ts#inviteClientAction": ["string", "any", "form"],
  "lib/server/actions/consultant.ts#revokeClientInvitationAction": ["string", "string"],
  "lib/server/actions/consultant.ts#assessClientAction": ["string", "string", "any", "form"],
  "lib/server/actions/consultant.ts#importInventoryAction": ["string", "string", "any", "form"],
  "lib/server/actions/consultant.ts#previewCsvAction": ["string", "string", "object?"],
  "lib/server/actions/consultant.ts#importCsvAction": ["string", "string", "object"],
};

export type GuardVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const refused = (reason: string): GuardVerdict => ({ ok: false, reason });

/** `$` strings a page's `encodeReply` produces for plain data, form data and files. */
const SAFE_REFERENCE = /^\$(\$|undefined$|D|n-?\d|K\d+$|B\d+$|-0$|Infinity$|-Infinity$|NaN$)/;

function hasUnsafeReference(value: unknown, depth = 0): boolean {
  if (depth > 64) return true;
  if (typeof value === "string") return value.startsWith("$") && !SAFE_REFERENCE.test(value);
  if (Array.isArray(value)) return value.some((v) => hasUnsafeReference(v, depth + 1));
  if (value && typeof value === "object") return Object.values(value).some((v) => hasUnsafeReference(v, depth + 1));
  return false;
}

function isKind(value: unknown, kind: ArgKind, isMultipart: boolean): boolean {
  switch (kind) {
    case "string":
      return typeof value === "string" && (!value.startsWith("$") || value.startsWith("$$"));
    case "number":
      return typeof value === "number" || value === "$NaN" || value === "$Infinity" || value === "$-Infinity" || value === "$-0";
    case "boolean":
      return typeof value === "boolean";
    case "form":
      return isMultipart && typeof value === "string" && /^\$K\d+$/.test(value);
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
    case "any":
      return true;
  }
}

/**
 * Whether the arguments of a call (the decoded root array, before React resolves references) fit
 * the action's signature. `name` undefined: an id this build does not have (Next.js answers 404).
 */
export function checkActionArguments(name: string | undefined, args: unknown, isMultipart: boolean): GuardVerdict {
  if (!Array.isArray(args)) return refused("The arguments must be a list.");
  if (hasUnsafeReference(args)) return refused("The arguments hold references a page never sends.");
  const signature = name === undefined ? undefined : ACTION_SIGNATURES[name];
  // An id this build does not have (Next.js answers 404), or an action without a signature yet:
  // only the body checks above. The fuzzing test fails until the signature is written.
  if (!signature) return { ok: true };
  const required = signature.filter((s) => !s.endsWith("?")).length;
  if (args.length < required) return refused(`The action takes ${required} arguments or more, not ${args.length}.`);
  // Extra arguments are ignored by the action, and pages send them: React calls a form's action
  // with the form data even when the function takes none (`<form action={signOutAction}>`).
  for (const [i, value] of args.slice(0, signature.length).entries()) {
    const slot = signature[i]!;
    if (slot.endsWith("?") && value === "$undefined") continue;
    const kind = slot.replace("?", "") as ArgKind;
    if (!isKind(value, kind, isMultipart)) return refused(`Argument ${i + 1} must be ${kind === "form" ? "form data" : `a ${kind}`}.`);
  }
  return { ok: true };
}

/** Decode the root argument list of an action call's body, as React would find it. */
export async function readActionArguments(request: Request): Promise<{ ok: true; args: unknown; isMultipart: boolean } | { ok: false; reason: string }> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await request.formData();
      const root = form.get("0");
      if (typeof root !== "string") return { ok: false, reason: "The form has no argument list." };
      return { ok: true, args: JSON.parse(root) as unknown, isMultipart: true };
    }
    if (type.startsWith("text/plain") || type === "") {
      return { ok: true, args: JSON.parse(await request.text()) as unknown, isMultipart: false };
    }
    return { ok: false, reason: "Server actions are called with text/plain or multipart/form-data bodies." };
  } catch {
    return { ok: false, reason: "The body is not an argument list the app's pages send." };
  }
}

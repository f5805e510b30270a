/**
 * Who may reach what: every route and server action of the build, and the answer each principal
 * must get. tests/http/tenant-isolation.test.ts checks every pair against `next start`, and fails
 * when the build has a route or action without a row here (add one when you add a page, a route
 * handler or an action).
 *
 * The world (tests/http/support/tenants.ts): organisations A and B, each a client of its own
 * consultant firm (FA, FB), each with an owner, a consultant (who runs the firm and is the
 * organisation's consultant member) and a viewer; one more consultant ("dual") is a consultant
 * member of both organisations but of no firm; and anonymous. Each row is written for A's
 * resources (organisation A, its assessment, snapshot, invitations and firm FA); the test runs it
 * for B too, with the principals' A and B roles swapped.
 *
 * Outcomes:
 *   allowed    2xx (a page, a file, or an action that did its work)
 *   not-found  404, or an action answering "not found": the same answer as for an unknown id
 *   forbidden  403, or an action answering that the role does not allow it (members only: they can
 *              see the organisation already, so 403 reveals nothing)
 *   login      a page redirecting to sign-in, an API answering 401, an action asking to sign in
 *   redirect   a page sending a signed-in person elsewhere (sign-in and sign-up pages)
 *   invalid    the request was refused for its content (used where the input is deliberately wrong)
 */

export const PRINCIPALS = ["anonymous", "ownerA", "consultantA", "viewerA", "dual", "ownerB", "consultantB", "viewerB"] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

export type Outcome = "allowed" | "not-found" | "forbidden" | "login" | "redirect" | "invalid";
export type Expectation = Readonly<Record<PrincipalName, Outcome>>;

/** An expectation with one outcome per principal, in PRINCIPALS order. */
function row(...outcomes: Outcome[]): Expectation {
  if (outcomes.length !== PRINCIPALS.length) throw new Error(`a row needs ${PRINCIPALS.length} outcomes`);
  return Object.fromEntries(PRINCIPALS.map((p, i) => [p, outcomes[i]!])) as Expectation;
}

//                                  anonymous  ownerA       consultantA  viewerA      dual         ownerB       consultantB  viewerB
const PUBLIC = /*               */ row("allowed", "allowed", "allowed", "allowed", "allowed", "allowed", "allowed", "allowed");
const SIGNED_IN = /*            */ row("login", "allowed", "allowed", "allowed", "allowed", "allowed", "allowed", "allowed");
/** Pages that only send signed-in people on (the list of clients is the portfolio). */
const SIGNED_IN_REDIRECT = /*   */ row("login", "redirect", "redirect", "redirect", "redirect", "redirect", "redirect", "redirect");
const SIGNED_OUT_ONLY = /*      */ row("allowed", "redirect", "redirect", "redirect", "redirect", "redirect", "redirect", "redirect");
const NOWHERE = /*              */ row("not-found", "not-found", "not-found", "not-found", "not-found", "not-found", "not-found", "not-found");
/** Any member of the organisation, or of the firm that manages it. */
const READERS = /*              */ row("login", "allowed", "allowed", "allowed", "allowed", "not-found", "not-found", "not-found");
/** Roles that edit assessments (owner, consultant), or the managing firm. */
const EDITORS = /*              */ row("login", "allowed", "allowed", "forbidden", "allowed", "not-found", "not-found", "not-found");
/** The organisation's owners. */
const OWNERS = /*               */ row("login", "allowed", "forbidden", "forbidden", "forbidden", "not-found", "not-found", "not-found");
/** Members of firm FA (the client's managing firm); the organisation's own members see the client but may not manage it. */
const FIRM_MANAGERS = /*        */ row("login", "forbidden", "allowed", "forbidden", "forbidden", "not-found", "not-found", "not-found");
/** Members of firm FA only: a firm is invisible to everyone else, the client's own people included. */
const FIRM_MEMBERS = /*         */ row("login", "not-found", "allowed", "not-found", "not-found", "not-found", "not-found", "not-found");
/** Inputs that are refused for everyone (wrong credentials, the demo switched off). */
const REFUSED_INPUT = /*        */ row("invalid", "invalid", "invalid", "invalid", "invalid", "invalid", "invalid", "invalid");

/** The ids of the world the table's URLs and arguments are built from (A's, or B's in the mirrored run). */
export interface Target {
  readonly orgId: string;
  readonly assessmentId: string;
  readonly snapshotId: string;
  readonly firmId: string;
  /** The path of a live invitation link of the organisation (`/invite/<token>`). */
  readonly invitationPath: string;
  /** The other organisation's assessment and snapshot, for URLs that mix one organisation's id with another's. */
  readonly foreignAssessmentId: string;
  readonly foreignSnapshotId: string;
}

export interface RouteRow {
  readonly url: (t: Target) => string;
  readonly expect: Expectation;
  /** URLs that mix this organisation's id with the other's child ids: 404 for every principal. */
  readonly mixedUrls?: (t: Target) => string[];
  readonly note?: string;
}

export type RouteEntry = RouteRow | { readonly notAUrl: string };

/** Keys: the build's app-paths-manifest.json entries. */
export const ROUTES: Readonly<Record<string, RouteEntry>> = {
  "/page": { url: () => "/", expect: PUBLIC },
  "/_not-found/page": { url: () => "/no/such/page", expect: NOWHERE },
  "/_global-error/page": { notAUrl: "the error boundary of the root layout: rendered on failures, never requested" },
  "/(auth)/sign-in/page": { url: () => "/sign-in", expect: SIGNED_OUT_ONLY },
  "/(auth)/sign-up/page": { url: () => "/sign-up", expect: SIGNED_OUT_ONLY },
  "/(app)/orgs/page": { url: () => "/orgs", expect: SIGNED_IN, note: "lists only the caller's organisations" },
  "/(app)/org/[orgId]/page": { url: (t) => `/org/${t.orgId}`, expect: READERS },
  "/(app)/org/[orgId]/members/page": { url: (t) => `/org/${t.orgId}/members`, expect: READERS },
  "/(app)/org/[orgId]/assessment/[assessmentId]/questionnaire/page": {
    url: (t) => `/org/${t.orgId}/assessment/${t.assessmentId}/questionnaire`,
    expect: READERS,
    mixedUrls: (t) => [`/org/${t.orgId}/assessment/${t.foreignAssessmentId}/questionnaire`],
  },
  "/(app)/org/[orgId]/assessment/[assessmentId]/results/page": {
    url: (t) => `/org/${t.orgId}/assessment/${t.assessmentId}/results`,
    expect: READERS,
    mixedUrls: (t) => [`/org/${t.orgId}/assessment/${t.foreignAssessmentId}/results`],
  },
  "/(app)/clients/page": { url: () => "/clients", expect: SIGNED_IN_REDIRECT, note: "redirects to the portfolio" },
  "/(app)/clients/[orgId]/page": { url: (t) => `/clients/${t.orgId}`, expect: READERS },
  "/(app)/clients/[orgId]/import/page": {
    url: (t) => `/clients/${t.orgId}/import`,
    expect: READERS,
    note: "readers see the page (it shows the draft's name and version); the import actions are for editors only",
  },
  "/(app)/firm/page": { url: () => "/firm", expect: SIGNED_IN },
  "/(app)/firm/[firmId]/page": { url: (t) => `/firm/${t.firmId}`, expect: FIRM_MEMBERS },
  "/(app)/firm/[firmId]/logo/route": { url: (t) => `/firm/${t.firmId}/logo`, expect: FIRM_MEMBERS },
  "/(app)/portfolio/page": { url: () => "/portfolio", expect: SIGNED_IN, note: "the caller's firms' clients only" },
  "/invite/[token]/page": {
    url: (t) => t.invitationPath,
    expect: PUBLIC,
    note: "the link's token is the credential: whoever has it sees the invitation (accepting needs an account)",
  },
  "/api/health/route": { url: () => "/api/health", expect: PUBLIC },
  "/api/auth/[...all]/route": {
    url: () => "/api/auth/get-session",
    expect: PUBLIC,
    note: "better-auth; a session answers only for its own cookie",
  },
  "/api/org/[orgId]/assessments/[assessmentId]/draft/route": {
    url: (t) => `/api/org/${t.orgId}/assessments/${t.assessmentId}/draft`,
    expect: READERS,
    mixedUrls: (t) => [`/api/org/${t.orgId}/assessments/${t.foreignAssessmentId}/draft`],
  },
  "/api/org/[orgId]/assessments/[assessmentId]/inventory/route": {
    url: (t) => `/api/org/${t.orgId}/assessments/${t.assessmentId}/inventory`,
    expect: READERS,
    mixedUrls: (t) => [`/api/org/${t.orgId}/assessments/${t.foreignAssessmentId}/inventory`],
  },
  "/api/org/[orgId]/snapshots/[snapshotId]/pdf/route": {
    url: (t) => `/api/org/${t.orgId}/snapshots/${t.snapshotId}/pdf`,
    expect: READERS,
    mixedUrls: (t) => [`/api/org/${t.orgId}/snapshots/${t.foreignSnapshotId}/pdf`],
  },
};

/** What an action's arguments may be built from. */
export interface ActionContext {
  readonly target: Target;
  /** A new open invitation of the target organisation (its id and token). */
  freshInvitation(): Promise<{ id: string; token: string }>;
  /** A new throwaway viewer of the target organisation (their user id). */
  freshMember(): Promise<string>;
  /** A live invitation token of a throwaway organisation (accepting it touches neither A nor B). */
  throwawayInvitationToken(): Promise<string>;
  /** The target assessment's current draft version. */
  currentVersion(): Promise<number>;
  /** The target firm's current branding version (brandingVersion, as the branding form sends it). */
  firmVersion(): Promise<string>;
  /** Put a complete inventory back into the target's draft (earlier calls may have emptied it); its version. */
  completeDraft(): Promise<number>;
  /** A valid inventory document (text) for imports. */
  readonly inventoryText: string;
  /** A form with the given fields. */
  form(fields: Record<string, string | Blob>): FormData;
  /** Questionnaire answers the save action accepts. */
  readonly answers: unknown;
  /** A small valid PNG logo. */
  readonly logo: Blob;
}

export interface ActionRow {
  readonly args: (ctx: ActionContext) => unknown[] | Promise<unknown[]>;
  readonly expect: Expectation;
  /** The page to post to (default: the first page of the build that imports the action). */
  readonly page?: (t: Target) => string;
  /** Called with a session of its own, because it ends the session it is called with. */
  readonly endsSession?: true;
  readonly note?: string;
}

const CSV = "Name,Type\nOffice PC,endpoint\n";
const CSV_MAPPING = { name: "Name", kind: "Type" };

/** Keys: `<file>#<export>` of the build's server-reference-manifest.json. */
export const ACTIONS: Readonly<Record<string, ActionRow>> = {
  // ---- accounts: no organisation input; inputs chosen so that nothing is created
  "lib/server/actions/account.ts#signUpAction": {
    args: (c) => [{}, c.form({ name: "X", email: "not-an-email", password: "short" })],
    expect: REFUSED_INPUT,
  },
  "lib/server/actions/account.ts#signInAction": {
    args: (c) => [{}, c.form({ email: "nobody@example.test", password: "not the password" })],
    expect: REFUSED_INPUT,
  },
  "lib/server/actions/account.ts#signOutAction": {
    args: () => [],
    expect: row("redirect", "redirect", "redirect", "redirect", "redirect", "redirect", "redirect", "redirect"),
    endsSession: true,
  },
  "lib/server/actions/account.ts#demoSignInAction": { args: () => [], expect: REFUSED_INPUT, note: "the test servers run with BULWARK_DEMO=off" },

  // ---- organisations and their members (lib/server/access.ts)
  "lib/server/actions/organization.ts#createOrganizationAction": {
    args: (c) => [{}, c.form({ name: "Made in the isolation test" })],
    expect: SIGNED_IN,
    note: "a new organisation of the caller's own",
  },
  "lib/server/actions/organization.ts#createAssessmentAction": { args: (c) => [c.target.orgId, {}, c.form({ name: "Another" })], expect: EDITORS },
  "lib/server/actions/organization.ts#createInvitationAction": {
    args: (c) => [c.target.orgId, {}, c.form({ role: "viewer", email: "" })],
    expect: OWNERS,
  },
  "lib/server/actions/organization.ts#revokeInvitationAction": {
    args: async (c) => [c.target.orgId, (await c.freshInvitation()).id],
    expect: OWNERS,
  },
  "lib/server/actions/organization.ts#removeMemberAction": { args: async (c) => [c.target.orgId, await c.freshMember()], expect: OWNERS },
  "lib/server/actions/organization.ts#acceptInvitationAction": {
    args: async (c) => [await c.throwawayInvitationToken(), {}],
    expect: SIGNED_IN,
    note: "the token is the credential; a throwaway organisation's, so that no one joins A or B",
  },
  "lib/server/actions/organization.ts#completeAssessmentAction": {
    args: async (c) => [c.target.orgId, c.target.assessmentId, {}, c.form({ version: String(await c.completeDraft()) })],
    expect: EDITORS,
  },
  "lib/server/actions/organization.ts#saveDraftAction": {
    args: async (c) => [c.target.orgId, c.target.assessmentId, { questionnaire: { step: "people" }, version: await c.currentVersion() }],
    expect: EDITORS,
  },

  // ---- the questionnaire and results pages (lib/server/answers.ts)
  "lib/server/actions/assessment.ts#saveAnswersAction": {
    args: async (c) => [c.target.orgId, c.target.assessmentId, { answers: c.answers, version: await c.currentVersion() }],
    expect: EDITORS,
  },
  "lib/server/actions/assessment.ts#calculateResultsAction": {
    args: async (c) => [c.target.orgId, c.target.assessmentId, await c.completeDraft()],
    expect: EDITORS,
  },
  "lib/server/actions/assessment.ts#calculateResultsFormAction": {
    args: async (c) => [c.target.orgId, c.target.assessmentId, {}, c.form({ version: String(await c.completeDraft()) })],
    expect: EDITORS,
  },

  // ---- consultant firms and their clients (lib/server/firms.ts, clients.ts, transfer.ts)
  "lib/server/actions/consultant.ts#createFirmAction": { args: (c) => [{}, c.form({ name: "Firm made in the test" })], expect: SIGNED_IN },
  "lib/server/actions/consultant.ts#updateBrandingAction": {
    args: async (c) => [c.target.firmId, {}, c.form({ version: await c.firmVersion(), name: "Firm renamed", accentColor: "#1f6feb", contactLine: "" })],
    expect: FIRM_MEMBERS,
  },
  "lib/server/actions/consultant.ts#uploadLogoAction": { args: (c) => [c.target.firmId, {}, c.form({ logo: c.logo })], expect: FIRM_MEMBERS },
  "lib/server/actions/consultant.ts#removeLogoAction": { args: (c) => [c.target.firmId, {}], expect: FIRM_MEMBERS },
  "lib/server/actions/consultant.ts#createClientAction": { args: (c) => [c.target.firmId, {}, c.form({ name: "New client" })], expect: FIRM_MEMBERS },
  "lib/server/actions/consultant.ts#renameClientAction": { args: (c) => [c.target.orgId, {}, c.form({ name: "Renamed client" })], expect: FIRM_MANAGERS },
  "lib/server/actions/consultant.ts#setClientArchivedAction": {
    args: (c) => [c.target.orgId, false, {}],
    expect: FIRM_MANAGERS,
    note: "unarchive (a no-op here): archiving would hide the organisation from the rest of the run",
  },
  // Switching opens the client's pages: a firm member gets a consultant membership, the client's own
  // members (who have one) are just sent there; nobody gains a role they did not have.
  "lib/server/actions/consultant.ts#switchClientAction": { args: (c) => [c.form({ organizationId: c.target.orgId })], expect: READERS },
  "lib/server/actions/consultant.ts#openQuestionsAction": { args: (c) => [c.target.orgId, c.target.assessmentId], expect: READERS },
  "lib/server/actions/consultant.ts#inviteClientAction": {
    args: (c) => [c.target.orgId, {}, c.form({ role: "viewer", email: "" })],
    expect: FIRM_MANAGERS,
  },
  "lib/server/actions/consultant.ts#revokeClientInvitationAction": {
    args: async (c) => [c.target.orgId, (await c.freshInvitation()).id],
    expect: FIRM_MANAGERS,
  },
  "lib/server/actions/consultant.ts#assessClientAction": {
    args: async (c) => [c.target.orgId, c.target.assessmentId, {}, c.form({ version: String(await c.completeDraft()) })],
    expect: EDITORS,
  },
  "lib/server/actions/consultant.ts#importInventoryAction": {
    args: async (c) => [c.target.orgId, c.target.assessmentId, {}, c.form({ text: c.inventoryText, version: String(await c.currentVersion()) })],
    expect: EDITORS,
  },
  "lib/server/actions/consultant.ts#previewCsvAction": { args: (c) => [c.target.orgId, CSV, CSV_MAPPING], expect: EDITORS },
  "lib/server/actions/consultant.ts#importCsvAction": {
    args: async (c) => [c.target.orgId, c.target.assessmentId, { csv: CSV, mapping: CSV_MAPPING, version: await c.currentVersion(), skipInvalidRows: true }],
    expect: EDITORS,
  },
};

/** The same expectation for organisation B: the principals' A and B roles swapped. */
export function mirrored(expect: Expectation): Expectation {
  const swap = (p: PrincipalName): PrincipalName => (p.endsWith("A") ? (`${p.slice(0, -1)}B` as PrincipalName) : p.endsWith("B") ? (`${p.slice(0, -1)}A` as PrincipalName) : p);
  return Object.fromEntries(PRINCIPALS.map((p) => [p, expect[swap(p)]])) as Expectation;
}

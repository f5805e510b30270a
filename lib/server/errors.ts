/**
 * Expected failures of the app, each with the HTTP status it maps to. Anything else thrown is a
 * bug: it is logged and shown as a generic message (lib/server/action-result.ts).
 */

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Problems tied to input fields (validation), shown next to the field. */
  readonly problems: readonly FieldProblem[];

  constructor(code: ErrorCode, message: string, problems: readonly FieldProblem[] = []) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.problems = problems;
  }
}

/** Unknown ids and other organisations' ids alike: never reveal that something exists. */
export class NotFoundError extends AppError {
  constructor(what = "That page") {
    super("NOT_FOUND", `${what} was not found, or you do not have access to it.`);
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super("UNAUTHENTICATED", "Please sign in to continue.");
  }
}

/** A member of the organisation whose role does not allow the action. */
export class ForbiddenError extends AppError {
  constructor(action: string) {
    super("FORBIDDEN", `Your role in this organisation does not allow you to ${action}.`);
  }
}

/**
 * The shared demo account (lib/server/demo.ts) writing anything. Its password is public, so
 * whatever it changed, every visitor after would see: it may look around, not change.
 */
export class SharedDemoError extends AppError {
  constructor() {
    super("FORBIDDEN", "The demo account is shared by every visitor, so it can look around but not change anything. Sign up to assess your own business.");
  }
}

/** A write based on a version that is no longer current: never silently overwritten. */
export class ConflictError extends AppError {
  readonly currentVersion: number;
  constructor(currentVersion: number) {
    super(
      "CONFLICT",
      "This assessment was changed somewhere else (another tab or person) since you opened it. Reload to see the latest version; your unsaved change was not applied.",
    );
    this.currentVersion = currentVersion;
  }
}

/** A form saved from a page opened before someone else's change to the same record. */
export class ChangedElsewhereError extends AppError {
  constructor(what: string) {
    super(
      "CONFLICT",
      `${what} changed somewhere else (another tab or person) since you opened this page, so your change was not saved. What you typed is still in the form: reload to see the latest version, then make your change again.`,
    );
  }
}

export class ValidationError extends AppError {
  constructor(message: string, problems: readonly FieldProblem[]) {
    super("UNPROCESSABLE", message, problems);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

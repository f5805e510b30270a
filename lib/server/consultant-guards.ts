import "server-only";
/**
 * The checks every consultant-layer function starts with (lib/server/firms.ts, clients.ts,
 * history.ts, reports.ts, transfer.ts): a caller from a verified session, ids of a sane shape
 * (anything else is simply not found), and input parsed by its zod schema into field problems.
 */
import type { z } from "zod";
import type { Actor } from "./access";
import { NotFoundError, UnauthenticatedError, ValidationError, type FieldProblem } from "./errors";

const ID_SHAPE = /^[A-Za-z0-9_-]{1,64}$/u;

export function checkActor(actor: Actor | null | undefined): Actor {
  if (!actor || typeof actor.userId !== "string" || actor.userId === "") throw new UnauthenticatedError();
  return actor;
}

/** An id from a URL or form: anything malformed is simply not found. */
export function checkId(id: unknown, what: string): string {
  if (typeof id !== "string" || !ID_SHAPE.test(id)) throw new NotFoundError(what);
  return id;
}

export function parseInput<T extends z.ZodType>(schema: T, input: unknown, message = "Please correct the highlighted fields."): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems: FieldProblem[] = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join(".") || "form",
      message: i.message,
    }));
    throw new ValidationError(message, problems);
  }
  return parsed.data;
}

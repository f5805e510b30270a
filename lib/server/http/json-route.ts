import "server-only";
/**
 * Shared plumbing of Bulwark's JSON route handlers: the caller's session, the Origin check, the
 * request body (size, type and JSON syntax checked), and errors as JSON with their status. Route
 * handlers answer machines, so every refusal is JSON `{ error, message, fields? }`, never a page
 * or a stack trace.
 */
import { parseJson } from "../../interchange/parse-json";
import type { Actor } from "../access";
import { getSessionFromHeaders } from "../auth";
import { getEnv } from "../env";
import { isAppError, type AppError } from "../errors";
import { checkOrigin } from "../security/origin";

/** A refusal carried to the end of the handler: `respondWithError` turns it into JSON. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

const ERROR_NAMES: Record<string, string> = {
  BAD_REQUEST: "bad_request",
  UNAUTHENTICATED: "unauthenticated",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "not_found",
  CONFLICT: "conflict",
  GONE: "gone",
  UNPROCESSABLE: "invalid",
  RATE_LIMITED: "rate_limited",
};

function fromAppError(e: AppError): Response {
  // Bad input is 400 here (the body is the request); the field problems say what to fix.
  const status = e.code === "UNPROCESSABLE" ? 400 : e.status;
  const body: Record<string, unknown> = { error: ERROR_NAMES[e.code] ?? "error", message: e.message };
  if (e.problems.length > 0) body.fields = e.problems;
  const current = (e as { currentVersion?: unknown }).currentVersion;
  if (typeof current === "number") body.currentVersion = current;
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** Any thrown value as a JSON response: expected errors with their status, anything else a logged 500. */
export function respondWithError(e: unknown): Response {
  if (e instanceof HttpError) {
    return Response.json({ error: e.error, message: e.message, ...e.extra }, { status: e.status, headers: { "Cache-Control": "no-store" } });
  }
  if (isAppError(e)) return fromAppError(e);
  console.error(e);
  return Response.json({ error: "internal", message: "Something went wrong on our side. Please try again." }, { status: 500 });
}

/** Refuse a state-changing request whose Origin is missing or foreign (403). */
export function requireSameOrigin(request: Request): void {
  const verdict = checkOrigin(request.method, request.headers.get("origin"), getEnv().APP_URL);
  if (!verdict.ok) throw new HttpError(403, "forbidden", verdict.reason);
}

/** The signed-in caller, or 401. */
export async function requireActor(request: Request): Promise<Actor> {
  const session = await getSessionFromHeaders(request.headers);
  if (!session) throw new HttpError(401, "unauthenticated", "Please sign in to continue.");
  return { userId: session.userId };
}

/**
 * The request's JSON body: 415 unless it is declared JSON, 413 when larger than `maxBytes`
 * (checked while reading, not trusted from Content-Length), 400 with the line and column of a
 * syntax error.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json(\s*;|$)/i.test(type)) {
    throw new HttpError(415, "unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new HttpError(413, "too_large", `The body is larger than ${maxBytes} bytes.`);
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new HttpError(413, "too_large", `The body is larger than ${maxBytes} bytes.`);
      }
      chunks.push(value);
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new HttpError(400, "bad_request", "The body is not valid UTF-8 text.");
  }
  if (text.trim() === "") throw new HttpError(400, "bad_request", "The body is empty: send a JSON object.");
  const parsed = parseJson(text);
  if (!parsed.ok) {
    throw new HttpError(400, "bad_request", `The body is not valid JSON (line ${parsed.problem.line}, column ${parsed.problem.column}).`);
  }
  return parsed.value;
}

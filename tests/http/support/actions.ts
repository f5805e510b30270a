/**
 * Server actions over HTTP, as a browser calls them: a POST to a page of the app with the
 * `Next-Action` header naming the action's id and the arguments encoded by React's own
 * `encodeReply`; the action's return value is read from the answer's flight rows. The action ids and
 * the pages that use them come from the build's server-reference-manifest.json.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ROOT, type AppServer } from "./app-server";

const require = createRequire(path.join(ROOT, "package.json"));
const rsdw = require("next/dist/compiled/react-server-dom-webpack/client.edge.js") as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

export interface ActionInfo {
  readonly id: string;
  /** `lib/server/actions/organization.ts#createOrganizationAction` */
  readonly name: string;
  readonly exportedName: string;
  readonly filename: string;
  /** App entries that import the action, such as `app/(app)/orgs/page`. */
  readonly pages: readonly string[];
}

interface ManifestEntry {
  workers: Record<string, { moduleId?: unknown; async?: boolean; exportedName?: string; filename?: string }>;
  layer?: Record<string, string>;
  exportedName?: string;
  filename?: string;
}

/** Every server action of a build, by id. */
export function readActions(distDir: string): ActionInfo[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.values(entry.workers)[0];
    const exportedName = entry.exportedName ?? worker?.exportedName ?? "?";
    const filename = (entry.filename ?? worker?.filename ?? "?").replace(/^\.\//, "");
    return { id, exportedName, filename, name: `${filename}#${exportedName}`, pages: Object.keys(entry.workers) };
  });
}

/** A URL path for an app entry (`app/(app)/org/[orgId]/page` → `/org/<orgId>`), with the given segment values. */
export function pathOfEntry(entry: string, params: Record<string, string>): string {
  const segments = entry
    .replace(/^app\//, "")
    .replace(/\/(page|route)$/, "")
    .split("/")
    .filter((s) => s !== "" && !/^\(.*\)$/.test(s) && s !== "page");
  const filled = segments.map((s) => {
    const m = /^\[(?:\.\.\.)?([^\]]+)\]$/.exec(s);
    return m ? encodeURIComponent(params[m[1]!] ?? "x") : s;
  });
  return `/${filled.join("/")}`;
}

export interface ActionCall {
  readonly status: number;
  readonly headers: Headers;
  /** The raw response (React flight text, or an HTML error page). */
  readonly text: string;
  /** The action's return value, when the response carries one. */
  readonly result: unknown;
  /** Where the action redirected (x-action-redirect), if it did. */
  readonly redirect: string | null;
}

export interface ActionCallOptions {
  readonly cookie?: string;
  /** The page to post to; default: the first page that uses the action. */
  readonly page?: string;
  readonly params?: Record<string, string>;
  /** Origin header; the server's own by default, null for none. */
  readonly origin?: string | null;
  /** A raw body instead of encoding `args` (for malformed payloads). */
  readonly rawBody?: { body: string | FormData; contentType?: string };
  readonly headers?: Record<string, string>;
}

/** Plain JSON values of the flight format: `$undefined`, dates (`$D…`) and escaped `$$` strings. */
function revive(value: unknown): unknown {
  if (typeof value === "string") {
    if (value === "$undefined") return undefined;
    if (value.startsWith("$D")) return new Date(value.slice(2));
    if (value.startsWith("$$")) return value.slice(1);
    return value;
  }
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  return value;
}

/**
 * The action's return value from the response: row 0 is `{ a: "$@<row>", … }` and that row holds the
 * value. Read row by row rather than with React's decoder, which also wants every client component
 * the response mentions (an action that revalidates sends the page's new tree along).
 */
function actionResult(text: string): unknown {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  const root = rows.get("0");
  if (!root) return undefined;
  const ref = (JSON.parse(root) as { a?: unknown }).a;
  if (typeof ref !== "string" || !ref.startsWith("$@")) return revive(ref);
  const row = rows.get(ref.slice(2));
  return row === undefined ? undefined : revive(JSON.parse(row));
}

export async function callAction(server: AppServer, action: ActionInfo, args: unknown[], opts: ActionCallOptions = {}): Promise<ActionCall> {
  const headers: Record<string, string> = { ...opts.headers, "next-action": action.id, accept: "text/x-component" };
  if (opts.cookie) headers.cookie = opts.cookie;
  const origin = opts.origin === undefined ? server.url : opts.origin;
  if (origin !== null) headers.origin = origin;
  let body: string | FormData;
  if (opts.rawBody) {
    body = opts.rawBody.body;
    if (opts.rawBody.contentType) headers["content-type"] = opts.rawBody.contentType;
  } else {
    body = await rsdw.encodeReply(args);
    if (typeof body === "string") headers["content-type"] = "text/plain;charset=UTF-8";
  }
  const page = opts.page ?? pathOfEntry(action.pages[0] ?? "app/page", opts.params ?? {});
  const res = await fetch(`${server.url}${page}`, { method: "POST", headers, body, redirect: "manual" });
  const text = await res.text();
  let result: unknown;
  if ((res.headers.get("content-type") ?? "").includes("text/x-component")) {
    try {
      result = actionResult(text);
    } catch {
      result = undefined;
    }
  }
  return { status: res.status, headers: res.headers, text, result, redirect: res.headers.get("x-action-redirect") };
}

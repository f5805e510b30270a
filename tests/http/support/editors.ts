/**
 * Simulated editors for the concurrency tests: each reads the draft, adds its next edit to its own
 * list in the questionnaire document, and saves with the version it read; on 409 it takes the
 * stored draft the answer carries (the re-read), re-applies its edit and retries after a random
 * pause that grows with each failed attempt, as a real client backs off.
 */
import type { AppServer } from "./app-server";
import { call } from "./client";

export interface EditorsOptions {
  /** One server, or several: client i talks to servers[i % n]. */
  readonly server: AppServer | readonly AppServer[];
  readonly path: string;
  readonly cookie: string;
  readonly clients: number;
  readonly edits: number;
}

export interface EditorsResult {
  readonly saves: number;
  readonly conflicts: number;
  /** Answers other than 200 and 409, with their bodies. */
  readonly unexpected: string[];
}

type Draft = { questionnaire: { edits?: Record<string, number[]> }; version: number };

export async function runEditors(opts: EditorsOptions): Promise<EditorsResult> {
  const servers = Array.isArray(opts.server) ? opts.server : [opts.server as AppServer];
  let saves = 0;
  let conflicts = 0;
  const unexpected: string[] = [];
  const editor = async (c: number) => {
    const server = servers[c % servers.length]!;
    let draft: Draft | null = null;
    for (let n = 1; n <= opts.edits; n++) {
      for (let attempt = 0; ; attempt++) {
        if (attempt > 500) {
          unexpected.push(`client ${c} gave up on edit ${n}`);
          return;
        }
        if (!draft) {
          const read = await call(server, "GET", opts.path, { cookie: opts.cookie });
          if (read.status !== 200) {
            unexpected.push(`GET ${read.status} ${read.text.slice(0, 200)}`);
            return;
          }
          draft = read.json as unknown as Draft;
        }
        const edits = { ...draft.questionnaire.edits };
        edits[`c${c}`] = [...(edits[`c${c}`] ?? []), n];
        const questionnaire: Draft["questionnaire"] = { ...draft.questionnaire, edits };
        const saved = await call(server, "PUT", opts.path, { cookie: opts.cookie, body: { questionnaire, version: draft.version } });
        if (saved.status === 200 && typeof saved.json?.version === "number") {
          saves++;
          // The next edit starts from this client's own save; a later conflict brings the news.
          draft = { questionnaire, version: saved.json.version };
          break;
        }
        const current = saved.json?.current as Draft | undefined;
        if (saved.status === 409 && typeof saved.json?.currentVersion === "number" && current) {
          conflicts++;
          // The 409 carries the stored draft: re-apply the edit to it. Exponential back-off with
          // full jitter keeps twenty writers on one row from spending the server on doomed attempts.
          draft = current;
          await new Promise((r) => setTimeout(r, Math.random() * Math.min(1000, 10 * 2 ** Math.min(attempt, 7))));
          continue;
        }
        unexpected.push(`PUT ${saved.status} ${saved.text.slice(0, 200)}`);
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, (_, c) => editor(c)));
  return { saves, conflicts, unexpected };
}

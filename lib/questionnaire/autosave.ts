/**
 * Autosave without losing a keystroke. Every change is written to local storage at once (as a
 * draft with the version it was based on) and sent to the server after a pause; the draft is
 * removed only when the server has acknowledged exactly what it holds. A stale version gets a
 * conflict, never an overwrite; a failed request is retried. No React and no timers of its own:
 * the component passes them in, so the tests drive it step by step.
 */
import type { Answers } from "./answers";
import { ANSWERS_FORMAT, stepOfPath, type AnswerProblem } from "./steps";

export type SaveAnswersResult =
  | { readonly ok: true; readonly version: number }
  | { readonly ok: false; readonly conflict: true }
  | { readonly ok: false; readonly errors: ReadonlyArray<{ readonly path: string; readonly message: string }> };

export type SaveStatus =
  /** Nothing changed since the page loaded. */
  | "idle"
  /** Changes wait for the pause to end. */
  | "pending"
  | "saving"
  | "saved"
  /** Another tab saved first: reload to see the latest. */
  | "conflict"
  /** Some answers are out of range; they stay in this browser until fixed. */
  | "invalid"
  /** The server could not be reached; retrying. */
  | "offline";

export interface AutosaveState {
  readonly status: SaveStatus;
  readonly version: number;
  readonly errors: readonly AnswerProblem[];
}

export interface Draft {
  readonly baseVersion: number;
  readonly answers: Answers;
  /** When it was written (ms since 1970), to pick the newest of several tabs' drafts. */
  readonly savedAt?: number;
}

export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

export interface AutosaveOptions {
  readonly save: (answers: Answers, version: number) => Promise<SaveAnswersResult>;
  readonly storage: StorageLike | undefined;
  readonly storageKey: string;
  readonly version: number;
  readonly onState: (state: AutosaveState) => void;
  readonly delayMs?: number;
  readonly retryMs?: number;
  /**
   * Problems that stop a save (wrong types, out of range): `blockingProblems` from validate.ts.
   * Passed in so this module stays free of zod; without it, the server alone checks.
   */
  readonly check?: (answers: Answers) => readonly AnswerProblem[];
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

export const AUTOSAVE_DELAY_MS = 800;
export const AUTOSAVE_RETRY_MS = 5000;
const DRAFT_FORMAT = "bulwark-draft/1";

const DRAFT_PREFIX = "bulwark:answers:";

/**
 * One draft per assessment and browser tab: a second tab saving must not delete the first tab's
 * unsaved answers. The tab id lives in session storage, which survives a reload of the same tab.
 */
export function draftKey(assessmentId: string, tabId: string): string {
  return `${DRAFT_PREFIX}${assessmentId}:${tabId}`;
}

export function tabId(session: Pick<Storage, "getItem" | "setItem"> | undefined): string {
  const KEY = "bulwark:tab";
  try {
    const known = session?.getItem(KEY);
    if (known) return known;
    const id = Math.random().toString(36).slice(2, 10);
    session?.setItem(KEY, id);
    return id;
  } catch {
    return "tab";
  }
}

/** Every readable draft of an assessment, newest first. */
export function listDrafts(storage: StorageLike | undefined, assessmentId: string): Array<{ key: string; draft: Draft }> {
  const out: Array<{ key: string; draft: Draft }> = [];
  if (!storage) return out;
  const prefix = `${DRAFT_PREFIX}${assessmentId}:`;
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(prefix)) continue;
      const draft = readDraft(storage, key);
      if (draft) out.push({ key, draft });
    }
  } catch {
    return out;
  }
  return out.sort((a, b) => (b.draft.savedAt ?? 0) - (a.draft.savedAt ?? 0));
}

/** The unsaved answers kept in this browser, if any (anything unreadable counts as none). */
export function readDraft(storage: StorageLike | undefined, key: string): Draft | undefined {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as { format?: unknown; baseVersion?: unknown; answers?: { format?: unknown } };
    if (parsed.format !== DRAFT_FORMAT || typeof parsed.baseVersion !== "number" || parsed.answers?.format !== ANSWERS_FORMAT) {
      return undefined;
    }
    const savedAt = (parsed as { savedAt?: unknown }).savedAt;
    return { baseVersion: parsed.baseVersion, answers: parsed.answers as Answers, ...(typeof savedAt === "number" ? { savedAt } : {}) };
  } catch {
    return undefined;
  }
}

function writeDraft(storage: StorageLike | undefined, key: string, draft: Draft): void {
  try {
    storage?.setItem(key, JSON.stringify({ format: DRAFT_FORMAT, savedAt: Date.now(), ...draft }));
  } catch {
    // Storage full or disabled (private mode): the server save still runs.
  }
}

export function clearDraft(storage: StorageLike | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: the draft simply stays.
  }
}

export interface Autosave {
  /** Record a change: kept in this browser at once, saved after the pause. */
  update(answers: Answers): void;
  /** Save now (the page is being hidden or left). */
  flush(): void;
  /** Save now and wait until the server has answered (before showing results). */
  flushAndWait(): Promise<AutosaveState>;
  /** Stop timers; the draft stays if it was not acknowledged. */
  dispose(): void;
  getState(): AutosaveState;
}

export function createAutosave(options: AutosaveOptions): Autosave {
  const delay = options.delayMs ?? AUTOSAVE_DELAY_MS;
  const retry = options.retryMs ?? AUTOSAVE_RETRY_MS;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let state: AutosaveState = { status: "idle", version: options.version, errors: [] };
  let current: Answers | undefined;
  let dirty = false;
  let inFlight = false;
  let again = false;
  let timer: unknown;
  let disposed = false;
  let running: Promise<void> = Promise.resolve();

  const setState = (patch: Partial<AutosaveState>) => {
    state = { ...state, ...patch };
    options.onState(state);
  };
  const cancel = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
  };
  const schedule = (ms: number) => {
    cancel();
    timer = setTimer(() => {
      timer = undefined;
      void start();
    }, ms);
  };

  function start(): Promise<void> {
    const p = run();
    if (!inFlight) return p;
    running = p;
    return p;
  }

  async function run(): Promise<void> {
    if (disposed || !dirty || current === undefined || state.status === "conflict") return;
    if (inFlight) {
      again = true;
      return;
    }
    const sent = current;
    const problems = options.check?.(sent) ?? [];
    if (problems.length > 0) {
      setState({ status: "invalid", errors: problems });
      return;
    }
    inFlight = true;
    setState({ status: "saving" });
    let result: SaveAnswersResult;
    try {
      result = await options.save(sent, state.version);
    } catch {
      inFlight = false;
      setState({ status: "offline" });
      schedule(retry);
      return;
    }
    inFlight = false;
    if (result.ok) {
      const acknowledged = current === sent;
      if (acknowledged) {
        dirty = false;
        clearDraft(options.storage, options.storageKey);
        setState({ status: "saved", version: result.version, errors: [] });
      } else {
        // Newer answers arrived while saving: keep them, now based on the new version.
        writeDraft(options.storage, options.storageKey, { baseVersion: result.version, answers: current });
        setState({ status: "pending", version: result.version, errors: [] });
        schedule(again ? 0 : delay);
      }
    } else if ("conflict" in result) {
      setState({ status: "conflict" });
    } else {
      setState({
        status: "invalid",
        errors: result.errors.map((e) => ({ step: stepOfPath(e.path), path: e.path, message: e.message })),
      });
    }
    again = false;
  }

  return {
    update(answers) {
      if (disposed) return;
      current = answers;
      dirty = true;
      writeDraft(options.storage, options.storageKey, { baseVersion: state.version, answers });
      if (state.status === "conflict") return;
      const problems = options.check?.(answers) ?? [];
      if (problems.length > 0) {
        cancel();
        setState({ status: "invalid", errors: problems });
        return;
      }
      if (state.status !== "saving") setState({ status: "pending", errors: [] });
      schedule(delay);
    },
    flush() {
      cancel();
      void start();
    },
    async flushAndWait() {
      cancel();
      // Wait for a save under way, then send whatever changed since, until nothing is left.
      for (let i = 0; i < 10; i++) {
        await running;
        if (!dirty || state.status === "conflict" || state.status === "invalid" || state.status === "offline") break;
        await start();
      }
      return state;
    },
    dispose() {
      disposed = true;
      cancel();
    },
    getState: () => state,
  };
}

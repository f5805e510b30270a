import { describe, expect, it } from "vitest";
import { emptyAnswers, type Answers } from "./answers";
import { blockingProblems } from "./validate";
import { createAutosave, draftKey, listDrafts, readDraft, tabId, type AutosaveState, type SaveAnswersResult, type StorageLike } from "./autosave";

class MemoryStorage implements StorageLike {
  readonly data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

/** Timers the test fires by hand, and a server whose answers the test releases one by one. */
function harness(version = 1) {
  const timers: Array<{ fn: () => void; ms: number; live: boolean }> = [];
  const calls: Array<{ answers: Answers; version: number; resolve: (r: SaveAnswersResult) => void; reject: (e: Error) => void }> = [];
  const states: AutosaveState[] = [];
  const storage = new MemoryStorage();
  const key = draftKey("a1", "tab1");
  const autosave = createAutosave({
    version,
    storage,
    storageKey: key,
    onState: (s) => states.push(s),
    check: blockingProblems,
    save: (answers, v) => new Promise((resolve, reject) => calls.push({ answers, version: v, resolve, reject })),
    setTimer: (fn, ms) => {
      const t = { fn, ms, live: true };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => {
      (h as { live: boolean }).live = false;
    },
  });
  const fire = () => {
    const live = timers.filter((t) => t.live);
    for (const t of live) {
      t.live = false;
      t.fn();
    }
    return live.map((t) => t.ms);
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { autosave, timers, calls, states, storage, key, fire, settle };
}

function named(name: string): Answers {
  return emptyAnswers({ name });
}

describe("autosave", () => {
  it("keeps each change in the browser at once and saves once after the pause", async () => {
    const h = harness();
    h.autosave.update(named("A"));
    h.autosave.update(named("AB"));
    expect(readDraft(h.storage, h.key)).toMatchObject({ baseVersion: 1, answers: named("AB") });
    expect(h.calls).toHaveLength(0);
    expect(h.fire()).toEqual([800]);
    expect(h.calls.map((c) => [c.answers.business.name, c.version])).toEqual([["AB", 1]]);
    expect(h.autosave.getState().status).toBe("saving");
    h.calls[0]!.resolve({ ok: true, version: 2 });
    await h.settle();
    expect(h.autosave.getState()).toEqual({ status: "saved", version: 2, errors: [] });
    expect(readDraft(h.storage, h.key)).toBeUndefined();
  });

  it("keeps the draft when the user typed during the save, and saves again on the new version", async () => {
    const h = harness();
    h.autosave.update(named("A"));
    h.fire();
    h.autosave.update(named("AB"));
    h.calls[0]!.resolve({ ok: true, version: 2 });
    await h.settle();
    expect(readDraft(h.storage, h.key)).toMatchObject({ baseVersion: 2, answers: named("AB") });
    h.fire();
    expect(h.calls.map((c) => [c.answers.business.name, c.version])).toEqual([["A", 1], ["AB", 2]]);
    h.calls[1]!.resolve({ ok: true, version: 3 });
    await h.settle();
    expect(h.autosave.getState().status).toBe("saved");
    expect(readDraft(h.storage, h.key)).toBeUndefined();
  });

  it("stops on a conflict and keeps what was typed", async () => {
    const h = harness(5);
    h.autosave.update(named("Mine"));
    h.fire();
    h.calls[0]!.resolve({ ok: false, conflict: true });
    await h.settle();
    expect(h.autosave.getState().status).toBe("conflict");
    h.autosave.update(named("Mine too"));
    h.autosave.flush();
    expect(h.calls).toHaveLength(1);
    expect(readDraft(h.storage, h.key)).toMatchObject({ baseVersion: 5, answers: named("Mine too") });
  });

  it("retries after a network failure", async () => {
    const h = harness();
    h.autosave.update(named("A"));
    h.fire();
    h.calls[0]!.reject(new Error("offline"));
    await h.settle();
    expect(h.autosave.getState().status).toBe("offline");
    expect(h.fire()).toEqual([5000]);
    h.calls[1]!.resolve({ ok: true, version: 2 });
    await h.settle();
    expect(h.autosave.getState().status).toBe("saved");
  });

  it("does not send out-of-range answers, and shows why", () => {
    const h = harness();
    const a = named("A");
    a.business.operatingHoursPerWeek = 500;
    h.autosave.update(a);
    expect(h.fire()).toEqual([]);
    expect(h.calls).toHaveLength(0);
    expect(h.autosave.getState().status).toBe("invalid");
    expect(h.autosave.getState().errors.map((e) => [e.path, e.message])).toEqual([
      ["business.operatingHoursPerWeek", "Enter the hours you are open in a typical week, from 0 to 168"],
    ]);
    expect(readDraft(h.storage, h.key)?.answers.business.operatingHoursPerWeek).toBe(500);
  });

  it("shows the server's field errors", async () => {
    const h = harness();
    h.autosave.update(named("A"));
    h.fire();
    h.calls[0]!.resolve({ ok: false, errors: [{ path: "business.name", message: "Taken" }] });
    await h.settle();
    expect(h.autosave.getState()).toMatchObject({ status: "invalid", errors: [{ step: "business", path: "business.name", message: "Taken" }] });
    expect(readDraft(h.storage, h.key)).toBeDefined();
  });

  it("saves at once when flushed (page hidden) and never twice in parallel", async () => {
    const h = harness();
    h.autosave.update(named("A"));
    h.autosave.flush();
    h.autosave.flush();
    expect(h.calls).toHaveLength(1);
    h.autosave.update(named("AB"));
    h.autosave.flush();
    expect(h.calls).toHaveLength(1);
    h.calls[0]!.resolve({ ok: true, version: 2 });
    await h.settle();
    expect(h.fire()).toEqual([0]);
    expect(h.calls.map((c) => c.answers.business.name)).toEqual(["A", "AB"]);
  });

  it("flushAndWait resolves once the server has everything", async () => {
    const h = harness();
    h.autosave.update(named("A"));
    h.autosave.flush();
    h.autosave.update(named("AB"));
    const done = h.autosave.flushAndWait();
    h.calls[0]!.resolve({ ok: true, version: 2 });
    await h.settle();
    expect(h.calls.map((c) => [c.answers.business.name, c.version])).toEqual([["A", 1], ["AB", 2]]);
    h.calls[1]!.resolve({ ok: true, version: 3 });
    expect(await done).toEqual({ status: "saved", version: 3, errors: [] });
    expect(readDraft(h.storage, h.key)).toBeUndefined();
  });

  it("keeps one draft per tab, so another tab's save never deletes it", async () => {
    const one = harness();
    const two = createAutosave({
      version: 1,
      storage: one.storage,
      storageKey: draftKey("a1", "tab2"),
      onState: () => {},
      save: async () => ({ ok: true, version: 2 }),
      setTimer: (fn) => fn(),
      clearTimer: () => {},
    });
    one.autosave.update(named("Tab one"));
    two.update(named("Tab two"));
    await one.settle();
    expect(readDraft(one.storage, draftKey("a1", "tab2"))).toBeUndefined();
    expect(listDrafts(one.storage, "a1").map((d) => [d.key, d.draft.answers.business.name])).toEqual([["bulwark:answers:a1:tab1", "Tab one"]]);
    expect(listDrafts(one.storage, "other")).toEqual([]);
  });

  it("gives a tab the same id after a reload", () => {
    const session = new MemoryStorage();
    const first = tabId(session);
    expect(tabId(session)).toBe(first);
    expect(tabId(new MemoryStorage())).not.toBe("");
  });

  it("ignores a damaged draft", () => {
    const s = new MemoryStorage();
    s.setItem("k", "{not json");
    expect(readDraft(s, "k")).toBeUndefined();
    s.setItem("k", JSON.stringify({ format: "bulwark-draft/1", baseVersion: 1, answers: { format: "other" } }));
    expect(readDraft(s, "k")).toBeUndefined();
  });
});

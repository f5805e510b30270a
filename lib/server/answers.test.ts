import { describe, expect, it, vi } from "vitest";
import { addMember, createUser } from "../../tests/factories";
import { assessInventory, ENGINE_VERSION, type Inventory } from "../engine";
import { inventoryToAnswers } from "../questionnaire/mapping";
import { emptyAnswers } from "../questionnaire/steps";
import { loadExample } from "../questionnaire/test-support";
import { createOrganization, getAssessment, getLatestResult, listAssessments, type Actor } from "./access";
import { calculateResults, describeInventoryPath, GENERIC_FAILURE, saveAnswers, SIGNED_OUT } from "./answers";

async function orgWithTeam(name = "Harbor Dental") {
  const owner = await createUser({ name: "Olive Owner" });
  const viewer = await createUser({ name: "Vic Viewer" });
  const org = await createOrganization({ userId: owner.id }, { name });
  await addMember(viewer.id, org.id, "viewer");
  const [a] = await listAssessments({ userId: owner.id }, { organizationId: org.id });
  return {
    target: { organizationId: org.id, assessmentId: a!.id },
    owner: { userId: owner.id } as Actor,
    viewer: { userId: viewer.id } as Actor,
  };
}

/** Harbor Dental as questionnaire answers, without the file's date (the app dates it when scored). */
function harborAnswers() {
  const { asOf: _asOf, ...inventory } = loadExample("harbor-dental");
  return inventoryToAnswers(inventory as Inventory);
}

describe("saveAnswers", () => {
  it("stores the answers and the inventory built from them, and answers the next version", async () => {
    const t = await orgWithTeam();
    const answers = harborAnswers();
    expect(await saveAnswers(t.owner, t.target, { answers, version: 1 })).toEqual({ ok: true, version: 2 });
    const stored = await getAssessment(t.owner, t.target);
    expect(stored.version).toBe(2);
    expect(stored.questionnaire).toEqual(JSON.parse(JSON.stringify(answers)));
    const inv = stored.inventory as { functions: Array<{ name: string }>; asOf?: string };
    expect(inv.functions.map((f) => f.name)).toEqual(["Patient scheduling", "Email"]);
    expect(inv.asOf).toBeUndefined();
    expect(await saveAnswers(t.owner, t.target, { answers, version: 2 })).toEqual({ ok: true, version: 3 });
  });

  it("answers a stale version with a conflict and keeps what the other tab saved", async () => {
    const t = await orgWithTeam();
    const first = emptyAnswers({ name: "First tab" });
    const second = emptyAnswers({ name: "Second tab" });
    expect(await saveAnswers(t.owner, t.target, { answers: first, version: 1 })).toEqual({ ok: true, version: 2 });
    expect(await saveAnswers(t.owner, t.target, { answers: second, version: 1 })).toEqual({ ok: false, conflict: true });
    const stored = await getAssessment(t.owner, t.target);
    expect((stored.questionnaire as { business: { name: string } }).business.name).toBe("First tab");
    expect(stored.version).toBe(2);
  });

  it("takes the same answers sent twice from a stale version as saved: a reload's late save is no conflict", async () => {
    const t = await orgWithTeam();
    const answers = emptyAnswers({ name: "Sent twice" });
    expect(await saveAnswers(t.owner, t.target, { answers, version: 1 })).toEqual({ ok: true, version: 2 });
    expect(await saveAnswers(t.owner, t.target, { answers, version: 1 })).toEqual({ ok: true, version: 2 });
    expect((await getAssessment(t.owner, t.target)).version).toBe(2);
    const other = emptyAnswers({ name: "Something else" });
    expect(await saveAnswers(t.owner, t.target, { answers: other, version: 1 })).toEqual({ ok: false, conflict: true });
  });

  it("refuses out-of-range answers with their paths, and stores nothing", async () => {
    const t = await orgWithTeam();
    const answers = harborAnswers();
    const bad = { ...answers, business: { ...answers.business, operatingHoursPerWeek: 200 } };
    const result = await saveAnswers(t.owner, t.target, { answers: bad, version: 1 });
    expect(result.ok).toBe(false);
    expect("errors" in result && result.errors.map((e) => e.path)).toContain("business.operatingHoursPerWeek");
    expect((await getAssessment(t.owner, t.target)).version).toBe(1);
  });

  it("refuses a malformed request (extra keys, no version) by field", async () => {
    const t = await orgWithTeam();
    const extra = await saveAnswers(t.owner, t.target, { answers: emptyAnswers(), version: 1, admin: true });
    expect(extra).toMatchObject({ ok: false, errors: [{ path: "" }] });
    const noVersion = await saveAnswers(t.owner, t.target, { answers: emptyAnswers() });
    expect(noVersion).toEqual({ ok: false, errors: [{ path: "version", message: "version is required: the version you last loaded." }] });
    expect(await saveAnswers(t.owner, t.target, "not an object")).toMatchObject({ ok: false });
  });

  it("lets a viewer read but not save, and a stranger or a signed-out caller neither", async () => {
    const t = await orgWithTeam();
    const stranger = { userId: (await createUser()).id };
    const input = { answers: emptyAnswers({ name: "Hijack" }), version: 1 };
    expect(await saveAnswers(t.viewer, t.target, input)).toEqual({
      ok: false,
      errors: [{ path: "", message: "Your role in this organisation does not allow you to edit this assessment." }],
    });
    expect(await saveAnswers(stranger, t.target, input)).toMatchObject({ ok: false, errors: [{ path: "", message: expect.stringMatching(/not found/) }] });
    expect(await saveAnswers(null, t.target, input)).toEqual({ ok: false, errors: [{ path: "", message: SIGNED_OUT }] });
    expect((await getAssessment(t.owner, t.target)).version).toBe(1);
  });

  it("answers an unexpected failure with a generic message, never the details", async () => {
    const t = await orgWithTeam();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    // A bug rather than an expected error: reading the caller throws something no layer expects.
    const broken = {
      get userId(): string {
        throw new Error("database at /secret/path is locked");
      },
    };
    const result = await saveAnswers(broken, t.target, { answers: emptyAnswers(), version: 1 });
    expect(result).toEqual({ ok: false, errors: [{ path: "", message: GENERIC_FAILURE }] });
    expect(JSON.stringify(result)).not.toContain("secret");
    expect(log).toHaveBeenCalled();
    expect(await calculateResults(broken, t.target, 1)).toEqual({ ok: false, message: GENERIC_FAILURE, problems: [] });
    log.mockRestore();
  });
});

describe("calculateResults", () => {
  it("scores the saved answers as the engine scores the example, and keeps a snapshot with the engine version", async () => {
    const t = await orgWithTeam();
    await saveAnswers(t.owner, t.target, { answers: harborAnswers(), version: 1 });
    const result = await calculateResults(t.owner, t.target, 2);
    expect(result.ok).toBe(true);
    const latest = await getLatestResult(t.viewer, t.target);
    expect(latest?.engineVersion).toBe(ENGINE_VERSION);
    expect(latest?.assessmentVersion).toBe(2);
    const engine = assessInventory({ ...loadExample("harbor-dental"), asOf: latest!.result.asOf });
    if (!engine.ok) throw new Error("the example must validate");
    expect(latest!.result.expectedAnnualLoss).toBeCloseTo(engine.assessment.expectedAnnualLoss, 9);
    const names = (r: typeof engine.assessment, inv: Inventory) =>
      r.functions.map((f) => [f.name, f.singlePointsOfFailure.map((id) => inv.components!.find((c) => c.id === id)!.name).sort()]);
    expect(names(latest!.result, latest!.inventory as Inventory)).toEqual(names(engine.assessment, loadExample("harbor-dental")));
  });

  it("refuses to score answers the caller has not seen (a newer version) and lets a viewer not score at all", async () => {
    const t = await orgWithTeam();
    await saveAnswers(t.owner, t.target, { answers: harborAnswers(), version: 1 });
    expect(await calculateResults(t.owner, t.target, 1)).toMatchObject({ ok: false, conflict: true });
    expect(await calculateResults(t.viewer, t.target, 2)).toMatchObject({ ok: false, message: expect.stringMatching(/does not allow/) });
    expect(await getLatestResult(t.owner, t.target)).toBeNull();
  });

  it("names what is missing when the answers cannot be scored yet", async () => {
    const t = await orgWithTeam();
    const answers = harborAnswers();
    // An activity that needs nothing cannot be scored: the engine names it.
    const broken = { ...answers, functions: { items: answers.functions.items.map((f) => ({ ...f, requires: undefined })) } };
    const saved = await saveAnswers(t.owner, t.target, { answers: broken, version: 1 });
    expect(saved).toEqual({ ok: true, version: 2 });
    const result = await calculateResults(t.owner, t.target, 2);
    expect(result).toMatchObject({ ok: false, message: "The answers are not complete enough to calculate a result yet." });
    expect(!result.ok && result.problems.length).toBeGreaterThan(0);
    expect(!result.ok && result.problems[0]!.path).toMatch(/^Activity “Patient scheduling”/);
  });
});

describe("describeInventoryPath", () => {
  const inventory = { functions: [{ id: "sales", name: "Sales" }], components: [{ id: "nas" }], dataSets: [] };
  it("names the item the path points into, in the questionnaire's words", () => {
    expect(describeInventoryPath("functions[0].requires.all[1]", inventory)).toBe("Activity “Sales”: requires.all[1]");
    expect(describeInventoryPath("components[0]", inventory)).toBe("Equipment or service “nas”");
    expect(describeInventoryPath("dataSets[2].copies", inventory)).toBe("Data “number 3”: copies");
  });
  it("leaves other paths as they are", () => {
    expect(describeInventoryPath("organization.operatingHoursPerWeek", inventory)).toBe("organization.operatingHoursPerWeek");
  });
});

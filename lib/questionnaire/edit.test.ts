import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMPONENT_KINDS } from "@/lib/engine/schema";
import { validateInventory } from "@/lib/engine/validate";
import { COMPONENT_LISTS, allComponents, emptyAnswers, type Answers } from "./answers";
import {
  addComponent,
  addCopy,
  addDataSet,
  addFunction,
  addPerson,
  removeComponent,
  removePerson,
  requirementCandidates,
  setRequires,
  slugify,
  uniqueId,
  updateCare,
  updateComponent,
} from "./edit";
import { answersToInventory, inventoryToAnswers } from "./mapping";
import { addRequirement, referencedIds } from "./requirements";
import { findAnswerProblems } from "./validate";
import { loadExample } from "./test-support";

describe("ids", () => {
  it("come from names and never collide", () => {
    expect(slugify("Fiber line (CityNet)")).toBe("fiber-line-citynet");
    expect(slugify("Café Wi‑Fi")).toBe("cafe-wi-fi");
    expect(uniqueId("Router", new Set(["router", "router-2"]))).toBe("router-3");
    expect(uniqueId("!!!", new Set(), "network")).toBe("network");
  });
});

describe("removing", () => {
  it("a component removes every mention of it", () => {
    const a = removeComponent(inventoryToAnswers(loadExample("harbor-dental")), "router");
    const inv = answersToInventory(a);
    expect(inv.components!.map((c) => c.id)).toEqual(["utility", "ups", "fiber", "pms", "email"]);
    expect(inv.functions![0]!.requires).toBe("pms");
    expect(inv.components!.find((c) => c.id === "email")!.requires).toBe("fiber");
    expect(a.people.care.router).toBeUndefined();
    expect(validateInventory(inv).ok).toBe(true);
  });

  it("the component a data set lives on asks for a new place", () => {
    const a = removeComponent(inventoryToAnswers(loadExample("harbor-dental")), "pms");
    expect(a.data.dataSets[0]!.primary).toBeUndefined();
    expect(findAnswerProblems(a).map((p) => p.path)).toEqual(["data.dataSets[0].primary"]);
  });

  it("a person removes them from who can fix what; what only they could fix becomes not sure, not nobody", () => {
    const before = inventoryToAnswers(loadExample("ledger-accounting"));
    expect(before.people.care.firewall!.knownBy).toEqual(["msp"]);
    const a = removePerson(before, "msp");
    expect(a.people.care.switch!.knownBy).toEqual(["dana"]);
    expect(a.people.care.firewall?.knownBy).toBeUndefined();
    const inventory = answersToInventory(a);
    expect(inventory.components!.find((c) => c.id === "firewall")).not.toHaveProperty("knownBy");
    expect(validateInventory(inventory).ok).toBe(true);
    // "Nobody here" answered on purpose stays nobody.
    const harbor = removePerson(inventoryToAnswers(loadExample("harbor-dental")), "maria");
    expect(harbor.people.care.pms!.knownBy).toEqual([]);
    expect(harbor.people.care.router?.knownBy).toBeUndefined();
  });
});

describe("requirementCandidates", () => {
  it("leaves out the owner and everything that already needs it", () => {
    const a = inventoryToAnswers(loadExample("harbor-dental"));
    const ids = requirementCandidates(a, { type: "component", id: "ups" }).map((c) => c.id);
    expect(ids).toEqual(["utility"]);
    expect(requirementCandidates(a, { type: "function", id: "mail" })).toHaveLength(6);
  });
});

describe("updates", () => {
  it("remove a field when the answer becomes “I don't know”", () => {
    const a = updateComponent(inventoryToAnswers(loadExample("harbor-dental")), "fiber", { failuresPerYear: undefined });
    expect(answersToInventory(a).components![2]).toEqual({ id: "fiber", name: "Fiber line (CityNet)", kind: "internet", repairHours: 8, requires: "ups" });
  });

  it("drop an empty care record", () => {
    const a = updateCare(inventoryToAnswers(loadExample("harbor-dental")), "router", { knownBy: undefined });
    expect(a.people.care.router).toBeUndefined();
  });

  it("never change their input", () => {
    const a = inventoryToAnswers(loadExample("harbor-dental"));
    const before = JSON.stringify(a);
    removeComponent(a, "ups");
    addComponent(a, COMPONENT_LISTS[0], { name: "Gen", kind: "generator" });
    updateCare(a, "ups", { monitored: false });
    expect(JSON.stringify(a)).toBe(before);
  });
});

/**
 * Any sequence of questionnaire edits keeps the answers consistent: once nothing is missing, the
 * inventory passes the engine's validation.
 */
describe("edit sequences (property)", () => {
  type Op =
    | { op: "add"; list: number; kind: number; name: string }
    | { op: "need"; owner: number; target: number }
    | { op: "remove"; index: number }
    | { op: "person"; name: string }
    | { op: "fix"; component: number; person: number }
    | { op: "dropPerson"; index: number };

  const opArb: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant("add" as const), list: fc.nat(COMPONENT_LISTS.length - 1), kind: fc.nat(COMPONENT_KINDS.length - 1), name: fc.string({ maxLength: 12 }) }),
    fc.record({ op: fc.constant("need" as const), owner: fc.nat(20), target: fc.nat(20) }),
    fc.record({ op: fc.constant("remove" as const), index: fc.nat(20) }),
    fc.record({ op: fc.constant("person" as const), name: fc.string({ minLength: 1, maxLength: 8 }) }),
    fc.record({ op: fc.constant("fix" as const), component: fc.nat(20), person: fc.nat(5) }),
    fc.record({ op: fc.constant("dropPerson" as const), index: fc.nat(5) }),
  );

  function apply(answers: Answers, op: Op): Answers {
    const comps = allComponents(answers).map((c) => c.component);
    switch (op.op) {
      case "add":
        return addComponent(answers, COMPONENT_LISTS[op.list]!, { name: op.name.trim() || "Thing", kind: COMPONENT_KINDS[op.kind]! }).answers;
      case "need": {
        const owner = comps[op.owner % Math.max(1, comps.length)];
        if (!owner) return answers;
        const candidates = requirementCandidates(answers, { type: "component", id: owner.id });
        const target = candidates[op.target % Math.max(1, candidates.length)];
        return target ? setRequires(answers, { type: "component", id: owner.id }, addRequirement(owner.requires, target.id)) : answers;
      }
      case "remove": {
        const c = comps[op.index % Math.max(1, comps.length)];
        return c ? removeComponent(answers, c.id) : answers;
      }
      case "person":
        // As the people step does: the name trimmed, and no Add for a blank one (a blank name
        // that did get in is a problem findAnswerProblems reports, not "nothing missing").
        return addPerson(answers, op.name.trim() || "Someone").answers;
      case "fix": {
        const c = comps[op.component % Math.max(1, comps.length)];
        const p = answers.people.people[op.person % Math.max(1, answers.people.people.length)];
        if (!c || !p) return answers;
        const knownBy = answers.people.care[c.id]?.knownBy ?? [];
        return knownBy.includes(p.id) ? answers : updateCare(answers, c.id, { knownBy: [...knownBy, p.id] });
      }
      case "dropPerson": {
        const p = answers.people.people[op.index % Math.max(1, answers.people.people.length)];
        return p ? removePerson(answers, p.id) : answers;
      }
    }
  }

  it("give a valid inventory whenever nothing is missing", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        let a = emptyAnswers({ name: "Prop" });
        a.business.operatingHoursPerWeek = 40;
        for (const op of ops) a = apply(a, op);
        // Finish the answers: one function that needs every component (or a new one).
        const comps = allComponents(a).map((c) => c.component);
        if (comps.length === 0) a = addComponent(a, COMPONENT_LISTS[4], { name: "Server", kind: "server" }).answers;
        const ids = allComponents(a).map((c) => c.component.id);
        const withFn = addFunction(a, { name: "Work", downtimeCostPerHour: 10 });
        a = setRequires(withFn.answers, { type: "function", id: withFn.id }, ids.length === 1 ? ids[0] : { all: ids });
        const { answers: withData } = addDataSet(a, { name: "Files", primary: ids[0]! });
        a = addCopy(withData, "files", { location: "cloud", medium: "object-storage", intervalHours: 24 }).answers;
        expect(findAnswerProblems(a)).toEqual([]);
        const inv = answersToInventory(a, "2026-01-01");
        expect(validateInventory(inv)).toMatchObject({ ok: true });
        // Every reference points at something that exists.
        for (const c of inv.components ?? []) for (const r of referencedIds(c.requires)) expect(ids).toContain(r);
      }),
      { numRuns: 150 },
    );
  });
});

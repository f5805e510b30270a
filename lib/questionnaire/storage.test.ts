import { describe, expect, it } from "vitest";
import { emptyAnswers } from "./answers";
import { inventoryToAnswers } from "./mapping";
import { answersFromStored, prepareAnswersForSave } from "./storage";
import { loadExample, normalizeJson } from "./test-support";

describe("answersFromStored", () => {
  const harbor = loadExample("harbor-dental");

  it("prefers stored answers", () => {
    const a = emptyAnswers({ name: "Mine" });
    expect(answersFromStored({ questionnaire: a, inventory: harbor }).business.name).toBe("Mine");
  });

  it("loads a stored inventory when there are no answers yet (an import, the demo)", () => {
    expect(answersFromStored({ questionnaire: {}, inventory: harbor })).toEqual(inventoryToAnswers(harbor));
  });

  it("starts fresh with the organisation's name otherwise", () => {
    expect(answersFromStored({ questionnaire: {}, inventory: {}, name: "New Co", currency: "EUR" })).toEqual(emptyAnswers({ name: "New Co", currency: "EUR" }));
  });
});

describe("prepareAnswersForSave", () => {
  it("accepts unfinished answers and builds the inventory to store", () => {
    const r = prepareAnswersForSave(emptyAnswers({ name: "Half done" }), "2026-01-01");
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.inventory).toMatchObject({ asOf: "2026-01-01", organization: { name: "Half done", currency: "USD" } });
  });

  it("rebuilds an imported inventory exactly", () => {
    const harbor = loadExample("harbor-dental");
    const r = prepareAnswersForSave(JSON.parse(JSON.stringify(inventoryToAnswers(harbor))), "2030-01-01");
    expect(r.ok && normalizeJson(r.inventory)).toEqual(normalizeJson(harbor));
  });

  it("refuses out-of-range answers, naming the field", () => {
    const a = emptyAnswers();
    a.business.operatingHoursPerWeek = -1;
    expect(prepareAnswersForSave(a)).toEqual({
      ok: false,
      errors: [{ step: "business", path: "business.operatingHoursPerWeek", message: "Enter the hours you are open in a typical week, from 0 to 168" }],
    });
    expect(prepareAnswersForSave("nonsense")).toEqual({ ok: false, errors: [{ step: "review", path: "", message: "The answers could not be read: reload the page and try again" }] });
  });
});

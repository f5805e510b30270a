import { describe, expect, it } from "vitest";
import { emptyAnswers, type Answers } from "./answers";
import { addComponent, addFunction, setRequires } from "./edit";
import { inventoryToAnswers } from "./mapping";
import { ANSWER_MESSAGES as M } from "./messages";
import { findAnswerProblems, findStepProblems, problemsByPath } from "./validate";
import { BusinessAnswersSchema, CopyAnswerSchema } from "./answers";
import { loadExample } from "./test-support";

function started(): Answers {
  const a = emptyAnswers({ name: "Test Shop" });
  a.business.operatingHoursPerWeek = 40;
  return a;
}

describe("findAnswerProblems", () => {
  it("lists what a fresh questionnaire still needs, in the owner's words", () => {
    expect(findAnswerProblems(emptyAnswers())).toEqual([
      { step: "business", path: "business.name", message: "Enter the name of your business" },
      { step: "business", path: "business.operatingHoursPerWeek", message: "Enter the hours you are open in a typical week, from 0 to 168" },
      { step: "functions", path: "functions.items", message: "Add at least one thing your business does, such as taking payments" },
    ]);
  });

  it("names the field of an out-of-range answer", () => {
    const a = started();
    a.business.operatingHoursPerWeek = 200;
    a.business.currency = "usd";
    expect(findAnswerProblems(a)).toEqual([
      { step: "business", path: "business.currency", message: "Choose a currency as a three-letter code, such as USD or EUR" },
      { step: "business", path: "business.operatingHoursPerWeek", message: "Enter the hours you are open in a typical week, from 0 to 168" },
    ]);
  });

  it("reports a wrong type with the same sentence as a wrong range", () => {
    const a = started() as unknown as Record<string, Record<string, unknown>>;
    a.business!.staffCount = 2.5;
    a.business!.yearlyRevenue = "a lot";
    expect(findAnswerProblems(a)).toEqual([
      { step: "business", path: "business.yearlyRevenue", message: M.yearlyRevenue },
      { step: "business", path: "business.staffCount", message: "Enter the number of staff as a whole number of 0 or more" },
    ]);
  });

  it("asks for what a function needs and what its downtime costs", () => {
    const { answers } = addFunction(started(), { name: "Email" });
    expect(findAnswerProblems(answers)).toEqual([
      {
        step: "functions",
        path: "functions.items[0].downtimeCostPerHour",
        message: "Enter what an hour of downtime costs, or fill in revenue and opening hours on the first step to get a suggestion",
      },
      { step: "review", path: "functions.items[0].requires", message: "Choose at least one thing this needs to work" },
    ]);
  });

  it("accepts the suggested cost when revenue and opening hours are known", () => {
    let { answers } = addFunction(started(), { name: "Email", template: "email" });
    answers.business.yearlyRevenue = 100_000;
    const added = addComponent(answers, { step: "systems", key: "items" }, { name: "Mail service", kind: "saas" });
    answers = setRequires(added.answers, { type: "function", id: "email" }, added.id);
    expect(findAnswerProblems(answers)).toEqual([]);
  });

  it("traces a reference to something removed back to the function", () => {
    const a = inventoryToAnswers(loadExample("harbor-dental"));
    a.functions.items[0]!.requires = { all: ["pms", "gone"] };
    expect(findAnswerProblems(a)).toEqual([
      { step: "review", path: "functions.items[0].requires.all[1]", message: "Something this needs has been removed: choose again" },
    ]);
  });

  it("explains a circle of needs with the names of its members", () => {
    const a = inventoryToAnswers(loadExample("harbor-dental"));
    a.power.items[0]!.requires = "router";
    expect(findAnswerProblems(a)).toEqual([
      {
        step: "power",
        path: "power.items[0].requires",
        message: "These things need each other in a circle (Utility power → Router → UPS 1500VA → Utility power): one of them must not need the other",
      },
    ]);
  });

  it("reports a damaged requirement at the requirement, once", () => {
    const a = inventoryToAnswers(loadExample("harbor-dental")) as unknown as { network: { items: Array<Record<string, unknown>> } };
    a.network.items[0]!.requires = { all: [] , extra: 1 };
    expect(findAnswerProblems(a)).toEqual([{ step: "network", path: "network.items[0].requires", message: M.requirement }]);
  });

  it("names the people, copies and data sets that are unfinished", () => {
    const a = inventoryToAnswers(loadExample("harbor-dental"));
    a.people.people.push({ id: "new", name: " " });
    a.data.dataSets[0]!.copies!.push({ id: "usb", location: "offsite" });
    a.data.dataSets.push({ id: "more", name: "" });
    expect(problemsByPath(findAnswerProblems(a, { asOf: "2026-05-01" }))).toEqual({
      "data.dataSets[0].copies[1].lastRestoreTest": "The last restore test cannot be after the date of this assessment",
      "data.dataSets[0].copies[2].medium": "Choose what this is stored on",
      "data.dataSets[0].copies[2].intervalHours": "Enter how often this copy is refreshed, in hours, as a number above 0",
      "data.dataSets[1].name": "Give this data a name, such as “Customer records”",
      "data.dataSets[1].primary": "Choose where this data is kept",
      "people.people[1].name": "Enter this person's name or role",
    });
  });

  it("reports a person who was removed from who-can-fix-it", () => {
    const a = inventoryToAnswers(loadExample("harbor-dental"));
    a.people.care.router = { knownBy: ["maria", "nobody-here"] };
    expect(findAnswerProblems(a)).toEqual([
      { step: "people", path: "people.care.router.knownBy[1]", message: "This person has been removed: choose again" },
    ]);
  });

  it("reports a switch-over without a name and a too-large atLeast in the owner's words", () => {
    const a = inventoryToAnswers(loadExample("northwind-parts"));
    const erp = a.systems.items.find((c) => c.id === "erp")!;
    erp.requires = { atLeast: 4, of: ["host1", "host2", "host3"] };
    const wan = a.network.items.find((c) => c.id === "wan")!;
    wan.requires = { any: ["isp-a", "isp-b"], failoverMinutes: 30 };
    expect(problemsByPath(findAnswerProblems(a))).toEqual({
      "systems.items[4].requires.atLeast": "Choose a number from 1 to 3",
      "network.items[1].requires": "This backup group needs a name for its switch-over",
    });
  });

  it("filters by step", () => {
    const a = emptyAnswers();
    expect(findStepProblems(a, "business").map((p) => p.path)).toEqual(["business.name", "business.operatingHoursPerWeek"]);
    expect(findStepProblems(a, "power")).toEqual([]);
  });
});

describe("step schemas", () => {
  it("accept an unfinished step", () => {
    expect(BusinessAnswersSchema.safeParse({ name: "", currency: "USD" }).success).toBe(true);
    expect(CopyAnswerSchema.safeParse({ id: "nas" }).success).toBe(true);
  });

  it("refuse unknown answers", () => {
    const r = BusinessAnswersSchema.safeParse({ name: "A", currency: "USD", colour: "red" });
    expect(r.success).toBe(false);
  });

  it("refuse a badly written restore date with the field's sentence", () => {
    const r = CopyAnswerSchema.safeParse({ id: "nas", lastRestoreTest: "02/06/2026" });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(["Enter the date of the last restore test as YYYY-MM-DD, such as 2026-06-30"]);
  });
});

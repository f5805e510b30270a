/**
 * Every validation rule of inventory-format.md, each with its exact path and sentence. Messages are
 * compared through MESSAGES where a constant exists, and as literal strings in a few places so a
 * silent change of wording fails here too.
 */
import { describe, expect, it } from "vitest";
import { loadExamples } from "../../tests/support/examples.js";
import { COMPONENT_KINDS, COPY_LOCATIONS, MESSAGES, formatProblem, validateInventory, type Problem } from "./index.js";

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A small valid inventory touching every list; each test breaks one thing. */
function base(): Doc {
  return {
    format: "resilience-inventory/1",
    asOf: "2026-01-01",
    organization: { name: "Acme", currency: "USD", operatingHoursPerWeek: 40 },
    people: [{ id: "al", availability: 0.9 }],
    components: [
      { id: "a", kind: "server" },
      { id: "b", kind: "server" },
      { id: "c", kind: "server" },
    ],
    functions: [{ id: "f", downtimeCostPerHour: 10, requires: "a" }],
    dataSets: [{ id: "d", primary: "a", copies: [{ id: "k", location: "cloud", medium: "s3", intervalHours: 24 }] }],
  };
}

function problemsOf(edit: (d: Doc) => void): Problem[] {
  const doc = base();
  edit(doc);
  const result = validateInventory(doc);
  if (result.ok) throw new Error("expected the document to be refused, but it validated");
  return result.problems;
}

/** Exactly one problem, at `path`, with `message`. */
function expectProblem(edit: (d: Doc) => void, path: string, message: string): void {
  expect(problemsOf(edit)).toEqual([{ path, message }]);
}

function expectValid(edit: (d: Doc) => void): void {
  const doc = base();
  edit(doc);
  const result = validateInventory(doc);
  expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
}

describe("the base document and the shared examples", () => {
  it("the base document of these tests is valid", () => {
    expectValid(() => {});
  });

  for (const example of loadExamples()) {
    it(`${example.name} validates`, () => {
      const result = validateInventory(example.inventory);
      expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    });
  }

  it("a valid document comes back parsed, with nothing dropped", () => {
    const doc = base();
    const result = validateInventory(doc);
    expect(result.ok && result.inventory).toEqual(doc);
  });
});

describe("a document that is not an object", () => {
  for (const value of [null, undefined, [], [1], "inventory", 42, true]) {
    it(`refuses ${JSON.stringify(value) ?? "undefined"} with one document-level problem`, () => {
      expect(validateInventory(value)).toEqual({
        ok: false,
        problems: [{ path: "", message: 'the document must be a JSON object with a "format" field' }],
      });
    });
  }

  it("formats a document-level problem without a path prefix", () => {
    expect(formatProblem({ path: "", message: MESSAGES.notAnObject })).toBe(MESSAGES.notAnObject);
  });
});

describe("required fields", () => {
  const cases: Array<[string, (d: Doc) => void, string]> = [
    ["organization", (d) => delete d.organization, "organization"],
    ["organization.name", (d) => delete d.organization.name, "organization.name"],
    ["organization.currency", (d) => delete d.organization.currency, "organization.currency"],
    ["organization.operatingHoursPerWeek", (d) => delete d.organization.operatingHoursPerWeek, "organization.operatingHoursPerWeek"],
    ["a person's id", (d) => delete d.people[0].id, "people[0].id"],
    ["a component's id", (d) => delete d.components[1].id, "components[1].id"],
    ["a function's id", (d) => delete d.functions[0].id, "functions[0].id"],
    ["a function's downtimeCostPerHour", (d) => delete d.functions[0].downtimeCostPerHour, "functions[0].downtimeCostPerHour"],
    ["a data set's id", (d) => delete d.dataSets[0].id, "dataSets[0].id"],
    ["a data set's primary", (d) => delete d.dataSets[0].primary, "dataSets[0].primary"],
    ["a copy's id", (d) => delete d.dataSets[0].copies[0].id, "dataSets[0].copies[0].id"],
    ["a copy's medium", (d) => delete d.dataSets[0].copies[0].medium, "dataSets[0].copies[0].medium"],
    ["a copy's intervalHours", (d) => delete d.dataSets[0].copies[0].intervalHours, "dataSets[0].copies[0].intervalHours"],
    ["an atLeast group's of", (d) => (d.functions[0].requires = { atLeast: 1 }), "functions[0].requires.of"],
  ];
  for (const [name, edit, path] of cases) {
    it(`${name} is required`, () => expectProblem(edit, path, MESSAGES.required));
  }

  it('says "is required" in those words', () => {
    expect(problemsOf((d) => delete d.organization.name).map(formatProblem)).toEqual(["organization.name: is required"]);
  });

  // Fields whose type is an enum, a literal or a union: a missing value is still a missing value,
  // and the owner should read the same sentence as for every other required field.
  const enumCases: Array<[string, (d: Doc) => void, string]> = [
    ["format", (d) => delete d.format, "format"],
    ["a component's kind", (d) => delete d.components[0].kind, "components[0].kind"],
    ["a copy's location", (d) => delete d.dataSets[0].copies[0].location, "dataSets[0].copies[0].location"],
    ["a function's requires", (d) => delete d.functions[0].requires, "functions[0].requires"],
  ];
  for (const [name, edit, path] of enumCases) {
    it(`${name} is required`, () => expectProblem(edit, path, MESSAGES.required));
  }
});

describe("types", () => {
  it("a number given as text", () => {
    expectProblem((d) => (d.organization.operatingHoursPerWeek = "40"), "organization.operatingHoursPerWeek", "must be a number");
  });
  it("a boolean given as text or a number", () => {
    expectProblem((d) => (d.components[0].monitored = "yes"), "components[0].monitored", MESSAGES.mustBeBoolean);
    expectProblem((d) => (d.components[0].hasRunbook = "y"), "components[0].hasRunbook", MESSAGES.mustBeBoolean);
    expectProblem((d) => (d.dataSets[0].copies[0].online = "no"), "dataSets[0].copies[0].online", "must be true or false");
    expectProblem((d) => (d.dataSets[0].copies[0].immutable = 1), "dataSets[0].copies[0].immutable", MESSAGES.mustBeBoolean);
  });
  it("text given as a number", () => {
    expectProblem((d) => (d.organization.name = 5), "organization.name", "must be text");
  });
  it("a list given as an object or as text", () => {
    expectProblem((d) => (d.components = {}), "components", MESSAGES.mustBeList);
    expectProblem((d) => (d.dataSets[0].copies = {}), "dataSets[0].copies", MESSAGES.mustBeList);
    expectProblem((d) => (d.components[0].knownBy = "al"), "components[0].knownBy", "must be a list");
  });
  it("an object given as text, a number or null", () => {
    expectProblem((d) => (d.organization = "x"), "organization", MESSAGES.mustBeObject);
    expectProblem((d) => (d.organization.lossScenarios = 5), "organization.lossScenarios", MESSAGES.mustBeObject);
    expectProblem((d) => (d.people[0] = 5), "people[0]", "must be an object");
    expectProblem((d) => (d.components[0] = null), "components[0]", MESSAGES.mustBeObject);
  });
  it("the format must be exactly resilience-inventory/1", () => {
    expectProblem((d) => (d.format = "resilience-inventory/2"), "format", 'must be "resilience-inventory/1"');
    expectProblem((d) => (d.format = 1), "format", MESSAGES.exactly("resilience-inventory/1"));
  });
  it("empty text is refused where text is required", () => {
    expectProblem((d) => (d.organization.name = ""), "organization.name", "must not be empty");
    expectProblem((d) => (d.people[0].name = ""), "people[0].name", MESSAGES.notEmptyText);
    expectProblem((d) => (d.dataSets[0].copies[0].medium = ""), "dataSets[0].copies[0].medium", MESSAGES.notEmptyText);
    expectProblem((d) => (d.dataSets[0].medium = ""), "dataSets[0].medium", MESSAGES.notEmptyText);
  });
  it("text of only spaces is refused as empty, with one problem, and text around spaces is kept", () => {
    expectProblem((d) => (d.organization.name = "   "), "organization.name", "must not be empty");
    expectProblem((d) => (d.components[0].name = " \t\n"), "components[0].name", MESSAGES.notEmptyText);
    expectProblem((d) => (d.functions[0].name = "  "), "functions[0].name", MESSAGES.notEmptyText);
    expectProblem((d) => (d.dataSets[0].name = " "), "dataSets[0].name", MESSAGES.notEmptyText);
    expectProblem((d) => (d.dataSets[0].copies[0].medium = "  "), "dataSets[0].copies[0].medium", MESSAGES.notEmptyText);
    expectProblem((d) => (d.components[0].provider = " "), "components[0].provider", MESSAGES.notEmptyText);
    expectValid((d) => (d.organization.name = "  Corner Bistro "));
  });
  it("notes are limited to 2000 characters", () => {
    expectValid((d) => (d.components[0].notes = "x".repeat(2000)));
    expectProblem((d) => (d.components[0].notes = "x".repeat(2001)), "components[0].notes", "must be at most 2000 characters long");
  });
});

describe("finite numbers", () => {
  for (const [label, value] of [
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["-Infinity", -Infinity],
  ] as const) {
    it(`${label} is refused`, () => {
      expectProblem((d) => (d.organization.operatingHoursPerWeek = value), "organization.operatingHoursPerWeek", "must be a finite number");
      expectProblem((d) => (d.components[0].failuresPerYear = value), "components[0].failuresPerYear", MESSAGES.mustBeFinite);
      expectProblem((d) => (d.components[0].repairHours = value), "components[0].repairHours", MESSAGES.mustBeFinite);
      expectProblem((d) => (d.functions[0].downtimeCostPerHour = value), "functions[0].downtimeCostPerHour", MESSAGES.mustBeFinite);
    });
  }
  it("a large but finite rate is accepted", () => {
    expectValid((d) => (d.components[0].failuresPerYear = 1e6));
  });
});

describe("ranges", () => {
  type Case = [string, (d: Doc, v: number) => void, string, number[], Array<[number, string]>];
  const cases: Case[] = [
    ["failuresPerYear ≥ 0", (d, v) => (d.components[0].failuresPerYear = v), "components[0].failuresPerYear", [0, 3.5], [[-0.001, "must be at least 0"]]],
    ["repairHours > 0", (d, v) => (d.components[0].repairHours = v), "components[0].repairHours", [1e-9, 24], [[0, "must be greater than 0"], [-1, MESSAGES.greaterThan(0)]]],
    ["runtimeMinutes ≥ 0", (d, v) => (d.components[0].runtimeMinutes = v), "components[0].runtimeMinutes", [0, 15], [[-1, MESSAGES.atLeast(0)]]],
    ["supportResponseHours ≥ 0", (d, v) => (d.components[0].supportResponseHours = v), "components[0].supportResponseHours", [0, 4], [[-1, MESSAGES.atLeast(0)]]],
    ["availability in [0, 1]", (d, v) => (d.people[0].availability = v), "people[0].availability", [0, 1, 0.5], [[-0.1, MESSAGES.atLeast(0)], [1.5, "must be at most 1"]]],
    ["operatingHoursPerWeek in [0, 168]", (d, v) => (d.organization.operatingHoursPerWeek = v), "organization.operatingHoursPerWeek", [0, 168], [[-1, MESSAGES.atLeast(0)], [168.5, "must be at most 168"]]],
    ["absenceWaitHours ≥ 0", (d, v) => (d.organization.absenceWaitHours = v), "organization.absenceWaitHours", [0], [[-1, MESSAGES.atLeast(0)]]],
    ["vendorResponseHours ≥ 0", (d, v) => (d.organization.vendorResponseHours = v), "organization.vendorResponseHours", [0], [[-1, MESSAGES.atLeast(0)]]],
    ["unmonitoredDetectionHours ≥ 0", (d, v) => (d.organization.unmonitoredDetectionHours = v), "organization.unmonitoredDetectionHours", [0], [[-1, MESSAGES.atLeast(0)]]],
    ["untestedRestoreFailure in [0, 1]", (d, v) => (d.organization.untestedRestoreFailure = v), "organization.untestedRestoreFailure", [0, 1], [[-0.1, MESSAGES.atLeast(0)], [1.1, MESSAGES.atMost(1)]]],
    ["staffCostPerHour ≥ 0", (d, v) => (d.organization.staffCostPerHour = v), "organization.staffCostPerHour", [0], [[-1, MESSAGES.atLeast(0)]]],
    ["organization loss scenario in [0, 1]", (d, v) => (d.organization.lossScenarios = { ransomware: v }), "organization.lossScenarios.ransomware", [0, 1], [[-1, MESSAGES.atLeast(0)], [2, MESSAGES.atMost(1)]]],
    ["data set loss scenario in [0, 1]", (d, v) => (d.dataSets[0].lossScenarios = { device: v }), "dataSets[0].lossScenarios.device", [0, 1], [[2, MESSAGES.atMost(1)]]],
    ["downtimeCostPerHour ≥ 0", (d, v) => (d.functions[0].downtimeCostPerHour = v), "functions[0].downtimeCostPerHour", [0], [[-1, "must be at least 0"]]],
    ["rtoHours ≥ 0", (d, v) => (d.functions[0].rtoHours = v), "functions[0].rtoHours", [0, 4], [[-1, MESSAGES.atLeast(0)]]],
    ["dataLossCostPerHour ≥ 0", (d, v) => (d.dataSets[0].dataLossCostPerHour = v), "dataSets[0].dataLossCostPerHour", [0], [[-1, MESSAGES.atLeast(0)]]],
    ["totalLossCost ≥ 0", (d, v) => (d.dataSets[0].totalLossCost = v), "dataSets[0].totalLossCost", [0], [[-1, MESSAGES.atLeast(0)]]],
    ["rpoHours ≥ 0", (d, v) => (d.dataSets[0].rpoHours = v), "dataSets[0].rpoHours", [0], [[-1, MESSAGES.atLeast(0)]]],
    ["sizeGb ≥ 0", (d, v) => (d.dataSets[0].sizeGb = v), "dataSets[0].sizeGb", [0], [[-1, MESSAGES.atLeast(0)]]],
    ["intervalHours > 0", (d, v) => (d.dataSets[0].copies[0].intervalHours = v), "dataSets[0].copies[0].intervalHours", [0.25], [[0, MESSAGES.greaterThan(0)]]],
    ["failoverMinutes ≥ 0", (d, v) => (d.functions[0].requires = { any: ["a", "b"], id: "g", failoverMinutes: v }), "functions[0].requires.failoverMinutes", [0, 5], [[-1, MESSAGES.atLeast(0)]]],
  ];
  for (const [name, set, path, good, bad] of cases) {
    it(name, () => {
      for (const v of good) expectValid((d) => set(d, v));
      for (const [v, message] of bad) expectProblem((d) => set(d, v), path, message);
    });
  }
});

describe("ids, kinds, locations, dates and currency", () => {
  const ID = MESSAGES.id;
  it("ids match ^[a-z0-9][a-z0-9._-]{0,63}$", () => {
    for (const good of ["a", "0", "main-server", "a.b_c-d", "x".repeat(64)]) expectValid((d) => (d.people[0].id = good) && (d.components[0].knownBy = [good]));
    for (const bad of ["", "A", "-a", ".a", "a b", "ä", "x".repeat(65)]) {
      expectProblem((d) => (d.components[2].id = bad), "components[2].id", ID);
    }
  });
  it("the id message says what an id is, in those words", () => {
    expectProblem(
      (d) => (d.components[0].id = "Main Server"),
      "components[0].id",
      'must be an id of 1 to 64 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit (for example "main-server")',
    );
  });
  it("ids are checked wherever they appear: references, knownBy, primary, group ids, copies", () => {
    expectProblem((d) => (d.functions[0].requires = { all: ["a", "B"] }), "functions[0].requires.all[1]", ID);
    expectProblem((d) => (d.components[0].knownBy = ["Al"]), "components[0].knownBy[0]", ID);
    expectProblem((d) => (d.dataSets[0].primary = "A B"), "dataSets[0].primary", ID);
    expectProblem((d) => (d.functions[0].requires = { any: ["a", "b"], id: "G" }), "functions[0].requires.id", ID);
    expectProblem((d) => (d.dataSets[0].copies[0].id = "Cloud"), "dataSets[0].copies[0].id", ID);
    expectProblem((d) => (d.people[0].id = "_al"), "people[0].id", ID);
    expectProblem((d) => (d.functions[0].id = "F"), "functions[0].id", ID);
    expectProblem((d) => (d.dataSets[0].id = "D"), "dataSets[0].id", ID);
  });
  it("kind is one of the fourteen kinds", () => {
    for (const kind of COMPONENT_KINDS) expectValid((d) => (d.components[0].kind = kind));
    expectProblem(
      (d) => (d.components[0].kind = "toaster"),
      "components[0].kind",
      "must be one of: site, power, ups, generator, internet, network, server, storage, cloud, saas, application, endpoint, data, other",
    );
    expectProblem((d) => (d.components[0].kind = "Server"), "components[0].kind", MESSAGES.oneOf(COMPONENT_KINDS));
  });
  it("location is one of same-device, onsite, offsite, cloud", () => {
    for (const location of COPY_LOCATIONS) expectValid((d) => (d.dataSets[0].copies[0].location = location));
    expectProblem(
      (d) => (d.dataSets[0].copies[0].location = "moon"),
      "dataSets[0].copies[0].location",
      "must be one of: same-device, onsite, offsite, cloud",
    );
  });
  it("hours is always or business", () => {
    expectValid((d) => (d.functions[0].hours = "always"));
    expectValid((d) => (d.functions[0].hours = "business"));
    expectProblem((d) => (d.functions[0].hours = "night"), "functions[0].hours", MESSAGES.oneOf(["always", "business"]));
  });
  it("dates are real calendar days written YYYY-MM-DD", () => {
    for (const good of ["2024-02-29", "2000-02-29", "2026-12-31"]) {
      expectValid((d) => (d.asOf = good));
      expectValid((d) => (d.dataSets[0].copies[0].lastRestoreTest = good));
    }
    for (const bad of ["2026-02-29", "1900-02-29", "2026-13-01", "2026-04-31", "2026-1-5", "26-01-01", "2026-01-01T00:00:00Z", "yesterday", ""]) {
      expectProblem((d) => (d.asOf = bad), "asOf", "must be a date written as YYYY-MM-DD, such as 2026-06-30");
      expectProblem((d) => (d.dataSets[0].copies[0].lastRestoreTest = bad), "dataSets[0].copies[0].lastRestoreTest", MESSAGES.isoDate);
    }
  });
  it("asOf may be left out", () => {
    expectValid((d) => delete d.asOf);
  });
  it("currency is three capital letters", () => {
    for (const good of ["USD", "EUR", "GBP"]) expectValid((d) => (d.organization.currency = good));
    for (const bad of ["usd", "US", "USDX", "U$D", ""]) {
      expectProblem((d) => (d.organization.currency = bad), "organization.currency", 'must be a three-letter currency code in capitals, such as "USD" or "EUR"');
    }
  });
});

describe("requirements", () => {
  it("every group must list at least one member, at any depth", () => {
    expectProblem((d) => (d.functions[0].requires = { all: [] }), "functions[0].requires.all", "must list at least one item");
    expectProblem((d) => (d.functions[0].requires = { any: [] }), "functions[0].requires.any", MESSAGES.notEmptyList);
    expectProblem((d) => (d.functions[0].requires = { atLeast: 1, of: [] }), "functions[0].requires.of", MESSAGES.notEmptyList);
    expectProblem((d) => (d.functions[0].requires = { all: ["a", { any: [] }] }), "functions[0].requires.all[1].any", MESSAGES.notEmptyList);
    expectProblem((d) => (d.components[1].requires = { any: ["a", { all: [] }] }), "components[1].requires.any[1].all", MESSAGES.notEmptyList);
  });
  it("atLeast is a whole number of at least 1", () => {
    expectProblem((d) => (d.functions[0].requires = { atLeast: 0, of: ["a"] }), "functions[0].requires.atLeast", "must be at least 1");
    expectProblem((d) => (d.functions[0].requires = { atLeast: -2, of: ["a"] }), "functions[0].requires.atLeast", MESSAGES.atLeast(1));
    expectProblem((d) => (d.functions[0].requires = { atLeast: 1.5, of: ["a", "b"] }), "functions[0].requires.atLeast", "must be a whole number");
    expectProblem((d) => (d.functions[0].requires = { atLeast: "2", of: ["a", "b"] }), "functions[0].requires.atLeast", MESSAGES.mustBeNumber);
  });
  it("atLeast k must not exceed the number of members", () => {
    expectValid((d) => (d.functions[0].requires = { atLeast: 2, of: ["a", "b"] }));
    expectProblem(
      (d) => (d.functions[0].requires = { atLeast: 3, of: ["a", "b"] }),
      "functions[0].requires.atLeast",
      'must be between 1 and 2 (the number of members in "of")',
    );
    expectProblem(
      (d) => (d.components[1].requires = { all: ["a", { atLeast: 3, of: ["a", "c"] }] }),
      "components[1].requires.all[1].atLeast",
      MESSAGES.atLeastRange(2),
    );
  });
  it("of must be a list", () => {
    expectProblem((d) => (d.functions[0].requires = { atLeast: 1, of: "a" }), "functions[0].requires.of", MESSAGES.mustBeList);
  });
  it("failoverMinutes must be a number", () => {
    expectProblem((d) => (d.functions[0].requires = { any: ["a"], id: "g", failoverMinutes: "5" }), "functions[0].requires.failoverMinutes", MESSAGES.mustBeNumber);
  });
  const SHAPE =
    'must be a component id, or an object with one of "all": [...], "any": [...] or "atLeast": k with "of": [...]';
  for (const [label, value] of [
    ["an object with none of the group keys", { foo: ["a"] }],
    ["an empty object", {}],
    ["a number", 5],
    ["null", null],
    ["a bare list", ["a"]],
    ["true", true],
  ] as const) {
    it(`a requirement that is ${label} gets the shape message`, () => {
      expectProblem((d) => (d.functions[0].requires = value), "functions[0].requires", SHAPE);
      expect(MESSAGES.requirement).toBe(SHAPE);
    });
  }
  it("an invalid requirement nested in a component names its full path", () => {
    expectProblem((d) => (d.components[2].requires = { all: ["a", { any: ["b", 7] }] }), "components[2].requires.all[1].any[1]", MESSAGES.requirement);
  });
  it("failoverMinutes 0 without an id is accepted (active–active)", () => {
    expectValid((d) => (d.functions[0].requires = { any: ["a", "c"], failoverMinutes: 0 }));
  });
  it("a group with failoverMinutes above 0 needs an id", () => {
    expectProblem(
      (d) => (d.functions[0].requires = { any: ["a", "b"], failoverMinutes: 5 }),
      "functions[0].requires",
      'a group with "failoverMinutes" above 0 switches over from its first member to the others and needs an "id" to name that switch-over',
    );
    expectProblem(
      (d) => (d.components[1].requires = { all: [{ any: ["a", "c"], failoverMinutes: 1 }] }),
      "components[1].requires.all[0]",
      MESSAGES.failoverNeedsId,
    );
  });
  it("a group id may equal a component id (group ids are a namespace of their own)", () => {
    expectValid((d) => (d.functions[0].requires = { any: ["a"], id: "a" }));
  });
});

describe("plausibility limits (Bulwark's, beyond the format's ranges)", () => {
  // Far above any real business; they keep every product and sum of figures finite.
  it("money is at most a trillion", () => {
    expectProblem((d) => (d.functions[0].downtimeCostPerHour = 1e308), "functions[0].downtimeCostPerHour", "must be at most 1,000,000,000,000");
    expectProblem((d) => (d.dataSets[0].totalLossCost = 2e12), "dataSets[0].totalLossCost", "must be at most 1,000,000,000,000");
  });
  it("hours are at most a million, minutes sixty million, failures a million a year", () => {
    expectProblem((d) => (d.components[0].repairHours = 1.7e308), "components[0].repairHours", "must be at most 1,000,000");
    expectProblem((d) => (d.organization.vendorResponseHours = 1e7), "organization.vendorResponseHours", "must be at most 1,000,000");
    expectProblem((d) => (d.components[0].runtimeMinutes = 1e9), "components[0].runtimeMinutes", "must be at most 60,000,000");
    expectProblem((d) => (d.components[0].failuresPerYear = 2e6), "components[0].failuresPerYear", "must be at most 1,000,000");
  });
});

describe("unknown fields, at every level, with the allowed list", () => {
  const unknown = (allowed: string) => `unknown field: check its spelling or remove it (allowed here: ${allowed})`;
  const cases: Array<[string, (d: Doc) => void, string, string]> = [
    ["the document", (d) => (d.extra = 1), "extra", "format, asOf, organization, people, components, functions, dataSets"],
    [
      "the organization",
      (d) => (d.organization.currencyCode = "USD"),
      "organization.currencyCode",
      "name, currency, operatingHoursPerWeek, absenceWaitHours, vendorResponseHours, unmonitoredDetectionHours, untestedRestoreFailure, lossScenarios, staffCostPerHour, yearlyRevenue, staffCount, notes",
    ],
    ["the organization's loss scenarios", (d) => (d.organization.lossScenarios = { fire: 0.1 }), "organization.lossScenarios.fire", "device, site, ransomware"],
    ["a person", (d) => (d.people[0].email = "x"), "people[0].email", "id, name, availability"],
    [
      "a component",
      (d) => (d.components[2].failuresPerYr = 1),
      "components[2].failuresPerYr",
      "id, name, kind, failuresPerYear, repairHours, runtimeMinutes, requires, knownBy, monitored, supportResponseHours, hasRunbook, notes, provider, technology",
    ],
    ["a function", (d) => (d.functions[0].rto = 4), "functions[0].rto", "id, name, downtimeCostPerHour, hours, rtoHours, requires, template, revenueShare, staffShare"],
    [
      "a data set",
      (d) => (d.dataSets[0].rpo = 24),
      "dataSets[0].rpo",
      "id, name, primary, medium, dataLossCostPerHour, totalLossCost, rpoHours, lossScenarios, sizeGb, copies",
    ],
    ["a data set's loss scenarios", (d) => (d.dataSets[0].lossScenarios = { flood: 0.1 }), "dataSets[0].lossScenarios.flood", "device, site, ransomware"],
    [
      "a copy",
      (d) => (d.dataSets[0].copies[0].offline = true),
      "dataSets[0].copies[0].offline",
      "id, location, medium, intervalHours, online, immutable, lastRestoreTest",
    ],
    ["a function's requirement", (d) => (d.functions[0].requires = { any: ["a"], extra: 1 }), "functions[0].requires.extra", "any, id, failoverMinutes"],
    [
      "a nested requirement of a component",
      (d) => (d.components[1].requires = { all: ["a", { atLeast: 1, of: ["c"], failover: 5 }] }),
      "components[1].requires.all[1].failover",
      "atLeast, of",
    ],
  ];
  for (const [where, edit, path, allowed] of cases) {
    it(`in ${where}`, () => expectProblem(edit, path, unknown(allowed)));
  }
  it("the message is built by MESSAGES.unknownField", () => {
    expectProblem((d) => (d.people[0].email = "x"), "people[0].email", MESSAGES.unknownField(["id", "name", "availability"]));
  });
  it("several unknown fields give one problem each", () => {
    expect(problemsOf((d) => Object.assign(d.functions[0], { a1: 1, b2: 2 })).map((p) => p.path)).toEqual(["functions[0].a1", "functions[0].b2"]);
  });
});

describe("whole-document rules", () => {
  it("ids are unique within each list, naming the first use", () => {
    expectProblem((d) => d.people.push({ id: "al" }), "people[1].id", '"al" is already used by people[0]; ids must be unique');
    expectProblem((d) => (d.components[1].id = "a"), "components[1].id", MESSAGES.duplicateId("a", "components[0]"));
    expectProblem(
      (d) => d.functions.push({ id: "f", downtimeCostPerHour: 1, requires: "a" }),
      "functions[1].id",
      MESSAGES.duplicateId("f", "functions[0]"),
    );
    expectProblem((d) => d.dataSets.push({ id: "d", primary: "a" }), "dataSets[1].id", MESSAGES.duplicateId("d", "dataSets[0]"));
  });
  it("a third use of an id also points at the first", () => {
    expect(problemsOf((d) => d.components.push({ id: "a", kind: "ups" }, { id: "a", kind: "ups" }))).toEqual([
      { path: "components[3].id", message: MESSAGES.duplicateId("a", "components[0]") },
      { path: "components[4].id", message: MESSAGES.duplicateId("a", "components[0]") },
    ]);
  });
  it("copy ids are unique within their data set, not across data sets", () => {
    expectProblem(
      (d) => d.dataSets[0].copies.push({ id: "k", location: "onsite", medium: "nas", intervalHours: 24 }),
      "dataSets[0].copies[1].id",
      '"k" is already used by dataSets[0].copies[0]; ids must be unique',
    );
    expectValid((d) => d.dataSets.push({ id: "e", primary: "b", copies: [{ id: "k", location: "onsite", medium: "nas", intervalHours: 24 }] }));
  });
  it("the same id in different lists is allowed", () => {
    expectValid((d) => {
      d.functions[0].id = "a";
      d.dataSets[0].id = "a";
      d.people[0].id = "a";
      d.components[0].knownBy = ["a"];
    });
  });
  it("an unknown component in a requirement names the place, at any depth", () => {
    const doc = base();
    doc.components.push({ id: "nas-1", kind: "storage" });
    doc.functions.push(
      { id: "g", downtimeCostPerHour: 1, requires: "b" },
      { id: "h", downtimeCostPerHour: 1, requires: { any: ["nas-1", "nas-2"] } },
    );
    const result = validateInventory(doc);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual(['functions[2].requires.any[1]: unknown component "nas-2"']);
  });
  it("unknown components inside components' requirements and deep groups", () => {
    expectProblem((d) => (d.functions[0].requires = "zz"), "functions[0].requires", MESSAGES.unknownComponent("zz"));
    expectProblem(
      (d) => (d.components[1].requires = { atLeast: 1, of: ["a", { any: ["c", "q"] }] }),
      "components[1].requires.of[1].any[1]",
      'unknown component "q"',
    );
    expectProblem(
      (d) => (d.functions[0].requires = { all: ["a", { any: ["b", { atLeast: 1, of: ["c", { all: ["deep"] }] }] }] }),
      "functions[0].requires.all[1].any[1].of[1].all[0]",
      MESSAGES.unknownComponent("deep"),
    );
  });
  it("a data set's primary must be a component", () => {
    expectProblem((d) => (d.dataSets[0].primary = "zz"), "dataSets[0].primary", 'unknown component "zz"');
  });
  it("knownBy names people that exist, each once", () => {
    expectProblem((d) => (d.components[0].knownBy = ["bob"]), "components[0].knownBy[0]", 'unknown person "bob"');
    expectProblem((d) => (d.components[0].knownBy = ["al", "al"]), "components[0].knownBy[1]", '"al" is listed more than once');
    expect(problemsOf((d) => (d.components[2].knownBy = ["al", "zed", "al"]))).toEqual([
      { path: "components[2].knownBy[1]", message: MESSAGES.unknownPerson("zed") },
      { path: "components[2].knownBy[2]", message: MESSAGES.duplicatePerson("al") },
    ]);
  });
  it("knownBy may be empty (nobody in house)", () => {
    expectValid((d) => (d.components[0].knownBy = []));
  });
  it("group ids are unique across the whole inventory", () => {
    expectProblem(
      (d) => {
        d.functions[0].requires = { any: ["a", "b"], id: "g" };
        d.components[1].requires = { any: ["a"], id: "g" };
      },
      "functions[0].requires.id",
      'group id "g" is already used by components[1].requires.id; group ids must be unique across the inventory',
    );
    expectProblem(
      (d) => (d.functions[0].requires = { all: [{ any: ["a"], id: "g" }, { any: ["b"], id: "g" }] }),
      "functions[0].requires.all[1].id",
      MESSAGES.duplicateGroupId("g", "functions[0].requires.all[0].id"),
    );
    expectProblem(
      (d) => {
        d.functions[0].requires = { any: ["a"], id: "g", failoverMinutes: 2 };
        d.functions.push({ id: "f2", downtimeCostPerHour: 1, requires: { any: ["b"], id: "g" } });
      },
      "functions[1].requires.id",
      MESSAGES.duplicateGroupId("g", "functions[0].requires.id"),
    );
  });
  it("several reference problems are all reported, in document order", () => {
    expect(problemsOf((d) => {
      d.functions[0].requires = "zz";
      d.dataSets[0].primary = "yy";
    }).map(formatProblem)).toEqual(['functions[0].requires: unknown component "zz"', 'dataSets[0].primary: unknown component "yy"']);
  });
  it("several shape problems are all reported", () => {
    expect(problemsOf((d) => {
      d.components[0].failuresPerYear = -1;
      d.functions[0].downtimeCostPerHour = "x";
    }).map(formatProblem)).toEqual(["components[0].failuresPerYear: must be at least 0", "functions[0].downtimeCostPerHour: must be a number"]);
  });
});

describe("requirement cycles", () => {
  const tail = "; a component cannot depend on itself, directly or through others";
  it("a self-cycle", () => {
    expectProblem((d) => (d.components[0].requires = "a"), "components[0].requires", `requirement cycle: a → a${tail}`);
  });
  it("a self-cycle through a group", () => {
    expectProblem((d) => (d.components[1].requires = { any: ["a", { all: ["b"] }] }), "components[1].requires", MESSAGES.cycle(["b", "b"]));
  });
  it("a two-cycle", () => {
    expectProblem(
      (d) => {
        d.components[0].requires = "b";
        d.components[1].requires = "a";
      },
      "components[0].requires",
      `requirement cycle: a → b → a${tail}`,
    );
  });
  it("a three-cycle names its members in order", () => {
    expectProblem(
      (d) => {
        d.components[0].requires = "b";
        d.components[1].requires = { all: ["c"] };
        d.components[2].requires = { any: ["a"] };
      },
      "components[0].requires",
      `requirement cycle: a → b → c → a${tail}`,
    );
  });
  it("a cycle entered from outside starts at the component that closes it", () => {
    expectProblem(
      (d) => {
        d.components.push({ id: "e", kind: "ups" });
        d.components[0].requires = "b"; // a leads into the cycle b → c → e → b
        d.components[1].requires = "c";
        d.components[2].requires = { atLeast: 1, of: ["e"] };
        d.components[3].requires = "b";
      },
      "components[1].requires",
      MESSAGES.cycle(["b", "c", "e", "b"]),
    );
  });
  it("separate cycles are each reported once", () => {
    expect(problemsOf((d) => {
      d.components[0].requires = "a";
      d.components[1].requires = "c";
      d.components[2].requires = "b";
    })).toEqual([
      { path: "components[0].requires", message: MESSAGES.cycle(["a", "a"]) },
      { path: "components[1].requires", message: MESSAGES.cycle(["b", "c", "b"]) },
    ]);
  });
  it("a shared dependency (a diamond) is not a cycle", () => {
    expectValid((d) => {
      d.components[0].requires = { all: ["b", "c"] };
      d.components[1].requires = "c";
    });
  });
  it("a long chain is checked without overflowing the stack", () => {
    const doc = base();
    const n = 20_000;
    doc.components = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, kind: "other", ...(i > 0 ? { requires: `c${i - 1}` } : {}) }));
    doc.components[0].requires = `c${n - 1}`;
    doc.functions[0].requires = "c0";
    doc.dataSets[0].primary = "c0";
    const result = validateInventory(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]!.path).toBe("components[0].requires");
      expect(result.problems[0]!.message.startsWith("requirement cycle: c0 → c19999 → c19998 → ")).toBe(true);
    }
  });
});

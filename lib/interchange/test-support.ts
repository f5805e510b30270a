/**
 * Hand-written fast-check arbitraries for valid inventories (the zod bridge does not support
 * zod 4). Components require only components listed before them, so there is never a cycle;
 * group ids are numbered after generation so they are unique across the inventory.
 */
import fc from "fast-check";
import {
  COMPONENT_KINDS,
  LINE_TECHNOLOGIES,
  COPY_LOCATIONS,
  INVENTORY_FORMAT,
  type Component,
  type Inventory,
  type Requirement,
} from "../engine/index.js";

const ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789._-";

/** Ids of the format (`^[a-z0-9][a-z0-9._-]{0,63}$`), built from character indexes: much cheaper than fc.stringMatching. */
export const idArb = fc
  .tuple(fc.integer({ min: 0, max: 35 }), fc.array(fc.integer({ min: 0, max: ID_CHARS.length - 1 }), { maxLength: 63 }))
  .map(([head, tail]) => ID_CHARS[head]! + tail.map((i) => ID_CHARS[i]).join(""));

/**
 * Any text, including lone surrogates, quotes, control characters and right-to-left marks, but
 * not only white space (the schema refuses a name of only spaces). Built once: fast-check prepares
 * a string arbitrary lazily and expensively, per instance.
 */
const notBlank = (s: string) => /\S/.test(s);
const nameArb = fc.string({ unit: "binary", minLength: 1, maxLength: 24 }).filter(notBlank);
const shortTextArb = fc.string({ unit: "binary", minLength: 1, maxLength: 10 }).filter(notBlank);
const notesArb = fc.string({ unit: "binary", maxLength: 60 });

/**
 * Numbers in [min, max]: mostly short decimals (cheap to generate), sometimes any double in the
 * range (extremes, subnormals, long mantissas), so the round trip sees every shape of number.
 */
function numberIn(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.integer({ min: Math.ceil(min * 1000), max: Math.floor(max * 1000) }).map((n) => n / 1000), weight: 6 },
    { arbitrary: fc.double({ min, max, noNaN: true }), weight: 1 },
    { arbitrary: fc.constantFrom(min, max), weight: 1 },
  );
}
const nonNegative = (max: number) => fc.oneof({ arbitrary: numberIn(0, max), weight: 9 }, { arbitrary: fc.constant(-0), weight: 1 });
const positive = (max: number) => numberIn(Number.MIN_VALUE, max);
const probability = numberIn(0, 1);
const DAY_MS = 86_400_000;
const isoDateArb = fc
  .integer({ min: Date.UTC(1990, 0, 1) / DAY_MS, max: Date.UTC(2099, 11, 31) / DAY_MS })
  .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));

const currencyArb = fc.stringMatching(/^[A-Z]{3}$/);
const lossScenariosArb = fc.record({ device: probability, site: probability, ransomware: probability }, { requiredKeys: [] });

/** A requirement tree with leaf numbers in place of ids, built once (letrec is costly to build). */
type Shape = number | { all: Shape[] } | { any: Shape[]; id?: string; failoverMinutes?: number } | { atLeast: number; of: Shape[] };

const shapeArb: fc.Arbitrary<Shape> = fc.letrec<{ req: Shape; all: Shape; any: Shape; atLeast: Shape }>((tie) => ({
  req: fc.oneof({ maxDepth: 3, depthSize: "small" }, fc.nat(), tie("all"), tie("any"), tie("atLeast")),
  all: fc.array(tie("req"), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
  any: fc
    .record({
      any: fc.array(tie("req"), { minLength: 1, maxLength: 3 }),
      named: fc.boolean(),
      failoverMinutes: fc.option(nonNegative(120), { nil: undefined }),
    })
    .map(({ any, named, failoverMinutes }) => ({
      any,
      // Placeholder, renumbered by numberGroups: a switch-over needs an id.
      ...(named || (failoverMinutes ?? 0) > 0 ? { id: "pending" } : {}),
      ...(failoverMinutes !== undefined ? { failoverMinutes } : {}),
    })),
  atLeast: fc
    .array(tie("req"), { minLength: 1, maxLength: 3 })
    .chain((of) => fc.integer({ min: 1, max: of.length }).map((atLeast) => ({ atLeast, of }))),
})).req;

function withIds(shape: Shape, ids: readonly string[]): Requirement {
  if (typeof shape === "number") return ids[shape % ids.length]!;
  if ("all" in shape) return { all: shape.all.map((m) => withIds(m, ids)) };
  if ("any" in shape) return { ...shape, any: shape.any.map((m) => withIds(m, ids)) };
  return { atLeast: shape.atLeast, of: shape.of.map((m) => withIds(m, ids)) };
}

/** A requirement over the given component ids; `any` groups marked with an id get a real one later. */
const requirementArb = (ids: readonly string[]): fc.Arbitrary<Requirement> => shapeArb.map((shape) => withIds(shape, ids));

function numberGroups(inventory: Inventory): Inventory {
  let n = 0;
  const renumber = (r: Requirement): Requirement => {
    if (typeof r === "string") return r;
    if ("all" in r) return { all: r.all.map(renumber) };
    if ("any" in r) return { ...r, any: r.any.map(renumber), ...(r.id !== undefined ? { id: `group-${++n}` } : {}) };
    return { ...r, of: r.of.map(renumber) };
  };
  return {
    ...inventory,
    ...(inventory.components
      ? { components: inventory.components.map((c) => (c.requires === undefined ? c : { ...c, requires: renumber(c.requires) })) }
      : {}),
    ...(inventory.functions ? { functions: inventory.functions.map((f) => ({ ...f, requires: renumber(f.requires) })) } : {}),
  };
}

function componentArb(id: string, earlier: readonly string[], people: readonly string[]): fc.Arbitrary<Component> {
  return fc.record(
    {
      id: fc.constant(id),
      name: nameArb,
      kind: fc.constantFrom(...COMPONENT_KINDS),
      failuresPerYear: nonNegative(50),
      repairHours: positive(1000),
      runtimeMinutes: nonNegative(600),
      requires: earlier.length > 0 ? requirementArb(earlier) : fc.constant(undefined),
      knownBy: fc.subarray([...people]),
      monitored: fc.boolean(),
      supportResponseHours: nonNegative(200),
      hasRunbook: fc.boolean(),
      notes: notesArb,
      provider: nameArb,
      technology: fc.constantFrom(...LINE_TECHNOLOGIES),
    },
    { requiredKeys: ["id", "kind"] },
  ) as fc.Arbitrary<Component>;
}

/** Valid inventories, small enough to check hundreds per test. */
export const inventoryArb: fc.Arbitrary<Inventory> = fc
  .record({
    people: fc.uniqueArray(idArb, { maxLength: 4 }),
    components: fc.uniqueArray(idArb, { maxLength: 7 }),
    functionIds: fc.uniqueArray(idArb, { maxLength: 3 }),
    dataSetIds: fc.uniqueArray(idArb, { maxLength: 2 }),
  })
  .chain(({ people, components, functionIds, dataSetIds }) =>
    fc.record(
      {
        format: fc.constant(INVENTORY_FORMAT),
        asOf: isoDateArb,
        organization: fc.record(
          {
            name: nameArb,
            currency: currencyArb,
            operatingHoursPerWeek: numberIn(0, 168),
            absenceWaitHours: nonNegative(500),
            vendorResponseHours: nonNegative(500),
            unmonitoredDetectionHours: nonNegative(1000),
            untestedRestoreFailure: probability,
            lossScenarios: lossScenariosArb,
            staffCostPerHour: nonNegative(500),
            yearlyRevenue: nonNegative(1e8),
            staffCount: fc.integer({ min: 0, max: 500 }),
            notes: notesArb,
          },
          { requiredKeys: ["name", "currency", "operatingHoursPerWeek"] },
        ),
        people: fc.tuple(
          ...people.map((id) =>
            fc.record({ id: fc.constant(id), name: nameArb, availability: probability }, { requiredKeys: ["id"] }),
          ),
        ),
        components: fc.tuple(...components.map((id, i) => componentArb(id, components.slice(0, i), people))),
        functions:
          components.length === 0
            ? fc.constant([])
            : fc.tuple(
                ...functionIds.map((id) =>
                  fc.record(
                    {
                      id: fc.constant(id),
                      name: nameArb,
                      downtimeCostPerHour: nonNegative(1e6),
                      hours: fc.constantFrom("always" as const, "business" as const),
                      rtoHours: nonNegative(500),
                      requires: requirementArb(components),
                      template: shortTextArb,
                      revenueShare: probability,
                      staffShare: probability,
                    },
                    { requiredKeys: ["id", "downtimeCostPerHour", "requires"] },
                  ),
                ),
              ),
        dataSets:
          components.length === 0
            ? fc.constant([])
            : fc.tuple(
                ...dataSetIds.map((id) =>
                  fc.record(
                    {
                      id: fc.constant(id),
                      name: nameArb,
                      primary: fc.constantFrom(...components),
                      medium: shortTextArb,
                      dataLossCostPerHour: nonNegative(1e5),
                      totalLossCost: nonNegative(1e8),
                      rpoHours: nonNegative(500),
                      lossScenarios: lossScenariosArb,
                      sizeGb: nonNegative(1e5),
                      copies: fc.uniqueArray(
                        fc.record(
                          {
                            id: idArb,
                            location: fc.constantFrom(...COPY_LOCATIONS),
                            medium: shortTextArb,
                            intervalHours: positive(10000),
                            online: fc.boolean(),
                            immutable: fc.boolean(),
                            lastRestoreTest: isoDateArb,
                          },
                          { requiredKeys: ["id", "location", "medium", "intervalHours"] },
                        ),
                        { selector: (c) => c.id, maxLength: 3 },
                      ),
                    },
                    { requiredKeys: ["id", "primary"] },
                  ),
                ),
              ),
      },
      { requiredKeys: ["format", "organization", "people", "components", "functions", "dataSets"] },
    ).chain((inventory) =>
      // An empty list may also be left out; both are valid and must survive the round trip.
      fc.record({ people: fc.boolean(), components: fc.boolean(), functions: fc.boolean(), dataSets: fc.boolean() }).map((omit) => {
        const out: Record<string, unknown> = { ...inventory };
        for (const key of ["people", "components", "functions", "dataSets"] as const) {
          if (omit[key] && inventory[key].length === 0) delete out[key];
        }
        return out;
      }),
    ),
  )
  .map((inventory) => numberGroups(inventory as Inventory));

/** The same value with every object's keys in reverse order (to show key order does not matter). */
export function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)])) as T;
}

/**
 * Answers ⇄ inventory. Loading an inventory and saving it back gives the same document (the tests
 * check every example), because the answers keep every inventory field where the owner answers it:
 * organisation settings in the step that asks about them, components in the step of their kind,
 * "who can fix it" and "would anyone notice" in the people step.
 */
import {
  ComponentSchema,
  CopySchema,
  DataSetSchema,
  FunctionSchema,
  INVENTORY_FORMAT,
  OrganizationSchema,
  PersonSchema,
  type Component,
  type Copy,
  type DataSet,
  type Inventory,
  type BusinessFunction,
  type Organization,
  type Person,
} from "@/lib/engine/schema";
import {
  ANSWERS_FORMAT,
  STEP_IDS,
  allComponents,
  componentList,
  type Answers,
  type CareAnswer,
  type ComponentAnswer,
  type ComponentListRef,
  type DataSetAnswer,
  type FunctionAnswer,
} from "./answers";
import { effectiveDowntimeCost, sharesOf } from "./business";
import { parseLineName } from "./templates";

export { effectiveDowntimeCost, sharesOf };
import { referencedIds } from "./requirements";

const CARE_KEYS = ["knownBy", "monitored", "supportResponseHours", "hasRunbook"] as const;

/** A copy of `value` with keys in the schema's order and undefined values left out. */
function ordered<T>(value: Record<string, unknown>, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (value[k] !== undefined) out[k] = value[k];
  for (const k of Object.keys(value)) if (!(k in out) && value[k] !== undefined) out[k] = value[k];
  return out as T;
}

const keysOf = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);

export interface BuiltInventory {
  readonly inventory: Inventory;
  /** Where in the answers an inventory path (as validateInventory reports it) was answered. */
  answerPathOf(inventoryPath: string): string;
}

/**
 * Build the inventory the engine scores. Answers that pass `findAnswerProblems` always give an
 * inventory that passes `validateInventory`; unfinished answers give one that names what is missing.
 * `asOf` is used when the answers carry no date of their own (only imported inventories do).
 *
 * @example
 * answersToInventory(inventoryToAnswers(harborDental), "2026-11-21") // deep-equals harborDental
 */
export function answersToInventory(answers: Answers, asOf?: string): Inventory {
  return buildInventory(answers, asOf).inventory;
}

export function buildInventory(answers: Answers, fallbackAsOf?: string): BuiltInventory {
  const asOf = answers.asOf ?? fallbackAsOf;
  const paths = new Map<string, string>();
  const b = answers.business;
  const p = answers.people;
  const d = answers.data;
  const organization = ordered<Organization>(
    {
      name: b.name,
      currency: b.currency,
      operatingHoursPerWeek: b.operatingHoursPerWeek,
      absenceWaitHours: p.absenceWaitHours,
      vendorResponseHours: p.vendorResponseHours,
      unmonitoredDetectionHours: p.unmonitoredDetectionHours,
      untestedRestoreFailure: d.untestedRestoreFailure,
      lossScenarios: d.lossScenarios,
      staffCostPerHour: b.staffCostPerHour,
      // Never scored; carried so that an export and a re-import keep what the owner answered.
      yearlyRevenue: b.yearlyRevenue,
      staffCount: b.staffCount,
      notes: blankToUndefined(answers.review.note),
    },
    keysOf(OrganizationSchema),
  );
  for (const k of ["name", "currency", "operatingHoursPerWeek", "staffCostPerHour", "yearlyRevenue", "staffCount"]) paths.set(`organization.${k}`, `business.${k}`);
  paths.set("organization.notes", "review.note");
  for (const k of ["absenceWaitHours", "vendorResponseHours", "unmonitoredDetectionHours"]) paths.set(`organization.${k}`, `people.${k}`);
  for (const k of ["untestedRestoreFailure", "lossScenarios"]) paths.set(`organization.${k}`, `data.${k}`);
  paths.set("organization", "business");

  const people = p.people.map((person, i) => {
    paths.set(`people[${i}]`, `people.people[${i}]`);
    return ordered<Person>(person, keysOf(PersonSchema));
  });

  const components = allComponents(answers).map(({ component, list, index }, i): Component => {
    const isLine = list.step === "internet" && list.key === "lines";
    const care: CareAnswer = p.care[component.id] ?? {};
    paths.set(`components[${i}]`, `${listPath(list)}[${index}]`);
    for (const k of CARE_KEYS) paths.set(`components[${i}].${k}`, `people.care.${component.id}.${k}`);
    return ordered<Component>(
      { ...component, ...(isLine ? lineDetailsToExport(component) : {}), name: blankToUndefined(component.name), ...care },
      keysOf(ComponentSchema),
    );
  });

  const functions = answers.functions.items.map((f, i): BusinessFunction => {
    paths.set(`functions[${i}]`, `functions.items[${i}]`);
    return ordered<BusinessFunction>(
      { ...f, name: blankToUndefined(f.name), downtimeCostPerHour: effectiveDowntimeCost(answers, f) },
      keysOf(FunctionSchema),
    );
  });

  const dataSets = d.dataSets.map((ds, i): DataSet => {
    paths.set(`dataSets[${i}]`, `data.dataSets[${i}]`);
    const copies = ds.copies?.map((c) => ordered<Copy>(c, keysOf(CopySchema)));
    return ordered<DataSet>({ ...ds, name: blankToUndefined(ds.name), copies }, keysOf(DataSetSchema));
  });

  const inventory: Inventory = {
    format: INVENTORY_FORMAT,
    ...(asOf !== undefined ? { asOf } : {}),
    organization,
    people,
    components,
    functions,
    dataSets,
  };
  return { inventory, answerPathOf: (path) => translatePath(path, paths) };
}

/**
 * A line's provider and kind go into the inventory only when its name does not already say them
 * ("Fiber line (CityNet)" does; a line renamed "Main line" does not), so that inventories written
 * without these fields come back unchanged.
 */
function lineDetailsToExport(component: ComponentAnswer): { provider: string | undefined; technology: string | undefined } {
  const parsed = parseLineName(blankToUndefined(component.name));
  return {
    provider: component.provider !== undefined && component.provider !== parsed.provider ? component.provider : undefined,
    technology: component.technology !== undefined && component.technology !== parsed.technology ? component.technology : undefined,
  };
}

function blankToUndefined(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === "" ? undefined : text;
}

export function listPath(list: ComponentListRef): string {
  return `${list.step}.${list.key}`;
}

/** Replace the longest known prefix (whole segments only). */
function translatePath(path: string, paths: ReadonlyMap<string, string>): string {
  let best = "";
  for (const prefix of paths.keys()) {
    if (prefix.length <= best.length) continue;
    if (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`)) best = prefix;
  }
  return best === "" ? path : `${paths.get(best)}${path.slice(best.length)}`;
}

/** Which step and list a component belongs in when an inventory is loaded. */
export function listForComponent(component: Component, inventory: Inventory): ComponentListRef {
  switch (component.kind) {
    case "internet":
    case "site":
    case "other": {
      // Something an internet line itself needs (a provider's network, a shared duct) is asked
      // about in the internet step as a shared part. A site or other part that equipment needs
      // too (the premises, which a line may also need) stays in its own step. Activities do not
      // count: one may need a shared part directly.
      const neededBy = (inventory.components ?? []).filter((c) => c.id !== component.id && referencedIds(c.requires).includes(component.id));
      const neededByLine = neededBy.some((c) => c.kind === "internet");
      const neededByEquipment = neededBy.some((c) => c.kind !== "internet");
      if (neededByLine && (component.kind === "internet" || !neededByEquipment)) return { step: "internet", key: "shared" };
      if (component.kind === "internet") return { step: "internet", key: "lines" };
      return component.kind === "site" ? { step: "power", key: "items" } : { step: "systems", key: "items" };
    }
    case "power":
    case "ups":
    case "generator":
      return { step: "power", key: "items" };
    case "network":
      return { step: "network", key: "items" };
    default:
      return { step: "systems", key: "items" };
  }
}

/**
 * Load an inventory into the questionnaire. Every step counts as answered: the inventory is a
 * complete description (steps with something missing still show as unfinished in `progress`).
 */
export function inventoryToAnswers(inventory: Inventory): Answers {
  const org = inventory.organization;
  const care: Record<string, CareAnswer> = {};
  const answers: Answers = {
    format: ANSWERS_FORMAT,
    business: ordered(
      {
        name: org.name,
        currency: org.currency,
        operatingHoursPerWeek: org.operatingHoursPerWeek,
        staffCostPerHour: org.staffCostPerHour,
        yearlyRevenue: org.yearlyRevenue,
        staffCount: org.staffCount,
      },
      [],
    ),
    functions: { items: (inventory.functions ?? []).map((f) => ({ ...f }) as FunctionAnswer) },
    power: { items: [] },
    internet: { lines: [], shared: [] },
    network: { items: [] },
    systems: { items: [] },
    data: ordered(
      {
        dataSets: (inventory.dataSets ?? []).map(
          (ds) => ({ ...ds, ...(ds.copies ? { copies: ds.copies.map((c) => ({ ...c })) } : {}) }) as DataSetAnswer,
        ),
        untestedRestoreFailure: org.untestedRestoreFailure,
        lossScenarios: org.lossScenarios,
      },
      [],
    ),
    people: ordered(
      {
        people: (inventory.people ?? []).map((person) => ({ ...person })),
        care,
        absenceWaitHours: org.absenceWaitHours,
        vendorResponseHours: org.vendorResponseHours,
        unmonitoredDetectionHours: org.unmonitoredDetectionHours,
      },
      [],
    ),
    review: org.notes !== undefined ? { note: org.notes } : {},
    ...(inventory.asOf !== undefined ? { asOf: inventory.asOf } : {}),
    componentOrder: (inventory.components ?? []).map((c) => c.id),
    done: [...STEP_IDS],
  };
  for (const c of inventory.components ?? []) {
    const answer: Record<string, unknown> = {};
    const careOf: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c)) {
      if ((CARE_KEYS as readonly string[]).includes(k)) careOf[k] = v;
      else answer[k] = v;
    }
    if (Object.keys(careOf).length > 0) care[c.id] = careOf as CareAnswer;
    const list = listForComponent(c, inventory);
    if (list.step === "internet" && list.key === "lines") {
      // The provider and kind of line as exported; from the line's name ("Fiber line (CityNet)")
      // when the inventory does not give them.
      const parsed = parseLineName(c.name);
      const provider = c.provider ?? parsed.provider;
      const technology = c.technology ?? parsed.technology;
      if (provider !== undefined) answer.provider = provider;
      if (technology !== undefined) answer.technology = technology;
    }
    componentList(answers, list).push(answer as ComponentAnswer);
  }
  return answers;
}

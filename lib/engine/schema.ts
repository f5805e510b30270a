/**
 * The inventory interchange format (shared/docs/inventory-format.md) as zod schemas. Shape and
 * range rules live here; rules that need the whole document (ids that exist, uniqueness, cycles)
 * live in validate.ts. Every object is strict, so a misspelt field is refused instead of dropped.
 */
import { z } from "zod";

import {
  ASSESSMENT_FORMAT,
  COMPONENT_KINDS,
  COPY_LOCATIONS,
  ID_PATTERN,
  INVENTORY_FORMAT,
  LINE_TECHNOLOGIES,
  LOSS_SCENARIOS,
  type ComponentKind,
  type CopyLocation,
  type LineTechnology,
  type LossScenario,
} from "./constants.js";

export {
  ASSESSMENT_FORMAT,
  COMPONENT_KINDS,
  COPY_LOCATIONS,
  ID_PATTERN,
  INVENTORY_FORMAT,
  LINE_TECHNOLOGIES,
  LOSS_SCENARIOS,
  type ComponentKind,
  type CopyLocation,
  type LineTechnology,
  type LossScenario,
};

const id = z.string().regex(ID_PATTERN);
/** Something other than white space: a name of only spaces names nothing. */
export const NOT_BLANK = /\S/;
const text = z.string().regex(NOT_BLANK);
const finite = z.number().finite();
const nonNegative = finite.min(0);
const positive = finite.gt(0);
const probability = finite.min(0).max(1);
/**
 * Bulwark's plausibility limits, beyond the format's ranges: far above any real business, low
 * enough that no product or sum of them overflows a double (a cost of 1e308 an hour made the
 * expected loss Infinity, written as null). Documented in docs/scoring.md ("Limits").
 */
export const MAX_MONEY = 1e12;
const MAX_HOURS = 1e6;
const MAX_FAILURES_PER_YEAR = 1e6;
const money = finite.min(0).max(MAX_MONEY);
const hours = nonNegative.max(MAX_HOURS);
const minutes = nonNegative.max(MAX_HOURS * 60);
const isoDate = z.iso.date();

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one), as the inventory's dates must be. */
export function isIsoDate(value: string): boolean {
  return isoDate.safeParse(value).success;
}

export type Requirement =
  | string
  | { all: Requirement[] }
  | { any: Requirement[]; id?: string; failoverMinutes?: number }
  | { atLeast: number; of: Requirement[] };

export const RequirementSchema: z.ZodType<Requirement> = z.lazy(() =>
  z.union([
    id,
    z.strictObject({ all: z.array(RequirementSchema).min(1) }),
    z.strictObject({
      any: z.array(RequirementSchema).min(1),
      id: id.optional(),
      failoverMinutes: minutes.optional(),
    }),
    z.strictObject({ atLeast: z.number().int().min(1), of: z.array(RequirementSchema).min(1) }),
  ]),
);

export const LossScenariosSchema = z.strictObject({
  device: probability.optional(),
  site: probability.optional(),
  ransomware: probability.optional(),
});
export type LossScenarios = z.infer<typeof LossScenariosSchema>;

export const OrganizationSchema = z.strictObject({
  name: text,
  currency: z.string().regex(/^[A-Z]{3}$/),
  operatingHoursPerWeek: finite.min(0).max(168),
  absenceWaitHours: hours.optional(),
  vendorResponseHours: hours.optional(),
  unmonitoredDetectionHours: hours.optional(),
  untestedRestoreFailure: probability.optional(),
  lossScenarios: LossScenariosSchema.optional(),
  /** Added by Bulwark: loaded cost of one staff hour, used to price cross-training, runbooks and restore tests. */
  staffCostPerHour: money.optional(),
  /**
   * Added by Bulwark, never scored: what the questionnaire asked to suggest each function's cost
   * of downtime, and the reviewer's note, so that an export and a re-import keep them.
   */
  yearlyRevenue: money.optional(),
  staffCount: z.number().int().min(0).optional(),
  notes: z.string().max(4000).optional(),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const PersonSchema = z.strictObject({
  id,
  name: text.optional(),
  availability: probability.optional(),
});
export type Person = z.infer<typeof PersonSchema>;

export const ComponentSchema = z.strictObject({
  id,
  name: text.optional(),
  kind: z.enum(COMPONENT_KINDS),
  failuresPerYear: nonNegative.max(MAX_FAILURES_PER_YEAR).optional(),
  repairHours: positive.max(MAX_HOURS).optional(),
  runtimeMinutes: minutes.optional(),
  requires: RequirementSchema.optional(),
  knownBy: z.array(id).optional(),
  monitored: z.boolean().optional(),
  /**
   * Added by Bulwark: hours until the vendor responds under a support contract, replacing the
   * organisation's `vendorResponseHours` for this component when nobody in house can fix it.
   */
  supportResponseHours: hours.optional(),
  /** Added by Bulwark: a written, tested runbook exists, halving the wait for a person who can follow it. */
  hasRunbook: z.boolean().optional(),
  /** Added by Bulwark: free text (site, vendor, model) kept for the owner; never scored. */
  notes: z.string().max(2000).optional(),
  /** Added by Bulwark, never scored: an internet line's provider and kind of line, as asked. */
  provider: text.max(200).optional(),
  technology: z.enum(LINE_TECHNOLOGIES).optional(),
});
export type Component = z.infer<typeof ComponentSchema>;

export const FunctionSchema = z.strictObject({
  id,
  name: text.optional(),
  downtimeCostPerHour: money,
  hours: z.enum(["always", "business"]).optional(),
  rtoHours: hours.optional(),
  requires: RequirementSchema,
  /**
   * Added by Bulwark, never scored (downtimeCostPerHour is): the questionnaire's template and the
   * shares of revenue and staff it used to suggest the cost of downtime.
   */
  template: text.max(64).optional(),
  revenueShare: probability.optional(),
  staffShare: probability.optional(),
});
export type BusinessFunction = z.infer<typeof FunctionSchema>;

export const CopySchema = z.strictObject({
  id,
  location: z.enum(COPY_LOCATIONS),
  medium: text,
  intervalHours: positive.max(MAX_HOURS),
  online: z.boolean().optional(),
  immutable: z.boolean().optional(),
  lastRestoreTest: isoDate.optional(),
});
export type Copy = z.infer<typeof CopySchema>;

export const DataSetSchema = z.strictObject({
  id,
  name: text.optional(),
  primary: id,
  medium: text.optional(),
  dataLossCostPerHour: money.optional(),
  totalLossCost: money.optional(),
  rpoHours: hours.optional(),
  lossScenarios: LossScenariosSchema.optional(),
  /** Added by Bulwark: size of the data set, used to price cloud backup copies. */
  sizeGb: nonNegative.optional(),
  copies: z.array(CopySchema).optional(),
});
export type DataSet = z.infer<typeof DataSetSchema>;

export const InventorySchema = z.strictObject({
  format: z.literal(INVENTORY_FORMAT),
  asOf: isoDate.optional(),
  organization: OrganizationSchema,
  people: z.array(PersonSchema).optional(),
  components: z.array(ComponentSchema).optional(),
  functions: z.array(FunctionSchema).optional(),
  dataSets: z.array(DataSetSchema).optional(),
});
export type Inventory = z.infer<typeof InventorySchema>;

/** The JSON Schema of the inventory format, generated from the zod schema (committed; see tests). */
export function inventoryJsonSchema(): unknown {
  return z.toJSONSchema(InventorySchema, { target: "draft-2020-12", unrepresentable: "any" });
}

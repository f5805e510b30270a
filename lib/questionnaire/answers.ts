/**
 * The questionnaire's answers: one zod schema per step, shared by the form and the server.
 *
 * The schemas check what has been entered (types and ranges, with a plain sentence for each field)
 * but let a step be unfinished, so that autosave can keep a half-answered step; what is still
 * missing is reported by `findAnswerProblems` (validate.ts). Items are stored the way the inventory
 * stores them (same ids, same requirement expressions) plus a few questionnaire-only fields, so
 * any inventory can be loaded and saved back unchanged (mapping.ts).
 */
import { z } from "zod";
import {
  COMPONENT_KINDS,
  COPY_LOCATIONS,
  ComponentSchema,
  CopySchema,
  DataSetSchema,
  FunctionSchema,
  ID_PATTERN,
  PersonSchema,
  RequirementSchema,
} from "@/lib/engine/schema";
import { ANSWER_MESSAGES as M } from "./messages";
import { ANSWERS_FORMAT, LINE_TECHNOLOGIES, STEP_IDS, type StepId } from "./steps";

export * from "./steps";

const id = z.string({ error: M.internalId }).regex(ID_PATTERN, { error: M.internalId });
const number = (message: string) => z.number({ error: message });
const atLeastZero = (message: string) => number(message).min(0, { error: message });
const aboveZero = (message: string) => number(message).gt(0, { error: message });
const share = (message: string) => number(message).min(0, { error: message }).max(1, { error: message });
const name = z.string({ error: M.nameTooLong }).max(200, { error: M.nameTooLong });
const yesNo = z.boolean({ error: M.yesOrNo });
const isoDate = z.iso.date({ error: M.restoreTestDate });
const requirement = RequirementSchema.optional();

export const BusinessAnswersSchema = z.strictObject({
  name: z.string({ error: M.businessName }).max(200, { error: M.nameTooLong }),
  currency: z.string({ error: M.currency }).regex(/^[A-Z]{3}$/, { error: M.currency }),
  operatingHoursPerWeek: number(M.openingHours).min(0, { error: M.openingHours }).max(168, { error: M.openingHours }).optional(),
  yearlyRevenue: atLeastZero(M.yearlyRevenue).optional(),
  staffCount: number(M.staffCount).int({ error: M.staffCount }).min(0, { error: M.staffCount }).optional(),
  staffCostPerHour: atLeastZero(M.staffCostPerHour).optional(),
});
export type BusinessAnswers = z.infer<typeof BusinessAnswersSchema>;

/**
 * A component as the inventory has it, minus what the people step asks (who can fix it, whether
 * anyone would notice), plus the provider and technology of an internet line. Fields the engine
 * adds later pass through from its schema.
 */
export const ComponentAnswerSchema = ComponentSchema.omit({
  knownBy: true,
  monitored: true,
  supportResponseHours: true,
  hasRunbook: true,
}).extend({
  id,
  name: name.optional(),
  kind: z.enum(COMPONENT_KINDS, { error: M.kind }),
  failuresPerYear: atLeastZero(M.failuresPerYear).optional(),
  repairHours: aboveZero(M.repairHours).optional(),
  runtimeMinutes: atLeastZero(M.runtimeMinutes).optional(),
  requires: requirement,
  notes: z.string().max(2000, { error: M.notesTooLong }).optional(),
  provider: z.string().max(200, { error: M.provider }).optional(),
  technology: z.enum(LINE_TECHNOLOGIES, { error: M.technology }).optional(),
});
export type ComponentAnswer = z.infer<typeof ComponentAnswerSchema>;

/** Who looks after a component: the people step's answers about it. */
export const CareAnswerSchema = ComponentSchema.pick({
  knownBy: true,
  monitored: true,
  supportResponseHours: true,
  hasRunbook: true,
}).extend({
  knownBy: z.array(id).optional(),
  monitored: yesNo.optional(),
  supportResponseHours: atLeastZero(M.supportResponseHours).optional(),
  hasRunbook: yesNo.optional(),
});
export type CareAnswer = z.infer<typeof CareAnswerSchema>;

export const FunctionAnswerSchema = FunctionSchema.extend({
  id,
  name: name.optional(),
  downtimeCostPerHour: atLeastZero(M.downtimeCost).optional(),
  hours: z.enum(["always", "business"], { error: M.hours }).optional(),
  rtoHours: atLeastZero(M.rtoHours).optional(),
  requires: requirement,
  /** Questionnaire only: the template it started from. */
  template: z.string().max(64).optional(),
  /** Questionnaire only: share of revenue that stops while it is down (for the suggested cost). */
  revenueShare: share(M.share).optional(),
  /** Questionnaire only: share of staff left idle while it is down (for the suggested cost). */
  staffShare: share(M.share).optional(),
});
export type FunctionAnswer = z.infer<typeof FunctionAnswerSchema>;

export const LossScenariosAnswerSchema = z.strictObject({
  device: share(M.probability).optional(),
  site: share(M.probability).optional(),
  ransomware: share(M.probability).optional(),
});

export const CopyAnswerSchema = CopySchema.extend({
  id,
  location: z.enum(COPY_LOCATIONS, { error: M.location }).optional(),
  medium: z.string({ error: M.medium }).max(100, { error: M.medium }).optional(),
  intervalHours: aboveZero(M.intervalHours).optional(),
  online: yesNo.optional(),
  immutable: yesNo.optional(),
  lastRestoreTest: isoDate.optional(),
});
export type CopyAnswer = z.infer<typeof CopyAnswerSchema>;

export const DataSetAnswerSchema = DataSetSchema.extend({
  id,
  name: name.optional(),
  primary: id.optional(),
  medium: z.string().max(100, { error: M.medium }).optional(),
  dataLossCostPerHour: atLeastZero(M.dataLossCostPerHour).optional(),
  totalLossCost: atLeastZero(M.totalLossCost).optional(),
  rpoHours: atLeastZero(M.rpoHours).optional(),
  lossScenarios: LossScenariosAnswerSchema.optional(),
  sizeGb: atLeastZero(M.sizeGb).optional(),
  copies: z.array(CopyAnswerSchema).optional(),
});
export type DataSetAnswer = z.infer<typeof DataSetAnswerSchema>;

export const PersonAnswerSchema = PersonSchema.extend({
  id,
  name: name.optional(),
  availability: share(M.availability).optional(),
});
export type PersonAnswer = z.infer<typeof PersonAnswerSchema>;

export const FunctionsAnswersSchema = z.strictObject({ items: z.array(FunctionAnswerSchema) });
export type FunctionsAnswers = z.infer<typeof FunctionsAnswersSchema>;

/** Building and power: the premises, utility feeds, UPS batteries and generators. */
export const PowerAnswersSchema = z.strictObject({ items: z.array(ComponentAnswerSchema) });
export type PowerAnswers = z.infer<typeof PowerAnswersSchema>;

/**
 * Internet lines, and the parts two lines can share: a provider's network ("same provider?") or
 * the cable or duct into the building ("same cable?"), which the lines then require.
 */
export const InternetAnswersSchema = z.strictObject({
  lines: z.array(ComponentAnswerSchema),
  shared: z.array(ComponentAnswerSchema),
});
export type InternetAnswers = z.infer<typeof InternetAnswersSchema>;

export const NetworkAnswersSchema = z.strictObject({ items: z.array(ComponentAnswerSchema) });
export type NetworkAnswers = z.infer<typeof NetworkAnswersSchema>;

/** Servers, storage, applications, cloud and SaaS services, computers and tills. */
export const SystemsAnswersSchema = z.strictObject({ items: z.array(ComponentAnswerSchema) });
export type SystemsAnswers = z.infer<typeof SystemsAnswersSchema>;

export const DataAnswersSchema = z.strictObject({
  dataSets: z.array(DataSetAnswerSchema),
  untestedRestoreFailure: share(M.probability).optional(),
  lossScenarios: LossScenariosAnswerSchema.optional(),
});
export type DataAnswers = z.infer<typeof DataAnswersSchema>;

export const PeopleAnswersSchema = z.strictObject({
  people: z.array(PersonAnswerSchema),
  /** Per component id: who can fix it, whether a failure would be noticed, support, runbook. */
  care: z.record(id, CareAnswerSchema),
  absenceWaitHours: atLeastZero(M.waitHours).optional(),
  vendorResponseHours: atLeastZero(M.waitHours).optional(),
  unmonitoredDetectionHours: atLeastZero(M.waitHours).optional(),
});
export type PeopleAnswers = z.infer<typeof PeopleAnswersSchema>;

export const ReviewAnswersSchema = z.strictObject({
  note: z.string().max(4000, { error: M.note }).optional(),
});
export type ReviewAnswers = z.infer<typeof ReviewAnswersSchema>;

export const AnswersSchema = z.strictObject({
  format: z.literal(ANSWERS_FORMAT),
  business: BusinessAnswersSchema,
  functions: FunctionsAnswersSchema,
  power: PowerAnswersSchema,
  internet: InternetAnswersSchema,
  network: NetworkAnswersSchema,
  systems: SystemsAnswersSchema,
  data: DataAnswersSchema,
  people: PeopleAnswersSchema,
  review: ReviewAnswersSchema,
  /**
   * The date the description is as of, kept from an imported inventory so its restore-test ages
   * do not change; answers typed in the questionnaire leave it out and the assessment date applies.
   */
  asOf: z.iso.date({ error: M.restoreTestDate }).optional(),
  /** Component ids in inventory order, so that saving an imported inventory keeps its order. */
  componentOrder: z.array(id),
  /** Steps the user has finished (pressed Continue on with nothing missing). */
  done: z.array(z.enum(STEP_IDS)),
});
export type Answers = z.infer<typeof AnswersSchema>;

export const STEP_SCHEMAS = {
  business: BusinessAnswersSchema,
  functions: FunctionsAnswersSchema,
  power: PowerAnswersSchema,
  internet: InternetAnswersSchema,
  network: NetworkAnswersSchema,
  systems: SystemsAnswersSchema,
  data: DataAnswersSchema,
  people: PeopleAnswersSchema,
  review: ReviewAnswersSchema,
} as const satisfies Record<StepId, z.ZodType>;



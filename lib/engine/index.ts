/**
 * Bulwark's scoring engine: the public entry point. Pure and deterministic: no clock, no
 * randomness, no I/O; the same input and options give byte-identical output.
 *
 * @example
 * const result = assessInventory(JSON.parse(text), { asOf: "2026-11-21" });
 * if (result.ok) result.assessment.expectedAnnualLoss //=> 5581.45…
 * else result.problems //=> [{ path: "functions[2].requires.any[1]", message: 'unknown component "nas-2"' }]
 */
import { ENGINE_VERSION, optionProblems, scoreInventory } from "./assess.js";
import type { DataSetResult } from "./data-sets.js";
import type { Source } from "./defaults.js";
import type { BusFactorFinding, RtoBreach } from "./functions.js";
import { optionOverridesProblems } from "./overrides.js";
import { buildPlan, type NotWorthItItem, type PlanItem, type PlanOptions } from "./plan.js";
import type { Problem } from "./problems.js";
import { ASSESSMENT_FORMAT, type Inventory } from "./schema.js";
import { validateInventory } from "./validate.js";
import { SHAPES_INVENTORY, setShapeKeeper } from "./shapes.js";

export { ENGINE_VERSION, ScoringCache, scoreInventory, optionProblems, type ScoreOptions, type Scores } from "./assess.js";
export { buildPlan, applyPlanItems, planBase, type PlanItem, type NotWorthItItem, type PlanOptions, type PlanResult } from "./plan.js";
export {
  MITIGATIONS,
  EFFECT_PARAMETERS,
  configureMitigations,
  mitigationById,
  annualizedCost,
  firstYearCost,
  type EffectOverrides,
  type EffectParameter,
  type EffectValues,
  type Mitigation,
  type MitigationCost,
} from "./mitigations.js";
export { PlanOverridesSchema, planOverridesProblems, optionOverridesProblems, type PlanOverrides } from "./overrides.js";
export { validateInventory, namedComponents, walkRequirement, type ValidationResult } from "./validate.js";
export { formatProblem, formatPath, MESSAGES, type Problem } from "./problems.js";
export * from "./schema.js";
export * from "./defaults.js";
export type { DataSetResult, DataSetChecks, ScenarioResult } from "./data-sets.js";
export type { FunctionResult, WeightedCutSet, RtoBreach, BusFactorFinding } from "./functions.js";
export type { Assumption, ResolvedComponent } from "./model.js";

export interface AssessOptions extends PlanOptions {
  /** Skip the plan (faster; the plan fields come back empty). */
  readonly withoutPlan?: boolean;
}

export interface AssessedCutSet {
  readonly components: readonly string[];
  readonly weight: number;
  readonly downtimeHoursPerYear: number;
  readonly expectedAnnualLoss: number;
  readonly rideThroughHours: number;
  readonly meanJointOutageHours: number;
}

/** The numbers behind one single point of failure: enough to say in one sentence why it matters. */
export interface SpofExplanation {
  readonly component: string;
  readonly name: string;
  readonly failuresPerYear: number;
  readonly repairHours: number;
  readonly peopleWaitHours: number;
  readonly detectionWaitHours: number;
  readonly effectiveRepairHours: number;
  readonly rideThroughHours: number;
  readonly weight: number;
  readonly downtimeHoursPerYear: number;
  readonly expectedAnnualLoss: number;
}

export interface AssessedFunction {
  readonly id: string;
  readonly name: string;
  readonly hours: "always" | "business";
  readonly hoursWeight: number;
  readonly downtimeCostPerHour: number;
  readonly rtoHours: number | null;
  readonly downtimeHoursPerYear: number;
  readonly expectedAnnualLoss: number;
  readonly singlePointsOfFailure: readonly string[];
  /** Same order as `singlePointsOfFailure`. */
  readonly spofExplanations: readonly SpofExplanation[];
  readonly cutSets: readonly AssessedCutSet[];
  readonly truncated: boolean;
  readonly rtoBreaches: readonly RtoBreach[];
  readonly busFactor: readonly BusFactorFinding[];
}

export interface AssessedEvent {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly failuresPerYear: number;
  readonly repairHours: number;
  readonly peopleWaitHours: number;
  readonly detectionWaitHours: number;
  readonly effectiveRepairHours: number;
  readonly unavailability: number;
}

export interface Assessment {
  readonly format: typeof ASSESSMENT_FORMAT;
  readonly engineVersion: string;
  readonly organization: { readonly name: string; readonly currency: string };
  readonly asOf: string;
  readonly maxOrder: number;
  readonly expectedAnnualLoss: number;
  readonly functionsExpectedAnnualLoss: number;
  readonly dataSetsExpectedAnnualLoss: number;
  readonly functions: readonly AssessedFunction[];
  readonly dataSets: readonly DataSetResult[];
  /** Every component and switch-over pseudo-event with the figures behind it. */
  readonly events: readonly AssessedEvent[];
  readonly assumptions: ReadonlyArray<{ readonly path: string; readonly value: number; readonly source: Source }>;
  readonly plan: readonly PlanItem[];
  readonly notWorthIt: readonly NotWorthItItem[];
  readonly overBudget: readonly PlanItem[];
  /** Worth it and affordable, beyond the plan's item limit (plan.ts PlanResult). */
  readonly beyondItemLimit: readonly PlanItem[];
  readonly budget: number | null;
  readonly expectedAnnualLossAfterPlan: number;
}

export type AssessResult = { ok: true; assessment: Assessment } | { ok: false; problems: Problem[] };

/** Validate, score and plan an untrusted inventory document. */
export function assessInventory(input: unknown, options: AssessOptions = {}): AssessResult {
  const validation = validateInventory(input);
  if (!validation.ok) return validation;
  const problems = optionProblems(validation.inventory, options);
  if (options.budget !== undefined && !(Number.isFinite(options.budget) && options.budget >= 0)) {
    problems.push({ path: "options.budget", message: "must be a number of at least 0" });
  }
  problems.push(...optionOverridesProblems(options));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, assessment: assessValid(validation.inventory, options) };
}

// Run once per process, before the engine's first scoring: see shapes.ts.
setShapeKeeper(() => [
  assessValid(SHAPES_INVENTORY),
  assessValid(SHAPES_INVENTORY, { maxOrder: 1 }),
  // The single-points-of-failure path (functions.ts CompactFunctionResult).
  scoreInventory(SHAPES_INVENTORY, { maxOrder: 1, figuresOnly: true }),
]);

/** Score and plan an inventory that has already passed `validateInventory`. */
export function assessValid(inventory: Inventory, options: AssessOptions = {}): Assessment {
  const maxOrder = options.maxOrder ?? 3;
  const scores = scoreInventory(inventory, { maxOrder, asOf: options.asOf });
  const plan = options.withoutPlan ? undefined : buildPlan(inventory, options);
  const rtoOf = new Map((inventory.functions ?? []).map((f) => [f.id, f.rtoHours ?? null]));
  const componentOf = new Map(scores.components.map((c) => [c.id, c]));
  return {
    format: ASSESSMENT_FORMAT,
    engineVersion: ENGINE_VERSION,
    organization: { name: scores.model.organization.name, currency: scores.currency },
    asOf: scores.asOf,
    maxOrder,
    expectedAnnualLoss: scores.expectedAnnualLoss,
    functionsExpectedAnnualLoss: scores.functionsLoss,
    dataSetsExpectedAnnualLoss: scores.dataSetsLoss,
    functions: scores.functions.map((f) => ({
      id: f.id,
      name: f.name,
      hours: f.hours,
      hoursWeight: f.hoursWeight,
      downtimeCostPerHour: f.downtimeCostPerHour,
      rtoHours: rtoOf.get(f.id) ?? null,
      downtimeHoursPerYear: f.downtimeHoursPerYear,
      expectedAnnualLoss: f.expectedAnnualLoss,
      singlePointsOfFailure: f.singlePointsOfFailure,
      spofExplanations: f.singlePointsOfFailure.map((id) => {
        const c = componentOf.get(id)!;
        const cut = f.cutSets.find((s) => s.components.length === 1 && s.components[0] === id)!;
        return {
          component: id,
          name: c.name,
          failuresPerYear: c.failuresPerYear,
          repairHours: c.repairHours,
          peopleWaitHours: c.peopleWaitHours,
          detectionWaitHours: c.detectionWaitHours,
          effectiveRepairHours: c.effectiveRepairHours,
          rideThroughHours: cut.rideThroughHours,
          weight: cut.weight,
          downtimeHoursPerYear: cut.downtimeHoursPerYear,
          expectedAnnualLoss: cut.expectedAnnualLoss,
        };
      }),
      cutSets: f.cutSets.map((c) => ({
        components: c.components,
        weight: c.weight,
        downtimeHoursPerYear: c.downtimeHoursPerYear,
        expectedAnnualLoss: c.expectedAnnualLoss,
        rideThroughHours: c.rideThroughHours,
        meanJointOutageHours: c.meanJointOutageHours,
      })),
      truncated: f.truncated,
      rtoBreaches: f.rtoBreaches,
      busFactor: f.busFactor,
    })),
    dataSets: scores.dataSets,
    events: [
      ...scores.components.map((c) => ({
        id: c.id,
        name: c.name,
        kind: c.kind as string,
        failuresPerYear: c.failuresPerYear,
        repairHours: c.repairHours,
        peopleWaitHours: c.peopleWaitHours,
        detectionWaitHours: c.detectionWaitHours,
        effectiveRepairHours: c.effectiveRepairHours,
        unavailability: c.unavailability,
      })),
      ...scores.pseudoEvents.map((p) => ({
        id: p.id,
        name: `Switch-over of group ${p.id.slice("failover:".length)}`,
        kind: "failover",
        failuresPerYear: p.failuresPerYear,
        repairHours: p.effectiveRepairHours,
        peopleWaitHours: 0,
        detectionWaitHours: 0,
        effectiveRepairHours: p.effectiveRepairHours,
        unavailability: p.unavailability,
      })),
    ],
    assumptions: scores.assumptions,
    plan: plan?.plan ?? [],
    notWorthIt: plan?.notWorthIt ?? [],
    overBudget: plan?.overBudget ?? [],
    beyondItemLimit: plan?.beyondItemLimit ?? [],
    budget: options.budget ?? null,
    expectedAnnualLossAfterPlan: plan?.expectedAnnualLossAfter ?? scores.expectedAnnualLoss,
  };
}

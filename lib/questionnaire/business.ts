/**
 * The suggested cost of an hour of downtime, from what the owner knows about the business.
 *
 * While a function is down, the business loses two things:
 *   1. sales it cannot make: the revenue of an opening hour, yearly revenue ÷ (opening hours per
 *      week × 52), times the share of revenue that stops (taking payments: most of it; payroll:
 *      none of it);
 *   2. wages paid for nothing: staff count × the loaded cost of a staff hour, times the share of
 *      staff left with nothing to do.
 * cost per hour = revenue share × revenue per opening hour + staff share × staff count × staff cost per hour
 *
 * It is a starting point, not a measurement: some sales come back later, some staff find other
 * work. The owner sees the figure and its parts and can type their own.
 */
import { ORGANIZATION_DEFAULTS } from "@/lib/engine/defaults";
import type { Answers, BusinessAnswers, FunctionAnswer } from "./answers";
import { CUSTOM_FUNCTION_SHARES, functionTemplate } from "./templates";

export const WEEKS_PER_YEAR = 52;

export interface DowntimeCostInput {
  readonly yearlyRevenue?: number;
  readonly operatingHoursPerWeek?: number;
  readonly staffCount?: number;
  /** Loaded cost of a staff hour; absent: the engine's default (ORGANIZATION_DEFAULTS.staffCostPerHour). */
  readonly staffCostPerHour?: number;
}

export interface DowntimeCostShares {
  /** Share of revenue that stops while the function is down, 0 to 1. */
  readonly revenueShare: number;
  /** Share of staff with nothing to do while it is down, 0 to 1. */
  readonly staffShare: number;
}

export interface DowntimeCostSuggestion {
  /** Rounded to a whole amount. */
  readonly costPerHour: number;
  readonly revenuePerOpeningHour: number;
  readonly idleStaffCostPerHour: number;
  readonly revenuePart: number;
  readonly staffPart: number;
  /** True when the staff cost was not given and the default was used. */
  readonly usedDefaultStaffCost: boolean;
}

/**
 * Suggest a cost of downtime per hour, or undefined when revenue or opening hours are missing.
 *
 * @example
 * suggestDowntimeCostPerHour(
 *   { yearlyRevenue: 520_000, operatingHoursPerWeek: 50, staffCount: 6, staffCostPerHour: 40 },
 *   { revenueShare: 0.5, staffShare: 1 },
 * ).costPerHour //=> 340 (0.5 × 200 + 1 × 6 × 40)
 */
export function suggestDowntimeCostPerHour(
  business: DowntimeCostInput,
  shares: DowntimeCostShares,
): DowntimeCostSuggestion | undefined {
  const { yearlyRevenue, operatingHoursPerWeek } = business;
  if (yearlyRevenue === undefined || operatingHoursPerWeek === undefined || !(operatingHoursPerWeek > 0)) {
    return undefined;
  }
  const revenuePerOpeningHour = yearlyRevenue / (operatingHoursPerWeek * WEEKS_PER_YEAR);
  const usedDefaultStaffCost = business.staffCostPerHour === undefined;
  const staffCost = business.staffCostPerHour ?? ORGANIZATION_DEFAULTS.staffCostPerHour.value;
  const idleStaffCostPerHour = (business.staffCount ?? 0) * staffCost;
  const revenuePart = shares.revenueShare * revenuePerOpeningHour;
  const staffPart = shares.staffShare * idleStaffCostPerHour;
  return {
    costPerHour: Math.round(revenuePart + staffPart),
    revenuePerOpeningHour,
    idleStaffCostPerHour,
    revenuePart,
    staffPart,
    usedDefaultStaffCost,
  };
}

export function businessCostInput(business: BusinessAnswers): DowntimeCostInput {
  return business;
}

/** The share of revenue and of staff that stop with a function, for its suggested cost. */
export function sharesOf(f: FunctionAnswer): DowntimeCostShares {
  const t = functionTemplate(f.template);
  return {
    revenueShare: f.revenueShare ?? t?.revenueShare ?? CUSTOM_FUNCTION_SHARES.revenueShare,
    staffShare: f.staffShare ?? t?.staffShare ?? CUSTOM_FUNCTION_SHARES.staffShare,
  };
}

/** The cost of downtime the inventory will use: the owner's figure, else the suggestion. */
export function effectiveDowntimeCost(answers: Answers, f: FunctionAnswer): number | undefined {
  if (f.downtimeCostPerHour !== undefined) return f.downtimeCostPerHour;
  return suggestDowntimeCostPerHour(answers.business, sharesOf(f))?.costPerHour;
}

/**
 * Data sets: the three loss scenarios, restore failure, expected data loss, the 3-2-1-1-0 checks
 * and RPO findings (model.md §5).
 */
import { RESTORE_TEST_VALID_DAYS } from "./defaults.js";
import type { ResolvedOrganization } from "./model.js";
import { LOSS_SCENARIOS, type Copy, type DataSet, type LossScenario } from "./schema.js";

export interface DataSetChecks {
  readonly threeCopies: boolean;
  readonly twoMedia: boolean;
  readonly oneOffsite: boolean;
  readonly oneOfflineOrImmutable: boolean;
  readonly zeroUntested: boolean;
}

export interface ScenarioResult {
  readonly scenario: LossScenario;
  /** Yearly probability p_s. */
  readonly probability: number;
  /** Copies that survive the scenario, freshest first. */
  readonly survivingCopies: readonly string[];
  /** Expected cost of one occurrence: lost work plus total loss when nothing restores. */
  readonly lostCost: number;
  /** Chance that no surviving copy restores (or none survived). */
  readonly totalLossProbability: number;
  /** p_s × lostCost. */
  readonly expectedAnnualLoss: number;
}

export interface DataSetResult {
  readonly id: string;
  readonly name: string;
  readonly expectedAnnualLoss: number;
  readonly checks: DataSetChecks;
  readonly rpoBreaches: readonly LossScenario[];
  readonly scenarios: readonly ScenarioResult[];
}

/** Whole days from `from` to `to` (ISO dates), by the calendar; negative when `from` is later. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Days since 1970-01-01 of an ISO date, by the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil). Written out so the engine never touches Date, which can read the clock.
 */
function dayNumber(iso: string): number {
  // Validated YYYY-MM-DD (schema.ts isIsoDate): read the digits in place rather than splitting,
  // which allocated three strings and an array per restore test.
  const year = digitAt(iso, 0) * 1000 + digitAt(iso, 1) * 100 + digitAt(iso, 2) * 10 + digitAt(iso, 3);
  const month = digitAt(iso, 5) * 10 + digitAt(iso, 6);
  const day = digitAt(iso, 8) * 10 + digitAt(iso, 9);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digitAt(text: string, i: number): number {
  return text.charCodeAt(i) - 48;
}

/** A restore test counts when it happened 0 to 365 days before `asOf` (inclusive). */
export function isRestoreTested(copy: Copy, asOf: string): boolean {
  if (copy.lastRestoreTest === undefined) return false;
  const age = daysBetween(copy.lastRestoreTest, asOf);
  return age >= 0 && age <= RESTORE_TEST_VALID_DAYS;
}

export function survives(copy: Copy, scenario: LossScenario): boolean {
  switch (scenario) {
    case "device":
      return copy.location !== "same-device";
    case "site":
      return copy.location === "offsite" || copy.location === "cloud";
    case "ransomware":
      return copy.online === false || copy.immutable === true;
  }
}

export function checkDataSet(ds: DataSet, asOf: string): DataSetChecks {
  const copies = ds.copies ?? [];
  const media = new Set([ds.medium ?? "primary", ...copies.map((c) => c.medium)]);
  return {
    threeCopies: copies.length + 1 >= 3,
    twoMedia: media.size >= 2,
    oneOffsite: copies.some((c) => c.location === "offsite" || c.location === "cloud"),
    oneOfflineOrImmutable: copies.some((c) => c.online === false || c.immutable === true),
    zeroUntested: copies.length > 0 && copies.every((c) => isRestoreTested(c, asOf)),
  };
}

export function assessDataSet(ds: DataSet, org: ResolvedOrganization, asOf: string): DataSetResult {
  const copies = ds.copies ?? [];
  const costPerHour = ds.dataLossCostPerHour ?? 0;
  const totalLoss = ds.totalLossCost ?? 0;
  const scenarios = LOSS_SCENARIOS.map((scenario): ScenarioResult => {
    const probability = ds.lossScenarios?.[scenario] ?? org.lossScenarios[scenario];
    // Stable sort: equal intervals keep document order (ties cannot change the result).
    const surviving = copies.filter((c) => survives(c, scenario)).sort((a, b) => a.intervalHours - b.intervalHours);
    let allFailedSoFar = 1;
    let lostCost = 0;
    for (const copy of surviving) {
      const failure = isRestoreTested(copy, asOf) ? 0 : org.untestedRestoreFailure;
      lostCost += allFailedSoFar * (1 - failure) * (copy.intervalHours / 2) * costPerHour;
      allFailedSoFar *= failure;
    }
    lostCost += allFailedSoFar * totalLoss;
    return {
      scenario,
      probability,
      survivingCopies: surviving.map((c) => c.id),
      lostCost,
      totalLossProbability: allFailedSoFar,
      expectedAnnualLoss: probability * lostCost,
    };
  });
  const rpoBreaches: LossScenario[] = [];
  if (ds.rpoHours !== undefined) {
    for (const scenario of [...LOSS_SCENARIOS].sort()) {
      const freshest = copies
        .filter((c) => survives(c, scenario))
        .reduce((min, c) => Math.min(min, c.intervalHours), Infinity);
      if (!(freshest <= ds.rpoHours)) rpoBreaches.push(scenario);
    }
  }
  return {
    id: ds.id,
    name: ds.name ?? ds.id,
    expectedAnnualLoss: scenarios.reduce((sum, s) => sum + s.expectedAnnualLoss, 0),
    checks: checkDataSet(ds, asOf),
    rpoBreaches,
    scenarios,
  };
}

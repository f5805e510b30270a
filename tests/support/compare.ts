import { expect } from "vitest";
import type { ExpectedAssessment } from "./examples.js";

/** Relative difference, with exact zero handled. */
export function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
}

export function expectClose(actual: number, expected: number, where: string, tolerance = 1e-9): void {
  expect(relativeError(actual, expected), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

/** Assert an assessment (ours, in any key order) reproduces an expected one. */
export function expectReproduces(actual: ExpectedAssessment, expected: ExpectedAssessment, label: string): void {
  expectClose(actual.expectedAnnualLoss, expected.expectedAnnualLoss, `${label} total`);
  expect(actual.functions.map((f) => f.id)).toEqual(expected.functions.map((f) => f.id));
  expected.functions.forEach((ef, i) => {
    const af = actual.functions[i]!;
    const at = `${label} ${ef.id}`;
    expectClose(af.downtimeHoursPerYear, ef.downtimeHoursPerYear, `${at} downtime`);
    expectClose(af.expectedAnnualLoss, ef.expectedAnnualLoss, `${at} loss`);
    expect(af.singlePointsOfFailure, `${at} SPOFs`).toEqual(ef.singlePointsOfFailure);
    expect(af.cutSets.map((c) => c.components), `${at} cut sets`).toEqual(ef.cutSets.map((c) => c.components));
    ef.cutSets.forEach((c, j) => {
      expectClose(af.cutSets[j]!.weight, c.weight, `${at} cut set ${j} weight`);
      expectClose(af.cutSets[j]!.downtimeHoursPerYear, c.downtimeHoursPerYear, `${at} cut set ${j} downtime`);
    });
    expect(af.rtoBreaches.map((r) => [r.component, r.rtoHours]), `${at} RTO`).toEqual(
      ef.rtoBreaches.map((r) => [r.component, r.rtoHours]),
    );
    ef.rtoBreaches.forEach((r, j) => {
      expectClose(af.rtoBreaches[j]!.meanRepairHours, r.meanRepairHours, `${at} RTO ${j} repair`);
      expectClose(af.rtoBreaches[j]!.chanceOutlastsRto, r.chanceOutlastsRto, `${at} RTO ${j} chance`);
    });
    expect(af.busFactor, `${at} bus factor`).toEqual(ef.busFactor);
  });
  expect(actual.dataSets.map((d) => d.id)).toEqual(expected.dataSets.map((d) => d.id));
  expected.dataSets.forEach((ed, i) => {
    const ad = actual.dataSets[i]!;
    expectClose(ad.expectedAnnualLoss, ed.expectedAnnualLoss, `${label} ${ed.id} loss`);
    expect(ad.checks, `${label} ${ed.id} checks`).toEqual(ed.checks);
    expect(ad.rpoBreaches, `${label} ${ed.id} RPO`).toEqual(ed.rpoBreaches);
  });
}

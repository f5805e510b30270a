import "server-only";
/**
 * A client's history: every completed assessment is a snapshot (inventory, result, engine version;
 * written by completeAssessment in lib/server/access.ts). Listed for the chart, and any two
 * compared through lib/history/compare.ts. Access as in lib/server/clients.ts: readers of the
 * client only; a snapshot of another organisation is not found.
 */
import { compareAssessments, type AssessmentComparison, type ComparableAssessment } from "../history/compare";
import type { Assessment as EngineAssessment } from "../engine/index";
import type { Actor } from "./access";
import { authorizeClient } from "./clients";
import { checkId } from "./consultant-guards";
import { getDb } from "./db";
import { AppError, NotFoundError, ValidationError } from "./errors";

export interface SnapshotSummary {
  readonly id: string;
  readonly createdAt: Date;
  readonly assessmentId: string;
  readonly assessmentName: string;
  readonly assessmentVersion: number;
  readonly engineVersion: string;
  readonly expectedAnnualLoss: number;
  readonly currency: string;
}

const SUMMARY_SELECT = {
  id: true,
  createdAt: true,
  assessmentId: true,
  assessmentVersion: true,
  engineVersion: true,
  expectedAnnualLoss: true,
  currency: true,
  assessment: { select: { name: true } },
} as const;

type SummaryRow = {
  id: string;
  createdAt: Date;
  assessmentId: string;
  assessmentVersion: number;
  engineVersion: string;
  expectedAnnualLoss: number;
  currency: string;
  assessment: { name: string };
};

function toSummary({ assessment, ...row }: SummaryRow): SnapshotSummary {
  return { ...row, assessmentName: assessment.name };
}

/** Every snapshot of the client, oldest first (the order of a chart over time). */
export async function listSnapshots(actor: Actor, input: { organizationId: unknown }): Promise<SnapshotSummary[]> {
  const access = await authorizeClient(actor, input.organizationId);
  const rows = await getDb().assessmentSnapshot.findMany({
    where: { organizationId: access.organizationId },
    select: SUMMARY_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toSummary);
}

export interface SnapshotDetail extends SnapshotSummary {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly inventory: unknown;
  readonly result: EngineAssessment;
}

/** A stored result that no longer reads is a damaged row, not the caller's mistake. */
function parseStored(json: string, what: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw new AppError("UNPROCESSABLE", `The stored ${what} of this snapshot cannot be read.`);
  }
}

/** One snapshot of the client with its inventory and result; another organisation's id is not found. */
export async function getSnapshot(actor: Actor, input: { organizationId: unknown; snapshotId: unknown }): Promise<SnapshotDetail> {
  const access = await authorizeClient(actor, input.organizationId);
  const id = checkId(input.snapshotId, "That assessment snapshot");
  const row = await getDb().assessmentSnapshot.findFirst({
    where: { id, organizationId: access.organizationId },
    select: { ...SUMMARY_SELECT, inventoryJson: true, resultJson: true },
  });
  if (!row) throw new NotFoundError("That assessment snapshot");
  const { inventoryJson, resultJson, ...summary } = row;
  return {
    ...toSummary(summary),
    organizationId: access.organizationId,
    organizationName: access.organizationName,
    inventory: parseStored(inventoryJson, "inventory"),
    result: parseStored(resultJson, "result") as EngineAssessment,
  };
}

export interface SnapshotComparison {
  readonly older: SnapshotSummary;
  readonly newer: SnapshotSummary;
  readonly comparison: AssessmentComparison;
  /** Names of the components and data sets of either assessment, by id (to name plan items' targets). */
  readonly names: Readonly<Record<string, string>>;
}

function namesOf(...results: EngineAssessment[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const r of results) {
    for (const e of r.events ?? []) if (e.name) names[e.id] = e.name;
    for (const d of r.dataSets ?? []) if (d.name) names[d.id] = d.name;
  }
  return names;
}

/**
 * Compare two snapshots of one client, whichever order they are named in: the earlier one is
 * `older`, so money removed is positive when the risk went down.
 */
export async function compareSnapshots(actor: Actor, input: { organizationId: unknown; snapshotIds: readonly unknown[] }): Promise<SnapshotComparison> {
  const [a, b] = input.snapshotIds;
  if (input.snapshotIds.length !== 2) throw new ValidationError("Choose two assessments to compare.", [{ path: "snapshots", message: "Choose two assessments to compare." }]);
  if (a === b) throw new ValidationError("Choose two different assessments to compare.", [{ path: "snapshots", message: "Choose two different assessments to compare." }]);
  const [first, second] = await Promise.all([
    getSnapshot(actor, { organizationId: input.organizationId, snapshotId: a }),
    getSnapshot(actor, { organizationId: input.organizationId, snapshotId: b }),
  ]);
  const inOrder = first.createdAt.getTime() < second.createdAt.getTime() || (first.createdAt.getTime() === second.createdAt.getTime() && first.id < second.id);
  const [older, newer] = inOrder ? [first, second] : [second, first];
  const comparison = compareAssessments(older.result as unknown as ComparableAssessment, newer.result as unknown as ComparableAssessment);
  const strip = ({ inventory: _i, result: _r, organizationId: _o, organizationName: _n, ...summary }: SnapshotDetail): SnapshotSummary => summary;
  return { older: strip(older), newer: strip(newer), comparison, names: namesOf(older.result, newer.result) };
}

/**
 * The assessment of an inventory: every function and data set scored, with the plan.
 */
import { assessDataSet, type DataSetResult } from "./data-sets.js";
import { DEFAULT_MAX_ORDER, MAX_ORDER_LIMIT } from "./defaults.js";
import { FamilyStore } from "./cut-sets.js";
import { pseudoEventResults, scoreFunctions, type EventTables, type FunctionResult, type FunctionScoringOptions, type PseudoEventResult } from "./functions.js";
import { EventNumbering, ModelCache, resolveModel, type Assumption, type ResolvedComponent, type ResolvedModel } from "./model.js";
import { isIsoDate, type Inventory } from "./schema.js";
import type { Problem } from "./problems.js";
import { keepShape, keepShapesOnce } from "./shapes.js";

/** Bumped whenever a figure for the same input could change. Stored with every snapshot. */
export const ENGINE_VERSION = "1.0.2";

export interface ScoreOptions {
  /** Largest cut-set order enumerated (1 to 6; default 3). */
  readonly maxOrder?: number;
  /** The date the inventory describes, when the inventory has no `asOf` (the caller's today). */
  readonly asOf?: string;
}

export interface Scores {
  readonly asOf: string;
  readonly currency: string;
  readonly expectedAnnualLoss: number;
  readonly functionsLoss: number;
  readonly dataSetsLoss: number;
  readonly functions: readonly FunctionResult[];
  readonly dataSets: readonly DataSetResult[];
  readonly components: readonly ResolvedComponent[];
  readonly pseudoEvents: readonly PseudoEventResult[];
  readonly assumptions: readonly Assumption[];
  readonly model: ResolvedModel;
}

export function optionProblems(inventory: Inventory, options: ScoreOptions): Problem[] {
  const problems: Problem[] = [];
  const order = options.maxOrder ?? DEFAULT_MAX_ORDER;
  if (!Number.isInteger(order) || order < 1 || order > MAX_ORDER_LIMIT) {
    problems.push({ path: "options.maxOrder", message: `must be a whole number from 1 to ${MAX_ORDER_LIMIT}` });
  }
  if (inventory.asOf === undefined) {
    if (options.asOf === undefined) {
      problems.push({ path: "asOf", message: "is required: the date the inventory describes, as YYYY-MM-DD" });
    } else if (!isIsoDate(options.asOf)) {
      problems.push({ path: "options.asOf", message: "must be a date written as YYYY-MM-DD, such as 2026-06-30" });
    }
  }
  return problems;
}

/**
 * Score a valid inventory (no plan). Callers that hold untrusted input use `assessInventory`.
 * `figuresOnly` skips the per-cut-set explanations.
 */
export interface ScoreInternals {
  /**
   * Skip the per-cut-set explanations (the plan's re-scorings). Cut sets of equal contribution,
   * and so the SPOF, RTO and bus-factor lists, are then in the order the sets were found, not by
   * name: the figures are the same bits.
   */
  readonly figuresOnly?: boolean;
  /** Reuse a previous scoring for every function and data set but those that can have changed. */
  readonly reuse?: {
    readonly scores: Scores;
    /** Indexes of the only functions that can have changed. */
    readonly affectedFunctions: ReadonlySet<number>;
    readonly changedDataSets: ReadonlySet<string>;
  };
  /** Shared by the many scorings of one plan (see ScoringCache). */
  readonly cache?: ScoringCache;
  /**
   * With `reuse` and `cache`: the inventory is the reused one with a redundant twin of component
   * `of` added as mitigations.ts addTwin does without a switch-over (Mitigation.twinOf), so the
   * functions' cut sets follow from their previous ones (functions.ts FunctionScoringOptions.twin).
   */
  readonly twin?: { readonly of: string; readonly twin: string };
}

/**
 * What the scorings of one plan share: one event numbering, so that cut-set families computed for
 * one inventory stay valid for the next, the families themselves (cut-sets.ts FamilyStore), and
 * the resolved figures of unchanged component records (model.ts ModelCache).
 */
export class ScoringCache {
  readonly numbering = new EventNumbering();
  readonly models = new ModelCache(this.numbering);
  readonly families: FamilyStore;

  constructor(readonly maxOrder: number) {
    keepShape(this);
    this.families = new FamilyStore(maxOrder);
  }
}

function twinIndexes(model: ResolvedModel, options: ScoreInternals): FunctionScoringOptions["twin"] {
  const { twin, reuse } = options;
  if (!twin || !reuse || !options.cache) return undefined;
  const of = model.indexOfComponent(twin.of);
  const made = model.indexOfComponent(twin.twin);
  return of === undefined || made === undefined ? undefined : { previous: reuse.scores.model, of, twin: made };
}

export function scoreInventory(inventory: Inventory, options: ScoreOptions & ScoreInternals = {}): Scores {
  keepShapesOnce();
  const maxOrder = options.maxOrder ?? DEFAULT_MAX_ORDER;
  const cache = options.cache;
  if (cache && cache.maxOrder !== maxOrder) throw new Error("bug: a ScoringCache serves one order limit");
  const model = resolveModel(inventory, cache?.numbering, cache?.models, options.reuse?.scores.model);
  const asOf = inventory.asOf ?? options.asOf!;
  const reuse = options.reuse;
  // A change that reaches no function (a data-set mitigation) on the same structure: every
  // function keeps its previous result, and the switch-over rates they use are unchanged.
  const unchanged = reuse !== undefined && reuse.affectedFunctions.size === 0 && model.functionNodes === reuse.scores.model.functionNodes;
  const scored = unchanged
    ? undefined
    : scoreFunctions(model, {
        maxOrder,
        figuresOnly: options.figuresOnly,
        families: cache?.families,
        reuse: reuse && { functions: reuse.scores.functions, affected: reuse.affectedFunctions },
        twin: twinIndexes(model, options),
      });
  const functions = scored ? scored.functions : reuse!.scores.functions;
  // Written out when read: the plan's re-scorings never read them.
  const pseudoEvents: PseudoEventSource = scored ? { model, tables: scored.tables } : { from: reuse!.scores };
  const previousDataSets = options.reuse?.scores.dataSets;
  const dataSets = (inventory.dataSets ?? []).map((ds, i) =>
    previousDataSets?.[i]?.id === ds.id && !options.reuse!.changedDataSets.has(ds.id)
      ? previousDataSets[i]!
      : assessDataSet(ds, model.organization, asOf),
  );
  let functionsLoss = 0;
  for (const f of functions) functionsLoss += f.expectedAnnualLoss;
  let dataSetsLoss = 0;
  for (const d of dataSets) dataSetsLoss += d.expectedAnnualLoss;
  return new ScoresOfModel(asOf, functionsLoss, dataSetsLoss, functions, dataSets, pseudoEvents, model);
}

/** Where a scoring's switch-over results come from: its own tables, or an earlier scoring's. */
type PseudoEventSource = { readonly model: ResolvedModel; readonly tables: EventTables } | { readonly from: Scores };

/**
 * A class, not an object literal with getters: V8 keeps a literal that has accessors in dictionary
 * mode, and the plan reads these fields for every candidate of every round.
 */
class ScoresOfModel implements Scores {
  readonly currency: string;
  readonly expectedAnnualLoss: number;
  private pseudoEventResults: readonly PseudoEventResult[] | undefined;

  constructor(
    readonly asOf: string,
    readonly functionsLoss: number,
    readonly dataSetsLoss: number,
    readonly functions: readonly FunctionResult[],
    readonly dataSets: readonly DataSetResult[],
    private readonly pseudoEventSource: PseudoEventSource,
    readonly model: ResolvedModel,
  ) {
    keepShape(this);
    this.currency = model.organization.currency;
    this.expectedAnnualLoss = functionsLoss + dataSetsLoss;
  }

  /** Written out on first read: the plan's re-scorings never read them. */
  get pseudoEvents(): readonly PseudoEventResult[] {
    const source = this.pseudoEventSource;
    return (this.pseudoEventResults ??= "from" in source ? source.from.pseudoEvents : pseudoEventResults(source.model, source.tables));
  }

  /** Written out on first read (model.ts): the SPOF lists need none of these objects. */
  get components(): readonly ResolvedComponent[] {
    return this.model.components;
  }

  /** Written out on first read (model.ts): plan re-scorings never read them. */
  get assumptions(): readonly Assumption[] {
    return this.model.assumptions;
  }
}

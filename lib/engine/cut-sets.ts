/**
 * Minimal cut sets with ride-through times, by bottom-up set algebra truncated by order, with
 * order budgets for independent members and a lean algebra for order 1 (docs/decisions/006). This
 * module knows nothing about inventories: it works on a graph of basic events (numbered 0..n-1)
 * and gates, so the scoring engine and the fault-tree benchmark share one core.
 *
 * A family is a list of minimal cut sets; each set is a sorted array of event numbers and carries
 * its ride-through time T in hours (model.md §3).
 */
import { keepShape } from "./shapes.js";

/** A node of the structure: what must hold for something to work. */
export type StructureNode =
  | { readonly type: "event"; readonly event: number }
  /**
   * Down when at least `need` members are down. Requirement `all` is need = 1, `any` is
   * need = n, `atLeast k` is need = n - k + 1.
   */
  | { readonly type: "gate"; readonly need: number; readonly members: readonly StructureNode[] }
  /**
   * A component: its own failure, or its requirements failing (their cut sets are delayed by the
   * component's ride-through, in hours).
   */
  | {
      readonly type: "component";
      readonly event: number;
      readonly requires: StructureNode | undefined;
      readonly rideThroughHours: number;
    }
  /**
   * An active-passive group (model.md §3): `any[members]` and a switch-over pseudo-event, whose
   * rate is derived from the primary's order-1 cut sets when the family is computed.
   */
  | {
      readonly type: "failover";
      readonly group: StructureNode & { type: "gate" };
      readonly pseudoEvent: number;
    };

export interface Family {
  /** Sorted event numbers per set. */
  readonly sets: number[][];
  /** Ride-through time in hours, per set. */
  readonly rideThrough: number[];
  /** True when some set was discarded for exceeding the order limit. */
  readonly truncated: boolean;
}

export interface EventRates {
  /** Failures per year, per event. Pseudo-events are filled in by the computation. */
  readonly failuresPerYear: number[];
  /** Effective mean repair hours r', per event. */
  readonly repairHours: number[];
}

export interface CutSetOptions {
  /** Largest cut-set order kept. */
  readonly maxOrder: number;
  /** Total number of events, pseudo-events included (used to pick a compact key). */
  readonly eventCount: number;
}

export type KeyOf = ((set: readonly number[]) => number | string) & {
  readonly numeric: boolean;
  /** The base of a numeric key: key = Σ (e + 1) · base^(position from the end). */
  readonly base: number;
};

/**
 * How a switch-over pseudo-event's rate follows from its primary (model.md §3): the primary's
 * order-1 cut sets that do not bring the whole group down, with their ride-through times. Kept
 * with a stored family so the rate can be recomputed from another inventory's rates.
 */
interface FailoverRule {
  readonly pseudoEvent: number;
  /** [event, T] pairs, in event order. */
  readonly singles: ReadonlyArray<readonly [number, number]>;
}

interface Entry {
  readonly family: Family;
  /** Every switch-over rule below the node, each after the rules it depends on. */
  readonly rules: readonly FailoverRule[];
}

const NO_RULES: readonly FailoverRule[] = [];

/** Sets a FamilyStore holds at most (a few hundred MB at order 3). */
const STORE_SET_LIMIT = 2_000_000;

/**
 * Families by the content of their sub-structure, shared by every scoring of one plan. A node's
 * family depends only on its structure (event numbers, gates, ride-through times), never on
 * rates, so a mitigation that changes a rate (monitoring, a spare, cross-training) recomputes no
 * family, and one that adds redundancy recomputes only the nodes above what it changed. Valid
 * only between models resolved with the same EventNumbering (model.ts) and the same order limit.
 */
export class FamilyStore {
  private readonly signatures = new Map<string, number>();
  private readonly entries = new Map<number, Entry>();
  /** Sets held by `entries`: bounded (STORE_SET_LIMIT), as the store is only a cache. */
  private sets = 0;
  /** Signature of each node met (nodes are reused across models: model.ts ModelCache). */
  readonly nodeSignatures = new WeakMap<StructureNode, number>();

  constructor(readonly maxOrder: number) {
    keepShape(this);
  }

  get(key: number): Entry | undefined {
    return this.entries.get(key);
  }

  has(key: number): boolean {
    return this.entries.has(key);
  }

  /**
   * Keep a family. A plan whose candidates each change the structure under long chains or wide
   * gates would otherwise keep millions of sets it never looks up again (a chain of 1,000
   * servers ran out of memory): past the limit the store starts afresh, which costs only
   * recomputation.
   */
  set(key: number, entry: Entry): void {
    if (this.sets + entry.family.sets.length > STORE_SET_LIMIT) {
      this.entries.clear();
      this.sets = 0;
    }
    this.entries.set(key, entry);
    this.sets += entry.family.sets.length;
  }

  /** A small number per distinct signature text. */
  intern(text: string): number {
    let id = this.signatures.get(text);
    if (id === undefined) {
      id = this.signatures.size;
      this.signatures.set(text, id);
    }
    return id;
  }
}

function mergeRules(lists: ReadonlyArray<readonly FailoverRule[]>): readonly FailoverRule[] {
  let only: readonly FailoverRule[] | undefined;
  let several = false;
  for (const list of lists) {
    if (list.length === 0) continue;
    if (only === undefined || only === list) only = list;
    else several = true;
  }
  if (!several) return only ?? NO_RULES;
  const seen = new Set<FailoverRule>();
  const out: FailoverRule[] = [];
  for (const list of lists) {
    for (const r of list) {
      if (seen.has(r)) continue;
      seen.add(r);
      out.push(r);
    }
  }
  return out;
}

/** The nodes a node points to. */
export function childrenOf(node: StructureNode): readonly StructureNode[] {
  switch (node.type) {
    case "event":
      return [];
    case "component":
      return node.requires ? [node.requires] : [];
    case "gate":
      return node.members;
    case "failover":
      return [node.group];
  }
}

/** Nodes are shared between the models of a plan while what they point to is (model.ts). */
const eventsUnderNode = new WeakMap<StructureNode, ReadonlySet<number>>();

/** Every event at or under a node: components, basic events and switch-over pseudo-events. Kept per node. */
export function eventsUnder(root: StructureNode): ReadonlySet<number> {
  let events = eventsUnderNode.get(root);
  if (events) return events;
  const found = new Set<number>();
  const seen = new Set<StructureNode>();
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.type === "component" || node.type === "event") found.add(node.event);
    if (node.type === "failover") found.add(node.pseudoEvent);
    for (const child of childrenOf(node)) stack.push(child);
  }
  eventsUnderNode.set(root, (events = found));
  return events;
}

/**
 * Whether two nodes of one model (or two absent requirements) have the same sub-structure: the
 * same gates over the same component nodes (a model has one node per component) and the same
 * switch-overs.
 */
export function sameSubStructure(x: StructureNode | undefined, y: StructureNode | undefined): boolean {
  if (x === y) return true;
  if (x === undefined || y === undefined) return false;
  if (x.type === "gate" && y.type === "gate") {
    if (x.need !== y.need || x.members.length !== y.members.length) return false;
    for (let k = 0; k < x.members.length; k++) if (!sameSubStructure(x.members[k], y.members[k])) return false;
    return true;
  }
  if (x.type === "failover" && y.type === "failover") return x.pseudoEvent === y.pseudoEvent && sameSubStructure(x.group, y.group);
  if (x.type === "event" && y.type === "event") return x.event === y.event;
  return false;
}

/**
 * Sets are keyed by a number when every key of up to `maxOrder` events fits in a double's 53-bit
 * mantissa (the common case, much faster in a Map); otherwise by a string.
 */
export function makeKeyOf(maxOrder: number, eventCount: number): KeyOf {
  const base = eventCount + 1;
  const numeric = Math.log2(base) * maxOrder <= 52;
  // One function per base, kept: every scoring of a plan makes engines of the same few bases, and
  // a function made afresh each time would lose its optimised code at every full collection.
  const cacheKey = numeric ? base : -base;
  let keyOf = keyOfByBase.get(cacheKey);
  if (keyOf) return keyOf;
  if (keyOfByBase.size >= KEY_OF_CACHE_LIMIT) keyOfByBase.clear();
  keyOf = numeric
    ? Object.assign(
        (set: readonly number[]) => {
          let key = 0;
          for (let i = 0; i < set.length; i++) key = key * base + (set[i]! + 1);
          return key;
        },
        { numeric: true, base },
      )
    : Object.assign((set: readonly number[]) => set.join(","), { numeric: false, base });
  keyOfByBase.set(cacheKey, keyOf);
  return keyOf;
}

const keyOfByBase = new Map<number, KeyOf>();
const KEY_OF_CACHE_LIMIT = 64;

function newIndex(keyOf: KeyOf, expected: number): SetIndex {
  if (!keyOf.numeric) return new Map<number | string, number>();
  // A released index of the capacity the constructor would choose (empty, its arrays zeroed).
  const pool = indexPool.get(NumberIndex.capacityFor(expected));
  return pool?.pop() ?? new NumberIndex(expected);
}

/**
 * Emptied NumberIndexes by capacity: minimising allocates one or two per gate step, and each new
 * one is two typed arrays (backing stores that cost the collector more than their size).
 */
const indexPool = new Map<number, NumberIndex[]>();
const POOLED_PER_CAPACITY = 4;
const POOLED_MAX_CAPACITY = 1 << 16;

/** Give back an index of newIndex that is no longer read. */
function releaseIndex(index: SetIndex): void {
  if (!(index instanceof NumberIndex) || index.capacity > POOLED_MAX_CAPACITY) return;
  let pool = indexPool.get(index.capacity);
  if (!pool) indexPool.set(index.capacity, (pool = []));
  if (pool.length < POOLED_PER_CAPACITY) {
    index.clear();
    pool.push(index);
  }
}

/** Bit k set when the family has a set of k events. */
function sizesOf(sets: readonly (readonly number[])[]): number {
  let sizes = 0;
  for (const set of sets) sizes |= 1 << set.length;
  return sizes;
}

/** An index of a family's sets by key (give it back with releaseIndex). */
function indexOfFamily(keyOf: KeyOf, f: Family): SetIndex {
  const index = newIndex(keyOf, f.sets.length);
  for (let i = 0; i < f.sets.length; i++) index.set(keyOf(f.sets[i]!), i);
  return index;
}

/**
 * The sets of `f` that contain a set of the other family (`other` indexes it) go to `through`;
 * the rest are returned. Module functions rather than closures in CutSetEngine.absorbed: a
 * closure made per call loses its optimised code at every full collection (V8 keeps the code of
 * a closure only while one of its instances lives).
 */
function splitAbsorbed(
  keyOf: KeyOf,
  f: Family,
  otherFamily: Family,
  other: SetIndex,
  otherSizes: number,
  through: number[][],
  scratch: number[],
): Family {
  const rest: number[][] = [];
  const restT: number[] = [];
  for (let i = 0; i < f.sets.length; i++) {
    const set = f.sets[i]!;
    if (other.get(keyOf(set)) !== undefined || hasProperSubsetIn(set, other, keyOf, otherSizes, scratch, Infinity, otherFamily.rideThrough)) {
      through.push(set);
    } else {
      rest.push(set);
      restT.push(f.rideThrough[i]!);
    }
  }
  return { sets: rest, rideThrough: restT, truncated: f.truncated };
}

/** Position of each distinct set of a family, by key. */
interface SetIndex {
  get(key: number | string): number | undefined;
  set(key: number | string, value: number): void;
}

/**
 * A hash table from numeric set keys (positive whole numbers below 2^53) to positions, in typed
 * arrays with linear probing: minimising a family of a few hundred thousand sets spends most of
 * its time here, and a Map of non-small-integer numbers is several times slower.
 */
export class NumberIndex implements SetIndex {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  private size = 0;

  static capacityFor(expected: number): number {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    return capacity;
  }

  constructor(expected: number) {
    keepShape(this);
    const capacity = NumberIndex.capacityFor(expected);
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  get capacity(): number {
    return this.keys.length;
  }

  /** Empty again, with the same capacity. */
  clear(): void {
    if (this.size > 0) this.keys.fill(0);
    this.size = 0;
  }

  private slot(key: number): number {
    let h = Math.imul((key >>> 0) ^ Math.imul((key / 4294967296) >>> 0, 0x27d4eb2d), 0x9e3779b1);
    h ^= h >>> 15;
    let i = h & this.mask;
    const keys = this.keys;
    while (keys[i] !== 0 && keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  get(key: number | string): number | undefined {
    const i = this.slot(key as number);
    return this.keys[i] === 0 ? undefined : this.values[i];
  }

  set(key: number | string, value: number): void {
    const i = this.slot(key as number);
    if (this.keys[i] === 0) {
      this.keys[i] = key as number;
      this.values[i] = value;
      if (++this.size * 2 > this.keys.length) this.grow();
    } else {
      this.values[i] = value;
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue;
      const j = this.slot(keys[i]!);
      this.keys[j] = keys[i]!;
      this.values[j] = values[i]!;
    }
  }
}

/**
 * The family with event `e2` added to every set that holds `e1`, each keeping its T; sets that
 * would then exceed `maxOrder` are left out (and the family marked truncated). Minimal again
 * without minimising: adding e2 to the sets with e1 (e2 being in no set) keeps every subset
 * relation and creates none, and a new set of order ≤ maxOrder comes from an old one of lower
 * order, which the old truncated family holds.
 */
export function twinFamily(family: Family, e1: number, e2: number, maxOrder: number): Family {
  const sets: number[][] = [];
  const rideThrough: number[] = [];
  let truncated = family.truncated;
  family.sets.forEach((set, i) => {
    if (!set.includes(e1)) {
      sets.push(set);
      rideThrough.push(family.rideThrough[i]!);
    } else if (set.length >= maxOrder) {
      truncated = true;
    } else {
      const at = set.findIndex((e) => e > e2);
      sets.push(at < 0 ? [...set, e2] : [...set.slice(0, at), e2, ...set.slice(at)]);
      rideThrough.push(family.rideThrough[i]!);
    }
  });
  return { sets, rideThrough, truncated };
}

/** Merge two sorted sets; returns undefined when the union exceeds `limit`. */
function unionSorted(a: readonly number[], b: readonly number[], limit: number): number[] | undefined {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
    if (out.length > limit) return undefined;
  }
  return out;
}

export class CutSetEngine {
  private readonly keyOf: KeyOf;
  /** Entries per node, by order budget (index 0 to maxOrder). */
  private readonly memo = new Map<StructureNode, Array<Entry | undefined>>();
  private readonly bounds = new OrderBounds();

  /**
   * `store`: families computed for earlier models of the same plan (see FamilyStore); without
   * one, families are shared only within this engine, by node identity.
   */
  constructor(
    private readonly options: CutSetOptions,
    private readonly rates: EventRates,
    private readonly store?: FamilyStore,
  ) {
    keepShape(this);
    if (store && store.maxOrder !== options.maxOrder) throw new Error("bug: a FamilyStore serves one order limit");
    this.keyOf = makeKeyOf(options.maxOrder, options.eventCount);
  }

  /** The minimal cut sets of a node, memoised by node identity (shared sub-structures). */
  familyOf(node: StructureNode): Family {
    const s = this.singlesOf(node);
    if (s) {
      const known = this.singlesMemo.get(node);
      if (known) return known;
      const family: Family = { sets: s.events.map((e) => [e]), rideThrough: [...s.t], truncated: s.truncated };
      this.singlesMemo.set(node, family);
      return family;
    }
    return this.entryOf(node, this.options.maxOrder).family;
  }

  /** Whether families are computed by the order-1 algebra (order limit 1, no FamilyStore). */
  get takesSinglesPath(): boolean {
    return this.options.maxOrder === 1 && !this.store;
  }

  /**
   * The node's family in the compact order-1 form (one event per set), when this engine takes the
   * order-1 path (order limit 1, no FamilyStore); otherwise undefined. The same sets, T and
   * switch-over rates as familyOf, without an array per set.
   */
  singlesOf(node: StructureNode): Singles | undefined {
    if (!this.takesSinglesPath) return undefined;
    // Single points of failure only: a leaner algebra on sorted event lists (SinglesAlgebra).
    this.singles ??= new SinglesAlgebra(this.rates);
    return this.singles.of(node);
  }

  private singles: SinglesAlgebra | undefined;
  private readonly singlesMemo = new Map<StructureNode, Family>();

  /**
   * The node's minimal cut sets of order ≤ `budget`. A parent asks for less than the order limit
   * when the rest of what must fail with this node already takes part of it (OrderBounds); the
   * sets of a larger budget, filtered, are the sets of a smaller one.
   */
  private entryOf(node: StructureNode, budget: number): Entry {
    let byBudget = this.memo.get(node);
    const known = byBudget?.[budget];
    if (known) return known;
    let entry: Entry | undefined;
    if (byBudget) {
      for (let b = budget + 1; b < byBudget.length && !entry; b++) {
        const larger = byBudget[b];
        if (larger) entry = { family: withinOrder(larger.family, budget), rules: larger.rules };
      }
    }
    if (entry) {
      // Filtered from a larger budget of this engine: its rules have been applied already.
    } else if (this.store) {
      const key = this.signatureOf(node) * 8 + budget;
      entry = this.store.get(key);
      if (entry) {
        // The family holds; the switch-over rates below it follow this model's rates.
        for (const rule of entry.rules) this.applyRule(rule);
      } else {
        entry = this.compute(node, budget);
        this.store.set(key, entry);
      }
    } else {
      entry = this.compute(node, budget);
    }
    if (!byBudget) this.memo.set(node, (byBudget = []));
    byBudget[budget] = entry;
    return entry;
  }

  /**
   * Store the family of `node` derived from `previous`'s, when `node` is `previous` with every
   * reference to the component of event `e1` replaced by any[e1's component, e2's component], the
   * two requiring the same sub-structure with the same ride-through (a redundant twin without a
   * switch-over; the caller checks that: functions.ts redundantTwinNodes). That structure fails
   * exactly when the old one does with e1 read as "e1 and e2 both down", the requirements below
   * them being the same: so its minimal cut sets are the old ones with e2 added to every set that
   * holds e1, each with its T (twinFamily). Nothing is stored when `previous`'s family is not
   * known, or when e1 is an order-1 set of a switch-over's primary (that switch-over's rate would
   * change): familyOf then computes it.
   */
  deriveTwin(node: StructureNode, previous: StructureNode, e1: number, e2: number): void {
    const store = this.store;
    if (!store) return;
    const maxOrder = this.options.maxOrder;
    const key = this.signatureOf(node) * 8 + maxOrder;
    if (store.has(key)) return;
    const before = store.nodeSignatures.get(previous);
    const old = before === undefined ? undefined : store.get(before * 8 + maxOrder);
    if (!old || old.rules.some((rule) => rule.singles.some(([e]) => e === e1))) return;
    store.set(key, { family: twinFamily(old.family, e1, e2, maxOrder), rules: old.rules });
  }

  /** A number that is the same for two nodes exactly when their sub-structures are. */
  private signatureOf(node: StructureNode): number {
    const known = this.store!.nodeSignatures.get(node);
    if (known !== undefined) return known;
    let text: string;
    switch (node.type) {
      case "event":
        text = `e${node.event}`;
        break;
      case "component":
        text = `c${node.event}|${node.rideThroughHours}|${node.requires ? this.signatureOf(node.requires) : ""}`;
        break;
      case "gate": {
        let members = "";
        for (const m of node.members) members += `${this.signatureOf(m)},`;
        text = `g${node.need}|${members}`;
        break;
      }
      case "failover":
        text = `f${node.pseudoEvent}|${this.signatureOf(node.group)}`;
        break;
    }
    const id = this.store!.intern(text);
    this.store!.nodeSignatures.set(node, id);
    return id;
  }

  private compute(node: StructureNode, budget: number): Entry {
    switch (node.type) {
      case "event":
        return { family: { sets: [[node.event]], rideThrough: [0], truncated: false }, rules: NO_RULES };
      case "component": {
        const own: Family = { sets: [[node.event]], rideThrough: [0], truncated: false };
        if (!node.requires) return { family: own, rules: NO_RULES };
        const { family: below, rules } = this.entryOf(node.requires, budget);
        // When no set below holds the component's own event (always, for an inventory: its
        // structure has no cycle), the union of {own} and the family below is already minimal
        // and free of duplicates: the family below is (every entry is minimised), and {own}
        // neither contains nor is contained in any of its sets. Then no minimising: own first,
        // then below, as union() would list them.
        const e = node.event;
        if (below.sets.some((set) => set.includes(e))) {
          const shifted: Family = {
            sets: below.sets,
            rideThrough:
              node.rideThroughHours === 0 ? below.rideThrough : below.rideThrough.map((t) => t + node.rideThroughHours),
            truncated: below.truncated,
          };
          return { family: this.union([own, shifted]), rules };
        }
        const sets = new Array<number[]>(below.sets.length + 1);
        const rideThrough = new Array<number>(below.sets.length + 1);
        sets[0] = own.sets[0]!;
        rideThrough[0] = 0;
        const shift = node.rideThroughHours;
        for (let i = 0; i < below.sets.length; i++) {
          sets[i + 1] = below.sets[i]!;
          rideThrough[i + 1] = shift === 0 ? below.rideThrough[i]! : below.rideThrough[i]! + shift;
        }
        return { family: { sets, rideThrough, truncated: below.truncated }, rules };
      }
      case "gate": {
        const budgets = node.need <= 1 ? undefined : this.bounds.memberBudgets(node, budget);
        const entries = node.members.map((m, i) => {
          const b = budgets ? budgets[i]! : budget;
          // A member that cannot fail within its budget brings no set, and leaves some out unless
          // the budget is −∞: the others cannot fail enough, so the gate never fails (nothing cut).
          if (b >= 1) return this.entryOf(m, b);
          const truncated = b > -Infinity && this.bounds.minOrder(m) !== Infinity;
          return { family: { sets: [], rideThrough: [], truncated }, rules: NO_RULES };
        });
        return {
          family: this.atLeastFail(
            node.need,
            entries.map((e) => e.family),
            budget,
          ),
          rules: mergeRules(entries.map((e) => e.rules)),
        };
      }
      case "failover":
        return this.failover(node, budget);
    }
  }

  private failover(node: StructureNode & { type: "failover" }, budget: number): Entry {
    const group = this.entryOf(node.group, budget);
    // The switch-over rate needs only the primary's single events.
    const primary = this.entryOf(node.group.members[0]!, 1).family;
    const groupSingles = new Set<number>();
    for (const set of group.family.sets) if (set.length === 1) groupSingles.add(set[0]!);
    const singles: Array<[number, number]> = [];
    primary.sets.forEach((set, i) => {
      if (set.length === 1 && !groupSingles.has(set[0]!)) singles.push([set[0]!, primary.rideThrough[i]!]);
    });
    singles.sort((a, b) => a[0] - b[0]);
    const rule: FailoverRule = { pseudoEvent: node.pseudoEvent, singles };
    this.applyRule(rule);
    const switchOver: Family = { sets: [[node.pseudoEvent]], rideThrough: [0], truncated: false };
    return { family: this.union([group.family, switchOver]), rules: mergeRules([group.rules, [rule]]) };
  }

  /** Set a switch-over pseudo-event's rate from the current rates (model.md §3). */
  private applyRule(rule: FailoverRule): void {
    let rate = 0;
    // Sum in event order so the figure does not depend on how the family happened to be listed.
    for (const [event, t] of rule.singles) {
      const r = this.rates.repairHours[event]!;
      rate += Math.exp(-t / r) * this.rates.failuresPerYear[event]!;
    }
    this.rates.failuresPerYear[rule.pseudoEvent] = rate;
  }

  /**
   * Down when at least `need` of the member families are down. Every combination of one set per
   * failing member is a candidate (T = the largest of theirs), and the same set reached several
   * ways keeps the smallest T. Between the steps of the combination only supersets whose T is no
   * smaller than a subset's are dropped: dropping such a set can never lose a smaller T later
   * (the subset forms the same or a smaller union with no larger T). The gate's own result is then
   * minimised whatever T, as model.md §3 says.
   */
  private atLeastFail(need: number, members: Family[], limit: number): Family {
    if (need <= 1) return this.union(members);
    // More members must fail than there are: the gate never fails.
    if (need > members.length) return { sets: [], rideThrough: [], truncated: false };
    let result: Family;
    if (need === members.length) {
      // Combine the smallest families first: intermediate results stay small.
      const ordered = [...members].sort((a, b) => a.sets.length - b.sets.length);
      let acc = ordered[0]!;
      for (let i = 1; i < ordered.length; i++) acc = this.product(acc, ordered[i]!, limit);
      result = acc;
    } else {
      // k-of-n: layer[j] = sets that bring down at least j of the members seen so far.
      let layers: Array<Family | undefined> = [undefined];
      for (const member of members) {
        const next: Array<Family | undefined> = [undefined];
        for (let j = 1; j <= need; j++) {
          const without = layers[j];
          const withThis = j === 1 ? member : layers[j - 1] ? this.product(layers[j - 1]!, member, limit) : undefined;
          const parts = [without, withThis].filter((f): f is Family => f !== undefined);
          next[j] = parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : this.merge(parts, false);
        }
        layers = next;
      }
      result = layers[need] ?? { sets: [], rideThrough: [], truncated: false };
    }
    return this.minimise(result.sets, result.rideThrough, result.truncated, true);
  }

  /** Union of families: the same set by several paths keeps the smallest T; then minimise. */
  private union(families: Family[]): Family {
    return this.merge(families, true);
  }

  private merge(families: Family[], whateverT: boolean): Family {
    const sets: number[][] = [];
    const rideThrough: number[] = [];
    let truncated = false;
    for (const f of families) {
      truncated ||= f.truncated;
      for (let i = 0; i < f.sets.length; i++) {
        sets.push(f.sets[i]!);
        rideThrough.push(f.rideThrough[i]!);
      }
    }
    return this.minimise(sets, rideThrough, truncated, whateverT);
  }

  /**
   * Every union of one set from each family (T = the larger of the two: the last member to go
   * down decides), truncated by order, then minimised.
   */
  private product(a: Family, b: Family, limit: number): Family {
    let truncated = a.truncated || b.truncated;
    if (a.sets.length > b.sets.length) [a, b] = [b, a];
    // Absorption: a set of one family that contains a set of the other is its own only minimal
    // union with that family, so it goes straight through and is paired with nothing. Exact when
    // every T is the same (then no pairing could give it a smaller T); always so in fault trees.
    const direct = uniformRideThrough(a, b) ? this.absorbed(a, b) : undefined;
    if (direct) {
      a = direct.restA;
      b = direct.restB;
    }
    // Index b's sets by element, so that a set of a only meets the sets of b it can combine with
    // without exceeding the order limit: small ones freely, large ones only when they overlap.
    const bySize: number[][] = Array.from({ length: limit + 1 }, () => []);
    const byElement = new Map<number, number[]>();
    b.sets.forEach((set, j) => {
      bySize[set.length]!.push(j);
      for (const e of set) {
        let list = byElement.get(e);
        if (!list) byElement.set(e, (list = []));
        list.push(j);
      }
    });
    const sets: number[][] = [];
    const rideThrough: number[] = [];
    const seen = new Set<number>();
    for (let i = 0; i < a.sets.length; i++) {
      const x = a.sets[i]!;
      const tx = a.rideThrough[i]!;
      const freeUpTo = limit - x.length;
      for (let size = 1; size <= freeUpTo; size++) {
        for (const j of bySize[size]!) {
          const u = unionSorted(x, b.sets[j]!, limit)!;
          sets.push(u);
          rideThrough.push(Math.max(tx, b.rideThrough[j]!));
        }
      }
      // Sets of b larger than `freeUpTo` fit only when they overlap x enough; every other pair
      // exceeds the order limit and is discarded (which makes the family truncated).
      let largeCount = 0;
      for (let size = freeUpTo + 1; size <= limit; size++) largeCount += bySize[size]!.length;
      if (largeCount === 0) continue;
      let largeFormed = 0;
      seen.clear();
      for (const e of x) {
        for (const j of byElement.get(e) ?? []) {
          if (b.sets[j]!.length <= freeUpTo || seen.has(j)) continue;
          seen.add(j);
          const u = unionSorted(x, b.sets[j]!, limit);
          if (u) {
            largeFormed++;
            sets.push(u);
            rideThrough.push(Math.max(tx, b.rideThrough[j]!));
          }
        }
      }
      if (largeFormed < largeCount) truncated = true;
    }
    if (direct) {
      for (const set of direct.through) {
        sets.push(set);
        rideThrough.push(direct.rideThrough);
      }
    }
    return this.minimise(sets, rideThrough, truncated, false);
  }

  /** Split two families into the sets that contain a set of the other family, and the rest. */
  private absorbed(a: Family, b: Family): { through: number[][]; restA: Family; restB: Family; rideThrough: number } {
    const keyOf = this.keyOf;
    const inA = indexOfFamily(keyOf, a);
    const inB = indexOfFamily(keyOf, b);
    const through: number[][] = [];
    const scratch: number[] = [];
    const restA = splitAbsorbed(keyOf, a, b, inB, sizesOf(b.sets), through, scratch);
    const restB = splitAbsorbed(keyOf, b, a, inA, sizesOf(a.sets), through, scratch);
    releaseIndex(inA);
    releaseIndex(inB);
    const t = a.rideThrough[0] ?? b.rideThrough[0] ?? 0;
    return { through, restA, restB, rideThrough: t };
  }

  /**
   * Keep one entry per distinct set (the smallest T), then drop every set that strictly contains
   * another set of the family: whatever its T for a finished node (model.md §3), or only when
   * that subset's T is no larger, between the steps of a gate.
   */
  private minimise(sets: number[][], rideThrough: number[], truncated: boolean, whateverT: boolean): Family {
    const keyOf = this.keyOf;
    const index = newIndex(keyOf, sets.length);
    const uniqueSets: number[][] = [];
    const uniqueT: number[] = [];
    let maxSize = 0;
    for (let i = 0; i < sets.length; i++) {
      const key = keyOf(sets[i]!);
      const at = index.get(key);
      if (at === undefined) {
        index.set(key, uniqueSets.length);
        uniqueSets.push(sets[i]!);
        uniqueT.push(rideThrough[i]!);
        if (sets[i]!.length > maxSize) maxSize = sets[i]!.length;
      } else {
        uniqueT[at] = Math.min(uniqueT[at]!, rideThrough[i]!);
      }
    }
    if (maxSize <= 1) {
      releaseIndex(index);
      return { sets: uniqueSets, rideThrough: uniqueT, truncated };
    }
    const sizes = sizesOf(uniqueSets);
    const outSets: number[][] = [];
    const outT: number[] = [];
    const subset: number[] = [];
    for (let i = 0; i < uniqueSets.length; i++) {
      const set = uniqueSets[i]!;
      if (hasProperSubsetIn(set, index, keyOf, sizes, subset, whateverT ? Infinity : uniqueT[i]!, uniqueT)) continue;
      outSets.push(set);
      outT.push(uniqueT[i]!);
    }
    releaseIndex(index);
    return { sets: outSets, rideThrough: outT, truncated };
  }
}

function uniformRideThrough(a: Family, b: Family): boolean {
  const t = a.rideThrough[0] ?? b.rideThrough[0];
  return a.rideThrough.every((x) => x === t) && b.rideThrough.every((x) => x === t);
}

/**
 * Whether some proper, non-empty subset of `set` (of a size present in the family) is in the
 * family with a ride-through time of at most `maxT`.
 */
function hasProperSubsetIn(
  set: readonly number[],
  index: SetIndex,
  keyOf: KeyOf,
  sizes: number,
  scratch: number[],
  maxT: number,
  rideThrough: readonly number[],
): boolean {
  const n = set.length;
  const full = (1 << n) - 1;
  const numeric = keyOf.numeric;
  const base = keyOf.base;
  for (let mask = 1; mask < full; mask++) {
    let bits = 0;
    for (let m = mask; m; m &= m - 1) bits++;
    if (((sizes >> bits) & 1) === 0) continue;
    let key: number | string;
    if (numeric) {
      // keyOf of the subset, without building it.
      key = 0;
      for (let i = 0; i < n; i++) if (mask & (1 << i)) key = key * base + (set[i]! + 1);
    } else {
      scratch.length = 0;
      for (let i = 0; i < n; i++) if (mask & (1 << i)) scratch.push(set[i]!);
      key = keyOf(scratch);
    }
    const at = index.get(key);
    if (at !== undefined && rideThrough[at]! <= maxT) return true;
  }
  return false;
}


/** The order-1 family of a node: ascending events, with their ride-through times. */
export interface Singles {
  readonly events: readonly number[];
  readonly t: readonly number[];
  /** Some union of two or more events, not a superset of a single, was left out. */
  readonly truncated: boolean;
}

/**
 * Minimal cut sets of order 1 (single points of failure), which is what the general rules of
 * model.md §3 reduce to for one event: a component is its own event (T = 0) and its requirements'
 * events delayed by its ride-through; `all` is the union (smallest T); `any` the intersection
 * (largest T); a gate that fails with `need` members down holds the events found in at least
 * `need` members, with the need-th smallest of their T; a failover group adds its switch-over
 * pseudo-event. The same sets and T as CutSetEngine's general path (cut-sets.test.ts compares
 * them), without its keys, index maps and one array per set: SPOFs of 100,000 components.
 *
 * A gate is worked out in one pass over its members' lists with scratch tables indexed by event
 * (a stamp per gate instead of clearing them), so it allocates only its own result: merging the
 * members two at a time made a new list per member, quadratic in a wide `all`.
 */
class SinglesAlgebra {
  /**
   * Results of component nodes by event number (the common, shared case: no hashing), with the
   * node they belong to; of other nodes, and of a component node whose event another node has
   * taken (only in hand-built structures), by node.
   */
  private readonly byEvent: Array<Singles | undefined> = [];
  private readonly nodeOfEvent: Array<StructureNode | undefined> = [];
  private readonly memo = new Map<StructureNode, Singles>();
  /** mark[e] = stamp of the gate that last saw e; count and T of e within that gate. */
  private readonly mark: Int32Array;
  private readonly count: Int32Array;
  private readonly tOf: Float64Array;
  private stamp = 0;
  /** Distinct events of the gate being worked out, and T values per event (atLeast gates). */
  private seen: Int32Array;
  private ts: Float64Array;

  constructor(private readonly rates: EventRates) {
    keepShape(this);
    const n = rates.failuresPerYear.length;
    this.mark = new Int32Array(n);
    this.count = new Int32Array(n);
    this.tOf = new Float64Array(n);
    this.seen = new Int32Array(64);
    this.ts = new Float64Array(64);
  }

  of(node: StructureNode): Singles {
    if (node.type === "component" && this.nodeOfEvent[node.event] === node) return this.byEvent[node.event]!;
    const known = this.memo.get(node);
    if (known) return known;
    let out: Singles;
    switch (node.type) {
      case "event":
        out = { events: [node.event], t: [0], truncated: false };
        break;
      case "component":
        out = node.requires ? withEvent(this.of(node.requires), node.event, node.rideThroughHours) : { events: [node.event], t: [0], truncated: false };
        break;
      case "gate": {
        // A loop rather than map(m => this.of(m)): no closure per gate.
        const parts = new Array<Singles>(node.members.length);
        for (let i = 0; i < parts.length; i++) parts[i] = this.of(node.members[i]!);
        const need = Math.max(1, node.need);
        // More members must fail than there are: the gate never fails.
        if (need > parts.length) out = { events: [], t: [], truncated: false };
        else out = parts.length === 1 ? parts[0]! : need === 1 ? this.union(parts) : this.atLeast(need, parts);
        break;
      }
      case "failover": {
        const group = this.of(node.group);
        const primary = this.of(node.group.members[0]!);
        let rate = 0;
        // The primary's singles that do not bring the whole group down, in event order (as
        // CutSetEngine's rule sums them); both lists are ascending.
        for (let i = 0, j = 0; i < primary.events.length; i++) {
          const e = primary.events[i]!;
          while (j < group.events.length && group.events[j]! < e) j++;
          if (j < group.events.length && group.events[j] === e) continue;
          rate += Math.exp(-primary.t[i]! / this.rates.repairHours[e]!) * this.rates.failuresPerYear[e]!;
        }
        this.rates.failuresPerYear[node.pseudoEvent] = rate;
        out = withEvent(group, node.pseudoEvent, 0);
        break;
      }
    }
    if (node.type === "component" && this.nodeOfEvent[node.event] === undefined) {
      this.nodeOfEvent[node.event] = node;
      this.byEvent[node.event] = out;
    } else this.memo.set(node, out);
    return out;
  }

  /** Start a gate: fresh marks, and room for `total` distinct events. */
  private begin(total: number): void {
    this.stamp++;
    if (this.seen.length < total) {
      let size = this.seen.length;
      while (size < total) size *= 2;
      this.seen = new Int32Array(size);
      this.ts = new Float64Array(size);
    }
  }

  /** `all`: every event of any member, with its smallest T. */
  private union(parts: readonly Singles[]): Singles {
    const { mark, tOf } = this;
    let total = 0;
    let truncated = false;
    for (const p of parts) {
      total += p.events.length;
      truncated ||= p.truncated;
    }
    this.begin(total);
    const seen = this.seen;
    let n = 0;
    for (const p of parts) {
      for (let i = 0; i < p.events.length; i++) {
        const e = p.events[i]!;
        const t = p.t[i]!;
        if (mark[e] !== this.stamp) {
          mark[e] = this.stamp;
          tOf[e] = t;
          seen[n++] = e;
        } else if (t < tOf[e]!) tOf[e] = t;
      }
    }
    sortPrefix(seen, n);
    const events = new Array<number>(n);
    const t = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      events[i] = seen[i]!;
      t[i] = tOf[seen[i]!]!;
    }
    return { events, t, truncated };
  }

  /** Events in at least `need` (≥ 2) of the parts, with the need-th smallest T among them. */
  private atLeast(need: number, parts: readonly Singles[]): Singles {
    const { mark, count, tOf } = this;
    let total = 0;
    let truncated = false;
    for (const p of parts) {
      total += p.events.length;
      truncated ||= p.truncated;
    }
    this.begin(total);
    const seen = this.seen;
    let n = 0;
    for (const p of parts) {
      for (let i = 0; i < p.events.length; i++) {
        const e = p.events[i]!;
        if (mark[e] !== this.stamp) {
          mark[e] = this.stamp;
          count[e] = 1;
          tOf[e] = p.t[i]!;
          seen[n++] = e;
        } else {
          count[e]!++;
          // Largest T so far: the answer when every member must fail (need = parts).
          if (p.t[i]! > tOf[e]!) tOf[e] = p.t[i]!;
        }
      }
    }
    // Kept events get a stamp of their own: "is e kept" is then one look-up.
    const keptStamp = ++this.stamp;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const e = seen[i]!;
      if (count[e]! >= need) {
        seen[kept++] = e;
        mark[e] = keptStamp;
      }
    }
    sortPrefix(seen, kept);
    const events = new Array<number>(kept);
    const t = new Array<number>(kept);
    for (let i = 0; i < kept; i++) events[i] = seen[i]!;
    if (need === parts.length) {
      for (let i = 0; i < kept; i++) t[i] = tOf[events[i]!]!;
    } else {
      // The need-th smallest of each kept event's T values: gather them, then sort each run.
      // count[e] becomes the start of e's run in `ts`, tOf[e] the next free place in it.
      let at = 0;
      for (const e of events) {
        const c = count[e]!;
        count[e] = at;
        tOf[e] = at;
        at += c;
      }
      const ts = this.ts;
      for (const p of parts) {
        for (let i = 0; i < p.events.length; i++) {
          const e = p.events[i]!;
          if (mark[e] !== keptStamp) continue;
          ts[tOf[e]!++] = p.t[i]!;
        }
      }
      for (let i = 0; i < kept; i++) {
        const e = events[i]!;
        t[i] = nthSmallest(ts, count[e]!, tOf[e]!, need - 1);
      }
    }
    // Left out: a union of events from `need` members that contains none of the singles kept
    // (a union containing one is not minimal). Such a union exists when `need` members still have
    // an event outside the result.
    if (!truncated) {
      let members = 0;
      for (const p of parts) {
        for (const e of p.events) {
          if (mark[e] !== keptStamp) {
            members++;
            break;
          }
        }
      }
      truncated = members >= need;
    }
    return { events, t, truncated };
  }
}

/** Sort values[0..n) ascending in place: insertion sort for short runs (no view object). */
function sortPrefix(values: Int32Array, n: number): void {
  if (n > 32) {
    values.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = values[i]!;
    let j = i - 1;
    while (j >= 0 && values[j]! > x) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = x;
  }
}

/** The k-th smallest (from 0) of values[from..to), sorting that run in place (runs are short). */
function nthSmallest(values: Float64Array, from: number, to: number, k: number): number {
  for (let i = from + 1; i < to; i++) {
    const x = values[i]!;
    let j = i - 1;
    while (j >= from && values[j]! > x) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = x;
  }
  return values[from + k]!;
}

/**
 * A component's or switch-over's list: `below` delayed by `shift` hours, and `event` itself
 * with T = 0 (an event already in `below` keeps the smaller T).
 */
function withEvent(below: Singles, event: number, shift: number): Singles {
  const n = below.events.length;
  let at = 0;
  while (at < n && below.events[at]! < event) at++;
  const present = at < n && below.events[at] === event;
  const size = present ? n : n + 1;
  const events = new Array<number>(size);
  const t = new Array<number>(size);
  let k = 0;
  for (let i = 0; i < at; i++, k++) {
    events[k] = below.events[i]!;
    t[k] = below.t[i]! + shift;
  }
  events[k] = event;
  t[k++] = present ? Math.min(0, below.t[at]! + shift) : 0;
  for (let i = present ? at + 1 : at; i < n; i++, k++) {
    events[k] = below.events[i]!;
    t[k] = below.t[i]! + shift;
  }
  return { events, t, truncated: below.truncated };
}

/** The sets of order ≤ `budget` (still minimal: a subset of a kept set is no larger). */
function withinOrder(family: Family, budget: number): Family {
  let keep = 0;
  for (const set of family.sets) if (set.length <= budget) keep++;
  if (keep === family.sets.length) return family;
  const sets: number[][] = [];
  const rideThrough: number[] = [];
  family.sets.forEach((set, i) => {
    if (set.length > budget) return;
    sets.push(set);
    rideThrough.push(family.rideThrough[i]!);
  });
  return { sets, rideThrough, truncated: true };
}

/** Supports larger than this are not tracked (the node then gets no budget of its own). */
const SUPPORT_LIMIT = 4096;

/**
 * Order budgets for the members of a gate that fails when `need ≥ 2` of them fail (an `any` or
 * `atLeast`; an AND or voting gate of a fault tree). A cut set of the gate is the union of sets
 * of `need` members. When a member shares no event with the others, its part and theirs are
 * disjoint, so its sets can take at most the budget minus the least the others must add: the sum
 * of the `need − 1` smallest minimum orders among them when they are pairwise disjoint too, else
 * the largest of those. Sets above a member's budget could only make unions above the gate's, so
 * they are never built: deep sub-trees of a large fault tree are computed to order 1 or 2 where
 * the top needs order 3. Members that share events keep the gate's budget; so do all members of
 * a gate where one member's events are not tracked (above a switch-over, whose rate must be
 * computed whatever the budget, or above SUPPORT_LIMIT events), since it may share any of them.
 */
export class OrderBounds {
  private readonly minOrders = new Map<StructureNode, number>();
  /** Sorted events below a node; null when above SUPPORT_LIMIT or above a switch-over. */
  private readonly supports = new Map<StructureNode, Int32Array | null>();
  private readonly overlaps = new Map<StructureNode, { readonly disjoint: boolean[]; readonly allDisjoint: boolean }>();

  constructor() {
    keepShape(this);
  }

  memberBudgets(node: StructureNode & { type: "gate" }, budget: number): number[] {
    const n = node.members.length;
    const out = new Array<number>(n).fill(budget);
    const overlap = this.overlapOf(node);
    const mins = node.members.map((m) => this.minOrder(m));
    const others = node.need - 1;
    for (let i = 0; i < n; i++) {
      if (!overlap.disjoint[i]) continue;
      const rest = mins.filter((_, j) => j !== i).sort((a, b) => a - b);
      if (rest.length < others) continue;
      let least = 0;
      if (overlap.allDisjoint) for (let k = 0; k < others; k++) least += rest[k]!;
      else least = rest[others - 1]!;
      out[i] = budget - least;
    }
    return out;
  }

  /** The smallest order a cut set of the node can have (a lower bound; Infinity: it cannot fail). */
  minOrder(node: StructureNode): number {
    const known = this.minOrders.get(node);
    if (known !== undefined) return known;
    let m: number;
    if (node.type !== "gate") m = 1;
    else {
      const mins = node.members.map((x) => this.minOrder(x)).sort((a, b) => a - b);
      const need = Math.max(1, node.need);
      if (need > mins.length) m = Infinity;
      else if (need === 1) m = mins[0]!;
      else if (this.overlapOf(node).allDisjoint) {
        m = 0;
        for (let k = 0; k < need; k++) m += mins[k]!;
      } else m = mins[need - 1]!;
    }
    this.minOrders.set(node, m);
    return m;
  }

  private overlapOf(node: StructureNode & { type: "gate" }): { disjoint: boolean[]; allDisjoint: boolean } {
    const known = this.overlaps.get(node);
    if (known) return known;
    const supports = node.members.map((m) => this.supportOf(m));
    // A member whose events are not tracked (above a switch-over, or too many) may share any
    // event with the others, so then no member is known to be disjoint from the rest.
    const untracked = supports.some((s) => s === null);
    const disjoint = supports.map(() => !untracked);
    if (untracked) {
      const result = { disjoint, allDisjoint: false };
      this.overlaps.set(node, result);
      return result;
    }
    const owner = new Map<number, number>();
    supports.forEach((support, i) => {
      for (const e of support!) {
        const j = owner.get(e);
        if (j === undefined) owner.set(e, i);
        else {
          disjoint[i] = false;
          disjoint[j] = false;
        }
      }
    });
    const result = { disjoint, allDisjoint: disjoint.every((d) => d) };
    this.overlaps.set(node, result);
    return result;
  }

  private supportOf(node: StructureNode): Int32Array | null {
    if (this.supports.has(node)) return this.supports.get(node)!;
    let support: Int32Array | null;
    switch (node.type) {
      case "event":
        support = Int32Array.of(node.event);
        break;
      case "failover":
        support = null;
        break;
      case "component":
        support = node.requires ? unionSupports([Int32Array.of(node.event), this.supportOf(node.requires)]) : Int32Array.of(node.event);
        break;
      case "gate":
        support = unionSupports(node.members.map((m) => this.supportOf(m)));
        break;
    }
    this.supports.set(node, support);
    return support;
  }
}

function unionSupports(parts: ReadonlyArray<Int32Array | null>): Int32Array | null {
  if (parts.some((p) => p === null)) return null;
  if (parts.length === 1) return parts[0]!;
  let total = 0;
  for (const p of parts) total += p!.length;
  // Concatenate, sort natively, drop repeats: cheaper than a Set for the sizes met here.
  const all = new Int32Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p!, at);
    at += p!.length;
  }
  all.sort();
  let k = 0;
  for (let i = 0; i < total; i++) if (i === 0 || all[i] !== all[i - 1]) all[k++] = all[i]!;
  if (k > SUPPORT_LIMIT) return null;
  return all.slice(0, k);
}

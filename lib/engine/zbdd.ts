/**
 * Minimal cut sets of a structure without ride-through or switch-over, as a zero-suppressed
 * decision diagram (ZBDD) truncated by order (docs/decisions/006). Where the set algebra of
 * cut-sets.ts keeps every intermediate family as a list of arrays, a ZBDD shares the common
 * parts of the sets between families and between gates, so large fault trees whose gates share
 * many events (the Aralia edf and isp trees) stay small. The operations are Rauzy's ("New
 * algorithms for fault trees analysis", 1993; Minato's ZBDDs): union, product truncated at an
 * order, minimisation and `without` (the sets of f containing no set of g).
 *
 * Every set here has ride-through time 0, so the families equal the set algebra's whenever the
 * structure has no component with a ride-through and no switch-over group; `topCutSets` checks
 * that and otherwise uses the set algebra.
 */
import { CutSetEngine, OrderBounds, type CutSetOptions, type EventRates, type Family, type StructureNode } from "./cut-sets.js";

/** The empty family (nothing fails it) and the family holding only the empty set. */
const EMPTY = 0;
const BASE = 1;
/** Level of the terminals: below every variable. */
const TERMINAL_LEVEL = 0x7fffffff;

/**
 * A ZBDD node store. Node n is "level[n] in the set" → hi[n], "not in it" → lo[n]; levels grow
 * downwards. Nodes are hash-consed, so equal families are equal numbers.
 */
class Zbdd {
  level = new Int32Array(INITIAL_NODES);
  lo = new Int32Array(INITIAL_NODES);
  hi = new Int32Array(INITIAL_NODES);
  /** Whether the family holds the empty set (follows the lo edges to BASE). */
  hasEmpty = new Uint8Array(INITIAL_NODES);
  size = 2;
  private unique = new Int32Array(INITIAL_NODES * 2).fill(-1);
  private uniqueMask = INITIAL_NODES * 2 - 1;
  /**
   * One direct-mapped cache for every operation (a lost entry is only recomputed): key a with the
   * operation, key b, result. It grows with the nodes, so a small tree pays for a small one.
   */
  private cache = new Int32Array(INITIAL_NODES * 2 * 3).fill(-1);
  private cacheMask = INITIAL_NODES * 2 - 1;
  private minimised = new Int32Array(INITIAL_NODES).fill(-1);
  /** Set when a product or a truncation dropped a set above its order. */
  dropped = false;

  constructor() {
    this.level[EMPTY] = TERMINAL_LEVEL;
    this.level[BASE] = TERMINAL_LEVEL;
    this.hasEmpty[BASE] = 1;
  }

  node(level: number, lo: number, hi: number): number {
    if (hi === EMPTY) return lo;
    let slot = hash3(level, lo, hi) & this.uniqueMask;
    for (;;) {
      const n = this.unique[slot]!;
      if (n < 0) break;
      if (this.level[n] === level && this.lo[n] === lo && this.hi[n] === hi) return n;
      slot = (slot + 1) & this.uniqueMask;
    }
    if (this.size === this.level.length) this.growNodes();
    const n = this.size++;
    this.level[n] = level;
    this.lo[n] = lo;
    this.hi[n] = hi;
    this.hasEmpty[n] = this.hasEmpty[lo]!;
    this.unique[slot] = n;
    if (this.size * 2 > this.uniqueMask) this.growUnique();
    return n;
  }

  private growNodes(): void {
    const grow = <T extends Int32Array | Uint8Array>(a: T, fill?: number): T => {
      const b = new (a.constructor as { new (n: number): T })(a.length * 2);
      if (fill !== undefined) b.fill(fill);
      b.set(a);
      return b;
    };
    this.level = grow(this.level);
    this.lo = grow(this.lo);
    this.hi = grow(this.hi);
    this.hasEmpty = grow(this.hasEmpty);
    this.minimised = grow(this.minimised, -1);
    const entries = Math.min(MAX_CACHE_ENTRIES, this.level.length * 2);
    if (entries > this.cacheMask + 1) {
      this.cache = new Int32Array(entries * 3).fill(-1);
      this.cacheMask = entries - 1;
    }
  }

  private growUnique(): void {
    const capacity = (this.uniqueMask + 1) * 2;
    this.unique = new Int32Array(capacity).fill(-1);
    this.uniqueMask = capacity - 1;
    for (let n = 2; n < this.size; n++) {
      let slot = hash3(this.level[n]!, this.lo[n]!, this.hi[n]!) & this.uniqueMask;
      while (this.unique[slot]! >= 0) slot = (slot + 1) & this.uniqueMask;
      this.unique[slot] = n;
    }
  }

  /** The cached result of operation `op` on (a, b), or -1. */
  private cached(op: number, a: number, b: number): number {
    const i = (hash3(op, a, b) & this.cacheMask) * 3;
    const c = this.cache;
    return c[i] === a * 8 + op && c[i + 1] === b ? c[i + 2]! : -1;
  }

  private remember(op: number, a: number, b: number, result: number): number {
    const i = (hash3(op, a, b) & this.cacheMask) * 3;
    this.cache[i] = a * 8 + op;
    this.cache[i + 1] = b;
    this.cache[i + 2] = result;
    return result;
  }

  /*
   * The operations below walk the lo edges of their operands in a loop and recurse only into hi
   * edges. A lo chain is as long as the family has first events (an OR of n events is a chain of
   * n nodes), which would overflow the call stack of a recursive walk on large trees; a hi edge
   * takes one more event into the set, so hi recursion is never deeper than the order limit (plus
   * the few operations nested in one step). Each step along a chain leaves a frame on `frames`:
   * the operands (for the cache), the level and the hi result; the nodes are then built from the
   * bottom of the chain up. A frame with level −1 passes its result through unchanged.
   */
  private frames = new Int32Array(4 * 256);
  private top = 0;

  private push(a: number, b: number, level: number, hi: number): void {
    if (this.top + 4 > this.frames.length) {
      const grown = new Int32Array(this.frames.length * 2);
      grown.set(this.frames);
      this.frames = grown;
    }
    const f = this.frames;
    f[this.top] = a;
    f[this.top + 1] = b;
    f[this.top + 2] = level;
    f[this.top + 3] = hi;
    this.top += 4;
  }

  /** Build the nodes of the frames above `base` around the chain's end `r`, caching each step under `op`. */
  private unwind(base: number, op: number, r: number): number {
    while (this.top > base) {
      this.top -= 4;
      const f = this.frames;
      const level = f[this.top + 2]!;
      if (level >= 0) r = this.node(level, r, f[this.top + 3]!);
      this.remember(op, f[this.top]!, f[this.top + 1]!, r);
    }
    return r;
  }

  union(f: number, g: number): number {
    const base = this.top;
    let r: number;
    for (;;) {
      if (f === EMPTY || f === g) {
        r = g;
        break;
      }
      if (g === EMPTY) {
        r = f;
        break;
      }
      if (f > g) [f, g] = [g, f];
      const known = this.cached(OP_UNION, f, g);
      if (known >= 0) {
        r = known;
        break;
      }
      const lf = this.level[f]!;
      const lg = this.level[g]!;
      if (lf < lg) {
        this.push(f, g, lf, this.hi[f]!);
        f = this.lo[f]!;
      } else if (lg < lf) {
        this.push(f, g, lg, this.hi[g]!);
        g = this.lo[g]!;
      } else {
        const hi = this.union(this.hi[f]!, this.hi[g]!);
        this.push(f, g, lf, hi);
        f = this.lo[f]!;
        g = this.lo[g]!;
      }
    }
    return this.unwind(base, OP_UNION, r);
  }

  /** The sets of f of order ≤ k. */
  truncate(f: number, k: number): number {
    const base = this.top;
    let r: number;
    for (;;) {
      if (f <= BASE) {
        r = f;
        break;
      }
      if (k === 0) {
        this.dropped = true;
        r = this.hasEmpty[f] ? BASE : EMPTY;
        break;
      }
      const known = this.cached(OP_TRUNCATE, f, k);
      if (known >= 0) {
        r = known;
        break;
      }
      this.push(f, k, this.level[f]!, this.truncate(this.hi[f]!, k - 1));
      f = this.lo[f]!;
    }
    return this.unwind(base, OP_TRUNCATE, r);
  }

  /** Every union of a set of f with a set of g, of order ≤ k (not minimised). */
  product(f: number, g: number, k: number): number {
    const base = this.top;
    let r: number;
    for (;;) {
      if (f === EMPTY || g === EMPTY) {
        r = EMPTY;
        break;
      }
      if (f === BASE || g === BASE) {
        r = this.truncate(f === BASE ? g : f, k);
        break;
      }
      if (k === 0) {
        this.dropped = true;
        r = this.hasEmpty[f] && this.hasEmpty[g] ? BASE : EMPTY;
        break;
      }
      if (f > g) [f, g] = [g, f];
      // k ≤ PLAIN_MAX_ORDER = 7, so it fits in the low three bits of g's key.
      const known = this.cached(OP_PRODUCT, f, g * 8 + k);
      if (known >= 0) {
        r = known;
        break;
      }
      const lf = this.level[f]!;
      const lg = this.level[g]!;
      const v = lf < lg ? lf : lg;
      const f0 = lf === v ? this.lo[f]! : f;
      const f1 = lf === v ? this.hi[f]! : EMPTY;
      const g0 = lg === v ? this.lo[g]! : g;
      const g1 = lg === v ? this.hi[g]! : EMPTY;
      const withV = this.union(
        this.union(this.product(f1, g1, k - 1), this.product(f1, g0, k - 1)),
        this.product(f0, g1, k - 1),
      );
      this.push(f, g * 8 + k, v, withV);
      f = f0;
      g = g0;
    }
    return this.unwind(base, OP_PRODUCT, r);
  }

  /** The sets of f that contain no set of g. */
  without(f: number, g: number): number {
    const base = this.top;
    let r: number;
    for (;;) {
      if (g === EMPTY || f === EMPTY) {
        r = f;
        break;
      }
      if (f === g || this.hasEmpty[g]) {
        r = EMPTY;
        break;
      }
      if (f === BASE) {
        r = BASE;
        break;
      }
      const known = this.cached(OP_WITHOUT, f, g);
      if (known >= 0) {
        r = known;
        break;
      }
      const lf = this.level[f]!;
      const lg = this.level[g]!;
      if (lf < lg) {
        this.push(f, g, lf, this.without(this.hi[f]!, g));
        f = this.lo[f]!;
      } else if (lg < lf) {
        // No set of f holds g's top variable: g's sets holding it cannot be inside one of f's.
        this.push(f, g, -1, 0);
        g = this.lo[g]!;
      } else {
        const g0 = this.lo[g]!;
        this.push(f, g, lf, this.without(this.without(this.hi[f]!, g0), this.hi[g]!));
        f = this.lo[f]!;
        g = g0;
      }
    }
    return this.unwind(base, OP_WITHOUT, r);
  }

  /** The minimal sets of f. */
  minimise(f: number): number {
    const base = this.top;
    let r: number;
    for (;;) {
      if (f <= BASE) {
        r = f;
        break;
      }
      const known = this.minimised[f]!;
      if (known >= 0) {
        r = known;
        break;
      }
      this.push(f, 0, 0, 0);
      f = this.lo[f]!;
    }
    // Bottom up: a node's minimal sets are its lo part's, and its hi part's that contain none of them.
    while (this.top > base) {
      this.top -= 4;
      const n = this.frames[this.top]!;
      const hi = this.without(this.minimise(this.hi[n]!), r);
      r = this.node(this.level[n]!, r, hi);
      this.minimised[n] = r;
      this.minimised[r] = r;
    }
    return r;
  }

  /**
   * Every set of f, as event numbers (`eventAt` of each level) in ascending order. Walks the hi
   * edges by recursion (at most the order limit deep) and the lo edges by iteration.
   */
  setsOf(f: number, eventAt: Int32Array): number[][] {
    const sets: number[][] = [];
    const path = new Int32Array(64);
    const walk = (n: number, depth: number): void => {
      while (n > BASE) {
        path[depth] = eventAt[this.level[n]!]!;
        walk(this.hi[n]!, depth + 1);
        n = this.lo[n]!;
      }
      if (n !== BASE) return;
      const set = new Array<number>(depth);
      // Insertion sort: a set holds at most seven events (PLAIN_MAX_ORDER).
      for (let i = 0; i < depth; i++) {
        const e = path[i]!;
        let j = i;
        while (j > 0 && set[j - 1]! > e) {
          set[j] = set[j - 1]!;
          j--;
        }
        set[j] = e;
      }
      sets.push(set);
    };
    walk(f, 0);
    return sets;
  }
}

const INITIAL_NODES = 1 << 10;
/** The largest order limit the ZBDD takes (the engine's own limit is 6: defaults.ts MAX_ORDER_LIMIT). */
const PLAIN_MAX_ORDER = 7;
const MAX_CACHE_ENTRIES = 1 << 21;
const OP_UNION = 1;
const OP_TRUNCATE = 2;
const OP_PRODUCT = 3;
const OP_WITHOUT = 4;

function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * Whether the structure below `node` is plain: events, gates and components without ride-through
 * (a component is then its own event or its requirements), no switch-over. Its cut sets all have
 * T = 0, so a ZBDD holds them.
 */
export function isPlainStructure(node: StructureNode, seen = new Set<StructureNode>()): boolean {
  if (seen.has(node)) return true;
  seen.add(node);
  switch (node.type) {
    case "event":
      return true;
    case "failover":
      return false;
    case "component":
      return node.rideThroughHours === 0 && (node.requires === undefined || isPlainStructure(node.requires, seen));
    case "gate":
      return node.members.every((m) => isPlainStructure(m, seen));
  }
}

/**
 * The minimal cut sets of order ≤ maxOrder of a plain structure (isPlainStructure), by ZBDD.
 * Sets are sorted event numbers, each with T = 0. `truncated` is true when some set was dropped
 * for exceeding the order limit: always when a minimal cut set of the structure is above it, and
 * possibly also when the dropped set would have been absorbed further up (as in the set algebra,
 * though the two can differ on such cases: they form different intermediate sets).
 */
export function plainCutSets(top: StructureNode, options: CutSetOptions): Family {
  const maxOrder = options.maxOrder;
  // The product cache keys the order in three bits (Zbdd.product).
  if (!Number.isInteger(maxOrder) || maxOrder < 1 || maxOrder > PLAIN_MAX_ORDER) {
    throw new Error(`bug: plainCutSets takes an order limit from 1 to ${PLAIN_MAX_ORDER}, not ${maxOrder}`);
  }
  // Variables in the order a depth-first walk from the top meets the events: events used
  // together sit close together, which keeps the diagrams small.
  const levelOf = new Int32Array(options.eventCount).fill(-1);
  const eventAt: number[] = [];
  const walked = new Set<StructureNode>();
  const walk = (node: StructureNode): void => {
    if (walked.has(node)) return;
    walked.add(node);
    if (node.type === "event" || node.type === "component") {
      if (levelOf[node.event]! < 0) {
        levelOf[node.event] = eventAt.length;
        eventAt.push(node.event);
      }
      if (node.type === "component" && node.requires) walk(node.requires);
    } else if (node.type === "gate") for (const m of node.members) walk(m);
  };
  walk(top);

  const z = new Zbdd();
  const bounds = new OrderBounds();
  const memo = new Map<StructureNode, number[]>();
  const familyOf = (node: StructureNode, budget: number): number => {
    if (budget <= 0) {
      // Every set of the node is above what its parent leaves it: all are dropped. A budget of −∞
      // means the parent gate can never fail (its other members cannot fail enough): nothing is.
      if (budget > -Infinity && bounds.minOrder(node) !== Infinity) z.dropped = true;
      return EMPTY;
    }
    let byBudget = memo.get(node);
    const known = byBudget?.[budget];
    if (known !== undefined) return known;
    let f: number;
    switch (node.type) {
      case "event":
        f = z.node(levelOf[node.event]!, EMPTY, BASE);
        break;
      case "component": {
        const own = z.node(levelOf[node.event]!, EMPTY, BASE);
        f = node.requires ? z.minimise(z.union(own, familyOf(node.requires, budget))) : own;
        break;
      }
      case "gate":
        f = gateFamily(node, budget);
        break;
      case "failover":
        throw new Error("bug: plainCutSets got a switch-over group (check isPlainStructure first)");
    }
    if (!byBudget) memo.set(node, (byBudget = []));
    byBudget[budget] = f;
    return f;
  };
  const gateFamily = (node: StructureNode & { type: "gate" }, budget: number): number => {
    const n = node.members.length;
    const need = Math.max(1, node.need);
    if (need > n) return EMPTY;
    const budgets = need === 1 ? undefined : bounds.memberBudgets(node, budget);
    const members = node.members.map((m, i) => familyOf(m, budgets ? budgets[i]! : budget));
    if (need === 1) {
      // Pairwise, as a balanced tree: adding n members one at a time to a growing chain would
      // walk it n times.
      let layer = members;
      while (layer.length > 1) {
        const next: number[] = [];
        for (let i = 0; i < layer.length; i += 2) next.push(i + 1 < layer.length ? z.union(layer[i]!, layer[i + 1]!) : layer[i]!);
        layer = next;
      }
      return z.minimise(layer[0] ?? EMPTY);
    }
    if (need === n) {
      let f = BASE;
      for (const m of members) {
        f = z.minimise(z.product(f, m, budget));
        if (f === EMPTY) break;
      }
      return f;
    }
    // At least `need` of the members: with atLeast(i, j) the sets failing j of members[i..n−1],
    // atLeast(i, j) = members[i] × atLeast(i+1, j−1) ∪ atLeast(i+1, j), computed from the last
    // member back one row at a time (a loop: a gate may have thousands of members).
    let row = new Array<number>(need + 1).fill(EMPTY);
    row[0] = BASE;
    for (let i = n - 1; i >= 0; i--) {
      const next = new Array<number>(need + 1).fill(EMPTY);
      next[0] = BASE;
      // Only j ≤ n − i members can fail among the last n − i.
      for (let j = 1; j <= Math.min(need, n - i); j++) {
        next[j] = z.minimise(z.union(z.product(members[i]!, row[j - 1]!, budget), row[j]!));
      }
      row = next;
    }
    return row[need]!;
  };

  const sets = z.setsOf(familyOf(top, maxOrder), Int32Array.from(eventAt));
  return { sets, rideThrough: new Array<number>(sets.length).fill(0), truncated: z.dropped };
}

/**
 * The minimal cut sets of one top node, the fault-tree entry point: by ZBDD when the structure is
 * plain and the order limit at most 7, else by the set algebra (which also fills in the
 * switch-over pseudo-events' rates).
 */
export function topCutSets(top: StructureNode, options: CutSetOptions, rates: EventRates): Family {
  if (options.maxOrder <= PLAIN_MAX_ORDER && isPlainStructure(top)) return plainCutSets(top, options);
  return new CutSetEngine(options, rates).familyOf(top);
}

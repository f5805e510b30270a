/**
 * Shared by the cut-set tests (cut-sets.test.ts, zbdd.test.ts): the minimal cut sets of a small
 * structure by brute force, the truth both algebras are checked against.
 */
import type { StructureNode } from "./cut-sets.js";

/** A structure and how many events (pseudo-events included) it numbers. */
export interface RandomGraph {
  readonly top: StructureNode;
  readonly events: number;
}

/** Whether the node is down when exactly the events in `failed` have failed. */
export function isDown(node: StructureNode, failed: ReadonlySet<number>, memo = new Map<StructureNode, boolean>()): boolean {
  const known = memo.get(node);
  if (known !== undefined) return known;
  let down: boolean;
  switch (node.type) {
    case "event":
      down = failed.has(node.event);
      break;
    case "component":
      down = failed.has(node.event) || (node.requires !== undefined && isDown(node.requires, failed, memo));
      break;
    case "gate": {
      let count = 0;
      for (const m of node.members) if (isDown(m, failed, memo)) count++;
      down = count >= node.need;
      break;
    }
    case "failover":
      down = isDown(node.group, failed, memo) || failed.has(node.pseudoEvent);
      break;
  }
  memo.set(node, down);
  return down;
}

/** Every minimal set of events that brings the top down (sorted events), smallest first: 2^events subsets. */
export function bruteForceMinimal(graph: RandomGraph): number[][] {
  const cuts: number[][] = [];
  const n = graph.events;
  const bySize = Array.from({ length: 1 << n }, (_, mask) => mask).sort((a, b) => popcount(a) - popcount(b) || a - b);
  const minimal: number[] = [];
  for (const mask of bySize) {
    if (minimal.some((m) => (m & mask) === m)) continue;
    const failed = new Set<number>();
    for (let i = 0; i < n; i++) if (mask & (1 << i)) failed.add(i);
    if (isDown(graph.top, failed)) {
      minimal.push(mask);
      cuts.push([...failed].sort((a, b) => a - b));
    }
  }
  return cuts;
}

function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}

/**
 * The Aralia fault trees (shared/benchmarks/aralia/, Aralia shorthand `.txt`) parsed and converted
 * from failure logic to the engine's structure graph, so that the cut-set core can be checked and
 * timed against published counts.
 *
 * A gate of the engine is down when at least `need` of its members are down, which is failure
 * logic already: an AND of failures is need = n (the requirement `any`), an OR is need = 1 (`all`),
 * and `@(k,[…])` is need = k (`atLeast n − k + 1`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { StructureNode } from "../../lib/engine/cut-sets.js";

export type Expr =
  | { readonly op: "ref"; readonly name: string }
  | { readonly op: "not"; readonly arg: Expr }
  | { readonly op: "and" | "or"; readonly args: readonly Expr[] }
  | { readonly op: "atleast"; readonly k: number; readonly args: readonly Expr[] };

export interface FaultTree {
  readonly name: string;
  /** Basic events in file order, with their probability. */
  readonly events: ReadonlyArray<{ readonly name: string; readonly probability: number }>;
  readonly gates: ReadonlyMap<string, Expr>;
}

export const ARALIA_DIR = new URL("../../../shared/benchmarks/aralia/", import.meta.url).pathname;

/** The three trees with negation: their minimal cut sets are not those of a monotone structure. */
export const NON_COHERENT_TREES: readonly string[] = ["cea9601", "das9601", "das9701"];

/** Top event of every tree (README: the gate `r1`, not necessarily the first gate line). */
export const TOP_GATE = "r1";

class ExprParser {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly where: string,
  ) {}

  parseAll(): Expr {
    const e = this.expr();
    this.skipSpaces();
    if (this.at !== this.text.length) this.fail("unexpected text");
    return e;
  }

  private fail(what: string): never {
    throw new Error(`${this.where}: ${what} at column ${this.at + 1} of "${this.text}"`);
  }

  private skipSpaces(): void {
    while (this.text[this.at] === " ") this.at++;
  }

  private eat(token: string): boolean {
    this.skipSpaces();
    if (this.text.startsWith(token, this.at)) {
      this.at += token.length;
      return true;
    }
    return false;
  }

  private expect(token: string): void {
    if (!this.eat(token)) this.fail(`expected "${token}"`);
  }

  private ident(): string {
    this.skipSpaces();
    const m = /^[A-Za-z0-9_]+/.exec(this.text.slice(this.at));
    if (!m) this.fail("expected a name");
    this.at += m[0].length;
    return m[0];
  }

  private expr(): Expr {
    if (this.eat("~")) return { op: "not", arg: this.expr() };
    if (this.eat("@(")) {
      const k = Number(this.ident());
      if (!Number.isInteger(k) || k < 1) this.fail("expected a whole number k");
      this.expect(",[");
      const args = [this.expr()];
      while (this.eat(",")) args.push(this.expr());
      this.expect("])");
      if (k > args.length) this.fail(`k = ${k} exceeds ${args.length} operands`);
      return { op: "atleast", k, args };
    }
    if (this.eat("(")) {
      const first = this.expr();
      const args = [first];
      let op: "and" | "or" | undefined;
      for (;;) {
        if (this.eat(")")) break;
        const next = this.eat("&") ? "and" : this.eat("|") ? "or" : this.fail('expected "&", "|" or ")"');
        if (op !== undefined && op !== next) this.fail("a group mixes & and |");
        op = next;
        args.push(this.expr());
      }
      return op === undefined ? first : { op, args };
    }
    return { op: "ref", name: this.ident() };
  }
}

export function parseAralia(text: string, file = "<aralia>"): FaultTree {
  const lines = text.split("\n").map((l) => l.trim());
  const name = lines[0] ?? "";
  const events: Array<{ name: string; probability: number }> = [];
  const gates = new Map<string, Expr>();
  lines.slice(1).forEach((line, i) => {
    if (line === "") return;
    const where = `${file}:${i + 2}`;
    const p = /^p\(([A-Za-z0-9_]+)\)=(.+)$/.exec(line);
    if (p) {
      const probability = Number(p[2]);
      if (!(probability >= 0 && probability <= 1)) throw new Error(`${where}: bad probability "${p[2]}"`);
      events.push({ name: p[1]!, probability });
      return;
    }
    const g = /^([A-Za-z0-9_]+):=(.+)$/.exec(line);
    if (!g) throw new Error(`${where}: neither p(...)=... nor a gate: "${line}"`);
    if (gates.has(g[1]!)) throw new Error(`${where}: gate "${g[1]}" defined twice`);
    gates.set(g[1]!, new ExprParser(g[2]!, where).parseAll());
  });
  return { name, events, gates };
}

export function readAralia(tree: string, dir = ARALIA_DIR): FaultTree {
  return parseAralia(readFileSync(join(dir, `${tree}.txt`), "utf8"), `${tree}.txt`);
}

export interface ConvertedTree {
  readonly top: StructureNode;
  readonly eventCount: number;
  readonly eventNames: readonly string[];
  /** Per event: failuresPerYear · repairHours / 8760 = p, with repairHours = 1. */
  readonly failuresPerYear: number[];
  readonly repairHours: number[];
}

/**
 * Convert a coherent tree to the engine's structure. Shared gates become one shared node, so the
 * engine's memo sees the DAG. Throws on negation (non-coherent logic has no such structure).
 */
export function convertTree(tree: FaultTree, top = TOP_GATE): ConvertedTree {
  const eventIndex = new Map(tree.events.map((e, i) => [e.name, i]));
  const eventNodes: StructureNode[] = tree.events.map((_, i) => ({ type: "event", event: i }));
  const gateNodes = new Map<string, StructureNode>();
  const visiting = new Set<string>();

  const nodeOfName = (name: string): StructureNode => {
    const e = eventIndex.get(name);
    if (e !== undefined) return eventNodes[e]!;
    const known = gateNodes.get(name);
    if (known) return known;
    const expr = tree.gates.get(name);
    if (!expr) throw new Error(`${tree.name}: "${name}" is neither an event nor a gate`);
    if (visiting.has(name)) throw new Error(`${tree.name}: gate "${name}" is part of a cycle`);
    visiting.add(name);
    const node = nodeOfExpr(expr);
    visiting.delete(name);
    gateNodes.set(name, node);
    return node;
  };
  const nodeOfExpr = (expr: Expr): StructureNode => {
    switch (expr.op) {
      case "ref":
        return nodeOfName(expr.name);
      case "not":
        throw new Error(`${tree.name}: negation makes the tree non-coherent; it has no requirement structure`);
      case "and":
        return { type: "gate", need: expr.args.length, members: expr.args.map(nodeOfExpr) };
      case "or":
        return { type: "gate", need: 1, members: expr.args.map(nodeOfExpr) };
      case "atleast":
        return { type: "gate", need: expr.k, members: expr.args.map(nodeOfExpr) };
    }
  };

  const root = nodeOfName(top);
  return {
    top: root,
    eventCount: tree.events.length,
    eventNames: tree.events.map((e) => e.name),
    failuresPerYear: tree.events.map((e) => e.probability * 8760),
    repairHours: tree.events.map(() => 1),
  };
}

/** Count of sets per order 1..maxOrder. */
export function countByOrder(sets: ReadonlyArray<readonly number[]>, maxOrder: number): number[] {
  const counts = new Array<number>(maxOrder).fill(0);
  for (const s of sets) counts[s.length - 1]!++;
  return counts;
}

export interface ReferenceTree {
  readonly tree: string;
  readonly coherent: boolean;
  readonly basic_events: number;
  readonly gates: number;
  readonly mcs_by_order?: readonly number[] | null;
  readonly mcs_by_order_up_to_8?: readonly number[] | null;
}

export function readReference(dir = ARALIA_DIR): ReferenceTree[] {
  const doc = JSON.parse(readFileSync(join(dir, "reference-results.json"), "utf8")) as { trees: ReferenceTree[] };
  return doc.trees;
}

/** The reference MCS counts of orders 1..maxOrder (sizes beyond the listed ones are zero). */
export function referenceCounts(ref: ReferenceTree, maxOrder: number): number[] | undefined {
  const list = ref.mcs_by_order ?? ref.mcs_by_order_up_to_8;
  if (!list) return undefined;
  return Array.from({ length: maxOrder }, (_, i) => list[i] ?? 0);
}

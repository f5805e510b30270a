import { describe, expect, it } from "vitest";
import { CutSetEngine } from "../../lib/engine/cut-sets.js";
import { topCutSets } from "../../lib/engine/zbdd.js";
import {
  NON_COHERENT_TREES,
  convertTree,
  countByOrder,
  parseAralia,
  readAralia,
  readReference,
  referenceCounts,
} from "./aralia.js";

const references = readReference();

function cutSetCounts(tree: string, maxOrder: number): number[] {
  const converted = convertTree(readAralia(tree));
  const engine = new CutSetEngine(
    { maxOrder, eventCount: converted.eventCount },
    { failuresPerYear: converted.failuresPerYear, repairHours: converted.repairHours },
  );
  return countByOrder(engine.familyOf(converted.top).sets, maxOrder);
}

describe("the Aralia shorthand parser", () => {
  it("finds the published number of basic events and gates in all 43 files", () => {
    expect(references).toHaveLength(43);
    for (const ref of references) {
      const tree = readAralia(ref.tree);
      expect([ref.tree, tree.events.length, tree.gates.size]).toEqual([ref.tree, ref.basic_events, ref.gates]);
      expect(tree.gates.has("r1")).toBe(true);
    }
  });

  it("reads every operator: AND, OR, at-least, NOT and grouping", () => {
    const tree = parseAralia("t\np(e1)=0.01\np(e2)=0.5\np(e3)=0.01\ng1:=(e1 & e2)\ng2:=@(2,[e1,e2,e3])\ng3:=~e3\ng4:=((g1 | g2) & (~(g1 & g2)))\nr1:=(g1 | g2 | g3 | g4)\n");
    expect(tree.events).toEqual([
      { name: "e1", probability: 0.01 },
      { name: "e2", probability: 0.5 },
      { name: "e3", probability: 0.01 },
    ]);
    expect(tree.gates.get("g1")).toEqual({ op: "and", args: [{ op: "ref", name: "e1" }, { op: "ref", name: "e2" }] });
    expect(tree.gates.get("g2")).toMatchObject({ op: "atleast", k: 2 });
    expect(tree.gates.get("g3")).toEqual({ op: "not", arg: { op: "ref", name: "e3" } });
    expect(tree.gates.get("g4")).toMatchObject({ op: "and", args: [{ op: "or" }, { op: "not", arg: { op: "and" } }] });
  });

  it("names the line of a malformed gate", () => {
    expect(() => parseAralia("t\np(e1)=0.01\nr1:=(e1 & e2 | e3)\n", "bad.txt")).toThrow(/bad\.txt:3: a group mixes & and \|/);
  });
});

describe("conversion to the engine's structure", () => {
  it("refuses the three non-coherent trees (negation has no requirement structure)", () => {
    for (const tree of NON_COHERENT_TREES) expect(() => convertTree(readAralia(tree))).toThrow(/non-coherent/);
  });

  it("maps AND to need = n, OR to need = 1 and @(k,…) to need = k, sharing gates", () => {
    const tree = parseAralia("t\np(e1)=0.01\np(e2)=0.01\np(e3)=0.01\ng1:=(e1 | e2)\ng2:=@(2,[e1,e2,e3])\nr1:=(g1 & g2 & g1)\n");
    const { top, failuresPerYear, repairHours } = convertTree(tree);
    expect(top).toMatchObject({ type: "gate", need: 3 });
    if (top.type !== "gate") throw new Error("expected a gate");
    const members = top.members;
    expect(members[0]).toBe(members[2]);
    expect(members[0]).toMatchObject({ type: "gate", need: 1 });
    expect(members[1]).toMatchObject({ type: "gate", need: 2 });
    // failuresPerYear · repairHours / 8760 = p.
    expect(failuresPerYear.map((f, i) => (f * repairHours[i]!) / 8760)).toEqual([0.01, 0.01, 0.01]);
  });

  // Small trees of different shapes: only OR/AND (chinese), at-least gates (baobab2, isp9605),
  // single points of failure (das9202, ftr10).
  it.each(["chinese", "baobab2", "isp9605", "das9202", "ftr10"])("%s: cut sets up to order 3 match the reference counts", (tree) => {
    const ref = references.find((r) => r.tree === tree)!;
    expect(cutSetCounts(tree, 3)).toEqual(referenceCounts(ref, 3));
  });
});

describe("the engine's fault-tree entry point (topCutSets: a ZBDD for these trees)", () => {
  const coherent = references.filter((r) => !NON_COHERENT_TREES.includes(r.tree));
  const counts = (tree: string, maxOrder: number): number[] => {
    const converted = convertTree(readAralia(tree));
    const rates = { failuresPerYear: converted.failuresPerYear, repairHours: converted.repairHours };
    return countByOrder(topCutSets(converted.top, { maxOrder, eventCount: converted.eventCount }, rates).sets, maxOrder);
  };

  it("finds the published counts up to order 3 on all 40 coherent trees", () => {
    expect(coherent).toHaveLength(40);
    for (const ref of coherent) expect({ tree: ref.tree, counts: counts(ref.tree, 3) }).toEqual({ tree: ref.tree, counts: referenceCounts(ref, 3) });
  });

  // Higher orders on trees where they stay small: the order limit reaches 6 (the engine's maximum).
  it.each(["chinese", "das9201", "das9208", "edf9205", "isp9606", "jbd9601", "edfpa15r"])("%s: the published counts up to order 6", (tree) => {
    const ref = references.find((r) => r.tree === tree)!;
    expect(counts(tree, 6)).toEqual(referenceCounts(ref, 6));
  });
});

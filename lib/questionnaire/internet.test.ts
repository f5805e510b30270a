import { describe, expect, it } from "vitest";
import { assessInventory } from "@/lib/engine";
import { validateInventory } from "@/lib/engine/validate";
import { emptyAnswers, type Answers } from "./answers";
import { addComponent, addFunction, setRequires } from "./edit";
import { addSharedPart, hasSharedPart, lineGroups, linesByProvider, linesUsing, setPartLines, setSwitchOver, useLinesAsBackup } from "./internet";
import { answersToInventory, inventoryToAnswers } from "./mapping";
import { loadExample } from "./test-support";

function twoLineShop(): Answers {
  let a = emptyAnswers({ name: "Two Lines" });
  a.business.operatingHoursPerWeek = 40;
  a = addComponent(a, { step: "internet", key: "lines" }, { name: "Fiber line (Metro)", kind: "internet", provider: "Metro", technology: "fiber" }).answers;
  a = addComponent(a, { step: "internet", key: "lines" }, { name: "Cable line (metro)", kind: "internet", provider: "metro", technology: "cable", failuresPerYear: 2, repairHours: 10 }).answers;
  a = addComponent(a, { step: "network", key: "items" }, { name: "Router", kind: "network", failuresPerYear: 0 }).answers;
  a = useLinesAsBackup(a, { type: "component", id: "router" }, ["fiber-line-metro", "cable-line-metro"]);
  const f = addFunction(a, { name: "Orders", downtimeCostPerHour: 100, hours: "always" });
  return setRequires(f.answers, { type: "function", id: f.id }, "router");
}

describe("same provider, same cable", () => {
  it("groups lines by the provider typed, whatever the case", () => {
    expect([...linesByProvider(twoLineShop()).entries()].map(([p, ls]) => [p, ls.map((l) => l.id)])).toEqual([
      ["Metro", ["fiber-line-metro", "cable-line-metro"]],
    ]);
  });

  it("a shared provider network becomes a component both lines need, and a single point of failure", () => {
    const before = twoLineShop();
    expect(hasSharedPart(before, "provider")).toBe(false);
    const { answers, id } = addSharedPart(before, "provider", ["fiber-line-metro", "cable-line-metro"], "Metro");
    expect(hasSharedPart(answers, "provider")).toBe(true);
    expect(linesUsing(answers, id).map((l) => l.id)).toEqual(["fiber-line-metro", "cable-line-metro"]);
    const inventory = answersToInventory(answers, "2026-01-01");
    expect(inventory.components!.find((c) => c.id === id)).toEqual({ id, name: "Metro network (shared by the lines)", kind: "internet", provider: "Metro" });
    const result = assessInventory(inventory);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.assessment.functions[0]!.singlePointsOfFailure).toContain(id);
  });

  it("a shared cable can be taken off one line again", () => {
    const { answers, id } = addSharedPart(twoLineShop(), "cable", ["fiber-line-metro", "cable-line-metro"]);
    const after = setPartLines(answers, id, ["fiber-line-metro"]);
    expect(linesUsing(after, id).map((l) => l.id)).toEqual(["fiber-line-metro"]);
    expect(answersToInventory(after).components!.find((c) => c.id === "cable-line-metro")!.requires).toBeUndefined();
    expect(hasSharedPart(setPartLines(after, id, []), "cable")).toBe(false);
  });

  it("loads the shared duct of Ledger & Lane as a shared part of both lines", () => {
    const a = inventoryToAnswers(loadExample("ledger-accounting"));
    expect(a.internet.shared.map((p) => p.id)).toEqual(["conduit"]);
    expect(hasSharedPart(a, "cable")).toBe(true);
  });
});

describe("switch-over", () => {
  it("finds every backup group of lines, wherever it is", () => {
    const groups = lineGroups(inventoryToAnswers(loadExample("corner-bistro")));
    expect(groups.map((g) => [g.owner.id, g.path, g.group.failoverMinutes ?? 0, g.lines.map((l) => l.id)])).toEqual([
      ["terminals", [1], 2, ["cable", "lte"]],
      ["bookings", [1], 0, ["cable", "lte"]],
    ]);
  });

  it("switching by hand gives the group its minutes and a free name", () => {
    const a = twoLineShop();
    const [group] = lineGroups(a);
    const after = setSwitchOver(a, group!, 30);
    const router = answersToInventory(after).components!.find((c) => c.id === "router")!;
    expect(router.requires).toEqual({ any: ["fiber-line-metro", "cable-line-metro"], failoverMinutes: 30, id: "router-lines" });
    expect(validateInventory(answersToInventory(after)).ok).toBe(true);
    const both = setSwitchOver(after, lineGroups(after)[0]!, 0);
    expect(answersToInventory(both).components!.find((c) => c.id === "router")!.requires).toEqual({ any: ["fiber-line-metro", "cable-line-metro"], id: "router-lines" });
  });

  it("a slower switch-over costs more downtime", () => {
    const a = twoLineShop();
    const loss = (minutes: number) => {
      const r = assessInventory(answersToInventory(setSwitchOver(a, lineGroups(a)[0]!, minutes), "2026-01-01"));
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.assessment.functions[0]!.downtimeHoursPerYear;
    };
    expect(loss(2)).toBeGreaterThan(loss(0));
    expect(loss(30)).toBeGreaterThan(loss(2));
  });

  it("does not reuse a group name already taken elsewhere", () => {
    const a = inventoryToAnswers(loadExample("corner-bistro"));
    const bookings = lineGroups(a).find((g) => g.owner.id === "bookings")!;
    const after = setSwitchOver(a, bookings, 5);
    const inv = answersToInventory(after);
    expect(inv.functions![1]!.requires).toEqual({ all: ["reservations", { any: ["cable", "lte"], id: "bookings-lines", failoverMinutes: 5 }] });
    expect(validateInventory(inv).ok).toBe(true);
  });
});

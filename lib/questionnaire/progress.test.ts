import { describe, expect, it } from "vitest";
import { emptyAnswers } from "./answers";
import { markStepDone } from "./edit";
import { inventoryToAnswers } from "./mapping";
import { progress } from "./progress";
import { loadExample } from "./test-support";

describe("progress", () => {
  it("starts at nothing done, pointing at the first step", () => {
    const p = progress(emptyAnswers());
    expect([p.completed, p.total, p.percent, p.nextStep]).toEqual([0, 9, 0, "business"]);
  });

  it("counts a step only when it was finished and has nothing missing", () => {
    let a = emptyAnswers({ name: "Shop" });
    a = markStepDone(a, "business");
    expect(progress(a).steps[0]!.isComplete).toBe(false);
    a.business.operatingHoursPerWeek = 40;
    const p = progress(a);
    expect(p.steps[0]).toEqual({ id: "business", title: "Your business", isComplete: true, problemCount: 0 });
    expect([p.completed, p.percent, p.nextStep]).toEqual([1, 11, "functions"]);
  });

  it("shows a loaded inventory as complete", () => {
    const p = progress(inventoryToAnswers(loadExample("ledger-accounting")));
    expect([p.completed, p.percent, p.nextStep]).toEqual([9, 100, undefined]);
  });
});

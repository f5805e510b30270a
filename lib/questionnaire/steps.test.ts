import { describe, expect, it } from "vitest";
import { COMPONENT_KINDS, COPY_LOCATIONS, ID_PATTERN, LOSS_SCENARIOS } from "@/lib/engine/schema";
import { ANSWER_ID_PATTERN, COMPONENT_KIND_LIST, COPY_LOCATION_LIST, LOSS_SCENARIO_LIST, stepOfPath } from "./steps";

describe("zod-free copies of the engine's lists", () => {
  it("match the engine", () => {
    expect(COMPONENT_KIND_LIST).toEqual(COMPONENT_KINDS);
    expect(COPY_LOCATION_LIST).toEqual(COPY_LOCATIONS);
    expect(LOSS_SCENARIO_LIST).toEqual(LOSS_SCENARIOS);
    expect(ANSWER_ID_PATTERN.source).toBe(ID_PATTERN.source);
  });
});

describe("stepOfPath", () => {
  it("sends what a function needs to the review step", () => {
    expect(stepOfPath("functions.items[2].requires.all[0]")).toBe("review");
    expect(stepOfPath("functions.items[2].name")).toBe("functions");
    expect(stepOfPath("people.care.router.knownBy[0]")).toBe("people");
    expect(stepOfPath("")).toBe("review");
  });
});

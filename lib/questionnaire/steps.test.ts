import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMPONENT_KINDS, ID_PATTERN } from "@/lib/engine/schema";
import { ANSWER_ID_PATTERN, COMPONENT_KIND_LIST, stepOfPath } from "./steps";

describe("the questionnaire's first-paint constants", () => {
  it("are the engine's own vocabularies", () => {
    expect(COMPONENT_KIND_LIST).toBe(COMPONENT_KINDS);
    expect(ANSWER_ID_PATTERN).toBe(ID_PATTERN);
  });

  it("come from a module that imports nothing, so zod stays out of the first load", () => {
    const constants = readFileSync(new URL("../engine/constants.ts", import.meta.url), "utf8");
    expect(constants).not.toMatch(/^\s*import\s/m);
    const steps = readFileSync(new URL("./steps.ts", import.meta.url), "utf8");
    const runtimeImports = [...steps.matchAll(/^import (?!type )[^;]*from "([^"]+)"/gm)].map((m) => m[1]);
    expect(runtimeImports).toEqual(["@/lib/engine/constants"]);
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

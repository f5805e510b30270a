import { describe, expect, it } from "vitest";
import { openConnectionsFigure, type Answer } from "./open-connections";

describe("openConnectionsFigure", () => {
  const a = { id: "a" };
  const b = { id: "b" };

  it("counts only the requests sent after the last connection's first answer", () => {
    const answers: Answer[] = [
      { client: a, atMs: 10, responseTimeMs: 10 }, // a's first
      { client: a, atMs: 20, responseTimeMs: 10 },
      { client: b, atMs: 900, responseTimeMs: 900 }, // b's first: b waited to be accepted
      { client: a, atMs: 905, responseTimeMs: 30 }, // sent at 875, before every connection was open
      { client: a, atMs: 950, responseTimeMs: 40 }, // sent at 910
      { client: b, atMs: 960, responseTimeMs: 60 }, // sent at 900
    ];
    expect(openConnectionsFigure(answers, 2)).toEqual({ allOpenAfterMs: 900, requests: 2, p99Ms: 60 });
  });

  it("has no figure while some connection never answered", () => {
    const answers: Answer[] = [
      { client: a, atMs: 10, responseTimeMs: 10 },
      { client: a, atMs: 20, responseTimeMs: 10 },
    ];
    expect(openConnectionsFigure(answers, 2)).toEqual({ allOpenAfterMs: Number.POSITIVE_INFINITY, requests: 0, p99Ms: null });
  });

  it("takes the 99th percentile, not the maximum", () => {
    const answers: Answer[] = [{ client: a, atMs: 0, responseTimeMs: 0 }];
    for (let i = 1; i <= 200; i++) answers.push({ client: a, atMs: 1000 + i, responseTimeMs: i });
    expect(openConnectionsFigure(answers, 1).p99Ms).toBe(198);
  });
});

import { describe, expect, it } from "vitest";
import {
  formatApproxDuration,
  formatApproxMoney,
  formatChance,
  formatDateTime,
  formatDayAndTime,
  formatDuration,
  formatHours,
  formatMoney,
  formatShortDate,
  formatYears,
  roundApprox,
} from "./format";

describe("money", () => {
  it("uses the organisation's currency", () => {
    expect(formatMoney(4797.2, "USD")).toBe("$4,797");
    expect(formatMoney(1234, "EUR")).toBe("€1,234");
    expect(formatMoney(99.5, "GBP")).toBe("£100");
  });

  it("says “about” with two significant figures from 100 up", () => {
    expect(roundApprox(4797.2)).toBe(4800);
    expect(roundApprox(778.2)).toBe(780);
    expect(roundApprox(86.4)).toBe(86);
    expect(formatApproxMoney(4797.2, "USD")).toBe("about $4,800");
    expect(formatApproxMoney(1_234_567, "EUR")).toBe("about €1,200,000");
    expect(formatApproxMoney(0.2, "USD")).toBe("less than $1");
  });
});

describe("durations", () => {
  it("read as one would say them", () => {
    expect(formatApproxDuration(24.4)).toBe("about 24 hours");
    expect(formatApproxDuration(1.2)).toBe("about an hour");
    expect(formatApproxDuration(0.4)).toBe("about 24 minutes");
    expect(formatApproxDuration(0.001)).toBe("less than a minute");
    expect(formatApproxDuration(96)).toBe("about 4 days");
    expect(formatApproxDuration(0)).toBe("no time");
  });

  it("settings and table figures", () => {
    expect(formatDuration(4)).toBe("4 hours");
    expect(formatDuration(1)).toBe("1 hour");
    expect(formatDuration(48)).toBe("2 days");
    expect(formatDuration(0.5)).toBe("30 minutes");
    expect(formatHours(33.58)).toBe("34 h");
    expect(formatHours(6.24)).toBe("6.2 h");
    expect(formatChance(0.9048)).toBe("90 %");
    expect(formatChance(0.001)).toBe("less than 1 %");
    expect(formatYears(0.845)).toBe("10 months");
    expect(formatYears(7.64)).toBe("7.6 years");
  });

  it("one of anything is singular, also when it is rounded to one", () => {
    expect(formatDuration(1.04)).toBe("1 hour");
    expect(formatDuration(0.999)).toBe("1 hour");
    expect(formatDuration(1 / 60)).toBe("1 minute");
    expect(formatYears(1 / 12)).toBe("1 month");
    expect(formatYears(0.99)).toBe("1 year");
    expect(formatYears(1.02)).toBe("1 year");
    expect(formatYears(1.5)).toBe("1.5 years");
  });
});

describe("dates", () => {
  // 23:50 UTC on 22 November is already 23 November east of Greenwich: the date must stay UTC's.
  const lateEvening = new Date("2026-11-22T23:50:00Z");

  it("are told in UTC, whatever the server's time zone", () => {
    expect(formatShortDate(lateEvening)).toBe("22 Nov 2026");
    expect(formatDateTime(lateEvening)).toBe("22 Nov 2026, 23:50 UTC");
    expect(formatDayAndTime(lateEvening)).toBe("22 Nov, 23:50");
  });

  it("read the same as the date methods of the browser", () => {
    const d = new Date("2026-03-05T07:04:00Z");
    expect(formatShortDate(d)).toBe(d.toLocaleDateString("en-GB", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }));
    expect(formatDayAndTime(d)).toBe("5 Mar, 07:04");
  });
});

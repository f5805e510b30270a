/**
 * Numbers for people: money in the organisation's currency, hours and chances rounded the way
 * one would say them ("about 8 hours a year", "about $4,800").
 */

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, locale: string, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${fractionDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    formatters.set(key, f);
  }
  return f;
}

export const DEFAULT_LOCALE = "en-US";

/**
 * Money to the whole unit.
 *
 * @example
 * formatMoney(4797.2, "USD") //=> "$4,797"
 */
export function formatMoney(value: number, currency: string, locale = DEFAULT_LOCALE): string {
  return formatter(currency, locale, 0).format(Math.round(value));
}

/** Two significant figures from 100 up, whole units below: the precision the model has. */
export function roundApprox(value: number): number {
  const abs = Math.abs(value);
  if (abs < 100) return Math.round(value);
  const magnitude = 10 ** (Math.floor(Math.log10(abs)) - 1);
  return Math.round(value / magnitude) * magnitude;
}

/**
 * @example
 * formatApproxMoney(4797.2, "USD") //=> "about $4,800"
 * formatApproxMoney(0.2, "EUR") //=> "less than €1"
 */
export function formatApproxMoney(value: number, currency: string, locale = DEFAULT_LOCALE): string {
  if (value < 0.5) return `less than ${formatMoney(1, currency, locale)}`;
  return `about ${formatMoney(roundApprox(value), currency, locale)}`;
}

/**
 * A duration as one would say it.
 *
 * @example
 * formatApproxDuration(24.4) //=> "about 24 hours"
 * formatApproxDuration(0.4) //=> "about 24 minutes"
 */
export function formatApproxDuration(hours: number): string {
  if (!(hours > 0)) return "no time";
  if (hours >= 72) return `about ${Math.round(hours / 24)} days`;
  if (hours >= 1.5) return `about ${Math.round(hours)} hours`;
  if (hours >= 0.95) return "about an hour";
  const minutes = Math.round(hours * 60);
  if (minutes < 1) return "less than a minute";
  return minutes === 1 ? "about a minute" : `about ${minutes} minutes`;
}

/** Exact-enough hours for tables: one decimal below 10, whole above. */
export function formatHours(hours: number): string {
  if (hours >= 10) return `${Math.round(hours).toLocaleString(DEFAULT_LOCALE)} h`;
  return `${hours.toFixed(1)} h`;
}

/** A duration given in hours, for settings such as RTO and repair times: "4 hours", "2 days". */
export function formatDuration(hours: number): string {
  if (hours >= 48 && Number.isInteger(hours / 24)) return `${hours / 24} days`;
  if (hours < 1) {
    const minutes = Math.round(hours * 60);
    return minutes === 60 ? "1 hour" : minutes === 1 ? "1 minute" : `${minutes} minutes`;
  }
  const shown = Number(hours.toFixed(1));
  return shown === 1 ? "1 hour" : `${shown} hours`;
}

/** A chance as a whole percentage, "less than 1 %" below it. */
export function formatChance(p: number): string {
  if (p > 0 && p < 0.005) return "less than 1 %";
  return `${Math.round(p * 100)} %`;
}

export function formatYears(years: number): string {
  if (years < 1 / 12) return "under a month";
  if (years < 1) {
    const months = Math.round(years * 12);
    return months === 12 ? "1 year" : months === 1 ? "1 month" : `${months} months`;
  }
  const shown = Number(years.toFixed(1));
  return shown === 1 ? "1 year" : `${shown} years`;
}

/*
 * Dates, in UTC so that the server and the browser agree. The formatters are built once: building an
 * Intl.DateTimeFormat (which `toLocaleDateString` with options does on every call) costs more than
 * formatting, and pages format dates on every request.
 */
const shortDateFormat = new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const dayAndTimeFormat = new Intl.DateTimeFormat("en-GB", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** "22 Nov 2026". */
export function formatShortDate(d: Date): string {
  return shortDateFormat.format(d);
}

/** "22 Nov 2026, 14:05 UTC": snapshots of one day are told apart by their time. */
export function formatDateTime(d: Date): string {
  return `${dateTimeFormat.format(d)} UTC`;
}

/** "22 Nov, 14:05" (UTC): for a chart axis where one day holds several assessments. */
export function formatDayAndTime(d: Date): string {
  return dayAndTimeFormat.format(d);
}

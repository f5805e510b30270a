/** Figures and dates on the consultant pages. */
import { formatDateTime, formatDayAndTime, formatMoney, formatShortDate } from "@/lib/results/format";

export function money(value: number | null, currency: string | null): string {
  if (value === null || currency === null) return "—";
  try {
    return formatMoney(value, currency);
  } catch {
    return `${Math.round(value).toLocaleString("en-US")} ${currency}`;
  }
}

/** "22 Nov 2026", in UTC so the server and the browser agree. */
export function shortDate(d: Date | null): string {
  if (!d) return "—";
  return formatShortDate(d);
}

/** "22 Nov 2026, 14:05 UTC": snapshots of one day are told apart by their time. */
export function dateTime(d: Date): string {
  return formatDateTime(d);
}

/** "22 Nov, 14:05" (UTC): for a chart axis where one day holds several assessments. */
export function dayAndTime(d: Date): string {
  return formatDayAndTime(d);
}

/** Money removed, with a word for its direction: "$1,200 less" / "$300 more". */
export function moneyChange(removed: number | null, currency: string | null): string {
  if (removed === null || currency === null) return "—";
  if (Math.round(removed) === 0) return "no change";
  return removed > 0 ? `${money(removed, currency)} less` : `${money(-removed, currency)} more`;
}

import { formatMoney as formatMoneyInCurrency, formatShortDate } from "@/lib/results/format";

/** Money for people: whole units, the currency's own symbol (a code Intl does not know: the code after the figure). */
export function formatMoney(amount: number, currency: string): string {
  try {
    return formatMoneyInCurrency(amount, currency);
  } catch {
    return `${Math.round(amount).toLocaleString("en-US")} ${currency}`;
  }
}

/** "22 Nov 2026", in UTC. */
export function formatDate(d: Date): string {
  return formatShortDate(d);
}

export function formatHours(h: number): string {
  return h >= 10 ? `${Math.round(h)} hours` : `${h.toFixed(1)} hours`;
}

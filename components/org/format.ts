/** Money for people: whole units, the currency's own symbol. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${Math.round(amount).toLocaleString("en-US")} ${currency}`;
  }
}

export function formatDate(d: Date): string {
  return d.toLocaleDateString("en-GB", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
}

export function formatHours(h: number): string {
  return h >= 10 ? `${Math.round(h)} hours` : `${h.toFixed(1)} hours`;
}

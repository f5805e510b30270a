/** File names and dates for downloads. Pure. */

/**
 * A file-name-safe slug: ASCII letters and digits joined by dashes; letters outside ASCII are dropped.
 *
 * @example
 * fileSlug("Harbor Dental (Main St.)") //=> "harbor-dental-main-st"
 */
export function fileSlug(text: string, fallback = "client"): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-+|-+$/gu, "")
    .slice(0, 60)
    .replace(/-+$/u, "");
  return slug || fallback;
}

/**
 * The UTC calendar date of an instant.
 *
 * @example
 * utcDate(new Date("2026-11-22T23:30:00Z")) //=> "2026-11-22"
 */
export function utcDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * A Content-Disposition header for a download: an ASCII name for old clients and the exact one
 * (RFC 5987) for the rest. Quotes and control characters never reach the header.
 *
 * @example
 * attachmentHeader("action-plan-harbor-dental-2026-11-22.pdf") //=> 'attachment; filename="action-plan-harbor-dental-2026-11-22.pdf"; filename*=UTF-8\'\'action-plan-harbor-dental-2026-11-22.pdf'
 */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/gu, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

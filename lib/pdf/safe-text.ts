/**
 * User text (client and firm names, component names, contact lines) goes into the PDF as text,
 * never as markup, so `<script>` is just characters. Three things still need care:
 * - explicit bidi controls (U+202A–U+202E, U+2066–U+2069) would reorder the rest of the line and
 *   let a name pose as something else ("invoice‮fdp.exe"); they are dropped, so the characters
 *   around them read in the order they were typed (right-to-left scripts still read right to left);
 * - control characters and broken surrogates are shown as U+FFFD instead of reaching the font code;
 * - a character no bundled font can draw is shown as U+FFFD rather than as a wrong glyph.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;
const INVISIBLE_OK = /[\p{Default_Ignorable_Code_Point}\p{Emoji_Component}\p{Mark}]/u;
export const REPLACEMENT = "\uFFFD";

export function safeText(input: string, canDraw: (codePoint: number) => boolean): string {
  const cleaned = input.replace(/\p{Surrogate}/gu, REPLACEMENT).replace(/\r\n?/gu, "\n").replace(/\t/gu, " ").replace(BIDI_CONTROLS, "").replace(CONTROLS, REPLACEMENT);
  let out = "";
  for (const ch of cleaned) {
    const cp = ch.codePointAt(0)!;
    out += ch === "\n" || ch === " " || canDraw(cp) || INVISIBLE_OK.test(ch) ? ch : REPLACEMENT;
  }
  return out;
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** At most `max` graphemes, with "…" when cut; for running headers and chart labels. */
export function truncateText(text: string, max: number): string {
  const oneLine = text.replace(/\s+/gu, " ").trim();
  if (oneLine.length <= max) return oneLine;
  let out = "";
  let count = 0;
  for (const { segment } of graphemes.segment(oneLine)) {
    if (count === max - 1) return `${out.trimEnd()}…`;
    out += segment;
    count += 1;
  }
  return out;
}

/**
 * The fonts every report uses, registered once per process (or worker).
 *
 * The PDF standard fonts (Helvetica and friends) only encode WinAnsi: "₹", "zł", "✓", Greek,
 * Cyrillic or Hebrew come out as garbage. DejaVu Sans (npm `dejavu-fonts-ttf`) covers Latin,
 * Greek, Cyrillic, Hebrew, Arabic and most symbols; Noto Emoji (npm `@expo-google-fonts/noto-emoji`,
 * monochrome outlines) is the fallback for emoji. No npm font covers everything (CJK alone is
 * tens of megabytes), so a character neither font has is replaced by U+FFFD, visibly, rather than
 * drawn as a wrong glyph.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Font } from "@react-pdf/renderer";

export const BODY_FONT = "Bulwark DejaVu Sans";
export const EMOJI_FONT = "Bulwark Noto Emoji";
/** Text style value: the body font first, emoji as fallback. */
export const FONT_STACK = [BODY_FONT, EMOJI_FONT];

/**
 * Where an npm package lives. Resolved from this file first; from the working directory when a
 * bundler has moved this file away from node_modules.
 */
function packageDir(name: string): string {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
  } catch {
    const fromCwd = join(process.cwd(), "node_modules", name);
    if (existsSync(join(fromCwd, "package.json"))) return fromCwd;
    throw new Error(`font package "${name}" is not installed: run npm install`);
  }
}

export function fontFiles(): { regular: string; bold: string; oblique: string; emoji: string } {
  const dejavu = join(packageDir("dejavu-fonts-ttf"), "ttf");
  return {
    regular: join(dejavu, "DejaVuSans.ttf"),
    bold: join(dejavu, "DejaVuSans-Bold.ttf"),
    oblique: join(dejavu, "DejaVuSans-Oblique.ttf"),
    emoji: join(packageDir("@expo-google-fonts/noto-emoji"), "400Regular", "NotoEmoji_400Regular.ttf"),
  };
}

/** Words longer than this may break anywhere (a 10,000-character name without a space). */
const LONG_WORD = 24;
const CHUNK = 8;
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * Ordinary words never break (no "North-wind" at a line end); a run longer than a line can hold is
 * cut into grapheme-safe pieces so it wraps instead of running off the page.
 */
export function splitLongWord(word: string): string[] {
  if (word.length <= LONG_WORD) return [word];
  const parts: string[] = [];
  let current = "";
  let count = 0;
  for (const { segment } of graphemes.segment(word)) {
    current += segment;
    count += 1;
    if (count === CHUNK) {
      parts.push(current);
      current = "";
      count = 0;
    }
  }
  if (current !== "") parts.push(current);
  return parts;
}

let registered: Promise<void> | undefined;

/** Register the fonts and load them (once); later calls return the same promise. */
export function registerFonts(): Promise<void> {
  registered ??= (async () => {
    const files = fontFiles();
    for (const file of Object.values(files)) {
      if (!existsSync(file)) throw new Error(`font file missing: ${file}`);
    }
    Font.register({
      family: BODY_FONT,
      fonts: [
        { src: files.regular },
        { src: files.bold, fontWeight: "bold" },
        { src: files.oblique, fontStyle: "italic" },
      ],
    });
    Font.register({ family: EMOJI_FONT, src: files.emoji });
    Font.registerHyphenationCallback(splitLongWord);
    await Promise.all([Font.load({ fontFamily: BODY_FONT }), Font.load({ fontFamily: EMOJI_FONT })]);
  })();
  registered.catch(() => {
    registered = undefined;
  });
  return registered;
}

const coverage = new Map<number, boolean>();

/** Whether one of the report's fonts can draw this code point. Call after `registerFonts()`. */
export function canDraw(codePoint: number): boolean {
  let known = coverage.get(codePoint);
  if (known === undefined) {
    known = [BODY_FONT, EMOJI_FONT].some((fontFamily) => Font.getFont({ fontFamily })?.data?.hasGlyphForCodePoint(codePoint) ?? false);
    coverage.set(codePoint, known);
  }
  return known;
}

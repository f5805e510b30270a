/**
 * Reading a rendered PDF back the way a person or a search tool would, with Debian's poppler
 * tools: its text, its pages, and its words with their positions (to tell table rows apart).
 * Test support only.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync, crc32 } from "node:zlib";

let checked = false;

/** Install poppler-utils through scripts/ensure-tools.sh when pdftotext is missing. */
export function ensurePoppler(): void {
  if (checked) return;
  if (spawnSync("pdftotext", ["-v"]).error) {
    execFileSync("bash", [join(process.cwd(), "scripts", "ensure-tools.sh")], { stdio: "inherit" });
  }
  checked = true;
}

export function writeTempPdf(bytes: Uint8Array, name = "report.pdf"): string {
  const file = join(mkdtempSync(join(tmpdir(), "bulwark-pdf-")), name);
  writeFileSync(file, bytes);
  return file;
}

export function pdfText(file: string, pages?: { first: number; last: number }): string {
  ensurePoppler();
  const range = pages ? ["-f", String(pages.first), "-l", String(pages.last)] : [];
  return execFileSync("pdftotext", ["-enc", "UTF-8", ...range, file, "-"], { maxBuffer: 64 * 1024 * 1024 }).toString("utf8");
}

export function pdfInfo(file: string): Record<string, string> {
  ensurePoppler();
  const out = execFileSync("pdfinfo", [file]).toString("utf8");
  return Object.fromEntries(out.split("\n").filter((l) => l.includes(":")).map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]));
}

export function pdfPageCount(file: string): number {
  return Number(pdfInfo(file).Pages);
}

/** Number of pictures embedded in the PDF (pdfimages -list), not counting the alpha masks of transparent PNGs. */
export function pdfImageCount(file: string): number {
  ensurePoppler();
  const out = execFileSync("pdfimages", ["-list", file]).toString("utf8");
  return out
    .split("\n")
    .slice(2)
    .filter((l) => l.trim().split(/\s+/u)[2] === "image").length;
}

export interface PdfWord {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
}

export interface PdfLine {
  readonly page: number;
  readonly y: number;
  readonly words: readonly PdfWord[];
  readonly text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&apos;": "'" };

export function pdfWords(file: string): PdfWord[] {
  ensurePoppler();
  const xml = execFileSync("pdftotext", ["-enc", "UTF-8", "-bbox-layout", file, "-"], { maxBuffer: 256 * 1024 * 1024 }).toString("utf8");
  const words: PdfWord[] = [];
  let page = 0;
  const re = /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/gu;
  for (const m of xml.matchAll(re)) {
    if (m[0] === "<page ") {
      page += 1;
      continue;
    }
    words.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4]!.replace(/&(?:lt|gt|amp|quot|apos);/gu, (e) => ENTITIES[e]!) });
  }
  return words;
}

/** Words grouped into physical lines (same page, same baseline within a point), top to bottom. */
export function pdfLines(words: readonly PdfWord[]): PdfLine[] {
  const sorted = [...words].sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin);
  const lines: Array<{ page: number; y: number; words: PdfWord[] }> = [];
  for (const w of sorted) {
    const last = lines[lines.length - 1];
    if (last && last.page === w.page && Math.abs(last.y - w.yMin) < 1) last.words.push(w);
    else lines.push({ page: w.page, y: w.yMin, words: [w] });
  }
  return lines.map((l) => {
    const ws = l.words.sort((a, b) => a.xMin - b.xMin);
    return { page: l.page, y: l.y, words: ws, text: ws.map((w) => w.text).join(" ") };
  });
}

/** Whether `needle`'s words occur in `haystack`'s words in the same order (other words may come between). */
export function containsInOrder(haystack: readonly string[], needle: readonly string[]): boolean {
  let i = 0;
  for (const word of haystack) if (i < needle.length && word === needle[i]) i += 1;
  return i === needle.length;
}

export const wordsOf = (text: string): string[] => text.split(/\s+/u).filter(Boolean);

/** Collapse runs of whitespace, for phrases that may wrap. */
export const squash = (text: string): string => text.replace(/\s+/gu, " ").trim();

/** A valid RGBA PNG of the given size, made from scratch (solid colour). */
export function makePng(width: number, height: number, rgba: readonly [number, number, number, number] = [11, 110, 79, 255]): Uint8Array {
  const row = Buffer.alloc(1 + width * 4);
  for (let x = 0; x < width; x += 1) row.set(rgba, 1 + x * 4);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, "latin1");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return new Uint8Array(png);
}

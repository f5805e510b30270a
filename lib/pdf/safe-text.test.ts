import { describe, expect, it } from "vitest";
import { canDraw, registerFonts, splitLongWord } from "./fonts";
import { REPLACEMENT, safeText, truncateText } from "./safe-text";

const latinOnly = (cp: number) => cp < 0x250;

describe("safeText", () => {
  it("leaves markup and ordinary text alone", () => {
    expect(safeText("<script>alert(1)</script> & \"quotes\"", latinOnly)).toBe("<script>alert(1)</script> & \"quotes\"");
  });

  it("drops explicit direction controls so the text keeps the order it was typed in", () => {
    expect(safeText("Invoice\u202Efdp.exe", latinOnly)).toBe("Invoicefdp.exe");
    expect(safeText("a\u2066b\u2069c\u202Ad\u202C", latinOnly)).toBe("abcd");
  });

  it("shows control characters and broken surrogates as a visible replacement", () => {
    expect(safeText("bell\u0007 nul\u0000", latinOnly)).toBe(`bell${REPLACEMENT} nul${REPLACEMENT}`);
    expect(safeText("half \uD83D pair", latinOnly)).toBe(`half ${REPLACEMENT} pair`);
    expect(safeText("tab\there\r\nline", latinOnly)).toBe("tab here\nline");
  });

  it("replaces what no font can draw, keeping joiners and variation selectors", () => {
    expect(safeText("東京 Ltd", latinOnly)).toBe(`${REPLACEMENT}${REPLACEMENT} Ltd`);
    expect(safeText("e\u0301\u200D\uFE0F", latinOnly)).toBe("e\u0301\u200D\uFE0F");
  });

  it("with the bundled fonts, draws Latin, symbols, Hebrew and emoji, and replaces CJK", async () => {
    await registerFonts();
    expect(safeText("Café ₹ zł ✓ ✗ € שלום 😀 🔥", canDraw)).toBe("Café ₹ zł ✓ ✗ € שלום 😀 🔥");
    expect(safeText("日本", canDraw)).toBe(`${REPLACEMENT}${REPLACEMENT}`);
  });
});

describe("truncateText", () => {
  it("keeps short text and cuts long text at a grapheme with an ellipsis", () => {
    expect(truncateText("Northwind  Parts\n", 40)).toBe("Northwind Parts");
    expect(truncateText("abcdefghij", 5)).toBe("abcd…");
    expect(truncateText("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", 2)).toBe("👨‍👩‍👧…");
  });
});

describe("splitLongWord", () => {
  it("never splits ordinary words, and cuts very long ones into pieces that rejoin exactly", () => {
    expect(splitLongWord("Northwind")).toEqual(["Northwind"]);
    const long = "Z".repeat(100) + "😀".repeat(10);
    const parts = splitLongWord(long);
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.join("")).toBe(long);
    expect(parts.every((p) => !/^[\uDC00-\uDFFF]/u.test(p))).toBe(true);
  });
});

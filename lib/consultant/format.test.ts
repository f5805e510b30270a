import { describe, expect, it } from "vitest";
import { attachmentHeader, fileSlug, utcDate } from "./format";

describe("download names", () => {
  it("slugs names to ASCII, with a fallback for names with no ASCII letters", () => {
    expect(fileSlug("Harbor Dental (Main St.)")).toBe("harbor-dental-main-st");
    expect(fileSlug("Café Zürich")).toBe("cafe-zurich");
    expect(fileSlug("<script>alert(1)</script>")).toBe("script-alert-1-script");
    expect(fileSlug("日本語")).toBe("client");
    expect(fileSlug("x".repeat(200))).toHaveLength(60);
  });

  it("keeps quotes, line breaks and non-ASCII out of the plain filename of the header", () => {
    const header = attachmentHeader('a"b\r\nc é.pdf');
    expect(header).not.toMatch(/[\r\n]/u);
    expect(header).toBe("attachment; filename=\"a_b__c _.pdf\"; filename*=UTF-8''a%22b%0D%0Ac%20%C3%A9.pdf");
  });

  it("dates in UTC", () => {
    expect(utcDate(new Date("2026-11-22T23:30:00-05:00"))).toBe("2026-11-23");
  });
});

import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./session";

describe("safeReturnPath", () => {
  it("keeps same-site paths", () => {
    expect(safeReturnPath("/invite/abc")).toBe("/invite/abc");
    expect(safeReturnPath("/org/x/members?tab=1")).toBe("/org/x/members?tab=1");
  });

  it("refuses anything that could leave the site", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", undefined, 42]) {
      expect(safeReturnPath(bad)).toBe("/orgs");
    }
  });
});

import { describe, expect, it, vi } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { formStateFromError, formValues } from "./form-state";

describe("form state from errors", () => {
  it("puts field problems next to their fields and keeps the message", () => {
    const state = formStateFromError(new ValidationError("Please correct the highlighted fields.", [
      { path: "name", message: "Enter the name of the business." },
      { path: "functions[0].requires", message: "unknown component" },
    ]), { name: "" });
    expect(state.errors).toEqual({ name: ["Enter the name of the business."], functions: ["unknown component"] });
    expect(state.message).toBe("Please correct the highlighted fields.");
    expect(state.values).toEqual({ name: "" });
  });

  it("shows expected errors' own messages", () => {
    expect(formStateFromError(new NotFoundError("That invitation")).message).toMatch(/not found/);
    expect(formStateFromError(new ConflictError(3)).message).toMatch(/changed somewhere else/);
  });

  it("hides the details of unexpected errors and logs them", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const state = formStateFromError(new Error("SQLITE_BUSY: database is locked at /secret/path"));
    expect(state.message).toBe("Something went wrong on our side. Please try again.");
    expect(JSON.stringify(state)).not.toContain("secret");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("echoes only the named text fields", () => {
    const fd = new FormData();
    fd.set("email", "a@b.test");
    fd.set("password", "hunter2hunter2");
    expect(formValues(fd, ["email"])).toEqual({ email: "a@b.test" });
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "../env";
import { isVersionCheckDisabledForTests } from "./test-flags";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

describe("the test-only switch that drops the version check", () => {
  it("is off unless asked for", () => {
    vi.stubEnv("BULWARK_UNSAFE_DISABLE_VERSION_CHECK", "");
    resetEnvForTests();
    expect(isVersionCheckDisabledForTests()).toBe(false);
  });

  it("is honoured only with NODE_ENV=test", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.stubEnv("BULWARK_UNSAFE_DISABLE_VERSION_CHECK", "1");
    vi.stubEnv("NODE_ENV", "test");
    resetEnvForTests();
    expect(isVersionCheckDisabledForTests()).toBe(true);
    for (const env of ["production", "development"]) {
      vi.stubEnv("NODE_ENV", env);
      vi.stubEnv("BETTER_AUTH_SECRET", "a-production-secret-of-at-least-32-characters");
      resetEnvForTests();
      expect(isVersionCheckDisabledForTests(), env).toBe(false);
    }
  });
});

import "server-only";
/**
 * Switches that exist only so that tests can prove they would catch a regression. Each is honoured
 * only when NODE_ENV is "test" (read at run time from the environment, never the value Next.js
 * compiles into its bundles), so a production server ignores it whatever its environment says.
 */
import { getEnv } from "../env";

let warned = false;

/**
 * BULWARK_UNSAFE_DISABLE_VERSION_CHECK=1 with NODE_ENV=test: draft saves skip the optimistic
 * version check, so concurrent editors overwrite each other. The concurrency test runs a server
 * like this to show that it detects lost updates (tests/http/concurrency.test.ts).
 */
export function isVersionCheckDisabledForTests(): boolean {
  if (process.env.BULWARK_UNSAFE_DISABLE_VERSION_CHECK !== "1" || getEnv().NODE_ENV !== "test") return false;
  if (!warned) {
    warned = true;
    console.warn("UNSAFE: BULWARK_UNSAFE_DISABLE_VERSION_CHECK=1: draft saves ignore versions (tests only; lost updates expected)");
  }
  return true;
}

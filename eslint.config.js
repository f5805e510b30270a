// @ts-check
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", ".next-*/**", ".tmp/**", "lib/server/generated/**", "coverage/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The engine is a pure library: no framework, no database, no Node, no app code. It must run
    // the same in the browser, the server, the CLI and a worker (docs/decisions/001-pure-engine.md).
    files: ["lib/engine/**/*.ts"],
    ignores: ["lib/engine/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^(next|react|react-dom)(/.*)?$", message: "lib/engine must not import a framework." },
            { regex: "^@prisma/", message: "lib/engine must not touch the database." },
            { regex: "^server-only$", message: "lib/engine runs on client and server alike." },
            { regex: "^node:", message: "lib/engine does no I/O: pass data in." },
            { regex: "^(fs|path|os|child_process|crypto|url|util|worker_threads)$", message: "lib/engine does no I/O." },
            { regex: "^(@/)?(app|components|lib/server|lib/pdf)(/.*)?$", message: "The engine never reaches back into the app." },
            { regex: "^\\.\\./", message: "lib/engine imports only its own files (./...) and zod." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Date", "process", "fetch", "window", "document", "performance", "setTimeout"],
      "no-restricted-properties": ["error", { object: "Math", property: "random", message: "The engine is deterministic." }],
    },
  },
  {
    // The data layer stays framework-free: only lib/server/next/ and lib/server/actions/ may use
    // Next.js (docs/decisions/004-accounts-with-better-auth.md).
    files: ["lib/server/**/*.ts"],
    ignores: ["lib/server/next/**", "lib/server/actions/**", "lib/server/generated/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^next(/.*)?$", message: "Only lib/server/next/ and lib/server/actions/ may import Next.js." }] },
      ],
    },
  },
);

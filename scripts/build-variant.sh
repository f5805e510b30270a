#!/usr/bin/env bash
# `bash scripts/build-variant.sh <dist dir>`: a production build into another folder than .next
# (named .next-<something>), for the PostgreSQL build of the scale-out tests or a private build
# while someone else's tests use .next. `next build` rewrites tsconfig.json and next-env.d.ts to
# point at the folder it builds into; both are put back afterwards, so only .next is ever referenced.
# The Prisma client must already be generated for the database the build will run on.
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:?usage: build-variant.sh .next-<name>}"
case "$dist" in .next-*) ;; *) echo "build-variant: the folder must be named .next-<name> (ignored by git, lint and tsc)" >&2; exit 2 ;; esac
saved="$(mktemp -d)"
cp tsconfig.json "$saved/tsconfig.json"
[ -f next-env.d.ts ] && cp next-env.d.ts "$saved/next-env.d.ts"
restore() {
  cp "$saved/tsconfig.json" tsconfig.json
  if [ -f "$saved/next-env.d.ts" ]; then cp "$saved/next-env.d.ts" next-env.d.ts; fi
  rm -rf "$saved"
}
trap restore EXIT
npm run -s build:pdf-worker
NODE_ENV=production BULWARK_DIST_DIR="$dist" NEXT_TELEMETRY_DISABLED=1 npx next build --webpack
echo "$(cat lib/server/generated/provider.txt 2>/dev/null || echo unknown)" > "$dist/bulwark-provider.txt"

#!/usr/bin/env bash
# `npm test`: every check of the project, in order, continuing past failures so one run shows them
# all. Ends with one plain line, `N passed, N failed[, N skipped]`, summed from the vitest and
# Playwright JSON reports (plus one failure per failed step without a report), and exits non-zero
# on any failure.
#
#   1. lint (eslint)             2. typecheck (tsc, engine and app)
#   3. vitest on SQLite: unit tests, and server tests on a SQLite file per worker
#   4. the server tests again on a real PostgreSQL (scripts/pg-ensure.sh installs and starts it)
#   5. next build                6. Playwright in Debian's chromium against `npm start`'s server (scripts/start.sh)
#   7. the HTTP tests (tests/http) against servers of that build started as `npm start` starts them (scripts/serve.ts): concurrency,
#      security, tenant isolation, fuzzing; and scale-out on PostgreSQL with a second build
#      (.next-pg, made in step 4 while the client is generated for PostgreSQL)
set -uo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$PWD/scripts/prisma-engine-stub.sh}"
SQLITE_URL="file:./data/test.db"
REPORTS="test-results"
rm -rf "$REPORTS"
mkdir -p "$REPORTS" data

failed_steps=0
reports=()

step() {
  local name="$1"
  shift
  echo
  echo "=== $name"
  local started=$SECONDS
  if "$@"; then
    echo "=== $name: ok ($((SECONDS - started)) s)"
    return 0
  fi
  echo "=== $name: FAILED ($((SECONDS - started)) s)"
  return 1
}

# A failed step that writes a report is counted from the report; others count once here.
step "lint" npx eslint . || failed_steps=$((failed_steps + 1))
step "typecheck" npm run --silent typecheck || failed_steps=$((failed_steps + 1))

PG_URL=""
PG_DIST=""
if PG_URL="$(bash scripts/pg-ensure.sh)"; then
  echo "PostgreSQL for the tests: ${PG_URL%%:*}://…@${PG_URL##*@}"
else
  echo "=== PostgreSQL could not be set up (see above)"
  failed_steps=$((failed_steps + 1))
  PG_URL=""
fi

step "prisma client (SQLite)" env DATABASE_URL="$SQLITE_URL" npx tsx scripts/db/generate.ts --if-needed || failed_steps=$((failed_steps + 1))

# TEST_PG_DRIFT_URL lets the migration tests check the PostgreSQL migrations in this pass too.
step "vitest (unit + server on SQLite)" env TEST_PG_DRIFT_URL="$PG_URL" \
  npx vitest run --project unit --project server --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest-sqlite.json"
reports+=("$REPORTS/vitest-sqlite.json")

if [ -n "$PG_URL" ]; then
  if step "prisma client (PostgreSQL)" env DATABASE_URL="$PG_URL" npx tsx scripts/db/generate.ts; then
    step "vitest (server on PostgreSQL)" env TEST_PG_URL="$PG_URL" \
      npx vitest run --project server --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest-postgres.json"
    reports+=("$REPORTS/vitest-postgres.json")
    if step "next build (PostgreSQL, for the scale-out tests)" bash scripts/build-variant.sh .next-pg; then
      PG_DIST=".next-pg"
    else
      failed_steps=$((failed_steps + 1))
    fi
  else
    failed_steps=$((failed_steps + 1))
  fi
  # The rest (build, e2e, and the developer's own `npm start`) runs on SQLite again.
  step "prisma client (back to SQLite)" env DATABASE_URL="$SQLITE_URL" npx tsx scripts/db/generate.ts || failed_steps=$((failed_steps + 1))
fi

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "=== installing Debian's chromium for the browser tests"
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium || true
fi

# A failed build deletes .next, so the browser tests run only on a fresh, successful build.
if step "next build" env NODE_ENV=production npx next build --webpack; then
  echo "sqlite demo=on" > .next/bulwark-build.txt
  step "playwright (chromium)" npx playwright test
  reports+=("$REPORTS/playwright.json")
  step "vitest (http: concurrency, security, isolation, fuzzing, scale-out)" env TEST_PG_URL="$PG_URL" BULWARK_PG_DIST_DIR="$PG_DIST" \
    npx vitest run --project http --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest-http.json"
  reports+=("$REPORTS/vitest-http.json")
else
  failed_steps=$((failed_steps + 1))
fi

echo
npx tsx scripts/test-summary.ts --failed-steps "$failed_steps" "${reports[@]}"

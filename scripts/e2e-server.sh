#!/usr/bin/env bash
# The server the Playwright tests run against: a fresh database of its own (the tests sign up new
# accounts; the demo is seeded), then the README's own start script (scripts/start.sh: client,
# migrations, demo data, the build when it is stale, `next start`), so every browser test run also
# checks that the first README command works.
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT="${1:-3210}"
export DATABASE_URL="${E2E_DATABASE_URL:-file:./data/e2e.db}"
export APP_URL="http://localhost:$PORT"
export BETTER_AUTH_SECRET="${BETTER_AUTH_SECRET:-e2e-secret-only-for-tests-0123456789abcdef}"
export BULWARK_DEMO=on
# One browser signs up and signs in some 40 times in two or three minutes, all from 127.0.0.1: more
# than the default 10 a minute allow on a fast machine. The limit itself is tested over HTTP at
# its default (tests/http/security.test.ts).
export AUTH_ATTEMPTS_PER_MINUTE=1000
if [[ "$DATABASE_URL" == file:* ]]; then
  db="${DATABASE_URL#file:}"
  rm -f "$db" "$db-wal" "$db-shm"
fi
exec bash scripts/start.sh

#!/usr/bin/env bash
# The server the Playwright tests run against: a fresh database of its own (the tests sign up new
# accounts; the demo is seeded), migrations applied, then `next start` on the given port.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-3210}"
export NODE_ENV=production
export DATABASE_URL="${E2E_DATABASE_URL:-file:./data/e2e.db}"
export APP_URL="http://localhost:$PORT"
export BETTER_AUTH_SECRET="${BETTER_AUTH_SECRET:-e2e-secret-only-for-tests-0123456789abcdef}"
export BULWARK_DEMO=on
if [[ "$DATABASE_URL" == file:* ]]; then
  db="${DATABASE_URL#file:}"
  rm -f "$db" "$db-wal" "$db-shm"
fi
npx tsx scripts/db/migrate.ts deploy
npx tsx --conditions=react-server prisma/seed.ts
exec npx next start -p "$PORT"

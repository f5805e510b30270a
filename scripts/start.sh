#!/usr/bin/env bash
# `npm start`: everything needed to serve Bulwark on http://localhost:3000 from a fresh clone
# (after `npm install`): the Prisma client for DATABASE_URL's provider, the migrations, the demo
# account, a production build when the sources changed, then `next start`.
#
#   DATABASE_URL   file:./data/bulwark.db (default, SQLite) or postgres://user:pass@host/db
#   PORT           3000
#   WEB_CONCURRENCY  server processes: one per core (at most 4) unless set (scripts/serve.ts)
#   WEB_REQUESTS_AT_ONCE  requests each process renders at once (2)
#   APP_URL        http://localhost:$PORT (the address people use; must match for sign-in to work)
#   BETTER_AUTH_SECRET  made once in data/auth-secret when not set (set it yourself for several instances)
#   BULWARK_DEMO   on (default) or off
#   AUTH_ATTEMPTS_PER_MINUTE  sign-in and sign-up attempts per client address per minute (10)
set -euo pipefail
cd "$(dirname "$0")/.."

export NODE_ENV=production
export DATABASE_URL="${DATABASE_URL:-file:./data/bulwark.db}"
export PORT="${PORT:-3000}"
export APP_URL="${APP_URL:-http://localhost:$PORT}"
export BULWARK_DEMO="${BULWARK_DEMO:-on}"
export NEXT_TELEMETRY_DISABLED=1
mkdir -p data

if [ -z "${BETTER_AUTH_SECRET:-}" ]; then
  if [ ! -s data/auth-secret ]; then
    (umask 077 && node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('base64url'))" > data/auth-secret)
    echo "start: made a new session secret in data/auth-secret"
  fi
  BETTER_AUTH_SECRET="$(cat data/auth-secret)"
  export BETTER_AUTH_SECRET
fi

provider="$(node -e "process.stdout.write(/^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL) ? 'postgresql' : 'sqlite')")"

echo "start: prisma client ($provider)"
npx tsx scripts/db/generate.ts --if-needed

echo "start: migrations"
npx tsx scripts/db/migrate.ts deploy

echo "start: demo data"
npx tsx --conditions=react-server prisma/seed.ts

# Rebuild when there is no build, it was made for the other database provider, or any source is newer.
stamp=".next/bulwark-build.txt"
wanted="$provider demo=$BULWARK_DEMO"
needs_build=0
if [ ! -f .next/BUILD_ID ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  needs_build=1
elif [ -n "$(find app components lib prisma next.config.ts postcss.config.mjs package.json instrumentation.ts -type f -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
  needs_build=1
fi
if [ "$needs_build" = 1 ]; then
  echo "start: building (about a minute the first time)"
  npx next build --webpack
  echo "$wanted" > "$stamp"
fi

if [ "$BULWARK_DEMO" = on ]; then echo "start: demo account: demo@bulwark.local / bulwark-demo-2026 (or press \"Try the demo\")"; fi
echo "start: Bulwark on $APP_URL"
# One Next.js server process per core (WEB_CONCURRENCY), each rendering WEB_REQUESTS_AT_ONCE
# requests at a time, behind a cluster primary: scripts/serve.ts and docs/decisions/007 say why.
exec node --import tsx scripts/serve.ts

#!/bin/sh
# Prisma's CLI insists on a native schema-engine binary and tries to download one from a host
# these machines cannot reach. `prisma generate` never runs it, so this stub satisfies the check;
# migrations run through @prisma/schema-engine-wasm instead (scripts/db/migrate.ts).
echo "bulwark: the native Prisma schema engine is not used here; see scripts/db/" >&2
exit 1

#!/usr/bin/env bash
# Make a local PostgreSQL server available for the tests: install Debian's postgresql when it is
# missing, start cluster 15/main, and create the role and database named in TEST_PG_URL.
# Prints nothing on success but the URL (so callers can capture it); progress goes to stderr.
set -euo pipefail

PG_USER="${PG_USER:-bulwark}"
PG_PASSWORD="${PG_PASSWORD:-bulwark}"
PG_DB="${PG_DB:-bulwark_test}"
PG_PORT="${PG_PORT:-5432}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "pg-ensure: installing postgresql with apt" >&2
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -n | tail -1)"
if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$VERSION/main"; then
  as_root pg_createcluster "$VERSION" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
  echo "pg-ensure: starting cluster $VERSION/main" >&2
  as_root pg_ctlcluster "$VERSION" main start >&2
fi

psql_admin() { as_root su postgres -c "psql -v ON_ERROR_STOP=1 -qtAX -p $PG_PORT $*"; }
for _ in $(seq 1 30); do psql_admin "-c 'select 1'" >/dev/null 2>&1 && break; sleep 0.5; done

if [ "$(psql_admin "-c \"select 1 from pg_roles where rolname='$PG_USER'\"")" != "1" ]; then
  # CREATEDB: the migration engine makes (and drops) a shadow database to diff migrations.
  psql_admin "-c \"create role $PG_USER login createdb password '$PG_PASSWORD'\"" >&2
fi
if [ "$(psql_admin "-c \"select 1 from pg_database where datname='$PG_DB'\"")" != "1" ]; then
  psql_admin "-c \"create database $PG_DB owner $PG_USER\"" >&2
fi

echo "postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"

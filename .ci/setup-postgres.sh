#!/usr/bin/env bash
# Installs (if needed) and starts a local PostgreSQL 15 for the PostgreSQL store tests, on
# Debian 12 as root. Idempotent: a second run finds everything in place and only prints the URL.
#
# stdout carries exactly one line, `export STORYTRACE_PG_URL=…`, so a caller can do
#   eval "$(bash .ci/setup-postgres.sh)"
# Progress and errors go to stderr.
set -euo pipefail

PG_VERSION=15
CLUSTER=main
DB=storytrace_test
# A fixed password for a throwaway local test server that only listens on loopback.
PASSWORD=storytrace

log() { echo "setup-postgres: $*" >&2; }
as_postgres() { runuser -u postgres -- "$@"; }

if [ "$(id -u)" -ne 0 ]; then
  log "must run as root (it installs and starts a server)"
  exit 1
fi

if [ ! -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ]; then
  log "installing postgresql $PG_VERSION"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

# The package normally creates the cluster; create it if that was switched off or it was dropped.
if ! pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  log "creating cluster $PG_VERSION/$CLUSTER"
  pg_createcluster "$PG_VERSION" "$CLUSTER" >&2
fi

cluster_field() { pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$CLUSTER" -v f="$1" '$1 == v && $2 == c { print $f }'; }

if [ "$(cluster_field 4)" != "online" ]; then
  log "starting cluster $PG_VERSION/$CLUSTER"
  pg_ctlcluster "$PG_VERSION" "$CLUSTER" start >&2
fi
PORT=$(cluster_field 3)

for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p "$PORT" && break
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$PORT" || { log "server on port $PORT did not become ready"; exit 1; }

# A throwaway test server: trade durability for speed (creating a schema is ~4x faster without
# fsync). Never run this script against a cluster holding data you want to keep.
as_postgres psql -q -p "$PORT" -v ON_ERROR_STOP=1 \
  -c "ALTER SYSTEM SET fsync = off" \
  -c "ALTER SYSTEM SET synchronous_commit = off" \
  -c "ALTER SYSTEM SET full_page_writes = off" \
  -c "SELECT pg_reload_conf()" >/dev/null

# Debian's pg_hba.conf already asks for a password (scram-sha-256) on 127.0.0.1; give postgres one.
as_postgres psql -q -p "$PORT" -v ON_ERROR_STOP=1 -c "ALTER USER postgres PASSWORD '$PASSWORD'" >&2
if [ "$(as_postgres psql -qAt -p "$PORT" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]; then
  log "creating database $DB"
  as_postgres createdb -p "$PORT" "$DB" >&2
fi

echo "export STORYTRACE_PG_URL=postgres://postgres:$PASSWORD@127.0.0.1:$PORT/$DB"

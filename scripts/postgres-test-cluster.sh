#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for Outpost's tests: initdb in a temporary folder,
# listening on a free loopback port only, stopped and deleted by `stop`.
#
#   export OUTPOST_TEST_POSTGRES_URL=$(scripts/postgres-test-cluster.sh start)
#   swift test --skip-build
#   scripts/postgres-test-cluster.sh stop
#
# start  creates and starts the cluster (or finds the running one) and prints its URL,
#        postgres://outpost:PASSWORD@127.0.0.1:PORT/outpost_test (password auth over TCP)
# url    prints the running cluster's URL
# stop   stops the cluster and deletes its folder
#
# The cluster's folder is remembered in OUTPOST_PG_CLUSTER_STATE (default:
# .build/postgres-test-cluster in this checkout), so each checkout has its own.
# PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres` user.
set -euo pipefail
cd "$(dirname "$0")/.."
state="${OUTPOST_PG_CLUSTER_STATE:-$PWD/.build/postgres-test-cluster}"

fail() { echo "postgres-test-cluster: $*" >&2; exit 1; }

# The PostgreSQL programs: on PATH, else Debian's newest /usr/lib/postgresql/N/bin.
bindir=""
if ! command -v initdb >/dev/null; then
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$bindir" ] || fail "PostgreSQL is not installed; install it with: scripts/install-deps.sh (Debian package postgresql)"
  bindir="$bindir/"
fi

# Runs a command as the cluster's owner (`postgres` when we are root).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || fail "running as root needs the postgres user (created by the Debian package postgresql)"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

running_url() {
  [ -f "$state" ] || return 1
  local folder url
  folder="$(sed -n 1p "$state")"
  url="$(sed -n 2p "$state")"
  as_owner "${bindir}pg_ctl" status -D "$folder/data" >/dev/null 2>&1 || return 1
  echo "$url"
}

start() {
  if running_url; then return; fi
  [ ! -f "$state" ] || stop_cluster
  mkdir -p "$(dirname "$state")"
  local folder password port url attempt
  folder="$(mktemp -d "${TMPDIR:-/tmp}/outpost-postgres.XXXXXX")"
  chmod 0700 "$folder"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$folder"
  password="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
  printf '%s\n' "$password" > "$folder/password"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$folder/password"
  as_owner "${bindir}initdb" -D "$folder/data" -U outpost --pwfile="$folder/password" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 \
    || { cat "$folder/initdb.log" >&2; rm -rf "$folder"; fail "initdb failed (log above)"; }
  rm -f "$folder/password"
  # A port can be taken between choosing it and binding it: try a few.
  for attempt in 1 2 3 4 5; do
    port="$(free_port)"
    if as_owner "${bindir}pg_ctl" start -w -t 30 -D "$folder/data" -l "$folder/server.log" \
         -o "-c listen_addresses=127.0.0.1 -p $port -k $folder -c fsync=off -c max_connections=400" >/dev/null; then
      url="postgres://outpost:$password@127.0.0.1:$port/outpost_test"
      printf '%s\n%s\n' "$folder" "$url" > "$state"
      chmod 0600 "$state"
      as_owner "${bindir}createdb" -h "$folder" -p "$port" -U outpost outpost_test
      echo "$url"
      return
    fi
  done
  cat "$folder/server.log" >&2 || true
  rm -rf "$folder"
  fail "PostgreSQL did not start on a free loopback port (server log above)"
}

stop_cluster() {
  [ -f "$state" ] || return 0
  local folder
  folder="$(sed -n 1p "$state")"
  if [ -d "$folder/data" ]; then
    as_owner "${bindir}pg_ctl" stop -w -m fast -D "$folder/data" >/dev/null 2>&1 || true
  fi
  case "$folder" in
    */outpost-postgres.*) rm -rf "$folder" ;;
  esac
  rm -f "$state"
}

case "${1:-}" in
  start) start ;;
  url) running_url || fail "no cluster is running; start one with: scripts/postgres-test-cluster.sh start" ;;
  stop) stop_cluster ;;
  *) echo "usage: scripts/postgres-test-cluster.sh start|url|stop" >&2; exit 64 ;;
esac

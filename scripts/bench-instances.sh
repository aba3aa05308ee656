#!/usr/bin/env bash
# Multi-instance sync benchmark (issue 14): syncs per second with 1, 2 and 3
# `outpost-server serve` instances on one PostgreSQL database, against the SQLite
# backend (one instance), for no-op syncs and one-write syncs, in the same run.
#
#   scripts/bench-instances.sh [DEVICES] [SECONDS]      (default: 8 devices, 10 s per figure)
#
# DEVICES enrolled replicas sync back to back, each on its own thread of one
# outpost-sync-bench process, through the instances in turn. The binaries come from
# $BIN (default: .build/release when built, else .build/debug; build them first with
# swift build -j 1 [-c release]). PostgreSQL is a throwaway cluster on loopback
# (scripts/postgres-test-cluster.sh), stopped at the end unless it was running before.
# Everything runs on this machine: servers, PostgreSQL and the load share its cores.
set -euo pipefail
cd "$(dirname "$0")/.."
devices="${1:-8}"
seconds="${2:-10}"
bin="${BIN:-}"
if [ -z "$bin" ]; then
  bin=.build/debug
  [ -x .build/release/outpost-sync-bench ] && bin=.build/release
fi
for tool in outpost-server outpost outpost-sync-bench; do
  [ -x "$bin/$tool" ] || { echo "bench-instances: $bin/$tool is missing; build it with: swift build -j 1" >&2; exit 1; }
done

work="$(mktemp -d)"
pids=()
started_cluster=no
scripts/postgres-test-cluster.sh url >/dev/null 2>&1 || started_cluster=yes
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
  [ "$started_cluster" = yes ] && scripts/postgres-test-cluster.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
url="$(scripts/postgres-test-cluster.sh start)"
export OUTPOST_PASSPHRASE="bench passphrase"
unset OUTPOST_DB OUTPOST_SERVER_KEY_FILE

# Starts one `serve` on DB (extra arguments after it); sets $port and $sync_port.
serve() {
  local log="$work/serve-${#pids[@]}-$RANDOM.log"
  "$bin/outpost-server" serve --db "$@" --host 127.0.0.1 --port 0 --sync-port 0 --log-level notice \
    --sync-burst 1000000 --sync-rate 1000000 2>"$log" &
  pids+=($!)
  for _ in $(seq 1 300); do
    if grep -q "listening" "$log"; then
      read -r port sync_port < <(sed -n 's/.* port=\([0-9]*\) sync_port=\([0-9]*\).*/\1 \2/p' "$log" | head -n 1)
      return
    fi
    sleep 0.1
  done
  echo "bench-instances: outpost-server serve did not start: $(cat "$log")" >&2
  exit 1
}

# Measures one setup: DB, instance count, then extra admin arguments (the key file).
measure() {
  local db="$1" instances="$2" label="$3"; shift 3
  local admin=(--db "$db" "$@")
  "$bin/outpost-server" init "${admin[@]}" >/dev/null
  "$bin/outpost-server" territory add "${admin[@]}" North >/dev/null
  local http=() endpoints=()
  for _ in $(seq 1 "$instances"); do
    serve "$db" "$@"
    http+=("http://127.0.0.1:$port")
    endpoints+=("tcp://127.0.0.1:$sync_port")
  done
  local replicas=()
  for i in $(seq 1 "$devices"); do
    "$bin/outpost-server" user add "${admin[@]}" "rep$i" --display-name "Rep $i" --role rep --territory North >/dev/null
    local server="${http[$(( i % instances ))]}"
    local code
    code="$("$bin/outpost-server" device enrol "${admin[@]}" --user "rep$i" --server "$server" --json \
      | sed -n 's/.*"code" *: *"\([^"]*\)".*/\1/p')"
    local replica="$work/$label-rep$i"
    "$bin/outpost" enrol --replica "$replica" --server "$server" --code "$code" >/dev/null
    "$bin/outpost" sync --replica "$replica" >/dev/null
    replicas+=("$replica")
  done
  local joined
  joined="$(IFS=,; echo "${endpoints[*]}")"
  local noop write
  noop="$("$bin/outpost-sync-bench" --seconds "$seconds" --mode noop "$joined" "${replicas[@]}" | sed 's/.*: \([0-9.]*\) syncs\/s/\1/')"
  write="$("$bin/outpost-sync-bench" --seconds "$seconds" --mode write "$joined" "${replicas[@]}" | sed 's/.*: \([0-9.]*\) syncs\/s/\1/')"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  pids=()
  echo "$label $noop $write" >>"$work/results"
}

measure "$work/hq.sqlite" 1 sqlite-1
for n in 1 2 3; do
  name="outpost_bench_${n}_$$"
  psql "$url" -qc "CREATE DATABASE $name" >/dev/null
  db="${url%/*}/$name"
  measure "$db" "$n" "postgres-$n" --key-file "$work/pg$n.key"
done

echo "Syncs per second, $devices devices, ${seconds} s each, binaries in $bin, $(nproc) cores shared by servers, PostgreSQL and load:"
printf '%-12s %12s %12s %14s %14s\n' backend "no-op/s" "one-write/s" "no-op vs SQLite" "write vs SQLite"
mapfile -t results <"$work/results"
read -r _ base_noop base_write <<<"${results[0]}"
for line in "${results[@]}"; do
  read -r label noop write <<<"$line"
  printf '%-12s %12s %12s %14s %14s\n' "$label" "$noop" "$write" \
    "$(awk -v a="$noop" -v b="$base_noop" 'BEGIN { printf "%.2f", a / b }')" \
    "$(awk -v a="$write" -v b="$base_write" 'BEGIN { printf "%.2f", a / b }')"
done

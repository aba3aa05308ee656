#!/usr/bin/env bash
# Large-replica benchmark (issue 18): on a `demo --scale large` company served on
# loopback, the DACH and the World manager bootstrap their encrypted replicas with
# `outpost sync` (wall time, client and server CPU, peak RSS, bytes on the wire), then the replica's size
# on disk and `outpost forecast` (median of 5 wall times, peak RSS), unlocked.
#   scripts/bench-large.sh [large|medium|small]     (default: large)
# BEFORE=DIR also measures the `outpost` and `outpost-server` binaries in DIR (e.g. a
# copy of the previous commit's release build) the same way, first, on their own demo
# company (the two builds may not share a database or a protocol), and prints new/old.
# BUILD=debug skips the release build (faster to build, slower to run); BIN=DIR measures
# the binaries in DIR instead of building.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-large}"
config="${BUILD:-release}"
port="${OUTPOST_PORT:-8094}"
run="bench-large-run"

source scripts/build-tools.sh
fresh_run

# server_cpu: the server's CPU seconds so far (user + system, from /proc/PID/stat).
server_cpu() {
  python3 -c 'import os, sys; f = open(f"/proc/{sys.argv[1]}/stat").read().rsplit(")", 1)[1].split(); print((int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK"))' "$server"
}

# measure LABEL DIR: the whole benchmark with DIR's outpost-server and outpost.
measure() {
  local label="$1" dir="$2" db="$run/$1.hq.sqlite" managers manager folder
  echo "==> $label: demo --scale $scale" >&2
  serve_demo "$dir" "$db" "$scale" "$run/$label.server.log"
  managers="$(large_managers "$dir" "$db")"
  echo "$managers" > "$run/managers"
  for manager in $managers; do
    folder="$run/$label.$manager"
    enrol_device "$dir" "$dir" "$db" "$manager" "$folder"
    echo "==> $label: $manager bootstraps" >&2
    before="$(server_cpu)"
    /usr/bin/time -f "%e %U %S %M" -o "$folder.sync-time" "$dir/outpost" sync --json --replica "$folder" > "$folder.sync.json"
    echo "$before $(server_cpu)" > "$folder.server-cpu"
    for _ in 1 2 3 4 5; do
      /usr/bin/time -f "%e %U %S %M" -a -o "$folder.forecast-time" "$dir/outpost" forecast --replica "$folder" > "$folder.forecast.txt"
    done
  done
  stop_server
}

measure_builds

python3 - "$run" "${labels[@]}" <<'PY'
import json, os, statistics, sys
from side_by_side import print_table
run, labels = sys.argv[1], sys.argv[2:]
managers = open(f"{run}/managers").read().split()
def figures(label, manager):
    folder = f"{run}/{label}.{manager}"
    wall, user, system, rss = open(f"{folder}.sync-time").read().split()
    report = json.load(open(f"{folder}.sync.json"))
    forecasts = [line.split() for line in open(f"{folder}.forecast-time") if line.strip()]
    size = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder) if f.startswith("replica.sqlite"))
    return {
        "records received": report["received"],
        "bytes down": report["bytes_down"],
        "bootstrap wall s": float(wall),
        "bootstrap client CPU s": float(user) + float(system),
        "bootstrap server CPU s": (lambda b, a: a - b)(*map(float, open(f"{folder}.server-cpu").read().split())),
        "bootstrap peak RSS MB": int(rss) / 1024,
        "replica on disk MB": size / 1e6,
        "forecast wall ms (median of 5)": statistics.median(float(f[0]) for f in forecasts) * 1000,
        "forecast CPU ms (median of 5)": statistics.median(float(f[1]) + float(f[2]) for f in forecasts) * 1000,
        "forecast peak RSS MB": max(int(f[3]) for f in forecasts) / 1024,
    }
for manager in managers:
    print_table(manager, {label: figures(label, manager) for label in labels}, labels)
PY

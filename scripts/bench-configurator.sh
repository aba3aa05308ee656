#!/usr/bin/env bash
# Big configurator model benchmark (issue 18): an industrial-size product model
# (`scripts/industrial-model.py COPIES`, default 6 renamed copies of the automotive line:
# 15,078 variables, 61,810 clauses; checked satisfiable with picosat) is imported on a
# small demo company's server; the featured rep's device, already bootstrapped, syncs the
# new catalog (bytes on the wire against `xz -9` of the DIMACS file), then runs
# `outpost configure --product IND --json` (median of RUNS wall times, default 5, CPU,
# peak RSS), unlocked.
#   scripts/bench-configurator.sh [COPIES]
# BEFORE=DIR also measures the binaries in DIR (e.g. the previous commit's release build)
# the same way, first, and prints new/old. BUILD=debug skips the release build; BIN=DIR
# measures the binaries in DIR instead of building.
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-6}"
runs="${RUNS:-5}"
config="${BUILD:-release}"
port="${OUTPOST_PORT:-8096}"
run="bench-configurator-run"

source scripts/build-tools.sh
fresh_run

scripts/industrial-model.py "$copies" > "$run/model.dimacs"
verdict="$(picosat "$run/model.dimacs" | head -1 || true)"   # picosat exits 10 for satisfiable
[ "$verdict" = "s SATISFIABLE" ] || { echo "the generated model is not satisfiable: $verdict" >&2; exit 1; }
xz -9 -c "$run/model.dimacs" | wc -c > "$run/model.xz-bytes"

# measure LABEL DIR: the whole benchmark with DIR's outpost-server and outpost.
measure() {
  local label="$1" dir="$2" db="$run/$1.hq.sqlite" folder="$run/$1.device"
  echo "==> $label: a small demo company, the rep's device bootstrapped" >&2
  serve_demo "$dir" "$db" small "$run/$label.server.log"
  enrol_device "$dir" "$dir" "$db" rep.small "$folder"
  "$dir/outpost" sync --replica "$folder" >/dev/null
  echo "==> $label: the model imported, the device syncs it" >&2
  "$dir/outpost-server" catalog product add --db "$db" IND --name "Industrial line" --price 1000 >/dev/null
  "$dir/outpost-server" catalog price-book set --db "$db" "Standard EUR" IND 1000 >/dev/null
  "$dir/outpost-server" catalog import --db "$db" --dimacs "$run/model.dimacs" --product IND >/dev/null
  /usr/bin/time -f "%e %U %S %M" -o "$folder.sync-time" "$dir/outpost" sync --json --replica "$folder" > "$folder.sync.json"
  echo "==> $label: outpost configure --product IND --json, $runs times" >&2
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -a -o "$folder.configure-time" "$dir/outpost" configure --product IND --json --replica "$folder" > "$folder.configure.json"
  done
  stop_server
}

measure_builds

python3 - "$run" "${labels[@]}" <<'PY'
import json, statistics, sys
from side_by_side import print_table
run, labels = sys.argv[1], sys.argv[2:]
xz = int(open(f"{run}/model.xz-bytes").read())
def figures(label):
    folder = f"{run}/{label}.device"
    wall, user, system, rss = open(f"{folder}.sync-time").read().split()
    report = json.load(open(f"{folder}.sync.json"))
    runs = [line.split() for line in open(f"{folder}.configure-time") if line.strip()]
    return {
        "catalog records received": report["received"],
        "catalog bytes down": report["bytes_down"],
        "catalog bytes / xz -9 of DIMACS": report["bytes_down"] / xz,
        "catalog sync wall s": float(wall),
        "configure wall ms (median)": statistics.median(float(r[0]) for r in runs) * 1000,
        "configure CPU ms (median)": statistics.median(float(r[1]) + float(r[2]) for r in runs) * 1000,
        "configure peak RSS MB": max(int(r[3]) for r in runs) / 1024,
    }
print_table(f"model: {open(f'{run}/model.dimacs').read().count(chr(10))} lines, xz -9 {xz} bytes",
            {label: figures(label) for label in labels}, labels)
PY

#!/usr/bin/env bash
# Bootstrap benchmark (issue 4): the featured rep of a demo company bootstraps its
# replica over native TCP on loopback. Reports bytes on the wire, that figure divided
# by the size of `xz -9` of a CSV export of the same records (goal: 1.0 or less),
# and the time the bootstrap took.
#   scripts/bench-bootstrap.sh [small|medium|large]     (default: medium)
# BUILD=debug skips the release build (faster to build, slower to run).
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-medium}"
config="${BUILD:-release}"
port="${OUTPOST_PORT:-8090}"
run="bench-run"
rep="rep.$scale"

source scripts/demo-server.sh
export OUTPOST_REPLICA="$run/device"
enrol "$rep" "$OUTPOST_REPLICA"

start=$(date +%s.%N)
"$bin/outpost" sync --json > "$run/bootstrap.json"
end=$(date +%s.%N)

"$bin/outpost" export all --out "$run/csv"
cat "$run"/csv/*.csv > "$run/all.csv"
xz -9 -k -c "$run/all.csv" > "$run/all.csv.xz"

python3 - "$run" "$start" "$end" <<'PY'
import json, os, sys
run, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
report = json.load(open(f"{run}/bootstrap.json"))
wire = report["bytes_up"] + report["bytes_down"]
csv = os.path.getsize(f"{run}/all.csv")
xz = os.path.getsize(f"{run}/all.csv.xz")
print(f"records received        {report['received']}")
print(f"bytes on the wire       {wire}  (up {report['bytes_up']}, down {report['bytes_down']}, {report['frames']} frames)")
print(f"CSV of the same records {csv}")
print(f"xz -9 of that CSV       {xz}")
print(f"wire / xz -9            {wire / xz:.3f}  (goal: 1.0 or less)")
print(f"bootstrap time          {end - start:.2f} s on loopback")
PY

#!/usr/bin/env bash
# The large-scale bootstraps of two builds' clients, alternating against one server
# (issue 18): steadier on a shared machine than scripts/bench-large.sh, which gives each
# build its own company and server one after the other. On a `demo --scale large`
# company served by this build's `outpost-server`, each round bootstraps a new device of
# the DACH and the World manager with the previous build's `outpost` (BEFORE=DIR, as
# "old"), then with this build's ("new"), and prints the medians over the rounds: wall
# time, client CPU, peak RSS and the replica's size on disk.
#   BEFORE=DIR scripts/bench-bootstrap-alternating.sh [ROUNDS]     (default: 4)
# BUILD=debug skips the release build; BIN=DIR measures the binaries in DIR instead of
# building. The two clients must speak the server's protocol.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-4}"
config="${BUILD:-release}"
port="${OUTPOST_PORT:-8098}"
run="bench-alternating-run"
[ -n "${BEFORE:-}" ] || { echo "BEFORE=DIR names the previous build's binaries (outpost) to alternate with" >&2; exit 1; }
before="$(cd "$BEFORE" && pwd)"

source scripts/build-tools.sh
fresh_run

db="$run/hq.sqlite"
echo "==> demo --scale large" >&2
serve_demo "$bin" "$db" large "$run/server.log"
managers="$(large_managers "$bin" "$db")"
echo "$managers" > "$run/managers"

for round in $(seq 1 "$rounds"); do
  for label in old new; do
    client="$bin"; [ "$label" = old ] && client="$before"  # the folder of the outpost to run
    for manager in $managers; do
      folder="$run/$label.$manager.$round"
      enrol_device "$bin" "$client" "$db" "$manager" "$folder"
      echo "==> round $round: $label client, $manager bootstraps" >&2
      /usr/bin/time -f "%e %U %S %M" -o "$folder.sync-time" "$client/outpost" sync --json --replica "$folder" >/dev/null
    done
  done
done
stop_server

python3 - "$run" "$rounds" <<'PY'
import os, statistics, sys
from side_by_side import print_table
run, rounds = sys.argv[1], int(sys.argv[2])
managers = open(f"{run}/managers").read().split()
def figures(label, manager):
    runs = []
    for round in range(1, rounds + 1):
        folder = f"{run}/{label}.{manager}.{round}"
        wall, user, system, rss = open(f"{folder}.sync-time").read().split()
        size = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder) if f.startswith("replica.sqlite"))
        runs.append((float(wall), float(user) + float(system), int(rss) / 1024, size / 1e6))
    return {
        "bootstrap wall s (median)": statistics.median(r[0] for r in runs),
        "bootstrap client CPU s (median)": statistics.median(r[1] for r in runs),
        "bootstrap peak RSS MB (largest)": max(r[2] for r in runs),
        "replica on disk MB (median)": statistics.median(r[3] for r in runs),
    }
for manager in managers:
    print_table(f"{manager}, {rounds} alternating rounds", {label: figures(label, manager) for label in ("old", "new")}, ["old", "new"])
PY

#!/usr/bin/env bash
# Large-replica benchmark (issue 18): on a `demo --scale large` company served on
# loopback, the DACH and the World manager bootstrap their encrypted replicas with
# `outpost sync` (wall time, CPU, peak RSS, bytes on the wire), then the replica's size
# on disk and `outpost forecast` (median of 5 wall times, peak RSS), unlocked.
#   scripts/bench-large.sh [large|medium|small]     (default: large)
# BEFORE=DIR also runs the `outpost` binary in DIR (e.g. a copy of the previous
# commit's release build) on the same server, side by side, and prints new/old ratios.
# BUILD=debug skips the release build (faster to build, slower to run).
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-large}"
config="${BUILD:-release}"
port="${OUTPOST_PORT:-8094}"
run="bench-large-run"
rep="rep.$scale"

source scripts/demo-server.sh
managers="$("$bin/outpost-server" user list --json | python3 -c '
import json, sys
users = json.load(sys.stdin)
for territory in ("DACH", "World"):
    print(next(u["name"] for u in users if u["role"] == "manager" and territory in u["territories"]))')"

clients=("new:$bin/outpost")
[ -n "${BEFORE:-}" ] && clients=("old:$BEFORE/outpost" "${clients[@]}")

for entry in "${clients[@]}"; do
  label="${entry%%:*}" client="${entry#*:}"
  for manager in $managers; do
    folder="$run/$label.$manager"
    bin_saved="$bin"; bin="$(dirname "$client")"; enrol "$manager" "$folder"; bin="$bin_saved"
    /usr/bin/time -f "%e %U %S %M" -o "$folder.sync-time" "$client" sync --json --replica "$folder" > "$folder.sync.json"
    for _ in 1 2 3 4 5; do
      /usr/bin/time -f "%e %U %S %M" -a -o "$folder.forecast-time" "$client" forecast --replica "$folder" > "$folder.forecast.txt"
    done
  done
done

python3 - "$run" "$managers" "${clients[@]}" <<'PY'
import json, os, statistics, sys
run, managers, clients = sys.argv[1], sys.argv[2].split(), [c.split(":", 1)[0] for c in sys.argv[3:]]
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
        "bootstrap peak RSS MB": int(rss) / 1024,
        "replica on disk MB": size / 1e6,
        "forecast wall ms (median of 5)": statistics.median(float(f[0]) for f in forecasts) * 1000,
        "forecast peak RSS MB": max(int(f[3]) for f in forecasts) / 1024,
    }
for manager in managers:
    rows = {label: figures(label, manager) for label in clients}
    print(f"\n{manager}")
    print(f"  {'figure':<32}" + "".join(f"{label:>14}" for label in clients) + ("        new/old" if len(clients) == 2 else ""))
    for key in rows[clients[0]]:
        values = [rows[label][key] for label in clients]
        line = f"  {key:<32}" + "".join(f"{v:>14.2f}" if isinstance(v, float) else f"{v:>14}" for v in values)
        if len(values) == 2 and values[0]:
            line += f"  {values[1] / values[0]:>13.3f}"
        print(line)
PY

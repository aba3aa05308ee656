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

scripts/install-deps.sh
echo "==> Building ($config)…" >&2
swift build -c "$config" --product outpost-server >/dev/null
swift build -c "$config" --product outpost >/dev/null
bin="$(swift build -c "$config" --show-bin-path)"

rm -rf "$run" && mkdir -p "$run"
export OUTPOST_DB="$run/hq.sqlite" OUTPOST_REPLICA="$run/device"
# The replica is encrypted at rest; unlock it once so later commands skip Argon2id.
export OUTPOST_PASSPHRASE="${OUTPOST_PASSPHRASE:-bench passphrase}"
"$bin/outpost-server" init >/dev/null
"$bin/outpost-server" demo --scale "$scale" >/dev/null
"$bin/outpost-server" serve --port "$port" --sync-port $((port + 1)) --log-level warning 2>"$run/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
code="$("$bin/outpost-server" device enrol --user "$rep" --server "http://127.0.0.1:$port" --json \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["code"])')"
"$bin/outpost" enrol --server "http://127.0.0.1:$port" --code "$code" >/dev/null
"$bin/outpost" unlock >/dev/null

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

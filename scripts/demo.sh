#!/usr/bin/env bash
# The main job: build, create the demo company, start the server on loopback and show it.
#   scripts/demo.sh [small|medium|large]      (default: medium)
# Leaves its files in ./demo-run; set OUTPOST_PORT to use another port than 8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-medium}"
port="${OUTPOST_PORT:-8080}"
run="demo-run"

scripts/install-deps.sh
echo "==> Building (the first build takes a few minutes)…"
swift build --product outpost-server >/dev/null
swift build --product outpost >/dev/null
bin="$(swift build --show-bin-path)"

rm -rf "$run" && mkdir -p "$run"
export OUTPOST_DB="$run/hq.sqlite"
echo "==> Creating the $scale demo company in $OUTPOST_DB"
"$bin/outpost-server" init
"$bin/outpost-server" demo --scale "$scale"

echo "==> Territories (top of the tree)"
"$bin/outpost-server" territory list | head -12
echo "==> Users"
"$bin/outpost-server" user list | head -8

echo "==> Starting the server on 127.0.0.1:$port"
"$bin/outpost-server" serve --host 127.0.0.1 --port "$port" 2>"$run/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { echo "server failed to start:"; cat "$run/server.log"; exit 1; }
  sleep 0.1
done
echo "GET /healthz → $(curl -fsS "http://127.0.0.1:$port/healthz")"

echo "==> Enrolment code for the featured rep's device"
"$bin/outpost-server" device enrol --user rep.medium --server "http://127.0.0.1:$port"

echo "==> Done. The server stops now; run it yourself with:"
echo "    $bin/outpost-server serve --db $OUTPOST_DB --port $port"

#!/usr/bin/env bash
# The main job, end to end: build, create the demo company, start the server, enrol
# the featured rep's device (its replica encrypted under OUTPOST_PASSPHRASE, default a
# demo one), bootstrap its replica over native TCP, make an offline edit, sync it, and
# show the bytes each sync cost; then quote, order offline, sync, and let the order
# desk accept the order (device and HTTP feed).
#   scripts/demo.sh [small|medium|large]      (default: medium)
# Leaves its files in ./demo-run; OUTPOST_PORT (default 8080) sets the HTTP port and
# the native sync port is the next one.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-medium}"
port="${OUTPOST_PORT:-8080}"
sync_port=$((port + 1))
run="demo-run"
rep="rep.$scale"

scripts/install-deps.sh
echo "==> Building (the first build takes a few minutes)…"
swift build --product outpost-server >/dev/null
swift build --product outpost >/dev/null
bin="$(swift build --show-bin-path)"

rm -rf "$run" && mkdir -p "$run"
export OUTPOST_DB="$run/hq.sqlite"
export OUTPOST_REPLICA="$run/$rep-device"
echo "==> Creating the $scale demo company in $OUTPOST_DB"
"$bin/outpost-server" init
"$bin/outpost-server" demo --scale "$scale"
echo "==> Territories (top of the tree)"
"$bin/outpost-server" territory list | head -8

echo "==> Starting the server: HTTP on 127.0.0.1:$port, native sync on :$sync_port"
python3 -c 'import secrets; print(secrets.token_hex(16))' > "$run/feed.token"
"$bin/outpost-server" serve --host 127.0.0.1 --port "$port" --sync-port "$sync_port" \
  --feed-token-file "$run/feed.token" 2>"$run/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { echo "server failed to start:"; cat "$run/server.log"; exit 1; }
  sleep 0.1
done
echo "GET /healthz → $(curl -fsS "http://127.0.0.1:$port/healthz")"

echo "==> Admin: a one-time enrolment code for $rep's device"
code="$("$bin/outpost-server" device enrol --user "$rep" --server "http://127.0.0.1:$port" --json \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["code"])')"
echo "code: $code"

echo "==> Device: outpost enrol (the replica is encrypted at rest under OUTPOST_PASSPHRASE)"
export OUTPOST_PASSPHRASE="${OUTPOST_PASSPHRASE:-demo passphrase, change me}"
"$bin/outpost" enrol --server "http://127.0.0.1:$port" --code "$code" --label demo-handheld
echo "==> Device: outpost unlock (Argon2id once; later commands need no passphrase)"
"$bin/outpost" unlock --hours 1
unset OUTPOST_PASSPHRASE

echo "==> Device: outpost sync (bootstrap over native TCP)"
"$bin/outpost" sync
"$bin/outpost" status

account="$("$bin/outpost" export account | sed -n 2p | cut -d, -f1)"
echo "==> Device, offline: outpost set account $account phone=…"
"$bin/outpost" set account "$account" phone="+49 89 555 0100" city="Munich"
"$bin/outpost" status | grep Pending

echo "==> Device: outpost sync --json (the edit goes up; one round trip)"
"$bin/outpost" sync --json
echo "==> Device: outpost sync --json again (nothing to exchange)"
"$bin/outpost" sync --json | grep -E '"bytes_(up|down)"'
echo "==> The server has the edit:"
"$bin/outpost-server" export accounts | grep -F "$account" | cut -c1-100

echo "==> Device, offline: the rep's open opportunities closing this quarter, a logged call, the forecast"
"$bin/outpost" opps list --mine --open --period this-quarter --sort amount --desc --limit 3
"$bin/outpost" log call --account "$account" "Called about the renewal"
"$bin/outpost" forecast

opp="$("$bin/outpost" export opportunity | sed -n 2p | cut -d, -f1)"
echo "==> Device, offline: a quote for two monitors on opportunity $opp, accepted, and its order"
quote="$("$bin/outpost" quote new --opportunity "$opp" --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')"
"$bin/outpost" quote configure "$quote" --product MON-27QHD --quantity 2 | tail -1
"$bin/outpost" quote submit "$quote" | tail -1
"$bin/outpost" quote accept "$quote" | tail -1
"$bin/outpost" order place --quote "$quote"
echo "==> Device: outpost sync (the server re-prices the order and numbers it)"
"$bin/outpost" sync --json | grep -E '"(accepted|rejected|bytes_up|bytes_down)"'
"$bin/outpost" orders list

echo "==> The order desk: enrol its device (an unattended one: its replica opens with a key file), sync, accept the order"
desk_code="$("$bin/outpost-server" device enrol --user desk --server "http://127.0.0.1:$port" --json \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["code"])')"
desk=(--replica "$run/desk-device" --key-file "$run/desk.key")
"$bin/outpost" enrol "${desk[@]}" --server "http://127.0.0.1:$port" --code "$desk_code" --label order-desk
"$bin/outpost" sync "${desk[@]}" >/dev/null
"$bin/outpost" orders list "${desk[@]}" --status submitted
"$bin/outpost" orders accept "${desk[@]}" SO-000001
"$bin/outpost" sync "${desk[@]}" >/dev/null
echo "==> The rep's next sync brings the desk's decision:"
"$bin/outpost" sync >/dev/null
"$bin/outpost" orders list
echo "==> A fulfilment system reads the feed (GET /orders/feed, bearer token):"
curl -fsS -H "Authorization: Bearer $(cat "$run/feed.token")" "http://127.0.0.1:$port/orders/feed?after=0&limit=10" \
  | python3 -c 'import json, sys; d = json.load(sys.stdin); [print(o["cursor"], o["number"], o["status"], o["total"], o["currency"]) for o in d["orders"]]; print("next:", d["next"])'
"$bin/outpost-server" export orders
echo "==> Rep's device: outpost check (every encrypted value opens), then outpost lock"
"$bin/outpost" check
"$bin/outpost" lock

echo "==> Done. The server stops now; run it yourself with:"
echo "    $bin/outpost-server serve --db $OUTPOST_DB --port $port --sync-port $sync_port"

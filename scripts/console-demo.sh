#!/usr/bin/env bash
# Starts the browser console on the demo company and prints sign-in links for a
# manager and the order desk. With --screenshot, instead takes a screenshot of the
# manager's forecast page in headless Chromium into docs/console-forecast.png and stops.
#   scripts/console-demo.sh [small|medium] [--screenshot]
set -euo pipefail
cd "$(dirname "$0")/.."
scale=small
shoot=false
for arg in "$@"; do
  case "$arg" in
    --screenshot) shoot=true ;;
    small|medium|large) scale="$arg" ;;
    *) echo "usage: scripts/console-demo.sh [small|medium|large] [--screenshot]" >&2; exit 2 ;;
  esac
done
port="${OUTPOST_PORT:-8080}"
run="console-run"
scripts/install-deps.sh
swift build -j 1 --product outpost-server >/dev/null
bin="$(swift build --show-bin-path)"
rm -rf "$run" && mkdir -p "$run"
export OUTPOST_DB="$run/hq.sqlite"
"$bin/outpost-server" init >/dev/null
"$bin/outpost-server" demo --scale "$scale" >/dev/null
"$bin/outpost-server" serve --port "$port" --sync-port $((port + 1)) --log-level warning 2>"$run/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

# The manager of the first top-level territory below the root (EMEA in the demo).
manager="$("$bin/outpost-server" user list --json | python3 -c '
import json, sys
users = [u for u in json.load(sys.stdin) if u["role"] == "manager"]
print(next((u["name"] for u in users if "EMEA" in u["territories"]), users[0]["name"]))')"
url="http://127.0.0.1:$port"
if $shoot; then
  mkdir -p docs
  link="$("$bin/outpost-server" user login-link "$manager" --url "$url" --next /console/forecast --json \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["url"])')"
  printf '[{"open": "%s", "save": "console-forecast"}]' "$link" > "$run/steps.json"
  python3 Tests/Browser/cdp_driver.py "$run/steps.json" "$run/shots" >/dev/null
  cp "$run/shots/console-forecast.png" docs/console-forecast.png
  echo "Wrote docs/console-forecast.png (the forecast of $manager)."
  exit 0
fi
echo "Console: $url/console/"
echo "Manager $manager: $("$bin/outpost-server" user login-link "$manager" --url "$url" | head -1)"
echo "Order desk:  $("$bin/outpost-server" user login-link desk --url "$url" --next /console/orders | head -1)"
echo "Links work once, for 15 minutes. Ctrl-C stops the server."
wait "$server"

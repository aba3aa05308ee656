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
config=debug
# shellcheck source=demo-server.sh
source scripts/demo-server.sh

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

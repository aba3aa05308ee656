#!/usr/bin/env bash
# CLI latency benchmark (issue 7): typical `outpost` commands answered from the local
# replica of the featured rep and of the DACH manager, after a bootstrap of a demo
# company. Prints the median wall time of 5 runs of each command, process start
# included (goal at `medium`: well under 100 ms).
#   scripts/bench-cli.sh [small|medium|large]     (default: medium)
# BUILD=debug skips the release build (faster to build, slower to run).
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-medium}"
config="${BUILD:-release}"
port="${OUTPOST_PORT:-8092}"
run="bench-cli-run"
rep="rep.$scale"

source scripts/demo-server.sh
manager="$("$bin/outpost-server" user list --json \
  | python3 -c 'import json, sys; print(next(u["name"] for u in json.load(sys.stdin) if u["role"] == "manager" and "DACH" in u["territories"]))')"
for user in "$rep" "$manager"; do
  enrol "$user" "$run/$user"
  "$bin/outpost" sync --replica "$run/$user" >/dev/null
done
account="$("$bin/outpost" accounts list --replica "$run/$rep" --limit 1 --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["name"])')"

python3 - "$bin/outpost" "$run/$rep" "$run/$manager" "$account" <<'PY'
import json, statistics, subprocess, sys, time
outpost, rep, manager, account = sys.argv[1:]
commands = [
    (rep, ["status"]),
    (rep, ["opps", "list", "--mine", "--open", "--period", "this-quarter", "--sort", "amount", "--desc"]),
    (rep, ["accounts", "list", "--not-visited", "30"]),
    (rep, ["activities", "list", "--today"]),
    (rep, ["contacts", "search", "müller"]),
    (rep, ["accounts", "show", account]),
    (rep, ["log", "call", "--account", account, "Benchmark call"]),
    (rep, ["conflicts", "list"]),
    (rep, ["forecast"]),
    (manager, ["forecast", "--territory", "DACH", "--depth", "2"]),
]
for who, replica in (("rep", rep), ("manager", manager)):
    status = json.loads(subprocess.run([outpost, "status", "--json", "--replica", replica], capture_output=True, check=True).stdout)
    print(f"{who} replica: " + ", ".join(f"{kind} {count}" for kind, count in sorted(status["records"].items())))
print(f"{'command':<72} {'median ms':>9}")
for replica, args in commands:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([outpost, *args, "--replica", replica], capture_output=True, check=True)
        times.append((time.perf_counter() - start) * 1000)
    who = "manager" if replica == manager else "rep"
    print(f"{who + ': outpost ' + ' '.join(args):<72} {statistics.median(times):>9.1f}")
PY

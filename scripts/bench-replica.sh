#!/usr/bin/env bash
# Replica-at-rest benchmark (issue 5): after scripts/bench-bootstrap.sh has filled the
# featured rep's encrypted replica, times the field client's local commands (median of
# 9 runs each, process start included): unlock (Argon2id), a command with a passphrase
# and no unlock (Argon2id every time), a command while unlocked, and `outpost check`
# (open and authenticate every record), and prints the replica's size.
#   scripts/bench-replica.sh [small|medium|large]     (default: medium)
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-medium}"
export OUTPOST_PASSPHRASE="bench passphrase"
scripts/bench-bootstrap.sh "$scale" >&2
bin="$(swift build -c "${BUILD:-release}" --show-bin-path)"
export OUTPOST_REPLICA="bench-run/device"

python3 - "$bin/outpost" "$OUTPOST_REPLICA" <<'PY'
import json, os, statistics, subprocess, sys, time
outpost, replica = sys.argv[1], sys.argv[2]

def median_ms(*args, env=None):
    times = []
    for _ in range(9):
        start = time.perf_counter()
        subprocess.run([outpost, *args], check=True, stdout=subprocess.DEVNULL, env=env)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)

locked_env = dict(os.environ)
subprocess.run([outpost, "lock"], check=True, stdout=subprocess.DEVNULL)
unlock = median_ms("unlock")
subprocess.run([outpost, "lock"], check=True, stdout=subprocess.DEVNULL)
status_locked = median_ms("status", env=locked_env)
subprocess.run([outpost, "unlock"], check=True, stdout=subprocess.DEVNULL)
unlocked_env = {k: v for k, v in os.environ.items() if k != "OUTPOST_PASSPHRASE"}
status_unlocked = median_ms("status", env=unlocked_env)
check = median_ms("check", env=unlocked_env)
counts = json.loads(subprocess.run([outpost, "check", "--json"], check=True, capture_output=True, env=unlocked_env).stdout)
size = sum(os.path.getsize(os.path.join(replica, f)) for f in os.listdir(replica) if f.startswith("replica.sqlite"))
records = counts["records"]
print(f"records in the replica          {records}")
print(f"replica file                    {size} bytes ({size / records:.0f} per record)")
print(f"outpost unlock                  {unlock:.0f} ms  (Argon2id interactive + unlock file)")
print(f"outpost status, passphrase      {status_locked:.0f} ms  (Argon2id on every command)")
print(f"outpost status, unlocked        {status_unlocked:.0f} ms")
print(f"outpost check, unlocked         {check:.0f} ms  (open + authenticate all {records} records)")
print(f"  check - status                {check - status_unlocked:.0f} ms  = {records / max(check - status_unlocked, 0.001) * 1000:,.0f} records/s")
PY

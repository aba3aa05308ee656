# Shared by the benchmark scripts (source it): builds both tools, creates a demo
# company in "$run/hq.sqlite", serves it on 127.0.0.1:$port (native sync on port+1)
# until the calling script exits, and offers `enrol USER FOLDER`.
# Needs: scale, config, port, run. Sets: bin, OUTPOST_DB, server.

source scripts/build-tools.sh

rm -rf "$run" && mkdir -p "$run"
export OUTPOST_DB="$run/hq.sqlite"
"$bin/outpost-server" init >/dev/null
"$bin/outpost-server" demo --scale "$scale" >/dev/null
"$bin/outpost-server" serve --port "$port" --sync-port $((port + 1)) --log-level warning 2>"$run/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

# Replicas are encrypted at rest: each is enrolled under this passphrase and unlocked
# once, so the timed commands skip Argon2id.
export OUTPOST_PASSPHRASE="${OUTPOST_PASSPHRASE:-bench passphrase}"

# Enrols a device of user $1 with its replica in folder $2, and unlocks it.
enrol() {
  local code
  code="$("$bin/outpost-server" device enrol --user "$1" --server "http://127.0.0.1:$port" --json \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["code"])')"
  "$bin/outpost" enrol --replica "$2" --server "http://127.0.0.1:$port" --code "$code" >/dev/null
  "$bin/outpost" unlock --replica "$2" >/dev/null
}

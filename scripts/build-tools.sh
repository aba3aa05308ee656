# Shared by the scripts that run both tools (source it): installs the dependencies and
# builds `outpost-server` and `outpost` in configuration $config, or with BIN=DIR uses
# the two binaries already in DIR (e.g. a release build copied aside) and builds nothing.
# Needs: config. Sets: bin, the folder holding both binaries.

scripts/install-deps.sh
if [ -n "${BIN:-}" ]; then
  bin="$(cd "$BIN" && pwd)"
  [ -x "$bin/outpost-server" ] && [ -x "$bin/outpost" ] || { echo "BIN=$BIN holds no outpost-server and outpost" >&2; exit 1; }
else
  echo "==> Building ($config)…" >&2
  swift build -c "$config" -j 1 --product outpost-server >/dev/null
  swift build -c "$config" -j 1 --product outpost >/dev/null
  bin="$(swift build -c "$config" --show-bin-path)"
fi

# fresh_run: an empty run folder ($run), a passphrase for the replicas, and no server
# left running when the script exits.
fresh_run() {
  rm -rf "$run" && mkdir -p "$run"
  export OUTPOST_PASSPHRASE="${OUTPOST_PASSPHRASE:-bench passphrase}"
  server=""
  trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true' EXIT
}

# stop_server: stops the server the script started (its pid in $server).
stop_server() {
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

# serve_demo DIR DB SCALE LOG: makes a demo company of SCALE in DB with DIR's
# outpost-server and serves it on 127.0.0.1:$port (native sync on port+1), its log in
# LOG, until stop_server. Needs: port. Sets: server.
serve_demo() {
  local dir="$1" db="$2" scale="$3" log="$4"
  "$dir/outpost-server" init --db "$db" >/dev/null
  "$dir/outpost-server" demo --db "$db" --scale "$scale" >/dev/null
  "$dir/outpost-server" serve --db "$db" --port "$port" --sync-port $((port + 1)) --log-level warning 2>"$log" &
  server=$!
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
}

# large_managers DIR DB: the DACH and the World manager of a large demo company in DB,
# one name per line (DIR holds outpost-server).
large_managers() {
  "$1/outpost-server" user list --db "$2" --json | python3 -c '
import json, sys
users = json.load(sys.stdin)
for territory in ("DACH", "World"):
    print(next(u["name"] for u in users if u["role"] == "manager" and territory in u["territories"]))'
}

# enrol_device SERVER_DIR CLIENT_DIR DB USER FOLDER: enrols a new device of USER on the
# server serving DB with CLIENT_DIR's outpost, its replica in FOLDER, and unlocks it.
# Needs: port.
enrol_device() {
  local code
  code="$("$1/outpost-server" device enrol --db "$3" --user "$4" --server "http://127.0.0.1:$port" --json \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["code"])')"
  "$2/outpost" enrol --replica "$5" --server "http://127.0.0.1:$port" --code "$code" >/dev/null
  "$2/outpost" unlock --replica "$5" >/dev/null
}

# The scripts' Python reports import scripts/side_by_side.py.
export PYTHONPATH="$PWD/scripts${PYTHONPATH:+:$PYTHONPATH}"

# measure_builds: calls the script's `measure LABEL DIR` for the build in BEFORE (as
# "old"), when given, then for this one ("new"). Sets: labels, those measured, in order.
measure_builds() {
  labels=()
  if [ -n "${BEFORE:-}" ]; then measure old "$BEFORE"; labels+=(old); fi
  measure new "$bin"; labels+=(new)
}

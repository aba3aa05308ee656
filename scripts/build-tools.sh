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

# The scripts' Python reports import scripts/side_by_side.py.
export PYTHONPATH="$PWD/scripts${PYTHONPATH:+:$PYTHONPATH}"

# measure_builds: calls the script's `measure LABEL DIR` for the build in BEFORE (as
# "old"), when given, then for this one ("new"). Sets: labels, those measured, in order.
measure_builds() {
  labels=()
  if [ -n "${BEFORE:-}" ]; then measure old "$BEFORE"; labels+=(old); fi
  measure new "$bin"; labels+=(new)
}

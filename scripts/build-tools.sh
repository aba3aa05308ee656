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

# measure_builds: calls the script's `measure LABEL DIR` for the build in BEFORE (as
# "old"), when given, then for this one ("new"). Sets: labels, those measured, in order.
measure_builds() {
  labels=()
  if [ -n "${BEFORE:-}" ]; then measure old "$BEFORE"; labels+=(old); fi
  measure new "$bin"; labels+=(new)
}

# Shared by the scripts that run both tools (source it): installs the dependencies and
# builds `outpost-server` and `outpost` in configuration $config.
# Needs: config. Sets: bin, the folder holding both binaries.

scripts/install-deps.sh
echo "==> Building ($config)…" >&2
swift build -c "$config" -j 1 --product outpost-server >/dev/null
swift build -c "$config" -j 1 --product outpost >/dev/null
bin="$(swift build -c "$config" --show-bin-path)"

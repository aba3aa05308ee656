#!/usr/bin/env bash
# Installs the Debian packages Outpost builds and tests against (liblzma compresses
# sync batches; libzstd is what the compression benchmark measures it against;
# picosat is the
# configurator tests' SAT oracle; openssl runs the webhook signature recipe; python3
# and schemathesis check the live server against its OpenAPI document; chromium runs
# the browser console's tests and renders the quote document in its test and prints
# it to PDF; postgresql runs the PostgreSQL backend's tests on a throwaway cluster,
# scripts/postgres-test-cluster.sh), if any is missing.
set -euo pipefail
needed=()
pkg-config --exists libsodium 2>/dev/null || needed+=(libsodium-dev)
pkg-config --exists liblzma 2>/dev/null || needed+=(liblzma-dev)
pkg-config --exists libzstd 2>/dev/null || needed+=(libzstd-dev)
[ -f /usr/include/sqlite3.h ] || needed+=(libsqlite3-dev)
command -v pkg-config >/dev/null || needed+=(pkg-config)
command -v xz >/dev/null || needed+=(xz-utils)
command -v curl >/dev/null || needed+=(curl)
command -v picosat >/dev/null || needed+=(picosat)
command -v openssl >/dev/null || needed+=(openssl)
command -v python3 >/dev/null || needed+=(python3)
command -v pip3 >/dev/null || command -v pip >/dev/null || needed+=(python3-pip)
command -v chromium >/dev/null || needed+=(chromium)
command -v prlimit >/dev/null || needed+=(util-linux)  # the connection-attack test caps the server's descriptors
command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || needed+=(postgresql)
if [ ${#needed[@]} -gt 0 ]; then
  echo "Installing ${needed[*]}…" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${needed[@]}" >/dev/null
fi
if ! command -v schemathesis >/dev/null; then
  echo "Installing schemathesis (PyPI)…" >&2
  pip3 install --user --quiet schemathesis 2>/dev/null || pip3 install --user --quiet --break-system-packages schemathesis
fi

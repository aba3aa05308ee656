#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test, the
# PostgreSQL backend's on a throwaway cluster (scripts/postgres-test-cluster.sh) unless
# OUTPOST_TEST_POSTGRES_URL already names a database.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests
if [ -z "${OUTPOST_TEST_POSTGRES_URL:-}" ]; then
  trap 'scripts/postgres-test-cluster.sh stop' EXIT
  OUTPOST_TEST_POSTGRES_URL="$(scripts/postgres-test-cluster.sh start)"
  export OUTPOST_TEST_POSTGRES_URL
fi
swift test --skip-build "$@"

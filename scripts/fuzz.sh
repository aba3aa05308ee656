#!/usr/bin/env bash
# Builds the libFuzzer target for the protocol decoders (Fuzz/ProtocolDecoder.swift)
# and runs it for a bounded time, seeded with the hex vectors of Protocol/SPEC.md.
#
#   scripts/fuzz.sh          # 60 seconds
#   scripts/fuzz.sh 600      # ten minutes
#
# Not part of `swift build` or the test suite. The build, the corpus and any crash
# inputs go to .build/fuzz/. Exits non-zero when libFuzzer finds a crash.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build/fuzz"
mkdir -p "$out/obj" "$out/corpus" "$out/seeds" "$out/crashes"
cd "$root"

flags=(-parse-as-library -swift-version 6 -enable-upcoming-feature ExistentialAny
       -enable-upcoming-feature MemberImportVisibility -O -g -sanitize=fuzzer,address
       -I "$out/obj" -I Sources/CSodium -I Sources/CLZMA)

# One module at a time, dependencies first, each instrumented for coverage. The
# modules and their order come from Package.swift: every Swift target the decoders'
# modules depend on, so the list cannot fall behind the package.
module() {
    local name="$1" folder="$2"
    swiftc "${flags[@]}" -wmo -module-name "$name" -emit-module -emit-module-path "$out/obj/$name.swiftmodule" \
        -c $(find "$folder" -name '*.swift' | sort) -o "$out/obj/$name.o"
}
echo "building the fuzz target in $out" >&2
swift package describe --type json | python3 -c '
import json, sys
targets = {t["name"]: t for t in json.load(sys.stdin)["targets"]}
order = []
def visit(name):
    target = targets[name]
    if name in order or target.get("module_type") != "SwiftTarget":
        return
    for dependency in target.get("target_dependencies", []):
        visit(dependency)
    order.append(name)
for root in ("OutpostProtocol", "SyncChannel"):
    visit(root)
for name in order:
    print(name, targets[name]["path"])
' > "$out/modules"
while read -r name folder; do module "$name" "$folder"; done < "$out/modules"
swiftc "${flags[@]}" Fuzz/ProtocolDecoder.swift "$out"/obj/*.o -lsodium -llzma -o "$out/protocol-decoder"

# Seeds: every hex vector of SPEC.md, behind the selector byte of its decoder
# (the numbers of `Decoder` in Fuzz/ProtocolDecoder.swift).
selector() {
    case "$1" in
        "vector request"*|"invalid request"*) echo 0 ;;
        "vector frame"*|"invalid frame"*) echo 1 ;;
        "sealed request"*|"sealed enrol-request"*|"sealed wire-up"*) echo 2 ;;
        "vector enrol-request"*|"invalid enrol-request"*) echo 3 ;;
        "vector enrol-response"*|"invalid enrol-response"*) echo 4 ;;
        "vector state"*|"invalid state"*) echo 5 ;;
        "vector value"*|"invalid value"*) echo 6 ;;
        "vector time"*|"invalid time"*) echo 7 ;;
        *) echo "" ;;
    esac
}
rm -f "$out/seeds"/*
n=0
while IFS= read -r line; do
    s="$(selector "$line")"
    [ -n "$s" ] || continue
    hex="${line##*|}"
    [ "$(echo "$hex" | tr -d ' ')" = "(empty)" ] && hex=""
    n=$((n + 1))
    { printf "\\x$(printf %02x "$s")"; echo "$hex" | xxd -r -p; } > "$out/seeds/spec-$n"
    # Requests and frames also seed the sealed paths (selectors 8 and 9, uncompressed).
    case "$s" in
        0|1) { printf "\\x$(printf %02x $((s + 8)))\\x00"; echo "$hex" | xxd -r -p; } > "$out/seeds/spec-$n-sealed" ;;
    esac
done < <(grep -E '^(vector|invalid|sealed) ' Protocol/SPEC.md)
echo "seeded with $n vectors of Protocol/SPEC.md; running for $seconds s" >&2

export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
timeout --signal=INT "$((seconds + 60))" "$out/protocol-decoder" "$out/corpus" "$out/seeds" \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$out/crashes/" -print_final_stats=1

#!/usr/bin/env bash
# Runs every fuzz target of the asan build (build/asan/fuzz) for FUZZ_SECONDS (60) each, two
# at a time, from its seed corpus. New inputs go to a scratch corpus, never into fuzz/corpus.
# Fails on any crash, leak, timeout or sanitizer report, printing the end of that target's log
# and the input to reproduce it with.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-2}
bin=build/asan/fuzz
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:strict_init_order=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$PWD/fuzz/lsan.supp:print_suppressions=0
export QT_QPA_PLATFORM=offscreen

work=$(mktemp -d -t upnext-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT

run() {
    local target=$1
    local rc=0
    mkdir -p "$work/$target/corpus" "$work/$target/artifacts"
    "$bin/$target" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$work/$target/artifacts/" \
        "$work/$target/corpus" "fuzz/corpus/$target" >"$work/$target/log" 2>&1 || rc=$?
    echo "$rc" >"$work/$target/rc"
}

targets=()
for corpus in fuzz/corpus/*/; do
    targets+=("$(basename "$corpus")")
done

for target in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
        wait -n
    done
    run "$target" &
done
wait

failed=()
for target in "${targets[@]}"; do
    if [ "$(cat "$work/$target/rc")" = 0 ]; then
        echo "fuzz: $target: $(grep -Eo 'stat::number_of_executed_units: [0-9]+' "$work/$target/log" | grep -Eo '[0-9]+$' || echo '?') runs in ${seconds}s, no findings"
    else
        failed+=("$target")
        echo "fuzz: $target FAILED; the end of its log:"
        tail -n 60 "$work/$target/log"
        for artifact in "$work/$target/artifacts"/*; do
            [ -e "$artifact" ] || continue
            echo "fuzz: $target input ($(basename "$artifact")), base64:"
            base64 -w 0 "$artifact" | head -c 20000
            echo
        done
    fi
done
[ ${#failed[@]} -eq 0 ] || { echo "fuzz: findings in ${failed[*]}"; exit 1; }

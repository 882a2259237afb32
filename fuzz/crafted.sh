#!/usr/bin/env bash
# CI's adversarial run (issue 17), beside the fuzz smoke: the structure-aware generators of
# tests/common/crafted*.rs (valid-looking files that maximise one of goroscope's costs) are
# each loaded by `goroscope report`, with and without --json, under the issue's bounds (peak
# RSS <= 4 x size + 100 MiB, time <= 2 s + 1 s per MB times the debug build's factor; see
# tests/memory_bound.rs); then those under libFuzzer's 1 MiB seed the load_report target for
# SECS seconds, so mutation starts from the worst shapes as well as from the samples.
# Usage: bash fuzz/crafted.sh [SECS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# .ci/run's `cargo test` already ran the bounds test with GOROSCOPE_CRAFTED_OUT set: its files
# are reused (the test takes ~2 minutes in a debug build). Alone, this script runs it.
files=${GOROSCOPE_CRAFTED_OUT:-}
if [ -n "$files" ] && [ -n "$(ls -A "$files" 2>/dev/null)" ]; then
  echo "crafted: the files cargo test loaded within bounds ($files)"
else
  files="$dir/files"
  GOROSCOPE_CRAFTED_OUT="$files" cargo test --test suite memory_bound::crafted_files -- --nocapture
fi
mkdir -p "$dir/corpus"
find "$files" -type f -size -1024k -exec cp {} "$dir/corpus/" \;
echo "crafted: $(ls "$files" | wc -l) files loaded within bounds, $(ls "$dir/corpus" | wc -l) seed the fuzzer"
bash fuzz/run.sh load_report "$secs" "$dir/corpus" > "$dir/fuzz.log" 2>&1 || {
  grep -v '^#[0-9]' "$dir/fuzz.log" | tail -n 60
  echo "crafted: load_report failed from the crafted seeds" >&2
  exit 1
}
echo "crafted: load_report ok from the crafted seeds, $(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/fuzz.log") runs in ${secs}s"

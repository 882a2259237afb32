#!/usr/bin/env bash
# CI's fuzz smoke run: every target for SECS seconds (default 30) on a fresh corpus seeded only
# from committed files (sample-traces/, tests/fuzz_regressions/), since fuzz/corpus is not
# committed. Installs cargo-fuzz when missing. Fails on any crash, timeout or OOM, and then
# prints the fuzzer's report (the input is under fuzz/artifacts/TARGET/).
# Usage: bash fuzz/smoke.sh [SECS]
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-30}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Every [[bin]] of the fuzz crate is a target.
targets=$(awk '/^\[\[bin\]\]/ { bin = 1 } bin && /^name = / { gsub(/"/, "", $3); print $3; bin = 0 }' Cargo.toml)
for t in $targets; do
  if ! bash run.sh "$t" "$secs" "$tmp/$t" > "$tmp/$t.log" 2>&1; then
    grep -v '^#[0-9]' "$tmp/$t.log" | tail -n 60
    echo "fuzz smoke: $t failed" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/$t.log")
  echo "fuzz smoke: $t ok, ${runs:-?} runs in ${secs}s"
done

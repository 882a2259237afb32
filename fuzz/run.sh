#!/usr/bin/env bash
# Runs one fuzz target for a while, seeded from the real samples in sample-traces/.
# Usage: bash fuzz/run.sh TARGET [SECONDS]   (targets: trace_read dump_read load_report)
# cargo-fuzz needs nightly features; on the stable toolchain RUSTC_BOOTSTRAP=1 enables them.
set -euo pipefail
cd "$(dirname "$0")"
target=$1
secs=${2:-60}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
corpus=corpus/$target
mkdir -p "$corpus"
if [ -z "$(ls -A "$corpus")" ]; then
  case $target in
    trace_read) find ../sample-traces -name '*.trace' -size -400k -exec cp {} "$corpus/" \; ;;
    dump_read) find ../sample-traces -name '*.txt' -size -100k -exec cp {} "$corpus/" \; ;;
    *) find ../sample-traces -type f \( -name '*.trace' -o -name '*.txt' -o -name '*.gz' \) -size -100k -exec cp {} "$corpus/" \; ;;
  esac
fi
export RUSTC_BOOTSTRAP=1
exec cargo fuzz run --release "$target" "$corpus" -- \
  -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -max_len=1048576

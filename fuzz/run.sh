#!/usr/bin/env bash
# Runs one fuzz target for a while, seeded from the real samples in sample-traces/ and the
# regression inputs in tests/fuzz_regressions/.
# Usage: bash fuzz/run.sh TARGET [SECONDS] [CORPUS_DIR]
#   targets: trace_read dump_read load_report pprof_read gctrace_read memstats_read prometheus_read
#   CORPUS_DIR defaults to fuzz/corpus/TARGET (kept between runs, not committed); CI passes a
#   fresh directory, so its seeds come only from committed files.
#   FUZZ_RUNS=N also stops after N executions (fast text targets reach 10 million in minutes).
# cargo-fuzz needs nightly features; on the stable toolchain RUSTC_BOOTSTRAP=1 enables them.
set -euo pipefail
cd "$(dirname "$0")"
target=$1
secs=${2:-60}
corpus=${3:-corpus/$target}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
mkdir -p "$corpus"
samples=../sample-traces

# Copies the sample files matching $1 (a find -name pattern) under $2 bytes into the corpus,
# named after their directory so go1.19/x.trace and go1.27/x.trace both stay. Never overwrites.
seed() {
  find "$samples" -name "$1" -size "-$2" -print0 | while IFS= read -r -d '' f; do
    cp -n "$f" "$corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
  done
}

# Splits each text sample into pieces of $2 lines: small inputs mutate faster than whole logs.
seed_pieces() {
  find "$samples" -name "$1" -print0 | while IFS= read -r -d '' f; do
    split -l "$2" "$f" "$corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")-"
  done
}

case $target in
  trace_read) seed '*.trace' 400k ;; # both families: go1.19, go1.21 (old) and go1.22+ (generations)
  dump_read) seed '*.txt' 100k ;;
  pprof_read)
    seed '*.pb.gz' 100k
    seed '*.heap.txt' 100k; seed '*.mutex.txt' 100k; seed '*.block.txt' 100k # debug=1 text profiles
    # The raw protobuf too, so mutations reach the decoder rather than the gzip checksum.
    for f in "$corpus"/seed-*.pb.gz; do gzip -dc "$f" > "${f%.gz}" 2>/dev/null || rm -f "${f%.gz}"; done
    ;;
  gctrace_read) seed '*.log' 100k; seed_pieces '*.log' 6 ;;
  memstats_read) seed '*.jsonl' 200k; seed_pieces '*.jsonl' 2 ;;
  prometheus_read) seed '*.query_range.json' 100k; seed '*.prom' 100k; seed_pieces '*.prom' 40 ;;
  load_report) for p in '*.trace' '*.txt' '*.gz' '*.log' '*.jsonl' '*.query_range.json' '*.prom'; do seed "$p" 100k; done ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
if [ -d ../tests/fuzz_regressions ]; then
  find ../tests/fuzz_regressions -type f -name "$target-*" -exec cp -n {} "$corpus/" \;
fi

export RUSTC_BOOTSTRAP=1
exec cargo fuzz run --release "$target" "$corpus" -- \
  -max_total_time="$secs" ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} -rss_limit_mb=2048 -timeout=30 -max_len=1048576 \
  -print_final_stats=1

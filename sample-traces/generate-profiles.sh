#!/usr/bin/env bash
# Ground truth for pprof profiles and memory logs (called from generate.sh):
#
# 1. builds programs/profiles with Go 1.27 and 1.22 and runs it with GODEBUG=gctrace=1:
#    goN.NN/profiles.{cpu,block,mutex,allocs,goroutineleak}.pb.gz (goroutineleak from
#    Go 1.26 on), profiles.memstats.jsonl and profiles.gctrace.log (its stderr); and
#    programs/goleak with Go 1.27 and 1.26 (GOEXPERIMENT=goroutineleakprofile):
#    goN.NN/goleak.goroutineleak{.pb.gz,-1.txt,-2.txt}, the leak profile at debug=0, 1, 2;
# 2. for every committed goN.NN/NAME.KIND.pb.gz and each of its sample types T, writes
#    NAME.KIND.top-T.txt = `go tool pprof -top -nodecount=1000 -sample_index=T FILE`
#    with Go 1.27's pprof. Byte and time types add -unit=B / -unit=ns so that every value
#    prints as an exact integer (pprof otherwise rounds to "1.50MB"); tests/pprof_top.rs
#    compares our top table with these, row by row.
#
#   bash sample-traces/generate-profiles.sh            # what is missing
#   FORCE=1 bash sample-traces/generate-profiles.sh    # everything again
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TC=${GO_TOOLCHAINS:-/opt/go-toolchains}
PPROF_VERSION=1.27.3
PROGRAM_VERSIONS=${PROGRAM_VERSIONS-"1.27.3 1.22.10"}   # empty: only the top tables
FORCE=${FORCE:-0}

export GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-mod=mod GOTELEMETRY=off
export GOMAXPROCS=2
unset GODEBUG GOEXPERIMENT || true
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export PPROF_TMPDIR="$TMP/pprof" PPROF_BINARY_PATH="$TMP/none"
export BROWSER=true HOME=${HOME:-$TMP}

PPROF_GO="$TC/$PPROF_VERSION/go/bin/go"
[ -x "$PPROF_GO" ] || { echo "missing $PPROF_GO (generate.sh installs it)" >&2; exit 1; }

for v in $PROGRAM_VERSIONS; do
	GO="$TC/$v/go/bin/go"
	minor=${v%.*}
	out="$HERE/go$minor"
	prefix="$out/profiles"
	if [ "$FORCE" != 1 ] && [ -s "$prefix.cpu.pb.gz" ] && [ "$prefix.cpu.pb.gz" -nt "$HERE/programs/profiles/main.go" ]; then
		echo "== go$minor/profiles: up to date" >&2
		continue
	fi
	echo "== go$minor/profiles: build and run" >&2
	mkdir -p "$out"
	rm -f "$prefix".*
	(cd "$HERE/programs" && "$GO" build -trimpath -o "$TMP/profiles-$v" ./profiles)
	GODEBUG=gctrace=1 "$TMP/profiles-$v" -out "$prefix" 2>"$prefix.gctrace.log"
done

# Go's leak detector in its three forms (programs/goleak): Go 1.27, and Go 1.26 built with
# the goroutineleakprofile experiment (the profile does not exist in 1.26 without it).
for pair in "1.27.3:" "1.26.6:goroutineleakprofile"; do
	v=${pair%%:*}
	exp=${pair#*:}
	GO="$TC/$v/go/bin/go"
	minor=${v%.*}
	prefix="$HERE/go$minor/goleak"
	if [ "$FORCE" != 1 ] && [ -s "$prefix.goroutineleak-2.txt" ] && [ "$prefix.goroutineleak-2.txt" -nt "$HERE/programs/goleak/main.go" ]; then
		echo "== go$minor/goleak: up to date" >&2
		continue
	fi
	echo "== go$minor/goleak: build and run (GOEXPERIMENT=$exp)" >&2
	rm -f "$prefix".*
	(cd "$HERE/programs" && GOEXPERIMENT=$exp "$GO" build -trimpath -o "$TMP/goleak-$v" ./goleak)
	"$TMP/goleak-$v" -out "$prefix"
done

# profile_program NAME FILE VERSION...: builds programs/NAME with each Go version and runs
# it with -out goN.NN/NAME, unless goN.NN/NAME.FILE is newer than its main.go.
profile_program() {
	local p=$1 file=$2 v
	shift 2
	for v in "$@"; do
		local GO="$TC/$v/go/bin/go" minor=${v%.*}
		local prefix="$HERE/go$minor/$p"
		if [ "$FORCE" != 1 ] && [ -s "$prefix.$file" ] && [ "$prefix.$file" -nt "$HERE/programs/$p/main.go" ]; then
			echo "== go$minor/$p: up to date" >&2
			continue
		fi
		echo "== go$minor/$p: build and run" >&2
		rm -f "$prefix".*
		(cd "$HERE/programs" && "$GO" build -trimpath -o "$TMP/$p-$v" "./$p")
		"$TMP/$p-$v" -out "$prefix"
	done
}

# Profiles with pprof labels (programs/labels: pprof.Do with handler and tenant labels):
# go1.27/labels.{cpu,goroutine}.pb.gz, for the label views of views.tsv (-tags, -tagignore,
# -tagroot, -tagleaf).
profile_program labels goroutine.pb.gz 1.27.3
# A heap profile whose leak is spread over several lines of one function
# (programs/recordcache: a map of records that only grows): go1.22 and go1.27.
profile_program recordcache heap.pb.gz 1.22.10 1.27.3
# The text form (debug=1) of the heap, mutex and block profiles beside the protobuf of the
# same moment (programs/textprofiles): tests/pprof_text.rs reads each text and compares its
# top tables with pprof's of the protobuf.
profile_program textprofiles heap.txt 1.22.10 1.27.3
# The standard library's /debug/vars (package expvar) fetched twelve times into one file, as a
# script's loop of curl appends it (programs/expvar): tests/memstats_expvar.rs.
profile_program expvar vars.log 1.27.3

# The sample types of a profile, in order: `pprof -raw` prints them as "type/unit ..."
# on the line after "Samples:".
types_of() {
	"$PPROF_GO" tool pprof -raw "$1" 2>/dev/null | awk '/^Samples:/ { getline; print; exit }'
}

for f in "$HERE"/go1.*/*.pb.gz; do
	base=${f%.pb.gz}
	for tu in $(types_of "$f"); do
		t=${tu%/*}
		u=${tu#*/}
		u=${u%"[dflt]"}
		dst="$base.top-$t.txt"
		if [ "$FORCE" != 1 ] && [ -s "$dst" ] && [ "$dst" -nt "$f" ]; then
			continue
		fi
		unit=()
		case "$u" in
		bytes) unit=(-unit=B) ;;
		nanoseconds) unit=(-unit=ns) ;;
		esac
		"$PPROF_GO" tool pprof -top -nodecount=1000 -sample_index="$t" "${unit[@]}" "$f" >"$dst.tmp" 2>"$TMP/err" ||
			{ cat "$TMP/err" >&2; exit 1; }
		mv "$dst.tmp" "$dst"
	done
	echo "== ${f#"$HERE"/}: $(types_of "$f" | tr '\n' ' ')" >&2
done

# The views of views.tsv (granularity, focus/ignore/hide/show, tagfocus), each as
# go1.NN/NAME.KIND.top-TYPE.TAG.txt (a -peek=RE view prints the callers/callees instead of
# the top table, a -list=RE view the annotated source of programs/); tests/pprof_views.rs,
# tests/pprof_peek.rs and tests/pprof_list.rs compare ours with them.
while IFS=$'\t' read -r prof t tag flags; do
	case "$prof" in '#'* | '') continue ;; esac
	f="$HERE/$prof"
	dst="${f%.pb.gz}.top-$t.$tag.txt"
	if [ "$FORCE" != 1 ] && [ -s "$dst" ] && [ "$dst" -nt "$f" ] && [ "$dst" -nt "$HERE/views.tsv" ]; then
		continue
	fi
	unit=()
	case "$("$PPROF_GO" tool pprof -raw "$f" 2>/dev/null | awk '/^Samples:/ { getline; print; exit }')" in
	*"$t/bytes"*) unit=(-unit=B) ;;
	*"$t/nanoseconds"*) unit=(-unit=ns) ;;
	esac
	mode=(-top)
	case "$flags" in
	*-peek=* | *"-tags" | *"-tags "*) mode=() ;;
	# pprof's list reads the programs' sources: their files are samples/NAME/main.go.
	*-list=*) mode=(-source_path="$HERE/programs" -trim_path=samples) ;;
	esac
	# shellcheck disable=SC2086 # the flags are words
	"$PPROF_GO" tool pprof "${mode[@]}" -nodecount=1000 -sample_index="$t" "${unit[@]}" $flags "$f" >"$dst.tmp" 2>"$TMP/err" ||
		{ cat "$TMP/err" >&2; exit 1; }
	mv "$dst.tmp" "$dst"
	echo "== ${dst#"$HERE"/}" >&2
done <"$HERE/views.tsv"

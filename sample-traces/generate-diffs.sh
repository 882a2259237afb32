#!/usr/bin/env bash
# Ground truth for profile diffs (called from generate.sh, after generate-profiles.sh):
# `go tool pprof -top -nodecount=1000 -sample_index=T [-unit=B|ns] -diff_base BASE NEW` of
# Go 1.27.3's pprof, for every sample type T of these pairs in every goN.NN/ that has them:
#
#   chansend_fixed.heap      -> chansend.heap          (the healthy twin against the leaky one)
#   chansend_fixed.goroutine -> chansend.goroutine
#   series.1.heap            -> series.5.heap          (first and last snapshot of the series)
#   series.1.goroutine       -> series.5.goroutine
#
# into goN.NN/BASE..NEW.top-T.txt, plus BASE..NEW.top-T.normalize.txt with -normalize for the
# heap pairs; tests/diff_pprof.rs compares our diff tables with them row by row.
#
#   bash sample-traces/generate-diffs.sh            # what is missing
#   FORCE=1 bash sample-traces/generate-diffs.sh    # everything again
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TC=${GO_TOOLCHAINS:-/opt/go-toolchains}
PPROF_GO="$TC/1.27.3/go/bin/go"
FORCE=${FORCE:-0}
[ -x "$PPROF_GO" ] || { echo "missing $PPROF_GO (generate.sh installs it)" >&2; exit 1; }

export GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-mod=mod GOTELEMETRY=off
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export PPROF_TMPDIR="$TMP/pprof" PPROF_BINARY_PATH="$TMP/none"
export BROWSER=true HOME=${HOME:-$TMP}

types_of() {
	"$PPROF_GO" tool pprof -raw "$1" 2>/dev/null | awk '/^Samples:/ { getline; print; exit }'
}

# top BASE NEW DST [extra pprof flags...]
top() {
	local base=$1 new=$2 dst=$3
	shift 3
	if [ "$FORCE" != 1 ] && [ -s "$dst" ] && [ "$dst" -nt "$base" ] && [ "$dst" -nt "$new" ]; then
		return
	fi
	"$PPROF_GO" tool pprof -top -nodecount=1000 "$@" -diff_base "$base" "$new" >"$dst.tmp" 2>"$TMP/err" ||
		{ cat "$TMP/err" >&2; exit 1; }
	mv "$dst.tmp" "$dst"
}

for dir in "$HERE"/go1.*; do
	for pair in "chansend_fixed.heap chansend.heap" "chansend_fixed.goroutine chansend.goroutine" \
		"series.1.heap series.5.heap" "series.1.goroutine series.5.goroutine"; do
		read -r b n <<<"$pair"
		base="$dir/$b.pb.gz" new="$dir/$n.pb.gz"
		[ -s "$base" ] && [ -s "$new" ] || continue
		for tu in $(types_of "$new"); do
			t=${tu%/*}
			u=${tu#*/}
			u=${u%"[dflt]"}
			unit=()
			case "$u" in
			bytes) unit=(-unit=B) ;;
			nanoseconds) unit=(-unit=ns) ;;
			esac
			top "$base" "$new" "$dir/$b..$n.top-$t.txt" -sample_index="$t" "${unit[@]}"
			case "$n" in
			*.heap) top "$base" "$new" "$dir/$b..$n.top-$t.normalize.txt" -normalize -sample_index="$t" "${unit[@]}" ;;
			esac
		done
		echo "== ${dir#"$HERE"/}: $b..$n" >&2
	done
done

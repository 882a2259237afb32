#!/usr/bin/env bash
# Builds programs/pprofservice, the running service the capture tests pull diagnostics from
# (tests/common/go_service.rs calls this), into the path given. It needs Go 1.25 or later
# (runtime/trace.FlightRecorder); the tests use 1.27.3, whose goroutineleak profile is on.
#
#   bash sample-traces/build-pprofservice.sh /tmp/pprofservice
#   GO=/opt/go-toolchains/1.25.5/go/bin/go bash sample-traces/build-pprofservice.sh /tmp/svc
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=$(realpath -m "$1")
GO=${GO:-${GO_TOOLCHAINS:-/opt/go-toolchains}/1.27.3/go/bin/go}
export GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-mod=mod GOTELEMETRY=off
cd "$HERE/programs"
"$GO" build -trimpath -o "$OUT" ./pprofservice

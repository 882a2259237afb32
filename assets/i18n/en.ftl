# goroscope's English messages (Project Fluent). Every user-facing text of the window.
# Go's own words (goroutine, chan receive, GC, STW, running, runnable, waiting, syscall,
# wait reasons, pprof's flat/cum) are written as Go prints them, in every language.
# Numbers arrive formatted by `units` ($count, $duration...); $n only picks plural forms.

## Menus and commands
menu-file = File
menu-view = View
menu-settings = Settings
menu-help = Help
menu-recent = Recent files
menu-recent-none = none yet
menu-editor-command = Editor command ({"{"}file{"}"}, {"{"}line{"}"}):
menu-editor-command-name = Editor command
settings-language = Language
settings-language-system = System ({ $name })
settings-clock = Wall-clock times
settings-clock-utc = UTC
settings-clock-local = Local time ({ $zone })
cmd-open = Open…
cmd-open-help = Open a trace file
cmd-close-file = Close
cmd-close-file-help = Close the file
cmd-zoom-in = Zoom in
cmd-zoom-in-help = Zoom in around the pointer (or the centre)
cmd-zoom-out = Zoom out
cmd-zoom-out-help = Zoom out of the timeline
cmd-pan-left = Pan left
cmd-pan-left-help = Move the window earlier
cmd-pan-right = Pan right
cmd-pan-right-help = Move the window later
cmd-fit-selection = Fit selection
cmd-fit-selection-help = Fit the selected range, goroutine or group
cmd-show-all = Show everything
cmd-show-all-help = Show the whole trace
cmd-back = Back
cmd-back-help = Go back to the previous view
cmd-toggle-procs = Processor lanes
cmd-toggle-procs-help = Show or hide one lane per processor (P)
cmd-toggle-theme = Light/dark theme
cmd-toggle-theme-help = Switch between light and dark
cmd-clear-selection = Clear selection
cmd-clear-selection-help = Clear the selected goroutine and range
cmd-show-shortcuts = Keyboard shortcuts
cmd-show-shortcuts-help = List every shortcut
gesture-ctrl-wheel = Ctrl+wheel
gesture-ctrl-wheel-help = Zoom at the pointer
gesture-wheel = Wheel
gesture-wheel-help = Scroll goroutine rows
gesture-drag = Drag
gesture-drag-help = Pan
gesture-shift-drag = Shift+drag
gesture-shift-drag-help = Select a time range (summary in the inspector)
gesture-click-span = Click span
gesture-click-span-help = Select the goroutine and span
gesture-click-group = Click group
gesture-click-group-help = Expand or collapse it
dialog-open-title = Open a Go trace

## Opening files
welcome-drop = Drop a Go execution trace, goroutine dump, pprof profile or GC log here, or press Ctrl+O.
loading-file = Loading { $file }
window-opening = Opening
button-cancel = Cancel
button-dismiss = Dismiss
error-cannot-open = Cannot open { $file }
error-cannot-start = cannot start loading: { $error }
error-at-byte = at byte { $offset } ({ $hex })
notice-cancelled = Cancelled loading { $file }
notice-editor-failed = Cannot run the editor command { $command }: { $error }

## Status bar
status-dump = goroutine dump, { $n ->
    [one] 1 goroutine
   *[other] { $count } goroutines
}
status-profile = pprof profile ({ $types }), { $n ->
    [one] 1 sample
   *[other] { $count } samples
}
status-gctrace = gctrace log
status-memstats = MemStats lines
status-prometheus = Prometheus export
status-gc-cycles = { $what }, { $n ->
    [one] 1 GC cycle
   *[other] { $count } GC cycles
}
status-trace = trace format { $version }
status-long = { $duration } long
status-started = started { $time }
status-events = { $n ->
    [one] 1 event
   *[other] { $count } events
}
status-goroutines = { $n ->
    [one] 1 goroutine
   *[other] { $count } goroutines
}
status-warnings = { $n ->
    [one] 1 warning
   *[other] { $count } warnings
}
status-warnings-help = List the warnings
status-loaded-in = loaded in { $duration }
window-warnings = Warnings

## Filter and suspects
filter-title = Filter
filter-hint = id, function, site, state:waiting, blocked>1s
filter-help = Words must all match. A number matches a goroutine id; state:running|runnable|waiting|syscall|exited the state at the end; blocked>1s the final wait's length; a wait reason in Go's words (chan send, select, reason:sync) the final wait's reason; other words a function or file:line.
filter-name = Filter goroutines
filter-clear = Clear filter
filter-shown = { $shown } of { $n ->
    [one] { $total } goroutine
   *[other] { $total } goroutines
}
suspects-title = Suspects ({ $n })
suspects-none = No stuck goroutine groups: every goroutine was woken, exited or sleeps by design.
suspects-none-not-judged = No suspect, and no all-clear either: goroutines wait in the program's code that one moment cannot judge (below).
not-judged-title = Not judged ({ $n ->
    [one] 1 goroutine
   *[other] { $count } goroutines
})
not-judged-why-dump = Under 10 in one stack and no wait minutes: one moment cannot tell a leak from work in flight or a pool between jobs. A dump taken minutes later (waits then say minutes) or a trace can.
not-judged-why-dump-in-flight = Under 10 in one stack, or a crowd its goroutine ids place (work in flight, or standing since long before), and no wait minutes: one moment cannot tell a leak from work in flight or a pool between jobs. A dump taken minutes later (waits then say minutes) or a trace can.
not-judged-why-profile = Under 10 in one stack, and a goroutine profile prints no wait times: one moment cannot tell a leak from work in flight or a pool between jobs. A debug=2 dump minutes later or a trace can.
not-judged-why-trace = Older than the trace, waiting through all of it, under 10 in one stack: a few seconds cannot tell a leak from a pool between jobs. A debug=2 dump whose waits say minutes can.
not-judged-entry = { $count } × { $reason } at { $at }
not-judged-in-flight = (in flight by its ids: the program's newest goroutines, as many made in their time already gone)
not-judged-standing = (standing by its ids: made at once long before, many goroutines made and gone since without its growing)
not-judged-request-bodies = (HTTP handlers reading request bodies: uploads in progress read so as ones whose clients stopped sending do; with no http.Server.ReadTimeout the stalled ones wait for good)
not-judged-in-c = (inside the C function { $function } called through cgo: Go cannot see into C; a C library blocked on a lock or a condition nobody signals never returns, and looks the same)
suspects-none-in-part = No stuck goroutine groups in what was read.
suspect-entry = #{ $rank } · { $count } × { $reason }{ $blocked }
    at { $at }
    created at { $site }
suspect-blocked = {" "}· blocked { $time }
site-not-in-format = ? (this format does not say; a debug=2 dump does)
reason-not-recorded = waiting (reason not recorded)
site-unknown = unknown site
site-main = the runtime (the main goroutine)
site-runtime = the runtime (its own goroutine)
site-scheduler = the scheduler, no go statement (time.AfterFunc callbacks)
site-before-trace = a go statement before the trace began (a debug=2 dump names it)
where-unknown = not recorded
where-coroutine-switch = the pulled sequence's yield (a trace records no stack for a coroutine switch)
where-not-traced = somewhere in { $func }: this trace format writes no stack for goroutines blocked since before it began (a debug=2 dump of the same moment shows where)
suspect-called-from = called from { $site }
suspect-response-bodies = HTTP client connections waiting for their response bodies to be read or closed: bodies never closed (defer resp.Body.Close())
wait-under-a-minute = < 1 min
group-runtime = { $function } (runtime)
group-before-trace = { $function } (before the trace)
group-by-scheduler = { $function } (started by the scheduler)
group-no-stack = (no stack recorded: older than the trace)
row-coroutine = iter.Pull coroutine

## Inspector
inspector-empty = Click a goroutine, a span or a suspect to inspect it.
inspector-suspect = Suspect #{ $rank }: { $n ->
    [one] 1 goroutine
   *[other] { $count } goroutines
}
inspector-goroutine-ids = goroutines { $ids }
goroutines-n = { $n ->
    [one] 1 goroutine
   *[other] { $count } goroutines
}
inspector-waiting-for = , waiting { $wait }
inspector-locked = locked to an OS thread
inspector-goroutine = Goroutine { $id }
inspector-selected-span = Selected span
inspector-at-end = At the end
inspector-span = { $what }: { $state }{ $reason } for { $duration }
inspector-woken-by = Woken by goroutine { $id }
inspector-in-suspect = In suspect #{ $rank }: { $count } × { $reason }
inspector-spinning = Spinning: ran { $running } of its { $window } in the window, running or runnable { $share }% of it
inspector-spinning-at = Looping at
inspector-wakeups-title = Wake-ups
inspector-wakeups-none = Never woken in the window
inspector-wakeups = Woken { $count ->
    [one] once
   *[other] { $count } times
} in the window{ $runtime }
inspector-wakeups-runtime = , { $n } by no goroutine (a timer, the network poller or the runtime)
inspector-last-woken-by = Last at { $time } by goroutine { $id } ({ $function })
inspector-last-woken-runtime = Last at { $time } by no goroutine (a timer, the network poller or the runtime)
inspector-not-woken-since = Not woken since { $time }: waiting at the end
inspector-created = Created
inspector-created-at = at { $time }
inspector-created-before = before the trace started
inspector-created-by = by goroutine { $id } ({ $function })
inspector-time-split = Time split
inspector-labels = Regions and logs
inspector-region = region “{ $name }”, { $duration }
inspector-region-open = region “{ $name }”, open since { $time }
inspector-task = in task “{ $name }”
inspector-log = { $time } [{ $category }] { $message }
stack-blocking = Blocking stack
stack-plain = Stack
stack-creation-site = Creation site
stack-called-from = Called from (the program's code behind this creation site)
stack-copy = Copy stack
stack-none = no stack recorded
frame-copy = Copy
frame-copy-help = Copy this frame
frame-open = Open
frame-open-help = Open in editor
frame-open-name = Open frame { $index } in editor
time-from-to = from { $from } to { $to }
range-title = Selected range
range-summary = { $from } to { $to } ({ $length }), { $n ->
    [one] 1 goroutine
   *[other] { $count } goroutines
}
range-top-stacks = Top blocking stacks
range-stack-waits = { $time } in { $n ->
    [one] 1 wait
   *[other] { $count } waits
}
range-zoom = Zoom to range

## Timeline
family-network = I/O (network)
family-forever = forever
family-system = system
family-other = other wait
lane-stw = stop-the-world
legend-merged = many small spans
lane-gc = { $n ->
    [0] GC (no cycle in the window)
    [one] GC (1 cycle; sweep below)
   *[other] GC ({ $count } cycles; sweep below)
}
lane-procs-deriving = Processors
lane-procs-deriving-detail = deriving the processor lanes from the running spans…
rows-name = Goroutine rows
rows-scrollbar = Scroll goroutine rows
rows-spans = { $n ->
    [one] 1 span
   *[other] { $count } spans
}
rows-state-for = { $state } for { $duration }
rows-reason = reason: { $reason }
rows-reason-family = reason: { $reason } ({ $family })
rows-woken-by = woken by G{ $id }
rows-merged-spans = { $n ->
    [one] 1 span
   *[other] { $count } spans
} in { $duration } — zoom in to see them
ruler-name = Time ruler
ruler-window = window { $width }
plot-heap = heap
plot-heap-inuse = heap in use
plot-heap-goal = heap goal
plot-heap-label = heap { $heap } / goal { $goal }{ $at }
plot-at = { " " }at { $time }
plot-heap-no-goal = none
plot-goroutines = goroutines
plot-goroutine-counts = goroutine counts
plot-goroutines-label = goroutines { $total } (runnable { $runnable }, waiting { $waiting }){ $at }

## Goroutine dumps
views-show = Show:
views-groups = Goroutine groups
views-flame = Flame graph
views-memory = Memory ({ $n ->
    [one] 1 GC cycle
   *[other] { $count } GC cycles
})
views-nothing = Nothing to show in this file.
dump-sigquit = SIGQUIT: the process got SIGQUIT (kill -QUIT, Ctrl+\) and printed its goroutines as they were, then exited
dump-title = Goroutine dump: { $n ->
    [one] 1 goroutine
   *[other] { $count } goroutines
}
dump-profile-title = Goroutine profile: { $n ->
    [one] 1 goroutine
   *[other] { $count } goroutines
}
dump-grouping = Grouping:
dump-exact = Exact
dump-exact-help = Same state, same frames, same argument values
dump-similar = Similar
dump-similar-help = Same state and frames; argument values may differ
dump-groups-shown = { $shown } of { $n ->
    [one] { $total } group
   *[other] { $total } groups
}
dump-sort-by = Sort by { $column }
dump-col-count = Count
dump-col-state = State
dump-col-wait = Wait
dump-col-frame = Top user frame
dump-col-created = Created by
dump-row = Group { $index }: { $count } × { $state } at { $site }
dump-no-state = (no state)
dump-state-from-stack = { $reason } (from stack)

## Profiles
profile-title = Profile
memstats-heap = heap { $alloc } allocated, { $inuse } in use
memstats-os = { $sys } from the OS ({ $released } returned)
memstats-next-gc = next GC at { $goal }
memstats-cycles = { $n ->
    [one] 1 GC cycle
   *[other] { $count } GC cycles
} ({ $forced } forced)
memstats-gc-cpu = GC { $percent } of the CPU
memstats-rss = peak RSS { $rss }
memstats-explain = What the runtime counted for the whole heap when the profile was written (runtime.MemStats, printed after a debug=1 heap profile). The profile's own figures are estimates from its samples.
profile-sample-type = Sample type:
profile-show-type = Show { $name } ({ $unit })
profile-search-hint = search functions
profile-search = Search functions
profile-matches = { $n ->
    [one] 1 function matches
   *[other] { $count } functions match
}
profile-totals = { $total } total, showing { $shown } ({ $percent }); dropped { $n ->
    [one] 1 node
   *[other] { $dropped } nodes
} (cum <= { $cutoff })
profile-collected = collected { $time }
profile-top = Top functions ({ $n })
profile-col-name = name
profile-row = Top { $index }: { $name }
profile-highlight = Highlight it in the flame graph and show its callers and callees
profile-default-empty = { $empty } holds nothing in this profile (nothing was in use at its last GC): showing { $shown }
flame-no-samples = No samples of this type.
flame-name = Flame graph of { $kind }
flame-reset = Reset zoom
flame-all = All
flame-all-help = Zoom out to every sample
flame-root = all
flame-all-samples = all samples
flame-total = total { $value } ({ $percent } of all)
flame-self = self { $value } ({ $percent } of all)
flame-of-zoomed = { $percent } of the zoomed frame
flame-depth = depth { $depth }; click to zoom in

## Memory (gctrace, MemStats)
mem-title = Memory
mem-source-gctrace = GODEBUG=gctrace=1 log
mem-source-memstats = runtime.MemStats log
mem-source-prometheus = Prometheus export of the Go collector
mem-from = from a { $source }: { $n ->
    [one] 1 GC cycle
   *[other] { $count } GC cycles
}
mem-peak = peak heap { $bytes }
mem-none = The file holds no memory figures.
mem-x-line = MemStats line
mem-x-time = time since the program started
mem-line = line { $line }
mem-heap-alloc = heap allocated
mem-heap-live = heap live (marked)
mem-heap-goal = heap goal
mem-heap-inuse = heap in use
mem-heap-sys = heap sys
mem-stacks = stacks in use
mem-sys = sys (from the OS)
mem-gc-cycle = GC cycle
mem-curves = Memory curves
mem-pauses = GC pauses
mem-pause = pause
mem-pauses-title = GC pauses (stop-the-world per cycle): longest { $longest }, total { $total }

# findings: heap growth on the memory view, goroutines from MemStats lines, the Findings panel
mem-x-time-first-scrape = time since the first scrape
mem-x-time-first-line = time since the first line
mem-growth = heap growth (heap after GC)
mem-thrashing = GC thrashing (goal pinned at the live heap)
mem-goroutines = goroutines
mem-goroutines-title = Goroutines (NumGoroutine logged with the stats): { $n } at the last snapshot
mem-goroutines-plot = Goroutines over time
findings-title = Findings ({ $n })
finding-spinning = { $count } spinning: running or runnable { $share }% of the window, looping in { $at }
finding-spinning-since = { $count } spinning: running or runnable { $share }% of the time since it last blocked ({ $since } into the window), looping in { $at }
finding-spinning-no-poll = ; no poll where it lost the CPU (an atomic, a select's default, Gosched, a lock, the clock): a busy wait on a plain variable looks so, and so does a loop that computes (CPU-bound work, not a wait): the line tells
finding-spinning-unknown = { $count } spinning: running or runnable { $share }% of the window; the trace records none of { $n ->
    [one] its
   *[other] their
} code (older than the trace, preempted only asynchronously): a goroutine dump (debug=2) shows where { $n ->
    [one] goroutine { $ids } loops
   *[other] goroutines { $ids } loop
}
finding-heap-growth = Heap after GC grew from { $from } to { $to } over { $over } ({ $rate }/s, { $cycles } GC cycles)
finding-goroutine-count = Goroutines pile up: their count rose from { $from } to { $to } over { $over } while the heap after GC did not grow: goroutines that never end, holding little but their stacks (a goroutine dump shows where they wait)
finding-goroutine-count-stacks = Goroutines pile up: their count rose from { $from } to { $to } over { $over } while the heap after GC did not grow: goroutines that never end, holding little but their stacks, in use from { $stack_from } to { $stack_to } (a goroutine dump shows where they wait)
finding-goroutine-stacks = Goroutines pile up: their stacks rose from { $from } to { $to } over { $over } while the heap after GC did not grow: goroutines that never end, holding little but their stacks (a goroutine dump shows where they wait)
finding-goroutine-count-heap = Goroutines pile up: their count rose from { $from } to { $to } over { $over }, and the heap after GC with them, from { $heap_from } to { $heap_to } (about { $each } for each goroutine added): goroutines that never end, with what they hold (a goroutine dump shows where they wait, a heap profile what they hold)
finding-goroutine-stacks-heap = Goroutines pile up: their stacks rose from { $from } to { $to } over { $over }, and the heap after GC with them, from { $heap_from } to { $heap_to }: goroutines that never end, with what they hold (a goroutine dump shows where they wait, a heap profile what they hold)
finding-heap-growth-goroutines = Goroutines rose with it, from { $from } to { $to }: they pile up too (a goroutine dump shows where they wait)
finding-heap-growth-stacks = Goroutine stacks rose with it, from { $from } to { $to }: goroutines pile up too (a goroutine dump shows where they wait)
finding-gc-thrashing = GC thrashing: the heap goal stayed { $above ->
    [0] at the live heap
   *[other] within { $above }% of the live heap
} ({ $live } live, goal { $goal } at the end) for the last { $over }: { $cycles } GC cycles ({ $rate } a second) ran { $active }% of the time; a memory limit the live heap reached (GOMEMLIMIT), or a very low GOGC, pins the goal
finding-deadlock = Deadlock: the runtime stopped the program, { $count } { $n ->
    [one] goroutine
   *[other] goroutines
} blocked with nothing left to wake them ("{ $message }"). The suspects say where each waits.
finding-deadlock-bubble = Deadlock in a synctest bubble: { $count } { $n ->
    [one] goroutine
   *[other] goroutines
} blocked with the bubble's clock stopped ("{ $message }"). The suspects say where each waits.
md-runtime-said = The runtime said
finding-data-race = Data race: the race detector reported { $count } { $n ->
    [one] race
   *[other] races
} (WARNING: DATA RACE): { $sites }. Nothing orders these accesses (a mutex, a channel, sync/atomic), so what each sees is undefined.
finding-deadlock-undeclared = Deadlock the runtime did not declare: all { $count } { $n ->
    [one] goroutine
   *[other] goroutines
} of the program are blocked where only another of them could release them (a channel send, a lock, a WaitGroup); none runs, sleeps or waits on the network, a system call, or a receive a timer could end. A -race build never declares a deadlock, and a live timer (a context's deadline) keeps the runtime from it. The suspects say where each waits.
finding-deadlock-unseen = Deadlock: the runtime stopped blocked goroutines ("{ $message }"), but this dump shows none of them: GOTRACEBACK=all prints them.
finding-deadlock-ring = At its root, a lock-order cycle: { $ring }, each waiting for a mutex the next holds.
finding-lock-contention = Lock contention at { $lock } in { $at }: { $waiters } waiting there at any moment on average ({ $waited } of waits in { $window }; { $n_waits ->
    [one] 1 wait
   *[other] { $waits } waits
} by { $n_goroutines ->
    [one] 1 goroutine
   *[other] { $goroutines } goroutines
}): the holders' work runs one goroutine at a time (slow work under the lock, or one lock for data every goroutine needs)
finding-gc-thrashing-cpu = ; the GC took { $cpu }% of the CPU (idle marking aside)
finding-heap-retention = { $at } holds { $bytes }, { $share }% of the heap in use
finding-heap-retention-via = { $at } holds { $bytes }, { $share }% of the heap in use, allocated in { $inner }
finding-heap-retention-lines = { $function } ({ $lines ->
    [one] 1 line
   *[other] { $lines } lines
    }, the most at { $at }) holds { $bytes }, { $share }% of the heap in use
## Workspace and compare view (ui branch, issue 11)
kind-trace = Go execution trace
kind-dump = goroutine dump
kind-goroutine-profile = goroutine profile
kind-profile = { $kind } profile
kind-memory = GC log
error-nothing-to-show = The file loaded, but holds nothing this window can show.
rows-only-here = only here
inspector-not-in-file = Goroutine { $id } is not in this file.
inspector-compared-group = { $n ->
    [one] Compared group: 1 goroutine here
   *[other] Compared group: { $count } goroutines here
}
cmd-compare-with = Compare with…
cmd-compare-with-help = Open another file beside the open ones, to compare them
drop-title = Another file
drop-question = Open { $file } instead of the active file, or beside it to compare?
drop-replace = Replace
drop-compare = Compare
browser-parent = Parent folder
browser-path = Path
browser-open = Open
browser-cannot-list = Cannot list this folder: { $error }
dialog-compare-title = Compare with…
dialog-compare-first-title = Compare: the first file (before)
start-compare = Compare…
start-compare-help = Open two files side by side: traces, dumps or profiles of the same service before and after
compare-title = Comparing { $n ->
    [one] 1 file
   *[other] { $n } files
}
compare-side-by-side = Side by side
compare-stacked = Stacked
compare-sync = Sync zoom and pan
compare-sync-help = Zooming or panning one trace moves the others (time from each trace's start)
compare-side-panels = Suspects and inspector
pane-close = Close { $side }
compare-cannot = A { $a } and a { $b } cannot be compared: open files of one kind (traces, dumps and goroutine profiles together; profiles of one type; GC logs).
compare-tab-memory = Memory
compare-memory = Memory of the compared files
compare-no-memory = None of these files has a heap curve.
compare-memory-row = { $side }: heap after GC { $first } → { $last } (first and last cycle), peak { $peak }, { $cycles } GC cycles over { $over }; findings: { $findings }
compare-memory-grew = Heap after GC at the end: { $from } → { $to }: grew (a quarter more, and 16 MiB or more)
compare-memory-rose = Heap after GC at the end: { $from } → { $to }: rose, below the heap-growth bars
compare-memory-flat = Heap after GC at the end: { $from } → { $to }: did not grow
compare-x-time = time since each file's start
compare-curve = { $side }: { $what } ({ $file })

## Diagnosis you can trust (issue 12, trust branch)
group-exited = { $group } (exited)
inspector-exited-at = Exited at { $time }
inspector-before-exit = Its last run before exiting
filter-error = Filter not applied: { $error }
suspect-names-lost = Names lost with the cut at byte { $byte }: grouped by the stack ids its events carry
suspect-lock-holder-same = Lock held by? { $n ->
    [one] goroutine
   *[other] goroutines
} { $id } [{ $state }], inside the same function too, past where they wait, at { $at }
suspect-lock-holder-relocked = Lock held by? goroutine { $id } [{ $state }], which waits for that same mutex at { $at }: unless it unlocked it before that call, it locked it twice (sync.Mutex is not reentrant), and it and the queue behind it never run
suspect-lock-holder-sibling = Lock held by? { $n ->
    [one] goroutine
   *[other] goroutines
} { $id } [{ $state }], in another method of the same type, at { $at }
suspect-served-by = Served by? goroutine { $id } [{ $state }], in the code of { $owner }, waiting itself, at { $at }
suspect-holds-up = Holds up? { $n ->
    [one] { $count } goroutine waits
   *[other] { $count } goroutines wait
} in { $func } on a channel this code should serve; it cannot, waiting here itself
suspect-lock-unheld = Lock held by? No goroutine alive: every goroutine in a method of { $owner } waits for this same mutex; the one that locked it may have returned without Unlock (an early return, a recovered panic)
suspect-lock-cycle = Deadlock? A lock-order deadlock: { $ring }; none of them will ever run
suspect-lock-cycle-behind = Deadlock? They wait behind a lock-order deadlock, for a mutex it holds: { $ring }
suspect-lock-cycle-link = goroutine { $id } holds { $holds } and waits for { $waits }
suspect-lock-cycle-same = Deadlock? In the lock-order deadlock of #{ $rank }
suspect-lock-cycle-behind-same = Deadlock? They wait behind the lock-order deadlock of #{ $rank }
suspect-moving = Moving: { $woken } of their kind were woken from this wait after up to { $longest }: a queue behind something slow, not a leak
suspect-piling = Piling up: { $created } created over { $over } and still alive, { $n_ended ->
    [0] none
   *[other] { $ended }
} of their kind ended
suspect-piling-restless = Each wakes and waits again, so none waited long
suspect-labels = labels { $labels }
suspect-piling-outlived = Nine in ten of those that ended lived at most { $within }: these outlive them
suspect-piling-older = and { $older } more of this go statement alive since before the trace
suspect-confirmed = Confirmed by the runtime (goroutineleak profile)
suspect-confirmed-bubble = Confirmed by the runtime (testing/synctest: the bubble deadlocked)
suspect-confirmed-marked = Confirmed by the runtime (marked (leaked) in the dump)
suspect-confirmed-marked-some = Confirmed by the runtime for { $marked } of them (marked (leaked) in the dump; the others blocked after the last GC cycle looked)
suspect-idle-connections = At rest? Reading from network connections: idle keep-alive connections wait so for as long as their peers keep them; a leak only if the peers are gone and the read has no deadline (ranked after the others)
suspect-client-connections = At rest? { $idle } HTTP client connections idle, no request waiting on them: a shared http.Transport keeps at most MaxIdleConnsPerHost (2 by default) per host, one over HTTP/2, and closes the rest, so this many are a Transport made per request (it keeps its connections and never reuses them: share one Transport), or one Transport talking to this many hosts, or one whose MaxIdleConnsPerHost was raised to keep them (ranked after the others)
suspect-sleepers = At rest? { $n ->
    [one] 1 goroutine
   *[other] { $count } goroutines
} asleep at one time.Sleep call: watchers or pollers in a loop nobody stops (waiting for a flag an error path never sets, with no done channel or context) stay so, one more per call, and the count climbs; calls waiting out a delay or a retry's backoff look the same for a moment. Two dumps a minute apart, or a trace begun before they were made, tell: a leak if the crowd grows (ranked after the others)
suspect-worker-at-rest = At rest? A worker loop that took work from this same wait earlier: idle between jobs, or left behind if nothing sends again (ranked after the others)
suspect-pool-grown-at-rest = At rest? A pool grown with the load (a worker started as work came), { $woken } of which took work from this same wait earlier: idle between jobs, or left behind if nothing sends again (ranked after the others)
suspect-pool-at-rest = At rest? A pool started at once, { $woken } of which took work from this same wait earlier: idle between jobs, or left behind if nothing sends again (ranked after the others)
suspect-http-response-young = HTTP requests waiting for their responses: in flight to a busy server, or, if they are still there minutes later, sent with no timeout (http.Client.Timeout or a context deadline) to a server that does not answer
suspect-http-response = HTTP requests waiting for their responses: sent with no timeout (http.Client.Timeout or a context deadline) to a server that has not answered
suspect-stalled-tls = TLS handshakes the peer never completes (a client that sends no ClientHello, a server that never answers): with no deadline (SetDeadline before Handshake, tls.Dialer.Timeout, http.Server.ReadHeaderTimeout) each holds a connection and a goroutine for as long as the peer keeps it
suspect-stalled-headers = HTTP server connections waiting for the rest of their request headers, which the clients stopped sending (a slow or Slowloris client): with no http.Server.ReadHeaderTimeout each holds a connection and a goroutine for as long as its client keeps it
suspect-stalled-body = HTTP handlers reading request bodies their clients stopped sending: with no http.Server.ReadTimeout (or a read deadline set through http.ResponseController) each holds a connection and a goroutine for as long as its client keeps it
suspect-db-connection = database/sql requests waiting for a connection: the pool has opened all it may (SetMaxOpenConns) and all are taken: by rows, statements, transactions or *sql.Conn never closed (`defer rows.Close()`) if none is given back, else by slow queries
suspect-pipe-write = io.Pipe writers waiting for a reader: the reading side stopped reading without closing the pipe
suspect-library-resident = The standard library keeps one of these per object it made ({ $creator } made them, one for each): this many are objects made again and again and never closed
suspect-pipe-read = io.Pipe readers waiting for a writer: the writing side stopped writing without closing the pipe
suspect-file-lock = Blocked in the kernel waiting for a file lock (flock, fcntl F_SETLKW) whose holder never lets go: another process, or a descriptor of this one still open (a lock belongs to the open file, so a process can wait on itself). Each waiter holds an OS thread while it blocks
suspect-stalled-finalizers = The finalizer goroutine is blocked in { $func }: Go runs every finalizer on this one goroutine, so none runs until it returns, and each object waiting for its finalizer stays on the heap with all it references. A finalizer must not block: hand slow work to another goroutine
suspect-stalled-cleanups = A cleanup goroutine is blocked in { $func }: the cleanups queued behind it wait, and what they would release (files, connections, memory outside the Go heap) stays held. A cleanup must not block: hand slow work to another goroutine
suspect-pull-not-stopped = An iter.Pull whose stop was never called: these coroutines wait in their sequence's yield for a next or stop that never comes (the caller returned early; defer stop() ends them)
suspect-context-watch = Goroutines the context package starts to watch a parent context that is not its own type (a Context the program or a framework implements): one per WithCancel, WithTimeout or WithDeadline child, each ending only when the child is cancelled or the parent is done. These children's cancel functions were never called (defer cancel() right after; go vet's lostcancel check finds the calls)
suspect-dns-lookup = DNS lookups of Go's resolver (net.Resolver) waiting for their server's answers: the DNS server (resolv.conf's nameserver, or the Resolver's Dial) does not answer. Each query gives up after resolv.conf's timeout (5 s by default) and tries attempts (2) times per server and search name; every request that dials by name waits meanwhile (a deadline on the lookup's context bounds it)
suspect-child-exit = Waiting in os/exec's Cmd.Wait for child processes to exit, which they have not: commands that hang (waiting for input, a lock or a peer, or blocked writing output nobody reads: a StdoutPipe or StderrPipe must be read to its end before Wait). Each waiter holds an OS thread while it blocks; exec.CommandContext, or a timer that kills the process, bounds the wait
suspect-listeners = At rest? { $n ->
    [one] 1 listener
   *[other] { $count } listeners
} accepting connections, started by one code path: a server started per call and never closed (httptest.NewServer without Close, http.Serve on a listener made per request) keeps its listener, descriptor and accept loop for good; or a program that serves this many ports (ranked after the others)
suspect-child-output = At rest? os/exec copying the output of child processes through pipes (Cmd.Stdout or Stderr not an *os.File): a copy ends when every process holding its pipe has exited, the command and any process it left running in the background, so commands still at work wait so; a leak only if those commands hang or left such a process (see Cmd.Wait's goroutines) (ranked after the others)
suspect-exec-wait = Cmd.Wait after the command exited, waiting for its output copy: a process the command left running (a daemon started with &) still holds the pipe open. Cmd.WaitDelay (Go 1.20+) bounds the wait, or give that process its own output
suspect-done-missing = Done missing? Each waits on a WaitGroup, and every goroutine they started has exited ({ $count } in all): the counter is still above zero with nobody left to lower it, so Wait never returns: fewer Done calls than Add counted (a goroutine that returned without Done on an error path, or an Add for goroutines never started, as when Wait sits inside the loop that starts them)
suspect-main-hangs = Main hangs: it waits on a WaitGroup, and { $n ->
    [one] the one goroutine it started for the work has exited
   *[other] all { $count } goroutines it started for the work have exited
} with the counter above zero (a Done skipped, or an Add for goroutines never started), so the program never ends
suspect-older-unseen = And older: { $n ->
    [one] one more goroutine, older than the trace, runs
   *[other] { $count } more goroutines, older than the trace, run
} { $func } and waited through it with no stack recorded (this trace format writes none for them): likely more of this leak, not in the count; a debug=2 dump of the same moment counts them
suspect-in-test = In test { $test }: waiting when go test's -timeout fired, so stuck however recent
suspect-in-test-quit = In test { $test }: waiting when the test binary got SIGQUIT, so stuck however recent
suspect-once-reentered = sync.Once.Do called again from inside the function it runs ({ $once_fn } calls on into { $do_at }): it waits for itself, for good, and every later Do there waits behind it
suspect-once-behind = Behind a sync.Once that will never finish: { $n ->
    [0] a goroutine
    [one] goroutine { $ids }
   *[other] goroutines { $ids }
} runs its function ({ $once_fn }) and called its Do again ({ $do_at })
suspect-in-test-asleep = In test { $test }: asleep when go test's -timeout fired: a loop that retries or polls past the deadline, or one long sleep
suspect-in-test-quit-asleep = In test { $test }: asleep when the test binary got SIGQUIT: a loop that retries or polls, or one long sleep
suspect-in-test-bubble = In test { $test }: waiting in the test's synctest bubble when it deadlocked (the panic above): only the bubble's goroutines could wake them and every one of them waits, so none will ever run again
suspect-in-test-returned = In test { $test }: started by this test, which returned and left them behind
suspect-in-test-running = In test { $test }: this test's goroutines, the test still running at the trace's end
suspect-lock-order = Holds? A lock taken at { $at } (where #{ $rank } waits), and waits here for another: code that takes the same two locks in opposite orders deadlocks (lock order)
banner-names-lost = This trace is cut at byte { $byte }: names and stacks written after that point are lost. Goroutines still group by their stack ids; treat "no suspects" as "not known".
banner-dump-cut = This dump is cut short at line { $line }: the goroutines after it are not in the file. Treat "no suspects" as "not known".
banner-dump-no-line-end = This dump ends at line { $line } without a line end, as a dump cut short does: goroutines after it may be missing. Treat "no suspects" as "not known".
banner-dump-no-stacks = The program crashed (at the top of the dump) but printed no goroutine: GOTRACEBACK=none, or the thread that threw ended the process first. Run it again with GOTRACEBACK=all. Treat "no suspects" as "not known".
banner-dump-races-only = This file holds the race detector's reports of a -race build (under Findings) and no goroutine traceback: a SIGQUIT or a debug=2 dump shows the goroutines. Treat "no suspects" as "not known".
races-title = Data races: { $count } { $n ->
    [one] report
   *[other] reports
} of the race detector
races-line = line { $line } of the file
races-previous = races the earlier { $kind }{ $who }
races-more = and { $more } more reports (listed under Findings by site)
banner-bubble-unseen = A synctest bubble deadlocked (the panic above), but this Go release printed none of its goroutines: Go 1.25+ do, and Go 1.24 with GOTRACEBACK=all. Treat "no suspects" as "not known".
banner-read-stopped = The events of this trace from byte { $byte } on could not be read (see the warnings): treat "no suspects" as "not known".
banner-no-stack = { $n ->
    [one] 1 goroutine was
   *[other] { $count } goroutines were
} blocked from before this trace began to its end, and this trace format records no stack for them: no verdict here covers them. A goroutine dump (debug=2) of the same moment shows where they wait.
banner-no-stack-started-in = The program started them in: { $list }
compare-tab-groups = Goroutine groups
change-new = new
change-gone = gone
change-grown = grown
change-shrunk = shrunk
change-same = same
diff-no-stack = (no stack: running)
diff-filter = Filter groups
diff-filter-hint = function, file, state or reason
diff-shown = { $shown } of { $n ->
    [one] { $total } group
   *[other] { $total } groups
}
diff-col-change = Change
diff-col-in = In { $side }
diff-col-delta = Delta
diff-col-state = State
diff-col-where = Blocked at
diff-col-created = Created by
diff-row = Diff { $index }: { $change }, { $counts } ({ $delta }), { $what } at { $at }{ $trend }
dump-crashed = This goroutine stopped the program:
dump-recursion = Runaway recursion: the call at { $at } is { $repeats } of the { $n ->
    [one] 1 frame
   *[other] { $frames } frames
} Go printed (it elides the rest of a stack this deep): a recursion with no end, from a cycle in the data it walks or a base case never reached
dump-stack-title = Stack as printed ({ $n ->
    [one] 1 frame
   *[other] { $n } frames
}, innermost first)
dump-no-creator = not recorded (the main goroutine, or a profile record)
dump-open-creator = Open the creation site in editor
dump-parents = Created by { $n ->
    [one] goroutine
   *[other] goroutines
} { $ids }
dump-one-of = Goroutine { $id }, one of { $count } alike
dump-own-parent = created by goroutine { $id }
dump-and-more = {" "}and { $count } more
dump-ids-title = Goroutine ids ({ $n })
dump-copy-ids = Copy ids
dump-wait-minutes = Waiting { $min }–{ $max } minutes (the runtime prints whole minutes)
diff-col-trend = Trend
diff-growing = growing
diff-trend-growing = , growing
diff-churn = churn
diff-change-moved = { $change } (moved)
diff-moved-hover = Every goroutine this group gained was in the first file already, in another group, with the same id and creation site: goroutines changing state, none made, not growth.
diff-change-once = { $change } (once)
diff-once-hover = Rose in one step of the series only, by fewer than 10: a goroutine caught at one moment (a request in flight, a keep-alive connection). A leak keeps what it takes and rises again: not growth.
diff-churn-hover = Other goroutines in every file (requests caught in flight): their count moves by chance, not growth.
diff-trend-churn = , churn
series-title = Series of { $n ->
    [one] 1 snapshot
   *[other] { $n } snapshots
}
series-growing = { $n ->
    [0] no group grows
    [one] 1 group grows
   *[other] { $count } groups grow
}
series-growing-name = growing: { $name }
series-x-time = time since the first snapshot
series-x-order = snapshot, in the order given
series-chart = Growth of each group over { $n ->
    [one] 1 snapshot
   *[other] { $n } snapshots
}
series-tab = Series
compare-tab-profiles = Profile diff
pdiff-normalize = Normalize
pdiff-normalize-help = Scale the new profile to the base's total first (pprof -normalize)
pdiff-vanished = Show what vanished
pdiff-vanished-help = Widths from the base profile, so frames that disappeared have a width
pdiff-totals = total before { $before }, after { $after }; the table's delta sums to { $shown }
pdiff-flat-before = flat before
pdiff-flat-after = flat after
pdiff-flat-delta = flat Δ
pdiff-cum-before = cum before
pdiff-cum-after = cum after
pdiff-cum-delta = cum Δ
pdiff-row = Diff top { $index }: { $name } ({ $delta })
pdiff-flame-name = Differential flame graph of { $kind }
pdiff-new = new
pdiff-before-after = { $before } → { $after } ({ $change })
pdiff-shrank = shrank
pdiff-unchanged = unchanged
pdiff-grew = grew
pdiff-legend-help = colour by the change of each frame; grey under { $percent }


# pprof view options and labels (profile_filters.rs, issue 16)
profile-granularity = Granularity:
profile-granularity-name = { $name }
profile-filter-kind = Filter kind
profile-filter-help = { $kind ->
    [focus] Only samples with a frame matching the expression
    [ignore] Drop samples with a frame matching the expression
    [hide] Leave frames matching the expression out of the stacks
    [show] Keep only frames matching the expression in the stacks
    [tagignore] Drop samples with a label matching: KEY=EXPR, or EXPR on key:value
    [tagroot] Label keys (comma-separated) whose values become root frames: group by label
    [tagleaf] Label keys (comma-separated) whose values become leaf frames
   *[other] Only samples with a label matching: KEY=EXPR, or EXPR on key:value
}
profile-filter-hint = regular expression
profile-filter-input = Filter expression
profile-filter-add = Add filter
profile-chip = { $kind }={ $value } ×
profile-chip-remove = Remove this filter
profile-filter-error = Not applied: { $error }
profile-labels = Labels
profile-labels-help = As go tool pprof -tags. Click a value to keep only its samples, right-click to drop them; Group by puts a key's values at the root.
profile-label-value = { $value } ({ $weight }, { $percent })
profile-label-total = { $total } ({ $percent })
profile-label-group = Group by
profile-label-group-by = Group by { $key }
profile-label-group-help = Put this label's values at the root of the flame graph and in the table (pprof's -tagroot)
profile-label-keep = Keep only these samples
profile-label-drop = Drop these samples
flame-summary = Flame: { $n ->
    [one] 1 frame
   *[other] { $frames } frames
}, { $total }
peek-none = Click a function in the table to see its callers and callees.
peek-title = Callers and callees of { $name }
peek-help = As go tool pprof -peek; click a caller or callee to walk to it.
peek-callers = Callers ({ $n })
peek-callees = Callees ({ $n })
peek-empty = none
peek-edge = Peek: { $name }
peek-self = flat { $flat }, cum { $cum } ({ $percent })
profile-sort = Sort by { $column } (again: the other way)
profile-rows-shown = { $n } shown: those in the zoomed frame that match the search
# The cut range on the ruler (lead, issue 12)
ruler-cut = incomplete from here: events and names after this may be lost


# sharing: presentation mode, scale, palettes
cmd-present = Presentation mode
cmd-present-help = Larger type, the colour-blind-safe palette and a halo round the pointer, for sharing the screen
cmd-scale-up = Larger
cmd-scale-up-help = Make the whole window larger
cmd-scale-down = Smaller
cmd-scale-down-help = Make the whole window smaller
cmd-scale-reset = Actual size
cmd-scale-reset-help = Back to the usual size
settings-scale = Scale
settings-scale-keys = Keys: Ctrl + / Ctrl − / Ctrl 0
settings-palette = Colours
palette-default = Default
palette-colour-blind = Colour-blind safe (Okabe–Ito)
palette-high-contrast = High contrast

# sharing: bookmarks
cmd-add-bookmark = Add bookmark
cmd-add-bookmark-help = Bookmark the selected range (or the visible window) and what is selected
cmd-next-bookmark = Next bookmark
cmd-next-bookmark-help = Fly the view to the next bookmark
cmd-prev-bookmark = Previous bookmark
cmd-prev-bookmark-help = Fly the view to the previous bookmark
bookmarks-title = Bookmarks ({ $count })
bookmark-default-name = Bookmark { $n }
bookmark-go-name = Go to bookmark { $name }
bookmark-name-name = Name of bookmark { $n }
bookmark-note-name = Note of bookmark { $n }
bookmark-note-hint = note
bookmark-delete = Delete this bookmark
bookmark-delete-short = Delete

# sharing: session files
cmd-save-session = Save session
cmd-save-session-help = Save the files, view, filter, selection and bookmarks as a .goroscope file beside the first file
session-nothing-open = no file is open
session-saved = Session saved to { $file }
session-cannot-save = Cannot save the session { $file }: { $error }
session-cannot-open = Cannot open the session { $file }: { $error }
session-file-missing = The session's file { $file } is missing
session-file-changed = The session's file { $file } changed since the session was saved

# sharing: copy as Markdown
md-copy = Copy as Markdown
md-copy-suspect = Copy suspect #{ $rank } as Markdown
md-copy-help = Counts, reason, creation site and the stack as a code block, for a chat or an issue
md-suspect-title = Suspect #{ $rank }: { $count } × { $reason }
md-goroutine-title = Goroutine { $id } ({ $function })
md-state = state
md-blocked = blocked for
md-blocked-at = blocked at
md-created-at = created at
md-called-from = called from
md-piling = piling up
md-moving = moving
md-piling-value = { $created } created over { $over } and still alive, { $n_ended ->
    [0] none
   *[other] { $ended }
} of their kind ended
md-goroutine-ids = goroutines

# sharing: export view as PNG
cmd-export-png = Export view as PNG
cmd-export-png-help = Save a picture of the window beside the first file, for a chat or an issue
export-saved = View saved to { $file }
export-failed = Cannot save the view: { $error }
export-no-renderer = no renderer answered the screenshot request

profile-menu-focus = Focus on it
profile-menu-ignore = Ignore it
profile-menu-hide = Hide it
profile-menu-copy = Copy the name

## Source view (pprof's list) and source roots
profile-menu-source = Show source
peek-source = Source
flame-menu-peek = Callers and callees
flame-menu-zoom = Zoom into it
source-title = Source of { $name }
source-close = Back to the flame graph
source-help = As go tool pprof -list: flat and cum per line. Click a line to open it in the editor.
source-reading = Reading the source…
source-no-samples = This function has no samples under the current view.
source-routine = { $name } in { $file }
source-sums = { $flat } flat, { $cum } cum ({ $percent } of the total)
source-no-file = The profile has no source file for { $name }.
source-unreadable = Cannot read { $path }: { $error }
source-missing = Source file not found: { $file } (looked in { $n ->
    [one] 1 place
   *[other] { $n } places
}).
source-missing-help = The profile was built on another machine or from another folder: add a source root in Settings (the build path's prefix → the folder it is in here).
source-looked = Places looked in ({ $n })
source-read-from = Read from { $path }
source-open = Open in editor
source-line = Line { $line }: { $flat } flat, { $cum } cum: { $code }
source-line-help = Open this line in the editor
settings-source-roots = Source roots
settings-source-roots-help = Build paths rewritten to this machine's (GOROOT, the module cache and the opened file's folder are searched anyway).
settings-source-from = Source root { $index }: build path
settings-source-to = Source root { $index }: folder here
settings-source-remove = Remove this source root
settings-source-remove-n = Remove source root { $index }
settings-source-add = Add a source root
settings-source-roots-open = Source roots…
butterfly-self = (self)
butterfly-part = { $kind ->
    [caller] Caller
   *[other] Callee
}: { $name } ({ $percent })
# Reader warnings, each kind's message (src/format/error/kinds.rs; the English must match).
warning-trace-cut-recovered = trace truncated at byte { $total }: the last generation (from byte { $start }) is incomplete ({ $error }); { $recovered } of its events { $recovered-n ->
    [one] was
   *[other] were
} recovered, some may lack names and stacks
warning-trace-cut-dropped = trace truncated at byte { $total }: the last generation ({ $bytes } { $bytes-n ->
    [one] byte
   *[other] bytes
}) was dropped ({ $error })
warning-trace-tables-damaged = trace damaged in the generation at byte { $start }: its tables do not decode ({ $error }); { $recovered } of its events { $recovered-n ->
    [one] was
   *[other] were
} recovered, some may lack names and stacks, and the events after it were dropped
warning-trace-inconsistent = trace is inconsistent in the generation at byte { $start } ({ $error }); the events from there on were dropped
warning-trace-over-budget = the read stopped at byte { $offset } of { $total }: going on would take more memory than this file's budget of { $mib } MiB (4 × its size + 100 MiB + 16 bytes a goroutine state change past a goroutine's first four + 128 bytes a goroutine that exited), so the rest of the trace was dropped: what is reported is the part read
warning-trace-v1-damaged = trace truncated or damaged at byte { $offset } of { $size }: { $error }; the events before it were loaded
warning-trace-v1-damaged-no-footer = trace truncated or damaged at byte { $offset } of { $size } (the footer with the clock frequency and the stacks is lost): { $error }; the events before it were loaded
warning-trace-v1-no-footer = trace truncated or damaged at byte { $size } of { $size } (the footer with the clock frequency and the stacks is lost): the file ends without its footer; the events before it were loaded
warning-trace-v1-unordered = events could not be ordered from byte { $offset } on ({ $error }); the first { $merged } { $merged-n ->
    [one] event was
   *[other] events were
} loaded
warning-trace-v1-no-frequency = no Frequency event: times assume { $frequency } ticks per second and are only approximate
warning-trace-v1-sorted = time stamps out of order after merging the processors' events; sorted by time
warning-trace-v1-syscall-exits-early = { $count } syscall { $count-n ->
    [one] exit has a time before its
   *[other] exits have a time before their
} syscall began; kept at { $count-n ->
    [one] its
   *[other] their
} event time
warning-trace-v1-events-late = { $count } { $count-n ->
    [one] event
   *[other] events
} came too late to be sorted into place (a syscall open for more than { $hold } events); { $count-n ->
    [one] it keeps
   *[other] they keep
} the time of the event before { $count-n ->
    [one] it
   *[other] them
}
warning-profile-dangling = { $count } { $count-n ->
    [one] reference
   *[other] references
} to missing locations, functions or mappings { $count-n ->
    [one] was
   *[other] were
} dropped
warning-profile-nothing-freed = nothing sampled in this heap profile was ever freed (in use = allocated at every site): either it was written before the first garbage collection finished, so its in-use figures are everything allocated, garbage included (write it after runtime.GC(), net/http/pprof's ?gc=1), or all it sampled is still held
warning-profile-drop-frames = the profile asks to drop frames matching { $pattern }; they are kept here
warning-profile-stacks-cut-inlined = { $count } { $count-n ->
    [one] stack
   *[other] stacks
} cut short: inlined calls would expand past { $budget } extra frames (a crafted or damaged profile?)
warning-profile-stacks-cut-frames = { $count } { $count-n ->
    [one] stack
   *[other] stacks
} cut short: more than { $max } { $count-n ->
    [one] frames
   *[other] frames each
} (a crafted or damaged profile?)
warning-profile-text-not-a-sample = line { $line }: skipped { $text }: not a sample line ("{ $shape }": { $why })
warning-profile-text-attribute = line { $line }: skipped { $text }: not an attribute this reader knows (cycles/second, sampling period)
warning-dump-frame-outside-record = line { $line }: a frame line outside a record
warning-dump-not-a-record = line { $line }: skipped { $text }: not a record ("N @ 0x…")
warning-dump-profile-ends-after = line { $line }: the profile ends after this line, inside a record: cut short?
warning-dump-profile-ends-inside = line { $line }: the profile ends in the middle of this line, inside a record: cut short?
warning-dump-total-mismatch = the header says { $total } { $total-n ->
    [one] goroutine
   *[other] goroutines
}, the records hold { $sum }
warning-dump-ends-without-location = line { $line }: the dump ends inside goroutine { $id }'s stack; its last frame has no location
warning-dump-no-line-end = line { $line }: the dump ends without a line end: it may be cut short here
warning-dump-repeated-ids = { $count } { $count-n ->
    [one] goroutine
   *[other] goroutines
} from line { $line } on { $count-n ->
    [one] repeats an id
   *[other] repeat ids
} already read (a dump saved twice, or two dumps in one file?): each goroutine is counted once, as first read
warning-dump-no-stacks = the crash printed no goroutine (GOTRACEBACK=none, or the thread that threw ended the process before another printed its traceback): run it again with GOTRACEBACK=all to see the stacks
warning-dump-earlier-tracebacks = this file holds { $count } { $count-n ->
    [one] traceback
   *[other] tracebacks
} before the one at line { $line } ({ $goroutines } { $goroutines-n ->
    [one] goroutine
   *[other] goroutines
}: other processes, such as a go test's helpers sent SIGQUIT, or earlier dumps of this one): only the last is read
warning-dump-header-cut = line { $line }: skipped { $text }: expected a goroutine header "goroutine N [state]:" (the dump ends mid-line)
warning-dump-header-damaged = line { $line }: skipped { $text }: expected a goroutine header "goroutine N [state]:" (a damaged line?)
warning-dump-frame-outside-goroutine = line { $line }: skipped a stack frame outside any goroutine ({ $text }): the goroutine header above it is damaged or missing
warning-dump-expected-location = line { $line }: expected the file:line of the frame above in goroutine { $id }, found { $text } (a wrapped or cut line?)
warning-dump-ends-mid-line = line { $line }: the dump ends inside goroutine { $id }'s stack, cut mid-line at { $text }
warning-dump-unexpected-line = line { $line }: goroutine { $id } (from line { $from }) ends at an unexpected line { $text }
warning-dump-frames-left-out = goroutine { $id } (line { $line }): { $count } { $count-n ->
    [one] frame
   *[other] frames
} past the first { $max } left out (Go prints at most 100)
warning-memstats-not-json = line { $line }: skipped, not a runtime.MemStats JSON object: { $why }
warning-memstats-time-back = line { $line }: its time goes back { $back }: left out of the curves
warning-memstats-implausible = line { $line }: implausible { $values }: left out of the curves
warning-memstats-untimed = { $count } MemStats { $count-n ->
    [one] snapshot has
   *[other] snapshots have
} no time field: { $count-n ->
    [one] it is
   *[other] each is
} placed at the end of the last GC it counts (LastGC), the earliest it can have been written
warning-prom-other-instances = the export holds { $count } other { $count-n ->
    [one] instance
   *[other] instances
} of the Go collector's series, left out: the curves are { $instance }'s
warning-prom-untimed = { $count } { $count-n ->
    [one] scrape has
   *[other] scrapes have
} no timestamps: { $count-n ->
    [one] it is placed at the end of the last GC it reports
   *[other] each is placed at the end of the last GC it reports
} (go_memstats_last_gc_time_seconds), the earliest it can have been taken
warning-prom-bad-points = { $count } { $count-n ->
    [one] point that is not a number
   *[other] points that are not numbers
} (or before the first) left out, the first of { $metric }
warning-gc-line-unparsed = line { $line }: skipped a gc line that does not parse: { $text }
warning-gc-log-cut = line { $line }: the log ends in the middle of this gc line: its last figures may be missing
warning-gc-other-lines = { $count } { $count-n ->
    [one] line that is not a GC line
   *[other] lines that are not GC lines
} skipped ({ $count-n ->
    [one] at
   *[other] the first at
} line { $line })
warning-gc-implausible-heap = line { $line }: gc { $gc } has an implausible heap size: left out of the curves
warning-gc-out-of-order = line { $line }: gc { $gc } is out of time order: left out of the curves
warning-gc-starts-before = line { $line }: gc { $gc } starts before gc { $previous } (a second program's log?): left out of the curves
warning-text-cleaned = { $how }; byte offsets below count in the cleaned text
warning-profile-text-skipped = the first { $bytes } { $bytes-n ->
    [one] byte is
   *[other] bytes are
} not part of the goroutine profile and { $bytes-n ->
    [one] was
   *[other] were
} skipped
warning-at-byte = byte { $offset }
warning-cause-at-byte = at byte { $offset }: { $text }
warning-at-line = line { $line }
warning-show-lost = Show the lost part on the timeline (from { $from })
warning-show-lost-help = The trace was cut: from here to its end events are missing and names may be lost (shaded on the timeline).

# Copy as Markdown of a finding and of a dump's group (src/ui/markdown.rs).
md-copy-finding = Copy finding { $n } as Markdown
md-copy-group = Copy group as Markdown
md-finding-title = Finding: { $what }
md-count = count
md-running-share = running or runnable
md-looping-in = looping in
md-loop-not-recorded = not recorded (older than the trace, preempted only asynchronously: a goroutine dump (debug=2) shows it)
md-stacks-agreeing = stacks agreeing
md-loop-site = Where they loop
md-no-poll = no poll in the stacks where they lost the CPU: a busy wait on a plain variable, or a loop that computes (CPU-bound work); the line tells
md-heap-after-gc = heap after GC
md-over = over
md-rate = rate
md-gc-cycles = GC cycles
md-time-range = time range
md-live-and-goal = live heap / goal at the end
md-gc-active = time a GC cycle ran
md-gc-cpu = CPU taken by the GC (idle marking aside)
md-site = allocation site
md-holds = holds
md-allocated-in = allocated in
md-lock = lock
md-locked-at = locked at
md-mean-waiters = goroutines waiting on average
md-waited = waited in all / window
md-waits = waits
md-waits-value = { $waits } by { $n ->
    [one] 1 goroutine
   *[other] { $goroutines } goroutines
}, the longest { $longest }
md-group-title = Group: { $count } × { $state }
md-locked = locked to its thread
md-leaked = leaked: the runtime proved these goroutines can never be woken

# File → Save session's dialog (src/ui/app/open_dialog.rs, browser.rs).
dialog-save-session-title = Save the session
browser-save = Save

# capture: File → Capture from a running program… (issue 15)
cmd-capture = Capture from a running program…
cmd-capture-help = Pull a trace, goroutine dumps, the heap and the leak profile from a program's net/http/pprof endpoints, and watch its groups grow
capture-title = Capture from a running program
capture-url = Program URL
capture-trace = Execution trace
capture-trace-seconds = seconds of trace
capture-dumps = Goroutine dumps
capture-every = seconds apart
capture-heap = Heap profile
capture-leak-profile = Goroutine leak profile (Go 1.27)
capture-flight = Flight recorder at
capture-flight-path = Flight recorder path
capture-folder = Save into folder
capture-form-note = Only this host is asked; the dumps open as a series that grows while they arrive.
capture-start = Start capture
capture-stop = Stop
capture-close = Close
capture-from = From { $url }
capture-saving-to = Saving into { $folder }
capture-dumps-progress = Goroutine dumps: { $n } of { $total }
capture-trace-arriving = Trace arriving: { $size }
capture-asking = Asking for the { $kind }…
capture-saved = Saved: { $kind } ({ $size })
capture-open = Open the { $kind }
capture-show-series = { $n ->
    [one] Show the dump as a series
   *[other] Show the { $n } dumps as a series
}
capture-no-leak-profile = This program's Go has no goroutine leak profile (404 Unknown profile): skipped.
capture-kept = { $n ->
    [one] The file saved is kept.
   *[other] The { $n } files saved are kept.
}
capture-done = Capture finished: { $n ->
    [one] 1 file saved.
   *[other] { $n } files saved.
}
capture-kind-trace = execution trace
capture-kind-goroutine = goroutine dump
capture-kind-heap = heap profile
capture-kind-goroutineleak = goroutine leak profile
capture-kind-flight = flight recorder snapshot
capture-problem-bad-url = not a URL goroscope can capture from: { $why }
capture-problem-connect = cannot connect: { $why }
capture-problem-timeout = no answer within { $seconds } s
capture-problem-status = the server answered { $code } { $reason }: { $line }
capture-problem-html = the server answered with an HTML page ({ $code } { $reason })
capture-problem-unexpected = expected { $expected }, got { $found }
capture-problem-too-large = the answer is larger than the cap of { $cap }
capture-problem-redirect = redirected to { $location }; goroscope follows redirects on the same host only
capture-problem-cut = the connection broke after { $bytes ->
    [one] 1 byte
   *[other] { $bytes } bytes
}: { $why }
capture-problem-write = cannot write { $path }: { $why }
capture-problem-stopped = stopped before anything arrived
capture-no-thread = Cannot start the capture: { $error }

# A trace shown while it loads (stream: src/ui/app/swap.rs)
loading-so-far = Loading { $file }: { $percent }% read, showing what has loaded so far; suspects and findings come at the end

# Reader errors (errors: src/format/error/error_kinds.rs; a test checks the English is the report's)
error-in-line = line { $line }: { $text }
error-cancelled = cancelled
error-thread-start = could not start a thread: { $error }
error-varint-end = expected a varint ({ $what }), found the end of the data
error-varint-overflow = varint ({ $what }) overflows 64 bits
error-varint-long = varint ({ $what }) longer than 10 bytes
error-bytes-end = expected { $what } ({ $count } { $count-n ->
    [one] byte
   *[other] bytes
}), found { $left } { $left-n ->
    [one] byte
   *[other] bytes
} before the end
error-file-empty = the file is empty; expected a Go trace, goroutine dump, profile or GC log
error-file-unknown = expected a Go execution trace (header "go 1.N trace"), a goroutine dump, a pprof profile, a gctrace log or MemStats JSON lines, found content of an unknown kind
error-file-unsupported = expected a Go execution trace (header "go 1.N trace"), a goroutine dump, a pprof profile, a gctrace log or MemStats JSON lines, found a { $kind } file, which this version cannot read yet
error-file-is-folder = this is a folder; name the files in it (for example FOLDER/*.trace FOLDER/*.txt)
error-cannot-read = cannot read the file: { $error }
error-cannot-read-stream = cannot read the stream: { $error }
error-stream-too-long = not a regular file, and it did not end within { $mib } MiB; save it to a file first
error-reader-thread-start = cannot start the reader thread: { $error }
error-reader-stopped = the trace reader stopped unexpectedly
error-reader-wants-more-of-file = the reader asked for more of a whole file
error-reader-wants-more-of-trace = the reader asked for more bytes of a complete trace
error-header-short = expected a 16-byte Go trace header ("go 1.NN trace"), found { $count } { $count-n ->
    [one] byte
   *[other] bytes
}
error-header-not-trace = expected a Go trace header starting with "go 1."; this is not a Go execution trace
error-header-minor = expected a one- or two-digit minor version after "go 1."
error-header-suffix = expected " trace" after the version in the header
error-header-padding = expected NUL padding up to byte 16 of the header
error-unknown-version = unknown trace format version go 1.{ $minor }
error-no-batch-after-header = expected a batch after the header, found the end of the file
error-batch-expected = expected a batch (type byte 1 or 49), found byte { $byte }
error-batch-too-big = batch size { $size } exceeds the maximum of { $max }
error-batch-generation-zero = batch has generation number 0
error-generation-no-end = expected an EndOfGeneration byte, found the end of the file
error-generation-end-early = unexpected EndOfGeneration byte before format 1.26
error-generation-mixed = batch of generation { $batch } inside generation { $generation }
error-no-frequency = no frequency event found in generation { $generation }
error-no-clock-snapshot = no clock snapshot found in generation { $generation }
error-no-thread-advances = broken trace: no thread can advance in generation { $generation } ({ $heads })
error-recover-no-batches = expected event batches after the generation's first batches, found the end of the file
error-recover-missing-ref = { $event } refers to a string or stack missing from the generation's tables
error-table-not-string = expected a String entry (5), found { $typ }
error-string-too-long = string length { $length } exceeds 1024
error-string-id-bad = duplicate or zero string id { $id }
error-table-not-stack = expected a Stack entry (3), found { $typ }
error-stack-too-deep = stack { $id } has { $count } frames (max 128)
error-stack-missing-string = stack { $id } names a string id missing from the table
error-stack-id-bad = duplicate or zero stack id { $id }
error-table-not-cpu-sample = expected a CPUSample (7), found { $typ }
error-frequency-twice = found multiple frequency events
error-frequency-zero = expected a frequency above 0, found 0
error-clock-snapshot-twice = found multiple clock snapshots
error-table-not-clock = expected a Frequency or ClockSnapshot event, found { $typ }
error-v1-too-old = trace format go 1.{ $minor } (written by Go 1.10 or older) is not supported; Go 1.11 to 1.21 are
error-v1-merge-failed = the merge of old-format events failed
error-v1-no-events = expected events after the header, found none
error-v1-no-order = no consistent ordering of events possible (a goroutine waits for an event that is missing)
error-v1-impossible-transition = impossible goroutine state transition
error-v1-unknown-event = unknown event type { $typ } (byte 0x{ $byte })
error-v1-string-bad-length = event type { $typ }: string id { $id } with bad length { $length }
error-v1-batch-args = event type { $typ }: Batch must have 2 arguments
error-v1-stack-not-prefixed = event type { $typ }: Stack must be length-prefixed
error-v1-event-too-big = event type { $typ }: length-prefixed event too big: { $length } bytes
error-v1-log-too-long = event type { $typ }: log value too long: { $length } bytes
error-v1-wrong-args = event type { $typ }: wrong number of arguments: want { $want }, got { $got }
error-v1-too-many-args = event type { $typ }: too many arguments
error-v1-string-twice = string id { $id } is defined twice
error-v1-string-missing = { $count } names the stacks use are missing (string id { $id } the first): the footer is cut
error-v1-stack-missing = { $count } stacks the events use are missing (stack id { $id } the first): the footer is cut
error-v1-before-batch = event type { $typ } before the first Batch
error-v1-proc-too-large = processor id { $id } is too large
error-v1-bad-frequency = bad frequency { $frequency }
error-v1-stack-too-deep = stack { $id } has { $count } frames (at most { $max })
error-v1-stack-bytes-left = stack { $id }: bytes left after { $count } { $count-n ->
    [one] frame
   *[other] frames
}
error-v1-stack-twice = stack id { $id } is defined twice
error-profile-gzip-holds-trace = not a pprof profile (after gunzip): the gzip stream holds a Go execution trace; gunzip it and open that
error-profile-gzip-holds-dump = not a pprof profile (after gunzip): the gzip stream holds a goroutine dump; gunzip it and open that
error-profile-gzip-holds-gc-log = not a pprof profile (after gunzip): the gzip stream holds a gctrace log; gunzip it and open that
error-profile-gzip-holds-memstats = not a pprof profile (after gunzip): the gzip stream holds MemStats JSON lines; gunzip it and open that
error-profile-no-decode = not a pprof profile: the protobuf does not decode: { $error }
error-profile-no-decode-gunzipped = not a pprof profile (after gunzip): the protobuf does not decode: { $error }
error-profile-empty = not a pprof profile: it has no sample types and no samples
error-profile-empty-gunzipped = not a pprof profile (after gunzip): it has no sample types and no samples
error-gzip-truncated = the gzip stream is truncated, after { $bytes } decompressed { $bytes-n ->
    [one] byte
   *[other] bytes
}
error-gzip-corrupt = the gzip stream is corrupt ({ $error }), after { $bytes } decompressed { $bytes-n ->
    [one] byte
   *[other] bytes
}
error-gzip-bomb = the gzip stream inflates past { $limit } bytes ({ $factor } times the file): refused as a gzip bomb
error-profile-too-costly = not a usable pprof profile: its { $bytes } bytes would take { $mib } MiB once decoded (more than { $per_byte } times their size, { $per_file } times the file's { $file_bytes } bytes, plus { $floor } MiB; real profiles take under 8 times): refused
error-profile-too-costly-gunzipped = not a usable pprof profile (after gunzip): its { $bytes } bytes would take { $mib } MiB once decoded (more than { $per_byte } times their size, { $per_file } times the file's { $file_bytes } bytes, plus { $floor } MiB; real profiles take under 8 times): refused
error-profile-string-missing = { $what } names string { $index }, but the string table has { $count } { $count-n ->
    [one] string
   *[other] strings
}
error-profile-string-table-start = the profile's string table does not start with ""
error-profile-sample-values = sample { $index } has { $count } { $count-n ->
    [one] value
   *[other] values
}, but the profile has { $types } sample { $types-n ->
    [one] type
   *[other] types
}
error-profile-text-header = expected a text profile's first line ("heap profile: N: BYTES [N: BYTES] @ heap/RATE", "--- mutex:" or "--- contention:"), found { $text }
error-dump-profile-no-text = the file has no text; expected a goroutine profile
error-dump-profile-header = expected "goroutine profile: total N", found { $text }
error-dump-no-text = the file has no text; expected a goroutine dump
error-dump-no-header = no goroutine header ("goroutine N [state]:") in the file; it starts with { $text }
error-memstats-none = expected one runtime.MemStats JSON object per line (with "HeapAlloc"): { $why }
error-prom-no-series = expected a Prometheus range query's JSON ("resultType":"matrix") with the Go collector's go_memstats_heap_alloc_bytes: { $why }
error-gc-no-lines = no GC lines found; expected GODEBUG=gctrace=1 lines like "gc 1 @0.012s 2%: ..."
error-event-batch-end = expected an event, found the end of the batch
error-event-not-timed = found event type { $typ } ({ $name }) where a timed event was expected
error-event-truncated = truncated or invalid { $name } event
error-live-idle = no more bytes came for { $seconds } s

# Trace-ordering reasons (Go 1.22+): Go's own reasons, word for word (polish2, issue 13).
error-order-want-thread = expected a thread but didn't have one
error-order-want-proc = expected a proc but didn't have one
error-order-want-goroutine = expected a goroutine but didn't have one
error-order-unwanted-thread = expected no thread but had one
error-order-unwanted-proc = expected no proc but had one
error-order-unwanted-goroutine = expected no goroutine but had one
error-order-unknown-stack = unknown stack id { $id } in { $event }
error-order-unknown-string = unknown string id { $id } in { $event }
error-order-bad-event-type = bad event type { $typ } ({ $event }) while ordering
error-order-go-bad-status = invalid status for goroutine { $g }: { $status }
error-order-go-inconsistent-status = inconsistent status for goroutine { $g }: old { $old } vs. new { $new }
error-order-go-status-late = found status for new goroutine { $g } after the first generation
error-order-go-syscall-no-thread = goroutine { $g } in a syscall without a thread
error-order-go-syscall-thread = inconsistent thread for syscalling goroutine { $g }: thread has goroutine { $other }
error-order-go-unknown = { $event } for unknown goroutine { $g }
error-order-go-not-running = { $event } for goroutine { $g } that's not running
error-order-creator-not-running = { $event } by goroutine { $g } that's not running
error-order-go-exists = tried to create goroutine { $g } that already exists
error-order-go-syscall-exists = tried to create goroutine { $g } in a syscall that already exists
error-order-go-not-in-syscall = { $event } for goroutine { $g } not in a syscall
error-order-proc-uninitialized = uninitialized proc { $p } in { $event }
error-order-proc-invalid = invalid proc { $p } in { $event }
error-order-proc-sequence = { $event }: proc { $p } sequence { $seq } does not follow { $previous }
error-order-proc-not-in-syscall = { $event }: proc { $p } is not in a syscall
error-order-proc-unexpected-state = proc { $p } in unexpected state in { $event }
error-order-proc-missing = { $event } for proc { $p } that doesn't exist
error-order-proc-not-running = { $event } for a proc that's not running or in a syscall
error-order-proc-unknown = { $event } for unknown proc { $p }
error-order-proc-bad-status = invalid status for proc { $p }: { $status }
error-order-proc-inconsistent-status = inconsistent status for proc { $p }: old { $old } vs. new { $new }
error-order-proc-no-holder = no thread holds proc { $p }, which is about to be stolen
error-order-self-steal = tried to self-steal proc { $p } (thread { $m }), but got proc { $got }
error-order-steal-no-thread = stole proc from non-existent thread { $m }
error-order-thread-state-missing = thread state missing
error-order-steal = tried to steal proc { $p } from thread { $m }, but got proc { $got }
error-order-gc-active-first = GCActive in the first generation isn't the first GC event
error-order-gc-active-not-running = GCActive while GC was not in progress
error-order-gc-begin-running = GCBegin while GC was already in progress
error-order-gc-end-not-running = GCEnd when GC was not in progress
error-order-range-in-flight = range { $event } already in flight
error-order-active-range-in-flight = active range { $event } already in flight in the first generation
error-order-active-range-missing = resource is missing active range { $event }
error-order-range-not-in-flight = tried to end { $event }, but it is not in flight
error-order-task-conflict = task id conflict: { $task }
error-order-region-misuse = misuse of region in goroutine { $g }: end does not match the innermost begin

# What a reader was reading when the bytes ran out or went wrong ($what in the errors above):
# field- and the English words, lower case, each run of other characters a hyphen.
field-cpu-samples-batch-header = CPU samples batch header
field-a-cpusample-entry = a CPUSample entry
field-a-frequency-or-clocksnapshot-event = a Frequency or ClockSnapshot event
field-a-stack-entry = a Stack entry
field-a-string-entry = a String entry
field-a-batch-type-byte = a batch type byte
field-a-comment = a comment
field-a-function-name = a function name
field-a-function-s-file = a function's file
field-a-function-s-system-name = a function's system name
field-a-label-key = a label key
field-a-label-unit = a label unit
field-a-label-value = a label value
field-a-mapping-s-build-id = a mapping's build id
field-a-mapping-s-file = a mapping's file
field-a-sample-type = a sample type
field-a-sample-unit = a sample unit
field-an-event = an event
field-an-event-argument = an event argument
field-batch-generation = batch generation
field-batch-size = batch size
field-batch-thread-id = batch thread id
field-batch-timestamp = batch timestamp
field-bytes = bytes
field-event-arguments = event arguments
field-event-length = event length
field-field-key = field key
field-frame-file = frame file
field-frame-file-string-id = frame file string id
field-frame-function = frame function
field-frame-function-string-id = frame function string id
field-frame-line = frame line
field-frame-pc = frame pc
field-frequency = frequency
field-length = length
field-log-value = log value
field-log-value-length = log value length
field-sample-goroutine = sample goroutine
field-sample-proc = sample proc
field-sample-stack = sample stack
field-sample-thread = sample thread
field-sample-time = sample time
field-snapshot-dt = snapshot dt
field-snapshot-mono = snapshot mono
field-snapshot-nanoseconds = snapshot nanoseconds
field-snapshot-seconds = snapshot seconds
field-stack-body = stack body
field-stack-frame-count = stack frame count
field-stack-id = stack id
field-stack-length = stack length
field-stacks-batch-header = stacks batch header
field-string-bytes = string bytes
field-string-id = string id
field-string-length = string length
field-strings-batch-header = strings batch header
field-sync-batch-header = sync batch header
field-the-batch-body = the batch body
field-the-experiment-id-of-an-experimental-batch = the experiment id of an experimental batch

//! Every kind of reader warning: its catalog id and its English text (the report's, word for
//! word as the readers wrote it before warnings were structured). The window's texts are in
//! `assets/i18n/*.ftl` under the same ids, with `{ $name }` for each `{name}`; a test checks
//! that English there and here agree.

kinds! {
    "a warning" WarningKind:
    // Traces, Go 1.22+ (format/trace/reader).
    TraceCutRecovered => "warning-trace-cut-recovered",
        "trace truncated at byte {total}: the last generation (from byte {start}) is incomplete ({error}); {recovered} of its events {recovered|was|were} recovered, some may lack names and stacks";
    TraceCutDropped => "warning-trace-cut-dropped",
        "trace truncated at byte {total}: the last generation ({bytes} {bytes|byte|bytes}) was dropped ({error})";
    TraceTablesDamaged => "warning-trace-tables-damaged",
        "trace damaged in the generation at byte {start}: its tables do not decode ({error}); {recovered} of its events {recovered|was|were} recovered, some may lack names and stacks, and the events after it were dropped";
    TraceInconsistent => "warning-trace-inconsistent",
        "trace is inconsistent in the generation at byte {start} ({error}); the events from there on were dropped";
    // Traces, any version (load/budget).
    TraceOverBudget => "warning-trace-over-budget",
        "the read stopped at byte {offset} of {total}: going on would take more memory than this file's budget of {mib} MiB (4 × its size + 100 MiB + 16 bytes a goroutine state change past a goroutine's first four + 128 bytes a goroutine that exited), so the rest of the trace was dropped: what is reported is the part read";
    // Traces, Go 1.11–1.21 (format/trace/v1).
    TraceV1Damaged => "warning-trace-v1-damaged",
        "trace truncated or damaged at byte {offset} of {size}: {error}; the events before it were loaded";
    TraceV1DamagedNoFooter => "warning-trace-v1-damaged-no-footer",
        "trace truncated or damaged at byte {offset} of {size} (the footer with the clock frequency and the stacks is lost): {error}; the events before it were loaded";
    TraceV1NoFooter => "warning-trace-v1-no-footer",
        "trace truncated or damaged at byte {size} of {size} (the footer with the clock frequency and the stacks is lost): the file ends without its footer; the events before it were loaded";
    TraceV1Unordered => "warning-trace-v1-unordered",
        "events could not be ordered from byte {offset} on ({error}); the first {merged} {merged|event was|events were} loaded";
    TraceV1NoFrequency => "warning-trace-v1-no-frequency",
        "no Frequency event: times assume {frequency} ticks per second and are only approximate";
    TraceV1Sorted => "warning-trace-v1-sorted",
        "time stamps out of order after merging the processors' events; sorted by time";
    TraceV1SyscallExitsEarly => "warning-trace-v1-syscall-exits-early",
        "{count} syscall {count|exit has a time before its|exits have a time before their} syscall began; kept at {count|its|their} event time";
    TraceV1EventsLate => "warning-trace-v1-events-late",
        "{count} {count|event|events} came too late to be sorted into place (a syscall open for more than {hold} events); {count|it keeps|they keep} the time of the event before {count|it|them}";
    // pprof profiles (format/pprof, analysis/profile_groups).
    ProfileDangling => "warning-profile-dangling",
        "{count} {count|reference|references} to missing locations, functions or mappings {count|was|were} dropped";
    ProfileNothingFreed => "warning-profile-nothing-freed",
        "nothing sampled in this heap profile was ever freed (in use = allocated at every site): either it was written before the first garbage collection finished, so its in-use figures are everything allocated, garbage included (write it after runtime.GC(), net/http/pprof's ?gc=1), or all it sampled is still held";
    ProfileDropFrames => "warning-profile-drop-frames",
        "the profile asks to drop frames matching {pattern}; they are kept here";
    ProfileStacksCutInlined => "warning-profile-stacks-cut-inlined",
        "{count} {count|stack|stacks} cut short: inlined calls would expand past {budget} extra frames (a crafted or damaged profile?)";
    ProfileStacksCutFrames => "warning-profile-stacks-cut-frames",
        "{count} {count|stack|stacks} cut short: more than {max} {count|frames|frames each} (a crafted or damaged profile?)";
    // Goroutine profiles as text, debug=1 (format/dump/profile).
    ProfileTextNotASample => "warning-profile-text-not-a-sample",
        "line {line}: skipped {text}: not a sample line (\"{shape}\": {why})";
    ProfileTextAttribute => "warning-profile-text-attribute",
        "line {line}: skipped {text}: not an attribute this reader knows (cycles/second, sampling period)";
    DumpFrameOutsideRecord => "warning-dump-frame-outside-record",
        "line {line}: a frame line outside a record";
    DumpNotARecord => "warning-dump-not-a-record",
        "line {line}: skipped {text}: not a record (\"N @ 0x…\")";
    DumpProfileEndsAfter => "warning-dump-profile-ends-after",
        "line {line}: the profile ends after this line, inside a record: cut short?";
    DumpProfileEndsInside => "warning-dump-profile-ends-inside",
        "line {line}: the profile ends in the middle of this line, inside a record: cut short?";
    DumpTotalMismatch => "warning-dump-total-mismatch",
        "the header says {total} {total|goroutine|goroutines}, the records hold {sum}";
    // Goroutine dumps, debug=2 and crash output (format/dump/traceback).
    DumpEndsWithoutLocation => "warning-dump-ends-without-location",
        "line {line}: the dump ends inside goroutine {id}'s stack; its last frame has no location";
    DumpNoLineEnd => "warning-dump-no-line-end",
        "line {line}: the dump ends without a line end: it may be cut short here";
    DumpRepeatedIds => "warning-dump-repeated-ids",
        "{count} {count|goroutine|goroutines} from line {line} on {count|repeats an id|repeat ids} already read (a dump saved twice, or two dumps in one file?): each goroutine is counted once, as first read";
    DumpNoStacks => "warning-dump-no-stacks",
        "the crash printed no goroutine (GOTRACEBACK=none, or the thread that threw ended the process before another printed its traceback): run it again with GOTRACEBACK=all to see the stacks";
    DumpEarlierTracebacks => "warning-dump-earlier-tracebacks",
        "this file holds {count} {count|traceback|tracebacks} before the one at line {line} ({goroutines} {goroutines|goroutine|goroutines}: other processes, such as a go test's helpers sent SIGQUIT, or earlier dumps of this one): only the last is read";
    DumpHeaderCut => "warning-dump-header-cut",
        "line {line}: skipped {text}: expected a goroutine header \"goroutine N [state]:\" (the dump ends mid-line)";
    DumpHeaderDamaged => "warning-dump-header-damaged",
        "line {line}: skipped {text}: expected a goroutine header \"goroutine N [state]:\" (a damaged line?)";
    DumpFrameOutsideGoroutine => "warning-dump-frame-outside-goroutine",
        "line {line}: skipped a stack frame outside any goroutine ({text}): the goroutine header above it is damaged or missing";
    DumpExpectedLocation => "warning-dump-expected-location",
        "line {line}: expected the file:line of the frame above in goroutine {id}, found {text} (a wrapped or cut line?)";
    DumpEndsMidLine => "warning-dump-ends-mid-line",
        "line {line}: the dump ends inside goroutine {id}'s stack, cut mid-line at {text}";
    DumpUnexpectedLine => "warning-dump-unexpected-line",
        "line {line}: goroutine {id} (from line {from}) ends at an unexpected line {text}";
    DumpFramesLeftOut => "warning-dump-frames-left-out",
        "goroutine {id} (line {line}): {count} {count|frame|frames} past the first {max} left out (Go prints at most 100)";
    // runtime.MemStats JSON lines (format/memstats).
    MemStatsNotJson => "warning-memstats-not-json",
        "line {line}: skipped, not a runtime.MemStats JSON object: {why}";
    MemStatsTimeBack => "warning-memstats-time-back",
        "line {line}: its time goes back {back}: left out of the curves";
    MemStatsImplausible => "warning-memstats-implausible",
        "line {line}: implausible {values}: left out of the curves";
    MemStatsUntimed => "warning-memstats-untimed",
        "{count} MemStats {count|snapshot has|snapshots have} no time field: {count|it is|each is} placed at the end of the last GC it counts (LastGC), the earliest it can have been written";
    // Prometheus range query exports (format/prometheus).
    PromOtherInstances => "warning-prom-other-instances",
        "the export holds {count} other {count|instance|instances} of the Go collector's series, left out: the curves are {instance}'s";
    PromUntimed => "warning-prom-untimed",
        "{count} {count|scrape has|scrapes have} no timestamps: {count|it is|each is} placed at the end of the last GC it reports (go_memstats_last_gc_time_seconds), the earliest it can have been taken";
    PromBadPoints => "warning-prom-bad-points",
        "{count} {count|point|points} that {count|is not a number|are not numbers} (or before the first) left out, the first of {metric}";
    // GODEBUG=gctrace=1 logs (format/gctrace).
    GcLineUnparsed => "warning-gc-line-unparsed",
        "line {line}: skipped a gc line that does not parse: {text}";
    GcLogCut => "warning-gc-log-cut",
        "line {line}: the log ends in the middle of this gc line: its last figures may be missing";
    GcOtherLines => "warning-gc-other-lines",
        "{count} {count|line that is not a GC line|lines that are not GC lines} skipped ({count|at|the first at} line {line})";
    GcImplausibleHeap => "warning-gc-implausible-heap",
        "line {line}: gc {gc} has an implausible heap size: left out of the curves";
    GcOutOfOrder => "warning-gc-out-of-order",
        "line {line}: gc {gc} is out of time order: left out of the curves";
    GcStartsBefore => "warning-gc-starts-before",
        "line {line}: gc {gc} starts before gc {previous} (a second program's log?): left out of the curves";
    // Any file (load).
    TextCleaned => "warning-text-cleaned",
        "{how}; byte offsets below count in the cleaned text";
    ProfileTextSkipped => "warning-profile-text-skipped",
        "the first {bytes} {bytes|byte is|bytes are} not part of the goroutine profile and {bytes|was|were} skipped";
}

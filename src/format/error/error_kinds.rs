//! Every kind of reader error: its catalog id and its English text (the report's, word for
//! word as the readers wrote it before errors were structured). The window's texts are in
//! `assets/i18n/*.ftl` under the same ids, with `{ $name }` for each `{name}`; a test checks
//! that English there and here agree. A text error's `line N: ` comes from
//! [`super::ParseError::at_line`], not from these texts.

kinds! {
    "an error" ErrorKind:
    // Any reader.
    Cancelled => "error-cancelled", "cancelled";
    ThreadStart => "error-thread-start", "could not start a thread: {error}";
    VarintEnd => "error-varint-end", "expected a varint ({what}), found the end of the data";
    VarintOverflow => "error-varint-overflow", "varint ({what}) overflows 64 bits";
    VarintLong => "error-varint-long", "varint ({what}) longer than 10 bytes";
    BytesEnd => "error-bytes-end", "expected {what} ({count} {count|byte|bytes}), found {left} {left|byte|bytes} before the end";
    // Loading a file (load).
    FileEmpty => "error-file-empty",
        "the file is empty; expected a Go trace, goroutine dump, profile or GC log";
    FileUnknown => "error-file-unknown",
        "expected a Go execution trace (header \"go 1.N trace\"), a goroutine dump, a pprof profile, a gctrace log or MemStats JSON lines, found content of an unknown kind";
    FileUnsupported => "error-file-unsupported",
        "expected a Go execution trace (header \"go 1.N trace\"), a goroutine dump, a pprof profile, a gctrace log or MemStats JSON lines, found a {kind} file, which this version cannot read yet";
    CannotRead => "error-cannot-read", "cannot read the file: {error}";
    FileIsFolder => "error-file-is-folder",
        "this is a folder; name the files in it (for example FOLDER/*.trace FOLDER/*.txt)";
    CannotReadStream => "error-cannot-read-stream", "cannot read the stream: {error}";
    StreamTooLong => "error-stream-too-long",
        "not a regular file, and it did not end within {mib} MiB; save it to a file first";
    LiveIdle => "error-live-idle", "no more bytes came for {seconds} s";
    ReaderThreadStart => "error-reader-thread-start", "cannot start the reader thread: {error}";
    ReaderStopped => "error-reader-stopped", "the trace reader stopped unexpectedly";
    ReaderWantsMoreOfFile => "error-reader-wants-more-of-file", "the reader asked for more of a whole file";
    ReaderWantsMoreOfTrace => "error-reader-wants-more-of-trace",
        "the reader asked for more bytes of a complete trace";
    // Trace headers, batches and generations (format/trace).
    HeaderShort => "error-header-short",
        "expected a 16-byte Go trace header (\"go 1.NN trace\"), found {count} {count|byte|bytes}";
    HeaderNotTrace => "error-header-not-trace",
        "expected a Go trace header starting with \"go 1.\"; this is not a Go execution trace";
    HeaderMinor => "error-header-minor", "expected a one- or two-digit minor version after \"go 1.\"";
    HeaderSuffix => "error-header-suffix", "expected \" trace\" after the version in the header";
    HeaderPadding => "error-header-padding", "expected NUL padding up to byte 16 of the header";
    UnknownVersion => "error-unknown-version", "unknown trace format version go 1.{minor}";
    NoBatchAfterHeader => "error-no-batch-after-header",
        "expected a batch after the header, found the end of the file";
    BatchExpected => "error-batch-expected", "expected a batch (type byte 1 or 49), found byte {byte}";
    BatchTooBig => "error-batch-too-big", "batch size {size} exceeds the maximum of {max}";
    BatchGenerationZero => "error-batch-generation-zero", "batch has generation number 0";
    GenerationNoEnd => "error-generation-no-end",
        "expected an EndOfGeneration byte, found the end of the file";
    GenerationEndEarly => "error-generation-end-early",
        "unexpected EndOfGeneration byte before format 1.26";
    GenerationMixed => "error-generation-mixed", "batch of generation {batch} inside generation {generation}";
    NoFrequency => "error-no-frequency", "no frequency event found in generation {generation}";
    NoClockSnapshot => "error-no-clock-snapshot", "no clock snapshot found in generation {generation}";
    NoThreadAdvances => "error-no-thread-advances",
        "broken trace: no thread can advance in generation {generation} ({heads})";
    EventBatchEnd => "error-event-batch-end", "expected an event, found the end of the batch";
    EventNotTimed => "error-event-not-timed", "found event type {typ} ({name}) where a timed event was expected";
    EventTruncated => "error-event-truncated", "truncated or invalid {name} event";
    RecoverNoBatches => "error-recover-no-batches",
        "expected event batches after the generation's first batches, found the end of the file";
    RecoverMissingRef => "error-recover-missing-ref",
        "{event} refers to a string or stack missing from the generation's tables";
    // A generation's tables (format/trace/tables).
    TableNotString => "error-table-not-string", "expected a String entry (5), found {typ}";
    StringTooLong => "error-string-too-long", "string length {length} exceeds 1024";
    StringIdBad => "error-string-id-bad", "duplicate or zero string id {id}";
    TableNotStack => "error-table-not-stack", "expected a Stack entry (3), found {typ}";
    StackTooDeep => "error-stack-too-deep", "stack {id} has {count} frames (max 128)";
    StackMissingString => "error-stack-missing-string", "stack {id} names a string id missing from the table";
    StackIdBad => "error-stack-id-bad", "duplicate or zero stack id {id}";
    TableNotCpuSample => "error-table-not-cpu-sample", "expected a CPUSample (7), found {typ}";
    FrequencyTwice => "error-frequency-twice", "found multiple frequency events";
    FrequencyZero => "error-frequency-zero", "expected a frequency above 0, found 0";
    ClockSnapshotTwice => "error-clock-snapshot-twice", "found multiple clock snapshots";
    TableNotClock => "error-table-not-clock", "expected a Frequency or ClockSnapshot event, found {typ}";
    // Traces, Go 1.11–1.21 (format/trace/v1).
    V1TooOld => "error-v1-too-old",
        "trace format go 1.{minor} (written by Go 1.10 or older) is not supported; Go 1.11 to 1.21 are";
    V1MergeFailed => "error-v1-merge-failed", "the merge of old-format events failed";
    V1NoEvents => "error-v1-no-events", "expected events after the header, found none";
    V1NoOrder => "error-v1-no-order",
        "no consistent ordering of events possible (a goroutine waits for an event that is missing)";
    V1ImpossibleTransition => "error-v1-impossible-transition", "impossible goroutine state transition";
    V1UnknownEvent => "error-v1-unknown-event", "unknown event type {typ} (byte 0x{byte})";
    V1StringBadLength => "error-v1-string-bad-length", "event type {typ}: string id {id} with bad length {length}";
    V1BatchArgs => "error-v1-batch-args", "event type {typ}: Batch must have 2 arguments";
    V1StackNotPrefixed => "error-v1-stack-not-prefixed", "event type {typ}: Stack must be length-prefixed";
    V1EventTooBig => "error-v1-event-too-big", "event type {typ}: length-prefixed event too big: {length} bytes";
    V1LogTooLong => "error-v1-log-too-long", "event type {typ}: log value too long: {length} bytes";
    V1WrongArgs => "error-v1-wrong-args", "event type {typ}: wrong number of arguments: want {want}, got {got}";
    V1TooManyArgs => "error-v1-too-many-args", "event type {typ}: too many arguments";
    V1StringTwice => "error-v1-string-twice", "string id {id} is defined twice";
    V1StackMissing => "error-v1-stack-missing", "{count} stacks the events use are missing (stack id {id} the first): the footer is cut";
    V1StringMissing => "error-v1-string-missing", "{count} names the stacks use are missing (string id {id} the first): the footer is cut";
    V1BeforeBatch => "error-v1-before-batch", "event type {typ} before the first Batch";
    V1ProcTooLarge => "error-v1-proc-too-large", "processor id {id} is too large";
    V1BadFrequency => "error-v1-bad-frequency", "bad frequency {frequency}";
    V1StackTooDeep => "error-v1-stack-too-deep", "stack {id} has {count} frames (at most {max})";
    V1StackBytesLeft => "error-v1-stack-bytes-left", "stack {id}: bytes left after {count} {count|frame|frames}";
    V1StackTwice => "error-v1-stack-twice", "stack id {id} is defined twice";
    // The ordering of a trace's events, Go 1.22+ (format/trace/order): Go's reasons.
    OrderWantThread => "error-order-want-thread", "expected a thread but didn't have one";
    OrderWantProc => "error-order-want-proc", "expected a proc but didn't have one";
    OrderWantGoroutine => "error-order-want-goroutine", "expected a goroutine but didn't have one";
    OrderUnwantedThread => "error-order-unwanted-thread", "expected no thread but had one";
    OrderUnwantedProc => "error-order-unwanted-proc", "expected no proc but had one";
    OrderUnwantedGoroutine => "error-order-unwanted-goroutine", "expected no goroutine but had one";
    OrderUnknownStack => "error-order-unknown-stack", "unknown stack id {id} in {event}";
    OrderUnknownString => "error-order-unknown-string", "unknown string id {id} in {event}";
    OrderBadEventType => "error-order-bad-event-type", "bad event type {typ} ({event}) while ordering";
    OrderGoBadStatus => "error-order-go-bad-status", "invalid status for goroutine {g}: {status}";
    OrderGoInconsistentStatus => "error-order-go-inconsistent-status",
        "inconsistent status for goroutine {g}: old {old} vs. new {new}";
    OrderGoStatusLate => "error-order-go-status-late",
        "found status for new goroutine {g} after the first generation";
    OrderGoSyscallNoThread => "error-order-go-syscall-no-thread", "goroutine {g} in a syscall without a thread";
    OrderGoSyscallThread => "error-order-go-syscall-thread",
        "inconsistent thread for syscalling goroutine {g}: thread has goroutine {other}";
    OrderGoUnknown => "error-order-go-unknown", "{event} for unknown goroutine {g}";
    OrderGoNotRunning => "error-order-go-not-running", "{event} for goroutine {g} that's not running";
    OrderCreatorNotRunning => "error-order-creator-not-running", "{event} by goroutine {g} that's not running";
    OrderGoExists => "error-order-go-exists", "tried to create goroutine {g} that already exists";
    OrderGoSyscallExists => "error-order-go-syscall-exists",
        "tried to create goroutine {g} in a syscall that already exists";
    OrderGoNotInSyscall => "error-order-go-not-in-syscall", "{event} for goroutine {g} not in a syscall";
    OrderProcUninitialized => "error-order-proc-uninitialized", "uninitialized proc {p} in {event}";
    OrderProcInvalid => "error-order-proc-invalid", "invalid proc {p} in {event}";
    OrderProcSequence => "error-order-proc-sequence", "{event}: proc {p} sequence {seq} does not follow {previous}";
    OrderProcNotInSyscall => "error-order-proc-not-in-syscall", "{event}: proc {p} is not in a syscall";
    OrderProcUnexpectedState => "error-order-proc-unexpected-state", "proc {p} in unexpected state in {event}";
    OrderProcMissing => "error-order-proc-missing", "{event} for proc {p} that doesn't exist";
    OrderProcNotRunning => "error-order-proc-not-running",
        "{event} for a proc that's not running or in a syscall";
    OrderProcUnknown => "error-order-proc-unknown", "{event} for unknown proc {p}";
    OrderProcBadStatus => "error-order-proc-bad-status", "invalid status for proc {p}: {status}";
    OrderProcInconsistentStatus => "error-order-proc-inconsistent-status",
        "inconsistent status for proc {p}: old {old} vs. new {new}";
    OrderProcNoHolder => "error-order-proc-no-holder", "no thread holds proc {p}, which is about to be stolen";
    OrderSelfSteal => "error-order-self-steal", "tried to self-steal proc {p} (thread {m}), but got proc {got}";
    OrderStealNoThread => "error-order-steal-no-thread", "stole proc from non-existent thread {m}";
    OrderThreadStateMissing => "error-order-thread-state-missing", "thread state missing";
    OrderSteal => "error-order-steal", "tried to steal proc {p} from thread {m}, but got proc {got}";
    OrderGcActiveFirst => "error-order-gc-active-first",
        "GCActive in the first generation isn't the first GC event";
    OrderGcActiveNotRunning => "error-order-gc-active-not-running", "GCActive while GC was not in progress";
    OrderGcBeginRunning => "error-order-gc-begin-running", "GCBegin while GC was already in progress";
    OrderGcEndNotRunning => "error-order-gc-end-not-running", "GCEnd when GC was not in progress";
    OrderRangeInFlight => "error-order-range-in-flight", "range {event} already in flight";
    OrderActiveRangeInFlight => "error-order-active-range-in-flight",
        "active range {event} already in flight in the first generation";
    OrderActiveRangeMissing => "error-order-active-range-missing", "resource is missing active range {event}";
    OrderRangeNotInFlight => "error-order-range-not-in-flight", "tried to end {event}, but it is not in flight";
    OrderTaskConflict => "error-order-task-conflict", "task id conflict: {task}";
    OrderRegionMisuse => "error-order-region-misuse",
        "misuse of region in goroutine {g}: end does not match the innermost begin";
    // pprof profiles (format/pprof).
    ProfileGzipHoldsTrace => "error-profile-gzip-holds-trace",
        "not a pprof profile (after gunzip): the gzip stream holds a Go execution trace; gunzip it and open that";
    ProfileGzipHoldsDump => "error-profile-gzip-holds-dump",
        "not a pprof profile (after gunzip): the gzip stream holds a goroutine dump; gunzip it and open that";
    ProfileGzipHoldsGcLog => "error-profile-gzip-holds-gc-log",
        "not a pprof profile (after gunzip): the gzip stream holds a gctrace log; gunzip it and open that";
    ProfileGzipHoldsMemStats => "error-profile-gzip-holds-memstats",
        "not a pprof profile (after gunzip): the gzip stream holds MemStats JSON lines; gunzip it and open that";
    ProfileNoDecode => "error-profile-no-decode", "not a pprof profile: the protobuf does not decode: {error}";
    ProfileNoDecodeGunzipped => "error-profile-no-decode-gunzipped",
        "not a pprof profile (after gunzip): the protobuf does not decode: {error}";
    ProfileEmpty => "error-profile-empty", "not a pprof profile: it has no sample types and no samples";
    ProfileEmptyGunzipped => "error-profile-empty-gunzipped",
        "not a pprof profile (after gunzip): it has no sample types and no samples";
    GzipTruncated => "error-gzip-truncated", "the gzip stream is truncated, after {bytes} decompressed {bytes|byte|bytes}";
    GzipCorrupt => "error-gzip-corrupt", "the gzip stream is corrupt ({error}), after {bytes} decompressed {bytes|byte|bytes}";
    GzipBomb => "error-gzip-bomb",
        "the gzip stream inflates past {limit} bytes ({factor} times the file): refused as a gzip bomb";
    ProfileTooCostly => "error-profile-too-costly",
        "not a usable pprof profile: its {bytes} bytes would take {mib} MiB once decoded (more than {per_byte} times their size, {per_file} times the file's {file_bytes} bytes, plus {floor} MiB; real profiles take under 8 times): refused";
    ProfileTooCostlyGunzipped => "error-profile-too-costly-gunzipped",
        "not a usable pprof profile (after gunzip): its {bytes} bytes would take {mib} MiB once decoded (more than {per_byte} times their size, {per_file} times the file's {file_bytes} bytes, plus {floor} MiB; real profiles take under 8 times): refused";
    ProfileStringMissing => "error-profile-string-missing",
        "{what} names string {index}, but the string table has {count} {count|string|strings}";
    ProfileStringTableStart => "error-profile-string-table-start",
        "the profile's string table does not start with \"\"";
    ProfileSampleValues => "error-profile-sample-values",
        "sample {index} has {count} {count|value|values}, but the profile has {types} sample {types|type|types}";
    ProfileTextHeader => "error-profile-text-header",
        "expected a text profile's first line (\"heap profile: N: BYTES [N: BYTES] @ heap/RATE\", \"--- mutex:\" or \"--- contention:\"), found {text}";
    // Goroutine dumps and profiles as text (format/dump).
    DumpProfileNoText => "error-dump-profile-no-text", "the file has no text; expected a goroutine profile";
    DumpProfileHeader => "error-dump-profile-header", "expected \"goroutine profile: total N\", found {text}";
    DumpNoText => "error-dump-no-text", "the file has no text; expected a goroutine dump";
    DumpNoHeader => "error-dump-no-header",
        "no goroutine header (\"goroutine N [state]:\") in the file; it starts with {text}";
    // GC logs and MemStats lines (format/gctrace, format/memstats).
    MemStatsNone => "error-memstats-none",
        "expected one runtime.MemStats JSON object per line (with \"HeapAlloc\"): {why}";
    PromNoSeries => "error-prom-no-series",
        "expected a Prometheus range query's JSON (\"resultType\":\"matrix\") with the Go collector's go_memstats_heap_alloc_bytes: {why}";
    GcNoLines => "error-gc-no-lines",
        "no GC lines found; expected GODEBUG=gctrace=1 lines like \"gc 1 @0.012s 2%: ...\"";
}

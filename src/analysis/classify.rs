//! Names for what goroutines are doing: which goroutines belong to the runtime or the tracer,
//! which wait-reason family a reason falls in, and the reason a blocking stack implies when
//! the trace did not say (goroutines older than the trace are announced without one).

use crate::format::trace::Tables;
use crate::model::{Frame, StringTable};

/// Families of the runtime's wait reasons, for colours and grouping.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WaitFamily {
    ChanSend,
    ChanReceive,
    Select,
    Sync,
    Cond,
    Network,
    Sleep,
    Forever,
    Gc,
    System,
    Other,
}

impl WaitFamily {
    pub const ALL: [WaitFamily; 11] = [
        WaitFamily::ChanSend,
        WaitFamily::ChanReceive,
        WaitFamily::Select,
        WaitFamily::Sync,
        WaitFamily::Cond,
        WaitFamily::Network,
        WaitFamily::Sleep,
        WaitFamily::Forever,
        WaitFamily::Gc,
        WaitFamily::System,
        WaitFamily::Other,
    ];

    /// Go's own words for the family, as a legend shows them.
    pub fn label(self) -> &'static str {
        match self {
            WaitFamily::ChanSend => "chan send",
            WaitFamily::ChanReceive => "chan receive",
            WaitFamily::Select => "select",
            WaitFamily::Sync => "sync",
            WaitFamily::Cond => "sync.Cond",
            WaitFamily::Network => "I/O (network)",
            WaitFamily::Sleep => "sleep",
            WaitFamily::Forever => "forever",
            WaitFamily::Gc => "GC",
            WaitFamily::System => "system",
            WaitFamily::Other => "other wait",
        }
    }
}

/// The family of a reason string as the runtime writes it in traces and dumps.
pub fn wait_family(reason: &str) -> WaitFamily {
    match reason {
        "chan send" | "chan send (nil chan)" => WaitFamily::ChanSend,
        "chan receive" | "chan receive (nil chan)" => WaitFamily::ChanReceive,
        "select" | "select (no cases)" => WaitFamily::Select,
        "sync.(*Cond).Wait" | "sync.Cond.Wait" => WaitFamily::Cond,
        "network" | "IO wait" => WaitFamily::Network,
        "sleep" => WaitFamily::Sleep,
        "forever" => WaitFamily::Forever,
        "system goroutine wait" | "preempted" | "wait for debug call" => WaitFamily::System,
        r if r.starts_with("sync") || r.starts_with("semacquire") => WaitFamily::Sync,
        r if r.starts_with("GC") || r.contains("GC") || r == "finalizer wait" || r == "cleanup wait" => {
            WaitFamily::Gc
        }
        _ => WaitFamily::Other,
    }
}

/// The function a goroutine runs, from its stack's frames (leaf first): the outermost but
/// `runtime.goexit`, which a traceback may print under it.
pub fn entry_func<'a>(funcs: impl DoubleEndedIterator<Item = &'a str>) -> Option<&'a str> {
    funcs.rev().find(|f| *f != "runtime.goexit")
}

/// A goroutine serving a diagnostics request: a `net/http/pprof` handler writing a profile or
/// dump, or holding a trace or CPU profile open for its seconds (`pprof.sleep`). The capture's
/// own, not the program's: never a suspect, and no group of a diff (where it is there in one
/// snapshot and gone, or moved on, in the next).
pub fn serves_diagnostics<'a>(mut funcs: impl Iterator<Item = &'a str>) -> bool {
    funcs.any(|f| f.starts_with("net/http/pprof."))
}

/// Waits nothing can ever end: `select {}` and a nil channel's send or receive. One moment
/// proves such a goroutine stuck for good.
pub fn never_woken(reason: &str) -> bool {
    matches!(reason, "select (no cases)" | "chan send (nil chan)" | "chan receive (nil chan)")
}

/// Reasons that never make a goroutine a suspect: sleeping, or waiting on the runtime.
pub fn is_benign_reason(reason: &str) -> bool {
    matches!(wait_family(reason), WaitFamily::Sleep | WaitFamily::Gc | WaitFamily::System)
}

/// Go's rule (`IsSystemGoroutine`) plus the tracer's and signal handler's own goroutines:
/// an unknown entry function, or one in `runtime.` other than `runtime.main` and
/// `runtime.corostart` (as the runtime's own `isSystemGoroutine` says), or a goroutine
/// started by `runtime/trace` or `os/signal`.
pub fn is_system_goroutine(start_func: &str, creation: &[Frame], tables: &Tables) -> bool {
    if start_func.is_empty() {
        return true;
    }
    if is_runtime_func(start_func) {
        return true;
    }
    let by_tracer = creation.first().is_some_and(|f| {
        let name = tables.strings.get(f.func);
        name.starts_with("runtime/trace.") || is_runtime_func(name)
    });
    by_tracer || start_func.starts_with("runtime/trace.") || start_func.starts_with("os/signal.")
}

/// The runtime's own functions as entry points: `runtime.main` runs the program, and
/// `runtime.corostart` an `iter.Pull` sequence (the runtime's `isSystemGoroutine` counts both
/// as the program's; [`super::coroutine`]).
pub fn is_runtime_func(name: &str) -> bool {
    name.starts_with("runtime.") && name != "runtime.main" && name != super::coroutine::ENTRY
}

/// A function from the runtime or a runtime-adjacent package (sync's wrappers, the poller):
/// frames a user skips when asking "where did my code block?".
pub fn is_runtime_frame(func: &str) -> bool {
    func.starts_with("runtime.")
        || func.starts_with("sync.runtime_")
        || func.starts_with("internal/")
        || func.starts_with("sync/atomic.")
        || is_printed_builtin(func)
}

/// A frame Go's tracebacks print under a builtin's name, with no package: `panic(...)` at
/// `runtime/panic.go` is `runtime.gopanic` (a panic's own frame, under the deferred call that
/// recovered or the code that panicked; every frame of the program has a package).
fn is_printed_builtin(func: &str) -> bool {
    func == "panic"
}

/// Top-level directories of Go's standard library: a function whose package path starts with
/// one of these is Go's, not the user's. (`main` and module paths are the user's.)
const STD_ROOTS: &[&str] = &[
    "archive",
    "bufio",
    "builtin",
    "bytes",
    "cmp",
    "compress",
    "container",
    "context",
    "crypto",
    "database",
    "debug",
    "embed",
    "encoding",
    "errors",
    "expvar",
    "flag",
    "fmt",
    "go",
    "hash",
    "html",
    "image",
    "index",
    "internal",
    "io",
    "iter",
    "log",
    "maps",
    "math",
    "mime",
    "net",
    "os",
    "path",
    "plugin",
    "reflect",
    "regexp",
    "runtime",
    "slices",
    "sort",
    "strconv",
    "strings",
    "structs",
    "sync",
    "syscall",
    "testing",
    "text",
    "time",
    "unicode",
    "unique",
    "unsafe",
    "vendor",
    "weak",
];

/// The package path of a Go function name: `net/http.(*conn).serve` → `net/http`.
pub fn package_of(func: &str) -> &str {
    let last_slash = func.rfind('/').map_or(0, |i| i + 1);
    let dot = func.get(last_slash..).and_then(|rest| rest.find('.')).map_or(func.len(), |d| last_slash + d);
    func.get(..dot).unwrap_or(func)
}

/// A function of Go's standard library (runtime included).
pub fn is_std_func(func: &str) -> bool {
    if is_printed_builtin(func) {
        return true;
    }
    let pkg = package_of(func);
    let root = pkg.split('/').next().unwrap_or(pkg);
    STD_ROOTS.contains(&root)
}

/// The user's frame of a stack (leaf first): the innermost function outside Go's standard
/// library (the caller of `time.Sleep` or `sync.(*Mutex).Lock`), else the innermost outside
/// the runtime, else the leaf. `None` for an empty stack.
pub fn user_frame_index<'a>(funcs: impl Iterator<Item = &'a str> + Clone) -> Option<usize> {
    funcs
        .clone()
        .position(|f| !is_std_func(f))
        .or_else(|| funcs.clone().position(|f| !is_runtime_frame(f)))
        .or_else(|| funcs.take(1).count().checked_sub(1))
}

/// [`user_frame_index`] over a stack's frames: the frame itself, for the line the program waits at.
pub fn user_frame<'f>(strings: &StringTable, frames: &'f [Frame]) -> Option<&'f Frame> {
    frames.get(user_frame_index(frames.iter().map(|f| strings.get(f.func)))?)
}

/// The wait reason implied by a blocking stack (leaf first), for goroutines announced
/// without one. `None` when no frame says.
pub fn reason_from_stack<'a>(funcs: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    for f in funcs.into_iter().take(8) {
        let r = match f {
            "runtime.chansend" | "runtime.chansend1" => "chan send",
            "runtime.chanrecv" | "runtime.chanrecv1" | "runtime.chanrecv2" => "chan receive",
            "runtime.selectgo" => "select",
            "runtime.block" => "forever",
            "sync.runtime_notifyListWait" => "sync.(*Cond).Wait",
            // Go 1.24 moved the Mutex into internal/sync, its runtime hook with it.
            "sync.runtime_SemacquireMutex"
            | "internal/sync.runtime_SemacquireMutex"
            | "sync.runtime_SemacquireRWMutex"
            | "sync.runtime_SemacquireRWMutexR"
            | "sync.runtime_SemacquireWaitGroup"
            | "sync.runtime_Semacquire" => "sync",
            "internal/poll.runtime_pollWait" | "runtime.netpollblock" => "network",
            "time.Sleep" | "runtime.timeSleep" => "sleep",
            // A pulled sequence parked in its yield (a goroutine profile hides coroswitch).
            "runtime.coroswitch" => super::coroutine::COROUTINE,
            f if super::coroutine::is_pull_yield(f) => super::coroutine::COROUTINE,
            _ => continue,
        };
        return Some(r);
    }
    None
}

/// A trace's wait in the words a dump of the same moment uses: the reason Go wrote, else
/// (none written: a status event) what the stack says ([`reason_from_stack`]); a "forever"
/// is told apart by its stack ([`forever_in_dump_words`]). `funcs`: the wait's stack,
/// innermost first.
pub fn trace_wait_words<'a, I: IntoIterator<Item = &'a str>>(
    recorded: &'a str,
    funcs: impl FnOnce() -> I,
) -> &'a str {
    match recorded {
        "" => reason_from_stack(funcs()).unwrap_or(""),
        "forever" => forever_in_dump_words(funcs()),
        "sync" => sync_in_dump_words(funcs()),
        // The trace's name for a Cond wait; the runtime's wait reason (a dump's) is this.
        "sync.(*Cond).Wait" => "sync.Cond.Wait",
        r => r,
    }
}

/// A trace's "sync" (any semaphore wait of package sync) as the runtime names the wait in a
/// dump (`waitReason`), by the sync method in the stack: `sync.Mutex.Lock`,
/// `sync.RWMutex.RLock`, `sync.RWMutex.Lock`, `sync.WaitGroup.Wait` (Go 1.25+ dumps; older
/// ones say `semacquire`); "sync" when none is there.
pub fn sync_in_dump_words<'a>(funcs: impl IntoIterator<Item = &'a str>) -> &'static str {
    for f in funcs.into_iter().take(8) {
        return match f {
            "sync.(*Mutex).Lock" | "internal/sync.(*Mutex).Lock" => "sync.Mutex.Lock",
            "sync.(*RWMutex).RLock" => "sync.RWMutex.RLock",
            "sync.(*RWMutex).Lock" => "sync.RWMutex.Lock",
            "sync.(*WaitGroup).Wait" => "sync.WaitGroup.Wait",
            _ => continue,
        };
    }
    "sync"
}

/// A trace's "forever" in the words of Go's dump: Go 1.22+ traces (and the old formats as
/// read here) write a send or receive on a nil channel and a `select {}` alike as a block
/// "forever"; the stack says which, as `[chan send (nil chan)]` in a dump does.
pub fn forever_in_dump_words<'a>(funcs: impl IntoIterator<Item = &'a str>) -> &'static str {
    match reason_from_stack(funcs) {
        Some("chan send") => "chan send (nil chan)",
        Some("chan receive") => "chan receive (nil chan)",
        // `runtime.block`, which `select {}` parks in.
        Some("forever") => "select (no cases)",
        _ => "forever",
    }
}

/// Idle-by-design waits that look stuck but are how servers and connection pools rest: an
/// accept loop, a keep-alive connection waiting for its next request, a pooled client
/// connection's read loop waiting on the network and its write loop waiting for a request.
///
/// A client connection's read loop parked anywhere else is not resting: it waits for the
/// caller to finish with a response body (`waitForBodyRead`), so a crowd of them is the
/// classic leak of bodies never closed ([`is_response_body_wait`]).
pub fn is_idle_by_design<'a>(reason: &str, funcs: impl IntoIterator<Item = &'a str> + Clone) -> bool {
    // One per client connection, pooled or leaked alike: never the cause, and the leak is
    // counted once, by its read loop.
    if funcs.clone().into_iter().any(|f| f == "net/http.(*persistConn).writeLoop") {
        return true;
    }
    // A goroutine profile (debug=1) hides the runtime's frames and with them the wait: an
    // HTTP/2 server connection's serve loop, the first frame it shows, waits in its select.
    let family =
        match wait_family(reason) {
            WaitFamily::Other
                if matches!(reason, "" | "unknown")
                    && funcs.clone().into_iter().find(|f| !is_runtime_frame(f)).is_some_and(|f| {
                        super::http_server::is_http2_connection_loop(f, WaitFamily::Select)
                    }) =>
            {
                WaitFamily::Select
            }
            family => family,
        };
    if !matches!(family, WaitFamily::Network | WaitFamily::Select | WaitFamily::ChanReceive) {
        return false;
    }
    // A write waits only while the peer takes nothing: a handler streaming to a client that
    // stopped reading, with no WriteTimeout, waits as long as the client keeps the
    // connection. Never a connection idle between requests.
    if family == WaitFamily::Network && funcs.clone().into_iter().any(is_network_write) {
        return false;
    }
    // A server connection idles between requests in `(*conn).serve`'s look-ahead, or while it
    // waits for a request line. Once a request has begun, its wait is the client's stall:
    // headers sent in part (a Slowloris client, no ReadHeaderTimeout), or a handler reading a
    // body the client stopped sending (no ReadTimeout). Either holds a connection and a
    // goroutine for as long as the client keeps the connection.
    if super::http_server::stalled_request(reason, funcs.clone()).is_some() {
        return false;
    }
    // A handler that reads from another connection (a hijacked one it serves itself, an
    // upstream it waits on) is not the server idling: judged as any network reader.
    let handling = funcs.clone().into_iter().any(|f| f == "net/http.serverHandler.ServeHTTP");
    funcs.into_iter().any(|f| {
        f.ends_with(".Accept")
            || f.ends_with(").accept")
            || (family == WaitFamily::Network && f == "net/http.(*persistConn).readLoop")
            || (family == WaitFamily::Network && f == "net/http.(*conn).serve" && !handling)
            // The server's read-ahead on a connection while its handler runs: one per
            // request in flight, a consequence of a hung handler, never the cause.
            || (family == WaitFamily::Network && f == "net/http.(*connReader).backgroundRead")
            || super::http_server::is_http2_connection_loop(f, family)
    })
}

/// The poller's write frames (`internal/poll.(*FD).Write`, `Writev`, `WriteTo`, `WriteMsg`,
/// and the inlined `(*pollDesc).waitWrite`): the goroutine waits for room to write.
pub fn is_network_write(f: &str) -> bool {
    f.starts_with("internal/poll.(*FD).Write") || f == "internal/poll.(*pollDesc).waitWrite"
}

/// A client connection's read loop waiting for its caller to read a response body to the
/// end or close it. A few are downloads or streams in progress; a crowd that stays is
/// bodies never closed, so such a group must be large to count ([`LARGE_GROUP`]).
///
/// [`LARGE_GROUP`]: super::dump_groups::LARGE_GROUP
pub fn is_response_body_wait<'a>(reason: &str, funcs: impl IntoIterator<Item = &'a str>) -> bool {
    wait_family(reason) != WaitFamily::Network
        && funcs.into_iter().any(|f| f == "net/http.(*persistConn).readLoop")
}

/// An HTTP client request waiting for its response: the caller parks in the `select` of
/// `net/http.(*persistConn).roundTrip` (every release 1.19-1.27) until the server answers,
/// the request's context ends or the client's timeout fires. A crowd that stays is requests
/// sent with no timeout to a server that never answers.
pub fn is_http_response_wait<'a>(reason: &str, funcs: impl IntoIterator<Item = &'a str>) -> bool {
    wait_family(reason) == WaitFamily::Select
        && funcs.into_iter().any(|f| f == "net/http.(*persistConn).roundTrip")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_http2_server_loop_in_a_goroutine_profile_is_idle() {
        // Go 1.27's debug=1 record of an idle HTTP/2 connection's serve loop: no runtime
        // frames, so no reason.
        let serve = [
            "net/http/internal/http2.(*serverConn).serve",
            "net/http/internal/http2.(*Server).serveConn",
            "net/http.(*conn).serve",
        ];
        assert!(is_idle_by_design("unknown", serve));
        assert!(is_idle_by_design("select", serve));
        // A program's own select in a handler stays a wait to judge.
        assert!(!is_idle_by_design("unknown", ["main.handle", "net/http.HandlerFunc.ServeHTTP"]));
    }

    #[test]
    fn families_follow_go_words() {
        assert_eq!(wait_family("chan send"), WaitFamily::ChanSend);
        assert_eq!(wait_family("sync.WaitGroup.Wait"), WaitFamily::Sync);
        assert_eq!(wait_family("sync.(*Cond).Wait"), WaitFamily::Cond);
        assert_eq!(wait_family("GC mark assist wait for work"), WaitFamily::Gc);
        assert!(is_benign_reason("sleep"));
        assert!(!is_benign_reason("chan receive"));
    }

    #[test]
    fn std_functions() {
        assert_eq!(package_of("net/http.(*conn).serve"), "net/http");
        assert_eq!(package_of("main.main.func1"), "main");
        assert_eq!(package_of("github.com/a/b.F"), "github.com/a/b");
        assert!(is_std_func("sync.(*WaitGroup).Wait"));
        assert!(is_std_func("runtime.gopark"));
        assert!(!is_std_func("main.worker"));
        assert!(!is_std_func("samples/internal/sample.Busy"));
        assert!(!is_std_func("github.com/x/y.z"));
    }

    #[test]
    fn stack_implies_reason() {
        let s = ["runtime.gopark", "runtime.chansend", "runtime.chansend1", "main.sender"];
        assert_eq!(reason_from_stack(s), Some("chan send"));
        assert_eq!(reason_from_stack(["runtime.gopark", "main.f"]), None);
    }

    #[test]
    fn system_goroutines() {
        let t = Tables::default();
        assert!(is_system_goroutine("runtime.bgsweep", &[], &t));
        assert!(!is_system_goroutine("runtime.main", &[], &t));
        assert!(!is_system_goroutine("main.worker", &[], &t));
        assert!(is_system_goroutine("", &[], &t));
        assert!(!is_system_goroutine("runtime.corostart", &[], &t));
    }
}

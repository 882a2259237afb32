//! What kind of file is this? Decided from the first bytes, never from the file name.

/// The inputs goroscope knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// A Go execution trace (`go 1.N trace` header).
    GoTrace,
    /// A goroutine text dump (`debug=2`, panic or SIGQUIT traceback).
    GoroutineDump,
    /// A `debug=1` goroutine profile (`goroutine profile: total N`).
    GoroutineProfileText,
    /// A pprof protobuf, gzip-compressed or raw, or a text heap, allocs, mutex or block
    /// profile (`debug=1`).
    Pprof,
    /// `GODEBUG=gctrace=1` lines.
    GcTrace,
    /// `runtime.MemStats` JSON lines (reported as kind `gctrace`: a memory log too).
    MemStats,
    /// Prometheus metrics of the Go collector: a range query's JSON export, or `/metrics`
    /// scrapes in the text format (kind `gctrace`).
    Prometheus,
    Unknown,
}

impl FileKind {
    /// The report's `kind` words.
    pub fn name(self) -> &'static str {
        match self {
            FileKind::GoTrace => "go-trace",
            FileKind::GoroutineDump | FileKind::GoroutineProfileText => "goroutine-dump",
            FileKind::Pprof => "pprof",
            FileKind::GcTrace | FileKind::MemStats | FileKind::Prometheus => "gctrace",
            FileKind::Unknown => "unknown",
        }
    }
}

pub fn sniff(data: &[u8]) -> FileKind {
    if data.starts_with(b"go 1.") {
        return FileKind::GoTrace;
    }
    if data.starts_with(&[0x1f, 0x8b]) {
        return FileKind::Pprof;
    }
    if crate::format::pprof::looks_like_raw(data) {
        return FileKind::Pprof;
    }
    let head = data.get(..64 * 1024).unwrap_or(data);
    let text = String::from_utf8_lossy(head);
    if text.starts_with("goroutine profile: total ") || text.starts_with("goroutineleak profile: total ") {
        return FileKind::GoroutineProfileText;
    }
    if crate::format::pprof::text::is_text_profile(head) {
        return FileKind::Pprof;
    }
    let lines = text.lines();
    if is_dump(data) {
        return FileKind::GoroutineDump;
    }
    if lines.clone().any(|l| l.starts_with("gc ") && crate::format::gctrace::is_gc_line(l)) {
        return FileKind::GcTrace;
    }
    // MemStats: one of the first non-blank lines is a whole JSON object with MemStats fields,
    // or the first is a damaged one (a cut line still names `Alloc`, the first field), or the
    // file starts with a multi-line document that holds them (`expvar`'s `/debug/vars`); any
    // other JSON document stays Unknown.
    let mut first = lines.filter(|l| !l.trim().is_empty()).take(8);
    let damaged = |l: &str| l.starts_with('{') && (l.contains("\"Alloc\":") || l.contains("\"HeapAlloc\":"));
    if first.clone().next().is_some_and(damaged) || first.any(crate::format::memstats::is_memstats_line) {
        return FileKind::MemStats;
    }
    if crate::format::memstats::starts_with_memstats_document(&text) {
        return FileKind::MemStats;
    }
    if crate::format::prometheus::looks_like_export(&text)
        || crate::format::prometheus::looks_like_exposition(&text)
    {
        return FileKind::Prometheus;
    }
    // A crash that printed no goroutine (GOTRACEBACK=none, or a thread that threw and exited
    // before the other printed): its first line alone is the whole traceback.
    if text.lines().take(64).any(is_crash_line) {
        return FileKind::GoroutineDump;
    }
    // A -race build's stderr that ran to its end: the race detector's reports, no traceback.
    if text.lines().any(|l| l.trim_end() == "WARNING: DATA RACE") {
        return FileKind::GoroutineDump;
    }
    FileKind::Unknown
}

/// The first line of a Go crash's traceback, as the runtime writes it (at a line's start).
fn is_crash_line(l: &str) -> bool {
    let l = l.trim_end();
    (l.starts_with("panic: ") || l.starts_with("fatal error: ")) && l.len() > "panic: ".len()
}

/// How far into a file a goroutine dump's first header is looked for: a SIGQUIT dump lands
/// at the end of a service's log, after any number of the service's own lines.
const DUMP_SEARCH_BYTES: usize = 16 << 20;

/// A `goroutine N [state]:` header line among the first [`DUMP_SEARCH_BYTES`].
fn is_dump(data: &[u8]) -> bool {
    let head = data.get(..DUMP_SEARCH_BYTES).unwrap_or(data);
    head.split(|&b| b == b'\n').any(|l| {
        let l = l.strip_suffix(b"\r").unwrap_or(l);
        l.starts_with(b"goroutine ")
            && l.ends_with(b":")
            && l.get(10..).is_some_and(|r| r.first().is_some_and(u8::is_ascii_digit) && r.contains(&b'['))
    })
}

/// Where a `debug=1` goroutine profile starts when other text (a log) comes before it.
pub fn profile_text_start(data: &[u8]) -> Option<usize> {
    let head = data.get(..DUMP_SEARCH_BYTES).unwrap_or(data);
    let at = head.windows(26).position(|w| w == b"\ngoroutine profile: total ")?;
    Some(at + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_content() {
        assert_eq!(sniff(b"go 1.26 trace\0\0\0"), FileKind::GoTrace);
        assert_eq!(sniff(b"goroutine profile: total 3\n"), FileKind::GoroutineProfileText);
        assert_eq!(sniff(b"log\ngoroutine 1 [running]:\nmain.main()\n"), FileKind::GoroutineDump);
        let mut logged = "level=info msg=\"served /api\" status=200\n".repeat(5000).into_bytes();
        logged.extend_from_slice(b"SIGQUIT: quit\nPC=0x0 m=0 sigcode=0\n\ngoroutine 1 [chan send]:\n");
        assert_eq!(sniff(&logged), FileKind::GoroutineDump, "after 5,000 log lines (215 KB)");
        assert_eq!(sniff(b"goroutine counts: 5:\n"), FileKind::Unknown);
        assert_eq!(sniff(b"<html>"), FileKind::Unknown);
        let gc = b"hello\ngc 1 @0.012s 2%: 0.013+0.90+0.023 ms clock, 0.10+0.34/0.85/0.55+0.18 ms cpu, 4->4->0 MB, 5 MB goal, 8 P\n";
        assert_eq!(sniff(gc), FileKind::GcTrace);
        assert_eq!(sniff(b"{\"HeapAlloc\":1,\"NextGC\":2}\n"), FileKind::MemStats);
        assert_eq!(sniff(b"{\n  \"HeapAlloc\": 1\n}\n"), FileKind::MemStats);
        assert_eq!(
            sniff(b"{\n\"cmdline\": [\"x\"],\n\"memstats\": {\"HeapAlloc\":1}\n}\n"),
            FileKind::MemStats
        );
        assert_eq!(sniff(b"{\n  \"name\": 1\n}\n"), FileKind::Unknown);
        assert_eq!(sniff(b"{\"time\":\"2024\",\"memstats\":{\"Alloc\":12,\"Tot"), FileKind::MemStats);
        assert_eq!(sniff(b"damaged\n{\"HeapAlloc\":1,\"NextGC\":2}\n"), FileKind::MemStats);
        assert_eq!(sniff(b"{\"level\":\"info\",\"msg\":\"gc 1 @\"}\n"), FileKind::Unknown);
        assert_eq!(sniff(&[0x0a, 0x04, 0x08, 0x01, 0x10, 0x02]), FileKind::Pprof);
        assert_eq!(sniff(b"heap profile: 1: 8 [1: 8] @ heap/1048576\n"), FileKind::Pprof);
        assert_eq!(sniff(b"\n--- mutex:\ncycles/second=1\n"), FileKind::Pprof);
        assert_eq!(sniff(b"--- contention:\ncycles/second=1\n"), FileKind::Pprof);
        assert_eq!(sniff(b"fatal error: concurrent map writes\n"), FileKind::GoroutineDump);
        assert_eq!(sniff(b"start\npanic: assignment to entry in nil map\n"), FileKind::GoroutineDump);
        assert_eq!(sniff(b"level=error msg=\"panic: x\"\n"), FileKind::Unknown);
    }
}

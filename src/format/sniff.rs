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
    /// A pprof protobuf, gzip-compressed or raw.
    Pprof,
    /// `GODEBUG=gctrace=1` lines.
    GcTrace,
    Unknown,
}

impl FileKind {
    /// The report's `kind` words.
    pub fn name(self) -> &'static str {
        match self {
            FileKind::GoTrace => "go-trace",
            FileKind::GoroutineDump | FileKind::GoroutineProfileText => "goroutine-dump",
            FileKind::Pprof => "pprof",
            FileKind::GcTrace => "gctrace",
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
    let head = data.get(..64 * 1024).unwrap_or(data);
    let text = String::from_utf8_lossy(head);
    if text.starts_with("goroutine profile: total ") {
        return FileKind::GoroutineProfileText;
    }
    let mut lines = text.lines();
    if lines.clone().take(200).any(|l| l.starts_with("goroutine ") && l.trim_end().ends_with(':')) {
        return FileKind::GoroutineDump;
    }
    if lines.any(|l| l.starts_with("gc ") && l.contains(" MB goal")) {
        return FileKind::GcTrace;
    }
    FileKind::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_content() {
        assert_eq!(sniff(b"go 1.26 trace\0\0\0"), FileKind::GoTrace);
        assert_eq!(sniff(b"goroutine profile: total 3\n"), FileKind::GoroutineProfileText);
        assert_eq!(sniff(b"log\ngoroutine 1 [running]:\nmain.main()\n"), FileKind::GoroutineDump);
        assert_eq!(sniff(b"<html>"), FileKind::Unknown);
    }
}

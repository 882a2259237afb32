//! Loading a file: read, detect its kind, parse, build the model and run the analyses, on a
//! named background thread with progress and cancel. The UI and the report both start here.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use crate::analysis::Suspect;
use crate::analysis::findings::{Finding, dump_findings, memory_findings, profile_findings, trace_findings};
use crate::format::sniff::{FileKind, sniff};
use crate::format::{ErrorKind, ParseError};
use crate::model::{DumpModel, MemoryModel, ProfileModel, TraceModel};

mod budget;
mod compare;
mod growing;
mod idle;
mod job;
mod mapped;
mod status;
mod trace_pipeline;
pub use budget::keep_to_budget;
pub use growing::load_growing;
pub use job::LoadJob;
pub use status::{LoadError, Progress};
pub use trace_pipeline::{Hooks, load_trace, load_trace_with};

/// A loaded file with everything the views show.
#[derive(Debug)]
pub struct Loaded {
    pub path: PathBuf,
    pub kind: FileKind,
    pub bytes: u64,
    pub trace: Option<TraceModel>,
    /// A goroutine dump or `debug=1` profile.
    pub dump: Option<DumpModel>,
    /// A pprof profile (any sample types).
    pub profile: Option<ProfileModel>,
    /// A gctrace log or MemStats JSON lines.
    pub memory: Option<MemoryModel>,
    pub suspects: Vec<Suspect>,
    /// Problems that are not stuck goroutines: spinning, heap growth, heap retention.
    pub findings: Vec<Finding>,
    /// Non-fatal problems: what was skipped or lost, and where.
    pub warnings: Vec<crate::format::Warning>,
    /// Traces: goroutines blocked from before the trace to its end with no stack recorded,
    /// which no suspect can cover ([`crate::analysis::suspects::blocked_without_stack`]).
    pub blocked_without_stack: usize,
    /// Those of them the program started, by the function each runs, most first (Go
    /// 1.11–1.21 only; [`crate::analysis::suspects::blocked_without_stack_started_in`]).
    pub blocked_without_stack_started_in: Vec<(String, usize)>,
    /// Dumps: groups waiting in the program's code too few and too young to judge
    /// ([`crate::analysis::NotJudged`]).
    pub not_judged: Vec<crate::analysis::NotJudged>,
    pub load_time: Duration,
}

impl Loaded {
    /// A file of `kind` with nothing read from it yet.
    pub fn new(path: PathBuf, kind: FileKind, bytes: u64) -> Self {
        Loaded {
            path,
            kind,
            bytes,
            trace: None,
            dump: None,
            profile: None,
            memory: None,
            suspects: Vec::new(),
            findings: Vec::new(),
            warnings: Vec::new(),
            blocked_without_stack: 0,
            blocked_without_stack_started_in: Vec::new(),
            not_judged: Vec::new(),
            load_time: Duration::ZERO,
        }
    }
}

/// Reads and loads a file on the calling thread.
pub fn load_file(path: &Path, progress: &Progress) -> Result<Loaded, LoadError> {
    load_file_with(path, progress, None)
}

/// [`load_file`], handing a trace's partial models to `partial` while it loads (see
/// [`Hooks::partial`]).
pub fn load_file_with(
    path: &Path,
    progress: &Progress,
    partial: Option<&mut dyn FnMut(TraceModel)>,
) -> Result<Loaded, LoadError> {
    load_file_hooked(path, progress, partial, false)
}

/// [`load_file`] for a report that no window shows: a trace's model lacks what only the
/// window reads ([`Hooks::headless`]).
pub fn load_file_headless(path: &Path, progress: &Progress) -> Result<Loaded, LoadError> {
    load_file_hooked(path, progress, None, true)
}

fn load_file_hooked(
    path: &Path,
    progress: &Progress,
    partial: Option<&mut dyn FnMut(TraceModel)>,
    headless: bool,
) -> Result<Loaded, LoadError> {
    let cannot_read = |e: std::io::Error| LoadError::whole(path, ErrorKind::CannotRead, &[("error", &e)]);
    let meta = std::fs::metadata(path).map_err(cannot_read)?;
    if meta.is_dir() {
        return Err(LoadError::whole(path, ErrorKind::FileIsFolder, &[]));
    }
    if meta.is_file() && meta.len() > 0 {
        // Mapped, not read: no copy on the heap, and a trace's finished pages go as it loads.
        let file = std::fs::File::open(path).map_err(cannot_read)?;
        let map = mapped::Mapped::open(&file).map_err(cannot_read)?;
        let consumed = |end: u64| map.release_before(end);
        // Reborrowed for the map's shorter life (an `Option` is no coercion site: without the
        // match this does not compile).
        #[allow(clippy::needless_match)]
        let partial: Option<&mut dyn FnMut(TraceModel)> = match partial {
            Some(p) => Some(p),
            None => None,
        };
        let hooks = Hooks { consumed: Some(&consumed), partial, headless };
        return load_bytes_with(path, map.bytes(), progress, hooks);
    }
    let data = if meta.is_file() {
        std::fs::read(path).map_err(cannot_read)?
    } else {
        // A pipe, a device (`/dev/zero`) or a socket may never end: read up to a cap.
        use std::io::Read;
        let file = std::fs::File::open(path).map_err(cannot_read)?;
        let mut data = Vec::new();
        file.take(STREAM_CAP + 1)
            .read_to_end(&mut data)
            .map_err(|e| LoadError::whole(path, ErrorKind::CannotReadStream, &[("error", &e)]))?;
        if data.len() as u64 > STREAM_CAP {
            return Err(LoadError::whole(path, ErrorKind::StreamTooLong, &[("mib", &(STREAM_CAP >> 20))]));
        }
        data
    };
    load_bytes_with(path, &data, progress, Hooks { headless, ..Hooks::default() })
}

/// How much of a pipe or device is read before giving up: far above any real diagnostic
/// that arrives through a pipe, far below what would exhaust memory.
const STREAM_CAP: u64 = 1 << 30;

/// Loads a file's content; `path` only names it in messages.
pub fn load_bytes(path: &Path, data: &[u8], progress: &Progress) -> Result<Loaded, LoadError> {
    load_bytes_with(path, data, progress, Hooks::default())
}

/// [`load_bytes`] with the hooks of a streaming trace load.
pub fn load_bytes_with(
    path: &Path,
    data: &[u8],
    progress: &Progress,
    hooks: Hooks<'_>,
) -> Result<Loaded, LoadError> {
    let started = Instant::now();
    let file_len = data.len() as u64;
    progress.total.store(file_len, Ordering::Relaxed);
    let fail = |e: ParseError| LoadError {
        path: path.to_path_buf(),
        offset: Some(e.offset),
        message: e.message.clone(),
        cause: Some(Box::new(e)),
    };
    // Text as people save it (UTF-16, a BOM, colour codes, CRLF) is made plain first; a trace
    // or profile is never touched.
    let mut kind = sniff(data);
    let cleaned = match kind {
        FileKind::GoTrace => None,
        FileKind::Pprof if !crate::format::pprof::text::is_text_profile(data) => None,
        _ => crate::format::text::clean(data),
    };
    let mut notes = Vec::new();
    let data: &[u8] = match &cleaned {
        Some((text, how)) if sniff(text) != FileKind::Unknown => {
            kind = sniff(text);
            let how = how.notes.join(", ");
            notes
                .push(crate::format::Warning::new(crate::format::WarningKind::TextCleaned, &[("how", &how)]));
            text
        }
        _ => data,
    };
    // Searched only in a file of no known kind: the search reads up to 16 MiB, which on a
    // trace took 0.2 G instructions (and the map's first pages) before the load began.
    let text_start =
        if kind == FileKind::Unknown { crate::format::sniff::profile_text_start(data) } else { None };
    let data = match text_start {
        Some(at) => {
            kind = FileKind::GoroutineProfileText;
            let kind = crate::format::WarningKind::ProfileTextSkipped;
            notes.push(crate::format::Warning::at_byte(kind, at as u64, &[("bytes", &at)]));
            data.get(at..).unwrap_or_default()
        }
        _ => data,
    };
    let mut loaded = Loaded::new(path.to_path_buf(), kind, file_len);
    match kind {
        FileKind::GoTrace => {
            let model = load_trace_with(data, progress, hooks).map_err(fail)?;
            stage_time("trace model", started);
            // Two independent passes over the model: one on each core.
            let ((suspects, not_judged), findings) = std::thread::scope(|s| {
                let findings = s.spawn(|| trace_findings(&model));
                let verdict = crate::analysis::trace_verdict(&model);
                (verdict, findings.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            });
            loaded.not_judged = not_judged;
            (loaded.suspects, loaded.findings) = (suspects, findings);
            loaded.blocked_without_stack =
                crate::analysis::suspects::blocked_without_stack(&model, &loaded.suspects);
            loaded.blocked_without_stack_started_in =
                crate::analysis::suspects::blocked_without_stack_started_in(&model, &loaded.suspects);
            stage_time("suspects and findings", started);
            loaded.warnings = model.warnings.clone();
            loaded.trace = Some(model);
        }
        FileKind::GoroutineDump | FileKind::GoroutineProfileText => {
            let mut keep_going = |done: u64| {
                progress.done.store(done, Ordering::Relaxed);
                !progress.cancel.load(Ordering::Relaxed)
            };
            let model = crate::format::dump::read_with(data, &mut keep_going).map_err(fail)?;
            (loaded.suspects, loaded.not_judged) = crate::analysis::dump_verdict(&model);
            loaded.warnings = model.warnings.clone();
            loaded.findings = dump_findings(&model);
            loaded.dump = Some(model);
            // A service's stderr with GODEBUG=gctrace=1 holds its GC lines before the SIGQUIT
            // or crash traceback: the heap they trace is read too, not dropped.
            if let Some(memory) = gc_lines_beside(data) {
                loaded.findings.extend(memory_findings(&memory));
                loaded.memory = Some(memory);
            }
        }
        FileKind::Pprof => {
            let model = crate::format::pprof::read(data).map_err(fail)?;
            loaded.findings = profile_findings(&model);
            loaded.warnings = model.warnings.clone();
            // A goroutine profile's records, as a dump: its warnings (stacks cut) are the file's.
            if let Some(records) = crate::analysis::profile_as_dump(&model) {
                (loaded.suspects, loaded.not_judged) = crate::analysis::dump_verdict(&records);
                loaded.warnings.extend(records.warnings);
            }
            loaded.profile = Some(model);
        }
        FileKind::GcTrace | FileKind::MemStats | FileKind::Prometheus => {
            let model = match kind {
                FileKind::GcTrace => crate::format::gctrace::read(data),
                FileKind::Prometheus => crate::format::prometheus::read(data),
                _ => crate::format::memstats::read(data),
            };
            let model = model.map_err(fail)?;
            loaded.findings = memory_findings(&model);
            loaded.warnings = model.warnings.clone();
            loaded.memory = Some(model);
        }
        FileKind::Unknown if data.is_empty() => {
            return Err(fail(ParseError::new(0, ErrorKind::FileEmpty, &[])));
        }
        other => {
            return Err(fail(match other {
                FileKind::Unknown => ParseError::new(0, ErrorKind::FileUnknown, &[]),
                k => ParseError::new(0, ErrorKind::FileUnsupported, &[("kind", &k.name())]),
            }));
        }
    }
    notes.append(&mut loaded.warnings);
    loaded.warnings = notes;
    progress.done.store(file_len, Ordering::Relaxed);
    loaded.load_time = started.elapsed();
    Ok(loaded)
}

/// The gctrace lines of a dump's text (a stderr log: `gc 12 @3.1s ...` lines, then a
/// traceback), when it has [`MIN_GC_LINES_BESIDE`] or more; their reader's note of the lines
/// it skipped is left out (those are the dump).
fn gc_lines_beside(data: &[u8]) -> Option<MemoryModel> {
    let lines = data
        .split(|&b| b == b'\n')
        .filter(|l| l.starts_with(b"gc ") && l.get(3).is_some_and(u8::is_ascii_digit));
    if lines.take(MIN_GC_LINES_BESIDE).count() < MIN_GC_LINES_BESIDE {
        return None;
    }
    let mut m = crate::format::gctrace::read(data).ok()?;
    m.warnings.retain(|w| w.kind != crate::format::WarningKind::GcOtherLines);
    Some(m)
}

/// GC lines beside a dump that make a heap worth reading: a few cycles tell no trend.
const MIN_GC_LINES_BESIDE: usize = 4;

/// With `GOROSCOPE_TIMES` set, says on stderr how long the load has taken when a stage ends
/// (BENCHMARKS.md splits the whole process with it).
pub fn stage_time(stage: &str, started: Instant) {
    if std::env::var_os("GOROSCOPE_TIMES").is_some() {
        // Resident now and at the peak so far (Linux; blank elsewhere).
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .map(|v| v.trim().to_string())
                .unwrap_or_default()
        };
        eprintln!(
            "goroscope: {stage} done after {:.3} s (resident {}, peak {})",
            started.elapsed().as_secs_f64(),
            field("VmRSS:"),
            field("VmHWM:")
        );
    }
}

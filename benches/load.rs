//! Load benchmark: parse a trace and build the full model, then print throughput and memory.
//!
//! `cargo run --release --no-default-features --bin bench-load -- FILE...` (benches/run.sh makes
//! the ~200 MB trace and runs Go's own tool on the same file for comparison). Figures:
//! MB/s and events/s of the whole load (read from memory, parse, order, build), peak RSS of
//! the process, and resident bytes per event once the file's bytes are dropped.

use std::path::PathBuf;
use std::time::Instant;

use goroscope::load::{Progress, load_trace};
use goroscope::model::{GoCounts, Goroutine, ProcSpan, Span};

/// A field of /proc/self/status in bytes (Linux), e.g. "VmRSS" or "VmHWM".
fn proc_status_bytes(field: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn main() {
    let files: Vec<PathBuf> =
        std::env::args().skip(1).filter(|a| !a.starts_with("--")).map(PathBuf::from).collect();
    if files.is_empty() {
        eprintln!("usage: cargo run --release --no-default-features --bin bench-load -- TRACE...");
        std::process::exit(2);
    }
    for f in files {
        let rss_before = proc_status_bytes("VmRSS").unwrap_or(0);
        let data = std::fs::read(&f).expect("read trace");
        let mb = data.len() as f64 / (1024.0 * 1024.0);
        let t0 = Instant::now();
        let model = match load_trace(&data, &Progress::default()) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("{}: {e}", f.display());
                std::process::exit(2);
            }
        };
        let secs = t0.elapsed().as_secs_f64();
        drop(data);
        let rss_after = proc_status_bytes("VmRSS").unwrap_or(0);
        let peak = proc_status_bytes("VmHWM").unwrap_or(0);
        let events = model.events.max(1);
        println!(
            "{}: {:.1} MiB, {} events, {} goroutines, {} spans",
            f.display(),
            mb,
            model.events,
            model.goroutines.len(),
            model.span_count()
        );
        println!(
            "  load {:.2} s = {:.0} MiB/s, {:.1} M events/s; peak RSS {:.0} MiB; resident {:.1} bytes/event",
            secs,
            mb / secs,
            events as f64 / secs / 1e6,
            peak as f64 / (1024.0 * 1024.0),
            rss_after.saturating_sub(rss_before) as f64 / events as f64
        );
        // Where the resident bytes go: the model's big arrays at their exact sizes.
        let per = |bytes: usize| bytes as f64 / events as f64;
        let spans = model.goroutines.iter().map(|g| g.spans.len()).sum::<usize>() * size_of::<Span>();
        let procs = model.procs.iter().map(|l| l.capacity()).sum::<usize>() * size_of::<ProcSpan>();
        let gors = model.goroutines.capacity() * size_of::<Goroutine>();
        let counts = model.go_counts.capacity() * size_of::<GoCounts>();
        println!(
            "  model arrays: spans {:.1} + proc spans {:.1} + goroutines {:.1} + counts {:.1} = {:.1} bytes/event",
            per(spans),
            per(procs),
            per(gors),
            per(counts),
            per(spans + procs + gors + counts)
        );
        drop(model);
    }
}

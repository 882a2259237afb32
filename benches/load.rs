//! Load benchmark: parse a trace and build the full model, then print throughput and memory.
//!
//! `cargo run --release --no-default-features --bin bench-load -- FILE...` (benches/run.sh makes
//! the ~200 MB trace and runs Go's own tool on the same file for comparison). Figures:
//! MB/s and events/s of the whole load (read from memory, parse, order, build), peak RSS of
//! the process, and resident bytes per event once the file's bytes are dropped; then where the
//! resident bytes go: the model's big arrays at their exact sizes, and the brk heap versus the
//! large (mmapped) allocations.

use std::path::PathBuf;
use std::time::Instant;

use goroscope::analysis::proc_lanes;
use goroscope::load::{Progress, load_trace};
use goroscope::model::{GoCounts, Goroutine, ProcSpan, Span};

/// Resident bytes of the brk heap (`[heap]`) and of all other anonymous mappings (large
/// allocations are mmapped), from /proc/self/smaps (Linux).
fn heap_and_mmap_rss() -> (u64, u64) {
    let Ok(s) = std::fs::read_to_string("/proc/self/smaps") else { return (0, 0) };
    let (mut heap, mut anon, mut in_heap, mut is_anon) = (0, 0, false, false);
    for line in s.lines() {
        let mut f = line.split_whitespace();
        let first = f.next().unwrap_or("");
        if first.contains('-') && !first.ends_with(':') {
            let name = line.split_whitespace().nth(5);
            in_heap = name == Some("[heap]");
            is_anon = name.is_none();
        } else if first == "Rss:" {
            let kb: u64 = f.next().and_then(|v| v.parse().ok()).unwrap_or(0);
            if in_heap {
                heap += kb * 1024;
            } else if is_anon {
                anon += kb * 1024;
            }
        }
    }
    (heap, anon)
}

/// A field of /proc/self/status in bytes (Linux), e.g. "VmRSS" or "VmHWM".
fn proc_status_bytes(field: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// `--stages`: the reader alone (parse and order, events counted and dropped), on one thread,
/// to show which half of the two-thread load bounds its speed.
fn reader_alone(f: &std::path::Path) {
    let data = std::fs::read(f).expect("read trace");
    let mut tables = goroscope::format::trace::Tables::default();
    let mut n = 0u64;
    let t0 = Instant::now();
    let r = goroscope::format::trace::read(&data, &mut tables, &mut |_| true, &mut |_| n += 1);
    let secs = t0.elapsed().as_secs_f64();
    let mb = data.len() as f64 / (1024.0 * 1024.0);
    println!(
        "{}: reader alone {:.2} s = {:.0} MiB/s, {} events{}",
        f.display(),
        secs,
        mb / secs,
        n,
        if r.is_ok() { "" } else { " (error)" }
    );
}

fn main() {
    let files: Vec<PathBuf> =
        std::env::args().skip(1).filter(|a| !a.starts_with("--")).map(PathBuf::from).collect();
    if files.is_empty() {
        eprintln!("usage: cargo run --release --no-default-features --bin bench-load -- [--stages] TRACE...");
        std::process::exit(2);
    }
    let stages = std::env::args().any(|a| a == "--stages");
    for f in files {
        if stages {
            reader_alone(&f);
        }
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
        let gors = model.goroutines.capacity() * size_of::<Goroutine>();
        let counts = model.go_counts.capacity() * size_of::<GoCounts>();
        let (heap, anon) = heap_and_mmap_rss();
        let small: usize = model
            .goroutines
            .iter()
            .map(|g| g.spans.len() * size_of::<Span>())
            .filter(|&b| b < 128 << 10)
            .sum();
        println!("  spans in allocations under 128 KiB: {:.1} bytes/event", small as f64 / events as f64);
        println!(
            "  model arrays: spans {:.1} + goroutines {:.1} + counts {:.1} = {:.1} bytes/event",
            per(spans),
            per(gors),
            per(counts),
            per(spans + gors + counts)
        );
        println!(
            "  resident: malloc heap {:.1} + large mappings {:.1} bytes/event",
            per(heap as usize),
            per(anon as usize)
        );
        // Processor lanes are not part of the load: the window derives them when shown.
        let t1 = Instant::now();
        let lanes = proc_lanes(&model);
        let lane_secs = t1.elapsed().as_secs_f64();
        let lane_bytes = lanes.iter().map(|l| l.capacity()).sum::<usize>() * size_of::<ProcSpan>();
        println!(
            "  processor lanes on first display: {:.2} s, {} lanes, +{:.1} bytes/event",
            lane_secs,
            lanes.len(),
            per(lane_bytes)
        );
        drop(lanes);
        drop(model);
    }
}

//! How much CPU one frame of the window costs: the egui pass plus tessellation, headless,
//! no GPU, the thread's CPU time (best and median of several frames; the wall time's median
//! beside it), at full zoom-out, at 1 ms wide, and with every group open
//! and the rows scrolled to the middle. A benchmark, not a test:
//!
//! ```text
//! cargo run --release --example ui_frame_bench -- [TRACE...]
//! ```
//!
//! Two or more traces open side by side, as the compare view does (zoom and pan synced).
//!
//! With a TRACE (e.g. `target/bench/busy.trace` from `bash benches/run.sh`) the real model is
//! loaded; without one, a synthetic model of 100,000 goroutines with 200 spans each is built
//! from the public model types.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use goroscope::analysis::lod_rows::RowSummaries;
use goroscope::load::{Loaded, Progress, load_file};
use goroscope::model::{Frame, GoCounts, Goroutine, Series, Span, SpanState, TraceModel};
use goroscope::ui::GoroscopeApp;

/// Frames measured per position (`FRAMES` in the environment to change it, e.g. to profile);
/// the best one and the median are reported.
fn frames() -> usize {
    std::env::var("FRAMES").ok().and_then(|v| v.parse().ok()).unwrap_or(10)
}

const GOROUTINES: usize = 100_000;
const SPANS: i64 = 200;
const DURATION_NS: i64 = 10_000_000_000;

/// A synthetic model shaped like a busy server: 100 creation sites, goroutines that alternate
/// running, runnable and waiting on a channel, at staggered times.
fn big_model() -> TraceModel {
    let mut m = TraceModel { format_version: "1.26".into(), duration_ns: DURATION_NS, ..Default::default() };
    let recv = m.strings.intern("chan receive");
    m.reasons = vec![Default::default(), recv];
    let file = m.strings.intern("/src/server/main.go");
    let sites: Vec<_> = (0..100u32)
        .map(|i| {
            let func = m.strings.intern(&format!("main.handler{i}"));
            m.stacks.intern(&[Frame { func, file, line: 10 + i }])
        })
        .collect();
    let worker = m.strings.intern("main.worker");
    let step = DURATION_NS / SPANS;
    for i in 0..GOROUTINES {
        let offset = (i as i64 * 7919) % step;
        let mut spans: Vec<Span> = (0..SPANS)
            .map(|k| {
                let state = [SpanState::Running, SpanState::Runnable, SpanState::Waiting][(k % 3) as usize];
                Span::new(k * step + offset, state, u8::from(state == SpanState::Waiting), Default::default())
            })
            .collect();
        spans.push(Span::new(DURATION_NS, SpanState::End, 0, Default::default()));
        let mut g = Goroutine::new(i as u64 + 1, spans.into(), sites[i % sites.len()], worker);
        g.set_life(true, false);
        m.goroutines.push(g);
    }
    m.heap_alloc = Series { points: (0..100_000).map(|k| (k * 100_000, (k as u64 % 977) << 16)).collect() };
    m.go_counts = (0..100_000)
        .map(|k| GoCounts {
            time_ns: k * 100_000,
            total: 100_000,
            runnable: (k % 50) as u32,
            ..Default::default()
        })
        .collect();
    m
}

/// Frame costs at one position: CPU time of this thread (best, median) and wall time (median).
struct Cost {
    cpu: (Duration, Duration),
    wall: Duration,
}

/// CPU time this thread has run (`CLOCK_THREAD_CPUTIME_ID`): on a machine shared with other
/// work the wall time of a frame includes waiting for a core, this does not.
#[allow(unsafe_code)] // One libc call with a local out-parameter; benchmarks only.
fn thread_cpu() -> Option<Duration> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
}

/// The best of [`frames`] frames, and their median.
fn frame_cost(h: &mut Harness<'_, GoroscopeApp>) -> Cost {
    let (mut cpu, mut wall) = (Vec::with_capacity(frames()), Vec::with_capacity(frames()));
    for _ in 0..frames() {
        let (t, c) = (Instant::now(), thread_cpu());
        h.step();
        let out = h.output().shapes.clone();
        let _ = h.ctx.tessellate(out, 1.0);
        wall.push(t.elapsed());
        cpu.push(thread_cpu().zip(c).map_or(Duration::ZERO, |(b, a)| b.saturating_sub(a)));
    }
    cpu.sort();
    wall.sort();
    Cost { cpu: (cpu[0], cpu[cpu.len() / 2]), wall: wall[wall.len() / 2] }
}

fn synthetic() -> Loaded {
    let kind = goroscope::format::sniff::FileKind::GoTrace;
    Loaded { trace: Some(big_model()), ..Loaded::new(PathBuf::from("synthetic-100k.trace"), kind, 0) }
}

fn show(what: &str, c: Cost) {
    let (best, median) = c.cpu;
    println!(
        "  {what:<34} CPU best {:>6.2} ms, median {:>6.2} ms; wall median {:>6.2} ms",
        ms(best),
        ms(median),
        ms(c.wall)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn load(path: &str) -> Loaded {
    let t = Instant::now();
    let l = load_file(std::path::Path::new(path), &Progress::default()).unwrap_or_else(|e| {
        eprintln!("cannot load {path}: {e}");
        std::process::exit(1)
    });
    println!("loaded {path} in {:.1} s", t.elapsed().as_secs_f64());
    l
}

fn describe(loaded: &Loaded) -> i64 {
    let m = loaded.trace.as_ref().expect("a trace");
    let spans: usize = m.goroutines.iter().map(|g| g.spans.len()).sum();
    println!(
        "{}: {} goroutines, {spans} spans, {:.3} s; 1600x1000, {} frames per position",
        loaded.path.display(),
        m.goroutines.len(),
        m.duration_ns as f64 / 1e9,
        frames()
    );
    // What the window builds on its own thread after the load: the long rows' summaries.
    let t = Instant::now();
    let lods = RowSummaries::build(m);
    println!(
        "  row summaries: {} rows in {:.0} ms, {:.1} MiB = {:.3} bytes/span",
        lods.len(),
        ms(t.elapsed()),
        lods.heap_bytes() as f64 / (1 << 20) as f64,
        lods.heap_bytes() as f64 / spans.max(1) as f64
    );
    m.duration_ns
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let all: Vec<Loaded> = match args.as_slice() {
        [] => vec![synthetic()],
        paths => paths.iter().map(|p| load(p)).collect(),
    };
    let duration_ns = all.iter().map(describe).max().unwrap_or(1);
    // Two or more traces: the compare view, side by side, zoom and pan synced.
    let compare = all.len() > 1;
    let mut h = Harness::builder().with_size(egui::vec2(1600.0, 1000.0)).build_eframe(move |cc| {
        if compare {
            GoroscopeApp::with_loaded_all(cc, all)
        } else {
            GoroscopeApp::with_loaded(cc, all.into_iter().next().unwrap())
        }
    });
    h.run_steps(2);
    // The window summarises long rows on a thread; measure once that is done.
    let t = Instant::now();
    while !h.state().row_lods_ready() && t.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run_steps(1);
    println!("row summaries ready {:.2} s after the first frame; measuring", t.elapsed().as_secs_f64());
    if compare {
        println!("compare view of {} panes", h.state().pane_count().0);
    }
    let panes = h.state().pane_count().0.max(1);
    // Every pane gets the same view, as synced zoom and pan keep them.
    let each = |h: &mut Harness<'_, GoroscopeApp>, f: &dyn Fn(&mut GoroscopeApp)| {
        for i in 0..panes {
            h.state_mut().activate(i);
            f(h.state_mut());
        }
        h.state_mut().activate(0);
    };
    show("full zoom-out", frame_cost(&mut h));
    let mid = duration_ns as f64 / 2.0;
    each(&mut h, &|a| a.set_window(mid, mid + 1e6));
    show("1 ms wide, middle of the trace", frame_cost(&mut h));
    each(&mut h, &|a| a.set_window(0.0, duration_ns as f64));
    // Open every group so each goroutine has a row, then scroll to the middle.
    each(&mut h, &|a| a.expand_all());
    h.run_steps(1);
    let rows = h.state().row_count();
    each(&mut h, &|a| a.scroll_to_row(rows / 2));
    show(&format!("middle of {rows} rows, zoomed out"), frame_cost(&mut h));
}

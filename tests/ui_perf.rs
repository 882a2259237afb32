//! How much CPU one frame of the window costs (the egui pass plus tessellation, headless,
//! no GPU) on a big model: 100,000 goroutines with 200 spans each, at full zoom-out, at 1 ms
//! wide, and scrolled to the middle of the rows. Ignored by default (it measures, it does not
//! check behaviour); run it in release for numbers worth quoting:
//! `cargo test --release --test ui_perf -- --ignored --nocapture`.
#![cfg(feature = "gui")]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use goroscope::load::Loaded;
use goroscope::model::{Frame, GoCounts, Goroutine, Series, Span, SpanState, TraceModel};
use goroscope::ui::GoroscopeApp;

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
        m.goroutines.push(Goroutine {
            id: i as u64 + 1,
            parent: None,
            created_ns: Some(offset),
            creation_stack: sites[i % sites.len()],
            start_func: worker,
            end_ns: None,
            system: false,
            label: Default::default(),
            spans: spans.into_boxed_slice(),
        });
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

fn frame_cost(h: &mut Harness<'_, GoroscopeApp>) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        h.step();
        let out = h.output().shapes.clone();
        let _ = h.ctx.tessellate(out, 1.0);
        best = best.min(t.elapsed());
    }
    best
}

#[test]
#[ignore = "a measurement; run with --ignored --nocapture, in release"]
fn frame_time_on_100k_goroutines() {
    let loaded = Loaded {
        path: PathBuf::from("synthetic-100k.trace"),
        kind: goroscope::format::sniff::FileKind::GoTrace,
        bytes: 0,
        trace: Some(big_model()),
        dump: None,
        profile: None,
        memory: None,
        suspects: Vec::new(),
        spinners: Vec::new(),
        warnings: Vec::new(),
        load_time: Duration::ZERO,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_eframe(move |cc| GoroscopeApp::with_loaded(cc, loaded));
    h.run_steps(2);
    let full = frame_cost(&mut h);
    h.state_mut().set_window(5_000_000_000.0, 5_001_000_000.0);
    let narrow = frame_cost(&mut h);
    h.state_mut().set_window(0.0, DURATION_NS as f64);
    // Open every group so there are 100,000 goroutine rows, then scroll to the middle.
    h.state_mut().expand_all();
    h.run_steps(1);
    let rows = h.state().row_count();
    h.state_mut().scroll_to_row(rows / 2);
    let middle = frame_cost(&mut h);
    println!(
        "frame (pass + tessellation), best of 5: full zoom-out {full:?}, 1 ms wide {narrow:?}, middle of {rows} rows {middle:?}"
    );
}

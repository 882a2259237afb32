//! The summary against the span walk on the rows of real sample traces: the same colours on
//! the same pixels (within a bucket of every edge), and extending generation by generation
//! equal to building at once.

use super::*;
use crate::analysis::lod::{Run, span_at, visible_runs};
use crate::analysis::lod_rows::span_classes;

/// The longest rows of the committed traces, every release and the services' (both formats):
/// (sample, spans, reason classes).
fn long_rows(min: usize) -> Vec<(String, Vec<Span>, Vec<u8>)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let releases = |d: std::path::PathBuf| {
        let dirs = std::fs::read_dir(d).into_iter().flatten().filter_map(|e| e.ok().map(|e| e.path()));
        dirs.filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("go1.")))
            .collect::<Vec<_>>()
    };
    let mut files: Vec<_> = [releases(root.clone()), releases(root.join("services"))]
        .concat()
        .into_iter()
        .flat_map(|d| std::fs::read_dir(d).into_iter().flatten().filter_map(|e| e.ok().map(|e| e.path())))
        .filter(|p| p.extension().is_some_and(|x| x == "trace"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let loaded = crate::load::load_file(&path, &Default::default()).unwrap();
        let m = loaded.trace.expect("a trace");
        let classes = span_classes(&m);
        for g in m.goroutines.iter().filter(|g| g.spans.len() >= min) {
            out.push((format!("{} G{}", path.display(), g.id), g.spans.to_vec(), classes.clone()));
        }
    }
    out
}

fn class_fn(classes: &[u8]) -> impl Fn(&Span) -> u8 + '_ {
    move |s: &Span| match s.state() {
        SpanState::Running => 0,
        SpanState::Runnable => 1,
        SpanState::Syscall => 2,
        _ => classes.get(usize::from(s.reason())).copied().unwrap_or(CLASSES as u8 - 1),
    }
}

/// What covers each pixel of a window: (solid?, class), `None` where nothing is drawn; and
/// every block's edges.
struct Picture {
    t0: i64,
    px_ns: i64,
    pixels: Vec<Option<(bool, u8)>>,
    edges: Vec<i64>,
}

impl Picture {
    fn new(t0: i64, t1: i64, px_ns: i64) -> Self {
        Picture { t0, px_ns, pixels: vec![None; ((t1 - t0) / px_ns) as usize], edges: Vec::new() }
    }

    /// The time at the middle of pixel `k`.
    fn at(&self, k: usize) -> i64 {
        self.t0 + k as i64 * self.px_ns + self.px_ns / 2
    }

    fn paint(&mut self, a: i64, b: i64, what: (bool, u8)) {
        self.edges.extend([a, b]);
        for k in 0..self.pixels.len() {
            let t = self.at(k);
            if a <= t && t < b {
                self.pixels[k] = Some(what);
            }
        }
    }
}

fn walk_picture(spans: &[Span], classes: &[u8], t0: i64, t1: i64, min_ns: i64, px_ns: i64) -> Picture {
    let mut pic = Picture::new(t0, t1, px_ns);
    let class = class_fn(classes);
    visible_runs(spans, t0, t1, min_ns, |r| match r {
        Run::Single { index, start_ns, end_ns } => pic.paint(start_ns, end_ns, (true, class(&spans[index]))),
        Run::Merged { start_ns, end_ns, .. } => pic.paint(start_ns, end_ns, (false, 0)),
    });
    pic
}

/// Exact time per class over `[a, b)`.
fn shares(spans: &[Span], classes: &[u8], a: i64, b: i64) -> [i64; CLASSES] {
    let class = class_fn(classes);
    let mut t = [0; CLASSES];
    for w in spans.windows(2) {
        let (s, e) = (w[0].start_ns().max(a), w[1].start_ns().min(b));
        if e > s {
            t[usize::from(class(&w[0]))] += e - s;
        }
    }
    t
}

#[test]
fn the_summary_draws_what_the_span_walk_draws() {
    let rows = long_rows(400);
    assert!(rows.len() >= 10, "only {} rows of 400+ spans in the samples", rows.len());
    let (mut compared, mut solid, mut mixed, mut resolutions, mut blocks, mut dominant) = (0, 0, 0, 0, 0, 0);
    for (name, spans, classes) in &rows {
        let sum = {
            let mut s = RowSummary::new(RowSummary::shift_for(spans));
            s.extend(spans, class_fn(classes));
            s
        };
        let (first, end) = (spans[0].start_ns(), sum.end_ns());
        for px in [1600i64, 800, 400, 200, 100, 50] {
            for (a, b) in [(first, end), (first + (end - first) / 3, first + (end - first) / 2)] {
                let px_ns = ((b - a) / px).max(1);
                let min_ns = 4 * px_ns;
                let Some(k) = sum.level_for(min_ns) else { continue };
                resolutions += 1;
                let w = 1i64 << (sum.shift + k as u32);
                let walk = walk_picture(spans, classes, a, b, min_ns, px_ns);
                let mut pic = Picture::new(a, b, px_ns);
                sum.blocks(a, b, min_ns, |blk| {
                    let (s, e, what) = match blk {
                        Block::Solid { start_ns, end_ns, class } => (start_ns, end_ns, (true, class)),
                        Block::Mixed { start_ns, end_ns, class, .. } => {
                            blocks += 1;
                            // The class drawn holds about the most time of the block.
                            let t = shares(spans, classes, start_ns, end_ns);
                            let best = *t.iter().max().unwrap();
                            if t[usize::from(class)] * 10 >= best * 7 || end_ns - start_ns < 8 * w {
                                dominant += 1;
                            } else {
                                println!("{name}: block {start_ns}..{end_ns} class {class} {t:?}");
                            }
                            (start_ns, end_ns, (false, 0))
                        }
                    };
                    pic.paint(s, e, what);
                });
                for (i, (p, q)) in pic.pixels.iter().zip(&walk.pixels).enumerate() {
                    let t = pic.at(i);
                    // Within a bucket (and a pixel) of an edge of either picture, either may hold.
                    if pic.edges.iter().chain(&walk.edges).any(|&e| (e - t).abs() <= w + px_ns) {
                        continue;
                    }
                    // A span about as long as the merge width may be solid in one, merged in the other.
                    if let Some(i) = span_at(spans, t)
                        && ((spans[i + 1].start_ns() - spans[i].start_ns()) - min_ns).abs() <= 2 * w
                    {
                        continue;
                    }
                    compared += 1;
                    assert_eq!(
                        p, q,
                        "{name}: pixel {i} at {t} ns, window {a}..{b}, min {min_ns}, bucket {w}"
                    );
                    match p {
                        Some((true, _)) => solid += 1,
                        Some((false, _)) => mixed += 1,
                        None => {}
                    }
                }
            }
        }
    }
    println!(
        "{resolutions} resolutions, {compared} pixels: {solid} solid, {mixed} merged; {dominant} of {blocks} blocks"
    );
    assert!(
        resolutions >= 20 && compared >= 10_000 && solid >= 1_000 && mixed >= 1_000,
        "{resolutions} {compared} {solid} {mixed}"
    );
    assert!(dominant * 100 >= blocks * 95, "merged blocks drawn in their main class: {dominant} of {blocks}");
}

/// A row as a model holds it when only the generations up to `cut` have landed: the spans
/// that started before it, the last one ending at the cut.
fn row_until(spans: &[Span], cut: i64) -> Vec<Span> {
    let mut v: Vec<Span> = spans.iter().copied().filter(|s| s.start_ns() < cut).collect();
    v.push(Span::new(cut, SpanState::End, 0, Default::default()));
    v
}

#[test]
fn extending_generation_by_generation_equals_building_at_once() {
    let rows = long_rows(400);
    assert!(rows.len() >= 10);
    let mut pyramids = 0;
    for (name, spans, classes) in &rows {
        let shift = RowSummary::shift_for(spans);
        let mut whole = RowSummary::new(shift);
        whole.extend(spans, class_fn(classes));
        assert_eq!(whole.covered() + 2, spans.len(), "{name}");
        pyramids += usize::from(whole.levels.len() > 2);
        let (a, b) = (spans[0].start_ns(), spans[spans.len() - 1].start_ns());
        for parts in [2, 3, 7] {
            let mut grown = RowSummary::new(shift);
            for k in 1..parts {
                let part = row_until(spans, a + (b - a) * k / parts);
                assert!(grown.fits(&part), "{name}");
                grown.extend(&part, class_fn(classes));
            }
            assert!(grown.fits(spans));
            grown.extend(spans, class_fn(classes));
            assert_eq!(grown, whole, "{name} in {parts} generations");
        }
    }
    assert!(pyramids >= 10, "rows with three levels or more: {pyramids}");
}

#[test]
fn a_rewritten_row_does_not_fit() {
    let rows = long_rows(400);
    let (_, spans, classes) = rows.first().expect("a long row");
    let mut s = RowSummary::new(RowSummary::shift_for(spans));
    s.extend(spans, class_fn(classes));
    let mut changed = spans.clone();
    let i = s.covered() - 1;
    changed[i] = Span::new(changed[i].start_ns() + 1, SpanState::Running, 0, Default::default());
    assert!(!s.fits(&changed));
    assert!(!s.fits(&spans[..spans.len() / 2]));
    assert!(s.fits(spans));
}

#[test]
fn classes_round_trip() {
    for f in WaitFamily::ALL {
        assert_eq!(class_parts(class_of(SpanState::Waiting, f)), (SpanState::Waiting, f));
    }
    for st in [SpanState::Running, SpanState::Runnable, SpanState::Syscall] {
        assert_eq!(class_parts(class_of(st, WaitFamily::Other)).0, st);
    }
    assert_eq!(usize::from(class_of(SpanState::Waiting, WaitFamily::Other)), CLASSES - 1);
}

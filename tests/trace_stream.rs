//! The push-style reader (`TraceStream`) fed a trace as it would arrive over a network: every
//! sample of Go 1.22+ given in growing prefixes (cut mid-batch, as a download is), then marked
//! complete, must give exactly the events the whole-file reader gives, and must have handed
//! out generations before the end of the bytes.

use std::path::{Path, PathBuf};

use goroscope::format::trace::{self, Event, Step, Tables, TraceStream};

fn samples() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let mut out = Vec::new();
    for v in 22..=27 {
        let Ok(files) = std::fs::read_dir(root.join(format!("go1.{v}"))) else { continue };
        out.extend(files.flatten().map(|f| f.path()).filter(|p| p.extension().is_some_and(|e| e == "trace")));
    }
    out.sort();
    out
}

fn whole(data: &[u8]) -> (Vec<Event>, Tables) {
    let mut tables = Tables::default();
    let mut events = Vec::new();
    trace::read(data, &mut tables, &mut |_| true, &mut |e| events.push(*e)).unwrap();
    (events, tables)
}

/// Feeds `data` in prefixes growing by `step` bytes; returns the events, the tables, how
/// many generations came out before the last byte arrived, and the copies of the tables the
/// tap was shown inside generations, each with how many events had gone out by then.
fn streamed(data: &[u8], step: usize) -> (Vec<Event>, Tables, u32, Vec<(usize, Tables)>) {
    let mut tables = Tables::default();
    let events = std::cell::RefCell::new(Vec::new());
    let mut stream = TraceStream::default();
    let mut early = 0;
    let mut have = 0;
    let mut taps = Vec::new();
    loop {
        have = (have + step).min(data.len());
        let complete = have == data.len();
        loop {
            let mut tap = |t: &Tables| taps.push((events.borrow().len(), t.clone()));
            let step = stream
                .next_generation_tapped(
                    &data[..have],
                    complete,
                    &mut tables,
                    &mut |_| true,
                    &mut |e| events.borrow_mut().push(*e),
                    Some(&mut tap),
                )
                .unwrap();
            match step {
                Step::Generation { end } => {
                    assert!(end as usize <= have, "a generation ending at {end} out of {have} bytes");
                    early += u32::from(!complete);
                }
                Step::NeedMore => {
                    assert!(!complete, "asked for more of a complete trace");
                    break;
                }
                Step::Done => return (events.into_inner(), tables, early, taps),
            }
        }
    }
}

#[test]
fn a_trace_fed_in_pieces_reads_as_the_whole_file() {
    let files = samples();
    assert!(files.len() >= 20, "only {} Go 1.22+ samples found", files.len());
    let mut early_total = 0;
    let mut tapped = 0;
    for path in &files {
        let data = std::fs::read(path).unwrap();
        let (want, want_tables) = whole(&data);
        // An odd step cuts batches, varints and the header.
        let (got, tables, early, taps) = streamed(&data, 40_009);
        assert_eq!(got.len(), want.len(), "{}: event count", path.display());
        for (i, (g, w)) in got.iter().zip(&want).enumerate() {
            let (g, w) = (trace::digest::line(&tables, g), trace::digest::line(&want_tables, w));
            assert_eq!(g, w, "{}: event {i}", path.display());
        }
        early_total += early;
        // A copy of the tables taken inside a generation names every event sent before it
        // (a partial model is built from such a copy); each copy checks the events since the
        // one before, as tables only grow.
        let mut from = 0;
        for (upto, t) in &taps {
            for (i, e) in got.iter().enumerate().take(*upto).skip(from) {
                let (g, w) = (trace::digest::line(t, e), trace::digest::line(&tables, e));
                assert_eq!(g, w, "{}: event {i} with the tables as of event {upto}", path.display());
            }
            from = *upto;
        }
        tapped += taps.len();
    }
    assert!(tapped >= 10, "the tables were shown mid-generation only {tapped} times");
    assert!(early_total >= 10, "only {early_total} generations came out before the end");
}

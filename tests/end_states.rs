//! The model's state at the end of a trace (issue 12): an exited goroutine ends with its exit,
//! never "running"; the goroutines running at the end never outnumber the processors, and
//! they are exactly the ones Go's own reader leaves running at the last event (replayed from
//! the committed digest of `go tool trace -d=parsed`, sample-traces/digest.py).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use goroscope::analysis::filter::{EndState, Filter};
use goroscope::model::SpanState;

use crate::common;

/// Go's reader: each goroutine's state after the last `G<id> <From>-><To>` transition, and
/// the GOMAXPROCS it last reported (else how many processors it saw: old traces whose
/// Gomaxprocs came before the trace began report none).
fn go_end_states(tsv: &Path) -> (HashMap<u64, String>, u64) {
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(tsv).unwrap()).read_to_string(&mut text).unwrap();
    let (mut states, mut procs, mut seen) = (HashMap::new(), None, std::collections::HashSet::new());
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        match cols.first() {
            Some(&"StateTransition") => {
                if let Some(p) = cols[5].strip_prefix('P') {
                    seen.insert(p.split(' ').next().unwrap().to_string());
                    continue;
                }
                let Some(rest) = cols[5].strip_prefix('G') else { continue };
                let (id, tr) = rest.split_once(' ').unwrap();
                let to = tr.split_once("->").unwrap().1.split(' ').next().unwrap();
                states.insert(id.parse().unwrap(), to.to_string());
            }
            Some(&"Metric") => {
                if let Some(v) = cols[5].strip_prefix("/sched/gomaxprocs:threads=") {
                    procs = Some(v.parse().unwrap());
                }
            }
            _ => {}
        }
    }
    (states, procs.unwrap_or(seen.len() as u64))
}

fn samples() -> Vec<(PathBuf, PathBuf)> {
    common::all_traces()
        .into_iter()
        .filter_map(|t| {
            let tsv = t.with_extension("parsed.tsv.gz");
            tsv.is_file().then_some((t, tsv))
        })
        .collect()
}

#[test]
fn running_at_the_end_matches_go_and_fits_the_processors() {
    let samples = samples();
    // Eight programs on six v2 releases plus the old formats, heapgrow on two.
    assert!(samples.len() >= 60, "only {} samples with digests", samples.len());
    let mut exited_total = 0;
    for (trace, tsv) in &samples {
        let loaded = goroscope::load::load_file(trace, &Default::default()).unwrap();
        let m = loaded.trace.as_ref().unwrap();
        let (go, procs) = go_end_states(tsv);
        assert!(procs > 0, "{}: no processors", trace.display());
        let mut ours: Vec<u64> = m
            .goroutines
            .iter()
            .filter(|g| g.state_at_end() == Some(SpanState::Running))
            .map(|g| g.id)
            .collect();
        ours.sort_unstable();
        let mut theirs: Vec<u64> = go.iter().filter(|(_, s)| *s == "Running").map(|(id, _)| *id).collect();
        theirs.sort_unstable();
        let name = trace.display();
        assert_eq!(ours, theirs, "{name}: running at the end");
        assert!(ours.len() as u64 <= procs, "{name}: {} running on {procs} processors", ours.len());
        // Exited goroutines end NotExist in Go's reader and have no end state here; the filter
        // says "exited", never "running".
        let running = Filter::parse("state:running");
        let exited = Filter::parse("state:exited");
        for g in &m.goroutines {
            let gone = go.get(&g.id).is_some_and(|s| s == "NotExist");
            assert_eq!(g.end_ns().is_some(), gone, "{name}: G{} exit", g.id);
            if gone {
                exited_total += 1;
                assert_eq!(g.state_at_end(), None);
                assert!(!running.matches(m, g) && exited.matches(m, g), "{name}: G{}", g.id);
            }
        }
        assert_eq!(exited.state, Some(EndState::Exited));
    }
    // chansend_fixed alone has 2000 senders that exit, per release.
    assert!(exited_total >= 12_000, "{exited_total} exited goroutines");
}

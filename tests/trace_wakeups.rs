//! Who woke each goroutine, against Go's own reader: `go tool trace -d=parsed` (the samples'
//! `*.parsed.tsv.gz`) prints every `G<id> Waiting->Runnable` transition with the goroutine
//! that made it in its context column (-1: none, a timer or the poller). For every goroutine
//! of the samples, the inspector's wake-ups (`analysis::wakeups`, on the window's load) count
//! the same transitions, and name the same last waker.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use goroscope::analysis::wakeups::wakeups;
use goroscope::load::{Progress, load_file};

/// Per woken goroutine id: Go's count of its wake-ups and its last waker's id (-1: none).
fn go_wakeups(tsv: &Path) -> HashMap<u64, (usize, i64)> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(tsv).unwrap()).read_to_string(&mut text).unwrap();
    let mut out: HashMap<u64, (usize, i64)> = HashMap::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let [kind, _, _, _, ctx_g, what, ..] = cols[..] else { continue };
        let Some(g) = what.trim().strip_suffix(" Waiting->Runnable").and_then(|g| g.strip_prefix('G')) else {
            continue;
        };
        if kind != "StateTransition" {
            continue;
        }
        let e = out.entry(g.parse().unwrap()).or_default();
        e.0 += 1;
        e.1 = ctx_g.parse().unwrap();
    }
    out
}

#[test]
fn every_goroutines_wakeups_and_last_waker_are_gos() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27");
    let mut woken = 0;
    for name in ["sleeppoll", "pileup", "chansend", "selectspin", "国际化"] {
        let go = go_wakeups(&root.join(format!("{name}.parsed.tsv.gz")));
        let loaded = load_file(&root.join(format!("{name}.trace")), &Progress::default()).unwrap();
        let m = loaded.trace.unwrap();
        for g in &m.goroutines {
            let w = wakeups(g);
            let (count, last) = go.get(&g.id).copied().unwrap_or((0, -1));
            assert_eq!(w.count, count, "{name}: G{} woken", g.id);
            if count > 0 {
                let by = w.last.and_then(|l| l.1).map_or(-1, |i| m.goroutines[i as usize].id as i64);
                // A goroutine that woke itself (its own timer fired while it ran) is no waker.
                let go_last = if last == g.id as i64 { -1 } else { last };
                assert_eq!(by, go_last, "{name}: G{}'s last waker", g.id);
                woken += count;
            }
        }
    }
    assert!(woken >= 1000, "wake-ups compared: {woken}");
}

//! The inspector says who woke a goroutine: on the sleeppoll sample (Go 1.27), the goroutine
//! woken most often shows how many times (Go's own count, `go tool trace -d=parsed`: its
//! `Waiting->Runnable` transitions) and who woke it last, a button that selects the waker
//! when it is a goroutine; a leaked sender of chansend says it was never woken.
#![cfg(feature = "gui")]

use std::io::Read;
use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable as _;
use goroscope::analysis::wakeups::wakeups;
use goroscope::load::{Progress, load_file};
use goroscope::ui::Command;

use crate::common;
use common::ui::{labels, open};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27").join(name)
}

/// Go's count of `G<id> Waiting->Runnable` transitions in a sample's parsed digest.
fn go_count(name: &str, id: u64) -> usize {
    let mut text = String::new();
    let f = std::fs::File::open(sample(&format!("{name}.parsed.tsv.gz"))).unwrap();
    flate2::read::GzDecoder::new(f).read_to_string(&mut text).unwrap();
    let what = format!("\tG{id} Waiting->Runnable");
    text.lines().filter(|l| l.starts_with("StateTransition") && l.contains(&what)).count()
}

#[test]
fn the_inspector_counts_wakeups_and_names_the_last_waker() {
    let m = load_file(&sample("sleeppoll.trace"), &Progress::default()).unwrap().trace.unwrap();
    let (gi, g) = m.goroutines.iter().enumerate().max_by_key(|(_, g)| wakeups(g).count).unwrap();
    let count = go_count("sleeppoll", g.id);
    assert!(count >= 10, "G{} woken {count} times by Go's count", g.id);
    let h = &mut open(sample("sleeppoll.trace"));
    h.state_mut().command(Command::SelectGoroutine(gi as u32));
    h.run_steps(3);
    let all = labels(h);
    let want = format!("Woken {} times in the window", goroscope::units::count(count as u64));
    assert!(all.iter().any(|l| l.starts_with(&want)), "{want:?} in {all:#?}");
    let last = all.iter().find(|l| l.starts_with("Last at ")).unwrap_or_else(|| panic!("{all:#?}"));
    if let Some((Some(w), _)) = wakeups(g).last.map(|(_, by)| (by, ())) {
        let waker = &m.goroutines[w as usize];
        assert!(last.contains(&format!("by goroutine {} (", waker.id)), "{last}");
        h.get_by_label(last).click();
        h.run_steps(3);
        assert_eq!(h.state().selected_ids(0), vec![waker.id], "the button selects the waker");
    } else {
        assert!(last.contains("by no goroutine"), "{last}");
    }
}

#[test]
fn a_leaked_sender_was_never_woken() {
    let m = load_file(&sample("chansend.trace"), &Progress::default()).unwrap().trace.unwrap();
    let reason =
        |g: &goroscope::model::Goroutine| g.last_span().map(|(_, s)| m.reason(s.reason()).to_string());
    let (gi, g) =
        m.goroutines.iter().enumerate().find(|(_, g)| reason(g).as_deref() == Some("chan send")).unwrap();
    assert_eq!(go_count("chansend", g.id), 0, "Go: G{} never woken", g.id);
    let h = &mut open(sample("chansend.trace"));
    h.state_mut().command(Command::SelectGoroutine(gi as u32));
    h.run_steps(3);
    assert!(labels(h).iter().any(|l| l == "Never woken in the window"), "{:#?}", labels(h));
}

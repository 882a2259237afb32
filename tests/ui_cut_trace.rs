//! The window on a cut trace or dump and on a malformed filter (issue 12), driven by egui_kittest:
//! the loss is said above the suspects (a banner, not only a status-bar count), the suspect
//! standing by its stack ids says its names were lost, and a filter term that does not parse
//! is an error under the box that matches nothing.
#![cfg(feature = "gui")]

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::load::{Progress, load_bytes};
use goroscope::ui::GoroscopeApp;

use crate::common;
use common::ui::{english, labels};

fn open_cut(rel: &str, pct: usize) -> Harness<'static, GoroscopeApp> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel);
    let data = std::fs::read(&path).unwrap();
    let loaded = load_bytes(&path, &data[..data.len() * pct / 100], &Progress::default()).unwrap();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 900.0))
        .build_eframe(move |cc| english(GoroscopeApp::with_loaded(cc, loaded)));
    h.run_steps(3);
    h
}

#[test]
fn a_cut_trace_says_so_above_its_suspects() {
    // Go 1.21 keeps every stack in the footer: cut at 90 %, the 2,000 senders stand by ids.
    let h = &mut open_cut("go1.21/chansend.trace", 90);
    let all = labels(h);
    assert!(all.iter().any(|l| l.starts_with("This trace is cut at byte ")), "{all:#?}");
    let entry = all.iter().find(|l| l.starts_with("#1 · 2,000 × chan send")).expect("the suspect");
    assert!(entry.contains("Names lost with the cut at byte"), "{entry}");

    // A malformed term: an error under the box, and no goroutine shown.
    h.get_by_label("Filter goroutines").click();
    h.run_steps(1);
    h.get_by_label("Filter goroutines").type_text("state:sleeping");
    h.run_steps(3);
    let all = labels(h);
    assert!(all.iter().any(|l| l.starts_with("Filter not applied: unknown state \"sleeping\"")), "{all:#?}");
    assert!(all.iter().any(|l| l.starts_with("0 of ")), "nothing matches: {all:#?}");
}

#[test]
fn a_whole_trace_has_no_banner() {
    let h = open_cut("go1.27/chansend.trace", 100);
    assert!(!labels(&h).iter().any(|l| l.starts_with("This trace is cut")));
}

#[test]
fn a_cut_dump_says_so_above_its_suspects() {
    // bodyleak_fixed's dump holds idle connections only; cut mid-line at a third, what is
    // left holds nothing stuck, and the banner says that is not known.
    let rel = "services/go1.27/bodyleak_fixed.goroutine-2.txt";
    let data = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)).unwrap();
    let mut pct = 33;
    while data[data.len() * pct / 100 - 1] == b'\n' {
        pct += 1;
    }
    let h = open_cut(rel, pct);
    let all = labels(&h);
    // Cut inside a location line, the line may still parse: then only the missing line end says so.
    let said = |l: &String| {
        l.starts_with("This dump is cut short at line ") || l.starts_with("This dump ends at line ")
    };
    assert!(all.iter().any(said), "{all:#?}");
    let whole = open_cut(rel, 100);
    assert!(!labels(&whole).iter().any(|l| l.starts_with("This dump ")), "a whole dump has no banner");
}

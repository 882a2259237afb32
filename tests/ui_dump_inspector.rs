//! The dump inspector (issue 12), driven by egui_kittest on committed dumps: clicking a group
//! of the table shows every frame of its stack as the runtime printed it, its ids and its
//! creation site; a panic opens on the goroutine that crashed, listed first, with the panic
//! message and its whole stack.
#![cfg(feature = "gui")]

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::load::{Progress, load_file};
use goroscope::model::goroutine_flags;
use goroscope::ui::GoroscopeApp;

use crate::common;
use common::ui::{english, labels, open_loaded as open, sample};

/// Every frame the dump printed for goroutine `id`: (`function(`, `file:line`).
fn printed_frames(path: &Path, id: u64) -> Vec<(String, String)> {
    let m = load_file(path, &Progress::default()).unwrap().dump.unwrap();
    let g = m.goroutines.iter().find(|g| g.id == Some(id)).unwrap();
    m.calls(g.calls)
        .iter()
        .map(|&f| {
            let f = m.frame(f).unwrap();
            let func = m.strings.get(f.frame.func);
            (format!("{func}("), format!("{}:{}", m.strings.get(f.frame.file), f.frame.line))
        })
        .collect()
}

fn assert_shows_frames(h: &Harness<'_, GoroscopeApp>, frames: &[(String, String)]) {
    let all = labels(h);
    assert!(frames.len() >= 2, "{frames:?}");
    for (i, (call, at)) in frames.iter().enumerate() {
        assert!(all.iter().any(|l| l.starts_with(call.as_str())), "frame {i} {call}: {all:#?}");
        assert!(all.iter().any(|l| l == at), "frame {i} at {at}: {all:#?}");
        assert!(h.query_by_label(&format!("Open frame {i} in editor")).is_some(), "frame {i} openable");
    }
}

#[test]
fn clicking_a_group_shows_its_whole_stack() {
    let path = sample("dumps/go1.27/sigquit.txt");
    let h = &mut open(path.clone());
    // The planted group, by its row's label; then its inspector.
    let row = labels(h).into_iter().find(|l| l.starts_with("Group 1: ")).expect("a first row");
    h.get_by_label(&row).click();
    h.run_steps(3);
    let all = labels(h);
    let m = load_file(&path, &Progress::default()).unwrap().dump.unwrap();
    let groups = goroscope::analysis::group_dump(&m, goroscope::analysis::Similarity::AnyValue);
    let top = &groups[0];
    let first = m.goroutines[top.members[0] as usize].id.unwrap();
    assert_shows_frames(h, &printed_frames(&path, first));
    assert!(all.iter().any(|l| l.starts_with("Goroutine ids (")), "{all:#?}");
    let lowest = top.members.iter().filter_map(|&i| m.goroutines[i as usize].id).min().unwrap();
    assert!(all.iter().any(|l| l.starts_with(&lowest.to_string())), "the ids are listed: {all:#?}");
    assert!(h.query_by_label("Open the creation site in editor").is_some(), "{all:#?}");
}

/// The first group's ids, as the inspector lists them, are its members' ids in ascending
/// order (Go prints goroutines in its own list's order: bodyleak's read `11, 22, 25, 35, 30`).
#[test]
fn a_groups_ids_are_listed_in_ascending_order() {
    let path = sample("services/go1.27/bodyleak.goroutine-2.txt");
    let m = load_file(&path, &Progress::default()).unwrap().dump.unwrap();
    let groups = goroscope::analysis::group_dump(&m, goroscope::analysis::Similarity::AnyValue);
    let mut want: Vec<u64> = groups[0].members.iter().filter_map(|&i| m.goroutines[i as usize].id).collect();
    assert!(want.len() >= 20, "{} members", want.len());
    assert!(want.windows(2).any(|w| w[0] > w[1]), "the dump prints them out of order");
    want.sort_unstable();
    let h = &mut open(path.clone());
    let row = labels(h).into_iter().find(|l| l.starts_with("Group 1: ")).expect("a first row");
    h.get_by_label(&row).click();
    h.run_steps(3);
    let lowest = want[0].to_string();
    let all = labels(h);
    let listed =
        all.iter().find(|l| l.starts_with(&format!("{lowest}, "))).expect("the ids listed lowest first");
    let shown: Vec<u64> = listed.trim_end_matches(", …").split(", ").map(|id| id.parse().unwrap()).collect();
    assert_eq!(shown, want[..shown.len()], "{listed}");
}

#[test]
fn a_panic_opens_on_the_goroutine_that_crashed() {
    let mut checked = 0;
    for rel in ["dumps/go1.27/panic.txt", "dumps/go1.21/panic.txt", "dumps/go1.19/panic.txt"] {
        let path = sample(rel);
        let m = load_file(&path, &Progress::default()).unwrap().dump.unwrap();
        let crashed =
            m.goroutines.iter().find(|g| g.has(goroutine_flags::CRASHED)).expect("a crashed goroutine");
        let h = &mut open(path.clone());
        let all = labels(h);
        // Listed first, though the planted group of 100 senders is bigger.
        let row = all.iter().find(|l| l.starts_with("Group 1: ")).expect("a first row");
        assert!(row.starts_with("Group 1: 1 × running"), "{rel}: {row}");
        // Selected at once: the panic message and the whole stack.
        assert!(all.iter().any(|l| l == "This goroutine stopped the program:"), "{rel}: {all:#?}");
        let panic = m.preamble.iter().find(|l| l.starts_with("panic: ")).expect("the panic line");
        assert!(all.iter().any(|l| l == panic), "{rel}: {panic} in {all:#?}");
        assert_shows_frames(h, &printed_frames(&path, crashed.id.unwrap()));
        checked += 1;
    }
    assert_eq!(checked, 3);
}

/// "Top user frame" is the user's code, not the standard library it called: the deadlock's
/// groups read `main.waitAll` and `main.transfer`, never `sync.(*WaitGroup).Wait` or
/// `sync.(*Mutex).Lock`, on every release's dump.
#[test]
fn the_top_user_frame_is_the_callers() {
    let mut checked = 0;
    for v in ["1.22", "1.23", "1.24", "1.25", "1.26", "1.27"] {
        let h = open(sample(&format!("go{v}/deadlock.goroutine-2.txt")));
        let rows: Vec<String> = labels(&h).into_iter().filter(|l| l.starts_with("Group ")).collect();
        let at = |f: &str| rows.iter().filter(|r| r.contains(&format!(" at {f} "))).count();
        assert!(at("main.waitAll") >= 1 && at("main.transfer") >= 1, "go{v}: {rows:#?}");
        assert!(
            rows.iter().all(|r| !r.contains(" at sync.") && !r.contains(" at internal/")),
            "go{v}: {rows:#?}"
        );
        checked += 1;
    }
    assert_eq!(checked, 6);
}

/// At 1280×720 the inspector's rows stay inside its panel: a title row wider than the panel
/// (the stack's title with its copy button) used to widen it under the table, whose
/// background then hid the inspector's left edge.
#[test]
fn the_inspector_stays_beside_the_table_at_720p() {
    let loaded = load_file(&sample("dumps/go1.27/crash-panic.txt"), &Progress::default()).unwrap();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_eframe(move |cc| english(GoroscopeApp::with_loaded(cc, loaded)));
    h.run_steps(3);
    let table_right = h.get_by_label("Created by").rect().max.x;
    let title =
        labels(&h).into_iter().find(|l| l.starts_with("Stack as printed (")).expect("the stack title");
    for label in [title.as_str(), "Copy stack", "Copy group as Markdown"] {
        let r = h.get_by_label(label).rect();
        assert!(
            r.min.x >= table_right && r.max.x <= 1280.0,
            "{label} at {r:?}, the table ends at {table_right}"
        );
    }
}

/// A stack overflow opens on the goroutine that overflowed, and its inspector names the
/// call its printed stack repeats (programs/dumps/overflow: main.depth at main.go:25).
#[test]
fn a_stack_overflow_names_its_runaway_call() {
    let mut checked = 0;
    for rel in ["dumps/go1.27/overflow.txt", "dumps/go1.19/overflow.txt"] {
        let h = &mut open(sample(rel));
        let all = labels(h);
        let said = all
            .iter()
            .find(|l| l.starts_with("Runaway recursion: "))
            .unwrap_or_else(|| panic!("{rel}: {all:#?}"));
        assert!(said.contains("the call at main.depth dumps/overflow/main.go:25 is "), "{rel}: {said}");
        checked += 1;
    }
    assert_eq!(checked, 2);
}

//! The window, driven by egui_kittest on real sample traces: widgets are found by their
//! accessible labels, as a screen reader would.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::ui::GoroscopeApp;

use crate::common;
use common::ui::{labels, open};

/// The newest generated copy of a sample, e.g. `sample-traces/go1.27/chansend.trace`.
fn sample(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("sample-traces/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join(format!("{name}.trace")).is_file())
        .collect();
    dirs.sort_by_key(|d| {
        let v = d
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_prefix("go1."))
            .and_then(|n| n.parse::<u32>().ok());
        v.unwrap_or(0)
    });
    dirs.last()
        .unwrap_or_else(|| panic!("no sample {name}.trace under {}", root.display()))
        .join(format!("{name}.trace"))
}

fn expect(name: &str) -> serde_json::Value {
    let p =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/programs").join(name).join("expect.json");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

#[test]
fn suspect_click_shows_blocking_and_creation_sites() {
    let h = &mut open(sample("chansend"));
    let exp = expect("chansend");
    let group = &exp["groups"][0];
    let count = group["count_min"].as_u64().unwrap();
    let reason = group["reason"].as_str().unwrap();
    let suspect = format!("{} × {reason}", goroscope::units::count(count));
    let found = h.query_by_label_contains(&suspect);
    assert!(found.is_some(), "no suspect {suspect:?} in {:#?}", labels(h));
    h.get_by_label_contains(&suspect).click();
    h.run_steps(3);
    assert!(labels(h).iter().any(|l| l.starts_with("Goroutine ")), "the inspector shows the goroutine");
    for (func, file, line) in [
        ("blocking_function", "blocking_file", "blocking_line"),
        ("created_function", "created_file", "created_line"),
    ] {
        let func = group[func].as_str().unwrap();
        let site = format!("{}:{}", group[file].as_str().unwrap(), group[line]);
        // Inspector frames read "function /full/path/file.go:line", one per label.
        let frame =
            labels(h).into_iter().filter(|l| l.starts_with(&format!("{func} ")) && l.ends_with(&site));
        assert!(frame.count() > 0, "no frame {func} …{site} in the inspector: {:#?}", labels(h));
    }
}

#[test]
fn w_zooms_in_and_home_shows_all() {
    let h = &mut open(sample("chansend"));
    let (a, b) = h.state().visible_window();
    h.key_press(egui::Key::W);
    h.run_steps(2);
    let (c, d) = h.state().visible_window();
    assert!(d - c < (b - a) * 0.75, "W should shrink the window: {a}..{b} -> {c}..{d}");
    h.key_press(egui::Key::Home);
    h.run_steps(2);
    let (e, f) = h.state().visible_window();
    assert!((f - e - (b - a)).abs() < 1.0, "Home shows everything again");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().visible_window(), (c, d), "Ctrl+Z goes back");
}

#[test]
fn filter_hides_rows_that_do_not_match() {
    let h = &mut open(sample("chansend"));
    let before = h.state().row_count();
    let exp = expect("chansend");
    let func = exp["groups"][0]["blocking_function"].as_str().unwrap().to_string();
    let other_rows = |h: &Harness<'_, GoroscopeApp>| {
        labels(h)
            .into_iter()
            .filter(|l| l.contains(" × ") && !l.contains(" · blocked ") && !l.contains("main.handle"))
            .count()
    };
    assert!(other_rows(h) > 0, "rows of other groups before filtering: {:#?}", labels(h));
    h.get_by_label("Filter goroutines").click();
    h.run_steps(1);
    h.get_by_label("Filter goroutines").type_text(&func);
    h.run_steps(3);
    let after = h.state().row_count();
    assert!(after > 0 && after < before, "rows {before} -> {after}");
    assert_eq!(other_rows(h), 0, "only the matching group is left: {:#?}", labels(h));
}

#[test]
fn broken_file_shows_an_error_not_a_panic() {
    let dir = std::env::temp_dir().join(format!("goroscope-ui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("broken.trace");
    let mut bytes = std::fs::read(sample("chansend")).unwrap();
    bytes.truncate(40);
    bytes.extend([0xff; 64]);
    std::fs::write(&path, &bytes).unwrap();
    let h = &mut open(path);
    assert!(h.state().error().is_some(), "a broken file is an error");
    assert!(h.query_by_label_contains("Cannot open").is_some(), "{:#?}", labels(h));
    assert!(h.query_by_label_contains("at byte").is_some(), "the error says where: {:#?}", labels(h));
}

/// Half of a leaky trace (as when the pod was killed mid-capture) still opens: the planted
/// group is listed, and a visible warning says the trace was cut; clicking it shows where.
#[test]
fn half_a_trace_opens_with_a_visible_warning() {
    let dir = std::env::temp_dir().join(format!("goroscope-ui-half-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("half.trace");
    let bytes = std::fs::read(sample("chansend")).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let h = &mut open(path);
    assert!(h.state().error().is_none(), "a cut trace loads what is whole");
    let count = expect("chansend")["groups"][0]["count_min"].as_u64().unwrap();
    let listed = format!("{} × chan send", goroscope::units::count(count));
    assert!(h.query_by_label_contains(&listed).is_some(), "{listed:?} in {:#?}", labels(h));
    h.get_by_label_contains("1 warning").click();
    h.run_steps(3);
    assert!(h.query_by_label_contains("trace truncated at byte").is_some(), "{:#?}", labels(h));
}

#[test]
fn question_mark_lists_every_shortcut() {
    let h = &mut open(sample("chanrecv"));
    assert!(h.query_by_label("Keyboard shortcuts").is_none());
    h.key_press(egui::Key::Questionmark);
    h.run_steps(2);
    let all = labels(h);
    for help in [
        "Zoom in around the pointer (or the centre)",
        "Go back to the previous view",
        "Select a time range (summary in the inspector)",
    ] {
        assert!(all.iter().any(|l| l == help), "{help:?} missing from the shortcut list: {all:#?}");
    }
}

#[test]
fn p_shows_one_lane_per_processor_that_ran_goroutines() {
    let h = &mut open(sample("chansend"));
    let is_lane = |l: &String| l.strip_prefix('P').is_some_and(|n| n.parse::<u32>().is_ok());
    assert!(!labels(h).iter().any(is_lane), "processor lanes are hidden at first");
    h.key_press(egui::Key::P);
    h.run_steps(3);
    let lanes: Vec<String> = labels(h).into_iter().filter(is_lane).collect();
    assert!(lanes.iter().any(|l| l == "P0"), "P shows the processor lanes: {:#?}", labels(h));
    h.key_press(egui::Key::P);
    h.run_steps(3);
    assert!(!labels(h).iter().any(is_lane), "P again hides them");
}

/// A leak of response bodies (`sample-traces/services/`): the suspect says why and which line
/// of the program led to it, and the inspector of a member shows that line under its own
/// heading, beside the creation site inside net/http.
#[test]
fn a_response_body_leak_names_the_line_behind_it() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/services/go1.27");
    let h = &mut open(dir.join("bodyleak.trace"));
    let src = std::fs::read_to_string(dir.join("../../programs/services/bodyleak/main.go")).unwrap();
    let line = src.lines().position(|l| l.contains("// EXPECT: called_from")).expect("the marker") + 1;
    let called = format!("called from main.getStatus bodyleak/main.go:{line}");
    assert!(h.query_by_label_contains(&called).is_some(), "no {called:?} in {:#?}", labels(h));
    assert!(h.query_by_label_contains("resp.Body.Close()").is_some(), "{:#?}", labels(h));
    h.get_by_label_contains(&called).click();
    h.run_steps(3);
    assert!(h.query_by_label_contains("Called from (the program").is_some(), "{:#?}", labels(h));
    let frame = labels(h)
        .into_iter()
        .filter(|l| l.starts_with("main.getStatus ") && l.ends_with(&format!("bodyleak/main.go:{line}")));
    assert!(frame.count() > 0, "the called-from frame in the inspector: {:#?}", labels(h));
}

/// Keepers that wake and wait again (`pileup`) are a suspect by their pile: the entry says
/// how many the `go` statement made and left alive, as the report does.
#[test]
fn a_pile_of_restless_goroutines_is_listed_with_its_pile() {
    let h = &mut open(sample("pileup"));
    let exp = expect("pileup");
    let made = exp["groups"][0]["count_max"].as_u64().unwrap();
    let pile = format!("Piling up: {made} created over");
    assert!(h.query_by_label_contains(&pile).is_some(), "no {pile:?} in {:#?}", labels(h));
    // The program's keepers never return, and each loops back into its select: the entry says
    // both, as the report does (it once said "0 of their kind ended" and left the loop out).
    let entry = labels(h).into_iter().find(|l| l.contains(&pile)).unwrap_or_default();
    assert!(entry.contains("none of their kind ended"), "{entry}");
    assert!(entry.contains("Each wakes and waits again, so none waited long"), "{entry}");
    h.get_by_label_contains(&pile).click();
    h.run_steps(3);
    assert!(labels(h).iter().any(|l| l.starts_with("Goroutine ")), "the inspector shows a keeper");
}

/// A Go 1.22 trace of a service in mid-life writes no stack for goroutines blocked since
/// before it began: the suspects panel says how many it cannot judge, above the verdict.
#[test]
fn goroutines_with_no_stack_are_said_to_be_unjudged() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/services/go1.22");
    let h = &mut open(dir.join("midlife.trace"));
    let banner = "goroutines were blocked from before this trace began to its end";
    assert!(h.query_by_label_contains(banner).is_some(), "no banner in {:#?}", labels(h));
    // Their timeline group says why it has no function, not "(runtime)".
    let group = "(no stack recorded: older than the trace)";
    assert!(h.query_by_label_contains(group).is_some(), "no such group in {:#?}", labels(h));
}

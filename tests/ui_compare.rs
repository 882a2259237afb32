//! The compare view, driven by egui_kittest on the leaky and fixed builds of one program
//! (`chansend` and `chansend_fixed`): two panes, synced zoom, matched groups drawn in one
//! order, a file that fails beside one that loads, files of kinds that cannot be compared.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::ui::GoroscopeApp;

use crate::common;
use common::ui::{english, labels, open_with};

fn sample(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)
}

/// The window on `files`, one pane each, in English, once everything has loaded.
fn open_all(files: Vec<PathBuf>) -> Harness<'static, GoroscopeApp> {
    open_with(Harness::builder().with_size(egui::vec2(1600.0, 1000.0)), move |cc| {
        english(GoroscopeApp::new(cc, files))
    })
}

fn leaky_and_fixed() -> Harness<'static, GoroscopeApp> {
    open_all(vec![sample("go1.27/chansend.trace"), sample("go1.27/chansend_fixed.trace")])
}

#[test]
fn two_traces_open_as_two_panes_with_synced_zoom() {
    let h = &mut leaky_and_fixed();
    assert_eq!(h.state().pane_count(), (2, 2), "{:#?}", labels(h));
    for name in ["chansend.trace", "chansend_fixed.trace"] {
        assert!(labels(h).iter().any(|l| l == name), "a pane header names {name}: {:#?}", labels(h));
    }
    let (a, b) = (h.state().pane_window(0), h.state().pane_window(1));
    h.key_press(egui::Key::W);
    h.run_steps(2);
    let (a1, b1) = (h.state().pane_window(0), h.state().pane_window(1));
    assert!(a1.1 - a1.0 < (a.1 - a.0) * 0.75, "W zooms the active pane: {a:?} -> {a1:?}");
    assert_eq!(a1, b1, "synced: the other pane shows the same window (from its own start)");
    assert_ne!(b, b1);

    // Unsynced, W moves the active pane only.
    h.get_by_label("Sync zoom and pan").click();
    h.run_steps(2);
    h.key_press(egui::Key::W);
    h.run_steps(2);
    let (a2, b2) = (h.state().pane_window(0), h.state().pane_window(1));
    assert!(a2.1 - a2.0 < (a1.1 - a1.0) * 0.75, "{a1:?} -> {a2:?}");
    assert_eq!(b2, b1, "the other pane stays where it was");
}

/// The site of a group, without its "returned" mark.
fn site(key: &str) -> &str {
    key.strip_prefix("exited ").unwrap_or(key)
}

/// Whether no runtime group comes before a group of the program's.
fn program_first(groups: &[(String, bool)]) -> bool {
    let first_runtime = groups.iter().position(|(k, _)| site(k).starts_with("runtime "));
    first_runtime.is_none_or(|r| groups[r..].iter().all(|(k, _)| site(k).starts_with("runtime ")))
}

#[test]
fn matched_groups_are_drawn_on_the_same_rows_and_the_fix_beside_the_leak() {
    let h = &mut leaky_and_fixed();
    let (a, b) = (h.state().pane_groups(0), h.state().pane_groups(1));
    assert!(a.len() >= 3 && b.len() >= 3, "groups: {a:#?} {b:#?}");
    // The senders still alive at the end (created in main.handle) exist in the leaky build
    // only; the fixed build's senders all returned. One site: drawn on one row, beside the
    // leak, and neither is "only here".
    let leak = a.iter().position(|(k, _)| k == "go main.handle");
    let fixed = b.iter().position(|(k, _)| k == "exited go main.handle");
    assert!(leak.is_some() && leak == fixed, "the leak beside its fix: {a:#?} {b:#?}");
    // Every row shows one site on both sides, the program's before the runtime's.
    assert_eq!(a.len(), b.len(), "{a:#?} {b:#?}");
    for (i, (x, y)) in a.iter().zip(&b).enumerate() {
        assert_eq!(site(&x.0), site(&y.0), "row {i}: A {a:#?}\nB {b:#?}");
        assert!(!x.1 && !y.1, "row {i} is on both sides: {a:#?} {b:#?}");
    }
    assert!(program_first(&a) && program_first(&b), "{a:#?} {b:#?}");
}

/// Two different programs: the groups one has are marked, and drawn before the runtime's
/// (where they are seen), not after them.
#[test]
fn groups_of_one_side_only_are_marked_before_the_runtime_groups() {
    let h = &mut open_all(vec![sample("go1.27/chansend.trace"), sample("go1.27/leakgrow.trace")]);
    let (a, b) = (h.state().pane_groups(0), h.state().pane_groups(1));
    let own = |g: &[(String, bool)]| g.iter().filter(|(_, only)| *only).count();
    assert!(own(&a) >= 1 && own(&b) >= 1, "each program has a group of its own: {a:#?} {b:#?}");
    assert!(program_first(&a) && program_first(&b), "{a:#?} {b:#?}");
    assert!(a.iter().chain(&b).all(|(k, only)| !only || !site(k).starts_with("runtime ")), "{a:#?} {b:#?}");
    // The runtime's groups both have come in one order on both sides.
    let runtime = |g: &[(String, bool)], other: &[(String, bool)]| -> Vec<String> {
        let theirs: Vec<&str> = other.iter().map(|(k, _)| site(k)).collect();
        g.iter()
            .map(|(k, _)| site(k).to_string())
            .filter(|k| k.starts_with("runtime ") && theirs.contains(&k.as_str()))
            .collect()
    };
    assert!(runtime(&a, &b).len() >= 3, "{a:#?} {b:#?}");
    assert_eq!(runtime(&a, &b), runtime(&b, &a));
}

#[test]
fn a_file_that_fails_beside_one_that_loads() {
    let dir = std::env::temp_dir().join(format!("goroscope-compare-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.trace");
    std::fs::write(&broken, b"go 1.27 trace\0\0\0\xff\xff\xff\xff").unwrap();
    let h = &mut open_all(vec![sample("go1.27/chansend.trace"), broken]);
    assert_eq!(h.state().pane_count(), (2, 1), "{:#?}", labels(h));
    assert!(h.state().pane_error(0).is_none());
    assert!(h.state().pane_error(1).is_some(), "the broken file's pane holds its error");
    assert!(h.query_by_label_contains("Cannot open").is_some(), "{:#?}", labels(h));
    // The good file's timeline: the planted group's header row.
    let row = "2,000 × main.sender :16 ← main.handle :23";
    assert!(h.query_by_label_contains(row).is_some(), "the good file opened: {:#?}", labels(h));
}

#[test]
fn a_trace_and_a_heap_profile_cannot_be_compared() {
    let h = &mut open_all(vec![sample("go1.27/chansend.trace"), sample("go1.27/chansend.heap.pb.gz")]);
    let msg = labels(h).into_iter().find(|l| l.contains("cannot be compared"));
    let msg = msg.unwrap_or_else(|| panic!("no message: {:#?}", labels(h)));
    assert!(msg.contains("Go execution trace") && msg.contains("profile"), "names both kinds: {msg}");
}

fn expect(name: &str) -> serde_json::Value {
    let p =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/programs").join(name).join("expect.json");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// The fixed build before, the leaky one after: the planted group is new, with its count,
/// and clicking it selects its goroutines in the pane that has them (and the empty group in
/// the other); a group both files have selects members on both sides.
#[test]
fn the_diff_table_lists_the_planted_group_as_new_and_selects_it_in_both_panes() {
    let h = &mut open_all(vec![sample("go1.27/chansend_fixed.trace"), sample("go1.27/chansend.trace")]);
    let group = &expect("chansend")["groups"][0];
    let count = group["count_min"].as_u64().unwrap();
    let func = group["blocking_function"].as_str().unwrap();
    let reason = group["reason"].as_str().unwrap();
    let rows: Vec<String> = labels(h).into_iter().filter(|l| l.starts_with("Diff ")).collect();
    assert!(rows.len() >= 2, "the diff table's rows: {:#?}", labels(h));
    let n = goroscope::units::count(count);
    let want = format!("Diff 1: new, 0 → {n} (+{n}), {reason} at {func} ");
    assert!(rows[0].starts_with(&want), "the planted group first, as new: {:?}, want {want:?}", rows[0]);

    h.get_by_label(&rows[0]).click();
    h.run_steps(3);
    let (a, b) = (h.state().selected_ids(0), h.state().selected_ids(1));
    assert!(a.is_empty(), "the fixed build has none of them: {a:?}");
    assert_eq!(b.len() as u64, count, "the leaky build's senders are selected");

    // A goroutine alive at the end of both runs (main.main): one selected on each side.
    let both = rows.iter().find(|r| r.contains(", 1 → 1 (0), "));
    let both = both.unwrap_or_else(|| panic!("a group in both files: {rows:#?}")).clone();
    h.get_by_label(&both).click();
    h.run_steps(3);
    assert_eq!((h.state().selected_ids(0).len(), h.state().selected_ids(1).len()), (1, 1), "{both}");
}

/// Two dumps of one pool, a worker busy in the first and back in the pool's wait in the
/// second (`services/compare_pool`): the pool's group gained a goroutine that moved, none
/// made. Its row says "moved" and is not drawn as growth; and on a 1280×720 screen every
/// row of the table is on screen, not scrolled under panes with room to spare (probe r28b:
/// the panel's memory kept it at 1½ rows).
#[test]
fn a_group_that_moved_says_so_and_every_row_is_on_screen() {
    let files: Vec<PathBuf> =
        (1..=2).map(|i| sample(&format!("services/go1.27/compare_pool.{i}.goroutine-2.txt"))).collect();
    let h = &mut open_with(Harness::builder().with_size(egui::vec2(1280.0, 720.0)), move |cc| {
        english(GoroscopeApp::new(cc, files))
    });
    h.run_steps(3);
    let rows: Vec<String> = labels(h).into_iter().filter(|l| l.starts_with("Diff ")).collect();
    assert!(rows.len() >= 2, "the diff table's rows: {:#?}", labels(h));
    let moved: Vec<&String> = rows.iter().filter(|r| r.contains(": grown (moved), ")).collect();
    assert_eq!(moved.len(), 1, "{rows:#?}");
    for r in &rows {
        let rect = h.get_by_label(r).rect();
        assert!(
            rect.bottom() <= 720.0 && rect.top() >= 360.0,
            "{r}: {rect:?}, below the window or over the panes"
        );
    }
    // The panel keeps the room it was given (its tab, filter, header and a row or two more
    // than the table holds), not only what the table's rows measured on the first frame.
    let tab = h.get_by_label("Goroutine groups").rect();
    assert!(720.0 - tab.top() >= 190.0, "the groups' panel starts at {}", tab.top());
}

/// Side by side, both panes plot heap and goroutine counts on one scale: the higher of the
/// two traces' tops (chansend's 2,010 goroutines against its fix's 10 at the end), so equal
/// heights mean equal values.
#[test]
fn compared_traces_share_their_plot_scales() {
    let h = &mut leaky_and_fixed();
    h.run_steps(2);
    let (a, b) = (h.state().pane_shared_y(0), h.state().pane_shared_y(1));
    assert!(a.is_some() && a == b, "{a:?} {b:?}");
    let tops: Vec<(u64, u64)> = ["go1.27/chansend.trace", "go1.27/chansend_fixed.trace"]
        .iter()
        .map(|f| {
            let m = goroscope::load::load_file(&sample(f), &goroscope::load::Progress::default()).unwrap();
            let m = m.trace.unwrap();
            let heap = m.heap_alloc.max().unwrap_or(0).max(m.heap_goal.max().unwrap_or(0));
            (heap, m.go_counts.iter().map(|c| u64::from(c.total)).max().unwrap_or(0))
        })
        .collect();
    let want = (tops[0].0.max(tops[1].0), tops[0].1.max(tops[1].1));
    assert_eq!(a, Some(want), "the higher top of each: {tops:?}");
}

#[test]
fn the_diff_table_filters() {
    let h = &mut open_all(vec![sample("go1.27/chansend_fixed.trace"), sample("go1.27/chansend.trace")]);
    let rows =
        |h: &Harness<'_, GoroscopeApp>| labels(h).into_iter().filter(|l| l.starts_with("Diff ")).count();
    let before = rows(h);
    h.get_by_label("Filter groups").click();
    h.run_steps(1);
    h.get_by_label("Filter groups").type_text("main.sender");
    h.run_steps(3);
    assert!(before > 1 && rows(h) == 1, "{before} rows, then {}: {:#?}", rows(h), labels(h));
}

/// Five `debug=2` dumps of the series program: the growth chart, the leak flagged as growing
/// and listed first with its counts from the program's constants, the worker pool not.
#[test]
fn a_series_of_five_dumps_flags_the_leak_and_not_the_pool() {
    let exp: serde_json::Value = {
        let p =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/programs/series/expect-series.json");
        serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
    };
    let n = exp["snapshots"].as_u64().unwrap() as usize;
    let files: Vec<PathBuf> =
        (1..=n).map(|i| sample(&format!("go1.27/series.{i}.goroutine-2.txt"))).collect();
    let h = &mut open_all(files);
    assert_eq!(h.state().pane_count(), (n, n));
    let chart = format!("Growth of each group over {n} snapshots");
    assert!(h.query_by_label(&chart).is_some(), "the growth chart: {:#?}", labels(h));

    let rows: Vec<String> = labels(h).into_iter().filter(|l| l.starts_with("Diff ")).collect();
    let counts = |v: &serde_json::Value| {
        let c: Vec<String> =
            v.as_array().unwrap().iter().map(|c| goroscope::units::count(c.as_u64().unwrap())).collect();
        c.join(" → ")
    };
    let grow = &exp["growing"];
    let c = grow["counts"].as_array().unwrap();
    let delta = c[c.len() - 1].as_u64().unwrap() - c[0].as_u64().unwrap();
    let leak = format!(
        "Diff 1: grown, {} (+{}), {} at {} ",
        counts(&grow["counts"]),
        goroscope::units::count(delta),
        grow["reason"].as_str().unwrap(),
        grow["blocking_function"].as_str().unwrap()
    );
    assert!(rows.first().is_some_and(|r| r.starts_with(&leak)), "the leak first: {rows:#?}\nwant {leak:?}");
    assert!(rows[0].ends_with(", growing"), "flagged: {}", rows[0]);

    let stable = &exp["stable"];
    let pool_fn = format!(" at {} ", stable["blocking_function"].as_str().unwrap());
    let pool = rows.iter().find(|r| r.contains(&pool_fn)).unwrap_or_else(|| panic!("no pool row: {rows:#?}"));
    let c = goroscope::units::count(stable["count"].as_u64().unwrap());
    assert!(pool.contains(&vec![c; n].join(" → ")), "the pool's counts: {pool}");
    assert!(!pool.ends_with(", growing"), "the pool is not flagged: {pool}");

    // Each snapshot's own view is a tab away.
    h.get_by_label_contains("C series.3.goroutine-2.txt").click();
    h.run_steps(3);
    assert!(h.query_by_label_contains("Group 1: ").is_some(), "the third dump's table: {:#?}", labels(h));
}

/// A traffic ramp's three dumps (`programs/services/compare`): the requests in flight rise,
/// 1 → 2 → 3, but are other goroutines each time: churn, not flagged growing, and no line of
/// the chart is drawn as growing (the CLI's `--fail-on-growth` does not count them either).
#[test]
fn a_series_of_requests_in_flight_is_churn_not_growth() {
    let files: Vec<PathBuf> =
        (1..=3).map(|i| sample(&format!("services/go1.27/compare_ramp.{i}.goroutine-2.txt"))).collect();
    let h = &mut open_all(files);
    assert_eq!(h.state().pane_count(), (3, 3));
    let rows: Vec<String> = labels(h).into_iter().filter(|l| l.starts_with("Diff ")).collect();
    let req = rows.iter().find(|r| r.contains(" at main.serve ")).unwrap_or_else(|| panic!("{rows:#?}"));
    assert!(req.contains("grown, 1 → 2 → 3 (+2)") && req.ends_with(", churn"), "{req}");
    assert!(rows.iter().all(|r| !r.ends_with(", growing")), "{rows:#?}");
    let chart = labels(h).into_iter().find(|l| l.starts_with("Growth of each group"));
    assert!(chart.is_some(), "the growth chart: {:#?}", labels(h));
    assert!(h.query_by_label_contains("1 group grows").is_none(), "{:#?}", labels(h));
}

/// The functions of a committed `go tool pprof -top -diff_base` output, in its order.
fn pprof_diff_names(file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(sample(file)).expect("committed pprof output");
    let rows = text.lines().skip_while(|l| !l.trim_start().starts_with("flat")).skip(1);
    rows.map(|r| {
        let name = r.split_whitespace().skip(5).collect::<Vec<_>>().join(" ");
        name.trim_end_matches(" (inline)").trim_end_matches(" (partial-inline)").to_string()
    })
    .collect()
}

/// Two heap profiles of the series: the diff table lists pprof's -diff_base functions in
/// pprof's order (and -normalize's with the toggle); the differential flame graph is drawn,
/// and its negated view is a toggle away.
#[test]
fn two_heap_profiles_diff_as_pprof_diff_base_does() {
    let h = &mut open_all(vec![sample("go1.27/series.1.heap.pb.gz"), sample("go1.27/series.5.heap.pb.gz")]);
    let rows = |h: &Harness<'_, GoroscopeApp>| -> Vec<String> {
        labels(h)
            .into_iter()
            .filter_map(|l| l.strip_prefix("Diff top ").map(str::to_string))
            .map(|l| {
                l.split_once(": ")
                    .map_or(l.clone(), |(_, r)| r.rsplit_once(" (").map_or(r, |x| x.0).to_string())
            })
            .collect()
    };
    assert!(h.query_by_label("Differential flame graph of inuse_space").is_some(), "{:#?}", labels(h));
    let base = "go1.27/series.1.heap..series.5.heap.top-inuse_space";
    let want = pprof_diff_names(&format!("{base}.txt"));
    let got = rows(h);
    assert!(want.len() >= 3 && got.len() >= 3, "pprof {want:?}, ours {got:?}");
    let n = got.len().min(want.len()).min(8);
    assert_eq!(got[..n], want[..n], "the order of go tool pprof -top -diff_base");

    h.get_by_label("Normalize").click();
    h.run_steps(3);
    let want = pprof_diff_names(&format!("{base}.normalize.txt"));
    let got = rows(h);
    let n = got.len().min(want.len()).min(8);
    assert!(n >= 1);
    assert_eq!(got[..n], want[..n], "the order of go tool pprof -top -diff_base -normalize");

    h.get_by_label("Show what vanished").click();
    h.run_steps(3);
    assert!(h.query_by_label("Differential flame graph of inuse_space").is_some());
}

/// Where no file-dialog portal answers, Ctrl+O opens the window's own browser: its path box
/// takes a file's path, Enter opens it. (The setting is what the window sets once a portal
/// failed to answer.)
#[test]
fn ctrl_o_opens_the_in_window_browser_where_no_portal_answers() {
    let h = &mut open_with(Harness::builder().with_size(egui::vec2(1400.0, 900.0)), |cc| {
        let mut app = english(GoroscopeApp::new(cc, Vec::new()));
        app.settings.in_window_file_dialog = true;
        app
    });
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run_steps(3);
    assert!(h.query_by_label("Parent folder").is_some(), "the browser: {:#?}", labels(h));
    let path = sample("go1.27/chansend.trace").display().to_string();
    h.get_by_label("Path").click();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    h.get_by_label("Path").type_text(&path);
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    common::ui::wait_loaded(h);
    assert_eq!(h.state().pane_count(), (1, 1), "the file opened: {:#?}", labels(h));
    assert!(h.query_by_label("Parent folder").is_none(), "the browser closed");
}

/// A file dropped on the window, as the desktop hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Dropping a second file on an open one asks: replace it, or compare the two.
#[test]
fn a_file_dropped_on_an_open_one_asks_replace_or_compare() {
    let h = &mut open_all(vec![sample("go1.27/chansend_fixed.trace")]);
    for (answer, panes) in [("Compare", 2), ("Replace", 2)] {
        let file = std::sync::Arc::new(Dropped(sample("go1.27/chansend.trace")));
        h.input_mut().dropped_files.push(file);
        h.run_steps(2);
        assert!(h.query_by_label("Replace").is_some(), "the question: {:#?}", labels(h));
        h.get_by_label(answer).click();
        h.run_steps(2);
        common::ui::wait_loaded(h);
        assert_eq!(h.state().pane_count(), (panes, panes), "after {answer}: {:#?}", labels(h));
    }
    // Replacing loaded the file into the active pane (B, the one added by Compare).
    assert!(labels(h).iter().filter(|l| *l == "chansend.trace").count() >= 1);
    assert!(h.query_by_label("Replace").is_none(), "the question is gone");
}

/// Two panes of the same file keep their own state: opening a group in one leaves the other's
/// rows as they were, and so does scrolling.
#[test]
fn two_panes_of_one_kind_do_not_share_collapse_state() {
    let h = &mut open_all(vec![sample("go1.27/chansend.trace"), sample("go1.27/chansend.trace")]);
    let before = (h.state().pane_row_count(0), h.state().pane_row_count(1));
    assert_eq!(before.0, before.1);
    let header = labels(h).into_iter().find(|l| l.starts_with("+ ") && l.contains(" × "));
    let header = header.unwrap_or_else(|| panic!("a closed group: {:#?}", labels(h)));
    let first = h.get_all_by_label(&header).next().expect("the header in pane A");
    first.click();
    h.run_steps(3);
    let after = (h.state().pane_row_count(0), h.state().pane_row_count(1));
    assert!(after.0 > before.0, "A's group opened: {before:?} -> {after:?}");
    assert_eq!(after.1, before.1, "B's rows did not move");
}

#[test]
fn two_gc_logs_compare_their_heap_after_gc_and_say_it_grew() {
    let fixed = sample("go1.27/memleak_fixed.gctrace.log");
    let leak = sample("go1.27/memleak.gctrace.log");
    // Go's own last cycles: `A->B->C MB`, C the marked heap.
    let live = |p: &PathBuf| {
        let text = std::fs::read_to_string(p).unwrap();
        let line = text.lines().rfind(|l| l.starts_with("gc ") && l.contains(" MB goal")).unwrap();
        let heap = line.split(" ms cpu, ").nth(1).unwrap().split(" MB").next().unwrap();
        heap.rsplit("->").next().unwrap().parse::<u64>().unwrap() << 20
    };
    let h = &mut open_all(vec![fixed.clone(), leak.clone()]);
    let all = labels(h);
    let mut rows: Vec<&String> = all.iter().filter(|l| l.contains(": heap after GC ")).collect();
    rows.dedup(); // a label's text and its accessible name
    assert_eq!(rows.len(), 2, "a row per pane: {all:#?}");
    for (row, p) in rows.iter().zip([&fixed, &leak]) {
        let last = format!("→ {} (first and last cycle)", goroscope::units::bytes(live(p)));
        assert!(row.contains(&last), "{row:?} wanted {last:?}");
    }
    assert!(rows[1].contains("findings: heap-growth"), "{:?}", rows[1]);
    let end = format!(
        "Heap after GC at the end: {} → {}: grew",
        goroscope::units::bytes(live(&fixed)),
        goroscope::units::bytes(live(&leak))
    );
    assert!(all.iter().any(|l| l.starts_with(&end)), "no {end:?} in {all:#?}");
}

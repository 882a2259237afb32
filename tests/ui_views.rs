//! The views of goroutine dumps, pprof profiles and GC logs, driven by egui_kittest on the
//! committed samples: a dump opens to its group table with the planted group first, a heap
//! profile to its flame graph and top table (whose first entry follows the sample type as
//! `go tool pprof -top` says), a gctrace log to memory curves.
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::ui::GoroscopeApp;

use crate::common;
use common::ui::{self, labels, open_loaded as open, sample};

fn first_with(h: &Harness<'_, GoroscopeApp>, prefix: &str) -> String {
    let all = labels(h);
    all.iter().find(|l| l.starts_with(prefix)).cloned().unwrap_or_else(|| panic!("no {prefix:?} in {all:#?}"))
}

/// The first entry of a committed `go tool pprof -top` output: the name on the first line
/// after the `flat  flat%` header.
fn pprof_top_first(file: &str) -> String {
    let text = std::fs::read_to_string(sample(file)).expect("committed top file");
    let mut lines = text.lines().skip_while(|l| !l.trim_start().starts_with("flat"));
    let row = lines.nth(1).expect("a row after the header");
    let name = row.split_whitespace().skip(5).collect::<Vec<_>>().join(" ");
    name.trim_end_matches(" (inline)").trim_end_matches(" (partial-inline)").to_string()
}

#[test]
fn dump_opens_to_its_group_table_with_the_planted_group_first() {
    let h = &mut open(sample("go1.27/chansend.goroutine-2.txt"));
    let first = first_with(h, "Group 1: ");
    assert!(first.starts_with("Group 1: 2,000 × chan send at main.sender "), "{first}");
    assert!(first.ends_with("main.go:16"), "{first}");
    assert!(h.query_by_label("Created by").is_some(), "the table has its header: {:#?}", labels(h));

    // Selecting the row shows its stack and creation site in the inspector.
    h.get_by_label(&first).click();
    h.run_steps(3);
    let all = labels(h);
    assert!(all.iter().any(|l| l == "2,000 goroutines"), "inspector heading: {all:#?}");
    assert!(
        all.iter().any(|l| l.starts_with("main.sender("))
            && all.iter().any(|l| l.ends_with("chansend/main.go:16")),
        "the stack's frame in the inspector: {all:#?}"
    );
    assert!(h.query_all_by_label("Open frame 0 in editor").next().is_some(), "frames are openable");

    // Sorting by state, then back by count; exact grouping keeps the planted group on top.
    h.get_by_label_contains("State").click();
    h.run_steps(2);
    h.get_by_label("Exact").click();
    h.run_steps(2);
    h.get_by_label_contains("Count").click();
    h.run_steps(2);
    let first = first_with(h, "Group 1: ");
    assert!(first.starts_with("Group 1: 2,000 × chan send at main.sender "), "{first}");
}

#[test]
fn dump_table_follows_the_filter_box() {
    let h = &mut open(sample("go1.27/chansend.goroutine-2.txt"));
    let groups = |h: &Harness<'_, GoroscopeApp>| labels(h).iter().filter(|l| l.starts_with("Group ")).count();
    let before = groups(h);
    assert!(before > 1, "{:#?}", labels(h));
    h.get_by_label("Filter goroutines").click();
    h.run_steps(1);
    h.get_by_label("Filter goroutines").type_text("main.sender");
    h.run_steps(3);
    assert_eq!(groups(h), 1, "{:#?}", labels(h));
}

#[test]
fn goroutine_profiles_open_to_the_same_table() {
    for file in ["go1.27/chansend.goroutine-1.txt", "go1.27/chansend.goroutine.pb.gz"] {
        let h = &mut open(sample(file));
        let first = first_with(h, "Group 1: ");
        assert!(first.starts_with("Group 1: 2,000 × "), "{file}: {first}");
        assert!(first.contains(" at main.sender ") && first.ends_with("main.go:16"), "{file}: {first}");
    }
    // A goroutine pprof profile is a profile too: its flame graph is one click away.
    let h = &mut open(sample("go1.27/chansend.goroutine.pb.gz"));
    h.get_by_label("Flame graph").click();
    h.run_steps(3);
    assert!(h.query_by_label("Flame graph of goroutine").is_some(), "{:#?}", labels(h));
}

#[test]
fn heap_profile_opens_to_its_flame_graph_and_sample_types_switch_the_top_entry() {
    let h = &mut open(sample("go1.27/heapgrow.heap.pb.gz"));
    assert!(h.query_by_label("Flame graph of inuse_space").is_some(), "{:#?}", labels(h));
    let inuse = pprof_top_first("go1.27/heapgrow.heap.top-inuse_space.txt");
    let alloc = pprof_top_first("go1.27/heapgrow.heap.top-alloc_space.txt");
    assert_ne!(inuse, alloc, "the samples were made so that the top entries differ");
    assert_eq!(first_with(h, "Top 1: "), format!("Top 1: {inuse}"));

    h.get_by_label("alloc_space").click();
    h.run_steps(3);
    assert!(h.query_by_label("Flame graph of alloc_space").is_some(), "{:#?}", labels(h));
    assert_eq!(first_with(h, "Top 1: "), format!("Top 1: {alloc}"));
}

#[test]
fn profile_search_and_zoom() {
    let h = &mut open(sample("go1.27/heapgrow.heap.pb.gz"));
    h.get_by_label("Search functions").click();
    h.run_steps(1);
    h.get_by_label("Search functions").type_text("main.remember");
    h.run_steps(3);
    let matches = labels(h).into_iter().any(|l| l == "1 function matches");
    assert!(matches, "the search finds main.remember: {:#?}", labels(h));
    // Clicking the middle of the flame graph's top row zooms into the root's widest child.
    let graph = h.get_by_label("Flame graph of inuse_space").rect();
    let at = egui::pos2(graph.center().x, graph.top() + 27.0);
    h.hover_at(at);
    h.run_steps(1);
    for pressed in [true, false] {
        let button = egui::PointerButton::Primary;
        h.event(egui::Event::PointerButton { pos: at, button, pressed, modifiers: Default::default() });
        h.run_steps(1);
    }
    h.run_steps(2);
    assert!(labels(h).iter().any(|l| l == "›"), "a breadcrumb after the zoom: {:#?}", labels(h));
    assert!(h.query_by_label("Reset zoom").is_some());
    h.get_by_label("Reset zoom").click();
    h.run_steps(2);
}

#[test]
fn gctrace_log_opens_to_memory_curves() {
    for file in ["go1.27/profiles.gctrace.log", "go1.27/profiles.memstats.jsonl"] {
        let h = &mut open(sample(file));
        assert!(h.query_by_label("Memory curves").is_some(), "{file}: {:#?}", labels(h));
        assert!(h.query_by_label("GC pauses").is_some(), "{file}: {:#?}", labels(h));
    }
}

/// A service's stderr with GODEBUG=gctrace=1 before its SIGQUIT traceback: the groups
/// first, and its GC lines' curves one click away (the heap growth `report` names).
#[test]
fn a_stderr_log_shows_its_gc_lines_beside_the_traceback() {
    let file = "services/go1.27/quitleak.stderr.log";
    let h = &mut open(sample(file));
    let want = common::report_json::expect_of("services/quitleak");
    let func = want["blocking_function"].as_str().unwrap();
    assert!(labels(h).iter().any(|l| l.contains(func)), "the groups first: {:#?}", labels(h));
    assert!(h.query_by_label("Memory curves").is_none(), "{:#?}", labels(h));
    let tab = first_with(h, "Memory (");
    let cycles: u32 = tab.trim_start_matches("Memory (").split(' ').next().unwrap().parse().unwrap();
    assert!(cycles >= 5, "{tab}: the log's GC cycles");
    h.get_by_label(&tab).click();
    h.run_steps(2);
    assert!(h.query_by_label("Memory curves").is_some(), "{:#?}", labels(h));
    h.get_by_label("Goroutine groups").click();
    h.run_steps(2);
    assert!(h.query_by_label("Memory curves").is_none(), "back to the groups: {:#?}", labels(h));
}

#[test]
fn files_open_through_the_load_job_too() {
    let path = sample("go1.27/heapgrow.heap.pb.gz");
    let h = ui::open(path);
    assert!(h.query_by_label("Flame graph of inuse_space").is_some(), "{:#?}", labels(&h));
}

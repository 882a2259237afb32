//! The profile view's pprof options, driven by egui_kittest on the committed samples and
//! checked against Go's own tool: switching to lines puts the heap sample's allocating line
//! first (as `go tool pprof -top -lines`), a focus chip changes the flame graph and the top
//! table together (as `-focus=mallocgc`), and the labels panel lists the CJK sample's labels,
//! filtering by one changing the totals (as `-tagfocus=地域=上海`); clicking a function shows
//! its callers and callees as `go tool pprof -peek` lists them, and clicking one walks to it.
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::ui::GoroscopeApp;

use crate::common;
use common::pprof_text::peek_edges;
use common::ui::{labels, open_loaded as open, sample};

fn first_with(h: &Harness<'_, GoroscopeApp>, prefix: &str) -> String {
    let all = labels(h);
    all.iter().find(|l| l.starts_with(prefix)).cloned().unwrap_or_else(|| panic!("no {prefix:?} in {all:#?}"))
}

/// The committed pprof output's first row name and its "Showing nodes accounting for X".
fn golden(file: &str) -> (String, String) {
    let text = std::fs::read_to_string(sample(file)).expect("committed pprof output");
    let shown = text.lines().find_map(|l| l.strip_prefix("Showing nodes accounting for ")).unwrap();
    let shown = shown.split(',').next().unwrap().to_string();
    let mut rows = text.lines().skip_while(|l| !l.trim_start().starts_with("flat"));
    let row = rows.nth(1).expect("a row after the header");
    (row.split_whitespace().skip(5).collect::<Vec<_>>().join(" "), shown)
}

#[test]
fn lines_put_the_allocating_line_first() {
    let h = &mut open(sample("go1.27/heapgrow.heap.pb.gz"));
    let (by_function, _) = golden("go1.27/heapgrow.heap.top-inuse_space.txt");
    let (by_line, _) = golden("go1.27/heapgrow.heap.top-inuse_space.lines.txt");
    assert!(by_line.contains("main.go:"), "{by_line}");
    assert_eq!(first_with(h, "Top 1: "), format!("Top 1: {by_function}"));
    h.get_by_label("lines").click();
    h.run_steps(3);
    assert_eq!(first_with(h, "Top 1: "), format!("Top 1: {by_line}"));
}

#[test]
fn a_focus_chip_changes_the_flame_graph_and_the_table_together() {
    let h = &mut open(sample("go1.27/heapgrow.heap.pb.gz"));
    let (focused, _) = golden("go1.27/heapgrow.heap.top-inuse_space.focus-malloc.txt");
    let before_top = first_with(h, "Top 1: ");
    let before_flame = first_with(h, "Flame: ");
    assert_ne!(before_top, format!("Top 1: {focused}"));
    h.get_by_label("Filter expression").click();
    h.run_steps(1);
    h.get_by_label("Filter expression").type_text("mallocgc");
    h.run_steps(1);
    h.get_by_label("Add filter").click();
    h.run_steps(3);
    assert!(h.query_by_label("focus=mallocgc ×").is_some(), "a chip: {:#?}", labels(h));
    assert_eq!(first_with(h, "Top 1: "), format!("Top 1: {focused}"));
    let after_flame = first_with(h, "Flame: ");
    assert_ne!(before_flame, after_flame, "the flame graph follows the focus");
    // Removing the chip brings both back.
    h.get_by_label("focus=mallocgc ×").click();
    h.run_steps(3);
    assert_eq!(first_with(h, "Top 1: "), before_top);
    assert_eq!(first_with(h, "Flame: "), before_flame);
}

#[test]
fn the_labels_panel_lists_cjk_labels_and_filters_by_one() {
    let h = &mut open(sample("go1.27/国际化.goroutine.pb.gz"));
    if h.query_by_label("Flame graph").is_some() {
        h.get_by_label("Flame graph").click();
        h.run_steps(3);
    }
    let all = labels(h);
    for want in ["地域", "服务"] {
        assert!(all.iter().any(|l| l == want), "label key {want}: {all:#?}");
    }
    let (_, all_shown) = golden("go1.27/国际化.goroutine.top-goroutine.txt");
    let (_, shanghai) = golden("go1.27/国际化.goroutine.top-goroutine.tagfocus-key.txt");
    assert_ne!(all_shown, shanghai);
    let totals = first_with(h, "Flame: ");
    assert!(totals.ends_with(&format!(", {all_shown}")), "{totals}");
    let value = first_with(h, "上海 (");
    h.get_by_label(&value).click();
    h.run_steps(3);
    let totals = first_with(h, "Flame: ");
    assert!(totals.ends_with(&format!(", {shanghai}")), "filtered to 上海 as -tagfocus=地域=上海: {totals}");
}

/// The callers and callees of `name` in a committed `go tool pprof -peek` output.
fn golden_peek(file: &str, name: &str) -> (Vec<String>, Vec<String>) {
    let text = std::fs::read_to_string(sample(file)).expect("committed pprof output");
    let (callers, callees) = peek_edges(&text, name);
    let names = |v: Vec<(String, String)>| v.into_iter().map(|e| e.0).collect();
    (names(callers), names(callees))
}

#[test]
fn a_function_shows_its_callers_and_callees_and_a_click_walks() {
    let h = &mut open(sample("go1.27/memleak.heap.pb.gz"));
    let (callers, callees) = golden_peek("go1.27/memleak.heap.top-inuse_space.peek.txt", "main.main");
    assert!(!callers.is_empty() && !callees.is_empty());
    let row = first_with(h, "Top ");
    let main_row =
        labels(h).into_iter().find(|l| l.starts_with("Top ") && l.ends_with(": main.main")).unwrap_or(row);
    h.get_by_label(&main_row).click();
    h.run_steps(3);
    assert!(h.query_by_label("Callers and callees of main.main").is_some(), "{:#?}", labels(h));
    let peeks: Vec<String> =
        labels(h).into_iter().filter_map(|l| l.strip_prefix("Peek: ").map(str::to_string)).collect();
    let want: Vec<String> = callers.iter().chain(&callees).cloned().collect();
    assert_eq!(peeks, want, "callers then callees, in pprof's order");
    let edge = format!("Peek: {}", callees[0]);
    h.get_by_label(&edge).click();
    h.run_steps(3);
    let title = format!("Callers and callees of {}", callees[0]);
    assert!(h.query_by_label(&title).is_some(), "walked: {:#?}", labels(h));
}

/// Every row of a committed `go tool pprof -top` output: (cum, name).
fn golden_rows(file: &str) -> Vec<(i64, String)> {
    let text = std::fs::read_to_string(sample(file)).expect("committed pprof output");
    text.lines()
        .skip_while(|l| !l.trim_start().starts_with("flat"))
        .skip(1)
        .map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            (w[3].trim_end_matches('B').parse().unwrap(), w[5..].join(" "))
        })
        .collect()
}

/// The table's rows in the order shown, by their "Top N: NAME" labels.
fn shown_rows(h: &Harness<'_, GoroscopeApp>) -> Vec<String> {
    let mut seen = Vec::new();
    for l in labels(h) {
        if let Some((_, name)) = l.strip_prefix("Top ").and_then(|r| r.split_once(": "))
            && seen.last() != Some(&name.to_string())
        {
            seen.push(name.to_string());
        }
    }
    seen
}

#[test]
fn the_cum_column_sorts_and_the_table_follows_the_search() {
    let h = &mut open(sample("go1.27/heapgrow.heap.pb.gz"));
    let rows = golden_rows("go1.27/heapgrow.heap.top-inuse_space.txt");
    let top_cum = rows.iter().max_by_key(|r| r.0).unwrap().1.clone();
    assert_eq!(rows.iter().filter(|r| r.0 == rows.iter().map(|r| r.0).max().unwrap()).count(), 1);
    assert_eq!(shown_rows(h)[0], rows[0].1, "pprof's order first");
    h.get_by_label("cum").click();
    h.run_steps(3);
    assert_eq!(shown_rows(h)[0], top_cum, "sorted by cum: {:#?}", shown_rows(h));
    h.get_by_label("Search functions").click();
    h.run_steps(1);
    h.get_by_label("Search functions").type_text("main.main");
    h.run_steps(3);
    let shown = shown_rows(h);
    let want: Vec<&str> = rows.iter().map(|r| r.1.as_str()).filter(|n| n.contains("main.main")).collect();
    assert!(want.len() >= 2 && shown.len() == want.len(), "{shown:?} vs {want:?}");
}

#[test]
fn a_rows_menu_focuses_on_it_as_go_tool_pprof_focus_does() {
    let h = &mut open(sample("go1.27/heapgrow.heap.pb.gz"));
    let (focused, _) = golden("go1.27/heapgrow.heap.top-inuse_space.focus-malloc.txt");
    assert_eq!(focused, "runtime.mallocgc");
    let row =
        labels(h).into_iter().find(|l| l.starts_with("Top ") && l.ends_with(": runtime.mallocgc")).unwrap();
    h.get_by_label(&row).click_secondary();
    h.run_steps(2);
    h.get_by_label("Focus on it").click();
    h.run_steps(3);
    assert!(h.query_by_label("focus=^runtime\\.mallocgc$ ×").is_some(), "{:#?}", labels(h));
    assert_eq!(first_with(h, "Top 1: "), format!("Top 1: {focused}"));
}

/// A text heap profile (`heap?debug=1`) opens as its protobuf does, with the MemStats Go
/// printed after it above the flame graph; switching sample type works on it.
#[test]
fn a_text_heap_profile_shows_its_memstats_and_pprofs_table() {
    let h = &mut open(sample("go1.27/textprofiles.heap.txt"));
    let text = std::fs::read_to_string(sample("go1.27/textprofiles.heap.txt")).unwrap();
    let go = |name: &str| -> u64 {
        let line = text.lines().find(|l| l.starts_with(&format!("# {name} = "))).unwrap();
        line.rsplit(' ').next().unwrap().parse().unwrap()
    };
    assert!(h.query_by_label("runtime.MemStats").is_some(), "{:#?}", labels(h));
    let heap = format!("heap {} allocated", goroscope::units::bytes(go("HeapAlloc")));
    let strip = first_with(h, "heap ");
    assert!(strip.starts_with(&heap), "{strip} vs {heap}");
    assert!(strip.contains(&format!("{} GC cycles", go("NumGC"))), "{strip}");
    let (inuse, _) = golden("go1.27/textprofiles.heap.top-inuse_space.txt");
    assert_eq!(first_with(h, "Top 1: "), format!("Top 1: {inuse}"));
    let (alloc, _) = golden("go1.27/textprofiles.heap.top-alloc_space.txt");
    h.get_by_label("alloc_space").click();
    h.run_steps(3);
    assert_eq!(first_with(h, "Top 1: "), format!("Top 1: {alloc}"));
}

//! The Findings panel on real samples (egui_kittest): memleak's trace lists a heap-growth
//! finding, and clicking it selects its time range (shaded over the heap curve; the range
//! summary names it); selectspin's spinning finding selects a spinner; a heap profile shows
//! its retention finding and clicking it highlights the site; a spinner older than the trace,
//! whose code the trace does not record, is still listed and selectable; a lock crowd's
//! possible holder is listed under it and one click selects it; a saturated worker pool beside a
//! spinning poller lists the poller alone; a service at its memory limit lists GC thrashing,
//! whose click selects the stretch, and its GC log says it above the memory curves, as a GC log
//! whose stacks climb with its heap says goroutines pile up; a contended lock is listed and
//! one click selects the goroutine that waited there longest.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui_kittest::kittest::{NodeT as _, Queryable as _};

use crate::common;
use common::ui::{labels, open};

fn sample(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)
}

/// The report's finding of `kind` for `path`: the same analysis the window shows.
fn finding(path: &Path, kind: &str) -> serde_json::Value {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let opts = goroscope::report::Options { json: true, fail_on_leaks: false };
    goroscope::report::run(&[path.to_path_buf()], &opts, &mut out, &mut err);
    let rep: serde_json::Value = serde_json::from_slice(&out).unwrap();
    rep["findings"].as_array().unwrap().iter().find(|f| f["kind"] == kind).cloned().unwrap()
}

#[test]
fn heap_growth_click_selects_its_range() {
    let path = sample("go1.27/memleak.trace");
    let g = finding(&path, "heap-growth");
    let h = &mut open(path);
    assert!(labels(h).iter().any(|l| l == "Findings (1)"), "{:#?}", labels(h));
    let entry = "Heap after GC grew from";
    assert!(h.query_by_label_contains(entry).is_some(), "no heap-growth entry in {:#?}", labels(h));
    assert!(!labels(h).iter().any(|l| l == "Selected range"), "no range before the click");
    h.get_by_label_contains(entry).click();
    h.run_steps(3);
    // The range summary: "FROM to TO (LENGTH), N goroutines", FROM and TO the finding's.
    let from = goroscope::units::duration(g["from_ns"].as_i64().unwrap());
    let to = goroscope::units::duration(g["to_ns"].as_i64().unwrap());
    let summary = format!("{from} to {to} (");
    assert!(labels(h).iter().any(|l| l == "Selected range"), "{:#?}", labels(h));
    assert!(labels(h).iter().any(|l| l.starts_with(&summary)), "no {summary:?} in {:#?}", labels(h));
}

/// A service's stderr with its GC lines and a SIGQUIT traceback (`services/quitleak`) opens as
/// a dump, and lists the heap growth its GC lines show above the suspects, as the report does.
#[test]
fn a_stderr_logs_heap_growth_is_listed_beside_its_dumps_suspects() {
    let path = sample("services/go1.27/quitleak.stderr.log");
    finding(&path, "heap-growth");
    let h = &mut open(path);
    assert!(labels(h).iter().any(|l| l == "Findings (1)"), "{:#?}", labels(h));
    assert!(h.query_by_label_contains("Heap after GC grew from").is_some(), "{:#?}", labels(h));
    assert!(labels(h).iter().any(|l| l == "Suspects (1)"), "{:#?}", labels(h));
}

#[test]
fn gc_thrashing_click_selects_its_stretch_and_the_gc_log_says_it_above_the_curves() {
    let path = sample("services/go1.22/gclimit.trace");
    let t = finding(&path, "gc-thrashing");
    let h = &mut open(path);
    let entry = "GC thrashing: the heap goal stayed";
    assert!(h.query_by_label_contains(entry).is_some(), "no thrashing entry in {:#?}", labels(h));
    h.get_by_label_contains(entry).click();
    h.run_steps(3);
    let from = goroscope::units::duration(t["from_ns"].as_i64().unwrap());
    let to = goroscope::units::duration(t["to_ns"].as_i64().unwrap());
    let summary = format!("{from} to {to} (");
    assert!(labels(h).iter().any(|l| l.starts_with(&summary)), "no {summary:?} in {:#?}", labels(h));

    // The same run's GC log: the memory view says the finding above its curves.
    let h = &mut open(sample("services/go1.22/gclimit.gctrace.log"));
    let said = labels(h).into_iter().find(|l| l.starts_with(entry));
    assert!(said.is_some_and(|l| l.contains(" GC cycles (")), "{:#?}", labels(h));
}

#[test]
fn spinning_click_selects_a_spinner() {
    let h = &mut open(sample("go1.27/selectspin.trace"));
    let entry = "4 spinning: running or runnable";
    assert!(h.query_by_label_contains(entry).is_some(), "{:#?}", labels(h));
    h.get_by_label_contains(entry).click();
    h.run_steps(3);
    assert!(labels(h).iter().any(|l| l.starts_with("Goroutine ")), "the inspector shows a spinner");
    assert!(labels(h).iter().any(|l| l.starts_with("main.spin ")), "{:#?}", labels(h));
}

#[test]
fn a_busy_worker_pool_is_not_listed_as_spinning() {
    let h = &mut open(sample("services/go1.27/primepool.trace"));
    let spinning: Vec<String> = labels(h).into_iter().filter(|l| l.contains(" spinning: running")).collect();
    let [entry] = spinning.as_slice() else { panic!("one spinning entry (the poller), not {spinning:?}") };
    assert!(entry.starts_with("1 spinning"), "{entry}");
    assert!(entry.contains("main.awaitShutdown"), "{entry}");
    assert!(!entry.contains("main.count") && !entry.contains("isPrime"), "{entry}");
}

#[test]
fn a_spinner_whose_code_the_trace_lacks_is_listed_and_selectable() {
    let path = sample("services/go1.27/midlife.trace");
    let id = finding(&path, "spinning")["goroutine_ids"][0].as_u64().unwrap();
    let h = &mut open(path);
    let entry = "1 spinning: running or runnable 100% of the window; the trace records none of its code";
    assert!(h.query_by_label_contains(entry).is_some(), "{:#?}", labels(h));
    // Which goroutine to look up in a dump, as the report says it.
    let look_up = format!("a goroutine dump (debug=2) shows where goroutine {id} loops");
    assert!(h.query_by_label_contains(&look_up).is_some(), "no {look_up:?} in {:#?}", labels(h));
    h.get_by_label_contains(entry).click();
    h.run_steps(3);
    let title = format!("Goroutine {id}");
    assert!(labels(h).iter().any(|l| l.starts_with(&title)), "no {title:?} in {:#?}", labels(h));
}

#[test]
fn heap_profile_retention_highlights_the_site() {
    let h = &mut open(sample("go1.27/memleak.heap.pb.gz"));
    let entry = "main.remember memleak/main.go:31 holds";
    assert!(h.query_by_label_contains(entry).is_some(), "{:#?}", labels(h));
    let search = |h: &egui_kittest::Harness<'_, goroscope::ui::GoroscopeApp>| {
        h.get_by_label("Search functions").accesskit_node().value().unwrap_or_default()
    };
    assert_eq!(search(h), "");
    h.get_by_label_contains(entry).click();
    h.run_steps(3);
    // The search box now holds the function, which the flame graph and the table highlight.
    assert_eq!(search(h), "main.remember");
}

#[test]
fn a_lock_crowds_holder_is_listed_and_one_click_selects_it() {
    let path = sample("services/go1.27/lockheld.trace");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let opts = goroscope::report::Options { json: true, fail_on_leaks: false };
    goroscope::report::run(std::slice::from_ref(&path), &opts, &mut out, &mut err);
    let rep: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let id = rep["suspects"][0]["lock_holders"][0]["goroutine_id"].as_u64().expect("a holder");
    let h = &mut open(path);
    let entry = format!("Lock held by? goroutine {id} [chan send]");
    let title = format!("Goroutine {id}");
    assert!(!labels(h).iter().any(|l| l.starts_with(&title)), "nothing selected before the click");
    assert!(h.query_all_by_label_contains(&entry).count() >= 2, "both crowds name it: {:#?}", labels(h));
    h.query_all_by_label_contains(&entry).next().unwrap().click();
    h.run_steps(3);
    assert!(labels(h).iter().any(|l| l.starts_with(&title)), "no {title:?} in {:#?}", labels(h));
}

#[test]
fn a_gc_log_whose_stacks_climb_says_goroutines_pile_up_above_the_curves() {
    let path = sample("services/go1.27/goroutinepile.gctrace.log");
    let g = finding(&path, "heap-growth");
    let h = &mut open(path);
    // Formatted after the window opened: in the window's locale (a no-break space before units).
    let to = goroscope::units::bytes(g["stacks_to_bytes"].as_u64().unwrap());
    let zero = goroscope::units::bytes(0);
    let said = format!("Goroutine stacks rose with it, from {zero} to {to}: goroutines pile up too");
    assert!(
        labels(h).iter().any(|l| l.starts_with("Heap after GC grew from") && l.contains(&said)),
        "{:#?}",
        labels(h)
    );
}

/// MemStats lines of a leak (`go1.27/memleak.memstats.jsonl`): the memory view says the
/// report's finding above its curves, figures and all, not only a shaded band.
#[test]
fn the_memory_view_says_the_heap_growth_finding_in_figures() {
    let path = sample("go1.27/memleak.memstats.jsonl");
    let g = finding(&path, "heap-growth");
    let h = &mut open(path);
    let from = goroscope::units::bytes(g["from_bytes"].as_u64().unwrap());
    let to = goroscope::units::bytes(g["to_bytes"].as_u64().unwrap());
    let said = format!("Heap after GC grew from {from} to {to} over ");
    assert!(labels(h).iter().any(|l| l.starts_with(&said)), "no {said:?} in {:#?}", labels(h));
}

#[test]
fn a_contended_lock_is_listed_and_one_click_selects_its_longest_waiter() {
    let path = sample("services/go1.27/lockcontend.trace");
    let id = finding(&path, "lock-contention")["goroutine_ids"][0].as_u64().unwrap();
    let h = &mut open(path);
    let entry = "Lock contention at sync.Mutex.Lock in main.(*cache).Put";
    assert!(h.query_by_label_contains(entry).is_some(), "{:#?}", labels(h));
    let title = format!("Goroutine {id}");
    assert!(!labels(h).iter().any(|l| l.starts_with(&title)), "nothing selected before the click");
    h.get_by_label_contains(entry).click();
    h.run_steps(3);
    assert!(labels(h).iter().any(|l| l.starts_with(&title)), "no {title:?} in {:#?}", labels(h));
}

/// Holders found alike are one lead: callerlock's three replicas, each in `tick` holding its
/// own lock, were three boxes of the same words under one crowd; now one names all three.
#[test]
fn lock_holders_found_alike_are_one_lead() {
    let path = sample("services/go1.27/callerlock.trace");
    let rep = common::report_json::report(&path);
    let h = &mut open(path);
    let leads: Vec<String> = labels(h).into_iter().filter(|l| l.starts_with("Lock held by? ")).collect();
    let mut checked = 0;
    for s in rep["suspects"].as_array().unwrap() {
        let holders = s["lock_holders"].as_array().unwrap();
        if holders.len() < 2 {
            continue;
        }
        let ids: Vec<String> = holders.iter().map(|h| h["goroutine_id"].to_string()).collect();
        let named = format!("Lock held by? goroutines {} [", ids.join(", "));
        assert_eq!(leads.iter().filter(|l| l.starts_with(&named)).count(), 1, "{named:?} in {leads:#?}");
        checked += 1;
    }
    assert!(checked >= 2, "both crowds have several holders: {leads:#?}");
    assert_eq!(leads.len(), checked, "one lead per crowd: {leads:#?}");
}

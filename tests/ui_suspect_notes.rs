//! The suspects panel says what kind of wait a suspect may be (egui_kittest, committed service
//! samples): a pool at rest is listed after the leak beside it and marked "At rest?", the leak is
//! not; main hung on a WaitGroup whose goroutines all exited says so with their number; a test past
//! its `go test -timeout`, or sent SIGQUIT, or one that passed and left goroutines behind in its
//! `-trace`, or one whose synctest bubble deadlocked (confirmed by the runtime), is named; each side of a lock-order deadlock says it holds a lock; clients that
//! stopped sending mid-request say whether headers or a body; a mutex locked twice says its holder
//! waits for it, and one left locked by a goroutine that returned says no holder is alive; a
//! dump's lock-order deadlock says who holds what, and its queue that it waits behind; a crowd waiting inside database/sql or io.Pipe, for a file lock, or in context's
//! watch of a foreign parent, says what it waits for, and a crowd of database/sql's openers says it
//! is DBs never closed; a finalizer blocked for good says it holds up every other; idle client
//! connections of a Transport made per call say so; commands' callers waiting in `Cmd.Wait` for an
//! output copy say why, and the copies say they are no idle connections; iter.Pull's coroutines
//! left waiting say their stop was never called, and their rows are named as coroutines; a
//! crowd older than an old-format trace says where it waits is not written; a dump's requests
//! in flight are listed not judged, marked so. The facts are the programs' own
//! (`programs/services/*/expect.json`).
#![cfg(feature = "gui")]

use crate::common;
use common::report_json::expect_of;
use common::ui::{labels, open, sample, suspect_entries as entries};
use egui_kittest::kittest::Queryable;

#[test]
fn a_pool_at_rest_is_marked_and_listed_after_the_leak() {
    let want = expect_of("services/restpool");
    let h = &mut open(sample("services/go1.27/restpool.trace"));
    let all = labels(h);
    let e = entries(&all);
    assert!(e.len() >= 2, "a leak and a pool: {all:#?}");
    let leak = format!("#1 · {} × {}", want["count"], want["reason"].as_str().unwrap());
    let pool = format!("#2 · {} × ", want["pool_count"]);
    assert!(e[0].starts_with(&leak) && !e[0].contains("At rest?"), "{:?} wanted {leak:?}", e[0]);
    assert!(e[1].starts_with(&pool), "{:?} wanted {pool:?}", e[1]);
    assert!(e[1].contains("At rest? A pool started at once"), "{:?}", e[1]);
    assert!(e[1].contains(want["pool_function"].as_str().unwrap()), "{:?}", e[1]);
}

#[test]
fn main_hung_on_a_wait_group_says_how_many_it_waits_for() {
    let want = expect_of("services/mainwait");
    let h = &mut open(sample("services/go1.27/mainwait.trace"));
    let all = labels(h);
    let said = format!("all {} goroutines it started for the work have exited", want["exited"]);
    let hung: Vec<_> = entries(&all).into_iter().filter(|l| l.contains("Main hangs:")).collect();
    assert_eq!(hung.len(), 1, "one hung main: {all:#?}");
    assert!(hung[0].contains(&said), "{:?} wanted {said:?}", hung[0]);
    assert!(hung[0].contains("created at the runtime (the main goroutine)"), "{:?}", hung[0]);
}

#[test]
fn a_hung_test_names_the_test_for_each_goroutine_that_hangs_it() {
    let want = expect_of("services/testhang");
    let test = want["test"].as_str().unwrap();
    for (file, when) in [("timeout", "go test's -timeout fired"), ("quit", "the test binary got SIGQUIT")] {
        let h = &mut open(sample(&format!("services/go1.27/testhang.{file}.txt")));
        let all = labels(h);
        let said = format!("In test {test}: waiting when {when}");
        let e = entries(&all);
        assert!(e.len() >= 3, "{file}: the lock's crowd, its holder, the test: {all:#?}");
        assert!(e.iter().all(|l| l.contains(&said)), "{e:#?} wanted {said:?}");
        let crowd = format!("#1 · {} × ", want["lock_waiters"]);
        assert!(e[0].starts_with(&crowd), "{:?} wanted {crowd:?}", e[0]);
    }
}

#[test]
fn a_test_that_passed_and_leaked_is_named_beside_what_it_left() {
    let want = expect_of("services/testleak");
    let h = &mut open(sample("services/go1.27/testleak.trace"));
    let all = labels(h);
    let e = entries(&all);
    let said = format!(
        "In test {}: started by this test, which returned and left them behind",
        want["test"].as_str().unwrap()
    );
    assert_eq!(e.len(), 1, "{all:#?}");
    assert!(
        e[0].starts_with(&format!("#1 · {} × ", want["count"])) && e[0].contains(&said),
        "{:?} wanted {said:?}",
        e[0]
    );
}

#[test]
fn goroutines_left_in_a_deadlocked_synctest_bubble_say_the_runtime_proved_it() {
    let want = &expect_of("services/synctestleak")["leak"];
    let h = &mut open(sample("services/go1.27/synctestleak.leak.txt"));
    let all = labels(h);
    let e = entries(&all);
    assert_eq!(e.len(), 1, "{all:#?}");
    let said = format!(
        "In test {}: waiting in the test's synctest bubble when it deadlocked",
        want["test"].as_str().unwrap()
    );
    assert!(e[0].starts_with(&format!("#1 · {} × ", want["count"])), "{:?}", e[0]);
    assert!(e[0].contains(&said), "{:?} wanted {said:?}", e[0]);
    assert!(
        e[0].contains("Confirmed by the runtime (testing/synctest: the bubble deadlocked)"),
        "{:?}",
        e[0]
    );
}

#[test]
fn the_sides_of_a_lock_order_deadlock_say_they_hold_a_lock() {
    let want = expect_of("services/lockorder");
    let h = &mut open(sample("services/go1.27/lockorder.trace"));
    let all = labels(h);
    let sides: Vec<_> =
        entries(&all).into_iter().filter(|l| l.contains("Holds? A lock taken at main.transfer")).collect();
    assert_eq!(sides.len() as u64, want["deadlocked"].as_u64().unwrap(), "{all:#?}");
    assert!(sides.iter().all(|l| l.contains("(where #1 waits)")), "{sides:#?}");
}

#[test]
fn a_leak_older_than_the_trace_says_it_was_made_before_it() {
    let want = expect_of("services/oldleak");
    let h = &mut open(sample("services/go1.27/oldleak.trace"));
    let all = labels(h);
    let e = entries(&all);
    assert_eq!(e.len(), 1, "the leak, not the idle pool: {all:#?}");
    assert!(e[0].starts_with(&format!("#1 · {} × ", want["count"])), "{:?}", e[0]);
    assert!(e[0].contains("created at a go statement before the trace began"), "{:?}", e[0]);
}

/// The same leak traced by Go 1.19 and 1.21, which write no stack for goroutines older than
/// the trace: the suspect says where it waits is not written and names the function they run.
#[test]
fn an_old_format_leak_older_than_the_trace_says_where_it_waits_is_not_written() {
    let want = expect_of("services/oldleak");
    for minor in ["1.19", "1.21"] {
        let h = &mut open(sample(&format!("services/go{minor}/oldleak.trace")));
        let all = labels(h);
        let e = entries(&all);
        assert_eq!(e.len(), 1, "{minor}: the leak, not the idle pool: {all:#?}");
        assert!(
            e[0].starts_with(&format!("#1 · {} × waiting (reason not recorded)", want["count"])),
            "{minor}: {:?}",
            e[0]
        );
        let func = want["blocking_function"].as_str().unwrap();
        let said = format!("somewhere in {func}: this trace format writes no stack");
        assert!(e[0].contains(&said), "{minor}: {:?} wanted {said:?}", e[0]);
        assert!(e[0].contains("created at a go statement before the trace began"), "{minor}: {:?}", e[0]);
    }
}

/// A dump's crowd of the program's newest goroutines (`services/inflight`) is listed as not
/// judged and marked in flight, with no suspect; a pool made at start, standing.
#[test]
fn crowds_in_a_dump_its_ids_place_are_listed_not_judged() {
    let h = &mut open(sample("services/go1.27/inflight.goroutine-2.txt"));
    let all = labels(h);
    assert!(entries(&all).is_empty(), "no suspect: {all:#?}");
    assert!(all.iter().any(|l| l.starts_with("Not judged (")), "{all:#?}");
    let entry = all.iter().find(|l| l.contains("main.(*tx).awaitDone")).unwrap_or_else(|| panic!("{all:#?}"));
    assert!(entry.contains("(in flight by its ids"), "{entry:?}");
    assert!(all.iter().any(|l| l.contains("a crowd its goroutine ids place")), "{all:#?}");
    // A pool made at start among requests that come and go (`services/standpool`): standing.
    let h = &mut open(sample("services/go1.27/standpool.goroutine-2.txt"));
    let all = labels(h);
    assert!(entries(&all).is_empty(), "no suspect: {all:#?}");
    let entry = all.iter().find(|l| l.contains("main.worker")).unwrap_or_else(|| panic!("{all:#?}"));
    assert!(entry.contains("(standing by its ids"), "{entry:?}");
}

/// A leak traced in mid-life by Go 1.19: the 10 producers the window saw block are the
/// suspect; the 100 older ones, with no stack, are said beside it by the function they run.
#[test]
fn an_old_format_leak_traced_in_mid_life_says_its_older_members_beside_its_count() {
    let want = expect_of("services/midlife");
    let h = &mut open(sample("services/go1.19/midlife.trace"));
    let all = labels(h);
    let e = entries(&all);
    assert_eq!(e.len(), 1, "the leak, not the idle pool: {all:#?}");
    assert!(e[0].starts_with(&format!("#1 · {} × ", want["during"])), "{:?}", e[0]);
    let said =
        format!("And older: {} more goroutines, older than the trace, run main.produce", want["before"]);
    assert!(e[0].contains(&said), "{:?} wanted {said:?}", e[0]);
}

#[test]
fn clients_that_stopped_mid_request_say_which_part_they_stopped_in() {
    let want = expect_of("services/stallread");
    let h = &mut open(sample("services/go1.27/stallread.trace"));
    let all = labels(h);
    let e = entries(&all);
    assert_eq!(e.len(), 3, "the header waits, the upload handlers, the lookups: {all:#?}");
    let headers = format!("#1 · {} × ", want["headers_count"]);
    assert!(e[0].starts_with(&headers), "{:?} wanted {headers:?}", e[0]);
    assert!(e[0].contains("waiting for the rest of their request headers"), "{:?}", e[0]);
    let uploads = format!("#2 · {} × ", want["upload_count"]);
    assert!(e[1].starts_with(&uploads), "{:?} wanted {uploads:?}", e[1]);
    assert!(e[1].contains("reading request bodies their clients stopped sending"), "{:?}", e[1]);
    assert!(e.iter().take(2).all(|l| !l.contains("At rest?")), "{e:#?}");
}

#[test]
fn a_lock_left_locked_by_a_goroutine_that_returned_says_no_holder_is_alive() {
    let want = expect_of("services/unlockleak");
    let h = &mut open(sample("services/go1.27/unlockleak.goroutine-2.txt"));
    let all = labels(h);
    let e = entries(&all);
    let lock_type = want["lock_type"].as_str().unwrap();
    let said =
        format!("No goroutine alive: every goroutine in a method of {lock_type} waits for this same mutex");
    let told = e.iter().filter(|l| l.contains(&said) && l.contains("without Unlock")).count();
    assert_eq!(told, 2, "both crowds, {said:?}: {all:#?}");
    assert!(!all.iter().any(|l| l.starts_with("Lock held by? goroutine")), "no holder is named: {all:#?}");
}

#[test]
fn a_lock_order_deadlock_in_a_dump_says_who_holds_what_and_its_queue_waits_behind_it() {
    let h = &mut open(sample("services/go1.27/lockorder.goroutine-2.txt"));
    let all = labels(h);
    let e = entries(&all);
    // The two sides, each its own group: the first says the ring, the second points to it.
    let ring: Vec<&&String> =
        e.iter().filter(|l| l.contains("Deadlock? A lock-order deadlock: goroutine")).collect();
    assert_eq!(ring.len(), 1, "the ring said once: {all:#?}");
    assert!(ring[0].contains("none of them will ever run") && ring[0].contains(" holds 0x"), "{all:#?}");
    let rank = ring[0].split(" · ").next().unwrap().trim_start_matches('#');
    let same = format!("Deadlock? In the lock-order deadlock of #{rank}");
    assert_eq!(e.iter().filter(|l| l.contains(&same)).count(), 1, "the other side, {same:?}: {all:#?}");
    let behind = e
        .iter()
        .filter(|l| {
            l.contains("Deadlock? They wait behind a lock-order deadlock, for a mutex it holds: goroutine")
                || l.contains(&format!("Deadlock? They wait behind the lock-order deadlock of #{rank}"))
        })
        .count();
    assert_eq!(behind, 1, "the queue at the first Lock: {all:#?}");
}

#[test]
fn a_mutex_locked_twice_says_its_holder_waits_for_it() {
    let h = &mut open(sample("services/go1.27/relock.goroutine-2.txt"));
    let all = labels(h);
    let said = "which waits for that same mutex at main.(*cache).refresh";
    assert!(all.iter().any(|l| l.contains(said) && l.contains("it locked it twice")), "{all:#?}");
}

#[test]
fn waits_inside_the_standard_library_say_what_they_wait_for() {
    let sql = expect_of("services/sqlpool");
    let pipe = expect_of("services/pipeleak");
    let flock = expect_of("services/flockwait");
    let ctx = expect_of("services/ctxwatch");
    let cases = [
        ("sqlpool_rowsleak", &sql["rowsleak"]["count"], "database/sql requests waiting for a connection"),
        (
            "sqlpool_openleak",
            &sql["openleak"]["count"],
            "keeps one of these per object it made (database/sql.OpenDB made them",
        ),
        ("pipeleak", &pipe["count"], "io.Pipe writers waiting for a reader"),
        ("flockwait", &flock["count"], "Blocked in the kernel waiting for a file lock"),
        ("ctxwatch", &ctx["count"], "Goroutines the context package starts to watch a parent context"),
    ];
    for (name, count, said) in cases {
        let h = &mut open(sample(&format!("services/go1.27/{name}.trace")));
        let all = labels(h);
        let e = entries(&all);
        assert_eq!(e.len(), 1, "{name}: one suspect: {all:#?}");
        assert!(e[0].starts_with(&format!("#1 · {count} × ")), "{name}: {:?}", e[0]);
        assert!(e[0].contains(said), "{name}: {:?} wanted {said:?}", e[0]);
    }
}

#[test]
fn a_blocked_finalizer_says_no_other_finalizer_runs_and_the_runtime_made_it() {
    let want = expect_of("services/finalizerstall");
    let h = &mut open(sample("services/go1.27/finalizerstall.trace"));
    let all = labels(h);
    let e = entries(&all);
    assert_eq!(e.len(), 1, "one suspect: {all:#?}");
    assert!(e[0].starts_with(&format!("#1 · {} × ", want["count"])), "{:?}", e[0]);
    let said =
        format!("The finalizer goroutine is blocked in {}", want["blocking_function"].as_str().unwrap());
    assert!(e[0].contains(&said), "{:?} wanted {said:?}", e[0]);
    assert!(e[0].contains("created at the runtime (its own goroutine)"), "{:?}", e[0]);
}

#[test]
fn idle_connections_of_a_transport_per_call_say_both_causes() {
    let want = expect_of("services/transportleak");
    let h = &mut open(sample("services/go1.27/transportleak.goroutine-2.txt"));
    let all = labels(h);
    let e = entries(&all);
    assert_eq!(e.len(), 1, "one suspect: {all:#?}");
    assert!(e[0].starts_with(&format!("#1 · {} × ", want["count"])), "{:?}", e[0]);
    let said = format!("At rest? {} HTTP client connections idle", want["count"]);
    assert!(e[0].contains(&said), "{:?} wanted {said:?}", e[0]);
    assert!(e[0].contains("a Transport made per request"), "{:?}", e[0]);
}

#[test]
fn commands_that_left_a_process_holding_their_output_say_cmd_wait_waits_for_the_copy() {
    let want = expect_of("services/execwait");
    let h = &mut open(sample("services/go1.27/execwait_background.trace"));
    let all = labels(h);
    let e = entries(&all);
    assert_eq!(e.len(), 2, "the callers and the copies: {all:#?}");
    assert!(e[0].starts_with(&format!("#1 · {} × ", want["count"])), "{:?}", e[0]);
    assert!(e[0].contains("Cmd.Wait after the command exited"), "{:?}", e[0]);
    assert!(e[0].contains("Cmd.WaitDelay"), "{:?}", e[0]);
    // The copies are a pipe's read: at rest while commands work, never idle connections.
    assert!(e[1].starts_with(&format!("#2 · {} × ", want["copies"]["count"])), "{:?}", e[1]);
    assert!(e[1].contains("At rest? os/exec copying the output of child processes"), "{:?}", e[1]);
    assert!(!e[1].contains("network connections"), "{:?}", e[1]);
}

#[test]
fn accept_loops_of_servers_never_closed_say_both_causes() {
    let want = expect_of("services/listenleak");
    let h = &mut open(sample("services/go1.27/listenleak.trace"));
    let all = labels(h);
    let e = entries(&all);
    assert_eq!(e.len(), 1, "one suspect: {all:#?}");
    assert!(e[0].starts_with(&format!("#1 · {} × ", want["count"])), "{:?}", e[0]);
    let said = format!("At rest? {} listeners accepting connections", want["count"]);
    assert!(e[0].contains(&said), "{:?} wanted {said:?}", e[0]);
    assert!(e[0].contains("httptest.NewServer without Close"), "{:?}", e[0]);
}

#[test]
fn coroutines_of_a_pull_never_stopped_are_named_so_on_their_rows_and_in_the_panel() {
    let h = &mut open(sample("services/go1.27/iterpull.trace"));
    let all = labels(h);
    let e = entries(&all);
    assert_eq!(e.len(), 1, "{all:#?}");
    assert!(e[0].contains("An iter.Pull whose stop was never called"), "{:?}", e[0]);
    // Every coroutine's entry is runtime.corostart: the rows say what they are instead.
    let rows: Vec<_> =
        all.iter().filter(|l| l.starts_with('G') && l.ends_with(" iter.Pull coroutine")).collect();
    assert!(rows.len() >= 5, "coroutine rows: {all:#?}");
    assert!(!all.iter().any(|l| l.starts_with('G') && l.ends_with("runtime.corostart")), "{all:#?}");
}

#[test]
fn producers_behind_a_stuck_hub_name_it_and_one_click_selects_it() {
    let want = expect_of("services/stuckbroker");
    let h = &mut open(sample("services/go1.27/stuckbroker.trace"));
    let all = labels(h);
    let hub = want["hub_function"].as_str().unwrap();
    let served: Vec<&String> = all.iter().filter(|l| l.starts_with("Served by? goroutine ")).collect();
    assert_eq!(served.len(), 1, "the producers' crowd names the hub: {all:#?}");
    assert!(served[0].contains("[chan send]") && served[0].contains(hub), "{all:#?}");
    let id: u64 = served[0]["Served by? goroutine ".len()..].split(' ').next().unwrap().parse().unwrap();
    let holds = format!("Holds up? {} goroutines wait in", want["producers_waiting"]);
    assert!(entries(&all).iter().any(|l| l.contains(&holds)), "the hub's own entry: {all:#?}");
    let title = format!("Goroutine {id}");
    assert!(!all.iter().any(|l| l.starts_with(&title)), "nothing selected before the click");
    let label = served[0].clone();
    h.get_by_label(&label).click();
    h.run_steps(3);
    assert!(labels(h).iter().any(|l| l.starts_with(&title)), "no {title:?} in {:#?}", labels(h));
}

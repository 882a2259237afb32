//! A writer blocked with a mutex held (`sample-traces/programs/services/lockheld`, Go 1.19,
//! 1.22 and 1.27 by `generate-services.sh`): 10 writers wait for the lock in `put`, 30
//! readers in `get`. Go's dump names no lock owner; the one goroutine past the `Lock` in
//! `put`, blocked in a channel send, holds it. The report of the dump and of the trace must
//! name that goroutine (the id Go's dump gives it, at the marked line) for both crowds, and
//! no other. A `sync.Once` whose function blocks is held by the goroutine running it.

use crate::common;
use common::report_json::report;
use common::services::{expect, id_of, marked, records, root, suspect_through};

use std::path::Path;

use serde_json::Value;

/// The ids of the goroutines in Go's own debug=2 dump whose header says `[state` and whose
/// stack calls `func` at `line`, read without our parser.
fn dumped(path: &Path, state: &str, func: &str, line: u64) -> Vec<u64> {
    let text = std::fs::read_to_string(path).unwrap();
    let at = format!("main.go:{line} ");
    records(&text, state, func).into_iter().filter(|r| r.contains(&at)).map(id_of).collect()
}

#[test]
fn the_goroutine_that_holds_a_lock_is_named_for_the_crowds_that_wait_for_it() {
    let e: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("programs/services/lockheld/expect.json")).unwrap(),
    )
    .unwrap();
    let (writer, reader) = (e["writer_function"].as_str().unwrap(), e["reader_function"].as_str().unwrap());
    let mut checked = 0;
    for minor in ["1.19", "1.22", "1.27"] {
        let dir = root().join(format!("services/go{minor}"));
        let dump = dir.join("lockheld.goroutine-2.txt");
        if !dump.is_file() {
            continue;
        }
        // Go's dump: the crowds, and the one goroutine past the Lock.
        let lock_state = if minor == "1.19" { "semacquire" } else { "sync.Mutex.Lock" };
        let writers = dumped(&dump, lock_state, writer, marked("lockheld", "writers wait"));
        let readers = dumped(&dump, lock_state, reader, marked("lockheld", "readers wait"));
        assert_eq!(writers.len() as u64, e["writers_waiting"].as_u64().unwrap(), "{minor}: Go's dump");
        assert_eq!(readers.len() as u64, e["readers_waiting"].as_u64().unwrap(), "{minor}: Go's dump");
        let holder = dumped(&dump, e["holder_state"].as_str().unwrap(), writer, marked("lockheld", "holder"));
        assert_eq!(holder.len(), 1, "{minor}: Go's dump has one goroutine past the Lock");
        for file in ["lockheld.goroutine-2.txt", "lockheld.trace"] {
            let rep = report(&dir.join(file));
            for (func, waiting, same_function) in [(writer, &writers, true), (reader, &readers, false)] {
                let s = suspect_through(&rep, func);
                assert_eq!(s["count"].as_u64(), Some(waiting.len() as u64), "{minor} {file}: {s}");
                let holders = s["lock_holders"].as_array().unwrap_or_else(|| panic!("{minor} {file}: {s}"));
                assert_eq!(holders.len(), 1, "{minor} {file}: only the holder: {holders:?}");
                assert!(s["lock_unheld"].is_null(), "{minor} {file}: a holder is alive: {s}");
                let h = &holders[0];
                assert_eq!(h["goroutine_id"].as_u64(), Some(holder[0]), "{minor} {file}: {h}");
                assert_eq!(h["state"], e["holder_state"], "{minor} {file}: {h}");
                assert_eq!(h["same_function"], same_function, "{minor} {file}: {h}");
                assert_eq!(
                    (h["frame"]["function"].as_str(), h["frame"]["line"].as_u64()),
                    (Some(writer), Some(marked("lockheld", "holder"))),
                    "{minor} {file}: {h}"
                );
            }
            // The holder waits in a channel send, not for a second lock: no lock order.
            let order =
                rep["suspects"].as_array().unwrap().iter().filter(|s| !s["holds_lock"].is_null()).count();
            assert_eq!(order, 0, "{minor} {file}: {rep}");
            checked += 1;
        }
    }
    assert!(checked >= 6, "expected lockheld dumps and traces of three releases, found {checked}");
}

/// A `sync.Once` whose function blocks (`sample-traces/programs/dumps/crash`): the handlers
/// wait in `Once.Do`'s mutex at the call line, and the one goroutine running the function
/// holds it. Its stack runs through the same call, then into the function: that goroutine,
/// as Go's dump names it, is the holder, shown at the function's line.
#[test]
fn a_sync_once_whose_function_blocks_is_held_by_the_goroutine_running_it() {
    let mut checked = 0;
    for minor in ["1.19", "1.27"] {
        let dump = root().join(format!("dumps/go{minor}/crash-panic.txt"));
        if !dump.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&dump).unwrap();
        let running: Vec<u64> =
            records(&text, "", "main.(*service).config.func1").into_iter().map(id_of).collect();
        assert_eq!(running.len(), 1, "{minor}: Go's dump has one goroutine in the Once's function");
        let rep = report(&dump);
        let s = suspect_through(&rep, "main.(*service).config");
        let h = &s["lock_holders"][0];
        assert_eq!(h["goroutine_id"].as_u64(), Some(running[0]), "{minor}: {s}");
        assert_eq!(
            (h["frame"]["function"].as_str(), h["same_function"].as_bool()),
            (Some("main.(*service).config.func1"), Some(true)),
            "{minor}: {h}"
        );
        checked += 1;
    }
    assert!(checked >= 2, "crash dumps of two releases: {checked}");
}

/// A lock-order deadlock (`sample-traces/programs/services/lockorder`, Go 1.19, 1.21 and
/// 1.27): two transfers each took their first lock and wait at the second for the other's;
/// a queue waits at the first Lock behind them. The two waiting further down the same
/// function went past the queue's Lock: they are its holders (as Go's dump names them),
/// though they wait for a lock themselves, and in a trace each side says it holds a lock
/// taken where the queue waits.
#[test]
fn the_two_sides_of_a_lock_order_deadlock_hold_the_lock_the_queue_waits_for() {
    let e = expect("lockorder");
    let func = e["function"].as_str().unwrap();
    let mut checked = 0;
    for minor in ["1.19", "1.21", "1.27"] {
        let dir = root().join(format!("services/go{minor}"));
        let dump = dir.join("lockorder.goroutine-2.txt");
        if !dump.is_file() {
            continue;
        }
        let lock_state = if minor == "1.19" { "semacquire" } else { "sync.Mutex.Lock" };
        let queued = dumped(&dump, lock_state, func, marked("lockorder", "first lock"));
        let mut sides = dumped(&dump, lock_state, func, marked("lockorder", "second lock"));
        sides.sort_unstable();
        assert_eq!(queued.len() as u64, e["queued"].as_u64().unwrap(), "{minor}: Go's dump");
        assert_eq!(sides.len() as u64, e["deadlocked"].as_u64().unwrap(), "{minor}: Go's dump");
        for file in ["lockorder.goroutine-2.txt", "lockorder.trace"] {
            let rep = report(&dir.join(file));
            let s = &rep["suspects"][0];
            assert_eq!(s["count"].as_u64(), Some(queued.len() as u64), "{minor} {file}: {s}");
            let holders = s["lock_holders"].as_array().unwrap_or_else(|| panic!("{minor} {file}: {s}"));
            let mut ids: Vec<u64> = holders.iter().filter_map(|h| h["goroutine_id"].as_u64()).collect();
            ids.sort_unstable();
            assert_eq!(ids, sides, "{minor} {file}: {s}");
            for h in holders {
                assert_eq!(
                    h["frame"]["line"].as_u64(),
                    Some(marked("lockorder", "second lock")),
                    "{minor} {file}"
                );
                assert_eq!(h["same_function"], true, "{minor} {file}: {h}");
            }
            // A trace calls the two sides stuck too, each holding a lock taken at the first
            // Lock, where the queue (rank 1) waits. A dump under a minute old counts the queue
            // alone (a crowd), not two goroutines.
            if file.ends_with(".trace") {
                let first = marked("lockorder", "first lock");
                let said = rep["suspects"].as_array().unwrap().iter().filter(|s| {
                    s["holds_lock"]["waited_by_rank"] == 1
                        && s["holds_lock"]["taken_at"]["line"].as_u64() == Some(first)
                });
                let ids = said
                    .flat_map(|s| s["goroutine_ids"].as_array().unwrap().iter().filter_map(|i| i.as_u64()));
                let mut ids: Vec<u64> = ids.collect();
                ids.sort_unstable();
                assert_eq!(ids, sides, "{minor} {file}: {rep}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 6, "expected lockorder dumps and traces of three releases, found {checked}");
}

/// A recursive read lock behind a waiting writer (`sample-traces/programs/services/
/// rlockwriter`, Go 1.19, 1.21 and 1.27): the first reader holds the read lock and waits in
/// a helper to take it again, the writer waits for it, and later readers queue behind the
/// writer. The first reader, though it waits for a lock itself, went past Get's `RLock`: it
/// holds what the queue (dump and trace) and the writer (trace) wait for, as Go's dump
/// names it.
#[test]
fn a_recursive_read_lock_holds_what_the_writer_and_the_readers_wait_for() {
    let e = expect("rlockwriter");
    let (reader, recursive) =
        (e["reader_function"].as_str().unwrap(), e["recursive_function"].as_str().unwrap());
    let mut checked = 0;
    for minor in ["1.19", "1.21", "1.27"] {
        let dir = root().join(format!("services/go{minor}"));
        let dump = dir.join("rlockwriter.goroutine-2.txt");
        if !dump.is_file() {
            continue;
        }
        let state = if minor == "1.19" { "semacquire" } else { "sync.RWMutex.RLock" };
        let queued = dumped(&dump, state, reader, marked("rlockwriter", "readers wait"));
        let first = dumped(&dump, state, recursive, marked("rlockwriter", "recursive"));
        assert_eq!(queued.len() as u64, e["queued"].as_u64().unwrap(), "{minor}: Go's dump");
        assert_eq!(first.len(), 1, "{minor}: Go's dump has one reader in the helper");
        for file in ["rlockwriter.goroutine-2.txt", "rlockwriter.trace"] {
            let rep = report(&dir.join(file));
            let mut crowds = vec![suspect_through(&rep, reader)];
            if file.ends_with(".trace") {
                // A trace also calls the lone writer stuck.
                crowds.push(suspect_through(&rep, e["writer_function"].as_str().unwrap()));
            }
            for s in crowds {
                let h = &s["lock_holders"][0];
                assert_eq!(h["goroutine_id"].as_u64(), Some(first[0]), "{minor} {file}: {s}");
                assert_eq!(
                    h["frame"]["line"].as_u64(),
                    Some(marked("rlockwriter", "recursive")),
                    "{minor} {file}"
                );
            }
            assert_eq!(
                suspect_through(&rep, reader)["count"].as_u64(),
                Some(queued.len() as u64),
                "{minor} {file}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 6, "expected rlockwriter dumps and traces of three releases, found {checked}");
}

/// A mutex left locked by a goroutine that returned (`sample-traces/programs/services/
/// unlockleak`, Go 1.19 and 1.27): a request's `put` returned early without `Unlock`, so
/// writers wait in `put` and readers in `get` for good, and no goroutine alive is inside the
/// store's methods (Go's own dump, read without our parser, shows none). A dump's report
/// names no holder and says none is alive, naming the function and the type; a trace's names
/// no holder and does not say so (it prints no mutex addresses: the two sides of a lock-order
/// deadlock inside one method would read the same).
#[test]
fn a_lock_left_locked_by_a_goroutine_that_returned_has_no_holder_alive() {
    let e = expect("unlockleak");
    let lock_type = e["lock_type"].as_str().unwrap();
    let mut checked = 0;
    for minor in ["1.19", "1.27"] {
        let dir = root().join(format!("services/go{minor}"));
        let dump = dir.join("unlockleak.goroutine-2.txt");
        if !dump.is_file() {
            continue;
        }
        let lock_state = if minor == "1.19" { "semacquire" } else { "sync.Mutex.Lock" };
        let mut crowds = Vec::new();
        for (role, mark, wait) in [
            ("writer_function", "writers wait", "writers_waiting"),
            ("reader_function", "readers wait", "readers_waiting"),
        ] {
            let func = e[role].as_str().unwrap();
            let ids = dumped(&dump, lock_state, func, marked("unlockleak", mark));
            assert_eq!(ids.len() as u64, e[wait].as_u64().unwrap(), "{minor}: Go's dump");
            crowds.push((func, ids.len()));
        }
        // Go's dump: every goroutine in the store's code waits at one of its Locks.
        let text = std::fs::read_to_string(&dump).unwrap();
        let method = format!("\n{lock_type}.");
        let inside = text.split("\n\n").filter(|r| r.contains(&method)).count();
        assert_eq!(inside, crowds.iter().map(|(_, n)| n).sum::<usize>(), "{minor}: Go's dump");
        for file in ["unlockleak.goroutine-2.txt", "unlockleak.trace"] {
            let rep = report(&dir.join(file));
            for &(func, waiting) in &crowds {
                let s = suspect_through(&rep, func);
                assert_eq!(s["count"].as_u64(), Some(waiting as u64), "{minor} {file}: {s}");
                assert!(s["lock_holders"].is_null(), "{minor} {file}: no holder is alive: {s}");
                let unheld = &s["lock_unheld"];
                if file.ends_with(".trace") {
                    assert!(unheld.is_null(), "{minor} {file}: a trace prints no mutex addresses: {s}");
                    continue;
                }
                assert_eq!(unheld["function"], func, "{minor} {file}: {s}");
                assert_eq!(unheld["owner"], lock_type, "{minor} {file}: {s}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 4, "expected unlockleak dumps and traces of two releases, found {checked}");
}

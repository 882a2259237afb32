//! Lock-order deadlocks in goroutine dumps (committed samples of real programs): two
//! goroutines in `transfer`, each holding the mutex the other waits for
//! (`programs/deadlock`, `programs/dumps/deadlock`, `programs/services/lockorder`). The dump
//! is too young and the pair too few for a crowd, so the ring is what says they are stuck:
//! its goroutines are the ones Go's dump shows in `transfer`'s second `Lock`, each waiting
//! for the address its own `lockSlow` frame prints and holding what the other waits for
//! (read from Go's text without our parser). A queue at the first `Lock` waits behind it.
//! Dumps whose locks are held otherwise (a writer blocked in a send, a lock left locked, a
//! recursive lock) have no ring.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::common;
use common::report_json::report;
use common::services::{id_of, marked, records, root};

use serde_json::Value;

/// Go's own records waiting for a mutex in `func`, at `line` if given: id and the address
/// printed for `lockSlow`.
fn waiting_in(dump: &Path, func: &str, line: Option<u64>) -> Vec<(u64, String)> {
    let text = std::fs::read_to_string(dump).unwrap();
    let at = line.map(|l| format!(".go:{l} "));
    let states = ["sync.Mutex.Lock", "semacquire"];
    let records = states.into_iter().flat_map(|state| records(&text, state, func));
    let records = records.filter(|r| at.as_ref().is_none_or(|at| r.contains(at)));
    let slow = |r: &str| {
        let from = r.find("lockSlow(")? + "lockSlow(".len();
        Some(r[from..].split([')', ',']).next()?.to_string())
    };
    records.map(|r| (id_of(r), slow(r).unwrap_or_else(|| panic!("no lockSlow in {r}")))).collect()
}

/// The suspects of `rep` with a `lock_cycle`, and whether they are in the ring.
fn cycles(rep: &Value) -> Vec<&Value> {
    rep["suspects"].as_array().unwrap().iter().filter(|s| !s["lock_cycle"].is_null()).collect()
}

/// Checks a ring against Go's records of its goroutines: the ids, what each waits for, and
/// that each holds what another waits for.
fn ring_is(ring: &Value, sides: &[(u64, String)], what: &str) {
    let links = ring.as_array().unwrap();
    let ids: BTreeSet<u64> = links.iter().map(|l| l["goroutine_id"].as_u64().unwrap()).collect();
    assert_eq!(ids, sides.iter().map(|(id, _)| *id).collect(), "{what}: {ring}");
    let waited: BTreeSet<&str> = sides.iter().map(|(_, a)| a.as_str()).collect();
    for l in links {
        let id = l["goroutine_id"].as_u64().unwrap();
        let go = &sides.iter().find(|(g, _)| *g == id).unwrap().1;
        assert_eq!(l["waits_for"].as_str(), Some(go.as_str()), "{what}: {l}");
        assert!(waited.contains(l["holds"].as_str().unwrap()), "{what}: holds what another waits for: {l}");
        assert_ne!(l["holds"], l["waits_for"], "{what}: {l}");
    }
}

fn dumps(names: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in [
        "go1.22",
        "go1.23",
        "go1.24",
        "go1.25",
        "go1.26",
        "go1.27",
        "dumps/go1.19",
        "dumps/go1.21",
        "dumps/go1.27",
    ] {
        for name in names {
            let p = root().join(dir).join(name);
            if p.is_file() {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn two_transfers_in_opposite_orders_are_a_ring_of_the_goroutines_go_shows_there() {
    let files = dumps(&["deadlock.goroutine-2.txt", "deadlock-fatal.txt"]);
    for f in &files {
        let what = f.display().to_string();
        let sides = waiting_in(f, "main.transfer", None);
        assert_eq!(sides.len(), 2, "{what}: Go's dump shows two in transfer");
        let rep = report(f);
        let c = cycles(&rep);
        assert_eq!(c.len(), 1, "{what}: one group, the pair: {rep}");
        assert_eq!(c[0]["lock_cycle"]["in_ring"], true, "{what}");
        let ids: BTreeSet<u64> =
            c[0]["goroutine_ids"].as_array().unwrap().iter().filter_map(Value::as_u64).collect();
        assert_eq!(ids, sides.iter().map(|(id, _)| *id).collect(), "{what}");
        ring_is(&c[0]["lock_cycle"]["ring"], &sides, &what);
    }
    assert!(files.len() >= 9, "deadlock dumps of every release: {}", files.len());
}

#[test]
fn a_queue_at_the_first_lock_waits_behind_the_ring() {
    let mut checked = 0;
    for minor in ["1.19", "1.21", "1.27"] {
        let dump = root().join(format!("services/go{minor}/lockorder.goroutine-2.txt"));
        if !dump.is_file() {
            continue;
        }
        let sides = waiting_in(&dump, "main.transfer", Some(marked("lockorder", "second lock")));
        let queue = waiting_in(&dump, "main.transfer", Some(marked("lockorder", "first lock")));
        assert_eq!(sides.len(), 2, "{minor}: Go's dump");
        assert!(queue.len() >= 10, "{minor}: Go's dump: {queue:?}");
        let rep = report(&dump);
        let c = cycles(&rep);
        let (ring, behind): (Vec<&Value>, Vec<&Value>) =
            c.iter().partition(|s| s["lock_cycle"]["in_ring"] == true);
        let ids = |v: &[&Value]| -> BTreeSet<u64> {
            v.iter()
                .flat_map(|s| s["goroutine_ids"].as_array().unwrap().iter().filter_map(Value::as_u64))
                .collect()
        };
        assert_eq!(ids(&ring), sides.iter().map(|(id, _)| *id).collect(), "{minor}: {rep}");
        assert_eq!(ids(&behind), queue.iter().map(|(id, _)| *id).collect(), "{minor}: {rep}");
        for s in c {
            ring_is(&s["lock_cycle"]["ring"], &sides, minor);
        }
        // The queue waits for a mutex one side holds (Go's lockSlow addresses).
        let held: BTreeSet<&str> = sides.iter().map(|(_, a)| a.as_str()).collect();
        assert!(queue.iter().all(|(_, a)| held.contains(a.as_str())), "{minor}: {queue:?} {sides:?}");
        checked += 1;
    }
    assert!(checked >= 3, "lockorder dumps of three releases: {checked}");
}

#[test]
fn locks_held_otherwise_make_no_ring() {
    let mut checked = 0;
    for minor in ["1.19", "1.21", "1.22", "1.27"] {
        for program in ["lockheld", "unlockleak", "relock", "rlockwriter"] {
            let dump = root().join(format!("services/go{minor}/{program}.goroutine-2.txt"));
            if !dump.is_file() {
                continue;
            }
            let rep = report(&dump);
            assert!(cycles(&rep).is_empty(), "{}: {rep}", dump.display());
            checked += 1;
        }
    }
    assert!(checked >= 10, "lock samples without a ring: {checked}");
}

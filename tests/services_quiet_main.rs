//! A quiet service dumped after a minute (`sample-traces/programs/services/quietmain`, Go 1.27
//! by `generate-services.sh`): the GC stamped every wait, so Go's dump says "1 minutes" for
//! main waiting for SIGTERM and for three consumers stuck on a sync.Cond nobody signals. The
//! consumers are the one suspect, with the count, wait and lines Go's dump has; main alone,
//! waiting, is how a program serves, as in a trace. The runtime's "all goroutines are asleep"
//! still shows main when it is the whole deadlock (`dumps/go*/deadlock-fatal.txt`).

use crate::common;
use common::report_json::report;
use common::services::{marked, records, root};

use serde_json::Value;

#[test]
fn main_waiting_for_a_signal_is_no_suspect_and_the_stuck_consumers_are() {
    let e: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("programs/services/quietmain/expect.json")).unwrap(),
    )
    .unwrap();
    let dump = root().join("services/go1.27/quietmain.goroutine-2.txt");
    let text = std::fs::read_to_string(&dump).unwrap();
    let (reason, func) = (e["reason"].as_str().unwrap(), e["blocking_function"].as_str().unwrap());
    let minutes = e["min_wait_minutes"].as_u64().unwrap();
    // Go's dump: the consumers, and main, each waiting a minute or more.
    let consumers = records(&text, &format!("{reason}, "), func);
    assert_eq!(consumers.len() as u64, e["count"].as_u64().unwrap(), "Go's dump");
    let main = records(&text, &format!("{}, ", e["main_reason"].as_str().unwrap()), "main.main");
    assert_eq!(main.len(), 1, "Go's dump: main waiting");
    assert!(main[0].starts_with("goroutine 1 "), "{}", main[0]);
    assert!(
        main[0].contains(&format!("quietmain/main.go:{}", marked("quietmain", "main waits"))),
        "{}",
        main[0]
    );
    let waited = |r: &str| -> u64 {
        let h = r.lines().next().unwrap();
        h.split(", ").nth(1).and_then(|m| m.split(' ').next()).and_then(|n| n.parse().ok()).unwrap_or(0)
    };
    assert!(waited(main[0]) >= minutes && consumers.iter().all(|r| waited(r) >= minutes), "stamped waits");

    let rep = report(&dump);
    let suspects = rep["suspects"].as_array().unwrap();
    assert_eq!(suspects.len(), 1, "only the consumers: {suspects:?}");
    let s = &suspects[0];
    assert_eq!((s["count"].as_u64(), s["reason"].as_str()), (e["count"].as_u64(), Some(reason)), "{s}");
    assert!(s["wait_minutes"]["min"].as_u64().unwrap() >= minutes, "{s}");
    let at = s["blocking_stack"].as_array().unwrap().iter().find(|f| f["function"] == func);
    assert_eq!(at.map(|f| f["line"].as_u64()), Some(Some(marked("quietmain", "blocked"))), "{s}");
    assert_eq!(s["created_at"]["function"], e["created_function"], "{s}");
    assert_eq!(s["created_at"]["line"].as_u64(), Some(marked("quietmain", "created")), "{s}");
    assert!(!s["goroutine_ids"].as_array().unwrap().contains(&Value::from(1)), "{s}");
}

#[test]
fn main_is_still_shown_when_the_runtime_says_everything_is_asleep() {
    let mut checked = 0;
    for d in std::fs::read_dir(root().join("dumps")).unwrap().flatten() {
        let path = d.path().join("deadlock-fatal.txt");
        if !path.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // Go printed main among the sleepers.
        let main = text.split("\n\n").find(|r| r.trim_start().starts_with("goroutine 1 ["));
        let Some(main) = main else { panic!("{}: no goroutine 1", path.display()) };
        if !main.contains("\nmain.main(") {
            continue;
        }
        let rep = report(&path);
        let ids: Vec<u64> = rep["suspects"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["goroutine_ids"].as_array().unwrap().iter().filter_map(Value::as_u64))
            .collect();
        assert!(ids.contains(&1), "{}: main is part of the deadlock: {ids:?}", path.display());
        checked += 1;
    }
    assert!(checked >= 1, "a deadlock-fatal dump with main asleep");
}

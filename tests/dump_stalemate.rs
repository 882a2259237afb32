//! A deadlock the runtime did not declare: `programs/dumps/stalemate` leaves 8 workers in
//! chan send and main in `WaitGroup.Wait`, with a context's timer alive (so Go prints no
//! `all goroutines are asleep`), and a `-race` build of it (the race runtime never declares
//! one); SIGQUIT once all nine wait. Go's text says each goroutine's state (counted here);
//! the report names both groups and a `deadlock` finding marked `inferred`. Its healthy twin,
//! `programs/dumps/idlepool` (a pool idle in chan receive, main waiting for a tick), gets
//! neither.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::report_json::report;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces")
}

fn expect(program: &str) -> Value {
    let p = root().join("programs/dumps").join(program).join("expect.json");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// How many goroutine headers of Go's text carry `state`.
fn in_state(text: &str, state: &str) -> usize {
    text.lines().filter(|l| l.starts_with("goroutine ") && l.contains(&format!(" [{state}]:"))).count()
}

#[test]
fn a_dump_where_nothing_can_run_is_a_deadlock() {
    let e = expect("stalemate");
    let g = &e["groups"][0];
    let files = ["go1.27/stalemate.txt", "go1.27/stalemate-race.txt", "go1.19/stalemate.txt"];
    for f in files {
        let path = root().join("dumps").join(f);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("all goroutines are asleep"), "{f}: the runtime declared it");
        let senders = in_state(&text, "chan send");
        let main = in_state(&text, "sync.WaitGroup.Wait") + in_state(&text, "semacquire");
        assert_eq!(senders as u64, g["count_min"].as_u64().unwrap(), "{f}: Go's senders");
        assert_eq!(main, 1, "{f}: main in WaitGroup.Wait");
        let r = report(&path);
        let d = r["findings"].as_array().unwrap().iter().find(|x| x["kind"] == "deadlock");
        let d = d.unwrap_or_else(|| panic!("{f}: no deadlock finding: {}", r["findings"]));
        assert_eq!(d["inferred"], true, "{f}: {d}");
        assert_eq!(d["count"], e["deadlock_undeclared"]["goroutines"], "{f}: {d}");
        assert!(d["goroutine_ids"].as_array().unwrap().contains(&Value::from(1)), "{f}: main: {d}");
        let s = r["suspects"].as_array().unwrap();
        assert_eq!(s[0]["count"], g["count_min"], "{f}: {}", s[0]);
        assert_eq!(s[0]["created_at"]["line"], g["created_line"], "{f}: {}", s[0]);
        let main_line = &e["deadlock_undeclared"]["main_at_line"];
        let main_suspect = s.iter().any(|x| {
            x["count"] == 1
                && x["blocking_stack"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|fr| fr["function"] == "main.main" && fr["line"] == *main_line)
        });
        assert!(main_suspect, "{f}: main's wg.Wait is no suspect: {}", r["suspects"]);
    }
}

#[test]
fn an_idle_pool_waiting_for_a_tick_is_no_deadlock() {
    let e = expect("idlepool");
    assert_eq!(e["healthy"], true);
    for f in ["go1.27/idlepool.txt", "go1.19/idlepool.txt"] {
        let path = root().join("dumps").join(f);
        let text = std::fs::read_to_string(&path).unwrap();
        // Nothing runs here either: every goroutine of the program waits in chan receive.
        assert_eq!(in_state(&text, "chan receive"), 9, "{f}: Go's receivers");
        let r = report(&path);
        assert_eq!(r["suspects"].as_array().unwrap().len(), 0, "{f}: {}", r["suspects"]);
        assert_eq!(r["findings"].as_array().unwrap().len(), 0, "{f}: {}", r["findings"]);
    }
}

//! Jobs waiting for a file lock (`sample-traces/programs/services/flockwait`, Go 1.19 and
//! 1.27, by `generate-services.sh`): 24 goroutines blocked in `syscall.Flock` for a lock
//! another descriptor of the same process holds. A goroutine in a system call is no suspect
//! on its own (a terminal read, a supervisor's child): these wait for a lock's holder, as a
//! mutex's waiters do, and each holds an OS thread while it blocks. Counts and ids come from
//! Go's own debug=2 dump of the moment the trace stops, the threads from /proc.

use crate::common;
use common::report_json::report;
use common::services::{assert_planted, expect, id_of, planted_lines, records, runs};

use std::path::Path;

use serde_json::Value;

fn suspects(path: &Path) -> Vec<Value> {
    report(path)["suspects"].as_array().unwrap().clone()
}

#[test]
fn jobs_waiting_in_flock_are_one_suspect_that_names_the_file_lock() {
    let e = expect("flockwait");
    let lines = planted_lines("flockwait");
    let mut checked = 0;
    for (minor, dir) in runs("flockwait", &["1.19", "1.27"]) {
        let dump = std::fs::read_to_string(dir.join("flockwait.goroutine-2.txt")).unwrap();
        // What Go shows: every job in a system call, under syscall.Flock in main.save.
        let waiting: Vec<&str> = records(&dump, "syscall", "main.save");
        assert!(waiting.iter().all(|r| r.contains("\nsyscall.Flock(")), "{minor}: Go's dump");
        assert_eq!(waiting.len() as u64, e["count"].as_u64().unwrap(), "{minor}: Go's dump");
        let mut ids: Vec<u64> = waiting.iter().map(|r| id_of(r)).collect();
        ids.sort_unstable();
        // Each holds an OS thread of its own, beside the one main runs on as it reads /proc
        // (threads the runtime had idle before the jobs are taken first).
        let threads = std::fs::read_to_string(dir.join("flockwait.threads.txt")).unwrap();
        let count = |k: &str| -> u64 {
            let l = threads.lines().find_map(|l| l.strip_prefix(k)).unwrap();
            l.trim().parse().unwrap()
        };
        assert!(count("at_dump") > ids.len() as u64, "{minor}: {threads}");
        assert!(count("at_dump") >= count("before") + ids.len() as u64 - 2, "{minor}: {threads}");
        for file in ["flockwait.trace", "flockwait.goroutine-2.txt"] {
            let what = format!("{minor}/{file}");
            let s = suspects(&dir.join(file));
            assert_eq!(s.len(), 1, "{what}: {s:?}");
            assert_planted(&s[0], &e, lines, &what);
            assert_eq!(s[0]["library_wait"], e["library_wait"], "{what}");
            let got: Vec<u64> =
                s[0]["goroutine_ids"].as_array().unwrap().iter().filter_map(Value::as_u64).collect();
            // The JSON lists the first 20 ids.
            assert_eq!(got, ids[..got.len()], "{what}: Go's ids");
            assert!(got.len() >= 20, "{what}: {got:?}");
            checked += 1;
        }
    }
    assert!(checked >= 4, "expected flockwait's trace and dump on two releases, found {checked}");
}

#[test]
fn jobs_that_get_the_lock_at_once_are_no_suspect() {
    let mut checked = 0;
    for (minor, dir) in runs("flockwait_free", &["1.27"]) {
        let dump = std::fs::read_to_string(dir.join("flockwait_free.goroutine-2.txt")).unwrap();
        assert!(records(&dump, "syscall", "main.save").is_empty(), "{minor}: Go's dump");
        for file in ["flockwait_free.trace", "flockwait_free.goroutine-2.txt"] {
            assert_eq!(suspects(&dir.join(file)), Vec::<Value>::new(), "{minor}/{file}");
            checked += 1;
        }
    }
    assert_eq!(checked, 2);
}

/// A text report says what the wait is and that each waiter holds a thread.
#[test]
fn the_text_report_names_the_file_lock() {
    let path = common::services::root().join("services/go1.27/flockwait.trace");
    let mut out = Vec::new();
    let opts = goroscope::report::Options { json: false, fail_on_leaks: true };
    assert_eq!(goroscope::report::run(&[path], &opts, &mut out, &mut Vec::new()), 1);
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("waiting for a file lock (flock, fcntl F_SETLKW)"), "{text}");
    assert!(text.contains("each waiter holds an OS thread"), "{text}");
}

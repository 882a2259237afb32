//! Hooks run through `os/exec` (`sample-traces/programs/services/execwait`, by
//! `generate-services.sh`): each event's goroutine runs a shell hook with `Cmd.Stdout` a
//! `bytes.Buffer`, so `os/exec` copies the output through a pipe in a goroutine of its own.
//! - A hook that hangs (Go 1.21 and 1.27): the 12 callers wait in `Cmd.Wait`, a system call,
//!   and pile up through the trace; the copies wait in a pipe's read, which the runtime
//!   calls an I/O wait. They were read as idle network connections; they are commands'
//!   output, at rest only as long as the commands are at work.
//! - A hook that leaves `sleep 5 &` holding its stdout (`_background`, Go 1.19 and 1.27):
//!   `Cmd.Wait` has reaped the hook and waits for the copy: stuck, in the trace and both dumps.
//! - The same with `Cmd.WaitDelay` (`_waitdelay`, Go 1.27): nothing stays.
//!
//! Counts and ids come from Go's own debug=2 dump of the moment the trace stops.

use crate::common;
use common::report_json::report;
use common::services::{assert_planted, expect, id_of, planted_lines, records, runs};

use std::path::Path;

use serde_json::Value;

fn suspects(path: &Path) -> Vec<Value> {
    report(path)["suspects"].as_array().unwrap().clone()
}

fn ids(s: &Value) -> Vec<u64> {
    s["goroutine_ids"].as_array().unwrap().iter().filter_map(Value::as_u64).collect()
}

/// Go's dump: the ids of the output copies (an I/O wait under `writerDescriptor`), sorted.
fn copies(dump: &str, e: &Value) -> Vec<u64> {
    let entry = e["copies"]["entry_function"].as_str().unwrap();
    let mut out: Vec<u64> = records(dump, "IO wait", entry).iter().map(|r| id_of(r)).collect();
    out.sort_unstable();
    out
}

/// The suspect that is the copies: at rest, their count and Go's ids, created in `os/exec`.
fn assert_copies(s: &Value, e: &Value, want: &[u64], what: &str) {
    assert_eq!(s["at_rest"]["kind"], e["copies"]["at_rest"], "{what}: {s}");
    assert_eq!(s["count"], e["copies"]["count"], "{what}: {s}");
    assert_eq!(ids(s), want, "{what}: Go's ids");
    if !s["created_at"].is_null() {
        assert_eq!(s["created_at"]["function"], e["copies"]["created_function"], "{what}: {s}");
    }
}

#[test]
fn hooks_that_hang_pile_up_in_cmd_wait_and_their_output_copies_are_not_idle_connections() {
    let e = expect("execwait");
    let lines = planted_lines("execwait");
    let mut checked = 0;
    for (minor, dir) in runs("execwait", &["1.21", "1.27"]) {
        let dump = std::fs::read_to_string(dir.join("execwait.goroutine-2.txt")).unwrap();
        // What Go shows: every caller in a system call under os.(*Process).Wait, every copy
        // in a pipe's read.
        let callers = records(&dump, "syscall", "main.notify");
        assert!(callers.iter().all(|r| r.contains("\nos.(*Process).Wait(")), "{minor}: Go's dump");
        assert_eq!(callers.len() as u64, e["count"].as_u64().unwrap(), "{minor}: Go's dump");
        let mut caller_ids: Vec<u64> = callers.iter().map(|r| id_of(r)).collect();
        caller_ids.sort_unstable();
        let copy_ids = copies(&dump, &e);
        assert_eq!(copy_ids.len() as u64, e["copies"]["count"].as_u64().unwrap(), "{minor}: Go's dump");

        let what = format!("{minor}/execwait.trace");
        let s = suspects(&dir.join("execwait.trace"));
        assert_eq!(s.len(), 2, "{what}: {s:?}");
        assert_planted(&s[0], &e, lines, &what);
        assert_eq!(s[0]["library_wait"], e["library_wait"], "{what}");
        assert!(s[0]["piling_up"].is_object(), "{what}: {}", s[0]);
        assert_eq!(ids(&s[0]), caller_ids, "{what}: Go's ids");
        assert_copies(&s[1], &e, &copy_ids, &what);
        checked += 1;

        // One moment cannot tell hung commands from commands at work: the copies alone, at
        // rest, never as idle connections.
        for file in ["execwait.goroutine-2.txt", "execwait.goroutine-1.txt"] {
            let what = format!("{minor}/{file}");
            let s = suspects(&dir.join(file));
            assert_eq!(s.len(), 1, "{what}: {s:?}");
            assert_copies(&s[0], &e, if file.ends_with("-2.txt") { &copy_ids } else { &[] }, &what);
            checked += 1;
        }
    }
    assert!(checked >= 6, "expected execwait's trace and dumps on two releases, found {checked}");
}

#[test]
fn a_hook_that_leaves_a_process_holding_its_output_keeps_cmd_wait_waiting() {
    let e = expect("execwait");
    let lines = planted_lines("execwait");
    let bg = &e["background"];
    let mut checked = 0;
    for (minor, dir) in runs("execwait_background", &["1.19", "1.27"]) {
        let dump = std::fs::read_to_string(dir.join("execwait_background.goroutine-2.txt")).unwrap();
        let callers = records(&dump, bg["reason"].as_str().unwrap(), "main.notify");
        // Go 1.20+ waits in awaitGoroutines, 1.19 in Wait itself: both under Cmd.Wait.
        assert!(callers.iter().all(|r| r.contains("\nos/exec.(*Cmd).Wait(")), "{minor}: Go's dump");
        assert_eq!(callers.len() as u64, e["count"].as_u64().unwrap(), "{minor}: Go's dump");
        let mut caller_ids: Vec<u64> = callers.iter().map(|r| id_of(r)).collect();
        caller_ids.sort_unstable();
        let copy_ids = copies(&dump, &e);
        assert_eq!(copy_ids.len() as u64, e["copies"]["count"].as_u64().unwrap(), "{minor}: Go's dump");

        for file in ["execwait_background.trace", "execwait_background.goroutine-2.txt"] {
            let what = format!("{minor}/{file}");
            let s = suspects(&dir.join(file));
            assert_eq!(s.len(), 2, "{what}: {s:?}");
            let mut want = e.clone();
            want["reason"] = bg["reason"].clone();
            assert_planted(&s[0], &want, lines, &what);
            assert_eq!(s[0]["library_wait"], bg["library_wait"], "{what}");
            assert_eq!(ids(&s[0]), caller_ids, "{what}: Go's ids");
            assert_copies(&s[1], &e, &copy_ids, &what);
            checked += 1;
        }
        // debug=1 hides the state and the ids, not the wait.
        let what = format!("{minor}/execwait_background.goroutine-1.txt");
        let s = suspects(&dir.join("execwait_background.goroutine-1.txt"));
        assert_eq!(s.len(), 2, "{what}: {s:?}");
        assert_eq!((&s[0]["count"], &s[0]["library_wait"]), (&e["count"], &bg["library_wait"]), "{what}");
        assert_eq!(s[1]["at_rest"]["kind"], e["copies"]["at_rest"], "{what}");
        checked += 1;
    }
    assert!(checked >= 6, "expected execwait_background on two releases, found {checked}");
}

#[test]
fn with_wait_delay_nothing_stays() {
    let mut checked = 0;
    for (minor, dir) in runs("execwait_waitdelay", &["1.27"]) {
        let dump = std::fs::read_to_string(dir.join("execwait_waitdelay.goroutine-2.txt")).unwrap();
        assert!(!dump.contains("\nmain.notify("), "{minor}: Go's dump");
        assert!(!dump.contains("\nos/exec."), "{minor}: Go's dump");
        for file in [
            "execwait_waitdelay.trace",
            "execwait_waitdelay.goroutine-2.txt",
            "execwait_waitdelay.goroutine-1.txt",
        ] {
            assert_eq!(suspects(&dir.join(file)), Vec::<Value>::new(), "{minor}/{file}");
            checked += 1;
        }
    }
    assert_eq!(checked, 3);
}

/// A text report says what each wait is and how to bound it.
#[test]
fn the_text_report_names_the_child_and_its_output() {
    let text = |file: &str| {
        let path = common::services::root().join("services/go1.27").join(file);
        let mut out = Vec::new();
        let opts = goroscope::report::Options { json: false, fail_on_leaks: false };
        assert_eq!(goroscope::report::run(&[path], &opts, &mut out, &mut Vec::new()), 0);
        String::from_utf8(out).unwrap()
    };
    let hung = text("execwait.trace");
    assert!(hung.contains("until their child processes exit"), "{hung}");
    assert!(hung.contains("exec.CommandContext"), "{hung}");
    assert!(hung.contains("Cmd.Stdout or Stderr not an *os.File"), "{hung}");
    assert!(!hung.contains("reading from network connections"), "{hung}");
    let bg = text("execwait_background.goroutine-2.txt");
    assert!(bg.contains("Cmd.WaitDelay"), "{bg}");
    let dump = text("execwait.goroutine-2.txt");
    assert!(dump.contains("every group below is the output of commands at work"), "{dump}");
}

//! A job runner that never reads its children's piped output
//! (`sample-traces/programs/services/childwait`, Go 1.21, 1.22 and 1.27 by
//! `generate-services.sh`): each child fills its pipe and blocks, and the runner's goroutine
//! waits in `os/exec.(*Cmd).Wait`, a system call that never returns. Such goroutines are in
//! no wait at all (state `syscall`), so they were never suspects. The trace must name the 12
//! as one group in a system call, with the marked lines and the count the runtime's own
//! debug=2 dump of the same moment gives; the fix (`-fixed`, the output read before `Wait`)
//! and a healthy supervisor (`-supervise`: 12 long-lived children started at once, each
//! waited for in a system call too) must show nothing. A dump has no window: seconds into the call it cannot tell the crowd
//! from busy I/O, a minute later (the header prints the minutes) it must.

use crate::common;
use common::report_json::report;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces")
}

fn program() -> PathBuf {
    root().join("programs/services/childwait")
}

fn expect() -> Value {
    serde_json::from_str(&std::fs::read_to_string(program().join("expect.json")).unwrap()).unwrap()
}

/// The line of the program marked `// EXPECT: WHAT`.
fn marked(what: &str) -> u64 {
    let src = std::fs::read_to_string(program().join("main.go")).unwrap();
    let mark = format!("// EXPECT: {what}");
    src.lines().position(|l| l.ends_with(&mark)).expect("a marker") as u64 + 1
}

/// The release folders holding childwait samples.
fn dirs() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join("services"))
        .unwrap()
        .map(|d| d.unwrap().path())
        .filter(|d| d.join("childwait.trace").is_file())
        .collect();
    out.sort();
    assert!(out.len() >= 3, "expected childwait samples of three releases, found {}", out.len());
    out
}

/// Goroutines in a system call under `main.job` in the runtime's own debug=2 dump, counted
/// without our parser.
fn dumped(path: &Path) -> u64 {
    let text = std::fs::read_to_string(path).unwrap();
    text.split("\n\n").filter(|r| r.contains(" [syscall") && r.contains("\nmain.job(")).count() as u64
}

fn suspects(path: &Path) -> Vec<Value> {
    report(path)["suspects"].as_array().unwrap().clone()
}

#[test]
fn goroutines_stuck_in_a_system_call_are_one_suspect() {
    let e = expect();
    let (blocked, created) = (marked("blocked"), marked("created"));
    for dir in dirs() {
        let name = dir.display();
        let count = dumped(&dir.join("childwait.goroutine-2.txt"));
        assert_eq!(count, e["count"].as_u64().unwrap(), "{name}: Go's dump");
        let s = suspects(&dir.join("childwait.trace"));
        let [s] = s.as_slice() else { panic!("{name}: one suspect, not {s:?}") };
        assert_eq!(s["count"].as_u64(), Some(count), "{name}: {s}");
        assert_eq!(s["state"], e["state"], "{name}: {s}");
        assert_eq!(s["reason"], "syscall", "{name}: {s}");
        let user =
            s["blocking_stack"].as_array().unwrap().iter().find(|f| f["function"] == e["blocking_function"]);
        assert_eq!(user.and_then(|f| f["line"].as_u64()), Some(blocked), "{name}: {s}");
        assert_eq!(s["created_at"]["function"], e["created_function"], "{name}: {s}");
        assert_eq!(s["created_at"]["line"].as_u64(), Some(created), "{name}: {s}");
        let text = text_report(&dir.join("childwait.trace"));
        assert!(text.contains("12 goroutines in a system call [syscall]"), "{text}");
        // The fix: every job ends; nothing anywhere. A supervisor's dozen waiting for the
        // children it keeps, started at once: by design.
        for f in [
            "childwait_fixed.trace",
            "childwait_fixed.goroutine-2.txt",
            "childwait_fixed.goroutine-1.txt",
            "childwait_supervisor.trace",
            "childwait_supervisor.goroutine-2.txt",
        ] {
            assert!(suspects(&dir.join(f)).is_empty(), "{name}/{f}");
        }
        // Seconds into the call a dump cannot tell the crowd from busy I/O.
        for f in ["childwait.goroutine-2.txt", "childwait.goroutine-1.txt"] {
            assert!(suspects(&dir.join(f)).is_empty(), "{name}/{f}");
        }
    }
}

#[test]
fn a_dump_minutes_later_names_the_crowd_in_a_system_call() {
    let late: Vec<PathBuf> = dirs()
        .into_iter()
        .map(|d| d.join("childwait.late.goroutine-2.txt"))
        .filter(|p| p.is_file())
        .collect();
    assert!(!late.is_empty(), "expected a late dump (Go 1.27)");
    for path in late {
        let name = path.display();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("[syscall, 1 minutes]"), "{name}: the runtime prints the minutes");
        let s = suspects(&path);
        let [s] = s.as_slice() else { panic!("{name}: one suspect, not {s:?}") };
        assert_eq!(s["count"].as_u64(), Some(dumped(&path)), "{name}: {s}");
        assert_eq!(s["state"], "syscall", "{name}: {s}");
        assert!(s["wait_minutes"]["min"].as_u64() >= Some(1), "{name}: {s}");
        assert_eq!(s["created_at"]["function"], "main.main", "{name}: {s}");
    }
}

fn text_report(path: &Path) -> String {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let opts = goroscope::report::Options { json: false, fail_on_leaks: false };
    assert_eq!(goroscope::report::run(&[path.to_path_buf()], &opts, &mut out, &mut err), 0);
    String::from_utf8(out).unwrap()
}

//! Goroutines no `go` statement made (`sample-traces/programs/services/timeoutcb`, Go 1.19,
//! 1.21, 1.22 and 1.27 by `generate-services.sh`): `time.AfterFunc` callbacks that report a
//! timeout nobody listens to any more block forever in `chan send`. The runtime's scheduler
//! starts them when their timers fire, with no goroutine running: the trace records their
//! creation with no creator and no stack (a dump says `created by time.goFunc`). The report
//! must count them as the runtime's own debug=2 dump of the same moment does, at the marked
//! line, and say that the scheduler started them rather than leave the creation blank.

use crate::common;
use common::report_json::report;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces")
}

fn program() -> PathBuf {
    root().join("programs/services/timeoutcb")
}

/// The line of the program marked `// EXPECT: WHAT`.
fn marked(what: &str) -> u64 {
    let src = std::fs::read_to_string(program().join("main.go")).unwrap();
    let mark = format!("// EXPECT: {what}");
    src.lines().position(|l| l.ends_with(&mark)).expect("a marker") as u64 + 1
}

/// Callbacks in `chan send` created by `created_by` in the runtime's own debug=2 dump,
/// counted without our parser.
fn dumped(path: &Path, created_by: &str) -> u64 {
    let text = std::fs::read_to_string(path).unwrap();
    let by = format!("\ncreated by {created_by}");
    text.split("\n\n").filter(|r| r.contains(" [chan send") && r.contains(&by)).count() as u64
}

#[test]
fn callbacks_the_scheduler_started_are_said_to_be_so() {
    let e: Value =
        serde_json::from_str(&std::fs::read_to_string(program().join("expect.json")).unwrap()).unwrap();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("services"))
        .unwrap()
        .map(|d| d.unwrap().path())
        .filter(|d| d.join("timeoutcb.trace").is_file())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 4, "expected timeoutcb samples of four releases, found {}", dirs.len());
    let blocked = marked("blocked");
    for dir in dirs {
        let name = dir.display();
        let dump = dir.join("timeoutcb.goroutine-2.txt");
        let creator = e["dump_created_function"].as_str().unwrap();
        let go = dumped(&dump, creator);
        assert_eq!(go, e["count"].as_u64().unwrap(), "{name}: Go's dump");
        let rep = report(&dir.join("timeoutcb.trace"));
        let s = rep["suspects"].as_array().unwrap();
        let [s] = s.as_slice() else { panic!("{name}: one suspect, not {s:?}") };
        assert_eq!(s["count"].as_u64(), Some(go), "{name}: {s}");
        assert_eq!(s["reason"], e["reason"], "{name}: {s}");
        let user =
            s["blocking_stack"].as_array().unwrap().iter().find(|f| f["function"] == e["blocking_function"]);
        assert_eq!(user.and_then(|f| f["line"].as_u64()), Some(blocked), "{name}: {s}");
        assert!(s["created_at"].is_null(), "{name}: {s}");
        assert_eq!(s["started_by_scheduler"], true, "{name}: {s}");
        // The dump of the same moment: the same group, its creator as the runtime printed it.
        let d = report(&dump);
        let d = &d["suspects"][0];
        assert_eq!(d["count"].as_u64(), Some(go), "{name}: {d}");
        assert_eq!(d["created_at"]["function"], creator, "{name}: {d}");
        assert!(d.get("started_by_scheduler").is_none(), "{name}: {d}");
    }
}

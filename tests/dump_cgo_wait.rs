//! Goroutines stuck inside C (`programs/dumps/cgowait`: four handlers in a cgo call that
//! waits on a pthread condition nobody signals, Go 1.27) are listed as not judged, named by
//! the C function and the program's line that called it, in the debug=2 dump (Go's text
//! says `[syscall]` with the cgo wrapper on top, counted here), the debug=1 dump (no state:
//! the wrapper is the innermost frame) and a 300 ms trace taken while they waited (probe
//! r28c: never mentioned). None of them is a suspect: nothing can tell a C library blocked
//! for good from one at work.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::report_json::report;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces")
}

#[test]
fn goroutines_inside_c_are_listed_with_their_c_function() {
    let e: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("programs/dumps/cgowait/expect.json")).unwrap(),
    )
    .unwrap();
    let want = &e["in_c"];
    let c = want["c_function"].as_str().unwrap();
    let text = std::fs::read_to_string(root().join("dumps/go1.27/cgowait.goroutine-2.txt")).unwrap();
    let in_c = text
        .split("\n\n")
        .filter(|r| r.contains(" [syscall") && r.contains(&format!("._Cfunc_{c}(")))
        .count();
    assert_eq!(in_c as u64, want["count"].as_u64().unwrap(), "Go's dump");
    for f in ["cgowait.goroutine-2.txt", "cgowait.goroutine-1.txt", "cgowait.trace"] {
        let r = report(&root().join("dumps/go1.27").join(f));
        assert_eq!(r["suspects"].as_array().unwrap().len(), 0, "{f}: {}", r["suspects"]);
        let listed =
            r["goroutines"]["not_judged"].as_array().unwrap_or_else(|| panic!("{f}: {}", r["goroutines"]));
        let g = listed.iter().find(|g| g["in_c"] == c).unwrap_or_else(|| panic!("{f}: {listed:?}"));
        assert_eq!(g["count"].as_u64(), Some(in_c as u64), "{f}: {g}");
        assert_eq!(g["frame"]["function"], want["function"], "{f}: {g}");
        assert_eq!(g["frame"]["line"], want["line"], "{f}: {g}");
        assert!(g["frame"]["file"].as_str().unwrap().ends_with(want["file"].as_str().unwrap()), "{f}: {g}");
    }
}

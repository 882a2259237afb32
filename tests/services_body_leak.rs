//! An HTTP client that never closes its response bodies (`sample-traces/programs/services/
//! bodyleak`, run by Go 1.19, 1.21, 1.22 and 1.27 with `generate-services.sh`) leaves one
//! connection per request whose read loop waits in `select` for the body, forever. The
//! report must name that group, with the count the runtime's own debug=2 dump of the same
//! moment gives, the user's line behind it (the `client.Get` marked `// EXPECT:
//! called_from`), and say why; with `-close` (the fix) it must find nothing stuck.

use crate::common;
use common::report_json::report;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces")
}

fn expect() -> Value {
    let p = root().join("programs/services/bodyleak/expect.json");
    serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap()
}

/// The release directories of the samples: `services/go1.19`, …
fn versions() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join("services"))
        .expect("sample-traces/services exists")
        .map(|d| d.unwrap().path())
        .filter(|d| d.join("bodyleak.trace").is_file())
        .collect();
    out.sort();
    assert!(out.len() >= 4, "expected the bodyleak samples of four releases, found {}", out.len());
    out
}

/// The line of the program marked `// EXPECT: called_from`.
fn called_from_line() -> u64 {
    let src = std::fs::read_to_string(root().join("programs/services/bodyleak/main.go")).unwrap();
    let lines: Vec<usize> = src
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("// EXPECT: called_from"))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(lines.len(), 1, "one called_from marker");
    lines[0] as u64
}

/// Read loops parked in `select`, counted in the runtime's debug=2 dump with nothing of ours.
fn read_loops_in_select(dump: &Path) -> u64 {
    let text = std::fs::read_to_string(dump).unwrap();
    text.split("\n\n")
        .filter(|rec| {
            rec.starts_with("goroutine ")
                && rec.lines().next().is_some_and(|h| h.contains(" [select"))
                && rec.contains("net/http.(*persistConn).readLoop(")
        })
        .count() as u64
}

fn functions(stack: &Value) -> Vec<&str> {
    stack.as_array().unwrap().iter().map(|f| f["function"].as_str().unwrap()).collect()
}

#[test]
fn response_bodies_never_closed_are_the_first_suspect_with_the_line_behind_them() {
    let e = expect();
    let count = e["count"].as_u64().unwrap();
    let line = called_from_line();
    for dir in versions() {
        let runtime_says = read_loops_in_select(&dir.join("bodyleak.goroutine-2.txt"));
        assert_eq!(runtime_says, count, "{}: the program's count in Go's own dump", dir.display());
        for file in ["bodyleak.trace", "bodyleak.goroutine-2.txt", "bodyleak.goroutine-1.txt"] {
            let path = dir.join(file);
            let rep = report(&path);
            let suspects = rep["suspects"].as_array().unwrap();
            let name = path.display();
            // The writeLoops beside them and the server's keep-alive connections are idle
            // by design: one group, never three.
            assert_eq!(suspects.len(), 1, "{name}: {suspects:?}");
            let s = &suspects[0];
            assert_eq!(s["count"].as_u64(), Some(count), "{name}");
            // The text's "bodies never closed" in the JSON too (probe r28a: only text said it).
            assert_eq!(s["holds_response_bodies"], true, "{name}: {s}");
            assert!(
                functions(&s["blocking_stack"]).contains(&e["blocking_function"].as_str().unwrap()),
                "{name}"
            );
            if file.ends_with("-1.txt") {
                // debug=1 prints no wait reason and no creator.
                assert_eq!(s["reason"], "unknown", "{name}");
                continue;
            }
            assert_eq!(s["reason"], e["reason"], "{name}");
            assert_eq!(s["created_at"]["function"], e["created_function"], "{name}");
            if file.ends_with(".trace") {
                // The dialer that started the read loop was started by the caller of
                // client.Get: two creators up, the program's own line.
                let from = &s["created_from"];
                assert_eq!(from["function"], e["called_from_function"], "{name}: {s}");
                assert_eq!(from["line"].as_u64(), Some(line), "{name}: {s}");
                assert!(from["file"].as_str().unwrap().ends_with("bodyleak/main.go"), "{name}: {s}");
            } else {
                // A dump's creator has moved on: nothing shows the call.
                assert!(s.get("created_from").is_none(), "{name}: {s}");
            }
        }
        let text = text_report(&dir.join("bodyleak.trace"));
        assert!(
            text.contains(&format!("called from main.getStatus services/bodyleak/main.go:{line}")),
            "{text}"
        );
        assert!(text.contains("resp.Body.Close()"), "{text}");
    }
}

#[test]
fn the_fixed_client_has_nothing_stuck() {
    for dir in versions() {
        assert_eq!(read_loops_in_select(&dir.join("bodyleak_fixed.goroutine-2.txt")), 0, "{}", dir.display());
        for file in
            ["bodyleak_fixed.trace", "bodyleak_fixed.goroutine-2.txt", "bodyleak_fixed.goroutine-1.txt"]
        {
            let path = dir.join(file);
            let rep = report(&path);
            assert_eq!(
                rep["suspects"].as_array().unwrap().len(),
                0,
                "{}: {}",
                path.display(),
                rep["suspects"]
            );
        }
    }
}

fn text_report(path: &Path) -> String {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let opts = goroscope::report::Options { json: false, fail_on_leaks: false };
    assert_eq!(goroscope::report::run(&[path.to_path_buf()], &opts, &mut out, &mut err), 0);
    String::from_utf8(out).unwrap()
}

//! The report's exit-code contract, through the real binary: 0, 1 with `--fail-on-leaks`
//! when there are suspects, 2 with an error naming the byte offset when a file can't be read.

use std::path::Path;
use std::process::Command;

fn goroscope(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_goroscope")).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("goroscope-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn sample(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel).display().to_string()
}

#[test]
fn unreadable_inputs_exit_2_with_an_offset() {
    // Deterministic "random" bytes (xorshift), not a trace.
    let mut x: u64 = 0x9e3779b97f4a7c15;
    let random: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let cases: [(&str, &[u8]); 5] = [
        ("empty.trace", b""),
        ("header-only.trace", b"go 1.26 trace\0\0\0"),
        ("wrong-header.trace", b"go 9.99 trace\0\0\0\x01\x01\x01"),
        ("random.trace", &random),
        ("html.trace", b"<html><body>502 Bad Gateway</body></html>"),
    ];
    for (name, bytes) in cases {
        let p = temp_file(name, bytes);
        let (code, out, err) = goroscope(&["report", p.to_str().unwrap()]);
        assert_eq!(code, 2, "{name}: stdout {out:?} stderr {err:?}");
        assert!(err.contains("at byte "), "{name}: error must name the offset: {err:?}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    // A folder (`goroscope report dumps/`) says what to give instead.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let (code, out, err) = goroscope(&["report", dir.to_str().unwrap()]);
    assert_eq!(code, 2, "stdout {out:?} stderr {err:?}");
    assert!(err.contains("this is a folder; name the files in it"), "{err}");
}

#[test]
fn fail_on_leaks_sets_exit_1_only_with_suspects() {
    let (code, out, _) = goroscope(&["report", &sample("go1.27/chansend.trace"), "--fail-on-leaks"]);
    assert_eq!(code, 1, "{out}");
    let (code, out, _) = goroscope(&["report", &sample("go1.27/chansend_fixed.trace"), "--fail-on-leaks"]);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = goroscope(&["report", &sample("go1.27/chansend.trace")]);
    assert_eq!(code, 0);
    assert!(out.contains("chan send"), "{out}");
}

#[test]
fn several_files_give_a_json_array() {
    let (code, out, err) =
        goroscope(&["report", "--json", &sample("go1.27/chansend.trace"), &sample("go1.22/chansend.trace")]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(2));
    assert_eq!(v[0]["kind"], "go-trace");
    assert_eq!(v[1]["go_version"], "1.22");
}

#[test]
fn only_files_that_hold_goroutines_say_none_is_stuck() {
    let verdict = "no stuck goroutines found";
    // Go's heap, allocs profiles and a gctrace log know nothing of goroutines.
    let silent = [
        ("go1.27/chansend_fixed.heap.pb.gz", "pprof profile"),
        ("go1.27/chansend.heap.pb.gz", "pprof profile"),
        ("go1.27/memleak_fixed.gctrace.log", "(gctrace)"),
    ];
    for (rel, header) in silent {
        let (code, out, err) = goroscope(&["report", &sample(rel)]);
        assert_eq!(code, 0, "{rel}: {err}");
        assert!(out.contains(header) && !out.contains(verdict), "{rel} said:\n{out}");
    }
    // The fixed program's goroutine profile and trace do hold its goroutines: none is stuck.
    for rel in ["go1.27/chansend_fixed.goroutine.pb.gz", "go1.27/chansend_fixed.trace"] {
        let (code, out, err) = goroscope(&["report", &sample(rel)]);
        assert_eq!(code, 0, "{rel}: {err}");
        assert!(out.contains(verdict), "{rel} said:\n{out}");
    }
}

//! What reaches the terminal and what the report reads: control characters from a file's
//! names are escaped in text output (a dump cannot clear the screen or forge report lines),
//! and a stream that never ends (`/dev/zero`) is refused at a cap instead of filling memory.

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

#[test]
fn control_characters_in_names_are_escaped() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let dump = std::fs::read_to_string(root.join("go1.27/chansend.goroutine-2.txt")).unwrap();
    assert!(dump.matches("main.sender(").count() >= 2000, "the planted senders");
    // Backspaces and a bell in a function name, and a carriage return in a path that would
    // send the cursor back to overwrite the line with a forged one. (ANSI sequences are
    // removed before reading: tests/text_variants.rs.)
    let evil = dump
        .replace("main.sender(", "main.sen\u{8}\u{8}\u{8}der\u{7}(")
        .replace("samples/chansend/main.go:16", "samples/chansend/main.go\r  #9 forged:16");
    let dir = std::env::temp_dir().join(format!("goroscope-term-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("evil.txt");
    std::fs::write(&path, evil).unwrap();
    let (code, out, err) = goroscope(&["report", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "raw control characters reached the terminal");
    assert!(out.contains("main.sen\\u{8}\\u{8}\\u{8}der\\u{7}"), "{out}");
    assert!(out.contains("main.go\\r  #9 forged:16"), "{out}");
    // JSON keeps the name as it is (serde escapes it); scripts get the true bytes.
    let (_, json, _) = goroscope(&["report", "--json", path.to_str().unwrap()]);
    assert!(json.contains("main.sen\\b\\b\\bder\\u0007"), "{json}");
}

#[cfg(target_os = "linux")]
#[test]
fn an_endless_stream_is_refused_at_a_cap() {
    let (code, _, err) = goroscope(&["report", "/dev/zero"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a regular file, and it did not end within 1024 MiB"), "{err}");
}

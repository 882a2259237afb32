//! The command line itself: help for the binary and each subcommand, usage errors with status
//! 2 and a clear message, `--` before file names that look like options, file names that are
//! not UTF-8, and subcommands that never try to open a window (run here with no display).

use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

fn goroscope<S: AsRef<OsStr>>(args: &[S]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_goroscope"))
        .args(args)
        // No display at all: a subcommand that reached winit would fail differently.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn sample(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel).display().to_string()
}

#[test]
fn help_for_the_binary_and_each_subcommand() {
    let cases: [(&[&str], &[&str]); 4] = [
        (&["--help"], &["Usage: goroscope [OPTIONS] [FILES]...", "report", "diff", "--present"]),
        (&["report", "--help"], &["Usage: goroscope report", "--json", "--fail-on-leaks", "Exit status"]),
        (
            &["diff", "--help"],
            &["Usage: goroscope diff", "<BASE> <NEW>...", "--fail-on-growth", "--sample-type"],
        ),
        (&["help", "diff"], &["Usage: goroscope diff"]),
    ];
    for (args, needles) in cases {
        let (code, out, err) = goroscope(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        for n in needles {
            assert!(out.contains(n), "{args:?}: {n:?} not in {out}");
        }
    }
}

#[test]
fn usage_errors_exit_2_with_a_message_and_open_no_window() {
    let trace = sample("go1.27/chansend.trace");
    let cases: [(Vec<&str>, &str); 6] = [
        (vec!["diff"], "required arguments were not provided"),
        (vec!["diff", &trace], "required arguments were not provided"),
        (vec!["report"], "required arguments were not provided"),
        (vec!["report", "--bogus", &trace], "unexpected argument '--bogus'"),
        (vec!["diff", "--fail-on-leaks", &trace, &trace], "unexpected argument '--fail-on-leaks'"),
        (
            vec!["reprot", &trace],
            "\"reprot\" is neither a subcommand (report, diff, capture, screenshot) nor a file",
        ),
    ];
    for (args, needle) in &cases {
        let (code, out, err) = goroscope(args);
        assert_eq!(code, 2, "{args:?}: {out} {err}");
        assert!(err.contains(needle), "{args:?}: {needle:?} not in {err}");
        assert!(!err.contains("winit") && !err.contains("window"), "{args:?}: {err}");
    }
    assert_eq!(cases.len(), 6);
}

#[test]
fn double_dash_ends_options() {
    // A file named like the help flag, or like an option, is a file after `--`.
    let dir = std::env::temp_dir().join(format!("goroscope-args-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let trace = std::fs::read(sample("go1.27/chansend.trace")).unwrap();
    for name in ["-h", "--json"] {
        std::fs::write(dir.join(name), &trace).unwrap();
    }
    let run = |args: &[&str]| {
        let out =
            Command::new(env!("CARGO_BIN_EXE_goroscope")).current_dir(&dir).args(args).output().unwrap();
        (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let (code, out) = run(&["report", "--fail-on-leaks", "--", "-h"]);
    assert_eq!(code, 1, "the file -h has suspects: {out}");
    assert!(out.starts_with("-h (go-trace)"), "{out}");
    let (code, out) = run(&["report", "--", "--json"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("--json (go-trace)"), "text, not JSON: {out}");
    let (code, out) = run(&["diff", "--", "-h", "--json"]);
    assert_eq!(code, 0);
    assert!(out.contains("[1] -h") && out.contains("[2] --json"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_reach_the_loader() {
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir().join(format!("goroscope-args-utf8-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let name = OsStr::from_bytes(b"chansend-\xff\xfe.trace");
    let path = dir.join(name);
    std::fs::copy(sample("go1.27/chansend.trace"), &path).unwrap();
    let missing = dir.join(OsStr::from_bytes(b"missing-\xff.trace"));
    let (code, out, err) = goroscope(&[OsStr::new("report"), path.as_os_str()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("chan send"), "{out}");
    let (code, _, err) = goroscope(&[OsStr::new("diff"), path.as_os_str(), missing.as_os_str()]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read the file") && !err.contains("panicked"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

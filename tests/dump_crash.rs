//! Where a crashed program died, from its traceback: the report's `dump.crashed` (and the text
//! report's "crashed in goroutine N" line) names the goroutine Go printed first after the
//! `panic:` / `fatal error:` line and the program's own line in its stack, checked against what
//! programs/dumps/crash really did (its expect.json: a nil dereference in `main.report` in a
//! goroutine of its own, under GOTRACEBACK=system, whose stack shows the panic's own
//! `panic(...)` frame; concurrent map writes in `main.count`; and programs/dumps/oom's
//! allocation in `main.load` that failed, with the runtime's "out of memory: cannot allocate"
//! line kept; programs/dumps/overflow's recursion, the call repeated through the printed stack)
//! and against Go's own traceback text. A panic recovered and raised again (programs/dumps/panic) also says where the first
//! panic was: the program's frame under Go's `panic(...)` frame. Two goroutines that threw at
//! once (programs/dumps/racewrite) are both named, the second with the stack Go printed last.

use crate::common;
use common::report_json::report;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces")
}

/// Every committed traceback named `NAME` in sample-traces/dumps/go*/.
fn tracebacks(name: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join("dumps"))
        .unwrap()
        .flatten()
        .map(|d| d.path().join(name))
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// Go's record of the goroutine it printed first, with its id.
fn first_record(text: &str) -> (u64, &str) {
    let start = text.find("\ngoroutine ").expect("a goroutine header") + 1;
    let record = text[start..].split("\n\n").next().unwrap();
    let id = record["goroutine ".len()..].split(' ').next().unwrap().parse().unwrap();
    (id, record)
}

/// The `file:line` Go printed under the first call of `func` in a record.
fn line_of<'a>(record: &'a str, func: &str) -> Option<&'a str> {
    let at = record.find(&format!("\n{func}("))?;
    let loc = record[at + 1..].lines().nth(1)?;
    Some(loc.trim().split(" +0x").next().unwrap())
}

fn text_report(path: &Path) -> String {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let opts = goroscope::report::Options { json: false, fail_on_leaks: false };
    goroscope::report::run(&[path.to_path_buf()], &opts, &mut out, &mut err);
    String::from_utf8(out).unwrap()
}

#[test]
fn a_crash_names_the_goroutine_and_the_program_line_that_died() {
    let mut checked = 0;
    for program in ["crash", "oom", "overflow"] {
        let path = root().join(format!("programs/dumps/{program}/expect.json"));
        let exp: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        checked += check_crashes(&exp);
    }
    assert!(checked >= 8, "the crash, out-of-memory and overflow tracebacks of Go 1.19 and 1.27: {checked}");
}

/// Checks each traceback of `exp["crashes"]`; returns how many.
fn check_crashes(exp: &Value) -> usize {
    let mut checked = 0;
    for (name, want) in exp["crashes"].as_object().unwrap() {
        let files = tracebacks(name);
        assert!(files.len() >= 2, "{name} of Go 1.19 and 1.27: {files:?}");
        for path in files {
            let shown = path.display();
            let text = std::fs::read_to_string(&path).unwrap();
            let rep = report(&path);
            let dump = &rep["dump"];
            // Go's `panic:`/`fatal error:` line; before it, the runtime's own line when it ran
            // out of memory (what it held when the allocation failed), as Go printed it.
            let preamble = dump["preamble"].as_array().unwrap();
            let fatal = preamble.iter().find(|l| !l.as_str().unwrap().starts_with("runtime: "));
            assert_eq!(fatal, Some(&want["preamble"]), "{shown}: {preamble:?}");
            if want["preamble"] == "fatal error: out of memory" {
                let go =
                    text.lines().find(|l| l.starts_with("runtime: out of memory: cannot allocate ")).unwrap();
                assert_eq!(preamble[0], go, "{shown}");
            }
            let c = &dump["crashed"];
            let (id, record) = first_record(&text);
            assert_eq!(c["goroutine_id"].as_u64(), Some(id), "{shown}: {c}");
            assert_eq!(c["state"], "running", "{shown}: {c}");
            // What the program did.
            let (func, line) = (want["function"].as_str().unwrap(), want["line"].as_u64().unwrap());
            assert_eq!(
                (c["at"]["function"].as_str(), c["at"]["line"].as_u64()),
                (Some(func), Some(line)),
                "{shown}"
            );
            assert!(
                c["at"]["file"].as_str().unwrap().ends_with(want["file"].as_str().unwrap()),
                "{shown}: {c}"
            );
            assert!(c.get("first_panic_at").is_none(), "{shown}: nothing recovered: {c}");
            let created = c["created_at"]["line"].as_u64().map(Value::from).unwrap_or(Value::Null);
            assert!(want["created_lines"].as_array().unwrap().contains(&created), "{shown}: {c}");
            // What Go printed: that goroutine's frame of the function at that line, and its
            // `created by` line.
            let printed = line_of(record, func).unwrap_or_else(|| panic!("{shown}: {record}"));
            let file = want["file"].as_str().unwrap();
            assert!(printed.ends_with(&format!("{file}:{line}")), "{shown}: {printed}");
            if let Some(l) = c["created_at"]["line"].as_u64() {
                let by = record.split("\ncreated by ").nth(1).unwrap_or_else(|| panic!("{shown}: {record}"));
                let loc = by.lines().nth(1).unwrap().trim().split(" +0x").next().unwrap();
                assert!(loc.ends_with(&format!("{file}:{l}")), "{shown}: {loc}");
            }
            if name.contains("panic") {
                // GOTRACEBACK=system prints the panic's own frame above the program's: the
                // program's line is under it, and the report does not stop at it.
                assert!(record.contains("\npanic("), "{shown}: {record}");
            }
            let t = text_report(&path);
            assert!(t.contains(&format!("crashed in goroutine {id} [running] at {func} ")), "{t}");
            // A stack overflow: the call Go printed again and again, counted in its own text.
            match want["recursion_line"].as_u64() {
                Some(l) => {
                    let r = &c["recursion"];
                    assert_eq!(
                        (r["at"]["function"].as_str(), r["at"]["line"].as_u64()),
                        (Some(func), Some(l))
                    );
                    let call = format!("{file}:{l}");
                    let printed =
                        record.lines().filter(|x| x.trim().split(" +0x").next().unwrap().ends_with(&call));
                    assert_eq!(r["repeats"].as_u64(), Some(printed.count() as u64), "{shown}: {r}");
                    assert!(r["repeats"].as_u64().unwrap() >= 90, "{shown}: {r}");
                    assert!(t.contains(&format!("runaway recursion: the call at {func} ")), "{t}");
                }
                None => assert!(c.get("recursion").is_none(), "{shown}: {c}"),
            }
            checked += 1;
        }
    }
    checked
}

#[test]
fn a_panic_raised_again_says_where_it_first_panicked() {
    let files = tracebacks("panic.txt");
    assert!(files.len() >= 3, "panic.txt of Go 1.19, 1.21, 1.27: {files:?}");
    for path in files {
        let shown = path.display();
        let text = std::fs::read_to_string(&path).unwrap();
        let (id, record) = first_record(&text);
        // Go's record: the deferred function that panicked again, then `panic(...)`, then the
        // program's frame where the first panic was raised.
        let frames: Vec<&str> = record.lines().skip(1).step_by(2).collect();
        let p = frames.iter().position(|f| f.starts_with("panic(")).unwrap_or_else(|| panic!("{shown}"));
        let first_func = frames[p + 1].split('(').next().unwrap();
        let first_line = line_of(record, first_func).unwrap();
        let again = frames[0].split('(').next().unwrap();
        let c = &report(&path)["dump"]["crashed"];
        assert_eq!(c["goroutine_id"].as_u64(), Some(id), "{shown}: {c}");
        assert_eq!(c["at"]["function"], again, "{shown}: {c}");
        let f = &c["first_panic_at"];
        assert_eq!(f["function"], first_func, "{shown}: {c}");
        let loc = format!("{}:{}", f["file"].as_str().unwrap(), f["line"]);
        assert_eq!(loc, first_line, "{shown}: {c}");
    }
}

/// Two workers of programs/dumps/racewrite threw "concurrent map writes" at once (Go 1.19):
/// Go printed the second thrower first with no stack ("running on other thread") and then
/// again with its stack. The goroutine counts once, with that stack, as the other thrower;
/// no warning of a dump saved twice (it once kept the empty copy and said so).
#[test]
fn two_goroutines_that_threw_at_once_are_both_named() {
    let exp: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("programs/dumps/racewrite/expect.json")).unwrap(),
    )
    .unwrap();
    let c = &exp["crash"];
    let files = tracebacks("racewrite.txt");
    assert!(!files.is_empty(), "the Go 1.19 traceback");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        // Go's own text: the ids of the records and the one printed twice.
        let ids: Vec<u64> = text
            .lines()
            .filter_map(|l| l.strip_prefix("goroutine ")?.split(' ').next()?.parse().ok())
            .collect();
        let mut distinct = ids.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len() as u64, exp["goroutines"].as_u64().unwrap(), "{}", path.display());
        let twice: Vec<u64> =
            distinct.iter().copied().filter(|id| ids.iter().filter(|&i| i == id).count() == 2).collect();
        assert_eq!(twice.len(), 1, "{}: one goroutine printed twice", path.display());
        let r = report(&path);
        assert_eq!(r["goroutines"]["total"], exp["goroutines"], "{}: {r}", path.display());
        let warned = r["warnings"].as_array().map_or(0, Vec::len);
        assert_eq!(warned, 0, "{}: {}", path.display(), r["warnings"]);
        let crashed = &r["dump"]["crashed"];
        let also = crashed["also_crashed"].as_array().expect("the other thrower");
        assert_eq!(1 + also.len() as u64, c["throwers"].as_u64().unwrap(), "{crashed}");
        assert_eq!(also[0]["goroutine_id"].as_u64(), Some(twice[0]), "{crashed}");
        for at in [&crashed["at"], &also[0]["at"]] {
            assert_eq!(at["function"], c["function"], "{crashed}");
            assert!(at["file"].as_str().unwrap().ends_with(c["file"].as_str().unwrap()), "{crashed}");
            assert_eq!(at["line"], c["line"], "{crashed}");
        }
        let said = format!("and in goroutine {} at {}", twice[0], c["function"].as_str().unwrap());
        assert!(text_report(&path).contains(&said), "{said:?}");
    }
}

/// Under GOTRACEBACK=none (programs/dumps/crash, Go 1.19 and 1.27) a crash prints its panic's
/// lines and no goroutine; Go 1.27 printed only `fatal error: concurrent map writes` in a
/// probe's run whose thrower ended the process first. Such a file is a crash with nothing to
/// judge: read (not "an unknown kind", exit 2), not complete, never "no stuck goroutines found".
#[test]
fn a_crash_that_printed_no_goroutine_is_no_all_clear() {
    let exp: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("programs/dumps/crash/expect.json")).unwrap(),
    )
    .unwrap();
    let mut checked = 0;
    for (name, preamble) in exp["no_stacks"].as_object().unwrap() {
        for path in tracebacks(name) {
            let shown = path.display();
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(!text.contains("\ngoroutine "), "{shown}: Go printed a goroutine");
            let r = report(&path);
            assert_eq!(r["kind"], "goroutine-dump", "{shown}: {r}");
            assert_eq!(r["dump"]["preamble"][0], *preamble, "{shown}: {r}");
            assert_eq!(r["complete"], false, "{shown}: {r}");
            assert_eq!(r["goroutines"]["total"], 0, "{shown}: {r}");
            assert!(r["warnings"][0].as_str().unwrap().contains("GOTRACEBACK=all"), "{shown}: {r}");
            let said = text_report(&path);
            assert!(
                said.contains("not an all-clear") && !said.contains("no stuck goroutines found"),
                "{said}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 2, "crash-none.txt of Go 1.19 and 1.27: {checked}");
}

//! The standard library's own background goroutines (`sample-traces/programs/services/`
//! sqlpool, Go 1.21 and 1.27; pipeleak and rpcserve, Go 1.27; by `generate-services.sh`). A `*sql.DB`
//! keeps a connection opener (and, with an idle limit, a cleaner) waiting its whole life; a
//! net/rpc server keeps a reader per connection, a client one for answers: a trace of a
//! healthy service sees them blocked through the window, a dump of an old one prints their
//! minutes, and neither is a leak. Their crowd is: `sql.Open` per request never closed. The
//! leaks around them must stay suspects with the program's lines: requests waiting for a
//! pool connection that rows never closed keep taken, io.Pipe writers whose reader left.
//! Counts come from Go's own debug=2 dump of the same moment.

use crate::common;
use common::report_json::report;
use common::services::{expect, line_in, marked, records, runs};

use std::path::Path;

use serde_json::Value;

/// Every file a run left for NAME in DIR (trace, debug=2, debug=1, goroutine profile, the
/// dump 61 s later), those present.
fn files(dir: &Path, name: &str) -> Vec<std::path::PathBuf> {
    let kinds = ["trace", "goroutine-2.txt", "goroutine-1.txt", "goroutine.pb.gz", "late.goroutine-2.txt"];
    kinds.iter().map(|k| dir.join(format!("{name}.{k}"))).filter(|p| p.is_file()).collect()
}

/// Goroutines of Go's debug=2 dump at `path` in wait `state` whose stack calls `func`.
fn dumped(path: &Path, state: &str, func: &str) -> u64 {
    records(&std::fs::read_to_string(path).unwrap(), state, func).len() as u64
}

fn suspects(path: &Path) -> Vec<Value> {
    report(path)["suspects"].as_array().unwrap().clone()
}

/// `goroscope report --fail-on-leaks PATH`'s exit status: 0 for a healthy program.
fn fail_on_leaks(path: &Path) -> i32 {
    let opts = goroscope::report::Options { json: false, fail_on_leaks: true };
    goroscope::report::run(&[path.to_path_buf()], &opts, &mut Vec::new(), &mut Vec::new())
}

#[test]
fn a_shared_dbs_opener_and_cleaner_are_not_suspects() {
    let e = expect("sqlpool");
    let mut checked = 0;
    for (minor, dir) in runs("sqlpool_shared", &["1.21", "1.27"]) {
        let dump = dir.join("sqlpool_shared.goroutine-2.txt");
        // What Go shows: one opener and one cleaner, each waiting in a select.
        for f in ["opener_function", "cleaner_function"] {
            assert_eq!(dumped(&dump, "select", e[f].as_str().unwrap()), 1, "{minor}: Go's dump, {f}");
        }
        for file in files(&dir, "sqlpool_shared") {
            assert_eq!(suspects(&file), Vec::<Value>::new(), "{}", file.display());
            assert_eq!(fail_on_leaks(&file), 0, "{}", file.display());
            checked += 1;
        }
    }
    assert!(checked >= 5, "expected sqlpool_shared's trace and four dumps, found {checked}");
}

#[test]
fn a_dbs_opener_waiting_for_minutes_is_not_a_suspect() {
    let e = expect("sqlpool");
    let dir = common::services::root().join("services/go1.27");
    let (late, opener) =
        (dir.join("sqlpool_shared.late.goroutine-2.txt"), e["opener_function"].as_str().unwrap());
    // The runtime stamped the wait: a dump of a service up for a while.
    assert_eq!(dumped(&late, "select, 1 minutes", opener), 1, "Go's late dump");
    assert_eq!(suspects(&late), Vec::<Value>::new());
}

#[test]
fn dbs_opened_per_request_and_never_closed_are_one_suspect() {
    let e = expect("sqlpool");
    let opener = e["opener_function"].as_str().unwrap();
    let mut checked = 0;
    for (minor, dir) in runs("sqlpool_openleak", &["1.21", "1.27"]) {
        let want = dumped(&dir.join("sqlpool_openleak.goroutine-2.txt"), "select", opener);
        assert_eq!(want, e["openleak"]["count"].as_u64().unwrap(), "{minor}: Go's dump");
        for file in files(&dir, "sqlpool_openleak") {
            let what = file.display().to_string();
            let s = suspects(&file);
            assert_eq!(s.len(), 1, "{what}: {s:?}");
            assert_eq!(s[0]["count"].as_u64(), Some(want), "{what}: {}", s[0]);
            assert!(line_in(&s[0], opener).is_some(), "{what}: {}", s[0]);
            assert!(s[0]["library_wait"].is_null(), "{what}: {}", s[0]);
            // One opener per DB: Go's dump names the library's go statement as the creator.
            let named = !what.ends_with(".goroutine-1.txt") && !what.ends_with(".pb.gz");
            assert_eq!(s[0]["library_resident"].as_bool().unwrap_or(false), named, "{what}: {}", s[0]);
            if what.ends_with(".trace") {
                // Growing, and made under the program's sql.Open (Go's dump cannot say).
                assert!(s[0]["piling_up"]["created"].as_u64() >= Some(want - 1), "{what}: {}", s[0]);
                assert_eq!(s[0]["created_from"]["function"], e["caller_function"], "{what}: {}", s[0]);
                assert_eq!(
                    s[0]["created_from"]["line"].as_u64(),
                    Some(marked("sqlpool", "caller")),
                    "{what}"
                );
            }
            if !what.ends_with(".goroutine-1.txt") && !what.ends_with(".pb.gz") {
                assert_eq!(s[0]["reason"], e["openleak"]["reason"], "{what}: {}", s[0]);
                assert_eq!(s[0]["created_at"]["function"], e["opener_created_function"], "{what}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 6, "expected sqlpool_openleak traces and dumps of two releases, found {checked}");
}

#[test]
fn requests_waiting_for_a_connection_rows_keep_name_the_program() {
    let e = expect("sqlpool");
    let r = &e["rowsleak"];
    let lib = r["library_function"].as_str().unwrap();
    let mut checked = 0;
    for (minor, dir) in runs("sqlpool_rowsleak", &["1.21", "1.27"]) {
        let want = dumped(&dir.join("sqlpool_rowsleak.goroutine-2.txt"), "select", lib);
        assert_eq!(want, r["count"].as_u64().unwrap(), "{minor}: Go's dump");
        for file in files(&dir, "sqlpool_rowsleak") {
            let what = file.display().to_string();
            // The DB's own opener and cleaner are not among them.
            let s = suspects(&file);
            assert_eq!(s.len(), 1, "{what}: {s:?}");
            assert_eq!(s[0]["count"].as_u64(), Some(want), "{what}: {}", s[0]);
            assert!(line_in(&s[0], lib).is_some(), "{what}: {}", s[0]);
            assert_eq!(s[0]["library_wait"], r["library_wait"], "{what}: {}", s[0]);
            assert!(s[0]["library_resident"].is_null(), "{what}: {}", s[0]);
            let blocked = line_in(&s[0], r["blocking_function"].as_str().unwrap());
            assert_eq!(blocked, Some(marked("sqlpool", "blocked")), "{what}: {}", s[0]);
            if !what.ends_with(".goroutine-1.txt") && !what.ends_with(".pb.gz") {
                assert_eq!(s[0]["created_at"]["function"], r["created_function"], "{what}: {}", s[0]);
                assert_eq!(s[0]["created_at"]["line"].as_u64(), Some(marked("sqlpool", "created")), "{what}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 6, "expected sqlpool_rowsleak traces and dumps of two releases, found {checked}");
}

#[test]
fn pipe_writers_whose_reader_left_are_a_suspect() {
    let e = expect("pipeleak");
    let lib = e["library_function"].as_str().unwrap();
    let mut checked = 0;
    for (minor, dir) in runs("pipeleak", &["1.21", "1.27"]) {
        let want = dumped(&dir.join("pipeleak.goroutine-2.txt"), "select", lib);
        assert_eq!(want, e["count"].as_u64().unwrap(), "{minor}: Go's dump");
        for file in files(&dir, "pipeleak") {
            let what = file.display().to_string();
            let s = suspects(&file);
            assert_eq!(s.len(), 1, "{what}: {s:?}");
            assert_eq!(s[0]["count"].as_u64(), Some(want), "{what}: {}", s[0]);
            assert!(line_in(&s[0], lib).is_some(), "{what}: {}", s[0]);
            assert_eq!(s[0]["library_wait"], e["library_wait"], "{what}: {}", s[0]);
            assert!(s[0]["library_resident"].is_null(), "{what}: {}", s[0]);
            let blocked = line_in(&s[0], e["blocking_function"].as_str().unwrap());
            assert_eq!(blocked, Some(marked("pipeleak", "blocked")), "{what}: {}", s[0]);
            if !what.ends_with(".goroutine-1.txt") && !what.ends_with(".pb.gz") {
                assert_eq!(s[0]["created_at"]["function"], e["created_function"], "{what}: {}", s[0]);
                assert_eq!(
                    s[0]["created_at"]["line"].as_u64(),
                    Some(marked("pipeleak", "created")),
                    "{what}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 4, "expected pipeleak's trace and three dumps, found {checked}");
}

#[test]
fn rpc_and_http_servers_at_rest_are_not_suspects() {
    let e = expect("rpcserve");
    let clients = e["rpc_clients"].as_u64().unwrap();
    let mut checked = 0;
    for (minor, dir) in runs("rpcserve", &["1.21", "1.27"]) {
        let dump = dir.join("rpcserve.goroutine-2.txt");
        // What Go shows: both accept loops, a reader per rpc connection on each side, the
        // http keep-alive connection's server and client loops, all waiting.
        for (func, want) in [
            ("net/rpc.(*Server).ServeConn", clients),
            ("net/rpc.(*Client).input", clients),
            ("net/rpc.(*Server).Accept", 1),
            ("net/http.(*Server).Serve", 1),
            ("net/http.(*conn).serve", 1),
        ] {
            assert_eq!(dumped(&dump, "IO wait", func), want, "{minor}: Go's dump, {func}");
        }
        for file in files(&dir, "rpcserve") {
            assert_eq!(suspects(&file), Vec::<Value>::new(), "{}", file.display());
            assert_eq!(fail_on_leaks(&file), 0, "{}", file.display());
            checked += 1;
        }
    }
    let late = common::services::root().join("services/go1.27/rpcserve.late.goroutine-2.txt");
    assert_eq!(dumped(&late, "IO wait, 1 minutes", "net/rpc.(*Server).ServeConn"), clients, "Go's late dump");
    assert!(checked >= 5, "expected rpcserve's trace and four dumps, found {checked}");
}

/// `goroscope diff FILES --json` (and its exit status with `--fail-on-growth`).
fn diff(files: &[std::path::PathBuf]) -> (Value, Option<i32>) {
    let run = |extra: &str| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_goroscope"));
        cmd.args(["diff", extra]).args(files).output().unwrap()
    };
    let out = run("--json");
    assert!(out.status.success(), "{files:?}: {}", String::from_utf8_lossy(&out.stderr));
    (serde_json::from_slice(&out.stdout).unwrap(), run("--fail-on-growth").status.code())
}

/// The diff row whose blocking stack holds `func`.
fn row<'a>(v: &'a Value, func: &str) -> &'a Value {
    let has = |g: &&Value| g["blocking_stack"].as_array().unwrap().iter().any(|f| f["function"] == func);
    v["groups"].as_array().unwrap().iter().find(has).unwrap_or_else(|| panic!("no {func} row in {v}"))
}

#[test]
fn a_diff_grows_the_openers_of_dbs_never_closed_not_those_of_one_kept() {
    let e = expect("sqlpool");
    let opener = e["opener_function"].as_str().unwrap();
    let dir = common::services::root().join("services/go1.27");
    let want = dumped(&dir.join("sqlpool_openleak.goroutine-2.txt"), "select", opener);
    assert!(want >= 10, "Go's dump: {want} openers");
    for kind in ["trace", "goroutine-2.txt"] {
        let pair = [dir.join(format!("sqlpool_shared.{kind}")), dir.join(format!("sqlpool_openleak.{kind}"))];
        let (v, code) = diff(&pair);
        let r = row(&v, opener);
        assert_eq!(r["counts"], serde_json::json!([1, want]), "{kind}: {r}");
        assert_eq!((r["change"].as_str(), code), (Some("grown"), Some(1)), "{kind}: {r}");
    }
    // The same DB a minute on: its opener is the same group, nothing grew.
    let pair = [dir.join("sqlpool_shared.goroutine-2.txt"), dir.join("sqlpool_shared.late.goroutine-2.txt")];
    let (v, code) = diff(&pair);
    assert_eq!((row(&v, opener)["change"].as_str(), code), (Some("same"), Some(0)), "{v}");
}

//! A deadlock the runtime declared is a finding of its own (`kind: "deadlock"`): Go's
//! `fatal error: all goroutines are asleep - deadlock!` (programs/dumps/deadlock, Go 1.19 and
//! 1.21) and testing/synctest's `panic: deadlock: ...` of a bubble (programs/services/
//! synctestleak, Go 1.24 and 1.27), with the runtime's words and the goroutines Go printed in
//! it, counted from Go's own text. No other committed dump or log has one, but the three of
//! a deadlock Go did not declare (`inferred`, tests/dump_stalemate.rs).

use crate::common;
use common::report_json::report;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces")
}

/// Every committed text file under `dir` (recursively) with one of `exts`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt" || x == "log") {
            out.push(p);
        }
    }
}

/// The ids of Go's goroutine records in a traceback, minus the runtime's own (`created by
/// runtime.` or started in `runtime.`), which no deadlock names.
fn printed(text: &str) -> Vec<u64> {
    text.split("\n\n")
        .filter_map(|r| {
            let r = r.trim_start();
            let head = r.lines().next()?.strip_prefix("goroutine ")?;
            let id = head.split(' ').next()?.parse().ok()?;
            let runtime = r.contains("\ncreated by runtime.") || r.lines().nth(1)?.starts_with("runtime.");
            (!runtime).then_some(id)
        })
        .collect()
}

#[test]
fn the_runtimes_deadlock_is_a_finding() {
    let mut all = Vec::new();
    files(&root(), &mut all);
    let (mut declared, mut inferred, mut others) = (0, 0, 0);
    for path in all {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let fatal = text.lines().find(|l| l.starts_with("fatal error: all goroutines are asleep"));
        let bubble = text.lines().find(|l| l.starts_with("panic: deadlock: "));
        let is_dump = text.contains("\ngoroutine ") || fatal.is_some() || bubble.is_some();
        if !is_dump {
            continue;
        }
        let r = report(&path);
        let found: Vec<&Value> =
            r["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "deadlock").collect();
        let shown = path.display();
        let Some(said) = fatal.or(bubble) else {
            // The dumps of a deadlock Go did not declare (tests/dump_stalemate.rs) say so.
            let undeclared =
                path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("stalemate"));
            if undeclared {
                assert!(found.len() == 1 && found[0]["inferred"] == true, "{shown}: {found:?}");
                inferred += 1;
            } else {
                assert!(found.is_empty(), "{shown}: {found:?}");
                others += 1;
            }
            continue;
        };
        assert!(found.iter().all(|f| f["inferred"].is_null()), "{shown}: {found:?}");
        assert_eq!(found.len(), 1, "{shown}: {}", r["findings"]);
        let f = found[0];
        assert_eq!(f["message"], said.trim(), "{shown}");
        assert_eq!(f["bubble"].as_bool().unwrap_or(false), fatal.is_none(), "{shown}");
        if fatal.is_some() {
            let mut sorted = printed(&text);
            assert_eq!(f["count"].as_u64(), Some(sorted.len() as u64), "{shown}: {f}");
            sorted.sort_unstable();
            let listed: Vec<u64> =
                f["goroutine_ids"].as_array().unwrap().iter().filter_map(Value::as_u64).collect();
            assert_eq!(listed, sorted[..sorted.len().min(20)], "{shown}");
        } else {
            // A bubble's own: at most what Go printed (Go 1.24 without GOTRACEBACK=all prints none).
            assert!(f["count"].as_u64().unwrap() <= printed(&text).len() as u64, "{shown}: {f}");
        }
        declared += 1;
    }
    assert!(declared >= 6, "deadlock-fatal of Go 1.19 and 1.21, synctestleak's four: {declared}");
    assert!(others >= 100, "the other committed dumps: {others}");
    assert_eq!(inferred, 3, "stalemate's Go 1.19, 1.27 and -race dumps");
}

/// The runtime's deadlock of `programs/dumps/deadlock` (Go 1.19 and 1.21): the two transfers
/// that locked each other's account are its root, whatever waits behind them (20 waiters on
/// a WaitGroup). The finding names both, at the line the program's expectations give, each
/// a goroutine the dump shows in `main.transfer`.
#[test]
fn a_deadlocks_lock_order_ring_is_named_in_the_finding() {
    let e: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("programs/dumps/deadlock/expect.json")).unwrap(),
    )
    .unwrap();
    let ring_group = &e["groups"][1];
    let mut checked = 0;
    for minor in ["1.19", "1.21"] {
        let path = root().join(format!("dumps/go{minor}/deadlock-fatal.txt"));
        let text = std::fs::read_to_string(&path).unwrap();
        let r = report(&path);
        let f = r["findings"].as_array().unwrap().iter().find(|f| f["kind"] == "deadlock").unwrap();
        let ring = f["lock_ring"].as_array().unwrap_or_else(|| panic!("{minor}: {f}"));
        assert_eq!(ring.len() as u64, ring_group["count_min"].as_u64().unwrap(), "{minor}: {f}");
        for m in ring {
            let id = m["goroutine_id"].as_u64().unwrap();
            assert_eq!(m["at"]["function"], ring_group["blocking_function"], "{minor}: {m}");
            assert_eq!(m["at"]["line"], ring_group["blocking_line"], "{minor}: {m}");
            // Go's dump: that goroutine waits in main.transfer.
            let record = text.split("\n\n").find(|b| b.starts_with(&format!("goroutine {id} ["))).unwrap();
            assert!(record.contains("main.transfer("), "{minor}: {record}");
        }
        checked += 1;
    }
    assert_eq!(checked, 2);
}

//! A program at rest beside its leak (`sample-traces/programs/services/idleconns` and
//! `restpool`, Go 1.19, 1.21 and 1.27 by `generate-services.sh`): readers of persistent TCP
//! connections idle in `Read`, and a worker pool between bursts of jobs, outnumber a real
//! leak. The leak must be rank 1 with the count, lines and creator its program says; the
//! idle ones come after it, each said to be at rest, counted as Go's own dump counts them.

use crate::common;
use common::report_json::report;
use common::services::{assert_planted, expect, line_in, marked, planted_lines, records, root, runs};

use serde_json::Value;

/// Checks the leak is rank 1 as the program planted it.
fn leak_first(program: &str, rep: &Value, e: &Value, what: &str) {
    assert_planted(&rep["suspects"][0], e, planted_lines(program), what);
}

/// The suspect whose blocking stack runs through `func`.
fn group<'a>(rep: &'a Value, func: &str) -> Option<&'a Value> {
    rep["suspects"].as_array()?.iter().find(|s| line_in(s, func).is_some())
}

#[test]
fn idle_connections_rank_after_the_leak_beside_them() {
    let e = expect("idleconns");
    let idle = e["idle_function"].as_str().unwrap();
    let mut checked = 0;
    for (minor, dir) in runs("idleconns", &["1.19", "1.21", "1.27"]) {
        let dump = std::fs::read_to_string(dir.join("idleconns.goroutine-2.txt")).unwrap();
        let leaked = records(&dump, "chan send", e["blocking_function"].as_str().unwrap()).len();
        assert_eq!(leaked as u64, e["count"].as_u64().unwrap(), "{minor}: Go's dump");
        let readers = records(&dump, "IO wait", idle).len() as u64;
        assert_eq!(readers, e["idle_count"].as_u64().unwrap(), "{minor}: Go's dump");
        for file in ["idleconns.trace", "idleconns.goroutine-2.txt"] {
            let rep = report(&dir.join(file));
            let what = format!("{minor} {file}");
            leak_first("idleconns", &rep, &e, &what);
            let s = group(&rep, idle).unwrap_or_else(|| panic!("{what}: no idle group: {rep}"));
            assert_eq!(s["count"].as_u64(), Some(readers), "{what}: {s}");
            assert_eq!(s["at_rest"]["kind"], "idle-connections", "{what}: {s}");
            assert_eq!(line_in(s, idle), Some(marked("idleconns", "idle")), "{what}: {s}");
            assert_eq!(s["created_at"]["function"], e["idle_created_function"], "{what}: {s}");
            assert_eq!(s["created_at"]["line"].as_u64(), Some(marked("idleconns", "idle created")), "{what}");
            checked += 1;
        }
    }
    assert!(checked >= 6, "expected idleconns traces and dumps of three releases, found {checked}");
}

#[test]
fn a_pool_between_jobs_ranks_after_the_leak_beside_it() {
    let e = expect("restpool");
    let (pool, size) = (e["pool_function"].as_str().unwrap(), e["pool_count"].as_u64().unwrap());
    let mut checked = 0;
    for (minor, dir) in runs("restpool", &["1.19", "1.21", "1.27"]) {
        // The sample holds what the program says: Go's dump of the same moment.
        let dump = std::fs::read_to_string(dir.join("restpool.goroutine-2.txt")).unwrap();
        assert_eq!(records(&dump, "chan receive", pool).len() as u64, size, "{minor}: Go's dump");
        let leaked = records(&dump, "chan receive", e["blocking_function"].as_str().unwrap()).len();
        assert_eq!(leaked as u64, e["count"].as_u64().unwrap(), "{minor}: Go's dump");
        let rep = report(&dir.join("restpool.trace"));
        leak_first("restpool", &rep, &e, minor);
        let s = group(&rep, pool).unwrap_or_else(|| panic!("{minor}: no pool group: {rep}"));
        assert_eq!(s["count"].as_u64(), Some(size), "{minor}: {s}");
        assert_eq!(s["at_rest"]["kind"], "pool", "{minor}: {s}");
        // They took work from the same wait (60 jobs for 6 workers).
        assert!((1..=size).contains(&s["at_rest"]["woken"].as_u64().unwrap()), "{minor}: {s}");
        assert_eq!(line_in(s, pool), Some(marked("restpool", "pool")), "{minor}: {s}");
        assert_eq!(s["created_at"]["line"].as_u64(), Some(marked("restpool", "pool created")), "{minor}");
        checked += 1;
    }
    assert!(checked >= 3, "expected restpool traces of three releases, found {checked}");
}

/// The text report of one file.
fn text(path: &std::path::Path) -> String {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let opts = goroscope::report::Options { json: false, fail_on_leaks: false };
    assert_eq!(goroscope::report::run(&[path.to_path_buf()], &opts, &mut out, &mut err), 0);
    String::from_utf8(out).unwrap()
}

#[test]
fn a_file_whose_every_group_may_be_at_rest_says_so_first() {
    const LINE: &str = "nothing stuck but what may be at rest";
    let mut checked = 0;
    for (minor, dir) in runs("restpool", &["1.19", "1.21", "1.27"]) {
        // A leak beside the pool: no such line.
        assert!(!text(&dir.join("restpool.trace")).contains(LINE), "{minor}");
        // chanrecv: a pool of 8 whose jobs channel is never closed, nothing else.
        let chanrecv = root().join(format!("go{minor}/chanrecv.trace"));
        if chanrecv.is_file() {
            assert!(text(&chanrecv).contains(LINE), "{minor}: {}", text(&chanrecv));
        }
        checked += 1;
    }
    assert!(checked >= 3, "expected restpool traces of three releases, found {checked}");
}

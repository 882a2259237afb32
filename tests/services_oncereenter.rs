//! A sync.Once whose function calls its own Do again (`programs/services/oncereenter`, Go
//! 1.19 and 1.27, a trace and Go's debug=2 dump of the same moment): the first caller waits
//! for itself and 11 later ones queue behind it. Its stack proves it (two `doSlow` frames,
//! both `Do`s called from `Lookup`); the dumps said "no stuck goroutines found" or listed
//! the queue alone, and the trace ranked the runner second with no word of why. Now the
//! runner comes first, said to have re-entered its Once, and the queue is said to wait
//! behind it.

use crate::common;
use common::report_json::report;
use common::services::{expect, id_of, marked_in, records, runs};

#[test]
fn a_once_that_calls_its_own_do_is_named_first_with_the_queue_behind_it() {
    let e = expect("oncereenter");
    let (do_fn, once_fn) = (e["do_function"].as_str().unwrap(), e["once_function"].as_str().unwrap());
    let (do_line, reenters) =
        (marked_in("oncereenter", "main.go", "do"), marked_in("oncereenter", "main.go", "reenters"));
    let mut checked = 0;
    for (minor, dir) in runs("oncereenter", &["1.19", "1.27"]) {
        // Go's dump: one goroutine with two doSlow frames (the runner), the rest with one.
        let text = std::fs::read_to_string(dir.join("oncereenter.goroutine-2.txt")).unwrap();
        let reason = if minor == "1.19" { e["reason_go119"].as_str() } else { e["reason"].as_str() }.unwrap();
        let waiting = records(&text, reason, do_fn);
        let twice: Vec<&str> =
            waiting.iter().copied().filter(|r| r.matches("sync.(*Once).doSlow(").count() == 2).collect();
        assert_eq!(twice.len() as u64, e["runner"].as_u64().unwrap(), "{minor}: Go's dump");
        assert_eq!((waiting.len() - twice.len()) as u64, e["queued"].as_u64().unwrap(), "{minor}: Go's dump");
        let runner = id_of(twice[0]);
        for file in ["oncereenter.goroutine-2.txt", "oncereenter.trace"] {
            let what = format!("{minor} {file}");
            let rep = report(&dir.join(file));
            let s = rep["suspects"].as_array().unwrap();
            assert!(s.len() >= 2, "{what}: {rep}");
            let (first, second) = (&s[0]["once_reentered"], &s[1]["once_reentered"]);
            assert_eq!(s[0]["goroutine_ids"][0].as_u64(), Some(runner), "{what}: {}", s[0]);
            assert_eq!(first["behind"].as_bool(), Some(false), "{what}: {first}");
            assert_eq!(first["do_called_at"]["function"].as_str(), Some(do_fn), "{what}: {first}");
            assert_eq!(first["do_called_at"]["line"].as_u64(), Some(do_line), "{what}: {first}");
            assert_eq!(first["once_function"]["function"].as_str(), Some(once_fn), "{what}: {first}");
            assert_eq!(first["once_function"]["line"].as_u64(), Some(reenters), "{what}: {first}");
            assert_eq!(s[1]["count"].as_u64(), e["queued"].as_u64(), "{what}: {}", s[1]);
            assert_eq!(second["behind"].as_bool(), Some(true), "{what}: {second}");
            assert_eq!(second["goroutine_ids"][0].as_u64(), Some(runner), "{what}: {second}");
            checked += 1;
        }
    }
    assert_eq!(checked, 4, "Go 1.19 and 1.27, trace and dump");
}

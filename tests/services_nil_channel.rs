//! Sends on a channel never made (`sample-traces/programs/services/nilchan`, Go 1.19, 1.21,
//! 1.22 and 1.27 by `generate-services.sh`): every job's goroutine blocks forever. Go's dump
//! says `[chan send (nil chan)]`; the trace writes the block as "forever", as it writes a
//! `select {}`. The report must give Go's dump words, the count the dump has, the marked
//! lines, and `goroscope diff` of the trace against that dump one unchanged group.

use crate::common;
use common::report_json::report;
use common::services::{marked, records, root};

use std::path::Path;

use goroscope::analysis::group_diff::{Change, diff_groups};
use goroscope::load::{Progress, load_file};
use serde_json::Value;

/// Goroutines waiting with `reason` in `func` in the runtime's own debug=2 dump, counted
/// without our parser.
fn dumped(path: &Path, reason: &str, func: &str) -> usize {
    records(&std::fs::read_to_string(path).unwrap(), reason, func).len()
}

#[test]
fn a_send_on_a_nil_channel_reads_as_the_dump_says() {
    let e: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("programs/services/nilchan/expect.json")).unwrap(),
    )
    .unwrap();
    let (count, reason) = (e["count"].as_u64().unwrap() as usize, e["reason"].as_str().unwrap());
    let (func, creator) = (e["blocking_function"].as_str().unwrap(), e["created_function"].as_str().unwrap());
    let mut checked = 0;
    for minor in ["1.19", "1.21", "1.22", "1.27"] {
        let dir = root().join(format!("services/go{minor}"));
        if !dir.join("nilchan.trace").is_file() {
            continue;
        }
        let dump = dir.join("nilchan.goroutine-2.txt");
        assert_eq!(dumped(&dump, reason, func), count, "{minor}: Go's dump");
        let rep = report(&dir.join("nilchan.trace"));
        let s = &rep["suspects"][0];
        assert_eq!(
            (s["count"].as_u64(), s["reason"].as_str()),
            (Some(count as u64), Some(reason)),
            "{minor}: {s}"
        );
        let at = s["blocking_stack"].as_array().unwrap().iter().find(|f| f["function"] == func);
        assert_eq!(at.map(|f| f["line"].as_u64()), Some(Some(marked("nilchan", "blocked"))), "{minor}: {s}");
        assert_eq!(s["created_at"]["function"], creator, "{minor}: {s}");
        assert_eq!(s["created_at"]["line"].as_u64(), Some(marked("nilchan", "created")), "{minor}: {s}");
        // The trace against the dump of its end: one group, unchanged.
        let groups = |p: &Path| load_file(p, &Progress::default()).unwrap().goroutine_groups().unwrap();
        let rows = diff_groups(&[groups(&dir.join("nilchan.trace")), groups(&dump)]);
        let row =
            rows.iter().find(|r| r.blocking_stack.iter().any(|f| &*f.function == func)).expect("the row");
        assert_eq!((row.counts.clone(), row.change), (vec![count, count], Change::Same), "{minor}");
        checked += 1;
    }
    assert!(checked >= 4, "expected nilchan samples of four releases, found {checked}");
}

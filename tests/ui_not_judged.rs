//! The suspects panel lists what no rule could judge, as the report does (egui_kittest): a
//! dump of a connection pool's 6 workers waiting in Get, under 10 and with no wait minutes,
//! has no suspect, yet the panel says it is no all-clear and names the group with its count,
//! wait and line; a healthy run's dump lists nothing of the kind. Checked against the
//! report's JSON of the same file.
#![cfg(feature = "gui")]

use crate::common;
use common::report_json::report;
use common::ui::{labels, open, sample};

#[test]
fn a_dump_with_groups_not_judged_names_them_and_says_no_all_clear() {
    let path = sample("services/go1.27/connpool.goroutine-2.txt");
    let rep = report(&path);
    let g = &rep["goroutines"]["not_judged"][0];
    let (count, reason) = (g["count"].as_u64().unwrap(), g["reason"].as_str().unwrap());
    let at = format!("{} connpool/main.go:{}", g["frame"]["function"].as_str().unwrap(), g["frame"]["line"]);
    assert_eq!(rep["suspects"].as_array().map(Vec::len), Some(0), "{rep}");
    let all = labels(&open(path));
    assert!(all.iter().any(|l| l.starts_with("No suspect, and no all-clear either")), "{all:#?}");
    assert!(all.iter().any(|l| l == &format!("Not judged ({count} goroutines)")), "{all:#?}");
    let entry = format!("{count} × {reason} at {at}");
    assert!(all.iter().any(|l| l == &entry), "no {entry:?} in {all:#?}");

    let healthy = labels(&open(sample("services/go1.27/connpool_fixed.goroutine-2.txt")));
    assert!(!healthy.iter().any(|l| l.starts_with("Not judged")), "{healthy:#?}");
}

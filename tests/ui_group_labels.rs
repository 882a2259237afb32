//! Goroutine group rows lead with where their goroutines wait, then the `go` statement that
//! made them (probe r28b: three groups made by one function read "main.main.func1
//! orders/主程序.go…" alike, their lines cut off). services/lockheld (Go 1.27): main makes
//! two groups that wait on one mutex at different lines; each row names its own, as the
//! report's suspects do (blocking line, creation line; a row counts all the site made, the
//! suspect those stuck).
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use crate::common;
use common::report_json::report;
use common::ui::{labels, open};

fn sample(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)
}

#[test]
fn sibling_groups_read_apart_by_where_they_wait() {
    let path = sample("services/go1.27/lockheld.trace");
    let r = report(&path);
    let h = open(path);
    let all = labels(&h);
    let mut rows = Vec::new();
    for s in r["suspects"].as_array().unwrap().iter().filter(|s| s["count"].as_u64() > Some(1)) {
        let at = s["blocking_stack"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["function"].as_str().unwrap().starts_with("main."))
            .unwrap();
        let made = &s["created_at"];
        let want = format!(
            "× {} :{} ← {} :{} (",
            at["function"].as_str().unwrap(),
            at["line"],
            made["function"].as_str().unwrap(),
            made["line"]
        );
        let row = all.iter().find(|l| l.contains(&want)).unwrap_or_else(|| panic!("{want:?} in {all:#?}"));
        rows.push(row.clone());
    }
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_ne!(rows[0], rows[1]);
}

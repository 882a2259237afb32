//! The window lists goroutines stuck inside C (programs/dumps/cgowait) under "not judged",
//! with the C function they are in and the program's line that called it, for the dump and
//! the trace alike (egui_kittest).
#![cfg(feature = "gui")]

use crate::common;
use common::ui::{labels, open_loaded as open, sample};

#[test]
fn goroutines_inside_c_are_named_in_the_window() {
    for rel in ["dumps/go1.27/cgowait.goroutine-2.txt", "dumps/go1.27/cgowait.trace"] {
        let h = open(sample(rel));
        let all = labels(&h);
        let entry =
            all.iter().find(|l| l.contains("inside the C function sdk_wait_reply called through cgo"));
        let entry = entry.unwrap_or_else(|| panic!("{rel}: {all:#?}"));
        assert!(entry.contains("main.handle") && entry.contains("main.go:33"), "{rel}: {entry}");
    }
}

//! The suspects panel on goroutines that wake and sleep again (egui_kittest, committed
//! samples): pollers left behind while more of their kind ended (`sleeppoll`) say how long
//! the ended ones lived, and a crowd asleep in one loop that no window saw made (`midpoll`,
//! traced in mid-life) is "At rest?" with both readings. The facts are the programs' own.
#![cfg(feature = "gui")]

use crate::common;
use common::report_json::expect_of;
use common::ui::{labels, open, sample, suspect_entries as entries};

#[test]
fn pollers_left_behind_say_how_long_the_ended_ones_lived() {
    let want = expect_of("sleeppoll");
    let h = &mut open(sample("go1.27/sleeppoll.trace"));
    let all = labels(h);
    let e = entries(&all);
    assert_eq!(e.len(), 1, "one suspect: {all:#?}");
    let count = want["groups"][0]["count_max"].as_u64().unwrap();
    assert!(e[0].starts_with(&format!("#1 · {count} × sleep")), "{:?}", e[0]);
    assert!(e[0].contains("Piling up"), "{:?}", e[0]);
    assert!(e[0].contains("Nine in ten of those that ended lived at most"), "{:?}", e[0]);
    assert!(!e[0].contains("At rest?"), "a pile seen growing is no hedge: {:?}", e[0]);
}

#[test]
fn a_crowd_asleep_in_one_loop_older_than_the_trace_is_at_rest_with_both_readings() {
    let want = expect_of("services/midpoll");
    let h = &mut open(sample("services/go1.27/midpoll.trace"));
    let all = labels(h);
    let e = entries(&all);
    assert_eq!(e.len(), 1, "the pool is none: {all:#?}");
    let said = format!("At rest? {} goroutines asleep at one time.Sleep call", want["count"]);
    assert!(e[0].contains(&said), "{:?} wanted {said:?}", e[0]);
    assert!(e[0].contains("in a loop nobody stops") && e[0].contains("retry's backoff"), "{:?}", e[0]);
}

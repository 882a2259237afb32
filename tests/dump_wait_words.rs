//! A goroutine profile (`debug=1` text, protobuf) prints no wait states: its groups are named
//! by their stacks, in the words Go's debug=2 traceback of the same moment prints
//! (`sync.Mutex.Lock`, `sync.WaitGroup.Wait`: Go 1.24+ dumps), not the bare "sync". And a
//! goroutine parked in `select {}` can never be woken: one traceback proves it, so it is a
//! suspect however few and young (the SIGQUIT samples' goroutine locked to its thread).

use std::collections::BTreeMap;
use std::path::Path;

use crate::common;
use common::report_json::report;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-traces"))
}

/// Go's own words per goroutine of a debug=2 dump, counted: `[sync.Mutex.Lock]` and the like,
/// minutes cut, the running writer left out.
fn go_words(dump: &str) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for header in dump.lines().filter(|l| l.starts_with("goroutine ") && l.ends_with("]:")) {
        let words = header.split_once(" [").map_or("", |(_, w)| w.trim_end_matches("]:"));
        let words = words.split(", ").next().unwrap_or(words);
        if words != "running" {
            *out.entry(words.to_string()).or_default() += 1;
        }
    }
    out
}

/// Our words for a profile's groups: suspects and groups not judged, counted.
fn our_words(rep: &serde_json::Value) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    let groups = rep["suspects"]
        .as_array()
        .unwrap()
        .iter()
        .chain(rep["goroutines"]["not_judged"].as_array().into_iter().flatten());
    for g in groups {
        *out.entry(g["reason"].as_str().unwrap().to_string()).or_default() += g["count"].as_u64().unwrap();
    }
    out
}

#[test]
fn a_profile_names_its_waits_as_the_traceback_of_the_same_moment() {
    let mut checked = 0;
    for v in ["1.24", "1.25", "1.26", "1.27"] {
        let dir = root().join(format!("go{v}"));
        let dump = std::fs::read_to_string(dir.join("deadlock.goroutine-2.txt")).unwrap();
        let want = go_words(&dump);
        assert!(
            want.contains_key("sync.Mutex.Lock") && want.contains_key("sync.WaitGroup.Wait"),
            "{v}: {want:?}"
        );
        for profile in ["deadlock.goroutine-1.txt", "deadlock.goroutine.pb.gz"] {
            let got = our_words(&report(&dir.join(profile)));
            assert_eq!(got, want, "{v} {profile}");
            checked += 1;
        }
    }
    assert_eq!(checked, 8);
}

#[test]
fn a_goroutine_in_an_empty_select_is_a_suspect_from_one_traceback() {
    let mut checked = 0;
    for v in ["1.19", "1.21", "1.27"] {
        let path = root().join(format!("dumps/go{v}/sigquit.txt"));
        let dump = std::fs::read_to_string(&path).unwrap();
        let pinned = dump
            .split("\n\n")
            .filter(|r| r.contains("[select (no cases)") && r.contains("\nmain.pinned("))
            .count();
        assert_eq!(pinned, 1, "{v}: Go's dump");
        let rep = report(&path);
        let s = rep["suspects"].as_array().unwrap().iter().find(|s| s["reason"] == "select (no cases)");
        let s = s.unwrap_or_else(|| panic!("{v}: no suspect in select (no cases): {rep}"));
        assert_eq!(s["count"], 1, "{v}: {s}");
        // Go 1.19's traceback prints the runtime's frames above it.
        let frames = s["blocking_stack"].as_array().unwrap();
        assert!(frames.iter().any(|f| f["function"] == "main.pinned"), "{v}: {s}");
        checked += 1;
    }
    assert_eq!(checked, 3);
}

/// A SIGQUIT dump says so (`dump.sigquit`, and a line of the text): the process was alive and
/// well enough to print, which a crash's traceback is not. Go's own line says it.
#[test]
fn a_sigquit_dump_says_it_is_one() {
    let mut checked = 0;
    for v in ["1.19", "1.21", "1.27"] {
        for (name, quit) in [("sigquit.txt", true), ("panic.txt", false)] {
            let path = root().join(format!("dumps/go{v}/{name}"));
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(text.lines().any(|l| l == "SIGQUIT: quit"), quit, "{v} {name}: Go's line");
            let rep = report(&path);
            assert_eq!(
                rep["dump"]["sigquit"].as_bool().unwrap_or(false),
                quit,
                "{v} {name}: {}",
                rep["dump"]
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 6);
}

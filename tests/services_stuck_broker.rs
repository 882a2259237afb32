//! A crowd on a channel names the goroutine it waits behind (`analysis/chan_server.rs`):
//! `services/stuckbroker` (Go 1.19 and 1.27), an event hub stuck sending to a subscriber that
//! stopped reading, with every producer blocked on the hub's input. The ids and lines come
//! from Go's own dump, read without our parser, and the program's `// EXPECT:` marks.

use crate::common;
use common::report_json::report;
use common::services::{expect, id_of, marked, records, root, runs, suspect_through};

/// The ids of Go's dump's goroutines in `[chan send]` whose stack calls `func` at `line`.
fn sending(text: &str, func: &str, line: u64) -> Vec<u64> {
    // An inlined frame prints no `+0x` offset after its line.
    let at = |end: char| format!("main.go:{line}{end}");
    let here = |r: &&str| r.contains(&at(' ')) || r.contains(&at('\n'));
    records(text, "chan send", func).into_iter().filter(here).map(id_of).collect()
}

#[test]
fn producers_behind_a_hub_stuck_in_a_send_name_the_hub_and_the_hub_is_a_suspect() {
    let e = expect("stuckbroker");
    let (producer, hub) = (e["producer_function"].as_str().unwrap(), e["hub_function"].as_str().unwrap());
    let (producers_at, hub_at) =
        (marked("stuckbroker", "producers wait"), marked("stuckbroker", "hub waits"));
    let mut checked = 0;
    for (minor, dir) in runs("stuckbroker", &["1.19", "1.27"]) {
        let text = std::fs::read_to_string(dir.join("stuckbroker.goroutine-2.txt")).unwrap();
        let waiting = sending(&text, producer, producers_at);
        assert_eq!(waiting.len() as u64, e["producers_waiting"].as_u64().unwrap(), "{minor}: Go's dump");
        let hubs = sending(&text, hub, hub_at);
        assert_eq!(hubs.len(), 1, "{minor}: Go's dump holds one hub stuck in its send");
        // The trace stops after the dump is written: one moment, the same ids.
        for file in ["stuckbroker.goroutine-2.txt", "stuckbroker.trace"] {
            let rep = report(&dir.join(file));
            let crowd = suspect_through(&rep, producer);
            assert_eq!(crowd["count"].as_u64(), Some(waiting.len() as u64), "{minor} {file}: {crowd}");
            let served = crowd["served_by"].as_array().unwrap_or_else(|| panic!("{minor} {file}: {crowd}"));
            assert_eq!(served.len(), 1, "{minor} {file}: only the hub: {crowd}");
            assert_eq!(served[0]["goroutine_id"].as_u64(), Some(hubs[0]), "{minor} {file}: {crowd}");
            assert_eq!(served[0]["state"], "chan send", "{minor} {file}: {crowd}");
            assert_eq!(served[0]["frame"]["function"], hub, "{minor} {file}: {crowd}");
            assert_eq!(served[0]["frame"]["line"].as_u64(), Some(hub_at), "{minor} {file}: {crowd}");
            // The hub alone is a suspect, however young the dump: what the crowd waits behind.
            let stuck = suspect_through(&rep, hub);
            assert_eq!(stuck["goroutine_ids"], serde_json::json!([hubs[0]]), "{minor} {file}: {stuck}");
            assert_eq!(stuck["holds_up"]["count"].as_u64(), Some(waiting.len() as u64), "{minor} {file}");
            assert_eq!(stuck["holds_up"]["function"], producer, "{minor} {file}: {stuck}");
            checked += 1;
        }
    }
    assert!(checked >= 4, "expected stuckbroker's dumps and traces of two releases, found {checked}");
}

/// No other service sample names a goroutine a channel crowd waits behind: the standard
/// library's own loops (a connection's writeLoop, a pool's cleaner) and the programs' idle
/// receivers (a limiter's refill loop between ticks) are no such goroutine.
#[test]
fn no_other_service_sample_names_what_a_crowd_waits_behind() {
    let mut looked = 0;
    for minor in ["1.19", "1.21", "1.27"] {
        let dir = root().join(format!("services/go{minor}"));
        for f in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = f.path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name.starts_with("stuckbroker")
                || !(name.ends_with(".trace") || name.ends_with("goroutine-2.txt"))
            {
                continue;
            }
            let rep = report(&path);
            for s in rep["suspects"].as_array().into_iter().flatten() {
                assert!(s["served_by"].is_null() && s["holds_up"].is_null(), "{name} ({minor}): {s}");
            }
            looked += 1;
        }
    }
    assert!(looked >= 100, "expected the service samples' traces and dumps, found {looked}");
}

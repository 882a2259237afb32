//! A mutex locked twice in one goroutine (`sample-traces/programs/services/relock`, Go 1.19,
//! 1.21 and 1.27 by `generate-services.sh`): a cache's get holds its mutex and calls a refresh
//! that locks it again, so the first request waits for the mutex it holds and 15 queue behind
//! it. In Go's dump every wait prints the same mutex address; the report names the holder
//! (the goroutine Go's dump shows in refresh, at the marked line) and says it locked the mutex
//! twice. A trace prints no addresses: it names the same holder, as a lead only.

mod common;
use common::report_json::report;
use common::services::{expect, id_of, marked, records, runs};

/// The mutex address Go printed for a record's `lockSlow`.
fn mutex_of(record: &str) -> &str {
    let at = record.find("(*Mutex).lockSlow(").unwrap_or_else(|| panic!("no lockSlow in {record}"));
    let args = &record[at + "(*Mutex).lockSlow(".len()..];
    &args[..args.find(')').unwrap()]
}

#[test]
fn a_mutex_locked_twice_names_its_holder_and_says_so() {
    let e = expect("relock");
    let mut checked = 0;
    for (minor, dir) in runs("relock", &["1.19", "1.21", "1.27"]) {
        let dump = dir.join("relock.goroutine-2.txt");
        let text = std::fs::read_to_string(&dump).unwrap();
        let reason = if minor == "1.19" { &e["reason_go119"] } else { &e["reason"] };
        let reason = reason.as_str().unwrap();
        let holder_fn = e["holder_function"].as_str().unwrap();
        // Go's words: one goroutine waits in refresh, the rest in get, all for one address.
        let waiting = records(&text, reason, e["blocking_function"].as_str().unwrap());
        let holder: Vec<&str> =
            waiting.iter().copied().filter(|r| r.contains(&format!("\n{holder_fn}("))).collect();
        assert_eq!(holder.len(), 1, "{minor}: one goroutine in refresh");
        assert_eq!(waiting.len() as u64, e["count"].as_u64().unwrap() + 1, "{minor}: Go's dump");
        let mutex = mutex_of(holder[0]);
        assert!(waiting.iter().all(|r| mutex_of(r) == mutex), "{minor}: one mutex");

        for (file, proven) in [(dump.clone(), true), (dir.join("relock.trace"), false)] {
            let what = format!("{minor} {}", file.display());
            let rep = report(&file);
            let crowd = &rep["suspects"][0];
            assert_eq!(crowd["count"].as_u64(), e["count"].as_u64(), "{what}: {crowd}");
            let at = crowd["blocking_stack"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["function"] == e["blocking_function"]);
            assert_eq!(
                at.and_then(|f| f["line"].as_u64()),
                Some(marked("relock", "queued")),
                "{what}: {crowd}"
            );
            let h = &crowd["lock_holders"][0];
            assert_eq!(h["goroutine_id"].as_u64(), Some(id_of(holder[0])), "{what}: {crowd}");
            assert_eq!(h["frame"]["function"], holder_fn, "{what}: {h}");
            assert_eq!(h["frame"]["line"].as_u64(), Some(marked("relock", "relocked")), "{what}: {h}");
            assert_eq!(h["same_lock"].as_bool(), proven.then_some(true), "{what}: {h}");
        }
        checked += 1;
    }
    assert!(checked >= 3, "relock of Go 1.19, 1.21 and 1.27: {checked}");
}

//! The standard library's `/debug/vars` (package `expvar`), fetched twelve times into one
//! file (programs/expvar): read as MemStats lines are, one point per answer, each point Go's
//! own `HeapAlloc` of that answer, with the program's facts: 8 MiB more cached and 25 more
//! goroutines between fetches, which the report calls heap growth.

use std::path::Path;

use goroscope::format::sniff::{FileKind, sniff};

#[test]
fn expvar_answers_appended_to_one_file_are_a_memory_log() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27/expvar.vars.log");
    let data = std::fs::read(&path).unwrap();
    assert_eq!(sniff(&data), FileKind::MemStats);
    // Go's numbers, from each answer's own JSON.
    let text = String::from_utf8(data.clone()).unwrap();
    let answers: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&text)
        .into_iter::<serde_json::Value>()
        .map(Result::unwrap)
        .collect();
    assert_eq!(answers.len(), 12, "the program fetched twelve times");
    let heap: Vec<u64> = answers.iter().map(|a| a["memstats"]["HeapAlloc"].as_u64().unwrap()).collect();
    let goroutines: Vec<u64> = answers.iter().map(|a| a["goroutines"].as_u64().unwrap()).collect();

    let m = goroscope::format::memstats::read(&data).unwrap();
    let ours: Vec<u64> = m.heap_alloc.points.iter().map(|p| p.1).collect();
    assert_eq!(ours, heap);
    assert_eq!(m.goroutines.points.iter().map(|p| p.1).collect::<Vec<_>>(), goroutines);
    let last_gc = answers.last().unwrap()["memstats"]["NumGC"].as_u64().unwrap();
    assert_eq!(u64::from(m.gc_count), last_gc);
    // The program's facts: 8 MiB cached and 25 goroutines leaked between fetches.
    for w in heap.windows(2) {
        assert!(w[1] >= w[0] + (7 << 20), "{heap:?}");
    }
    for w in goroutines.windows(2) {
        assert_eq!(w[1], w[0] + 25, "{goroutines:?}");
    }
    // Points never go back in time, and each is where its answer's last GC put it.
    assert!(m.heap_alloc.points.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(m.warnings.len(), 1, "only the note that answers carry no time: {:?}", m.warnings);

    // The report: heap growth, from the first answers' heap to the last ones', Go's numbers.
    let l = goroscope::load::load_file(&path, &goroscope::load::Progress::default()).unwrap();
    let j = serde_json::to_value(goroscope::report::report_json(&l)).unwrap();
    let g = j["findings"].as_array().unwrap().iter().find(|f| f["kind"] == "heap-growth").expect("growth");
    assert_eq!(g["source"], "memstats");
    let (from, to) = (g["from_bytes"].as_u64().unwrap(), g["to_bytes"].as_u64().unwrap());
    assert!(heap.contains(&from) && heap.contains(&to), "{g}");
    assert!(from <= 24 << 20 && to >= 64 << 20, "96 MiB cached in all: {g}");

    // A file cut inside its last answer keeps the whole ones, with a warning.
    let cut = &data[..data.len() - 2000];
    let m = goroscope::format::memstats::read(cut).unwrap();
    assert_eq!(m.heap_alloc.points.len(), 11);
    assert!(m.warnings.iter().any(|w| w.text().contains("cut short")), "{:?}", m.warnings);
}

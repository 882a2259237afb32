//! Fuzzes the Prometheus readers (a range query's JSON, `/metrics` scrapes in the text format)
//! and the report of the memory model they build.
#![no_main]

use goroscope::format::{prometheus, sniff::FileKind};
use goroscope::load::Loaded;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = goroscope::format::sniff::sniff(data);
    let Ok(m) = prometheus::read(data) else { return };
    let mut loaded = Loaded::new("fuzz.prom".into(), FileKind::Prometheus, data.len() as u64);
    loaded.memory = Some(m);
    let _ = goroscope::report::report_text(&loaded);
    let _ = serde_json::to_string(&goroscope::report::report_json(&loaded));
});

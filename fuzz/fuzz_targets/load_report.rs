//! Fuzzes the whole path a user's file takes: sniff, parse, build, analyse, report.
#![no_main]

use goroscope::load::{Progress, load_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(loaded) = load_bytes(std::path::Path::new("fuzz"), data, &Progress::default()) {
        let _ = goroscope::report::report_text(&loaded);
        let _ = serde_json::to_string(&goroscope::report::report_json(&loaded));
    }
});

//! Fuzzes the `GODEBUG=gctrace=1` log reader and the report of the memory model it builds.
#![no_main]

use goroscope::format::{gctrace, sniff::FileKind};
use goroscope::load::Loaded;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = goroscope::format::sniff::sniff(data);
    let Ok(m) = gctrace::read(data) else { return };
    let mut loaded = Loaded::new("fuzz.log".into(), FileKind::GcTrace, data.len() as u64);
    loaded.memory = Some(m);
    let _ = goroscope::report::report_text(&loaded);
    let _ = serde_json::to_string(&goroscope::report::report_json(&loaded));
});

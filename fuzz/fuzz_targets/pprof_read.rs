//! Fuzzes the pprof reader (gzip or raw protobuf, or `debug=1` text) and every analysis a
//! profile feeds: the top table of each sample type, the flame-graph tree, goroutine-profile
//! suspects and the report.
#![no_main]

use goroscope::analysis::{TopOptions, call_tree, profile_suspects, top_table};
use goroscope::format::{pprof, sniff::FileKind};
use goroscope::load::Loaded;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(p) = pprof::read(data) else { return };
    for t in 0..p.sample_types.len().min(8) {
        let _ = top_table(&p, t, &TopOptions::default());
        let _ = call_tree(&p, t);
    }
    let mut loaded = Loaded::new("fuzz.pb.gz".into(), FileKind::Pprof, data.len() as u64);
    loaded.suspects = profile_suspects(&p);
    loaded.profile = Some(p);
    let _ = goroscope::report::report_text(&loaded);
    let _ = serde_json::to_string(&goroscope::report::report_json(&loaded));
});

//! Fuzzes the goroutine-dump readers (tracebacks and `debug=1` profiles) and their grouping.
#![no_main]

use goroscope::load::{Progress, load_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A `debug=1` profile as it is; anything else after a traceback header, so the fuzzer
    // spends its time inside the dump readers rather than in the sniffer.
    let input = if data.starts_with(b"goroutine profile: total ") {
        data.to_vec()
    } else {
        let mut input = b"goroutine 1 [running]:\n".to_vec();
        input.extend_from_slice(data);
        input
    };
    let _ = load_bytes(std::path::Path::new("fuzz.txt"), &input, &Progress::default());
});

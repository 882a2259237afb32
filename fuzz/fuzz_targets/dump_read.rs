//! Fuzzes the goroutine-dump reader and its grouping.
#![no_main]

use goroscope::load::{Progress, load_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A dump header first, so the fuzzer spends its time inside the dump reader.
    let mut input = b"goroutine 1 [running]:\n".to_vec();
    input.extend_from_slice(data);
    let _ = load_bytes(std::path::Path::new("fuzz.txt"), &input, &Progress::default());
});

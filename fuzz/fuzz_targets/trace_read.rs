//! Fuzzes the execution-trace reader (both format families): any bytes after a valid header.
#![no_main]

use goroscope::format::trace::{self, Tables};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut tables = Tables::default();
    let mut n = 0u64;
    let _ = trace::read(data, &mut tables, &mut |_| true, &mut |_| n += 1);
});

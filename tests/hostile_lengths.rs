//! Lengths and counts read from a file never size an allocation: a 1 GiB string, ten million
//! frames, a 1 GiB batch, messages that decode to 40 times their bytes, a gzip bomb, a stack of
//! 300,000 frames (1,024 kept), JSON nested a million deep. Each is an error that says what and where, or
//! a load that keeps what is real. (Their memory: tests/memory_bound.rs.)

use std::path::Path;

use goroscope::load::{Progress, load_bytes};

use crate::common;

/// File name, and what its load must say.
const EXPECTED: &[(&str, &str)] = &[
    ("v1-string-1gib.trace", "string id 1 with bad length 1073741824"),
    ("v1-stack-10m-frames.trace", "has 10000000 frames (at most 1000)"),
    ("string-1gib.trace", "string length 1073741824 exceeds 1024"),
    ("stack-10m-frames.trace", "has 10000000 frames (max 128)"),
    ("batch-1gib.trace", "batch size 1073741824 exceeds the maximum of 65536"),
    ("string-1gib.pb", "the protobuf does not decode"),
    ("empty-samples.pb", "would take 576 MiB once decoded"),
    ("empty-samples-gzip.pb.gz", "(after gunzip): its 4194304 bytes would take 144 MiB"),
    // 4 MiB of ids from a 4 KB gzip: 31 MiB decoded, over 16 times the file plus 8 MiB.
    ("packed-ids-gzip.pb.gz", "(after gunzip): its 4194252 bytes would take 31 MiB once decoded"),
    ("gzip-bomb.pb.gz", "inflates past 4194304 bytes"),
    ("deep-stack.txt", "298976 frames past the first 1024 left out"),
    (
        "nested.jsonl",
        "line 1: expected one runtime.MemStats JSON object per line (with \"HeapAlloc\"): not JSON (recursion limit exceeded",
    ),
    ("huge-numbers.log", "line 2: skipped a gc line that does not parse"),
    ("numgc-leaps.jsonl", "200000 GC cycles"),
];

#[test]
fn claims_of_huge_sizes_are_errors_that_say_what_and_where() {
    let files = common::hostile::files();
    assert_eq!(files.len(), EXPECTED.len());
    let mut wrong = Vec::new();
    for (name, data) in files {
        let want = EXPECTED.iter().find(|(n, _)| *n == name).map(|(_, w)| *w).expect("listed");
        let got = match load_bytes(Path::new(&name), &data, &Progress::default()) {
            Ok(l) => {
                let mut s = goroscope::report::report_text(&l);
                if let Some(d) = &l.dump {
                    s += &format!("{} frames", d.stacks.frames(d.goroutines[0].stack).len());
                }
                if let Some(m) = &l.memory {
                    s += &format!("{} GC cycles", m.cycles.len());
                }
                s
            }
            Err(e) => {
                assert!(e.offset.is_some_and(|o| o <= data.len() as u64), "{name}: {e}");
                e.to_string()
            }
        };
        if !got.contains(want) {
            wrong.push(format!("{name}: expected {want:?} in:\n{got}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

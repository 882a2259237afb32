//! Files crafted to claim far more than they hold: huge lengths and counts, decodings that
//! amplify, numbers past every integer type. Hand-made bytes, allowed for error cases only.

use std::io::Write;

const MB: u64 = 1 << 20;

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

pub fn uvarint(mut n: u64, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A Go 1.26 trace whose one batch (of `body`) is announced as `size` bytes long, and the
/// generation's end.
pub fn v2_trace(body: &[u8], size: u64) -> Vec<u8> {
    let mut t = b"go 1.26 trace\0\0\0".to_vec();
    t.push(0x01);
    [1, 0, 1, size].iter().for_each(|&v| uvarint(v, &mut t));
    t.extend_from_slice(body);
    t.push(0x34);
    t
}

/// Files crafted to claim far more than they hold.
pub fn files() -> Vec<(String, Vec<u8>)> {
    let mut string = vec![0x04, 0x05, 0x01];
    uvarint(1 << 30, &mut string); // a 1 GiB string
    string.extend_from_slice(b"abc");
    let mut stack = vec![0x02, 0x03, 0x01];
    uvarint(10_000_000, &mut stack); // ten million frames
    stack.extend_from_slice(&[1, 2, 3, 4]);
    let mut deep_dump = b"goroutine 1 [chan send]:\n".to_vec();
    for i in 0..300_000 {
        deep_dump.extend_from_slice(format!("main.f{i}()\n\t/src/main.go:{i} +0x1d\n").as_bytes());
    }
    let mut v1 = b"go 1.21 trace\0\0\0\x41\x00\x01".to_vec();
    let (mut v1_string, mut v1_stack) = (v1.clone(), Vec::new());
    v1_string.extend_from_slice(&[0x25, 0x01]);
    uvarint(1 << 30, &mut v1_string);
    v1_string.extend_from_slice(b"abc");
    uvarint(1, &mut v1_stack);
    uvarint(10_000_000, &mut v1_stack);
    v1_stack.extend_from_slice(&[1, 2, 3, 4]);
    v1.push(0xc3);
    uvarint(v1_stack.len() as u64, &mut v1);
    v1.extend(v1_stack);
    vec![
        ("v1-string-1gib.trace".into(), v1_string),
        ("v1-stack-10m-frames.trace".into(), v1),
        ("string-1gib.trace".into(), v2_trace(&string, string.len() as u64)),
        ("stack-10m-frames.trace".into(), v2_trace(&stack, stack.len() as u64)),
        ("batch-1gib.trace".into(), v2_trace(&stack, 1 << 30)),
        ("string-1gib.pb".into(), pb_string_1gib()),
        ("empty-samples.pb".into(), [0x12, 0x00].repeat(8 * MB as usize)),
        ("empty-samples-gzip.pb.gz".into(), gzip(&[0x12, 0x00].repeat(2 * MB as usize))),
        ("packed-ids-gzip.pb.gz".into(), gzip(&packed_ids_profile(4 * MB as usize - 64))),
        ("gzip-bomb.pb.gz".into(), gzip(&vec![0u8; 64 * MB as usize])),
        ("deep-stack.txt".into(), deep_dump),
        (
            "nested.jsonl".into(),
            format!("{{\"HeapAlloc\":1,\"x\":{}\n", "[".repeat(MB as usize)).into_bytes(),
        ),
        ("huge-numbers.log".into(), huge_gc_lines()),
        ("numgc-leaps.jsonl".into(), numgc_leaps()),
    ]
}

/// A profile whose string table's second entry claims 1 GiB.
pub fn pb_string_1gib() -> Vec<u8> {
    let mut p = vec![0x0a, 0x04, 0x08, 0x01, 0x10, 0x02, 0x32, 0x00, 0x32];
    uvarint(1 << 30, &mut p);
    p.extend_from_slice(b"samples");
    p
}

/// One sample with `n` one-byte location ids: the densest real-looking decode.
pub fn packed_ids_profile(n: usize) -> Vec<u8> {
    let mut sample = vec![0x0a];
    uvarint(n as u64, &mut sample);
    sample.resize(sample.len() + n, 1);
    let mut p = vec![0x32, 0x00, 0x12]; // the string table's "", then the sample
    uvarint(sample.len() as u64, &mut p);
    p.extend(sample);
    p
}

/// Short MemStats lines whose `NumGC` leaps by 256: each would add a full ring of cycles.
pub fn numgc_leaps() -> Vec<u8> {
    (1..=200_000u64)
        .map(|i| format!("{{\"HeapAlloc\":{i},\"NumGC\":{}}}\n", i * 256))
        .collect::<String>()
        .into_bytes()
}

pub fn huge_gc_lines() -> Vec<u8> {
    let line = "gc 18446744073709551615 @99999999999.999s 100%: 9223372036854775807+1+1 ms clock, \
                1+1/1/1+1 ms cpu, 18446744073709551615->1->1 MB, 1 MB goal, 4294967295 P\n";
    let good = "gc 1 @0.012s 2%: 0.013+0.90+0.023 ms clock, 0.10+0.34/0.85/0.55+0.18 ms cpu, 4->4->0 MB, 5 MB goal, 8 P\n";
    (good.to_string() + &line.repeat(20_000)).into_bytes()
}

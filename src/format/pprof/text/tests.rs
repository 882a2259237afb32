//! Error cases and header variants, with hand-made bytes (real profiles are in
//! tests/pprof_text.rs): what the reader refuses, what it skips with a warning, and pprof's
//! arithmetic on values it can check by hand.

use super::*;

fn values(m: &ProfileModel) -> Vec<i64> {
    m.values.clone()
}

#[test]
fn unsampled_and_v2_headers() {
    // `heapprofile`: every allocation recorded, no scaling; totals equal: two types.
    let m = read(
        b"heap profile: 2: 64 [2: 64] @ heapprofile\n2: 64 [2: 64] @ 0x1\n#\t0x0\tmain.f+0x0\t/x.go:3\n",
    )
    .unwrap();
    assert_eq!(m.sample_types.len(), 2);
    assert_eq!(m.type_name(m.default_type), "space");
    assert_eq!(values(&m), [2, 64]);
    // `heap_v2/R`: R is the rate as written; one 1 MiB object at R = 512 KiB is scaled by
    // 1 / (1 - e^-2).
    let text =
        b"heap profile: 1: 1048576 [2: 2097152] @ heap_v2/524288\n1: 1048576 [2: 2097152] @ 0x1\n#\t0x0\n";
    let m = read(text).unwrap();
    let scale = 1.0 / (1.0 - (-2.0f64).exp());
    assert_eq!(m.sample_types.len(), 4);
    assert_eq!(values(&m)[..2], [(2.0 * scale) as i64, (2097152.0 * scale) as i64]);
    assert_eq!(m.period, 524288);
}

#[test]
fn a_header_that_is_not_one_is_an_error_at_its_byte() {
    let e = read(b"\n\nheap profile: x\n").unwrap_err();
    assert_eq!(e.offset, 2);
    assert!(e.message.contains("line 3: expected a text profile's first line"), "{}", e.message);
    assert!(read(b"").is_err());
    assert!(read(b"heap profile: 1: 2 [1: 2] @ growthz/1\n").is_err());
}

#[test]
fn a_bad_record_is_skipped_with_its_frames() {
    let text = b"--- mutex:\ncycles/second=1000000000\nsampling period=2\nbogus=1\n\
                 10 1 @ 0x2\n#\t0x1\tmain.a+0x1\t/a.go:1\n\nx y @ 0x3\n#\t0x2\tmain.b+0x1\t/b.go:2\n\n";
    let m = read(text).unwrap();
    assert_eq!(m.samples.len(), 1);
    // contentions = 1 × period 2; delay = 10 cycles × 2 / (1 cycle per ns).
    assert_eq!(values(&m), [2, 20]);
    let w: Vec<&str> = m.warnings.iter().map(|w| w.text()).collect();
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(w[0].starts_with("line 4: skipped \"bogus=1\""), "{w:?}");
    assert!(w[1].starts_with("line 8: skipped \"x y @ 0x3\": not a sample line"), "{w:?}");
    assert_eq!(m.functions.len(), 1, "the skipped record's frames are not kept");
}

#[test]
fn inlined_frames_share_a_location_and_recursion_does_not() {
    // g inlined into f (same entry 0x100), f calling itself (two PCs in f), then main.
    let text = b"heap profile: 1: 8 [1: 8] @ heap_v2/1\n1: 8 [1: 8] @ 0x111 0x121 0x211\n\
                 #\t0x110\tmain.g+0x10\t/a.go:1\n#\t0x110\tmain.f+0x10\t/a.go:5\n\
                 #\t0x120\tmain.f+0x20\t/a.go:6\n#\t0x210\tmain.main+0x10\t/a.go:9\n\n";
    let m = read(text).unwrap();
    let s = m.samples[0];
    let locs = m.sample_locations(&s).to_vec();
    assert_eq!(locs.len(), 3);
    let lines: Vec<usize> = locs.iter().map(|&l| m.location_lines(l).len()).collect();
    assert_eq!(lines, [2, 1, 1]);
}

#[test]
fn a_zero_count_with_bytes_is_not_a_sample() {
    let m = read(b"heap profile: 0: 0 [0: 0] @ heap/1048576\n0: 8 [0: 0] @ 0x1\n#\t0x0\n").unwrap();
    assert!(m.samples.is_empty());
    assert_eq!(m.warnings.len(), 1);
}

#[test]
fn a_memstats_line_cut_short_is_left_out() {
    let text = b"heap profile: 1: 8 [1: 8] @ heap/1048576\n1: 8 [1: 8] @ 0x1\n#\t0x0\n\n# runtime.MemStats\n# HeapAlloc = 25570336\n# NextGC = 489";
    let m = read(text).unwrap();
    let stats = m.memstats.as_ref().unwrap();
    assert_eq!((stats.heap_alloc, stats.next_gc), (Some(25570336), None));
    assert_eq!(m.warnings.len(), 1);
}

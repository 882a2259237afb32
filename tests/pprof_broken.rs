//! Profiles that are not what they claim: each gives an error that says what and where,
//! never a panic. Plus the profile kinds beyond goroutine and heap, the flame-graph tree and
//! the suspects of goroutine and goroutineleak profiles.

use std::io::Write;
use std::path::Path;

use goroscope::analysis::{TopOptions, call_tree, profile_suspects, top_table};
use goroscope::format::pprof;
use goroscope::load::{LoadError, Progress, load_bytes};

use crate::common;

fn sample(rel: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)).unwrap()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn load(data: &[u8]) -> Result<goroscope::load::Loaded, LoadError> {
    load_bytes(Path::new("x.pb.gz"), data, &Progress::default())
}

#[test]
fn html_page_is_not_a_profile() {
    let e = load(b"<!DOCTYPE html><html><body>404</body></html>").unwrap_err();
    assert_eq!(e.offset, Some(0));
    assert!(e.message.contains("unknown kind"), "{e}");
}

#[test]
fn truncated_gzip_says_where() {
    let good = sample("go1.27/heapgrow.heap.pb.gz");
    for cut in [10, good.len() / 2, good.len() - 4] {
        let e = load(&good[..cut]).unwrap_err();
        assert!(e.message.contains("gzip stream is truncated"), "{cut}: {e}");
        assert!(e.offset.unwrap() <= cut as u64, "{e}");
    }
}

#[test]
fn gzip_of_something_else() {
    let e = load(&gzip(b"goroutine profile: total 3\n3 @ 0x1\n")).unwrap_err();
    assert!(
        e.message.contains("not a pprof profile (after gunzip): the gzip stream holds a goroutine dump"),
        "{e}"
    );
    let e = load(&gzip(&sample("go1.27/chansend.goroutine-2.txt"))).unwrap_err();
    assert!(e.message.contains("holds a goroutine dump; gunzip it"), "{e}");
    let e = load(&gzip(&sample("go1.21/deadlock.trace"))).unwrap_err();
    assert!(e.message.contains("holds a Go execution trace"), "{e}");
    let e = load(&gzip(&sample("go1.27/profiles.gctrace.log"))).unwrap_err();
    assert!(e.message.contains("holds a gctrace log"), "{e}");
    // Gzip of bytes that are nothing known: the protobuf error, with the offset.
    let e = load(&gzip(b"hello, this is not a profile at all\n")).unwrap_err();
    assert!(e.message.contains("not a pprof profile (after gunzip): the protobuf does not decode"), "{e}");
    assert_eq!(e.offset, Some(0));
    let e = load(&gzip(b"{\"HeapAlloc\": 1}")).unwrap_err();
    assert!(e.message.contains("not a pprof profile"), "{e}");
}

#[test]
fn json_file_is_not_a_profile() {
    let e = load(b"{\n  \"samples\": [1, 2, 3]\n}\n").unwrap_err();
    assert!(e.message.contains("unknown kind"), "{e}");
}

#[test]
fn gzip_bomb_is_refused() {
    let zeros = vec![0u8; 40 << 20];
    let bomb = gzip(&zeros);
    assert!(pprof::max_inflated(bomb.len()) < zeros.len() as u64);
    let e = pprof::read(&bomb).unwrap_err();
    assert!(e.message.contains("gzip bomb"), "{e}");
}

#[test]
fn every_prefix_and_flipped_byte_is_an_error_or_a_profile() {
    let raw = pprof::gunzip(&sample("go1.27/chansend.goroutine.pb.gz")).unwrap();
    assert!(pprof::looks_like_raw(&raw));
    assert!(pprof::read(&raw).is_ok());
    for cut in 0..raw.len() {
        let _ = pprof::read(&raw[..cut]);
    }
    for i in 0..raw.len() {
        let mut b = raw.clone();
        b[i] ^= 0xa5;
        let _ = pprof::read(&b);
    }
}

#[test]
fn kinds_beyond_goroutine_and_heap_load() {
    for (file, default, top) in [
        ("go1.27/profiles.cpu.pb.gz", "cpu", "main.spin"),
        ("go1.27/profiles.allocs.pb.gz", "alloc_space", "main.churn"),
        ("go1.22/profiles.cpu.pb.gz", "cpu", "main.spin"),
    ] {
        let p = pprof::read(&sample(file)).unwrap();
        assert_eq!(p.type_name(p.default_type), default, "{file}");
        let t = top_table(&p, p.default_type, &TopOptions::default());
        assert_eq!(t.entries[0].name, top, "{file}");
    }
    for file in ["go1.27/profiles.block.pb.gz", "go1.27/profiles.mutex.pb.gz"] {
        let p = pprof::read(&sample(file)).unwrap();
        assert_eq!(p.type_name(p.default_type), "delay", "{file}");
        assert!(p.total(0) > 0, "{file}: no contentions");
    }
}

#[test]
fn heap_defaults_to_inuse_space_and_types_change_the_top() {
    let p = pprof::read(&sample("go1.27/heapgrow.heap.pb.gz")).unwrap();
    assert_eq!(p.type_name(p.default_type), "inuse_space");
    let top = |name: &str| {
        top_table(&p, p.type_index(name).unwrap(), &TopOptions::default()).entries[0].name.clone()
    };
    assert_eq!(top("inuse_space"), "main.remember");
    assert_eq!(top("alloc_space"), "main.recycle");
}

#[test]
fn call_tree_sums_and_orders() {
    let p = pprof::read(&sample("go1.27/heapgrow.heap.pb.gz")).unwrap();
    let t = p.default_type;
    let tree = call_tree(&p, t);
    let root = tree.root().unwrap();
    assert_eq!(root.total, p.total(t));
    for n in &tree.nodes {
        let kids: i64 = n.children.iter().map(|&c| tree.node(c).unwrap().total).sum();
        assert_eq!(n.total, n.self_value + kids);
        let totals: Vec<i64> = n.children.iter().map(|&c| tree.node(c).unwrap().total).collect();
        assert!(totals.windows(2).all(|w| w[0] >= w[1]));
    }
    let first = tree.node(root.children[0]).unwrap();
    assert_eq!(tree.name(first), "runtime.main");
    let leaf = tree.nodes.iter().position(|n| tree.name(n) == "main.remember").unwrap() as u32;
    let path: Vec<&str> = tree.path(leaf).iter().map(|&i| tree.name(tree.node(i).unwrap())).collect();
    assert_eq!(path.first(), Some(&"runtime.main"));
    assert_eq!(path.last(), Some(&"main.remember"));
    assert_eq!(call_tree(&p, t), tree, "deterministic");
}

#[test]
fn goroutine_profiles_give_suspects() {
    let p = pprof::read(&sample("go1.27/chansend.goroutine.pb.gz")).unwrap();
    let s = profile_suspects(&p);
    assert_eq!(s.len(), 1);
    assert_eq!((s[0].count, s[0].reason.as_str()), (2000, "chan send"));
    assert_eq!(&*s[0].blocking_frame().unwrap().function, "main.sender");
    let p = pprof::read(&sample("go1.27/chansend_fixed.goroutine.pb.gz")).unwrap();
    assert!(profile_suspects(&p).is_empty());
    let p = pprof::read(&sample("go1.27/profiles.goroutineleak.pb.gz")).unwrap();
    let s = profile_suspects(&p);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!((s[0].count, s[0].state.as_str(), s[0].reason.as_str()), (5, "leaked", "chan send"));
    assert_eq!(&*s[0].blocking_frame().unwrap().function, "main.leak.func1");
}

/// Compressed and raw profiles cut at 10/50/90 %, zeroed at a third, with a wrong header: a
/// clear error naming the byte, never a profile that silently lost samples.
#[test]
fn damaged_samples_name_the_damage() {
    let gz = sample("go1.27/profiles.cpu.pb.gz");
    for (what, bytes) in common::damaged(&gz) {
        let words = ["gzip stream is truncated", "gzip stream is corrupt", common::UNKNOWN_KIND];
        common::assert_named(&format!("cpu.pb.gz {what}"), &bytes, &[], &words);
    }
    let raw = pprof::gunzip(&sample("go1.27/heapgrow.heap.pb.gz")).unwrap();
    for (what, bytes) in common::damaged(&raw) {
        let name = format!("heap.pb {what}");
        match load(&bytes) {
            // Zeroes are valid protobuf (field 0 is refused, but a zeroed string is a string).
            Ok(l) => assert!(what.starts_with("256"), "{name}: loaded {:?}", l.warnings),
            Err(e) => {
                assert_eq!(e.offset, Some(0), "{name}: {e}");
                let words = ["not a pprof profile", "string table", "values", common::UNKNOWN_KIND];
                assert!(words.iter().any(|w| e.message.contains(w)), "{name}: {e}");
            }
        }
    }
}

#[test]
fn messages_that_decode_to_far_more_than_their_bytes_are_refused() {
    // Two bytes each on the wire, 72 in memory: refused before decoding.
    let e = pprof::read(&[0x12, 0x00].repeat(8 << 20)).unwrap_err();
    assert!(e.message.contains("would take 576 MiB once decoded"), "{e}");
    let e = pprof::read(&gzip(&[0x12, 0x00].repeat(2 << 20))).unwrap_err();
    assert!(e.message.starts_with("not a usable pprof profile (after gunzip)"), "{e}");
    // Real profiles stay far below the budget.
    for f in ["go1.27/profiles.cpu.pb.gz", "go1.27/heapgrow.heap.pb.gz", "go1.22/chansend.goroutine.pb.gz"] {
        let raw = pprof::gunzip(&sample(f)).unwrap();
        let ratio = pprof::budget::profile_cost(&raw) as f64 / raw.len() as f64;
        assert!(ratio < 8.0, "{f}: decodes to {ratio:.1} times its size");
    }
}

/// Values at the ends of i64 and ids past u32: sums wrap as Go's int64 does (pprof's own
/// arithmetic), nothing panics, and every view of the profile can be built.
#[test]
fn extreme_values_and_ids() {
    use goroscope::format::pprof::proto::{Function, Line, Location, Profile, Sample, ValueType};
    let p = Profile {
        string_table: ["", "samples", "count", "main.f"].map(String::from).to_vec(),
        sample_type: vec![ValueType { r#type: 1, unit: 2 }],
        function: vec![Function { id: u64::MAX, name: 3, ..Default::default() }],
        location: vec![Location {
            id: 1 << 40,
            line: vec![Line { function_id: u64::MAX, line: i64::MIN, column: 0 }],
            ..Default::default()
        }],
        sample: [i64::MAX, i64::MAX, i64::MIN, -1]
            .map(|v| Sample { location_id: vec![1 << 40, 1 << 40, 7], value: vec![v], label: vec![] })
            .to_vec(),
        ..Default::default()
    };
    let raw = prost::Message::encode_to_vec(&p);
    let l = load(&raw).unwrap();
    let m = l.profile.as_ref().unwrap();
    let t = top_table(m, 0, &TopOptions::default());
    assert_eq!(t.entries[0].name, "main.f");
    let tree = call_tree(m, 0);
    assert!(tree.root().is_some());
    goroscope::report::report_text(&l);
    serde_json::to_string(&goroscope::report::report_json(&l)).unwrap();
    assert!(l.warnings.iter().any(|w| w.contains("references to missing locations")), "{:?}", l.warnings);
}

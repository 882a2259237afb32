//! Unit tests on real sample profiles; `tests/diff_pprof.rs` compares whole tables with
//! `go tool pprof -top -diff_base`.

use super::*;
use crate::model::ProfileModel;

fn sample(rel: &str) -> ProfileModel {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel);
    crate::format::pprof::read(&std::fs::read(&path).unwrap()).unwrap()
}

#[test]
fn a_profile_against_itself_shows_nothing() {
    let p = sample("go1.27/chansend.heap.pb.gz");
    for t in 0..p.sample_types.len() {
        let d = diff_top(&p, &p, t, &TopOptions::default()).unwrap();
        assert!(d.entries.is_empty(), "{}: {:?}", p.type_name(t), d.entries.first());
        assert_eq!(d.totals[0], d.totals[1]);
        assert_eq!(d.total, p.total(t));
        let tree = diff_call_tree(&p, &p, t).unwrap();
        assert!(tree.nodes.iter().all(|n| n.delta() == 0));
        assert_eq!(tree.root().map(|r| r.after), Some(tree.nodes[0].before));
    }
}

#[test]
fn before_and_after_add_up_to_the_delta() {
    let (base, new) = (sample("go1.27/chansend_fixed.heap.pb.gz"), sample("go1.27/chansend.heap.pb.gz"));
    let t = new.type_index("alloc_space").unwrap();
    let d = diff_top(&base, &new, t, &TopOptions::default()).unwrap();
    assert!(d.entries.len() >= 5, "{d:?}");
    for e in &d.entries {
        assert_eq!(e.after().0 - e.before().0, e.flat_delta, "{}", e.name);
        assert_eq!(e.after().1 - e.before().1, e.cum_delta, "{}", e.name);
    }
    assert_eq!(d.totals, vec![base.total(t), new.total(t)]);
    assert_eq!(d.total, base.total(t), "percentages are of the base");
}

#[test]
fn the_tree_holds_both_profiles() {
    let (base, new) =
        (sample("go1.27/chansend_fixed.goroutine.pb.gz"), sample("go1.27/chansend.goroutine.pb.gz"));
    let tree = diff_call_tree(&base, &new, 0).unwrap();
    let root = tree.root().unwrap();
    assert_eq!((root.before, root.after), (base.total(0), new.total(0)));
    let sender = tree.nodes.iter().find(|n| tree.name(n) == "main.sender").unwrap();
    assert_eq!((sender.before, sender.after, sender.delta()), (0, 2000, 2000));
    // Children are laid out by the new profile's widths.
    let widths: Vec<i64> = root.children.iter().map(|&c| tree.nodes[c as usize].after.abs()).collect();
    assert!(widths.windows(2).all(|w| w[0] >= w[1]), "{widths:?}");
}

#[test]
fn different_sample_types_name_both() {
    let (heap, goroutine) = (sample("go1.27/chansend.heap.pb.gz"), sample("go1.27/chansend.goroutine.pb.gz"));
    let e = diff_top(&heap, &goroutine, 0, &TopOptions::default()).unwrap_err();
    assert!(e.contains("goroutine/count") && e.contains("inuse_space/bytes"), "{e}");
    let e = diff_call_tree(&goroutine, &heap, 0).unwrap_err();
    assert!(e.contains("goroutine/count") && e.contains("alloc_objects/count"), "{e}");
}

#[test]
fn normalize_scales_the_new_profile_to_the_base() {
    let (base, new) = (sample("go1.27/chansend_fixed.heap.pb.gz"), sample("go1.27/chansend.heap.pb.gz"));
    let t = new.type_index("alloc_space").unwrap();
    let d = series_top(&[&base, &new], t, &TopOptions::default(), true).unwrap();
    // Rounding each sample moves the sum by at most half a unit per sample.
    let slack = new.samples.len() as i64;
    assert!((d.totals[1] - d.totals[0]).abs() <= slack, "{:?}", d.totals);
    // The flame graph agrees with the table.
    let tree = diff_call_tree_with(&base, &new, t, true).unwrap();
    let root = tree.root().unwrap();
    assert!((root.after - root.before).abs() <= slack, "{root:?}");
    for e in &d.entries {
        let after: i64 = tree.nodes.iter().filter(|n| tree.name(n) == e.name).map(|n| n.after_self).sum();
        assert_eq!(after, e.after().0, "{}", e.name);
    }
}

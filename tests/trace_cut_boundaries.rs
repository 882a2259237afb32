//! A trace cut exactly between two batches (a crashed writer, a copy that stopped) must never
//! read as a whole, healthy trace: every cut at a batch boundary of every Go 1.22+ sample's
//! first and last generations loads with a warning or fails with an offset, unless the cut
//! lands where a whole trace may end (after a 1.26+ `EndOfGeneration` byte).

use goroscope::format::trace::batch_boundaries;

use crate::common;
use common::read;

#[test]
fn cuts_at_batch_boundaries_are_reported() {
    let mut checked = 0;
    let mut silent = Vec::new();
    for path in common::all_traces() {
        let data = std::fs::read(&path).unwrap();
        let items = batch_boundaries(&data);
        if items.is_empty() {
            continue; // Go 1.11-1.21: tests/trace_v1_broken.rs
        }
        let minor = goroscope::format::trace::header::parse_header(&data).unwrap();
        let gens: Vec<u64> = items.iter().map(|i| i.1).filter(|&g| g > 0).collect();
        let (first, last) = (gens[0], *gens.last().unwrap());
        for (k, &(offset, gn)) in items.iter().enumerate() {
            // Cut before this item: everything before it is whole.
            let prev_is_end = k > 0 && items[k - 1].1 == 0;
            // Before Go 1.26 nothing marks a generation's end: a cut exactly between two
            // generations leaves a shorter whole trace (go-trace-format.md §3.11).
            let gen_boundary = k > 0 && items[k - 1].1 != gn && minor < 26;
            let near = gn == first || gn + 1 >= last || (gn == 0 && k + 1 == items.len());
            if k == 0 || !near || prev_is_end || gen_boundary {
                continue;
            }
            let cut = &data[..offset as usize];
            let (r, _) = read(cut);
            checked += 1;
            match r {
                Ok(s) if s.warnings.is_empty() => {
                    silent.push(format!("{} cut at {offset} (gen {gn})", path.display()))
                }
                _ => {}
            }
        }
    }
    assert!(checked > 200, "only {checked} cuts checked");
    assert!(
        silent.is_empty(),
        "{} of {checked} cuts read as whole traces:\n{}",
        silent.len(),
        silent.join("\n")
    );
}

/// The timeline shades what a cut may have lost: from the start of the generation the cut
/// went through to the end. A whole trace has nothing to shade.
#[test]
fn a_cut_trace_says_where_its_loss_begins() {
    use goroscope::load::{Progress, load_trace};
    let mut checked = 0;
    for path in common::all_traces().iter().filter(|p| p.to_string_lossy().contains("leakgrow")) {
        let data = std::fs::read(path).unwrap();
        let whole = load_trace(&data, &Progress::default()).unwrap();
        assert_eq!(whole.lost_from_ns, None, "{}", path.display());
        let cut = load_trace(&data[..data.len() * 9 / 10], &Progress::default()).unwrap();
        let from = cut.lost_from_ns.unwrap_or_else(|| panic!("{}: no lost range", path.display()));
        assert!(
            from >= 0 && from < cut.duration_ns,
            "{}: {from} outside 0..{}",
            path.display(),
            cut.duration_ns
        );
        checked += 1;
    }
    // Go 1.19, 1.21, 1.22, 1.27: Go 1.23–1.26 keep no leakgrow sample (room under 30 MB).
    assert!(checked >= 4, "leakgrow in four releases: {checked}");
}

//! Text profiles (`debug=1`: heap, mutex, block) read as `go tool pprof` reads their protobuf.
//! programs/textprofiles writes each profile as text and, at once, as protobuf: the same
//! records. For every sample type, our top table of the text equals `go tool pprof -top` of
//! the protobuf (saved by generate-profiles.sh), on Go 1.22 (stacks unwound by the runtime)
//! and Go 1.27 (frame pointers, inlined calls expanded). The text carries no names of its
//! own for pprof (it needs the binary): we read the frames Go printed under each record.

use std::path::{Path, PathBuf};

use crate::common;

use common::pprof_text;
use goroscope::analysis::{TopOptions, top_table};

fn texts() -> Vec<PathBuf> {
    common::release_files("", |n| {
        n.starts_with("textprofiles.")
            && [".heap.txt", ".mutex.txt", ".block.txt"].iter().any(|s| n.ends_with(s))
    })
}

#[test]
fn text_profiles_give_pprofs_tables_of_their_protobuf() {
    let files = texts();
    assert!(
        files.len() >= 6,
        "expected heap, mutex and block texts of Go 1.22 and 1.27, found {}",
        files.len()
    );
    let (mut checked, mut failures) = (0, Vec::new());
    for f in &files {
        let p = goroscope::format::pprof::read(&std::fs::read(f).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert!(p.warnings.is_empty(), "{}: {:?}", f.display(), p.warnings);
        let proto = PathBuf::from(f.to_str().unwrap().replace(".txt", ".pb.gz"));
        let q = goroscope::format::pprof::read(&std::fs::read(&proto).unwrap()).unwrap();
        let names = |m: &goroscope::model::ProfileModel| -> Vec<String> {
            (0..m.sample_types.len()).map(|t| format!("{}/{}", m.type_name(t), m.type_unit(t))).collect()
        };
        assert_eq!(names(&p), names(&q), "{}: sample types", f.display());
        assert!(!p.samples.is_empty() && !p.functions.is_empty(), "{}", f.display());
        for t in 0..p.sample_types.len() {
            let golden = proto.to_str().unwrap().replace(".pb.gz", &format!(".top-{}.txt", p.type_name(t)));
            let text = std::fs::read_to_string(&golden).unwrap_or_else(|e| panic!("{golden}: {e}"));
            let want: Vec<&str> = text.lines().skip_while(|l| !l.starts_with("Showing nodes")).collect();
            let o = TopOptions { node_count: 1000, ..TopOptions::default() };
            let got = pprof_text::render_top(&top_table(&p, t, &o), p.type_unit(t));
            if got != want {
                failures.push(pprof_text::mismatch(Path::new(&golden), &got, &want));
            }
            checked += 1;
        }
    }
    // Four heap types, two each for mutex and block, on two releases.
    assert!(checked >= 16, "{checked} tables");
    assert!(failures.is_empty(), "{} of {checked} tables differ:\n{}", failures.len(), failures.join("\n"));
}

/// `goroscope diff TEXT PROTOBUF` of one moment: nothing grew, so `--fail-on-growth` passes.
#[test]
fn a_text_and_its_protobuf_diff_as_the_same_profile() {
    let files = texts();
    assert!(files.len() >= 6);
    for f in &files {
        let proto = PathBuf::from(f.to_str().unwrap().replace(".txt", ".pb.gz"));
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let opts = goroscope::report::DiffOptions { json: true, fail_on_growth: true, ..Default::default() };
        let code = goroscope::report::run_diff(&[f.clone(), proto], &opts, &mut out, &mut err);
        let out = String::from_utf8(out).unwrap();
        assert_eq!(code, 0, "{}: {out}{}", f.display(), String::from_utf8_lossy(&err));
        let j: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(j["kind"], "profile", "{}", f.display());
    }
}

/// A text file cut inside its last record loses that record, says so, and keeps the rest.
#[test]
fn a_cut_text_profile_loads_what_is_whole() {
    let f =
        texts().into_iter().find(|f| f.to_str().unwrap().ends_with("go1.27/textprofiles.block.txt")).unwrap();
    let data = std::fs::read(&f).unwrap();
    let whole = goroscope::format::pprof::read(&data).unwrap();
    // Cut in the middle of the last record's last frame line.
    let end = data.iter().rposition(|&b| b == b'#').unwrap() + 5;
    let cut = goroscope::format::pprof::read(&data[..end]).unwrap();
    assert_eq!(cut.samples.len() + 1, whole.samples.len());
    assert_eq!(cut.warnings.len(), 1, "{:?}", cut.warnings);
    assert!(cut.warnings[0].text().contains("ends in the middle of this line"), "{}", cut.warnings[0].text());
}

/// The MemStats Go prints after a text heap profile become the report's `heap` and
/// `profile.memstats`: Go's own numbers, and the program's facts (24 MiB cached and kept,
/// two GCs forced before the profile).
#[test]
fn a_text_heap_profile_reports_its_memstats() {
    let heaps: Vec<PathBuf> =
        texts().into_iter().filter(|f| f.to_str().unwrap().ends_with(".heap.txt")).collect();
    assert!(heaps.len() >= 2, "{heaps:?}");
    for f in &heaps {
        let text = std::fs::read_to_string(f).unwrap();
        let go = |name: &str| -> u64 {
            let line = text.lines().find(|l| l.starts_with(&format!("# {name} = "))).unwrap();
            line.rsplit(' ').next().unwrap().parse().unwrap()
        };
        let l = goroscope::load::load_file(f, &goroscope::load::Progress::default()).unwrap();
        let j = serde_json::to_value(goroscope::report::report_json(&l)).unwrap();
        let name = f.display();
        assert_eq!(j["heap"]["max_heap_alloc_bytes"], go("HeapAlloc"), "{name}");
        assert_eq!(j["heap"]["last_heap_goal_bytes"], go("NextGC"), "{name}");
        assert_eq!(j["heap"]["gc_cycles"], go("NumGC"), "{name}");
        let m = &j["profile"]["memstats"];
        assert_eq!(m["heap_inuse_bytes"], go("HeapInuse"), "{name}");
        assert_eq!(m["heap_released_bytes"], go("HeapReleased"), "{name}");
        assert!(m["heap_alloc_bytes"].as_u64().unwrap() >= 24 << 20, "{name}: the 24 MiB cache is in use");
        assert!(m["num_forced_gc"].as_u64().unwrap() >= 2, "{name}: the program forced two GCs");
        let f = m["gc_cpu_fraction"].as_f64().unwrap();
        assert!(f > 0.0 && f < 1.0, "{name}: {f}");
    }
    // The mutex and block texts have no MemStats.
    let mutex = texts().into_iter().find(|f| f.to_str().unwrap().ends_with(".mutex.txt")).unwrap();
    let p = goroscope::format::pprof::read(&std::fs::read(mutex).unwrap()).unwrap();
    assert!(p.memstats.is_none());
}

//! The group diff on real samples: a trace and the dumps and goroutine profile written right
//! after it stopped (the same goroutines, sample-traces/README.md) must give each planted
//! group as one row with the same count in every file, whatever each source shows of the
//! stack, the reason and the creation site.

use std::path::{Path, PathBuf};

use goroscope::analysis::classify::wait_family;
use goroscope::analysis::group_diff::{Change, GroupChange, diff_groups};
use goroscope::load::{Progress, load_file};
use serde_json::Value;

fn groups(path: &Path) -> Vec<goroscope::analysis::group_diff::GoroutineGroup> {
    let l = load_file(path, &Progress::default()).unwrap_or_else(|e| panic!("{e}"));
    l.goroutine_groups().unwrap_or_else(|| panic!("{}: no goroutine groups", path.display()))
}

/// The row of a planted group: its user blocking function and its creator.
fn planted<'a>(rows: &'a [GroupChange], expected: &Value) -> Option<&'a GroupChange> {
    let func = expected["blocking_function"].as_str().unwrap();
    let creator = expected["created_function"].as_str().unwrap();
    rows.iter().find(|r| {
        r.blocking_stack.iter().any(|f| &*f.function == func)
            && r.created_at.as_ref().is_some_and(|c| &*c.function == creator)
    })
}

#[test]
fn a_trace_its_dumps_and_its_profile_give_the_same_groups() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let mut checked = 0;
    let mut failures = Vec::new();
    for program in ["chansend", "chanrecv", "ctxleak", "deadlock"] {
        let expect: Value = serde_json::from_str(
            &std::fs::read_to_string(root.join(format!("programs/{program}/expect.json"))).unwrap(),
        )
        .unwrap();
        for minor in 22..=27 {
            let dir = root.join(format!("go1.{minor}"));
            let files: Vec<PathBuf> = ["trace", "goroutine-2.txt", "goroutine-1.txt", "goroutine.pb.gz"]
                .iter()
                .map(|ext| dir.join(format!("{program}.{ext}")))
                .collect();
            if !files.iter().all(|f| f.is_file()) {
                continue;
            }
            let sources = files.iter().map(|f| groups(f)).collect::<Vec<_>>();
            let rows = diff_groups(&sources);
            for g in expect["groups"].as_array().unwrap() {
                let count = g["count_min"].as_u64().unwrap() as usize;
                let what = format!("go1.{minor}/{program} {}", g["blocking_function"]);
                // Each source says why, in its own words of the same family ("sync",
                // "sync.Mutex.Lock"). A debug=1 profile hides the runtime's frames: it can
                // say why only from the runtime hooks other packages keep (`sync.runtime_…`,
                // `internal/sync.runtime_…`), and must when one is there.
                let want = wait_family(g["reason"].as_str().unwrap());
                for (file, groups) in files.iter().zip(&sources) {
                    let func = g["blocking_function"].as_str().unwrap();
                    let found = groups.iter().find(|x| x.blocking_stack.iter().any(|f| &*f.function == func));
                    let hook = found
                        .is_some_and(|x| x.blocking_stack.iter().any(|f| f.function.contains(".runtime_")));
                    let profile = file.to_string_lossy().ends_with("goroutine-1.txt");
                    match found.map(|x| (x.state.as_str(), wait_family(&x.reason))) {
                        Some(("waiting", family)) if family == want => {}
                        Some(("unknown", _)) if profile && !hook => {}
                        other => {
                            failures.push(format!("{}: {func}: {other:?}, not {want:?}", file.display()))
                        }
                    }
                }
                match planted(&rows, g) {
                    None => failures.push(format!("{what}: no row")),
                    Some(r) if r.counts != vec![count; 4] || r.change != Change::Same || r.growing => {
                        failures.push(format!("{what}: counts {:?} {:?}", r.counts, r.change))
                    }
                    // Trace and debug=2 dump name the same goroutines (profiles have no ids).
                    Some(r) if r.ids[0] != r.ids[1] || r.ids[0].len() != count => {
                        failures.push(format!("{what}: ids differ between trace and dump"))
                    }
                    Some(r) if r.state != "waiting" => failures.push(format!("{what}: state {}", r.state)),
                    Some(_) => {}
                }
                checked += 1;
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // 4 programs x 6 releases, deadlock with 2 groups.
    // Go 1.23–1.26 keep their traces only, no dumps or profiles.
    assert!(checked >= 26, "only {checked} planted groups found");
}

#[test]
fn the_fixed_build_has_no_sender_group() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let e: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("programs/chansend_fixed/expect-diff.json")).unwrap(),
    )
    .unwrap();
    let want: Vec<usize> =
        e["group"]["counts"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap() as usize).collect();
    let max_other = e["others_max_abs_delta"].as_i64().unwrap();
    let dir = root.join("go1.27");
    let mut checked = 0;
    for ext in ["trace", "goroutine-2.txt", "goroutine-1.txt", "goroutine.pb.gz"] {
        let rows = diff_groups(&[
            groups(&dir.join(format!("{}.{ext}", e["base"].as_str().unwrap()))),
            groups(&dir.join(format!("{}.{ext}", e["new"].as_str().unwrap()))),
        ]);
        let first = &rows[0];
        assert_eq!(first.counts, want, "{ext}: {first:?}");
        assert_eq!(
            (first.change, first.delta, first.growing),
            (Change::New, e["group"]["delta"].as_i64().unwrap(), true),
            "{ext}"
        );
        let function = e["group"]["blocking_function"].as_str().unwrap();
        assert!(first.blocking_stack.iter().any(|f| &*f.function == function), "{ext}");
        // Nothing else moved by more than the main goroutine's own stack.
        assert!(rows[1..].iter().all(|r| r.delta.abs() <= max_other), "{ext}: {rows:#?}");
        checked += 1;
    }
    assert_eq!(checked, 4);
}

/// A trace taken in mid-life against the debug=2 dump of its last moment: the leak's
/// goroutines older than the trace (no creation site in it) and those its `go` statement
/// made inside the window are one group, as the dump counts them, and so is the idle pool
/// (`programs/services/midlife`; Go 1.23+ write where the older ones wait).
#[test]
fn a_mid_life_trace_and_the_dump_of_its_end_give_the_same_groups() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let e: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("programs/services/midlife/expect.json")).unwrap(),
    )
    .unwrap();
    let leak = (e["before"].as_u64().unwrap() + e["during"].as_u64().unwrap()) as usize;
    let pool = e["idle_workers"].as_u64().unwrap() as usize;
    let mut checked = 0;
    for minor in 23..=27 {
        let dir = root.join(format!("services/go1.{minor}"));
        if !dir.join("midlife.trace").is_file() {
            continue;
        }
        let files = [groups(&dir.join("midlife.trace")), groups(&dir.join("midlife.goroutine-2.txt"))];
        let rows = diff_groups(&files);
        let row = |func: &str| rows.iter().find(|r| r.blocking_stack.iter().any(|f| &*f.function == func));
        let producers = row(e["blocking_function"].as_str().unwrap()).expect("the leak's row");
        assert_eq!(
            (producers.counts.clone(), producers.change),
            (vec![leak, leak], Change::Same),
            "1.{minor}"
        );
        let workers = row(e["idle_function"].as_str().unwrap()).expect("the pool's row");
        assert_eq!((workers.counts.clone(), workers.change), (vec![pool, pool], Change::Same), "1.{minor}");
        checked += 1;
    }
    assert!(checked >= 1, "no mid-life sample of Go 1.23+");
}

/// crunch (Go 1.22–1.27): a goroutine profile written while its two workers compute shows
/// their whole stacks, no parking frame: they are on a CPU (Go's debug=2 dump of the same
/// moment says `[running]` or `[runnable]`), not blocked, so a diff never counts them as
/// growth, wherever the next profile catches them.
#[test]
fn goroutines_a_profile_caught_on_a_cpu_are_not_blocked() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let mut checked = 0;
    for v in ["1.22", "1.23", "1.24", "1.25", "1.26", "1.27"] {
        let dir = root.join(format!("go{v}"));
        let Ok(dump) = std::fs::read_to_string(dir.join("crunch.goroutine-2.txt")) else { continue };
        let on_cpu = dump
            .lines()
            .filter(|l| {
                l.starts_with("goroutine ") && (l.ends_with("[running]:") || l.ends_with("[runnable]:"))
            })
            .count();
        let workers: Vec<_> = groups(&dir.join("crunch.goroutine.pb.gz"))
            .into_iter()
            .filter(|g| {
                g.blocking_stack
                    .iter()
                    .any(|f| f.function.starts_with("main.") && &*f.function != "main.main")
            })
            .collect();
        assert_eq!(workers.len(), 2, "{v}: {workers:?}");
        assert!(on_cpu >= 3, "{v}: Go's dump has main and both workers on a CPU");
        for w in &workers {
            assert_eq!(w.state, "running", "{v}: {w:?}");
        }
        checked += 1;
    }
    assert!(checked >= 2, "expected crunch's profiles of several releases, found {checked}");
}

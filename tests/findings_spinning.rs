//! The `spinning` finding on every committed trace, against what the programs really did
//! (`sample-traces/programs/NAME/expect.json`, from their `// EXPECT: spin` markers): the
//! planted spinners (selectspin, spinpoll) are found on every Go release with their count,
//! the function and a line inside the loop they spin in, and their `go` statement; no other
//! sample (ticker pollers that exit, busy workers, leaks, healthy twins) gets one. Loops that
//! compute (services/crunch) say no poll was seen in their stacks; busy waits say one was.

use crate::common;
use common::all_traces as traces;
use common::report_json::{expect_for, report};

use goroscope::model::{Span, TraceModel};
use serde_json::Value;

/// `1.NN` as NN.
fn minor_of(v: &str) -> u32 {
    v.trim_start_matches("1.").split('.').next().and_then(|m| m.parse().ok()).unwrap_or(u32::MAX)
}

/// `release` is the Go minor version that wrote the trace.
fn matches(want: &Value, got: &Value, release: u32) -> Result<(), String> {
    let mut errs = Vec::new();
    let n = got["count"].as_u64().unwrap();
    let (min, max) = (want["count_min"].as_u64().unwrap(), want["count_max"].as_u64().unwrap());
    if n < min || n > max {
        errs.push(format!("count {n} not in {min}..={max}"));
    }
    if got["function"] != want["function"] {
        errs.push(format!("loops in {} != {}", got["function"], want["function"]));
    }
    let line = got["line"].as_u64().unwrap();
    // No place (line 0, no file) only where the program says the release cannot record it.
    let unrecorded = line == 0
        && got["file"] == ""
        && want["loop_line_unrecorded_from"].as_str().is_some_and(|v| minor_of(v) <= release);
    if !unrecorded && !got["file"].as_str().unwrap_or("").ends_with(want["file"].as_str().unwrap()) {
        errs.push(format!("file {} !~ {}", got["file"], want["file"]));
    }
    let (first, last) = (want["loop_lines"][0].as_u64().unwrap(), want["loop_lines"][1].as_u64().unwrap());
    if !unrecorded && (line < first || line > last) {
        errs.push(format!("line {line} outside the loop, lines {first}..={last}"));
    }
    let c = &got["created_at"];
    if c["function"] != want["created_function"] || c["line"] != want["created_line"] {
        errs.push(format!(
            "created at {} {} != {} {}",
            c["function"], c["line"], want["created_function"], want["created_line"]
        ));
    }
    if got["running_share"].as_f64().unwrap() < 0.9 {
        errs.push(format!("running share {}", got["running_share"]));
    }
    if got["goroutine_ids"].as_array().unwrap().len() as u64 != n.min(20) {
        errs.push(format!("{} ids for {n} goroutines", got["goroutine_ids"]));
    }
    if errs.is_empty() { Ok(()) } else { Err(errs.join("; ")) }
}

#[test]
fn planted_spinners_are_found_and_nothing_else_spins() {
    let traces = traces();
    let (mut planted, mut fails) = (0, Vec::new());
    for t in &traces {
        let exp = expect_for(t);
        let want: Vec<&Value> =
            exp["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "spinning").collect();
        let rep = report(t);
        let got: Vec<&Value> =
            rep["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "spinning").collect();
        planted += want.len();
        if got.len() != want.len() {
            fails.push(format!(
                "{}: {} spinning findings, expected {}: {got:?}",
                t.display(),
                got.len(),
                want.len()
            ));
            continue;
        }
        for w in &want {
            let release = t
                .parent()
                .and_then(|d| d.file_name())
                .and_then(|d| d.to_str())
                .map_or(0, |d| minor_of(d.trim_start_matches("go")));
            let all: Vec<_> = got.iter().map(|g| matches(w, g, release)).collect();
            if !all.iter().any(Result::is_ok) {
                fails.push(format!("{}: {}: {:?}", t.display(), w["function"], all));
            }
        }
    }
    // selectspin and spinpoll on 1.19, 1.21 and 1.22 to 1.27, beside every other sample.
    assert!(planted >= 16, "expected the spinning samples of 8 Go releases, found {planted}");
    assert!(traces.len() >= 70, "expected the committed traces, found {}", traces.len());
    assert!(fails.is_empty(), "{} of {} traces:\n{}", fails.len(), traces.len(), fails.join("\n"));
}

/// closedspin: the loop blocked for its 20 jobs, then spins on the closed channel. The
/// finding says since when, as Go's own reader times the end of its last wait (the digest's
/// last `Waiting->Runnable` of that goroutine, `go tool trace -d=parsed`).
#[test]
fn a_loop_that_spins_after_it_blocked_says_since_when() {
    use std::io::Read as _;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27");
    let rep = report(&root.join("closedspin.trace"));
    let f = rep["findings"].as_array().unwrap().iter().find(|f| f["kind"] == "spinning").cloned();
    let f = f.unwrap_or_else(|| panic!("no spinning finding: {rep}"));
    let id = f["goroutine_ids"][0].as_u64().unwrap();
    let mut text = String::new();
    let tsv = std::fs::File::open(root.join("closedspin.parsed.tsv.gz")).unwrap();
    flate2::read::GzDecoder::new(tsv).read_to_string(&mut text).unwrap();
    let (mut t0, mut woken) = (None, Vec::new());
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let at: i64 = cols[1].parse().unwrap();
        t0.get_or_insert(at);
        if cols[0] == "StateTransition" && cols[5].starts_with(&format!("G{id} Waiting->")) {
            woken.push(at - t0.unwrap());
        }
    }
    assert!(woken.len() >= 20, "Go's reader: G{id} waited for its 20 jobs: {woken:?}");
    let since = f["since_ns"].as_i64().unwrap_or_else(|| panic!("{f}"));
    let go_says = *woken.last().unwrap();
    assert!((since - go_says).abs() < 1_000_000, "ours {since} ns, Go's {go_says} ns: {f}");
    assert!(since * 2 < rep["duration_ns"].as_i64().unwrap(), "{f}");
}

/// crunch (Go 1.19, 1.27): two workers that compute without blocking are found where they
/// loop, and the finding says no poll was seen (a loop that computes looks so), while the
/// planted busy waits of Go 1.27 (a select's default case, an atomic add) say one was.
#[test]
fn a_loop_that_computes_says_no_poll_and_busy_waits_say_one() {
    use common::services::{expect, marked, runs};
    let e = expect("crunch");
    let mut checked = 0;
    for (minor, dir) in runs("crunch", &["1.19", "1.27"]) {
        let rep = report(&dir.join("crunch.trace"));
        let found: Vec<&Value> =
            rep["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "spinning").collect();
        for w in e["workers"].as_array().unwrap() {
            let func = w["function"].as_str().unwrap();
            let f = found.iter().find(|f| f["function"] == func);
            let f = f.unwrap_or_else(|| panic!("{minor}: no finding in {func}: {found:?}"));
            let (line, loop_line) =
                (f["line"].as_u64().unwrap(), marked("crunch", w["loop"].as_str().unwrap()));
            assert!(line.abs_diff(loop_line) <= 1, "{minor}: {func} loops at {loop_line}, said {line}");
            let created = marked("crunch", w["created"].as_str().unwrap());
            assert_eq!(f["created_at"]["line"].as_u64(), Some(created), "{minor}: {f}");
            assert_eq!(f["poll_seen"], false, "{minor}: {f}");
        }
        let text = common::report_json::report_text(&dir.join("crunch.trace"));
        assert!(text.contains("which is CPU-bound work, not a wait"), "{minor}: {text}");
        checked += 1;
    }
    assert!(checked >= 2, "expected crunch's runs of two releases, found {checked}");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27");
    for name in ["selectspin", "spinpoll", "spingc", "closedspin"] {
        let rep = report(&root.join(format!("{name}.trace")));
        let f = rep["findings"].as_array().unwrap().iter().find(|f| f["kind"] == "spinning").cloned();
        let f = f.unwrap_or_else(|| panic!("{name}: no spinning finding: {rep}"));
        assert_eq!(f["poll_seen"], true, "{name}: it polls: {f}");
    }
}

/// yieldwork (Go 1.19, 1.27): two scrubbers compute and call `runtime.Gosched()` every 4,096
/// blocks: running or runnable all the time and yielding at one line, as a spin that yields
/// does, but a millisecond apart where a spin yields every microsecond. No spinning finding
/// (the release before this rule called each of them spinning 100% of the window).
#[test]
fn work_that_yields_now_and_then_is_no_spin() {
    use common::services::{expect, marked, runs};
    let e = expect("yieldwork");
    let yield_line = marked("yieldwork", e["yield"].as_str().unwrap());
    let mut checked = 0;
    for (minor, dir) in runs("yieldwork", &["1.19", "1.27"]) {
        let path = dir.join("yieldwork.trace");
        let rep = report(&path);
        assert_eq!(rep["findings"].as_array().map(Vec::len), Some(0), "{minor}: {}", rep["findings"]);
        assert_eq!(rep["suspects"].as_array().map(Vec::len), Some(0), "{minor}");
        // The trace holds what the rule is about: each scrubber yielding at the marked line,
        // again and again, and running between.
        let at_yield =
            |m: &TraceModel, s: &Span| m.stacks.frames(s.stack).iter().any(|f| f.line == yield_line as u32);
        let scrubbers = spans_of(&path, "main.scrub", "runtime.Gosched", at_yield);
        assert_eq!(scrubbers.len() as u64, e["scrubbers"].as_u64().unwrap(), "{minor}");
        for (id, yields) in scrubbers {
            assert!(yields >= 20, "{minor}: goroutine {id} yielded {yields} times at line {yield_line}");
        }
        checked += 1;
    }
    assert_eq!(checked, 2, "yieldwork's runs of Go 1.19 and 1.27");
}

/// lockpoll (Go 1.19, 1.27): three pollers check an empty mutex-guarded queue with no wait
/// between polls; each takes the queue's mutex every time round and so waits at it now and
/// then, for microseconds. Those waits do not end the spin: one finding of the 3, at the
/// poll's line, made at their `go` statement (the release before found none).
#[test]
fn pollers_that_wait_briefly_at_their_queues_lock_spin() {
    use common::services::{expect, marked, runs};
    let e = expect("lockpoll");
    let (poll, created) = (marked("lockpoll", "poll"), marked("lockpoll", "poller created"));
    let mut checked = 0;
    for (minor, dir) in runs("lockpoll", &["1.19", "1.27"]) {
        let rep = report(&dir.join("lockpoll.trace"));
        let found: Vec<&Value> =
            rep["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "spinning").collect();
        assert_eq!(found.len(), 1, "{minor}: {found:?}");
        let f = found[0];
        assert_eq!(f["count"], e["spinners"], "{minor}: {f}");
        assert_eq!(
            (f["function"].as_str(), f["line"].as_u64()),
            (Some("main.poller"), Some(poll)),
            "{minor}: {f}"
        );
        assert_eq!(f["created_at"]["line"].as_u64(), Some(created), "{minor}: {f}");
        // Go's record of the run: the pollers did wait at the lock, and more than once.
        for (id, waits) in spans_of(&dir.join("lockpoll.trace"), "main.poller", "sync", |_, _| true) {
            assert!(waits >= 10, "{minor}: goroutine {id} waited {waits} times at the lock");
        }
        checked += 1;
    }
    assert_eq!(checked, 2, "lockpoll's runs of Go 1.19 and 1.27");
}

/// sharedspin (Go 1.27): two watchers of different start functions spin in one helper's loop
/// (`waitFor`, calling the store's `ready` each time round): one finding of 2 goroutines at
/// the loop, naming no single `go` statement (there are two). Go 1.19's trace puts one
/// watcher's stacks on `ready`'s line alone, so there the loops do not meet and both
/// watchers are found in two findings; every release finds both.
#[test]
fn one_loop_of_two_start_functions_is_one_finding() {
    use common::services::{expect, marked, runs};
    let e = expect("sharedspin");
    let lp = marked("sharedspin", e["loop"].as_str().unwrap());
    let mut checked = 0;
    for (minor, dir) in runs("sharedspin", &["1.19", "1.27"]) {
        let rep = report(&dir.join("sharedspin.trace"));
        let found: Vec<&Value> =
            rep["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "spinning").collect();
        let total: u64 = found.iter().map(|f| f["count"].as_u64().unwrap()).sum();
        assert_eq!(total, e["spinners"].as_u64().unwrap(), "{minor}: {found:?}");
        if minor == "1.27" {
            assert_eq!(found.len(), 1, "{minor}: {found:?}");
            let f = found[0];
            assert_eq!((f["function"].as_str(), f["line"].as_u64()), (Some("main.waitFor"), Some(lp)), "{f}");
            assert!(f["created_at"].is_null(), "two go statements: {f}");
        }
        checked += 1;
    }
    assert_eq!(checked, 2);
}

/// Each goroutine of the trace at `path` that starts in `func`: its id, and how many of its
/// spans have the reason `reason` and pass `keep` (what Go's trace recorded of it).
fn spans_of(
    path: &std::path::Path,
    func: &str,
    reason: &str,
    keep: impl Fn(&TraceModel, &Span) -> bool,
) -> Vec<(u64, usize)> {
    let l = goroscope::load::load_file(path, &goroscope::load::Progress::default()).unwrap();
    let m = l.trace.unwrap();
    let of_func = m.goroutines.iter().filter(|g| m.func_name(g) == func);
    let count = |g: &goroscope::model::Goroutine| {
        g.real_spans().iter().filter(|s| m.reason(s.reason()) == reason && keep(&m, s)).count()
    };
    of_func.map(|g| (g.id, count(g))).collect()
}

//! Truncation never reads as health (issue 12): a leaky sample's trace cut short still
//! reports its stuck group, by name where the names survived and by the stack ids its events
//! carry where the cut took the tables (`names_lost`, with the byte of the cut), and
//! `--fail-on-leaks` exits 1. Go ≤ 1.21 writes every stack at the end of the file, so there
//! every cut loses them; Go 1.22+ loses the last generation's tables. Nor does a cut make a
//! spinner of a goroutine caught running where it falls.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// Cut points, in per cent of the file. Cuts inside a Go 1.26 trace's first generation can
/// leave nothing orderable (HACKING.md, "Truncation policy"); these all recover events.
const CUTS: [u64; 3] = [75, 90, 97];

/// (program, planted count, reason): the groups every cut must still show.
const LEAKY: [(&str, u64, &str); 3] =
    [("chansend", 2000, "chan send"), ("ctxleak", 300, "chan receive"), ("leakgrow", 1200, "chan send")];

fn expect(program: &str) -> Value {
    let p =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("sample-traces/programs/{program}/expect.json"));
    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
}

/// `goroscope report --json --fail-on-leaks` of `bytes`, written to a scratch file.
fn report(name: &str, bytes: &[u8]) -> (i32, Value) {
    let dir = std::env::temp_dir().join(format!("goroscope-cut-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let opts = goroscope::report::Options { json: true, fail_on_leaks: true };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = goroscope::report::run(std::slice::from_ref(&path), &opts, &mut out, &mut err);
    let _ = std::fs::remove_file(&path);
    assert_ne!(code, 2, "{name}: {}", String::from_utf8_lossy(&err));
    (code, serde_json::from_slice(&out).unwrap())
}

/// True when `s` is the planted group by its names: blocking function and line, creation line.
fn is_named_group(s: &Value, exp: &Value) -> bool {
    let g = &exp["groups"][0];
    let blocks = s["blocking_stack"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|f| f["function"] == g["blocking_function"] && f["line"] == g["blocking_line"]);
    blocks && s["created_at"]["line"] == g["created_line"]
}

fn leaky_traces() -> Vec<(PathBuf, &'static str, u64, &'static str)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let mut out = Vec::new();
    for d in std::fs::read_dir(&root).unwrap().flatten() {
        if !d.file_name().to_string_lossy().starts_with("go1.") {
            continue;
        }
        for (p, n, r) in LEAKY {
            let t = d.path().join(format!("{p}.trace"));
            if t.is_file() {
                out.push((t, p, n, r));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn cut_leaky_traces_still_report_the_stuck_group() {
    let traces = leaky_traces();
    // 3 programs × (1.21 + six 1.22+ releases).
    assert!(traces.len() >= 20, "only {} leaky traces", traces.len());
    let (mut by_name, mut by_ids, mut old_format_by_ids) = (0, 0, 0);
    for (path, program, planted, reason) in &traces {
        let data = std::fs::read(path).unwrap();
        let old = goroscope::format::trace::sniff_version(&data).is_some_and(|v| v < 22);
        let exp = expect(program);
        for pct in CUTS {
            let cut = data.len() * pct as usize / 100;
            let name = format!(
                "{program}-{}-{pct}.trace",
                path.parent().unwrap().file_name().unwrap().to_string_lossy()
            );
            let (code, j) = report(&name, &data[..cut]);
            let suspects = j["suspects"].as_array().unwrap();
            assert_eq!(code, 1, "{name}: --fail-on-leaks must fail: {suspects:?}");
            // Scripts read the cut from the JSON too, not only from a warning's words.
            assert_eq!(j["complete"], false, "{name}");
            assert!(
                j["cut_at_byte"].as_u64().is_some_and(|b| b <= cut as u64),
                "{name}: {}",
                j["cut_at_byte"]
            );
            // The members of the planted group: named, or stood for by their ids. A group
            // split by the cut (blocked before it: named; after it: by id) counts both parts.
            let mut found = 0;
            for s in suspects {
                let lost = s["names_lost"] == true;
                if lost {
                    assert_eq!(s["cut_at_byte"], cut as u64, "{name}: where the file was cut");
                    let r = s["reason"].as_str().unwrap();
                    assert!(r == *reason || r.ends_with("lost with the cut>"), "{name}: reason {r}");
                    assert!(s["count"].as_u64().unwrap() >= 10, "{name}: a lone goroutine by id: {s}");
                } else {
                    assert!(s["cut_at_byte"].is_null(), "{name}: {s}");
                }
                if lost || is_named_group(s, &exp) {
                    found += s["count"].as_u64().unwrap();
                    if lost {
                        by_ids += 1;
                        old_format_by_ids += usize::from(old);
                    } else {
                        by_name += 1;
                    }
                }
            }
            if *program == "leakgrow" {
                // Cut before the end, the leak had not grown to its full size yet.
                assert!(found > 0 && found <= *planted, "{name}: {found} of {planted}");
            } else if old {
                // One stream of per-processor batches: a cut also takes the block events of
                // the goroutines whose batches came later in the file.
                assert!(found * 2 >= *planted && found <= *planted, "{name}: {found} of {planted}");
            } else {
                assert_eq!(found, *planted, "{name}: {suspects:?}");
            }
        }
    }
    eprintln!(
        "{} traces x {} cuts: {by_name} groups by name, {by_ids} by ids ({old_format_by_ids} in Go <= 1.21 traces)",
        traces.len(),
        CUTS.len()
    );
    // Both paths were exercised, on both trace families.
    assert!(
        by_name >= 20 && by_ids >= 10 && old_format_by_ids >= 3,
        "{by_name} {by_ids} {old_format_by_ids}"
    );
}

/// The whole file reads as complete; a cut so early that no goroutine's events could be read
/// is a file that cannot be read (exit 2, said on stderr), not a report of no suspects, in
/// both trace families (a Go 1.22+ trace cut inside its first batch always was).
#[test]
fn a_whole_trace_is_complete_and_one_cut_before_any_goroutine_cannot_be_read() {
    let traces = leaky_traces();
    assert!(traces.len() >= 20, "only {} leaky traces", traces.len());
    let (mut early, mut old_early) = (0, 0);
    for (path, program, _, _) in &traces {
        let data = std::fs::read(path).unwrap();
        let version = path.parent().unwrap().file_name().unwrap().to_string_lossy().to_string();
        let (_, whole) = report(&format!("{program}-{version}-whole.trace"), &data);
        assert_eq!(
            (&whole["complete"], &whole["cut_at_byte"]),
            (&Value::Bool(true), &Value::Null),
            "{path:?}"
        );
        // 600 bytes: the header and a part of the first batch.
        let dir = std::env::temp_dir().join(format!("goroscope-early-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let cut = dir.join(format!("{program}-{version}-600.trace"));
        std::fs::write(&cut, &data[..600]).unwrap();
        let opts = goroscope::report::Options { json: true, fail_on_leaks: true };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = goroscope::report::run(std::slice::from_ref(&cut), &opts, &mut out, &mut err);
        let _ = std::fs::remove_file(&cut);
        let err = String::from_utf8_lossy(&err);
        if code == 2 {
            early += 1;
            old_early += usize::from(version.as_str() <= "go1.21");
            assert!(out.is_empty(), "{cut:?}: no report of a file that cannot be read");
            assert!(err.contains("cut at byte 600") || err.contains("at byte"), "{cut:?}: {err}");
        } else {
            // What 600 bytes held was enough for some goroutines: then it says it is cut.
            let j: Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(j["complete"], false, "{cut:?}");
            assert!(j["goroutines"]["total"].as_u64() > Some(0), "{cut:?}: {j}");
        }
    }
    assert!(early >= 10 && old_early >= 1, "{early} cut too early, {old_early} of them Go <= 1.21");
}

/// A cut takes what came after it: a goroutine caught running at the cut ran, as far as the
/// trace knows, until its last span began. Go 1.21 traces of programs with no spinner, cut
/// where some goroutine had just started running, read "spinning: running or runnable 100%
/// of the window" (a test's goroutine of net/http's suite that ran 0.6 ms and then blocked,
/// in the lost part, did too). Nor is one parked at the end: chansend cut at 70 %, where the
/// ordering of its events gave up, held 44 senders runnable from their creation to their one
/// run (13 µs) and block in chan send: "spinning 99.7%".
#[test]
fn a_goroutine_running_at_the_cut_is_no_spinner() {
    let mut checked = 0;
    let cases = [("chansend_fixed", &[30u64, 50][..]), ("pileup", &[50][..]), ("chansend", &[70][..])];
    for (program, cuts) in cases {
        assert_eq!(expect(program)["spinning"].as_array().map(Vec::len), Some(0), "{program}: no spinner");
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("sample-traces/go1.21/{program}.trace"));
        let bytes = std::fs::read(&path).unwrap();
        for &cut in cuts {
            let n = bytes.len() * cut as usize / 100;
            let (_, v) = report(&format!("{program}-{cut}.trace"), &bytes[..n]);
            let spinning: Vec<&Value> =
                v["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "spinning").collect();
            assert!(spinning.is_empty(), "{program} cut at {cut}%: {spinning:?}");
            checked += 1;
        }
    }
    assert_eq!(checked, 4);
}

/// A spinner whose stacks the cut lost is found where it loops as the placeholder of the
/// lost stack, and says nothing of polls (`poll_seen` left out, not false: no stack was read)
/// nor that the trace recorded no line (the cut lost it): selectspin, spinpoll and flagspin of
/// Go 1.21 cut at 60 % (at 30 % selectspin's holds no goroutine's events yet) and Go 1.27 cut
/// at 30 % and 60 %.
#[test]
fn a_spinner_whose_stacks_the_cut_lost_claims_no_poll() {
    let mut lost = 0;
    for program in ["selectspin", "spinpoll", "flagspin"] {
        for (v, cuts) in [("1.21", &[60][..]), ("1.27", &[30, 60][..])] {
            let path =
                Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("sample-traces/go{v}/{program}.trace"));
            let bytes = std::fs::read(&path).unwrap();
            for &cut in cuts {
                let n = bytes.len() * cut / 100;
                let (_, j) = report(&format!("{program}-{v}-{cut}-lost.trace"), &bytes[..n]);
                for f in j["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "spinning") {
                    if f["function"].as_str().unwrap().ends_with(" lost with the cut>") {
                        assert!(f.get("poll_seen").is_none(), "{program} {v} {cut}%: {f}");
                        lost += 1;
                    }
                }
            }
        }
    }
    assert!(lost >= 4, "cuts that lost a spinner's stacks: {lost}");
}

//! `goroscope capture` against the failures a real network gives (issue 15): a refused
//! connection, a server that never answers, a 404, a proxy's HTML error page, a body that is
//! not what the endpoint gives, an answer far larger than the cap, a redirect to another
//! host. Each is an error naming the URL that failed, and the files saved before it stay and
//! are listed. The servers are small loopback ones (tests/common/loopback.rs) serving real
//! captures of the series sample.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;

use serde_json::Value;

use crate::common;
use common::loopback::{Answer, serve};

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27").join(name)).unwrap()
}

fn dump() -> Vec<u8> {
    sample("series.1.goroutine-2.txt")
}

fn out_dir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("capture-bad").join(name);
    std::fs::remove_dir_all(&d).ok();
    d
}

/// `goroscope capture URL ARGS --out DIR --json`: exit status, the files listed, stderr.
fn capture(url: &str, args: &[&str], dir: &Path) -> (i32, Vec<Value>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_goroscope"))
        .arg("capture")
        .arg(url)
        .args(args)
        .arg("--out")
        .arg(dir)
        .arg("--json")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    (out.status.code().unwrap_or(-1), listed.as_array().unwrap().clone(), stderr)
}

/// Two dumps are served as they should be, then `heap` fails as `bad` says: the error names
/// the heap's URL and says `words`, and both dumps are kept, listed and whole.
fn dumps_then_bad_heap(test: &str, heap: Answer, max_connections: Option<usize>, words: &str) {
    let dir = out_dir(test);
    let server = serve(max_connections, move |path| {
        if path.starts_with("/debug/pprof/goroutine?debug=2") { Answer::ok(dump()) } else { heap.clone() }
    });
    let (code, listed, stderr) =
        capture(&server.url, &["--dumps", "2", "--every", "0", "--heap", "--timeout", "1"], &dir);
    assert_eq!(code, 2, "{test}: {stderr}");
    let heap_url = format!("{}/debug/pprof/heap?gc=1", server.url);
    assert!(stderr.contains(&format!("{heap_url}: {words}")), "{test}: {stderr}");
    assert_eq!(listed.len(), 2, "{test}: the dumps saved before stay: {listed:?}");
    for f in &listed {
        assert_eq!(f["kind"], "goroutine", "{test}");
        assert_eq!(std::fs::read(f["path"].as_str().unwrap()).unwrap(), dump(), "{test}: {f}");
    }
    let on_disk = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(on_disk, 2, "{test}: nothing of the failed heap is left in {}", dir.display());
}

#[test]
fn connection_refused_after_two_dumps() {
    // The server takes the two dumps' connections and stops listening.
    dumps_then_bad_heap("refused", Answer::ok(Vec::new()), Some(2), "cannot connect: ");
}

#[test]
fn a_server_that_never_answers_times_out() {
    dumps_then_bad_heap("silent", Answer::Silent, None, "no answer within 1 s");
}

#[test]
fn not_found_gives_the_status_and_the_first_line() {
    let answer = Answer::text(404, "Not Found", "404 page not found\nmore\n");
    dumps_then_bad_heap("404", answer, None, "the server answered 404 Not Found: 404 page not found");
}

#[test]
fn a_proxys_html_error_page_is_named_as_such() {
    let page = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";
    let answer =
        Answer::Body { status: 502, reason: "Bad Gateway", content_type: "text/html", body: page.into() };
    dumps_then_bad_heap("html", answer, None, "the server answered with an HTML page (502 Bad Gateway)");
    // The same page sent as 200 and as text/plain is still an HTML page, not "unknown".
    let answer = Answer::text(200, "OK", page);
    dumps_then_bad_heap("html-200", answer, None, "expected a heap profile (pprof), got an HTML page");
}

#[test]
fn a_body_that_is_not_what_the_endpoint_gives() {
    dumps_then_bad_heap(
        "dump-as-heap",
        Answer::ok(dump()),
        None,
        "expected a heap profile (pprof), got a goroutine dump",
    );
    let answer = Answer::text(200, "OK", "hello from the load balancer\n");
    let words = "expected a heap profile (pprof), got text starting \"hello from the load balancer\"";
    dumps_then_bad_heap("text-as-heap", answer, None, words);
    // A goroutine profile's bytes, damaged after the gzip header: the pprof reader says so.
    let mut damaged = sample("series.1.heap.pb.gz");
    let n = damaged.len();
    damaged[20..n - 8].fill(0);
    dumps_then_bad_heap(
        "damaged-heap",
        Answer::ok(damaged),
        None,
        "expected a heap profile (pprof), got a damaged profile",
    );
}

#[test]
fn an_answer_that_declares_more_than_the_cap_is_refused_at_once() {
    let answer = Answer::Declares { length: 100 << 30, start: sample("series.1.heap.pb.gz") };
    dumps_then_bad_heap("declared-huge", answer, None, "the answer is larger than the cap of 256");
}

/// An endless answer, cut at a small cap: the library's limits (the CLI's caps are too big
/// to reach in a test).
#[test]
fn an_answer_far_larger_than_the_cap_is_cut_and_dropped() {
    use goroscope::capture::{Kind, Limits, Plan, Problem, Session, Target};
    let dir = out_dir("endless");
    // A flight recorder that never stops sending: a real trace, over and over.
    let server = serve(None, |path| {
        if path == "/big/flight" {
            Answer::Endless { chunk: sample("chansend.trace") }
        } else {
            Answer::ok(dump())
        }
    });
    let stop = AtomicBool::new(false);
    let session = Session {
        target: Target::parse(&server.url).unwrap(),
        out: dir.clone(),
        limits: Limits { cap: Some(1 << 20), ..Limits::default() },
        stop: &stop,
        growing: None,
        started_unix: 1_780_000_000,
    };
    let plan = Plan { dumps: 1, every: 0.0, flight: Some("/big/flight".into()), ..Plan::default() };
    let outcome = goroscope::capture::run(&plan, &session, &|_| {});
    let e = outcome.error.expect("the endless answer fails");
    assert_eq!(e.problem, Problem::TooLarge { cap: 1 << 20 }, "{e}");
    assert_eq!(e.url, format!("{}/big/flight", server.url));
    assert!(
        e.to_string().starts_with(&format!("{}/big/flight: the answer is larger than", server.url)),
        "{e}"
    );
    assert_eq!(outcome.saved.len(), 1);
    assert_eq!(outcome.saved[0].kind, Kind::Goroutine);
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "the cut answer's file is removed");
}

#[test]
fn a_go_without_the_leak_profile_is_a_note() {
    let dir = out_dir("no-leak-profile");
    let server = serve(None, |path| match path {
        "/debug/pprof/goroutine?debug=2" => Answer::ok(dump()),
        "/debug/pprof/heap?gc=1" => Answer::ok(sample("series.1.heap.pb.gz")),
        // net/http/pprof's own answer for a profile the program's Go lacks.
        _ => Answer::text(404, "Not Found", "Unknown profile\n"),
    });
    let (code, listed, stderr) = capture(&server.url, &["--dumps", "1", "--heap", "--leak-profile"], &dir);
    assert_eq!(code, 0, "{stderr}");
    let kinds: Vec<&str> = listed.iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["goroutine", "heap"]);
    let leak_url = format!("{}/debug/pprof/goroutineleak?debug=2", server.url);
    assert!(stderr.contains(&format!("note: {leak_url}: 404 Unknown profile")), "{stderr}");
    assert_eq!(
        server.asked.lock().unwrap().last().map(String::as_str),
        Some("/debug/pprof/goroutineleak?debug=2")
    );
}

#[test]
fn redirects_stay_on_the_host_typed() {
    let dir = out_dir("redirects");
    let server = serve(None, |path| match path {
        "/debug/pprof/goroutine?debug=2" => Answer::Redirect("/moved/goroutine?debug=2".into()),
        "/moved/goroutine?debug=2" => Answer::ok(dump()),
        _ => Answer::Redirect("http://192.0.2.1:6060/debug/pprof/heap".into()),
    });
    let (code, listed, stderr) = capture(&server.url, &["--dumps", "1", "--heap"], &dir);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(listed.len(), 1, "the dump, redirected on the same host, is saved: {stderr}");
    let words = format!(
        "{}/debug/pprof/heap?gc=1: redirected to http://192.0.2.1:6060/debug/pprof/heap;",
        server.url
    );
    assert!(stderr.contains(&words), "{stderr}");
    let asked = server.asked.lock().unwrap().clone();
    assert_eq!(asked.len(), 3, "nothing was asked of the other host: {asked:?}");
}

#[test]
fn urls_that_are_not_a_programs_base_are_refused() {
    let dir = out_dir("urls");
    for (url, words) in [
        (
            "https://127.0.0.1:6060",
            "https://127.0.0.1:6060: not a URL goroscope can capture from: https is not supported",
        ),
        ("127.0.0.1:6060", "127.0.0.1:6060: not a URL goroscope can capture from"),
        ("http://127.0.0.1:6060/?x=1", "the base URL takes no query"),
    ] {
        let (code, listed, stderr) = capture(url, &["--dumps", "1"], &dir);
        assert_eq!((code, listed.len()), (2, 0), "{url}: {stderr}");
        assert!(stderr.contains(words), "{url}: {stderr}");
    }
}

/// Stop while a trace arrives: what arrived is kept as a (cut) trace, the trace's bytes went
/// to the growing buffer as they came, and a stop is not an error.
#[test]
fn stopping_keeps_the_trace_that_arrived() {
    use goroscope::capture::{Growing, Kind, Limits, Plan, Session, Target};
    let dir = out_dir("stopped-trace");
    let server = serve(None, |_| Answer::Endless { chunk: sample("chansend.trace") });
    let stop = AtomicBool::new(false);
    let growing = Growing::default();
    let session = Session {
        target: Target::parse(&server.url).unwrap(),
        out: dir.clone(),
        limits: Limits::default(),
        stop: &stop,
        growing: Some(&growing),
        started_unix: 1_780_000_000,
    };
    let plan = Plan { trace_seconds: Some(60.0), ..Plan::default() };
    let outcome = std::thread::scope(|s| {
        s.spawn(|| {
            while growing.len() < 1 << 20 {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            stop.store(true, std::sync::atomic::Ordering::Relaxed);
        });
        goroscope::capture::run(&plan, &session, &|_| {})
    });
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    assert_eq!(outcome.saved.len(), 1);
    let c = &outcome.saved[0];
    assert_eq!(c.kind, Kind::Trace);
    let kept = std::fs::read(&c.path).unwrap();
    assert!(kept.len() as u64 == c.bytes && kept.len() >= 1 << 20, "{} bytes", kept.len());
    assert!(growing.is_complete() && growing.since(0) == kept, "the growing buffer holds the same bytes");
    assert!(kept.starts_with(b"go 1."));
}

#[test]
fn seconds_out_of_range_are_refused_before_any_request() {
    let dir = out_dir("numbers");
    let server = serve(None, |_| Answer::ok(dump()));
    for args in [["--trace", "0"], ["--every=-1", "--dumps=2"], ["--timeout", "inf"], ["--trace", "NaN"]] {
        let (code, listed, stderr) = capture(&server.url, &args, &dir);
        assert_eq!((code, listed.len()), (2, 0), "{args:?}: {stderr}");
        assert!(stderr.contains("seconds, "), "{args:?}: {stderr}");
    }
    assert!(server.asked.lock().unwrap().is_empty());
}

/// The growing buffer hands a reader the same prefix each time, then the whole trace marked
/// complete: what the push-style trace reader takes.
#[test]
fn the_growing_buffer_is_an_append_only_prefix() {
    use goroscope::capture::Growing;
    let trace = sample("chansend.trace");
    let g = Growing::default();
    let mut seen = 0;
    for piece in trace.chunks(40_000) {
        g.push(piece);
        g.with_bytes(|b, complete| {
            assert!(!complete && b.len() > seen && b == &trace[..b.len()]);
            seen = b.len();
        });
    }
    g.finish();
    assert!(g.with_bytes(|b, complete| complete && b == trace.as_slice()));
    assert_eq!(g.since(seen - 10).len(), 10);
}

/// A trace asked while another is served gets net/http/pprof's 500 (runtime's "tracing is
/// already enabled"): the dumps beside it and the heap after it are still asked and kept.
/// A server that cannot be reached stops the capture instead (`connection_refused_after_two_dumps`).
#[test]
fn a_busy_trace_endpoint_does_not_cost_the_heap() {
    let dir = out_dir("busy-trace");
    let server = serve(None, |path| {
        if path.starts_with("/debug/pprof/trace") {
            let body = "Could not enable tracing: tracing is already enabled\n";
            Answer::text(500, "Internal Server Error", body)
        } else if path.starts_with("/debug/pprof/goroutine?debug=2") {
            Answer::ok(dump())
        } else {
            Answer::ok(sample("series.1.heap.pb.gz"))
        }
    });
    let args = ["--trace", "1", "--dumps", "2", "--every", "0", "--heap", "--timeout", "2"];
    let (code, listed, stderr) = capture(&server.url, &args, &dir);
    assert_eq!(code, 2, "the trace failed: {stderr}");
    let kinds: Vec<&str> = listed.iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["goroutine", "goroutine", "heap"], "{stderr}");
    let trace_url = format!("{}/debug/pprof/trace?seconds=1", server.url);
    let words =
        format!("{trace_url}: the server answered 500 Internal Server Error: Could not enable tracing");
    assert!(stderr.contains(&words), "{stderr}");
    assert!(stderr.contains("kept the 3 file(s) saved"), "{stderr}");
    for f in &listed {
        assert!(Path::new(f["path"].as_str().unwrap()).is_file(), "{f}");
    }
}

/// Two endpoints answered with errors: each is named, the first being the exit's cause.
#[test]
fn every_endpoint_that_answered_an_error_is_named() {
    let dir = out_dir("two-errors");
    let server = serve(None, |path| {
        if path.starts_with("/debug/pprof/goroutine?debug=2") {
            Answer::text(403, "Forbidden", "dumps are off here\n")
        } else {
            Answer::text(404, "Not Found", "404 page not found\n")
        }
    });
    let (code, listed, stderr) = capture(&server.url, &["--dumps", "3", "--every", "0", "--heap"], &dir);
    assert_eq!(code, 2, "{stderr}");
    assert!(listed.is_empty(), "{listed:?}");
    let dump_at = stderr.find("answered 403 Forbidden: dumps are off here").expect(&stderr);
    let heap_at = stderr.find("heap?gc=1: the server answered 404 Not Found").expect(&stderr);
    assert!(dump_at < heap_at, "{stderr}");
    let asked = server.asked.lock().unwrap().clone();
    assert_eq!(asked.len(), 2, "one dump (the series stops at its error), then the heap: {asked:?}");
}

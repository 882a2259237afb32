//! File → Capture from a running program…, driven by egui_kittest against loopback servers
//! serving the series sample's real dumps (its leak grows by 100 goroutines a snapshot
//! beside a stable pool), and against the real Go service where Go is installed: the form
//! (the URL typed, remembered), the live panel, the dumps opening as a series that grows and
//! marks the growing group, Stop, an error naming the URL with the dumps kept. Where a
//! renderer exists, pictures of the live series go to target/tmp/capture-shots/.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::ui::{CaptureForm, GoroscopeApp};

use crate::common;
use common::loopback::{Answer, serve};
use common::ui::{can_render, english, labels, wait_loaded};

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27").join(name)).unwrap()
}

fn out_dir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ui-capture").join(name);
    std::fs::remove_dir_all(&d).ok();
    d
}

/// A server whose successive goroutine dumps are the series sample's snapshots 1, 2, 3, …
/// and whose heap answers as `heap` says.
fn series_server(heap: Answer) -> common::loopback::Server {
    let n = AtomicUsize::new(0);
    serve(None, move |path| {
        if path == "/debug/pprof/goroutine?debug=2" {
            let i = n.fetch_add(1, Ordering::SeqCst) % 5 + 1;
            Answer::ok(sample(&format!("series.{i}.goroutine-2.txt")))
        } else {
            heap.clone()
        }
    })
}

/// The window with the capture form set to `form` (its URL left empty, to be typed).
fn window(form: CaptureForm, render: bool) -> Harness<'static, GoroscopeApp> {
    let b = Harness::builder().with_size(egui::vec2(1500.0, 900.0));
    let b = if render { b.wgpu() } else { b };
    b.build_eframe(move |cc| {
        let mut app = english(GoroscopeApp::new(cc, Vec::new()));
        app.settings.capture = CaptureForm { url: String::new(), ..form };
        app
    })
}

/// File → Capture from a running program…, the URL typed, Start.
fn start(h: &mut Harness<'_, GoroscopeApp>, url: &str) {
    h.get_by_label("File").click();
    wait_for(h, 10, |h| h.query_by_label("Capture from a running program…").is_some());
    h.get_by_label("Capture from a running program…").click();
    // The command applies at the end of the frame; a new window sizes itself invisibly first.
    let field = || egui::accesskit::Role::TextInput;
    wait_for(h, 10, |h| h.query_by_role_and_label(field(), "Program URL").is_some());
    h.get_by_role_and_label(field(), "Program URL").click();
    h.run_steps(1);
    h.get_by_role_and_label(field(), "Program URL").type_text(url);
    wait_for(h, 10, |h| h.state().settings.capture.url == url);
    h.get_by_label("Start capture").click();
    wait_for(h, 10, |h| h.state().capture_progress().is_some());
}

/// Steps the window until `done` holds of it (at most `secs` seconds): never a fixed number
/// of frames, which a loaded machine may not be done in.
fn wait_for(
    h: &mut Harness<'_, GoroscopeApp>,
    secs: u64,
    mut done: impl FnMut(&Harness<'_, GoroscopeApp>) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !done(h) {
        assert!(Instant::now() < deadline, "not within {secs} s: {:#?}", labels(h));
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
}

/// Steps until a label containing `text` shows (20 s at most).
fn wait_for_label(h: &mut Harness<'_, GoroscopeApp>, text: &str) {
    wait_for(h, 20, |h| has_label(h, text));
}

/// Steps the window until `done` holds (at most `secs` seconds).
fn step_until(h: &mut Harness<'_, GoroscopeApp>, secs: u64, mut done: impl FnMut(&GoroscopeApp) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !done(h.state()) {
        assert!(Instant::now() < deadline, "not within {secs} s: {:#?}", labels(h));
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
}

fn saved(app: &GoroscopeApp) -> usize {
    app.capture_progress().map_or(0, |(s, _)| s.len())
}

fn ended(app: &GoroscopeApp) -> bool {
    app.capture_progress().is_some_and(|(_, done)| done)
}

fn form(dumps: u32, every: f64, dir: &Path) -> CaptureForm {
    CaptureForm {
        trace: false,
        dumps,
        every,
        heap: true,
        leak_profile: false,
        folder: dir.display().to_string(),
        ..CaptureForm::default()
    }
}

fn has_label(h: &Harness<'_, GoroscopeApp>, text: &str) -> bool {
    labels(h).iter().any(|l| l.contains(text))
}

#[test]
fn the_dialog_captures_dumps_that_grow_into_a_series() {
    let dir = out_dir("series");
    let server = series_server(Answer::ok(sample("series.5.heap.pb.gz")));
    let h = &mut window(form(3, 0.2, &dir), false);
    start(h, &server.url);
    step_until(h, 20, ended);
    wait_loaded(h);
    assert_eq!(h.state().capture_error(), None);
    let (files, _) = h.state().capture_progress().unwrap();
    assert_eq!(files.len(), 4, "three dumps and the heap: {files:?}");
    assert!(files.iter().all(|f| f.starts_with(&dir) && f.is_file()), "{files:?}");
    assert_eq!(h.state().pane_count(), (3, 3), "each dump joined the window: {:#?}", labels(h));
    for text in [
        "Series of 3 snapshots",
        "1 group grows",
        "growing: main.awaitReply",
        "Capture finished: 4 files saved.",
    ] {
        wait_for_label(h, text);
    }
    assert_eq!(h.state().settings.capture.url, server.url, "the URL is remembered");
    assert_eq!(server.asked.lock().unwrap().len(), 4);
}

#[test]
fn an_error_names_the_url_and_the_dumps_stay() {
    let dir = out_dir("error");
    let page = "<html><head><title>502 Bad Gateway</title></head></html>";
    let heap =
        Answer::Body { status: 502, reason: "Bad Gateway", content_type: "text/html", body: page.into() };
    let server = series_server(heap);
    let h = &mut window(form(2, 0.0, &dir), false);
    start(h, &server.url);
    step_until(h, 20, ended);
    wait_loaded(h);
    let want = format!(
        "{}/debug/pprof/heap?gc=1: the server answered with an HTML page (502 Bad Gateway)",
        server.url
    );
    assert_eq!(h.state().capture_error().as_deref(), Some(want.as_str()));
    wait_for_label(h, &want);
    wait_for_label(h, "The 2 files saved are kept.");
    assert_eq!(h.state().pane_count(), (2, 2));
}

#[test]
fn stop_ends_a_long_capture() {
    let dir = out_dir("stop");
    let server = series_server(Answer::ok(sample("series.5.heap.pb.gz")));
    let h = &mut window(form(500, 0.2, &dir), false);
    start(h, &server.url);
    step_until(h, 20, |a| saved(a) >= 2);
    h.get_by_label("Stop").click();
    h.step(); // the click is taken in this frame: the capture's stop flag is set
    let on_disk = std::fs::read_dir(&dir).unwrap().count();
    step_until(h, 10, ended);
    // At most the dump in flight when Stop was clicked comes after it (on a loaded machine
    // more may have arrived before the click was taken, which is not Stop's doing).
    let n = saved(h.state());
    assert!(n >= 2 && n <= on_disk + 1 && n < 500, "{n} files after Stop, {on_disk} on disk at Stop");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), n, "nothing written after the end");
    wait_for_label(h, "Capture finished");
    // The panel's lines settle after the last event; Close is at its top, which stays put.
    h.run_steps(2);
    h.get_by_label("Close").click();
    wait_for(h, 10, |h| h.query_by_label("Stop").is_none() && h.query_by_label("Close").is_none());
}

/// The real Go service (skipped with a note without Go): the series grows while the dumps
/// arrive, the trace arrives beside them, and the finished capture offers the trace, heap and
/// leak profile. Pictures of both moments where a renderer exists.
#[test]
fn live_capture_from_the_go_service() {
    let Some(svc) = common::go_service::Service::start("live_capture_from_the_go_service") else { return };
    let dir = out_dir("go-service");
    let render = can_render("live_capture_from_the_go_service");
    let f = CaptureForm {
        trace: true,
        trace_seconds: 2.0,
        dumps: 5,
        every: 0.5,
        heap: true,
        leak_profile: true,
        folder: dir.display().to_string(),
        ..CaptureForm::default()
    };
    let h = &mut window(f, render);
    start(h, &svc.url);
    // Mid-capture: the series of the dumps so far (three or more) shows and grows.
    let series = |h: &Harness<'_, GoroscopeApp>| {
        labels(h)
            .iter()
            .find_map(|l| l.strip_prefix("Series of ")?.strip_suffix(" snapshots")?.parse::<usize>().ok())
    };
    wait_for(h, 30, |h| series(h).is_some_and(|n| n >= 3));
    shot(h, render, "live-series");
    step_until(h, 30, ended);
    wait_loaded(h);
    assert_eq!(h.state().capture_error(), None);
    assert_eq!(h.state().pane_count(), (5, 5));
    wait_for_label(h, "Series of 5 snapshots");
    wait_for_label(h, "growing: main.awaitReply");
    for kind in ["execution trace", "heap profile", "goroutine leak profile"] {
        wait_for_label(h, &format!("Open the {kind}"));
    }
    shot(h, render, "finished");
    h.get_by_label("Open the execution trace").click();
    wait_for(h, 10, |h| h.state().pane_count().0 == 1);
    wait_loaded(h);
    assert_eq!(h.state().pane_count(), (1, 1));
    shot(h, render, "trace");
}

/// Writes a picture of the window to target/tmp/capture-shots/NAME.png (for looking at; not
/// compared: the port and times in it differ every run).
fn shot(h: &mut Harness<'_, GoroscopeApp>, render: bool, name: &str) {
    if !render {
        return;
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("capture-shots");
    std::fs::create_dir_all(&dir).unwrap();
    let image = h.render().expect("render");
    image.save(dir.join(format!("{name}.png"))).unwrap();
}

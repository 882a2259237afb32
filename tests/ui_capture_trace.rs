//! The live trace of File → Capture from a running program… (issue 15, item 2): a loopback
//! server sends a committed Go 1.27 sample's bytes in pieces and holds the rest back; the
//! window shows the trace from its first generation on, before the download is complete, and
//! the model it ends with is the one loading the file gives. A trace cut short (Stop, a lost
//! connection) loads as far as it is whole, as the same cut file does.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::capture::Growing;
use goroscope::format::trace::{Step, Tables, TraceStream};
use goroscope::load::{Progress, load_bytes, load_file, load_growing};
use goroscope::model::TraceModel;
use goroscope::ui::{CaptureForm, GoroscopeApp};

use crate::common;
use common::loopback::{Answer, serve};
use common::ui::{english, labels};

/// The first Go 1.27 sample (by name) of three or more generations, and where each ends.
fn sample_of_generations() -> (PathBuf, Vec<u8>, Vec<u64>) {
    let mut files = common::traces_of("go1.27", 5);
    files.sort();
    for path in files {
        let data = std::fs::read(&path).unwrap();
        let (mut stream, mut tables, mut ends) = (TraceStream::default(), Tables::default(), Vec::new());
        while let Ok(Step::Generation { end }) =
            stream.next_generation(&data, true, &mut tables, &mut |_| true, &mut |_| {})
        {
            ends.push(end);
        }
        if ends.len() >= 3 {
            return (path, data, ends);
        }
    }
    panic!("no Go 1.27 sample has three generations");
}

/// Steps the window until `done` holds (at most `secs` seconds): never a fixed number of
/// frames, which a loaded machine may not be done in.
fn wait_for(h: &mut Harness<'_, GoroscopeApp>, secs: u64, mut done: impl FnMut(&GoroscopeApp) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !done(h.state()) {
        assert!(Instant::now() < deadline, "not within {secs} s: {:#?}", labels(h));
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
}

/// Steps until `shown` holds of the window's widgets (10 s at most).
fn appear(h: &mut Harness<'_, GoroscopeApp>, shown: impl Fn(&Harness<'_, GoroscopeApp>) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !shown(h) {
        assert!(Instant::now() < deadline, "not shown: {:#?}", labels(h));
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
}

/// A model's printed form without its hash maps' contents (`index: {…}`: the string table's
/// lookup, whose order differs between two maps of the same entries; the strings themselves
/// are printed in order beside it).
fn printed(m: &TraceModel) -> String {
    let s = format!("{m:?}");
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(at) = rest.find("index: {") {
        out.push_str(&rest[..at + "index: {".len()]);
        let body = &rest[at + "index: {".len()..];
        let mut depth = 1;
        let end = body
            .char_indices()
            .find(|&(_, c)| {
                depth += match c {
                    '{' => 1,
                    '}' => -1,
                    _ => 0,
                };
                depth == 0
            })
            .map_or(body.len(), |(i, _)| i);
        let mut entries: Vec<&str> = body[..end].split(", ").collect();
        entries.sort_unstable();
        out.push_str(&entries.join(", "));
        rest = &body[end..];
    }
    out.push_str(rest);
    out
}

/// The two models are the same, or where their printed forms first differ.
fn same_model(live: &TraceModel, file: &TraceModel) {
    let (a, b) = (printed(live), printed(file));
    if let Some(at) = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).or((a.len() != b.len()).then_some(0))
    {
        let around =
            |s: &str| s.get(at.saturating_sub(200)..(at + 200).min(s.len())).unwrap_or("").to_string();
        panic!("the live model differs from the file's at {at}:\nlive: {}\nfile: {}", around(&a), around(&b));
    }
}

/// The window, its capture of a trace of `secs` seconds from `url` started through the form.
fn capture_trace(url: &str, name: &str, secs: f64, render: bool) -> Harness<'static, GoroscopeApp> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ui-capture-trace").join(name);
    std::fs::remove_dir_all(&dir).ok();
    let form = CaptureForm {
        url: String::new(),
        trace: true,
        trace_seconds: secs,
        dumps: 0,
        heap: false,
        leak_profile: false,
        folder: dir.display().to_string(),
        ..CaptureForm::default()
    };
    let b = Harness::builder().with_size(egui::vec2(1500.0, 900.0));
    let b = if render { b.wgpu() } else { b };
    let mut harness = b.build_eframe(move |cc| {
        let mut app = english(GoroscopeApp::new(cc, Vec::new()));
        app.settings.capture = form;
        app
    });
    let h = &mut harness;
    h.get_by_label("File").click();
    appear(h, |h| h.query_by_label("Capture from a running program…").is_some());
    h.get_by_label("Capture from a running program…").click();
    let field = || egui::accesskit::Role::TextInput;
    appear(h, |h| h.query_by_role_and_label(field(), "Program URL").is_some());
    h.get_by_role_and_label(field(), "Program URL").click();
    h.run_steps(1);
    h.get_by_role_and_label(field(), "Program URL").type_text(url);
    wait_for(h, 10, |a| a.settings.capture.url == url);
    h.get_by_label("Start capture").click();

    harness
}

#[test]
fn the_trace_shows_while_it_arrives_and_ends_as_the_file_loads() {
    let (path, data, ends) = sample_of_generations();
    let gate = Arc::new(AtomicBool::new(false));
    // The first generation whole, then part of the second; the rest waits for the gate.
    let first = (ends[0] + (ends[1] - ends[0]) / 2) as usize;
    let (body, open) = (data.clone(), gate.clone());
    let server = serve(None, move |p| {
        assert!(p.starts_with("/debug/pprof/trace"), "asked for {p}");
        Answer::Dribble { body: body.clone(), first, gate: open.clone(), piece: 1 << 20 }
    });
    let h = &mut capture_trace(&server.url, "loopback", 1.0, false);

    // Before the download is complete (the gate is shut), the first generation shows.
    wait_for(h, 30, |a| a.shown_trace().is_some_and(|(_, partial)| partial));
    let (partial, _) = h.state().shown_trace().unwrap();
    assert!(partial.events > 0 && partial.goroutines.len() > 1, "an empty partial model");
    assert!(!gate.load(Ordering::SeqCst));
    assert!(h.state().capture_progress().is_some_and(|(saved, done)| saved.is_empty() && !done));

    gate.store(true, Ordering::SeqCst);
    wait_for(h, 30, |a| {
        a.capture_progress().is_some_and(|(_, done)| done) && a.shown_trace().is_some_and(|(_, p)| !p)
    });
    assert_eq!(h.state().capture_error(), None);
    let (shown, _) = h.state().shown_trace().unwrap();
    assert!(shown.events > partial.events, "{} events, as many as the partial's", shown.events);
    let file = load_file(&path, &Progress::default()).unwrap();
    let expected = file.trace.as_ref().unwrap();
    same_model(&shown, expected);
}

/// Stop in the window while the trace arrives: the capture keeps the bytes that came, and
/// the pane ends with the model of that cut file, not the whole trace.
#[test]
fn stop_keeps_the_trace_shown_so_far() {
    let (_, data, ends) = sample_of_generations();
    let first = ends[0] as usize + 1;
    let body = data.clone();
    // The rest comes 64 bytes at a time: far slower than the test's Stop.
    let server = serve(None, move |_| Answer::Dribble {
        body: body.clone(),
        first,
        gate: Arc::new(AtomicBool::new(true)),
        piece: 64,
    });
    let h = &mut capture_trace(&server.url, "stopped", 1.0, false);
    wait_for(h, 30, |a| a.shown_trace().is_some_and(|(_, partial)| partial));
    h.get_by_label("Stop").click();
    wait_for(h, 30, |a| {
        a.capture_progress().is_some_and(|(_, done)| done) && a.shown_trace().is_some_and(|(_, p)| !p)
    });
    let (saved, _) = h.state().capture_progress().unwrap();
    assert_eq!(saved.len(), 1, "the cut trace was not kept: {saved:?}");
    let cut = std::fs::read(&saved[0]).unwrap();
    assert!(cut.len() > first && cut.len() < data.len(), "{} of {} bytes kept", cut.len(), data.len());
    let file = load_file(&saved[0], &Progress::default()).unwrap();
    let (shown, _) = h.state().shown_trace().unwrap();
    same_model(&shown, file.trace.as_ref().unwrap());
    assert!(shown.cut_at_byte.is_some(), "the cut trace loaded without its cut");
}

/// Stop (or a lost connection) ends the download mid-generation: what is whole loads, with
/// the warning the same cut file gives.
#[test]
fn a_cut_download_loads_as_far_as_it_is_whole() {
    let (path, data, ends) = sample_of_generations();
    let cut = &data[..(ends[1] + (ends[2] - ends[1]) / 2) as usize];
    let growing = Arc::new(Growing::default());
    let feeder = growing.clone();
    let pieces: Vec<Vec<u8>> = cut.chunks(cut.len() / 7).map(<[u8]>::to_vec).collect();
    let spawned = std::thread::Builder::new().name("test-feed".into()).spawn(move || {
        for p in pieces {
            feeder.push(&p);
            std::thread::sleep(Duration::from_millis(30));
        }
        feeder.finish();
    });
    spawned.unwrap();
    let mut partials = 0;
    let live = load_growing(&path, &growing, None, &Progress::default(), &mut |_| partials += 1).unwrap();
    assert!(partials >= 2, "{partials} partial models for two whole generations");
    let file = load_bytes(&path, cut, &Progress::default()).unwrap();
    let (live, file) = (live.trace.unwrap(), file.trace.unwrap());
    assert!(live.cut_at_byte.is_some() && !live.warnings.is_empty(), "no warning for the cut");
    same_model(&live, &file);
}

/// The real Go service (skipped with a note without Go, required in CI): a trace of four
/// seconds arrives a generation about every second; the window shows it from the first one,
/// with more of it later, and ends with the model of the saved file. Pictures of the trace
/// arriving and arrived go to target/tmp/capture-shots/ where a renderer exists.
#[test]
fn a_trace_from_the_go_service_grows_as_it_arrives() {
    let test = "a_trace_from_the_go_service_grows_as_it_arrives";
    let Some(svc) = common::go_service::Service::start(test) else { return };
    let render = common::ui::can_render(test);
    let h = &mut capture_trace(&svc.url, "go-service", 4.0, render);
    let partial_events = |a: &GoroscopeApp| a.shown_trace().filter(|(_, p)| *p).map(|(m, _)| m.events);
    wait_for(h, 30, |a| partial_events(a).is_some());
    let first = partial_events(h.state()).unwrap();
    assert!(h.state().capture_progress().is_some_and(|(saved, done)| saved.is_empty() && !done));
    // A later generation, still before the end of the download.
    wait_for(h, 30, |a| {
        partial_events(a).is_some_and(|n| n > first) || a.capture_progress().is_some_and(|(_, d)| d)
    });
    let second = partial_events(h.state());
    assert!(second.is_some(), "the trace ended without a second partial model (first had {first} events)");
    shot(h, render, "trace-arriving");
    wait_for(h, 30, |a| {
        a.capture_progress().is_some_and(|(_, done)| done) && a.shown_trace().is_some_and(|(_, p)| !p)
    });
    assert_eq!(h.state().capture_error(), None);
    let (saved, _) = h.state().capture_progress().unwrap();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let file = load_file(&saved[0], &Progress::default()).unwrap();
    let (shown, _) = h.state().shown_trace().unwrap();
    same_model(&shown, file.trace.as_ref().unwrap());
    shot(h, render, "trace-arrived");
}

/// Writes a picture of the window to target/tmp/capture-shots/NAME.png (to look at; the port
/// and times in it differ every run).
fn shot(h: &mut Harness<'_, GoroscopeApp>, render: bool, name: &str) {
    if !render {
        return;
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("capture-shots");
    std::fs::create_dir_all(&dir).unwrap();
    h.run_steps(2);
    h.render().expect("render").save(dir.join(format!("{name}.png"))).unwrap();
}

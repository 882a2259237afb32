//! The source view (pprof's `list`) in the window, driven by egui_kittest on the committed
//! heap sample: a function's source is opened from the top table's right-click menu, from
//! the callers/callees panel and from the flame graph's right-click menu; without a source
//! root the view says which file it could not find; a source root added in Settings (the
//! samples' build path `samples` → `sample-traces/programs`) finds it, and the lines that
//! carry samples are the ones `go tool pprof -list` annotates.
#![cfg(feature = "gui")]

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::ui::GoroscopeApp;

use crate::common;
use common::ui::{labels, open_loaded as open, sample};

/// Steps until a label starting with `prefix` shows (the files are read on a thread).
fn wait_for(h: &mut Harness<'_, GoroscopeApp>, prefix: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(l) = labels(h).into_iter().find(|l| l.starts_with(prefix)) {
            return l;
        }
        assert!(Instant::now() < deadline, "no {prefix:?} in {:#?}", labels(h));
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
}

/// The lines `go tool pprof -list` annotated (cum not ".") in a committed listing's routine.
fn golden_sampled(file: &str, function: &str) -> Vec<i64> {
    let text = std::fs::read_to_string(sample(file)).expect("committed pprof output");
    let block =
        text.split("ROUTINE ======================== ").find(|b| b.starts_with(&format!("{function} in ")));
    let block = block.unwrap_or_else(|| panic!("no {function} in {file}"));
    block
        .lines()
        .skip(2)
        .filter_map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            (w.len() >= 3 && w[1] != ".").then(|| w[2].trim_end_matches(':').parse().unwrap())
        })
        .collect()
}

/// Our sampled lines: the "Line N: F flat, C cum: code" labels whose cum is not ".".
fn shown_sampled(h: &Harness<'_, GoroscopeApp>) -> Vec<i64> {
    labels(h)
        .iter()
        .filter_map(|l| {
            let (n, rest) = l.strip_prefix("Line ")?.split_once(": ")?;
            let cum = rest.split_once(" flat, ")?.1.split_once(" cum")?.0;
            (cum != ".").then(|| n.parse().unwrap())
        })
        .collect()
}

fn row(h: &Harness<'_, GoroscopeApp>, name: &str) -> String {
    let suffix = format!(": {name}");
    labels(h).into_iter().find(|l| l.starts_with("Top ") && l.ends_with(&suffix)).expect("a row")
}

#[test]
fn the_tables_menu_opens_the_source_and_a_source_root_finds_it() {
    let h = &mut open(sample("go1.27/memleak.heap.pb.gz"));
    let want = golden_sampled("go1.27/memleak.heap.top-inuse_space.list.txt", "main.remember");
    assert_eq!(want, vec![31]);
    h.get_by_label(&row(h, "main.remember")).click_secondary();
    h.run_steps(2);
    h.get_by_label("Show source").click();
    h.run_steps(2);
    assert!(h.query_by_label("Source of main.remember").is_some(), "{:#?}", labels(h));
    // The samples' paths are their build's (samples/memleak/main.go): not here as they are.
    let missing = wait_for(h, "Source file not found: samples/memleak/main.go");
    assert!(missing.contains("looked in"), "{missing}");
    // Settings > Source roots: samples → sample-traces/programs.
    h.get_by_label("Settings").click();
    h.run_steps(2);
    h.get_by_label("Source roots…").click();
    h.run_steps(2);
    h.get_by_label("Add a source root").click();
    h.run_steps(2);
    for (field, text) in [
        ("Source root 1: build path", "samples".to_string()),
        ("Source root 1: folder here", sample("programs").display().to_string()),
    ] {
        h.get_by_label(field).focus();
        h.run_steps(2);
        h.get_by_label(field).type_text(&text);
        h.run_steps(2);
    }
    assert_eq!(h.state().settings.source_roots.len(), 1, "{:?}", h.state().settings.source_roots);
    wait_for(h, "Line 31: ");
    assert_eq!(shown_sampled(h), want, "the lines pprof's list annotates");
    let line = wait_for(h, "Line 31: ");
    assert!(
        line.ends_with("cache[key] = make([]byte, entry) // EXPECT: finding kind=heap-retention"),
        "{line}"
    );
}

#[test]
fn callers_and_the_flame_graph_open_the_source_too() {
    let h = &mut open(sample("go1.27/memleak.heap.pb.gz"));
    h.state_mut().settings.source_roots = vec![goroscope::sources::Rewrite {
        from: "samples".into(),
        to: sample("programs").display().to_string(),
    }];
    let want = golden_sampled("go1.27/memleak.heap.top-inuse_space.list.txt", "main.main");
    h.get_by_label(&row(h, "main.main")).click();
    h.run_steps(3);
    h.get_by_label("Source").click();
    h.run_steps(2);
    wait_for(h, "Line 52: ");
    assert_eq!(shown_sampled(h), want);
    h.get_by_label("Back to the flame graph").click();
    h.run_steps(2);
    assert!(h.query_by_label("Source of main.main").is_none());
    // The flame graph's first row under "all" is the biggest root frame.
    let flame = h.get_by_label("Flame graph of inuse_space");
    let r = flame.rect();
    let at = egui::pos2(r.left() + 4.0, r.top() + 18.0 + 9.0);
    h.hover_at(at);
    h.run_steps(1);
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Secondary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(1);
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Secondary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(2);
    assert!(h.query_by_label("Show source").is_some(), "flame {r:?}: {:#?}", labels(h));
    h.get_by_label("Show source").click();
    h.run_steps(2);
    wait_for(h, "Source of runtime.main");
}

/// At line granularity, a `file:line` row opens its function's source at that line.
#[test]
fn a_file_line_row_opens_its_source() {
    let h = &mut open(sample("go1.27/memleak.heap.pb.gz"));
    h.state_mut().settings.source_roots = vec![goroscope::sources::Rewrite {
        from: "samples".into(),
        to: sample("programs").display().to_string(),
    }];
    h.get_by_label("lines").click();
    h.run_steps(3);
    let top = labels(h).into_iter().find(|l| l.starts_with("Top 1: ")).expect("a first row");
    assert!(top.ends_with("main.remember samples/memleak/main.go:31"), "{top}");
    h.get_by_label(&top).click();
    h.run_steps(3);
    assert!(h.query_by_label("Source of main.remember").is_some(), "{:#?}", labels(h));
    let line = wait_for(h, "Line 31: ");
    assert!(line.contains("cache[key] = make([]byte, entry)"), "{line}");
}

/// "Open in editor" (traces', dumps' and profiles' frames alike) opens the file where the
/// source roots find it: the editor command, here `cp {file} DIR/opened-{line}`, gets the
/// sample's source in the repository for the build path `samples/memleak/main.go`.
#[test]
fn open_in_editor_goes_through_the_source_roots() {
    let h = &mut open(sample("go1.27/memleak.heap.pb.gz"));
    let dir = std::env::temp_dir().join(format!("goroscope-open-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let copied = dir.join("opened-31");
    h.state_mut().settings.source_roots = vec![goroscope::sources::Rewrite {
        from: "samples".into(),
        to: sample("programs").display().to_string(),
    }];
    h.state_mut().settings.editor_command = format!("cp {{file}} {}/opened-{{line}}", dir.display());
    h.state_mut().command(goroscope::ui::Command::OpenInEditor("samples/memleak/main.go".into(), 31));
    h.run_steps(2);
    let deadline = Instant::now() + Duration::from_secs(20);
    while !copied.exists() {
        assert!(Instant::now() < deadline, "the editor command never ran: {:?}", h.state().notice());
        std::thread::sleep(Duration::from_millis(20));
    }
    // cp may still be writing: wait for the whole file.
    let want = std::fs::read(sample("programs/memleak/main.go")).unwrap();
    while std::fs::read(&copied).unwrap().len() < want.len() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(std::fs::read(&copied).unwrap(), want);
    std::fs::remove_dir_all(&dir).ok();
}

/// An editor command that cannot run is named in the window's notice, once its thread has
/// tried (the lookup and the spawn are off the frame).
#[test]
fn an_editor_command_that_cannot_run_is_named_in_the_notice() {
    let h = &mut open(sample("go1.27/memleak.heap.pb.gz"));
    h.state_mut().settings.editor_command = "/nonexistent/goroscope-editor +{line} {file}".into();
    h.state_mut().command(goroscope::ui::Command::OpenInEditor("samples/memleak/main.go".into(), 31));
    let deadline = Instant::now() + Duration::from_secs(20);
    while h.state().notice().is_none() {
        assert!(Instant::now() < deadline, "no notice");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    let notice = h.state().notice().unwrap_or_default().to_string();
    let want =
        "Cannot run the editor command \"/nonexistent/goroscope-editor +31 samples/memleak/main.go\": ";
    assert!(notice.starts_with(want), "{notice}");
}

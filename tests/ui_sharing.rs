//! Screen-sharing features of the window, driven by egui_kittest on a real sample: the
//! presentation key (scale and palette, and back), Ctrl +/−/0 with the timeline keeping at
//! least half the window's width.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::ui::{GoroscopeApp, Palette};

use crate::common;
use common::ui::{labels, open};

fn leaky() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27/httpleak.trace");
    assert!(p.is_file(), "missing sample {}", p.display());
    p
}

/// The goroutine rows' width as a fraction of the window's (kittest's rects are in points).
fn timeline_share(h: &Harness<'_, GoroscopeApp>) -> f32 {
    let rows = h.get_by_label("Goroutine rows").rect();
    let window = h.ctx.content_rect();
    rows.width() / window.width()
}

#[test]
fn presentation_key_changes_scale_and_palette_and_back() {
    let h = &mut open(leaky());
    assert_eq!(h.ctx.zoom_factor(), 1.0);
    assert_eq!(h.state().effective_palette(), Palette::Default);
    h.key_press(Key::F5);
    h.run_steps(3);
    assert!(h.state().is_presenting());
    assert!((h.ctx.zoom_factor() - 1.5).abs() < 1e-3, "zoom {}", h.ctx.zoom_factor());
    assert_eq!(h.state().effective_palette(), Palette::ColourBlind);
    // The legend matches the palette: the channel waits share one hue, so one chip names them.
    let chip = "chan send / chan receive / select / forever";
    assert!(h.query_by_label(chip).is_some(), "no {chip:?} in {:#?}", labels(h));
    // The suspects and the timeline stay; the filter box collapses while it is empty.
    assert!(h.query_by_label("Goroutine rows").is_some(), "{:#?}", labels(h));
    assert!(timeline_share(h) >= 0.5, "timeline share {}", timeline_share(h));
    h.key_press(Key::F5);
    h.run_steps(3);
    assert!(!h.state().is_presenting());
    assert!((h.ctx.zoom_factor() - 1.0).abs() < 1e-3);
    assert_eq!(h.state().effective_palette(), Palette::Default);
    assert!(h.query_by_label(chip).is_none() && h.query_by_label("chan send").is_some());
}

#[test]
fn presentation_and_scale_keys_are_listed_in_help() {
    let h = &mut open(leaky());
    h.key_press(Key::Questionmark);
    h.run_steps(2);
    for help in [
        "Larger type, the colour-blind-safe palette",
        "Make the whole window larger",
        "Back to the usual size",
    ] {
        assert!(h.query_by_label_contains(help).is_some(), "no {help:?} in {:#?}", labels(h));
    }
}

#[test]
fn ctrl_plus_minus_scale_and_the_timeline_keeps_half_the_width() {
    let h = &mut open(leaky());
    let at_one = timeline_share(h);
    assert!(at_one >= 0.5, "timeline share {at_one} at 100%");
    for _ in 0..6 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
        h.run_steps(2);
    }
    assert!((h.ctx.zoom_factor() - 2.0).abs() < 1e-3, "zoom {}", h.ctx.zoom_factor());
    assert_eq!(h.state().settings.ui_scale, 2.0);
    let at_two = timeline_share(h);
    assert!(at_two >= 0.5, "timeline share {at_two} at 200%");
    // Presenting on top of 200% is 300%: the panels still leave the timeline half.
    h.key_press(Key::F5);
    h.run_steps(3);
    assert!((h.ctx.zoom_factor() - 3.0).abs() < 1e-3);
    assert!(timeline_share(h) >= 0.5, "timeline share {} at 300%", timeline_share(h));
    h.key_press(Key::F5);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.run_steps(3);
    assert!((h.ctx.zoom_factor() - 1.75).abs() < 1e-3, "zoom {}", h.ctx.zoom_factor());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run_steps(3);
    assert!((h.ctx.zoom_factor() - 1.0).abs() < 1e-3);
    assert_eq!(h.state().settings.ui_scale, 1.0);
}

#[test]
fn next_and_previous_bookmark_fly_the_view_to_each_range() {
    let h = &mut open(leaky());
    let (_, end) = h.state().visible_window();
    assert!(end > 1e9, "the sample is about 2 s long, window ends at {end}");
    let ranges = [(0.1e9, 0.3e9), (1.2e9, 1.5e9)];
    // Made out of order: the panel keeps them in time order.
    for &(a, b) in ranges.iter().rev() {
        h.state_mut().set_window(a, b);
        h.run_steps(2);
        h.key_press(Key::B);
        h.run_steps(2);
    }
    assert!(h.query_by_label("Bookmarks (2)").is_some(), "{:#?}", labels(h));
    h.key_press(Key::Home);
    h.run_steps(2);
    let close = |w: (f64, f64), r: (f64, f64)| (w.0 - r.0).abs() < 1.0 && (w.1 - r.1).abs() < 1.0;
    // The last one made (the first in time) is current: next goes to the later one, then wraps.
    h.key_press(Key::CloseBracket);
    h.run_steps(2);
    assert!(close(h.state().visible_window(), ranges[1]), "window {:?}", h.state().visible_window());
    h.key_press(Key::CloseBracket);
    h.run_steps(2);
    assert!(close(h.state().visible_window(), ranges[0]), "window {:?}", h.state().visible_window());
    h.key_press(Key::OpenBracket);
    h.run_steps(2);
    assert!(close(h.state().visible_window(), ranges[1]), "window {:?}", h.state().visible_window());
    // The panel's go button flies there too.
    h.get_by_label("Go to bookmark Bookmark 2").click();
    h.run_steps(2);
    assert!(close(h.state().visible_window(), ranges[0]), "window {:?}", h.state().visible_window());
}

/// A fresh folder under the target dir for one test's session files.
fn scratch(test: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(test);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn a_saved_session_reopens_files_window_filter_selection_and_bookmarks() {
    let sample = leaky();
    let h = &mut open(sample.clone());
    h.state_mut().set_window(0.4e9, 0.9e9);
    h.key_press(Key::B);
    h.run_steps(2);
    h.state_mut().command(goroscope::ui::Command::SetFilter("serve".into()));
    h.run_steps(2);
    let id = 10; // G10, one of the 50 stuck handlers (net/http.(*conn).serve)
    h.state_mut().command(goroscope::ui::Command::SelectIds(vec![id]));
    h.run_steps(2);
    h.state_mut().set_window(0.5e9, 1.0e9);
    h.run_steps(2);
    assert_eq!(h.state().selected_ids(0), vec![id]);
    let session = scratch("session_round_trip").join("leak.goroscope");
    h.state_mut().save_session(&session).expect("saved");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&session).unwrap()).unwrap();
    assert_eq!(json["goroscope_session"], 1);
    assert_eq!(json["selected_goroutine"], id);
    assert_eq!(json["view"]["start_ns"].as_i64(), Some(500_000_000), "{json}");
    assert_eq!(json["bookmarks"][0]["start_ns"].as_i64(), Some(400_000_000), "{json}");
    assert_eq!(json["files"][0]["sha256"].as_str().unwrap().len(), 64);
    assert!(json["files"][0]["path"].as_str().unwrap().starts_with(".."), "not relative: {json}");

    let h = &mut open(session.clone());
    assert_eq!(h.state().pane_paths().len(), 1);
    assert_eq!(
        std::fs::canonicalize(&h.state().pane_paths()[0]).unwrap(),
        std::fs::canonicalize(&sample).unwrap()
    );
    let (start, end) = h.state().visible_window();
    assert!((start - 0.5e9).abs() < 1.0 && (end - 1.0e9).abs() < 1.0, "window {start}..{end}");
    let (filter, marks) = h.state().filter_and_bookmarks();
    assert_eq!(filter, "serve");
    assert_eq!(marks, vec!["Bookmark 1".to_string()]);
    assert_eq!(h.state().selected_ids(0), vec![id]);
    assert!(h.state().notice().is_none(), "{:?}", h.state().notice());
}

#[test]
fn a_session_with_a_missing_and_a_changed_file_names_them_and_opens_the_rest() {
    let dir = scratch("session_problems");
    let sample = std::fs::canonicalize(leaky()).unwrap();
    let text = serde_json::json!({
        "goroscope_session": 1,
        "files": [
            {"path": "gone.trace", "sha256": "00"},
            {"path": sample, "sha256": "0000000000000000000000000000000000000000000000000000000000000000"},
        ],
        "bookmarks": [],
    });
    let session = dir.join("broken.goroscope");
    std::fs::write(&session, text.to_string()).unwrap();
    let h = &mut open(session);
    let notice = h.state().notice().unwrap_or_default().to_string();
    assert!(notice.contains("gone.trace") && notice.contains("is missing"), "{notice}");
    assert!(notice.contains("httpleak.trace") && notice.contains("changed"), "{notice}");
    assert_eq!(h.state().pane_count(), (1, 1));
}

/// What the last frame put on the clipboard.
fn copied(h: &Harness<'_, GoroscopeApp>) -> Option<String> {
    h.output().platform_output.commands.iter().find_map(|c| match c {
        egui::OutputCommand::CopyText(t) => Some(t.clone()),
        _ => None,
    })
}

#[test]
fn a_suspect_copies_as_markdown_with_its_count_reason_sites_and_stack() {
    // What the program planted (sample-traces/programs/httpleak/expect.json).
    let exp: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/programs/httpleak/expect.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let g = &exp["groups"][0];
    let count = g["count_min"].as_u64().unwrap();
    let reason = g["reason"].as_str().unwrap();
    let h = &mut open(leaky());
    h.get_by_label_contains(&format!("{count} × {reason}")).click();
    h.run_steps(2);
    h.get_by_label("Copy suspect #1 as Markdown").click();
    h.step();
    let md = copied(h).expect("nothing copied");
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines[0], format!("### Suspect #1: {count} × {reason}"), "{md}");
    assert!(lines.contains(&format!("- state: waiting ({reason})").as_str()), "{md}");
    let blocked_at = format!("- blocked at: `{}` ", g["blocking_function"].as_str().unwrap());
    let file_line = format!("{}:{}", g["blocking_file"].as_str().unwrap(), g["blocking_line"]);
    assert!(lines.iter().any(|l| l.starts_with(&blocked_at) && l.ends_with(&file_line)), "{md}");
    let created = format!(
        "- created at: `{}` {}:{}",
        g["created_function"].as_str().unwrap(),
        g["created_file"].as_str().unwrap(),
        g["created_line_by_version"]["1.27"]
    );
    assert!(lines.contains(&created.as_str()), "no {created:?} in {md}");
    // The stack as a fenced block, Go's traceback layout: function, then file:line indented.
    let fence: Vec<usize> = (0..lines.len()).filter(|&i| lines[i] == "```").collect();
    assert_eq!(fence.len(), 2, "{md}");
    let block = &lines[fence[0] + 1..fence[1]];
    let i =
        block.iter().position(|l| *l == g["blocking_function"].as_str().unwrap()).expect("blocking frame");
    assert!(block[i + 1].starts_with('\t') && block[i + 1].ends_with(&file_line), "{md}");
}

#[test]
fn export_view_writes_a_png_of_the_window() {
    if !common::ui::can_render("export_view_writes_a_png_of_the_window") {
        return;
    }
    let h = &mut open(leaky());
    let out = scratch("export_png").join("view.png");
    let ctx = h.ctx.clone();
    h.state_mut().export_png_to(out.clone(), &ctx);
    for _ in 0..5 {
        h.step();
        if h.state().notice().is_some() {
            break;
        }
    }
    assert!(h.state().notice().is_some_and(|n| n.starts_with("View saved to")), "{:?}", h.state().notice());
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&out).unwrap()));
    let reader = decoder.read_info().expect("a PNG");
    let info = reader.info();
    // The harness window is 1500×900 points at one pixel per point.
    assert_eq!((info.width, info.height), (1500, 900));
    assert!(std::fs::metadata(&out).unwrap().len() > 20_000, "an empty picture?");
}

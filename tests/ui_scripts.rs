//! Every script a Go program's names come in has glyphs in the window's fonts with no system
//! font at all (the bundled subset alone, as on a bare machine): the frames of real Go
//! dumps whose functions and files are named in Chinese and Japanese (the 国际化 sample) and
//! in Korean hangul (`programs/dumps/hangul`, its file 주문.go). A character with no glyph
//! draws as a box, the function name unreadable (probe r28b: `main.□□□□`).
#![cfg(feature = "gui")]

use std::collections::BTreeSet;
use std::path::Path;

fn sample(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)).unwrap()
}

/// The characters outside ASCII in a dump's frame lines (functions and files).
fn frame_chars(dump: &str) -> BTreeSet<char> {
    dump.lines()
        .filter(|l| !l.starts_with("goroutine ") && !l.is_empty())
        .flat_map(str::chars)
        .filter(|c| !c.is_ascii())
        .collect()
}

#[test]
fn the_bundled_font_draws_chinese_japanese_and_korean_names() {
    let ctx = egui::Context::default();
    goroscope::ui::install_fonts(&ctx, false);
    let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
    out.textures_delta.clear();
    for (rel, script) in [
        ("go1.27/国际化.goroutine-2.txt", None),
        ("dumps/go1.27/hangul.goroutine-2.txt", Some('\u{AC00}'..='\u{D7A3}')),
    ] {
        let chars = frame_chars(&sample(rel));
        assert!(chars.len() >= 6, "{rel}: {chars:?}");
        if let Some(range) = script {
            assert!(
                chars.iter().filter(|&&c| range.contains(&c)).count() >= 6,
                "{rel}: no hangul in {chars:?}"
            );
        }
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            let id = egui::FontId::new(14.0, family.clone());
            let missing: Vec<char> =
                chars.iter().copied().filter(|&c| !ctx.fonts_mut(|f| f.has_glyph(&id, c))).collect();
            assert!(missing.is_empty(), "{rel}, {family:?}: no glyph for {missing:?}");
        }
    }
}

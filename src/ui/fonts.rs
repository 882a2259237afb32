//! Fonts for every script a trace may hold. egui's default fonts cover Latin, Greek,
//! Cyrillic and some symbols; a path like `/home/张伟/服务/main.go`, a pprof label or a
//! trace log in Chinese, Japanese or Korean would show as boxes. egui looks a character up
//! in a family's fonts in order and takes the first that has it, so its default fonts stay
//! first (Latin text keeps its look) and the fallbacks are appended to both the Proportional
//! and the Monospace families:
//!   1. the system's CJK fonts, when it has any (fontconfig's list if `fc-list` exists, else
//!      the usual font directories, by file name), for full coverage;
//!   2. the bundled subset of Noto Sans CJK SC (`assets/fonts/`, 2.7 MiB: simplified and
//!      frequent traditional hanzi, Japanese kana and kanji, the 2,350 hangul syllables of
//!      KS X 1001, CJK punctuation), so a bare machine still shows Chinese, Japanese and
//!      Korean names (`tests/ui_scripts.rs`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

const BUNDLED: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-subset.otf");
/// At most this many system fonts: each is read whole into memory (a CJK collection is
/// about 20 MiB), and two already cover every CJK script.
const MAX_SYSTEM_FONTS: usize = 2;

/// File-name words of common CJK font families (Noto/Source Han, Droid, WenQuanYi, AR PL,
/// IPA, Nanum, Un, Takao, VL Gothic).
const CJK_NAME_HINTS: &[&str] = &[
    "cjk",
    "sourcehan",
    "droidsansfallback",
    "wqy",
    "ukai",
    "uming",
    "ipag",
    "ipam",
    "ipaex",
    "nanum",
    "unbatang",
    "undotum",
    "takao",
    "vl-gothic",
    "notosanssc",
    "notosanstc",
    "notosansjp",
    "notosanskr",
];

/// The fonts the window uses: egui's defaults, then the CJK fallbacks. `system` is false in
/// tests, so snapshots look the same on every machine.
pub fn definitions(system: bool) -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let mut names = Vec::new();
    if system {
        for path in system_cjk_fonts().into_iter().take(MAX_SYSTEM_FONTS) {
            let Ok(bytes) = std::fs::read(&path) else { continue };
            let name = format!("system:{}", path.display());
            fonts.font_data.insert(name.clone(), Arc::new(FontData::from_owned(bytes)));
            names.push(name);
        }
    }
    fonts.font_data.insert("noto-sans-cjk-sc-subset".into(), Arc::new(FontData::from_static(BUNDLED)));
    names.push("noto-sans-cjk-sc-subset".into());
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts.families.entry(family).or_default().extend(names.iter().cloned());
    }
    fonts
}

/// Installs [`definitions`] in the window.
pub fn install(ctx: &egui::Context, system: bool) {
    ctx.set_fonts(definitions(system));
}

/// CJK font files of this system, best first: fontconfig's, else a directory scan.
pub fn system_cjk_fonts() -> Vec<PathBuf> {
    let mut found = fontconfig_cjk_fonts();
    if found.is_empty() {
        for dir in font_dirs() {
            scan(&dir, 0, &mut found);
        }
        found.sort();
    }
    // Regular weights first: bold CJK faces make thin text hard to read.
    found.sort_by_key(|p| p.to_string_lossy().to_lowercase().contains("bold"));
    found.dedup();
    found
}

/// `fc-list :lang=zh file` (then ja, ko): fontconfig knows which fonts cover a language.
fn fontconfig_cjk_fonts() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for lang in ["zh", "ja", "ko"] {
        let Ok(o) = std::process::Command::new("fc-list").arg(format!(":lang={lang}")).arg("file").output()
        else {
            return out;
        };
        for line in String::from_utf8_lossy(&o.stdout).lines() {
            let p = PathBuf::from(line.trim().trim_end_matches(':'));
            if is_font_file(&p) && !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

fn font_dirs() -> Vec<PathBuf> {
    let mut dirs = vec![PathBuf::from("/usr/share/fonts"), PathBuf::from("/usr/local/share/fonts")];
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join(".local/share/fonts"));
        dirs.push(Path::new(&home).join(".fonts"));
    }
    dirs
}

fn scan(dir: &Path, depth: u32, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() && depth < 4 {
            scan(&p, depth + 1, out);
        } else if is_font_file(&p) {
            let name = p.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
            if CJK_NAME_HINTS.iter().any(|h| name.contains(h)) {
                out.push(p);
            }
        }
    }
}

fn is_font_file(p: &Path) -> bool {
    let ext = p.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    matches!(ext.as_str(), "ttf" | "otf" | "ttc" | "otc")
}

//! `goroscope screenshot` (the contract in DESIGN.md): the leaky sample drawn offscreen as
//! the window shows it, in English, in presentation mode, in Chinese and from a session file;
//! each PNG has the asked size and differs from the others. Rendering needs a wgpu adapter
//! (Mesa's software Vulkan here and in CI, `WGPU_BACKEND=vulkan`): without a Vulkan driver
//! these skip, unless `GOROSCOPE_REQUIRE_SNAPSHOTS` (set by `.ci/run`) makes that a failure.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common;
use common::ui::can_render;

fn leaky() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27/httpleak.trace")
}

fn scratch(test: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(test);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Runs `goroscope screenshot ARGS`, returning its exit code and standard error.
fn screenshot(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_goroscope"))
        .arg("screenshot")
        .args(args)
        .output()
        .expect("run goroscope");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// A PNG's size and RGBA pixels.
fn decode(path: &Path) -> ([u32; 2], Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgba, "{}", path.display());
    buf.truncate(info.buffer_size());
    ([info.width, info.height], buf)
}

/// The share of pixels that differ between two pictures of one size.
fn differing(a: &[u8], b: &[u8]) -> f64 {
    let n = a.chunks_exact(4).zip(b.chunks_exact(4)).filter(|(p, q)| p != q).count();
    n as f64 / (a.len() / 4) as f64
}

#[test]
fn the_leaky_sample_renders_normal_presenting_in_chinese_and_from_a_session() {
    if !can_render("the_leaky_sample_renders_normal_presenting_in_chinese_and_from_a_session") {
        return;
    }
    let dir = scratch("screenshot_four");
    let sample = leaky();
    // A session on the sample: half a second of the window, the handlers filtered, G10 (one
    // of the 50 stuck handlers, net/http.(*conn).serve) selected.
    let session_path = dir.join("leak.goroscope");
    let mut session = goroscope::session::Session::new(std::slice::from_ref(&sample), &session_path).unwrap();
    session.pane.view = Some(goroscope::session::ViewWindow { start_ns: 500_000_000, end_ns: 1_000_000_000 });
    session.pane.filter = "serve".into();
    session.pane.selected_goroutine = Some(10);
    session.write(&session_path).unwrap();

    let size = "1280x720";
    let runs: [(&str, Vec<&std::ffi::OsStr>); 4] = [
        ("normal", vec![sample.as_os_str(), "--lang".as_ref(), "en".as_ref()]),
        ("present", vec![sample.as_os_str(), "--present".as_ref(), "--lang".as_ref(), "en".as_ref()]),
        ("chinese", vec![sample.as_os_str(), "--lang".as_ref(), "zh-CN".as_ref()]),
        ("session", vec!["--session".as_ref(), session_path.as_os_str(), "--lang".as_ref(), "en".as_ref()]),
    ];
    let mut pictures = Vec::new();
    for (name, args) in runs {
        let out = dir.join(format!("{name}.png"));
        let mut all = args.clone();
        all.extend(["--size".as_ref(), size.as_ref(), "--out".as_ref(), out.as_os_str()]);
        let (code, stderr) = screenshot(&all);
        assert_eq!(code, 0, "{name}: {stderr}");
        let (dims, pixels) = decode(&out);
        assert_eq!(dims, [1280, 720], "{name}");
        // A drawn window, not a blank: many colours (text, spans, panels).
        let colours: std::collections::HashSet<&[u8]> = pixels.chunks_exact(4).collect();
        assert!(colours.len() > 50, "{name}: only {} colours", colours.len());
        pictures.push((name, pixels));
    }
    for (i, (a, pa)) in pictures.iter().enumerate() {
        for (b, pb) in &pictures[i + 1..] {
            let d = differing(pa, pb);
            assert!(d > 0.02, "{a} and {b} differ in only {:.2} % of their pixels", d * 100.0);
        }
    }
}

#[test]
fn a_file_that_cannot_be_read_still_gives_a_picture_and_exit_2() {
    if !can_render("a_file_that_cannot_be_read_still_gives_a_picture_and_exit_2") {
        return;
    }
    let dir = scratch("screenshot_unreadable");
    let out = dir.join("missing.png");
    let missing = dir.join("no-such.trace");
    let (code, stderr) = screenshot(&[
        missing.as_os_str(),
        "--size".as_ref(),
        "640x480".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("no-such.trace"), "{stderr}");
    assert_eq!(decode(&out).0, [640, 480]);
}

/// No adapter at all: a backend this platform does not have. The message says why and
/// nothing is written.
#[cfg(target_os = "linux")]
#[test]
fn no_renderer_is_a_clear_error_with_exit_2() {
    let dir = scratch("screenshot_no_renderer");
    let out = dir.join("none.png");
    let o = Command::new(env!("CARGO_BIN_EXE_goroscope"))
        .args(["screenshot".as_ref(), leaky().as_os_str(), "--out".as_ref(), out.as_os_str()])
        .env("WGPU_BACKEND", "metal")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot render a screenshot: no renderer"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn the_size_must_be_width_x_height() {
    let (code, stderr) = screenshot(&[
        leaky().as_os_str(),
        "--size".as_ref(),
        "wide".as_ref(),
        "--out".as_ref(),
        "x.png".as_ref(),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("WIDTHxHEIGHT"), "{stderr}");
}

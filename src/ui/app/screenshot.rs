//! `goroscope screenshot`: the window drawn offscreen into a PNG, for chat, issues and CI
//! artifacts. The app runs frame after frame on a context of the asked size, exactly as in the
//! window, until its files have loaded and a session's view is applied; then the last frame
//! is rendered with wgpu ([`crate::ui::offscreen`]). Settings are the defaults (not the
//! user's saved ones) and fonts the bundled ones (not the system's), so the same command gives
//! the same picture on every machine.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::GoroscopeApp;
use crate::ui::offscreen::Offscreen;
use crate::ui::state::Settings;

/// Loading bigger files than this takes is a hang, not a load.
const LOAD_LIMIT: Duration = Duration::from_secs(600);
/// Frames drawn after everything has loaded: layout that depends on last frame's sizes
/// (panels, scroll areas, the zoom of presentation mode) settles in a few.
const SETTLE_FRAMES: u32 = 5;

/// What to draw: the command line's options.
#[derive(Clone, Debug, Default)]
pub struct Shot {
    pub files: Vec<PathBuf>,
    /// A session file: its view (and its files, when `files` is empty).
    pub session: Option<PathBuf>,
    pub present: bool,
    /// `en`, `zh-CN`; `None`: the system's language.
    pub language: Option<String>,
    /// `None`: the window's default theme.
    pub dark: Option<bool>,
    /// Width and height in pixels.
    pub size: [u32; 2],
}

/// A drawn window: the picture, the files it could not read (the picture shows their error,
/// as the window would) and the window's notice (a session's missing or changed file).
pub struct Picture {
    pub image: egui::ColorImage,
    pub failed: Vec<String>,
    pub notice: Option<String>,
}

/// Draws `shot`, or says why it cannot be drawn (no renderer, a size it cannot draw, a load
/// that never ends).
pub fn screenshot(shot: &Shot) -> Result<Picture, String> {
    let [w, h] = shot.size;
    if w == 0 || h == 0 {
        return Err(format!("the size {w}x{h} has no pixels"));
    }
    let mut gpu = Offscreen::new().map_err(|e| format!("no renderer: {e}"))?;
    if w.max(h) as usize > gpu.max_texture_side() {
        return Err(format!(
            "{w}x{h} is larger than this renderer's {} pixels ({})",
            gpu.max_texture_side(),
            gpu.adapter()
        ));
    }
    let ctx = egui::Context::default();
    ctx.all_styles_mut(|s| {
        // A picture of the settled window: nothing in motion, no blinking cursor.
        s.animation_time = 0.0;
        s.visuals.text_cursor.blink = false;
        s.scroll_animation = egui::style::ScrollAnimation::none();
    });
    crate::ui::fonts::install(&ctx, false);
    let mut settings = Settings { language: shot.language.clone(), ..Settings::default() };
    if let Some(dark) = shot.dark {
        settings.dark = dark;
    }
    let mut app = GoroscopeApp::with_settings(&ctx, settings, Vec::new());
    match &shot.session {
        Some(s) => app.open_session_on(s, shot.files.clone(), &ctx),
        None => app.open_paths(shot.files.clone(), &ctx),
    }
    // `--present` turns presentation on; a session that was saved presenting keeps it on.
    app.present |= shot.present;

    let started = Instant::now();
    let mut settled = 0;
    loop {
        let zoom = ctx.zoom_factor();
        let mut output =
            ctx.run_ui(input(&ctx, [w, h], started, gpu.max_texture_side()), |ui| app.frame_ui(ui));
        let busy = app.is_loading() || app.pending_session.is_some();
        settled = if busy || ctx.zoom_factor() != zoom { 0 } else { settled + 1 };
        if settled >= SETTLE_FRAMES {
            let image = gpu.render(&ctx, output, [w, h])?;
            return Ok(picture(&app, image));
        }
        gpu.update_textures(&mut output.textures_delta);
        if busy {
            if started.elapsed() > LOAD_LIMIT {
                return Err(format!("loading took over {} s", LOAD_LIMIT.as_secs()));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// One frame's input: a window of `size` pixels (in points at this frame's zoom, as a real
/// window reports it), the time since the start, no pointer.
fn input(ctx: &egui::Context, size: [u32; 2], started: Instant, max_texture_side: usize) -> egui::RawInput {
    let points = egui::vec2(size[0] as f32, size[1] as f32) / ctx.zoom_factor();
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, points)),
        time: Some(started.elapsed().as_secs_f64()),
        max_texture_side: Some(max_texture_side),
        focused: true,
        ..Default::default()
    };
    if let Some(v) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
        v.native_pixels_per_point = Some(1.0);
    }
    input
}

/// The picture, with what the window says went wrong.
fn picture(app: &GoroscopeApp, image: egui::ColorImage) -> Picture {
    let (panes, _) = app.pane_count();
    let mut failed: Vec<String> =
        (0..panes).filter_map(|i| app.pane_error(i)).map(|e| e.to_string()).collect();
    if panes == 0 {
        // A session none of whose files could be found: the notice names them.
        failed.push(app.notice.clone().unwrap_or_else(|| "no file to draw".into()));
    }
    Picture { image, failed, notice: app.notice.clone().filter(|_| panes > 0) }
}

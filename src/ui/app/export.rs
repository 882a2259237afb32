//! File → Export view as PNG: asks the renderer for a screenshot of the window
//! (`ViewportCommand::Screenshot`), writes it as a PNG beside the first file, and says where in
//! the notice. The screenshot arrives in a later frame, through a channel.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use super::GoroscopeApp;
use crate::tr;

/// The answer of a requested export: the file written, or why not.
pub(crate) type ExportResult = mpsc::Receiver<Result<PathBuf, String>>;

impl GoroscopeApp {
    /// Where File → Export view as PNG writes: `NAME-view.png` beside the first file.
    fn default_export_path(&self) -> Option<PathBuf> {
        let first = self.workspace.panes.first()?.path()?;
        let stem = first.file_stem()?.to_string_lossy().into_owned();
        Some(first.with_file_name(format!("{stem}-view.png")))
    }

    /// File → Export view as PNG.
    pub(crate) fn export_png_command(&mut self, ctx: &egui::Context) {
        if let Some(path) = self.default_export_path() {
            self.export_png_to(path, ctx);
        }
    }

    /// Asks for a screenshot of the next frame and writes it to `path`.
    pub fn export_png_to(&mut self, path: PathBuf, ctx: &egui::Context) {
        let (tx, rx) = mpsc::channel();
        let callback = egui::ScreenshotCallback::new(move |image| {
            let _ = tx.send(write_png(&path, &image).map(|()| path.clone()).map_err(|e| e.to_string()));
        });
        ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(callback));
        self.export = Some(rx);
        ctx.request_repaint();
    }

    /// Turns a finished export into the notice.
    pub(super) fn poll_export(&mut self) {
        let Some(rx) = &self.export else { return };
        let answer = match rx.try_recv() {
            Ok(a) => a,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => Err(tr!("export-no-renderer")),
        };
        self.export = None;
        self.notice = Some(match answer {
            Ok(p) => tr!("export-saved", file = p.display().to_string()),
            Err(e) => tr!("export-failed", error = e),
        });
    }
}

/// Encodes an egui image as an 8-bit RGBA PNG.
pub fn write_png(path: &Path, image: &egui::ColorImage) -> std::io::Result<()> {
    let file = std::io::BufWriter::new(std::fs::File::create(path)?);
    let [w, h] = image.size;
    let mut enc = png::Encoder::new(file, w as u32, h as u32);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc.write_header().map_err(std::io::Error::other)?;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_srgba_unmultiplied()).collect();
    writer.write_image_data(&bytes).map_err(std::io::Error::other)?;
    writer.finish().map_err(std::io::Error::other)
}

//! File → Capture from a running program…: the dialog (a form, then the live panel of the
//! capture it started). The capture itself is `crate::capture`, on its own thread; this only
//! shows it and opens what it saves.

mod form;
mod live;

pub use form::CaptureForm;
pub use live::{Live, error_text};

use crate::tr;
use crate::ui::command::Command;

/// The dialog's state: closed, the form, or a capture (running or finished).
#[derive(Default)]
pub struct CaptureUi {
    pub form_open: bool,
    pub live: Option<Live>,
    /// A URL that could not be used, shown under the form.
    pub form_error: Option<String>,
}

impl CaptureUi {
    pub fn open_form(&mut self) {
        if self.live.as_ref().is_none_or(|l| l.done) {
            self.live = None;
            self.form_open = true;
        }
    }

    pub fn is_open(&self) -> bool {
        self.form_open || self.live.is_some()
    }

    /// Frame logic and drawing: the form or the live panel in a window; the commands that
    /// open saved files go to `queue`.
    pub fn ui(&mut self, ctx: &egui::Context, form: &mut CaptureForm, queue: &mut Vec<Command>) {
        if let Some(live) = &mut self.live {
            queue.extend(live.poll());
            if !live.done {
                // The trace's byte count moves between events.
                ctx.request_repaint_after(std::time::Duration::from_millis(250));
            }
        }
        if !self.is_open() {
            return;
        }
        let mut close = false;
        egui::Window::new(tr!("capture-title"))
            .id(egui::Id::unique("goroscope-capture"))
            .collapsible(true)
            .resizable(false)
            .min_width(460.0)
            // Right, below the series' legend, movable; its top stays put (Stop is there)
            // while the lines below come and go.
            .pivot(egui::Align2::RIGHT_TOP)
            .default_pos({
                let r = ctx.content_rect();
                egui::pos2(r.right() - 12.0, r.top() + r.height() * 0.4)
            })
            .show(ctx, |ui| {
                if let Some(live) = &mut self.live {
                    // Stop first: the lines below come and go while the capture runs.
                    ui.horizontal(|ui| {
                        if !live.done {
                            let stopping = live.stopping();
                            let b = ui.add_enabled(!stopping, egui::Button::new(tr!("capture-stop")));
                            if b.clicked() {
                                live.stop();
                            }
                        } else if ui.button(tr!("capture-close")).clicked() {
                            close = true;
                        }
                    });
                    ui.separator();
                    live.ui(ui, queue);
                    return;
                }
                let mut cancel = false;
                if form.ui(ui, &mut cancel) {
                    let out = std::path::PathBuf::from(form.folder.trim());
                    match Live::start(&form.url, form.plan(), out, ctx) {
                        Ok(l) => {
                            self.live = Some(l);
                            self.form_open = false;
                            self.form_error = None;
                        }
                        Err(e) => self.form_error = Some(e),
                    }
                }
                if let Some(e) = &self.form_error {
                    ui.colored_label(crate::ui::theme::ERROR_COLOR, e);
                }
                close |= cancel;
            });
        if close {
            self.form_open = false;
            self.live = None;
            self.form_error = None;
        }
    }
}

impl crate::ui::GoroscopeApp {
    /// The capture's frame: its dialog, and a live trace handed to the workspace as soon as
    /// it has something to show.
    pub(crate) fn capture_frame(&mut self, ctx: &egui::Context) {
        self.capture.ui(ctx, &mut self.settings.capture, &mut self.queue);
        if let Some(job) = self.capture.live.as_mut().and_then(Live::take_live_trace) {
            self.workspace.adopt(job);
        }
    }

    /// For tests: the files the capture saved so far, and whether it has ended.
    pub fn capture_progress(&self) -> Option<(Vec<std::path::PathBuf>, bool)> {
        let live = self.capture.live.as_ref()?;
        Some((live.saved.iter().map(|c| c.path.clone()).collect(), live.done))
    }

    /// For tests: the capture's error, as the window shows it.
    pub fn capture_error(&self) -> Option<String> {
        self.capture.live.as_ref()?.error.as_ref().map(error_text)
    }
}

impl crate::ui::GoroscopeApp {
    /// For tests: the active pane's trace model, and whether it is a partial one (the trace
    /// still arriving).
    pub fn shown_trace(&self) -> Option<(std::sync::Arc<crate::model::TraceModel>, bool)> {
        let pane = self.workspace.active()?;
        Some((pane.doc.as_ref()?.trace()?.model.clone(), pane.partial))
    }
}

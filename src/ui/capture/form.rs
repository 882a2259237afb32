//! File → Capture from a running program…: what to pull and from where. The form is part of
//! the persisted settings, so the URL and choices are remembered.

use serde::{Deserialize, Serialize};

use crate::capture::Plan;
use crate::tr;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct CaptureForm {
    /// The program's base URL (`http://127.0.0.1:6060`).
    pub url: String,
    pub trace: bool,
    pub trace_seconds: f64,
    /// Goroutine dumps, `every` seconds apart: the live series.
    pub dumps: u32,
    pub every: f64,
    pub heap: bool,
    pub leak_profile: bool,
    pub flight: bool,
    /// The flight recorder's path: programs choose it.
    pub flight_path: String,
    /// Where the files go.
    pub folder: String,
}

impl Default for CaptureForm {
    fn default() -> Self {
        let home = std::env::var_os("HOME").map(std::path::PathBuf::from).unwrap_or_else(std::env::temp_dir);
        CaptureForm {
            url: "http://127.0.0.1:6060".into(),
            trace: true,
            trace_seconds: 5.0,
            dumps: 5,
            every: 2.0,
            heap: true,
            leak_profile: true,
            flight: false,
            flight_path: "/debug/flight".into(),
            folder: home.join("goroscope-captures").display().to_string(),
        }
    }
}

impl CaptureForm {
    pub fn plan(&self) -> Plan {
        Plan {
            trace_seconds: self.trace.then_some(self.trace_seconds),
            dumps: self.dumps,
            every: self.every,
            heap: self.heap,
            leak_profile: self.leak_profile,
            flight: self.flight.then(|| self.flight_path.clone()),
        }
    }

    /// Whether anything is asked for.
    pub fn asks_anything(&self) -> bool {
        self.trace || self.dumps > 0 || self.heap || self.leak_profile || self.flight
    }

    /// The form's widgets; true when Start was clicked (false for Cancel: `cancel` is set).
    pub fn ui(&mut self, ui: &mut egui::Ui, cancel: &mut bool) -> bool {
        let mut start = false;
        egui::Grid::new("capture-form").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            text_row(ui, &tr!("capture-url"), &mut self.url);
            ui.end_row();
            ui.checkbox(&mut self.trace, tr!("capture-trace"));
            number(ui, &tr!("capture-trace-seconds"), &mut self.trace_seconds, 0.1..=600.0, self.trace);
            ui.end_row();
            let name = tr!("capture-dumps");
            ui.label(&name);
            let r = ui.add(egui::DragValue::new(&mut self.dumps).range(0..=10_000));
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, &name));
            ui.end_row();
            ui.label("");
            number(ui, &tr!("capture-every"), &mut self.every, 0.0..=3600.0, self.dumps > 1);
            ui.end_row();
            ui.checkbox(&mut self.heap, tr!("capture-heap"));
            ui.end_row();
            ui.checkbox(&mut self.leak_profile, tr!("capture-leak-profile"));
            ui.end_row();
            ui.checkbox(&mut self.flight, tr!("capture-flight"));
            ui.add_enabled_ui(self.flight, |ui| {
                text_field(ui, &tr!("capture-flight-path"), &mut self.flight_path)
            });
            ui.end_row();
            text_row(ui, &tr!("capture-folder"), &mut self.folder);
            ui.end_row();
        });
        ui.weak(tr!("capture-form-note"));
        ui.horizontal(|ui| {
            let ok = self.asks_anything() && !self.url.trim().is_empty();
            start = ui.add_enabled(ok, egui::Button::new(tr!("capture-start"))).clicked();
            if ui.button(tr!("button-cancel")).clicked() {
                *cancel = true;
            }
        });
        start
    }
}

fn text_row(ui: &mut egui::Ui, name: &str, value: &mut String) {
    ui.label(name);
    let r = ui.add(egui::TextEdit::singleline(value).desired_width(320.0));
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, name));
}

fn text_field(ui: &mut egui::Ui, name: &str, value: &mut String) {
    let r = ui.add(egui::TextEdit::singleline(value).desired_width(160.0));
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, name));
}

/// A seconds field with its label after it, greyed out when it does not apply.
fn number(
    ui: &mut egui::Ui,
    name: &str,
    value: &mut f64,
    range: std::ops::RangeInclusive<f64>,
    enabled: bool,
) {
    ui.add_enabled_ui(enabled, |ui| {
        ui.horizontal(|ui| {
            let r = ui.add(egui::DragValue::new(value).range(range).speed(0.1).max_decimals(1));
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, enabled, name));
            ui.label(name);
        });
    });
}

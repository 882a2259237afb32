//! Settings > Source roots: the rewrites from the build machine's source paths to this
//! machine's (`/build/src` → `~/src/svc`, pprof's `-trim_path` and `-source_path` in one),
//! persisted with the settings and used wherever a source file is opened: a profile's
//! source view, and "Open in editor" on the frames of traces, dumps and profiles.
//! GOROOT, the module cache and the opened file's folder are searched without one.

use crate::sources::Rewrite;
use crate::tr;

/// Where the window's open/closed state is kept (egui memory: the app's state stays plain).
fn open_id() -> egui::Id {
    egui::Id::unique("source-roots-window")
}

/// The Settings menu's entry: opens the window (typing in a menu would close it).
pub fn menu_entry(ui: &mut egui::Ui) {
    if ui.button(tr!("settings-source-roots-open")).clicked() {
        ui.ctx().data_mut(|d| d.insert_temp(open_id(), true));
        ui.close();
    }
}

/// The Source roots window, when open; called every frame.
pub fn window(ctx: &egui::Context, roots: &mut Vec<Rewrite>) {
    let mut open = ctx.data(|d| d.get_temp::<bool>(open_id())).unwrap_or(false);
    if !open {
        return;
    }
    egui::Window::new(tr!("settings-source-roots"))
        .id(open_id())
        .open(&mut open)
        .resizable(true)
        // Clear of the view bars and the source view's header, which it is about.
        .default_pos(egui::pos2(360.0, 140.0))
        .default_width(560.0)
        .show(ctx, |ui| source_roots_ui(ui, roots));
    ctx.data_mut(|d| d.insert_temp(open_id(), open));
}

/// The rewrites, one row each (from, to, remove), and a button that adds an empty one.
fn source_roots_ui(ui: &mut egui::Ui, roots: &mut Vec<Rewrite>) {
    ui.weak(tr!("settings-source-roots-help"));
    let mut remove = None;
    for (i, r) in roots.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let from =
                ui.add(egui::TextEdit::singleline(&mut r.from).hint_text("/build/src").desired_width(200.0));
            from.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::TextInput,
                    true,
                    tr!("settings-source-from", index = i + 1),
                )
            });
            ui.label("→");
            let to =
                ui.add(egui::TextEdit::singleline(&mut r.to).hint_text("~/src/svc").desired_width(280.0));
            to.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::TextInput,
                    true,
                    tr!("settings-source-to", index = i + 1),
                )
            });
            let x = ui.small_button("×").on_hover_text(tr!("settings-source-remove"));
            x.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    tr!("settings-source-remove-n", index = i + 1),
                )
            });
            if x.clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        roots.remove(i);
    }
    if ui.button(tr!("settings-source-add")).clicked() {
        roots.push(Rewrite::default());
    }
}

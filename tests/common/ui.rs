//! The window in a kittest harness: open a file, wait for its background load, read the
//! accessible labels. Shared by the `ui_*` test files.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use egui_kittest::{Harness, HarnessBuilder};
use goroscope::ui::GoroscopeApp;

/// Opens `path` in a window of the usual test size, in English.
pub fn open(path: PathBuf) -> Harness<'static, GoroscopeApp> {
    open_with(Harness::builder().with_size(egui::vec2(1500.0, 900.0)), move |cc| {
        english(GoroscopeApp::new(cc, vec![path]))
    })
}

/// Builds the window with `make` and waits until its file has loaded.
pub fn open_with(
    builder: HarnessBuilder<GoroscopeApp>,
    make: impl FnOnce(&mut eframe::CreationContext<'static>) -> GoroscopeApp + 'static,
) -> Harness<'static, GoroscopeApp> {
    let mut h = builder.build_eframe(make);
    wait_loaded(&mut h);
    h
}

/// Steps the window until its background load is over (two minutes at most).
pub fn wait_loaded(h: &mut Harness<'_, GoroscopeApp>) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while h.state().is_loading() {
        assert!(Instant::now() < deadline, "loading took over two minutes");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.run_steps(3);
}

/// Labels of every accessible node, for assertions and failure messages.
pub fn labels(h: &Harness<'_, GoroscopeApp>) -> Vec<String> {
    h.query_all_by(|_| true)
        .filter_map(|n| n.accesskit_node().label().or_else(|| n.accesskit_node().value()))
        .collect()
}

/// Opens `path`, a file that fails to load, in the Chinese window and returns its labels
/// once the error shows.
pub fn chinese_error_labels(path: PathBuf) -> Vec<String> {
    let h = &mut open_with(Harness::builder().with_size(egui::vec2(1200.0, 800.0)), move |cc| {
        let mut app = GoroscopeApp::new(cc, vec![path]);
        app.set_language(Some("zh-CN".into()));
        app
    });
    h.run_steps(3);
    assert!(h.state().error().is_some(), "the damaged file is an error");
    labels(h)
}

/// Most tests read English labels: pin the language, whatever the machine's locale.
pub fn english(mut app: GoroscopeApp) -> GoroscopeApp {
    app.set_language(Some("en".into()));
    app
}

/// Whether snapshot tests can render here. They need a wgpu adapter; on Linux without a GPU
/// that is Mesa's software Vulkan (`libvulkan1 mesa-vulkan-drivers`), which `.ci/run`
/// installs. On a machine without any Vulkan driver the snapshots are skipped with a note,
/// so the README's `cargo test` holds there too; CI sets `GOROSCOPE_REQUIRE_SNAPSHOTS=1`,
/// which turns a missing driver into a failure instead.
pub fn can_render(test: &str) -> bool {
    let dirs = ["/usr/share/vulkan/icd.d", "/etc/vulkan/icd.d", "/usr/local/share/vulkan/icd.d"];
    let has_driver = !cfg!(target_os = "linux")
        || dirs.iter().any(|d| std::fs::read_dir(d).is_ok_and(|mut e| e.next().is_some()));
    if !has_driver {
        assert!(
            std::env::var_os("GOROSCOPE_REQUIRE_SNAPSHOTS").is_none(),
            "{test}: no Vulkan driver (install libvulkan1 mesa-vulkan-drivers)"
        );
        eprintln!("{test}: skipped, no Vulkan driver here (apt-get install libvulkan1 mesa-vulkan-drivers)");
    }
    has_driver
}

/// A committed sample, `sample-traces/REL`.
pub fn sample(rel: &str) -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)
}

/// The window on a file loaded through `load::load_file` first (as its load job does), in
/// English, at the usual test size.
pub fn open_loaded(path: PathBuf) -> Harness<'static, GoroscopeApp> {
    let loaded =
        goroscope::load::load_file(&path, &goroscope::load::Progress::default()).expect("the sample loads");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 900.0))
        .build_eframe(move |cc| english(GoroscopeApp::with_loaded(cc, loaded)));
    h.run_steps(3);
    h
}

/// The suspects panel's entries: the labels that start with a rank.
pub fn suspect_entries(labels: &[String]) -> Vec<&String> {
    labels.iter().filter(|l| l.starts_with('#') && l.contains(" × ")).collect()
}

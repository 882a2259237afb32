//! A gctrace log or MemStats JSON lines as memory curves (egui_plot): heap allocated, live
//! and goal (plus MemStats' in-use, sys and stacks), a marker per GC cycle, the goroutine
//! count when the lines log it, and below, each cycle's stop-the-world pause, on one time
//! axis (seconds since the program started or the first line; the line's ordinal only when
//! the lines carry neither a time nor a GC time). A heap-growth finding shades its range; a
//! GC-thrashing finding shades its stretch and says itself above the curves.
//!
//! Points are converted once ([`MemoryView::new`]), not per frame.

use super::chart_style;
use egui::Color32;
use egui_plot::{Bar, BarChart, HoverPosition, Line, Plot, PlotPoint, Span, VLine};

use crate::analysis::findings::Finding;
use crate::model::{MemoryModel, MemorySource, Series};
use crate::tr;
use crate::units;

/// Above this many cycles, markers would be a solid wall: they are left out.
const MAX_MARKERS: usize = 400;

struct Curve {
    name: String,
    color: Color32,
    points: Vec<PlotPoint>,
}

pub struct MemoryView {
    curves: Vec<Curve>,
    /// Cycle start (or end, for MemStats) in seconds.
    cycles: Vec<f64>,
    /// `(seconds, pause in µs)` per cycle.
    pauses: Vec<(f64, f64)>,
    /// `NumGoroutine` over time, when the lines log it.
    goroutines: Vec<PlotPoint>,
    /// The heap-growth finding's range, seconds, and its floor at both ends.
    growth: Option<([f64; 2], [f64; 2])>,
    /// The GC-thrashing finding's range, seconds, and its words (shown above the curves).
    thrashing: Option<([f64; 2], String)>,
    /// The heap growth's words when goroutines rose with it (shown above the curves: a GC log
    /// has no goroutine rows to show them).
    piling: Option<String>,
    ordinal: bool,
    since_first_line: bool,
    /// A Prometheus export: times from its first scrape.
    scrapes: bool,
}

fn points(s: &Series) -> Vec<PlotPoint> {
    s.points.iter().map(|&(t, b)| PlotPoint::new(t as f64 / 1e9, b as f64)).collect()
}

impl MemoryView {
    /// `findings` are the file's own, as the loader computed them ([`crate::load::Loaded`]).
    pub fn new(m: &MemoryModel, findings: &[Finding]) -> MemoryView {
        let all = [
            (tr!("mem-heap-alloc"), Color32::from_rgb(66, 165, 245), &m.heap_alloc),
            (tr!("mem-heap-live"), Color32::from_rgb(102, 187, 106), &m.heap_live),
            (tr!("mem-heap-goal"), Color32::from_rgb(255, 202, 40), &m.heap_goal),
            (tr!("mem-heap-inuse"), Color32::from_rgb(171, 71, 188), &m.heap_inuse),
            (tr!("mem-heap-sys"), Color32::from_rgb(141, 110, 99), &m.heap_sys),
            (tr!("mem-stacks"), Color32::from_rgb(38, 198, 218), &m.stack_inuse),
            (tr!("mem-sys"), Color32::from_rgb(189, 189, 189), &m.sys),
        ];
        let curves = all
            .into_iter()
            .filter(|(_, _, s)| !s.points.is_empty())
            .map(|(name, color, s)| Curve { name, color, points: points(s) })
            .collect();
        let growth = findings.iter().find_map(|f| match f {
            Finding::HeapGrowth(g) => Some((
                [g.from_ns as f64 / 1e9, g.to_ns as f64 / 1e9],
                [g.from_bytes as f64, g.to_bytes as f64],
            )),
            _ => None,
        });
        // The finding in words above the charts, as the report says it (probe r28b: the
        // view showed only a shaded band, no figures, where the report gave from, to, rate).
        let piling = findings.iter().find_map(|f| match f {
            Finding::HeapGrowth(g) => Some(super::findings_panel::heap_growth_text(g)),
            Finding::GoroutineGrowth(g) => Some(super::findings_panel::goroutine_growth_text(g)),
            _ => None,
        });
        let thrashing = findings.iter().find_map(|f| match f {
            Finding::GcThrashing(t) => Some((
                [t.from_ns as f64 / 1e9, t.to_ns as f64 / 1e9],
                super::findings_panel::thrashing_text(t),
            )),
            _ => None,
        });
        MemoryView {
            curves,
            cycles: m.cycles.iter().map(|c| c.time_ns as f64 / 1e9).collect(),
            // A Prometheus export has no pause per cycle (the Go collector sums them).
            pauses: match m.source {
                MemorySource::Prometheus => Vec::new(),
                _ => m.cycles.iter().map(|c| (c.time_ns as f64 / 1e9, c.pause_ns as f64 / 1e3)).collect(),
            },
            goroutines: points(&m.goroutines),
            growth,
            thrashing,
            piling,
            ordinal: m.time_is_ordinal,
            since_first_line: m.source != MemorySource::GcTrace,
            scrapes: m.source == MemorySource::Prometheus,
        }
    }
}

/// The width of every chart's value axis: wide enough for "152 MiB" and "3.00 ms", so the
/// linked time axes of the charts stacked here line up.
const Y_AXIS_W: f32 = 80.0;

fn x_text(ordinal: bool, x: f64) -> String {
    match ordinal {
        true => tr!("mem-line", line = x.round() as i64 + 1),
        false => chart_style::seconds_tick(x),
    }
}

pub fn memory_ui(ui: &mut egui::Ui, m: &MemoryModel, v: &MemoryView) {
    let source = match m.source {
        MemorySource::GcTrace => tr!("mem-source-gctrace"),
        MemorySource::MemStats => tr!("mem-source-memstats"),
        MemorySource::Prometheus => tr!("mem-source-prometheus"),
    };
    ui.horizontal(|ui| {
        ui.heading(tr!("mem-title"));
        ui.label(tr!(
            "mem-from",
            source = source,
            n = m.gc_count,
            count = units::count(u64::from(m.gc_count))
        ));
        if let Some(peak) = m.heap_alloc.max() {
            ui.separator();
            ui.label(tr!("mem-peak", bytes = units::bytes(peak)));
        }
    });
    if v.curves.is_empty() {
        ui.weak(tr!("mem-none"));
        return;
    }
    if let Some((_, words)) = &v.thrashing {
        ui.label(egui::RichText::new(words).color(Color32::from_rgb(229, 57, 53)));
    }
    if let Some(words) = &v.piling {
        ui.label(egui::RichText::new(words).color(Color32::from_rgb(229, 57, 53)));
    }
    let ordinal = v.ordinal;
    let x_label = match (ordinal, v.since_first_line) {
        (true, _) => tr!("mem-x-line"),
        (false, true) if v.scrapes => tr!("mem-x-time-first-scrape"),
        (false, true) => tr!("mem-x-time-first-line"),
        (false, false) => tr!("mem-x-time"),
    };
    let link = ui.make_persistent_id("memory-x");
    let pause_h = if v.pauses.is_empty() { 0.0 } else { 140.0 };
    let count_h = if v.goroutines.is_empty() { 0.0 } else { 110.0 };
    let heap_h = (ui.available_height() - pause_h - count_h - 30.0).max(160.0);
    let heap = Plot::new("memory-heap")
        .height(heap_h)
        // Top left: memory that grows leaves that corner empty, the newest data is at the right.
        .legend(chart_style::legend())
        .y_grid_spacer(chart_style::byte_grid())
        .link_axis(link, [true, false])
        .link_cursor(link, [true, false])
        .x_axis_label(x_label)
        .x_axis_formatter(move |mark, _| x_text(ordinal, mark.value))
        .y_axis_formatter(|mark, _| units::bytes(mark.value.max(0.0) as u64))
        .y_axis_min_width(Y_AXIS_W)
        .label_formatter(move |hover| match hover {
            HoverPosition::NearDataPoint { plot_name, position, .. } if !plot_name.is_empty() => {
                Some(format!(
                    "{plot_name}: {}\n{}",
                    units::bytes(position.y.max(0.0) as u64),
                    x_text(ordinal, position.x)
                ))
            }
            _ => None,
        })
        .show(ui, |plot| {
            if let Some(([a, b], [from, to])) = v.growth {
                let name = tr!("mem-growth");
                // The line first: the legend's swatch takes the first colour of a name
                // (the span's fill is all but transparent).
                let floor = vec![[a, from], [b, to]];
                plot.line(Line::new(name.as_str(), floor).color(Color32::from_rgb(229, 57, 53)).width(2.5));
                plot.span(Span::new(name, a..=b).fill(Color32::from_rgba_unmultiplied(229, 57, 53, 14)));
            }
            if let Some(([a, b], _)) = &v.thrashing {
                let name = tr!("mem-thrashing");
                plot.span(
                    Span::new(name.as_str(), *a..=*b).fill(Color32::from_rgba_unmultiplied(255, 112, 67, 18)),
                );
            }
            if v.cycles.len() <= MAX_MARKERS {
                for &t in &v.cycles {
                    plot.vline(
                        VLine::new(tr!("mem-gc-cycle"), t)
                            .color(Color32::from_rgba_unmultiplied(255, 167, 38, 70)),
                    );
                }
            }
            for c in &v.curves {
                plot.line(
                    Line::new(c.name.as_str(), c.points.as_slice())
                        .color(c.color)
                        .width(1.5)
                        .allow_band(false),
                );
            }
        });
    heap.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, tr!("mem-curves")));
    if !v.goroutines.is_empty() {
        let last = v.goroutines.last().map_or(0, |p| p.y as u64);
        ui.label(egui::RichText::new(tr!("mem-goroutines-title", n = units::count(last))).strong());
        goroutines_ui(ui, v, link, count_h);
    }
    if v.pauses.is_empty() {
        return;
    }
    let max_us = v.pauses.iter().map(|p| p.1).fold(0.0, f64::max);
    let total_us: f64 = v.pauses.iter().map(|p| p.1).sum();
    ui.label(
        egui::RichText::new(tr!(
            "mem-pauses-title",
            longest = units::duration((max_us * 1e3) as i64),
            total = units::duration((total_us * 1e3) as i64)
        ))
        .strong(),
    );
    let width = v.pauses.windows(2).map(|w| w[1].0 - w[0].0).fold(f64::INFINITY, f64::min);
    let width = if width.is_finite() && width > 0.0 { width * 0.8 } else { 0.05 };
    let bars = v.pauses.iter().map(|&(t, ms)| Bar::new(t, ms).width(width)).collect();
    let pauses = Plot::new("memory-pauses")
        .height(pause_h)
        .link_axis(link, [true, false])
        .link_cursor(link, [true, false])
        .x_axis_formatter(move |mark, _| x_text(ordinal, mark.value))
        .y_axis_formatter(|mark, _| units::duration((mark.value * 1e3) as i64))
        .label_formatter(move |hover| match hover {
            HoverPosition::NearDataPoint { position, .. } => Some(format!(
                "{}\n{}",
                units::duration((position.y * 1e3) as i64),
                x_text(ordinal, position.x)
            )),
            HoverPosition::Elsewhere { .. } => None,
        })
        .include_y(0.0)
        .y_axis_min_width(Y_AXIS_W)
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(tr!("mem-pause"), bars).color(Color32::from_rgb(211, 47, 47)));
        });
    pauses.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, tr!("mem-pauses")));
}

/// `NumGoroutine` over time: the leak signal a memory log can carry.
fn goroutines_ui(ui: &mut egui::Ui, v: &MemoryView, link: egui::Id, height: f32) {
    let ordinal = v.ordinal;
    let name = tr!("mem-goroutines");
    let plot = Plot::new("memory-goroutines")
        .height(height)
        .link_axis(link, [true, false])
        .link_cursor(link, [true, false])
        .x_axis_formatter(move |mark, _| x_text(ordinal, mark.value))
        .y_axis_formatter(|mark, _| units::count(mark.value.max(0.0) as u64))
        .y_axis_min_width(Y_AXIS_W)
        .include_y(0.0)
        .label_formatter(move |hover| match hover {
            HoverPosition::NearDataPoint { position, .. } => {
                Some(format!("{}\n{}", units::count(position.y.max(0.0) as u64), x_text(ordinal, position.x)))
            }
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            plot.line(
                Line::new(name.as_str(), v.goroutines.as_slice())
                    .color(Color32::from_rgb(0, 150, 136))
                    .width(1.5),
            );
        });
    plot.response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, tr!("mem-goroutines-plot")));
}

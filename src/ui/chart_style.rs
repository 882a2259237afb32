//! What the charts drawn with egui_plot (memory curves, a series' growth, compared heaps)
//! share: where the legend goes, byte ticks at round binary sizes, and time ticks.

use egui_plot::{ColorConflictHandling, Corner, Legend};

use crate::units;

/// Top left, where curves that grow leave room (their newest points are at the right); a
/// name drawn twice (a line and its shaded span) takes its first item's colour, not none.
pub fn legend() -> Legend {
    Legend::default().position(Corner::LeftTop).color_conflict_handling(ColorConflictHandling::PickFirst)
}

/// Ticks of a byte axis at round binary sizes (16 MiB, 32 MiB), as its labels are in
/// KiB, MiB and GiB: decimal steps read 9.54 MiB, 19.1 MiB.
pub fn byte_grid() -> impl Fn(egui_plot::GridInput) -> Vec<egui_plot::GridMark> + 'static {
    egui_plot::log_grid_spacer(2)
}

/// A tick of an axis in seconds: the origin in the unit of its neighbours ("0 s", not "0 ns").
pub fn seconds_tick(x: f64) -> String {
    if x.abs() < 1e-12 { "0 s".to_string() } else { units::duration((x * 1e9) as i64) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_origin_reads_in_seconds() {
        assert_eq!(seconds_tick(0.0), "0 s");
        assert_eq!(seconds_tick(1.5), units::duration(1_500_000_000));
    }
}

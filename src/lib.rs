//! goroscope: a desktop explorer for Go runtime diagnostics.
//!
//! Data flows one way: [`format`] turns bytes into records (never panics), [`model`] holds the
//! compact immutable result, [`analysis`] derives timelines and suspects from it, and the
//! front ends ([`report`] for the CLI, `ui` for the window) only read.

pub mod analysis;
pub mod capture;
pub mod format;
#[cfg(feature = "gui")]
pub mod i18n;
pub mod load;
pub mod model;
pub mod report;
pub mod session;
pub mod sources;
#[cfg(feature = "gui")]
pub mod ui;
pub mod units;

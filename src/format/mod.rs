//! Bytes to records. One module per input kind; nothing here panics on any input, and no
//! length or count read from a file sizes an allocation before it is checked against the
//! bytes that remain.

#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::panic)]

pub mod cursor;
pub mod dump;
pub mod error;
pub mod gctrace;
pub mod log_prefix;
pub mod memstats;
pub mod pprof;
pub mod prometheus;
pub mod sniff;
pub mod text;
pub mod timestamp;
pub mod trace;

pub use error::{Cause, ErrorKind, ParseError, Place, Warning, WarningKind};

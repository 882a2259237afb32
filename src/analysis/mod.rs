//! Pure functions from the model to what the views show: the model builder, goroutine
//! classification, suspects, time splits. No I/O, no egui; results are sorted and
//! deterministic.

mod build;
pub mod classify;
pub mod client_conns;
pub mod coroutine;
pub mod creation_groups;
pub mod dump_groups;
pub mod filter;
pub mod finalizer;
pub mod findings;
pub mod flame;
pub mod frame_text;
pub mod group_diff;
pub mod http_server;
pub mod library_wait;
pub mod lock_address;
pub mod lock_holder;
pub mod lock_order;
pub mod lod;
pub mod lod_rows;
pub mod lod_summary;
pub mod main_wait;
pub mod memory_summary;
pub mod moving;
pub mod older;
pub mod origin;
pub mod piling;
pub mod proc_lanes;
pub mod profile;
pub mod profile_diff;
mod profile_graph;
pub mod profile_groups;
pub mod profile_labels;
pub mod profile_peek;
pub mod profile_source;
pub mod profile_view;
pub mod resident;
pub mod resting;
pub mod signal_wait;
pub mod stats;
pub mod suspects;
pub mod test_hang;

pub use build::TraceBuilder;
pub use creation_groups::{CreationGroup, creation_groups};
pub use dump_groups::{DumpGroup, Similarity, dump_suspects, group_dump};
pub use flame::{CallNode, CallTree, call_tree, call_tree_view};
pub use proc_lanes::proc_lanes;
pub use profile::{Inlined, TopEntry, TopOptions, TopTable, top_table, top_table_view, top_table_with};
pub use profile_groups::{goroutine_type_total, profile_as_dump, profile_suspects};
pub use profile_labels::{TagSummary, tags};
pub use profile_peek::{PeekEdge, PeekEntry, peek};
pub use profile_source::{Routine, SourceLine, list};
pub use profile_view::{Granularity, NodeKey, View, ViewOptions};
pub use stats::{TimeSplit, time_split};
pub use suspects::{FrameText, Suspect, trace_suspects};

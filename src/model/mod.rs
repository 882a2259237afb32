//! The model: plain, compact, immutable data that every view reads.
//!
//! Everything refers to everything else by `u32` index ([`StrId`], [`StackId`], goroutine
//! index). Times are `i64` nanoseconds since the trace start (`_ns`). Nothing here parses or
//! decides; `analysis` builds these values and `ui`/`report` read them.

mod tables;

pub use tables::{Frame, StackId, StackTable, StrId, StringTable, lost};
mod span;
mod span_list;
mod trace;

pub use span::{ProcSpan, Span, SpanState};
pub use span_list::SpanList;
pub use trace::{
    GIdx, GoCounts, Goroutine, LogLine, RangeScope, RangeSpan, Region, Series, Task, TraceModel,
};
mod dump;

pub use dump::{
    CallsId, DumpFormat, DumpFrame, DumpGoroutine, DumpInterner, DumpModel, FrameId, RaceAccess, RaceReport,
    frame_flags, goroutine_flags,
};
mod profile;

pub use profile::{
    MemStatsSnapshot, NO_INDEX, ProfFunction, ProfLabel, ProfLine, ProfLocation, ProfMapping, ProfSample,
    ProfileModel, ValueType,
};
mod memory;

pub use memory::{GcCycle, MemoryModel, MemorySource};

//! Findings: problems that are not stuck goroutines (those are suspects). Each rule is a pure
//! function in its own file: goroutines that spin ([`spinning`]), a heap that keeps growing
//! after GC ([`heap_growth`]), one allocation site holding most of the heap in use
//! ([`heap_retention`]). The report's `findings` array and the Findings panel show them;
//! `HACKING.md` says why each threshold is what it is.

pub mod heap_growth;
pub mod heap_retention;
pub mod spinning;

pub use heap_growth::{HeapGrowth, HeapSource, gctrace_growth, memstats_growth, trace_growth};
pub use heap_retention::{HeapRetention, heap_retention};
pub use spinning::{Spinning, spinning};

use crate::model::{MemoryModel, MemorySource, ProfileModel, TraceModel};

/// One finding, of one of the three kinds.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    Spinning(Spinning),
    HeapGrowth(HeapGrowth),
    HeapRetention(HeapRetention),
}

impl Finding {
    /// The contract's `kind` word.
    pub fn kind(&self) -> &'static str {
        match self {
            Finding::Spinning(_) => "spinning",
            Finding::HeapGrowth(_) => "heap-growth",
            Finding::HeapRetention(_) => "heap-retention",
        }
    }
}

/// Every finding of a trace: spinning goroutines first, then heap growth.
pub fn trace_findings(m: &TraceModel) -> Vec<Finding> {
    let mut out: Vec<Finding> = spinning(m).into_iter().map(Finding::Spinning).collect();
    out.extend(trace_growth(m).map(Finding::HeapGrowth));
    out
}

/// The finding of a heap profile (none for other profile kinds).
pub fn profile_findings(p: &ProfileModel) -> Vec<Finding> {
    heap_retention(p).into_iter().map(Finding::HeapRetention).collect()
}

/// The finding of a gctrace log or MemStats lines.
pub fn memory_findings(m: &MemoryModel) -> Vec<Finding> {
    let growth = match m.source {
        MemorySource::GcTrace => gctrace_growth(m),
        MemorySource::MemStats => memstats_growth(m),
    };
    growth.into_iter().map(Finding::HeapGrowth).collect()
}

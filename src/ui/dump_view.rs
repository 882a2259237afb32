//! The state of a goroutine dump's group table (a dump, or a `debug=1` / pprof goroutine
//! profile): the groups at exact or similar grouping with the texts of their rows, the sort,
//! the filter and the selection. [`super::dump_table`] draws it; the selected group's stack
//! shows in the inspector.
//!
//! Rows are computed once per grouping level ([`DumpView::regroup`]); sorting and filtering
//! only reorder indices ([`DumpView::reorder`]), so a frame costs what the visible rows cost.

use crate::analysis::classify::user_frame;
use crate::analysis::dump_groups::inferred_state;
use crate::analysis::filter::Filter;
use crate::analysis::{DumpGroup, FrameText, Similarity, group_dump};
use crate::model::{DumpFormat, DumpModel, Frame, goroutine_flags};

/// The column the table is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Count,
    Wait,
    State,
}

/// One group with the texts its row shows, computed once.
pub struct GroupRow {
    pub group: DumpGroup,
    pub state: String,
    pub wait: String,
    /// The user's frame: the innermost outside the standard library and the runtime.
    pub top: Option<FrameText>,
    /// The group holds the goroutine that panicked or threw: it is shown first.
    pub crashed: bool,
    pub created: Option<FrameText>,
    /// Lower-cased functions, files and state, for the filter.
    haystack: String,
    ids: Vec<u64>,
}

pub struct DumpView {
    pub similarity: Similarity,
    pub rows: Vec<GroupRow>,
    /// Indices into `rows` that pass the filter, in display order.
    pub order: Vec<usize>,
    pub sort: SortKey,
    pub descending: bool,
    /// Index into `rows` of the group shown in the inspector.
    pub selected: Option<usize>,
    /// Whether any row has a wait time, a creation site: a debug=1 dump or a goroutine
    /// profile has neither, and its table no columns empty on every row.
    pub has_wait: bool,
    pub has_created: bool,
}

fn text(m: &DumpModel, f: &Frame) -> FrameText {
    FrameText { function: m.strings.get(f.func).into(), file: m.strings.get(f.file).into(), line: f.line }
}

impl DumpView {
    pub fn new(m: &DumpModel) -> DumpView {
        let mut v = DumpView {
            similarity: Similarity::AnyValue,
            rows: Vec::new(),
            order: Vec::new(),
            sort: SortKey::Count,
            descending: true,
            selected: None,
            has_wait: false,
            has_created: false,
        };
        v.regroup(m, &Filter::default());
        // A crash dump opens on the goroutine that crashed: its panic and its whole stack.
        v.selected = v.rows.iter().position(|r| r.crashed);
        v
    }

    /// Groups again at `self.similarity`; clears the selection.
    pub fn regroup(&mut self, m: &DumpModel, filter: &Filter) {
        self.rows = group_dump(m, self.similarity).into_iter().map(|g| row(m, g)).collect();
        self.has_wait = self.rows.iter().any(|r| !r.wait.is_empty());
        self.has_created = self.rows.iter().any(|r| r.created.is_some());
        self.selected = None;
        self.reorder(filter);
    }

    /// Applies the filter and the sort to `order`.
    pub fn reorder(&mut self, filter: &Filter) {
        let rows = &self.rows;
        self.order = (0..rows.len()).filter(|&i| matches(&rows[i], filter)).collect();
        let key = |i: &usize| {
            let g = &rows[*i].group;
            match self.sort {
                SortKey::Count => (g.count, 0, String::new()),
                SortKey::Wait => (u64::from(g.wait_minutes.1), u64::from(g.wait_minutes.0), String::new()),
                SortKey::State => (0, 0, rows[*i].state.clone()),
            }
        };
        // Stable sort: ties keep grouping order (biggest first, then dump order).
        if self.descending {
            self.order.sort_by_key(|i| std::cmp::Reverse(key(i)));
        } else {
            self.order.sort_by_key(key);
        }
        // The goroutine that crashed the program comes first, whatever the sort.
        self.order.sort_by_key(|&i| !rows[i].crashed);
    }
}

fn row(m: &DumpModel, group: DumpGroup) -> GroupRow {
    let frames = m.stacks.frames(group.stack);
    let top = user_frame(&m.strings, frames);
    let first = group.members.first().and_then(|&i| m.goroutines.get(i as usize));
    let state = match m.format {
        // A profile records no state: say what the stack shows, and that it is inferred.
        DumpFormat::Profile => {
            let (state, reason) = inferred_state(m, group.stack, first.map_or(0, |g| g.flags));
            crate::tr!(
                "dump-state-from-stack",
                reason = reason.map_or(state.to_string(), |r| format!("{state} ({r})"))
            )
        }
        DumpFormat::Traceback => m.strings.get(group.state).to_string(),
    };
    // In a deadlock none crashed: the runtime stopped them all (the report leaves `crashed` out too).
    let crashed = !m.is_deadlock()
        && group
            .members
            .iter()
            .any(|&i| m.goroutines.get(i as usize).is_some_and(|g| g.has(goroutine_flags::CRASHED)));
    // Only a wait has a length: the runtime prints minutes for waits and syscalls.
    let on_cpu =
        matches!(state.as_str(), "running" | "runnable" | "idle" | "dead" | "copystack" | "preempted");
    let wait = match group.wait_minutes {
        _ if m.format == DumpFormat::Profile || on_cpu || group.leaked() => String::new(),
        (0, 0) => crate::tr!("wait-under-a-minute"),
        (lo, hi) if lo == hi => format!("{hi} min"),
        (lo, hi) => format!("{lo}–{hi} min"),
    };
    let mut haystack = state.to_lowercase();
    for f in frames.iter().chain(group.created_by.iter()) {
        haystack.push('\n');
        haystack.push_str(&m.strings.get(f.func).to_lowercase());
        haystack.push(' ');
        haystack.push_str(&format!("{}:{}", m.strings.get(f.file).to_lowercase(), f.line));
    }
    let ids = group.members.iter().filter_map(|&i| m.goroutines.get(i as usize)?.id).collect();
    GroupRow {
        top: top.map(|f| text(m, f)),
        crashed,
        created: group.created_by.map(|f| text(m, &f)),
        state,
        wait,
        haystack,
        ids,
        group,
    }
}

/// The filter box over groups: ids match members, `state:` the state words (`waiting` any
/// blocked state; nothing in a dump has exited), `blocked>` the longest wait, reasons the
/// state words, other words a function, file:line or state. A query with an error matches
/// nothing (the box shows the error).
fn matches(r: &GroupRow, f: &Filter) -> bool {
    use crate::analysis::filter::EndState;
    use crate::model::SpanState;
    if f.error.is_some() {
        return false;
    }
    if !f.ids.is_empty() && !r.ids.iter().any(|id| f.ids.contains(id)) {
        return false;
    }
    let on_cpu = matches!(r.state.as_str(), "running" | "runnable" | "syscall");
    let state_ok = match f.state {
        None => true,
        Some(EndState::Alive(SpanState::Waiting)) => !on_cpu,
        Some(s) => r.state == s.name(),
    };
    let state = r.state.to_lowercase();
    let blocked_ns = i64::from(r.group.wait_minutes.1) * 60_000_000_000;
    state_ok
        && blocked_ns >= f.min_blocked_ns
        && f.reasons.iter().all(|w| state.contains(w.as_str()))
        && f.words.iter().all(|w| r.haystack.contains(w.as_str()))
}

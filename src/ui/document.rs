//! An open file in a pane: what was loaded (path, suspects, warnings), its content (one
//! variant per kind, owning its model, what its views derive from it and their state), the
//! filter, and the pane's view (window, its one selection, range summary).
//!
//! The app dispatches on [`Content`] with one `match`; nothing here draws.

use std::sync::Arc;

use crate::analysis::filter::Filter;
use crate::load::{LoadError, Loaded};
use crate::model::{DumpModel, MemoryModel, ProfileModel};

use super::dump_view::DumpView;
use super::memory_view::MemoryView;
use super::profile_view::ProfileView;
use super::range_summary::RangeSummary;
use super::state::ViewState;
pub use super::trace_doc::TraceDoc;

/// A goroutine dump (or a `debug=1` profile, or a goroutine pprof profile read as one) and
/// its group table.
pub struct DumpDoc {
    pub model: DumpModel,
    pub view: DumpView,
    /// The GC lines beside the dump (a service's stderr with GODEBUG=gctrace=1 before its
    /// SIGQUIT or crash traceback), and whether they are shown in place of the groups.
    pub memory: Option<MemoryDoc>,
    pub show_memory: bool,
}

impl DumpDoc {
    pub fn new(model: DumpModel) -> DumpDoc {
        let view = DumpView::new(&model);
        DumpDoc { model, view, memory: None, show_memory: false }
    }
}

/// A pprof profile; a goroutine profile also has its groups, as a dump's.
pub struct ProfileDoc {
    pub model: ProfileModel,
    pub view: ProfileView,
    pub groups: Option<DumpDoc>,
    /// A goroutine profile shows its groups (true) or its flame graph.
    pub show_groups: bool,
}

/// A GC log or MemStats lines.
pub struct MemoryDoc {
    pub model: MemoryModel,
    pub view: MemoryView,
}

/// What a file holds, with what its views derive and remember. (One per pane: the sizes of
/// the variants do not matter.)
#[allow(clippy::large_enum_variant)]
pub enum Content {
    Trace(TraceDoc),
    Dump(DumpDoc),
    Profile(ProfileDoc),
    Memory(MemoryDoc),
}

impl Content {
    /// The file's kind in the user's words, for messages that name two files' kinds.
    pub fn kind_name(&self) -> String {
        match self {
            Content::Trace(_) => crate::tr!("kind-trace"),
            Content::Dump(_) => crate::tr!("kind-dump"),
            Content::Profile(p) if p.groups.is_some() => crate::tr!("kind-goroutine-profile"),
            Content::Profile(p) => crate::tr!("kind-profile", kind = p.view.type_name.as_str()),
            Content::Memory(_) => crate::tr!("kind-memory"),
        }
    }

    /// The goroutine groups' source, when the content has goroutines at one moment: a dump,
    /// a goroutine profile's groups.
    pub fn dump(&self) -> Option<&DumpDoc> {
        match self {
            Content::Dump(d) => Some(d),
            Content::Profile(p) => p.groups.as_ref(),
            _ => None,
        }
    }

    pub fn dump_mut(&mut self) -> Option<&mut DumpDoc> {
        match self {
            Content::Dump(d) => Some(d),
            Content::Profile(p) => p.groups.as_mut(),
            _ => None,
        }
    }

    pub fn trace(&self) -> Option<&TraceDoc> {
        match self {
            Content::Trace(t) => Some(t),
            _ => None,
        }
    }
}

pub struct Document {
    /// The file's path, suspects and warnings; its model has moved into `content`.
    pub loaded: Arc<Loaded>,
    pub content: Content,
    pub filter_text: String,
    pub filter: Filter,
    pub view: ViewState,
    /// What the goroutines did in the selected range.
    pub summary: Option<RangeSummary>,
}

impl Document {
    /// Takes the model out of `loaded` into the content of its kind.
    pub fn new(mut loaded: Loaded) -> Result<Document, LoadError> {
        let content = if let Some(t) = loaded.trace.take() {
            Content::Trace(TraceDoc::new(t))
        } else if let Some(d) = loaded.dump.take() {
            let mut doc = DumpDoc::new(d);
            doc.memory = loaded
                .memory
                .take()
                .map(|m| MemoryDoc { view: MemoryView::new(&m, &loaded.findings), model: m });
            Content::Dump(doc)
        } else if let Some(p) = loaded.profile.take() {
            let groups = crate::analysis::profile_as_dump(&p).map(DumpDoc::new);
            Content::Profile(ProfileDoc { view: ProfileView::new(&p), model: p, groups, show_groups: true })
        } else if let Some(m) = loaded.memory.take() {
            Content::Memory(MemoryDoc { view: MemoryView::new(&m, &loaded.findings), model: m })
        } else {
            return Err(LoadError {
                path: loaded.path.clone(),
                offset: None,
                message: crate::tr!("error-nothing-to-show"),
                cause: None,
            });
        };
        let duration = match &content {
            Content::Trace(t) => t.model().duration_ns,
            _ => 1,
        };
        let mut view = ViewState::new(duration);
        view.lost_from_ns = content.trace().and_then(|t| t.model().lost_from_ns);
        // A crash dump opens on the goroutine that crashed (DumpView::new selects it).
        if let Some(i) = content.dump().and_then(|d| d.view.selected) {
            view.selection = super::state::Selection::DumpGroup(i);
        }
        Ok(Document {
            loaded: Arc::new(loaded),
            content,
            filter_text: String::new(),
            filter: Filter::default(),
            view,
            summary: None,
        })
    }

    pub fn trace(&self) -> Option<&TraceDoc> {
        self.content.trace()
    }

    pub fn set_filter(&mut self, text: &str) {
        self.filter_text = text.to_string();
        self.filter = Filter::parse(text);
        if let Some(d) = self.content.dump_mut() {
            d.view.reorder(&self.filter);
        }
        if let Content::Trace(t) = &mut self.content {
            t.set_filter(&self.filter);
        }
        self.view.rows_dirty = true;
    }

    /// Lays the timeline's rows out again if the filter or the groups changed.
    pub fn layout_if_dirty(&mut self) {
        if !self.view.rows_dirty {
            return;
        }
        if let Content::Trace(t) = &mut self.content {
            t.layout_rows(&self.view.toggled_groups, &self.loaded.suspects);
        }
        self.view.rows_dirty = false;
    }
}

/// `chansend/main.go` from `/home/u/src/chansend/main.go`: the last two path parts.
pub fn short_file(path: &str) -> &str {
    let mut it = path.rmatch_indices('/');
    match (it.next(), it.next()) {
        (Some(_), Some((i, _))) => &path[i + 1..],
        _ => path,
    }
}

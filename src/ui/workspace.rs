//! The open files: any number of panes, each loading, failed, or holding a [`Document`]
//! (and possibly loading its replacement). One pane is active: the table's commands act on
//! it. Two or more panes make a compare view: side by side or stacked, zoom and pan synced
//! between traces, their creation-site groups drawn in the same order.
//!
//! The workspace owns the background work of its panes (loads, processor lanes) and polls
//! it in the frame logic, before anything draws.

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Duration;

use crate::load::{LoadError, LoadJob};
use crate::tr;

use super::document::{Content, Document};
use super::trace_doc::site_key;

/// A pane's stable identity: egui ids and commands are scoped by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PaneId(pub u64);

pub struct Pane {
    pub id: PaneId,
    pub doc: Option<Document>,
    /// A file loading into this pane (replacing `doc` when it is done).
    pub job: Option<LoadJob>,
    pub error: Option<LoadError>,
    /// `doc` is a partial model of the trace `job` is still loading (`app/swap.rs`).
    pub partial: bool,
}

impl Pane {
    /// The file this pane shows or is loading.
    pub fn path(&self) -> Option<&std::path::Path> {
        match (&self.doc, &self.job, &self.error) {
            (_, Some(j), _) => Some(&j.path),
            (Some(d), _, _) => Some(&d.loaded.path),
            (None, None, Some(e)) => Some(&e.path),
            (None, None, None) => None,
        }
    }
}

pub struct Workspace {
    pub panes: Vec<Pane>,
    /// Index of the pane the table's commands act on.
    pub active: usize,
    /// Compare view: one pane above the other (true) or side by side.
    pub stacked: bool,
    /// Compare view: zoom and pan of one trace pane move every trace pane.
    pub sync: bool,
    /// Compare view: each pane shows its suspects and inspector beside its timeline.
    pub side_panels: bool,
    /// A series: the one pane shown (`None`: the growth chart).
    pub shown: Option<usize>,
    /// Bumped whenever a pane's document changes, so derived comparisons know to redo.
    pub generation: u64,
    next_id: u64,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            panes: Vec::new(),
            active: 0,
            stacked: false,
            sync: true,
            // Side by side, a pane is too narrow for its suspects and inspector beside the
            // timeline; the diff table below lists the groups instead.
            side_panels: false,
            shown: None,
            generation: 0,
            next_id: 1,
        }
    }
}

impl Workspace {
    pub fn active(&self) -> Option<&Pane> {
        self.panes.get(self.active)
    }

    pub fn pane_mut(&mut self, id: PaneId) -> Option<&mut Pane> {
        self.panes.iter_mut().find(|p| p.id == id)
    }

    pub fn is_loading(&self) -> bool {
        self.panes.iter().any(|p| p.job.is_some())
    }

    /// Starts loading `path` into the active pane (a new one if there is none).
    pub fn open(&mut self, path: PathBuf, ctx: &egui::Context) {
        if self.panes.is_empty() {
            self.open_beside(path, ctx);
            return;
        }
        let i = self.active.min(self.panes.len() - 1);
        start(&mut self.panes[i], path, ctx);
    }

    /// Starts loading `path` into a new pane beside the others and makes it active.
    pub fn open_beside(&mut self, path: PathBuf, ctx: &egui::Context) {
        let id = PaneId(self.next_id);
        self.next_id += 1;
        let mut pane = Pane { id, doc: None, job: None, error: None, partial: false };
        start(&mut pane, path, ctx);
        self.panes.push(pane);
        self.active = self.panes.len() - 1;
        self.generation += 1;
    }

    /// Replaces every pane with one showing `job` (a trace still arriving from a capture).
    pub fn adopt(&mut self, job: LoadJob) {
        self.panes.clear();
        self.shown = None;
        let id = PaneId(self.next_id);
        self.next_id += 1;
        self.panes.push(Pane { id, doc: None, job: Some(job), error: None, partial: false });
        self.active = 0;
        self.generation += 1;
    }

    /// Replaces every pane with one per file (a compare view of two, a series of more).
    pub fn open_all(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        self.panes.clear();
        self.shown = None;
        for p in paths {
            self.open_beside(p, ctx);
        }
        self.active = 0;
    }

    /// Installs a file loaded elsewhere (benchmarks, tests) as the only pane.
    pub fn install(&mut self, loaded: crate::load::Loaded) {
        self.install_all(vec![loaded]);
    }

    /// Installs files loaded elsewhere, one pane each, side by side (the compare view's frame
    /// benchmark).
    pub fn install_all(&mut self, all: Vec<crate::load::Loaded>) {
        self.panes.clear();
        for loaded in all {
            let id = PaneId(self.next_id);
            self.next_id += 1;
            let mut pane = Pane { id, doc: None, job: None, error: None, partial: false };
            match Document::new(loaded) {
                Ok(d) => pane.doc = Some(d),
                Err(e) => pane.error = Some(e),
            }
            self.panes.push(pane);
        }
        self.active = 0;
        self.changed();
    }

    pub fn close(&mut self, id: PaneId) {
        self.panes.retain(|p| p.id != id);
        self.shown = None;
        self.active = self.active.min(self.panes.len().saturating_sub(1));
        self.changed();
    }

    /// Frame logic: takes finished loads (returning the paths that loaded, for the recent
    /// files), and starts or collects processor lanes where they are wanted.
    pub fn poll(&mut self, ctx: &egui::Context, show_procs: bool) -> Vec<PathBuf> {
        let mut loaded = Vec::new();
        for pane in &mut self.panes {
            super::app::swap::take_partial(pane);
            if let Some(job) = &pane.job {
                match job.poll() {
                    None => ctx.request_repaint_after(Duration::from_millis(50)),
                    Some(result) => {
                        pane.job = None;
                        let partial = std::mem::take(&mut pane.partial).then(|| pane.doc.take()).flatten();
                        match result.and_then(Document::new) {
                            Ok(mut doc) => {
                                if let Some(old) = partial {
                                    super::app::swap::finish_partial(old, &mut doc);
                                }
                                loaded.push(doc.loaded.path.clone());
                                pane.doc = Some(doc);
                                pane.error = None;
                            }
                            Err(e) => pane.error = Some(e),
                        }
                    }
                }
            }
            if let Some(Content::Trace(t)) = pane.doc.as_mut().map(|d| &mut d.content) {
                t.poll_lanes(show_procs, ctx);
                t.row_lods.poll(&t.model, ctx);
            }
        }
        if !loaded.is_empty() {
            self.changed();
        }
        loaded
    }

    /// A pane's document changed: the traces' groups are aligned again and comparisons
    /// redone. The groups every trace shares come first, in the first trace's order, so they
    /// are on the same rows on every side; then each side's own, marked.
    pub fn changed(&mut self) {
        self.generation += 1;
        let traces: Vec<usize> = (0..self.panes.len())
            .filter(|&i| self.panes[i].doc.as_ref().and_then(Document::trace).is_some())
            .collect();
        let keys = |ws: &Workspace, i: usize| {
            ws.panes[i].doc.as_ref().and_then(Document::trace).map(|t| t.keys_in_order()).unwrap_or_default()
        };
        // Back to each trace's own order first.
        for &i in &traces {
            if let Some(doc) = self.panes[i].doc.as_mut()
                && let Content::Trace(t) = &mut doc.content
            {
                t.align_groups(None);
                doc.view.rows_dirty = true;
            }
        }
        let Some((&first, rest)) = traces.split_first() else { return };
        if rest.is_empty() {
            return;
        }
        let others: Vec<String> = rest.iter().flat_map(|&i| keys(self, i)).collect();
        let own = keys(self, first);
        // The first trace: the sites shared in its order (a site whose goroutines returned on
        // one side only is shared), then the others' (which it lacks).
        let sites =
            |keys: &[String]| -> HashSet<String> { keys.iter().map(|k| site_key(k).to_string()).collect() };
        let (own_sites, other_sites) = (sites(&own), sites(&others));
        let mut reference: Vec<String> =
            own.iter().filter(|k| other_sites.contains(site_key(k))).cloned().collect();
        let mut seen: HashSet<&str> = HashSet::new();
        reference.extend(
            others.iter().filter(|k| !own_sites.contains(site_key(k)) && seen.insert(k.as_str())).cloned(),
        );
        let mut order = None;
        if let Some(Content::Trace(t)) = self.panes[first].doc.as_mut().map(|d| &mut d.content) {
            t.align_groups(Some(&reference));
            order = Some(t.keys_in_order());
        }
        for &i in rest {
            if let Some(Content::Trace(t)) = self.panes[i].doc.as_mut().map(|d| &mut d.content) {
                t.align_groups(order.as_deref());
            }
        }
    }
}

/// Starts a load job for `path` in `pane`; a failure to start is the pane's error.
fn start(pane: &mut Pane, path: PathBuf, ctx: &egui::Context) {
    let repaint = ctx.clone();
    pane.error = None;
    match LoadJob::spawn(path.clone(), move || repaint.request_repaint()) {
        Ok(job) => pane.job = Some(job),
        Err(e) => {
            pane.error = Some(LoadError {
                path,
                offset: None,
                message: tr!("error-cannot-start", error = e.to_string()),
                cause: None,
            })
        }
    }
}

/// The letter a compare view gives its `i`th pane: A, B, C…
pub fn side_letter(i: usize) -> char {
    char::from(b'A' + (i % 26) as u8)
}

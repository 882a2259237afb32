//! pprof's view options over one profile: granularity (`-functions/-lines/-files/-addresses`)
//! and the sample filters `-focus/-ignore/-hide/-show/-tagfocus/-tagignore` (pprof `internal/driver`
//! `applyFocus` + `aggregate`, `profile.FilterSamplesByName/ByTag`, `internal/graph`'s
//! `nodeInfo`). A node is what pprof's `NodeInfo` holds after aggregation:
//!
//! - functions: the name; lines: name, file, line; files: file; addresses: all of them and
//!   the location's address (pprof does not aggregate at all then).
//! - a line whose function has no name also keys by the function's start line and the
//!   mapping's file (so `-files` lists a file once per function of it, as pprof does); a line
//!   with no function is the mapping's file alone, printed `[base]`, else `<unknown>`.
//! - focus/ignore/hide/show match a line's function name or file name (before aggregation),
//!   or the location's mapping file. Filtering happens after the report's total is taken, so
//!   the total stays the whole profile's.

use regex::Regex;

use super::profile_labels::{TagFilter, keys, tag_filter, tag_matches};
use crate::model::ProfileModel;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Granularity {
    #[default]
    Functions,
    Lines,
    Files,
    Addresses,
}

impl Granularity {
    pub const ALL: [Granularity; 4] = [Self::Functions, Self::Lines, Self::Files, Self::Addresses];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.name() == s)
    }

    /// pprof's option name without the dash.
    pub fn name(self) -> &'static str {
        match self {
            Self::Functions => "functions",
            Self::Lines => "lines",
            Self::Files => "files",
            Self::Addresses => "addresses",
        }
    }
}

/// The options as the user gives them; an empty string is "not set".
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ViewOptions {
    pub granularity: Granularity,
    pub focus: String,
    pub ignore: String,
    pub hide: String,
    pub show: String,
    pub tagfocus: String,
    /// `-tagignore`: drops the samples whose labels match (the syntax of `tagfocus`).
    pub tagignore: String,
    /// `-tagroot` / `-tagleaf`: comma-separated label keys whose values become frames at the
    /// root / the leaf of every sample (`profile_labels::labelled`).
    pub tagroot: String,
    pub tagleaf: String,
}

/// Compiled [`ViewOptions`].
#[derive(Clone, Default)]
pub struct View {
    pub granularity: Granularity,
    /// Every node keeps its mapping file and its function's start line (pprof's `ObjNames`,
    /// which `list` sets), not only the nameless ones.
    pub(crate) obj_names: bool,
    focus: Option<Regex>,
    ignore: Option<Regex>,
    hide: Option<Regex>,
    show: Option<Regex>,
    tagfocus: Option<TagFilter>,
    tagignore: Option<TagFilter>,
    pub(crate) tagroot: Vec<String>,
    pub(crate) tagleaf: Vec<String>,
}

fn compile(name: &str, re: &str) -> Result<Option<Regex>, String> {
    if re.is_empty() {
        return Ok(None);
    }
    Regex::new(re).map(Some).map_err(|e| format!("{name}: {e}"))
}

impl View {
    pub fn new(o: &ViewOptions) -> Result<View, String> {
        Ok(View {
            granularity: o.granularity,
            obj_names: false,
            focus: compile("focus", &o.focus)?,
            ignore: compile("ignore", &o.ignore)?,
            hide: compile("hide", &o.hide)?,
            show: compile("show", &o.show)?,
            tagfocus: tag_filter("tagfocus", &o.tagfocus)?,
            tagignore: tag_filter("tagignore", &o.tagignore)?,
            tagroot: keys(&o.tagroot),
            tagleaf: keys(&o.tagleaf),
        })
    }
}

/// One node of the graph: pprof's `NodeInfo` at the view's granularity.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct NodeKey {
    pub address: u64,
    pub function: String,
    pub file: String,
    pub line: i64,
    pub start_line: i64,
    pub objfile: String,
}

impl NodeKey {
    /// The name pprof prints (`NodeInfo.PrintableName`).
    pub fn printable(&self) -> String {
        let mut parts = Vec::new();
        if self.address != 0 {
            parts.push(format!("{:016x}", self.address));
        }
        if !self.function.is_empty() {
            parts.push(self.function.clone());
        }
        if self.line != 0 {
            parts.push(format!("{}:{}", self.file, self.line));
        } else if !self.file.is_empty() {
            parts.push(self.file.clone());
        } else if !self.function.is_empty() {
        } else if !self.objfile.is_empty() {
            parts.push(format!("[{}]", self.objfile.rsplit(['/', '\\']).next().unwrap_or("")));
        } else {
            parts.push("<unknown>".to_string());
        }
        parts.join(" ")
    }
}

/// Go's `filepath.Clean` (slash paths), then the report's trimming of `/proc/self/cwd/`.
pub(crate) fn clean_path(p: &str) -> String {
    if p.is_empty() {
        return String::new();
    }
    let rooted = p.starts_with('/');
    let mut out: Vec<&str> = Vec::new();
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." if out.last().is_some_and(|l| *l != "..") => {
                out.pop();
            }
            ".." if rooted => {}
            _ => out.push(part),
        }
    }
    let joined = out.join("/");
    let s = match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    };
    s.strip_prefix("/proc/self/cwd/").map_or(s.clone(), str::to_string)
}

/// The lines (indices into the location's lines, leaf first) that a location keeps after
/// hide/show, or `None` when the location is hidden from every sample.
pub(crate) fn visible_lines(p: &ProfileModel, v: &View, loc: u32) -> Option<Vec<usize>> {
    let lines = p.location_lines(loc);
    let mut keep: Vec<usize> = (0..lines.len()).collect();
    let mapping_matches = |re: &Regex| {
        let m = p.mapping_file(loc);
        !m.is_empty() && re.is_match(m)
    };
    let line_matches = |re: &Regex, i: usize| {
        p.function(lines[i].function)
            .is_some_and(|f| re.is_match(p.strings.get(f.name)) || re.is_match(p.strings.get(f.file)))
    };
    if let Some(re) = &v.hide
        && location_matches(p, re, loc)
    {
        if mapping_matches(re) {
            return None;
        }
        keep.retain(|&i| !line_matches(re, i));
        if keep.is_empty() {
            return None;
        }
    }
    if let Some(re) = &v.show
        && !mapping_matches(re)
    {
        // Lines with no function stay: pprof only tests lines that have one.
        keep.retain(|&i| p.function(lines[i].function).is_none() || line_matches(re, i));
        if keep.is_empty() {
            return None;
        }
    }
    Some(keep)
}

/// pprof's `Location.matchesName`: any line's function name or file, or the mapping file.
fn location_matches(p: &ProfileModel, re: &Regex, loc: u32) -> bool {
    let by_line = p.location_lines(loc).iter().any(|l| {
        p.function(l.function)
            .is_some_and(|f| re.is_match(p.strings.get(f.name)) || re.is_match(p.strings.get(f.file)))
    });
    let m = p.mapping_file(loc);
    by_line || (!m.is_empty() && re.is_match(m))
}

/// Per sample, whether the view keeps it (`None`: every sample): focus/ignore by any of its
/// locations, hide/show removing all of them, tagfocus on its string labels.
pub(crate) fn kept_samples(p: &ProfileModel, v: &View) -> Option<Vec<bool>> {
    let names = v.focus.is_some() || v.ignore.is_some() || v.hide.is_some() || v.show.is_some();
    if !names && v.tagfocus.is_none() && v.tagignore.is_none() {
        return None;
    }
    // Per location: Some(true) focused, Some(false) ignored; and hidden.
    let marks: Vec<(Option<bool>, bool)> = (0..p.locations.len())
        .map(|l| {
            let l = u32::try_from(l).unwrap_or(u32::MAX);
            let mark = match (&v.ignore, &v.focus) {
                (Some(re), _) if location_matches(p, re, l) => Some(false),
                (_, None) => Some(true),
                (_, Some(re)) => location_matches(p, re, l).then_some(true),
            };
            (mark, visible_lines(p, v, l).is_none())
        })
        .collect();
    let any_hidden = marks.iter().any(|m| m.1);
    let keep = p.samples.iter().map(|s| {
        let locs = p.sample_locations(s);
        let by_name = !names || {
            let mut focused = false;
            let mut ignored = false;
            for &l in locs {
                match marks.get(l as usize).and_then(|m| m.0) {
                    Some(true) => focused = true,
                    Some(false) => ignored = true,
                    None => {}
                }
            }
            let visible = !any_hidden || locs.iter().any(|&l| marks.get(l as usize).is_some_and(|m| !m.1));
            focused && !ignored && visible
        };
        let labels = p.sample_labels(s);
        by_name
            && v.tagfocus.as_ref().is_none_or(|t| tag_matches(p, t, labels))
            && !v.tagignore.as_ref().is_some_and(|t| tag_matches(p, t, labels))
    });
    Some(keep.collect())
}

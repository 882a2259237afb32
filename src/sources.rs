//! Where a source file that a profile, trace or dump names is on this machine. The names are
//! the build machine's: absolute paths of another computer (`/build/src/svc/main.go`),
//! `-trimpath` module paths (`samples/profiles/main.go`, `example.com/m@v1.2.0/x.go`) or the
//! standard library's (`runtime/proc.go`). Like pprof's `-trim_path`/`-source_path`, a file is
//! looked for, in order:
//!
//! 1. through the user's rewrites (Settings > Source roots): a name starting with `from`
//!    (a whole path element) is looked for at `to` joined with the rest;
//! 2. as it is, when it is absolute;
//! 3. relative to each search folder and each of that folder's parents (pprof's search),
//!    the name taken as it is, without `/proc/self/cwd/`, and after the last `/BASE/` where
//!    BASE is the search folder's own name (pprof's guess: `…/go/src/runtime/proc.go` in
//!    GOROOT's `src`, `…/pkg/mod/m@v/x.go` in the module cache's `mod`).
//!
//! The search folders are the opened file's folder, the current folder, GOROOT's `src` and the
//! module cache (`$GOROOT`, else the `go` on `PATH`; `$GOMODCACHE`, else `$GOPATH/pkg/mod`,
//! else `~/go/pkg/mod`). A module path with capitals is also tried as the module cache spells
//! it (`!burnt!sushi`). This is I/O (it asks the file system), for the window's threads and the
//! tests; the list of candidates itself ([`SourceRoots::candidates`]) only computes.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// A source file larger than this is not read (a source view of a generated 100 MB file is
/// not what anyone asked for, and the window must not hold it).
pub const MAX_SOURCE_BYTES: u64 = 16 << 20;

/// One source root: names starting with `from` are found under `to`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rewrite {
    pub from: String,
    pub to: String,
}

/// The rewrites and the folders a source file is looked for in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceRoots {
    pub rewrites: Vec<Rewrite>,
    pub search: Vec<PathBuf>,
}

impl SourceRoots {
    /// The user's rewrites, and as search folders the opened file's folder, the current
    /// folder, GOROOT's `src` and the module cache.
    pub fn new(rewrites: &[Rewrite], opened: Option<&Path>) -> SourceRoots {
        let mut search: Vec<PathBuf> = Vec::new();
        search.extend(
            opened.and_then(Path::parent).filter(|p| !p.as_os_str().is_empty()).map(Path::to_path_buf),
        );
        search.extend(std::env::current_dir().ok());
        search.extend(goroot().map(|g| g.join("src")));
        search.extend(module_cache());
        search.dedup();
        SourceRoots { rewrites: rewrites.to_vec(), search }
    }

    /// Every path `file` may be at here, in the order they are tried (no duplicates).
    pub fn candidates(&self, file: &str) -> Vec<PathBuf> {
        let name = file.replace('\\', "/");
        let mut out: Vec<PathBuf> = Vec::new();
        for r in self.rewrites.iter().filter(|r| !r.from.trim().is_empty()) {
            if let Some(rest) = strip_dir(&name, r.from.trim()) {
                out.push(expand_home(r.to.trim()).join(rest));
            }
        }
        if name.starts_with('/') || Path::new(&name).is_absolute() {
            out.push(PathBuf::from(&name));
        }
        let mut relative: Vec<&str> = Vec::new();
        for prefix in ["/proc/self/cwd/./", "/proc/self/cwd/"] {
            relative.extend(name.strip_prefix(prefix));
        }
        if !name.starts_with('/') {
            relative.push(&name);
        }
        for dir in &self.search {
            let base = dir.file_name().map(|b| format!("/{}/", b.to_string_lossy()));
            let mut names = relative.clone();
            if let Some(i) = base.as_deref().and_then(|b| name.find(b).map(|i| i + b.len())) {
                names.push(&name[i..]);
            }
            for n in names {
                let escaped = escape_module(n);
                for d in dir.ancestors() {
                    out.push(d.join(n));
                    if let Some(e) = &escaped {
                        out.push(d.join(e));
                    }
                }
            }
        }
        let mut seen = std::collections::HashSet::new();
        out.retain(|p| seen.insert(p.clone()));
        out
    }

    /// The first candidate that is a file, or every candidate tried.
    pub fn find(&self, file: &str) -> Result<PathBuf, Vec<PathBuf>> {
        let all = self.candidates(file);
        match all.iter().find(|p| p.is_file()) {
            Some(p) => Ok(p.clone()),
            None => Err(all),
        }
    }
}

/// `name` less the leading path `dir` (whole elements: `samples` strips `samples/x.go`, not
/// `samplesx/x.go`).
fn strip_dir<'a>(name: &'a str, dir: &str) -> Option<&'a str> {
    let dir = dir.replace('\\', "/");
    let dir = dir.trim_end_matches('/');
    let rest = name.strip_prefix(dir)?;
    if dir.is_empty() {
        return None;
    }
    rest.strip_prefix('/').or((rest.is_empty()).then_some(rest))
}

/// `~/src` as the home folder's `src`.
fn expand_home(p: &str) -> PathBuf {
    match (p.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(p),
    }
}

/// The module cache's spelling of a module path with capitals (`!b` for `B`), up to the
/// first `@version` element; `None` when it needs none.
fn escape_module(name: &str) -> Option<String> {
    let at = name.find('@')?;
    let (module, rest) = name.split_at(at);
    if !module.chars().any(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let mut out = String::with_capacity(name.len() + 4);
    for c in module.chars() {
        if c.is_ascii_uppercase() {
            out.push('!');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out.push_str(rest);
    Some(out)
}

/// `$GOROOT`, else the root of the `go` found on `PATH`.
fn goroot() -> Option<PathBuf> {
    if let Some(g) = std::env::var_os("GOROOT").filter(|g| !g.is_empty()) {
        return Some(PathBuf::from(g));
    }
    let path = std::env::var_os("PATH")?;
    let go = std::env::split_paths(&path).map(|d| d.join("go")).find(|p| p.is_file())?;
    let go = std::fs::canonicalize(&go).unwrap_or(go);
    Some(go.parent()?.parent()?.to_path_buf())
}

/// `$GOMODCACHE`, else `$GOPATH/pkg/mod` (its first element), else `~/go/pkg/mod`.
fn module_cache() -> Option<PathBuf> {
    if let Some(m) = std::env::var_os("GOMODCACHE").filter(|m| !m.is_empty()) {
        return Some(PathBuf::from(m));
    }
    let gopath = std::env::var_os("GOPATH")
        .and_then(|p| std::env::split_paths(&p).next())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join("go")))?;
    Some(gopath.join("pkg").join("mod"))
}

/// A source file's lines (without their `\n` or `\r\n`), as pprof's listing reads them;
/// invalid UTF-8 is replaced, a file over [`MAX_SOURCE_BYTES`] refused.
pub fn read_lines(path: &Path) -> std::io::Result<Vec<String>> {
    let len = std::fs::metadata(path)?.len();
    if len > MAX_SOURCE_BYTES {
        return Err(std::io::Error::other(format!("{len} bytes, over the {MAX_SOURCE_BYTES} read")));
    }
    let bytes = std::fs::read(path)?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(text.lines().map(str::to_string).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roots(rewrites: &[(&str, &str)], search: &[&str]) -> SourceRoots {
        SourceRoots {
            rewrites: rewrites
                .iter()
                .map(|(f, t)| Rewrite { from: f.to_string(), to: t.to_string() })
                .collect(),
            search: search.iter().map(PathBuf::from).collect(),
        }
    }

    #[test]
    fn a_rewrite_comes_first_and_takes_whole_elements() {
        let r = roots(&[("/build/src", "/home/me/svc")], &[]);
        assert_eq!(r.candidates("/build/src/cmd/main.go")[0], PathBuf::from("/home/me/svc/cmd/main.go"));
        assert_eq!(r.candidates("/build/srcx/main.go"), vec![PathBuf::from("/build/srcx/main.go")]);
    }

    #[test]
    fn search_folders_their_parents_and_the_base_guess() {
        let r = roots(&[], &["/opt/go/src"]);
        let c = r.candidates("/usr/local/go/src/runtime/proc.go");
        assert!(c.contains(&PathBuf::from("/opt/go/src/runtime/proc.go")), "{c:?}");
        let c = r.candidates("runtime/proc.go");
        assert_eq!(
            &c[..3],
            ["/opt/go/src/runtime/proc.go", "/opt/go/runtime/proc.go", "/opt/runtime/proc.go"]
                .map(PathBuf::from)
        );
    }

    #[test]
    fn module_paths_with_capitals_as_the_cache_spells_them() {
        let r = roots(&[], &["/m"]);
        let c = r.candidates("github.com/BurntSushi/toml@v1.3.2/decode.go");
        assert!(c.contains(&PathBuf::from("/m/github.com/!burnt!sushi/toml@v1.3.2/decode.go")), "{c:?}");
    }
}

//! Groups of one source compiled two ways: the compiler names a closure by where it ends up,
//! so inlining renames it (`main.main.func3.func1.1` in a default build is
//! `main.main.func3.1.1` with `-gcflags=-l`, and Go 1.24 makes it
//! `main.main.main.func3.func4.1`): the same `go` statement and the same blocking line read
//! as a group gone and a new one (probe r28c: every default → `-l`/`-N -l` diff failed
//! `--fail-on-growth`). A group none matched by its functions is matched, as a last resort,
//! by its closures' outer function and the lines it blocks and was made at: lines a fix
//! moves, but two builds of one source share.

use super::{FrameText, GoroutineGroup};
use crate::analysis::classify::{is_runtime_frame, is_std_func};

/// What two builds of one source agree on for a group that runs closures.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct BuildKey {
    state: String,
    /// The program's frames of the blocking stack: closure-blind function and line.
    frames: Vec<(String, u32)>,
    /// The creation site: closure-blind function and line.
    created: Option<(String, u32)>,
}

/// The key of a group whose stack or creator names a closure; `None` otherwise (a named
/// function is never renamed by inlining: the exact match holds).
pub(super) fn build_key(g: &GoroutineGroup) -> Option<BuildKey> {
    let program = |f: &&FrameText| !is_runtime_frame(&f.function) && !is_std_func(&f.function);
    let frames: Vec<&FrameText> = g.blocking_stack.iter().filter(program).collect();
    let closures = frames.iter().copied().chain(g.created_at.as_ref()).any(|f| is_closure(&f.function));
    if !closures {
        return None;
    }
    let blind = |f: &FrameText| (outer_function(&f.function), f.line);
    Some(BuildKey {
        state: g.state.clone(),
        frames: frames.into_iter().map(blind).collect(),
        created: g.created_at.as_ref().map(blind),
    })
}

/// A closure's name: a segment after the function's that is `funcN` or a number.
fn is_closure(name: &str) -> bool {
    name.rsplit('.').next().is_some_and(closure_segment)
}

fn closure_segment(s: &str) -> bool {
    let digits = s.strip_prefix("func").unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The function a closure is in, with no closure segments and no repeated segment:
/// `main.main` for `main.main.func3.1.1`, `main.main.func3.func1.1` and
/// `main.main.main.func3.func4.1`.
fn outer_function(name: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in name.split('.') {
        if closure_segment(p) {
            break;
        }
        // `main.main` is a package and its function; a third `main` is Go 1.24's repeat.
        if parts.len() < 2 || parts.last() != Some(&p) {
            parts.push(p);
        }
    }
    parts.join(".")
}

#[cfg(test)]
mod tests {
    use super::outer_function;

    /// The names probe r28c's builds gave one closure (Go 1.27 default and `-l`, Go 1.24).
    #[test]
    fn inlined_and_not_inlined_closures_share_their_outer_function() {
        for name in ["main.main.func3.1.1", "main.main.func3.func1.1", "main.main.main.func3.func4.1"] {
            assert_eq!(outer_function(name), "main.main", "{name}");
        }
        assert_eq!(outer_function("main.(*Server).handle.func1"), "main.(*Server).handle");
    }
}

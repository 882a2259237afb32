//! A goroutine inside a C function it called through cgo: Go prints it `[syscall]` with the
//! generated `pkg._Cfunc_NAME` wrapper as its innermost frame (a trace, in a system call).
//! Go cannot see into C, so neither can its diagnostics: a C library blocked on a lock or a
//! condition nobody signals never returns, and looks the same as one working (probe r28c: 5
//! goroutines in a `pthread_cond_wait` nobody signalled, never mentioned). Such goroutines
//! are listed as not judged, named by their C function and the program's line that called it.

use crate::model::{Frame, StringTable};

/// The wrappers' prefixes in a function's name: `main._Cfunc_c_wait`, and `_C2func_` for a
/// call that returns errno too (`net._C2func_getaddrinfo`: a DNS lookup through libc).
const WRAPPERS: [&str; 2] = ["._Cfunc_", "._C2func_"];

/// The C function a wrapper named `f` calls.
fn wrapped(f: &str) -> Option<&str> {
    WRAPPERS.iter().find_map(|w| f.split_once(w).map(|(_, name)| name))
}

/// The C function the innermost cgo wrapper of a stack (leaf first) calls, if any.
pub fn c_function<'a>(funcs: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    funcs.into_iter().find_map(wrapped)
}

/// The program's frame that called into C: the first frame outside the runtime and the
/// standard library past the wrapper.
pub fn caller<'f>(strings: &StringTable, frames: &'f [Frame]) -> Option<&'f Frame> {
    let wrapper = frames.iter().position(|f| wrapped(strings.get(f.func)).is_some())?;
    let rest = frames.get(wrapper + 1..)?;
    super::classify::user_frame(strings, rest)
}

#[cfg(test)]
mod tests {
    use super::c_function;

    #[test]
    fn the_wrapper_names_the_c_function() {
        assert_eq!(c_function(["main._Cfunc_c_wait", "main.cWaiter"]), Some("c_wait"));
        assert_eq!(c_function(["runtime.cgocall", "net._C2func_getaddrinfo"]), Some("getaddrinfo"));
        assert_eq!(c_function(["syscall.Syscall", "os.(*File).Read"]), None);
    }
}

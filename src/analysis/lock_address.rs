//! Which mutex a goroutine of a dump waits for: the receiver the runtime printed for
//! `sync.(*Mutex).lockSlow` (`internal/sync` from Go 1.24), the one frame of a `Lock` wait
//! that is never inlined. Two goroutines waiting with the same address wait for one mutex.
//! A goroutine that went past the Lock a crowd waits at, in a frame with the crowd's own first
//! argument (the same receiver), took the very mutex the crowd waits for; if it now waits for
//! that address too, it locked it twice (`transfer(b, a)` beside a crowd in `transfer(a, b)`
//! waits for the crowd's mutex without holding it: another receiver). And which type a
//! method's receiver is, the struct a lock is a field of.

use crate::model::{DumpGoroutine, DumpModel};

/// The lock-slow frames whose first argument is the mutex.
const LOCK_SLOW: [&str; 2] = ["sync.(*Mutex).lockSlow", "internal/sync.(*Mutex).lockSlow"];

/// The address of the mutex `g` waits for, as printed (`0xc000012098`), when the runtime
/// printed it exactly (a value with `?` may be stale).
pub fn waited_mutex<'m>(m: &'m DumpModel, g: &DumpGoroutine) -> Option<&'m str> {
    let frames = m.calls(g.calls).iter().take(8).filter_map(|&id| m.frame(id));
    frames.into_iter().find_map(|f| {
        if !LOCK_SLOW.contains(&m.strings.get(f.frame.func)) {
            return None;
        }
        let first = m.strings.get(f.args).split(',').next()?.trim();
        (first.starts_with("0x") && !first.ends_with('?')).then_some(first)
    })
}

/// The first argument the runtime printed exactly for the innermost frame of `func` in `g`'s
/// stack (`0xc000010000` of `main.(*cache).get(0xc000010000, …)`): the receiver of a method,
/// the first parameter of a function. Two goroutines in one function with the same first
/// argument lock the same mutex at the same line of it.
pub fn first_arg_in<'m>(m: &'m DumpModel, g: &DumpGoroutine, func: &str) -> Option<&'m str> {
    let first = args_in(m, g, func)?.split(',').next()?.trim();
    (!first.is_empty() && !first.ends_with('?') && first != "...").then_some(first)
}

/// The arguments the runtime printed for the innermost frame of `func` in `g`'s stack, as
/// written (`0xc000010000, {0x4e9000, 0x1}, 0x0?`).
pub fn args_in<'m>(m: &'m DumpModel, g: &DumpGoroutine, func: &str) -> Option<&'m str> {
    let frames = m.calls(g.calls).iter().filter_map(|&id| m.frame(id));
    let f = frames.into_iter().find(|f| m.strings.get(f.frame.func) == func)?;
    Some(m.strings.get(f.args))
}

/// The pointer type a method belongs to: `main.(*store)` of `main.(*store).get`. A lock is
/// a field of a struct reached by pointer (a value receiver would copy it).
pub fn receiver_type(func: &str) -> Option<&str> {
    let close = func.rfind(").")?;
    func[..close].contains("(*").then(|| &func[..=close])
}

#[cfg(test)]
mod tests {
    use super::receiver_type;

    #[test]
    fn methods_of_pointer_types_name_their_type() {
        assert_eq!(receiver_type("main.(*store).get"), Some("main.(*store)"));
        assert_eq!(
            receiver_type("example.com/x/cache.(*LRU[...]).Get"),
            Some("example.com/x/cache.(*LRU[...])")
        );
        assert_eq!(receiver_type("main.handle"), None);
        assert_eq!(receiver_type("main.store.get"), None);
        assert_eq!(receiver_type("main.(*store).get.func1"), Some("main.(*store)"));
    }
}

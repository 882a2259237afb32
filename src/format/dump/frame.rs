//! The stack lines inside a goroutine block: calls, their locations, and `created by`.
//!
//! ```text
//! net/http.(*conn).serve(0xc0001a6000, {0x7b3e58, 0xc0001c4000})    call: name(args)
//! main.F[...](0x1?, ...)                                              generic, args cut
//! main.sender(...)                                                    inlined
//! panic({0x4a5f20?, 0x5214d0?})                                       runtime.gopanic
//! \t/src/main.go:16 +0x45 fp=0xc000051fd0 sp=0xc000051fb0 pc=0x4e9245  location
//! created by main.handle in goroutine 1                               Go 1.21+
//! created by main.handle                                              Go 1.19, 1.20
//! ```

use crate::model::frame_flags;

/// A call line: the function name, the argument text and [`frame_flags`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Call<'a> {
    pub func: &'a str,
    pub args: &'a str,
    pub flags: u8,
}

/// Parses a call line. The arguments are the last balanced `( … )` that ends the line, so
/// names like `net/http.(*conn).serve` keep their own parentheses.
pub fn parse_call(line: &str) -> Option<Call<'_>> {
    if line.starts_with(char::is_whitespace) {
        return None;
    }
    let body = line.trim_end().strip_suffix(')')?;
    let mut depth = 0usize;
    let mut open = None;
    for (i, c) in body.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => {
                open = Some(i);
                break;
            }
            '(' => depth -= 1,
            _ => {}
        }
    }
    let open = open?;
    let func = body.get(..open)?;
    let args = body.get(open + 1..)?;
    if func.is_empty() || func.contains(' ') {
        return None;
    }
    let mut flags = 0;
    if args == "..." {
        flags |= frame_flags::INLINED;
        return Some(Call { func, args: "", flags });
    }
    if args.contains('?') {
        flags |= frame_flags::ARGS_UNCERTAIN;
    }
    if args.ends_with("...") {
        flags |= frame_flags::ARGS_ELIDED;
    }
    Some(Call { func, args, flags })
}

/// Parses a location line (`\tFILE:LINE [+0xOFF] [fp=… sp=… pc=…]`): file and line.
pub fn parse_location(line: &str) -> Option<(&str, u32)> {
    if !line.starts_with(['\t', ' ']) {
        return None;
    }
    let t = line.trim();
    let loc = t.split(" +0x").next()?.split(" fp=").next()?.trim_end();
    let (file, no) = loc.rsplit_once(':')?;
    let no: u32 = no.parse().ok()?;
    if file.is_empty() {
        return None;
    }
    Some((file, no))
}

/// Parses `created by F [in goroutine N]`: the function and the creator's id.
pub fn parse_created_by(line: &str) -> Option<(&str, Option<u64>)> {
    let rest = line.trim_end().strip_prefix("created by ")?;
    match rest.split_once(" in goroutine ") {
        Some((f, id)) => Some((f, id.trim().parse().ok())),
        None => Some((rest, None)),
    }
}

/// `...additional frames elided...` (Go 1.19 to 1.20 and at the bottom) or
/// `...N frames elided...` (Go 1.21+, in the middle of a deep stack).
pub fn is_elision(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("...") && t.ends_with("elided...")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls() {
        let c = parse_call("net/http.(*conn).serve(0xc0001a6000, {0x7b3e58, 0xc0001c4000})").unwrap();
        assert_eq!(
            (c.func, c.args, c.flags),
            ("net/http.(*conn).serve", "0xc0001a6000, {0x7b3e58, 0xc0001c4000}", 0)
        );
        let c = parse_call("main.sender(...)").unwrap();
        assert_eq!((c.func, c.args, c.flags), ("main.sender", "", frame_flags::INLINED));
        let c = parse_call("main.F[...](0x1?, ...)").unwrap();
        assert_eq!(c.func, "main.F[...]");
        assert_eq!(c.flags, frame_flags::ARGS_UNCERTAIN | frame_flags::ARGS_ELIDED);
        assert_eq!(parse_call("main.main()").unwrap().args, "");
        assert_eq!(parse_call("\tmain.go:3"), None);
        assert_eq!(parse_call("2024/01/01 log line (with parens)"), None);
        assert_eq!(parse_call("exit status 2"), None);
    }

    #[test]
    fn locations() {
        assert_eq!(parse_location("\t/src/main.go:16 +0x45"), Some(("/src/main.go", 16)));
        assert_eq!(parse_location("\tsamples/chansend/main.go:16"), Some(("samples/chansend/main.go", 16)));
        assert_eq!(
            parse_location(
                "\t/usr/lib/go/src/runtime/proc.go:402 +0x25 fp=0xc000051fd0 sp=0xc000051fb0 pc=0x43"
            ),
            Some(("/usr/lib/go/src/runtime/proc.go", 402))
        );
        assert_eq!(parse_location("\tC:/go/src/x.go:7 +0x1"), Some(("C:/go/src/x.go", 7)));
        assert_eq!(parse_location("main.go:3"), None);
        assert_eq!(parse_location("\tgoroutine running on other thread; stack unavailable"), None);
    }

    #[test]
    fn created_by() {
        assert_eq!(parse_created_by("created by main.handle in goroutine 1"), Some(("main.handle", Some(1))));
        assert_eq!(parse_created_by("created by main.handle"), Some(("main.handle", None)));
        assert!(is_elision("...additional frames elided..."));
        assert!(is_elision("...12 frames elided..."));
    }
}

//! Text for a terminal: names from a file (function names, paths, a quoted line of a dump)
//! may hold escape and carriage-return characters that would clear the screen, recolour it
//! or overwrite report lines. Every control character but the line feed and the tab is
//! written escaped (`\u{1b}`), as Rust's `escape_default` spells it.

use std::borrow::Cow;

/// `s` with its control characters escaped; borrowed when there are none.
pub fn safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if needs_escape(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn escapes_what_a_terminal_would_obey() {
        assert!(matches!(safe("main.handle samples/x/main.go:16\n"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(safe("main.\u{1b}[2Jevil\r  #1 forged"), "main.\\u{1b}[2Jevil\\r  #1 forged");
        assert_eq!(safe("a\u{7}b\u{9b}c"), "a\\u{7}b\\u{9b}c");
        assert_eq!(safe("等待\tline\n"), "等待\tline\n");
    }
}

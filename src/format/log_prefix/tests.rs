//! Each collector's prefix, by hand (real dumps behind them: tests/text_variants.rs).

use super::*;

#[test]
fn each_prefix_comes_off() {
    let cri = b"2026-12-01T10:00:00.1Z stderr F goroutine 1 [running]:\n2026-12-01T10:00:00.2Z stderr P main.ma\n2026-12-01T10:00:00.2Z stderr F in()\n";
    assert_eq!(strip(cri).unwrap().0, b"goroutine 1 [running]:\nmain.main()\n");
    let k = b"2026-12-01T10:00:00.123456789Z goroutine 1 [running]:\n2026-12-01T10:00:00+02:00 main.main()\n";
    assert_eq!(strip(k).unwrap().0, b"goroutine 1 [running]:\nmain.main()\n");
    let j = b"Dec  1 10:00:00 host app[42]: goroutine 1 [running]:\nDec  1 10:00:00 host app[42]: main.main()\nDec  1 10:00:00 host app[42]:\n";
    assert_eq!(strip(j).unwrap().0, b"goroutine 1 [running]:\nmain.main()\n\n");
    let d = b"{\"log\":\"goroutine 1 [running]:\\n\",\"stream\":\"stderr\",\"time\":\"x\"}\n{\"log\":\"main.main()\\n\",\"stream\":\"stderr\",\"time\":\"x\"}\n";
    assert_eq!(strip(d).unwrap().0, b"goroutine 1 [running]:\nmain.main()\n");
}

#[test]
fn go_test_json_is_read_back_package_by_package() {
    let j = b"{\"Time\":\"t\",\"Action\":\"run\",\"Package\":\"a\"}\n\
              {\"Time\":\"t\",\"Action\":\"output\",\"Package\":\"a\",\"Output\":\"panic: x\\n\"}\n\
              {\"Time\":\"t\",\"Action\":\"output\",\"Package\":\"b\",\"Output\":\"ok\\tb\\n\"}\n\
              {\"Time\":\"t\",\"Action\":\"output\",\"Package\":\"a\",\"Output\":\"goroutine 1 [running]:\\n\"}\n";
    assert_eq!(strip(j).unwrap().0, b"panic: x\ngoroutine 1 [running]:\nok\tb\n");
}

#[test]
fn plain_text_and_a_few_prefixed_lines_stay() {
    assert!(strip(b"goroutine 1 [running]:\nmain.main()\n").is_none());
    let mostly = b"2026-12-01T10:00:00Z started\ngoroutine 1 [running]:\nmain.main()\n\tmain.go:3\n";
    assert!(strip(mostly).is_none());
}

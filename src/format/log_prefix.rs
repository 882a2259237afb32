//! A dump or GC log as a log collector kept it, each line behind the collector's prefix: a
//! pod's SIGQUIT traceback read with `kubectl logs --timestamps` or `docker logs -t`, found
//! in the node's container log file, or in the journal of a systemd unit.
//!
//! ```text
//! 2026-12-01T10:00:00.123456789Z goroutine 1 [running]:              kubectl/docker -t
//! 2026-12-01T10:00:00.123456789Z stderr F goroutine 1 [running]:     CRI file (/var/log/pods)
//! 2026-12-01T10:00:00.123456789Z stderr P first part of a long line  ... continued by the next
//! Dec 01 10:00:00 host app[4242]: goroutine 1 [running]:             journalctl (short)
//! 2026-12-01T10:00:00+0000 host app[4242]: goroutine 1 [running]:    journalctl -o short-iso
//! {"log":"goroutine 1 [running]:\n","stream":"stderr","time":"…"}    docker's json-file
//! {"Time":"…","Action":"output","Package":"p","Output":"panic: …\n"}  go test -json
//! ```
//!
//! `go test -json` (test2json, and tools that keep its stream: gotestsum) is read back to
//! the text `go test` printed, each package's output together (packages run in parallel
//! interleave their events), so a test's timeout panic reads as the plain one does.
//!
//! The prefix is taken off when at least nine in ten of the first lines carry one kind of it;
//! a line without it is kept as it is. A CRI line tagged `P` (a long line the runtime split)
//! is joined with the next part.

/// How many non-blank lines decide the kind of prefix.
const SAMPLE_LINES: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `{"Time":…,"Action":"output","Package":…,"Output":"…"}`, one event per line.
    TestJson,
    /// `TIMESTAMP stdout|stderr F|P content`.
    Cri,
    /// `{"log":"…","stream":…,"time":…}`.
    DockerJson,
    /// `TIMESTAMP HOST IDENT[PID]: content` (journalctl short and short-iso).
    Journal,
    /// `TIMESTAMP content` (RFC 3339).
    Timestamp,
}

impl Kind {
    fn note(self) -> &'static str {
        match self {
            Kind::Cri => "a container runtime's log prefixes (time, stream, tag) were removed",
            Kind::DockerJson => "each line was taken out of Docker's JSON log records",
            Kind::TestJson => "the output was taken out of go test -json's events, package by package",
            Kind::Journal => "journald's prefixes (time, host, unit) were removed",
            Kind::Timestamp => "the timestamp before each line (kubectl logs --timestamps) was removed",
        }
    }
}

/// The text without its collector's prefixes and a note saying which, or `None`.
pub fn strip(data: &[u8]) -> Option<(Vec<u8>, &'static str)> {
    let lines = || data.split(|&b| b == b'\n').map(|l| l.strip_suffix(b"\r").unwrap_or(l));
    let sample: Vec<&[u8]> = lines().filter(|l| !l.is_empty()).take(SAMPLE_LINES).collect();
    let kind = [Kind::TestJson, Kind::DockerJson, Kind::Cri, Kind::Journal, Kind::Timestamp]
        .into_iter()
        .find(|&k| {
            let hits = sample.iter().filter(|l| content(k, l).is_some()).count();
            hits >= 2 && hits * 10 >= sample.len() * 9
        })?;
    if kind == Kind::TestJson {
        return Some((test_output(lines()), kind.note()));
    }
    let mut out = Vec::with_capacity(data.len());
    let mut partial = false;
    let n = lines().count();
    for (i, line) in lines().enumerate() {
        match content(kind, line) {
            Some(Content::Line(c)) => {
                out.extend_from_slice(c);
                out.push(b'\n');
                partial = false;
            }
            Some(Content::Part(c)) => {
                out.extend_from_slice(c);
                partial = true;
            }
            Some(Content::Json(s)) => out.extend_from_slice(s.as_bytes()),
            None if line.is_empty() && i + 1 == n => {}
            None => {
                if partial {
                    out.push(b'\n');
                    partial = false;
                }
                out.extend_from_slice(line);
                out.push(b'\n');
            }
        }
    }
    Some((out, kind.note()))
}

/// What a prefixed line holds.
enum Content<'a> {
    Line(&'a [u8]),
    /// The first part of a longer line (CRI tag `P`).
    Part(&'a [u8]),
    /// Docker's `log` value, its own line end included.
    Json(String),
}

fn content(kind: Kind, line: &[u8]) -> Option<Content<'_>> {
    match kind {
        Kind::TestJson => {
            if !(line.starts_with(b"{\"Time\":") || line.starts_with(b"{\"Action\":")) {
                return None;
            }
            let v: serde_json::Value = serde_json::from_slice(line).ok()?;
            v.get("Action")?;
            Some(Content::Json(v.get("Output").and_then(|o| o.as_str()).unwrap_or("").to_string()))
        }
        Kind::Timestamp => rfc3339(line).map(Content::Line),
        Kind::Cri => {
            let rest = rfc3339(line)?;
            let rest = rest.strip_prefix(b"stdout ").or_else(|| rest.strip_prefix(b"stderr "))?;
            let (tag, c) = split_word(rest)?;
            // Tags are flags joined by ':' (`F`, `P`, …); `P` marks a partial line.
            match tag.split(|&b| b == b':').next()? {
                b"F" => Some(Content::Line(c)),
                b"P" => Some(Content::Part(c)),
                _ => None,
            }
        }
        Kind::Journal => {
            let rest = journal_time(line).or_else(|| rfc3339(line))?;
            let (_host, rest) = split_word(rest)?;
            // An empty message may lose the space after `unit[pid]:`.
            let (ident, rest) = split_word(rest).unwrap_or((rest, b""));
            ident.ends_with(b":").then_some(Content::Line(rest))
        }
        Kind::DockerJson => {
            if !line.starts_with(b"{\"log\":") {
                return None;
            }
            let v: serde_json::Value = serde_json::from_slice(line).ok()?;
            Some(Content::Json(v.get("log")?.as_str()?.to_string()))
        }
    }
}

/// go test -json's events back to go test's text: each package's `Output`s in order, the
/// packages in the order they first spoke; a line that is not an event is kept as it is.
fn test_output<'a>(lines: impl Iterator<Item = &'a [u8]>) -> Vec<u8> {
    let mut packages: Vec<Vec<u8>> = Vec::new();
    // By name: a crafted stream may name a million packages.
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for line in lines {
        let (package, text) = match serde_json::from_slice::<serde_json::Value>(line) {
            Ok(v) if v.get("Action").is_some() => {
                let Some(o) = v.get("Output").and_then(|o| o.as_str()) else { continue };
                (v.get("Package").and_then(|p| p.as_str()).unwrap_or("").to_string(), o.as_bytes().to_vec())
            }
            _ if line.is_empty() => continue,
            _ => (String::new(), [line, b"\n"].concat()),
        };
        match index.get(&package).and_then(|&i| packages.get_mut(i)) {
            Some(out) => out.extend_from_slice(&text),
            None => {
                index.insert(package, packages.len());
                packages.push(text);
            }
        }
    }
    packages.concat()
}

/// The rest of the line after `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM|±HHMM) `.
fn rfc3339(line: &[u8]) -> Option<&[u8]> {
    let (ts, rest) = split_word(line)?;
    let digits = |r: std::ops::Range<usize>| ts.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let shape = digits(0..4)
        && ts.get(4) == Some(&b'-')
        && digits(5..7)
        && ts.get(7) == Some(&b'-')
        && digits(8..10)
        && ts.get(10) == Some(&b'T')
        && digits(11..13)
        && ts.get(13) == Some(&b':')
        && digits(14..16)
        && ts.get(16) == Some(&b':')
        && digits(17..19);
    let zone = ts.ends_with(b"Z") || ts.len() > 19 && ts.iter().skip(19).any(|&b| b == b'+' || b == b'-');
    (shape && zone).then_some(rest)
}

/// The rest of the line after journald's short time, `Mmm dd HH:MM:SS[.ffffff] `.
fn journal_time(line: &[u8]) -> Option<&[u8]> {
    const MONTHS: [&[u8]; 12] =
        [b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec"];
    let (month, rest) = split_word(line)?;
    if !MONTHS.contains(&month) {
        return None;
    }
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let (day, rest) = split_word(rest)?;
    let (time, rest) = split_word(rest)?;
    let ok = day.len() <= 2
        && day.iter().all(u8::is_ascii_digit)
        && time.len() >= 8
        && time.get(2) == Some(&b':')
        && time.get(5) == Some(&b':');
    ok.then_some(rest)
}

/// The first space-separated word and the rest after one space. A prefix's words are short:
/// the space is looked for in the first [`MAX_WORD`] bytes only, so a long line without one
/// costs nothing.
fn split_word(line: &[u8]) -> Option<(&[u8], &[u8])> {
    let at = line.iter().take(MAX_WORD).position(|&b| b == b' ')?;
    Some((line.get(..at)?, line.get(at + 1..)?))
}

/// The longest word of a prefix: a host name (at most 253 bytes) or a unit's `name[pid]:`.
const MAX_WORD: usize = 300;

#[cfg(test)]
mod tests;

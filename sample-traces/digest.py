#!/usr/bin/env python3
"""Digest of Go's own trace parser output, one TSV line per event.

Usage:
    go tool trace -d=parsed NAME.trace | python3 digest.py - > NAME.parsed.tsv
    python3 digest.py NAME.trace --go GO_BINARY -o NAME.parsed.tsv.gz

The input is the text printed by `go tool trace -d=parsed` of the Go 1.27.3
toolchain (cmd/trace debugProcessedEvents: fmt.Println(ev.String()) for every
event of internal/trace; see internal/trace/event.go, func (Event) String).
That printer writes, per event, one header line

    M=<thread> P=<proc> G=<goroutine> <Kind> Time=<ns> <kind-specific fields>

optionally followed by a "TransitionStack=" block (state transitions only) and
a "Stack=" block, each frame printed as two lines "\t<func> @ 0x<pc>" and
"\t\t<file>:<line>", and a blank line after an event that had a stack. Every
event starts a line with "M=" and no other line does (quoted strings are
printed with %q, so they never hold a raw newline).

Output: no header, exactly one line per event, 8 tab-separated columns

    KIND  TIME  M  P  G  DETAIL  STACK  TSTACK

KIND   the kind word as printed: Sync, StateTransition, Metric, Label,
       StackSample, RangeBegin, RangeActive, RangeEnd, TaskBegin, TaskEnd,
       RegionBegin, RegionEnd, Log, Experimental.
TIME   the integer after Time= (nanoseconds, Go's trace.Time).
M P G  the integers after M=, P=, G= (-1 as printed for "none").
DETAIL per kind (quoted strings are unquoted, Go escapes decoded):
  Sync             "N=<n>"       (the 1.25+ clock snapshot Trace=/Mono=/Wall= is dropped)
  StateTransition  goroutine: "G<id> <From>-><To> <reason>"  (always the space
                   after <To>, so an empty reason leaves a trailing space)
                   proc:      "P<id> <From>-><To>"  (the proc Reason, always
                   empty in practice, is dropped)
  Metric           "<Name>=<value>", value = the integer inside Value{Uint64(...)}
                   (any other value: as printed)
  RangeBegin/RangeActive/RangeEnd
                   "<Name>@<Scope>", Scope as printed by Go: Goroutine(<id>),
                   Proc(<id>), Thread(<id>) or None (a global range such as
                   "GC concurrent mark phase@None"). RangeEnd Attributes are dropped.
  Label            "<label>"     (the Resource= field is dropped; it is the G)
  TaskBegin        "<id> <parent> <type>"
  TaskEnd          "<id>"
  RegionBegin/End  "<task> <type>"
  Log              "<task> <category> <message>"
  StackSample      ""            (empty)
  Experimental     "<Name> <args as printed between the brackets>"
STACK  the event's Stack= frames as "<func>:<line>" joined by "|", leaf first;
       "-" when there is no stack or it has no frames.
TSTACK the same for TransitionStack=.
Any tab, newline, carriage return or backslash inside a field is written as
\\t, \\n, \\r, \\\\ (never happens with runtime-generated strings).
"""
import argparse
import gzip
import io
import re
import subprocess
import sys

HEADER = re.compile(r'^M=(-?\d+) P=(-?\d+) G=(-?\d+) (\w+) Time=(-?\d+)(.*)$')
QSTR = r'"((?:[^"\\]|\\.)*)"'

SIMPLE_ESC = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
              'v': '\v', '\\': '\\', '"': '"', "'": "'"}


def go_unquote(s):
    """Decode the inside of a Go %q string (strconv.Quote)."""
    if '\\' not in s:
        return s
    out = bytearray()
    i = 0
    while i < len(s):
        c = s[i]
        if c != '\\':
            out += c.encode('utf-8')
            i += 1
            continue
        n = s[i + 1]
        if n in SIMPLE_ESC:
            out += SIMPLE_ESC[n].encode()
            i += 2
        elif n == 'x':
            out.append(int(s[i + 2:i + 4], 16))
            i += 4
        elif n == 'u':
            out += chr(int(s[i + 2:i + 6], 16)).encode('utf-8')
            i += 6
        elif n == 'U':
            out += chr(int(s[i + 2:i + 10], 16)).encode('utf-8')
            i += 10
        elif n in '01234567':
            out.append(int(s[i + 1:i + 4], 8))
            i += 4
        else:
            raise ValueError('bad escape in %r' % s)
    return out.decode('utf-8', errors='replace')


def esc(s):
    return (s.replace('\\', '\\\\').replace('\t', '\\t')
             .replace('\n', '\\n').replace('\r', '\\r'))


RE_ST_G = re.compile(r'^ GoID=(-?\d+) (\w+)->(\w+) Reason=' + QSTR + '$')
RE_ST_P = re.compile(r'^ ProcID=(-?\d+) (\w+)->(\w+) Reason=' + QSTR + '$')
RE_METRIC = re.compile(r'^ Name=' + QSTR + r' Value=(.*)$')
RE_UINT = re.compile(r'^Value\{Uint64\((\d+)\)\}$')
RE_RANGE = re.compile(r'^ Name=' + QSTR + r' Scope=(\S+)(?: Attributes=\[.*\])?$')
RE_LABEL = re.compile(r'^ Label=' + QSTR + r' Resource=(\S+)$')
RE_TASK = re.compile(r'^ ID=(\d+) Parent=(\d+) Type=' + QSTR + '$')
RE_REGION = re.compile(r'^ Task=(\d+) Type=' + QSTR + '$')
RE_LOG = re.compile(r'^ Task=(\d+) Category=' + QSTR + ' Message=' + QSTR + '$')
RE_SYNC = re.compile(r'^ N=(\d+)(?: .*)?$')
RE_EXP = re.compile(r'^ Name=(\S*) Args=\[(.*)\]$')


def detail(kind, rest):
    def m(rx):
        r = rx.match(rest)
        if not r:
            raise ValueError('cannot parse %s fields: %r' % (kind, rest))
        return r
    if kind == 'StateTransition':
        r = RE_ST_G.match(rest)
        if r:
            return 'G%s %s->%s %s' % (r.group(1), r.group(2), r.group(3), go_unquote(r.group(4)))
        r = m(RE_ST_P)
        return 'P%s %s->%s' % (r.group(1), r.group(2), r.group(3))
    if kind == 'Metric':
        r = m(RE_METRIC)
        v = RE_UINT.match(r.group(2))
        return '%s=%s' % (go_unquote(r.group(1)), v.group(1) if v else r.group(2))
    if kind in ('RangeBegin', 'RangeActive', 'RangeEnd'):
        r = m(RE_RANGE)
        return '%s@%s' % (go_unquote(r.group(1)), r.group(2))
    if kind == 'Sync':
        return 'N=%s' % m(RE_SYNC).group(1)
    if kind == 'Label':
        return go_unquote(m(RE_LABEL).group(1))
    if kind == 'TaskBegin':
        r = m(RE_TASK)
        return '%s %s %s' % (r.group(1), r.group(2), go_unquote(r.group(3)))
    if kind == 'TaskEnd':
        return m(RE_TASK).group(1)
    if kind in ('RegionBegin', 'RegionEnd'):
        r = m(RE_REGION)
        return '%s %s' % (r.group(1), go_unquote(r.group(2)))
    if kind == 'Log':
        r = m(RE_LOG)
        return '%s %s %s' % (r.group(1), go_unquote(r.group(2)), go_unquote(r.group(3)))
    if kind == 'StackSample':
        return ''
    if kind == 'Experimental':
        r = m(RE_EXP)
        return '%s %s' % (r.group(1), r.group(2))
    raise ValueError('unknown event kind %r' % kind)


def digest(lines, out):
    """Reads -d=parsed text lines, writes TSV lines, returns the event count."""
    n = 0
    cur = None          # [kind, time, m, p, g, detail]
    stacks = None       # {'Stack': [...], 'TransitionStack': [...]}
    target = None
    pending_func = None

    def flush():
        if cur is None:
            return
        st = '|'.join(stacks['Stack']) or '-'
        ts = '|'.join(stacks['TransitionStack']) or '-'
        out.write('\t'.join([esc(x) for x in cur] + [esc(st), esc(ts)]) + '\n')

    for line in lines:
        line = line.rstrip('\n')
        if line.startswith('M='):
            flush()
            h = HEADER.match(line)
            if not h:
                raise ValueError('bad event header: %r' % line)
            mm, pp, gg, kind, t, rest = h.groups()
            cur = [kind, t, mm, pp, gg, detail(kind, rest)]
            stacks = {'Stack': [], 'TransitionStack': []}
            target = None
            pending_func = None
            n += 1
        elif line in ('Stack=', 'TransitionStack='):
            target = stacks[line[:-1]]
        elif line.startswith('\t\t'):
            file_line = line[2:]
            target.append('%s:%s' % (pending_func, file_line.rsplit(':', 1)[1]))
            pending_func = None
        elif line.startswith('\t'):
            pending_func = line[1:].rsplit(' @ 0x', 1)[0]
        elif line == '':
            continue
        else:
            raise ValueError('unexpected line: %r' % line)
    flush()
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('input', help='a .trace file (needs --go) or "-" for -d=parsed text on stdin')
    ap.add_argument('--go', help='go binary whose `go tool trace -d=parsed` reads the trace')
    ap.add_argument('-o', '--output', help='output file (.gz => gzip); default stdout')
    a = ap.parse_args()

    if a.input == '-':
        lines = sys.stdin
        proc = None
    else:
        if not a.go:
            ap.error('--go is required with a .trace input')
        proc = subprocess.Popen([a.go, 'tool', 'trace', '-d=parsed', a.input],
                                stdout=subprocess.PIPE, text=True, encoding='utf-8')
        lines = proc.stdout

    # Count the printed events independently of the digest, to verify.
    headers = [0]

    def counted(it):
        for l in it:
            if l.startswith('M='):
                headers[0] += 1
            yield l

    if a.output and a.output.endswith('.gz'):
        raw = open(a.output, 'wb')
        gz = gzip.GzipFile(filename='', mode='wb', fileobj=raw, mtime=0, compresslevel=9)
        out = io.TextIOWrapper(gz, encoding='utf-8', newline='\n')
    elif a.output:
        out = open(a.output, 'w', encoding='utf-8', newline='\n')
    else:
        out = sys.stdout
    n = digest(counted(lines), out)
    if proc is not None:
        proc.stdout.close()
        if proc.wait() != 0:
            sys.exit('go tool trace -d=parsed failed on %s' % a.input)
    if out is not sys.stdout:
        out.close()
        if a.output.endswith('.gz'):
            raw.close()
    if n != headers[0]:
        sys.exit('event count mismatch: %d digested, %d printed' % (n, headers[0]))
    print('%s: %d events' % (a.input, n), file=sys.stderr)


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Checks every sample against programs/NAME/expect.json.

For each goN.NN/NAME.parsed.tsv.gz (the digest of Go's own parser output) and
goN.NN/NAME.goroutine-2.txt / goroutine-1.txt (the runtime's goroutine dumps):

* every expected group: exactly the expected number of goroutines whose last
  transition into Waiting (from Running) has the expected reason, whose
  innermost main.* frame of that blocking stack is blocking_function:line,
  whose creation stack's leaf is created_function:created_line, alive (and
  still Waiting) when the trace ends and were blocked for more than half of
  the trace (unless the group is "growing": a leak that grows until the end);
* the same groups, with the same counts, functions and lines, in the debug=2
  dump (the dump's own state words are printed for information), and a
  record with that count in the debug=1 dump;
* spinning goroutines: never Waiting in the second half of the trace, and never
  at all unless they spin from then on (closedspin) (except GC's "preempted" suspension, a
  reasonless block in Go 1.19/1.21 traces),
  Running/Runnable at the end;
* min_gc_cycles: completed "GC concurrent mark phase" ranges;
* healthy programs (and every program, for goroutines outside the planted
  groups): no goroutine created from main.* code still Waiting at the end after
  more than half of the trace.

Prints one line per sample; exits 1 if anything does not match.
Usage: verify.py [-v] [DIR ...]   (default: every goN.NN directory next to this script)
"""
import gzip
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ST_RE = re.compile(r'^G(\d+) (\w+)->(\w+) (.*)$')


def frames(stack):
    if stack == '-':
        return []
    out = []
    for f in stack.split('|'):
        fn, _, line = f.rpartition(':')
        out.append((fn, int(line)))
    return out


def user_frame(fr):
    for fn, line in fr:
        if fn.startswith('main.'):
            return fn, line
    return None


class Goroutine:
    __slots__ = ('id', 'created', 'state', 'block', 'waits', 'last_park')

    def __init__(self, gid):
        self.id = gid
        self.created = None      # creation stack frames (creator's stack, leaf = go statement)
        self.state = None        # last state
        self.block = None        # (time, reason, frames) of the last Running->Waiting
        self.waits = Counter()   # reasons of all Running->Waiting
        self.last_park = None    # time of the last Running->Waiting that is no GC stop


def load_digest(path):
    gs = {}
    t0 = t1 = None
    gc_cycles = 0
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        for line in f:
            kind, t, m, p, g, detail, stack, tstack = line.rstrip('\n').split('\t')
            t = int(t)
            t0 = t if t0 is None else min(t0, t)
            t1 = t if t1 is None else max(t1, t)
            if kind == 'RangeEnd' and detail == 'GC concurrent mark phase@None':
                gc_cycles += 1
            if kind != 'StateTransition' or not detail.startswith('G'):
                continue
            mm = ST_RE.match(detail)
            gid, frm, to, reason = int(mm.group(1)), mm.group(2), mm.group(3), mm.group(4)
            gr = gs.get(gid)
            if gr is None:
                gr = gs[gid] = Goroutine(gid)
            if frm == 'NotExist':
                gr.created = frames(stack)
            if to == 'Waiting' and frm == 'Running':
                gr.block = (t, reason, frames(stack))
                gr.waits[reason] += 1
                if reason not in ('preempted', ''):
                    gr.last_park = t
            gr.state = to
    return gs, t0, t1, gc_cycles


def load_dump2(path):
    """debug=2 dump -> list of (state, user frame, created-by (func, file, line))."""
    text = open(path, encoding='utf-8').read()
    out = []
    for rec in text.strip().split('\n\n'):
        lines = rec.split('\n')
        h = re.match(r'^goroutine (\d+) \[([^\]]*)\]:$', lines[0])
        if not h:
            continue
        state = h.group(2).split(',')[0]
        fr, created = [], None
        i = 1
        while i + 1 < len(lines):
            fn_line, loc = lines[i], lines[i + 1].strip()
            fl = re.match(r'^(.*):(\d+)(?: \+0x[0-9a-f]+)?$', loc)
            if fn_line.startswith('created by '):
                fn = fn_line[len('created by '):].split(' in goroutine ')[0]
                created = (fn, fl.group(1), int(fl.group(2)))
            else:
                fn = fn_line.rsplit('(', 1)[0]
                fr.append((fn, fl.group(1), int(fl.group(2))))
            i += 2
        uf = next(((fn, file, line) for fn, file, line in fr if fn.startswith('main.')), None)
        out.append((state, uf, created))
    return out


def check(vdir, name, exp, verbose):
    version = vdir[2:]              # go1.22 -> 1.22
    base = os.path.join(HERE, vdir, name)
    problems, notes = [], []
    gs, t0, t1, gc_cycles = load_digest(base + '.parsed.tsv.gz')
    span = t1 - t0
    # The old-format samples (go1.19, go1.21: generate-old.sh) come without dumps.
    has_dumps = os.path.exists(base + '.goroutine-2.txt')
    dump = load_dump2(base + '.goroutine-2.txt') if has_dumps else []
    dump1 = open(base + '.goroutine-1.txt', encoding='utf-8').read() if has_dumps else ''
    planted = set()

    for grp in exp['groups']:
        reason = grp.get('reason_by_version', {}).get(version, grp['reason'])
        cline = grp.get('created_line_by_version', {}).get(version, grp['created_line'])
        bkey = (grp['blocking_function'], grp['blocking_line'])
        members = []
        for gr in gs.values():
            if not gr.block or not gr.created:
                continue
            if user_frame(gr.block[2]) != bkey:
                continue
            if gr.created[0] != (grp['created_function'], cline):
                continue
            # Those of the kind that ended (sleeppoll's watchers of finished jobs) are not
            # the group: it is what stays.
            if gr.state == 'NotExist':
                continue
            members.append(gr)
        planted.update(g.id for g in members)
        n = len(members)
        label = '%s:%d' % bkey
        if not grp['count_min'] <= n <= grp['count_max']:
            problems.append('%s: %d goroutines in trace, want %d..%d' % (label, n, grp['count_min'], grp['count_max']))
        reasons = Counter(g.block[1] for g in members)
        if set(reasons) != {reason}:
            problems.append('%s: trace reasons %s, want %r' % (label, dict(reasons), reason))
        # A growing group's members wake now and then (pileup's tickers): the range of the
        # expected count allows for those the end caught awake, none more.
        not_waiting = [g.id for g in members if g.state != 'Waiting']
        allowed = grp['count_max'] - grp['count_min'] if grp.get('growing') else 0
        if len(not_waiting) > allowed:
            problems.append('%s: not Waiting at end: %s' % (label, not_waiting[:5]))
        short = [g.id for g in members if (t1 - g.block[0]) * 2 <= span]
        if short and not grp.get('growing'):
            problems.append('%s: blocked for less than half of the trace: %s' % (label, short[:5]))
        if members:
            blocked = [t1 - g.block[0] for g in members]
            notes.append('%s %d x %r blocked %.2f-%.2fs of %.2fs' % (
                label, n, reason, min(blocked) / 1e9, max(blocked) / 1e9, span / 1e9))
        if not has_dumps:
            continue
        # debug=2 dump
        dm = [d for d in dump if d[1] and (d[1][0], d[1][2]) == bkey
              and d[1][1].endswith(grp['blocking_file'])
              and d[2] and d[2][0] == grp['created_function'] and d[2][2] == cline
              and d[2][1].endswith(grp['created_file'])]
        if not grp['count_min'] <= len(dm) <= grp['count_max']:
            problems.append('%s: %d goroutines in debug=2 dump, want %d..%d' % (label, len(dm), grp['count_min'], grp['count_max']))
        states = Counter(d[0] for d in dm)
        notes.append('dump state %s' % dict(states))
        # debug=1 dump: a record "N @ ..." whose frames include the blocking line.
        ok1 = False
        for rec in dump1.split('\n\n'):
            m = re.search(r'^(\d+) @', rec, re.M)
            if m and grp['count_min'] <= int(m.group(1)) <= grp['count_max'] and \
                    re.search(r'\t%s\+0x[0-9a-f]+\t+\S*%s:%d\n' % (re.escape(grp['blocking_function']), re.escape(grp['blocking_file']), grp['blocking_line']), rec + '\n'):
                ok1 = True
        if not ok1:
            problems.append('%s: no matching record in debug=1 dump' % label)

    for sp in exp['spinning']:
        members = [g for g in gs.values() if g.created and g.created[0] == (sp['created_function'], sp['created_line'])]
        n = len(members)
        if not sp['count_min'] <= n <= sp['count_max']:
            problems.append('spin %s: %d goroutines, want %d..%d' % (sp['function'], n, sp['count_min'], sp['count_max']))
        for g in members:
            # GC's stack-scan stop: "preempted" from Go 1.22 on, a block with no reason
            # before (HACKING.md, "A busy goroutine blocks when the GC scans its stack").
            old_format = int(version.split('.')[1]) < 22
            bad = {r: c for r, c in g.waits.items() if r != 'preempted' and not (old_format and r == '')}
            # A loop that blocked for its work and then spins (closedspin) must spin for
            # the second half of the trace at least.
            if bad and (g.last_park is None or (g.last_park - t0) * 2 > span):
                problems.append('spin G%d blocked: %s' % (g.id, bad))
            if g.state not in ('Running', 'Runnable'):
                problems.append('spin G%d ends %s' % (g.id, g.state))
        planted.update(g.id for g in members)
        notes.append('spin %d x %s, waits %s' % (n, sp['function'], dict(sum((g.waits for g in members), Counter()))))

    if gc_cycles < exp['min_gc_cycles']:
        problems.append('%d GC cycles, want >= %d' % (gc_cycles, exp['min_gc_cycles']))
    if exp['min_gc_cycles']:
        notes.append('%d GC cycles' % gc_cycles)

    # Stuck goroutines created by user code outside the planted groups.
    extra = defaultdict(int)
    for g in gs.values():
        if g.id in planted or g.state != 'Waiting' or not g.block or not g.created:
            continue
        if not g.created[0][0].startswith('main.'):
            continue  # not started by a go statement in user code (e.g. GC workers started during an allocation)
        if (t1 - g.block[0]) * 2 > span:
            extra['%s created at %s:%d' % (user_frame(g.block[2]) or g.block[2][:1], *user_frame(g.created))] += 1
    if extra:
        msg = 'unplanted stuck goroutines: %s' % dict(extra)
        (problems if exp['healthy'] else notes).append(msg)

    status = 'FAIL' if problems else 'ok'
    print('%-4s %s/%s: %s' % (status, vdir, name, '; '.join(problems) if problems else exp['summary']))
    if verbose or problems:
        for n in notes:
            print('       ' + n)
    return not problems


def main():
    verbose = '-v' in sys.argv
    dirs = [a for a in sys.argv[1:] if a != '-v'] or sorted(
        (d for d in os.listdir(HERE) if re.match(r'^go1\.\d+$', d)), key=lambda d: int(d[4:]))
    ok = True
    for vdir in dirs:
        vdir = os.path.basename(vdir.rstrip('/'))
        for f in sorted(os.listdir(os.path.join(HERE, vdir))):
            if not f.endswith('.parsed.tsv.gz'):
                continue
            name = f[:-len('.parsed.tsv.gz')]
            exp = json.load(open(os.path.join(HERE, 'programs', name, 'expect.json')))
            ok &= check(vdir, name, exp, verbose)
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()

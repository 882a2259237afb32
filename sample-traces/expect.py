#!/usr/bin/env python3
"""Writes programs/NAME/expect.json from the `// EXPECT:` markers in programs/NAME/main.go.

Markers (one per line, at the end of a source line or on a line of their own):

  // EXPECT: program [healthy=true] [min_gc_cycles=N] [summary="..."]
  // EXPECT: block group=G count=N [count_min=N count_max=N] reason="..."
                   [reason_by_version=1.22:...,1.23:...]
                   [created_function=F created_file=F created_source="..."]
                   [growing=true]
        on the blocking statement; the enclosing function and this line become
        blocking_function / blocking_line.
  // EXPECT: go group=G
        on the `go` statement; enclosing function and line become created_*.
        For goroutines started by the standard library (httpleak), the block
        marker names created_function/created_file and the source text of the
        `go` statement (created_source); its line is looked up in each
        toolchain's GOROOT/src and written as created_line (the newest Go)
        plus created_line_by_version. growing=true: the group keeps growing
        until the trace stops, so its newest members are blocked only briefly
        (verify.py then skips its "blocked for more than half" check).
  // EXPECT: spin group=G count=N
        on a statement of a goroutine that spins; the enclosing function
        becomes spinning[].function, and the lines of the innermost `for`
        loop around the marker (the `for` line to its closing brace) become
        spinning[].loop_lines: where a tool may say the goroutine loops.
        Each spin group is also a `spinning` entry of findings[].
        unrecorded_from=1.NN: from that Go release on, the trace records no
        line of the loop (a leaf loop the scheduler only ever preempts
        asynchronously, whose stack Go 1.21+ unwind only to
        runtime.asyncPreempt); a tool may then name the function with line 0
        (spinning[].loop_line_unrecorded_from).
  // EXPECT: finding kind=heap-growth
        (anywhere) the heap after GC grows through the run: the trace, the
        MemStats lines and the gctrace log of the program must each give a
        heap-growth finding.
  // EXPECT: finding kind=heap-retention [spread=true]
        on the allocation that holds most of the heap at the end: the heap
        profile must give a heap-retention finding at this function and line.
        spread=true: several lines of this function hold it together, none
        alone; the finding names the function (and its biggest line, any).
  findings[] lists every finding the program must get; any other finding on
  its samples is a false alarm (programs without markers must get none).

Usage: expect.py [--toolchains DIR] [--versions 1.22.10,1.27.3,...]
"""
import argparse
import json
import os
import re
import shlex
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, 'programs')
FUNC_RE = re.compile(r'^func\s+(?:\(\s*\w*\s*(\*?)\s*(\w+)(?:\[[^\]]*\])?\s*\)\s*)?(\w+)\s*[\[(]')


def enclosing_function(lines, idx, pkg='main'):
    for j in range(idx, -1, -1):
        m = FUNC_RE.match(lines[j])
        if m:
            star, recv, name = m.groups()
            if recv:
                return '%s.(%s%s).%s' % (pkg, star, recv, name) if star else '%s.%s.%s' % (pkg, recv, name)
            return '%s.%s' % (pkg, name)
    raise ValueError('no enclosing function for line %d' % (idx + 1))


def parse_markers(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    markers = []
    for i, line in enumerate(lines):
        k = line.find('// EXPECT:')
        if k < 0:
            continue
        words = shlex.split(line[k + len('// EXPECT:'):])
        kind, attrs = words[0], {}
        for w in words[1:]:
            key, _, val = w.partition('=')
            attrs[key] = val
        markers.append((kind, i, attrs))
    return lines, markers


def loop_lines(lines, idx):
    """[first, last] line numbers of the innermost `for` loop around line idx (0-based)."""
    for j in range(idx, -1, -1):
        stripped = lines[j].lstrip('\t ')
        if stripped.startswith('for ') or stripped.startswith('for{'):
            indent = lines[j][:len(lines[j]) - len(stripped)]
            for k in range(j + 1, len(lines)):
                if lines[k].startswith(indent + '}'):
                    return [j + 1, k + 1]
            break
    raise ValueError('no for loop around line %d' % (idx + 1))


def go_version_key(v):
    return tuple(int(x) for x in v.split('.'))


def build(name, toolchains, versions):
    src = os.path.join(PROGRAMS, name, 'main.go')
    rel = '%s/main.go' % name
    lines, markers = parse_markers(src)
    prog = {}
    groups, spins, gos, findings = {}, {}, {}, []
    for kind, i, a in markers:
        if kind == 'program':
            prog = a
        elif kind == 'block':
            groups[a['group']] = (i, a)
        elif kind == 'spin':
            spins[a['group']] = (i, a)
        elif kind == 'go':
            gos[a['group']] = (i, a)
        elif kind == 'finding':
            findings.append((i, a))
        else:
            raise ValueError('%s:%d: unknown marker %r' % (src, i + 1, kind))

    out_groups = []
    for order, (g, (i, a)) in enumerate(groups.items()):
        cmin = int(a.get('count_min', a.get('count')))
        cmax = int(a.get('count_max', a.get('count')))
        grp = {
            'count_min': cmin, 'count_max': cmax,
            'reason': a['reason'],
        }
        if a.get('growing') == 'true':
            grp['growing'] = True
        if 'reason_by_version' in a:
            grp['reason_by_version'] = dict(kv.split(':', 1) for kv in a['reason_by_version'].split(','))
        grp.update({
            'blocking_function': enclosing_function(lines, i),
            'blocking_file': rel,
            'blocking_line': i + 1,
        })
        if g in gos:
            gi = gos[g][0]
            grp.update({'created_function': enclosing_function(lines, gi),
                        'created_file': rel, 'created_line': gi + 1})
        else:
            cfile = a['created_file']
            by_version = {}
            for v in versions:
                p = os.path.join(toolchains, v, 'go', 'src', cfile)
                if not os.path.exists(p):
                    continue
                hits = [n + 1 for n, l in enumerate(open(p, encoding='utf-8'))
                        if a['created_source'] in l]
                if len(hits) != 1:
                    raise ValueError('%s: %r found %d times' % (p, a['created_source'], len(hits)))
                by_version['.'.join(v.split('.')[:2])] = hits[0]
            if not by_version:
                raise ValueError('no toolchain source found for %s' % cfile)
            newest = max(by_version, key=go_version_key)
            grp.update({'created_function': a['created_function'], 'created_file': cfile,
                        'created_line': by_version[newest],
                        'created_line_by_version': dict(sorted(by_version.items(), key=lambda kv: go_version_key(kv[0])))})
        out_groups.append((-cmin, order, grp))
    out_groups = [g for _, _, g in sorted(out_groups, key=lambda t: (t[0], t[1]))]

    out_spins, out_findings = [], []
    for g, (i, a) in spins.items():
        gi = gos[g][0]
        spin = {'count_min': int(a.get('count_min', a.get('count'))),
                'count_max': int(a.get('count_max', a.get('count'))),
                'function': enclosing_function(lines, i),
                'file': rel,
                'loop_lines': loop_lines(lines, i),
                'created_function': enclosing_function(lines, gi),
                'created_line': gi + 1}
        if 'unrecorded_from' in a:
            spin['loop_line_unrecorded_from'] = a['unrecorded_from']
        out_spins.append(spin)
        out_findings.append(dict(kind='spinning', **spin))
    for i, a in findings:
        if a['kind'] == 'heap-growth':
            out_findings.append({'kind': 'heap-growth'})
        elif a['kind'] == 'heap-retention':
            ret = {'kind': 'heap-retention', 'function': enclosing_function(lines, i),
                   'file': rel, 'line': i + 1}
            if a.get('spread') == 'true':
                # The function's lines together hold most of the heap, none alone: the
                # finding names the function; its line is whichever the sampling made biggest.
                ret['spread'] = True
            out_findings.append(ret)
        else:
            raise ValueError('%s:%d: unknown finding kind %r' % (src, i + 1, a['kind']))

    healthy = prog.get('healthy', 'false') == 'true'
    summary = prog.get('summary')
    if not summary:
        parts = []
        for g in out_groups:
            n = str(g['count_min']) if g['count_min'] == g['count_max'] else '%d-%d' % (g['count_min'], g['count_max'])
            parts.append('%s goroutines blocked in %s at %s:%d, created at %s:%d by %s' % (
                n, g['reason'], os.path.basename(g['blocking_file']), g['blocking_line'],
                os.path.basename(g['created_file']), g['created_line'], g['created_function']))
        summary = '; '.join(parts)
    return {
        'program': name,
        'summary': summary,
        'healthy': healthy,
        'groups': out_groups,
        'spinning': out_spins,
        'findings': out_findings,
        'min_gc_cycles': int(prog.get('min_gc_cycles', 0)),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--toolchains', default=os.environ.get('GO_TOOLCHAINS', '/opt/go-toolchains'))
    ap.add_argument('--versions', default='1.22.10,1.23.9,1.24.11,1.25.5,1.26.6,1.27.3')
    a = ap.parse_args()
    versions = a.versions.split(',')
    for name in sorted(os.listdir(PROGRAMS)):
        if not os.path.exists(os.path.join(PROGRAMS, name, 'main.go')):
            continue
        e = build(name, a.toolchains, versions)
        with open(os.path.join(PROGRAMS, name, 'expect.json'), 'w') as f:
            json.dump(e, f, indent=2)
            f.write('\n')
        print('%s: %s' % (name, e['summary']), file=sys.stderr)


if __name__ == '__main__':
    main()

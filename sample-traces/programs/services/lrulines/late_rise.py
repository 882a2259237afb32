"""Exit 0 when MemStats lines read as a rising floor: the least HeapAlloc of the lines after
each GC cycle's end (up to the next cycle), stamped with its line's time and lowered to the
least after it, at least doubled by 8 MiB or more, and rose in the second half of the lines'
time (read on the line between floors) by a quarter or more of all it rose. The lrulines
sample keeps a run of this shape: a bounded cache's lines that rise only by where in its
cycle each line fell."""
import datetime
import json
import sys

MIB = 1 << 20


def seconds(stamp):
    day, _, rest = stamp.rstrip("Z").partition("T")
    whole, _, frac = rest.partition(".")
    t = datetime.datetime.fromisoformat(day + "T" + whole).replace(tzinfo=datetime.timezone.utc)
    return t.timestamp() + float("0." + (frac or "0"))


def main(path):
    least = {}
    for line in open(path):
        d = json.loads(line)
        m, t = d["memstats"], seconds(d["time"])
        if m["NumGC"] and (m["NumGC"] not in least or m["HeapAlloc"] < least[m["NumGC"]][1]):
            least[m["NumGC"]] = (t, m["HeapAlloc"])
    held, low = [], float("inf")
    for t, b in reversed([least[k] for k in sorted(least)]):
        low = min(low, b)
        held.append((t, low))
    held.reverse()
    if len(held) < 8:
        return 1
    (t0, first), (t1, last) = held[0], held[-1]
    mid_t = t0 + (t1 - t0) / 2
    i = max(j for j, (t, _) in enumerate(held) if t <= mid_t)
    (ta, a), (tb, b) = held[i], held[min(i + 1, len(held) - 1)]
    mid = a if tb == ta else a + (b - a) * (mid_t - ta) / (tb - ta)
    rose = last >= first + 8 * MIB and last >= 2 * first
    return 0 if rose and last - mid >= 0.25 * (last - first) else 1


sys.exit(main(sys.argv[1]))

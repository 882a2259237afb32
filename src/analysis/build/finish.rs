//! The end of a build: close what is still open at the last event, sort goroutines by id and
//! remap every index that pointed at them, shrink, and hand out the model.

use super::{TraceBuilder, record};
use crate::analysis::classify::{is_system_goroutine, reason_from_stack};
use crate::format::trace::Tables;
use crate::model::{
    GIdx, Goroutine, RangeScope, RangeSpan, Region, Span, SpanState, StackId, StrId, TraceModel,
};

/// Goroutines per piece of the wakers' remapping handed to a thread.
const REMAP_CHUNK: usize = 4096;

/// Records converted between two shrinks of the builder's vectors at `finish`.
const SHRINK_EVERY: usize = 1 << 16;

impl TraceBuilder {
    /// The model of what was pushed so far, as if the trace ended here; the builder goes on.
    /// Costs a copy of everything built: a loading window takes a few, each time the events
    /// have doubled, so all of them together cost about one more model.
    pub fn snapshot(&self, tables: Tables, format_version: String) -> TraceModel {
        self.clone().finish(tables, format_version)
    }

    /// Closes every open span at the last event and returns the model.
    pub fn finish(mut self, mut tables: Tables, format_version: String) -> TraceModel {
        let end = self.last_ns;
        for ((name, scope), start) in std::mem::take(&mut self.open_ranges) {
            self.ranges.push(RangeSpan { start_ns: start, end_ns: end, name, scope });
        }
        // Goroutines sorted by Go id; every GIdx stored so far is remapped. The ids come from
        // the index, which goes before the model is made; so do the ranks, read off it in id
        // order (no sort of a million indices by an indirect key: 0.1 s on the bench trace).
        let by_id = std::mem::take(&mut self.by_id);
        let mut ids = by_id.ids(self.gs.len());
        let mut new_of = by_id.ranks(self.gs.len()).unwrap_or_else(|| ranks_by_sort(&ids));
        drop(by_id);
        let remap = |g: GIdx| new_of.get(g as usize).copied().unwrap_or(g);
        // The wakers first, on both cores: this walks every span of the trace (half a
        // gigabyte on the bench trace), the longest part of `finish`. The goroutines go in
        // chunks to whichever thread is free: split in two halves, the first half of the
        // bench trace's goroutines held 2.7 times the spans of the second.
        let chunks = std::sync::Mutex::new(self.gs.chunks_mut(REMAP_CHUNK));
        let work = || {
            while let Some(chunk) = chunks.lock().ok().and_then(|mut c| c.next()) {
                remap_wakers(chunk, &remap);
            }
        };
        if self.window {
            std::thread::scope(|s| {
                s.spawn(work);
                work();
            });
        }
        // Converted from the last builder record back (one pass, no second copy), then put in
        // id order. The builder's
        // vectors shrink as they empty: the new vector's pages only become resident as they
        // are written, so the records are never held twice (this was the load's peak, 80 MB on
        // the bench trace).
        let older_starts: std::collections::HashMap<u64, StackId> =
            std::mem::take(&mut tables.older_starts).into_iter().collect();
        let mut gs = std::mem::take(&mut self.gs);
        let mut goroutines: Vec<Goroutine> = Vec::with_capacity(gs.len());
        while let (Some(mut r), Some(id)) = (gs.pop(), ids.pop()) {
            if gs.len().is_multiple_of(SHRINK_EVERY) {
                gs.shrink_to_fit();
                ids.shrink_to_fit();
            }
            let parent = r.parent();
            // Every span ends with the sentinel: a goroutine alive at the end gets one there.
            let exited = r.life & record::EXITED != 0;
            if r.life & record::CREATED == 0 {
                self.name_status_wait(&mut tables, r.spans.as_mut_slice());
            }
            let mut start_func = start_function(&tables, r.entry_stack, r.spans.as_slice());
            // Named by no stack of its own (blocked through the trace, or only ever preempted
            // asynchronously): an old format's start-of-trace burst may still name it.
            if start_func == StrId(0)
                && let Some(&start) = older_starts.get(&id)
            {
                start_func = start_function(&tables, start, &[]);
                // The main goroutine starts in `runtime.main`, which runs `main.main`: the
                // name its stacks and Go's dumps give it.
                if tables.strings.get(start_func) == "runtime.main" {
                    start_func = tables.strings.intern("main.main");
                }
            }
            let spans =
                r.spans.into_list((!exited).then(|| Span::new(end, SpanState::End, 0, StackId::NONE)));
            let func = tables.strings.get(start_func);
            let mut g = Goroutine::new(id, spans, r.creation_stack, start_func);
            g.set_parent(parent.map(remap));
            g.set_life(r.life & record::CREATED != 0, exited);
            g.system = is_system_goroutine(func, tables.stacks.frames(r.creation_stack), &tables);
            goroutines.push(g);
        }
        goroutines.shrink_to_fit();
        for r in &mut self.ranges {
            if let RangeScope::Goroutine(g) = r.scope {
                r.scope = RangeScope::Goroutine(remap(g));
            }
        }
        self.ranges.sort_by_key(|r| (r.start_ns, r.end_ns));
        // Regions still open at the end (a goroutine blocked inside one) end with the trace.
        for ((g, task, name), starts) in std::mem::take(&mut self.open_regions) {
            for start_ns in starts {
                self.regions.push(Region { g, start_ns, end_ns: end, task, name, open: true });
            }
        }
        for r in &mut self.regions {
            r.g = remap(r.g);
        }
        self.regions.sort_by_key(|r| (r.g, r.start_ns));
        self.tasks.sort_by_key(|t| t.id);
        for l in &mut self.logs {
            l.g = l.g.map(remap);
        }
        let mut waits_ended: Vec<(GIdx, i64)> = std::mem::take(&mut self.waits_ended)
            .into_iter()
            .enumerate()
            .filter(|&(_, us)| us > 0)
            .map(|(g, us)| (remap(g as GIdx), i64::from(us) * 1000))
            .collect();
        waits_ended.sort_unstable();
        // Dense by the sorted index: a goroutine woken early may sort last.
        let len = if self.last_wakers.is_empty() { 0 } else { goroutines.len() };
        let mut last_wakers = vec![GIdx::MAX; len];
        for (g, &w) in std::mem::take(&mut self.last_wakers).iter().enumerate() {
            if let (Some(w), Some(slot)) = (w.checked_sub(1), last_wakers.get_mut(remap(g as GIdx) as usize))
            {
                *slot = remap(w);
            }
        }
        let mut labels: Vec<(GIdx, StrId)> = self.labels.iter().map(|(&g, &l)| (remap(g), l)).collect();
        labels.sort_unstable();
        // Converted last record first: goroutine k is the builder's `n - 1 - k`, its place
        // `new_of[n - 1 - k]`. Put in place by following the permutation's cycles: one move
        // each, where sorting the 88-byte records by id took 0.2 s on the bench trace.
        new_of.reverse();
        permute(&mut goroutines, &mut new_of);
        // GC cycles are the mark phases that began inside the trace.
        let gc_cycles = tables
            .strings
            .find("GC concurrent mark phase")
            .map_or(0, |mark| self.ranges.iter().filter(|r| r.name == mark && r.start_ns > 0).count() as u32);
        if let Some(slot) = self.coroutine_reason.and_then(|i| self.reasons.get_mut(usize::from(i))) {
            *slot = tables.strings.intern(crate::analysis::coroutine::COROUTINE);
        }
        let Tables { strings, mut stacks, .. } = tables;
        stacks.shrink();
        if self.counts_behind {
            self.write_last_counts();
        }
        super::backdate::backdate(&mut self.go_counts, &self.announced);
        self.go_counts.shrink_to_fit();
        TraceModel {
            format_version,
            origin_ns: self.origin_ns.unwrap_or(0),
            wall_origin_unix_ns: self.wall_origin_unix_ns,
            duration_ns: end,
            events: self.events,
            strings,
            stacks,
            reasons: self.reasons,
            goroutines,
            labels,
            ranges: self.ranges,
            heap_alloc: self.heap_alloc,
            heap_goal: self.heap_goal,
            gomaxprocs: self.gomaxprocs,
            go_counts: self.go_counts,
            regions: self.regions,
            tasks: self.tasks,
            logs: self.logs,
            cpu_samples: self.cpu_samples,
            waits_ended,
            last_wakers,
            gc_cycles,
            warnings: Vec::new(),
            cut_at_byte: None,
            lost_from_ns: None,
        }
    }
}

/// The ranks the slow way, should the id index not hold every goroutine once (it always
/// does: each is added to it as it is created).
#[cold]
fn ranks_by_sort(ids: &[u64]) -> Vec<GIdx> {
    let mut order: Vec<GIdx> = (0..ids.len() as GIdx).collect();
    order.sort_by_key(|&i| ids.get(i as usize));
    let mut new_of = vec![0 as GIdx; order.len()];
    for (new, &old) in order.iter().enumerate() {
        if let Some(slot) = new_of.get_mut(old as usize) {
            *slot = new as GIdx;
        }
    }
    new_of
}

/// Points every waker in these goroutines' spans at the goroutine's index after the sort.
/// Only the spans of goroutines that were woken are read: most goroutines of a busy program
/// never are, and reaching each one's spans is a cache miss.
fn remap_wakers(recs: &mut [record::GRec], remap: &(impl Fn(GIdx) -> GIdx + Sync)) {
    for r in recs.iter_mut().filter(|r| r.life & record::WOKEN != 0) {
        for s in r.spans.as_mut_slice() {
            if let Some(w) = s.waker() {
                s.set_waker(Some(remap(w)));
            }
        }
    }
}

/// Moves `items[k]` to `items[to[k]]` for every k (`to` a permutation; anything else leaves
/// the items in some order, never loops). `to` is used up.
fn permute<T>(items: &mut [T], to: &mut [GIdx]) {
    for k in 0..items.len() {
        loop {
            let Some(&t) = to.get(k) else { return };
            let t = t as usize;
            if t == k || t >= items.len() || to.get(t) == Some(&(t as GIdx)) {
                break;
            }
            items.swap(k, t);
            to.swap(k, t);
        }
    }
}

impl TraceBuilder {
    /// A goroutine older than the trace first waits as its status says: Go writes no reason
    /// there, only (Go 1.23+) the stack, which says which wait it is ([`reason_from_stack`]:
    /// the words the suspects already use), so that the timeline colours it as a channel or
    /// lock wait rather than "other".
    fn name_status_wait(&mut self, tables: &mut Tables, spans: &mut [Span]) {
        let Some(first) = spans.first_mut() else { return };
        if first.state() != SpanState::Waiting || first.reason() != 0 || first.stack == StackId::NONE {
            return;
        }
        let funcs = tables.stacks.frames(first.stack).iter().map(|f| tables.strings.get(f.func));
        if let Some(reason) = reason_from_stack(funcs) {
            let id = tables.strings.intern(reason);
            first.set_reason(self.reason_idx(id));
        }
    }
}

/// A goroutine's start function: the outermost frame of the stack that names it. Go 1.21+
/// unwinds an asynchronous preemption's stack by frame pointers only as far as
/// `runtime.asyncPreempt` (the interrupted code's frames are not recorded), so such a stack
/// names nothing; the first of its other stacks that goes deeper does, else it stays unknown
/// (a spinner older than the trace is only ever preempted that way).
fn start_function(tables: &Tables, entry: StackId, spans: &[Span]) -> StrId {
    let outermost = |stack: StackId| tables.stacks.frames(stack).last().map(|f| f.func);
    let cut_short = |f: StrId| crate::analysis::older::cut_at_preemption(tables.strings.get(f));
    match outermost(entry) {
        None => StrId(0),
        Some(f) if !cut_short(f) => f,
        Some(_) => {
            spans.iter().filter_map(|s| outermost(s.stack)).find(|&f| !cut_short(f)).unwrap_or(StrId(0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn permute_puts_each_item_at_its_place() {
        let mut items = vec!['c', 'a', 'd', 'b', 'e'];
        let mut to = vec![2, 0, 3, 1, 4];
        permute(&mut items, &mut to);
        assert_eq!(items, vec!['a', 'b', 'c', 'd', 'e']);
    }
}

//! The ordering's fallback (go-trace-format.md §3.10): when the earliest thread's event
//! cannot go, the others are tried in time order, as Go's reader does; past a dozen threads,
//! without sorting them all each time, and with the refused ones put to sleep when their wait
//! can be named (`sleep.rs`).

use super::super::cursor::{HeapEntry, heap_insert, heap_remove};
use super::super::sort::sort_like_go;

/// Go's reader sorts these (`slices.SortFunc`, an insertion sort up to 12) and tries them in
/// order; up to this many threads we do the same, so that equal times break the same way.
const SORT_MAX: usize = 12;

/// What the fallback asks of a thread: to try `heap[i]`, or to put `e` (refused and taken
/// off the heap) to sleep until what it waits for is written (true when it did).
pub(super) enum Try {
    Go(usize),
    Sleep(HeapEntry),
}

/// When the earliest thread (`heap[0]`, already refused) cannot go: tries the others in time
/// order until one goes (`go(heap, Try::Go(i))` tries `heap[i]`, and on success moves it on
/// in the heap); whether one did. Up to [`SORT_MAX`] threads, as Go does: the heap sorted,
/// then each tried. Beyond, rather than sorting them all each time (the sort and the walk
/// made a generation of many threads quadratic, issue 17), the refused ones are taken off the
/// heap in time order, put to sleep when their wait can be named (`Try::Sleep`, see
/// `sleep.rs`), else into `parked` and put back after: the cost is the threads tried, each
/// O(log threads), and a sleeper is not tried again until woken. `parked` holds the threads
/// refused, in time order, when none went. `work` counts the entries sorted or taken off the
/// heap (what the tests measure).
pub(super) fn advance_past_earliest<E>(
    heap: &mut Vec<HeapEntry>,
    parked: &mut Vec<HeapEntry>,
    work: &mut u64,
    go: &mut impl FnMut(&mut Vec<HeapEntry>, Try) -> Result<bool, E>,
) -> Result<bool, E> {
    if heap.len() <= SORT_MAX {
        *work += heap.len() as u64;
        sort_like_go(heap, |a, b| a.0 < b.0);
        for i in 1..heap.len() {
            if go(heap, Try::Go(i))? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let mut advanced = false;
    let mut tried = true;
    while let Some(&first) = heap.first() {
        if !tried && go(heap, Try::Go(0))? {
            advanced = true;
            break;
        }
        tried = false;
        heap_remove(heap, 0);
        *work += 1;
        if !go(heap, Try::Sleep(first))? {
            parked.push(first);
        }
    }
    if advanced {
        for e in parked.drain(..) {
            heap_insert(heap, e);
        }
    } else {
        std::mem::swap(heap, parked);
    }
    Ok(advanced)
}

#[cfg(test)]
mod tests {
    use super::super::super::cursor::heap_update;
    use super::*;

    /// `threads` threads of `each` events, interleaved in time, and thread 0's one event
    /// earliest of all but able to go only after every other: each event is found past it.
    /// Returns (events, tries, work) of merging them.
    fn merge_past_a_blocked_thread(threads: u32, each: i64) -> (u64, u64, u64) {
        let n = i64::from(threads);
        let mut left: Vec<i64> = (0..threads).map(|t| if t == 0 { 1 } else { each }).collect();
        let time = |t: u32, done: i64| if t == 0 { 0 } else { 1 + done * n + i64::from(t) };
        let mut heap = Vec::new();
        (0..threads).for_each(|t| heap_insert(&mut heap, (time(t, 0), t)));
        let (mut events, mut tries, mut work, mut parked) = (0u64, 0u64, 0u64, Vec::new());
        let mut others = (n - 1) * each;
        let mut go = |heap: &mut Vec<HeapEntry>, t: Try| -> Result<bool, ()> {
            let Try::Go(i) = t else { return Ok(false) };
            tries += 1;
            let t = heap[i].1;
            if t == 0 && others > 0 {
                return Ok(false);
            }
            let k = t as usize;
            left[k] -= 1;
            others -= i64::from(t != 0);
            events += 1;
            if left[k] > 0 {
                heap[i].0 = time(t, each - left[k]);
                heap_update(heap, i);
            } else {
                heap_remove(heap, i);
            }
            Ok(true)
        };
        while !heap.is_empty() {
            if !go(&mut heap, Try::Go(0)).unwrap() {
                parked.clear();
                assert!(advance_past_earliest(&mut heap, &mut parked, &mut work, &mut go).unwrap());
            }
        }
        (events, tries, work)
    }

    #[test]
    fn the_fallback_costs_the_threads_it_tries_not_all_of_them() {
        // Sorting every thread each time took threads x events (20 M here, quadratic); now
        // each event costs its try, the blocked thread's and one parking.
        for (threads, each) in [(1000, 20), (4000, 5)] {
            let (events, tries, work) = merge_past_a_blocked_thread(threads, each);
            assert_eq!(events, u64::from(threads - 1) * each as u64 + 1);
            assert!(
                tries <= 2 * events + 1 && work <= 2 * events,
                "{threads}: {events} events, {tries} tries, {work} work"
            );
        }
        // Few threads are sorted as Go sorts them: a handful of entries each time.
        let (events, tries, work) = merge_past_a_blocked_thread(8, 1000);
        assert!(tries <= 2 * events + 1 && work <= 8 * events, "{events} events, {tries} tries, {work} work");
    }
}

//! Goroutines that moved between groups: a group whose count rose only because goroutines
//! the first file already had went over to it from another group (a pool worker caught
//! running in one dump and back in `<-jobs` in the next, a keep-alive connection between
//! its handler and its idle read). They were not made since: that is no growth.
//!
//! A goroutine is known by its Go id and its creation site (the `go` statement's function,
//! file and line), which never change: the same id made at the same site in the first file
//! is the same goroutine (or, in another process of the same program, its twin made at the
//! same point of the start). Ids alone say nothing across programs: two builds of different
//! sources reuse ids 20 or 119 for goroutines of other `go` statements, so the line counts
//! too. A leak's new members are goroutines made since, with ids the first file lacks.

use std::collections::HashMap;

use super::GoroutineGroup;

/// A creation site: the `go` statement's function, file and line.
pub type Site<'a> = (&'a str, &'a str, u32);

/// Each goroutine of a file by id: its creation site (empty when the file does not say).
pub fn creation_by_id(file: &[GoroutineGroup]) -> HashMap<u64, Site<'_>> {
    let mut out = HashMap::new();
    for g in file {
        let site = g.created_at.as_ref().map_or(("", "", 0), |f| (&*f.function, &*f.file, f.line));
        out.extend(g.goroutine_ids.iter().map(|&id| (id, site)));
    }
    out
}

/// Whether every goroutine the group has in the last file and not in the first (`last`,
/// `first`: its members' ids, ascending) was in the first file already, made at the same
/// site: the group gained goroutines by their moving, none by their making. False when a
/// file has no ids (a `debug=1` dump, a goroutine profile) or nothing was gained.
pub fn only_moved(
    first: &[u64],
    last: &[u64],
    last_count: usize,
    in_first: &HashMap<u64, Site<'_>>,
    in_last: &HashMap<u64, Site<'_>>,
) -> bool {
    if last.len() != last_count || in_first.is_empty() {
        return false;
    }
    let mut gained = last.iter().filter(|id| first.binary_search(id).is_err()).peekable();
    gained.peek().is_some()
        && gained.all(|id| in_first.get(id).is_some_and(|site| Some(site) == in_last.get(id)))
}

/// Whether a series (three files or more) shows the group keeping every goroutine it had and
/// gaining more at each step (`ids`: its members' ids per file, ascending): goroutines that
/// went into a wait they never leave (sessions wedged one by one on a mutex a handler left
/// locked: 10 ⊂ 20 ⊂ … ⊂ 50, probe r27c), however they came, which is growth. A pool's
/// workers moving between their idle wait and their work come and go.
pub fn accumulates(ids: &[Vec<u64>]) -> bool {
    let kept =
        |w: &[Vec<u64>]| w[1].len() > w[0].len() && w[0].iter().all(|id| w[1].binary_search(id).is_ok());
    ids.len() >= 3 && ids.windows(2).all(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worker_back_in_its_wait_moved_and_a_new_one_was_made() {
        const POOL: Site = ("main.main", "pool/main.go", 40);
        const SERVE: Site = ("net/http.(*Server).Serve", "net/http/server.go", 3454);
        let first: HashMap<u64, Site> = [(26, POOL), (27, POOL), (96, SERVE)].into();
        let last = first.clone();
        // Worker 26 was running in the first file, back in the pool's wait in the last.
        assert!(only_moved(&[27], &[26, 27], 2, &first, &last));
        // Goroutine 30, made since: growth.
        let made: HashMap<u64, Site> = [(26, POOL), (27, POOL), (30, POOL)].into();
        assert!(!only_moved(&[27], &[27, 30], 2, &first, &made));
        // The same id made elsewhere is another goroutine (another process).
        let other: HashMap<u64, Site> = [(26, ("main.handle", "pool/main.go", 61)), (27, POOL)].into();
        assert!(!only_moved(&[27], &[26, 27], 2, &first, &other));
        // The same function and id at another line: another program's `go` statement.
        let rebuilt: HashMap<u64, Site> = [(26, ("main.main", "pool/main.go", 46)), (27, POOL)].into();
        assert!(!only_moved(&[27], &[26, 27], 2, &first, &rebuilt));
        // Nothing gained, or no ids: the counts decide.
        assert!(!only_moved(&[26, 27], &[26, 27], 2, &first, &last));
        assert!(!only_moved(&[], &[], 3, &HashMap::new(), &last));
    }

    #[test]
    fn a_group_that_keeps_all_it_had_and_gains_more_accumulates() {
        let ids = |v: &[&[u64]]| v.iter().map(|s| s.to_vec()).collect::<Vec<_>>();
        assert!(accumulates(&ids(&[&[3, 4], &[3, 4, 9], &[3, 4, 8, 9]])));
        // A worker gone back to its idle wait: it comes and goes.
        assert!(!accumulates(&ids(&[&[3, 4], &[4, 9], &[4, 8, 9]])));
        // A step with nothing gained, or a pair: no verdict.
        assert!(!accumulates(&ids(&[&[3, 4], &[3, 4], &[3, 4, 9]])));
        assert!(!accumulates(&ids(&[&[3, 4], &[3, 4, 9]])));
    }
}

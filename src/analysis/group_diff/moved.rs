//! Goroutines that moved between groups: a group whose count rose only because goroutines
//! the first file already had went over to it from another group (a pool worker caught
//! running in one dump and back in `<-jobs` in the next, a keep-alive connection between
//! its handler and its idle read). They were not made since: that is no growth.
//!
//! A goroutine is known by its Go id and the function of its creation site, which never
//! changes: the same id made at the same site in the first file is the same goroutine (or,
//! in another process of the same program, its twin made at the same point of the start).
//! A leak's new members are goroutines made since, with ids the first file lacks.

use std::collections::HashMap;

use super::GoroutineGroup;

/// Each goroutine of a file by id: the function of its creation site (empty when the file
/// does not say).
pub fn creation_by_id(file: &[GoroutineGroup]) -> HashMap<u64, &str> {
    let mut out = HashMap::new();
    for g in file {
        let site = g.created_at.as_ref().map_or("", |f| &*f.function);
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
    in_first: &HashMap<u64, &str>,
    in_last: &HashMap<u64, &str>,
) -> bool {
    if last.len() != last_count || in_first.is_empty() {
        return false;
    }
    let mut gained = last.iter().filter(|id| first.binary_search(id).is_err()).peekable();
    gained.peek().is_some()
        && gained.all(|id| in_first.get(id).is_some_and(|site| Some(site) == in_last.get(id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worker_back_in_its_wait_moved_and_a_new_one_was_made() {
        let first: HashMap<u64, &str> =
            [(26, "main.main"), (27, "main.main"), (96, "net/http.(*Server).Serve")].into();
        let last: HashMap<u64, &str> =
            [(26, "main.main"), (27, "main.main"), (96, "net/http.(*Server).Serve")].into();
        // Worker 26 was running in the first file, back in the pool's wait in the last.
        assert!(only_moved(&[27], &[26, 27], 2, &first, &last));
        // Goroutine 30, made since: growth.
        let made: HashMap<u64, &str> = [(26, "main.main"), (27, "main.main"), (30, "main.main")].into();
        assert!(!only_moved(&[27], &[27, 30], 2, &first, &made));
        // The same id made elsewhere is another goroutine (another process).
        let other: HashMap<u64, &str> = [(26, "main.handle"), (27, "main.main")].into();
        assert!(!only_moved(&[27], &[26, 27], 2, &first, &other));
        // Nothing gained, or no ids: the counts decide.
        assert!(!only_moved(&[26, 27], &[26, 27], 2, &first, &last));
        assert!(!only_moved(&[], &[], 3, &HashMap::new(), &last));
    }
}

//! Sorting where Go's reader sorts with `slices.SortFunc`. Go's sort is insertion sort for
//! fewer than 13 elements (stable, which we reproduce exactly) and pdqsort above; for longer
//! slices we sort stably, which only differs from Go for elements with equal keys.

pub fn sort_like_go<T: Copy>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    if v.len() <= 12 {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 {
                let (Some(a), Some(b)) = (v.get(j), v.get(j - 1)) else { break };
                if !less(a, b) {
                    break;
                }
                v.swap(j, j - 1);
                j -= 1;
            }
        }
    } else {
        v.sort_by(|a, b| {
            if less(a, b) {
                std::cmp::Ordering::Less
            } else if less(b, a) {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        });
    }
}

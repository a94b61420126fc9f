//! Sorting lists that are already almost in order.
//!
//! The automaton reports hits by end, and a hit spans a few characters, so
//! ordering them by start (or the start-ordered list back by end) moves
//! each hit past only the few hits that overlap it. An insertion sort does
//! exactly that work, linear in practice, where a general sort pays
//! `n log n` compares for a list it mostly leaves as it was.

/// Sorts `items` by `key` (stable), cheaply when each item is at most a
/// few places from where it belongs.
///
/// The cost is one key and one compare per item in place, plus one move
/// per place an item travels: quadratic only for a list far from sorted.
pub(crate) fn sort_by_key<T: Copy, K: Ord + Copy>(items: &mut [T], key: impl Fn(&T) -> K) {
    // The largest key so far: an item at or above it is already in place.
    let Some(first) = items.first() else {
        return;
    };
    let mut top = key(first);
    for i in 1..items.len() {
        let cur = items[i];
        let k = key(&cur);
        if k >= top {
            top = k;
            continue;
        }
        sift(&mut items[..=i], cur, k, &key);
    }
}

/// Moves the last of `items` back past the items with a greater key, when
/// the items before it are sorted by `key`: one step of [`sort_by_key`],
/// for a list sorted as it is filled.
pub(crate) fn sift_last<T: Copy, K: Ord + Copy>(items: &mut [T], key: impl Fn(&T) -> K) {
    if let Some(&last) = items.last() {
        sift(items, last, key(&last), &key);
    }
}

/// Shifts the items before the last one that have a key above `k` one
/// place on and puts `cur` (the last item, keyed `k`) before them.
fn sift<T: Copy, K: Ord + Copy>(items: &mut [T], cur: T, k: K, key: &impl Fn(&T) -> K) {
    let mut j = items.len() - 1;
    while j > 0 && key(&items[j - 1]) > k {
        items[j] = items[j - 1];
        j -= 1;
    }
    items[j] = cur;
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, on lists
        /// near and far from sorted.
        #[test]
        fn agrees_with_the_stable_sort(
            mut v in proptest::collection::vec((0u8..20, any::<u16>()), 0..200),
            nearly in any::<bool>(),
        ) {
            if nearly {
                v.sort_by_key(|p| p.0);
                // Swap a few neighbours out of place.
                for i in (1..v.len()).step_by(7) {
                    v.swap(i - 1, i);
                }
            }
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            sort_by_key(&mut v, |p| p.0);
            prop_assert_eq!(&v, &want);
        }

        /// Filling a list with `sift_last` after each push sorts it too.
        #[test]
        fn sift_last_keeps_a_list_sorted(
            v in proptest::collection::vec((0u8..20, any::<u16>()), 0..200),
        ) {
            let mut filled = Vec::new();
            for &p in &v {
                filled.push(p);
                sift_last(&mut filled, |p| p.0);
            }
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            prop_assert_eq!(filled, want);
        }
    }
}

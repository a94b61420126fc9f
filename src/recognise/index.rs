//! A small index over mentions for the overlap and edge look-ups the rules
//! make, so a rule costs a logarithm per question instead of a pass over
//! every mention of the document.

use super::Mention;
use crate::span::Span;

/// Mentions sorted by start, with the longest length seen.
pub(crate) struct MentionIndex {
    by_start: Vec<Mention>,
    /// The mentions by end, sorted on the first [`MentionIndex::ending_at`]
    /// (several indexes never ask it).
    by_end: std::cell::OnceCell<Vec<Mention>>,
    max_len: usize,
}

impl MentionIndex {
    pub fn new(mentions: &[Mention]) -> Self {
        let by_start = sorted_by(mentions, |s| (s.start, s.end));
        let max_len = mentions.iter().map(|m| m.span.len()).max().unwrap_or(0);
        MentionIndex {
            by_start,
            by_end: std::cell::OnceCell::new(),
            max_len,
        }
    }

    /// The mentions sorted by (end, start), mentions of one span in their
    /// order in the input: sorted from `by_start`, where mentions of one
    /// span stand in that order already, by a stable sort.
    fn by_end(&self) -> &[Mention] {
        self.by_end
            .get_or_init(|| sorted_by(&self.by_start, |s| (s.end, s.start)))
    }

    /// Mentions that share at least one byte with `span`.
    pub fn overlapping(&self, span: Span) -> impl Iterator<Item = &Mention> {
        let from = span.start.saturating_sub(self.max_len);
        let lo = self.by_start.partition_point(|m| m.span.start < from);
        let hi = self.by_start.partition_point(|m| m.span.start < span.end);
        self.by_start[lo..hi]
            .iter()
            .filter(move |m| m.span.overlaps(span))
    }

    /// Mentions with exactly this span.
    pub fn exactly(&self, span: Span) -> impl Iterator<Item = &Mention> {
        let lo = self
            .by_start
            .partition_point(|m| (m.span.start, m.span.end) < (span.start, span.end));
        self.by_start[lo..]
            .iter()
            .take_while(move |m| m.span == span)
    }

    /// Mentions that end at byte `end`.
    pub fn ending_at(&self, end: usize) -> impl Iterator<Item = &Mention> {
        let by_end = self.by_end();
        let lo = by_end.partition_point(|m| m.span.end < end);
        by_end[lo..].iter().take_while(move |m| m.span.end == end)
    }
}

/// `mentions` sorted by `key` of their spans, mentions of one key in
/// their order (a stable sort): the keys, with each mention's index to
/// break ties, are sorted instead of the mentions, which are several
/// times larger, then the mentions are read in that order.
fn sorted_by(mentions: &[Mention], key: impl Fn(Span) -> (usize, usize)) -> Vec<Mention> {
    // Offsets and indices of 32 bits (texts are read in chunks far below
    // 4 GiB) pack into one integer: one comparison per step of the sort.
    let fits = |x: usize| u32::try_from(x).is_ok();
    let packed: Option<Vec<u128>> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let (a, b) = key(m.span);
            (fits(a) && fits(b) && fits(i))
                .then_some((a as u128) << 64 | (b as u128) << 32 | i as u128)
        })
        .collect();
    if let Some(mut keys) = packed {
        // Every key is distinct (the index), so the unstable sort orders
        // them as a stable sort by `key` would.
        keys.sort_unstable();
        return keys
            .into_iter()
            .map(|k| mentions[(k as u32) as usize])
            .collect();
    }
    let mut keys: Vec<(usize, usize, usize)> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let (a, b) = key(m.span);
            (a, b, i)
        })
        .collect();
    keys.sort_unstable();
    keys.into_iter().map(|(_, _, i)| mentions[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::EntityKind;

    #[test]
    fn sorted_as_a_stable_sort_is() {
        let rules = [
            crate::rules::Rule::PlaceSuffix,
            crate::rules::Rule::PlaceLexicon,
        ];
        let ms: Vec<Mention> = (0..40usize)
            .map(|i| {
                let start = (i * 7) % 5;
                Mention::new(
                    Span::new(start, start + (i * 3) % 4),
                    EntityKind::Place,
                    rules[i % 2],
                )
            })
            .collect();
        let mut stable = ms.clone();
        stable.sort_by_key(|m| (m.span.end, m.span.start));
        assert_eq!(sorted_by(&ms, |s| (s.end, s.start)), stable);
    }

    #[test]
    fn lookups() {
        let ms = [
            Mention::new(
                Span::new(0, 9),
                EntityKind::Place,
                crate::rules::Rule::PlaceSuffix,
            ),
            Mention::new(
                Span::new(3, 6),
                EntityKind::Place,
                crate::rules::Rule::PlaceSuffix,
            ),
            Mention::new(
                Span::new(12, 15),
                EntityKind::Org,
                crate::rules::Rule::PlaceSuffix,
            ),
        ];
        let ix = MentionIndex::new(&ms);
        assert_eq!(ix.overlapping(Span::new(5, 13)).count(), 3);
        assert_eq!(ix.overlapping(Span::new(9, 12)).count(), 0);
        assert_eq!(ix.exactly(Span::new(3, 6)).count(), 1);
        assert_eq!(ix.ending_at(15).count(), 1);
    }
}

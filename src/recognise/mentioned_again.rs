//! A site or body the document has named has that kind wherever its name
//! stands again (`org.mentioned-again`, `place.mentioned-again`): a company
//! found in a list of stops (`察看了青峰重工、…`) is a company in the
//! later `在青峰重工项目现场`, where no suffix, list or verb says so.
//!
//! Only names are carried: a word of the lexicon (`镇人大`, `区政协`) has
//! its own rules at every place it stands (`乡镇人大` is every body of its
//! level), and a carried body still meets the test for generic bodies.
//! A later mention must stand on its own: it may hold
//! shorter entities (the place of `四川某某`), but it crosses none, lies
//! inside none, and is glued to no other place or body (`某镇` + the name
//! is a chain the suffix rules read).

use super::{Mention, Scan};
use crate::lexicon::LexClass;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};

/// The bytes of a name's start that key it in the search.
const KEY_BYTES: usize = 4;

/// The fewest characters of a name carried to its other mentions: two
/// characters are too often part of a longer word.
const MIN_CHARS: usize = 3;

/// The other mentions of the names among `found` (the resolved entities,
/// sorted by start with the nested ones among them).
pub(super) fn find(scan: &Scan<'_>, found: &[Mention]) -> Vec<Mention> {
    let top: Vec<&Mention> = found.iter().filter(|m| !m.nested).collect();
    let mut names: Vec<(&str, EntityKind)> = top
        .iter()
        .map(|m| (&scan.text[m.span.range()], m.kind))
        .filter(|&(t, kind)| name_shaped(t, kind))
        .collect();
    // One entry per text, its first mention's kind (a stable sort keeps
    // the mentions of one text in text order).
    names.sort_by_key(|&(t, _)| t);
    names.dedup_by_key(|&mut (t, _)| t);
    names.retain(|&(t, _)| scan.lex.lookup(t).next().is_none());
    if names.is_empty() {
        return Vec::new();
    }
    let names = Names::new(&names);
    let bytes = scan.text.as_bytes();
    let mut out = Vec::new();
    // Where the last name read ends: names read do not overlap.
    let mut next = 0;
    let mut at = 0;
    while at < bytes.len() {
        let here = at;
        at += crate::text::utf8_width(bytes[here]);
        if here < next {
            continue;
        }
        let Some((t, kind)) = names.longest_at(bytes, here) else {
            continue;
        };
        let span = Span::new(here, here + t.len());
        next = span.end;
        if stands_alone(&top, span) && !name_goes_on(scan, span) {
            let rule = match kind {
                EntityKind::Place => Rule::PlaceMentionedAgain,
                _ => Rule::OrgMentionedAgain,
            };
            out.push(Mention::new(span, kind, rule));
        }
    }
    out
}

/// The names searched for, keyed by their first four bytes (a CJK char
/// and the lead byte of the next), the longest first among names of one
/// key; the keys hashed into a table of 4096 bits, so that most places of
/// the text are turned away by one bit. A name of fewer bytes (three
/// Latin letters) has no key and is not searched for.
struct Names<'a> {
    keyed: Vec<(u32, &'a str, EntityKind)>,
    starts: [u64; 64],
}

impl<'a> Names<'a> {
    fn new(names: &[(&'a str, EntityKind)]) -> Self {
        let mut keyed: Vec<(u32, &str, EntityKind)> = names
            .iter()
            .filter_map(|&(t, kind)| Some((key_at(t.as_bytes(), 0)?, t, kind)))
            .collect();
        keyed.sort_by_key(|&(k, t, _)| (k, std::cmp::Reverse(t.len())));
        let mut starts = [0u64; 64];
        for &(k, _, _) in &keyed {
            let (word, mask) = bit(k);
            starts[word] |= mask;
        }
        Names { keyed, starts }
    }

    /// The longest name written at byte `at` of `bytes`, with its kind.
    fn longest_at(&self, bytes: &[u8], at: usize) -> Option<(&'a str, EntityKind)> {
        let k = key_at(bytes, at)?;
        let (word, mask) = bit(k);
        if self.starts[word] & mask == 0 {
            return None;
        }
        let from = self.keyed.partition_point(|&(x, _, _)| x < k);
        self.keyed[from..]
            .iter()
            .take_while(|&&(x, _, _)| x == k)
            .find(|&&(_, t, _)| bytes[at..].starts_with(t.as_bytes()))
            .map(|&(_, t, kind)| (t, kind))
    }
}

/// The first [`KEY_BYTES`] bytes from `i`, as one number.
fn key_at(bytes: &[u8], i: usize) -> Option<u32> {
    bytes
        .get(i..i + KEY_BYTES)
        .map(|k| u32::from_le_bytes([k[0], k[1], k[2], k[3]]))
}

/// The word and bit of a key in a table of 4096 bits.
fn bit(k: u32) -> (usize, u64) {
    let h = u64::from(k).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52;
    (h as usize >> 6, 1u64 << (h & 63))
}

/// `resolved` with the mentions `again` found among them: each is kept
/// unless a person, title, date or plot lies inside it, and the places
/// and bodies inside a kept one become nested in it, as resolution
/// would have them.
pub(super) fn merge(mut resolved: Vec<Mention>, again: Vec<Mention>) -> Vec<Mention> {
    // `resolved` is sorted by start: the mentions inside `a` follow the
    // first one starting at its start or after.
    let holds_strong = |a: &Mention| {
        let from = resolved.partition_point(|m| m.span.start < a.span.start);
        resolved[from..]
            .iter()
            .take_while(|m| m.span.start < a.span.end)
            .any(|m| {
                a.span.contains(m.span) && !matches!(m.kind, EntityKind::Place | EntityKind::Org)
            })
    };
    let kept: Vec<Mention> = again.into_iter().filter(|a| !holds_strong(a)).collect();
    if kept.is_empty() {
        return resolved;
    }
    for m in resolved.iter_mut() {
        let k = kept.partition_point(|a| a.span.end <= m.span.start);
        if kept.get(k).is_some_and(|a| a.span.contains(m.span)) {
            m.nested = true;
        }
    }
    resolved.extend(kept);
    resolved.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end), m.nested));
    resolved
}

/// True when a resolved mention of `kind` reading `text` has the shape
/// of a name whose other mentions are carried: a place or body of three
/// characters or more (and no word of the lexicon, asked of the few left).
fn name_shaped(text: &str, kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Place | EntityKind::Org) && text.chars().nth(MIN_CHARS - 1).is_some()
}

/// True when `span` crosses no resolved mention, lies inside none and
/// touches no place or body outside it.
fn stands_alone(top: &[&Mention], span: Span) -> bool {
    // Top-level mentions never overlap: sorted by start, they are sorted
    // by end too, and only those between these two bounds can overlap or
    // touch the span.
    let first = top.partition_point(|m| m.span.end < span.start);
    let end = top.partition_point(|m| m.span.start <= span.end);
    top[first..end.max(first)].iter().all(|m| {
        let touches = (m.span.end == span.start || m.span.start == span.end)
            && matches!(m.kind, EntityKind::Place | EntityKind::Org);
        let overlaps = m.span.start < span.end && span.start < m.span.end;
        !touches && (!overlaps || span.contains(m.span) && span != m.span)
    })
}

/// True when the name at `span` is part of a longer one here: a post
/// crosses its end (`市公安局` of `市公安局长`), or it opens a list item
/// that goes on past it (`、某某工业涂装、`: a list's items are whole
/// names).
fn name_goes_on(scan: &Scan<'_>, span: Span) -> bool {
    let post_across = scan
        .hits_starting_in(Span::new(span.start + 1, span.end))
        .any(|h| h.span().end > span.end && scan.hit_is(h, LexClass::TitleRole));
    if post_across {
        return true;
    }
    let closed = |c: Option<char>| {
        c.is_none_or(|c| {
            crate::text::is_clause_break(c) || c == '等' || crate::lexicon::is_conjunction(c)
        })
    };
    scan.char_before(span.start) == Some('、') && !closed(scan.char_at(span.end))
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind;

    /// How many top-level entities of `kind` read `name` in `text`.
    fn count(text: &str, kind: EntityKind, name: &str) -> usize {
        spans(text, kind).iter().filter(|s| *s == name).count()
    }

    #[test]
    fn a_company_of_a_visit_list_is_a_company_again_later() {
        let text =
            "王书记先后察看了青峰重工、宏达食品等企业。在青峰重工项目现场,王书记要求加快进度。";
        assert_eq!(count(text, EntityKind::Org, "青峰重工"), 2);
    }

    #[test]
    fn a_river_is_a_place_where_no_rule_reads_it() {
        let text = "工作组实地查看了金沙河水情、险工险段加固情况。会后,大家沿金沙河堤岸察看。";
        assert_eq!(count(text, EntityKind::Place, "金沙河"), 2);
    }

    #[test]
    fn no_body_ends_inside_a_post() {
        let text = "市公安局召开会议。会上,李某担任市公安局长一职。";
        assert_eq!(count(text, EntityKind::Org, "市公安局"), 1);
    }

    #[test]
    fn a_list_item_that_goes_on_is_a_longer_name() {
        let text = "在青峰重工、宏达食品等企业,王书记要求加快进度。随后察看了伟业汽配、青峰重工涂装、宏达食品等项目。";
        assert_eq!(count(text, EntityKind::Org, "青峰重工"), 1);
    }

    #[test]
    fn a_name_glued_to_a_place_is_left_to_the_chain() {
        let text = "代表们参观了孝善文化广场。会后,代表们又来到青山镇孝善文化广场散步。";
        assert_eq!(count(text, EntityKind::Place, "孝善文化广场"), 1);
    }
}

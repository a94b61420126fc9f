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
use aho_corasick::{AhoCorasick, MatchKind};

/// The fewest characters of a name carried to its other mentions: two
/// characters are too often part of a longer word.
const MIN_CHARS: usize = 3;

/// The other mentions of the names among `found` (the resolved entities,
/// sorted by start with the nested ones among them).
pub(super) fn find(scan: &Scan<'_>, found: &[Mention]) -> Vec<Mention> {
    let top: Vec<&Mention> = found.iter().filter(|m| !m.nested).collect();
    let mut names: Vec<(&str, EntityKind)> = Vec::new();
    for m in &top {
        let text = &scan.text[m.span.range()];
        if carried(scan, m, text) && !names.iter().any(|(t, _)| *t == text) {
            names.push((text, m.kind));
        }
    }
    if names.is_empty() {
        return Vec::new();
    }
    let Ok(searcher) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(names.iter().map(|(t, _)| t))
    else {
        return Vec::new();
    };
    searcher
        .find_iter(scan.text)
        .filter_map(|hit| {
            let span = Span::new(hit.start(), hit.end());
            let kind = names[hit.pattern().as_usize()].1;
            (stands_alone(&top, span) && !name_goes_on(scan, span)).then(|| {
                let rule = match kind {
                    EntityKind::Place => Rule::PlaceMentionedAgain,
                    _ => Rule::OrgMentionedAgain,
                };
                Mention::new(span, kind, rule)
            })
        })
        .collect()
}

/// True when the resolved mention `m` (text `text`) is a name whose other
/// mentions are carried: a place or body of three characters or more that
/// is no word of the lexicon.
fn carried(scan: &Scan<'_>, m: &Mention, text: &str) -> bool {
    matches!(m.kind, EntityKind::Place | EntityKind::Org)
        && text.chars().nth(MIN_CHARS - 1).is_some()
        && scan.lex.lookup(text).next().is_none()
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

//! Bodies named alone as the items of a list, by abbreviation
//! (`责任单位:党建办、投促中心、重大办`): `org.list-item`.

use super::super::{Mention, Scan};
use super::{GENERIC_HEAD, NOT_IN_BODY};
use crate::lexicon::{Grammar, LexClass};
use crate::recognise::pos::Pos;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};

/// The endings of short bodies listed by abbreviation (`动迁办`,
/// `房管所`): `grammar.listed-body`; rooms (`grammar.room`) end no body.
const LISTED_BODY: LexClass = LexClass::Grammar(Grammar::ListedBody);

/// Bodies named alone as items of a list (`责任单位:党建办、投促中心、重大办`):
/// a short name between list separators that ends in a body suffix.
pub(crate) fn list_items(scan: &Scan<'_>) -> Vec<Mention> {
    let text = scan.text;
    // List items stand between clause breaks (a dash too), but spaces and
    // quotes may sit inside an item.
    let is_sep = |c: char| {
        c == '—'
            || (crate::text::is_clause_break(c)
                && !matches!(c, ' ' | '\t' | '“' | '”' | '"' | '‘' | '’' | '·'))
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev_sep: Option<char> = None;
    // Ideographs separate nothing: only the other chars are read.
    for (i, c) in scan
        .non_ideographs()
        .chain(std::iter::once((text.len(), '\n')))
    {
        if !is_sep(c) {
            continue;
        }
        let item = &text[start..i];
        // Only inside an enumeration: one side is `、`.
        let listed = c == '、' || prev_sep == Some('、');
        // Counted only in an enumeration (most clauses are none).
        if listed
            && LIST_ITEM_CHARS.contains(&item.chars().count())
            && item.chars().all(crate::text::is_cjk)
        {
            let span = Span::new(start, i);
            if is_listed_body(scan, span) {
                out.push(Mention::new(span, EntityKind::Org, Rule::OrgListItem));
            }
        }
        prev_sep = Some(c);
        start = i + c.len_utf8();
    }
    out
}

/// True when the list item at `span` names a body: it ends in a listed
/// body's ending (not a room's), opens with no generic head, holds no
/// post, and is made of nouns. The item's ends and start are read from
/// the hits (every entry written is one), not looked up length by length;
/// the ending first, which turns most items down.
fn is_listed_body(scan: &Scan<'_>, span: Span) -> bool {
    let item = &scan.text[span.range()];
    scan.span_ends_with(span, LISTED_BODY)
        && !scan.span_ends_with(span, LexClass::Grammar(Grammar::Room))
        && !item.chars().any(|c| NOT_IN_BODY.contains(c))
        && !scan.span_starts_with(span, GENERIC_HEAD)
        && !item.starts_with('各')
        && !scan.lex.is(item, LexClass::Stop)
        && !super::ends_in_common_word(scan, span)
        && !scan
            .hits_within(span)
            .any(|h| scan.hit_is(h, LexClass::TitleRole))
        && nominal_item(scan, span)
}

/// How long a body named alone in a list is, in chars (`党建办`).
const LIST_ITEM_CHARS: std::ops::RangeInclusive<usize> = 3..=10;

/// The longest abbreviation that may hold a verb or an adjective before
/// its suffix (`动迁办`, `重大办`), in chars.
const MAX_ABBREVIATION_CHARS: usize = 4;

/// A list item made of nouns only, whose last word is a body, not a common
/// word that happens to end like one (`新格局`, `处级干部`).
fn nominal_item(scan: &Scan<'_>, item: Span) -> bool {
    let around = scan.tokens_around(item.start);
    let toks: Vec<_> = around
        .iter()
        .filter(|t| t.span.start >= item.start && t.span.end <= item.end)
        .collect();
    let Some(last) = toks.last() else {
        return false;
    };
    if last.span.end != item.end {
        return false;
    }
    let lw = &scan.text[last.span.range()];
    let suffix_len = scan
        .lex
        .suffixes_of(lw, LISTED_BODY)
        .next()
        .map_or(0, |s| s.chars().count());
    if scan.is_known_word(lw)
        && lw.chars().count() == suffix_len + 1
        && !matches!(last.tag, Pos::Nt | Pos::J)
        && !scan
            .lex
            .any(lw, |c| matches!(c, LexClass::Org | LexClass::TitleOrg))
    {
        return false;
    }
    // Short abbreviations may hold a verb or adjective right before their
    // suffix (`动迁办`, `重大办`); the suffix itself may be any token.
    let short = scan.text[item.range()].chars().count() <= MAX_ABBREVIATION_CHARS;
    let n = toks.len();
    toks.iter().enumerate().all(|(k, t)| {
        let tag = t.tag;
        let word = &scan.text[t.span.range()];
        let nominal = tag.is_noun()
            || matches!(
                tag,
                Pos::Vn | Pos::J | Pos::B | Pos::F | Pos::S | Pos::Eng | Pos::X
            );
        let is_suffix = k + 1 == n && scan.lex.is(word, LISTED_BODY);
        let modifier = short
            && k + 2 == n
            && (tag.is_verbal() || tag == Pos::A)
            && toks
                .get(k + 1)
                .is_some_and(|s| scan.lex.is(&scan.text[s.span.range()], LISTED_BODY));
        nominal || is_suffix || modifier || !scan.is_known_word(word)
    })
}

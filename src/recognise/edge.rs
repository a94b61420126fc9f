//! Finding the left edge of a name that ends in a generic suffix
//! (`区城管执法局`, `上海何勇企业管理有限公司`, `莲浦府邸`): the grammar of the
//! words before the suffix decides, read from the segmenter's tags and the
//! lexicon's hits, not from a list of whole names.

use super::Scan;
use crate::lexicon::{
    Grammar, Level, LexClass, Lexicon, embedded_grammar, is_numeral, level_chars,
};
use crate::text::{LazyCharSet, is_clause_break};
use std::sync::LazyLock;

/// Characters that name an administrative level when written alone before
/// a body (`区` in `区城管执法局`): the one-character level words
/// ([`Level::of_char`]), for the rules that hold a list of them.
pub(crate) static LEVEL_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| level_chars().collect());

/// Characters of grammar words (particles, prepositions, conjunctions):
/// an unknown word holding one was glued across a name's edge (`村至`,
/// `以七`), and a unit's name never holds one.
pub(crate) static FUNCTION_CHARS: LazyCharSet =
    LazyCharSet::new("的了是在对从把被将这那其各该由向着过至以和与及或到");

/// The result of walking left from a suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Edge {
    /// Byte where the name starts.
    pub start: usize,
    /// The name holds a proper part: a place, a person, a proper noun, an
    /// unknown word or an administrative level.
    pub proper: bool,
    /// The name holds a level character or a place of the lexicon.
    pub anchored: bool,
}

/// Walks left from byte `pos` (the suffix start) over at most `max_chars`
/// characters of name material.
pub(crate) fn left_edge(
    scan: &Scan<'_>,
    pos: usize,
    max_chars: usize,
    allow_verb: bool,
    allow_org: bool,
) -> Edge {
    let mut start = pos;
    let mut proper = false;
    let mut anchored = false;
    let mut chars = 0usize;
    let mut first = true;
    loop {
        if scan.char_before(start).is_none_or(is_clause_break) {
            break;
        }
        // A short form with its level character (`东乡` + `县`).
        if let Some(c) = scan.char_before(start)
            && Level::of_char(c).is_some_and(|l| l <= Level::County)
            && let Some(h) =
                scan.longest_ending_at(start - c.len_utf8(), |k| k == LexClass::PlaceShort)
            && h.span().len() >= 6
            && chars + scan.text[h.span().start..start].chars().count() <= max_chars
        {
            chars += scan.text[h.span().start..start].chars().count();
            start = h.span().start;
            proper = true;
            anchored = true;
            first = false;
            continue;
        }
        // A governing body's name holds no other body (`中共某市委` +
        // `某市人民政府`, two bodies written side by side).
        if !allow_org
            && scan
                .longest_ending_at(start, |c| matches!(c, LexClass::Org | LexClass::TitleOrg))
                .is_some()
        {
            break;
        }
        // A lexicon place or organisation ending here is taken whole.
        if let Some(h) = scan.longest_ending_at(start, |c| {
            c.is_place() || (allow_org && matches!(c, LexClass::Org | LexClass::TitleOrg))
        }) {
            let word = &scan.text[h.span().range()];
            let n = word.chars().count();
            if chars + n > max_chars {
                break;
            }
            // A short form only counts when the segmenter agrees it is a word.
            let mut take = true;
            if scan.hit_is(&h, |c| c == LexClass::PlaceShort)
                && !scan.hit_is(&h, |c| matches!(c, LexClass::Division(_) | LexClass::Site))
            {
                let toks = scan.tokens_around(h.span().start);
                // Its first character must not be a function word the
                // segmenter reads alone (`和中` in `延安路和中环路`).
                let aligned = toks.iter().any(|t| {
                    t.span.start == h.span().start
                        && !(t.span.len() <= 3 && matches!(t.tag, "c" | "p" | "u" | "uj" | "d"))
                });
                // A common word that is also a short form (`发展` of 发展乡)
                // is read below like any other word.
                let common = scan
                    .word_tag(word)
                    .is_some_and(|t| !matches!(t, "ns" | "nz" | "nr" | "nt" | "j"));
                // The tail of a longer word (`资源` of `国土资源`): the word
                // is read below like any other.
                let tail_of_word = n >= 2
                    && toks
                        .iter()
                        .any(|t| t.span.start < h.span().start && t.span.end == start);
                if is_generic_opener(scan, word) || scan.lex.is(word, LexClass::Stop) {
                    break;
                }
                if tail_of_word || (aligned && n >= 2 && common) {
                    take = false;
                } else if !aligned || n < 2 {
                    break;
                }
            }
            if take {
                start = h.span().start;
                chars += n;
                proper = true;
                anchored = true;
                first = false;
                continue;
            }
        }
        let toks = scan.tokens_around(start.saturating_sub(1));
        let Some(tok) = toks.iter().find(|t| t.span.end == start) else {
            break;
        };
        let word = &scan.text[tok.span.range()];
        if is_generic_opener(scan, word)
            || scan.lex.any(word, |c| {
                matches!(c, LexClass::Stop | LexClass::NameCue | LexClass::TitleRole)
            })
            || crosses_post_or_cue(scan, tok.span)
        {
            break;
        }
        let n = word.chars().count();
        if chars + n > max_chars {
            break;
        }
        // A preposition the segmenter glued to the name (`由城` + `投公司`):
        // the name starts after it.
        if n >= 2 && word.starts_with(['由', '被', '把']) {
            let after = tok.span.start + '由'.len_utf8();
            if after < start {
                proper |= !scan.is_known_word(&scan.text[after..start]);
                start = after;
            }
            break;
        }
        // Another body's abbreviation never opens a governing body's name
        // (`市委` + `政府`).
        if !allow_org && scan.lex.any(word, |c| c == LexClass::Org) {
            break;
        }
        // A locative ends the name (`镇域` + `内` + `体育公园`).
        if is_locative(word) {
            break;
        }
        // A term of office: `第十七届`, `十六届`.
        if is_term(word) {
            start = tok.span.start;
            chars += n;
            first = false;
            continue;
        }
        let level = n == 1 && word.chars().next().and_then(Level::of_char).is_some();
        let verb_next_to_suffix = allow_verb && first && tok.tag.starts_with('v');
        // A word the segmenter built from unknown characters (`德必`), whatever
        // tag its model guessed, is a name's part.
        let unknown = n >= 2
            && !scan.is_known_word(word)
            && !tok.tag.starts_with(['v', 'a', 'm'])
            && !word.contains(|c| FUNCTION_CHARS.contains(c));
        if !(tok.is_nominal() || level || verb_next_to_suffix || unknown) {
            break;
        }
        if word.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        // An unknown word swallowing a conjunction (`小胜及`) ends the name.
        if n >= 2 && word.contains(['及', '与', '和']) && !scan.lex.any(word, |c| c.is_place()) {
            break;
        }
        start = tok.span.start;
        chars += n;
        proper |= tok.is_proper() || level || !scan.is_known_word(word);
        anchored |= level;
        first = false;
        if level {
            // A level character opens the name: `区` + 城管执法局.
            break;
        }
    }
    Edge {
        start,
        proper,
        anchored,
    }
}

/// True when a post or a cue word lies inside or across the token
/// (`书记施继平率` read as one unknown word).
fn crosses_post_or_cue(scan: &Scan<'_>, tok: crate::span::Span) -> bool {
    // Hits overlapping the token start at most a few characters before it.
    let from = scan.back(tok.start, 4);
    (from..tok.end)
        .filter(|&p| scan.text.is_char_boundary(p))
        .any(|p| {
            scan.hits_at(p).iter().any(|h| {
                h.span().overlaps(tok)
                    && (scan.hit_is(h, |c| c == LexClass::Stop) || is_post_or_cue(scan, h))
            })
        })
}

/// A post, or a cue word that no name holds: a cue of two characters or
/// more, or `率` (one-character cues such as `和` may join a name:
/// `区发展和改革局`).
pub(crate) fn is_post_or_cue(scan: &Scan<'_>, h: &crate::matcher::Hit) -> bool {
    scan.hit_is(h, |c| c == LexClass::TitleRole)
        || (scan.hit_is(h, |c| c == LexClass::NameCue)
            && (h.span().len() > 3 || &scan.text[h.span().range()] == "率"))
}

/// A one-character locative (`镇域内`, `园区外`): what stands before it is
/// an area, and no name runs across it.
pub(crate) fn is_locative(word: &str) -> bool {
    let mut cs = word.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if matches!(c, '内' | '外' | '里' | '间' | '旁' | '边' | '后' | '前'))
}

/// `第十七届`, `十九届`: the term of a congress or committee.
fn is_term(word: &str) -> bool {
    let w = word.strip_prefix('第').unwrap_or(word);
    w.ends_with('届')
        && w.len() > '届'.len_utf8()
        && w.trim_end_matches('届').chars().all(is_numeral)
}

/// True when `word` makes a name generic when it opens it (`各`, `相关`,
/// `美丽`: `grammar.generic-opener`).
fn is_generic_opener(scan: &Scan<'_>, word: &str) -> bool {
    scan.lex.is(word, LexClass::Grammar(Grammar::GenericOpener))
}

/// True when `text` holds a rank (`省级`, `国家级`: `grammar.rank`): it
/// describes a kind of place or body (`省级新农村示范村`), it names none.
pub(crate) fn holds_rank(text: &str) -> bool {
    holds_rank_in(embedded_grammar(), text)
}

/// [`holds_rank`] with the ranks of `lex`.
pub(crate) fn holds_rank_in(lex: &Lexicon, text: &str) -> bool {
    let rank = LexClass::Grammar(Grammar::Rank);
    text.char_indices()
        .any(|(i, _)| lex.starts_with(&text[i..], rank))
}

/// True when `word` opens with a generic or slogan word (`各居村`,
/// `平安小区`): one of two characters or more, or `各` (every), which
/// addresses every body of a kind. The other one-character openers open
/// names too (`本溪`, `全椒`).
pub(crate) fn opens_generically(word: &str) -> bool {
    opens_generically_in(embedded_grammar(), word)
}

/// [`opens_generically`] with the openers of `lex`.
pub(crate) fn opens_generically_in(lex: &Lexicon, word: &str) -> bool {
    lex.prefixes_of(word, LexClass::Grammar(Grammar::GenericOpener))
        .any(|g| g.chars().nth(1).is_some())
        || word.starts_with('各')
}

//! Finding the left edge of a name that ends in a generic suffix
//! (`区城管执法局`, `上海何勇企业管理有限公司`, `莲浦府邸`): the grammar of the
//! words before the suffix decides, read from the segmenter's tags and the
//! lexicon's hits, not from a list of whole names.

use super::Scan;
use super::pos::Pos;
use super::segment::Token;
use crate::lexicon::{
    Grammar, Level, LexClass, Lexicon, Trigger, embedded_grammar, is_numeral, level_chars,
};
use crate::recognise::lengths::WORD_CHARS;
use crate::span::Span;
use crate::text::{LazyCharSet, is_clause_break};
use std::sync::LazyLock;

/// Characters that name an administrative level when written alone before
/// a body (`区` in `区城管执法局`): the one-character level words
/// ([`Level::of_char`]), for the rules that hold a list of them.
pub(crate) static LEVEL_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| level_chars().collect());

/// Characters of grammar words (particles, prepositions, conjunctions):
/// an unknown word holding one was glued across a name's edge (`村至`,
/// `以七`), and a unit's name never holds one. A closed set of the
/// language read per character, kept in code: as entries, the automaton
/// would find one at nearly every other character.
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

/// The shortest short form taken with the level character after it
/// (`东乡` + `县`), in characters.
const MIN_SHORT_WITH_LEVEL: usize = 2;

/// How far before a token a post or a cue crossing into it may start, in
/// characters.
const CROSSING_REACH: usize = 4;

/// What one step of the walk did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Took a word: walk on.
    Took,
    /// The name starts here (the walk may have taken a last word).
    Stop,
    /// Not this step's case: the next step decides.
    Pass,
}

/// Where a walk left from a suffix stands.
struct Walk {
    /// Byte where the name starts so far.
    start: usize,
    proper: bool,
    anchored: bool,
    /// Characters taken so far.
    chars: usize,
    /// Nothing taken yet: the word read is next to the suffix.
    first: bool,
    max_chars: usize,
    allow_verb: bool,
    allow_org: bool,
}

impl Walk {
    /// True when `n` more characters still fit.
    fn fits(&self, n: usize) -> bool {
        self.chars + n <= self.max_chars
    }

    /// Takes the `n` characters from `start`.
    fn take(&mut self, start: usize, n: usize) -> Step {
        self.start = start;
        self.chars += n;
        self.first = false;
        Step::Took
    }
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
    let mut w = Walk {
        start: pos,
        proper: false,
        anchored: false,
        chars: 0,
        first: true,
        max_chars,
        allow_verb,
        allow_org,
    };
    while !scan.char_before(w.start).is_none_or(is_clause_break) {
        let mut step = short_form_with_level(scan, &mut w);
        if step == Step::Pass {
            step = lexicon_word(scan, &mut w);
        }
        if step == Step::Pass {
            step = segmented_word(scan, &mut w);
        }
        if step != Step::Took {
            break;
        }
    }
    Edge {
        start: w.start,
        proper: w.proper,
        anchored: w.anchored,
    }
}

/// A short form with its level character (`东乡` + `县`).
fn short_form_with_level(scan: &Scan<'_>, w: &mut Walk) -> Step {
    let Some(c) = scan.char_before(w.start) else {
        return Step::Pass;
    };
    let Some(level) = Level::of_char(c).filter(|&l| l <= Level::Town) else {
        return Step::Pass;
    };
    let Some(h) = scan.longest_ending_at(w.start - c.len_utf8(), LexClass::PlaceShort) else {
        return Step::Pass;
    };
    // A township's short form takes its own level character only
    // (`某某` + `乡` of `某某瑶族乡`).
    if level == Level::Town
        && !scan.entries(&h).any(|e| {
            e.class == LexClass::PlaceShort && e.full.as_deref().is_some_and(|f| f.ends_with(c))
        })
    {
        return Step::Pass;
    }
    // `浦东新区`: a division of the lexicon that holds the short form
    // (`东新` + `区`) is read whole by the next step.
    if scan
        .longest_ending_at(w.start, crate::lexicon::ClassSet::DIVISIONS)
        .is_some_and(|d| d.span().start < h.span().start)
    {
        return Step::Pass;
    }
    let short = scan.text[h.span().range()].chars().count();
    let n = short + 1;
    if short < MIN_SHORT_WITH_LEVEL || !w.fits(n) {
        return Step::Pass;
    }
    w.proper = true;
    w.anchored = true;
    w.take(h.span().start, n)
}

/// A place of the lexicon ending at the walk's start is taken whole, and
/// so is an organisation where the name may hold one; a governing body's
/// name holds no other body (`中共某市委` + `某市人民政府`, two bodies
/// written side by side).
fn lexicon_word(scan: &Scan<'_>, w: &mut Walk) -> Step {
    let body = |c: LexClass| matches!(c, LexClass::Org | LexClass::TitleOrg);
    if !w.allow_org && scan.longest_ending_at(w.start, body).is_some() {
        return Step::Stop;
    }
    let Some(h) = scan.longest_ending_at(w.start, |c: LexClass| {
        c.is_place() || (w.allow_org && body(c))
    }) else {
        return Step::Pass;
    };
    let n = scan.text[h.span().range()].chars().count();
    if !w.fits(n) {
        return Step::Stop;
    }
    if scan.hit_is(&h, LexClass::PlaceShort)
        && !scan.hit_is(&h, |c| matches!(c, LexClass::Division(_) | LexClass::Site))
    {
        let step = short_form_alone(scan, h.span(), w.start);
        if step != Step::Took {
            return step;
        }
    }
    w.proper = true;
    w.anchored = true;
    w.take(h.span().start, n)
}

/// True when `word` is the short form of a county, a city or a province.
fn short_of_county_or_above(scan: &Scan<'_>, word: &str) -> bool {
    scan.lex
        .lookup(word)
        .filter(|e| e.class == LexClass::PlaceShort)
        .filter_map(|e| e.full.as_deref())
        .any(|f| super::place::is_county_or_above(scan, f))
}

/// Whether a short form that is nothing else (`发展` of 发展乡) is taken
/// ([`Step::Took`]), ends the name, or is read as a word like any other
/// ([`Step::Pass`]): it counts only when the segmenter agrees it is a word.
fn short_form_alone(scan: &Scan<'_>, short: Span, end: usize) -> Step {
    let word = &scan.text[short.range()];
    let n = word.chars().count();
    let toks = scan.tokens_around(short.start);
    // Its first character must not be a function word the segmenter reads
    // alone (`和中` in `延安路和中环路`).
    let aligned = toks.iter().any(|t| {
        t.span.start == short.start
            && !(scan.text[t.span.range()].chars().count() == 1
                && matches!(t.tag, Pos::C | Pos::P | Pos::U | Pos::Uj | Pos::D))
    });
    // A common word that is also a short form (`发展` of 发展乡) is read
    // like any other word; a rare one that names a city or county (a
    // city's name the segmenter's dictionary tags a noun) is the place.
    let common = scan
        .word_tag(word)
        .is_some_and(|t| !matches!(t, Pos::Ns | Pos::Nz | Pos::Nr | Pos::Nt | Pos::J))
        && !(scan.is_rare_word(word) && short_of_county_or_above(scan, word));
    // The tail of a longer word (`资源` of `国土资源`): the word is read
    // like any other.
    let tail_of_word = n >= WORD_CHARS
        && toks
            .iter()
            .any(|t| t.span.start < short.start && t.span.end == end);
    if is_generic_opener(scan, word) || scan.lex.is(word, LexClass::Stop) {
        Step::Stop
    } else if tail_of_word || (aligned && n >= WORD_CHARS && common) {
        Step::Pass
    } else if !aligned || n < WORD_CHARS {
        Step::Stop
    } else {
        Step::Took
    }
}

/// The segmenter's word ending at the walk's start: taken when it is name
/// material (a noun, a level character, an unknown word, a term of office,
/// a verb right before the suffix where the name may hold one).
fn segmented_word(scan: &Scan<'_>, w: &mut Walk) -> Step {
    let toks = scan.tokens_around(w.start.saturating_sub(1));
    let Some(tok) = toks.iter().find(|t| t.span.end == w.start) else {
        return Step::Stop;
    };
    let word = &scan.text[tok.span.range()];
    let n = word.chars().count();
    if ends_the_name(scan, tok) || !w.fits(n) {
        return Step::Stop;
    }
    // `我区` + `某某办`, `本市` + …: a pronoun with a level says whose body
    // or site it is, and is no part of its name. The two pronouns are a
    // closed set of the grammar, kept in code.
    if n == 2
        && word.starts_with(['我', '本'])
        && word.chars().nth(1).and_then(Level::of_char).is_some()
    {
        return Step::Stop;
    }
    // A preposition the segmenter glued to the name (`由城` + `投公司`):
    // the name starts after it.
    // A closed set of the grammar, kept in code.
    if n >= WORD_CHARS && word.starts_with(['由', '被', '把']) {
        let after = tok.span.start + '由'.len_utf8();
        if after < w.start {
            w.proper |= !scan.is_known_word(&scan.text[after..w.start]);
            w.start = after;
        }
        return Step::Stop;
    }
    // Another body's abbreviation never opens a governing body's name
    // (`市委` + `政府`); a locative ends the name (`镇域` + `内` + `体育公园`).
    if (!w.allow_org && scan.lex.is(word, LexClass::Org)) || is_locative(word) {
        return Step::Stop;
    }
    // A term of office: `第十七届`, `十六届`; an ordinal (`第一` of
    // `某县第一中学`).
    if is_term(word) || is_ordinal(word) {
        return w.take(tok.span.start, n);
    }
    let level = n == 1 && word.chars().next().and_then(Level::of_char).is_some();
    if adjective_opening_proper(scan, toks, tok) {
        return w.take(tok.span.start, n);
    }
    if !is_name_part(scan, tok, w, level) || level && division_follows(scan, tok.span.end) {
        return Step::Stop;
    }
    w.proper |= tok.is_proper() || level || !scan.is_known_word(word);
    w.anchored |= level;
    w.take(tok.span.start, n);
    if level {
        // A township's level character ends the township's name written
        // before it (`某某乡` + 某村某屯), which the walk goes on to read;
        // any other level character opens the name: `区` + 城管执法局.
        if matches!(word, "乡" | "镇") && township_name_before(scan, toks, tok, w) {
            return Step::Took;
        }
        return Step::Stop;
    }
    Step::Took
}

/// Adjectives written after a verb as its result (`发挥好`, `做实`,
/// `抓细`): no name opens with them there. A closed set of the grammar,
/// kept in code.
const RESULT_COMPLEMENTS: &str = "好实细全足够透清";

/// `完成白/a 仙山/ns 水库…`: a one-character adjective right before a
/// proper name the segmenter tags, where a verb or a break stands before
/// it, opens the name (`白`, `红`, `青` open many names of places), unless
/// it is the verb's result (`发挥好/v+a`).
fn adjective_opening_proper(scan: &Scan<'_>, toks: &[Token], tok: &Token) -> bool {
    let word = &scan.text[tok.span.range()];
    let one_adjective = tok.tag.is_adjective()
        && word.chars().count() == 1
        && !word.starts_with(|c| RESULT_COMPLEMENTS.contains(c));
    let proper_after = toks
        .iter()
        .any(|t| t.span.start == tok.span.end && matches!(t.tag, Pos::Ns | Pos::Nr | Pos::Nz));
    let opens = scan.is_break_before(tok.span.start)
        || toks
            .iter()
            .any(|t| t.span.end == tok.span.start && t.tag.is_verb());
    one_adjective && proper_after && opens
}

/// True when a division of the lexicon, written with its own level,
/// starts at `pos`: a level character before it ends another word
/// (`沉陷区` + 某某镇某村), no part of the name.
fn division_follows(scan: &Scan<'_>, pos: usize) -> bool {
    scan.hits_at(pos).iter().any(|h| {
        h.span().len() >= super::TWO_CHARS_BYTES
            && scan.hit_is(h, crate::lexicon::ClassSet::DIVISIONS)
            && scan.text[..h.span().end]
                .chars()
                .next_back()
                .and_then(Level::of_char)
                .is_some()
    })
}

/// The most characters of a township's name before `乡` or `镇`.
const MAX_TOWNSHIP_STEM: usize = 3;

/// True when a proper or unknown word of two or three characters stands
/// right before the level character `tok` (`古寨` + `乡`), and is taken.
fn township_name_before(scan: &Scan<'_>, toks: &[Token], tok: &Token, w: &mut Walk) -> bool {
    let Some(stem) = toks.iter().find(|t| t.span.end == tok.span.start) else {
        return false;
    };
    let word = &scan.text[stem.span.range()];
    let n = word.chars().count();
    let fits = (2..=MAX_TOWNSHIP_STEM).contains(&n) && w.fits(n);
    let named = (stem.is_proper() || !scan.is_known_word(word))
        && !word.contains(|c| FUNCTION_CHARS.contains(c))
        && !ends_the_name(scan, stem);
    if fits && named {
        w.take(stem.span.start, n);
        return true;
    }
    false
}

/// True when the token ends the name before it is read: a generic
/// opener, a stop phrase, a cue or a post, or one crossing into it.
fn ends_the_name(scan: &Scan<'_>, tok: &Token) -> bool {
    // The token's entries are those of the hit with its span (every entry
    // written is a hit): read there, not looked up by the token's text.
    scan.hits_at(tok.span.start).iter().any(|h| {
        h.span().end == tok.span.end
            && scan.hit_is(
                h,
                [
                    LexClass::Grammar(Grammar::GenericOpener),
                    LexClass::Stop,
                    LexClass::NameCue,
                    LexClass::TitleRole,
                ],
            )
    }) || crosses_post_or_cue(scan, tok.span)
        || named_after_post(scan, tok)
}

/// `演员某某/nr` + `某某促进会`, `主任某某/nr` + `某某医院`: a name the
/// segmenter tags right after a post or a role is the person who holds
/// it, not the start of the next body's name.
fn named_after_post(scan: &Scan<'_>, tok: &Token) -> bool {
    tok.tag.is_name()
        && scan
            .hits_ending_at(tok.span.start)
            .any(|h| scan.hit_is(h, [LexClass::TitleRole, LexClass::Trigger(Trigger::Honour)]))
}

/// True when the token is a name's part: a noun, a `level` character, a
/// verb right before the suffix where the name may hold one, or a word
/// the segmenter built from unknown characters (`德必`) whatever tag its
/// model guessed; but no digits, and no unknown word swallowing a
/// conjunction (`小胜及`).
fn is_name_part(scan: &Scan<'_>, tok: &Token, w: &Walk, level: bool) -> bool {
    let word = &scan.text[tok.span.range()];
    let n = word.chars().count();
    let verb_next_to_suffix = w.allow_verb && w.first && tok.tag.is_verbal();
    let verb_adjective_or_numeral =
        tok.tag.is_verbal() || tok.tag.is_adjective() || tok.tag.is_numeral();
    let unknown = n >= WORD_CHARS
        && !scan.is_known_word(word)
        && !verb_adjective_or_numeral
        && !word.contains(|c| FUNCTION_CHARS.contains(c));
    // An adjectival noun names a field as a noun does (`教育卫生委员会`).
    let adjectival_noun = tok.tag == Pos::An;
    (tok.is_nominal() || adjectival_noun || level || verb_next_to_suffix || unknown)
        && !word.chars().any(|c| c.is_ascii_digit())
        && !(n >= WORD_CHARS
            && word.chars().any(crate::lexicon::is_conjunction)
            && !scan.lex.any(word, |c| c.is_place()))
}

/// True when a post or a cue word lies inside or across the token
/// (`书记施继平率` read as one unknown word).
fn crosses_post_or_cue(scan: &Scan<'_>, tok: Span) -> bool {
    // Hits overlapping the token start at most a few characters before it.
    let from = scan.back(tok.start, CROSSING_REACH);
    scan.hits_starting_in(Span::new(from, tok.end)).any(|h| {
        h.span().overlaps(tok) && (scan.hit_is(h, LexClass::Stop) || is_post_or_cue(scan, h))
    })
}

/// A post, or a cue word that no name holds: a cue of two characters or
/// more, or `率` (one-character cues such as `和` may join a name:
/// `区发展和改革局`).
pub(crate) fn is_post_or_cue(scan: &Scan<'_>, h: &crate::matcher::Hit) -> bool {
    scan.hit_is(h, LexClass::TitleRole)
        || (scan.hit_is(h, LexClass::NameCue)
            && (scan.text[h.span().range()].chars().nth(1).is_some()
                || &scan.text[h.span().range()] == "率"))
}

/// A one-character locative (`镇域内`, `园区外`): what stands before it is
/// an area, and no name runs across it.
pub(crate) fn is_locative(word: &str) -> bool {
    let mut cs = word.chars();
    // A closed set of the grammar, kept in code.
    matches!((cs.next(), cs.next()), (Some(c), None) if matches!(c, '内' | '外' | '里' | '间' | '旁' | '边' | '后' | '前'))
}

/// `第十七届`, `十九届`: the term of a congress or committee.
fn is_term(word: &str) -> bool {
    let w = word.strip_prefix('第').unwrap_or(word);
    w.ends_with('届')
        && w.len() > '届'.len_utf8()
        && w.trim_end_matches('届').chars().all(is_numeral)
}

/// `第一`, `第二十`: an ordinal numbering bodies of one kind.
fn is_ordinal(word: &str) -> bool {
    word.strip_prefix('第')
        .is_some_and(|w| !w.is_empty() && w.chars().all(is_numeral))
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
    let first = word.chars().next().map_or(0, char::len_utf8);
    word.starts_with('各')
        || lex
            .prefixes_longer_than(word, LexClass::Grammar(Grammar::GenericOpener), first)
            .next()
            .is_some()
}

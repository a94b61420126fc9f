//! What a person's name is: a surname (single, compound, or a rare one
//! the segmenter vouches for) and one or two given-name characters, how
//! clearly a name can end at a position, and the words that look like
//! names but are not.

use super::super::Scan;
use super::super::lengths::{FULL_NAME_CHARS, MAX_GIVEN_CHARS, MIN_NAME_CHARS, WORD_CHARS};
use crate::lexicon::{LexClass, Trigger};
use crate::recognise::edge::FUNCTION_CHARS;
use crate::recognise::pos::Pos;
use crate::span::Span;
use crate::text::{LazyCharSet, is_cjk, is_clause_break};

/// Characters that never stand in a given name in this genre.
/// (Function words, adverbs that follow a subject, and level characters
/// of bodies: `于海又来到` is 于海, `罗某将在…` is 罗某.)
/// Kept in code, as `dictionaries/README.md` says of such sets: a closed
/// set of single characters of the grammar, read per character.
static NOT_IN_NAME: LazyCharSet =
    LazyCharSet::new("的了是在等对率携赴说称也就及镇区县市省局办委部又还都已曾便却亦被把将");

/// True when `hit` is a trigger word of kind `t`.
pub(crate) fn is_trigger(scan: &Scan<'_>, hit: &crate::matcher::Hit, t: Trigger) -> bool {
    scan.hit_is(hit, LexClass::Trigger(t))
}

pub(crate) fn surname_len(scan: &Scan<'_>, pos: usize) -> Option<usize> {
    surname(scan, pos).map(|(n, _)| n)
}

/// The surname at `pos`: its length in characters, and whether it is a
/// clear surname (not a character that is mostly a common word).
pub(crate) fn surname(scan: &Scan<'_>, pos: usize) -> Option<(usize, bool)> {
    let rest = scan.text.get(pos..)?.as_bytes();
    // The ends of the first one and two chars, from their lead bytes'
    // widths (no decoding).
    let one = crate::text::utf8_width(*rest.first()?);
    let two = rest
        .get(one)
        .map(|&b| pos + one + crate::text::utf8_width(b));
    let one = pos + one;
    // Every surname written at `pos` is a hit there (the automaton holds
    // every entry): its length tells one character from two. The class's
    // bit first: most hits are no surname.
    let mut found = None;
    for h in scan.hits_at(pos) {
        if !scan.hit_is(h, LexClass::Surname) {
            continue;
        }
        let end = h.span().end;
        if Some(end) == two {
            return Some((2, true));
        }
        if end == one {
            for e in scan.entries(h).filter(|e| e.class == LexClass::Surname) {
                found = Some(found.unwrap_or(false) || !e.ambiguous);
            }
        }
    }
    found.map(|strong| (1, strong))
}

/// `在某地会见…`, `在某地出席…`: a stretch right after the locative `在`
/// and before a verb is where the act takes place, not who acts; but
/// `在某某陪同下`, `在某某同志的指挥下` name the companion or the leader.
pub(crate) fn after_locative(scan: &Scan<'_>, n: Span) -> bool {
    let rest = &scan.text[n.end..];
    scan.char_before(n.start) == Some('在')
        && !rest.starts_with('的')
        && !rest.starts_with("同志")
        && !scan.hits_at(n.end).iter().any(|h| {
            is_trigger(scan, h, Trigger::Accompany)
                || is_trigger(scan, h, Trigger::Group)
                || is_trigger(scan, h, Trigger::Address)
        })
}

/// True when `word` is a cue too common to find a name on its own (`在`,
/// `和`, `代表`): marked `ambiguous=1` in the dictionary.
pub(crate) fn is_weak_cue(scan: &Scan<'_>, word: &str) -> bool {
    scan.lex
        .lookup(word)
        .any(|e| e.class == LexClass::NameCue && e.ambiguous)
}

/// [`is_weak_cue`] of the word of `hit`, read from the hit's entries (its
/// pattern's), without looking its text up.
pub(crate) fn is_weak_cue_hit(scan: &Scan<'_>, hit: &crate::matcher::Hit) -> bool {
    scan.entries(hit)
        .any(|e| e.class == LexClass::NameCue && e.ambiguous)
}

/// How clearly a name can end at `pos`: 3 a break, 2 a cue, title or
/// enumeration, 0 nothing.
pub(crate) fn end_strength(scan: &Scan<'_>, pos: usize) -> u8 {
    match scan.char_at(pos) {
        None => 3,
        Some(c) if is_clause_break(c) => 3,
        Some(_) => {
            if scan.hits_at(pos).iter().any(|h| {
                scan.hit_is(
                    h,
                    [LexClass::NameCue, LexClass::TitleRole, LexClass::TitleOrg],
                )
            }) {
                2
            } else {
                0
            }
        }
    }
}

/// Length in bytes of the longest cue, post or body starting at `pos`.
pub(crate) fn cue_len(scan: &Scan<'_>, pos: usize) -> usize {
    scan.hits_at(pos)
        .iter()
        .filter(|h| {
            scan.hit_is(
                h,
                [LexClass::NameCue, LexClass::TitleRole, LexClass::TitleOrg],
            )
        })
        .map(|h| h.span().len())
        .max()
        .unwrap_or(0)
}

/// True when `span` is shaped like a name: a surname and one or two
/// given-name characters.
pub(crate) fn name_shaped(scan: &Scan<'_>, span: Span) -> bool {
    surname(scan, span.start).is_some_and(|(sn, _)| {
        let given_start = scan.forward(span.start, sn);
        given_start < span.end
            && (1..=MAX_GIVEN_CHARS).contains(&scan.text[given_start..span.end].chars().count())
            && valid_given(&scan.text[given_start..span.end])
    })
}

pub(crate) fn valid_given(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| is_cjk(c) && !NOT_IN_NAME.contains(c))
}

/// Reads a name starting at `pos` when something says one must be there.
pub(crate) fn read_name(scan: &Scan<'_>, pos: usize) -> Option<Span> {
    let sn = surname_len(scan, pos).or_else(|| rare_surname(scan, pos))?;
    let given_start = scan.forward(pos, sn);
    let mut cands = Vec::with_capacity(MAX_GIVEN_CHARS);
    for g in 1..=MAX_GIVEN_CHARS {
        let end = scan.forward(given_start, g);
        if scan.text[given_start..end].chars().count() != g
            || !valid_given(&scan.text[given_start..end])
            || (g == MAX_GIVEN_CHARS
                && surname_before_address(scan, pos, sn, scan.forward(given_start, 1)))
        {
            break;
        }
        cands.push((end, end_strength(scan, end)));
    }
    if cands.len() < MAX_GIVEN_CHARS
        && let Some(n) = with_level_char(scan, pos, given_start)
    {
        return Some(n);
    }
    let (e1, s1) = *cands.first()?;
    let best = match cands.get(1) {
        None => (e1, s1),
        // `罗某以及`: a conjunction that starts at the third character and
        // runs past it ends a two-character name.
        Some(&(e2, _)) if word_across(scan, pos, e1, e2) => (e1, s1),
        // `王明/nr 为/p 主席`: a name of two the segmenter tags, then a
        // preposition it reads alone.
        Some(_) if name_then_preposition(scan, pos, e1) => (e1, s1),
        Some(&(e2, s2)) => {
            if s2 == s1 && s2 == 2 && cue_len(scan, e1) > cue_len(scan, e2) {
                // `于勇来到`: the longer cue decides.
                (e1, s1)
            } else if s2 > s1 || (s2 == s1 && s2 > 0) {
                (e2, s2)
            } else if s1 > s2 {
                (e1, s1)
            } else if ends_after_two(scan, pos, e1, e2) {
                (e1, 1)
            } else {
                (e2, 1)
            }
        }
    };
    Some(Span::new(pos, best.0))
}

/// `孙某孙女士`, `王某王先生`: the one-character surname at `pos`
/// written again at `at` before a form of address opens the address, not
/// the given name.
fn surname_before_address(scan: &Scan<'_>, pos: usize, sn: usize, at: usize) -> bool {
    let surname = &scan.text[pos..scan.forward(pos, sn)];
    sn == 1
        && scan.text[at..].starts_with(surname)
        && scan
            .hits_at(at + surname.len())
            .iter()
            .any(|h| is_trigger(scan, h, Trigger::Address))
}

/// Level characters of bodies: they stand in given names too (`黄镇东`),
/// but only where the segmenter reads the whole name as one.
/// Kept in code, as `dictionaries/README.md` says of such sets: a closed
/// set of single characters of the grammar, read per character.
const LEVEL_CHARS: &str = "镇区县市省局办委部";

/// `黄镇东在会上说`: a name with a level character in its given name (or
/// a function character opening it: `孟在琪等`), read as one name by the
/// segmenter and ending where names end.
fn with_level_char(scan: &Scan<'_>, pos: usize, given_start: usize) -> Option<Span> {
    let tokens = scan.tokens_around(pos);
    let t = tokens
        .iter()
        .find(|t| t.span.start == pos && t.tag.is_name())?;
    let given = scan.text.get(given_start..t.span.end)?;
    let level = given.chars().any(|c| LEVEL_CHARS.contains(c))
        && given
            .chars()
            .all(|c| is_cjk(c) && (LEVEL_CHARS.contains(c) || !NOT_IN_NAME.contains(c)));
    let ok = (1..=MAX_GIVEN_CHARS).contains(&given.chars().count())
        && (level || function_char_opens_given(given))
        && end_strength(scan, t.span.end) > 0;
    ok.then_some(t.span)
}

/// `田曾佩`, `向在远`: a given name of two characters whose first one is
/// a function character (`曾`, `在`), read as one name by the segmenter;
/// the last one must be a name's (`罗某将` stays 罗某).
fn function_char_opens_given(given: &str) -> bool {
    let mut chars = given.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(a), Some(b), None) if NOT_IN_NAME.contains(a) && is_cjk(b) && !NOT_IN_NAME.contains(b)
    )
}

/// True when the segmenter reads a conjunction of its dictionary from
/// `e1` past `e2` (`以及`; a verb or a preposition there is as often the
/// name's misreading: `王家波及县法院`, `陈某东为`).
fn word_across(scan: &Scan<'_>, pos: usize, e1: usize, e2: usize) -> bool {
    scan.tokens_around(pos).iter().any(|t| {
        t.span.start == e1
            && t.span.end > e2
            && t.tag == Pos::C
            && scan.is_known_word(&scan.text[t.span.range()])
    })
}

/// True when the segmenter tags `pos..e1` (two characters) as a name and
/// reads the character after it alone as a preposition or conjunction:
/// `为` of an appointment or one of the grammar's function characters
/// (`王明/nr 为/p 主席`, `胡某/nr 和/c 来到`; not `所`, which it tags so
/// inside names): the name ends there, whatever follows the preposition.
/// A longer name it tags whole (`某某为/nr`) is not read apart.
fn name_then_preposition(scan: &Scan<'_>, pos: usize, e1: usize) -> bool {
    let tokens = scan.tokens_around(pos);
    tokens
        .iter()
        .any(|t| t.span.start == pos && t.span.end == e1 && t.tag.is_name())
        && tokens.iter().any(|t| {
            let mut chars = scan.text[t.span.range()].chars();
            t.span.start == e1
                && chars
                    .next()
                    .is_some_and(|c| c == '为' || FUNCTION_CHARS.contains(c))
                && chars.next().is_none()
                && matches!(t.tag, Pos::P | Pos::C)
        })
}

/// When nothing after them decides between a two- and a three-character
/// name at `pos` (ending at `e1` and `e2`): the two-character one when a
/// word starts at the third character and runs past it while none starts
/// at the fourth (`李鹏总理`, `王标报道`, but `符文忠告诉`), or when the third
/// character is a function word (`陈旭为`), unless jieba knows the
/// three-character one as a name. Otherwise the common three-character
/// name.
fn ends_after_two(scan: &Scan<'_>, pos: usize, e1: usize, e2: usize) -> bool {
    let is_name_tag = |t: Pos| t.is_name();
    if scan.word_tag(&scan.text[pos..e2]).is_some_and(is_name_tag) {
        return false;
    }
    let word_at = |at: usize| {
        (2..=4).rev().any(|k| {
            let end = scan.forward(at, k);
            let w = &scan.text[at..end];
            w.chars().count() == k
                && w.chars().all(is_cjk)
                && scan.word_tag(w).is_some_and(|t| !is_name_tag(t))
        })
    };
    // `符文忠告诉`: a word also starts after the third character, which
    // then ends the name.
    let runs_past = word_at(e1) && !word_at(e2);
    let tokens = scan.tokens_around(pos);
    // `刘海生曾`, `周望军公开`: an adverb right after the third character
    // follows the whole name.
    let adverb = |t: Pos| matches!(t, Pos::D | Pos::Ad);
    if scan
        .word_tag(&scan.text[e2..scan.forward(e2, 1)])
        .is_some_and(adverb)
        || tokens
            .iter()
            .any(|t| t.span.start == e2 && t.span.end > e2 && adverb(t.tag))
    {
        return false;
    }
    // `某某出/nr 了/ul`: a third character that is a verb with its aspect
    // particle right after it is the verb the name is the subject of.
    let aspect_after = tokens
        .iter()
        .any(|t| t.span.start == e2 && t.tag.is_aspect());
    if aspect_after
        && scan
            .word_tag(&scan.text[e1..e2])
            .is_some_and(|t| t.is_verb())
    {
        return true;
    }
    // `某泉根/nr 成为`: a third character the dictionary tags as a function
    // word belongs to the name where the segmenter reads all three as one.
    let read_whole = tokens
        .iter()
        .any(|t| t.span == Span::new(pos, e2) && is_name_tag(t.tag));
    runs_past
        || (!read_whole
            && scan
                .word_tag(&scan.text[e1..e2])
                .is_some_and(|t| FUNCTION_TAGS.contains(&t)))
        || tokens
            .iter()
            .any(|t| t.span.start == e1 && t.span.end > e2 && !is_name_tag(t.tag))
        // `李鹏/nr 曾/d`: the segmenter ends the name after two.
        || (tokens
            .iter()
            .any(|t| t.span.start == pos && t.span.end == e1 && is_name_tag(t.tag))
            && tokens
                .iter()
                .any(|t| t.span.start == e1 && !is_name_tag(t.tag)))
}

/// The segmenter's tags of words that start no given name: prepositions,
/// conjunctions, particles, pronouns (adverbs are given names too: `均`).
const FUNCTION_TAGS: &[Pos] = &[
    Pos::P,
    Pos::C,
    Pos::U,
    Pos::Uj,
    Pos::Ul,
    Pos::Ud,
    Pos::Uz,
    Pos::R,
];

/// A surname that is not in the lexicon (`茆`, `仉`): one character the
/// segmenter tags as a person's name on its own.
fn rare_surname(scan: &Scan<'_>, pos: usize) -> Option<usize> {
    let c = scan
        .char_at(pos)
        .filter(|&c| is_cjk(c) && !NOT_IN_NAME.contains(c))?;
    scan.tokens_around(pos)
        .iter()
        .any(|t| t.span.start == pos && t.span.len() == c.len_utf8() && t.tag == Pos::Nr)
        .then_some(1)
}

/// Spans that look like names but are lexicon words of another kind, or
/// common words the segmenter knows (`满意`, `养老`, `高效`).
pub(crate) fn is_not_a_name(scan: &Scan<'_>, n: Span) -> bool {
    not_a_name(scan, n, false)
}

/// [`is_not_a_name`] where a post stands right before the span: a rare
/// word of the segmenter's dictionary that opens with a clear surname is
/// trusted as the name the post announces (`国务委员罗干`).
pub(crate) fn is_not_a_name_after_post(scan: &Scan<'_>, n: Span) -> bool {
    not_a_name(scan, n, true)
}

/// The surname a name opens with, as [`surname`] reads it at its start:
/// read once, asked by every test of [`not_a_name`].
type Opening = Option<(usize, bool)>;

/// True when a name opens with a clear surname (not a character that is
/// mostly a common word).
fn clear_surname(opening: Opening) -> bool {
    matches!(opening, Some((_, true)))
}

/// True when `w` is a rare dictionary word opening with a clear surname.
fn rare_word_with_surname(scan: &Scan<'_>, w: &str, opening: Opening) -> bool {
    clear_surname(opening) && scan.is_rare_word(w)
}

/// True when the name at `n` reads as something else; `after_post` trusts
/// a rare dictionary word that opens with a clear surname.
fn not_a_name(scan: &Scan<'_>, n: Span, after_post: bool) -> bool {
    let w = &scan.text[n.range()];
    if scan.lex.is(w, LexClass::Person) {
        return false;
    }
    let opening = surname(scan, n.start);
    (scan.word_tag(w).is_some_and(|t| !t.is_name())
        && !(after_post && rare_word_with_surname(scan, w, opening)))
        || weak_surname_reads_as_words(scan, n, opening)
        || given_is_a_cue(scan, n, opening)
        || surname_and_address(scan, n, opening)
        || surname_and_post(scan, n)
        || lexicon_reads_otherwise(scan, w, after_post && clear_surname(opening))
        || ends_in_a_suffix(scan, n)
        || opens_inside_word(scan, n)
}

/// `慰问金和…`, `慰问金后`: the name's first characters end a common word
/// of the segmenter's dictionary that starts before it (`慰问金`), so the
/// name would start inside a word; not after a post, whose last character
/// the segmenter may read with the surname (`主任何某`: `任何`).
fn opens_inside_word(scan: &Scan<'_>, n: Span) -> bool {
    scan.token_containing(n.start).is_some_and(|t| {
        t.span.start < n.start
            && t.span.end <= n.end
            && !t.tag.is_name()
            && scan.is_known_word(&scan.text[t.span.range()])
            && scan
                .longest_ending_at(n.start, LexClass::TitleRole)
                .is_none()
    })
}

/// A surname character that is mostly a common word, read as the word:
/// before a verb (`和听取`), before a word for people (`和同学`,
/// `向记者`), or a conjunction glued to a name that has its own surname
/// (`和李明`).
fn weak_surname_reads_as_words(scan: &Scan<'_>, n: Span, opening: Opening) -> bool {
    let Some((sn, false)) = opening else {
        return false;
    };
    let w = &scan.text[n.range()];
    let given = &scan.text[scan.forward(n.start, sn)..n.end];
    scan.word_tag(given)
        .is_some_and(|t| t.is_verbal() || t.is_adverb() || matches!(t, Pos::P | Pos::C))
        || scan.lex.any(given, |c| {
            matches!(
                c,
                LexClass::Trigger(Trigger::Honour | Trigger::Byline | Trigger::Address)
            )
        })
        || (scan
            .word_tag(&w[..w.len() - given.len()])
            .is_some_and(|t| matches!(t, Pos::C | Pos::P))
            && surname(scan, scan.forward(n.start, sn)).is_some_and(|(_, clear)| clear))
}

/// `时强调`, `曾表示`, `向记者`: a character that is also a surname, then a
/// cue word of two characters (a speech verb) or a byline word: the clause
/// goes on, no name stands there.
fn given_is_a_cue(scan: &Scan<'_>, n: Span, opening: Opening) -> bool {
    let Some((sn, _)) = opening else {
        return false;
    };
    let given = &scan.text[scan.forward(n.start, sn)..n.end];
    given.chars().count() >= MAX_GIVEN_CHARS
        && scan.lex.lookup(given).any(|e| {
            (e.class == LexClass::NameCue && !e.ambiguous)
                || e.class == LexClass::Trigger(Trigger::Byline)
        })
}

/// `李先生`, `王某`: a surname and a form of address.
fn surname_and_address(scan: &Scan<'_>, n: Span, opening: Opening) -> bool {
    let w = &scan.text[n.range()];
    opening.is_some_and(|(sn, _)| {
        scan.lex
            .any(&w[scan.forward(n.start, sn) - n.start..], |c| {
                c == LexClass::Trigger(Trigger::Address)
            })
    })
}

/// The fewest bytes of a post inside a name that makes it a surname and
/// a post (two characters).
const MIN_POST_BYTES: usize = 6;

/// `陈书记`, `王镇长`: a surname and a post.
fn surname_and_post(scan: &Scan<'_>, n: Span) -> bool {
    // Hits start at chars: those after the first char of the name.
    scan.hits_starting_in(Span::new(n.start + 1, n.end))
        .any(|h| {
            h.span().end <= n.end
                && h.span().len() >= MIN_POST_BYTES
                && scan.hit_is(h, LexClass::TitleRole)
        })
}

/// The lexicon reads the whole as a place, a body, a post, a stop phrase,
/// a cue or a suffix.
///
/// After a post, a name with a clear surname may also be a place's short
/// form (`副行长王益`, `王益` of 王益区): a post names a person.
fn lexicon_reads_otherwise(scan: &Scan<'_>, w: &str, after_post: bool) -> bool {
    scan.lex.lookup(w).any(|e| {
        (place_rules_out_name(scan, e) && !(after_post && e.class == LexClass::PlaceShort))
            || matches!(
                e.class,
                LexClass::Org
                    | LexClass::TitleRole
                    | LexClass::TitleOrg
                    | LexClass::Stop
                    | LexClass::NameCue
                    | LexClass::OrgSuffix
                    | LexClass::PlaceSuffix
            )
    })
}

/// A name does not end in a place or org suffix (`七宝镇`), unless `同志`
/// says it is one (`主任赵贡桥同志`); a one-character suffix that is
/// also a common given-name character (`城`, `华` …: a closed set of
/// single characters, kept in code) does not count.
fn ends_in_a_suffix(scan: &Scan<'_>, n: Span) -> bool {
    !scan.text[n.end..].starts_with("同志")
        && scan.hits_ending_at(n.end).any(|h| {
            h.span().start > n.start
                && scan.hit_is(h, [LexClass::OrgSuffix, LexClass::PlaceSuffix])
                && (h.span().len() >= MIN_POST_BYTES
                    || !"城山江湖林园华".contains(&scan.text[h.span().range()]))
        })
}

/// True when the lexicon entry `e` says its text is a place and so no
/// name. The short form of a township (`张明` of 张明乡) is as often a
/// person's name: only divisions, sites and shorts of counties and above
/// count.
pub(crate) fn place_rules_out_name(scan: &Scan<'_>, e: &crate::lexicon::Entry) -> bool {
    match e.class {
        LexClass::PlaceShort => e
            .full
            .as_deref()
            .and_then(|f| super::super::place::level_of(scan, f))
            .is_none_or(|l| l < crate::lexicon::Level::Town),
        c => c.is_place(),
    }
}

/// A 2–3 character name standing on its own at `pos` (followed by a break).
pub(crate) fn standalone_name(scan: &Scan<'_>, pos: usize) -> Option<Span> {
    let sn = surname_len(scan, pos)?;
    for len in [FULL_NAME_CHARS, MIN_NAME_CHARS] {
        if len <= sn {
            continue;
        }
        let end = scan.forward(pos, len);
        let s = Span::new(pos, end);
        if scan.text[pos..end].chars().count() != len {
            continue;
        }
        if !valid_given(&scan.text[scan.forward(pos, sn)..end]) {
            continue;
        }
        if scan.is_break_at(end) && !is_not_a_name(scan, s) {
            return Some(s);
        }
    }
    None
}

/// Sides of a photo a person is shown at, written in brackets after the
/// name (`某某(左二)`): a closed set of two characters, kept in code.
const PHOTO_SIDES: &str = "左右";

/// The numerals of a position in a photo (`左一` … `右九`).
const POSITION_NUMERALS: &str = "一二三四五六七八九十";

/// Characters a word is followed by to make an adverb (`高兴地`) or a
/// place inside something (`贺信中`, `任上`): a closed set, kept in code.
const WORD_TAILS: &str = "地中上里内";

/// True when `n` has the shape of no name whatever rule read it: a
/// position in a photo (`左二`), a known word with an adverb's `地` or a
/// locative after it (`高兴地`, `贺词中`), a withheld name run on
/// (`李某为`), or a numeral word after the surname (`谈一下`). The segmenter's own tag of the
/// whole says too little: it tags some famous names as times.
pub(crate) fn is_no_name_shape(scan: &Scan<'_>, n: Span) -> bool {
    let w = &scan.text[n.range()];
    let (Some(first), Some(last)) = (w.chars().next(), w.chars().next_back()) else {
        return false;
    };
    let n_chars = w.chars().count();
    if n_chars == WORD_CHARS && PHOTO_SIDES.contains(first) && POSITION_NUMERALS.contains(last) {
        return true;
    }
    let stem = &w[..w.len() - last.len_utf8()];
    (n_chars > WORD_CHARS
        && WORD_TAILS.contains(last)
        && scan.is_known_word(stem)
        && scan.word_tag(stem).is_some_and(|t| !t.is_name()))
        || withheld_and_more(w)
        || numeral_given(scan, w)
}

/// `李某为…`, `杨某原是…`: `某` after a one-character surname stands for
/// the withheld given name, so a character after it is the next word's.
fn withheld_and_more(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next();
    chars.next() == Some('某') && chars.next().is_some()
}

/// `请老师谈一下`: a surname's character before a numeral word of the
/// segmenter's dictionary that opens with `一` (`一下`, `一些`) is a verb
/// and its measure (but `万年`, `千里` are given names).
fn numeral_given(scan: &Scan<'_>, w: &str) -> bool {
    let given = w.char_indices().nth(1).map_or("", |(i, _)| &w[i..]);
    given.starts_with('一')
        && given.chars().count() >= WORD_CHARS
        && scan
            .word_tag(given)
            .is_some_and(|t| t.is_numeral() || t == Pos::Q)
}

/// True when the segmenter reads exactly `span` as a name.
pub(crate) fn tagged_exactly(scan: &Scan<'_>, span: Span) -> bool {
    scan.tokens_around(span.start)
        .iter()
        .any(|t| t.span == span && t.tag.is_name())
}

#[cfg(test)]
mod tests {
    use super::withheld_and_more;

    #[test]
    fn a_withheld_given_name_ends_the_name() {
        assert!(withheld_and_more("李某为"));
        assert!(!withheld_and_more("李某"));
        assert!(!withheld_and_more("李明为"));
    }
}

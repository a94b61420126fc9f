//! Names the segmenter proposes anywhere in the text: its person tags
//! (`nr`), and transliterated or minority names joined by `·`
//! (`买买提·艾力`). jieba tags a person right about four times in five, so
//! a proposal is kept only with evidence around it, the way this genre
//! writes names:
//!
//! - before it, a post (`外交部长甲`), a verb that takes a person (`会见甲`,
//!   `选举甲为…`), a byline word (`记者甲`); more weakly, the start of a
//!   clause or a conjunction (`和甲`);
//! - after it, a cue word (`甲表示`, `甲等`, `甲一行`) or a post (`甲总理`);
//!   more weakly, a break.
//!
//! A clear surname needs one strong piece of evidence, or two weak ones; a
//! surname that is mostly a common word (`和`, `方`) needs more. A span the
//! lexicon or another recogniser reads as a place or a body is no name.

use super::super::index::MentionIndex;
use super::super::lengths::{FULL_NAME_CHARS, WORD_CHARS};
use super::super::segment::Token;
use super::super::{Mention, Scan};
use super::name::{
    after_locative, is_not_a_name, is_trigger, is_weak_cue, name_shaped, read_name, surname,
    tagged_exactly,
};
use crate::lexicon::{LexClass, Trigger};
use crate::recognise::pos::Pos;
use crate::rules::Rule;
use crate::span::Span;
use crate::text::{is_cjk, is_clause_break};
use hashbrown::HashSet;

/// Two weak signs vouch for a name with a clear surname as one strong one
/// does (see [`Evidence::enough`]).
const TWO_WEAK_SIGNS: u8 = 2;

/// How much a surname that is mostly a common word needs (see [`Evidence::enough`]).
const WEAK_SURNAME_EVIDENCE: u8 = 3;
/// The shortest name in Latin letters read after a post, in letters.
const MIN_LATIN_NAME: usize = 3;
/// The longest name without a known surname read after a post, in chars.
const MAX_PLAIN_NAME: usize = 4;
/// The longest part of a transliterated name between `·`, in chars.
const MAX_TRANSLITERATED_PART: usize = 8;

/// The shortest form of address or role after a name that vouches for it,
/// in bytes (two characters: `先生`, `博士`; `总` of `王总` also opens `总结`).
const MIN_ADDRESS_BYTES: usize = 6;

/// Characters before a name that join it to what comes before
/// (`和甲`, `由甲`): weak evidence, as a clause start is.
/// Kept in code, as `dictionaries/README.md` says of such sets: a closed
/// set of single characters of the grammar, read per character.
const LINKS: &str = "和与及同跟由对向请让给将把被以";

/// Of [`LINKS`], those that join one party to another (`同某某总统会谈`):
/// the conjunctions and `同`, `跟`, rarely the last character of another
/// word (`可以`, `所以` end in `以`).
fn joins_parties(c: char) -> bool {
    crate::lexicon::is_conjunction(c) || matches!(c, '同' | '跟')
}

/// The signs around a proposed name.
#[derive(Debug, Clone, Copy, Default)]
struct Evidence {
    /// Strong signs: a post, a verb that takes a person or a byline word
    /// before; a cue word or a post after.
    strong: u8,
    /// Weak signs: a clause start or a conjunction before; a break after,
    /// or `在` after a clause start (`某某在…`).
    weak: u8,
    /// The name's length in chars.
    chars: u8,
    /// A post ends right before the name.
    after_post: bool,
    /// A role or an honour (`主帅`, `球星`, `画家`) ends right before the
    /// name: it says a person follows as a post does, but the segmenter's
    /// common words after it (`顾问博客`) need a clear end.
    after_role: bool,
}

impl Evidence {
    fn score(self) -> u8 {
        2 * self.strong + self.weak
    }

    /// Enough for a name with a clear surname: one strong sign, or two weak
    /// ones when jieba found the name itself or it has three characters
    /// (jieba's dictionary tags some common two-character words as names:
    /// `蓝图`, `养老`).
    fn enough(self, clear_surname: bool, in_dictionary: bool) -> bool {
        if !clear_surname {
            return self.score() >= WEAK_SURNAME_EVIDENCE && self.strong > 0;
        }
        self.strong > 0
            || (self.weak >= TWO_WEAK_SIGNS
                && (!in_dictionary || usize::from(self.chars) >= FULL_NAME_CHARS))
    }
}

/// Proposed names with their rule: `taken` holds the places and bodies
/// found, `title_ends` where titles end.
pub(crate) fn find(
    scan: &Scan<'_>,
    tokens: &[Token],
    title_ends: &HashSet<usize>,
    taken: &MentionIndex,
) -> Vec<(Span, Rule)> {
    let around = Around {
        scan,
        title_ends,
        taken,
    };
    let mut out = Vec::new();
    // A transliterated name is joined by a dot: without one in the text
    // (most texts), no token opens one, and none is asked.
    let dotted = scan.non_ideographs().any(|(_, c)| is_dot_char(c));
    let mut i = 0;
    while i < tokens.len() {
        if dotted && let Some((span, next, tagged)) = transliterated(scan, tokens, i) {
            let all_tagged = tokens[i..next]
                .iter()
                .all(|t| t.tag.is_name() || is_dot(&scan.text[t.span.range()]));
            out.extend(around.transliterated(span, tagged, all_tagged));
            i = next;
            continue;
        }
        let (t, next) = if tokens[i].tag.is_name() {
            surname_and_given(scan, tokens, i)
                .unwrap_or_else(|| joined_transliteration(scan, tokens, i))
        } else {
            (tokens[i], i + 1)
        };
        i = next;
        out.extend(around.segmenter_name(t));
    }
    out
}

/// A post's evidence plus this score at least vouches for a name with no
/// surname the lexicon knows, or one in Latin letters.
const AFTER_POST_SCORE: u8 = 3;

/// The fewest bytes of a transliteration the segmenter tags `nrt` (three
/// characters).
const MIN_NRT_BYTES: usize = 9;

/// Strong signs on both sides of a name: a post or a role before it, a
/// cue or a form of address after it.
const BOTH_SIDES: u8 = 2;

/// The characters of a short transliteration read after a post or a role.
const SHORT_NRT_CHARS: u8 = 2;

/// The segmenter's name and the name's own reading may end this many
/// bytes apart (one character).
const MAX_END_DRIFT_BYTES: usize = 3;

/// What the rules ask around a proposed name.
struct Around<'s, 't> {
    scan: &'s Scan<'t>,
    title_ends: &'s HashSet<usize>,
    taken: &'s MentionIndex,
}

impl Around<'_, '_> {
    fn evidence(&self, span: Span) -> Evidence {
        evidence(self.scan, span, self.title_ends)
    }

    /// `person.transliterated`: a name joined by `·`, its last part read
    /// over its sound characters, not the segmenter's words
    /// (`吕特格/nr 尔斯/nrt`, `萨维为`).
    ///
    /// Parts the segmenter tags as names, every one (`詹姆斯/nr ·/x
    /// 米勒/nrt`), need nothing around them: the dot joins a foreign name.
    fn transliterated(&self, span: Span, tagged: bool, all_tagged: bool) -> Option<(Span, Rule)> {
        let scan = self.scan;
        let dots = |s: Span| {
            scan.text[s.range()]
                .chars()
                .filter(|&c| is_dot_char(c))
                .count()
        };
        let span = super::foreign::read(scan, span.start)
            .filter(|&f| dots(f) == dots(span))
            .or_else(|| super::foreign::sounds_on(scan, span))
            .unwrap_or(span);
        let e = self.evidence(span);
        (!overlaps(self.taken, span) && (e.strong > 0 || (tagged && e.score() >= 1) || all_tagged))
            .then_some((span, Rule::PersonTransliterated))
    }

    /// `person.segmenter`: a token the segmenter tags as a name, or a
    /// Latin word after a post, with enough evidence around it.
    fn segmenter_name(&self, t: Token) -> Option<(Span, Rule)> {
        let found = if t.tag == Pos::Eng {
            self.latin_name(t)
        } else if !t.tag.is_name() {
            None
        } else if t.tag == Pos::Nrt {
            self.transliteration(t)
                .or_else(|| self.short_transliteration(t))
        } else if let Some((sn, clear)) = surname(self.scan, t.span.start) {
            self.with_surname(t, clear)
                .or_else(|| self.after_lone_surname(t, sn, clear))
        } else {
            self.without_surname(t)
        };
        found
            .filter(|&s| !swallows_credit(self.scan, s) && !after_locative(self.scan, s))
            .map(|s| (s, Rule::PersonSegmenter))
    }

    /// `副总裁Danny表示`: a name in Latin letters right after a post.
    fn latin_name(&self, t: Token) -> Option<Span> {
        let e = self.evidence(t.span);
        let w = &self.scan.text[t.span.range()];
        ((e.after_post || e.after_role)
            && e.score() >= AFTER_POST_SCORE
            && w.len() >= MIN_LATIN_NAME
            && w.bytes().all(|b| b.is_ascii_alphabetic()))
        .then_some(t.span)
    }

    /// A transliteration the segmenter tags `nrt`, of three characters or
    /// more, that the lexicon reads as nothing but a surname, with strong
    /// evidence.
    fn transliteration(&self, t: Token) -> Option<Span> {
        (t.span.len() >= MIN_NRT_BYTES
            && !overlaps(self.taken, t.span)
            && !self
                .scan
                .lex
                .any(&self.scan.text[t.span.range()], |c| c != LexClass::Surname)
            && self.evidence(t.span).strong > 0)
            .then_some(t.span)
    }

    /// `主教练佐拉目前…`, `球星佐拉接手…`: a transliteration of two
    /// characters the segmenter tags `nrt`, right after a post or a role,
    /// where a name ends clearly (a break, a cue, a function character, a
    /// verb).
    fn short_transliteration(&self, t: Token) -> Option<Span> {
        let e = self.evidence(t.span);
        ((e.after_post || e.after_role)
            && e.chars == SHORT_NRT_CHARS
            && super::foreign::ends_clearly(self.scan, t.span.end)
            && !overlaps(self.taken, t.span)
            && !is_not_a_name(self.scan, t.span))
        .then_some(t.span)
    }

    /// No surname the lexicon knows (`丹增`, a rare one): after a post, with
    /// a break or a cue after it; a transliteration of three characters or
    /// more needs only the post.
    fn without_surname(&self, t: Token) -> Option<Span> {
        let e = self.evidence(t.span);
        let chars = self.scan.text[t.span.range()].chars().count();
        let long = chars >= FULL_NAME_CHARS;
        // `检察长布朗的…`, `检察长布朗再…`: right after a post, ending clearly.
        let placed = e.after_post
            && (e.score() >= AFTER_POST_SCORE || long || ends_clearly_or_de(self.scan, t.span.end))
            || e.after_role && self.ends_after_role(t.span);
        // `克林顿总统在…`, `某某上将称`: a clause opens with it and a post
        // or a role follows it.
        // `同克林顿总统会谈`: or a conjunction opens it.
        let titled = e.strong > 0
            && (self.scan.is_break_before(t.span.start)
                || self
                    .scan
                    .char_before(t.span.start)
                    .is_some_and(joins_parties))
            && post_after(self.scan, t.span.end);
        ((placed || titled)
            && (2..=MAX_PLAIN_NAME).contains(&chars)
            && !overlaps(self.taken, t.span)
            && !is_not_a_name(self.scan, t.span))
        .then_some(t.span)
    }

    /// `主帅卡马乔的…`, `主帅卡马乔钦点…`: after a role, a name without a
    /// known surname that is no common word of the segmenter's dictionary
    /// and ends clearly (a break, a cue, a function character, a verb, `的`).
    fn ends_after_role(&self, n: Span) -> bool {
        let scan = self.scan;
        !scan.is_frequent_word(&scan.text[n.range()]) && ends_clearly_or_de(scan, n.end)
    }

    /// A name with a surname: its own reading, which must agree with the
    /// segmenter's within a character, with enough evidence.
    fn with_surname(&self, t: Token, clear: bool) -> Option<Span> {
        let n = read_name(self.scan, t.span.start)?;
        self.reading_with_surname(n, t, clear).or_else(|| {
            // `周小燕教授`: the segmenter's longer reading, where the name's
            // own reading stops a character short and finds no evidence.
            (t.span.end > n.end
                && name_shaped(self.scan, t.span)
                && self.evidence(t.span).strong > 0)
                .then(|| self.reading_with_surname(t.span, t, clear))
                .flatten()
        })
    }

    /// `营销经理姜/nr 丹丹/ns 女士`, `分析员庞/nr 辰光/nz 表示`: the segmenter
    /// tags the clear surname alone and cuts the given name into another
    /// word; the name's own reading stands where a post or a role comes
    /// before it and a cue, a form of address or a break after it, or
    /// right after a post or a role where the name ends clearly (a weak
    /// cue, a verb: `代理律师闫/nr 大为/d 在…`, `负责人赵/nr 成龙/nr 向…`).
    fn after_lone_surname(&self, t: Token, sn: usize, clear: bool) -> Option<Span> {
        let scan = self.scan;
        if !clear || scan.forward(t.span.start, sn) != t.span.end {
            return None;
        }
        let n = read_name(scan, t.span.start)?;
        let e = self.evidence(n);
        // `嫌疑人杨某原是…`: `某` stands for a withheld given name.
        let placed = (e.after_post || e.after_role)
            && super::foreign::ends_clearly(scan, n.end)
            && !scan.text[n.range()].contains('某');
        (n.end > t.span.end
            && name_shaped(scan, n)
            && (e.strong >= BOTH_SIDES || (e.strong > 0 && (e.weak > 0 || placed)))
            && !overlaps(self.taken, n)
            && !is_not_a_name(scan, n))
        .then_some(n)
    }

    /// The name read at `n` (for the segmenter's token `t`), with enough
    /// evidence.
    fn reading_with_surname(&self, n: Span, t: Token, clear: bool) -> Option<Span> {
        if n.end.abs_diff(t.span.end) > MAX_END_DRIFT_BYTES
            || overlaps(self.taken, n)
            || is_not_a_name(self.scan, n)
        {
            return None;
        }
        let w = &self.scan.text[n.range()];
        let known = self.scan.is_known_word(w);
        let e = self.evidence(n);
        // A rare word of the dictionary that the segmenter reads as exactly
        // this name (`某某/nr 在…`) counts as unknown: its common words
        // tagged as names (`蓝图`, `养老`) are frequent.
        let common = known && (n != t.span || self.scan.is_frequent_word(w));
        // With no sign around it, a noun for people before it (not a place's
        // or a body's name: `某某铁路` + a station) and a clear end after it.
        let ends = || {
            after_noun(self.scan, n.start)
                && self.taken.ending_at(n.start).next().is_none()
                && ends_clearly_or_de(self.scan, n.end)
        };
        (e.enough(clear, common) || unseen_full_name(n, t, clear, known, e, ends)).then_some(n)
    }
}

/// True when a post, or a role or a form of address of two characters or
/// more, starts at `pos` (`总统`, `上将`, `教授`).
fn post_after(scan: &Scan<'_>, pos: usize) -> bool {
    scan.hits_at(pos).iter().any(|h| {
        scan.hit_is(h, LexClass::TitleRole)
            || (h.span().len() >= MIN_ADDRESS_BYTES
                && (is_trigger(scan, h, Trigger::Honour) || is_trigger(scan, h, Trigger::Address)))
    })
}

/// `困难户某某某,`, `根据某某某的…`: three characters with a clear surname
/// that the segmenter reads as exactly one name though its dictionary does
/// not hold them (its model of names found them), with one weak sign
/// around them, or none but a noun for people before them and a clear end
/// after them (`ends`: `店主某某已经…`). A dictionary word (`养老`, `蓝图`)
/// or a two-character one still needs more.
fn unseen_full_name(
    n: Span,
    t: Token,
    clear: bool,
    known: bool,
    e: Evidence,
    ends: impl Fn() -> bool,
) -> bool {
    n == t.span
        && clear
        && !known
        && usize::from(e.chars) == FULL_NAME_CHARS
        && (e.weak >= 1 || ends())
}

/// True when the segmenter's word right before `pos` is a noun (`店主`,
/// `老伴`) or `的`: the name it describes or owns, not a site after a verb.
fn after_noun(scan: &Scan<'_>, pos: usize) -> bool {
    scan.tokens_around(pos)
        .iter()
        .any(|t| t.span.end == pos && matches!(t.tag, Pos::N | Pos::Nr | Pos::Eng | Pos::Uj))
}

/// `，娄/nr 东明/nr`, `：卢/nr 天骄/nr`: a surname the segmenter tags alone
/// and the given name it tags as another name right after it, joined back
/// into the one name they write where the surname opens a word (no
/// ideograph before it but a link: `战兵王/nr 某某/nr` is a word and a
/// name); the token after it.
fn surname_and_given(scan: &Scan<'_>, tokens: &[Token], i: usize) -> Option<(Token, usize)> {
    let (t, given) = (tokens[i], tokens.get(i + 1)?);
    let (sn, _) = surname(scan, t.span.start)?;
    let joined = Span::new(t.span.start, given.span.end);
    let opens = scan
        .char_before(t.span.start)
        .is_none_or(|c| !is_cjk(c) || LINKS.contains(c));
    (opens
        && t.tag == Pos::Nr
        && given.tag == Pos::Nr
        && given.span.start == t.span.end
        && scan.forward(t.span.start, sn) == t.span.end
        && name_shaped(scan, joined))
    .then_some((
        Token {
            span: joined,
            tag: Pos::Nr,
        },
        i + 2,
    ))
}

/// `梅德韦/nr 杰夫/nrt`: a transliteration cut in two, joined back from the
/// name token at `i`; the token after it.
fn joined_transliteration(scan: &Scan<'_>, tokens: &[Token], i: usize) -> (Token, usize) {
    let mut t = tokens[i];
    let mut i = i + 1;
    while let Some(next) = tokens.get(i).filter(|n| {
        n.span.start == t.span.end && n.tag.is_name() && (n.tag == Pos::Nrt || t.tag == Pos::Nrt)
    }) {
        // `某某蒂斯/nrt 光荣/nr 当选`: a frequent word the dictionary tags as
        // a Chinese name after a transliteration is the next word, neither
        // another part nor a name of its own (`二世/nrt` is a part).
        if next.tag == Pos::Nr && scan.is_frequent_word(&scan.text[next.span.range()]) {
            return (t, i + 1);
        }
        t = Token {
            span: Span::new(t.span.start, next.span.end),
            tag: Pos::Nrt,
        };
        i += 1;
    }
    (t, i)
}

/// `记者某某文/图`: a reading that ends in the credit's `文` or `图`
/// before its `/` holds the credit, not just the name.
fn swallows_credit(scan: &Scan<'_>, s: Span) -> bool {
    let w = &scan.text[s.range()];
    (w.ends_with('文') || w.ends_with('图')) && scan.text[s.end..].starts_with('/')
}

/// True when a name clearly ends at `pos` (a break, a cue, a function
/// character, a verb), or `的` follows it, or a date or a time the
/// segmenter reads (`主席某某一日晚在…`, `部长某某二日表示`).
fn ends_clearly_or_de(scan: &Scan<'_>, pos: usize) -> bool {
    super::foreign::ends_clearly(scan, pos)
        || scan.text[pos..].starts_with('的')
        || scan
            .tokens_around(pos)
            .iter()
            .any(|t| t.span.start == pos && matches!(t.tag, Pos::M | Pos::T))
}

/// True when a place or body found overlaps `span`.
fn overlaps(taken: &MentionIndex, span: Span) -> bool {
    taken.overlapping(span).next().is_some()
}

/// A quotation mark, a bracket or `、`: a name in quotes is a brand or a
/// slogan as often as a person, and a list's items need the list.
fn is_quote_or_list(c: char) -> bool {
    matches!(
        c,
        '、' | '“'
            | '”'
            | '‘'
            | '’'
            | '"'
            | '\''
            | '《'
            | '》'
            | '「'
            | '」'
            | '『'
            | '』'
            | '【'
            | '】'
    )
}

/// A weak sign before a name: a break (not a quote or `、`) or a link word.
fn opens_weakly(c: char) -> bool {
    (is_clause_break(c) && !is_quote_or_list(c)) || LINKS.contains(c)
}

/// True when the segmenter reads a verb (not a verbal noun) at `pos`.
fn verb_follows(scan: &Scan<'_>, pos: usize) -> bool {
    scan.tokens_around(pos)
        .iter()
        .any(|t| t.span.start == pos && t.tag.is_verb())
}

/// True when the segmenter reads exactly `span` as a name and then a verb,
/// an adverb (`还`, `也`, `曾`: they stand before the verb of a subject)
/// or a preposition (`向`, `与`, `对`: they open the subject's object)
/// right after it: `某某到…调研`, `某某还…`, `某某向记者介绍`.
fn subject_of_verb(scan: &Scan<'_>, span: Span) -> bool {
    tagged_exactly(scan, span)
        && scan.tokens_around(span.start).iter().any(|t| {
            t.span.start == span.end && (t.tag.is_verb() || matches!(t.tag, Pos::D | Pos::P))
        })
}

/// True when the segmenter reads exactly `span` as a name its dictionary
/// does not hold (its model of names found it) and a time word right
/// after it (`某某去年…`, `某某生前…`): the subject of a clause whose verb
/// comes later.
fn time_follows(scan: &Scan<'_>, span: Span) -> bool {
    !scan.is_known_word(&scan.text[span.range()])
        && tagged_exactly(scan, span)
        && scan
            .tokens_around(span.start)
            .iter()
            .any(|t| t.span.start == span.end && t.tag == Pos::T)
}

/// True when the segmenter reads exactly `span` as a name and `的` right
/// after it (`某某的遗体`, `某某的建议`); a word of its dictionary ending
/// in `人` is a word for people (`申请人/nr`), not a name.
fn possessor(scan: &Scan<'_>, span: Span) -> bool {
    let w = &scan.text[span.range()];
    scan.text[span.end..].starts_with('的')
        && !(w.ends_with('人') && scan.is_known_word(w))
        && tagged_exactly(scan, span)
}

/// Last characters of the segmenter's nouns for people by their role or
/// trade (`营业员`, `理财师`, `收藏家`, `爱好者`, `签证官`, `选手`, `学生`,
/// `被告人`, `职工`, `网友`; not `商`: `开发商` is a company as often). Kept in code, as
/// `dictionaries/README.md` says of such sets: a closed set of single
/// characters of the grammar, read per character.
const ROLE_ENDS: &str = "员师家者官手生人工友";

/// Of these, the last characters of two-character nouns that are mostly
/// other words (`国家`, `大家`, `民生`, `卫生`): they count in nouns of
/// three characters or more (`收藏家`, `留学生`).
const LONG_ROLE_ENDS: &str = "家生";

/// The fewest characters of a noun ending in one of [`LONG_ROLE_ENDS`].
const MIN_LONG_ROLE_NOUN: usize = 3;

/// True when the segmenter reads a noun for people by their role or trade
/// right before `pos` (`驾驶员某某`, `收藏者某某`): a strong sign, as a post is.
fn role_noun_before(scan: &Scan<'_>, pos: usize) -> bool {
    scan.tokens_around(pos).iter().any(|t| {
        let w = &scan.text[t.span.range()];
        let chars = w.chars().count();
        t.span.end == pos
            && t.tag == Pos::N
            && chars >= WORD_CHARS
            && w.chars().last().is_some_and(|c| {
                ROLE_ENDS.contains(c)
                    && (!LONG_ROLE_ENDS.contains(c) || chars >= MIN_LONG_ROLE_NOUN)
            })
    })
}

/// `纪念馆馆长的某某`, `时任检察员的某某`: a post or a noun for people by
/// their trade, then `的`, right before `pos`: the name the post describes,
/// a strong sign as the post itself is. (Not an honour: `干部的廉政`,
/// `村民的…` go on with what they own.)
fn post_before_de(scan: &Scan<'_>, pos: usize, title_ends: &HashSet<usize>) -> bool {
    let Some(de) = pos.checked_sub('的'.len_utf8()) else {
        return false;
    };
    scan.char_before(pos) == Some('的')
        && (title_ends.contains(&de)
            || role_noun_before(scan, de)
            || scan
                .hits_ending_at(de)
                .any(|h| scan.hit_is(h, LexClass::TitleRole)))
}

/// The signs around a name at `span`.
fn evidence(scan: &Scan<'_>, span: Span, title_ends: &HashSet<usize>) -> Evidence {
    let mut e = Evidence {
        chars: u8::try_from(scan.text[span.range()].chars().count()).unwrap_or(u8::MAX),
        ..Evidence::default()
    };
    before_name(scan, span.start, title_ends, &mut e);
    after_name(scan, span, &mut e);
    e
}

/// The signs before a name starting at `start`: a post, a role, a verb
/// of persons, a byline or an honour (strong), or a clause's start (weak).
fn before_name(scan: &Scan<'_>, start: usize, title_ends: &HashSet<usize>, e: &mut Evidence) {
    let role = role_noun_before(scan, start);
    if title_ends.contains(&start)
        || role
        || post_before_de(scan, start, title_ends)
        || scan.hits_ending_at(start).any(|h| {
            scan.hit_is(h, LexClass::TitleRole)
                || is_trigger(scan, h, Trigger::PersonVerb)
                || is_trigger(scan, h, Trigger::Byline)
                || is_trigger(scan, h, Trigger::Honour)
        })
    {
        e.strong += 1;
        e.after_post = title_ends.contains(&start)
            || scan
                .hits_ending_at(start)
                .any(|h| scan.hit_is(h, LexClass::TitleRole));
        e.after_role = role
            || scan
                .hits_ending_at(start)
                .any(|h| is_trigger(scan, h, Trigger::Honour));
    } else if scan.char_before(start).is_none_or(opens_weakly) {
        e.weak += 1;
    }
}

/// The signs after a name at `span`: a form of address or a cue
/// (strong), a clause's end or the verb the name is the subject of (weak).
fn after_name(scan: &Scan<'_>, span: Span, e: &mut Evidence) {
    let end = span.end;
    match scan.char_at(end) {
        None => e.weak += 1,
        Some(c) if is_clause_break(c) => e.weak += u8::from(!is_quote_or_list(c)),
        Some(_) => {
            let cue = scan.hits_at(end).iter().find(|h| {
                scan.hit_is(
                    h,
                    [LexClass::NameCue, LexClass::TitleRole, LexClass::TitleOrg],
                )
            });
            // `某某先生`, `某某博士`: a form of address or a role of two
            // characters or more (a role only after a word the segmenter's
            // dictionary does not hold often: `弘扬/nr 劳模精神`, but
            // `汤普森将军`).
            let unknown = !scan.is_frequent_word(&scan.text[span.range()]);
            let address_hit = scan
                .hits_at(end)
                .iter()
                .filter(|h| {
                    h.span().len() >= MIN_ADDRESS_BYTES
                        && (is_trigger(scan, h, Trigger::Address)
                            || (unknown && is_trigger(scan, h, Trigger::Honour)))
                })
                .max_by_key(|h| h.span().len());
            let address = address_hit.map(|h| h.span().len());
            // `某某俱乐部主教练某某`: a post or a role (not a form of address:
            // `某某夫人某某`) with a name right after it is that person's; the
            // word before it is their club or company, no person.
            let holder_after = |len: usize| name_token_at(scan, end + len);
            let role_of_holder = address_hit.is_some_and(|h| {
                !is_trigger(scan, h, Trigger::Address) && holder_after(h.span().len())
            });
            // A common one-character cue (`在`, `就`, `等`) says nothing:
            // it follows words of every kind; a longer form of address
            // that opens with it does (`某某将军`, not `将`).
            if address.is_some_and(|a| cue.is_none_or(|h| h.span().len() < a)) {
                e.strong += u8::from(!role_of_holder);
            } else if let Some(h) = cue
                && !(scan.hit_is(h, LexClass::TitleRole) && holder_after(h.span().len()))
            {
                let w = &scan.text[h.span().range()];
                if !is_weak_cue(scan, w) && w != "等" {
                    e.strong += 1;
                } else if e.weak > 0 && (w == "在" || subject_of_verb(scan, span)) {
                    // `某某到…调研`: a weak cue that is the clause's verb.
                    e.weak += 1;
                }
            } else if e.weak > 0
                && (verb_follows(scan, end)
                    || subject_of_verb(scan, span)
                    || possessor(scan, span)
                    || time_follows(scan, span))
            {
                // `某某是…`, `某某曾任…` at a clause start: the subject of a
                // verb; `某某的…`: the possessor that opens the clause.
                e.weak += 1;
            }
        }
    }
}

/// True when the segmenter tags a person's name starting at `pos`.
pub(super) fn name_token_at(scan: &Scan<'_>, pos: usize) -> bool {
    scan.token_starting_at(pos).is_some_and(|t| t.tag.is_name())
}

/// A transliterated name starting at token `i`: parts of CJK characters
/// joined by `·`, with the token index after it and whether a part is
/// tagged a person.
fn transliterated(scan: &Scan<'_>, tokens: &[Token], i: usize) -> Option<(Span, usize, bool)> {
    // Asked of every token: the cheap test first. Without a dot right
    // after the first part there is no second part, so no name.
    let last = first_part_end(scan, tokens, i)?;
    let part = |k: usize| -> Option<Span> {
        let t = tokens.get(k)?;
        let w = &scan.text[t.span.range()];
        (w.chars().all(is_cjk) && w.chars().count() <= MAX_TRANSLITERATED_PART).then_some(t.span)
    };
    let first = Span::new(part(i)?.start, tokens[last].span.end);
    let mut end = first.end;
    let mut k = last + 1;
    let mut parts = 1;
    let mut tagged = tokens[i].tag.is_name();
    while k + 1 < tokens.len()
        && is_dot(&scan.text[tokens[k].span.range()])
        && tokens[k].span.start == end
    {
        let Some(next) = part(k + 1) else { break };
        if next.start != tokens[k].span.end {
            break;
        }
        tagged |= tokens[k + 1].tag.is_name();
        end = next.end;
        parts += 1;
        k += 2;
    }
    if parts < 2 {
        return None;
    }
    let (end, k) = last_part_end(tokens, k, end);
    let span = Span::new(first.start, end);
    // No break inside, and no place among the parts (`中国·青岛`).
    let text = &scan.text[span.range()];
    let is_place = |w: &str| scan.lex.any(w, |c| c.is_place());
    if text.chars().any(|c| is_clause_break(c) && !is_dot_char(c))
        || text.split(is_dot_char).any(is_place)
    {
        return None;
    }
    Some((span, k, tagged))
}

/// `约翰/nrt ·/x 丁/nr 加特/nrt 说`: the last part of a name, ending at
/// `end` before token `k`, runs on over the name tokens right after it
/// (as many as a first part may hold); the new end and the token after it.
fn last_part_end(tokens: &[Token], mut k: usize, mut end: usize) -> (usize, usize) {
    let last = k.saturating_sub(1);
    if !tokens.get(last).is_some_and(|t| t.tag.is_name()) {
        return (end, k);
    }
    while k < tokens.len().min(last + MAX_FIRST_PART_TOKENS) {
        let t = tokens[k];
        if t.span.start != end || !t.tag.is_name() {
            break;
        }
        end = t.span.end;
        k += 1;
    }
    (end, k)
}

/// The most tokens the segmenter cuts a name's first part into
/// (`卡特/nrt 琳娜/nrt ·艾兰茨`).
const MAX_FIRST_PART_TOKENS: usize = 3;

/// The index of the last token of a name's first part that starts at
/// token `i` and ends right before a dot: the token itself, or, when the
/// segmenter tags it a name, the run of adjacent tokens of
/// transliteration characters it opens (`卡特/nrt 琳娜/nrt ·`).
fn first_part_end(scan: &Scan<'_>, tokens: &[Token], i: usize) -> Option<usize> {
    let dot_after = |k: usize| {
        tokens.get(k + 1).is_some_and(|d| {
            d.span.start == tokens[k].span.end && is_dot(&scan.text[d.span.range()])
        })
    };
    if dot_after(i) {
        return Some(i);
    }
    if !tokens[i].tag.is_name() {
        return None;
    }
    let sounds = |k: usize| {
        scan.text[tokens[k].span.range()]
            .chars()
            .all(super::foreign::is_sound)
    };
    if !sounds(i) {
        return None;
    }
    let mut k = i;
    while k + 1 < tokens.len().min(i + MAX_FIRST_PART_TOKENS) {
        let next = k + 1;
        if tokens[next].span.start != tokens[k].span.end || !sounds(next) {
            return None;
        }
        if dot_after(next) {
            return Some(next);
        }
        k = next;
    }
    None
}

fn is_dot_char(c: char) -> bool {
    matches!(c, '·' | '•' | '‧' | '・')
}

/// True when `w` is one dot of [`is_dot_char`] (asked of every token: a
/// comparison of a few bytes, no decoding).
fn is_dot(w: &str) -> bool {
    matches!(w, "·" | "•" | "‧" | "・")
}

/// The places and bodies found, as an index for [`find`].
pub(crate) fn taken(places: &[Mention], orgs: &[Mention]) -> MentionIndex {
    let all: Vec<Mention> = places.iter().chain(orgs).copied().collect();
    MentionIndex::new(&all)
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Person;

    #[test]
    fn a_tagged_name_with_a_cue_after_it() {
        assert_eq!(
            spans("昨天,韩志远表示将继续支持这项工作。", Person),
            ["韩志远"]
        );
    }

    #[test]
    fn a_tagged_name_opening_a_clause_before_its_verb() {
        assert_eq!(
            spans("韩志远到青山镇调研。韩志远还看望了老党员。", Person),
            ["韩志远", "韩志远"]
        );
    }

    #[test]
    fn a_tagged_name_before_a_form_of_address() {
        assert_eq!(
            spans("活动由韩志远先生主持,大家都很满意。", Person),
            ["韩志远"]
        );
        assert!(spans("要大力弘扬劳模精神。", Person).is_empty());
    }

    #[test]
    fn a_transliterated_name_after_a_post() {
        assert_eq!(
            spans("副县长会见了来访的市长约翰·史密斯一行。", Person),
            ["约翰·史密斯"]
        );
    }

    #[test]
    fn a_tagged_name_opening_a_clause_before_de() {
        assert_eq!(spans("上周,韩志远的建议得到了采纳。", Person), ["韩志远"]);
        // `申请人` is a word for people the segmenter tags as a name.
        assert!(spans("审核过后,申请人的情况在社区公示。", Person).is_empty());
    }

    #[test]
    fn a_name_without_a_known_surname_opening_a_clause_before_a_post() {
        assert_eq!(
            spans("双方会谈后,泰勒斯总统在记者会上表示满意。", Person),
            ["泰勒斯"]
        );
    }

    #[test]
    fn a_name_after_a_noun_for_people_by_their_trade() {
        assert_eq!(spans("公交车驾驶员邬振森今年42岁。", Person), ["邬振森"]);
        assert!(spans("这是最普惠的民生福祉,大家都满意。", Person).is_empty());
    }

    #[test]
    fn an_unseen_full_name_with_one_weak_sign() {
        assert_eq!(
            spans("慰问了困难老人,困难户邬振森,困难群众。", Person),
            ["邬振森"]
        );
    }

    #[test]
    fn an_unseen_full_name_after_a_noun_for_people_that_ends_clearly() {
        assert_eq!(
            spans("据了解，饭店老板娘邬秀珍已经报警。", Person),
            ["邬秀珍"]
        );
        assert_eq!(spans("来自河南省的邬秀珍已经被录取。", Person), ["邬秀珍"]);
        // After a verb of visits it is a site, after a place's name a part of it.
        assert!(spans("调研组察看了邬振森百亩茶园。", Person).is_empty());
        assert!(spans("沪宁铁路邬振森站建设工程", Person).is_empty());
    }

    #[test]
    fn a_transliteration_cut_before_its_end_runs_on_over_its_sounds() {
        assert_eq!(
            spans("项目负责人彼得·科利夫表示，进展顺利。", Person),
            ["彼得·科利夫"]
        );
    }

    #[test]
    fn a_tagged_name_after_a_role_in_a_team_or_the_arts() {
        assert_eq!(
            spans("这已经成为主帅费雷拉的一块心病。", Person),
            ["费雷拉"]
        );
        assert_eq!(spans("这位球星卡萨诺接手了球队。", Person), ["卡萨诺"]);
        assert_eq!(spans("片子的导演是资深导演Ron。", Person), ["Ron"]);
        // A common word the segmenter tags as a name is none after a role.
        assert!(spans("他在(顺达顾问博客)上写道房价将稳。", Person).is_empty());
    }

    #[test]
    fn a_lone_surname_the_segmenter_tags_between_a_role_and_a_cue() {
        // `庞/nr 晨光/n 表示`: the given name is a word of its own.
        assert_eq!(
            spans("期货公司分析员庞晨光表示,金价将稳。", Person),
            ["庞晨光"]
        );
    }

    #[test]
    fn common_words_the_segmenter_tags_as_names_are_not() {
        // jieba's dictionary tags `蓝图` and `养老` as names.
        assert!(spans("一张蓝图绘到底,养老服务更完善。", Person).is_empty());
    }
}

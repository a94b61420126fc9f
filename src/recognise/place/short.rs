//! A division's short form (`七宝` of 七宝镇, `浦东`): licensed by its full
//! name in the document, by the segmenter, by a list of towns, or by a
//! dateline (`place.lexicon`), and written with its level character
//! (`place.short-with-level`).

use super::super::Mention;
use super::super::Scan;
use super::road::ROAD;
use super::{aligned, in_dateline};
use crate::lexicon::{Level, LexClass, PatternId};
use crate::recognise::lengths::WORD_CHARS;
use crate::recognise::pos::Pos;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use crate::text::is_cjk;
use hashbrown::{HashMap, HashSet};
use std::cell::OnceCell;

/// `place.short-with-level`: `湘西州`, `通道县`: the short form of a
/// county or above with its level character, unless a longer division
/// starts there.
pub(super) fn short_with_level(
    scan: &Scan<'_>,
    span: Span,
    level: Option<Level>,
) -> Option<Mention> {
    let c = scan.char_at(span.end)?;
    let fits = level.is_some_and(|l| l <= Level::County)
        && is_county_or_above(c)
        && !scan.hits_at(span.start).iter().any(|h| {
            h.span().end > span.end && scan.hit_is(h, crate::lexicon::ClassSet::DIVISIONS)
        });
    fits.then(|| {
        Mention::new(
            Span::new(span.start, span.end + c.len_utf8()),
            EntityKind::Place,
            Rule::PlaceShortWithLevel,
        )
    })
}

/// True when `c` is the level character of a county or above (`县`, `市`).
fn is_county_or_above(c: char) -> bool {
    Level::of_char(c).is_some_and(|l| l <= Level::County)
}

/// A short form of two characters or more is a place when its full name
/// licenses it, when it stands in a list of towns with places, or when
/// it is a city or county in a dateline (`新华社大连1月10日电`).
pub(super) fn short_licensed(
    scan: &Scan<'_>,
    span: Span,
    short: &ShortWord<'_>,
    of: FullName<'_>,
    fulls: &HashSet<&str>,
    lists: &mut Lists,
) -> bool {
    let (full, level) = (of.name, of.level);
    short_form_ok(scan, span, short, of, fulls)
        || (level.is_some_and(|l| l <= Level::County)
            && full.is_some_and(|f| lists.in_named_family(scan, f, fulls))
            && family_short_ok(scan, span, short))
        || (level.is_some_and(|l| l >= Level::Town) && lists.listed_with_places(scan, span, fulls))
        || (level.is_some_and(|l| l <= Level::County) && in_dateline(scan, span))
        || (level.is_some_and(|l| l <= Level::County) && names_an_economy(scan, span, short))
}

/// The division a short form's entry stands for: its full name, the
/// level of that name's first division entry, and whether any of its
/// division entries is a county or above, read in one look-up.
#[derive(Debug, Clone, Copy)]
pub(super) struct FullName<'t> {
    pub name: Option<&'t str>,
    pub level: Option<Level>,
    /// A county or above: the levels whose short forms stand alone.
    pub high: bool,
}

impl<'t> FullName<'t> {
    /// The division named in full `name` (none for a short form without).
    pub(super) fn of(scan: &Scan<'_>, name: Option<&'t str>) -> Self {
        let mut level = None;
        let mut high = false;
        for e in name.into_iter().flat_map(|f| scan.lex.lookup(f)) {
            if let LexClass::Division(l) = e.class {
                level = level.or(Some(l));
                high |= l <= Level::County;
            }
        }
        FullName { name, level, high }
    }
}

/// What a place's short form is said to have right after it, which makes
/// it the place (`为某某经济高质量发展`).
const HELD_BY_A_PLACE: &str = "经济";

/// `加快某某经济发展`: a county's or city's short form whose economy the
/// text speaks of, read as a short form of a named family is
/// ([`family_short_ok`]): not where it opens a longer name (`某某经济开发区`).
fn names_an_economy(scan: &Scan<'_>, span: Span, short: &ShortWord<'_>) -> bool {
    scan.text[span.end..].starts_with(HELD_BY_A_PLACE) && family_short_ok(scan, span, short)
}

/// What licensing a short form asks of the word at one hit, whichever
/// full name it stands for: asked once per hit, on first need.
pub(super) struct ShortWord<'t> {
    word: &'t str,
    /// The hit's span (`word` is its text).
    span: Span,
    /// The hit's pattern: the entries whose text is `word`.
    pattern: PatternId,
    other_word: OnceCell<bool>,
    /// The segmenter's tag of the word alone ([`Scan::word_tag`]).
    tag: OnceCell<Option<Pos>>,
    /// Whether the word ends in a road's suffix after a character
    /// ([`reads_as_road_tail`] but for the level).
    road_tail: OnceCell<bool>,
}

impl<'t> ShortWord<'t> {
    /// The word `word` of the hit of `pattern` at `span`.
    pub(super) fn new(word: &'t str, span: Span, pattern: PatternId) -> Self {
        ShortWord {
            word,
            span,
            pattern,
            other_word: OnceCell::new(),
            tag: OnceCell::new(),
            road_tail: OnceCell::new(),
        }
    }

    /// The segmenter's tag of the word alone.
    fn tag(&self, scan: &Scan<'_>) -> Option<Pos> {
        *self.tag.get_or_init(|| scan.word_tag(self.word))
    }

    /// True when the word ends in a road's suffix and a character stands
    /// before it (`中路` in `某中路`).
    fn ends_a_road_after_a_char(&self, scan: &Scan<'_>) -> bool {
        *self.road_tail.get_or_init(|| {
            scan.span_ends_with(self.span, ROAD)
                && scan.char_before(self.span.start).is_some_and(is_cjk)
        })
    }

    /// True when the lexicon has the word as something a short form is
    /// not: a stop word, a surname or a post.
    fn is_other_word(&self, scan: &Scan<'_>) -> bool {
        *self.other_word.get_or_init(|| {
            scan.lex.pattern_is(self.pattern, |c| {
                matches!(c, LexClass::Stop | LexClass::Surname | LexClass::TitleRole)
            })
        })
    }
}

/// What licensing short forms asks of the whole document, worked out on
/// first need: the towns' lists below, and the divisions above those the
/// document names ([`Lists::in_named_family`]).
///
/// A town's short form in an enumeration of towns: `(适中、小池、岩山)`,
/// `向阳、洄水、瓦庙、汉王四镇`. The list holds a town named in full
/// elsewhere in the document, or is counted as towns right after.
///
/// The answer depends only on the clause, so it is worked out once per
/// clause: walking the clause at every candidate cost time in the square
/// of its length on a long line without punctuation.
#[derive(Default)]
pub(super) struct Lists {
    /// Breaks that end a list clause (clause breaks other than `、`), found
    /// on first use.
    breaks: Option<Vec<Span>>,
    /// The answer for each clause seen, by its start.
    answers: HashMap<usize, bool>,
    /// Every division above one the document names in full, found on
    /// first use.
    ancestors: Option<HashSet<String>>,
}

impl Lists {
    /// True when the document names in full a division inside `full`
    /// (`某区` of a town the article names) or the division `full` lies
    /// in (`某市` above the county `full`).
    fn in_named_family(&mut self, scan: &Scan<'_>, full: &str, fulls: &HashSet<&str>) -> bool {
        let ancestors = self.ancestors.get_or_insert_with(|| {
            fulls
                .iter()
                .flat_map(|f| scan.lex.lookup(f).flat_map(|e| e.ancestors()))
                .map(str::to_owned)
                .collect()
        });
        ancestors.contains(full)
            || scan.lex.lookup(full).any(|e| {
                matches!(e.class, LexClass::Division(_)) && e.ancestors().any(|a| fulls.contains(a))
            })
    }

    fn listed_with_places(&mut self, scan: &Scan<'_>, span: Span, fulls: &HashSet<&str>) -> bool {
        let breaks = self.breaks.get_or_insert_with(|| {
            scan.non_ideographs()
                .filter(|&(_, c)| crate::text::is_clause_break(c) && c != '、')
                .map(|(i, c)| Span::new(i, i + c.len_utf8()))
                .collect()
        });
        let i = breaks.partition_point(|b| b.end <= span.start);
        let start = if i > 0 { breaks[i - 1].end } else { 0 };
        let end = breaks[i..]
            .iter()
            .find(|b| b.start >= span.end)
            .map_or(scan.text.len(), |b| b.start);
        *self
            .answers
            .entry(start)
            .or_insert_with(|| listed_in(scan, &scan.text[start..end], fulls))
    }
}

/// True when `clause` is a list of 2–6-char names, one of them the short
/// form of a place named in full in the document, or a list closed by a
/// count (`…汉王四镇`).
fn listed_in(scan: &Scan<'_>, clause: &str, fulls: &HashSet<&str>) -> bool {
    if !crate::text::is_enumeration(clause) {
        return false;
    }
    let mut items: Vec<&str> = crate::text::enumeration_items(clause).collect();
    // Counted: `…汉王四镇人大主席`: the list ends at the count.
    let mut counted = false;
    if let Some(last) = items.last_mut() {
        let cut = last.char_indices().find(|&(i, c)| {
            matches!(
                c,
                // A closed set of the grammar, kept in code.
                '两' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            ) && Level::word_starting(&last[i + c.len_utf8()..])
                .is_some_and(|(_, l)| l == Level::Town)
        });
        if let Some((i, _)) = cut {
            *last = &last[..i];
            counted = true;
        }
    }
    if items.len() < 2
        || !items
            .iter()
            .all(|i| LISTED_SHORT_CHARS.contains(&i.chars().count()))
    {
        return false;
    }
    let sibling_named = items.iter().any(|i| {
        scan.lex.lookup(i).any(|e| {
            e.class == LexClass::PlaceShort && e.full.as_deref().is_some_and(|f| fulls.contains(f))
        })
    });
    counted || sibling_named
}

/// How long a town's short form listed with others is, in chars.
const LISTED_SHORT_CHARS: std::ops::RangeInclusive<usize> = 2..=6;

/// A village's stem (`九星` of `九星村`) counts where its town is named,
/// it stands as a word, and the segmenter reads it as no common word.
fn village_stem_ok(scan: &Scan<'_>, span: Span, full: &str, fulls: &HashSet<&str>) -> bool {
    let town_named = scan
        .lex
        .lookup(full)
        .any(|e| e.parents().any(|t| fulls.contains(t)));
    town_named
        && aligned(scan, span)
        && !scan
            .word_tag(&scan.text[span.range()])
            .is_some_and(|t| !matches!(t, Pos::Ns | Pos::Nz | Pos::Nr | Pos::Nt | Pos::J))
}

/// `中路`, `南桥`: a short form below a city that reads as the tail of a
/// road name after a character (not a province or city: `在浙江`, `到九江`).
fn reads_as_road_tail(scan: &Scan<'_>, short: &ShortWord<'_>, level: Option<Level>) -> bool {
    level.is_none_or(|l| l > Level::City) && short.ends_a_road_after_a_char(scan)
}

/// `来邹城开展…`, `位于自贡`: a short form of two characters or more right
/// after a verb of going somewhere, whatever the segmenter's dictionary
/// calls the word, unless it tags it a verb or a function word.
fn placed_after_motion(scan: &Scan<'_>, short: &ShortWord<'_>) -> bool {
    short.word.chars().count() >= WORD_CHARS
        && !short.tag(scan).is_some_and(|t| {
            t.is_verbal() || matches!(t, Pos::A | Pos::Ad | Pos::D | Pos::C | Pos::P)
        })
        && scan
            .hits_ending_at(short.span.start)
            .any(|h| scan.hit_is(h, LexClass::Trigger(crate::lexicon::Trigger::VisitMotion)))
}

/// A county's or city's short form in a document that names a division
/// of its family (`某县` of the town the article is about): a place also
/// where the segmenter reads the word as a common one, if it reads it
/// whole and the lexicon has it as nothing else.
fn family_short_ok(scan: &Scan<'_>, span: Span, short: &ShortWord<'_>) -> bool {
    short.word.chars().count() >= WORD_CHARS
        && !short.is_other_word(scan)
        && !reads_as_road_tail(scan, short, None)
        && aligned(scan, span)
        && !opens_a_name(scan, span)
}

/// How far after a short form a suffix still makes it the opening of a
/// longer name, in chars.
const NAME_AFTER_SHORT_CHARS: usize = 10;

/// True when the short form opens a longer name the recognisers may have
/// missed: a level character follows (`某县`), or a body's, site's or
/// medium's suffix does within the clause (`某某卷烟厂`, `某某经济技术开发区`,
/// `某某日报`).
fn opens_a_name(scan: &Scan<'_>, span: Span) -> bool {
    if scan.char_at(span.end).is_some_and(is_county_or_above) {
        return true;
    }
    let mut pos = span.end;
    for _ in 0..NAME_AFTER_SHORT_CHARS {
        let Some(c) = scan.char_at(pos) else {
            return false;
        };
        if crate::text::is_clause_break(c) || crate::lexicon::is_conjunction(c) {
            return false;
        }
        let suffix_here = scan.hits_at(pos).iter().any(|h| {
            scan.hit_is(h, |k| {
                matches!(
                    k,
                    LexClass::OrgSuffix
                        | LexClass::PlaceSuffix
                        | LexClass::Grammar(crate::lexicon::Grammar::Media)
                )
            })
        });
        if suffix_here {
            return true;
        }
        pos += c.len_utf8();
    }
    false
}

/// A short form counts when the document also names the full division, or
/// when the segmenter knows it as a place name, and it stands as a word.
fn short_form_ok(
    scan: &Scan<'_>,
    span: Span,
    short: &ShortWord<'_>,
    of: FullName<'_>,
    fulls: &HashSet<&str>,
) -> bool {
    let (full, level) = (of.name, of.level);
    let word = short.word;
    if short.is_other_word(scan) {
        return false;
    }
    let in_doc = full.is_some_and(|f| fulls.contains(f));
    if let Some(f) = full
        && level == Some(Level::Village)
    {
        return village_stem_ok(scan, span, f, fulls);
    }
    if !in_doc && reads_as_road_tail(scan, short, level) {
        return false;
    }
    // Only shorts of counties and above stand without their full name.
    let high = of.high;
    // A place the segmenter knows as one, or a word it does not know at all
    // (`邹城` of 邹城市: no common word).
    let known_place =
        high && (short.tag(scan).is_some_and(|t| t == Pos::Ns) || !scan.is_known_word(word));
    if high && placed_after_motion(scan, short) && aligned(scan, span) {
        return true;
    }
    if !(in_doc || known_place) {
        return false;
    }
    // A common word the segmenter knows (`乡村`, `牡丹`, `促进`) is no place.
    if short
        .tag(scan)
        .is_some_and(|t| !matches!(t, Pos::Ns | Pos::Nz | Pos::Nr | Pos::Nt | Pos::J))
    {
        return false;
    }
    // The segmenter must not read it across a word boundary (`拆迁安置`
    // holds no `迁安`), unless the document names the full division
    // (`展现出航头干部`, where the segmenter reads `出航`).
    in_doc || aligned(scan, span)
}

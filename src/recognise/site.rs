//! Sites of a visit: every item of the list after a verb of going or of
//! inspecting (`先后来到A、B、C等地`, `深入A、B和C`, `察看了A`) is a place or
//! a body, also when its name has no suffix (a company's short name,
//! `东方机械`). The list gives each name its edges, which the suffix rules
//! must otherwise guess: an item runs from a separator to the next.
//!
//! An item is kept when it ends in a place or organisation suffix (its kind
//! then), or when it holds a proper or unknown word and no common noun
//! phrase explains it (`困难群众` is no site): then it is a body, as a
//! company or unit named without its legal form most often is.

use super::{Mention, Scan};
use crate::lexicon::{Grammar, Level, LexClass, Trigger};
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use crate::text::{LazyCharSet, is_cjk, is_clause_break};

/// The longest item read, in chars.
const MAX_ITEM: usize = 12;
/// The shortest item without a suffix, in chars.
const MIN_BARE_ITEM: usize = 2;
/// The most items read after one verb.
const MAX_ITEMS: usize = 12;

/// Characters that never stand inside a site's name: particles,
/// prepositions, pronouns, adverbs.
/// Kept in code, as `dictionaries/README.md` says of such sets: a closed
/// set of single characters of the grammar, read per character.
static NOT_IN_SITE: LazyCharSet =
    LazyCharSet::new("的了是在对从把被将这那其各该着过也都就还又再并");

/// The verbs whose lists of stops are read: of going and of inspecting.
const VISIT_VERBS: [LexClass; 2] = [
    LexClass::Trigger(Trigger::VisitMotion),
    LexClass::Trigger(Trigger::VisitInspect),
];

/// The words that end a list of stops: a verb that ends a list, a purpose,
/// an event attended.
const LIST_ENDERS: [LexClass; 3] = [
    LexClass::Trigger(Trigger::LinkVerb),
    LexClass::Trigger(Trigger::Purpose),
    LexClass::Trigger(Trigger::Attend),
];

/// The sites of every visit list.
pub(crate) fn find(scan: &Scan<'_>) -> Vec<Mention> {
    let mut out = Vec::new();
    for hit in scan.hits() {
        let visit = scan.hit_is(hit, VISIT_VERBS);
        // A verb of two characters or more (`来到`, `察看`); the one-character
        // ones (`到`, `赴`) only after `先后`, `分别`, `还`, `又`, `再`.
        if !visit
            || !(hit.span().len() >= super::TWO_CHARS_BYTES
                || adverb_before(scan, hit.span().start))
        {
            continue;
        }
        // The verb must stand alone (`调研组`, `考察团` are nouns).
        if is_group_noun(scan, hit.span().end) {
            continue;
        }
        let list = items(scan, hit.span().end);
        let kinds: Vec<Option<EntityKind>> = list.iter().map(|&i| kind(scan, i)).collect();
        // Bare brand names (`悦达`) take the kind of the named items of
        // their list.
        let sibling = kinds.iter().flatten().copied().next();
        for (&item, k) in list.iter().zip(&kinds) {
            let bare = || sibling.filter(|_| list.len() > 1 && bare_name(scan, item));
            match k.or_else(bare) {
                Some(EntityKind::Place) => {
                    out.push(Mention::new(item, EntityKind::Place, Rule::PlaceVisitSite));
                }
                Some(_) => out.push(Mention::new(item, EntityKind::Org, Rule::OrgVisitSite)),
                None => out.extend(
                    suffixed(scan, item).or_else(|| super::project_owner::owner(scan, item)),
                ),
            }
        }
    }
    out
}

/// True when the character at `pos`, right after a verb, makes a noun of
/// it (`调研组`, `考察团`): one of the unit characters, which the segmenter
/// reads alone or glued to the verb, not as the start of a word of its own
/// (`深入` + `科技园`).
fn is_group_noun(scan: &Scan<'_>, pos: usize) -> bool {
    scan.char_at(pos).is_some_and(crate::lexicon::is_unit_char)
        && scan.token_containing(pos).is_none_or(|t| {
            t.span.start < pos || scan.text[t.span.range()].chars().nth(1).is_none()
        })
}

/// The shortest suffix that closes a whole item, in bytes (two characters:
/// `产业园`, `中学`; one-character suffixes end common words too often).
const MIN_ITEM_SUFFIX: usize = 6;

/// The fewest characters before the suffix of a whole item.
const MIN_ITEM_STEM: usize = 2;

/// An item read whole up to the place or body suffix it ends in
/// (`某某现代农业示范园`, `某某县第二中学`), or the facility word `基地`:
/// the list gives the name's start, which the suffix rules must guess.
fn suffixed(scan: &Scan<'_>, item: Span) -> Option<Mention> {
    let item = trim(scan, item)?;
    if !readable_item(scan, &scan.text[item.range()]) {
        return None;
    }
    let (suffix, kind) = site_suffix(scan, item)?;
    // `龙头企业` + `某市某总厂`: common words before the place that opens
    // a body's name are no part of it.
    let item = if kind == EntityKind::Org {
        Span::new(
            super::org::start_at_place(scan, item, suffix.start),
            item.end,
        )
    } else {
        item
    };
    let stem = Span::new(item.start, suffix.start);
    if scan.text[stem.range()].chars().count() < MIN_ITEM_STEM
        || scan
            .lex
            .is(&scan.text[suffix.range()], super::place::SHORT_NAMED)
        || describes(scan, stem)
        || holds_foreign_word(scan, item)
    {
        return None;
    }
    let rule = match kind {
        EntityKind::Place => Rule::PlaceSiteItem,
        _ => Rule::OrgSiteItem,
    };
    Some(Mention::new(item, kind, rule))
}

/// True when the list item `w` can be a site's name: short enough, of
/// ideographs, letters, digits, brackets and `·`, no stretch between two
/// places, nothing generic and no rank.
fn readable_item(scan: &Scan<'_>, w: &str) -> bool {
    !(w.chars().count() > MAX_SUFFIXED_ITEM
        || !w
            .chars()
            .all(|c| is_cjk(c) || c.is_ascii_alphanumeric() || "()（）·".contains(c))
        || w.chars().any(|c| NOT_IN_SITE.contains(c))
        // `甲镇至乙镇公路`: a stretch between two places, no name.
        || w.contains(['至', '到'])
        || super::edge::opens_generically_in(scan.lex, w)
        || super::edge::holds_rank_in(scan.lex, w))
}

/// The longest place or body suffix ending the item, with the kind it
/// makes the site.
fn site_suffix(scan: &Scan<'_>, item: Span) -> Option<(Span, EntityKind)> {
    scan.hits_ending_at(item.end)
        .filter(|h| {
            h.span().start >= item.start
                && (h.span().len() >= MIN_ITEM_SUFFIX || village_item(scan, item, h.span()))
        })
        .filter_map(|h| {
            let base = &scan.text[h.span().range()] == "基地"
                && scan.hit_is(h, LexClass::Grammar(Grammar::Facility));
            let kind = if base || scan.hit_is(h, LexClass::PlaceSuffix) {
                EntityKind::Place
            } else if scan.hit_is(h, LexClass::OrgSuffix) {
                EntityKind::Org
            } else {
                return None;
            };
            Some((h.span(), kind))
        })
        .max_by_key(|(s, _)| s.len())
}

/// True when a post, person, cue, set phrase or verb of the visit lies
/// inside the item: no site's name holds one.
fn holds_foreign_word(scan: &Scan<'_>, item: Span) -> bool {
    scan.hits_within(item).any(|h| {
        scan.hit_is(h, |c| {
            matches!(
                c,
                LexClass::TitleRole
                    | LexClass::Stop
                    | LexClass::Person
                    | LexClass::NameCue
                    | LexClass::Trigger(
                        Trigger::VisitMotion
                            | Trigger::VisitInspect
                            | Trigger::Purpose
                            | Trigger::LinkVerb
                            | Trigger::Attend
                            | Trigger::Group
                    )
            )
        })
    })
}

/// The longest item ending in `村` read as a village, in chars.
const MAX_VILLAGE_ITEM: usize = 5;

/// `某某村` as a whole item of a visit list: a village, also where the
/// segmenter knows the name as a word, unless the lexicon has it as a
/// kind of village (`城中村`).
fn village_item(scan: &Scan<'_>, item: Span, suffix: Span) -> bool {
    &scan.text[suffix.range()] == "村"
        && scan.text[item.range()].chars().count() <= MAX_VILLAGE_ITEM
        && !scan.lex.is(&scan.text[item.range()], LexClass::Stop)
}

/// True when the words before a suffix describe a site rather than name
/// it: an amount (`百亩`) or a project (`某某项目`) stands in them.
fn describes(scan: &Scan<'_>, stem: Span) -> bool {
    let amount = scan.tokens_around(stem.start).iter().any(|t| {
        t.span.start >= stem.start
            && t.span.end <= stem.end
            && t.tag.is_numeral()
            && !scan.text[t.span.range()].starts_with('第')
    });
    amount
        || scan
            .hits_within(stem)
            .any(|h| scan.hit_is(h, LexClass::Grammar(Grammar::Facility)))
}

/// The longest item read whole up to its suffix, in chars.
const MAX_SUFFIXED_ITEM: usize = 16;

/// `先后到`, `分别赴`, `又来`: an adverb that makes a one-character verb
/// one of motion.
fn adverb_before(scan: &Scan<'_>, pos: usize) -> bool {
    scan.lex
        .ends_with(&scan.text[..pos], LexClass::Grammar(Grammar::MotionAdverb))
}

/// The items of the list starting at `pos` (after the verb): separated by
/// `、`, `和`, `及`, `与`, ended by a clause break, `等`, or a purpose.
fn items(scan: &Scan<'_>, mut pos: usize) -> Vec<Span> {
    let text = scan.text;
    // `察看了`, `来到了`, `走进位于…的`.
    // The two aspect particles, a closed set kept in code.
    for skip in ["了", "过"] {
        if text[pos..].starts_with(skip) {
            pos += skip.len();
        }
    }
    let mut out = Vec::new();
    let mut start = pos;
    let mut i = pos;
    while i < text.len() && out.len() < MAX_ITEMS {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let end_here = breaks_list(scan, i, c) || c == '等' || (i > start && ends_list(scan, i));
        let sep =
            c == '、' || (crate::lexicon::is_conjunction(c) && i > start && !inside_word(scan, i));
        if end_here || sep {
            if i > start {
                out.push(Span::new(start, i));
            }
            if end_here {
                break;
            }
            start = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    out
}

/// True when the clause break `c` at `pos` ends a list of stops: not a
/// `、`, a bracket, a rate's slash, a `·` between two places, or a comma
/// after which the list goes on.
fn breaks_list(scan: &Scan<'_>, pos: usize, c: char) -> bool {
    let goes_on = match c {
        '、' | '(' | ')' | '（' | '）' => true,
        '/' => is_rate_slash(scan.text, pos),
        '·' => joins_two_places(scan, pos),
        ',' | '，' => list_goes_on(scan, pos + c.len_utf8()),
        _ => false,
    };
    is_clause_break(c) && !goes_on
}

/// True when the clause from `pos` on, after a comma inside a list of
/// stops, goes on with the list: it holds more items joined by `、` and
/// closes them with `等` before any verb (`先后来到A、B,C、D等企业`).
fn list_goes_on(scan: &Scan<'_>, pos: usize) -> bool {
    let text = scan.text;
    let Some(deng) = text[pos..]
        .char_indices()
        .take_while(|&(_, c)| !is_clause_break(c) || c == '、')
        .find(|&(_, c)| c == '等')
        .map(|(k, _)| pos + k)
    else {
        return false;
    };
    text[pos..deng].contains('、')
        && !scan.hits_within(Span::new(pos, deng)).any(|h| {
            scan.hit_is(h, VISIT_VERBS)
                || scan.hit_is(h, LIST_ENDERS)
                || scan.hit_is(h, LexClass::Trigger(Trigger::Barrier))
        })
}

/// True when the `·` at `pos` joins two places of the lexicon inside one
/// name (`某市·某市协作产业园`, a partnership's site): part of an item.
fn joins_two_places(scan: &Scan<'_>, pos: usize) -> bool {
    let place = |h: &crate::matcher::Hit| {
        h.span().len() >= super::TWO_CHARS_BYTES && scan.hit_is(h, |c: LexClass| c.is_place())
    };
    scan.text[pos..].starts_with('·')
        && scan.hits_ending_at(pos).any(place)
        && scan.hits_at(pos + '·'.len_utf8()).iter().any(place)
}

/// True when the `/` at `pos` writes a rate (`2000吨/日`, `5万吨/年`): part
/// of an item, no break.
fn is_rate_slash(text: &str, pos: usize) -> bool {
    text[pos..].starts_with('/')
        && text[pos + 1..]
            .chars()
            .next()
            // A closed set of the grammar, kept in code.
            .is_some_and(|c| "日年天时月".contains(c))
        && text[..pos].chars().next_back().is_some_and(is_cjk)
}

/// True when a purpose or a verb that ends a list starts at `pos`
/// (`…开展调研`, `…了解情况`).
fn ends_list(scan: &Scan<'_>, pos: usize) -> bool {
    scan.hits_at(pos)
        .iter()
        .any(|h| scan.hit_is(h, LIST_ENDERS))
        && !inside_word(scan, pos)
}

/// True when the segmenter reads a word across `pos` (the `和` of `和平村`).
fn inside_word(scan: &Scan<'_>, pos: usize) -> bool {
    scan.token_containing(pos)
        .is_some_and(|t| t.span.start < pos && scan.is_known_word(&scan.text[t.span.range()]))
}

/// The kind of the site an item names as a body without its legal form
/// (`宏远机械`: a proper or unknown word, then an industry; `某省某某`: a
/// region, then a brand): ORG; other items are left to the suffix rules.
fn kind(scan: &Scan<'_>, item: Span) -> Option<EntityKind> {
    let item = trim(scan, item)?;
    if !plain(scan, item) {
        return None;
    }
    match brand_before_industry(scan, item) {
        Some(brand) => bare_name(scan, brand).then_some(EntityKind::Org),
        None => region_and_brand(scan, item).then_some(EntityKind::Org),
    }
}

/// The fewest and most characters of a brand after its region.
const REGION_BRAND_CHARS: std::ops::RangeInclusive<usize> = 2..=4;

/// `某省` + `某某` as a whole item (`湖南瑞芯`, a company's short name
/// written with its region): a province of the lexicon, in full or short
/// (a county's short form is as often a common word: `金沙` + `河水…`),
/// then a brand of two to four characters that is no place and no word
/// the segmenter knows.
fn region_and_brand(scan: &Scan<'_>, item: Span) -> bool {
    let province = |name: &str| super::place::level_of(scan, name) == Some(Level::Province);
    let region_of = |e: &crate::lexicon::Entry| match e.class {
        LexClass::Division(l) => l == Level::Province,
        LexClass::PlaceShort => e.full.as_deref().is_some_and(province),
        _ => false,
    };
    let Some(region) = scan
        .hits_at(item.start)
        .iter()
        .filter(|h| h.span().end < item.end && scan.entries(h).any(region_of))
        .max_by_key(|h| h.span().len())
    else {
        return false;
    };
    let brand = Span::new(region.span().end, item.end);
    let w = &scan.text[brand.range()];
    REGION_BRAND_CHARS.contains(&w.chars().count())
        && !scan.lex.any(w, |c| c.is_place())
        && !scan.is_known_word(w)
        && bare_name(scan, brand)
}

/// `宏远机械` → `宏远`: what stands before an industry word
/// (`trigger.industry`) that ends `item`, when something does.
pub(crate) fn brand_before_industry(scan: &Scan<'_>, item: Span) -> Option<Span> {
    scan.hits_ending_at(item.end)
        .find(|h| {
            h.span().start > item.start && scan.hit_is(h, LexClass::Trigger(Trigger::Industry))
        })
        .map(|h| Span::new(item.start, h.span().start))
}

/// True when `item` could be a name: a short stretch of name characters
/// with no grammar word, post, cue or set phrase inside.
pub(crate) fn plain(scan: &Scan<'_>, item: Span) -> bool {
    let w = &scan.text[item.range()];
    let n = w.chars().count();
    (MIN_BARE_ITEM..=MAX_ITEM).contains(&n)
        && w.chars()
            .all(|c| is_cjk(c) || c.is_ascii_alphanumeric() || "()（）·".contains(c))
        && !w.chars().any(|c| NOT_IN_SITE.contains(c))
        && !scan.hits_within(item).any(|h| {
            scan.hit_is(
                h,
                [
                    LexClass::TitleRole,
                    LexClass::Stop,
                    LexClass::Person,
                    LexClass::NameCue,
                    LexClass::OrgSuffix,
                    LexClass::PlaceSuffix,
                ],
            ) && h.span().len() >= super::TWO_CHARS_BYTES
        })
}

/// True when `span` is a brand: words the segmenter does not know or tags
/// as proper names, and no common word (`困难群众`, `民营企业`).
pub(crate) fn bare_name(scan: &Scan<'_>, span: Span) -> bool {
    let Some(span) = trim(scan, span) else {
        return false;
    };
    if !plain(scan, span)
        || scan.is_known_word(&scan.text[span.range()])
            && !scan.lex.any(&scan.text[span.range()], |c| c.is_place())
    {
        return false;
    }
    made_of_name_words(scan, span)
}

/// True when the segmenter's words of `span` line up with it and each is
/// a proper name, a single character, or a word it does not know: what a
/// brand is made of (`恒瑞`, `晟丰`), unlike a verb or a common noun.
pub(crate) fn made_of_name_words(scan: &Scan<'_>, span: Span) -> bool {
    let tokens = scan.tokens_around(span.start);
    let inside: Vec<_> = tokens
        .iter()
        .filter(|t| t.span.start >= span.start && t.span.end <= span.end)
        .collect();
    let aligned = inside.first().is_some_and(|t| t.span.start == span.start)
        && inside.last().is_some_and(|t| t.span.end == span.end);
    // A brand the segmenter cannot read as a word falls apart into single
    // characters (`丰`, `弛`): those count as unknown.
    aligned
        && inside.iter().all(|t| {
            t.is_proper()
                || t.span.len() < super::TWO_CHARS_BYTES
                || !scan.is_known_word(&scan.text[t.span.range()])
        })
}

/// The item without the words around a name: `位于某区的` before it, a
/// space.
fn trim(scan: &Scan<'_>, item: Span) -> Option<Span> {
    let mut s = item.start;
    let e = item.end;
    let text = &scan.text[s..e];
    if let Some(k) = text.find("的")
        && text.starts_with("位于")
    {
        s += k + "的".len();
    }
    while s < e && scan.char_at(s).is_some_and(char::is_whitespace) {
        s += 1;
    }
    (s < e).then(|| Span::new(s, e))
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::{Org, Place};

    #[test]
    fn every_item_of_a_visit_list_is_a_site() {
        let t = "代表团先后来到宏远机械、青山湖公园和星辉电子等企业参观。";
        assert_eq!(spans(t, Org), ["宏远机械", "星辉电子"]);
        assert_eq!(spans(t, Place), ["青山湖公园"]);
    }

    #[test]
    fn a_brand_the_segmenter_reads_as_single_characters_is_a_name() {
        let t = "调研组先后来到晟丰鞋业、涌弛药业和星辉电子等企业。";
        assert_eq!(spans(t, Org), ["晟丰鞋业", "涌弛药业", "星辉电子"]);
    }

    #[test]
    fn a_village_the_segmenter_knows_as_a_word_is_a_site() {
        let t = "调研组先后走访双泾村、原峰村和星辉电子等地。";
        assert_eq!(spans(t, Place), ["双泾村", "原峰村"]);
        assert!(spans("调研组先后走访城中村、空心村。", Place).is_empty());
    }

    #[test]
    fn common_nouns_are_no_sites() {
        assert!(spans("他走访了困难群众、老党员。", Org).is_empty());
    }

    #[test]
    fn an_item_is_read_whole_up_to_its_suffix() {
        let t = "考察团先后来到青禾现代农业示范园、星湖食品产业园和白鹭乡第三中学。";
        assert_eq!(spans(t, Place), ["青禾现代农业示范园", "星湖食品产业园"]);
        assert_eq!(spans(t, Org), ["白鹭乡第三中学"]);
    }

    #[test]
    fn a_described_site_is_not_read_whole() {
        let t = "他察看了百亩蔬菜种植基地、河口项目拆迁安置点。";
        let places = spans(t, Place);
        assert!(
            places
                .iter()
                .all(|p| !p.ends_with("基地") && !p.ends_with("安置点")),
            "{places:?}"
        );
    }
}

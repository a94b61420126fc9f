//! Enumerations: items joined by `、` share their kind. When one item of a
//! list is a place (or an organisation) and its siblings are short bare
//! names, the siblings are places (organisations) too (`梅园新村、松柏苑、
//! 春申路等`), and a list closed by `等…企业` names companies
//! (`星河电气、蓝海科创、宏远重工等重点企业`).

use super::edge::opens_generically_in;
use super::index::MentionIndex;
use super::person;
use super::pos::Pos;
use super::{Mention, Scan};
use crate::lexicon::{Grammar, LexClass};
use crate::recognise::lengths::{FULL_NAME_CHARS, WORD_CHARS};
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use crate::text::{is_cjk, is_clause_break};

/// How far after the `等` closing a list a noun for companies says the
/// items were companies (`等重点企业`), in characters.
const COMPANY_NOUN_WITHIN: usize = 8;

/// The longest bare item that may be a sibling's name, in characters.
const MAX_ITEM_CHARS: usize = 8;

/// Finds new mentions for bare items of enumerations.
pub(crate) fn propagate(scan: &Scan<'_>, known: &[Mention]) -> Vec<Mention> {
    let known = MentionIndex::new(known);
    let text = scan.text;
    let mut out = Vec::new();
    let mut start = 0;
    // Whether the clause read so far holds a `、` (noted on the way, so
    // that no clause is searched again).
    let mut listed = false;
    // Ideographs neither break a clause nor list: only the other chars
    // are read.
    for (i, c) in scan
        .non_ideographs()
        .chain(std::iter::once((text.len(), '\n')))
    {
        if c == '、' {
            listed = true;
        }
        if i < text.len() && !(is_clause_break(c) && c != '、') {
            continue;
        }
        let clause = Span::new(start, i);
        start = i + c.len_utf8();
        if std::mem::take(&mut listed) {
            out.extend(in_clause(scan, clause, &known));
        }
    }
    out
}

/// The fewest items named by a brand and an industry (`某某纺织`) that make
/// a list one of companies when no item is otherwise named.
const MIN_TRADE_NAMES: usize = 2;

fn in_clause(scan: &Scan<'_>, clause: Span, known: &MentionIndex) -> Vec<Mention> {
    let text = scan.text;
    // The raw pieces but the last become the items (no copy of them).
    let mut items = raw_items(text, clause);
    if items.len() < 2 {
        return Vec::new();
    }
    // The last item ends at `等` (or a conjunction joins one more item).
    let last = items.pop().expect("two items at least");
    let first_raw = items[0];
    let mut tail_after_deng = None;
    let last_text = &text[last.range()];
    if let Some(k) = last_text.find('等') {
        items.push(Span::new(last.start, last.start + k));
        tail_after_deng = Some(Span::new(last.start + k + '等'.len_utf8(), last.end));
    }
    // `等重点企业`: a noun for companies right after `等`.
    let company_list = tail_after_deng.is_some_and(|t| {
        let head = Span::new(
            t.start,
            scan.forward(t.start, COMPANY_NOUN_WITHIN).min(t.end),
        );
        scan.hits_within(head).any(|h| {
            scan.hit_is(h, LexClass::Grammar(Grammar::CompanyNoun))
                && !modifies_noun(scan, h.span().end)
        })
    });
    // `等村`, `两条村`: a word for villages or towns after `等`, or after a
    // count that closes the last item, says the items are places.
    // Read once, and only where nothing else types the list.
    let count_end = std::cell::OnceCell::new();
    let count_end = || *count_end.get_or_init(|| count_of_divisions(scan, last));
    let division_list = || match tail_after_deng {
        Some(t) => division_word_at(scan, t.start),
        None => count_end().is_some(),
    };
    let overlapped = |it: Span| known.overlapping(it).next().is_some();
    let kinds_of = |items: &[Span]| kinds_of(scan, known, items);
    // The end items are cut from their pieces by the segmenter, which tags
    // the clause. When no mention could be either of them (none ends the
    // first piece, none opens the last), the other items decide the
    // list's kind alone, and most lists (of tasks, of people) are turned
    // down before the clause is tagged.
    let first_may = known
        .ending_at(first_raw.end)
        .any(|m| !m.nested && m.span.start >= first_raw.start);
    let last_may = tail_after_deng.is_none()
        && known
            .overlapping(last)
            .any(|m| !m.nested && m.span.start == last.start);
    let industry_ends = |&it: &Span| super::site::brand_before_industry(scan, it).is_some();
    if !first_may
        && !last_may
        && !items.iter().any(industry_ends)
        && list_kind(company_list, &kinds_of(&items[1..])).is_none()
        && !division_list()
    {
        return Vec::new();
    }
    if tail_after_deng.is_none() {
        items.push(match count_end() {
            Some(end) => Span::new(last.start, end),
            None => leading_name(scan, last),
        });
    }
    // The first item is what ends the first raw piece.
    items[0] = trailing_name(scan, items[0]);
    let kinds = kinds_of(&items);
    let Some(kind) = list_kind(company_list, &kinds).or_else(|| {
        (!kinds
            .iter()
            .any(|k| matches!(k, EntityKind::Person | EntityKind::Title))
            && division_list())
        .then_some(EntityKind::Place)
    }) else {
        return Vec::new();
    };
    items
        .into_iter()
        .filter(|&it| {
            !overlapped(it)
                && (bare_name(scan, it) || (company_list && brand_and_trade(scan, it)))
                && !holds_rank(scan, it)
                && (company_list || !ends_in_activity(scan, it) || trade_named(scan, it))
                && !opens_with_activity(scan, it)
        })
        .map(|it| {
            Mention::new(
                it,
                own_kind(scan, it).unwrap_or(kind),
                Rule::EnumerationSibling,
            )
        })
        .collect()
}

/// The kinds the items of a list show: those of the mentions that cover
/// an item exactly (a one-character abbreviation, `浙、沪、渝等地`, says
/// nothing of the names listed with it); bodies for two items named by a
/// brand and an industry (`某某纺织、某某重工`); a person for a full name the
/// segmenter reads as one (`某某某/nr`), which then names no places or
/// bodies.
fn kinds_of(scan: &Scan<'_>, known: &MentionIndex, items: &[Span]) -> Vec<EntityKind> {
    let text = scan.text;
    let covering = |it: Span| known.exactly(it).find(|m| !m.nested).copied();
    let mut kinds: Vec<EntityKind> = items
        .iter()
        .filter_map(|&it| covering(it))
        .filter(|m| text[m.span.range()].chars().nth(1).is_some())
        .map(|m| m.kind)
        .collect();
    let traded = items
        .iter()
        .filter(|&&it| covering(it).is_none() && trade_named(scan, it))
        .count();
    if traded >= MIN_TRADE_NAMES {
        kinds.extend(std::iter::repeat_n(EntityKind::Org, traded));
    }
    if items.iter().any(|&it| {
        covering(it).is_none()
            && text[it.range()].chars().count() == FULL_NAME_CHARS
            && person::tagged_exactly(scan, it)
            && person::name_shaped(scan, it)
    }) {
        kinds.push(EntityKind::Person);
    }
    kinds
}

/// The most characters of a brand before an industry in a list item.
const MAX_BRAND_CHARS: usize = 4;

/// `某某纺织`, `某某重工`: an item that is a brand of two to four characters
/// the segmenter reads as proper or unknown words, then an industry
/// (`trigger.industry`): how a company is named without its legal form.
fn trade_named(scan: &Scan<'_>, it: Span) -> bool {
    let Some(brand) = super::site::brand_before_industry(scan, it) else {
        return false;
    };
    let chars = scan.text[brand.range()].chars().count();
    (WORD_CHARS..=MAX_BRAND_CHARS).contains(&chars)
        && super::site::plain(scan, it)
        && super::site::made_of_name_words(scan, brand)
}

/// True when a noun other than one for people starts at `pos`: the
/// company noun before it only modifies it (`等企业整体情况`: the items
/// were topics of the companies, not companies), whereas `等企业负责人`
/// (`grammar.people`) still lists companies, and so does a verb the
/// segmenter tags as a noun (`等企业参观`: a trigger word).
fn modifies_noun(scan: &Scan<'_>, pos: usize) -> bool {
    scan.token_containing(pos).is_some_and(|t| {
        t.span.start == pos
            && t.tag.is_noun()
            && !scan.hits_at(pos).iter().any(|h| {
                scan.hit_is(h, LexClass::Grammar(Grammar::People))
                    || scan
                        .lex
                        .pattern_is(h.pattern, crate::lexicon::ClassSet::TRIGGERS)
            })
    })
}

/// A name ends in a noun: outside a list of companies (whose short names
/// may end in a trade, `某某重工`), an item ending in a verbal noun is an
/// activity (`基础设施建设`, `产品研发`), no site or body.
fn ends_in_activity(scan: &Scan<'_>, it: Span) -> bool {
    scan.tokens_around(it.start)
        .iter()
        .any(|t| t.span.end == it.end && t.span.start >= it.start && t.tag == Pos::Vn)
}

/// An item that opens with a verb or a verbal noun the segmenter knows
/// and ends in no suffix of a place or body is a task (`研判分析形势` in
/// a list after `镇党委、镇政府`), no site or body; `管理服务中心` ends in
/// a body's suffix, and `振兴石油` in an industry (brands are often verbs).
fn opens_with_activity(scan: &Scan<'_>, it: Span) -> bool {
    own_kind(scan, it).is_none()
        && super::site::brand_before_industry(scan, it).is_none()
        && scan.token_starting_at(it.start).is_some_and(|t| {
            t.span.end < it.end
                && matches!(t.tag, Pos::V | Pos::Vn)
                && scan.is_known_word(&scan.text[t.span.range()])
        })
}

/// `振兴石油`: in a list closed by `等企业`, a brand of two to four
/// characters and an industry is a company's short name, whatever words
/// the brand is made of (brands are often verbs: `振兴`, `腾飞`).
fn brand_and_trade(scan: &Scan<'_>, it: Span) -> bool {
    super::site::brand_before_industry(scan, it).is_some_and(|brand| {
        (WORD_CHARS..=MAX_BRAND_CHARS).contains(&scan.text[brand.range()].chars().count())
            && super::site::plain(scan, it)
            && scan.text[it.range()].chars().all(is_cjk)
    })
}

/// True when the item holds a rank (`省级`: `grammar.rank`): it describes
/// a kind of place or body, it names none.
fn holds_rank(scan: &Scan<'_>, it: Span) -> bool {
    scan.hits_within(it)
        .any(|h| scan.hit_is(h, LexClass::Grammar(Grammar::Rank)))
}

/// The raw items of a clause, the stretches between its `、`.
fn raw_items(text: &str, clause: Span) -> Vec<Span> {
    let mut raw: Vec<Span> = Vec::new();
    let mut s = clause.start;
    for (k, c) in text[clause.range()].char_indices() {
        if c == '、' {
            raw.push(Span::new(s, clause.start + k));
            s = clause.start + k + c.len_utf8();
        }
    }
    raw.push(Span::new(s, clause.end));
    raw
}

/// The kind a list's bare items take from the mentions among its items
/// (`kinds`): none when a person or a post is listed, or when places and
/// bodies are mixed; bodies when `等` closes it with companies.
fn list_kind(company_list: bool, kinds: &[EntityKind]) -> Option<EntityKind> {
    if kinds.contains(&EntityKind::Person) || kinds.contains(&EntityKind::Title) {
        return None;
    }
    let has_place = kinds.contains(&EntityKind::Place);
    let has_org = kinds.contains(&EntityKind::Org);
    match (company_list, has_place, has_org) {
        (true, _, _) => Some(EntityKind::Org),
        (false, true, false) => Some(EntityKind::Place),
        (false, false, true) => Some(EntityKind::Org),
        _ => None,
    }
}

/// The kind an item's own suffix says (`体育公园` a place even in a list
/// of museums), if it ends in one.
fn own_kind(scan: &Scan<'_>, it: Span) -> Option<EntityKind> {
    let suffix = scan.longest_ending_at(it.end, [LexClass::PlaceSuffix, LexClass::OrgSuffix])?;
    (suffix.span().start > it.start).then(|| {
        if scan.hit_is(&suffix, LexClass::PlaceSuffix) {
            EntityKind::Place
        } else {
            EntityKind::Org
        }
    })
}

/// A short name that could be a sibling: 2–8 CJK characters, not generic,
/// no verb the segmenter knows.
fn bare_name(scan: &Scan<'_>, it: Span) -> bool {
    let w = &scan.text[it.range()];
    let n = w.chars().count();
    if !(2..=MAX_ITEM_CHARS).contains(&n)
        || !w.chars().all(is_cjk)
        || opens_generically_in(scan.lex, w)
    {
        return false;
    }
    // Descriptive facility words stay outside names (`葛根基地`), and
    // people are no names of places or bodies.
    let describes =
        |c: LexClass| matches!(c, LexClass::Grammar(Grammar::Facility | Grammar::People));
    if scan
        .hits_ending_at(it.end)
        .any(|h| h.span().start >= it.start && scan.hit_is(h, describes))
    {
        return false;
    }
    if scan.lex.any(w, |c| {
        matches!(
            c,
            LexClass::Stop | LexClass::TitleRole | LexClass::NameCue | LexClass::Surname
        )
    }) {
        return false;
    }
    if scan
        .word_tag(w)
        .is_some_and(|t| !matches!(t, Pos::Ns | Pos::Nz | Pos::Nt | Pos::Nr | Pos::J))
    {
        return false;
    }
    // An unknown word the segmenter broke into characters (`上/f 奉/v`) is
    // read as one name: its characters' tags say nothing of it.
    let broken_up = broken_into_characters(scan, it);
    !scan.tokens_around(it.start).iter().any(|t| {
        t.span.start >= it.start
            && t.span.end <= it.end
            && (t.tag.is_verb() && !broken_up
                || matches!(
                    t.tag,
                    Pos::P | Pos::C | Pos::U | Pos::Uj | Pos::D | Pos::R | Pos::M | Pos::I | Pos::L
                )
                || (t.tag == Pos::A && t.span.end == it.end))
            && scan.is_known_word(&scan.text[t.span.range()])
    })
}

/// True when the segmenter read `it`, two or three characters that are
/// no word it knows, one character at a time, none of them a function
/// word.
fn broken_into_characters(scan: &Scan<'_>, it: Span) -> bool {
    let w = &scan.text[it.range()];
    if !(2..=3).contains(&w.chars().count()) || scan.is_known_word(w) {
        return false;
    }
    let toks = scan.tokens_around(it.start);
    let inside = || {
        toks.iter()
            .filter(|t| t.span.start >= it.start && t.span.end <= it.end)
    };
    inside().count() == w.chars().count()
        && inside().all(|t| {
            !matches!(
                t.tag,
                Pos::P | Pos::C | Pos::U | Pos::Uj | Pos::Ul | Pos::D | Pos::R | Pos::M | Pos::Q
            )
        })
}

/// The name at the end of the first piece (`走访星河电气` → `星河电气`): the
/// tokens after the last verb, particle or cue.
fn trailing_name(scan: &Scan<'_>, piece: Span) -> Span {
    let toks = scan.tokens_around(piece.end.saturating_sub(1));
    let mut start = piece.end;
    for t in toks.iter().rev() {
        if t.span.end > piece.end || t.span.start < piece.start {
            continue;
        }
        if t.span.end != start {
            break;
        }
        let w = &scan.text[t.span.range()];
        let stop = (t.tag.is_verb() && scan.is_known_word(w))
            || is_function_tag(t.tag)
            || super::edge::is_locative(w)
            || scan.lex.any(w, |c| {
                matches!(c, LexClass::NameCue | LexClass::TitleRole | LexClass::Stop)
            });
        if stop || scan.text[t.span.start..piece.end].chars().count() > MAX_ITEM_CHARS {
            // A number or measure word before it makes a description
            // (`百亩葛根基地`), not a name.
            if matches!(t.tag, Pos::M | Pos::Q | Pos::X) && !scan.is_break_at(t.span.start) {
                return Span::new(piece.end, piece.end);
            }
            break;
        }
        start = t.span.start;
    }
    Span::new(start, piece.end)
}

/// A part of speech that ends a name read from a list's end piece: a
/// preposition, conjunction, particle, adverb, pronoun, numeral, symbol
/// or locative.
fn is_function_tag(tag: Pos) -> bool {
    matches!(
        tag,
        Pos::P | Pos::C | Pos::U | Pos::Uj | Pos::Ul | Pos::D | Pos::R | Pos::M | Pos::X | Pos::F
    )
}

/// The name at the start of the last piece when no `等` closes the list.
fn leading_name(scan: &Scan<'_>, piece: Span) -> Span {
    let toks = scan.tokens_around(piece.start);
    let mut end = piece.start;
    for t in toks.iter() {
        if t.span.start < piece.start || t.span.end > piece.end {
            continue;
        }
        if t.span.start != end {
            break;
        }
        let w = &scan.text[t.span.range()];
        let stop = (t.tag.is_verb() && scan.is_known_word(w))
            || is_function_tag(t.tag)
            || (end > piece.start && sums_up(w))
            || scan.lex.any(w, |c| {
                matches!(c, LexClass::NameCue | LexClass::TitleRole | LexClass::Stop)
            });
        if stop || scan.text[piece.start..t.span.end].chars().count() > MAX_ITEM_CHARS {
            break;
        }
        end = t.span.end;
    }
    Span::new(piece.start, end)
}

/// Words for villages and towns that close a list of them (`等村`,
/// `两条村`, `三个社区`). A closed set of the grammar, kept in code.
const DIVISION_WORDS: [&str; 6] = ["乡镇", "街道", "社区", "村", "乡", "镇"];

/// True when a word for villages or towns starts at `pos`, ends a word of
/// the segmenter there and is followed by no post or word for people
/// (`等村/` + `河段`, not `村民`, `镇领导`, `村干部`).
fn division_word_at(scan: &Scan<'_>, pos: usize) -> bool {
    DIVISION_WORDS.iter().any(|w| {
        scan.text[pos..].starts_with(w)
            && scan
                .token_containing(pos + w.len() - 1)
                .is_some_and(|t| t.span.end == pos + w.len())
            && !scan.hits_at(pos + w.len()).iter().any(|h| {
                scan.hit_is(
                    h,
                    [
                        LexClass::TitleRole,
                        LexClass::NameCue,
                        LexClass::Grammar(Grammar::People),
                    ],
                )
            })
    })
}

/// The most characters of a count and its measure word (`两条`, `三个`).
const MAX_COUNT_CHARS: usize = 2;

/// Where the last item of a list ends when a count of villages or towns
/// closes it (`甲、乙两条村`, `甲、乙三个社区`): the count's start.
fn count_of_divisions(scan: &Scan<'_>, piece: Span) -> Option<usize> {
    let text = &scan.text[piece.range()];
    // The count follows an item of at most MAX_ITEM_CHARS characters.
    let (k, _) = text
        .char_indices()
        .take(MAX_ITEM_CHARS + 1)
        .find(|&(_, c)| is_count(c))?;
    let start = piece.start + k;
    let item_chars = text[..k].chars().count();
    if !(WORD_CHARS..=MAX_ITEM_CHARS).contains(&item_chars) {
        return None;
    }
    // The count, a measure word perhaps (a closed set, kept in code), then
    // the word for divisions.
    let mut pos = start;
    for (n, c) in scan.text[start..].chars().enumerate() {
        if n >= MAX_COUNT_CHARS || !(is_count(c) || matches!(c, '个' | '条' | '座')) {
            break;
        }
        pos += c.len_utf8();
        if division_word_at(scan, pos) {
            return Some(start);
        }
    }
    None
}

/// The numerals that open a count: of divisions closing a list (`两条村`)
/// or summing it up (`三大`, `六大`: `甲、乙、丙三大产业`). A closed set of
/// the grammar, kept in code as a `match` (read per character of every
/// list's last piece).
fn is_count(c: char) -> bool {
    matches!(
        c,
        '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// `四大`, `十大`: a count and `大`, which sums the items before it up and
/// names none of them.
fn sums_up(word: &str) -> bool {
    let mut cs = word.chars();
    matches!(
        (cs.next(), cs.next(), cs.next()),
        (Some(n), Some('大'), None) if is_count(n)
    )
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::{Org, Place};

    #[test]
    fn companies_listed_before_deng_qiye() {
        assert_eq!(
            spans("走访了星河电气、蓝海科创、宏远重工等重点企业。", Org),
            ["星河电气", "蓝海科创", "宏远重工"]
        );
    }

    #[test]
    fn people_listed_with_bodies_are_no_body() {
        let orgs = spans("政府办、人大部门负责人、各乡镇人大主席参加会议。", Org);
        assert!(orgs.contains(&"政府办".to_string()), "{orgs:?}");
        assert!(orgs.iter().all(|o| !o.ends_with("负责人")), "{orgs:?}");
    }

    #[test]
    fn siblings_of_a_place() {
        assert_eq!(
            spans("先后察看了春申路、梅园、松柏苑等项目现场。", Place),
            ["春申路", "梅园", "松柏苑"]
        );
    }

    #[test]
    fn an_item_keeps_the_kind_its_suffix_says() {
        let text = "整合镇域内体育公园、森林公园、莘庄美术馆等公共文化空间。";
        assert_eq!(spans(text, Place), ["体育公园"]);
        assert_eq!(spans(text, Org), ["莘庄美术馆"]);
    }

    #[test]
    fn a_direction_after_an_item_is_no_name() {
        let places = spans("该项目位于滨江大道以东、春晓路以北。", Place);
        assert!(places.iter().all(|p| !p.ends_with("以东")), "{places:?}");
    }

    #[test]
    fn a_count_summing_up_the_list_ends_its_last_item() {
        let places = spans(
            "全县依托青河经济开发区、南湖新城、航空产业基地四大发展空间，推动产业升级。",
            Place,
        );
        assert!(places.iter().all(|p| !p.contains("四大")), "{places:?}");
    }

    #[test]
    fn a_brand_and_its_trade_is_no_activity() {
        assert_eq!(
            spans("李明在华宇纺织、东升重工、金源新材料项目现场调研。", Org),
            ["华宇纺织", "东升重工"]
        );
    }

    #[test]
    fn an_unknown_name_read_by_its_characters_is_a_sibling() {
        let places = spans(
            "检查组深入到青岭、大桥、东港、西坪、上奉等乡镇开展检查。",
            Place,
        );
        assert!(places.contains(&"上奉".to_string()), "{places:?}");
    }

    #[test]
    fn a_brand_made_of_a_verb_in_a_list_of_companies() {
        let orgs = spans(
            "区长王明先后前往双运工贸、振兴石油、华宇电气等工业企业走访调研。",
            Org,
        );
        assert!(orgs.contains(&"振兴石油".to_string()), "{orgs:?}");
        assert!(
            spans("会议研究了发展食品、振兴石油等事项。", Org).is_empty(),
            "no list of companies"
        );
    }

    #[test]
    fn lists_of_things_stay_unnamed() {
        assert!(spans("教育、医疗、养老等民生项目", Place).is_empty());
        assert!(spans("教育、医疗、养老等民生项目", Org).is_empty());
    }

    #[test]
    fn activities_are_no_siblings() {
        let t = "检查了青禾社区、道路建设、绿化养护等项目进展。";
        assert!(
            spans(t, Place).iter().all(|p| p != "道路建设"),
            "{:?}",
            spans(t, Place)
        );
        assert!(
            spans(t, Org).iter().all(|p| p != "道路建设"),
            "{:?}",
            spans(t, Org)
        );
    }
}

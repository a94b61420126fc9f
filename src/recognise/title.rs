//! TITLE: posts as written, with the organisation glued before them
//! (`区委副书记`, `七宝镇党委书记`, `区人大常委会副主任`,
//! `云南省保山市施甸县委书记`). A title is kept only when a named person
//! follows it, directly or through a chain joined by `、`; the person
//! recogniser decides that.

use super::index::MentionIndex;
use super::pos::Pos;
use super::{Mention, Scan};
use crate::lexicon::{Grammar, Level, LexClass};
use crate::recognise::lengths::WORD_CHARS;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};

/// A title candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TitleCand {
    /// The whole title.
    pub span: Span,
    /// The post itself (`副书记`).
    pub role: Span,
    /// The rule that keeps it.
    pub rule: Rule,
}

/// The longest unit's name before a post named after it (`民事审判庭` +
/// `庭长`), in characters.
const MAX_UNIT_CHARS: usize = 6;

/// How far left of its suffix a body's name before a post reaches
/// (`应急指挥中心` + `主任`), in characters.
const MAX_BODY_CHARS: usize = 8;

/// Finds title candidates, given the organisation and place candidates.
pub(crate) fn find(scan: &Scan<'_>, orgs: &[Mention], places: &[Mention]) -> Vec<TitleCand> {
    let mut out: Vec<TitleCand> = Vec::new();
    // Role hits grouped by end; each is extended left, and the longest
    // title for an end wins (`全国人大` + `代表` beats `人大代表`).
    let mut roles: Vec<Span> = scan
        .hits()
        .iter()
        .filter(|h| scan.hit_is(h, LexClass::TitleRole))
        .map(|h| h.span())
        .collect();
    roles.sort_by_key(|s| (s.end, s.start));
    // Looked up by end at every step left; an index keeps that a
    // logarithm rather than a pass over all of them.
    let bodies = MentionIndex::new(&[orgs, places].concat());
    let mut i = 0;
    while i < roles.len() {
        let end = roles[i].end;
        let mut best: Option<TitleCand> = None;
        while i < roles.len() && roles[i].end == end {
            if let Some(t) = extend(scan, roles[i], &bodies)
                && best.is_none_or(|b| t.span.start < b.span.start)
            {
                best = Some(t);
            }
            i += 1;
        }
        let Some(t) = best else { continue };
        // Overlaps the previous title: keep the longer.
        if let Some(prev) = out.last()
            && prev.span.end > t.span.start
        {
            if prev.span.len() >= t.span.len() {
                continue;
            }
            out.pop();
        }
        out.push(t);
    }
    out
}

/// Extends a role hit leftwards over the organisation written before it.
fn extend(scan: &Scan<'_>, role: Span, bodies: &MentionIndex) -> Option<TitleCand> {
    let word = &scan.text[role.range()];
    let mut start = unit_before(scan, role, bodies).unwrap_or(role.start);
    loop {
        while let Some(s) = prefix_ending_at(scan, start, bodies).filter(|&s| s < start) {
            start = s;
        }
        // Not where the level opens the post itself (`某某县` + `县长`).
        match place_closed_by_level(scan, start, bodies).filter(|_| start < role.start) {
            Some(s) if s < start => start = s,
            _ => break,
        }
    }
    // A level character alone before the post's body (`镇` + `党委书记`).
    if let Some(c) = scan.char_before(start)
        && Level::of_char(c).is_some()
    {
        let p = start - c.len_utf8();
        if scan.is_break_before(p) || starts_clause_word(scan, p) {
            start = p;
        }
    }
    let start = after_pronoun(scan, start);
    if start == role.start {
        // `周区长`, `陈书记`: a surname alone is no name.
        let surname_before = scan.char_before(start).is_some_and(|c| {
            scan.lex.is(&c.to_string(), LexClass::Surname)
                && scan.is_break_before(start - c.len_utf8())
        });
        // `代表`, `经理`: a post too vague to stand alone (`needs=body`).
        let needs_body = scan
            .lex
            .lookup(word)
            .any(|e| e.class == LexClass::TitleRole && e.traits.needs_body);
        if surname_before || needs_body {
            return None;
        }
    }
    Some(TitleCand {
        span: Span::new(start, role.end),
        role,
        rule: Rule::Title,
    })
}

/// `某某苗族自治县` + `县政协…`: a body read from its level character
/// (`县政协`) whose level closes the place written before it; the place
/// opens the title. Returns where that place starts.
fn place_closed_by_level(scan: &Scan<'_>, start: usize, bodies: &MentionIndex) -> Option<usize> {
    let c = scan.char_at(start)?;
    Level::of_char(c)?;
    bodies
        .ending_at(start + c.len_utf8())
        .filter(|m| m.kind == EntityKind::Place && m.span.start < start)
        .map(|m| m.span.start)
        .min()
}

/// `我镇党委书记`, `本县县长`, `原县委书记`: a one-character opener of
/// generic names (`grammar.generic-opener`: the pronouns 我, 本, 该, and 原,
/// former) before a level character is no part of the body's name; the
/// post starts at the level (and a former post stays one: `原` stands
/// before it).
fn after_pronoun(scan: &Scan<'_>, start: usize) -> usize {
    let Some(c) = scan.char_at(start) else {
        return start;
    };
    let level = start + c.len_utf8();
    let pronoun = scan.hits_at(start).iter().any(|h| {
        h.span().end == level && scan.hit_is(h, LexClass::Grammar(Grammar::GenericOpener))
    });
    if pronoun && scan.char_at(level).and_then(Level::of_char).is_some() {
        level
    } else {
        start
    }
}

/// `民行科科长`, `行政审判庭庭长`: a post named after its unit (`科长` of
/// a `科`) follows the unit's name, which reaches back to the body it
/// belongs to (`县检察院`) or to the start of the clause. Levels (`镇镇长`)
/// are places, found as bodies.
fn unit_before(scan: &Scan<'_>, role: Span, bodies: &MentionIndex) -> Option<usize> {
    let word = &scan.text[role.range()];
    let post = word.strip_prefix('副').unwrap_or(word);
    let mut chars = post.chars();
    let (Some(unit), Some('长'), None) = (chars.next(), chars.next(), chars.next()) else {
        return None;
    };
    if Level::of_char(unit).is_some() {
        return None;
    }
    if scan.char_before(role.start) != Some(unit) {
        return if unit == MERGED_UNIT {
            merged_unit_before(scan, role)
        } else {
            merged_department_before(scan, role, unit)
        };
    }
    let mut pos = role.start - unit.len_utf8();
    for n in 1..=MAX_UNIT_CHARS {
        let c = scan.char_before(pos)?;
        if !crate::text::is_cjk(c) || super::edge::FUNCTION_CHARS.contains(c) {
            return None;
        }
        pos -= c.len_utf8();
        if n >= WORD_CHARS
            && (prefix_ending_at(scan, pos, bodies).is_some()
                || scan.is_break_before(pos)
                || starts_clause_word(scan, pos))
        {
            return Some(pos);
        }
    }
    None
}

/// `应急局长`, `县交通运输局长`: a bureau's post written with the bureau's
/// `局` merged into it. The bureau's name is the common nouns before the
/// post (never a person's name: `王明局长`), from a break, a clause word or a
/// level character.
fn merged_unit_before(scan: &Scan<'_>, role: Span) -> Option<usize> {
    let toks = scan.tokens_around(role.start.saturating_sub(1));
    let mut pos = role.start;
    let mut chars = 0;
    while let Some(t) = toks.iter().find(|t| t.span.end == pos) {
        let w = &scan.text[t.span.range()];
        let n = w.chars().count();
        let level = n == 1 && w.chars().next().and_then(Level::of_char).is_some();
        if level && chars >= WORD_CHARS {
            pos = t.span.start;
            break;
        }
        let common_noun = n >= WORD_CHARS
            && scan.is_known_word(w)
            && (t.tag.is_noun() || matches!(t.tag, Pos::J | Pos::Vn))
            && !t.tag.is_name()
            && !w.contains(|c| super::edge::FUNCTION_CHARS.contains(c));
        if !common_noun || chars + n > MAX_UNIT_CHARS {
            break;
        }
        chars += n;
        pos = t.span.start;
    }
    let bounded = scan.is_break_before(pos)
        || starts_clause_word(scan, pos)
        || scan
            .char_before(pos)
            .is_some_and(|c| !crate::text::is_cjk(c));
    (chars >= WORD_CHARS && (bounded || scan.char_at(pos).and_then(Level::of_char).is_some()))
        .then_some(pos)
}

/// The unit character a post may be written merged with after any body's
/// name (`局` + `局长`); a department's merges only where the lexicon knows
/// the department ([`merged_department_before`]).
pub(crate) const MERGED_UNIT: char = '局';

/// The longest department's name before its merged unit character
/// (`组织` of `组织部长`), in characters.
const MAX_DEPARTMENT_STEM_CHARS: usize = 3;

/// `组织部长`, `宣传部长`: a department of the lexicon (`title.org`) whose
/// last character the post starts with, written once. Returns where the
/// department's name starts.
fn merged_department_before(scan: &Scan<'_>, role: Span, unit: char) -> Option<usize> {
    let mut pos = role.start;
    let mut stem = String::new();
    for _ in 0..MAX_DEPARTMENT_STEM_CHARS {
        let c = scan.char_before(pos)?;
        pos -= c.len_utf8();
        stem.insert(0, c);
        let mut name = stem.clone();
        name.push(unit);
        if stem.chars().count() >= WORD_CHARS && scan.lex.is(&name, LexClass::TitleOrg) {
            return Some(pos);
        }
    }
    None
}

/// The start of an organisation or place written right before `pos`.
fn prefix_ending_at(scan: &Scan<'_>, pos: usize, bodies: &MentionIndex) -> Option<usize> {
    let from_mentions = bodies.ending_at(pos).map(|m| m.span.start).min();
    // A short form counts only where the place rules found it (`春在` of
    // some 春在乡 is no place in `龙长春在州委常委`).
    let from_lex = scan
        .longest_ending_at(pos, |c| {
            matches!(c, LexClass::TitleOrg | LexClass::Org)
                || c.is_place() && c != LexClass::PlaceShort
        })
        .map(|h| h.span().start);
    let mut best = [
        from_mentions,
        from_lex,
        unit_name_ending_at(scan, pos),
        zone_kind_ending_at(scan, pos),
    ]
    .into_iter()
    .flatten()
    .min();
    // A level character before a body (`区` + `人大常委会`, `镇` + `城运中心`).
    if let Some(s) = best
        && let Some(c) = scan.char_before(s)
        && Level::of_char(c).is_some()
        && scan
            .longest_ending_at(s, |c: LexClass| c.is_place())
            .is_none()
    {
        let p = s - c.len_utf8();
        if scan.is_break_before(p)
            || !scan.char_before(p).is_some_and(crate::text::is_cjk)
            || starts_clause_word(scan, p)
        {
            best = Some(p);
        }
    }
    best
}

/// A body's name ending in an organisation suffix right before a post
/// (`应急指挥中心` + `主任`). Names of bodies need a proper part to stand
/// alone (`服务中心` is generic), but before a post the name says which
/// body the person leads, whatever it is made of.
fn unit_name_ending_at(scan: &Scan<'_>, pos: usize) -> Option<usize> {
    let suffix = scan.longest_ending_at(pos, LexClass::OrgSuffix)?;
    let edge = super::edge::left_edge(scan, suffix.span().start, MAX_BODY_CHARS, true, true);
    let mut start = edge.start;
    // `任命某某为某市人民政府副市长`: the name ends at the appointment's `为`.
    if let Some(i) = scan.text[start..suffix.span().start].rfind(APPOINTED_AS) {
        start += i + APPOINTED_AS.len_utf8();
    }
    let left = &scan.text[start..suffix.span().start];
    // `某某在州委`: a grammar word is no part of a unit's name.
    (left.chars().count() >= WORD_CHARS
        && !super::edge::opens_generically_in(scan.lex, left)
        && !left
            .chars()
            .any(|c| super::edge::FUNCTION_CHARS.contains(c)))
    .then_some(start)
}

/// `市、县人大代表`: a level before `、` shares the post, so the title
/// read from the second level on is cut.
fn shares_a_level(scan: &Scan<'_>, start: usize) -> bool {
    scan.char_before(start) == Some('、')
        && scan
            .char_at(start)
            .is_some_and(|c| Level::of_char(c).is_some())
        && scan
            .char_before(start - '、'.len_utf8())
            .is_some_and(|c| Level::of_char(c).is_some())
}

/// The link of an appointment (`任命某某为…`), never inside a body's name
/// before a post.
const APPOINTED_AS: char = '为';

/// A zone named by its kind alone right before a post's body, as a level
/// character is (`开发区` + `党工委书记`, `工业集中区` + `管委会主任`):
/// the article's own zone. It stands after a break or a word that opens
/// a title.
fn zone_kind_ending_at(scan: &Scan<'_>, pos: usize) -> Option<usize> {
    let zone = scan.longest_ending_at(pos, LexClass::PlaceSuffix)?;
    let start = zone.span().start;
    (scan.text[zone.span().range()].chars().count() >= WORD_CHARS
        && (scan.is_break_before(start) || starts_clause_word(scan, start)))
    .then_some(start)
}

/// True when a word that commonly precedes a title ends at `pos`.
fn starts_clause_word(scan: &Scan<'_>, pos: usize) -> bool {
    scan.longest_ending_at(pos, [LexClass::NameCue, LexClass::Stop])
        .is_some()
        || scan.char_before(pos).is_some_and(|c| {
            matches!(
                c,
                // A closed set of the grammar, kept in code.
                '由' | '和' | '与' | '及' | '、' | ',' | '。' | '的' | '是' | '任' | '为'
            )
        })
}

/// Converts kept titles to mentions.
/// The bodies titles open with (`某省委` of `某省委书记`, `某部` of
/// `某部副部长`): a place or a body of the lexicon, ending in a body word
/// right before the post. They end up nested in their titles.
pub(crate) fn bodies(scan: &Scan<'_>, titles: &[TitleCand]) -> Vec<Mention> {
    titles
        .iter()
        .filter_map(|t| {
            let body = Span::new(t.span.start, t.role.start);
            let w = &scan.text[body.range()];
            if w.chars().count() < MIN_TITLE_BODY {
                return None;
            }
            let ends_in_body = scan.hits_ending_at(body.end).any(|h| {
                h.span().start >= body.start && scan.hit_is(h, crate::lexicon::ClassSet::BODY_WORDS)
            });
            // `中共某县委`: the place follows the party's name.
            let place_at = if w.starts_with(PARTY) {
                body.start + PARTY.len()
            } else {
                body.start
            };
            let opens_with_place = scan.hits_at(place_at).iter().any(|h| {
                h.span().end < body.end
                    && scan.hit_is(h, |c| {
                        matches!(c, LexClass::Division(_) | LexClass::PlaceShort)
                    })
            });
            (ends_in_body && (opens_with_place || scan.lex.is(w, LexClass::Org)))
                .then(|| Mention::new(body, EntityKind::Org, Rule::OrgTitleBody))
        })
        .collect()
}

/// The party's name, written before the body of a place it leads.
const PARTY: &str = "中共";

/// The shortest body read before a post, in chars (`区委` alone is generic).
const MIN_TITLE_BODY: usize = 3;

pub(crate) fn mentions(titles: &[TitleCand]) -> Vec<Mention> {
    titles
        .iter()
        .map(|t| Mention::title(t.span, t.role, t.rule))
        .collect()
}

/// The word after a post that names it as a post held (`县长职务`).
const HELD_POST: &str = "职务";

/// Titles no person follows that the text names as posts held, given up
/// or removed (`辞去某县人民政府县长职务`, `免去某某的副县长职务`): the
/// candidates right before `职务` that `kept` does not hold yet.
pub(crate) fn held_posts(
    scan: &Scan<'_>,
    titles: &[TitleCand],
    kept: &[TitleCand],
) -> Vec<TitleCand> {
    titles
        .iter()
        .filter(|t| scan.text[t.span.end..].starts_with(HELD_POST))
        .filter(|t| !shares_a_level(scan, t.span.start))
        .filter(|t| !kept.iter().any(|k| k.span.overlaps(t.span)))
        .map(|t| TitleCand {
            rule: Rule::TitleHeldPost,
            ..*t
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Title;

    fn titles(text: &str) -> Vec<String> {
        spans(text, Title)
    }

    #[test]
    fn organisation_prefix_stays_in_the_title() {
        assert_eq!(titles("莘庄镇党委书记王建国讲话。"), ["莘庄镇党委书记"]);
        assert_eq!(
            titles("区人大常委会副主任李明华出席。"),
            ["区人大常委会副主任"]
        );
        assert_eq!(
            titles("镇党委副书记、镇长赵晓东主持。"),
            ["镇党委副书记", "镇长"]
        );
    }

    #[test]
    fn a_zone_named_by_its_kind_stays_in_the_title() {
        assert_eq!(
            titles("工业集中区党工委书记王明汇报了工作。"),
            ["工业集中区党工委书记"]
        );
        assert_eq!(
            titles("会上,开发区管委会主任李华发言。"),
            ["开发区管委会主任"]
        );
    }

    #[test]
    fn a_post_named_after_its_unit_takes_the_unit_and_its_body() {
        assert_eq!(
            titles("区法院民事审判庭庭长王建国、区检察院公诉科副科长李明华参加。"),
            ["区法院民事审判庭庭长", "区检察院公诉科副科长"]
        );
        // Without the unit's character the post stands alone.
        assert_eq!(titles("会上,科长王建国发言。"), ["科长"]);
    }

    #[test]
    fn a_bureau_merged_into_its_post() {
        assert_eq!(
            titles("在县交通运输局长张建华、应急局长李明华的陪同下。"),
            ["县交通运输局长", "应急局长"]
        );
        // A person's name before the post is no bureau.
        assert_eq!(titles("会上,王建国局长讲话。"), ["局长"]);
    }

    #[test]
    fn a_generic_body_before_a_post_belongs_to_the_title() {
        assert_eq!(
            titles("会上,镇综治中心副主任、应急指挥中心主任王汉城汇报了工作。"),
            ["镇综治中心副主任", "应急指挥中心主任"]
        );
    }

    #[test]
    fn a_street_office_before_its_director() {
        assert_eq!(
            titles("城东街道办事处主任刘芳表示,将加快改造。"),
            ["城东街道办事处主任"]
        );
        assert_eq!(
            titles("该小区位于城东街道。街道办事处主任刘芳表示,将加快改造。"),
            ["街道办事处主任"]
        );
    }

    #[test]
    fn national_posts_and_river_chiefs() {
        assert_eq!(titles("国务院副总理刘国中在南昌考察。"), ["国务院副总理"]);
        assert_eq!(titles("区级河长王建国巡河。")[0], "河长");
    }

    #[test]
    fn a_grammar_word_is_no_part_of_a_title() {
        assert_eq!(
            titles("州委书记龙长春在州委常委、州委秘书长王忠的陪同下调研。"),
            ["州委书记", "州委常委", "州委秘书长"]
        );
    }

    #[test]
    fn a_title_needs_a_named_person() {
        assert!(titles("镇长办公会议召开。").is_empty());
        assert!(titles("周区长指出").is_empty());
    }

    #[test]
    fn posts_held_given_up_or_removed() {
        assert_eq!(
            titles("会议决定接受王建国同志辞去青山县人民政府县长职务的请求。"),
            ["青山县人民政府县长"]
        );
        assert_eq!(
            titles("免去李明华的青山市人民政府副市长职务。"),
            ["青山市人民政府副市长"]
        );
        assert_eq!(
            titles("接受其辞去青山市人大常委会副主任职务的请求。"),
            ["青山市人大常委会副主任"]
        );
        assert_eq!(
            titles("会议决定任命赵立新为青山市人民政府副市长。"),
            ["青山市人民政府副市长"]
        );
        assert_eq!(
            titles("会议决定任命赵立东为青山市人民政府副市长。"),
            ["青山市人民政府副市长"]
        );
        assert!(titles("接受王建国辞去市、县人大代表职务的请求。").is_empty());
    }

    #[test]
    fn posts_named_after_the_person() {
        assert_eq!(
            titles("选举王建国同志为县人民政府副县长。"),
            ["县人民政府副县长"]
        );
    }
}

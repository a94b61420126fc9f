//! Articles inside one file, and the places each article is about.
//!
//! A town newsletter holds several articles: each opens with one or more
//! headline lines and ends with a byline such as `(镇文明办)` or
//! `高志强/文 施明忠/摄`. An article also starts at a run of headline lines
//! that is followed by a dated news lead (`11月28日,…`).
//!
//! Each article knows the divisions its text names (PLACE mentions, and the
//! division names written at the head of organisation and title mentions),
//! with how often each is named. [`Doc::place_for`] answers "which 区 / 镇 /
//! 县 … is this article about", falling back to the whole document, and
//! never guessing a place the text does not name: the lexicon's parent chain
//! only breaks ties between named places.

use super::norm::NormText;
use super::{Doc, Mention};
use crate::lexicon::{Level, LexClass, Lexicon, PARTY_PREFIX, is_zone, leading_divisions_by};
use crate::span::EntityKind;
use crate::text::chars_at_most;
use hashbrown::HashMap;

/// One article: a byte range of the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Article {
    /// Where it starts.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// The divisions the article names.
    pub places: Vec<NamedPlace>,
    /// The divisions its dateline, byline and headline name, surest first.
    pub context: Vec<super::context::ContextPlace>,
}

/// A division named in an article, by its full name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NamedPlace {
    /// Full name (`七宝镇`, also for the short form `七宝`).
    pub name: String,
    /// Its level.
    pub level: Level,
    /// How many mentions name it.
    pub count: usize,
    /// Where the first mention starts.
    pub first: usize,
    /// How many of those mentions name it outside a post and a visiting
    /// group: visitors write their own place in their titles
    /// (`某市委书记`, `某市考察团`), the hosts' abbreviated titles do not.
    pub plain: usize,
    /// Where the first such mention starts (`usize::MAX` when none).
    pub first_plain: usize,
    /// True when a place mention writes the full name itself.
    pub full_written: bool,
    /// The short form with its level character a place mention writes
    /// (`某某州` of `某某彝族自治州`), when one does.
    pub short_written: Option<String>,
}

impl NamedPlace {
    /// The name bodies take in this article: the full name when the article
    /// writes it, else the short form with its level it writes (`某某州`,
    /// whose government is `某某州人民政府`), else the full name.
    pub(crate) fn as_written(&self) -> &str {
        match &self.short_written {
            Some(s) if !self.full_written => s,
            _ => &self.name,
        }
    }
}

/// The length of a division's name whose proper part has one character
/// (`郊区`, `房县`), in characters: glued to the word before it, such a
/// name may be the tail of a longer one (`集|中区`), and its committee
/// is spelled in full (`房县县委`).
pub(crate) const SHORT_DIVISION_CHARS: usize = 2;

/// The level of a division name, if the lexicon knows it as a division
/// (villages not).
pub(crate) fn division_level(lex: &Lexicon, name: &str) -> Option<Level> {
    lex.division_levels(name).find(|&l| l != Level::Village)
}

/// The full name of a short form (`七宝` → `七宝镇`), if it is one.
pub(crate) fn full_of_short(lex: &Lexicon, name: &str) -> Option<String> {
    lex.lookup(name)
        .filter(|e| e.class == LexClass::PlaceShort)
        .find_map(|e| e.full.as_deref().map(str::to_string))
        .filter(|f| division_level(lex, f).is_some())
}

/// The division names written one after another at the head of `text`
/// (`云南省保山市施甸县委` → 云南省, 保山市, 施甸县), with the number of chars
/// they cover.
pub(crate) fn leading_divisions(lex: &Lexicon, text: &str) -> (Vec<(String, Level)>, usize) {
    leading_divisions_by(text, usize::MAX, |w| {
        division_level(lex, w).map(|l| (w.to_string(), l))
    })
}

/// A governing body of the lexicon (`人大常委会`, `政府`, `党委`), or the
/// party committee written as `委` after a level (`县委`).
fn is_governing_body(lex: &Lexicon, word: &str) -> bool {
    word == super::orgname::COMMITTEE
        || lex
            .lookup(word)
            .any(|e| e.class == LexClass::OrgSuffix && e.traits.governing)
}

/// The division that an organisation's name opens with, when the lexicon
/// does not know it: `通道县` in `通道县人大常委会` (a name of at least three
/// characters ending in a level character, then a governing body).
fn division_before_body(lex: &Lexicon, text: &str) -> Option<(String, Level)> {
    let place = text
        .char_indices()
        .map(|(i, _)| &text[i..])
        .find(|body| is_governing_body(lex, body))
        .map(|body| &text[..text.len() - body.len()])?;
    let level = Level::word_ending(place)
        .map(|(_, l)| l)
        .filter(|&l| l != Level::Village)?;
    // `高新技术示范区`, `某某开发区`: a zone is no division.
    let ok = !is_zone(lex, place)
        && place.chars().count() > SHORT_DIVISION_CHARS
        && place.chars().all(crate::text::is_cjk);
    ok.then(|| (place.to_string(), level))
}

/// The divisions an organisation's or a title's name opens with: those the
/// lexicon knows (`云南省保山市施甸县委` → 云南省, 保山市, 施甸县), else one
/// written before a governing body (`通道县人大常委会` → 通道县).
pub(crate) fn divisions_in_name(lex: &Lexicon, text: &str) -> Vec<(String, Level)> {
    let text = text.strip_prefix(PARTY_PREFIX).unwrap_or(text);
    let (mut divs, used) = leading_divisions(lex, text);
    let rest_at = text.char_indices().nth(used).map_or(text.len(), |(i, _)| i);
    if let Some(d) = division_before_body(lex, &text[rest_at..]) {
        divs.push(d);
    }
    divs
}

/// True when the char before `pos` glues a word to it: a mention that
/// starts there may have lost the head of its name (`集|中区党工委书记`).
/// The characters that glue nothing are prepositions, conjunctions and the
/// one-character verbs that stand before a post (`任`, `为`, `请`): a
/// closed set of function characters, read per character, so kept here.
pub(crate) fn glued_before(nt: &NormText<'_>, pos: usize) -> bool {
    nt.char_before(pos)
        .is_some_and(|c| crate::text::is_cjk(c) && !"由为和及与在的对向将请任".contains(c))
}

/// True when a division `name` of `level` fits the level word `w` written
/// before a body (`区` in `区委`, `镇` in `镇党委`, `街道` …).
pub(crate) fn fits_level_word(w: &str, name: &str, level: Level) -> bool {
    name.ends_with(w) && level.fits_word(w)
}

/// The longest byline in brackets (`(镇文明办)`), in characters.
const MAX_BRACKET_BYLINE_CHARS: usize = 30;

/// The longest line of reporters (`高志强/文 施明忠/摄`), in characters.
const MAX_BYLINE_CHARS: usize = 40;

/// The longest headline, in characters.
const MAX_HEADLINE_CHARS: usize = 40;

/// A line that closes an article: `(镇文明办)`, `高志强/文 施明忠/摄`.
/// `action` says whether the line tells what happens (a visit or
/// inspection verb): a photo caption in brackets does, a byline does not.
pub(crate) fn is_byline(line: &str, action: bool) -> bool {
    let t = line.trim();
    let Some(n) = chars_at_most(t, MAX_BYLINE_CHARS.max(MAX_BRACKET_BYLINE_CHARS)) else {
        return false;
    };
    if n == 0 {
        return false;
    }
    let paren = (t.starts_with('(') || t.starts_with('\u{FF08}'))
        && (t.ends_with(')') || t.ends_with('\u{FF09}'));
    // A photo caption in brackets tells what happens (`(某某在某村察看…)`);
    // a byline names a unit or reporters.
    if paren && n <= MAX_BRACKET_BYLINE_CHARS && !t.contains('。') && !action {
        return true;
    }
    // The credits after a reporter's name, for the text and for the
    // photos: the two parts of a report, a closed set.
    (t.contains("/文") || t.contains("/摄")) && n <= MAX_BYLINE_CHARS
}

/// A short line without sentence punctuation: a headline or a heading.
pub(crate) fn is_headline(line: &str) -> bool {
    let t = line.trim();
    chars_at_most(t, MAX_HEADLINE_CHARS).is_some_and(|n| n > 0)
        && !t.contains(['。', ',', '\u{FF0C}', ';', ':', '\u{FF1A}'])
}

/// Splits the document into articles (ranges of `nt`).
pub(crate) fn split(
    nt: &NormText<'_>,
    mentions: &[Mention],
    action: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let lines = Lines { nt, mentions };
    let mut out = Vec::new();
    let mut start = 0usize;
    for c in lines.cuts(action) {
        if c > start {
            out.push((start, c));
            start = c;
        }
    }
    out.push((start, nt.len()));
    out
}

/// The lines of a document, as [`split`] reads them.
struct Lines<'d> {
    nt: &'d NormText<'d>,
    mentions: &'d [Mention],
}

impl Lines<'_> {
    /// The line `r` as a slice of the text.
    fn text(&self, r: (usize, usize)) -> &str {
        self.nt.text(r.0, r.1)
    }

    /// The lines that hold more than white space.
    fn nonempty(&self) -> Vec<(usize, usize)> {
        self.nt.lines(0, self.nt.len())
    }

    /// True when a date opens the line (a news lead: `11月28日,…`).
    fn starts_with_date(&self, r: (usize, usize)) -> bool {
        let first = self
            .nt
            .chars_in(r.0, r.1)
            .find(|&(_, c)| !c.is_whitespace())
            .map_or(r.0, |(i, _)| i);
        let second = self.nt.next(first);
        let from = self.mentions.partition_point(|m| m.span.start < first);
        self.mentions[from..]
            .iter()
            .take_while(|m| m.span.start <= second)
            .any(|m| m.kind == EntityKind::Date)
    }

    /// True when the line is only a person's name, or prose closed by one:
    /// it signs off.
    fn ends_with_signature(&self, r: (usize, usize)) -> bool {
        let t = self.text(r).trim_end();
        let end = self.nt.past(r.0, t);
        let first = self.nt.past(r.0, &t[..t.len() - t.trim_start().len()]);
        let from = self.mentions.partition_point(|m| m.span.start < r.0);
        self.mentions[from..]
            .iter()
            .take_while(|m| m.span.start < end)
            .any(|m| {
                m.kind == EntityKind::Person
                    && m.span.end == end
                    && (m.span.start == first
                        || (m.span.start > r.0
                            && matches!(self.nt.char_before(m.span.start), Some('。' | '!' | '?'))))
            })
    }

    /// Where articles start: after a byline or a signature, and at a run
    /// of headline lines followed by a dated lead, once prose was read.
    /// `action` says whether a line tells what happens ([`is_byline`]).
    fn cuts(&self, action: impl Fn(usize, usize) -> bool) -> Vec<usize> {
        let nonempty = self.nonempty();
        let mut cuts: Vec<usize> = Vec::new();
        let mut prose_seen = false;
        let mut i = 0usize;
        while i < nonempty.len() {
            let r = nonempty[i];
            let t = self.text(r);
            if is_byline(t, action(r.0, r.1)) || (prose_seen && self.ends_with_signature(r)) {
                if let Some(next) = nonempty.get(i + 1) {
                    cuts.push(next.0);
                }
                prose_seen = false;
                i += 1;
                continue;
            }
            if is_headline(t) && prose_seen {
                // A run of headline lines followed by a dated lead opens an article.
                let j = i + nonempty[i..]
                    .iter()
                    .take_while(|&&r| is_headline(self.text(r)))
                    .count();
                if j < nonempty.len() && self.starts_with_date(nonempty[j]) {
                    cuts.push(r.0);
                    prose_seen = false;
                    i = j;
                    continue;
                }
            }
            prose_seen |= !is_headline(t);
            i += 1;
        }
        cuts
    }
}

/// The divisions each mention text names, read once per document: a
/// document names its places and posts again and again, in every article
/// and in the whole, and each reading is a few dozen look-ups.
#[derive(Default)]
pub(crate) struct Readings {
    /// The divisions a place mention's text names.
    places: HashMap<String, Vec<(String, Level)>>,
    /// The divisions a body's or a title's text names.
    others: HashMap<String, Vec<(String, Level)>>,
    /// Whether a body's or a title's text names the place it was named
    /// after rather than where it stands.
    self_named: HashMap<String, bool>,
}

/// Counts the divisions named by the mentions in `start..end`. A division
/// whose proper name has one character (`郊区`) counts only in a name that
/// is not glued to the word before it.
pub(crate) fn named_places(
    doc_lex: &Lexicon,
    nt: &NormText<'_>,
    mentions: &[Mention],
    (start, end): (usize, usize),
    readings: &mut Readings,
) -> Vec<NamedPlace> {
    let mut out: Vec<NamedPlace> = Vec::new();
    for m in mentions
        .iter()
        .filter(|m| m.span.start >= start && m.span.end <= end)
    {
        let is_place = match m.kind {
            EntityKind::Place => true,
            EntityKind::Org | EntityKind::Title => false,
            _ => continue,
        };
        // A company's or a school's name holds the place it was named
        // after, not the article's (`某县某某燃气公司`). Asked once per text.
        if m.kind != EntityKind::Place
            && *readings
                .self_named
                .entry_ref(m.text.as_str())
                .or_insert_with(|| names_itself(doc_lex, m))
        {
            continue;
        }
        let plain = match m.kind {
            EntityKind::Title => false,
            EntityKind::Org => !is_visiting_group(doc_lex, &m.text),
            _ => true,
        };
        let read = if is_place {
            &mut readings.places
        } else {
            &mut readings.others
        };
        let divisions = read
            .entry_ref(m.text.as_str())
            .or_insert_with(|| divisions_named(doc_lex, &m.text, is_place));
        // A short division name glued to the word before an organisation
        // may have lost its head (`集|中区党工委书记`).
        let glued = !is_place && glued_before(nt, m.span.start);
        // The form a place mention that names one division writes.
        let written = (is_place && divisions.len() == 1).then_some(m.text.as_str());
        for (name, l) in divisions.iter() {
            if !glued || name.chars().count() > SHORT_DIVISION_CHARS {
                let mention = Named {
                    at: m.span.start,
                    plain,
                    written,
                };
                count_named(&mut out, doc_lex, name, *l, mention);
            }
        }
    }
    out
}

/// One mention naming a division, as [`count_named`] counts it.
struct Named<'t> {
    /// Where the mention starts.
    at: usize,
    /// True when the mention names the division plainly (no post, no
    /// visiting group).
    plain: bool,
    /// The form the mention writes, when it is a place naming one division.
    written: Option<&'t str>,
}

/// Counts one more `mention` of the division `name` in `out`, adding it
/// at its first.
fn count_named(
    out: &mut Vec<NamedPlace>,
    doc_lex: &Lexicon,
    name: &str,
    level: Level,
    mention: Named<'_>,
) {
    let i = match out.iter().position(|p| p.name == name) {
        Some(i) => i,
        None => {
            out.push(NamedPlace {
                name: name.to_string(),
                level,
                count: 0,
                first: mention.at,
                plain: 0,
                first_plain: usize::MAX,
                full_written: false,
                short_written: None,
            });
            out.len() - 1
        }
    };
    let p = &mut out[i];
    p.count += 1;
    if let Some(w) = mention.written {
        if w == p.name {
            p.full_written = true;
        } else if p.short_written.is_none()
            && short_with_level(doc_lex, w).is_some_and(|(full, _)| full == p.name)
        {
            p.short_written = Some(w.to_string());
        }
    }
    if mention.plain {
        p.plain += 1;
        p.first_plain = p.first_plain.min(mention.at);
    }
}

/// True when an organisation's or a post's name ends in the name of an
/// enterprise or an institution (`公司`, `中学`, `商会`: `named=1`),
/// possibly with a post after it (`某某公司董事长`).
fn names_itself(lex: &Lexicon, m: &Mention) -> bool {
    let text = m.text.as_str();
    let body = super::orgname::split_mention(lex, m).map_or(text, |p| {
        let role_at = text.len() - p.role.len();
        text.get(..role_at).unwrap_or(text)
    });
    let named = |t: &str| {
        lex.suffix_entries(t, LexClass::OrgSuffix)
            .any(|e| e.traits.named)
    };
    named(body)
}

/// The characters a visiting group's word ends in (`考察团`, `调研组`): the
/// two nouns of a group, a closed set.
const GROUP_ENDS: [char; 2] = ['团', '组'];

/// True when an organisation's name ends in a visiting group's word
/// (`考察团`, `调研组`): a group of a body's own name (`集团`) or a party
/// group (`党组`) is none.
fn is_visiting_group(lex: &Lexicon, text: &str) -> bool {
    lex.suffix_entries(text, LexClass::OrgSuffix)
        .next()
        .is_some_and(|e| {
            e.text.ends_with(GROUP_ENDS)
                && !e.traits.named
                && !lex.is(
                    &e.text,
                    LexClass::Grammar(crate::lexicon::Grammar::BodyInRole),
                )
        })
}

/// The divisions a place's name (the full name of a short form, or the
/// divisions it is written of) or an organisation's or post's name
/// ([`divisions_in_name`]) names.
fn divisions_named(lex: &Lexicon, text: &str, is_place: bool) -> Vec<(String, Level)> {
    if !is_place {
        return divisions_in_name(lex, text);
    }
    if let Some(full) = full_of_short(lex, text)
        && division_level(lex, text).is_none()
    {
        let l = division_level(lex, &full).expect("checked by full_of_short");
        return vec![(full, l)];
    }
    let read = leading_divisions(lex, text).0;
    if read.is_empty() {
        return short_with_level(lex, text).into_iter().collect();
    }
    read
}

/// The division a short form written with its level character names
/// (`某某州` → `某某彝族自治州`), the level deciding between the divisions the
/// short form stands for (`某某` of a prefecture and of its city).
fn short_with_level(lex: &Lexicon, text: &str) -> Option<(String, Level)> {
    let (k, c) = text.char_indices().next_back()?;
    let level = Level::of_char(c)?;
    let stem = &text[..k];
    if stem.is_empty() {
        return None;
    }
    lex.lookup(stem)
        .filter_map(|e| e.full.as_deref())
        .find(|full| division_level(lex, full) == Some(level))
        .map(|full| (full.to_string(), level))
}

impl Doc<'_> {
    /// The article that holds `pos`.
    pub(crate) fn article_of(&self, pos: usize) -> usize {
        self.articles
            .iter()
            .position(|a| pos >= a.start && pos < a.end)
            .unwrap_or(self.articles.len().saturating_sub(1))
    }

    /// The division of level word `w` (`区`, `镇`, `县`, `市`, `街道` …) that
    /// article `art` is about: the one it names most often (first named on a
    /// tie), else the one the whole document names most often. Between
    /// candidates, one that is a parent of the article's town wins.
    pub(crate) fn place_for(&self, art: usize, w: &str) -> Option<String> {
        // The article context first: the dateline, byline or headline.
        if let Some(a) = self.articles.get(art)
            && let Some(p) = a
                .context
                .iter()
                .find(|p| fits_level_word(w, &p.name, p.level))
        {
            let named = a.places.iter().find(|n| n.name == p.name);

            return Some(
                named
                    .map_or(p.name.as_str(), NamedPlace::as_written)
                    .to_string(),
            );
        }
        let pick = |places: &[NamedPlace]| -> Option<String> {
            let town = self.town_in(places);
            let parents: Vec<String> = town
                .as_deref()
                .map(|t| {
                    self.lex
                        .lookup(t)
                        .flat_map(|e| e.ancestors().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            let key = |p: &&NamedPlace| {
                (
                    !parents.contains(&p.name),
                    std::cmp::Reverse(p.plain),
                    p.first_plain,
                    std::cmp::Reverse(p.count),
                    p.first,
                )
            };
            let fitting = || {
                places
                    .iter()
                    .filter(|p| fits_level_word(w, &p.name, p.level))
            };
            let best = fitting().min_by_key(key)?;
            let runner_up = fitting()
                .filter(|p| !std::ptr::eq(*p, best))
                .min_by_key(key);
            // Two places of the level named as often, neither the town's
            // parent (`到甲市、乙区、丙市调研`, each told once more): the
            // places visited, not the article's own, which it does not say.
            let tied = runner_up.is_some_and(|b| {
                !parents.contains(&best.name) && best.plain == b.plain && best.count == b.count
            });
            (!tied).then(|| best.as_written().to_string())
        };
        if let Some(a) = self.articles.get(art)
            && let Some(p) = pick(&a.places)
        {
            return Some(p);
        }
        pick(&self.doc_places)
    }

    /// The town (镇, 乡, 街道) most often named among `places`.
    fn town_in(&self, places: &[NamedPlace]) -> Option<String> {
        places
            .iter()
            .filter(|p| p.level == Level::Town)
            .min_by_key(|p| (std::cmp::Reverse(p.count), p.first))
            .map(|p| p.name.clone())
    }

    /// The town of article `art` (or of the document).
    pub(crate) fn town_of(&self, art: usize) -> Option<String> {
        self.articles
            .get(art)
            .and_then(|a| self.town_in(&a.places))
            .or_else(|| self.town_in(&self.doc_places))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relate::testing::doc;

    #[test]
    fn bylines_close_articles() {
        let d = doc(
            "甲镇召开会议\n\n11月2日,甲镇召开会议。\n\n(镇文明办)\n\n乙事标题\n\n12月3日,某某来到某地。",
        );
        assert_eq!(d.articles.len(), 2);
        let second = d.text(d.articles[1].start, d.articles[1].end);
        assert!(second.starts_with("乙事标题"));
    }

    #[test]
    fn a_photo_caption_in_brackets_is_no_byline() {
        let d = doc(
            "5月2日,县委书记张明一行来到青山镇调研。\n(张明在青山镇柳树村察看农田)\n县委常委李华参加调研。",
        );
        assert_eq!(d.articles.len(), 1);
    }

    #[test]
    fn headline_before_dated_lead_opens_an_article() {
        let d =
            doc("首篇标题\n\n11月2日,会议召开,大家发言。\n\n次篇标题\n\n11月5日,代表团前来交流。");
        assert_eq!(d.articles.len(), 2);
    }

    #[test]
    fn headings_inside_a_report_do_not_split() {
        let d = doc("总标题\n\n一、工作回顾\n\n全年完成任务。\n\n二、明年安排\n\n继续推进工作。");
        assert_eq!(d.articles.len(), 1);
    }

    #[test]
    fn divisions_written_in_names() {
        let lex = Lexicon::embedded();
        let names = |t: &str| -> Vec<String> {
            divisions_in_name(&lex, t)
                .into_iter()
                .map(|(n, _)| n)
                .collect()
        };
        assert_eq!(names("中共闵行区七宝镇委员会"), ["闵行区", "七宝镇"]);
        assert_eq!(names("杏花县人大常委会"), ["杏花县"]);
        assert!(names("县人大常委会").is_empty());
        assert!(names("高新技术示范区党工委").is_empty());
    }

    #[test]
    fn leading_division_chain() {
        let lex = Lexicon::embedded();
        let (divs, n) = leading_divisions(&lex, "云南省保山市施甸县委");
        let names: Vec<&str> = divs.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, ["云南省", "保山市", "施甸县"]);
        assert_eq!(n, 9);
    }

    #[test]
    fn place_for_level_words() {
        let d = doc("11月2日,闵行区召开会议,七宝镇、七宝镇和七宝的代表发言。");
        assert_eq!(d.place_for(0, "区").as_deref(), Some("闵行区"));
        assert_eq!(d.place_for(0, "镇").as_deref(), Some("七宝镇"));
        assert_eq!(d.place_for(0, "县"), None);
    }

    #[test]
    fn a_place_is_named_as_the_article_writes_it() {
        let d = doc("6月7日,考察团赴大理州考察,大理州将以最优的服务欢迎投资商。");
        assert_eq!(d.place_for(0, "州").as_deref(), Some("大理州"));
        let d = doc("6月7日,考察团赴大理白族自治州考察,大理州将以最优的服务欢迎投资商。");
        assert_eq!(d.place_for(0, "州").as_deref(), Some("大理白族自治州"));
    }

    #[test]
    fn a_company_names_no_article_place() {
        // The county is written only inside the companies' names.
        let k = crate::relate::testing::keys(
            "5月3日,县长赵德明来到柳河县金泰燃气有限公司、柳河县宏达花炮有限公司检查安全生产。",
        );
        assert!(
            k.contains(&"LEADS 赵德明 -> 县人民政府 县长".to_string()),
            "{k:?}"
        );
    }

    #[test]
    fn the_visitors_own_place_is_not_the_hosts() {
        // The visitors write their county in their posts and their group;
        // the hosts' abbreviated post is the county named plainly.
        let k = crate::relate::testing::keys(
            "5月3日,桃源县县长王立新率桃源县考察团来柳河县考察。县委书记赵德明陪同。",
        );
        assert!(
            k.contains(&"LEADS 赵德明 -> 柳河县委 书记".to_string()),
            "{k:?}"
        );
        assert!(
            k.contains(&"LEADS 王立新 -> 桃源县人民政府 县长".to_string()),
            "{k:?}"
        );
    }

    #[test]
    fn no_place_the_text_does_not_name() {
        // The lexicon knows the town's district, but the text does not name it.
        let d = doc("11月2日,七宝镇召开会议。");
        assert_eq!(d.place_for(0, "区"), None);
    }
}

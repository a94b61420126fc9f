//! The recognisers: one module per entity type, run in a fixed order over
//! one [`Scan`] of a document, then resolved into flat spans (plus nested
//! ones inside titles and organisations).
//!
//! Order: dates and plots (patterns on digits), places (lexicon hits,
//! suffix grammar and route numbers) and organisations (lexicon hits and
//! suffix grammar), titles (posts with the organisation
//! glued before them), persons (after titles, before cue words, in bylines,
//! then the document cache). Titles without a person are dropped.

mod account;
mod company;
mod date;
mod edge;
mod enumeration;
pub(crate) mod group;
mod index;
mod lengths;
mod line;
mod media;
mod mentioned_again;
mod movement;
mod org;
mod paired;
mod parent_unit;
mod person;
mod place;
mod plot;
pub(crate) mod pos;
mod project_owner;
mod route;
pub(crate) mod scan;
mod school;
pub(crate) mod segment;
mod site;
pub(crate) mod taught;
mod title;
mod words;

pub(crate) use scan::Scan;
pub(crate) use title::MERGED_UNIT;

use crate::lexicon::LexClass;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use hashbrown::HashSet;
use std::collections::BTreeMap;

/// A recognised span of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mention {
    pub span: Span,
    pub kind: EntityKind,
    /// True for a span reported inside a longer one.
    pub nested: bool,
    /// The rule that found it.
    pub rule: Rule,
    /// A TITLE's post (`副书记` of `区委副书记`), what follows the
    /// organisation written before it; `None` for other kinds.
    pub role: Option<Span>,
}

impl Mention {
    pub fn new(span: Span, kind: EntityKind, rule: Rule) -> Self {
        Mention {
            span,
            kind,
            nested: false,
            rule,
            role: None,
        }
    }

    /// A TITLE whose post is `role`.
    pub fn title(span: Span, role: Span, rule: Rule) -> Self {
        Mention {
            role: Some(role),
            ..Mention::new(span, EntityKind::Title, rule)
        }
    }
}

/// A candidate a rule rejected, with that rule (collected only when
/// explaining).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rejection {
    pub mention: Mention,
    pub by: Rule,
}

/// Where rejections go: nowhere unless explaining, so the rules pay one
/// branch for provenance.
#[derive(Debug, Default)]
pub(crate) struct Trace {
    on: bool,
    pub rejected: Vec<Rejection>,
}

impl Trace {
    /// A trace that records when `on`.
    pub fn new(on: bool) -> Self {
        Trace {
            on,
            rejected: Vec::new(),
        }
    }

    /// True when rejections are recorded.
    pub fn is_on(&self) -> bool {
        self.on
    }

    /// Records that `by` rejected `mention`.
    pub fn reject(&mut self, mention: Mention, by: Rule) {
        if self.on {
            self.rejected.push(Rejection { mention, by });
        }
    }

    /// Keeps the mentions `keep` accepts, recording the others as rejected
    /// by `by`.
    pub fn retain(
        &mut self,
        v: &mut Vec<Mention>,
        by: Rule,
        mut keep: impl FnMut(&Mention) -> bool,
    ) {
        if self.on {
            let rejected = &mut self.rejected;
            v.retain(|m| {
                let k = keep(m);
                if !k {
                    rejected.push(Rejection { mention: *m, by });
                }
                k
            });
        } else {
            v.retain(keep);
        }
    }
}

/// Priority when spans of the same length overlap.
fn rank(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 6,
        EntityKind::Title => 5,
        EntityKind::Date => 4,
        EntityKind::Plot => 4,
        EntityKind::Org => 2,
        EntityKind::Place => 1,
    }
}

/// Runs every recogniser and resolves overlaps.
pub(crate) fn recognise(scan: &Scan<'_>, trace: &mut Trace) -> Vec<Mention> {
    let (places, orgs) = places_and_bodies(scan, trace);
    let titles = title::find(scan, &orgs, &places);
    let blockers: Vec<Mention> = orgs
        .iter()
        .chain(places.iter())
        .filter(|m| m.span.len() > BLOCKER_MIN_BYTES)
        .copied()
        .collect();
    let (persons, mut kept_titles) = person::find(scan, &titles, &blockers, &orgs, &places);
    let held = title::held_posts(scan, &titles, &kept_titles);
    if !held.is_empty() {
        kept_titles.extend(held);
        kept_titles.sort_by_key(|t| t.span.start);
    }
    if trace.is_on() {
        for t in titles
            .iter()
            .filter(|t| !kept_titles.iter().any(|k| k.span == t.span))
        {
            let m = Mention::new(t.span, EntityKind::Title, Rule::Title);
            trace.reject(m, Rule::RejectTitleWithoutPerson);
        }
    }
    let mut weak = orgs;
    weak.extend(title::bodies(scan, &kept_titles));
    let led = org::with_party_prefix(scan, &weak);
    weak.extend(led);
    weak.extend(places);
    // Persons and titles are decided: nothing may cut through them.
    let mut strong = persons_titles(scan, persons, &kept_titles);
    strong.extend(date::find(scan));
    strong.extend(plot::find(scan));
    // A batch group's name holds its year, which is no date of its own.
    strong.extend(group::batches(scan));
    drop_set_phrases(scan, &mut weak, trace);
    trace.retain(&mut weak, Rule::RejectEndsInPost, |m| {
        !ends_in_post(scan, m)
    });
    trace.retain(&mut weak, Rule::RejectGenericBody, |m| {
        !is_generic_body(scan, m)
    });
    // Siblings in enumerations share the kind of the named items.
    let first = resolve(strong.clone(), weak.clone(), &mut Trace::new(false));
    let mut siblings = enumeration::propagate(scan, &first);
    trace.retain(&mut siblings, Rule::RejectGenericBody, |m| {
        !is_generic_body(scan, m)
    });
    let resolved = if siblings.is_empty() && !trace.is_on() {
        // The same candidates as the first resolution's: the same answer
        // (only a trace asks for the rejections again).
        first
    } else {
        weak.extend(siblings);
        resolve(strong, weak, trace)
    };
    // A name the document has shown is a site or body keeps its kind at
    // its other mentions.
    let mut again = mentioned_again::find(scan, &resolved);
    trace.retain(&mut again, Rule::RejectGenericBody, |m| {
        !is_generic_body(scan, m)
    });
    mentioned_again::merge(resolved, again)
}

/// The bytes of two ideographs of the basic plane in UTF-8. A rule that
/// asks whether a hit or a token holds two characters or more compares
/// its length in bytes with this (cheaper than counting characters, and
/// the same for the lexicon's Chinese words); the comparison is in bytes
/// on purpose.
pub(crate) const TWO_CHARS_BYTES: usize = 6;

/// A place or body longer than this many bytes (three CJK characters)
/// blocks a person from being read across it.
const BLOCKER_MIN_BYTES: usize = 9;

/// The place and body candidates of every recogniser, before resolution.
fn places_and_bodies(scan: &Scan<'_>, trace: &mut Trace) -> (Vec<Mention>, Vec<Mention>) {
    let mut places = place::find(scan);
    places.extend(route::find(scan));
    let ends = route::section_ends(scan, &places);
    places.extend(ends);
    let mut orgs = org::find(scan);
    let units = parent_unit::find(scan, &orgs);
    orgs.extend(units);
    orgs.extend(org::list_items(scan));
    orgs.extend(company::find(scan));
    for m in site::find(scan) {
        match m.kind {
            EntityKind::Place => places.push(m),
            _ => orgs.push(m),
        }
    }
    orgs.extend(group::numbered(scan));
    trace.retain(&mut orgs, Rule::RejectDocumentNumber, |m| {
        !org::opens_document_number(scan, m.span)
    });
    orgs.extend(account::find(scan, &places));
    orgs.extend(media::find(scan));
    orgs.extend(school::find(scan, &places));
    (places, orgs)
}

/// The persons and their titles, with a post written right after a person
/// (`习近平总书记`, `陈某副区长`).
fn persons_titles(
    scan: &Scan<'_>,
    persons: Vec<Mention>,
    titles: &[title::TitleCand],
) -> Vec<Mention> {
    let mut titles_m = title::mentions(titles);
    for p in &persons {
        if let Some(h) = scan.longest_at(p.span.end, LexClass::TitleRole) {
            titles_m.push(Mention::title(h.span(), h.span(), Rule::TitleAfterPerson));
        }
    }
    let mut strong = persons;
    strong.extend(titles_m);
    strong
}

/// Nothing inside a set phrase that is no entity (`河长制`, `城中村`).
fn drop_set_phrases(scan: &Scan<'_>, weak: &mut Vec<Mention>, trace: &mut Trace) {
    let stops: Vec<Mention> = scan
        .hits()
        .iter()
        .filter(|h| scan.hit_is(h, LexClass::Stop))
        .map(|h| Mention::new(h.span(), EntityKind::Org, Rule::RejectStopPhrase))
        .collect();
    let stops = index::MentionIndex::new(&stops);
    trace.retain(weak, Rule::RejectStopPhrase, |m| {
        !stops.overlapping(m.span).any(|s| s.span.contains(m.span))
    });
}

/// A body's name that ends in a post (`县委常委`, `市政协常委`) or a word
/// for people (`村组干部`, `退休干部`: `grammar.people`): the post of a
/// body, or its people, no body (the body's own suffix, as in `常委会`,
/// ends later).
fn ends_in_post(scan: &Scan<'_>, m: &Mention) -> bool {
    let body_end = |h: &crate::matcher::Hit| scan.hit_is(h, crate::lexicon::ClassSet::BODY_WORDS);
    let people = LexClass::Grammar(crate::lexicon::Grammar::People);
    m.kind == EntityKind::Org
        && scan.hits_ending_at(m.span.end).any(|h| {
            h.span().start > m.span.start
                && scan.hit_is(h, [LexClass::TitleRole, people])
                && !scan
                    .hits_ending_at(m.span.end)
                    .any(|b| body_end(b) && b.span().start <= h.span().start)
        })
}

/// `县人大代表`, `四镇人大主席` with no person: a generic post, no body;
/// nor is a body of several levels at once (`省乡镇人大`, `乡两级人大`).
fn is_generic_body(scan: &Scan<'_>, m: &Mention) -> bool {
    m.kind == EntityKind::Org && (of_several_levels(scan, m.span) || is_generic_post_body(scan, m))
}

/// A body word right after words naming several levels (`乡镇人大`,
/// `两级政府`): every body of those levels, no one body.
fn of_several_levels(scan: &Scan<'_>, span: Span) -> bool {
    // The words (`grammar.several-levels` in `dictionaries/grammar.txt`)
    // are hits of the one automaton: the few inside the body are read,
    // its text is not scanned again.
    let several = LexClass::Grammar(crate::lexicon::Grammar::SeveralLevels);
    scan.hits_within(span).any(|h| {
        h.span().end < span.end
            && scan.hit_is(h, |c| c == several)
            && scan.lex.any(&scan.text[h.span().end..span.end], |c| {
                matches!(c, LexClass::TitleOrg | LexClass::OrgSuffix)
            })
    })
}

/// A bare level body used for a post or for every body of its level.
fn is_generic_post_body(scan: &Scan<'_>, m: &Mention) -> bool {
    is_bare_level_body(scan, m.span)
        && (followed_by_post(scan, m.span.end)
            || after_generic_levels(scan, m.span.start)
            || listed_after_ge(scan, m.span.start)
            // `全县政协组织`: every body of that level.
            || scan.char_before(m.span.start) == Some('全'))
}

/// `镇人大`, `县政府`: a level character and a body word, nothing else.
fn is_bare_level_body(scan: &Scan<'_>, span: Span) -> bool {
    let text = &scan.text[span.range()];
    let mut chars = text.chars();
    let first = chars.next();
    let rest = chars.as_str();
    first.is_some_and(|c| edge::LEVEL_CHARS.contains(&c))
        && scan.lex.any(rest, |c| {
            matches!(c, LexClass::TitleOrg | LexClass::OrgSuffix)
        })
}

/// `乡镇人大`, `区县政府`: two levels at once, every body of them.
fn after_generic_levels(scan: &Scan<'_>, start: usize) -> bool {
    let level = scan.char_at(start);
    let before = scan.char_before(start);
    matches!(
        (before, level),
        (Some('乡'), Some('镇'))
            | (Some('区'), Some('县'))
            | (Some('县'), Some('区'))
            | (Some('镇'), Some('街'))
    )
}

/// How far back a list opened by `各` is looked for, in chars.
const MAX_LIST_WALK_CHARS: usize = 60;

/// `各街道办事处、乡人民政府`: an item of a list opened by `各`, which
/// addresses every body of that level.
fn listed_after_ge(scan: &Scan<'_>, start: usize) -> bool {
    if scan.char_before(start) != Some('、') {
        return false;
    }
    let mut pos = start;
    for _ in 0..MAX_LIST_WALK_CHARS {
        match scan.char_before(pos) {
            Some(c) if c == '、' || !crate::text::is_clause_break(c) => pos -= c.len_utf8(),
            _ => break,
        }
    }
    // The first item holds `各` before its last few characters (a line
    // break removed before it may have joined a headline: `…的通知各街道办事处`).
    let first = scan.text[pos..start].split('、').next().unwrap_or("");
    first
        .rfind('各')
        .is_some_and(|i| first[i..].chars().count() <= EVERY_TAIL_CHARS)
}

/// The most characters from `各` to the end of a list's first item that
/// make the list one of every body (`各街道办事处`).
const EVERY_TAIL_CHARS: usize = 9;

/// A post follows (`代表`, `主席`); `负责人` does not count, since the one in
/// charge is always of one body (`县检察院负责人`).
fn followed_by_post(scan: &Scan<'_>, pos: usize) -> bool {
    scan.hits_at(pos).iter().any(|h| {
        scan.hit_is(h, LexClass::TitleRole) && !scan.text[h.span().range()].ends_with("负责人")
    }) || scan.text[pos..].starts_with("代表")
}

/// Picks non-overlapping spans: strong ones first (persons, titles, dates,
/// plots), then organisations and places longest first. A weak span inside
/// a kept title, organisation or place is kept as nested.
fn resolve(mut strong: Vec<Mention>, mut weak: Vec<Mention>, trace: &mut Trace) -> Vec<Mention> {
    // Kept spans never overlap, so ordered by start they are ordered by end
    // too: the spans overlapping a candidate are found by walking back from
    // its end.
    let mut kept: BTreeMap<usize, Mention> = BTreeMap::new();
    // The first two kept mentions overlapping `span` (none, one, or more
    // than one is all the rules ask), without collecting them.
    let overlapping = |kept: &BTreeMap<usize, Mention>, span: Span| {
        let mut over = kept
            .range(..span.end)
            .rev()
            .take_while(|(_, o)| o.span.end > span.start)
            .map(|(_, o)| *o);
        (over.next(), over.next())
    };
    let key = |m: &Mention| {
        (
            std::cmp::Reverse(m.span.len()),
            std::cmp::Reverse(rank(m.kind)),
            m.span.start,
        )
    };
    strong.sort_by_key(key);
    for m in strong {
        if m.span.is_empty() {
            continue;
        }
        if overlapping(&kept, m.span).0.is_some() {
            trace.reject(m, Rule::RejectOverlap);
            continue;
        }
        kept.insert(m.span.start, m);
    }
    weak.sort_by_key(key);
    weak.dedup_by(|a, b| a.span == b.span && a.kind == b.kind);
    let mut nested: Vec<Mention> = Vec::new();
    let mut nested_spans: HashSet<Span> = HashSet::new();
    for m in weak {
        if m.span.is_empty() {
            continue;
        }
        let over = overlapping(&kept, m.span);
        if over.0.is_none() {
            kept.insert(m.span.start, m);
            continue;
        }
        // Inside one kept span that can hold it: nested.
        if let (Some(o), None) = over {
            let holds = matches!(
                o.kind,
                EntityKind::Title | EntityKind::Org | EntityKind::Place
            );
            if holds && o.span.contains(m.span) && o.span != m.span && nested_spans.insert(m.span) {
                nested.push(Mention { nested: true, ..m });
                continue;
            }
        }
        trace.reject(m, Rule::RejectOverlap);
    }
    let mut out: Vec<Mention> = kept.into_values().collect();
    out.extend(nested);
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end), m.nested));
    out
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the recognisers' table tests.
    use crate::Extractor;
    use crate::span::EntityKind;
    use std::sync::OnceLock;

    /// One extractor for all unit tests (building it loads the lexicon).
    pub fn extractor() -> &'static Extractor {
        static E: OnceLock<Extractor> = OnceLock::new();
        E.get_or_init(Extractor::new)
    }

    /// The texts of the top-level entities of `kind` in `text`.
    pub fn spans(text: &str, kind: EntityKind) -> Vec<String> {
        let doc = extractor().extract("t", text);
        doc.entities
            .iter()
            .filter(|e| e.kind == kind && !e.nested)
            .map(|e| e.text.clone())
            .collect()
    }
}

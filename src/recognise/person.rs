//! PERSON: full names, found where this genre writes them: after a title
//! (`区委副书记于勇`), in lists after a title (`副镇长彭哲颖、胡小胜`),
//! before cue words (`严俊表示`, `施继平率`, `刘世军一行`), in bylines
//! (`(通讯员 张琳子)`, `高志强/文`), and then at every later mention of a
//! name already recognised (the document cache).
//!
//! A name is a surname (single or compound) and one or two given-name
//! characters; which of the two is decided by what follows (a break, a cue
//! word, a title) and, failing that, by the segmenter.

use super::title::TitleCand;
use super::words::{Found, WordGroups, leftmost_longest};
use super::{Mention, Scan};
use crate::lexicon::{LexClass, Trigger};
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use crate::text::{LazyCharSet, is_cjk, is_clause_break, non_ideographs};
use hashbrown::HashSet;

/// Characters that never stand in a given name in this genre.
static NOT_IN_NAME: LazyCharSet = LazyCharSet::new("的了是在等对率赴说也就及镇区县市省局办委部");

/// Single-character cues, too common to find a name on their own.
const WEAK_CUES: &[&str] = &[
    "对", "在", "就", "向", "与", "和", "及", "为", "也", "还", "则", "到", "赴", "作", "做",
    "代表", "组织", "同时", "现场",
];

/// Résumé lines: a name, then the sex between commas (`王浩宇,男,汉族`).
const SEXES: &[&str] = &[
    ",男,",
    ",女,",
    "\u{FF0C}男\u{FF0C}",
    "\u{FF0C}女\u{FF0C}",
    "(男,",
    "(女,",
    "\u{FF08}男\u{FF0C}",
    "\u{FF08}女\u{FF0C}",
];

/// Marks after a byline name (`张丽华/文`, `吴强/摄`).
const MARKERS: &[&str] = &["/文", "/摄", "/图"];

/// The patterns above, found in one pass over a document; the indices
/// name their lists.
static CUES: WordGroups = WordGroups::new(&[SEXES, MARKERS]);
const SEX: usize = 0;
const MARKER: usize = 1;

/// True when `hit` is a trigger word of kind `t`.
fn is_trigger(scan: &Scan<'_>, hit: &crate::matcher::Hit, t: Trigger) -> bool {
    scan.hit_is(hit, |c| c == LexClass::Trigger(t))
}

fn surname_len(scan: &Scan<'_>, pos: usize) -> Option<usize> {
    surname(scan, pos).map(|(n, _)| n)
}

/// The surname at `pos`: its length in characters, and whether it is a
/// clear surname (not a character that is mostly a common word).
fn surname(scan: &Scan<'_>, pos: usize) -> Option<(usize, bool)> {
    let rest = scan.text.get(pos..)?;
    let mut it = rest.char_indices();
    let (_, c1) = it.next()?;
    if let Some((i2, c2)) = it.next() {
        let two = &rest[..i2 + c2.len_utf8()];
        if scan.lex.is(two, LexClass::Surname) {
            return Some((2, true));
        }
    }
    let one = &rest[..c1.len_utf8()];
    let mut found = None;
    for e in scan
        .lex
        .lookup(one)
        .filter(|e| e.class == LexClass::Surname)
    {
        found = Some(found.unwrap_or(false) || !e.ambiguous);
    }
    found.map(|strong| (1, strong))
}

/// How clearly a name can end at `pos`: 3 a break, 2 a cue, title or
/// enumeration, 0 nothing.
fn end_strength(scan: &Scan<'_>, pos: usize) -> u8 {
    match scan.char_at(pos) {
        None => 3,
        Some(c) if is_clause_break(c) => 3,
        Some(_) => {
            if scan.hits_at(pos).iter().any(|h| {
                scan.hit_is(h, |c| {
                    matches!(
                        c,
                        LexClass::NameCue | LexClass::TitleRole | LexClass::TitleOrg
                    )
                })
            }) {
                2
            } else {
                0
            }
        }
    }
}

/// Length in bytes of the longest cue, post or body starting at `pos`.
fn cue_len(scan: &Scan<'_>, pos: usize) -> usize {
    scan.hits_at(pos)
        .iter()
        .filter(|h| {
            scan.hit_is(h, |c| {
                matches!(
                    c,
                    LexClass::NameCue | LexClass::TitleRole | LexClass::TitleOrg
                )
            })
        })
        .map(|h| h.span().len())
        .max()
        .unwrap_or(0)
}

fn valid_given(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| is_cjk(c) && !NOT_IN_NAME.contains(c))
}

/// Reads a name starting at `pos` when something says one must be there.
pub(crate) fn read_name(scan: &Scan<'_>, pos: usize) -> Option<Span> {
    let sn = surname_len(scan, pos).or_else(|| rare_surname(scan, pos))?;
    let given_start = scan.forward(pos, sn);
    let mut cands = Vec::new();
    for g in [1usize, 2] {
        let end = scan.forward(given_start, g);
        if scan.text[given_start..end].chars().count() != g
            || !valid_given(&scan.text[given_start..end])
        {
            break;
        }
        cands.push((end, end_strength(scan, end)));
    }
    let (e1, s1) = *cands.first()?;
    let best = match cands.get(1) {
        None => (e1, s1),
        Some(&(e2, s2)) => {
            if s2 == s1 && s2 == 2 && cue_len(scan, e1) > cue_len(scan, e2) {
                // `于勇来到`: the longer cue decides.
                (e1, s1)
            } else if s2 > s1 || (s2 == s1 && s2 > 0) {
                (e2, s2)
            } else if s1 > s2 {
                (e1, s1)
            } else {
                // Nothing decides: take the common three-character name,
                // unless the segmenter reads a word starting after two.
                let toks = scan.tokens_around(pos);
                let word_after_two = toks
                    .iter()
                    .any(|t| t.span.start == e1 && t.span.end > e2 && !t.tag.starts_with("nr"));
                if word_after_two { (e1, 1) } else { (e2, 1) }
            }
        }
    };
    Some(Span::new(pos, best.0))
}

/// A surname that is not in the lexicon (`茆`, `仉`): one character the
/// segmenter tags as a person's name on its own.
fn rare_surname(scan: &Scan<'_>, pos: usize) -> Option<usize> {
    let c = scan
        .char_at(pos)
        .filter(|&c| is_cjk(c) && !NOT_IN_NAME.contains(c))?;
    scan.tokens_around(pos)
        .iter()
        .any(|t| t.span.start == pos && t.span.len() == c.len_utf8() && t.tag == "nr")
        .then_some(1)
}

/// The spans a name may not lie strictly inside (dates excepted), sorted
/// by start, so a look-up reads only the few that start just before it
/// instead of every mention of the document.
struct Blockers {
    spans: Vec<Span>,
    longest: usize,
}

impl Blockers {
    fn new(blockers: &[Mention]) -> Self {
        let mut spans: Vec<Span> = blockers
            .iter()
            .filter(|b| b.kind != EntityKind::Date)
            .map(|b| b.span)
            .collect();
        spans.sort_unstable_by_key(|s| (s.start, s.end));
        let longest = spans.iter().map(|s| s.len()).max().unwrap_or(0);
        Blockers { spans, longest }
    }

    /// True when a blocker holds `s` and is longer than it.
    fn covers(&self, s: Span) -> bool {
        let upto = self.spans.partition_point(|b| b.start <= s.start);
        self.spans[..upto]
            .iter()
            .rev()
            .take_while(|b| b.start + self.longest >= s.end)
            .any(|b| b.contains(s) && *b != s)
    }
}

/// Finds persons, and marks which titles stand before a person.
pub(crate) fn find(
    scan: &Scan<'_>,
    titles: &[TitleCand],
    blockers: &[Mention],
    orgs: &[Mention],
) -> (Vec<Mention>, Vec<TitleCand>) {
    let mut names: Vec<(Span, Rule)> = Vec::new();
    let title_starts: HashSet<usize> = titles.iter().map(|t| t.span.start).collect();
    let blocking = Blockers::new(blockers);
    let blocked = |s: Span| blocking.covers(s);

    // 1. After a title (and the list that may follow it).
    for t in titles {
        let mut pos = t.span.end;
        if scan.char_at(pos) == Some(' ') {
            pos += 1;
        }
        if title_starts.contains(&pos) {
            continue;
        }
        if let Some(n) = read_name(scan, pos)
            && !is_not_a_name(scan, n)
        {
            names.push((n, Rule::PersonAfterTitle));
            list_after(
                scan,
                n.end,
                &title_starts,
                &mut names,
                Rule::PersonAfterTitle,
            );
        }
    }
    // 2. Before a cue word, after a break.
    for hit in scan.hits() {
        if !scan.hit_is(hit, |c| c == LexClass::NameCue) {
            continue;
        }
        let cue = &scan.text[hit.span().range()];
        if WEAK_CUES.contains(&cue) {
            continue;
        }
        if let Some(n) = name_before(scan, hit.span().start, orgs)
            && !is_not_a_name(scan, n)
        {
            names.push((n, Rule::PersonBeforeCue));
            list_before(scan, n.start, &mut names);
        }
    }
    // 3. After generic leader words (`镇领导季良`) and in bylines.
    for hit in scan.hits() {
        let w = &scan.text[hit.span().range()];
        let opener = scan.hit_is(hit, |c| c == LexClass::Stop) && w.ends_with("领导");
        if opener
            && let Some(n) = read_name(scan, hit.span().end)
            && !is_not_a_name(scan, n)
        {
            names.push((n, Rule::PersonAfterLeaderWord));
            list_after(
                scan,
                n.end,
                &title_starts,
                &mut names,
                Rule::PersonAfterLeaderWord,
            );
        }
    }
    let cues: Vec<Found> = CUES.find_in(scan.text).collect();
    // After an honour or a role in the community (`道德模范王某`, `村民李某`).
    for hit in scan
        .hits()
        .iter()
        .filter(|h| is_trigger(scan, h, Trigger::Honour))
    {
        if let Some(n) = read_name(scan, hit.span().end)
            && !is_not_a_name(scan, n)
            && (scan.is_break_at(n.end) || cue_len(scan, n.end) >= 6)
        {
            names.push((n, Rule::PersonAfterHonour));
        }
    }
    bylines(scan, &cues, &mut names);
    // 4. Well-known persons.
    for hit in scan.hits() {
        if scan.hit_is(hit, |c| c == LexClass::Person) {
            names.push((hit.span(), Rule::PersonKnown));
        }
    }
    names.retain(|&(n, _)| !blocked(n));
    // 5. The document cache: every later mention of a known name.
    let known: HashSet<&str> = names.iter().map(|(n, _)| &scan.text[n.range()]).collect();
    let cached = leftmost_longest(scan.text, known)
        .into_iter()
        .filter(|&s| !blocked(s))
        .map(|s| (s, Rule::PersonDocumentCache));
    names.extend(cached);
    // By start, longest first; of one span, the first rule that found it.
    names.sort_by_key(|&(s, _)| (s.start, std::cmp::Reverse(s.end)));
    names.dedup_by_key(|(s, _)| *s);
    // Keep the longest of overlapping names.
    let mut kept: Vec<(Span, Rule)> = Vec::new();
    for n in names {
        if let Some(last) = kept.last()
            && last.0.overlaps(n.0)
        {
            continue;
        }
        kept.push(n);
    }
    let person_starts: HashSet<usize> = kept.iter().map(|(s, _)| s.start).collect();
    let person_ends: HashSet<usize> = kept.iter().map(|(s, _)| s.end).collect();
    // A title is kept when a person, or a kept title, follows it.
    let mut kept_titles: Vec<TitleCand> = Vec::new();
    let mut sorted: Vec<TitleCand> = titles.to_vec();
    sorted.sort_by_key(|t| std::cmp::Reverse(t.span.start));
    let mut kept_starts: HashSet<usize> = HashSet::new();
    for t in sorted {
        let mut after = t.span.end;
        if scan.char_at(after) == Some(' ') {
            after += 1;
        }
        let ok = person_starts.contains(&after)
            || (scan.char_at(t.span.end) == Some('、')
                && kept_starts.contains(&(t.span.end + '、'.len_utf8())))
            || person_before_post(scan, t.span.start, &person_ends);
        if ok {
            kept_starts.insert(t.span.start);
            kept_titles.push(t);
        }
    }
    // A title after a kept title and `、` (`副县长、代理县长`).
    let mut changed = true;
    while changed {
        changed = false;
        for t in titles {
            if kept_starts.contains(&t.span.start) {
                continue;
            }
            if scan.char_before(t.span.start) == Some('、')
                && kept_titles
                    .iter()
                    .any(|k| k.span.end + '、'.len_utf8() == t.span.start)
            {
                kept_starts.insert(t.span.start);
                kept_titles.push(*t);
                changed = true;
            }
        }
    }
    kept_titles.sort_by_key(|t| t.span.start);
    let persons = kept
        .into_iter()
        .map(|(s, rule)| Mention::new(s, EntityKind::Person, rule))
        .collect();
    (persons, kept_titles)
}

/// `李明同志为城南县人民政府副县长`, `免去赵刚同志副县长职务`: a post
/// named after the person.
fn person_before_post(scan: &Scan<'_>, start: usize, person_ends: &HashSet<usize>) -> bool {
    let head = &scan.text[..start];
    let mut cut = head;
    for link in ["当选为", "担任", "出任", "为", "任"] {
        if let Some(h) = cut.strip_suffix(link) {
            cut = h;
            break;
        }
    }
    let cut = cut.strip_suffix("同志").unwrap_or(cut);
    person_ends.contains(&cut.len()) && (cut.len() < head.len())
        || person_ends.contains(&head.strip_suffix("同志").map_or(usize::MAX, str::len))
}

/// `A、B、C` after a first name: more names of the same list.
fn list_after(
    scan: &Scan<'_>,
    mut pos: usize,
    title_starts: &HashSet<usize>,
    names: &mut Vec<(Span, Rule)>,
    rule: Rule,
) {
    while scan.char_at(pos) == Some('、') {
        let next = pos + '、'.len_utf8();
        if title_starts.contains(&next) {
            return;
        }
        match read_name(scan, next) {
            Some(n) if end_strength(scan, n.end) > 0 && !is_not_a_name(scan, n) => {
                names.push((n, rule));
                pos = n.end;
            }
            _ => return,
        }
    }
}

/// `A、B、C当选…`: more names of the same list before a first one.
fn list_before(scan: &Scan<'_>, mut start: usize, names: &mut Vec<(Span, Rule)>) {
    while scan.char_before(start) == Some('、') {
        let end = start - '、'.len_utf8();
        let mut found = None;
        for len in [3usize, 2] {
            let s = scan.back(end, len);
            if scan.text[s..end].chars().count() != len {
                continue;
            }
            let sep_before = scan.is_break_before(s);
            if sep_before
                && let Some((sn, true)) = surname(scan, s)
                && valid_given(&scan.text[scan.forward(s, sn)..end])
                && !is_not_a_name(scan, Span::new(s, end))
            {
                found = Some(Span::new(s, end));
                break;
            }
        }
        match found {
            Some(n) => {
                names.push((n, Rule::PersonBeforeCue));
                start = n.start;
            }
            None => return,
        }
    }
}

/// A name ending right before a cue at `end`.
fn name_before(scan: &Scan<'_>, end: usize, orgs: &[Mention]) -> Option<Span> {
    let mut best = None;
    for len in [2usize, 3, 4] {
        let start = scan.back(end, len);
        if scan.text[start..end].chars().count() != len {
            break;
        }
        let Some((sn, strong)) = surname(scan, start) else {
            continue;
        };
        if len - sn > 2 || len <= sn {
            continue;
        }
        let given = &scan.text[scan.forward(start, sn)..end];
        if !valid_given(given) {
            continue;
        }
        let before_ok = (scan.is_break_before(start)
            && (strong || scan.char_before(start) != Some('、')))
            || (strong
                && scan.char_before(start).is_some_and(|c| {
                    matches!(c, '由' | '对' | '和' | '与' | '及' | '向' | '请' | '、')
                }))
            || (strong
                && scan
                    .hits_ending_at(start)
                    .any(|h| is_trigger(scan, h, Trigger::PersonVerb)))
            || scan
                .longest_ending_at(start, |c| {
                    matches!(c, LexClass::TitleRole | LexClass::NameCue)
                })
                .is_some()
            || (strong
                && orgs
                    .iter()
                    .any(|o| o.span.end == start && o.span.len() >= 6));
        if before_ok {
            best = Some(Span::new(start, end));
        }
    }
    best
}

/// Spans that look like names but are lexicon words of another kind, or
/// common words the segmenter knows (`满意`, `养老`, `高效`).
fn is_not_a_name(scan: &Scan<'_>, n: Span) -> bool {
    let w = &scan.text[n.range()];
    if scan.lex.is(w, LexClass::Person) {
        return false;
    }
    if scan.word_tag(w).is_some_and(|t| !t.starts_with("nr")) {
        return true;
    }
    // `和听取`: a character mostly a common word, then a verb.
    if let Some((sn, false)) = surname(scan, n.start) {
        let given = &scan.text[scan.forward(n.start, sn)..n.end];
        if scan
            .word_tag(given)
            .is_some_and(|t| matches!(t.chars().next(), Some('v' | 'p' | 'd' | 'c')))
        {
            return true;
        }
    }
    // `陈书记`, `王镇长`: a surname and a post.
    if w.char_indices().skip(1).any(|(i, _)| {
        scan.hits_at(n.start + i).iter().any(|h| {
            h.span().end <= n.end
                && h.span().len() >= 6
                && scan.hit_is(h, |c| c == LexClass::TitleRole)
        })
    }) {
        return true;
    }
    if scan.lex.lookup(w).any(|e| {
        place_rules_out_name(scan, e)
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
    }) {
        return true;
    }
    // A name does not end in a place or org suffix (`七宝镇`).
    scan.hits_ending_at(n.end).any(|h| {
        h.span().start > n.start
            && scan.hit_is(h, |c| {
                matches!(c, LexClass::OrgSuffix | LexClass::PlaceSuffix)
            })
            && (h.span().len() >= 6 || !"城山江湖林园华".contains(&scan.text[h.span().range()]))
    })
}

/// True when the lexicon entry `e` says its text is a place and so no
/// name. The short form of a township (`张明` of 张明乡) is as often a
/// person's name: only divisions, sites and shorts of counties and above
/// count.
fn place_rules_out_name(scan: &Scan<'_>, e: &crate::lexicon::Entry) -> bool {
    match e.class {
        LexClass::PlaceShort => e
            .full
            .as_deref()
            .and_then(|f| super::place::level_of(scan, f))
            .is_none_or(|l| l < crate::lexicon::Level::Town),
        c => c.is_place(),
    }
}

/// Bylines: `(通讯员 张琳子)`, `高志强/文`, `编审团:刘芬 汤美红`, `(舒畅)`, and
/// a name alone at the end of an article.
fn bylines(scan: &Scan<'_>, cues: &[Found], found: &mut Vec<(Span, Rule)>) {
    let mut names: Vec<Span> = Vec::new();
    let text = scan.text;
    let of = |group: usize| cues.iter().filter(move |f| f.group == group);
    // Openers followed by names separated by spaces.
    for hit in scan
        .hits()
        .iter()
        .filter(|h| is_trigger(scan, h, Trigger::Byline))
    {
        {
            let mut pos = hit.span().end;
            loop {
                while scan
                    .char_at(pos)
                    .is_some_and(|c| c == ' ' || c == ':' || c == '\u{FF1A}')
                {
                    pos += scan.char_at(pos).map_or(1, char::len_utf8);
                }
                match byline_name(scan, pos) {
                    Some(n) => {
                        names.push(n);
                        pos = n.end;
                    }
                    None => break,
                }
                if !scan.char_at(pos).is_some_and(|c| c == ' ' || c == '、') {
                    break;
                }
            }
        }
    }
    // Résumés: `王浩宇,男,汉族,1975年5月生`.
    for f in of(SEX) {
        if let Some(n) = name_ending(scan, f.start) {
            names.push(n);
        }
    }
    // `X/文`, `X/摄`.
    for f in of(MARKER) {
        if let Some(n) = name_ending(scan, f.start) {
            names.push(n);
        }
    }
    // One pass over the chars other than ideographs finds the three kinds
    // below (the order names are found in does not matter).
    for (i, c) in non_ideographs(text) {
        let after = i + c.len_utf8();
        match c {
            '(' | '\u{FF08}' => {
                // `(舒畅)`: a name alone in parentheses.
                if let Some(n) = byline_name(scan, after)
                    && matches!(scan.char_at(n.end), Some(')' | '\u{FF09}'))
                {
                    names.push(n);
                }
            }
            ':' | '\u{FF1A}' => names.extend(listed_after_colon(scan, after)),
            '\n' => names.extend(alone_on_line(scan, i)),
            _ => {}
        }
    }
    found.extend(names.into_iter().map(|n| (n, Rule::PersonByline)));
}

/// Names listed after a colon, two at least, separated by spaces, the
/// last one ending the clause: `编审团:刘芬 汤美红 戚申春`.
fn listed_after_colon(scan: &Scan<'_>, mut pos: usize) -> Vec<Span> {
    let mut found: Vec<Span> = Vec::new();
    while let Some(n) = standalone_name(scan, pos) {
        found.push(n);
        pos = n.end;
        if scan.char_at(pos) != Some(' ') {
            break;
        }
        while scan.char_at(pos) == Some(' ') {
            pos += 1;
        }
    }
    if found.len() >= 2 && found.last().is_some_and(|n| scan.is_break_at(n.end)) {
        found
    } else {
        Vec::new()
    }
}

/// A name alone at the end of the line that ends at byte `eol`, after a
/// sentence end or on its own.
fn alone_on_line(scan: &Scan<'_>, eol: usize) -> Option<Span> {
    let text = scan.text;
    let line_start = text[..eol].rfind(['\n', '。']).map_or(0, |k| {
        k + text[k..].chars().next().map_or(1, char::len_utf8)
    });
    let seg = text[line_start..eol].trim();
    if seg.chars().count() != 3 || !seg.chars().all(is_cjk) {
        return None;
    }
    let start = line_start + text[line_start..eol].find(seg).unwrap_or(0);
    standalone_name(scan, start).filter(|name| name.end == start + seg.len())
}

/// A 2–3 character name standing on its own at `pos` (followed by a break).
fn standalone_name(scan: &Scan<'_>, pos: usize) -> Option<Span> {
    let sn = surname_len(scan, pos)?;
    for len in [3usize, 2] {
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

/// A name in a byline: like [`standalone_name`], but a common word may be a
/// name there (`舒畅`), and another byline word may follow (`陈晓通讯员`).
fn byline_name(scan: &Scan<'_>, pos: usize) -> Option<Span> {
    let sn = surname_len(scan, pos)?;
    for len in [3usize, 2] {
        if len <= sn {
            continue;
        }
        let end = scan.forward(pos, len);
        if scan.text[pos..end].chars().count() != len
            || !valid_given(&scan.text[scan.forward(pos, sn)..end])
        {
            continue;
        }
        let w = &scan.text[pos..end];
        // `记者 李明 通讯员 王丽`: the next byline word is no name.
        if scan.lex.is(w, LexClass::Trigger(Trigger::Byline))
            || scan.lex.lookup(w).any(|e| {
                place_rules_out_name(scan, e)
                    || matches!(
                        e.class,
                        LexClass::Org | LexClass::TitleRole | LexClass::Stop
                    )
            })
        {
            continue;
        }
        if scan.is_break_at(end)
            || scan
                .hits_at(end)
                .iter()
                .any(|h| is_trigger(scan, h, Trigger::Byline))
        {
            return Some(Span::new(pos, end));
        }
    }
    None
}

/// A 2–3 character name ending at `end`, after a break.
fn name_ending(scan: &Scan<'_>, end: usize) -> Option<Span> {
    for len in [3usize, 2] {
        let start = scan.back(end, len);
        if scan.text[start..end].chars().count() != len || !scan.is_break_before(start) {
            continue;
        }
        if let Some(n) = standalone_name(scan, start)
            && n.end == end
        {
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::{Person, Title};

    fn persons(text: &str) -> Vec<String> {
        spans(text, Person)
    }

    #[test]
    fn the_name_of_a_resume() {
        assert_eq!(
            persons("王浩宇,男,汉族,1975年5月生,现任县委常委、组织部部长。"),
            ["王浩宇"]
        );
        assert_eq!(persons("李雪梅\u{FF0C}女\u{FF0C}1980年生。"), ["李雪梅"]);
    }

    #[test]
    fn a_name_that_is_also_a_township_short_form() {
        // `张明` and `张华` are short forms of 张明乡 and a 张华镇.
        assert_eq!(persons("镇长张明讲话,副镇长张华主持。"), ["张明", "张华"]);
        // A county's short form still is no name (`吴江`).
        assert!(persons("他来自吴江。").is_empty());
        assert_eq!(persons("记者 张明 通讯员 王丽\n本报讯"), ["张明", "王丽"]);
    }

    #[test]
    fn two_bylines_on_one_line() {
        assert_eq!(
            persons("记者 李明 通讯员 王丽\n本报讯 近日,市里召开会议。"),
            ["李明", "王丽"]
        );
    }

    #[test]
    fn a_common_word_character_and_a_verb_are_no_name() {
        assert!(persons("通过实地察看和听取汇报,了解情况。").is_empty());
    }

    #[test]
    fn a_surname_missing_from_the_lexicon_after_a_post() {
        assert_eq!(persons("会上,镇长茆建华作总结讲话。"), ["茆建华"]);
    }

    #[test]
    fn after_titles_and_in_chains() {
        let text = "区委副书记王建国,区委常委、组织部部长李明华一行来到莘庄镇调研。";
        assert_eq!(persons(text), ["王建国", "李明华"]);
        assert_eq!(spans(text, Title), ["区委副书记", "区委常委", "组织部部长"]);
    }

    #[test]
    fn lists_after_a_title() {
        assert_eq!(
            persons("副镇长赵晓东、钱丽、孙志刚参加会议。"),
            ["赵晓东", "钱丽", "孙志刚"]
        );
    }

    #[test]
    fn before_cue_words_without_swallowing_them() {
        assert_eq!(persons("会上,周建平表示要抓好落实。"), ["周建平"]);
        assert_eq!(persons("马国强率县党政代表团到镇里考察。"), ["马国强"]);
        assert_eq!(persons("于海来到现场。"), ["于海"]);
    }

    #[test]
    fn document_cache_finds_later_mentions() {
        let text = "镇长何文静主持会议。会后,大家认为何文静讲得很实在。";
        assert_eq!(persons(text), ["何文静", "何文静"]);
    }

    #[test]
    fn bylines() {
        assert_eq!(
            persons("本报讯(通讯员 林晓)9月1日,镇里召开会议。"),
            ["林晓"]
        );
        assert_eq!(
            persons("工作取得实效。\n\n张丽华/文 吴强/摄"),
            ["张丽华", "吴强"]
        );
    }

    #[test]
    fn not_names() {
        assert!(persons("陈书记强调,要做好工作。").is_empty());
        assert!(persons("教育、医疗、养老等民生项目。").is_empty());
        assert!(spans("县领导到会指导。", Title).is_empty());
    }
}

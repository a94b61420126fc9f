//! Bylines and résumés: `(通讯员 张琳子)`, `高志强/文`, `编审团:刘芬 汤美红`,
//! `(舒畅)`, a name alone at the end of an article, `王浩宇,男,汉族`.

use super::super::Scan;
use super::super::lengths::{FULL_NAME_CHARS, MIN_NAME_CHARS, NAME_LENGTHS};
use super::name::{
    is_trigger, place_rules_out_name, standalone_name, surname, surname_len, valid_given,
};
use crate::lexicon::{Grammar, LexClass, Trigger};
use crate::recognise::pos::Pos;
use crate::rules::Rule;
use crate::span::Span;
use crate::text::is_cjk;

/// Words that close a byline right after its last name (`记者李明报道`,
/// `记者王丽摄`): `grammar.byline-closer` in `dictionaries/grammar.txt`.
const CLOSER: LexClass = LexClass::Grammar(Grammar::BylineCloser);

/// What follows a name that makes it a person with no other sign: the sex
/// of a résumé (`王浩宇,男,汉族`: `grammar.resume-sex`) and the mark after
/// a byline's name (`张丽华/文`: `grammar.byline-mark`).
const NAME_MARKS: [LexClass; 2] = [
    LexClass::Grammar(Grammar::ResumeSex),
    LexClass::Grammar(Grammar::BylineMark),
];

/// Bylines: `(通讯员 张琳子)`, `高志强/文`, `编审团:刘芬 汤美红`, `(舒畅)`, and
/// a name alone at the end of an article.
pub(crate) fn bylines(scan: &Scan<'_>, found: &mut Vec<(Span, Rule)>) {
    let mut names: Vec<Span> = Vec::new();
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
                    None => {
                        let run = run_of_tagged_names(scan, pos);
                        if run.is_empty() {
                            names.extend(run_of_read_names(scan, pos));
                        } else {
                            names.extend(run);
                        }
                        break;
                    }
                }
                match scan.char_at(pos) {
                    Some(' ') => {}
                    // `记者甲、乙报道`: the next name of the byline.
                    Some('、') => pos += '、'.len_utf8(),
                    _ => break,
                }
            }
        }
    }
    // Résumés (`王浩宇,男,汉族,1975年5月生`) and `X/文`, `X/摄`.
    for h in scan.hits().iter().filter(|h| scan.hit_is(h, NAME_MARKS)) {
        if let Some(n) = name_ending(scan, h.span().start) {
            names.push(n);
        }
    }
    // One pass over the chars other than ideographs finds the three kinds
    // below (the order names are found in does not matter).
    for (i, c) in scan.non_ideographs() {
        let after = i + c.len_utf8();
        match c {
            '(' | '\u{FF08}' => names.extend(in_parentheses(scan, after)),
            ':' | '\u{FF1A}' => names.extend(listed_after_colon(scan, after)),
            '\n' => names.extend(alone_on_line(scan, i)),
            _ => {}
        }
    }
    found.extend(names.into_iter().map(|n| (n, Rule::PersonByline)));
}

/// `(舒畅)`, `(甲、乙)`, `(甲 乙)`: names alone in parentheses that open at
/// `pos`, one, or several joined by `、` or set apart by spaces.
fn in_parentheses(scan: &Scan<'_>, mut pos: usize) -> Vec<Span> {
    let mut found = Vec::new();
    while let Some(n) = byline_name(scan, pos) {
        found.push(n);
        match scan.char_at(n.end) {
            Some(')' | '\u{FF09}') => return found,
            Some('、') => pos = n.end + '、'.len_utf8(),
            // `(甲 乙)`: names of a byline set apart by spaces.
            Some(' ' | '\u{3000}') => {
                pos = n.end;
                while let Some(c) = scan.char_at(pos).filter(|&c| c == ' ' || c == '\u{3000}') {
                    pos += c.len_utf8();
                }
            }
            _ => break,
        }
    }
    Vec::new()
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
    if seg.chars().count() != FULL_NAME_CHARS || !seg.chars().all(is_cjk) {
        return None;
    }
    let start = line_start + text[line_start..eol].find(seg).unwrap_or(0);
    standalone_name(scan, start).filter(|name| name.end == start + seg.len())
}

/// A name in a byline: like [`standalone_name`], but a common word may be a
/// name there (`舒畅`), and another byline word may follow (`陈晓通讯员`).
fn byline_name(scan: &Scan<'_>, pos: usize) -> Option<Span> {
    let sn = surname_len(scan, pos)?;
    for len in NAME_LENGTHS {
        if len <= sn {
            continue;
        }
        let end = scan.forward(pos, len);
        let given = &scan.text[scan.forward(pos, sn)..end];
        // A name the byline closes at once (`记者甲、乙报道`: `、` or a
        // closer after it) may hold a character rare in given names (`也`).
        let closed =
            scan.char_at(end) == Some('、') || scan.lex.starts_with(&scan.text[end..], CLOSER);
        if scan.text[pos..end].chars().count() != len
            || !(valid_given(given) || closed && given.chars().all(crate::text::is_cjk))
        {
            continue;
        }
        let w = &scan.text[pos..end];
        // `记者王丽摄`: a closer is no given name.
        let last = scan.back(end, 1);
        if scan.lex.starts_with(&scan.text[last..], CLOSER) {
            continue;
        }
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
        // `(蒙古族)`, `(左一)`: a people, a place in a photo.
        if w.ends_with('族')
            || scan.word_tag(w).is_some_and(|t| {
                matches!(t, Pos::Nz | Pos::Ns | Pos::Nt | Pos::M | Pos::Mq | Pos::F)
            })
        {
            continue;
        }
        if scan.is_break_at(end)
            || scan.lex.starts_with(&scan.text[end..], CLOSER)
            || place_then_closer(scan, end)
            || scan
                .hits_at(end)
                .iter()
                .any(|h| is_trigger(scan, h, Trigger::Byline))
        {
            return Some(Span::new(pos, end));
        }
    }
    padded_name(scan, pos)
}

/// `徐 峰`: a two-character name a byline pads with a space to the width
/// of three (a one-character surname, one space, a given-name character),
/// ending where the byline's next name, its close or a break follows.
fn padded_name(scan: &Scan<'_>, pos: usize) -> Option<Span> {
    if surname_len(scan, pos)? != 1 {
        return None;
    }
    let space = scan.forward(pos, 1);
    if !matches!(scan.char_at(space), Some(' ' | '\u{3000}')) {
        return None;
    }
    let given = scan.forward(space, 1);
    let end = scan.forward(given, 1);
    let ends = scan.is_break_at(end) || matches!(scan.char_at(end), Some(' ' | '\u{3000}'));
    (end == given + 3 && valid_given(&scan.text[given..end]) && ends).then(|| Span::new(pos, end))
}

/// The fewest names of a byline written without separators.
const MIN_RUN_OF_NAMES: usize = 2;

/// `记者甲乙丙报道`, `记者甲乙北京报道`: names of a byline written one after
/// the other without a space, as the segmenter tags them (each a clear
/// surname and one or two given-name characters), two at least, the last
/// one ending the byline (a break, a closer, a place).
fn run_of_tagged_names(scan: &Scan<'_>, pos: usize) -> Vec<Span> {
    let tokens = scan.tokens_around(pos);
    let mut found = Vec::new();
    let mut at = pos;
    while let Some(t) = tokens.iter().find(|t| {
        t.span.start == at
            && t.tag.is_name()
            && (MIN_NAME_CHARS..=FULL_NAME_CHARS)
                .contains(&scan.text[t.span.range()].chars().count())
            && matches!(surname(scan, at), Some((sn, true))
                if valid_given(&scan.text[scan.forward(at, sn).min(t.span.end)..t.span.end]))
    }) {
        found.push(t.span);
        at = t.span.end;
    }
    if found.len() >= MIN_RUN_OF_NAMES && run_ends(scan, at) {
        found
    } else {
        Vec::new()
    }
}

/// True when a byline's run of names may end at `at`: a break, a closer,
/// a place (`记者甲乙北京报道`).
fn run_ends(scan: &Scan<'_>, at: usize) -> bool {
    scan.is_break_at(at)
        || scan.lex.starts_with(&scan.text[at..], CLOSER)
        || scan
            .hits_at(at)
            .iter()
            .any(|h| scan.hit_is(h, is_named_place))
}

/// The lexicon's classes of a named place after a byline (`北京`, a site,
/// a short form).
fn is_named_place(c: LexClass) -> bool {
    matches!(
        c,
        LexClass::Division(_) | LexClass::Site | LexClass::PlaceShort
    )
}

/// The most names a byline writes one after the other without a space.
const MAX_RUN_OF_NAMES: usize = 4;

/// `记者甲乙报道` where the segmenter cuts the names wrongly (`陈某/nr
/// 才/d 李某某/nr`): the run's one reading as names, each a clear surname
/// and one or two given-name characters, two at least, the last one ending
/// the byline where it first may end. A run read two ways is left alone.
fn run_of_read_names(scan: &Scan<'_>, pos: usize) -> Vec<Span> {
    let mut readings: Vec<Vec<Span>> = Vec::new();
    let mut stack: Vec<Vec<Span>> = vec![Vec::new()];
    while let Some(read) = stack.pop() {
        let at = read.last().map_or(pos, |n| n.end);
        if read.len() >= MIN_RUN_OF_NAMES && run_ends(scan, at) {
            readings.push(read.clone());
        }
        if read.len() == MAX_RUN_OF_NAMES {
            continue;
        }
        for len in NAME_LENGTHS {
            if let Some(n) = clear_name(scan, at, len) {
                let mut longer = read.clone();
                longer.push(n);
                stack.push(longer);
            }
        }
    }
    // The run ends where a byline first may end: `甲乙北京报道` is not read
    // on into the place (`…乙北|京报道`).
    let end_of = |r: &Vec<Span>| r.last().map_or(pos, |n| n.end);
    let first_end = readings.iter().map(end_of).min();
    readings.retain(|r| Some(end_of(r)) == first_end);
    match readings.as_slice() {
        [one] => one.clone(),
        _ => Vec::new(),
    }
}

/// A name of `len` characters at `pos` with a clear one-character surname
/// and given-name characters, no word of the lexicon's other classes nor
/// one the segmenter's dictionary tags as other than a name.
fn clear_name(scan: &Scan<'_>, pos: usize, len: usize) -> Option<Span> {
    let end = scan.forward(pos, len);
    let w = &scan.text[pos..end];
    (w.chars().count() == len
        && matches!(surname(scan, pos), Some((1, true)))
        && valid_given(&scan.text[scan.forward(pos, 1)..end])
        && !scan.lex.any(w, |c| c != LexClass::Surname)
        && scan.word_tag(w).is_none_or(Pos::is_name))
    .then(|| Span::new(pos, end))
}

/// `记者李明北京报道`: a named place, then a closer, right after a
/// byline name.
fn place_then_closer(scan: &Scan<'_>, end: usize) -> bool {
    scan.hits_at(end).iter().any(|h| {
        scan.hit_is(h, is_named_place) && scan.lex.starts_with(&scan.text[h.span().end..], CLOSER)
    })
}

/// A 2–3 character name ending at `end`, after a break.
fn name_ending(scan: &Scan<'_>, end: usize) -> Option<Span> {
    for len in NAME_LENGTHS {
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

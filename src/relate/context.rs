//! The article context: which province, city, county and town an article
//! is about, read where the genre writes it and ranked by how sure that
//! place is:
//!
//! 1. the dateline and the byline (`青山新闻网讯`, `(青山融媒)`,
//!    `来源:青山县融媒体中心`): the publisher's own place;
//! 2. the headline (the short lines before the first sentence);
//! 3. the places the body names most (see [`super::article`]).
//!
//! An abbreviated body (`区委`, `县人民政府`) resolves to the context's
//! division of its level before any other place the text names: visitors
//! from elsewhere write their own place in their titles (`某市委常委`),
//! the host's officials do not.

use super::Mention;
use super::article::{
    NamedPlace, Readings, division_level, full_of_short, is_byline, is_headline, named_places,
};
use super::norm::NormText;
use crate::document::{Certainty, Context};
use crate::lexicon::{Level, LexClass, Lexicon, longest_division_at};
use crate::text::CodePoints;

/// The longest dateline head read before `讯` or `电`, in chars.
const MAX_DATELINE: usize = 24;
/// The prose lines a dateline is looked for in.
const MAX_DATELINE_LINES: usize = 3;
/// The most headline lines read before the first sentence.
const MAX_HEADLINE_LINES: usize = 3;
/// The longest place name looked up in a dateline or byline, in chars.
const MAX_PLACE_CHARS: usize = 8;

/// A division the context names, and how sure it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ContextPlace {
    /// Full name (`青山区`, also for a short form `青山`).
    pub name: String,
    /// Its level.
    pub level: Level,
    /// Where it was read.
    pub certainty: Certainty,
}

/// The context places of the article in `start..end` of `nt`, surest
/// first.
pub(crate) fn places(
    lex: &Lexicon,
    nt: &NormText<'_>,
    mentions: &[Mention],
    (start, end): (usize, usize),
    readings: &mut Readings,
) -> Vec<ContextPlace> {
    let lines = nt.lines(start, end);
    let line_text = |r: (usize, usize)| nt.text(r.0, r.1);
    let mut out: Vec<ContextPlace> = Vec::new();
    let mut add = |found: Vec<(String, Level)>, certainty: Certainty| {
        for (name, level) in found {
            if !out.iter().any(|p| p.name == name) {
                out.push(ContextPlace {
                    name,
                    level,
                    certainty,
                });
            }
        }
    };
    // Datelines and bylines.
    for &r in &lines {
        let t = line_text(r);
        if is_byline(t, false) || is_source_line(t) {
            add(divisions_written(lex, t), Certainty::High);
        } else if let Some(byline) = trailing_byline(t) {
            add(divisions_written(lex, byline), Certainty::High);
        }
    }
    // The dateline opens the first prose line, or one of the next few
    // after a lead sentence that repeats the headline (`讯` only there:
    // `电` ends too many words).
    let prose = lines.iter().filter(|&&r| !is_headline(line_text(r)));
    for (k, &r) in prose.take(MAX_DATELINE_LINES).enumerate() {
        let head = if k == 0 {
            dateline(line_text(r))
        } else {
            later_dateline(line_text(r))
        };
        if let Some(head) = head {
            add(divisions_written(lex, head), Certainty::High);
            break;
        }
    }
    // The headline.
    let headline: Vec<(usize, usize)> = lines
        .iter()
        .take_while(|&&r| is_headline(line_text(r)))
        .take(MAX_HEADLINE_LINES)
        .copied()
        .collect();
    for r in headline {
        let named = named_places(lex, nt, mentions, r, readings);
        add(
            named.into_iter().map(|p| (p.name, p.level)).collect(),
            Certainty::High,
        );
    }
    out
}

/// `…高质量发展。(青山融媒)`: a byline in brackets closing a paragraph.
fn trailing_byline(line: &str) -> Option<&str> {
    let t = line.trim_end();
    let close = t.chars().next_back().filter(|c| matches!(c, ')' | '）'))?;
    let open = t.rfind(['(', '（'])?;
    let open_len = t[open..].chars().next()?.len_utf8();
    let inner = t.get(open + open_len..t.len() - close.len_utf8())?;
    let before = t[..open].chars().next_back()?;
    (matches!(before, '。' | '!' | '！' | '?' | '？')
        && (1..=MAX_BYLINE).contains(&inner.chars().count()))
    .then_some(inner)
}

/// The longest byline read in brackets at the end of a paragraph, in chars.
const MAX_BYLINE: usize = 12;

/// The word that names the publisher (`来源:某某融媒体中心`).
const SOURCE: &str = "来源";

/// The two characters that close a dateline (`青山新闻网讯`,
/// `新华社青山5月3日电`), the genre's closed set: a news flash, a wire.
const NEWS_FLASH: char = '讯';
const WIRE: char = '电';

/// The longest line that names the publisher, in chars.
const MAX_SOURCE_LINE_CHARS: usize = 40;

/// `来源:某某融媒体中心`, `某某融媒`: a line that names the publisher.
fn is_source_line(t: &str) -> bool {
    let t = t.trim();
    crate::text::chars_at_most(t, MAX_SOURCE_LINE_CHARS).is_some()
        && (t.starts_with(SOURCE)
            || t.match_indices(SOURCE)
                .any(|(i, w)| t[i + w.len()..].starts_with([':', '\u{FF1A}'])))
}

/// The head of a dateline: what stands before `讯` or `电` at the start of
/// a lead (`青山新闻网讯`, `新华社青山5月3日电`).
fn dateline(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let head: String = t.chars().take(MAX_DATELINE).collect();
    let k = head.find([NEWS_FLASH, WIRE])?;
    Some(&t[..k])
}

/// A dateline on a line after the first (`青山新闻网讯 记者…`): `讯` ends
/// it, and no punctuation stands before it.
fn later_dateline(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let head: String = t.chars().take(MAX_DATELINE).collect();
    let k = head.find(NEWS_FLASH)?;
    let h = &t[..k];
    (!h.is_empty() && h.chars().all(|c| c.is_alphanumeric())).then_some(h)
}

/// The divisions written in `text` (a dateline or byline): each longest
/// division name or short form of the lexicon, read left to right.
fn divisions_written(lex: &Lexicon, text: &str) -> Vec<(String, Level)> {
    let cps = CodePoints::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < cps.len() {
        let found = longest_division_at(text, &cps, i, MAX_PLACE_CHARS, |w| {
            // A short form of a county or above (`青山` of 青山县); a town's
            // short form is too often a common word (`文明` of some 文明乡).
            match division_level(lex, w) {
                Some(l) => Some((w.to_string(), l)),
                None => full_of_short(lex, w)
                    .and_then(|f| division_level(lex, &f).map(|l| (f, l)))
                    .filter(|&(_, l)| l <= Level::County),
            }
        });
        match found {
            Some((f, j)) if f.1 < Level::Village && !lex.is(&f.0, LexClass::Person) => {
                out.push(f);
                i = j;
            }
            _ => i += 1,
        }
    }
    out
}

/// How many times the body names a division for it to be of medium
/// certainty (once is low).
const MEDIUM_MENTIONS: usize = 2;

/// The JSON context of a document from its first article's context
/// places and named places: each level's surest division, and the
/// certainty of the most specific one.
pub(crate) fn to_context(context: &[ContextPlace], named: &[NamedPlace]) -> Option<Context> {
    let mut c = Context::default();
    let mut how: [Option<Certainty>; 4] = [None; 4];
    let slot = |level: Level| match level {
        Level::Province => Some(0),
        Level::City => Some(1),
        Level::County => Some(2),
        Level::Town => Some(3),
        _ => None,
    };
    let mut set = |name: &str, level: Level, certainty: Certainty, c: &mut Context| {
        let Some(i) = slot(level) else { return };
        let field = [&mut c.province, &mut c.city, &mut c.county, &mut c.town]
            .into_iter()
            .nth(i)
            .expect("four levels");
        if field.is_none() {
            *field = Some(name.to_string());
            how[i] = Some(certainty);
        }
    };
    for p in context {
        set(&p.name, p.level, p.certainty, &mut c);
    }
    // The body's most named division of each level fills the rest.
    let mut by_count: Vec<&NamedPlace> = named.iter().collect();
    by_count.sort_by_key(|p| (std::cmp::Reverse(p.count), p.first));
    for p in by_count {
        let certainty = if p.count >= MEDIUM_MENTIONS {
            Certainty::Medium
        } else {
            Certainty::Low
        };
        set(&p.name, p.level, certainty, &mut c);
    }
    c.certainty = how.iter().rev().flatten().next().copied();
    (c != Context::default()).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byline_closing_a_paragraph() {
        assert_eq!(
            trailing_byline("工作取得实效。(青山融媒)"),
            Some("青山融媒")
        );
        assert_eq!(trailing_byline("会议(第二次)"), None);
    }

    #[test]
    fn datelines_name_the_publisher() {
        assert_eq!(dateline("青山新闻网讯 近日,…"), Some("青山新闻网"));
        assert_eq!(dateline("5月3日,县委书记…"), None);
        assert!(is_source_line("来源:青山县融媒体中心"));
    }

    #[test]
    fn the_dateline_decides_an_abbreviated_body() {
        // The visitor's city is written in full; the host's county only in
        // the dateline. `县长` is the host's.
        let text = "柳河县融媒讯 5月3日,青山市委常委王立新来我县调研,县长赵德明陪同。";
        let keys = crate::relate::testing::keys(text);
        assert!(
            keys.contains(&"LEADS 赵德明 -> 柳河县人民政府 县长".to_string()),
            "{keys:?}"
        );
        assert!(
            keys.contains(&"LEADS 王立新 -> 青山市委 常委".to_string()),
            "{keys:?}"
        );
        let doc = crate::recognise::testing::extractor().extract("t", text);
        let c = doc.context.expect("a context");
        assert_eq!(c.county.as_deref(), Some("柳河县"));
        assert_eq!(c.certainty, Some(Certainty::High));
    }

    #[test]
    fn a_dateline_after_a_lead_sentence() {
        // The first line repeats the headline; the dateline opens the next.
        let text = "5月3日,县长赵德明检查防汛工作。\n柳河新闻网讯 记者王强报道:5月3日,县委副书记、县长赵德明深入一线检查防汛工作。";
        let keys = crate::relate::testing::keys(text);
        assert!(
            keys.contains(&"LEADS 赵德明 -> 柳河县委 副书记".to_string()),
            "{keys:?}"
        );
        assert_eq!(later_dateline("柳河新闻网讯 记者"), Some("柳河新闻网"));
        assert_eq!(later_dateline("会上,他说通讯"), None);
    }

    #[test]
    fn divisions_written_in_a_byline() {
        let lex = Lexicon::embedded();
        // A town's short form is too often a common word.
        assert!(divisions_written(&lex, "(镇文明办)").is_empty());
        let found = divisions_written(&lex, "(闵行融媒)");
        assert_eq!(found, [("闵行区".to_string(), Level::County)]);
    }
}

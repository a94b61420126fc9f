//! News media named where a web article names its source: a site or paper
//! on a line of its own (`某某新闻网`, `某某日报`), after `来源:`, in
//! parentheses (`(某某融媒)`), before the `讯` of a dateline
//! (`某某网讯`, `某某网2月3日讯`, and there whatever the name ends in:
//! `云上某某讯`) or before `记者`. There the name is a
//! body, an ORG. Elsewhere `网` and `新闻` end common words (`电网`,
//! `互联网`).

use super::pos::Pos;
use super::{Mention, Scan};
use crate::lexicon::{Grammar, LexClass};
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use crate::text::is_cjk;

/// What a medium's name ends in (`网`, `日报`): `grammar.media` in
/// `dictionaries/grammar.txt`.
const MEDIA: LexClass = LexClass::Grammar(Grammar::Media);

/// What may stand right before a medium's name, besides a line's start:
/// a source, a breadcrumb, brackets.
/// Kept in code: mostly punctuation, the closed grammar of a source line.
const OPENERS: &[&str] = &[
    "来源:",
    "来源\u{ff1a}",
    // A web page's breadcrumb (`您所在的位置: 某某网 > 某某频道`).
    "位置:",
    "位置\u{ff1a}",
    "(",
    "\u{ff08}",
    "【",
    "由",
];

/// What may follow a medium's name, besides a line's end or a space.
/// Kept in code: mostly punctuation, the closed grammar of a source line.
const CLOSERS: &[&str] = &[")", "\u{ff09}", "】", "讯", "记者", "消息", "提供", "-"];

/// How long a medium's name is, in characters (suffix included).
const NAME_CHARS: std::ops::RangeInclusive<usize> = 3..=12;

/// How far a dateline's date may stand between the name and `讯`, in bytes.
const DATE_BEFORE_XUN: usize = 24;

/// Media named at a source's places.
pub(super) fn find(scan: &Scan<'_>) -> Vec<Mention> {
    let text = scan.text;
    let mut out = Vec::new();
    for start in name_starts(text) {
        let run_end = text[start..]
            .char_indices()
            .find(|&(_, c)| !is_cjk(c))
            .map_or(text.len(), |(i, _)| start + i);
        if let Some(end) =
            name_end(scan, start, run_end).or_else(|| dateline_name(scan, start, run_end))
        {
            out.push(Mention::new(
                Span::new(start, end),
                EntityKind::Org,
                Rule::OrgMedia,
            ));
        }
    }
    out
}

/// Where a medium's name may start: a line's first name character (after
/// spaces and bullets), or right after an opener.
fn name_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let lead = line
            .char_indices()
            .find(|&(_, c)| !(c.is_whitespace() || matches!(c, '•' | '·' | '|')))
            .map(|(i, _)| line_start + i);
        out.extend(lead);
        line_start += line.len();
    }
    for opener in OPENERS {
        for at in memchr::memmem::find_iter(text.as_bytes(), opener.as_bytes()) {
            let mut s = at + opener.len();
            while let Some(c) = text[s..]
                .chars()
                .next()
                .filter(|c| *c == ' ' || *c == '\u{3000}')
            {
                s += c.len_utf8();
            }
            out.push(s);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The end of a medium's name in the CJK run `start..run_end`: the first
/// media suffix that a closer, a space or a line's end follows.
fn name_end(scan: &Scan<'_>, start: usize, run_end: usize) -> Option<usize> {
    let text = scan.text;
    let run = &text[start..run_end];
    // The name's length in chars is the number of chars read so far.
    run.char_indices()
        .enumerate()
        .map(|(k, (i, c))| (k + 1, start + i + c.len_utf8()))
        .find(|&(n, end)| {
            let name = &text[start..end];
            NAME_CHARS.contains(&n)
                && scan.span_ends_with(Span::new(start, end), MEDIA)
                && !common_word(scan, name)
                && !holds_a_verb(scan, Span::new(start, end))
                && suffix_stands_apart(scan, start, end)
                && closed_at(text, end)
        })
        .map(|(_, end)| end)
}

/// True when the segmenter knows `name` as a common word (`互联网`).
fn common_word(scan: &Scan<'_>, name: &str) -> bool {
    scan.word_tag(name)
        .is_some_and(|t| !matches!(t, Pos::Nt | Pos::Nz | Pos::Ns | Pos::J))
}

/// True when the segmenter reads the suffix ending at `end` as the start
/// of a word (`某某/网`, `某某/新闻记者`), or as the end of a proper word (`某某网/nz`) or of a
/// site's word of three characters or more (`门户网`, `资讯网`); a common
/// word of two (`电网`, `管网`, `官网`) makes no medium.
fn suffix_stands_apart(scan: &Scan<'_>, start: usize, end: usize) -> bool {
    let name = &scan.text[start..end];
    let Some(suffix) = scan.lex.suffixes_of(name, MEDIA).next() else {
        return false;
    };
    let at = end - suffix.len();
    // The suffix opens a word (`新闻记者` after `某某`).
    if scan
        .token_containing(at)
        .is_some_and(|t| t.span.start == at)
    {
        return true;
    }
    scan.token_containing(end - 1).is_some_and(|t| {
        t.span.end == end
            && t.span.start >= start
            && (t.is_proper() || scan.text[t.span.range()].chars().count() >= 3)
    })
}

/// True when a verb, an adverb or a particle the segmenter knows stands
/// in `span`: a headline (`加快建设智慧电网`), no name.
fn holds_a_verb(scan: &Scan<'_>, span: Span) -> bool {
    holds_known_word(scan, span, |t, _| {
        t.tag.is_verb()
            || matches!(
                t.tag,
                Pos::P | Pos::C | Pos::U | Pos::Uj | Pos::Ul | Pos::D | Pos::R | Pos::M
            )
    })
}

/// True when a token of the segmenter inside `span` passes `test` (given
/// the token and its text) and is a word of its dictionary.
fn holds_known_word(
    scan: &Scan<'_>,
    span: Span,
    test: impl Fn(&super::segment::Token, &str) -> bool,
) -> bool {
    scan.tokens_around(span.start).iter().any(|t| {
        let w = &scan.text[t.span.range()];
        t.span.start >= span.start && t.span.end <= span.end && test(t, w) && scan.is_known_word(w)
    })
}

/// The name of a dateline's medium whatever it ends in (`某某融媒中心讯`,
/// `云上某某讯 记者…`, `某某网某某站3月11日讯(通讯员…`): the CJK run from
/// `start` up to `讯`, or up to a date and `讯`, where a space, a bracket,
/// a digit or the reporter follows `讯`. `本报讯`, `本网讯` name the paper
/// itself, no medium: a name opening with `本` is none.
fn dateline_name(scan: &Scan<'_>, start: usize, run_end: usize) -> Option<usize> {
    let text = scan.text;
    let run = &text[start..run_end];
    let (end, xun) = match run.find('讯') {
        Some(k) => (start + k, start + k),
        // `某某站3月11日讯`: the run stops at the date.
        None => (run_end, run_end + xun_after_date(&text[run_end..])?),
    };
    let after = &text[xun + '讯'.len_utf8()..];
    let closes = after.starts_with(|c: char| {
        c.is_whitespace() || c.is_ascii_digit() || matches!(c, '(' | '\u{ff08}' | '【')
    }) || ["记者", "通讯员"].iter().any(|w| after.starts_with(w));
    let n = text[start..end].chars().count();
    (closes
        && DATELINE_NAME_CHARS.contains(&n)
        && !text[start..].starts_with('本')
        && !xun_in_a_word(scan, xun)
        && !holds_a_word_verb(scan, Span::new(start, end)))
    .then_some(end)
}

/// True when the segmenter reads the `讯` at `xun` inside a word of its
/// dictionary (`快讯`, `闻讯`), other than the date's `日讯`: no dateline.
fn xun_in_a_word(scan: &Scan<'_>, xun: usize) -> bool {
    scan.token_containing(xun).is_some_and(|t| {
        let w = &scan.text[t.span.range()];
        w != "讯" && w != "日讯" && scan.is_known_word(w)
    })
}

/// True when a verb of two characters or more that the segmenter knows
/// stands in `span` (a headline's `开展`); a one-character verb reading
/// (`站/v` of `某某站`) is the name's own character.
fn holds_a_word_verb(scan: &Scan<'_>, span: Span) -> bool {
    holds_known_word(scan, span, |t, w| {
        t.tag.is_verb() && w.chars().nth(1).is_some()
    })
}

/// How long the name of a dateline's medium is, in characters.
const DATELINE_NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=8;

/// True when what follows `end` closes a medium's name: a line's end, a
/// space, a closer, or a dateline's date and `讯`.
fn closed_at(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let Some(c) = rest.chars().next() else {
        return true;
    };
    if c.is_whitespace() || CLOSERS.iter().any(|w| rest.starts_with(w)) {
        return true;
    }
    // `某某网2月3日讯`.
    xun_after_date(rest).is_some()
}

/// Where the `讯` of a dateline stands in `rest` when `rest` opens with
/// the dateline's date (`2月3日讯`): its byte offset.
fn xun_after_date(rest: &str) -> Option<usize> {
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    rest.char_indices()
        .take_while(|&(i, _)| i < DATE_BEFORE_XUN)
        // A closed set of the grammar, kept in code.
        .find(|&(_, c)| !(c.is_ascii_digit() || matches!(c, '年' | '月' | '日')))
        .filter(|&(i, c)| c == '讯' && rest[..i].ends_with('日'))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Org;

    #[test]
    fn a_source_names_a_medium() {
        assert_eq!(
            spans("…活动。\n来源:青川新闻网\n作者:李明", Org),
            ["青川新闻网"]
        );
        assert_eq!(spans("青溪融媒讯 近日,村里开展活动。", Org), ["青溪融媒"]);
        assert_eq!(spans("南溪网3月2日讯 近日,村里开展活动。", Org), ["南溪网"]);
        assert_eq!(spans("村里开展活动。(湖山日报)", Org), ["湖山日报"]);
        assert_eq!(
            spans(
                "您所在的位置: 青川网 > 新闻频道 > 正文\n村里开展活动。",
                Org
            ),
            ["青川网"]
        );
    }

    #[test]
    fn a_dateline_names_its_medium_whatever_it_ends_in() {
        assert_eq!(
            spans("云上青松讯 记者王明报道:6月2日,村里开展活动。", Org),
            ["云上青松"]
        );
        assert_eq!(
            spans("青网青松站3月11日讯(通讯员 王雷)村里开展活动。", Org),
            ["青网青松站"]
        );
    }

    #[test]
    fn news_words_and_the_paper_itself_are_no_dateline() {
        assert!(spans("德国闻讯立即做出强烈反应。", Org).is_empty());
        assert!(spans("图片快讯 村里开展活动。", Org).is_empty());
        assert!(spans("本报讯(记者王明)村里开展活动。", Org).is_empty());
        assert!(spans("本台讯 记者王明报道:村里开展活动。", Org).is_empty());
        assert!(spans("青松开展活动讯 记者王明报道:村里开展活动。", Org).is_empty());
    }

    #[test]
    fn common_words_are_no_media() {
        assert!(spans("建设电网\n互联网\n", Org).is_empty());
        assert!(spans("推动电商网络发展。", Org).is_empty());
        assert!(spans("加快建设智慧电网\n", Org).is_empty());
    }
}

//! Sentences and paragraphs of the normalised text.
//!
//! A sentence ends at `。!?;…` (full- or half-width) or at a line break; the
//! normaliser has already removed the breaks a PDF left inside sentences, so
//! every break that remains separates blocks (headlines, paragraphs, table
//! cells). A paragraph is one line.
//!
//! The normaliser also joins a headline to the paragraph after it when the
//! headline reads like prose (it has a comma, or is long):
//! `…刘世军一行赴七宝镇开展“创全”督查\n\n2018年是闵行区…`. Such a joined
//! break still ends a sentence (and a paragraph), so that evidence never
//! runs from a headline into the text below it: see [`headline_ends`].

use super::norm::NormText;
use crate::text::Prepared;

/// One sentence: a byte range of the normalised text, trimmed of spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// Where it starts.
    pub start: usize,
    /// Where it ends (the closing punctuation included).
    pub end: usize,
    /// Index of the paragraph (line) that holds it.
    pub para: usize,
}

/// Punctuation that closes a sentence.
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '。' | '!' | '?' | '\u{FF01}' | '\u{FF1F}' | ';' | '\u{FF1B}' | '…'
    )
}

/// The longest sentence the relation rules read, in chars. Their scans
/// look back and ahead within a sentence, so a sentence's cost grows with
/// its length times its verbs; text without sentence punctuation (a
/// megabyte of scraped characters on one line) would cost time in the
/// square of its length. The genre's sentences stay far below this (the
/// longest in the bundled samples has 591 chars); a longer run is cut at
/// its last clause break before the limit, or at the limit.
pub(crate) const MAX_SENTENCE_CHARS: usize = 1000;

/// The longest line read as a headline, in chars.
pub(crate) const MAX_HEADLINE_CHARS: usize = 50;

/// Splits the normalised text of `prepared`, as `nt`, into sentences:
/// [`split_at`] with the [`headline_ends`] of the text.
pub(crate) fn split(nt: &NormText<'_>, prepared: &Prepared) -> Vec<Sentence> {
    split_at(nt, &headline_ends(prepared))
}

/// Where the normaliser joined a headline to the text below it: the
/// byte offsets of the normalised text that follow such a headline, in
/// order.
///
/// A line of the original is a headline here when its break to the next
/// line was removed, and it
///
/// - starts a block: it is the first line, or the break before it was kept
///   (or is itself a headline's end);
/// - follows no sentence: the line before it, if any, does not end with
///   closing punctuation (a title, a byline, another headline);
/// - is short (at most [`MAX_HEADLINE_CHARS`] chars), holds no closing
///   punctuation and does not start with a digit (a dated lead,
///   `11月22日,…`, is the first line of a paragraph, not a headline).
///
/// So a paragraph whose lines a PDF broke keeps its sentences whole: its
/// first line follows a sentence's end or is long, and its later lines
/// start no block.
pub(crate) fn headline_ends(prepared: &Prepared) -> Vec<usize> {
    let text = prepared.original();
    // The non-blank lines: byte ranges of their content, trimmed.
    let lines: Vec<(usize, usize)> = line_ranges(text)
        .filter_map(|(a, b)| {
            let line = &text[a..b];
            let start = a + (line.len() - line.trim_start().len());
            let end = a + line.trim_end().len();
            (start < end).then_some((start, end))
        })
        .collect();
    let mut cuts: Vec<usize> = Vec::new();
    let mut starts_block = true;
    let mut after_sentence = false;
    for pair in lines.windows(2) {
        let [(a, b), (next, _)] = [pair[0], pair[1]];
        let joined = prepared.normalized_offset(b) == prepared.normalized_offset(next);
        let line = &text[a..b];
        let cut = joined && starts_block && !after_sentence && is_headline(line);
        if cut {
            cuts.push(prepared.normalized_offset(next));
        }
        starts_block = !joined || cut;
        after_sentence = ends_a_sentence(line);
    }
    cuts
}

/// The byte ranges of the lines of `text` (without their line break).
fn line_ranges(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    text.split('\n').map(move |l| {
        let r = (start, start + l.len());
        start += l.len() + 1;
        r
    })
}

/// A short line that holds no closing punctuation and starts with no digit.
fn is_headline(line: &str) -> bool {
    !line.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && !line.chars().any(is_sentence_end)
        && line.chars().take(MAX_HEADLINE_CHARS + 1).count() <= MAX_HEADLINE_CHARS
}

/// True when the line ends with closing punctuation (quotes and brackets
/// after it aside).
fn ends_a_sentence(line: &str) -> bool {
    line.trim_end_matches(['”', '’', '」', '』', ')', '\u{FF09}'])
        .chars()
        .next_back()
        .is_some_and(is_sentence_end)
}

/// Splits `nt` into sentences (empty ones dropped), none longer than
/// [`MAX_SENTENCE_CHARS`], ending one also at every position of `cuts`
/// (sorted; a cut starts a new paragraph too).
pub(crate) fn split_at(nt: &NormText<'_>, cuts: &[usize]) -> Vec<Sentence> {
    let mut cuts = cuts.iter().copied().peekable();
    let mut out = Vec::new();
    let mut para = 0usize;
    let mut start = 0usize;
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize, para: usize| {
        push_sentence(nt, out, (s, e), para);
    };
    let closes = |c: char| is_sentence_end(c) || matches!(c, '”' | '’' | '」');
    // Only breaks, punctuation and quotes end a sentence: the ideographs
    // between them are stepped over undecoded.
    let mut marks = crate::text::non_ideographs(nt.norm).peekable();
    // Where the scan reads on after a run of closing punctuation: a cut
    // inside the run takes effect at its end.
    let mut floor = 0usize;
    loop {
        let next = marks.peek().map(|&(i, _)| i);
        // The cuts up to the next mark, or before the end of the text.
        let due = |x: usize| next.map_or(x < nt.len(), |i| x <= i);
        while let Some(x) = cuts.next_if(|&x| due(x)) {
            let at = x.max(floor);
            if at >= nt.len() {
                break;
            }
            push(&mut out, start, at, para);
            para += 1;
            start = at;
        }
        let Some((i, c)) = marks.next() else {
            break;
        };
        if c == '\n' {
            push(&mut out, start, i, para);
            para += 1;
            start = i + c.len_utf8();
        } else if is_sentence_end(c) {
            // Keep runs such as `!!` or `……` and a closing quote together.
            let mut j = i + c.len_utf8();
            while let Some(&(k, d)) = marks.peek()
                && k == j
                && closes(d)
            {
                marks.next();
                j = k + d.len_utf8();
            }
            push(&mut out, start, j, para);
            start = j;
            floor = j;
        }
    }
    push(&mut out, start, nt.len(), para);
    out
}

/// Pushes the sentence `s..e` of paragraph `para`, white space trimmed,
/// cut at a clause break (or hard) where it runs past
/// [`MAX_SENTENCE_CHARS`].
fn push_sentence(nt: &NormText<'_>, out: &mut Vec<Sentence>, (s, e): (usize, usize), para: usize) {
    let space_at = |p: usize| nt.char_at(p).is_some_and(char::is_whitespace);
    let (mut s, mut e) = (s, e);
    while s < e && space_at(s) {
        s = nt.next(s);
    }
    while e > s && nt.char_before(e).is_some_and(char::is_whitespace) {
        e = nt.prev(e);
    }
    while nt.longer_than(s, e, MAX_SENTENCE_CHARS) {
        let limit = nt.fwd(s, MAX_SENTENCE_CHARS);
        let cut = nt
            .chars_in(nt.fwd(s, MAX_SENTENCE_CHARS / 2), limit)
            .rev()
            .find(|&(_, c)| crate::text::is_clause_break(c))
            .map_or(limit, |(i, _)| nt.next(i));
        out.push(Sentence {
            start: s,
            end: cut,
            para,
        });
        s = cut;
        while s < e && space_at(s) {
            s = nt.next(s);
        }
    }
    if e > s {
        out.push(Sentence {
            start: s,
            end: e,
            para,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(String, usize)> {
        let nt = NormText::new(s);
        split_at(&nt, &[])
            .iter()
            .map(|x| (nt.text(x.start, x.end).to_string(), x.para))
            .collect()
    }

    #[test]
    fn ends_and_lines() {
        assert_eq!(
            texts("标题一行\n\n张三来到某镇。李四陪同;王五参加!\n结尾"),
            [
                ("标题一行".to_string(), 0),
                ("张三来到某镇。".to_string(), 2),
                ("李四陪同;".to_string(), 2),
                ("王五参加!".to_string(), 2),
                ("结尾".to_string(), 3),
            ]
        );
    }

    #[test]
    fn closing_quote_stays() {
        assert_eq!(
            texts("他说:“好。”随后离开。"),
            [
                ("他说:“好。”".to_string(), 0),
                ("随后离开。".to_string(), 0)
            ]
        );
    }

    #[test]
    fn long_runs_are_cut_at_a_clause_break() {
        let run = "字".repeat(MAX_SENTENCE_CHARS - 10);
        let text = format!("{run},{run},尾。");
        let got = texts(&text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, format!("{run},"));
        assert_eq!(got[1].0, format!("{run},尾。"));
        let total: usize = got.iter().map(|(s, _)| s.chars().count()).sum();
        assert_eq!(total, text.chars().count());
        // Without any break, at the limit.
        let plain = "字".repeat(MAX_SENTENCE_CHARS * 2 + 5);
        let got = texts(&plain);
        let lens: Vec<usize> = got.iter().map(|(s, _)| s.chars().count()).collect();
        assert_eq!(lens, [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 5]);
    }

    /// The sentences of `text` cut at `cuts`, read char by char: what
    /// [`split_at`] finds stepping over the ideographs.
    fn by_chars(text: &str, cuts: &[usize]) -> Vec<(usize, usize, usize)> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let at = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
        let mut cuts = cuts.iter().copied().peekable();
        let (mut out, mut para, mut start, mut k) = (Vec::new(), 0, 0, 0);
        let closes = |c: char| is_sentence_end(c) || matches!(c, '”' | '’' | '」');
        while let Some(&(i, c)) = chars.get(k) {
            if cuts.next_if(|&x| x <= i).is_some() {
                out.push((start, i, para));
                para += 1;
                start = i;
                continue;
            }
            k += 1;
            if c == '\n' {
                out.push((start, i, para));
                para += 1;
                start = at(k);
            } else if is_sentence_end(c) {
                while chars.get(k).is_some_and(|&(_, d)| closes(d)) {
                    k += 1;
                }
                out.push((start, at(k), para));
                start = at(k);
            }
        }
        out.push((start, text.len(), para));
        // Trimmed and without the empty ones, as `split_at` keeps them.
        out.into_iter()
            .filter_map(|(a, b, p)| {
                let t = &text[a..b];
                let a = a + (t.len() - t.trim_start().len());
                let b = a + t.trim().len();
                (b > a).then_some((a, b, p))
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn cuts_and_ends_as_read_char_by_char(
            text in "[甲乙a 。!”\n…]{0,16}",
            picks in proptest::collection::vec(0usize..17, 0..4),
        ) {
            let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let mut cuts: Vec<usize> = picks.iter().filter_map(|&k| starts.get(k).copied()).collect();
            cuts.sort_unstable();
            let nt = NormText::new(&text);
            let got: Vec<(usize, usize, usize)> =
                split_at(&nt, &cuts).iter().map(|x| (x.start, x.end, x.para)).collect();
            proptest::prop_assert_eq!(got, by_chars(&text, &cuts));
        }
    }

    #[test]
    fn empty() {
        assert!(texts("").is_empty());
        assert!(texts("\n \n").is_empty());
    }

    /// The sentences of a text, split as the relation rules see it.
    fn sentences(text: &str) -> Vec<String> {
        let p = Prepared::new(text);
        let nt = NormText::new(p.normalized());
        split(&nt, &p)
            .iter()
            .map(|x| nt.text(x.start, x.end).to_string())
            .collect()
    }

    #[test]
    fn a_headline_ends_its_sentence() {
        let text = "全力推进“创全”各项任务落实到位\n\n区委副书记于勇,区委常委、宣传部部长刘世军一行赴七宝镇开展“创全”督查\n\n2018年是闵行区新一轮“创全”的起始年,也是七宝镇规划落实“创全”三年行动实施方案的第一年。";
        assert_eq!(
            sentences(text),
            [
                "全力推进“创全”各项任务落实到位",
                "区委副书记于勇,区委常委、宣传部部长刘世军一行赴七宝镇开展“创全”督查",
                "2018年是闵行区新一轮“创全”的起始年,也是七宝镇规划落实“创全”三年行动实施方案的第一年。",
            ]
        );
    }

    #[test]
    fn a_paragraph_broken_by_a_pdf_stays_whole() {
        // After a sentence: the short first line of the paragraph is no
        // headline, and its second line starts no block.
        let text = "上一段结束了。\n\n会上,施继平介绍了施甸县的基本情况以及对口援建的\n\n初步设想,严俊表示欢迎并希望双方加强交流\n\n共同进步。";
        assert_eq!(
            sentences(text),
            [
                "上一段结束了。",
                "会上,施继平介绍了施甸县的基本情况以及对口援建的初步设想,严俊表示欢迎并希望双方加强交流共同进步。"
            ]
        );
        // A dated lead under a title is a paragraph, not a headline.
        let text = "七宝镇召开重大项目专题推进会\n\n11月22日,七宝镇召开重大项目专题推进会,会议由镇党委书\n\n记严俊主持。";
        assert_eq!(
            sentences(text),
            [
                "七宝镇召开重大项目专题推进会",
                "11月22日,七宝镇召开重大项目专题推进会,会议由镇党委书记严俊主持。"
            ]
        );
    }

    #[test]
    fn headline_ends_are_offsets_of_the_normalised_text() {
        let p = Prepared::new(
            "标题一,副标题\n\n正文第一句很长很长很长很长很长很长很长很长很长很长,还在继续。",
        );
        let ends = headline_ends(&p);
        assert_eq!(ends.len(), 1);
        assert!(p.normalized()[ends[0]..].starts_with('正'));
    }
}

//! The normalised view of a text and its alignment to the original.

use crate::span::Span;

/// A text prepared for matching: the original, a normalised copy, and the
/// map from every normalised byte back to the original character it came
/// from (after Hugging Face tokenizers' `NormalizedString`).
///
/// Normalisation does two things:
/// - it folds full-width digits, Latin letters and `#`, `-`, `.`, `%` to ASCII
///   (`１２月２７日` → `12月27日`);
/// - it removes line breaks that a PDF extraction left inside a sentence
///   (`各点位一定\n\n要提高认识` → `各点位一定要提高认识`), while keeping the breaks
///   that separate headlines, table cells and bylines.
///
/// Spans found in the normalised text map back with
/// [`Prepared::original_span`]; a removed break inside a span stays inside
/// the original span.
///
/// ```
/// use govkg::text::Prepared;
/// use govkg::Span;
/// let p = Prepared::new("会上,镇长在区\n\n市场监管局的会上讲话,要求大家认真落实。");
/// assert!(p.normalized().contains("区市场监管局"));
/// let s = p.normalized().find("区市场监管局").unwrap();
/// let o = p.original_span(Span::new(s, s + "区市场监管局".len()));
/// assert_eq!(&p.original()[o.range()], "区\n\n市场监管局");
/// ```
#[derive(Debug, Clone)]
pub struct Prepared {
    original: String,
    normalized: String,
    /// Where each stretch of `normalized` came from, in order. Nearly all
    /// of a text is copied unchanged, so a few pieces describe it, where a
    /// table of one entry per byte would take eight times the text.
    pieces: Vec<Piece>,
}

/// A stretch of the normalised text, from `norm` to the next piece's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// First byte in the normalised text.
    norm: usize,
    /// First byte in the original text.
    orig: usize,
    /// One full-width char folded to one ASCII byte; otherwise whole chars
    /// copied unchanged.
    folded: bool,
}

/// Told, stretch by stretch, where the normalised text comes from.
trait Origins {
    /// `original[start..end]` (whole chars) was copied to the normalised
    /// text at byte `at`.
    fn copied(&mut self, at: usize, start: usize, end: usize);
    /// The original char `start..end` was folded to one byte at `at`.
    fn folded(&mut self, at: usize, start: usize, end: usize);
}

impl Origins for Vec<Piece> {
    fn copied(&mut self, at: usize, start: usize, _end: usize) {
        // Continues the last piece when that copied the bytes just before.
        if let Some(p) = self.last()
            && !p.folded
            && start - p.orig == at - p.norm
        {
            return;
        }
        self.push(Piece {
            norm: at,
            orig: start,
            folded: false,
        });
    }

    fn folded(&mut self, at: usize, start: usize, _end: usize) {
        self.push(Piece {
            norm: at,
            orig: start,
            folded: true,
        });
    }
}

/// Punctuation that marks a line as running prose rather than a headline or
/// a table cell.
fn is_prose_mark(c: char) -> bool {
    matches!(c, ',' | '。' | '、' | ';' | '\u{FF0C}' | '\u{FF1B}')
}

/// A line long enough to be a wrapped line of prose even without punctuation.
const PROSE_LINE_CHARS: usize = 24;

fn is_prose_line(line: &str) -> bool {
    let line = without_list_marker(line);
    line.chars().any(is_prose_mark)
        || (line.chars().count() >= PROSE_LINE_CHARS && !is_field_line(line))
}

/// A line of fields rather than prose (`发布时间:… 来源:… 发布机构:…`): with no
/// prose mark, a colon or a gap between words says so.
fn is_field_line(line: &str) -> bool {
    line.contains([':', '\u{FF1A}', ' ', '\u{3000}', '\t', '|'])
}

/// `line` without the marker of a numbered item it may open with (`七、`,
/// `(三)`, `2.`, `3、`): the marker's `、` makes no heading prose.
fn without_list_marker(line: &str) -> &str {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let digits_end = |t: &str| t.find(|c: char| !numeral(c)).unwrap_or(t.len());
    if let Some(inner) = line
        .strip_prefix('(')
        .or_else(|| line.strip_prefix('\u{FF08}'))
    {
        let n = digits_end(inner);
        if n > 0
            && let Some(rest) = inner[n..]
                .strip_prefix(')')
                .or_else(|| inner[n..].strip_prefix('\u{FF09}'))
        {
            return rest;
        }
        return line;
    }
    let n = digits_end(line);
    if n == 0 {
        return line;
    }
    let rest = &line[n..];
    rest.strip_prefix('、')
        .or_else(|| rest.strip_prefix('.').filter(|_| line[..n].is_ascii()))
        .unwrap_or(line)
}

/// Characters a wrapped sentence can end a line with.
fn continues_after(c: char) -> bool {
    super::is_cjk(c)
        || c.is_ascii_alphanumeric()
        || matches!(c, '、' | ',' | '\u{FF0C}' | '“' | '(' | '\u{FF08}' | '《')
}

/// Characters a wrapped sentence can resume with.
fn resumes_with(c: char) -> bool {
    super::is_cjk(c) || c.is_ascii_alphanumeric() || matches!(c, '“' | '《' | '(' | '\u{FF08}')
}

/// Folds one full-width ASCII form.
fn fold(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '＃' | '－' | '．' | '％' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

impl Prepared {
    /// Prepares `original` for matching.
    pub fn new(original: impl Into<String>) -> Self {
        let original = original.into();
        let mut pieces = Vec::new();
        let normalized = Self::normalize(&original, &mut pieces);
        Prepared {
            original,
            normalized,
            pieces,
        }
    }

    /// The normalised text of `original`, telling `origins` where each
    /// stretch of it comes from.
    fn normalize(original: &str, origins: &mut impl Origins) -> String {
        let mut normalized = String::with_capacity(original.len());
        // Text that stays as it is goes over in runs: `copied` is where
        // the run not yet copied starts.
        let mut copied = 0usize;
        let copy_up_to = |normalized: &mut String, origins: &mut _, copied: &mut usize, end| {
            if end > *copied {
                Origins::copied(origins, normalized.len(), *copied, end);
                normalized.push_str(&original[*copied..end]);
            }
            *copied = end;
        };
        let bytes = original.as_bytes();
        let char_at = |at: usize| original.get(at..).and_then(|t| t.chars().next());
        // Start of the current line in `original`.
        let mut line_start = 0usize;
        // Where the char before `i` starts (a dropped break is no char).
        let mut prev: Option<usize> = None;
        let mut i = 0;
        while let Some(&lead) = bytes.get(i) {
            // Ideographs, most of any text, are neither white space nor
            // folded: they stay, undecoded.
            if super::starts_an_ideograph_row(lead) {
                prev = Some(i);
                i += 3;
                continue;
            }
            let Some(c) = char_at(i) else { break };
            let next = i + c.len_utf8();
            if c == '\n' || (c.is_whitespace() && next < bytes.len()) {
                // Find the whole whitespace run and whether it holds a newline.
                let run_start = i;
                let mut run_end = next;
                let mut has_newline = c == '\n';
                while let Some(d) = char_at(run_end).filter(|d| d.is_whitespace()) {
                    has_newline |= d == '\n';
                    run_end += d.len_utf8();
                }
                i = run_end;
                let prev_char = prev.and_then(char_at);
                if has_newline
                    && Self::is_inner_break(original, line_start, run_start, run_end, prev_char)
                {
                    // Drop the break: the sentence goes on.
                    copy_up_to(&mut normalized, origins, &mut copied, run_start);
                    copied = run_end;
                    continue;
                }
                if has_newline {
                    let last_nl = original[run_start..run_end].rfind('\n').unwrap_or(0);
                    line_start = run_start + last_nl + 1;
                }
                prev = original[run_start..run_end]
                    .char_indices()
                    .last()
                    .map(|(j, _)| run_start + j);
                continue;
            }
            let f = fold(c);
            if f != c {
                copy_up_to(&mut normalized, origins, &mut copied, i);
                origins.folded(normalized.len(), i, next);
                normalized.push(f);
                copied = next;
            }
            prev = Some(i);
            i = next;
        }
        copy_up_to(&mut normalized, origins, &mut copied, original.len());
        normalized
    }

    /// Decides whether the newline run `run_start..run_end` breaks a sentence
    /// (and so is dropped) or separates blocks (and so is kept).
    fn is_inner_break(
        text: &str,
        line_start: usize,
        run_start: usize,
        run_end: usize,
        prev: Option<char>,
    ) -> bool {
        let Some(prev) = prev else { return false };
        let Some(next) = text[run_end..].chars().next() else {
            return false;
        };
        if !continues_after(prev) || !resumes_with(next) {
            return false;
        }
        // Joined, `…浏览次数:6553` and `9月25日…` would make one number
        // (and two Latin words one word): such lines stay apart.
        if prev.is_ascii_alphanumeric() && next.is_ascii_alphanumeric() {
            return false;
        }
        let before = &text[line_start.min(run_start)..run_start];
        let after_end = text[run_end..]
            .find('\n')
            .map_or(text.len(), |k| run_end + k);
        let after = &text[run_end..after_end];
        is_prose_line(before.trim()) && is_prose_line(after.trim())
    }

    /// The text as given.
    pub fn original(&self) -> &str {
        &self.original
    }

    /// The normalised text the matchers read.
    pub fn normalized(&self) -> &str {
        &self.normalized
    }

    /// Maps a byte span of the normalised text to the original text.
    ///
    /// Spans must lie on char boundaries of the normalised text; an empty or
    /// out-of-range span maps to an empty span at the nearest position.
    pub fn original_span(&self, n: Span) -> Span {
        let last = self.normalized.len();
        if last == 0 {
            return Span::new(0, 0);
        }
        let start = n.start.min(last);
        let end = n.end.min(last);
        if end <= start {
            let at = if start < last {
                self.origin(start).start
            } else {
                self.original.len()
            };
            return Span::new(at, at);
        }
        Span::new(self.origin(start).start, self.origin(end - 1).end)
    }

    /// Maps an original byte offset to the normalised text (the first
    /// normalised byte that comes from at or after it).
    pub fn normalized_offset(&self, original: usize) -> usize {
        // The last piece starting at or before `original`; pieces run in
        // the original's order too.
        let i = self.pieces.partition_point(|p| p.orig <= original);
        let Some(p) = i.checked_sub(1).map(|i| self.pieces[i]) else {
            return 0;
        };
        let piece_end = self.pieces.get(i).map_or(self.normalized.len(), |q| q.norm);
        if p.orig == original {
            return p.norm;
        }
        // A folded char starts before `original`: the next piece's bytes
        // are the first from at or after it.
        if p.folded {
            return piece_end;
        }
        // Copied bytes: the first char boundary at or after the same shift.
        let mut at = p.norm + (original - p.orig);
        if at >= piece_end {
            return piece_end;
        }
        while !self.normalized.is_char_boundary(at) {
            at += 1;
        }
        at
    }

    /// The original char that normalised byte `b` (< the normalised
    /// length) comes from.
    fn origin(&self, b: usize) -> Span {
        let i = self
            .pieces
            .partition_point(|p| p.norm <= b)
            .saturating_sub(1);
        let Some(p) = self.pieces.get(i) else {
            return Span::new(0, 0);
        };
        let char_len = |t: &str, at: usize| t[at..].chars().next().map_or(0, char::len_utf8);
        if p.folded {
            return Span::new(p.orig, p.orig + char_len(&self.original, p.orig));
        }
        // Copied bytes: the same char, shifted by what was dropped or
        // folded before the piece.
        let mut at = b;
        while !self.normalized.is_char_boundary(at) {
            at -= 1;
        }
        let start = p.orig + (at - p.norm);
        Span::new(start, start + char_len(&self.normalized, at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(p: &Prepared, needle: &str) -> String {
        let s = p
            .normalized()
            .find(needle)
            .expect("needle in normalised text");
        let o = p.original_span(Span::new(s, s + needle.len()));
        p.original()[o.range()].to_string()
    }

    #[test]
    fn joins_a_pdf_break_inside_prose() {
        let p = Prepared::new("他强调,年底综合测评迫在眉睫,各点位一定\n\n要提高认识,配合大局。");
        assert!(p.normalized().contains("一定要提高认识"));
        assert_eq!(roundtrip(&p, "一定要提高"), "一定\n\n要提高");
    }

    #[test]
    fn keeps_breaks_between_headlines() {
        let p = Prepared::new(
            "七宝镇召开重大项目专题推进会\n\n11月22日,七宝镇召开重大项目专题推进会。",
        );
        assert!(p.normalized().contains("推进会\n\n11月"));
    }

    #[test]
    fn never_joins_two_numbers_across_a_break() {
        let text = "发布时间:2024年3月2日 来源:本站 作者:办公室 浏览次数:1024\n\n3月1日上午,副区长王建国来到青松村调研,详细了解情况。";
        let p = Prepared::new(text);
        assert!(
            p.normalized().contains("1024\n\n3月1日"),
            "{}",
            p.normalized()
        );
    }

    #[test]
    fn keeps_the_break_after_a_numbered_heading() {
        let text = "三、村容整治提升行动\n青松中心小学计划秋季投入使用,新建教学楼一幢。";
        let p = Prepared::new(text);
        assert!(p.normalized().contains("行动\n青松"), "{}", p.normalized());
        let wrapped = "三、村容整治提升行动由镇政府牵头组织实施,各村\n配合推进,年底前完成。";
        assert!(!Prepared::new(wrapped).normalized().contains('\n'));
        assert_eq!(without_list_marker("(二)道路工程"), "道路工程");
        assert_eq!(without_list_marker("12.道路"), "道路");
        assert_eq!(without_list_marker("十一、道路"), "道路");
        assert_eq!(without_list_marker("一带一路"), "一带一路");
    }

    #[test]
    fn keeps_table_cells_apart() {
        let p = Prepared::new("序号\n\n预期目标\n\n责任单位\n\n1\n\n区财政局");
        assert_eq!(p.normalized(), p.original());
    }

    #[test]
    fn folds_full_width_digits() {
        let p = Prepared::new("１２月２７日上午");
        assert_eq!(p.normalized(), "12月27日上午");
        assert_eq!(roundtrip(&p, "12月27日"), "１２月２７日");
    }

    #[test]
    fn keeps_the_break_after_a_line_of_fields() {
        let t = "发布时间:2021-07-08 来源:某某新闻 发布单位:某某工业园区\n青山镇柳树村是示范村。";
        let p = Prepared::new(t);
        assert!(
            p.normalized().contains("工业园区\n青山镇"),
            "{}",
            p.normalized()
        );
    }

    #[test]
    fn single_newline_wraps_join() {
        let p = Prepared::new(
            "为落实全市乡村振兴工作会议精神及《中共江南市委江南\n市人民政府关于推进乡村振兴的意见》有关要求,",
        );
        assert!(p.normalized().contains("江南市人民政府"));
    }

    #[test]
    fn empty_and_whitespace() {
        let p = Prepared::new("");
        assert_eq!(p.original_span(Span::new(0, 0)), Span::new(0, 0));
        let p = Prepared::new(" \n ");
        assert_eq!(p.normalized(), " \n ");
        assert_eq!(p.original_span(Span::new(1, 2)), Span::new(1, 2));
    }

    /// The map the pieces stand for, one entry per normalised byte: the
    /// original char's byte range (how `Prepared` kept it before).
    struct PerByte<'t> {
        original: &'t str,
        table: Vec<(usize, usize)>,
    }

    impl Origins for PerByte<'_> {
        fn copied(&mut self, _at: usize, start: usize, end: usize) {
            for (j, c) in self.original[start..end].char_indices() {
                let s = start + j;
                let n = c.len_utf8();
                self.table.extend(std::iter::repeat_n((s, s + n), n));
            }
        }

        fn folded(&mut self, _at: usize, start: usize, end: usize) {
            self.table.push((start, end));
        }
    }

    proptest::proptest! {
        #[test]
        fn pieces_map_spans_as_a_per_byte_table_does(
            text in "[七宝镇,。、 \n１２Ａａ－B1(“]{0,24}"
        ) {
            let mut per_byte = PerByte { original: &text, table: Vec::new() };
            let normalized = Prepared::normalize(&text, &mut per_byte);
            let p = Prepared::new(text.as_str());
            proptest::prop_assert_eq!(p.normalized(), normalized.as_str());
            let table = per_byte.table;
            proptest::prop_assert_eq!(table.len(), normalized.len());
            let last = table.len();
            for s in 0..=last + 1 {
                for e in 0..=last + 1 {
                    let (cs, ce) = (s.min(last), e.min(last));
                    let want = if last == 0 {
                        Span::new(0, 0)
                    } else if ce <= cs {
                        let at = if cs < last { table[cs].0 } else { text.len() };
                        Span::new(at, at)
                    } else {
                        Span::new(table[cs].0, table[ce - 1].1)
                    };
                    proptest::prop_assert_eq!(p.original_span(Span::new(s, e)), want, "{}..{}", s, e);
                }
            }
            for o in 0..=text.len() + 1 {
                let want = table.partition_point(|&(s, _)| s < o);
                proptest::prop_assert_eq!(p.normalized_offset(o), want, "offset {}", o);
            }
        }
    }

    #[test]
    fn normalized_offset_inverts() {
        let p = Prepared::new("ａｂ七宝");
        let n = p.normalized_offset(6);
        assert_eq!(&p.normalized()[n..], "七宝");
    }
}

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
    /// For each byte of `normalized`: the original char's byte range.
    align: Vec<(u32, u32)>,
}

/// Punctuation that marks a line as running prose rather than a headline or
/// a table cell.
fn is_prose_mark(c: char) -> bool {
    matches!(c, ',' | '。' | '、' | ';' | '\u{FF0C}' | '\u{FF1B}')
}

/// A line long enough to be a wrapped line of prose even without punctuation.
const PROSE_LINE_CHARS: usize = 24;

fn is_prose_line(line: &str) -> bool {
    line.chars().any(is_prose_mark) || line.chars().count() >= PROSE_LINE_CHARS
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
        let mut normalized = String::with_capacity(original.len());
        let mut align = Vec::with_capacity(original.len());
        let bytes_len = original.len();
        let mut iter = original.char_indices().peekable();
        // Start of the current line in `original`.
        let mut line_start = 0usize;
        let mut prev_char: Option<char> = None;
        while let Some((i, c)) = iter.next() {
            // Ideographs, most of any text, are neither white space nor
            // folded: copied as they are, without the white-space table.
            if super::is_basic_ideograph(c) {
                let end = i + 3;
                normalized.push_str(&original[i..end]);
                align.extend([(i as u32, end as u32); 3]);
                prev_char = Some(c);
                continue;
            }
            if c == '\n' || (c.is_whitespace() && iter.peek().is_some()) {
                // Find the whole whitespace run and whether it holds a newline.
                let run_start = i;
                let mut run_end = i + c.len_utf8();
                let mut has_newline = c == '\n';
                while let Some(&(j, d)) = iter.peek() {
                    if d.is_whitespace() {
                        has_newline |= d == '\n';
                        run_end = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                if has_newline
                    && Self::is_inner_break(&original, line_start, run_start, run_end, prev_char)
                {
                    // Drop the break: the sentence goes on.
                    continue;
                }
                for (j, d) in original[run_start..run_end].char_indices() {
                    let at = run_start + j;
                    push(&mut normalized, &mut align, d, at, at + d.len_utf8());
                }
                if has_newline {
                    let last_nl = original[run_start..run_end].rfind('\n').unwrap_or(0);
                    line_start = run_start + last_nl + 1;
                }
                prev_char = original[run_start..run_end].chars().last();
                continue;
            }
            push(&mut normalized, &mut align, fold(c), i, i + c.len_utf8());
            prev_char = Some(c);
        }
        debug_assert_eq!(align.len(), normalized.len());
        let _ = bytes_len;
        Prepared {
            original,
            normalized,
            align,
        }
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
        if self.align.is_empty() {
            return Span::new(0, 0);
        }
        let last = self.align.len();
        let start = n.start.min(last);
        let end = n.end.min(last);
        if end <= start {
            let at = if start < last {
                self.align[start].0 as usize
            } else {
                self.original.len()
            };
            return Span::new(at, at);
        }
        Span::new(self.align[start].0 as usize, self.align[end - 1].1 as usize)
    }

    /// Maps an original byte offset to the normalised text (the first
    /// normalised byte that comes from at or after it).
    pub fn normalized_offset(&self, original: usize) -> usize {
        self.align
            .partition_point(|&(s, _)| (s as usize) < original)
    }
}

fn push(out: &mut String, align: &mut Vec<(u32, u32)>, c: char, start: usize, end: usize) {
    out.push(c);
    for _ in 0..c.len_utf8() {
        align.push((start as u32, end as u32));
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

    #[test]
    fn normalized_offset_inverts() {
        let p = Prepared::new("ａｂ七宝");
        let n = p.normalized_offset(6);
        assert_eq!(&p.normalized()[n..], "七宝");
    }
}

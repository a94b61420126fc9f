//! Sentences and paragraphs of the normalised text.
//!
//! A sentence ends at `。!?;…` (full- or half-width) or at a line break; the
//! normaliser has already removed the breaks a PDF left inside sentences, so
//! every break that remains separates blocks (headlines, paragraphs, table
//! cells). A paragraph is one line.

/// One sentence: a char range of the normalised text, trimmed of spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// First char.
    pub start: usize,
    /// One past the last char (the closing punctuation included).
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

/// Splits `chars` into sentences (empty ones dropped), none longer than
/// [`MAX_SENTENCE_CHARS`].
pub(crate) fn split(chars: &[char]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut para = 0usize;
    let mut start = 0usize;
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize, para: usize| {
        let mut s = s;
        let mut e = e;
        while s < e && chars[s].is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        while e - s > MAX_SENTENCE_CHARS {
            let limit = s + MAX_SENTENCE_CHARS;
            let cut = (s + MAX_SENTENCE_CHARS / 2..limit)
                .rev()
                .find(|&i| crate::text::is_clause_break(chars[i]))
                .map_or(limit, |i| i + 1);
            out.push(Sentence {
                start: s,
                end: cut,
                para,
            });
            s = cut;
            while s < e && chars[s].is_whitespace() {
                s += 1;
            }
        }
        if e > s {
            out.push(Sentence {
                start: s,
                end: e,
                para,
            });
        }
    };
    let mut i = 0usize;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            push(&mut out, start, i, para);
            para += 1;
            start = i + 1;
        } else if is_sentence_end(c) {
            // Keep runs such as `!!` or `……` and a closing quote together.
            let mut j = i + 1;
            while j < chars.len()
                && (is_sentence_end(chars[j]) || matches!(chars[j], '”' | '’' | '」'))
            {
                j += 1;
            }
            push(&mut out, start, j, para);
            start = j;
            i = j;
            continue;
        }
        i += 1;
    }
    push(&mut out, start, chars.len(), para);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(String, usize)> {
        let chars: Vec<char> = s.chars().collect();
        split(&chars)
            .iter()
            .map(|x| (chars[x.start..x.end].iter().collect(), x.para))
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

    #[test]
    fn empty() {
        assert!(texts("").is_empty());
        assert!(texts("\n \n").is_empty());
    }
}

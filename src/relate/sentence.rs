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

/// Splits `chars` into sentences (empty ones dropped).
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
    fn empty() {
        assert!(texts("").is_empty());
        assert!(texts("\n \n").is_empty());
    }
}

//! Byte offset → Unicode code point offset, for the JSON edge.

/// A table that turns byte offsets of one text into code-point offsets.
///
/// ```
/// use govkg::text::CodePoints;
/// let cp = CodePoints::new("七宝镇abc");
/// assert_eq!(cp.of(9), 3);
/// assert_eq!(cp.of(10), 4);
/// ```
#[derive(Debug, Clone)]
pub struct CodePoints {
    /// Byte offset of every char start, plus the text length at the end.
    starts: Vec<usize>,
}

impl CodePoints {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        // Sized once (counting chars is fast), then each char's start read
        // from its first byte's width, without decoding it.
        let mut starts = Vec::with_capacity(text.chars().count() + 1);
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&lead) = bytes.get(i) {
            starts.push(i);
            i += super::chars::utf8_width(lead);
        }
        starts.push(text.len());
        CodePoints { starts }
    }

    /// The code-point offset of byte offset `byte` (rounded down to the
    /// char that contains it).
    pub fn of(&self, byte: usize) -> usize {
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte offset of code point `cp` (clamped to the end).
    pub fn byte(&self, cp: usize) -> usize {
        self.starts[cp.min(self.starts.len() - 1)]
    }

    /// Number of code points.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// True for the empty text.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every char's start, for chars of one to four bytes.
    #[test]
    fn starts_are_the_chars_starts() {
        for text in ["", "a", "七宝镇abc", "é１〇😀z\n七", "😀😀"] {
            let cp = CodePoints::new(text);
            let want: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            assert_eq!(cp.starts, want, "{text}");
        }
    }
}

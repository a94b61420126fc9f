//! Very long texts read in chunks: cut at a paragraph end, else a sentence
//! end, else anywhere, each chunk extracted alone and the results joined
//! with their offsets moved. Time and memory then grow linearly with the
//! text, whatever its punctuation; relations never cross a cut.

use crate::document::{Document, Entity, Relation};

/// The longest text read in one piece, in bytes (about 85,000 CJK
/// characters: far more than any article).
pub const MAX_CHUNK_BYTES: usize = 256 * 1024;

/// How far back from a chunk's end a paragraph or sentence end is looked
/// for, in bytes.
const LOOK_BACK: usize = 16 * 1024;

/// The byte ranges `text` is read in.
pub(crate) fn cuts(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > MAX_CHUNK_BYTES {
        let mut end = start + MAX_CHUNK_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let window_start = end.saturating_sub(LOOK_BACK).max(start + 1);
        let mut from = window_start;
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let window = &text[from..end];
        let cut = window
            .rfind('\n')
            .map(|k| from + k + 1)
            .or_else(|| {
                window
                    .rfind(['。', '！', '？', '!', '?'])
                    .map(|k| from + k + window[k..].chars().next().map_or(1, char::len_utf8))
            })
            .unwrap_or(end);
        out.push((start, cut));
        start = cut;
    }
    out.push((start, text.len()));
    out
}

/// Extracts `text` chunk by chunk with `extract`, hands each chunk's
/// entities (ids and offsets those of the whole text) to `entities`, and
/// joins the rest of the results.
pub(crate) fn extract_in_chunks(
    text: &str,
    extract: impl Fn(&str) -> Document,
    mut entities: impl FnMut(Vec<Entity>),
) -> Document {
    let mut joined: Option<Document> = None;
    let mut offset_cps = 0usize;
    let mut base = 0usize;
    for (a, b) in cuts(text) {
        let piece = &text[a..b];
        let mut d = extract(piece);
        shift(&mut d, offset_cps, base);
        base += d.entities.len();
        entities(std::mem::take(&mut d.entities));
        match joined.as_mut() {
            None => joined = Some(d),
            Some(j) => {
                j.relations.append(&mut d.relations);
                j.rejected.append(&mut d.rejected);
                if j.context.is_none() {
                    j.context = d.context;
                }
            }
        }
        offset_cps += piece.chars().count();
    }
    joined.unwrap_or_else(|| extract(""))
}

/// Moves the offsets of `d` by `cps` code points and renumbers its entity
/// ids after the `base` entities before it.
fn shift(d: &mut Document, cps: usize, base: usize) {
    let renumber = |id: &mut String| {
        if let Some(n) = id.strip_prefix('e').and_then(|n| n.parse::<usize>().ok()) {
            *id = format!("e{}", n + base);
        }
    };
    for e in &mut d.entities {
        e.start += cps;
        e.end += cps;
        renumber(&mut e.id);
    }
    for r in &mut d.rejected {
        r.start += cps;
        r.end += cps;
    }
    for r in &mut d.relations {
        match r {
            Relation::Visit {
                head,
                tail,
                evidence,
                ..
            }
            | Relation::Accompany {
                head,
                tail,
                evidence,
                ..
            } => {
                renumber(head);
                renumber(tail);
                evidence[0] += cps;
                evidence[1] += cps;
            }
            Relation::Leads {
                head,
                title,
                evidence,
                ..
            } => {
                renumber(head);
                if let Some(t) = title {
                    renumber(t);
                }
                evidence[0] += cps;
                evidence[1] += cps;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_cover_the_text_at_breaks() {
        let para = "区委副书记张明来到青山镇调研。\n".repeat(20_000);
        let c = cuts(&para);
        assert!(c.len() > 1);
        assert_eq!(c.first().unwrap().0, 0);
        assert_eq!(c.last().unwrap().1, para.len());
        for w in c.windows(2) {
            assert_eq!(w[0].1, w[1].0);
            assert!(para[..w[0].1].ends_with('\n'));
        }
    }

    #[test]
    fn a_long_text_gives_what_its_pieces_give() {
        let ex = crate::Extractor::new();
        let article = "11月20日,区委副书记张明来到青山镇调研。\n";
        let text = article.repeat(MAX_CHUNK_BYTES / article.len() + 10);
        let doc = ex.extract("t", &text);
        let one = ex.extract("t", article);
        assert_eq!(
            doc.entities.iter().filter(|e| e.text == "张明").count(),
            text.matches("张明").count()
        );
        assert!(doc.relations.len() >= one.relations.len() * 2);
        let chars: Vec<char> = text.chars().collect();
        for e in &doc.entities {
            let s: String = chars[e.start..e.end].iter().collect();
            assert_eq!(s, e.text);
            assert!(doc.entities.iter().filter(|x| x.id == e.id).count() == 1);
        }
    }
}

//! Text with possibly nested or crossing highlighted spans, as HTML.
//!
//! Spans are code-point ranges (the spec's offsets), so the text is handled
//! as a slice of `char`s. Spans nest as elements do: a span inside another
//! (the PLACE `七宝镇` in the TITLE `七宝镇党委书记`) is a `<mark>` inside
//! the outer one. Two spans that cross are drawn as the first one and, for
//! the second, a first piece inside the first and a continuation piece
//! (class `CLASS-cont`) after it, so every span has exactly one element of
//! class `CLASS` whatever the overlaps.

use super::escape::push_html;
use crate::span::EntityKind;

/// One span to highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The entity type, which gives the colour class (`k-person`).
    pub kind: EntityKind,
    /// More attributes for the first piece, already escaped
    /// (` id="…" title="…"`), with a leading space.
    pub attrs: String,
    /// Attributes for every piece, the continuation too (` data-start="…"`),
    /// escaped, with a leading space.
    pub part_attrs: String,
}

/// The colour class of a type (`k-person`).
pub(crate) fn kind_class(kind: EntityKind) -> String {
    format!("k-{}", kind.as_str().to_ascii_lowercase())
}

/// Appends `chars[from..to]` to `out` with `marks` as `<mark>` elements of
/// class `class`. Marks outside `from..to` or empty are left out; the rest
/// are cut to it. Outermost marks end with a type label when `labels`.
pub(crate) fn render(
    out: &mut String,
    chars: &[char],
    (from, to): (usize, usize),
    marks: &[Mark],
    class: &str,
    labels: bool,
) {
    let to = to.min(chars.len());
    let from = from.min(to);
    let mut order: Vec<(usize, usize, &Mark)> = marks
        .iter()
        .map(|m| (m.start.max(from), m.end.min(to), m))
        .filter(|(s, e, _)| s < e)
        .collect();
    // Outer spans first when two start together.
    order.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut stack: Vec<(usize, &Mark)> = Vec::new();
    let mut pos = from;
    let mut next = 0;
    loop {
        let next_end = stack.iter().map(|(e, _)| *e).min();
        let next_start = order.get(next).map(|o| o.0);
        let p = match (next_end, next_start) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => break,
        };
        push_html(out, chars[pos..p].iter().copied());
        pos = p;
        if let Some(i) = stack.iter().position(|(e, _)| *e == p) {
            // Close everything from the first span ending here up; reopen
            // the ones above it that go on.
            let above = stack.split_off(i);
            for (end, m) in above.iter().rev() {
                if labels && *end == p && stack.is_empty() && std::ptr::eq(*m, above[0].1) {
                    out.push_str("<span class=\"lbl\">");
                    out.push_str(m.kind.as_str());
                    out.push_str("</span>");
                }
                out.push_str("</mark>");
            }
            for (end, m) in above {
                if end != p {
                    out.push_str(&format!(
                        "<mark class=\"{class}-cont {}\"{}>",
                        kind_class(m.kind),
                        m.part_attrs
                    ));
                    stack.push((end, m));
                }
            }
        }
        while let Some(&(s, e, m)) = order.get(next) {
            if s != p {
                break;
            }
            let nested = if stack.is_empty() { "" } else { " nested" };
            out.push_str(&format!(
                "<mark class=\"{class} {}{nested}\"{}{}>",
                kind_class(m.kind),
                m.attrs,
                m.part_attrs
            ));
            stack.push((e, m));
            next += 1;
        }
    }
    push_html(out, chars[pos..to].iter().copied());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, kind: EntityKind) -> Mark {
        Mark {
            start,
            end,
            kind,
            attrs: String::new(),
            part_attrs: String::new(),
        }
    }

    fn html(text: &str, range: (usize, usize), marks: &[Mark], labels: bool) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        render(&mut out, &chars, range, marks, "ent", labels);
        out
    }

    #[test]
    fn offsets_are_code_points() {
        let s = html(
            "于勇来到七宝镇。",
            (0, 8),
            &[
                mark(0, 2, EntityKind::Person),
                mark(4, 7, EntityKind::Place),
            ],
            false,
        );
        assert_eq!(
            s,
            "<mark class=\"ent k-person\">于勇</mark>来到\
             <mark class=\"ent k-place\">七宝镇</mark>。"
        );
    }

    #[test]
    fn nested_spans_nest_and_only_the_outer_one_is_labelled() {
        let s = html(
            "七宝镇党委书记",
            (0, 7),
            &[mark(0, 7, EntityKind::Title), mark(0, 3, EntityKind::Place)],
            true,
        );
        assert_eq!(
            s,
            "<mark class=\"ent k-title\"><mark class=\"ent k-place nested\">七宝镇</mark>\
             党委书记<span class=\"lbl\">TITLE</span></mark>"
        );
    }

    #[test]
    fn crossing_spans_keep_one_element_each() {
        let s = html(
            "abcdef",
            (0, 6),
            &[mark(0, 4, EntityKind::Org), mark(2, 6, EntityKind::Place)],
            false,
        );
        assert_eq!(
            s,
            "<mark class=\"ent k-org\">ab<mark class=\"ent k-place nested\">cd</mark></mark>\
             <mark class=\"ent-cont k-place\">ef</mark>"
        );
        assert_eq!(s.matches("class=\"ent ").count(), 2);
        let mut m = [mark(0, 4, EntityKind::Org), mark(2, 6, EntityKind::Place)];
        m[1].attrs = " id=\"x\"".into();
        m[1].part_attrs = " data-start=\"2\"".into();
        let s = html("abcdef", (0, 6), &m, false);
        assert!(s.contains("<mark class=\"ent k-place nested\" id=\"x\" data-start=\"2\">cd"));
        assert!(s.contains("<mark class=\"ent-cont k-place\" data-start=\"2\">ef"));
        // Balanced.
        assert_eq!(s.matches("<mark").count(), s.matches("</mark>").count());
    }

    #[test]
    fn text_is_escaped_and_ranges_are_clamped() {
        let s = html(
            "<i>&x",
            (1, 99),
            &[mark(0, 2, EntityKind::Date), mark(9, 12, EntityKind::Date)],
            false,
        );
        assert_eq!(s, "<mark class=\"ent k-date\">i</mark>&gt;&amp;x");
        assert_eq!(html("", (3, 1), &[mark(0, 1, EntityKind::Date)], true), "");
    }
}

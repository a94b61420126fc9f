//! The documents page: each document's text with its entities highlighted
//! by type, and its relations listed under it with their evidence, in the
//! spirit of spaCy's displaCy.
//!
//! Every entity is one `<mark class="ent k-TYPE">` (nested entities inside
//! their outer one; see [`marks`](super::marks)) whose tooltip gives its
//! type, id and code-point range, and whose `data-start`/`data-end` hold
//! the range. The page has no script at all.

use super::escape::{html, push_html};
use super::marks::{self, Mark, kind_class};
use super::page::Page;
use crate::document::{Document, Entity, Relation};
use crate::span::EntityKind;
use std::io::{self, Write};

const CSS: &str = include_str!("assets/documents.css");

/// Writes one page showing `docs`.
///
/// ```
/// use govkg::{Extractor, export::html};
/// let doc = Extractor::new().extract("a", "区委副书记于勇来到七宝镇。<script>");
/// let mut out = Vec::new();
/// html::write_documents([&doc], &mut out)?;
/// let page = String::from_utf8(out).unwrap();
/// assert!(page.contains("title=\"PERSON e2 · 5–7\""));
/// assert!(page.contains("&lt;script&gt;"));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_documents<'a, W: Write + ?Sized>(
    docs: impl IntoIterator<Item = &'a Document>,
    w: &mut W,
) -> io::Result<()> {
    let docs: Vec<&Document> = docs.into_iter().collect();
    let page = Page {
        title: "govkg: entities and relations",
        css: CSS,
        script: None,
    };
    page.head(w)?;
    w.write_all(summary(&docs).as_bytes())?;
    w.write_all(b"<main>\n")?;
    for (i, d) in docs.iter().enumerate() {
        w.write_all(document(i, d).as_bytes())?;
    }
    w.write_all(b"</main>\n")?;
    page.tail(w)
}

/// The header: totals, the colour legend and the table of contents.
fn summary(docs: &[&Document]) -> String {
    let entities: usize = docs.iter().map(|d| d.entities.len()).sum();
    let relations: usize = docs.iter().map(|d| d.relations.len()).sum();
    let mut s = format!(
        "<header class=\"top\">\n<h1>govkg: entities and relations</h1>\n\
         <p>{} documents · {entities} entities · {relations} relations. \
         Hover an entity for its type and code-point offsets.</p>\n<ul class=\"legend\">",
        docs.len()
    );
    for kind in EntityKind::ALL {
        let n: usize = docs.iter().map(|d| d.entities_of(kind).count()).sum();
        s.push_str(&format!(
            "<li class=\"{}\"><span class=\"swatch\"></span>{kind} <span class=\"n\">{n}</span></li>",
            kind_class(kind)
        ));
    }
    s.push_str("</ul>\n");
    if docs.len() > 1 {
        s.push_str("<nav class=\"toc\"><ol>");
        for (i, d) in docs.iter().enumerate() {
            s.push_str(&format!(
                "<li><a href=\"#doc-{i}\">{}</a> <span class=\"n\">{} entities, {} relations</span></li>",
                html(&d.id),
                d.entities.len(),
                d.relations.len()
            ));
        }
        s.push_str("</ol></nav>\n");
    }
    s.push_str("</header>\n");
    s
}

/// The element id of entity number `n` of document number `doc`.
fn anchor(doc: usize, n: usize) -> String {
    format!("d{doc}-n{n}")
}

/// One document: its text with entity marks, then its relations.
fn document(i: usize, d: &Document) -> String {
    let mut s = format!(
        "<article class=\"doc\" id=\"doc-{i}\">\n<h2>{}</h2>\n<p class=\"meta\">{} entities · {} relations</p>\n",
        html(&d.id),
        d.entities.len(),
        d.relations.len()
    );
    let entity_marks: Vec<Mark> = d
        .entities
        .iter()
        .enumerate()
        .map(|(n, e)| Mark {
            start: e.start,
            end: e.end,
            kind: e.kind,
            attrs: format!(" id=\"{}\" title=\"{}\"", anchor(i, n), html(&tooltip(e))),
            part_attrs: format!(
                " data-type=\"{}\" data-start=\"{}\" data-end=\"{}\"",
                e.kind, e.start, e.end
            ),
        })
        .collect();
    match &d.text {
        Some(text) => {
            let chars: Vec<char> = text.chars().collect();
            let (placed, lost): (Vec<&Mark>, Vec<&Mark>) = entity_marks
                .iter()
                .partition(|m| m.start < m.end && m.end <= chars.len());
            let placed: Vec<Mark> = placed.into_iter().cloned().collect();
            s.push_str("<div class=\"text\">");
            marks::render(&mut s, &chars, (0, chars.len()), &placed, "ent", true);
            s.push_str("</div>\n");
            if !lost.is_empty() {
                s.push_str(
                    "<p class=\"warn\">Entities whose offsets fall outside the text:</p>\n<ul class=\"ents\">",
                );
                for m in lost {
                    entity_item(&mut s, m, &d.entities);
                }
                s.push_str("</ul>\n");
            }
        }
        None => {
            s.push_str("<p class=\"warn\">No text (tagged with --no-text); the entities:</p>\n<ul class=\"ents\">");
            for m in &entity_marks {
                entity_item(&mut s, m, &d.entities);
            }
            s.push_str("</ul>\n");
        }
    }
    relations(&mut s, i, d);
    s.push_str("</article>\n");
    s
}

/// The tooltip of an entity: `PERSON e2 · 5–7`, and the rule that made it
/// when the document was explained (`PERSON e2 · 5–7 · rule person.titled`).
fn tooltip(e: &Entity) -> String {
    let nested = if e.nested { " (nested)" } else { "" };
    let rule = e
        .rule
        .as_deref()
        .map_or(String::new(), |r| format!(" · rule {r}"));
    format!("{} {} · {}–{}{nested}{rule}", e.kind, e.id, e.start, e.end)
}

/// The hover text of a relation: the rule that made it, when explained.
fn relation_title(r: &Relation) -> String {
    let rule = match r {
        Relation::Visit { rule, .. }
        | Relation::Leads { rule, .. }
        | Relation::Accompany { rule, .. } => rule,
    };
    rule.as_deref()
        .map_or(String::new(), |r| format!(" title=\"rule {}\"", html(r)))
}

/// An entity shown on its own, in a list, with its text.
fn entity_item(s: &mut String, m: &Mark, entities: &[Entity]) {
    let text = entities
        .iter()
        .find(|e| e.start == m.start && e.end == m.end && e.kind == m.kind)
        .map_or("", |e| e.text.as_str());
    s.push_str(&format!(
        "<li><mark class=\"ent {}\"{}{}>{}</mark></li>",
        kind_class(m.kind),
        m.attrs,
        m.part_attrs,
        html(text)
    ));
}

/// The relations of document number `i`, each with its evidence.
fn relations(s: &mut String, i: usize, d: &Document) {
    if d.relations.is_empty() {
        s.push_str("<p class=\"meta\">No relations.</p>\n");
        return;
    }
    s.push_str(&format!(
        "<section class=\"relations\">\n<h3>Relations ({})</h3>\n<ol>\n",
        d.relations.len()
    ));
    let arg = |id: &str, fallback: Option<&String>| -> String {
        match d.entities.iter().position(|e| e.id == id) {
            Some(n) => {
                let e = &d.entities[n];
                format!(
                    "<a class=\"arg {}\" href=\"#{}\">{}</a>",
                    kind_class(e.kind),
                    anchor(i, n),
                    html(&e.text)
                )
            }
            None => format!(
                "<span class=\"arg\">{}</span>",
                html(fallback.map_or(id, String::as_str))
            ),
        }
    };
    // The text as code points, once for all the evidence.
    let chars: Option<Vec<char>> = d.text.as_ref().map(|t| t.chars().collect());
    for r in &d.relations {
        let (kind, args, facts, evidence, ends): (&str, String, Vec<(&str, &str)>, _, Vec<&str>) =
            match r {
                Relation::Visit {
                    head,
                    tail,
                    head_text,
                    tail_text,
                    date,
                    purpose,
                    evidence,
                    ..
                } => (
                    "VISIT",
                    format!(
                        "{} → {}",
                        arg(head, head_text.as_ref()),
                        arg(tail, tail_text.as_ref())
                    ),
                    [("date", date), ("purpose", purpose)]
                        .into_iter()
                        .filter_map(|(k, v)| Some((k, v.as_deref()?)))
                        .collect(),
                    *evidence,
                    vec![head.as_str(), tail.as_str()],
                ),
                Relation::Leads {
                    head,
                    head_text,
                    org,
                    role,
                    title,
                    evidence,
                    ..
                } => (
                    "LEADS",
                    format!(
                        "{} → <span class=\"arg k-org\">{}</span>",
                        arg(head, head_text.as_ref()),
                        html(org)
                    ),
                    vec![("role", role.as_str())],
                    *evidence,
                    [Some(head.as_str()), title.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect(),
                ),
                Relation::Accompany {
                    head,
                    tail,
                    head_text,
                    tail_text,
                    evidence,
                    ..
                } => (
                    "ACCOMPANY",
                    format!(
                        "{} → {}",
                        arg(head, head_text.as_ref()),
                        arg(tail, tail_text.as_ref())
                    ),
                    Vec::new(),
                    *evidence,
                    vec![head.as_str(), tail.as_str()],
                ),
            };
        s.push_str(&format!(
            "<li class=\"rel\"{}><span class=\"badge r-{}\">{kind}</span> {args}",
            relation_title(r),
            kind.to_ascii_lowercase()
        ));
        for (k, v) in facts {
            s.push_str(&format!(
                " <span class=\"fact\"><span class=\"k\">{k}</span> {}</span>",
                html(v)
            ));
        }
        let [from, to] = evidence;
        s.push_str(&format!(
            "\n<blockquote class=\"evidence\" title=\"evidence {from}–{to}\">"
        ));
        match &chars {
            Some(chars) => {
                let args: Vec<Mark> = d
                    .entities
                    .iter()
                    .filter(|e| ends.contains(&e.id.as_str()))
                    .map(|e| Mark {
                        start: e.start,
                        end: e.end,
                        kind: e.kind,
                        attrs: String::new(),
                        part_attrs: String::new(),
                    })
                    .collect();
                marks::render(s, chars, (from, to), &args, "arg", false);
            }
            None => push_html(s, format!("code points {from}–{to}").chars()),
        }
        s.push_str("</blockquote></li>\n");
    }
    s.push_str("</ol>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCRIPT: &str = "<script>alert(1)</script>";
    const IMG: &str = "\"><img src=x onerror=alert(1)>";

    fn hostile() -> Document {
        let text = format!("{SCRIPT}于勇来到七宝镇。{IMG}");
        let at = SCRIPT.chars().count();
        let ent = |id: &str, kind, start, end| Entity {
            id: id.into(),
            kind,
            start,
            end,
            text: text.chars().skip(start).take(end - start).collect(),
            nested: false,
            rule: None,
            value: None,
        };
        Document {
            id: format!("doc{SCRIPT}"),
            entities: vec![
                ent("e1", EntityKind::Person, at, at + 2),
                ent("e2", EntityKind::Place, at + 4, at + 7),
                ent(IMG, EntityKind::Org, 0, 8),
            ],
            relations: vec![Relation::Visit {
                head: "e1".into(),
                tail: "e2".into(),
                head_text: None,
                tail_text: None,
                date: Some(IMG.into()),
                purpose: None,
                evidence: [at, at + 8],
                rule: None,
                when: None,
            }],
            text: Some(text),
            context: None,
            rejected: Vec::new(),
        }
    }

    fn page(docs: &[Document]) -> String {
        let mut out = Vec::new();
        write_documents(docs, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn explained_rules_show_on_hover() {
        let mut d = hostile();
        assert!(
            !page(&[d.clone()]).contains("rule "),
            "no rule unless explained"
        );
        d.entities[0].rule = Some("person.titled".into());
        if let Relation::Visit { rule, .. } = &mut d.relations[0] {
            *rule = Some("visit.<verb>".into());
        }
        let p = page(&[d]);
        assert!(p.contains(" · rule person.titled\""), "{p}");
        assert!(
            p.contains("<li class=\"rel\" title=\"rule visit.&lt;verb&gt;\">"),
            "{p}"
        );
    }

    #[test]
    fn hostile_text_is_escaped_everywhere() {
        let p = page(&[hostile()]);
        assert!(!p.contains("<script>alert"), "{p}");
        assert!(!p.contains("<img"), "{p}");
        assert!(!p.contains("<script"), "the documents page has no script");
        assert!(p.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(p.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assert!(p.contains("script-src 'none'"));
    }

    #[test]
    fn one_mark_per_entity_with_code_point_offsets() {
        let d = hostile();
        let p = page(std::slice::from_ref(&d));
        assert_eq!(p.matches("<mark class=\"ent ").count(), d.entities.len());
        let at = SCRIPT.chars().count();
        assert!(p.contains(&format!(
            "title=\"PERSON e1 · {at}–{}\" data-type=\"PERSON\" data-start=\"{at}\" data-end=\"{}\"",
            at + 2,
            at + 2
        )));
        assert!(p.contains(">于勇</mark>"));
        assert!(p.contains(">七宝镇<span class=\"lbl\">PLACE</span></mark>"));
        // The evidence highlights the two ends, not as entities.
        assert_eq!(p.matches("<mark class=\"arg ").count(), 2);
        assert!(p.contains("<span class=\"badge r-visit\">VISIT</span>"));
        assert!(p.contains("href=\"#d0-n0\">于勇</a>"));
    }

    #[test]
    fn documents_without_text_or_with_bad_offsets_still_list_every_entity() {
        let mut d = hostile();
        d.text = None;
        let p = page(std::slice::from_ref(&d));
        assert_eq!(p.matches("<mark class=\"ent ").count(), d.entities.len());
        let mut d = hostile();
        d.entities[0].end = 10_000;
        let p = page(std::slice::from_ref(&d));
        assert_eq!(p.matches("<mark class=\"ent ").count(), d.entities.len());
        assert!(p.contains("outside the text"));
    }

    #[test]
    fn structure_is_balanced() {
        let p = page(&[hostile(), hostile()]);
        for tag in ["mark", "article", "blockquote", "li", "ol", "a"] {
            assert_eq!(
                p.matches(&format!("<{tag} ")).count() + p.matches(&format!("<{tag}>")).count(),
                p.matches(&format!("</{tag}>")).count(),
                "{tag}"
            );
        }
        assert_eq!(p.matches("<article ").count(), 2);
        assert!(p.contains("<nav class=\"toc\">"));
    }
}

//! Relations between the entities of one document (spec "Relation types"):
//! VISIT, LEADS and ACCOMPANY.
//!
//! The rules read the normalised text (PDF breaks inside sentences removed)
//! in byte offsets, as recognition does (see [`norm`]), over the top-level
//! entity mentions; nested spans are ignored. Evidence is mapped back to
//! code points of the original text only when relations are written out.
//!
//! - [`sentence`]: sentences and paragraphs;
//! - [`article`]: articles inside a file and the places each is about;
//! - [`orgname`]: a title's organisation and role, resolved in full;
//! - [`leads`]: one LEADS per title next to a person;
//! - [`visit`]: visiting groups and the places they visit;
//! - [`accompany`]: named companions of a visit;
//! - [`output`]: found relations as spec relations, one per scoring key.

mod accompany;
mod article;
mod context;
mod leads;
mod norm;
mod orgname;
mod output;
mod sentence;
mod visit;

use crate::document::{Entity, Relation};
use crate::lexicon::{Lexicon, Trigger as LexTrigger, TriggerSet};
use crate::recognise;
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use crate::text::{CodePoints, Prepared};
use article::{Article, NamedPlace};
use hashbrown::HashMap;
use norm::NormText;
use sentence::Sentence;

/// A top-level entity mention in the normalised text: recognition's
/// mention (its span in bytes of the normalised text, its kind; read
/// through it, `m.span.start`, `m.kind`) with what the relation rules add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    /// What recognition found.
    pub found: recognise::Mention,
    /// Index into the document's entities (and recognition's mentions).
    pub entity: usize,
    /// The normalised text, without white space.
    pub text: String,
    /// A TITLE's post as recognition found it: how many bytes of `text`
    /// it takes at the end (`副书记` of `区委副书记`); `None` for other kinds.
    pub post: Option<usize>,
}

impl std::ops::Deref for Mention {
    type Target = recognise::Mention;

    fn deref(&self) -> &recognise::Mention {
        &self.found
    }
}

/// A trigger word the automaton found, in bytes of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Trigger {
    start: usize,
    end: usize,
    kinds: TriggerSet,
}

/// The longest trigger word, in chars (a bound for looking back).
const MAX_TRIGGER_CHARS: usize = 8;

/// The document as the relation rules see it.
pub(crate) struct Doc<'a> {
    /// The normalised text (its helpers are the document's: `doc.at(…)`).
    pub nt: NormText<'a>,
    /// Top-level mentions, sorted by start.
    pub mentions: Vec<Mention>,
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Articles, in order; they cover the whole text.
    pub articles: Vec<Article>,
    /// Divisions named anywhere in the document.
    pub doc_places: Vec<NamedPlace>,
    /// The lexicon.
    pub lex: &'a Lexicon,
    /// Trigger words, by start (longest first).
    triggers: Vec<Trigger>,
    /// For each first character of a person's name: the first mention of
    /// the only person whose name starts with it (`None` when several do).
    pub by_initial: HashMap<char, Option<usize>>,
}

/// A relation found by a rule, in mention indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    /// `head` visited `tail`.
    Visit {
        head: usize,
        tail: usize,
        sentence: usize,
        date: Option<String>,
        purpose: Option<String>,
        rule: Rule,
    },
    /// `head` holds `role` in `org`, as the TITLE mention `title` says.
    Leads {
        head: usize,
        title: usize,
        org: String,
        role: String,
        sentence: usize,
        rule: Rule,
    },
    /// `head` accompanied `tail`.
    Accompany {
        head: usize,
        tail: usize,
        sentence: usize,
        rule: Rule,
    },
}

impl<'a> std::ops::Deref for Doc<'a> {
    type Target = NormText<'a>;

    fn deref(&self) -> &NormText<'a> {
        &self.nt
    }
}

impl<'a> Doc<'a> {
    /// Builds the view of a document: the top-level mentions recognition
    /// `found` in the normalised text of `prepared` (one per entity, in the
    /// entities' order).
    pub(crate) fn new(
        prepared: &'a Prepared,
        found: &[recognise::Mention],
        lex: &'a Lexicon,
        triggers: &[(Span, TriggerSet)],
    ) -> Self {
        let nt = NormText::new(prepared.normalized());
        let triggers: Vec<Trigger> = triggers
            .iter()
            .map(|&(s, kinds)| Trigger {
                start: s.start,
                end: s.end,
                kinds,
            })
            .collect();
        let mentions = top_mentions(found, &nt);
        let sentences = sentence::split(&nt, prepared);
        // Triggers come by start: only those from `a` on are read.
        let action = |a: usize, b: usize| {
            let i = triggers.partition_point(|t| t.start < a);
            triggers[i..].iter().take_while(|t| t.start < b).any(|t| {
                t.end <= b
                    && (t.kinds.contains(LexTrigger::VisitInspect)
                        || t.kinds.contains(LexTrigger::VisitMotion)
                        || t.kinds.contains(LexTrigger::LinkVerb))
            })
        };
        let mut readings = article::Readings::default();
        let articles = article::split(&nt, &mentions, action)
            .into_iter()
            .map(|(start, end)| Article {
                start,
                end,
                places: article::named_places(lex, &nt, &mentions, (start, end), &mut readings),
                context: context::places(lex, &nt, &mentions, (start, end), &mut readings),
            })
            .collect::<Vec<Article>>();
        // A document of one article names what that article names.
        let doc_places = match articles.as_slice() {
            [a] if a.start == 0 && a.end == nt.len() => a.places.clone(),
            _ => article::named_places(lex, &nt, &mentions, (0, nt.len()), &mut readings),
        };
        let by_initial = persons_by_initial(&mentions);
        Doc {
            by_initial,
            triggers,
            nt,
            mentions,
            sentences,
            articles,
            doc_places,
            lex,
        }
    }

    /// The length in bytes of the longest trigger word of kind `t` written
    /// at `pos`.
    pub(crate) fn trigger_at(&self, pos: usize, t: LexTrigger) -> Option<usize> {
        let i = self.triggers.partition_point(|h| h.start < pos);
        self.triggers[i..]
            .iter()
            .take_while(|h| h.start == pos)
            .find(|h| h.kinds.contains(t))
            .map(|h| h.end - h.start)
    }

    /// The first position at or after `pos` where a trigger word of one of the
    /// kinds `ts` starts (`usize::MAX` when none does): loops asking
    /// [`Doc::trigger_at`] char by char skip to it.
    pub(crate) fn next_trigger(&self, pos: usize, ts: &[LexTrigger]) -> usize {
        let i = self.triggers.partition_point(|h| h.start < pos);
        self.triggers[i..]
            .iter()
            .find(|h| ts.iter().any(|&t| h.kinds.contains(t)))
            .map_or(usize::MAX, |h| h.start)
    }

    /// Where trigger words of kind `t` start inside `a..b`, in order, each
    /// position once.
    pub(crate) fn trigger_starts(
        &self,
        a: usize,
        b: usize,
        t: LexTrigger,
    ) -> impl Iterator<Item = usize> + '_ {
        let i = self.triggers.partition_point(|h| h.start < a);
        let mut last = None;
        self.triggers[i..]
            .iter()
            .take_while(move |h| h.start < b)
            .filter(move |h| h.kinds.contains(t))
            .map(|h| h.start)
            .filter(move |&s| last.replace(s) != Some(s))
    }

    /// True when a trigger word of kind `t` ends at `pos`.
    pub(crate) fn trigger_ends_at(&self, pos: usize, t: LexTrigger) -> bool {
        let i = self
            .triggers
            .partition_point(|h| h.start + NormText::bytes_of_chars(MAX_TRIGGER_CHARS) < pos);
        self.triggers[i..]
            .iter()
            .take_while(|h| h.start < pos)
            .any(|h| h.end == pos && h.kinds.contains(t))
    }

    /// True when a trigger word of kind `t` lies wholly inside `a..b`.
    pub(crate) fn trigger_within(&self, a: usize, b: usize, t: LexTrigger) -> bool {
        let i = self.triggers.partition_point(|h| h.start < a);
        self.triggers[i..]
            .iter()
            .take_while(|h| h.start < b)
            .any(|h| h.end <= b && h.kinds.contains(t))
    }

    /// Where the first trigger word of kind `t` that lies wholly inside
    /// `a..b` starts.
    pub(crate) fn first_trigger(&self, a: usize, b: usize, t: LexTrigger) -> Option<usize> {
        let i = self.triggers.partition_point(|h| h.start < a);
        self.triggers[i..]
            .iter()
            .take_while(|h| h.start < b)
            .find(|h| h.end <= b && h.kinds.contains(t))
            .map(|h| h.start)
    }

    /// Indices of the mentions that lie inside `a..b`.
    pub(crate) fn mentions_in(&self, a: usize, b: usize) -> impl Iterator<Item = usize> + '_ {
        let from = self.mentions.partition_point(|m| m.span.start < a);
        (from..self.mentions.len())
            .take_while(move |&i| self.mentions[i].span.start < b)
            .filter(move |&i| self.mentions[i].span.end <= b)
    }

    /// The index of the sentence holding `pos`.
    pub(crate) fn sentence_of(&self, pos: usize) -> usize {
        self.sentences
            .partition_point(|s| s.end <= pos)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// True when `pos` lies inside brackets opened after `from`
    /// (`(记者 王某)`, `(芍药)`).
    ///
    /// A line wholly in brackets is a caption, read as a sentence of its own
    /// (`(王某在某村察看…)`).
    pub(crate) fn in_parens(&self, from: usize, pos: usize) -> bool {
        let from = if self.is_caption(from) {
            self.next(from)
        } else {
            from
        };
        let mut depth = 0i32;
        for (_, c) in self.marks_in(from.min(pos), pos) {
            match c {
                '(' | '\u{FF08}' | '[' | '【' => depth += 1,
                ')' | '\u{FF09}' | ']' | '】' => depth = (depth - 1).max(0),
                _ => {}
            }
        }
        depth > 0
    }

    /// True when a line opens at `from` with a bracket closed at its end.
    fn is_caption(&self, from: usize) -> bool {
        if !matches!(self.char_at(from), Some('(' | '\u{FF08}')) {
            return false;
        }
        if self.char_before(from).is_some_and(|c| c != '\n') {
            return false;
        }
        let mut depth = 0i32;
        for (k, c) in self.chars_in(from, self.len()) {
            match c {
                '(' | '\u{FF08}' => depth += 1,
                ')' | '\u{FF09}' => depth -= 1,
                '\n' => return false,
                _ => {}
            }
            if depth == 0 {
                return self
                    .chars_in(self.next(k), self.len())
                    .take_while(|&(_, c)| c != '\n')
                    .all(|(_, c)| c.is_whitespace());
            }
        }
        false
    }

    /// The mention that starts at `pos`, if any.
    pub(crate) fn mention_at(&self, pos: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.span.start < pos);
        (i < self.mentions.len() && self.mentions[i].span.start == pos).then_some(i)
    }

    /// The mention that covers `pos`, if any (top-level mentions do not
    /// overlap).
    pub(crate) fn mention_covering(&self, pos: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.span.start <= pos);
        (i > 0 && pos < self.mentions[i - 1].span.end).then(|| i - 1)
    }
}

/// The top-level mentions of `found` (one per entity, so that a mention's
/// index is its entity's), in positions of `nt`, by start (longest first).
fn top_mentions(found: &[recognise::Mention], nt: &NormText<'_>) -> Vec<Mention> {
    let solid = |a: usize, b: usize| {
        nt.chars_in(a, b)
            .map(|(_, c)| c)
            .filter(|c| !c.is_whitespace())
    };
    let mut mentions: Vec<Mention> = found
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.nested)
        .filter_map(|(i, m)| {
            let (s, t) = (m.span.start, m.span.end);
            (t > s).then(|| Mention {
                found: *m,
                entity: i,
                text: solid_text(solid(s, t), t - s),
                post: m
                    .role
                    .map(|r| solid(r.start.clamp(s, t), t).map(char::len_utf8).sum()),
            })
        })
        .collect();
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    mentions
}

/// The chars `solid` gives, in a string sized once for the `bytes` they
/// come from (growing it char by char cost more than the copy).
fn solid_text(solid: impl Iterator<Item = char>, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes);
    text.extend(solid);
    text
}

/// The shortest person's name read by its first character, in chars (a
/// surname alone is no name).
const MIN_NAME_CHARS: usize = 2;

/// For each first character, the one person of the document whose name
/// starts with it (`None` when two different names do).
fn persons_by_initial(mentions: &[Mention]) -> HashMap<char, Option<usize>> {
    let mut by_initial: HashMap<char, Option<usize>> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let Some(c) = m.text.chars().next() else {
            continue;
        };
        if m.kind != EntityKind::Person || m.text.chars().count() < MIN_NAME_CHARS {
            continue;
        }
        let e = by_initial.entry(c).or_insert(Some(i));
        if let Some(j) = *e
            && mentions[j].text != m.text
        {
            *e = None;
        }
    }
    by_initial
}

/// Finds the relations of one document. `entities` are the document's
/// entities (code points of `prepared`'s original text) and `found` the
/// recognition mentions they come from, one each; relations name them by
/// id, and their evidence is a code-point range of the original text,
/// which `ocp` indexes.
pub(crate) fn relate(
    prepared: &Prepared,
    entities: &[Entity],
    found: &[recognise::Mention],
    lexicon: &Lexicon,
    ocp: &CodePoints,
    triggers: &[(Span, TriggerSet)],
    explain: bool,
) -> (Vec<Relation>, Option<crate::document::Context>) {
    let doc = Doc::new(prepared, found, lexicon, triggers);
    let context = doc
        .articles
        .first()
        .and_then(|a| context::to_context(&a.context, &a.places));
    let mut found = Vec::new();
    let leads = leads::find(&doc);
    let visits = visit::find(&doc, &leads);
    found.extend(leads.iter().cloned());
    found.extend(visits.relations);
    found.extend(accompany::find(&doc, &visits.groups));
    let relations = output::to_relations(&doc, prepared, entities, found, ocp, explain);
    (relations, context)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the relation rules' tests.
    use super::*;
    use crate::recognise::testing::extractor;

    /// The relation view of `text`, with the extractor's entities.
    pub fn doc(text: &str) -> Doc<'static> {
        let ex = extractor();
        // Leaked so the view may borrow it for the rest of the test.
        let prepared: &'static Prepared = Box::leak(Box::new(Prepared::new(text)));
        let cps = CodePoints::new(text);
        let found = ex.recognised(prepared, &cps);
        Doc::new(prepared, &found.mentions, ex.lexicon(), &found.triggers)
    }

    /// The relations of `text` as readable keys: `VISIT 张三 -> 七宝镇`,
    /// `LEADS 张三 -> 七宝镇党委 书记`, `ACCOMPANY 李四 -> 张三`.
    pub fn keys(text: &str) -> Vec<String> {
        let d = extractor().extract("t", text);
        let name = |id: &str| d.entity(id).map(|e| e.text.clone()).unwrap_or_default();
        d.relations
            .iter()
            .map(|r| match r {
                Relation::Visit { head, tail, .. } => {
                    format!("VISIT {} -> {}", name(head), name(tail))
                }
                Relation::Leads {
                    head, org, role, ..
                } => {
                    format!("LEADS {} -> {} {}", name(head), org, role)
                }
                Relation::Accompany { head, tail, .. } => {
                    format!("ACCOMPANY {} -> {}", name(head), name(tail))
                }
            })
            .collect()
    }

    /// True when `keys(text)` holds `key`.
    pub fn has(text: &str, key: &str) -> bool {
        keys(text).iter().any(|k| k == key)
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use crate::Relation;
    use crate::recognise::testing::extractor;

    #[test]
    fn words_are_found_at_positions() {
        let d = doc("区委书记到七宝镇调研。");
        let n = d.len();
        let (four, last) = (d.fwd(0, 4), d.prev(n));
        assert!(d.at(0, "区委") && d.at(four, "到七宝") && d.at(last, "。"));
        assert!(!d.at(d.next(0), "区委") && !d.at(last, "。。") && !d.at(n, "。"));
        assert!(d.ends_at(four, "书记") && !d.ends_at(d.next(0), "区委") && d.ends_at(n, "调研。"));
        assert!(!d.ends_at(n + 1, "。") && d.ends_at(n + 1, "") && d.ends_at(0, ""));
        // Past the end only the empty word is written.
        assert!(d.at(n + 5, "") && !d.at(n + 5, "区"));
    }

    #[test]
    fn evidence_is_a_sentence_of_the_original() {
        let text = "标题\n\n11月3日,副区长张建华来到七宝镇调研。";
        let d = extractor().extract("t", text);
        let chars: Vec<char> = text.chars().collect();
        let r = d
            .relations
            .iter()
            .find(|r| matches!(r, Relation::Visit { .. }))
            .expect("a visit");
        let Relation::Visit { evidence, .. } = r else {
            unreachable!()
        };
        let s: String = chars[evidence[0]..evidence[1]].iter().collect();
        assert_eq!(s, "11月3日,副区长张建华来到七宝镇调研。");
    }

    #[test]
    fn one_relation_per_key() {
        let text = "副区长张建华赴七宝镇调研\n\n11月3日,副区长张建华赴七宝镇调研。";
        let k = keys(text);
        assert_eq!(
            k.iter().filter(|k| k.starts_with("VISIT")).count(),
            1,
            "{k:?}"
        );
        assert_eq!(
            k.iter().filter(|k| k.starts_with("LEADS")).count(),
            1,
            "{k:?}"
        );
    }

    /// Random strings of the genre's pieces never panic, and every relation
    /// joins entities of the right types inside the text.
    #[test]
    fn relations_join_entities_of_the_right_types() {
        use crate::EntityKind::*;
        let pieces = [
            "区委副书记",
            "张建华",
            "王卫东",
            "一行",
            "来到",
            "到",
            "赴",
            "七宝镇",
            "华漕镇",
            "、",
            "和",
            ",",
            "。",
            "陪同",
            "调研",
            "考察了",
            "至",
            "(",
            ")",
            "参加调研",
            "还有",
            "他",
            "在",
            "现场",
            "就",
            "进行调研",
            "分别",
            "率",
            "代表团",
            "调研组",
            "\n\n",
            "11月3日",
            "镇党委书记",
            "副镇长",
            "总书记",
            "为",
            "当选为",
            "同志",
            "原",
            "兼",
            "B 区",
            "等地",
            "随后",
            "感谢",
            "莅临",
        ];
        let mut seed: u64 = 7;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n
        };
        for _ in 0..300 {
            let len = next(40);
            let text: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            let d = extractor().extract("t", &text);
            let n = text.chars().count();
            let kind = |id: &str| d.entity(id).expect("relations name entities").kind;
            for r in &d.relations {
                let (ok, ev) = match r {
                    Relation::Visit {
                        head,
                        tail,
                        evidence,
                        ..
                    } => (
                        matches!(kind(head), Person | Org)
                            && matches!(kind(tail), Place | Org | Plot),
                        evidence,
                    ),
                    Relation::Leads { head, evidence, .. } => (kind(head) == Person, evidence),
                    Relation::Accompany {
                        head,
                        tail,
                        evidence,
                        ..
                    } => (kind(head) == Person && kind(tail) == Person, evidence),
                };
                assert!(ok && ev[0] <= ev[1] && ev[1] <= n, "{text:?}: {r:?}");
            }
        }
    }

    #[test]
    fn no_entities_no_relations() {
        assert!(keys("").is_empty());
        assert!(keys("今天天气很好。").is_empty());
    }
}

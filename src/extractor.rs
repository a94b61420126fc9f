//! The [`Extractor`]: lexicon + automaton + recognisers, from text to
//! [`Document`].

use crate::document::{Document, Entity, Rejected};
use crate::error::{Error, Result};
use crate::lexicon::{LexClass, Lexicon, LexiconBuilder, TriggerSet};
use crate::matcher::Matcher;
use crate::recognise::{self, Mention, Scan, Trace, segment::Segmenter};
use crate::relate;
use crate::span::Span;
use crate::text::{CodePoints, Prepared};
use std::io::BufRead;
use std::path::Path;

/// Finds entities in Chinese local-government text.
///
/// Build it once (it loads the lexicon and the automaton) and share it:
/// it is `Send + Sync`, and [`Extractor::extract`] takes `&self`.
///
/// ```
/// use govkg::{EntityKind, Extractor};
/// let ex = Extractor::new();
/// let doc = ex.extract("news-1", "11月20日,区委副书记于勇一行来到七宝镇开展督查。");
/// let found: Vec<(EntityKind, &str)> = doc.entities.iter()
///     .filter(|e| !e.nested)
///     .map(|e| (e.kind, e.text.as_str()))
///     .collect();
/// assert_eq!(found, [
///     (EntityKind::Date, "11月20日"),
///     (EntityKind::Title, "区委副书记"),
///     (EntityKind::Person, "于勇"),
///     (EntityKind::Place, "七宝镇"),
/// ]);
/// ```
pub struct Extractor {
    lexicon: Lexicon,
    matcher: Matcher,
    segmenter: Segmenter,
    options: Options,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("lexicon", &self.lexicon)
            .field("matcher", &self.matcher)
            .field("options", &self.options)
            .finish()
    }
}

/// Options of an [`Extractor`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Report spans nested inside longer ones (`七宝镇` inside `七宝镇党委书记`).
    pub nested: bool,
    /// Copy the input text into [`Document::text`].
    pub keep_text: bool,
    /// Say which rule made each entity and relation, and list the
    /// candidates rules rejected ([`Document::rejected`]).
    pub explain: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            nested: true,
            keep_text: true,
            explain: false,
        }
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    /// An extractor over the embedded dictionaries.
    pub fn new() -> Self {
        Self::builder()
            .build()
            .expect("the embedded lexicon builds (tested)")
    }

    /// A builder, to add user dictionaries and set options.
    ///
    /// ```
    /// let ex = govkg::Extractor::builder()
    ///     .dictionary_reader("my-words.txt", "宝龙美术馆\torg\n".as_bytes())
    ///     .unwrap()
    ///     .build()
    ///     .unwrap();
    /// let doc = ex.extract("d", "代表团实地考察了宝龙美术馆。");
    /// assert!(doc.entities.iter().any(|e| e.text == "宝龙美术馆" && e.kind == govkg::EntityKind::Org));
    /// ```
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The automaton in use.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The options in use.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Extracts the entities of one text. Never panics; offsets in the
    /// result are code points of `text`.
    ///
    /// A text longer than [`crate::chunks::MAX_CHUNK_BYTES`] (a scraped
    /// page without punctuation, a whole report) is read in chunks cut at
    /// paragraph or sentence ends, so time and memory stay linear in its
    /// length; relations never cross a cut.
    pub fn extract(&self, id: &str, text: &str) -> Document {
        let mut entities = Vec::new();
        let mut doc = self.extract_each(id, text, |mut some| {
            if entities.is_empty() {
                entities = some;
            } else {
                entities.append(&mut some);
            }
        });
        doc.entities = entities;
        doc
    }

    /// [`Extractor::extract`], handing the entities to `each` as they are
    /// found, in order, a batch at a time (one per chunk of a long text),
    /// instead of keeping them: the document returned has every other
    /// field, and no entities. Each batch is final (ids, offsets and date
    /// values as `extract` gives them), so a caller can write it out and
    /// drop it: a 16 MiB text gives 200,000 entities, several times the
    /// memory of their JSON.
    ///
    /// ```
    /// let ex = govkg::Extractor::new();
    /// let text = "11月20日,区委副书记于勇一行来到七宝镇开展督查。";
    /// let mut entities = Vec::new();
    /// let mut doc = ex.extract_each("a", text, |batch| entities.extend(batch));
    /// assert!(doc.entities.is_empty());
    /// doc.entities = entities;
    /// assert_eq!(doc, ex.extract("a", text));
    /// ```
    pub fn extract_each(
        &self,
        id: &str,
        text: &str,
        mut each: impl FnMut(Vec<crate::Entity>),
    ) -> Document {
        let article = crate::dates::article_date(text);
        let mut dated = |mut entities: Vec<crate::Entity>| {
            crate::dates::fill_entity_dates(&mut entities, article.as_deref());
            each(entities);
        };
        let mut doc = if text.len() > crate::chunks::MAX_CHUNK_BYTES {
            crate::chunks::extract_in_chunks(text, |chunk| self.extract_whole(id, chunk), dated)
        } else {
            let mut doc = self.extract_whole(id, text);
            dated(std::mem::take(&mut doc.entities));
            doc
        };
        doc.text = self.options.keep_text.then(|| text.to_string());
        crate::dates::fill_relation_dates(&mut doc, article);
        doc
    }

    /// [`Extractor::extract`] on one piece, without the document's dates.
    fn extract_whole(&self, id: &str, text: &str) -> Document {
        let prepared = Prepared::new(text);
        let cps = CodePoints::new(text);
        let found = self.recognised(&prepared, &cps);
        let (relations, context) = relate::relate(
            &prepared,
            &found.entities,
            &found.mentions,
            &self.lexicon,
            &cps,
            &found.triggers,
            self.options.explain,
        );
        Document {
            id: id.to_string(),
            text: None,
            entities: found.entities,
            relations,
            context,
            rejected: found.rejected,
        }
    }

    /// The entities of `prepared`'s text (whose chars `cps` indexes), each
    /// with the recognition mention it comes from, and the trigger words
    /// the automaton found: what the relation rules read.
    pub(crate) fn recognised(&self, prepared: &Prepared, cps: &CodePoints) -> Recognised {
        let text = prepared.original();
        let norm = prepared.normalized();
        let hits = self.matcher.hits(norm);
        let scan = Scan::new(norm, &self.lexicon, hits, &self.segmenter);
        let mut trace = Trace::new(self.options.explain);
        let mentions = recognise::recognise(&scan, &mut trace);
        let explain = self.options.explain;
        let mut found: Vec<(Entity, Mention)> = Vec::with_capacity(mentions.len());
        for m in mentions {
            if m.nested && !self.options.nested {
                continue;
            }
            let o = prepared.original_span(m.span);
            if o.is_empty() {
                continue;
            }
            let e = Entity {
                id: String::new(),
                kind: m.kind,
                start: cps.of(o.start),
                end: cps.of(o.end),
                text: text[o.range()].to_string(),
                nested: m.nested,
                value: None,
                rule: explain.then(|| m.rule.name().to_string()),
            };
            found.push((e, m));
        }
        found.sort_by_key(|(e, _)| (e.start, std::cmp::Reverse(e.end), e.nested));
        found.dedup_by(|(a, _), (b, _)| a.start == b.start && a.end == b.end && a.kind == b.kind);
        let (mut entities, mentions): (Vec<Entity>, Vec<Mention>) = found.into_iter().unzip();
        for (i, e) in entities.iter_mut().enumerate() {
            e.id = entity_id(i + 1);
        }
        let rejected = trace
            .rejected
            .into_iter()
            .filter_map(|r| {
                let o = prepared.original_span(r.mention.span);
                (!o.is_empty()).then(|| Rejected {
                    kind: r.mention.kind,
                    start: cps.of(o.start),
                    end: cps.of(o.end),
                    text: text[o.range()].to_string(),
                    rule: r.by.name().to_string(),
                    source: r.mention.rule.name().to_string(),
                })
            })
            .collect();
        Recognised {
            entities,
            mentions,
            triggers: scan.trigger_hits(),
            rejected,
        }
    }
}

/// What recognition found in one text.
pub(crate) struct Recognised {
    /// The entities, in the order and with the ids of the document.
    pub entities: Vec<Entity>,
    /// For each entity, the recognition mention it comes from (a span of
    /// the normalised text, with a title's post).
    pub mentions: Vec<Mention>,
    /// The trigger words, as spans of the normalised text.
    pub triggers: Vec<(Span, TriggerSet)>,
    /// The candidates rules rejected (only when explaining).
    pub rejected: Vec<Rejected>,
}

/// The spec's entity id `e{n}`, written digit by digit: it is made once
/// per entity, and the formatting machinery of `format!` cost about 1 % of
/// extraction.
fn entity_id(n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut rest = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - i);
    id.push('e');
    id.extend(digits[i..].iter().map(|&d| char::from(d)));
    id
}

/// Configures an [`Extractor`].
#[derive(Debug, Clone)]
pub struct ExtractorBuilder {
    lexicon: LexiconBuilder,
    embedded: bool,
    options: Options,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder {
            lexicon: LexiconBuilder::new(),
            embedded: true,
            options: Options::default(),
        }
    }
}

impl ExtractorBuilder {
    /// Leaves out the embedded dictionaries (only user ones are used).
    pub fn without_embedded(mut self) -> Self {
        self.embedded = false;
        self
    }

    /// Adds a dictionary file (the line format of `dictionaries/README.md`).
    pub fn dictionary_file(mut self, path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.lexicon
            .add_reader(&path.display().to_string(), std::io::BufReader::new(file))?;
        Ok(self)
    }

    /// Adds a dictionary from a reader; `name` is used in error messages.
    pub fn dictionary_reader<R: BufRead>(mut self, name: &str, reader: R) -> Result<Self> {
        self.lexicon.add_reader(name, reader)?;
        Ok(self)
    }

    /// Adds one entry.
    pub fn entry(mut self, text: &str, class: LexClass) -> Self {
        self.lexicon.add_entry(text, class);
        self
    }

    /// Whether to report nested spans (default: yes).
    pub fn nested(mut self, yes: bool) -> Self {
        self.options.nested = yes;
        self
    }

    /// Whether documents carry their text (default: yes).
    pub fn keep_text(mut self, yes: bool) -> Self {
        self.options.keep_text = yes;
        self
    }

    /// Whether to say which rule made each entity and relation, and list
    /// the rejected candidates (default: no; costs nothing when off).
    pub fn explain(mut self, yes: bool) -> Self {
        self.options.explain = yes;
        self
    }

    /// Builds the extractor.
    pub fn build(self) -> Result<Extractor> {
        // Start-up is four jobs: jieba's own dictionary, jieba-rs's
        // part-of-speech model for unknown words, govkg's lexicon with its
        // automaton, and teaching jieba the lexicon's words. Only the last
        // waits for two others; the rest run side by side, on threads of
        // their own when they can be started.
        std::thread::scope(|s| {
            // The model is one static for the process, loaded on the first
            // unknown word: without this the first extraction pays ~40 ms
            // for it and, with many workers, holds the others up.
            let _ = std::thread::Builder::new()
                .name("govkg-posseg".into())
                .spawn_scoped(s, || {
                    jieba_rs::Jieba::empty().tag("鍪甗", true);
                });
            let base = std::thread::Builder::new()
                .name("govkg-jieba".into())
                .spawn_scoped(s, jieba_rs::Jieba::new)
                .ok();
            let jieba = move || match base.map(|h| h.join()) {
                Some(Ok(jieba)) => jieba,
                Some(Err(panic)) => std::panic::resume_unwind(panic),
                None => jieba_rs::Jieba::new(),
            };
            let lexicon = self.build_lexicon();
            let (matcher, segmenter) = std::thread::scope(|inner| {
                let segmenter = std::thread::Builder::new()
                    .name("govkg-segmenter".into())
                    .spawn_scoped(inner, || taught_segmenter(jieba(), &lexicon));
                let matcher = Matcher::new(&lexicon);
                // The embedded grammar some helpers read a name's text
                // with, built now rather than in the first extraction.
                crate::lexicon::embedded_grammar();
                let segmenter = match segmenter {
                    Ok(h) => h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
                    // No thread to be had: the same work on this one (the
                    // closure was consumed, so jieba is built here).
                    Err(_) => taught_segmenter(jieba_rs::Jieba::new(), &lexicon),
                };
                (matcher, segmenter)
            });
            Ok(Extractor {
                matcher: matcher?,
                lexicon,
                segmenter,
                options: self.options,
            })
        })
    }

    /// The lexicon: the embedded dictionaries (unless left out), then the
    /// user's entries, which come last so they can refine the embedded ones.
    fn build_lexicon(&self) -> Lexicon {
        let mut lb = LexiconBuilder::new();
        if self.embedded {
            lb.add_embedded();
        }
        let user = self.lexicon.build();
        for e in user.entries() {
            lb.push(e.clone());
        }
        lb.build()
    }
}

/// `jieba` taught the lexicon's names, with the tags the recognisers expect
/// of them.
fn taught_segmenter(jieba: jieba_rs::Jieba, lexicon: &Lexicon) -> Segmenter {
    Segmenter::with_base(jieba, &crate::recognise::taught::teachable(lexicon))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Scan::all_tokens` gives every token once, in text order, over
    /// short clauses and over a long one read in windows (it once repeated
    /// a clause's tokens for each byte of the break after it).
    #[test]
    fn all_tokens_reads_each_segment_once() {
        let ex = crate::recognise::testing::extractor();
        let long = "青山镇举行植树活动".repeat(60);
        for text in ["青山镇举行会议，李明出席。会后，大家参观了展览", &long]
        {
            let scan = Scan::new(text, &ex.lexicon, ex.matcher.hits(text), &ex.segmenter);
            let tokens = scan.all_tokens();
            assert!(
                tokens.windows(2).all(|w| w[0].span.end <= w[1].span.start),
                "{text}"
            );
            let covered: usize = tokens.iter().map(|t| t.span.len()).sum();
            let breaks: usize = text
                .chars()
                .filter(|&c| matches!(c, '，' | '。'))
                .map(char::len_utf8)
                .sum();
            assert_eq!(covered, text.len() - breaks, "{text}");
        }
    }

    /// The tokens every position is answered with are those of its own
    /// segment tagged alone, for short clauses, empty ones and a long
    /// clause read in windows.
    #[test]
    fn tokens_around_are_the_segments_own() {
        let ex = crate::recognise::testing::extractor();
        let long = "青山镇举行植树活动".repeat(50);
        let text = format!("，青山镇举行会议，，李明出席。{long}。会后 大家参观了展览{long}");
        let scan = Scan::new(&text, &ex.lexicon, ex.matcher.hits(&text), &ex.segmenter);
        for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
            let (seg, _) = scan.segment_of_clause(pos);
            let mut want = Vec::new();
            if !seg.is_empty() {
                ex.segmenter
                    .tag_into(&text[seg.range()], seg.start, &mut want);
            }
            assert_eq!(scan.tokens_around(pos), &want[..], "at {pos}");
        }
    }

    /// A span ends with an entry of a class exactly when the lexicon says
    /// its text does, for every short span of a text with roads, media and
    /// places.
    #[test]
    fn span_ends_with_is_the_lexicons_answer() {
        use crate::lexicon::Grammar;
        let ex = crate::recognise::testing::extractor();
        let text = "青山日报讯 青山县人民路中路口，某某电视台记者在七宝镇新华村采访。";
        let scan = Scan::new(text, &ex.lexicon, ex.matcher.hits(text), &ex.segmenter);
        let classes = [
            LexClass::Grammar(Grammar::Road),
            LexClass::Grammar(Grammar::Media),
            LexClass::OrgSuffix,
        ];
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let mut found = [0usize; 3];
        for (k, &a) in bounds.iter().enumerate() {
            for &b in bounds[k + 1..].iter().take(8) {
                for (n, class) in classes.into_iter().enumerate() {
                    let answer = scan.span_ends_with(Span::new(a, b), class);
                    assert_eq!(
                        answer,
                        ex.lexicon.ends_with(&text[a..b], class),
                        "{}",
                        &text[a..b]
                    );
                    found[n] += usize::from(answer);
                }
            }
        }
        assert!(found.iter().all(|&n| n > 0), "{found:?}");
    }

    #[test]
    fn entity_ids_are_e_and_the_number() {
        for n in (0..2000).chain([99_999, 1_000_000, usize::MAX]) {
            assert_eq!(entity_id(n), format!("e{n}"));
        }
    }

    #[test]
    fn extractor_is_send_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Extractor>();
    }

    #[test]
    fn offsets_are_code_points_of_the_original() {
        let text = "区委副书记于勇,区委常委、宣传部部长刘世军一行来到七宝镇开展督查工作,区\n\n市场监管局相关负责人参与督查。";
        let doc = Extractor::new().extract("x", text);
        let chars: Vec<char> = text.chars().collect();
        for e in &doc.entities {
            let s: String = chars[e.start..e.end].iter().collect();
            assert_eq!(s, e.text);
        }
        assert!(
            doc.entities
                .iter()
                .any(|e| e.text == "区\n\n市场监管局" && e.kind == crate::EntityKind::Org)
        );
    }

    #[test]
    fn empty_text() {
        let doc = Extractor::new().extract("e", "");
        assert!(doc.entities.is_empty());
    }
}

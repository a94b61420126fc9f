//! The lexicon: every dictionary entry govkg knows, with its class.
//!
//! Dictionaries are plain UTF-8 text, one entry per line (see
//! `dictionaries/README.md`):
//!
//! ```text
//! # comment
//! 七宝镇<TAB>place.town<TAB>parent=上海市/闵行区;short=七宝
//! 书记<TAB>title.role
//! ```
//!
//! The embedded dictionaries are compiled into the binary; user
//! dictionaries are added at run time with [`LexiconBuilder::add_reader`].

mod check;
mod class;
mod embedded;
mod parse;

pub use check::{Diagnostic, Severity, check, check_file};
pub use class::{Level, LexClass};

use crate::error::Result;
use std::collections::HashMap;
use std::io::BufRead;

/// One dictionary entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The text as it appears in documents.
    pub text: String,
    /// What the entry is.
    pub class: LexClass,
    /// For divisions: the chain of parents (`上海市/闵行区`); alternatives
    /// separated by `|`; `*` when too ambiguous to list.
    pub parent: Option<String>,
    /// For a short form: the full name it stands for (`七宝` → `七宝镇`).
    pub full: Option<String>,
    /// Marks a weak entry (a surname character that is more often a common
    /// word, such as `和`).
    pub ambiguous: bool,
}

/// Identifies a distinct pattern string in the lexicon.
pub type PatternId = u32;

/// The set of entries the matcher searches for, grouped by pattern text.
#[derive(Clone)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// Distinct pattern strings.
    patterns: Vec<String>,
    /// For each pattern: the indices of its entries.
    pattern_entries: Vec<Vec<u32>>,
    by_text: HashMap<String, PatternId>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("entries", &self.entries.len())
            .field("patterns", &self.patterns.len())
            .finish()
    }
}

impl Lexicon {
    /// A lexicon with no entries.
    pub fn empty() -> Self {
        LexiconBuilder::new().build()
    }

    /// The dictionaries compiled into govkg.
    ///
    /// ```
    /// let lex = govkg::Lexicon::embedded();
    /// assert!(lex.classes_of("七宝镇").any(|c| c == govkg::LexClass::Division(govkg::Level::Town)));
    /// ```
    pub fn embedded() -> Self {
        let mut b = LexiconBuilder::new();
        b.add_embedded();
        b.build()
    }

    /// A builder starting empty.
    pub fn builder() -> LexiconBuilder {
        LexiconBuilder::new()
    }

    /// All entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Number of distinct patterns.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// The distinct pattern strings, indexed by [`PatternId`].
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }

    /// The entries behind one pattern.
    pub fn entries_of(&self, p: PatternId) -> impl Iterator<Item = &Entry> + '_ {
        self.pattern_entries[p as usize]
            .iter()
            .map(move |&i| &self.entries[i as usize])
    }

    /// The classes of the entries whose text is exactly `text`.
    pub fn classes_of<'a>(&'a self, text: &str) -> impl Iterator<Item = LexClass> + 'a {
        self.by_text
            .get(text)
            .into_iter()
            .flat_map(move |&p| self.entries_of(p).map(|e| e.class))
    }

    /// The entries whose text is exactly `text`.
    pub fn lookup<'a>(&'a self, text: &str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.by_text
            .get(text)
            .into_iter()
            .flat_map(move |&p| self.entries_of(p))
    }

    /// True when `text` is an entry of class `class`.
    pub fn is(&self, text: &str, class: LexClass) -> bool {
        self.classes_of(text).any(|c| c == class)
    }

    /// True when `text` is an entry whose class satisfies `pred`.
    pub fn any(&self, text: &str, pred: impl Fn(LexClass) -> bool) -> bool {
        self.classes_of(text).any(pred)
    }
}

/// Collects entries and builds a [`Lexicon`].
///
/// ```
/// use govkg::{Lexicon, LexClass};
/// let mut b = Lexicon::builder();
/// b.add_entry("莘庄镇", LexClass::parse("place.town").unwrap());
/// b.add_reader("my.txt", "# a comment\n宝龙美术馆\torg\n".as_bytes()).unwrap();
/// let lex = b.build();
/// assert!(lex.is("宝龙美术馆", LexClass::Org));
/// ```
#[derive(Debug, Clone, Default)]
pub struct LexiconBuilder {
    entries: Vec<Entry>,
}

impl LexiconBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the embedded dictionaries.
    pub fn add_embedded(&mut self) -> &mut Self {
        for (name, text) in embedded::DICTIONARIES {
            self.add_reader(&format!("<embedded:{name}>"), text.as_bytes())
                .expect("embedded dictionaries are valid (tested)");
        }
        self
    }

    /// Adds one entry.
    pub fn add_entry(&mut self, text: &str, class: LexClass) -> &mut Self {
        self.entries.push(Entry {
            text: text.to_string(),
            class,
            parent: None,
            full: None,
            ambiguous: false,
        });
        self
    }

    /// Adds a full entry.
    pub fn push(&mut self, entry: Entry) -> &mut Self {
        self.entries.push(entry);
        self
    }

    /// Reads a dictionary in the line format; `name` is used in errors
    /// (`name:LINE: reason`). A malformed line fails the whole read, and
    /// nothing from it is added.
    pub fn add_reader<R: BufRead>(&mut self, name: &str, reader: R) -> Result<&mut Self> {
        let parsed = parse::read(name, reader)?;
        self.entries.extend(parsed);
        Ok(self)
    }

    /// Builds the lexicon. Short forms (`short=`) become entries of class
    /// [`LexClass::PlaceShort`].
    pub fn build(&self) -> Lexicon {
        let mut entries = Vec::with_capacity(self.entries.len() * 2);
        let mut seen: HashMap<(String, LexClass, Option<String>), usize> = HashMap::new();
        for e in &self.entries {
            // Short forms of different places are different entries.
            let key = (e.text.clone(), e.class, e.full.clone());
            if let Some(&i) = seen.get(&key) {
                // Later entries refine earlier ones (a user dictionary can
                // add a parent); duplicates are otherwise dropped.
                let prev: &mut Entry = &mut entries[i];
                if prev.parent.is_none() {
                    prev.parent = e.parent.clone();
                }
                continue;
            }
            seen.insert(key, entries.len());
            entries.push(e.clone());
        }
        let mut patterns = Vec::new();
        let mut pattern_entries: Vec<Vec<u32>> = Vec::new();
        let mut by_text: HashMap<String, PatternId> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            if e.text.is_empty() {
                continue;
            }
            let id = *by_text.entry(e.text.clone()).or_insert_with(|| {
                patterns.push(e.text.clone());
                pattern_entries.push(Vec::new());
                (patterns.len() - 1) as PatternId
            });
            pattern_entries[id as usize].push(i as u32);
        }
        Lexicon {
            entries,
            patterns,
            pattern_entries,
            by_text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_dictionaries_parse() {
        let mut b = LexiconBuilder::new();
        for (name, text) in embedded::DICTIONARIES {
            b.add_reader(name, text.as_bytes())
                .unwrap_or_else(|e| panic!("{e}"));
        }
        assert!(b.build().pattern_count() > 1000);
    }

    #[test]
    fn short_forms_are_entries() {
        let lex = Lexicon::embedded();
        assert!(lex.is("七宝", LexClass::PlaceShort));
        let full = lex
            .lookup("七宝")
            .find_map(|e| e.full.clone())
            .expect("short form knows its full name");
        assert_eq!(full, "七宝镇");
    }

    #[test]
    fn same_text_many_classes() {
        let mut b = Lexicon::builder();
        b.add_entry("区委", LexClass::Org);
        b.add_entry("区委", LexClass::TitleOrg);
        b.add_entry("区委", LexClass::Org);
        let lex = b.build();
        assert_eq!(lex.classes_of("区委").count(), 2);
        assert_eq!(lex.pattern_count(), 1);
    }
}

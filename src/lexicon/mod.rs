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
mod divisions;
mod embedded;
mod grammar;
mod parse;

pub use check::{Diagnostic, Severity, check, check_file};
use class::CLASSES;
pub(crate) use class::{ClassSet, ClassTest, TriggerSet};
pub use class::{Grammar, Level, LexClass, Trigger};
pub(crate) use divisions::{PARTY_PREFIX, is_zone, leading_divisions_by, longest_division_at};
pub(crate) use embedded::grammar as embedded_grammar;
pub(crate) use grammar::{is_conjunction, is_numeral, is_unit_char, level_chars};

use crate::error::Result;
use hashbrown::HashTable;
use std::borrow::Cow;
use std::hash::BuildHasher;
use std::io::BufRead;

/// Text of an entry: borrowed from the dictionaries compiled into the
/// binary (no allocation for the tens of thousands of gazetteer lines), or
/// owned when it comes from a user dictionary.
pub type Text = Cow<'static, str>;

/// One dictionary entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The text as it appears in documents.
    pub text: Text,
    /// What the entry is.
    pub class: LexClass,
    /// For divisions: the chain of parents (`上海市/闵行区`); alternatives
    /// separated by `|`; `*` when too ambiguous to list.
    pub parent: Option<Text>,
    /// For a short form: the full name it stands for (`七宝` → `七宝镇`).
    pub full: Option<Text>,
    /// Marks a weak entry (a surname character that is more often a common
    /// word, such as `和`).
    pub ambiguous: bool,
    /// What a suffix asks of the names it ends (`needs=`, `holds=`,
    /// `governing=`).
    pub traits: SuffixTraits,
}

/// What a suffix asks of the names it ends, from its attributes in
/// `dictionaries/suffixes.txt`, and what a post or a body asks of the
/// title it ends (`needs=body`, `party=1`, `civil=1` in `titles.txt`).
///
/// ```
/// let lex = govkg::Lexicon::embedded();
/// let company = lex.lookup("有限公司").next().unwrap();
/// assert!(company.traits.needs_proper);
/// let bureau = lex.lookup("局").next().unwrap();
/// assert!(bureau.traits.holds_verbs);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct SuffixTraits {
    /// `needs=proper`: the name needs a proper part (`公司` alone, or after
    /// a generic noun, is no body; `宏远重工公司` is).
    pub needs_proper: bool,
    /// `holds=verbs`: the name may hold a verb (`执法局`, `推进办`).
    pub holds_verbs: bool,
    /// `governing=1`: a governing body (`政府`, `人大`, `党委`): another
    /// body's name never stands before it (`区委` + `区政府` are two).
    pub governing: bool,
    /// `company=1`: a company's legal form (`有限公司`, `集团`): the name
    /// may open with the region the company is registered in. On a
    /// `title.role`: a post held in a company (`董事长`).
    pub company: bool,
    /// `named=1`: a body of this kind has a name of its own, an enterprise
    /// or an institution (`公司`, `医院`, `协会`): a title's body ending in
    /// it is kept as written, never put under the article's place.
    pub named: bool,
    /// `needs=body` (`title.role`): a post too vague to stand without a
    /// body written before it (`代表`, `经理`, `常委`).
    pub needs_body: bool,
    /// `party=1` (`title.org`): a department of the party committee
    /// (`宣传部`): after a committee's title it belongs to that committee.
    /// On a `title.role`: a post held in a party body itself (`书记`,
    /// `委员`), not in the body that party body leads.
    pub party: bool,
    /// `civil=1` (`title.role`): a civil-service rank (`调研员`), held in
    /// a government: alone, it serves the town's government.
    pub civil: bool,
    /// `village=1` (`place.suffix`): a village or community (`村`, `社区`),
    /// which holds hamlets.
    pub village: bool,
    /// `hamlet=1` (`place.suffix`): a natural village, lane or bay inside a
    /// village (`屯`, `巷`, `湾`): a village glued before it makes one
    /// address (`某某村某家湾`).
    pub hamlet: bool,
}

impl Entry {
    /// Every division named in [`Entry::parent`], over all its alternative
    /// chains (`上海市/闵行区` → `上海市`, `闵行区`); none for `*`.
    ///
    /// ```
    /// let lex = govkg::Lexicon::embedded();
    /// let town = lex.lookup("七宝镇").next().unwrap();
    /// assert!(town.ancestors().any(|a| a == "闵行区"));
    /// ```
    pub fn ancestors(&self) -> impl Iterator<Item = &str> {
        self.parent
            .as_deref()
            .into_iter()
            .flat_map(|p| p.split(['|', '/']))
            .filter(|a| *a != "*")
    }

    /// The direct parent of each alternative chain (`上海市/闵行区` →
    /// `闵行区`); none for `*`.
    pub fn parents(&self) -> impl Iterator<Item = &str> {
        self.parent
            .as_deref()
            .into_iter()
            .flat_map(|p| p.split('|'))
            .filter_map(|chain| chain.rsplit('/').next())
            .filter(|a| *a != "*")
    }
}

/// Identifies a distinct pattern string in the lexicon.
pub type PatternId = u32;

/// The set of entries the matcher searches for, grouped by pattern text.
#[derive(Clone)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// Distinct pattern strings.
    patterns: Vec<Text>,
    /// For each pattern: its entries are `pattern_entries[range]` (indices
    /// into `entries`), one flat list instead of a vector per pattern.
    pattern_ranges: Vec<(u32, u32)>,
    pattern_entries: Vec<u32>,
    /// For each pattern: the classes of its entries.
    pattern_classes: Vec<ClassSet>,
    /// For each class: the longest entry's length in bytes (how far
    /// [`Lexicon::prefixes_of`] and [`Lexicon::suffixes_of`] look).
    longest: [usize; CLASSES],
    /// Pattern ids, hashed by their text.
    by_text: HashTable<PatternId>,
    hasher: hashbrown::DefaultHashBuilder,
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

    /// The distinct pattern strings, in [`PatternId`] order.
    ///
    /// ```
    /// let lex = govkg::Lexicon::embedded();
    /// assert_eq!(lex.patterns().len(), lex.pattern_count());
    /// assert!(lex.patterns().any(|p| p == "七宝镇"));
    /// ```
    pub fn patterns(&self) -> impl ExactSizeIterator<Item = &str> + Clone + '_ {
        self.patterns.iter().map(|p| &**p)
    }

    /// The entries behind one pattern.
    pub fn entries_of(&self, p: PatternId) -> impl Iterator<Item = &Entry> + '_ {
        let (lo, hi) = self
            .pattern_ranges
            .get(p as usize)
            .copied()
            .unwrap_or((0, 0));
        self.pattern_entries[lo as usize..hi as usize]
            .iter()
            .map(move |&i| &self.entries[i as usize])
    }

    /// True when an entry of pattern `p` has a class passing `test` (a
    /// class, or a predicate on classes).
    pub(crate) fn pattern_is(&self, p: PatternId, test: impl ClassTest) -> bool {
        self.pattern_passes(p, &test)
    }

    /// [`Lexicon::pattern_is`], with the test borrowed: asked of many
    /// patterns in turn.
    pub(crate) fn pattern_passes(&self, p: PatternId, test: &impl ClassTest) -> bool {
        self.pattern_classes
            .get(p as usize)
            .is_some_and(|&set| test.holds_in(set))
    }

    /// The pattern whose text is exactly `text`.
    fn pattern_of(&self, text: &str) -> Option<PatternId> {
        let h = self.hasher.hash_one(text);
        self.by_text
            .find(h, |&p| self.patterns[p as usize] == text)
            .copied()
    }

    /// The classes of the entries whose text is exactly `text`.
    pub fn classes_of<'a>(&'a self, text: &str) -> impl Iterator<Item = LexClass> + 'a {
        self.lookup(text).map(|e| e.class)
    }

    /// The entries whose text is exactly `text`.
    pub fn lookup<'a>(&'a self, text: &str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.pattern_of(text)
            .into_iter()
            .flat_map(move |p| self.entries_of(p))
    }

    /// True when `text` is an entry of class `class`.
    pub fn is(&self, text: &str, class: LexClass) -> bool {
        self.pattern_of(text)
            .is_some_and(|p| self.pattern_is(p, class))
    }

    /// True when `text` is an entry whose class satisfies `pred`.
    pub fn any(&self, text: &str, pred: impl Fn(LexClass) -> bool) -> bool {
        self.pattern_of(text)
            .is_some_and(|p| self.pattern_is(p, pred))
    }

    /// The starts of `text` that are entries of `class`, longest first
    /// (`各乡镇` and `各` of `各乡镇政府` for a generic opener).
    ///
    /// ```
    /// use govkg::{LexClass, Lexicon, lexicon::Grammar};
    /// let lex = Lexicon::embedded();
    /// let opener = LexClass::Grammar(Grammar::GenericOpener);
    /// let starts: Vec<&str> = lex.prefixes_of("各乡镇政府", opener).collect();
    /// assert_eq!(starts, ["各乡镇", "各"]);
    /// ```
    pub fn prefixes_of<'t>(
        &'t self,
        text: &'t str,
        class: LexClass,
    ) -> impl Iterator<Item = &'t str> + 't {
        self.prefixes_longer_than(text, class, 0)
    }

    /// [`Lexicon::prefixes_of`] longer than `min` bytes (`min` the first
    /// character's length: the starts of two characters or more).
    pub(crate) fn prefixes_longer_than<'t>(
        &'t self,
        text: &'t str,
        class: LexClass,
        min: usize,
    ) -> impl Iterator<Item = &'t str> + 't {
        let longest = self.longest[class.index() as usize].min(text.len());
        (min + 1..=longest)
            .rev()
            .filter(move |&i| text.is_char_boundary(i))
            .map(move |i| &text[..i])
            .filter(move |w| self.is(w, class))
    }

    /// The ends of `text` that are entries of `class`, longest first
    /// (`有限公司` and `公司` of `某某科技有限公司` for `org.suffix`).
    pub fn suffixes_of<'t>(
        &'t self,
        text: &'t str,
        class: LexClass,
    ) -> impl Iterator<Item = &'t str> + 't {
        let longest = self.longest[class.index() as usize].min(text.len());
        (text.len() - longest..text.len())
            .filter(move |&i| text.is_char_boundary(i))
            .map(move |i| &text[i..])
            .filter(move |w| self.is(w, class))
    }

    /// The entries of `class` that end `text`, longest first: what a
    /// rule asks of a name's ending when an attribute decides (`named=1`
    /// of `公司` in `某某科技有限公司`).
    pub fn suffix_entries<'t>(
        &'t self,
        text: &'t str,
        class: LexClass,
    ) -> impl Iterator<Item = &'t Entry> + 't {
        self.suffixes_of(text, class)
            .flat_map(move |w| self.lookup(w))
            .filter(move |e| e.class == class)
    }

    /// True when `text` starts with an entry of `class`.
    pub fn starts_with(&self, text: &str, class: LexClass) -> bool {
        self.prefixes_of(text, class).next().is_some()
    }

    /// True when `text` ends with an entry of `class`.
    pub fn ends_with(&self, text: &str, class: LexClass) -> bool {
        self.suffixes_of(text, class).next().is_some()
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
            let entries =
                parse::read_static(name, text).expect("embedded dictionaries are valid (tested)");
            self.entries.extend(entries);
        }
        self
    }

    /// Adds one entry.
    pub fn add_entry(&mut self, text: &str, class: LexClass) -> &mut Self {
        self.entries.push(Entry {
            text: Cow::Owned(text.to_string()),
            class,
            parent: None,
            full: None,
            ambiguous: false,
            traits: SuffixTraits::default(),
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
    ///
    /// An entry repeating an earlier one (same text, class and full form)
    /// is dropped, except that it may give the earlier one a parent it
    /// lacked (a user dictionary refining an embedded entry).
    pub fn build(&self) -> Lexicon {
        let hasher = hashbrown::DefaultHashBuilder::default();
        let mut entries: Vec<Entry> = Vec::with_capacity(self.entries.len());
        // Entry indices, hashed by (text, class, full).
        let mut seen: HashTable<u32> = HashTable::with_capacity(self.entries.len());
        let key_hash = |e: &Entry| hasher.hash_one((&*e.text, e.class, e.full.as_deref()));
        let same =
            |a: &Entry, b: &Entry| a.text == b.text && a.class == b.class && a.full == b.full;
        for e in &self.entries {
            let h = key_hash(e);
            if let Some(&i) = seen.find(h, |&i| same(&entries[i as usize], e)) {
                let prev = &mut entries[i as usize];
                if prev.parent.is_none() {
                    prev.parent = e.parent.clone();
                }
                continue;
            }
            seen.insert_unique(h, entries.len() as u32, |&i| key_hash(&entries[i as usize]));
            entries.push(e.clone());
        }
        drop(seen);

        // Distinct texts become patterns, numbered in order of first entry.
        let mut patterns: Vec<Text> = Vec::new();
        let mut by_text: HashTable<PatternId> = HashTable::with_capacity(entries.len());
        let mut pattern_of_entry: Vec<PatternId> = Vec::with_capacity(entries.len());
        for e in &entries {
            if e.text.is_empty() {
                pattern_of_entry.push(PatternId::MAX);
                continue;
            }
            let h = hasher.hash_one(&*e.text);
            let id = match by_text.find(h, |&p| patterns[p as usize] == e.text) {
                Some(&p) => p,
                None => {
                    let p = patterns.len() as PatternId;
                    patterns.push(e.text.clone());
                    by_text.insert_unique(h, p, |&q| hasher.hash_one(&*patterns[q as usize]));
                    p
                }
            };
            pattern_of_entry.push(id);
        }
        // Group entry indices by pattern (a counting sort keeps each
        // pattern's entries in entry order).
        let mut pattern_ranges = vec![(0u32, 0u32); patterns.len()];
        for &p in &pattern_of_entry {
            if p != PatternId::MAX {
                pattern_ranges[p as usize].1 += 1;
            }
        }
        let mut next = 0u32;
        for r in &mut pattern_ranges {
            let n = r.1;
            *r = (next, next);
            next += n;
        }
        let mut pattern_entries = vec![0u32; next as usize];
        for (i, &p) in pattern_of_entry.iter().enumerate() {
            if p != PatternId::MAX {
                let r = &mut pattern_ranges[p as usize];
                pattern_entries[r.1 as usize] = i as u32;
                r.1 += 1;
            }
        }
        let mut pattern_classes = vec![ClassSet::default(); patterns.len()];
        let mut longest = [0; CLASSES];
        for (e, &p) in entries.iter().zip(&pattern_of_entry) {
            if let Some(set) = pattern_classes.get_mut(p as usize) {
                set.insert(e.class);
            }
            let l = &mut longest[e.class.index() as usize];
            *l = (*l).max(e.text.len());
        }
        Lexicon {
            entries,
            patterns,
            pattern_ranges,
            pattern_entries,
            pattern_classes,
            longest,
            by_text,
            hasher,
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

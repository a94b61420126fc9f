//! What every recogniser reads: the normalised text, the automaton's hits,
//! and local helpers around a position.

use super::pos::Pos;
use super::segment::{Segmenter, Token};
use crate::lexicon::{ClassTest, Entry, LexClass, Lexicon};
use crate::matcher::{Hit, nearly_sorted};
use crate::span::Span;
use crate::text::{is_clause_break, non_ideographs};
use hashbrown::HashMap;
use std::cell::{Cell, OnceCell, RefCell};
use std::sync::OnceLock;

/// Below this count in the segmenter's dictionary a word is rare
/// ([`Scan::is_rare_word`]); from it on, frequent.
const RARE_WORD_FREQ: usize = 300;

/// How many words' tags a document's cache holds before it grows.
const WORD_TAGS_CAPACITY: usize = 256;

/// The longest clause segmented as one, in bytes; a longer one is cut
/// into windows of [`WINDOW`] bytes.
const MAX_SEGMENT: usize = 64 * 3 * 2;
/// The window a long clause is segmented in, in bytes (64 CJK chars).
const WINDOW: usize = 64 * 3;

/// `GOVKG_DEBUG_TOKENS` set: print every segmented clause (read once).
fn debug_tokens() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("GOVKG_DEBUG_TOKENS").is_some())
}

/// The shared, read-only view of one document for the recognisers.
pub(crate) struct Scan<'a> {
    pub text: &'a str,
    pub lex: &'a Lexicon,
    hits: Vec<Hit>,
    /// Indices into `hits`, sorted by end.
    by_end: Vec<u32>,
    /// The end of each hit of `by_end`, in its order: searched without a
    /// look into `hits` at each step.
    ends: Vec<u32>,
    /// Where the hits that start in each bucket of [`BUCKET_BYTES`] bytes
    /// begin in `hits`: a search for a position reads one bucket.
    start_buckets: Vec<u32>,
    /// The same for the hits' ends, in `ends`.
    end_buckets: Vec<u32>,
    /// The same for the clause breaks' starts, in `breaks`.
    break_buckets: Vec<u32>,
    seg: &'a Segmenter,
    /// Every clause break (bytes), in text order, so that finding a clause
    /// costs a binary search rather than a walk through it (a long line
    /// without punctuation was quadratic).
    breaks: Vec<Span>,
    /// Every char other than an ideograph ([`non_ideographs`]), with its
    /// byte offset, in text order: decoded once for the rules that look
    /// for punctuation, instead of once per rule.
    others: Vec<(u32, char)>,
    /// Every segment's tokens, segmented on first need (every document
    /// needs them all: the segmenter's names are read over the whole text).
    segmented: OnceCell<Segmented>,
    /// The last whole clause [`Scan::tokens_around`] answered for, with
    /// where its tokens lie in [`Segmented::tokens`]: rules ask about the
    /// same clause many times in a row, and every position from its start
    /// to its end (both included) has it as its segment, so those questions
    /// need no search.
    last: Cell<Option<(Span, TokenRange)>>,
    /// The segmenter's tag of each word asked alone ([`Scan::word_tag`]):
    /// rules ask it of the same names at each of their mentions.
    word_tags: RefCell<HashMap<Box<str>, Option<Pos>>>,
}

/// Where one segment's tokens lie in [`Segmented::tokens`].
#[derive(Debug, Clone, Copy)]
struct TokenRange {
    lo: u32,
    hi: u32,
}

/// The bytes of text one bucket of the hits' index covers (a power of
/// two): a few hits start or end in each.
const BUCKET_BYTES: usize = 16;

/// For each bucket of [`BUCKET_BYTES`] bytes of a text of `len` bytes (and
/// one past its end), the first index of `keys` (sorted) at or past the
/// bucket's first byte.
fn buckets(keys: impl Iterator<Item = u32>, len: usize) -> Vec<u32> {
    let n = len / BUCKET_BYTES + 2;
    let mut out = Vec::with_capacity(n);
    let mut keys = keys.peekable();
    let mut i = 0u32;
    for b in 0..n {
        let first = b * BUCKET_BYTES;
        while keys.next_if(|&k| (k as usize) < first).is_some() {
            i += 1;
        }
        out.push(i);
    }
    out
}

/// The first index of `keys` (sorted, indexed by `buckets`) whose key is
/// `pos` or more: a binary search inside the bucket of `pos` alone.
fn lower_bound(buckets: &[u32], len: usize, pos: usize, key: impl Fn(usize) -> u32) -> usize {
    let b = (pos / BUCKET_BYTES).min(buckets.len() - 1);
    let lo = buckets[b] as usize;
    let hi = buckets.get(b + 1).map_or(len, |&h| h as usize);
    // Keys before `lo` lie in earlier buckets (below `pos`), keys from
    // `hi` on in later ones (above it).
    let mut a = lo;
    let mut z = hi;
    while a < z {
        let mid = a + (z - a) / 2;
        if (key(mid) as usize) < pos {
            a = mid + 1;
        } else {
            z = mid;
        }
    }
    a
}

/// The whole text segmented, segment by segment ([`Scan::segment_of_clause`]),
/// in one vector: no allocation and no copy per segment.
struct Segmented {
    /// Every token, in text order.
    tokens: Vec<Token>,
    /// The range of `tokens` of each segment that holds any, by the
    /// segment's start.
    segments: HashMap<usize, TokenRange>,
}

/// The trigger words among `hits` (`trigger.*` entries of `lex`), in the
/// hits' order, with the kinds each one triggers.
pub(crate) fn trigger_hits(lex: &Lexicon, hits: &[Hit]) -> Vec<(Span, crate::lexicon::TriggerSet)> {
    hits.iter()
        // The pattern's class bits first: most hits are no trigger, and
        // their entries need not be read.
        .filter(|h| lex.pattern_is(h.pattern, crate::lexicon::ClassSet::TRIGGERS))
        .filter_map(|h| {
            let mut set = crate::lexicon::TriggerSet::default();
            for e in lex.entries_of(h.pattern) {
                if let LexClass::Trigger(t) = e.class {
                    set.insert(t);
                }
            }
            (!set.is_empty()).then(|| (h.span(), set))
        })
        .collect()
}

/// The clause breaks among `others`, the chars of a text other than its
/// ideographs (a middle dot `·` joins foreign names and breaks nothing).
fn clause_breaks(others: &[(u32, char)]) -> Vec<Span> {
    // Ideographs are no breaks: only the other chars are read.
    others
        .iter()
        .filter(|&&(_, c)| is_clause_break(c) && c != '·')
        .map(|&(i, c)| Span::new(i as usize, i as usize + c.len_utf8()))
        .collect()
}

impl<'a> Scan<'a> {
    pub fn new(text: &'a str, lex: &'a Lexicon, hits: Vec<Hit>, seg: &'a Segmenter) -> Self {
        // Hits come by start, so among hits with one end a lower index is
        // a lower start: sorting `end << 32 | index` orders them by (end,
        // start) with one integer comparison. (The matcher reports no hit
        // past 4 GiB, nor more than 2^32 hits.) Hits are short, so the
        // start order is nearly the end order already.
        let mut keys: Vec<u64> = hits
            .iter()
            .enumerate()
            .map(|(i, h)| (h.span().end as u64) << 32 | i as u64)
            .collect();
        nearly_sorted::sort_by_key(&mut keys, |&k| k);
        let by_end: Vec<u32> = keys.iter().map(|&k| k as u32).collect();
        let ends: Vec<u32> = keys.iter().map(|&k| (k >> 32) as u32).collect();
        // Offsets fit in 32 bits as the hits' do (texts are read in chunks
        // far shorter than 4 GiB).
        let others: Vec<(u32, char)> = non_ideographs(text).map(|(i, c)| (i as u32, c)).collect();
        let start_buckets = buckets(hits.iter().map(|h| h.span().start as u32), text.len());
        let end_buckets = buckets(ends.iter().copied(), text.len());
        let breaks = clause_breaks(&others);
        let break_buckets = buckets(breaks.iter().map(|b| b.start as u32), text.len());
        Scan {
            text,
            lex,
            hits,
            by_end,
            ends,
            start_buckets,
            end_buckets,
            breaks,
            break_buckets,
            others,
            seg,
            segmented: OnceCell::new(),
            last: Cell::new(None),
            // Sized for the few hundred words a document asks of: not grown
            // step by step.
            word_tags: RefCell::new(HashMap::with_capacity(WORD_TAGS_CAPACITY)),
        }
    }

    /// The trigger words among the hits (`trigger.*` entries), by start,
    /// longest first, with the kinds each one triggers.
    pub fn trigger_hits(&self) -> Vec<(Span, crate::lexicon::TriggerSet)> {
        trigger_hits(self.lex, &self.hits)
    }

    /// Every char of the text other than an ideograph, with its byte
    /// offset, in text order (what [`non_ideographs`] gives, decoded once).
    pub fn non_ideographs(&self) -> impl Iterator<Item = (usize, char)> + '_ {
        self.others.iter().map(|&(i, c)| (i as usize, c))
    }

    /// All hits, sorted by start (longest first).
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// The index of the first hit that starts at byte `pos` or after.
    fn first_starting_from(&self, pos: usize) -> usize {
        lower_bound(&self.start_buckets, self.hits.len(), pos, |i| {
            self.hits[i].span().start as u32
        })
    }

    /// Hits that start at byte `pos`, longest first.
    pub fn hits_at(&self, pos: usize) -> &[Hit] {
        let lo = self.first_starting_from(pos);
        // Few hits start at one position: counted, not searched for.
        let n = self.hits[lo..]
            .iter()
            .take_while(|h| h.span().start == pos)
            .count();
        &self.hits[lo..lo + n]
    }

    /// Hits lying wholly inside `span`, by start.
    pub fn hits_within(&self, span: Span) -> impl Iterator<Item = &Hit> + '_ {
        self.hits_starting_in(span)
            .filter(move |h| h.span().end <= span.end)
    }

    /// Hits that start inside `span`, wherever they end, by start: what
    /// [`Scan::hits_at`] gives at each char of `span` in turn, found with
    /// one search instead of one per char.
    pub fn hits_starting_in(&self, span: Span) -> impl Iterator<Item = &Hit> + '_ {
        let lo = self.first_starting_from(span.start);
        self.hits[lo..]
            .iter()
            .take_while(move |h| h.span().start < span.end)
    }

    /// Hits that end at byte `pos`, longest first.
    pub fn hits_ending_at(&self, pos: usize) -> impl Iterator<Item = &Hit> + '_ {
        let lo = lower_bound(&self.end_buckets, self.ends.len(), pos, |i| self.ends[i]);
        let hi = lo
            + self.ends[lo..]
                .iter()
                .take_while(|&&e| e as usize == pos)
                .count();
        self.by_end[lo..hi]
            .iter()
            .map(move |&i| &self.hits[i as usize])
    }

    /// The entries behind a hit.
    pub fn entries(&self, hit: &Hit) -> impl Iterator<Item = &'a Entry> + 'a {
        self.lex.entries_of(hit.pattern)
    }

    /// True when the hit has an entry of a class passing `test` (a class,
    /// or a predicate on classes).
    pub fn hit_is(&self, hit: &Hit, test: impl ClassTest) -> bool {
        self.lex.pattern_is(hit.pattern, test)
    }

    /// The longest hit starting at `pos` with a class passing `test`.
    pub fn longest_at(&self, pos: usize, test: impl ClassTest) -> Option<Hit> {
        self.hits_at(pos)
            .iter()
            .find(|h| self.lex.pattern_passes(h.pattern, &test))
            .copied()
    }

    /// True when an entry with a class passing `test` ends `span`: what
    /// `Lexicon::ends_with` answers of the span's text, read from the hits
    /// (every occurrence of every entry is one) instead of looking up each
    /// of its ends.
    pub fn span_ends_with(&self, span: Span, test: impl ClassTest) -> bool {
        self.hits_ending_at(span.end)
            .any(|h| h.span().start >= span.start && self.lex.pattern_passes(h.pattern, &test))
    }

    /// True when an entry with a class passing `test` starts `span` (and
    /// ends inside it): what `Lexicon::starts_with` answers of the span's
    /// text, read from the hits instead of looking up each of its starts.
    pub fn span_starts_with(&self, span: Span, test: impl ClassTest) -> bool {
        self.hits_at(span.start)
            .iter()
            .any(|h| h.span().end <= span.end && self.lex.pattern_passes(h.pattern, &test))
    }

    /// The longest hit ending at `pos` with a class passing `test`.
    pub fn longest_ending_at(&self, pos: usize, test: impl ClassTest) -> Option<Hit> {
        self.hits_ending_at(pos)
            .find(|h| self.lex.pattern_passes(h.pattern, &test))
            .copied()
    }

    /// The character starting at `pos`.
    pub fn char_at(&self, pos: usize) -> Option<char> {
        self.text.get(pos..).and_then(|s| s.chars().next())
    }

    /// The character ending at `pos`.
    pub fn char_before(&self, pos: usize) -> Option<char> {
        self.text.get(..pos).and_then(|s| s.chars().next_back())
    }

    /// Byte position `n` characters after `pos` (clamped to the end).
    pub fn forward(&self, pos: usize, n: usize) -> usize {
        let rest = &self.text[pos..];
        rest.char_indices()
            .nth(n)
            .map_or(self.text.len(), |(i, _)| pos + i)
    }

    /// Byte position `n` characters before `pos` (clamped to 0).
    pub fn back(&self, pos: usize, n: usize) -> usize {
        let head = &self.text[..pos];
        head.char_indices()
            .rev()
            .nth(n.saturating_sub(1))
            .map_or(0, |(i, _)| i)
    }

    /// True when `pos` is the start or end of the text or next to a clause break.
    pub fn is_break_before(&self, pos: usize) -> bool {
        self.char_before(pos).is_none_or(is_clause_break)
    }

    /// True when the text at `pos` ends or begins with a clause break.
    pub fn is_break_at(&self, pos: usize) -> bool {
        self.char_at(pos).is_none_or(is_clause_break)
    }

    /// True when `pos` opens a clause: the text starts there, or a clause
    /// break ends there. No token of [`Scan::tokens_around`] starts before
    /// `pos` and runs past it, and no name reaches left over it.
    pub fn opens_clause(&self, pos: usize) -> bool {
        self.char_before(pos)
            .is_none_or(|c| is_clause_break(c) && c != '·')
    }

    /// The clause (text between clause breaks) around `pos`.
    pub fn clause_at(&self, pos: usize) -> Span {
        let pos = self.floor(pos.min(self.text.len()));
        // The breaks are found once per document (see `clause_breaks`);
        // here a search in one bucket finds the ones around `pos`.
        let i = lower_bound(&self.break_buckets, self.breaks.len(), pos, |i| {
            self.breaks[i].start as u32
        });
        let start = if i > 0 { self.breaks[i - 1].end } else { 0 };
        let end = self.breaks.get(i).map_or(self.text.len(), |b| b.start);
        Span::new(start, end)
    }

    /// The stretch of text segmented as one: the clause around `pos`, or,
    /// in a clause longer than [`MAX_SEGMENT`] bytes (a table flattened
    /// into one line, a page with no punctuation), the fixed window of it
    /// that holds `pos`. Windows never move with `pos`, so each is
    /// segmented once and the whole text costs linear time.
    /// Returns the segment and whether it is the whole clause.
    pub(crate) fn segment_of_clause(&self, pos: usize) -> (Span, bool) {
        let clause = self.clause_at(pos);
        if clause.len() <= MAX_SEGMENT {
            return (clause, true);
        }
        let pos = self.floor(pos.min(self.text.len()));
        let k = (pos - clause.start) / WINDOW;
        let mut start = self.floor(clause.start + k * WINDOW).max(clause.start);
        let mut end = self.floor((clause.start + (k + 1) * WINDOW).min(clause.end));
        if pos >= end && end < clause.end {
            start = end;
            end = self.floor((clause.start + (k + 2) * WINDOW).min(clause.end));
        }
        (Span::new(start, end.max(start)), false)
    }

    /// The segmenter's tagged tokens of the segment around `pos` (see
    /// [`Scan::segment_of_clause`]; the whole text is segmented once, on
    /// first need). Offsets are bytes of the whole text.
    pub fn tokens_around(&self, pos: usize) -> &[Token] {
        let all = self.segmented();
        if let Some((span, range)) = self.last.get()
            && span.start <= pos
            && pos <= span.end
        {
            return &all.tokens[range.lo as usize..range.hi as usize];
        }
        let (span, whole) = self.segment_of_clause(pos);
        // An empty segment (between two breaks) holds no token.
        let Some(&range) = all.segments.get(&span.start).filter(|_| !span.is_empty()) else {
            return &[];
        };
        if whole {
            self.last.set(Some((span, range)));
        }
        &all.tokens[range.lo as usize..range.hi as usize]
    }

    /// Every token of the text, segment by segment, in text order (each
    /// segment is segmented once, shared with [`Scan::tokens_around`]).
    pub fn all_tokens(&self) -> &[Token] {
        &self.segmented().tokens
    }

    /// The whole text segmented, segment by segment (done on first call).
    fn segmented(&self) -> &Segmented {
        self.segmented.get_or_init(|| self.segment_all())
    }

    /// Segments every segment of the text in turn: each clause between two
    /// breaks, or each window of a long one ([`Scan::segment_of_clause`]).
    fn segment_all(&self) -> Segmented {
        // About one token per two CJK characters: sized once, not grown.
        let mut tokens = Vec::with_capacity(self.text.len() / 6);
        let mut segments = HashMap::with_capacity(self.breaks.len() + 1);
        let end = self.text.len();
        let mut start = 0;
        // The clauses come from the breaks found once per document: no
        // search for the clause around each position.
        for b in self.breaks.iter().copied().chain([Span::new(end, end)]) {
            let clause = Span::new(start, b.start.max(start));
            start = b.end;
            if clause.is_empty() {
                continue;
            }
            if clause.len() <= MAX_SEGMENT {
                self.segment_into(clause, &mut tokens, &mut segments);
                continue;
            }
            // A long clause: its windows in turn, each once.
            let mut pos = clause.start;
            let mut last = None;
            while pos < clause.end {
                let (seg, _) = self.segment_of_clause(pos);
                if !seg.is_empty() && last != Some(seg.start) {
                    self.segment_into(seg, &mut tokens, &mut segments);
                    last = Some(seg.start);
                }
                pos = seg.end.max(pos + 1);
            }
        }
        Segmented { tokens, segments }
    }

    /// Segments `seg`, appending its tokens to `tokens` and noting where
    /// they lie in `segments`.
    fn segment_into(
        &self,
        seg: Span,
        tokens: &mut Vec<Token>,
        segments: &mut HashMap<usize, TokenRange>,
    ) {
        let lo = tokens.len() as u32;
        self.seg
            .tag_into(&self.text[seg.range()], seg.start, tokens);
        let range = TokenRange {
            lo,
            hi: tokens.len() as u32,
        };
        if debug_tokens() {
            self.print_tokens(&tokens[lo as usize..]);
        }
        segments.insert(seg.start, range);
    }

    /// `GOVKG_DEBUG_TOKENS`: one segment's tokens on standard error.
    fn print_tokens(&self, toks: &[Token]) {
        let shown: Vec<String> = toks
            .iter()
            .map(|t| format!("{}/{}", &self.text[t.span.range()], t.tag.as_str()))
            .collect();
        eprintln!("tokens {}", shown.join(" "));
    }

    /// The token that starts at byte `pos`, if any.
    pub fn token_starting_at(&self, pos: usize) -> Option<Token> {
        self.token_containing(pos).filter(|t| t.span.start == pos)
    }

    /// The token that contains byte `pos`, if any.
    pub fn token_containing(&self, pos: usize) -> Option<Token> {
        self.tokens_around(pos)
            .iter()
            .find(|t| t.span.start <= pos && pos < t.span.end)
            .copied()
    }

    fn floor(&self, mut i: usize) -> usize {
        while i > 0 && !self.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    /// Part-of-speech tag of a single word, as the segmenter would tag it alone.
    pub fn word_tag(&self, word: &str) -> Option<Pos> {
        if let Some(&tag) = self.word_tags.borrow().get(word) {
            return tag;
        }
        let tag = self.seg.word_tag(word);
        self.word_tags.borrow_mut().insert(word.into(), tag);
        tag
    }

    /// How often the segmenter's dictionary counts `word`, if it holds it.
    pub fn word_freq(&self, word: &str) -> Option<usize> {
        self.seg.word_freq(word)
    }

    /// True when the segmenter's dictionary holds `word` but rarely: as
    /// likely a name as a common word (`罗干` 92, `宝鸡` 188; `满意` 3417).
    pub fn is_rare_word(&self, word: &str) -> bool {
        self.word_freq(word).is_some_and(|f| f < RARE_WORD_FREQ)
    }

    /// True when the segmenter's dictionary holds `word` often: a common
    /// word, whatever it tags it (`博客`).
    pub fn is_frequent_word(&self, word: &str) -> bool {
        self.word_freq(word).is_some_and(|f| f >= RARE_WORD_FREQ)
    }

    /// True when the segmenter's dictionary holds `word`.
    pub fn is_known_word(&self, word: &str) -> bool {
        self.seg.has_word(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bucketed search finds what a binary search over all keys does,
    /// for every position up to past the text's end, with runs of equal
    /// keys, empty buckets and keys at the end.
    #[test]
    fn lower_bound_is_partition_point() {
        let len = 200;
        let keys: Vec<u32> = [
            0, 0, 3, 31, 32, 32, 33, 64, 64, 64, 65, 130, 131, 199, 200, 200,
        ]
        .to_vec();
        let b = buckets(keys.iter().copied(), len);
        for pos in 0..len + 80 {
            let want = keys.partition_point(|&k| (k as usize) < pos);
            assert_eq!(lower_bound(&b, keys.len(), pos, |i| keys[i]), want, "{pos}");
        }
        let none = buckets(std::iter::empty(), len);
        assert_eq!(lower_bound(&none, 0, 50, |_| 0), 0);
    }
}

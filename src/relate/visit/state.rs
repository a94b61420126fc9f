//! The reading state of [`super::find`]: groups, events and who visited.

use super::*;

/// Who made a visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Heads {
    /// A group (its final members).
    Group(usize),
    /// These persons only.
    Explicit(Vec<usize>),
}

#[derive(Debug, Clone)]
pub(super) struct Event {
    pub(super) heads: Heads,
    pub(super) tails: Vec<usize>,
    pub(super) sentence: usize,
    pub(super) date: Option<String>,
    pub(super) purpose: Option<String>,
    /// Where the clause's places end.
    pub(super) end: usize,
    /// The rule that read it.
    pub(super) rule: Rule,
}

pub(super) struct State {
    pub(super) groups: Vec<Group>,
    pub(super) events: Vec<Event>,
    pub(super) latest: Option<usize>,
    /// Mentions that joined a group as participants.
    pub(super) joined: Vec<usize>,
    /// For each member's text and article: the groups that hold it, in
    /// order (a look-up, not a walk through every group's members: a page
    /// of names without punctuation is one long article).
    pub(super) holding: HashMap<(usize, String), Vec<usize>>,
    /// Participants named before any group of their article set out
    /// (`乙、丙参加活动。甲一行在某地…`): they join the next group that
    /// travels with `一行` under a leader named before them.
    pub(super) waiting: Vec<usize>,
}

impl State {
    /// True when group `g` holds a member written as mention `m`.
    pub(super) fn holds(&self, doc: &Doc<'_>, g: usize, m: usize) -> bool {
        self.holding
            .get(&(self.groups[g].art, doc.mentions[m].text.clone()))
            .is_some_and(|gs| gs.contains(&g))
    }

    pub(super) fn add(&mut self, doc: &Doc<'_>, g: usize, m: usize) {
        if self.groups[g].members.len() >= MAX_GROUP {
            return;
        }
        let key = (self.groups[g].art, doc.mentions[m].text.clone());
        let gs = self.holding.entry(key).or_default();
        if !gs.contains(&g) {
            gs.push(g);
            self.groups[g].members.push(m);
        }
    }

    /// The latest group of article `art` that holds a member written as `m`.
    pub(super) fn group_with(&self, doc: &Doc<'_>, art: usize, m: usize) -> Option<usize> {
        self.holding
            .get(&(art, doc.mentions[m].text.clone()))
            .and_then(|gs| gs.last().copied())
    }

    pub(super) fn new_group(&mut self, art: usize, date: Option<String>) -> usize {
        self.groups.push(Group {
            art,
            members: Vec::new(),
            nouns: Vec::new(),
            date,
            guest: false,
        });
        self.groups.len() - 1
    }
}

/// The most members a visiting group takes: real delegations are a few
/// dozen, and a bound keeps a page of names without punctuation from
/// making relations quadratic in its length.
pub(super) const MAX_GROUP: usize = 64;

/// The visitors of the article's latest visit.
pub(super) fn last_heads(st: &State, doc: &Doc<'_>, art: usize) -> Option<Heads> {
    st.events
        .iter()
        .rev()
        .find(|e| doc.article_of(doc.sentences[e.sentence].start) == art)
        .map(|e| e.heads.clone())
}

/// A clause with no subject in a sentence of its own goes on with the
/// current group, also after a visit told of one of its members by name
/// (`甲察看了A。在B视察。`): only a named subject narrows a group.
pub(super) fn widen_to_group(st: &State, doc: &Doc<'_>, heads: Heads) -> Heads {
    match (&heads, st.latest) {
        (Heads::Explicit(ps), Some(g)) if ps.iter().all(|&p| st.holds(doc, g, p)) => {
            Heads::Group(g)
        }
        _ => heads,
    }
}

//! Government news accounts named after their place: `上海发布`,
//! `闵行发布`, `某某街道发布`, `某某社区发布`. Articles end with the account
//! they came from, on a line of its own or quoted (`关注“上海社区发布”`);
//! there the name is a body, an ORG. Elsewhere `发布` is the verb.

use super::index::MentionIndex;
use super::{Mention, Scan};
use crate::lexicon::{Grammar, LexClass};
use crate::rules::Rule;
use crate::span::{EntityKind, Span};
use crate::text::is_cjk;

/// What an account's name ends in.
const ACCOUNT_WORD: &str = "发布";

/// How long an account's name is (`闵行发布`, `某某街道社区发布`), in
/// characters.
const ACCOUNT_CHARS: std::ops::RangeInclusive<usize> = 3..=10;

/// Accounts: a place found in the document (`places`), perhaps a unit
/// word, then `发布`, standing alone on its line or between quotes.
pub(super) fn find(scan: &Scan<'_>, places: &[Mention]) -> Vec<Mention> {
    let text = scan.text;
    // Built on first need: most documents hold no account.
    let mut index: Option<MentionIndex> = None;
    let mut out = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), ACCOUNT_WORD.as_bytes()) {
        let end = at + ACCOUNT_WORD.len();
        if !text[end..]
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '\n' | '\r' | '”' | '"' | '」'))
        {
            continue;
        }
        // Back to the line's start or an opening quote.
        let line = &text[..at];
        let open = line
            .char_indices()
            .rev()
            .find(|&(_, c)| !is_cjk(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let opener = text[..open].chars().next_back();
        if !opener.is_none_or(|c| matches!(c, '\n' | '\r' | '“' | '"' | '「')) {
            continue;
        }
        let name = Span::new(open, end);
        let n = text[name.range()].chars().count();
        if !ACCOUNT_CHARS.contains(&n) {
            continue;
        }
        // The place, perhaps with the kind of unit that runs the account.
        // (`社区`, `政务`: `grammar.account-unit`).
        let place_end = scan
            .longest_ending_at(at, LexClass::Grammar(Grammar::AccountUnit))
            .map_or(at, |w| w.span().start);
        let places = index.get_or_insert_with(|| MentionIndex::new(places));
        if places.exactly(Span::new(open, place_end)).next().is_some() {
            out.push(Mention::new(name, EntityKind::Org, Rule::OrgAccount));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Org;

    #[test]
    fn accounts_stand_alone_or_quoted() {
        assert_eq!(
            spans("长按二维码\n关注“上海社区发布”\n官方账号", Org),
            ["上海社区发布"]
        );
        assert_eq!(spans("闵行区召开会议。\n闵行发布\n", Org), ["闵行发布"]);
        // The verb: a place's government publishes something.
        assert!(spans("闵行区发布了新规。", Org).is_empty());
        assert!(spans("闵行区今天发布\n", Org).is_empty());
    }
}

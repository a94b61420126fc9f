//! `org.placed-body`: a body of the lexicon written with the country,
//! province, city or county it belongs to glued before it (`某国` +
//! `国务院`, `某市` + `农发行`) is one body.

use super::cut_from_its_word;
use crate::lexicon::{Level, LexClass};
use crate::matcher::Hit;
use crate::recognise::pos::Pos;
use crate::recognise::{Mention, Scan};
use crate::rules::Rule;
use crate::span::{EntityKind, Span};

/// The body of the lexicon at `hit` with the division glued before it.
pub(super) fn with_place_before(scan: &Scan<'_>, hit: &Hit) -> Option<Mention> {
    let body = hit.span();
    // `某省` + `委` is read by the suffix rules; `市政府` after a place too.
    if scan.char_at(body.start).and_then(Level::of_char).is_some() || cut_from_its_word(scan, body)
    {
        return None;
    }
    let place = scan
        .hits_ending_at(body.start)
        .filter(|h| {
            scan.hit_is(h, |c| {
                matches!(
                    c,
                    LexClass::Division(
                        Level::Country | Level::Province | Level::City | Level::County
                    )
                )
            })
        })
        .map(|h| h.span())
        .min_by_key(|s| s.start)?;
    let word = &scan.text[place.range()];
    // A division named with a common word (`社区`) is no place here.
    if scan.is_known_word(word) && scan.word_tag(word) != Some(Pos::Ns) {
        return None;
    }
    Some(Mention::new(
        Span::new(place.start, body.end),
        EntityKind::Org,
        Rule::OrgPlacedBody,
    ))
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Org;

    #[test]
    fn a_place_glued_before_a_national_body_names_it() {
        assert_eq!(
            spans("据湖州市农发行统计，贷款增加。", Org),
            ["湖州市农发行"]
        );
        assert_eq!(spans("泰国国务院日前决定。", Org), ["泰国国务院"]);
    }
}

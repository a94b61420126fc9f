//! `org.party-prefix`: the party's name written before the body of a
//! place it leads (`中共` + `某省委`) is part of the body's name.

use crate::recognise::{Mention, Scan};
use crate::rules::Rule;
use crate::span::{EntityKind, Span};

/// The party's name.
const PARTY: &str = "中共";

/// The bodies of `orgs` that open with a place (a division of the
/// lexicon) right after `中共`, with the party's name added.
pub(crate) fn with_party_prefix(scan: &Scan<'_>, orgs: &[Mention]) -> Vec<Mention> {
    orgs.iter()
        .filter(|m| m.kind == EntityKind::Org && scan.text[..m.span.start].ends_with(PARTY))
        .filter(|m| {
            scan.hits_at(m.span.start).iter().any(|h| {
                h.span().end < m.span.end && scan.hit_is(h, crate::lexicon::ClassSet::DIVISIONS)
            })
        })
        .map(|m| {
            Mention::new(
                Span::new(m.span.start - PARTY.len(), m.span.end),
                EntityKind::Org,
                Rule::OrgPartyPrefix,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Org;

    #[test]
    fn the_party_name_opens_the_body_of_a_place() {
        assert_eq!(spans("李总理致电中共河北省委。", Org), ["中共河北省委"]);
    }
}

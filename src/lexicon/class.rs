//! Lexicon classes: what a dictionary entry is.

use std::fmt;

/// Administrative level of a division.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// A country or world region.
    Country,
    /// Province, autonomous region, municipality.
    Province,
    /// Prefecture-level city, prefecture, league.
    City,
    /// County, district, county-level city, banner.
    County,
    /// Town, township, street (街道).
    Town,
    /// Village, community.
    Village,
}

/// The class of a lexicon entry. The recognisers read these, never the
/// dictionary file names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LexClass {
    /// An administrative division (`place.province` … `place.village`).
    Division(Level),
    /// Another named place: regions, landmarks (`place.site`).
    Site,
    /// The short form of a division (`七宝` for `七宝镇`), derived from `short=`.
    PlaceShort,
    /// A generic word that ends place names (`路`, `公园`) (`place.suffix`).
    PlaceSuffix,
    /// A named organisation or an abbreviation meaning one body (`区委`) (`org`).
    Org,
    /// A generic word that ends organisation names (`有限公司`, `局`) (`org.suffix`).
    OrgSuffix,
    /// A post (`书记`, `副镇长`) (`title.role`).
    TitleRole,
    /// A body written before a post (`党委`, `人大常委会`) (`title.org`).
    TitleOrg,
    /// A family name (`surname`).
    Surname,
    /// A well-known person (`person`).
    Person,
    /// A word that often follows a name (`表示`, `一行`) (`cue.after-name`).
    NameCue,
    /// A generic expression that is never an entity (`stop`).
    Stop,
}

impl LexClass {
    /// Parses the class name used in dictionary files.
    ///
    /// ```
    /// use govkg::{LexClass, Level};
    /// assert_eq!(LexClass::parse("place.town"), Some(LexClass::Division(Level::Town)));
    /// assert_eq!(LexClass::parse("nonsense"), None);
    /// ```
    pub fn parse(s: &str) -> Option<LexClass> {
        Some(match s {
            "place.country" => LexClass::Division(Level::Country),
            "place.province" => LexClass::Division(Level::Province),
            "place.city" => LexClass::Division(Level::City),
            "place.county" => LexClass::Division(Level::County),
            "place.town" => LexClass::Division(Level::Town),
            "place.village" => LexClass::Division(Level::Village),
            "place.site" => LexClass::Site,
            "place.short" => LexClass::PlaceShort,
            "place.suffix" => LexClass::PlaceSuffix,
            "org" => LexClass::Org,
            "org.suffix" => LexClass::OrgSuffix,
            "title.role" => LexClass::TitleRole,
            "title.org" => LexClass::TitleOrg,
            "surname" => LexClass::Surname,
            "person" => LexClass::Person,
            "cue.after-name" => LexClass::NameCue,
            "stop" => LexClass::Stop,
            _ => return None,
        })
    }

    /// The name used in dictionary files.
    pub fn as_str(&self) -> &'static str {
        match self {
            LexClass::Division(Level::Country) => "place.country",
            LexClass::Division(Level::Province) => "place.province",
            LexClass::Division(Level::City) => "place.city",
            LexClass::Division(Level::County) => "place.county",
            LexClass::Division(Level::Town) => "place.town",
            LexClass::Division(Level::Village) => "place.village",
            LexClass::Site => "place.site",
            LexClass::PlaceShort => "place.short",
            LexClass::PlaceSuffix => "place.suffix",
            LexClass::Org => "org",
            LexClass::OrgSuffix => "org.suffix",
            LexClass::TitleRole => "title.role",
            LexClass::TitleOrg => "title.org",
            LexClass::Surname => "surname",
            LexClass::Person => "person",
            LexClass::NameCue => "cue.after-name",
            LexClass::Stop => "stop",
        }
    }

    /// Every class name accepted in dictionary files.
    pub const NAMES: [&'static str; 17] = [
        "place.country",
        "place.province",
        "place.city",
        "place.county",
        "place.town",
        "place.village",
        "place.site",
        "place.short",
        "place.suffix",
        "org",
        "org.suffix",
        "title.role",
        "title.org",
        "surname",
        "person",
        "cue.after-name",
        "stop",
    ];

    /// True for classes that are places in their own right.
    pub fn is_place(&self) -> bool {
        matches!(
            self,
            LexClass::Division(_) | LexClass::Site | LexClass::PlaceShort
        )
    }
}

impl fmt::Display for LexClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for n in LexClass::NAMES {
            assert_eq!(LexClass::parse(n).map(|c| c.as_str()), Some(n));
        }
    }
}

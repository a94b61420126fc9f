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

/// A word of the genre's grammar that a rule looks for (`trigger.*`):
/// verbs that take a person, byline openers, the words of a visit. Each
/// kind is one line per word in `dictionaries/triggers.txt`, found by the
/// one automaton with everything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Trigger {
    /// A verb a person's name follows (`任命`, `会见`, `看望`) (`trigger.person-verb`).
    PersonVerb,
    /// A word that opens a byline (`记者`, `通讯员`) (`trigger.byline`).
    Byline,
    /// An honour or a community role written before a name (`村民`, `劳模`) (`trigger.honour`).
    Honour,
    /// A verb of going somewhere (`来到`, `赴`, `深入`) (`trigger.visit-motion`).
    VisitMotion,
    /// A verb of inspecting something (`调研`, `考察`, `察看`) (`trigger.visit-inspect`).
    VisitInspect,
    /// What a visit was for, as written (`调研`, `交流考察`) (`trigger.purpose`).
    Purpose,
    /// After it, the persons before are not the visitors (`陪同`, `会见`) (`trigger.barrier`).
    Barrier,
    /// Names the companions written before it, or after it and `有`
    /// (`某某陪同`, `陪同的还有某某`) (`trigger.accompany`).
    Accompany,
    /// Makes the persons before it a visiting group (`一行`, `率`) (`trigger.group`).
    Group,
    /// A meeting or event attended (`参加`, `出席`), which ends a list of places (`trigger.attend`).
    Attend,
    /// A verb that ends a list of places visited (`开展`, `了解`) (`trigger.link-verb`).
    LinkVerb,
    /// Opens a clause that continues the previous visit (`随后`) (`trigger.sequence`).
    Sequence,
    /// A participant joins a visit with it (`一同参加`, `随同`) (`trigger.join`).
    Join,
    /// Refers back to the visiting group (`与会人员`, `委员们`) (`trigger.group-ref`).
    GroupRef,
    /// A verb that makes a visit only after a frame of place (`在某村了解…`)
    /// (`trigger.visit-frame`).
    VisitFrame,
    /// An industry that ends a company's short name (`机械`, `纺织`) (`trigger.industry`).
    Industry,
    /// Gives the person before it the post after it (`当选为`, `任`, `兼任`) (`trigger.appoint`).
    Appoint,
    /// Makes the post after it one held before (`原`, `前任`) (`trigger.former`).
    Former,
    /// A form of address after a surname (`先生`, `女士`, `某`): no full name
    /// (`trigger.address`).
    Address,
    /// A verb of leading: the person before it leads the party after it (`率`, `带领`) (`trigger.leader`).
    Leader,
    /// Opens a phrase of means (`通过`, `采取`) (`trigger.means-opener`).
    MeansOpener,
    /// Closes a phrase of means (`形式`, `方式`) (`trigger.means-closer`).
    MeansCloser,
    /// Makes the stops after a verb a series (`先后`, `依次`) (`trigger.series`).
    Series,
    /// A word holding a visit verb that is no visit (`得到`, `到位`, `以来`) (`trigger.verb-in-word`).
    VerbInWord,
}

impl Trigger {
    /// Every kind, in the order of their bits.
    pub const ALL: [Trigger; 24] = [
        Trigger::PersonVerb,
        Trigger::Byline,
        Trigger::Honour,
        Trigger::VisitMotion,
        Trigger::VisitInspect,
        Trigger::Purpose,
        Trigger::Barrier,
        Trigger::Accompany,
        Trigger::Group,
        Trigger::Attend,
        Trigger::LinkVerb,
        Trigger::Sequence,
        Trigger::Join,
        Trigger::GroupRef,
        Trigger::VisitFrame,
        Trigger::Industry,
        Trigger::Appoint,
        Trigger::Former,
        Trigger::Address,
        Trigger::Leader,
        Trigger::MeansOpener,
        Trigger::MeansCloser,
        Trigger::Series,
        Trigger::VerbInWord,
    ];

    /// The kind's name in dictionary files.
    pub const fn as_str(self) -> &'static str {
        match self {
            Trigger::PersonVerb => "trigger.person-verb",
            Trigger::Byline => "trigger.byline",
            Trigger::Honour => "trigger.honour",
            Trigger::VisitMotion => "trigger.visit-motion",
            Trigger::VisitInspect => "trigger.visit-inspect",
            Trigger::Purpose => "trigger.purpose",
            Trigger::Barrier => "trigger.barrier",
            Trigger::Accompany => "trigger.accompany",
            Trigger::Group => "trigger.group",
            Trigger::Attend => "trigger.attend",
            Trigger::LinkVerb => "trigger.link-verb",
            Trigger::Sequence => "trigger.sequence",
            Trigger::Join => "trigger.join",
            Trigger::GroupRef => "trigger.group-ref",
            Trigger::VisitFrame => "trigger.visit-frame",
            Trigger::Industry => "trigger.industry",
            Trigger::Appoint => "trigger.appoint",
            Trigger::Former => "trigger.former",
            Trigger::Address => "trigger.address",
            Trigger::Leader => "trigger.leader",
            Trigger::MeansOpener => "trigger.means-opener",
            Trigger::MeansCloser => "trigger.means-closer",
            Trigger::Series => "trigger.series",
            Trigger::VerbInWord => "trigger.verb-in-word",
        }
    }
}

/// A word of the grammar of names (`grammar.*`): the closed classes of
/// words that open, end or make up the names the rules read (generic
/// openers, ranks, road and line words, the bodies of compound posts).
/// Each kind is one line per word in `dictionaries/grammar.txt`, found by
/// the one automaton with everything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Grammar {
    /// Makes a name generic when it opens it (`各`, `相关`, `美丽`) (`grammar.generic-opener`).
    GenericOpener,
    /// The rank of a programme or an honour (`省级`, `国家级`) (`grammar.rank`).
    Rank,
    /// A descriptive word of facilities and projects (`基地`, `项目`) (`grammar.facility`).
    Facility,
    /// A word for people (`负责人`, `干部`) (`grammar.people`).
    People,
    /// A noun for companies written after `等` (`企业`, `开发商`) (`grammar.company-noun`).
    CompanyNoun,
    /// A word of a generic group noun (`考察`, `调研` in `工作考察团`) (`grammar.group-word`).
    GroupWord,
    /// Ends a line named by abbreviations (`高铁` in `京沪高铁`) (`grammar.line`).
    Line,
    /// A road word glued after a route number (`国道` in `G205国道`) (`grammar.route`).
    Route,
    /// After a letter and digits, makes them no route (`号`, `地块`, `峰会`) (`grammar.code-unit`).
    CodeUnit,
    /// Ends a road's name before a section's two ends (`线`, `公路`) (`grammar.road-end`).
    RoadEnd,
    /// A unit running a news account, before `发布` (`社区`, `政务`) (`grammar.account-unit`).
    AccountUnit,
    /// Ends an office's name inside a body (`庭` of `审判庭`, `科`) (`grammar.office`).
    Office,
    /// A body a compound post starts with (`党委` of `党委书记`) (`grammar.body-in-role`).
    BodyInRole,
    /// Opens the name of a national body, kept as written (`全国`, `中央`) (`grammar.national`).
    National,
    /// A place's part that names no division (`社区`, `园区`) (`grammar.not-division`).
    NotDivision,
    /// A rank written before a post (`副`, `常务副`, `代理`) (`grammar.rank-prefix`).
    RankPrefix,
    /// Ends a road's or waterway's name, short before it (`路`, `大道`, `浜`) (`grammar.road`).
    Road,
    /// A place suffix whose names are short (`安置点`) (`grammar.short-named`).
    ShortNamed,
    /// A generic noun that names no body before a suffix (`街道`, `平台`) (`grammar.generic-head`).
    GenericHead,
    /// Ends a short body listed by abbreviation (`办`, `中心`, `站`) (`grammar.listed-body`).
    ListedBody,
    /// A room of a building, no body (`活动室`, `会议室`) (`grammar.room`).
    Room,
    /// Names several levels at once (`乡镇`, `两级`) (`grammar.several-levels`).
    SeveralLevels,
    /// Follows a run of province abbreviations glued together (`协作`, `地区`) (`grammar.partnership`).
    Partnership,
    /// Closes a list of province abbreviations (`等地`, `等省`) (`grammar.regions-closer`).
    RegionsCloser,
    /// Ends a news medium's name (`网`, `日报`, `融媒`) (`grammar.media`).
    Media,
    /// A word of location or travel before a place (`在`, `赴`, `抵达`) (`grammar.place-before`).
    PlaceBefore,
    /// Makes a dashed code before it a planning code (`规划`, `用地`) (`grammar.planning`).
    Planning,
    /// A structure named after its road (`高架`, `隧道`) (`grammar.road-structure`).
    RoadStructure,
    /// Makes a one-character verb one of motion (`先后`, `分别`) (`grammar.motion-adverb`).
    MotionAdverb,
    /// Links a person to the post named after (`当选为`, `担任`) (`grammar.appoint-link`).
    AppointLink,
    /// Closes a byline after its last name (`报道`, `摄`) (`grammar.byline-closer`).
    BylineCloser,
    /// Opens the capacity of a project after its owner (`年产`, `日处理`) (`grammar.capacity`).
    Capacity,
    /// The sex between the commas of a résumé, right after its name (`,男,`) (`grammar.resume-sex`).
    ResumeSex,
    /// A mark right after a byline's name (`/文`, `/摄`) (`grammar.byline-mark`).
    BylineMark,
    /// Qualifies a post written in full, dropped at a later mention (`常务`, `专职`) (`grammar.post-qualifier`).
    PostQualifier,
}

impl Grammar {
    /// Every kind, in the order of their bits.
    pub const ALL: [Grammar; 35] = [
        Grammar::GenericOpener,
        Grammar::Rank,
        Grammar::Facility,
        Grammar::People,
        Grammar::CompanyNoun,
        Grammar::GroupWord,
        Grammar::Line,
        Grammar::Route,
        Grammar::CodeUnit,
        Grammar::RoadEnd,
        Grammar::AccountUnit,
        Grammar::Office,
        Grammar::BodyInRole,
        Grammar::National,
        Grammar::NotDivision,
        Grammar::RankPrefix,
        Grammar::Road,
        Grammar::ShortNamed,
        Grammar::GenericHead,
        Grammar::ListedBody,
        Grammar::Room,
        Grammar::SeveralLevels,
        Grammar::Partnership,
        Grammar::RegionsCloser,
        Grammar::Media,
        Grammar::PlaceBefore,
        Grammar::Planning,
        Grammar::RoadStructure,
        Grammar::MotionAdverb,
        Grammar::AppointLink,
        Grammar::BylineCloser,
        Grammar::Capacity,
        Grammar::ResumeSex,
        Grammar::BylineMark,
        Grammar::PostQualifier,
    ];

    /// The kind's name in dictionary files.
    pub const fn as_str(self) -> &'static str {
        match self {
            Grammar::GenericOpener => "grammar.generic-opener",
            Grammar::Rank => "grammar.rank",
            Grammar::Facility => "grammar.facility",
            Grammar::People => "grammar.people",
            Grammar::CompanyNoun => "grammar.company-noun",
            Grammar::GroupWord => "grammar.group-word",
            Grammar::Line => "grammar.line",
            Grammar::Route => "grammar.route",
            Grammar::CodeUnit => "grammar.code-unit",
            Grammar::RoadEnd => "grammar.road-end",
            Grammar::AccountUnit => "grammar.account-unit",
            Grammar::Office => "grammar.office",
            Grammar::BodyInRole => "grammar.body-in-role",
            Grammar::National => "grammar.national",
            Grammar::NotDivision => "grammar.not-division",
            Grammar::RankPrefix => "grammar.rank-prefix",
            Grammar::Road => "grammar.road",
            Grammar::ShortNamed => "grammar.short-named",
            Grammar::GenericHead => "grammar.generic-head",
            Grammar::ListedBody => "grammar.listed-body",
            Grammar::Room => "grammar.room",
            Grammar::SeveralLevels => "grammar.several-levels",
            Grammar::Partnership => "grammar.partnership",
            Grammar::RegionsCloser => "grammar.regions-closer",
            Grammar::Media => "grammar.media",
            Grammar::PlaceBefore => "grammar.place-before",
            Grammar::Planning => "grammar.planning",
            Grammar::RoadStructure => "grammar.road-structure",
            Grammar::MotionAdverb => "grammar.motion-adverb",
            Grammar::AppointLink => "grammar.appoint-link",
            Grammar::BylineCloser => "grammar.byline-closer",
            Grammar::Capacity => "grammar.capacity",
            Grammar::ResumeSex => "grammar.resume-sex",
            Grammar::BylineMark => "grammar.byline-mark",
            Grammar::PostQualifier => "grammar.post-qualifier",
        }
    }
}

/// A set of trigger kinds, one bit each: what one automaton hit triggers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct TriggerSet(u32);
const _: () = assert!(Trigger::ALL.len() <= 32, "a TriggerSet holds 32 kinds");

impl TriggerSet {
    /// Adds `t`.
    pub fn insert(&mut self, t: Trigger) {
        self.0 |= 1 << (t as u32);
    }

    /// True when the set holds `t`.
    pub fn contains(self, t: Trigger) -> bool {
        self.0 & (1 << (t as u32)) != 0
    }

    /// True when the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
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
    /// A word of the genre's grammar a rule looks for (`trigger.*`).
    Trigger(Trigger),
    /// A word of the grammar of names (`grammar.*`).
    Grammar(Grammar),
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
            _ => {
                return Trigger::ALL
                    .into_iter()
                    .find(|t| t.as_str() == s)
                    .map(LexClass::Trigger)
                    .or_else(|| {
                        Grammar::ALL
                            .into_iter()
                            .find(|g| g.as_str() == s)
                            .map(LexClass::Grammar)
                    });
            }
        })
    }

    /// The name used in dictionary files.
    pub const fn as_str(&self) -> &'static str {
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
            LexClass::Trigger(t) => t.as_str(),
            LexClass::Grammar(g) => g.as_str(),
        }
    }

    /// Every class name accepted in dictionary files.
    pub const NAMES: [&'static str; CLASSES] = {
        let mut names = [""; CLASSES];
        let mut i = 0;
        while i < names.len() {
            names[i] = LexClass::ALL[i].as_str();
            i += 1;
        }
        names
    };

    /// True for classes that are places in their own right.
    pub fn is_place(&self) -> bool {
        matches!(
            self,
            LexClass::Division(_) | LexClass::Site | LexClass::PlaceShort
        )
    }
}

impl LexClass {
    /// Every class, in the order of [`LexClass::NAMES`] (which is made
    /// from it).
    const ALL: [LexClass; CLASSES] = {
        let mut all = [LexClass::Stop; CLASSES];
        let fixed = [
            LexClass::Division(Level::Country),
            LexClass::Division(Level::Province),
            LexClass::Division(Level::City),
            LexClass::Division(Level::County),
            LexClass::Division(Level::Town),
            LexClass::Division(Level::Village),
            LexClass::Site,
            LexClass::PlaceShort,
            LexClass::PlaceSuffix,
            LexClass::Org,
            LexClass::OrgSuffix,
            LexClass::TitleRole,
            LexClass::TitleOrg,
            LexClass::Surname,
            LexClass::Person,
            LexClass::NameCue,
            LexClass::Stop,
        ];
        let mut i = 0;
        while i < FIXED {
            all[i] = fixed[i];
            i += 1;
        }
        let mut t = 0;
        while t < Trigger::ALL.len() {
            all[FIXED + t] = LexClass::Trigger(Trigger::ALL[t]);
            t += 1;
        }
        let mut g = 0;
        while g < Grammar::ALL.len() {
            all[FIXED + Trigger::ALL.len() + g] = LexClass::Grammar(Grammar::ALL[g]);
            g += 1;
        }
        all
    };

    /// The class's place in [`LexClass::ALL`].
    pub(super) const fn index(self) -> u32 {
        match self {
            LexClass::Division(l) => l as u32,
            LexClass::Site => 6,
            LexClass::PlaceShort => 7,
            LexClass::PlaceSuffix => 8,
            LexClass::Org => 9,
            LexClass::OrgSuffix => 10,
            LexClass::TitleRole => 11,
            LexClass::TitleOrg => 12,
            LexClass::Surname => 13,
            LexClass::Person => 14,
            LexClass::NameCue => 15,
            LexClass::Stop => 16,
            LexClass::Trigger(t) => FIXED as u32 + t as u32,
            LexClass::Grammar(g) => (FIXED + Trigger::ALL.len()) as u32 + g as u32,
        }
    }
}

/// The classes that are not word kinds (`place.*` … `stop`).
const FIXED: usize = 17;

/// How many classes there are: one bit each in a [`ClassSet`].
pub(super) const CLASSES: usize = FIXED + Trigger::ALL.len() + Grammar::ALL.len();
const _: () = assert!(CLASSES <= 128, "a ClassSet holds 128 classes");

/// A set of classes, one bit each: what the entries of one pattern are,
/// read with one load instead of a walk through the entries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ClassSet(u128);

impl ClassSet {
    /// Adds `class`.
    pub fn insert(&mut self, class: LexClass) {
        self.0 |= 1 << class.index();
    }

    /// True when a class of the set satisfies `pred`.
    pub fn any(self, mut pred: impl FnMut(LexClass) -> bool) -> bool {
        let mut bits = self.0;
        while bits != 0 {
            let i = bits.trailing_zeros();
            if pred(LexClass::ALL[i as usize]) {
                return true;
            }
            bits &= bits - 1;
        }
        false
    }

    /// Every division, whatever its level (`LexClass::Division(_)`).
    pub const DIVISIONS: ClassSet = ClassSet::of_kind(Kind::Division);

    /// Every trigger, whatever its kind (`LexClass::Trigger(_)`).
    pub const TRIGGERS: ClassSet = ClassSet::of_kind(Kind::Trigger);

    /// Every class a place of the lexicon is read from: divisions, sites
    /// and short forms.
    pub const PLACES: ClassSet = ClassSet::of_kind(Kind::Place);

    /// The classes of a word that names or ends a body: a body of the
    /// lexicon, a body's suffix, or a body written before a post.
    pub const BODY_WORDS: ClassSet = ClassSet::of_kind(Kind::BodyWord);

    /// The classes of one kind, worked out at compile time.
    const fn of_kind(kind: Kind) -> ClassSet {
        let mut bits = 0;
        let mut i = 0;
        while i < CLASSES {
            let of_kind = match kind {
                Kind::Division => matches!(LexClass::ALL[i], LexClass::Division(_)),
                Kind::Trigger => matches!(LexClass::ALL[i], LexClass::Trigger(_)),
                Kind::Place => matches!(
                    LexClass::ALL[i],
                    LexClass::Division(_) | LexClass::Site | LexClass::PlaceShort
                ),
                Kind::BodyWord => matches!(
                    LexClass::ALL[i],
                    LexClass::Org | LexClass::OrgSuffix | LexClass::TitleOrg
                ),
            };
            if of_kind {
                bits |= 1 << i;
            }
            i += 1;
        }
        ClassSet(bits)
    }

    /// True when the set holds `class`: one bit read, where
    /// [`ClassSet::any`] walks the set's classes.
    pub fn contains(self, class: LexClass) -> bool {
        self.0 & (1 << class.index()) != 0
    }
}

/// The classes with a parameter, for [`ClassSet::of_kind`].
#[derive(Clone, Copy)]
enum Kind {
    Division,
    Trigger,
    Place,
    BodyWord,
}

/// What a rule asks of the classes of a pattern: one class (a bit test)
/// or any predicate on a class (a walk through the pattern's classes).
/// `scan.hit_is(hit, LexClass::Stop)` asks what
/// `scan.hit_is(hit, |c| c == LexClass::Stop)` asks, in a few instructions.
pub(crate) trait ClassTest {
    /// True when a class of `set` passes the test.
    fn holds_in(&self, set: ClassSet) -> bool;
}

impl ClassTest for LexClass {
    fn holds_in(&self, set: ClassSet) -> bool {
        set.contains(*self)
    }
}

/// Any of the classes (`[LexClass::Org, LexClass::OrgSuffix]`).
impl<const N: usize> ClassTest for [LexClass; N] {
    fn holds_in(&self, set: ClassSet) -> bool {
        self.iter().any(|&c| set.contains(c))
    }
}

/// Any class of the set ([`ClassSet::DIVISIONS`]).
impl ClassTest for ClassSet {
    fn holds_in(&self, set: ClassSet) -> bool {
        self.0 & set.0 != 0
    }
}

impl<F: Fn(LexClass) -> bool> ClassTest for F {
    fn holds_in(&self, set: ClassSet) -> bool {
        set.any(self)
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
    fn every_class_has_its_own_bit() {
        for (i, c) in LexClass::ALL.iter().enumerate() {
            assert_eq!(c.index() as usize, i);
        }
        let mut set = ClassSet::default();
        assert!(!set.any(|_| true));
        set.insert(LexClass::Surname);
        set.insert(LexClass::Division(Level::Town));
        let mut seen = Vec::new();
        assert!(!set.any(|c| {
            seen.push(c);
            false
        }));
        assert_eq!(seen, [LexClass::Division(Level::Town), LexClass::Surname]);
        assert!(set.any(|c| c == LexClass::Surname));
        assert!(!set.any(|c| c == LexClass::Org));
        assert!(ClassSet::DIVISIONS.holds_in(set));
        assert!(!ClassSet::TRIGGERS.holds_in(set));
        for c in LexClass::ALL {
            let mut one = ClassSet::default();
            one.insert(c);
            assert_eq!(
                ClassSet::DIVISIONS.holds_in(one),
                matches!(c, LexClass::Division(_))
            );
            assert_eq!(
                ClassSet::TRIGGERS.holds_in(one),
                matches!(c, LexClass::Trigger(_))
            );
        }
        // One class is asked with one bit, the same answer.
        for c in LexClass::ALL {
            assert_eq!(set.contains(c), set.any(|k| k == c), "{c}");
        }
    }

    #[test]
    fn names_round_trip() {
        for n in LexClass::NAMES {
            assert_eq!(LexClass::parse(n).map(|c| c.as_str()), Some(n));
        }
    }
}

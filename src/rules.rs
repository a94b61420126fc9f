//! Rule ids: every entity, relation and rejected candidate says which rule
//! made or rejected it.
//!
//! A [`Rule`] is a small `Copy` value carried by every candidate inside the
//! recognisers and relation rules, so provenance costs nothing unless it is
//! asked for ([`crate::Options::explain`], `govkg tag --explain`). Its
//! [`name`](Rule::name) is what the JSON output's `"rule"` field holds, and
//! what `govkg eval --by-rule` groups by.
//!
//! ```
//! use govkg::Rule;
//! assert_eq!(Rule::PersonAfterTitle.name(), "person.after-title");
//! assert_eq!(Rule::from_name("person.after-title"), Some(Rule::PersonAfterTitle));
//! assert!(Rule::ALL.iter().all(|r| !r.doc().is_empty()));
//! ```

macro_rules! rules {
    ($( $(#[doc = $doc:literal])+ $variant:ident => $name:literal, )*) => {
        /// A named rule of the recognisers or the relation rules.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Rule {
            $( $(#[doc = $doc])+ $variant, )*
        }

        impl Rule {
            /// Every rule, in declaration order (by pipeline stage).
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The rule's stable name (`person.after-title`).
            pub fn name(self) -> &'static str {
                match self { $(Rule::$variant => $name,)* }
            }

            /// What the rule does, in one line (its doc comment).
            pub fn doc(self) -> &'static str {
                match self { $(Rule::$variant => concat!($($doc),+).trim_ascii(),)* }
            }

            /// The rule with this name.
            pub fn from_name(name: &str) -> Option<Rule> {
                match name { $($name => Some(Rule::$variant),)* _ => None }
            }
        }
    };
}

rules! {
    // ---- dates and plots ----
    /// A calendar date or year written with digits or numerals (`11月20日`, `2018年`).
    Date => "date.pattern",
    /// A plot code with its classifier (`373地块`, `05-08地块`, `04单元`, `J7街坊`).
    PlotCode => "plot.code",
    /// A bare code that shares the classifier of the next list item (`3#、6#地块` → `3#`).
    PlotSharedClassifier => "plot.shared-classifier",
    /// A coded planning unit (`N010203单元`) or a code in parentheses after a named unit.
    PlotUnitCode => "plot.unit-code",
    /// A bare code in a planning context (`将02-215规划为…`).
    PlotBareCode => "plot.bare-code",
    /// A block numbered in words (`十二街坊二期`, `东一地块`, `三号地块`).
    PlotWordNumber => "plot.word-number",
    // ---- places ----
    /// A division or named site of the lexicon, where it stands as a word.
    PlaceLexicon => "place.lexicon",
    /// A short form with its level character (`湘西州`).
    PlaceShortWithLevel => "place.short-with-level",
    /// A town the segmenter read across its end, named as a word elsewhere.
    PlaceNamedAgain => "place.named-again",
    /// A site's name found elsewhere in the document, standing on its own again.
    PlaceMentionedAgain => "place.mentioned-again",
    /// A one-character abbreviation after a verb of movement (`来徐考察`).
    PlaceMovement => "place.movement",
    /// A name ending in a place suffix (`宝铭路`, `莲浦府邸`, `七宝老街`).
    PlaceSuffix => "place.suffix",
    /// An unknown or proper word ending in a place suffix (`桃源村`).
    PlaceSuffixWord => "place.suffix-word",
    /// A village written right after its town (`果园镇篓子村`).
    PlaceVillageAfterTown => "place.village-after-town",
    /// A road, river or line named before its road word (`中山路`, `嘉闵线`).
    PlaceRoad => "place.road",
    /// Divisions glued into one chain (`闵行区七宝镇`).
    PlaceChain => "place.chain",
    /// A numbered part glued to a place (`东方花园三期`, `七宝村8队`).
    PlaceNumberedPart => "place.numbered-part",
    /// A numbered route (`G50`, `S309线`).
    PlaceRoute => "place.route",
    /// The two ends of a road section (`某某线甲地至乙地段`).
    PlaceSectionEnd => "place.section-end",
    /// A rail or road line named by the abbreviations of the places it joins (`沪宁高速`).
    PlaceLine => "place.line",
    /// Provinces named by their one-character abbreviations side by side (`闽宁协作`, `皖、赣等地`).
    PlacePairedAbbreviations => "place.paired-abbreviations",
    /// A site of a visit list whose name has no suffix, typed as a place by its siblings.
    PlaceVisitSite => "place.visit-site",
    /// An item of a visit list read whole up to its place suffix or `基地` (`某某现代农业示范园`).
    PlaceSiteItem => "place.site-item",
    // ---- organisations ----
    /// An organisation of the lexicon (`国务院`, `区委`).
    OrgLexicon => "org.lexicon",
    /// A body the segmenter knows whole (`/nt`) that ends in a body of the lexicon (`某某特区政府`, not `区政府`).
    OrgSegmenterWord => "org.segmenter-word",
    /// A name ending in an organisation suffix (`有限公司`, `中学`, `局`).
    OrgSuffix => "org.suffix",
    /// A company named in full from the region it is registered in (`某省某某新材料有限公司`).
    OrgCompany => "org.company",
    /// A company with its region in parentheses (`某某(福建)有限公司`).
    OrgRegionInParentheses => "org.region-in-parentheses",
    /// A body named from a level and a body word (`镇文明办`, `区城管执法局`).
    OrgLevelAnchored => "org.level-anchored",
    /// An abbreviated body in a list of bodies (`发改局、财政局`).
    OrgListItem => "org.list-item",
    /// A numbered or named group (`第二督导组`, `市人大常委会视察调研组`).
    OrgGroup => "org.group",
    /// A group named by its year and batch (`2024年第二批某国干部考察团`).
    OrgBatchGroup => "org.batch-group",
    /// A government news account (`某某发布`).
    OrgAccount => "org.account",
    /// A school named by its place and number (`某某一中`, `某某三小`).
    OrgNumberedSchool => "org.numbered-school",
    /// A news medium named as a source (`来源:某某新闻网`, `某某融媒讯`).
    OrgMedia => "org.media",
    /// A body named by its parent and its unit (`县农业局监控中心`, `区文化馆分馆`).
    OrgParentUnit => "org.parent-unit",
    /// A site of a visit list whose name has no suffix, typed as a body by its siblings.
    OrgVisitSite => "org.visit-site",
    /// An item of a visit list read whole up to its body suffix (`某某县第二中学`).
    OrgSiteItem => "org.site-item",
    /// A body's name found elsewhere in the document, standing on its own again.
    OrgMentionedAgain => "org.mentioned-again",
    /// A company named before the capacity of its project in a visit list
    /// (`某某年产300吨某某项目` → `某某`).
    OrgProjectOwner => "org.project-owner",
    /// The body a title opens with (`某省委` in `某省委书记`), reported nested in it.
    OrgTitleBody => "org.title-body",
    /// A body of a place written with the party's name before it (`中共` + `某省委`).
    OrgPartyPrefix => "org.party-prefix",
    /// A body of the lexicon with its country, province, city or county glued before it (`某市` + `农发行`).
    OrgPlacedBody => "org.placed-body",
    // ---- titles ----
    /// A post with the organisation glued before it (`区委副书记`).
    Title => "title.post",
    /// A post right after a well-known person (`习近平总书记`).
    TitleAfterPerson => "title.after-person",
    /// A post named as held, given up or removed, before `职务`
    /// (`辞去某县人民政府县长职务`), with or without a person after it.
    TitleHeldPost => "title.held-post",
    // ---- persons ----
    /// A name after a title (`区委副书记于勇`) or in the list after one.
    PersonAfterTitle => "person.after-title",
    /// A name before a cue word (`严俊表示`, `施继平率`).
    PersonBeforeCue => "person.before-cue",
    /// A name after a generic leader word (`镇领导季良`).
    PersonAfterLeaderWord => "person.after-leader-word",
    /// A name after an honour or a community role (`村民李某`).
    PersonAfterHonour => "person.after-honour",
    /// A name in a byline (`(通讯员 张琳子)`, `高志强/文`, `(舒畅)`).
    PersonByline => "person.byline",
    /// A well-known person of the lexicon.
    PersonKnown => "person.known",
    /// A later mention of a name the document has established.
    PersonDocumentCache => "person.document-cache",
    /// A name the segmenter tags as a person, confirmed by its context.
    PersonSegmenter => "person.segmenter",
    /// A transliterated or minority name joined by `·` (`买买提·艾力`).
    PersonTransliterated => "person.transliterated",
    /// A transliterated name after a post, read over its sound characters (`部长沙利卡什维利`).
    PersonForeign => "person.foreign",
    /// An item of a list of names whose other items are persons (`甲、乙、丙为副主席`).
    PersonListItem => "person.list-item",
    /// A name after a verb that takes a person (`任命`, `会见`, `看望`).
    PersonAfterVerb => "person.after-verb",
    /// A name between a body and a post (`某某局张三副局长`).
    PersonBeforePost => "person.before-post",
    /// A rare word of the segmenter's dictionary, opening with a clear
    /// surname, right after a post (`国务委员罗干`).
    PersonRareWordAfterTitle => "person.rare-word-after-title",
    // ---- siblings ----
    /// An item of an enumeration typed by its named siblings.
    EnumerationSibling => "enumeration.sibling",
    /// Every later mention of a place or body the document has established.
    DocumentConsistency => "document.consistency",
    // ---- rejections ----
    /// Lost to an overlapping span that is longer or of a stronger type.
    RejectOverlap => "reject.overlap",
    /// Inside a set phrase that is no entity (`河长制`, `城中村`).
    RejectStopPhrase => "reject.stop-phrase",
    /// A generic body (`县人大代表`, `各街道办事处`).
    RejectGenericBody => "reject.generic-body",
    /// The issuer code of a document number (`某政办〔2023〕12号`).
    RejectDocumentNumber => "reject.document-number",
    /// A name inside a longer organisation or place.
    RejectInsideName => "reject.inside-name",
    /// A title with no person named beside it.
    RejectTitleWithoutPerson => "reject.title-without-person",
    /// A body's name that ends in a post (`县委常委`, `市政协委员`) or a
    /// word for people (`村组干部`): a post, or people.
    RejectEndsInPost => "reject.ends-in-post",
    /// A segmenter person tag without enough evidence.
    RejectUnconfirmedPerson => "reject.unconfirmed-person",
    // ---- relations ----
    /// VISIT: the visiting group of a visit clause and the sites it governs.
    VisitClause => "visit.clause",
    /// VISIT: a site framed before the clause (`在A,甲一行察看…`).
    VisitFrame => "visit.frame",
    /// VISIT: a later sentence that carries the group on (`一行`, `随后来到`).
    VisitContinued => "visit.continued",
    /// VISIT: a participant on the visitors' side (`乙参加调研`).
    VisitParticipant => "visit.participant",
    /// VISIT: participants with no group before are the visitors of a visit no subject names.
    VisitParticipantsOnly => "visit.participants-only",
    /// VISIT: lists paired in order by `分别`.
    VisitRespectively => "visit.respectively",
    /// LEADS: a title next to a person, its body resolved from the article.
    LeadsTitle => "leads.title",
    /// LEADS: an appointment or election (`任命甲为副区长`).
    LeadsAppointment => "leads.appointment",
    /// LEADS: a post of a party committee or group, or of the body it leads (`某局党委书记、局长` → 某局).
    LeadsPartyBody => "leads.party-body",
    /// LEADS: a party department after a committee post (`县委常委、宣传部部长` → 县委宣传部).
    LeadsPartyDepartment => "leads.party-department",
    /// LEADS: a division's short form at a title's head (`青山党委书记` → 青山镇党委).
    LeadsShortForm => "leads.short-form",
    /// LEADS: a congress's `主任` serves its standing committee (`县人大主任` → 县人大常委会).
    LeadsStandingCommittee => "leads.standing-committee",
    /// LEADS: a body glued to its post in a list (`县委常委、组织部长` → 县委组织部).
    LeadsCollapsedBody => "leads.collapsed-body",
    /// LEADS: a bare `某长` post of the body named before it in the sentence (`来到某中学,校长乙`).
    LeadsHeadPostBody => "leads.head-post-body",
    /// ACCOMPANY: a named companion (`陪同`) of every visitor.
    Accompany => "accompany.companion",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for &r in Rule::ALL {
            assert!(seen.insert(r.name()), "{} twice", r.name());
            assert_eq!(Rule::from_name(r.name()), Some(r));
            assert!(!r.doc().is_empty());
        }
        assert_eq!(Rule::from_name("no.such-rule"), None);
    }
}

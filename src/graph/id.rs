//! Node identity: [`NodeKind`], [`NodeId`] and the name normalisation that
//! decides when two mentions are the same node.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum NodeKind {
    /// A person (`于勇`).
    Person,
    /// An organisation (`七宝镇党委`).
    Org,
    /// A place (`七宝镇`, `宝铭路`).
    Place,
    /// A land plot or planning unit (`373地块`).
    Plot,
}

impl NodeKind {
    /// Every kind, in [`NodeId`] order.
    pub const ALL: [NodeKind; 4] = [
        NodeKind::Person,
        NodeKind::Org,
        NodeKind::Place,
        NodeKind::Plot,
    ];

    /// The prefix of a [`NodeId`] (`person`, `org`, `place`, `plot`).
    pub fn as_str(&self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::Org => "org",
            NodeKind::Place => "place",
            NodeKind::Plot => "plot",
        }
    }

    /// The spec's type name (`PERSON`, `ORG`, `PLACE`, `PLOT`).
    pub fn type_name(&self) -> &'static str {
        match self {
            NodeKind::Person => "PERSON",
            NodeKind::Org => "ORG",
            NodeKind::Place => "PLACE",
            NodeKind::Plot => "PLOT",
        }
    }

    /// A label in the Neo4j style (`Person`, `Org`, `Place`, `Plot`).
    pub fn label(&self) -> &'static str {
        match self {
            NodeKind::Person => "Person",
            NodeKind::Org => "Org",
            NodeKind::Place => "Place",
            NodeKind::Plot => "Plot",
        }
    }

    /// Parses a prefix or a type name, in any case (`place`, `PLACE`, `Place`).
    ///
    /// ```
    /// use govkg::graph::NodeKind;
    /// assert_eq!(NodeKind::parse("Place"), Some(NodeKind::Place));
    /// assert_eq!(NodeKind::parse("title"), None);
    /// ```
    pub fn parse(s: &str) -> Option<NodeKind> {
        NodeKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s))
    }

    /// The node kind of an entity kind (`TITLE` and `DATE` make no nodes).
    pub fn of_entity(kind: crate::EntityKind) -> Option<NodeKind> {
        use crate::EntityKind as E;
        match kind {
            E::Person => Some(NodeKind::Person),
            E::Org => Some(NodeKind::Org),
            E::Place => Some(NodeKind::Place),
            E::Plot => Some(NodeKind::Plot),
            _ => None,
        }
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The stable identity of a node: its kind, its normalised name and, when
/// the name alone does not say which one is meant, its **jurisdiction**:
/// written `kind:name` or `kind:name@jurisdiction` (`person:于勇@闵行区`,
/// `place:七宝镇`, `place:城关镇@施甸县`).
///
/// The jurisdiction is where a person holds posts or the article places
/// them (`王伟@青山区`, `习近平@全国` for a national leader), and for a place
/// whose name is shared by places in several counties or provinces, the
/// place it lies in (`城关镇@施甸县`); see the [graph docs](super) for how
/// it is decided. An `@` in a name is stored as the full-width `＠`, so
/// that the first `@` of an id always begins its jurisdiction.
///
/// Unlike a petgraph index, a `NodeId` never changes when nodes are added,
/// removed or merged, and it is the same in every graph built from the same
/// mentions: it is what exports write and what queries take.
///
/// ```
/// use govkg::graph::{NodeId, NodeKind};
/// let id = NodeId::new(NodeKind::Place, "七宝\n\n镇");
/// assert_eq!(id.name(), "七宝镇");
/// assert_eq!(id.to_string(), "place:七宝镇");
/// assert_eq!("place:七宝镇".parse::<NodeId>().unwrap(), id);
/// let wang = NodeId::with_jurisdiction(NodeKind::Person, "王伟", Some("青山区"));
/// assert_eq!(wang.to_string(), "person:王伟@青山区");
/// assert_eq!(wang.jurisdiction(), Some("青山区"));
/// assert_eq!("person:王伟@青山区".parse::<NodeId>().unwrap(), wang);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId {
    kind: NodeKind,
    name: Box<str>,
    jurisdiction: Option<Box<str>>,
}

impl NodeId {
    /// The id of a `kind` node named `name` (normalised with
    /// [`normalize_name`]), without a jurisdiction.
    pub fn new(kind: NodeKind, name: &str) -> Self {
        Self::with_jurisdiction(kind, name, None)
    }

    /// The id of a `kind` node named `name` in `jurisdiction` (both
    /// normalised; an empty jurisdiction is none).
    pub fn with_jurisdiction(kind: NodeKind, name: &str, jurisdiction: Option<&str>) -> Self {
        NodeId {
            kind,
            name: id_part(name),
            jurisdiction: jurisdiction.map(id_part).filter(|j| !j.is_empty()),
        }
    }

    /// The id written `name` or `name@jurisdiction` (as in a node's key,
    /// without its kind).
    pub fn from_key(kind: NodeKind, key: &str) -> Self {
        match key.split_once('@') {
            Some((name, j)) => Self::with_jurisdiction(kind, name, Some(j)),
            None => Self::new(kind, key),
        }
    }

    /// The kind.
    pub fn kind(&self) -> NodeKind {
        self.kind
    }

    /// The normalised name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The jurisdiction the node is keyed in, if any (`青山区` of
    /// `person:王伟@青山区`).
    pub fn jurisdiction(&self) -> Option<&str> {
        self.jurisdiction.as_deref()
    }

    /// The id without its kind: `name` or `name@jurisdiction`.
    pub fn key(&self) -> String {
        match &self.jurisdiction {
            Some(j) => format!("{}@{j}", self.name),
            None => self.name.to_string(),
        }
    }
}

/// A name or jurisdiction as an id holds it: normalised, `@` full-width.
fn id_part(s: &str) -> Box<str> {
    let n = normalize_name(s);
    if n.contains('@') {
        n.replace('@', "\u{FF20}").into_boxed_str()
    } else {
        n.into_boxed_str()
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind.as_str(), self.name)?;
        if let Some(j) = &self.jurisdiction {
            write!(f, "@{j}")?;
        }
        Ok(())
    }
}

/// The error of parsing a [`NodeId`] from `kind:name`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseNodeIdError(String);

impl fmt::Display for ParseNodeIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a node id (expected KIND:NAME or KIND:NAME@PLACE with KIND one of person, org, place, plot)",
            self.0
        )
    }
}

impl std::error::Error for ParseNodeIdError {}

impl FromStr for NodeId {
    type Err = ParseNodeIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseNodeIdError(s.to_string());
        let (kind, key) = s.split_once(':').ok_or_else(err)?;
        let kind = NodeKind::parse(kind).ok_or_else(err)?;
        let id = NodeId::from_key(kind, key);
        if id.name.is_empty() {
            return Err(err());
        }
        Ok(id)
    }
}

impl Serialize for NodeId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for NodeId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Normalises a name as written into the form nodes are keyed by.
///
/// - Full-width ASCII forms are folded (`０１－０２地块` → `01-02地块`) and the
///   ideographic space is a space.
/// - Whitespace next to a CJK character or holding a line break is removed:
///   PDF extraction breaks names (`区\n\n市场监管局` → `区市场监管局`).
/// - Other whitespace (between Latin words) becomes one space; the ends are
///   trimmed.
///
/// ```
/// use govkg::graph::normalize_name;
/// assert_eq!(normalize_name(" 区\n\n市场监管局 "), "区市场监管局");
/// assert_eq!(normalize_name("Donald   Trump"), "Donald Trump");
/// assert_eq!(normalize_name("０１－０２地块"), "01-02地块");
/// ```
pub fn normalize_name(s: &str) -> String {
    // Nearly every name is already normal: no white space, no full-width
    // forms. Those are copied as they are.
    if !s.chars().any(|c| c.is_whitespace() || fold_width(c) != c) {
        return s.to_owned();
    }
    fold_and_space(s)
}

/// [`normalize_name`] the long way, for any name.
fn fold_and_space(s: &str) -> String {
    let folded: Vec<char> = s.chars().map(fold_width).collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < folded.len() {
        let c = folded[i];
        if !c.is_whitespace() {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        while i < folded.len() && folded[i].is_whitespace() {
            i += 1;
        }
        let run = &folded[start..i];
        let before = start.checked_sub(1).map(|j| folded[j]);
        let after = folded.get(i).copied();
        let at_edge = before.is_none() || after.is_none();
        let breaks = run.iter().any(|&c| c == '\n' || c == '\r');
        let cjk = before.is_some_and(is_wide) || after.is_some_and(is_wide);
        if !(at_edge || breaks || cjk) {
            out.push(' ');
        }
    }
    out
}

/// Folds a full-width ASCII form to ASCII and the ideographic space to a space.
fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// True for characters written without spaces between them (CJK and
/// full-width punctuation).
fn is_wide(c: char) -> bool {
    !c.is_ascii() && !c.is_whitespace() && !c.is_alphabetic()
        || matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_copy_of_normal_names_is_what_the_long_way_gives(
            s in "[七宝镇 a-zＡ-Ｚ０-９\u{3000}\n\t-]{0,12}"
        ) {
            proptest::prop_assert_eq!(normalize_name(&s), fold_and_space(&s));
        }
    }

    #[test]
    fn whitespace_inside_chinese_names_goes() {
        assert_eq!(normalize_name("七宝\n镇"), "七宝镇");
        assert_eq!(normalize_name("七 宝 镇"), "七宝镇");
        assert_eq!(normalize_name("七宝\u{3000}镇"), "七宝镇");
        assert_eq!(normalize_name("\t于勇\r\n"), "于勇");
    }

    #[test]
    fn latin_words_keep_one_space() {
        assert_eq!(normalize_name("New \t York"), "New York");
        assert_eq!(normalize_name("New\nYork"), "NewYork");
    }

    #[test]
    fn full_width_forms_fold() {
        assert_eq!(normalize_name("３７３地块"), "373地块");
        assert_eq!(normalize_name("ＡＢＣ公司"), "ABC公司");
    }

    #[test]
    fn ids_parse_and_print() {
        let id: NodeId = "PERSON:于勇".parse().unwrap();
        assert_eq!(id, NodeId::new(NodeKind::Person, "于勇"));
        assert_eq!(id.to_string(), "person:于勇");
        // Names may hold a colon; only the first one separates the kind.
        let id: NodeId = "org:A:B".parse().unwrap();
        assert_eq!(id.name(), "A:B");
        assert!("于勇".parse::<NodeId>().is_err());
        assert!("title:区委书记".parse::<NodeId>().is_err());
        assert!("person: \n".parse::<NodeId>().is_err());
    }

    #[test]
    fn ids_carry_a_jurisdiction() {
        let id: NodeId = "person:王伟@武汉市青山区".parse().unwrap();
        assert_eq!(id.name(), "王伟");
        assert_eq!(id.jurisdiction(), Some("武汉市青山区"));
        assert_eq!(id.key(), "王伟@武汉市青山区");
        assert_eq!(id.to_string(), "person:王伟@武汉市青山区");
        assert_eq!(NodeId::from_key(NodeKind::Person, "王伟@武汉市青山区"), id);
        // An empty jurisdiction is none; an empty name is no id.
        assert_eq!(
            "person:王伟@".parse::<NodeId>().unwrap().jurisdiction(),
            None
        );
        assert!("person:@青山区".parse::<NodeId>().is_err());
        // An @ in a name is kept full-width, so that ids read back.
        let odd = NodeId::new(NodeKind::Org, "a@b");
        assert_eq!(odd.name(), "a\u{FF20}b");
        assert_eq!(odd.to_string().parse::<NodeId>().unwrap(), odd);
        // The nodes of one name sort together, the one without a
        // jurisdiction first.
        let mut ids = [
            NodeId::with_jurisdiction(NodeKind::Person, "王伟", Some("青山区")),
            NodeId::new(NodeKind::Person, "王伟伟"),
            NodeId::new(NodeKind::Person, "王伟"),
            NodeId::with_jurisdiction(NodeKind::Person, "王伟", Some("七宝镇")),
        ];
        ids.sort();
        let keys: Vec<String> = ids.iter().map(NodeId::key).collect();
        assert_eq!(keys, ["王伟", "王伟@七宝镇", "王伟@青山区", "王伟伟"]);
    }

    #[test]
    fn ids_order_by_kind_then_name() {
        let mut ids = [
            NodeId::new(NodeKind::Place, "七宝镇"),
            NodeId::new(NodeKind::Person, "于勇"),
            NodeId::new(NodeKind::Person, "严俊"),
        ];
        ids.sort();
        let names: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
        assert_eq!(names, ["person:严俊", "person:于勇", "place:七宝镇"]);
    }

    #[test]
    fn ids_serialize_as_strings() {
        let id = NodeId::new(NodeKind::Org, "七宝镇党委");
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, "\"org:七宝镇党委\"");
        assert_eq!(serde_json::from_str::<NodeId>(&json).unwrap(), id);
        assert!(serde_json::from_str::<NodeId>("\"nonsense\"").is_err());
    }
}

//! Saving and loading a whole graph as JSON, without loss.
//!
//! # The saved form
//!
//! One JSON object, one node or edge per line (so files diff well):
//!
//! ```text
//! {"format":"govkg-graph","version":2,
//! "nodes":[
//! {"id":"person:于勇@闵行区","kind":"PERSON","name":"于勇","jurisdiction":"闵行区","mentions":[["000",125,127],["001",8,10]],
//!  "identities":[{"place":["上海市","闵行区"],"shown":1,"mentions":[0]},{"mentions":[1]}]},
//! {"id":"place:七宝镇","kind":"PLACE","name":"七宝镇","aliases":["七宝"],"parents":["上海市/闵行区"],"mentions":[["000",44,47]]},
//! …],
//! "edges":[
//! {"source":"person:于勇@闵行区","target":"place:七宝镇","type":"VISIT","doc":"000","date":"11月20日","when":"2018-11-20","purpose":"督查","evidence":{"start":118,"end":190,"text":"…"},"source_identity":0},
//! …]}
//! ```
//!
//! A mention is `[document id, start, end]` in code points. `parents` lists
//! the lexicon's parent chains of a place (`*` when the lexicon marks it
//! ambiguous). A person's `identities` say where each document placed it
//! (the indices of its mentions, with the `place` chain and how many of its
//! last names the written jurisdiction glues, `national`, or neither for
//! nowhere), and an edge's `source_identity` and `target_identity` which of
//! them a person end is: merging regroups persons from them (see
//! [`super::identity`]). Nodes and edges are written in sorted order, so
//! equal graphs give equal files.
//!
//! Graphs saved in version 1, before jurisdictions, are read as persons
//! placed nowhere.

use super::identity::Juris;
use super::jurisdiction::PlaceRef;
use super::{EdgeData, EdgeFacts, EdgeKind, KnowledgeGraph, Mention, NodeData, NodeId, NodeKind};
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufWriter, Read, Write};
use std::path::Path;

/// The `format` field of a saved graph.
const FORMAT: &str = "govkg-graph";
/// The version this code writes.
const VERSION: u32 = 2;
/// The versions this code reads: 1 had no jurisdictions.
const READS: [u32; 2] = [1, 2];

#[derive(Serialize, Deserialize)]
struct Header {
    format: String,
    version: u32,
}

#[derive(Serialize, Deserialize)]
struct SavedNode {
    id: NodeId,
    kind: NodeKind,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    jurisdiction: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    parents: Vec<String>,
    #[serde(default)]
    mentions: Vec<(String, usize, usize)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    identities: Vec<SavedIdentity>,
}

/// Where documents placed some of a person's mentions.
#[derive(Serialize, Deserialize)]
struct SavedIdentity {
    /// A place's chain, top down.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    place: Vec<String>,
    /// How many of the chain's last names the written jurisdiction glues.
    #[serde(default, skip_serializing_if = "is_zero")]
    shown: usize,
    /// A national figure.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    national: bool,
    /// Indices into the node's mentions.
    mentions: Vec<usize>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl SavedIdentity {
    fn juris(&self) -> Option<Juris> {
        match (self.national, self.place.is_empty()) {
            (true, true) => Some(Juris::National),
            (false, true) => (self.shown == 0).then_some(Juris::Unknown),
            (false, false) => {
                PlaceRef::from_parts(self.place.clone(), self.shown).map(Juris::place)
            }
            (true, false) => None,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct SavedEvidence {
    start: usize,
    end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct SavedEdge {
    source: NodeId,
    target: NodeId,
    #[serde(rename = "type")]
    kind: EdgeKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    doc: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    when: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    purpose: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    evidence: Option<SavedEvidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source_identity: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    target_identity: Option<usize>,
}

/// The header of a saved graph; every other field is skipped.
#[derive(Deserialize)]
struct Probe {
    format: Option<String>,
    version: Option<u32>,
}

#[derive(Deserialize)]
struct SavedGraph {
    #[serde(default)]
    nodes: Vec<SavedNode>,
    #[serde(default)]
    edges: Vec<SavedEdge>,
}

impl KnowledgeGraph {
    /// Writes the whole graph as JSON (see the module docs for the form).
    ///
    /// ```
    /// use govkg::{Extractor, graph::KnowledgeGraph};
    /// let ex = Extractor::new();
    /// let g = KnowledgeGraph::from_documents([&ex.extract("a", "区委副书记于勇来到七宝镇。")], ex.lexicon());
    /// let mut buf = Vec::new();
    /// g.save(&mut buf)?;
    /// assert_eq!(KnowledgeGraph::load(buf.as_slice())?, g);
    /// # Ok::<(), govkg::Error>(())
    /// ```
    pub fn save<W: Write>(&self, out: W) -> Result<()> {
        self.save_named(out, "<output>")
    }

    /// Saves the graph to a file.
    pub fn save_file(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let f = std::fs::File::create(path).map_err(|e| io(path, e))?;
        self.save_named(f, &path.display().to_string())
    }

    fn save_named<W: Write>(&self, out: W, name: &str) -> Result<()> {
        let mut w = BufWriter::new(out);
        let fail = |e: std::io::Error| io(Path::new(name), e);
        let header = serde_json::to_string(&Header {
            format: FORMAT.into(),
            version: VERSION,
        })
        .expect("a header serializes");
        // `{"format":…,"version":1` without its closing brace.
        w.write_all(&header.as_bytes()[..header.len() - 1])
            .map_err(fail)?;
        w.write_all(b",\n\"nodes\":[").map_err(fail)?;
        for (i, n) in self.nodes().enumerate() {
            let data = &self.graph[n.ix()];
            let mut parents: Vec<String> = data.parents.iter().map(|c| c.join("/")).collect();
            if data.parents_ambiguous {
                parents.push("*".into());
            }
            let index: BTreeMap<&Mention, usize> = data
                .mentions
                .iter()
                .enumerate()
                .map(|(i, m)| (m, i))
                .collect();
            let identities = data
                .identities
                .iter()
                .map(|(j, ms)| {
                    let (place, shown) = match j {
                        Juris::Place(p) => (p.chain().to_vec(), p.shown()),
                        _ => (Vec::new(), 0),
                    };
                    SavedIdentity {
                        place,
                        shown,
                        national: *j == Juris::National,
                        mentions: ms.iter().filter_map(|m| index.get(m).copied()).collect(),
                    }
                })
                .collect();
            let saved = SavedNode {
                id: data.id.clone(),
                kind: data.id.kind(),
                name: data.id.name().to_string(),
                jurisdiction: data.id.jurisdiction().map(str::to_string),
                aliases: data.aliases.iter().cloned().collect(),
                parents,
                mentions: data
                    .mentions
                    .iter()
                    .map(|m| (m.doc.clone(), m.start, m.end))
                    .collect(),
                identities,
            };
            w.write_all(if i == 0 { b"\n" } else { b",\n" })
                .map_err(fail)?;
            serde_json::to_writer(&mut w, &saved).map_err(|e| fail(e.into()))?;
        }
        w.write_all(b"],\n\"edges\":[").map_err(fail)?;
        let identity_of = |n: super::NodeRef<'_>, j: &Option<Juris>| {
            let j = j.as_ref()?;
            self.graph[n.ix()].identities.keys().position(|k| k == j)
        };
        for (i, e) in self.edges().enumerate() {
            let facts = &self.graph[e.ix()].facts;
            let saved = SavedEdge {
                source: e.source().id().clone(),
                target: e.target().id().clone(),
                kind: e.kind(),
                doc: e.document().map(str::to_string),
                date: e.date().map(str::to_string),
                when: e.when().map(str::to_string),
                purpose: e.purpose().map(str::to_string),
                role: e.role().map(str::to_string),
                evidence: e.evidence().map(|ev| SavedEvidence {
                    start: ev.start,
                    end: ev.end,
                    text: ev.text.map(str::to_string),
                }),
                source_identity: identity_of(e.source(), &facts.source_juris),
                target_identity: identity_of(e.target(), &facts.target_juris),
            };
            w.write_all(if i == 0 { b"\n" } else { b",\n" })
                .map_err(fail)?;
            serde_json::to_writer(&mut w, &saved).map_err(|e| fail(e.into()))?;
        }
        w.write_all(b"]}\n").map_err(fail)?;
        w.flush().map_err(fail)
    }

    /// Reads a graph written by [`KnowledgeGraph::save`]. A damaged,
    /// truncated or foreign file gives [`Error::GraphFile`], saying where and
    /// what is wrong.
    ///
    /// ```
    /// use govkg::{Error, graph::KnowledgeGraph};
    /// let err = KnowledgeGraph::load(&b"{\"format\":\"govkg-graph\",\"version\":1,\"nodes\":["[..]).unwrap_err();
    /// assert!(matches!(err, Error::GraphFile { .. }));
    /// assert!(err.to_string().contains("line 1"), "{err}");
    /// ```
    pub fn load<R: Read>(input: R) -> Result<KnowledgeGraph> {
        Self::load_named(input, "<input>")
    }

    /// Loads a graph from a file.
    pub fn load_file(path: impl AsRef<Path>) -> Result<KnowledgeGraph> {
        let path = path.as_ref();
        let f = std::fs::File::open(path).map_err(|e| io(path, e))?;
        Self::load_named(f, &path.display().to_string())
    }

    fn load_named<R: Read>(input: R, name: &str) -> Result<KnowledgeGraph> {
        let bad = |message: String| Error::GraphFile {
            source_name: name.to_string(),
            message,
        };
        let mut bytes = Vec::new();
        let mut input = input;
        input
            .read_to_end(&mut bytes)
            .map_err(|e| bad(format!("cannot read it: {e}")))?;
        let json_error = |e: serde_json::Error| match e.classify() {
            serde_json::error::Category::Eof => {
                format!("the file ends too early ({e}); was it cut short?")
            }
            _ => e.to_string(),
        };
        // First the header alone, so that a foreign file is named as such
        // rather than by the first field that does not fit.
        let probe: Probe = serde_json::from_slice(&bytes).map_err(|e| bad(json_error(e)))?;
        match probe.format.as_deref() {
            Some(FORMAT) => {}
            Some(other) => {
                return Err(bad(format!(
                    "its format is {other:?}, not {FORMAT:?} (exports such as node-link JSON cannot be loaded; load the file `govkg graph --format govkg` writes)"
                )));
            }
            None => {
                return Err(bad(format!(
                    "no \"format\": {FORMAT:?} field (exports such as node-link JSON cannot be loaded; load the file `govkg graph --format govkg` writes)"
                )));
            }
        }
        if !probe.version.is_some_and(|v| READS.contains(&v)) {
            return Err(bad(format!(
                "version {:?}, but this govkg reads versions 1 and {VERSION}; build the graph again",
                probe.version
            )));
        }
        let saved: SavedGraph = serde_json::from_slice(&bytes).map_err(|e| bad(json_error(e)))?;

        let mut g = KnowledgeGraph::new();
        for (i, n) in saved.nodes.into_iter().enumerate() {
            let at = format!("node {} ({})", i + 1, n.id);
            if n.id.kind() != n.kind
                || n.id.name() != n.name
                || n.jurisdiction.is_some() && n.id.jurisdiction() != n.jurisdiction.as_deref()
            {
                return Err(bad(format!(
                    "{at}: kind {:?}, name {:?} and jurisdiction {:?} do not match the id",
                    n.kind, n.name, n.jurisdiction
                )));
            }
            if g.nodes.contains_key(&n.id) {
                return Err(bad(format!("{at}: the id appears twice")));
            }
            let mut data = NodeData::new(n.id.clone());
            data.aliases = n.aliases.into_iter().collect();
            for p in n.parents {
                if p == "*" {
                    data.parents_ambiguous = true;
                } else {
                    data.parents
                        .insert(p.split('/').map(str::to_string).collect());
                }
            }
            let mut listed: Vec<Mention> = Vec::with_capacity(n.mentions.len());
            for (doc, start, end) in n.mentions {
                if start > end {
                    return Err(bad(format!(
                        "{at}: mention {doc} {start}..{end} ends before it starts"
                    )));
                }
                listed.push(Mention { doc, start, end });
            }
            if !n.identities.is_empty() && n.kind != NodeKind::Person {
                return Err(bad(format!("{at}: only persons have identities")));
            }
            for (k, ident) in n.identities.iter().enumerate() {
                let Some(j) = ident.juris() else {
                    return Err(bad(format!(
                        "{at}: identity {k} is neither a place, national nor nowhere"
                    )));
                };
                let mut ms = BTreeSet::new();
                for &i in &ident.mentions {
                    let Some(m) = listed.get(i) else {
                        return Err(bad(format!(
                            "{at}: identity {k} names mention {i}, which the node does not have"
                        )));
                    };
                    ms.insert(m.clone());
                }
                data.identities.entry(j).or_default().extend(ms);
            }
            data.mentions.extend(listed);
            let ix = g.graph.add_node(data);
            g.nodes.insert(n.id, ix);
        }
        for (i, e) in saved.edges.into_iter().enumerate() {
            let at = format!("edge {} ({} -{}-> {})", i + 1, e.source, e.kind, e.target);
            let (Some(&from), Some(&to)) = (g.nodes.get(&e.source), g.nodes.get(&e.target)) else {
                return Err(bad(format!("{at}: an end is not among the nodes")));
            };
            if let Some(ev) = &e.evidence
                && ev.start > ev.end
            {
                return Err(bad(format!("{at}: the evidence ends before it starts")));
            }
            // A person end's identity: the one named, else (a graph saved
            // before jurisdictions) the node's first.
            let juris =
                |ix: super::NodeIx, k: Option<usize>, which: &str| -> Result<Option<Juris>> {
                    let data = &g.graph[ix];
                    if data.id.kind() != NodeKind::Person {
                        return Ok(None);
                    }
                    let ids = &data.identities;
                    match k {
                        Some(k) => {
                            ids.keys().nth(k).cloned().map(Some).ok_or_else(|| {
                                bad(format!("{at}: the {which} has no identity {k}"))
                            })
                        }
                        None => Ok(Some(ids.keys().next().cloned().unwrap_or(Juris::Unknown))),
                    }
                };
            let source_juris = juris(from, e.source_identity, "source")?;
            let target_juris = juris(to, e.target_identity, "target")?;
            let facts = EdgeFacts {
                kind: e.kind,
                doc: e.doc,
                date: e.date,
                when: e.when,
                purpose: e.purpose,
                role: e.role,
                evidence: e.evidence.as_ref().map(|ev| (ev.start, ev.end)),
                source_juris,
                target_juris,
            };
            g.insert_edge(
                from,
                to,
                EdgeData {
                    facts,
                    evidence_text: e.evidence.and_then(|ev| ev.text),
                },
            );
        }
        g.derive_identities();
        Ok(g)
    }
}

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Entity, Relation};
    use crate::span::EntityKind;

    fn sample() -> KnowledgeGraph {
        let text = "11月20日,区委副书记于勇一行来到七宝镇开展督查。七宝";
        let ent = |id: &str, kind, start: usize, t: &str| Entity {
            id: id.into(),
            kind,
            start,
            end: start + t.chars().count(),
            text: t.into(),
            nested: false,
            rule: None,
            value: None,
        };
        let d = Document {
            id: "000".into(),
            text: Some(text.into()),
            entities: vec![
                ent("e1", EntityKind::Person, 12, "于勇"),
                ent("e2", EntityKind::Place, 18, "七宝镇"),
                ent("e3", EntityKind::Place, 26, "七宝"),
            ],
            relations: vec![Relation::Visit {
                head: "e1".into(),
                tail: "e2".into(),
                head_text: None,
                tail_text: None,
                date: Some("11月20日".into()),
                purpose: Some("督查".into()),
                evidence: [0, 26],
                rule: None,
                when: None,
            }],
            context: None,
            rejected: Vec::new(),
        };
        KnowledgeGraph::from_documents([&d], crate::graph::embedded_lexicon())
    }

    fn saved(g: &KnowledgeGraph) -> String {
        let mut buf = Vec::new();
        g.save(&mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn round_trip_is_lossless() {
        let g = sample();
        let text = saved(&g);
        let back = KnowledgeGraph::load(text.as_bytes()).unwrap();
        assert_eq!(back, g);
        assert_eq!(saved(&back), text);
        let n = back.find(NodeKind::Place, "七宝镇").unwrap();
        assert_eq!(n.aliases().collect::<Vec<_>>(), ["七宝"]);
        let v = back.edges().find(|e| e.kind() == EdgeKind::Visit).unwrap();
        assert_eq!(
            v.evidence().unwrap().text,
            Some("11月20日,区委副书记于勇一行来到七宝镇开展督查。")
        );
    }

    #[test]
    fn one_record_per_line() {
        let text = saved(&sample());
        assert!(text.starts_with("{\"format\":\"govkg-graph\",\"version\":2,\n\"nodes\":[\n{"));
        let lines = text.lines().count();
        assert_eq!(lines, 3 + sample().node_count() + sample().edge_count());
        serde_json::from_str::<serde_json::Value>(&text).unwrap();
    }

    #[test]
    fn identities_round_trip_and_version_1_reads_as_nowhere() {
        let ent = |id: &str, start: usize| Entity {
            id: id.into(),
            kind: EntityKind::Person,
            start,
            end: start + 2,
            text: "王伟".into(),
            nested: false,
            rule: None,
            value: None,
        };
        let leads = |head: &str, org: &str| Relation::Leads {
            head: head.into(),
            head_text: None,
            org: org.into(),
            role: "书记".into(),
            title: None,
            evidence: [0, 9],
            rule: None,
        };
        let doc = |id: &str, org: Option<&str>| Document {
            id: id.into(),
            text: None,
            entities: vec![ent("e1", 0)],
            relations: org.map(|o| leads("e1", o)).into_iter().collect(),
            context: None,
            rejected: Vec::new(),
        };
        let g = KnowledgeGraph::from_documents(
            [
                &doc("a", Some("七宝镇党委")),
                &doc("b", None),
                &doc("c", Some("闵行区委")),
            ],
            crate::graph::embedded_lexicon(),
        );
        let text = saved(&g);
        assert!(text.contains("\"id\":\"person:王伟@七宝镇\",\"kind\":\"PERSON\",\"name\":\"王伟\",\"jurisdiction\":\"七宝镇\""), "{text}");
        assert!(
            text.contains(
                "{\"place\":[\"上海市\",\"闵行区\",\"七宝镇\"],\"shown\":1,\"mentions\":[0]}"
            ),
            "{text}"
        );
        assert!(text.contains("\"source_identity\":"), "{text}");
        let back = KnowledgeGraph::load(text.as_bytes()).unwrap();
        assert_eq!(back, g);
        assert_eq!(saved(&back), text);
        // Version 1 had no jurisdictions: its persons are placed nowhere.
        let v1 = "{\"format\":\"govkg-graph\",\"version\":1,\"nodes\":[\
            {\"id\":\"person:王伟\",\"kind\":\"PERSON\",\"name\":\"王伟\",\"mentions\":[[\"a\",0,2]]},\
            {\"id\":\"org:七宝镇党委\",\"kind\":\"ORG\",\"name\":\"七宝镇党委\",\"mentions\":[]}],\
            \"edges\":[{\"source\":\"person:王伟\",\"target\":\"org:七宝镇党委\",\"type\":\"LEADS\",\"doc\":\"a\",\"role\":\"书记\"}]}";
        let old = KnowledgeGraph::load(v1.as_bytes()).unwrap();
        let wang = old.find(NodeKind::Person, "王伟").unwrap();
        assert_eq!(wang.id().to_string(), "person:王伟");
        assert_eq!(wang.outgoing().len(), 1);
        assert!(saved(&old).contains("\"identities\":[{\"mentions\":[0]}]"));
        // Merged with a graph that places 王伟, the unplaced one joins it.
        let merged = old.merged(&g);
        let ids: Vec<String> = merged
            .nodes()
            .filter(|n| n.kind() == NodeKind::Person)
            .map(|n| n.id().to_string())
            .collect();
        assert_eq!(ids, ["person:王伟@七宝镇"]);
        assert_eq!(
            merged
                .find(NodeKind::Person, "王伟")
                .unwrap()
                .outgoing()
                .len(),
            3
        );
    }

    #[test]
    fn empty_graph_round_trips() {
        let g = KnowledgeGraph::new();
        let back = KnowledgeGraph::load(saved(&g).as_bytes()).unwrap();
        assert!(back.is_empty());
    }

    fn load_err(s: &str) -> String {
        match KnowledgeGraph::load(s.as_bytes()) {
            Err(e @ Error::GraphFile { .. }) => e.to_string(),
            other => panic!("expected a GraphFile error, got {other:?}"),
        }
    }

    #[test]
    fn damaged_files_say_what_is_wrong() {
        let text = saved(&sample());
        let half = (0..=text.len() / 2)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap();
        let cut = &text[..half];
        assert!(load_err(cut).contains("ends too early"));
        assert!(load_err("").contains("ends too early"));
        assert!(load_err("not json").contains("line 1 column"));
        assert!(load_err("{\"directed\":true,\"nodes\":[]}").contains("node-link"));
        assert!(load_err("{\"format\":\"govkg-graph\",\"version\":9}").contains("version"));
        let bad_edge = text.replace(
            "\"target\":\"place:七宝镇\"",
            "\"target\":\"place:nowhere\"",
        );
        assert!(load_err(&bad_edge).contains("not among the nodes"));
        let bad_id = text.replace("\"id\":\"person:于勇\"", "\"id\":\"于勇\"");
        assert!(load_err(&bad_id).contains("not a node id"));
        let twice = text.replace("[\n{\"id\":\"person:于勇\"", "[\n{\"id\":\"person:于勇\",\"kind\":\"PERSON\",\"name\":\"于勇\"},\n{\"id\":\"person:于勇\"");
        assert!(load_err(&twice).contains("twice"));
    }
}

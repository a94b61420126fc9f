//! LEADS: a person holds a post in an organisation.
//!
//! One LEADS per TITLE that names a person's post:
//! - titles written before the person, alone or in a chain joined by `、`
//!   or `兼` (`区委常委、宣传部部长刘某`), also for a list of persons after
//!   them (`副镇长王某、李某`);
//! - titles given to a person by an election or appointment
//!   (`王某同志为县人民政府副县长`, `李某、赵某当选为副镇长`);
//! - a title right after a name (`习近平总书记`).
//!
//! Posts removed or given up (`免除王某同志副县长一职`) and former posts
//! (`原镇长`) are not read. A title whose name lost its head to the words
//! before it (`高新技术示范区` + `党工委书记`, `县法院` + `民事审判庭` +
//! `庭长`) is read whole. The
//! organisation and role come from [`super::orgname`], resolved in text
//! order so that a bare post follows the title before it in its sentence.

use super::article::glued_before;
use super::orgname::{self, Resolved};
use super::{Doc, Found};
use crate::lexicon::{Grammar, Level, LexClass, Trigger};
use crate::rules::Rule;
use crate::span::EntityKind;
use crate::text::is_cjk;
use hashbrown::{HashMap, HashSet};

/// Joins two posts one person holds at once (`区委常委兼宣传部部长`).
const CONCURRENTLY: &str = "兼";

/// The address after a name, before the post it is given
/// (`王某同志为副县长`).
const COMRADE: &str = "同志";

/// The mentions `i, i+1, …` of `kind` joined by `、` (or written together),
/// as a run of indices starting at `i`.
fn run(doc: &Doc<'_>, i: usize, kind: EntityKind) -> Vec<usize> {
    let ms = &doc.mentions;
    let mut out = vec![i];
    let mut j = i;
    while j + 1 < ms.len() && ms[j + 1].kind == kind {
        let between = doc.text(ms[j].span.end, ms[j + 1].span.start);
        let between = between.trim();
        let title_joiner = kind == EntityKind::Title
            && (between == CONCURRENTLY || matches!(between, "," | "\u{FF0C}"));
        // `县委常委、组织部长`: the next title's body stem stands between.
        let stem_between = kind == EntityKind::Title
            && collapsed_body(doc, j + 1)
                .is_some_and(|(a, _)| doc.text(ms[j].span.end, a).trim() == "、");
        if between.is_empty() || between == "、" || title_joiner || stem_between {
            out.push(j + 1);
            j += 1;
        } else {
            break;
        }
    }
    out
}

/// (person, title) pairs in text order of the titles.
pub(crate) fn pairs(doc: &Doc<'_>) -> Vec<(usize, usize)> {
    let ms = &doc.mentions;
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut i = 0usize;
    while i < ms.len() {
        match ms[i].kind {
            EntityKind::Title => {
                let titles = run(doc, i, EntityKind::Title);
                let last = *titles.last().expect("a run holds its start");
                let next = last + 1;
                if next < ms.len()
                    && ms[next].kind == EntityKind::Person
                    && doc.blank(ms[last].span.end, ms[next].span.start)
                {
                    let persons = run(doc, next, EntityKind::Person);
                    for &p in &persons {
                        for &t in &titles {
                            out.push((p, t));
                        }
                    }
                    // The last person may be given more titles after them.
                    i = *persons.last().expect("a run holds its start");
                    continue;
                }
                i = next;
            }
            EntityKind::Person => {
                let persons = run(doc, i, EntityKind::Person);
                let last = *persons.last().expect("a run holds its start");
                let next = last + 1;
                if next < ms.len() && ms[next].kind == EntityKind::Title {
                    let raw = doc.text(ms[last].span.end, ms[next].span.start);
                    let raw = raw.trim();
                    let between = raw.strip_prefix(COMRADE).unwrap_or(raw);
                    let titles = run(doc, next, EntityKind::Title);
                    let after = *titles.last().expect("a run holds its start") + 1;
                    let followed_by_person = after < ms.len()
                        && ms[after].kind == EntityKind::Person
                        && doc.blank(ms[after - 1].span.end, ms[after].span.start);
                    // `当选为`, `任`: a word that gives the post (`trigger.appoint`).
                    let given = doc.lex.is(between, LexClass::Trigger(Trigger::Appoint));
                    let glued = raw.is_empty() && persons.len() == 1 && !followed_by_person;
                    if given || glued {
                        for &p in &persons {
                            for &t in &titles {
                                out.push((p, t));
                            }
                        }
                    }
                }
                i = last + 1;
            }
            _ => i += 1,
        }
    }
    // `原镇长`, `前任县长`: a former post (`trigger.former`).
    out.retain(|&(_, t)| !doc.trigger_ends_at(ms[t].span.start, Trigger::Former));
    out.sort_by_key(|&(p, t)| (ms[t].span.start, ms[p].span.start));
    out.dedup();
    out
}

/// How far back text glued before a title is read, in characters.
const MAX_GLUED_CHARS: usize = 15;

/// The longest office's name between a body and a post (`民事审判庭`), in
/// characters.
const MAX_OFFICE_CHARS: usize = 8;

/// The shortest area written before a title that lost its head
/// (`高新技术示范区`; `某区` alone is no area), in characters.
const MIN_AREA_CHARS: usize = 3;

/// What a title's name lost to the words before it: an area written right
/// before a title that starts with its body (`高新技术示范区` + `党工委书记`:
/// at least three characters outside any mention, ending in a level
/// character), or an office of the organisation named before it
/// (`县法院` + `民事审判庭` + `庭长`; `庭`, `科`: `grammar.office`).
fn glued_prefix(doc: &Doc<'_>, start: usize) -> Option<String> {
    let a = doc.run_back(start, MAX_GLUED_CHARS, |k, c| {
        is_cjk(c) && doc.mention_covering(k).is_none()
    });
    let p = doc.text(a, start);
    if let Some(o) = (a > 0)
        .then(|| doc.prev(a))
        .and_then(|x| doc.mention_covering(x))
        && doc.mentions[o].kind == EntityKind::Org
        && doc.mentions[o].span.end == a
        && !p.is_empty()
        && p.chars().count() <= MAX_OFFICE_CHARS
        && doc.lex.ends_with(p, LexClass::Grammar(Grammar::Office))
    {
        return Some(format!("{}{p}", doc.mentions[o].text));
    }
    // An area's name holds no function word: the clause before it ends
    // there (`一同参加的有` + `区`).
    let p = p
        .char_indices()
        .rfind(|&(_, c)| NOT_IN_AREA.contains(c))
        .map_or(p, |(k, c)| &p[k + c.len_utf8()..]);
    let level_end = Level::division_word_ending(p).is_some();
    // A level alone after the clause (`的有` + `区` + `农委书记`) is the
    // title's own level, which the recogniser left out.
    let own_level = Level::of_word(p).is_some();
    ((p.chars().count() >= MIN_AREA_CHARS && level_end) || own_level).then(|| p.to_string())
}

/// Function words that never stand inside an area's name: the name read
/// back before a title starts after the last of them.
/// Kept in code: a closed set of the grammar, read per character.
const NOT_IN_AREA: &str = "的有了和与及在为是";

/// The longest stem of a body glued to a post written in a list, in
/// characters.
const MAX_STEM_CHARS: usize = 6;

/// A body written in a list and glued to its post (`县委常委、组织部长`,
/// `甲、应急局长乙`, `、区教委副主任`): the post begins with the body's last
/// character (`部长` of `组织部部长`, or `委副主任`), and what stands
/// between the list's `、` (or comma) and the title ends, with that
/// character, in a body's word: a body of the title lexicon (`组织部`) or
/// an organisation suffix that needs no proper name (`局`, `委`). Returns
/// where the stem starts and the title written out in full.
fn collapsed_body(doc: &Doc<'_>, t: usize) -> Option<(usize, String)> {
    let m = &doc.mentions[t];
    let a = doc.run_back(m.span.start, MAX_STEM_CHARS, |k, c| {
        is_cjk(c) && doc.mention_covering(k).is_none()
    });
    let listed = doc
        .char_before(a)
        .is_some_and(|c| matches!(c, '、' | ',' | '\u{FF0C}'));
    if a == m.span.start || !listed {
        return None;
    }
    let stem = doc.text(a, m.span.start);
    let parts = orgname::split_mention(doc.lex, m)?;
    let first = m.text.chars().next()?;
    let (body, full) = match (parts.places.is_empty(), parts.body.chars().count()) {
        // `局长`: the post holds the body's last character.
        (true, 0) => (format!("{stem}{first}"), format!("{stem}{first}{}", m.text)),
        // `委副主任`: the title holds that character alone.
        (true, 1) => (format!("{stem}{}", parts.body), format!("{stem}{}", m.text)),
        _ => return None,
    };
    let lex = doc.lex;
    let named = lex.is(&body, LexClass::TitleOrg)
        || lex
            .suffix_entries(&body, LexClass::OrgSuffix)
            .any(|e| e.text.chars().count() == 1 && !e.traits.needs_proper);
    named.then_some((a, full))
}

/// `来到某某中学,听取了校长乙的汇报`: the body of a bare post `某长`
/// (`校长`, `院长`, `站长`; not a division's head, `县长`) is the nearest
/// organisation before it in its sentence whose name ends in the post's
/// head character (`学校`, `医院`), unless the title before it in the
/// sentence (`prev`) names such a body already.
fn body_of_head_post(doc: &Doc<'_>, t: usize, prev: Option<&Resolved>) -> Option<String> {
    let m = &doc.mentions[t];
    if orgname::names_a_body(doc.lex, m) || orgname::role_level(doc.lex, &m.text).is_some() {
        return None;
    }
    let prefix = doc
        .lex
        .prefixes_of(&m.text, LexClass::Grammar(Grammar::RankPrefix))
        .next()
        .map_or(0, str::len);
    let mut core = m.text[prefix..].chars();
    let (head, last) = (core.next()?, core.next()?);
    if last != '长' || core.next().is_some() || prev.is_some_and(|p| p.org.ends_with(head)) {
        return None;
    }
    nearest_body_before(doc, t, |o| o.ends_with(head))
}

/// The nearest organisation before mention `t` in its sentence whose name
/// `fits`.
fn nearest_body_before(doc: &Doc<'_>, t: usize, fits: impl Fn(&str) -> bool) -> Option<String> {
    let m = &doc.mentions[t];
    let sentence = doc.sentences.get(doc.sentence_of(m.span.start))?;
    doc.mentions[..t]
        .iter()
        .rev()
        .take_while(|o| o.span.start >= sentence.start)
        .find(|o| o.kind == EntityKind::Org && fits(&o.text))
        .map(|o| o.text.clone())
}

/// `某市农业局某某局长`: the body written right before the person who holds
/// the title `t` written right after them, when the title names no body.
fn body_before_holder(doc: &Doc<'_>, pairs: &[(usize, usize)], t: usize) -> Option<String> {
    let title = &doc.mentions[t];
    if orgname::names_a_body(doc.lex, title) {
        return None;
    }
    let &(p, _) = pairs.iter().find(|&&(p, tt)| {
        tt == t
            && doc.mentions[p].span.end <= title.span.start
            && doc.blank(doc.mentions[p].span.end, title.span.start)
    })?;
    let holder = &doc.mentions[p];
    let body = p.checked_sub(1).map(|b| &doc.mentions[b])?;
    (body.kind == EntityKind::Org && doc.blank(body.span.end, holder.span.start))
        .then(|| body.text.clone())
}

/// `来到某某有限公司,听取了董事长乙的介绍`: the body of a bare company post
/// (`company=1`) is the nearest company named before it in its sentence.
fn company_of_post(doc: &Doc<'_>, t: usize) -> Option<String> {
    let m = &doc.mentions[t];
    if orgname::names_a_body(doc.lex, m) || !orgname::is_company_post(doc.lex, &m.text) {
        return None;
    }
    nearest_body_before(doc, t, |o| orgname::is_company(doc.lex, o))
}

/// Every LEADS of the document.
pub(crate) fn find(doc: &Doc<'_>) -> Vec<Found> {
    let pairs = pairs(doc);
    let mut titles: Vec<usize> = pairs.iter().map(|&(_, t)| t).collect();
    titles.sort_by_key(|&t| doc.mentions[t].span.start);
    titles.dedup();
    // Resolve each title once, in text order, with the title before it in
    // the same sentence as context.
    let mut resolved: HashMap<usize, Resolved> = HashMap::new();
    let mut known_by_article: HashMap<usize, Vec<String>> = HashMap::new();
    let mut prev: Option<(usize, Resolved)> = None;
    for &t in &titles {
        let m = &doc.mentions[t];
        let si = doc.sentence_of(m.span.start);
        let art = doc.article_of(m.span.start);
        let known = known_by_article.entry(art).or_insert_with(|| {
            let (a, b) = doc.article_of_range(art);
            doc.mentions_in(a, b)
                .filter(|&i| doc.mentions[i].kind == EntityKind::Org)
                .map(|i| orgname::normalize_body(doc.lex, &doc.mentions[i].text))
                .collect()
        });
        let context = prev.as_ref().filter(|(s, _)| *s == si).map(|(_, r)| r);
        let collapsed = collapsed_body(doc, t).map(|(_, full)| full);
        let head_body = body_of_head_post(doc, t, context);
        let (text, glued) = match (&collapsed, glued_prefix(doc, m.span.start)) {
            (Some(full), _) => (full.clone(), false),
            (None, Some(p)) => (format!("{p}{}", m.text), false),
            (None, None) => match body_before_holder(doc, &pairs, t)
                .or(head_body.clone())
                .or_else(|| company_of_post(doc, t))
            {
                // `某市农业局某某局长`: the body is written before the person;
                // `来到某中学,校长乙`: earlier in the sentence.
                Some(body) => (format!("{body}{}", m.text), false),
                None => (m.text.clone(), glued_before(doc, m.span.start)),
            },
        };
        // Every TITLE has its post (`recognise::Mention::title`).
        let post = m.post.unwrap_or_default();
        if let Some(mut r) = orgname::resolve_glued(doc, art, &text, post, glued, context, known) {
            if collapsed.is_some() && r.rule == Rule::LeadsTitle {
                r.rule = Rule::LeadsCollapsedBody;
            } else if head_body.is_some() && r.rule == Rule::LeadsTitle {
                r.rule = Rule::LeadsHeadPostBody;
            }
            if !known.contains(&r.org) {
                known.push(r.org.clone());
            }
            prev = Some((si, r.clone()));
            resolved.insert(t, r);
        }
    }
    let found: Vec<Found> = pairs
        .into_iter()
        .filter_map(|(p, t)| {
            let r = resolved.get(&t)?;
            Some(Found::Leads {
                head: p,
                title: t,
                org: r.org.clone(),
                role: r.role.clone(),
                sentence: doc.sentence_of(doc.mentions[t].span.start),
                rule: r.rule,
            })
        })
        .collect();
    drop_short_posts(doc, found)
}

/// The holder, body and post of a LEADS.
fn post_of(f: &Found) -> Option<(&usize, &String, &String)> {
    match f {
        Found::Leads {
            head, org, role, ..
        } => Some((head, org, role)),
        _ => None,
    }
}

/// A qualifier of a post written in full (`常务`): `grammar.post-qualifier`.
const QUALIFIER: LexClass = LexClass::Grammar(Grammar::PostQualifier);

/// Drops a post that is a person's full post without its qualifier, in
/// the same body (`副县长` beside `常务副县长`): one post, written twice.
fn drop_short_posts(doc: &Doc<'_>, found: Vec<Found>) -> Vec<Found> {
    // Looked up, not compared pairwise: a roster may hold thousands of posts.
    let short: Vec<bool> = {
        // Each full post's shorter forms: its role without a qualifier
        // (`grammar.post-qualifier`) that opens it.
        let shorter: HashSet<(&str, &str, &str)> = found
            .iter()
            .filter_map(post_of)
            .flat_map(|(h, o, r)| {
                r.char_indices()
                    .skip(1)
                    .filter(|&(i, _)| doc.lex.is(&r[..i], QUALIFIER))
                    .map(move |(i, _)| (doc.mentions[*h].text.as_str(), o.as_str(), &r[i..]))
            })
            .collect();
        found
            .iter()
            .map(|f| {
                post_of(f).is_some_and(|(h, o, r)| {
                    shorter.contains(&(doc.mentions[*h].text.as_str(), o.as_str(), r.as_str()))
                })
            })
            .collect()
    };
    found
        .into_iter()
        .zip(short)
        .filter_map(|(f, short)| (!short).then_some(f))
        .collect()
}

/// The organisations each person leads, by the person's text.
pub(crate) fn orgs_by_person(doc: &Doc<'_>, leads: &[Found]) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for f in leads {
        if let Found::Leads { head, org, .. } = f {
            out.entry(doc.mentions[*head].text.clone())
                .or_default()
                .push(org.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::relate::testing::{has, keys};

    #[test]
    fn chain_before_a_person() {
        let t = "11月3日,闵行区召开会议,区委常委、宣传部部长张建华,副区长李卫东出席。";
        let k = keys(t);
        assert!(
            k.contains(&"LEADS 张建华 -> 闵行区委 常委".to_string()),
            "{k:?}"
        );
        assert!(
            k.contains(&"LEADS 张建华 -> 闵行区委宣传部 部长".to_string()),
            "{k:?}"
        );
        assert!(
            k.contains(&"LEADS 李卫东 -> 闵行区人民政府 副区长".to_string()),
            "{k:?}"
        );
    }

    #[test]
    fn a_post_written_again_without_its_qualifier_is_one_post() {
        let k =
            keys("9月30日,青山县常务副县长王明到县交通运输局检查。王明副县长一行察看了监控系统。");
        assert!(
            k.iter()
                .any(|r| r == "LEADS 王明 -> 青山县人民政府 常务副县长"),
            "{k:?}"
        );
        assert!(
            !k.iter().any(|r| r == "LEADS 王明 -> 青山县人民政府 副县长"),
            "{k:?}"
        );
    }

    #[test]
    fn a_clause_before_a_title_is_no_area() {
        let k = keys("11月3日,闵行区召开会议。一同参加的有区农委书记王明。");
        assert!(k.iter().all(|r| !r.contains("参加")), "{k:?}");
        assert!(
            k.iter().any(|r| r == "LEADS 王明 -> 闵行区农委 书记"),
            "{k:?}"
        );
    }

    #[test]
    fn a_body_glued_to_its_post_in_a_list() {
        let t = "5月3日,柳河县召开会议,县委常委、组织部长王立新,县财政局长李明、应急局长赵德明,区教委副主任孙强出席。";
        let k = keys(t);
        for key in [
            "LEADS 王立新 -> 柳河县委组织部 部长",
            "LEADS 李明 -> 柳河县财政局 局长",
            "LEADS 赵德明 -> 柳河县应急局 局长",
            "LEADS 孙强 -> 区教委 副主任",
        ] {
            assert!(k.contains(&key.to_string()), "{key}: {k:?}");
        }
    }

    #[test]
    fn a_head_post_of_a_body_named_before_it() {
        let t = "5月3日,县教育局局长王立新来到柳河县实验学校调研,听取了副校长李明的汇报。";
        let k = keys(t);
        assert!(
            k.contains(&"LEADS 李明 -> 柳河县实验学校 副校长".to_string()),
            "{k:?}"
        );
        let t = "5月3日,县长王立新来到青山商会考察,副会长李明陪同。";
        let k = keys(t);
        assert!(
            k.contains(&"LEADS 李明 -> 青山商会 副会长".to_string()),
            "{k:?}"
        );
    }

    #[test]
    fn titles_across_a_comma_before_one_person() {
        let t = "会上,青山省人大常委会党组副书记、副主任,省总工会主席赵明德讲话。";
        let k = keys(t);
        assert!(
            k.contains(&"LEADS 赵明德 -> 青山省人大常委会 副主任".to_string()),
            "{k:?}"
        );
        assert!(
            k.contains(&"LEADS 赵明德 -> 省总工会 主席".to_string())
                || k.iter().any(|x| x.contains("总工会 主席")),
            "{k:?}"
        );
    }

    #[test]
    fn a_bare_post_takes_the_body_before_the_person() {
        let t = "5月3日,青山市农业局王建国局长带队到柳树村调研。";
        let k = keys(t);
        assert!(
            k.iter()
                .any(|x| x.starts_with("LEADS 王建国 -> ") && x.ends_with("农业局 局长")),
            "{k:?}"
        );
    }

    #[test]
    fn a_title_for_a_list_of_persons() {
        let t = "11月3日,七宝镇召开会议,镇党委书记王建国、副书记陈卫红,副镇长刘伟明、赵志刚出席。";
        let k = keys(t);
        for want in [
            "LEADS 王建国 -> 七宝镇党委 书记",
            "LEADS 陈卫红 -> 七宝镇党委 副书记",
            "LEADS 刘伟明 -> 七宝镇人民政府 副镇长",
            "LEADS 赵志刚 -> 七宝镇人民政府 副镇长",
        ] {
            assert!(k.contains(&want.to_string()), "{want} not in {k:?}");
        }
    }

    #[test]
    fn given_by_an_election() {
        let t = "会议选举张建华同志为县人民政府副县长。";
        assert!(has(t, "LEADS 张建华 -> 县人民政府 副县长"), "{:?}", keys(t));
    }

    #[test]
    fn removed_posts_are_not_read() {
        let t = "会议决定免除张建华同志副县长一职。";
        assert!(
            !keys(t).iter().any(|k| k.starts_with("LEADS")),
            "{:?}",
            keys(t)
        );
    }

    #[test]
    fn a_title_that_lost_its_area() {
        let t = "12月9日,高新技术示范区党工委书记张建华带队调研。区党工委副书记王卫东陪同调研。";
        let k = keys(t);
        assert!(
            k.contains(&"LEADS 张建华 -> 高新技术示范区党工委 书记".to_string()),
            "{k:?}"
        );
        assert!(
            k.contains(&"LEADS 王卫东 -> 高新技术示范区党工委 副书记".to_string()),
            "{k:?}"
        );
    }

    #[test]
    fn an_office_of_a_court() {
        let t = "县法院民事审判庭庭长张建华作报告。";
        assert!(
            has(t, "LEADS 张建华 -> 县人民法院民事审判庭 庭长"),
            "{:?}",
            keys(t)
        );
    }

    #[test]
    fn former_posts_are_not_read() {
        let t = "原镇长张建华同志因工作调动,不再担任镇长职务。";
        assert!(
            !keys(t).iter().any(|k| k.starts_with("LEADS")),
            "{:?}",
            keys(t)
        );
    }

    #[test]
    fn no_place_keeps_the_body() {
        let t = "区委书记张建华到会讲话。";
        assert!(has(t, "LEADS 张建华 -> 区委 书记"), "{:?}", keys(t));
    }
}

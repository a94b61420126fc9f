//! A title's organisation and role, with the organisation named in full.
//!
//! A TITLE is written `[places][body][role]`: `云南省保山市施甸县` + `委` +
//! `书记`, `区委` + `副书记`, `镇` + `党委` + `委员`, `副区长` (role only).
//! The role is the post minus its organisation (`书记`, `副区长`, `委员`);
//! the organisation is resolved from the article:
//!
//! - places written in the title are kept as written (`施甸县委`), with the
//!   committee of a one-character county spelled in full (`郊区委` →
//!   `郊区区委`, like `房县县委`);
//! - a body that starts with a level word (`区委`, `镇党委`, `县法院`) gets
//!   the article's division of that level (`闵行区委`), or else the longer
//!   organisation the article already named with that ending
//!   (`区党工委` → `…示范区党工委`), or else stays as written;
//! - a post that names its level (`副区长`, `镇长`) belongs to that level's
//!   government (`闵行区人民政府`); `总书记` to `中共中央`;
//! - a body without a level (`党委`, `人大`, `社建办`) or a bare role
//!   (`副书记`, `秘书长`) takes the organisation of the title before it in
//!   the same sentence (`七宝镇党委书记严俊、副书记姚媚`), or else the
//!   article's town; a bare civil-service rank (`副调研员`) serves the
//!   town's government, and other bare posts (`总经理`) name nothing;
//! - a body with a name of its own (`某某科技有限公司`) stays as written;
//! - governments, courts and procuratorates are spelled out (`区政府` →
//!   `区人民政府`, `县法院` → `县人民法院`), and `全国人大` is
//!   `全国人民代表大会`.
//!
//! Only divisions the document names are used: the lexicon's parent chain
//! would put a town in a district the text never mentions (and, for towns
//! whose names recur, in the wrong city), so an unnamed district stays
//! `区委`, as the spec asks.

use super::article::{SHORT_DIVISION_CHARS, leading_divisions};
use super::{Doc, Mention};
use crate::Rule;
use crate::lexicon::{Grammar, Level, LexClass, Lexicon, SuffixTraits};
use crate::recognise::MERGED_UNIT;
use std::cell::Cell;

/// A title split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TitleParts {
    /// Division names written at the head, in order.
    pub places: Vec<String>,
    /// What stands between the places and the role, as written.
    pub body: String,
    /// The post minus its organisation.
    pub role: String,
    /// True when the places are a short form's ([`short_form_head`]).
    pub short: bool,
}

/// The shortest name after a place's short form that makes a body
/// opening with it one of its own (`上海` + `某某中心`), in chars.
const MIN_NAME_AFTER_SHORT_CHARS: usize = 3;

/// True for a body that names itself: an enterprise or institution
/// (`某某有限公司`), or one that opens with a place's short form
/// (`上海某某中心`).
fn is_named_body(lex: &Lexicon, body: &str) -> bool {
    // `公司`, `医院`, `协会`: `named=1` in suffixes.txt.
    if lex
        .suffix_entries(body, LexClass::OrgSuffix)
        .any(|e| e.traits.named)
    {
        return true;
    }
    // The heads of `k` = two to four chars, with at least three chars
    // after (a head ends where char `k` starts).
    let n = body.chars().count();
    body.char_indices()
        .enumerate()
        .skip(MIN_SHORT_CHARS)
        .take(MAX_SHORT_CHARS - MIN_SHORT_CHARS + 1)
        .any(|(k, (end, _))| {
            n - k >= MIN_NAME_AFTER_SHORT_CHARS && lex.is(&body[..end], LexClass::PlaceShort)
        })
}

/// True when the title `m` names a body or a place of its own (not a
/// bare post such as `局长`).
pub(crate) fn names_a_body(lex: &Lexicon, m: &Mention) -> bool {
    split_mention(lex, m).is_none_or(|p| !p.body.is_empty() || !p.places.is_empty())
}

/// Splits the text of a mention into places, body and role: a title at the
/// post recognition found, another name (an organisation that may end in
/// a post, `某某公司董事长`) at its longest ending post. `None` when no post
/// ends it.
pub(crate) fn split_mention(lex: &Lexicon, m: &Mention) -> Option<TitleParts> {
    match m.post {
        Some(post) => split_title(lex, &m.text, post),
        None => split_named(lex, &m.text),
    }
}

/// Splits `text` at the longest post of the lexicon that ends it.
pub(crate) fn split_named(lex: &Lexicon, text: &str) -> Option<TitleParts> {
    split_title(lex, text, longest_post(lex, text)?)
}

/// The length in bytes (white space not counted) of the longest post of
/// the lexicon that ends `text`.
fn longest_post(lex: &Lexicon, text: &str) -> Option<usize> {
    let solid = crate::text::without_space(text);
    solid
        .char_indices()
        .find(|&(i, _)| lex.is(&solid[i..], LexClass::TitleRole))
        .map(|(i, _)| solid.len() - i)
}

/// A post of a party body (`书记`, `副书记`, `委员`, `成员`, `常委`): held
/// in the party committee or group itself, not in the body it leads.
fn is_party_post(lex: &Lexicon, role: &str) -> bool {
    // `party=1` on a `title.role` in titles.txt.
    role_has(lex, role, |t| t.party)
}

/// True when the post that ends `role` has the trait `pick` reads in
/// titles.txt (`party=1`, `company=1`, `civil=1`).
fn role_has(lex: &Lexicon, role: &str, pick: impl Fn(&SuffixTraits) -> bool) -> bool {
    lex.suffix_entries(role, LexClass::TitleRole)
        .any(|e| pick(&e.traits))
}

/// A post held in a company (`董事长`, `总经理`: `company=1` on a
/// `title.role` in titles.txt).
pub(crate) fn is_company_post(lex: &Lexicon, role: &str) -> bool {
    role_has(lex, role, |t| t.company)
}

/// A body whose name ends in a company's legal form (`某某有限公司`,
/// `某某集团`: `company=1` on an `org.suffix`).
pub(crate) fn is_company(lex: &Lexicon, org: &str) -> bool {
    lex.suffix_entries(org, LexClass::OrgSuffix)
        .any(|e| e.traits.company)
}

/// The party body that ends an organisation's name (`党委` of
/// `某局党委`, `党组` of `某县人民政府党组`): a body of a compound post
/// (`grammar.body-in-role`) that is the party's (opens with `党`).
fn party_body_suffix<'t>(lex: &'t Lexicon, org: &'t str) -> Option<&'t str> {
    lex.suffixes_of(org, LexClass::Grammar(Grammar::BodyInRole))
        .find(|b| b.starts_with('党'))
}

/// The body a party committee or group leads (`某局党委` → `某局`), when
/// what remains is a body's name rather than a place alone
/// (`某镇党委` leads the town, no body).
fn led_by_party_body(lex: &Lexicon, org: &str) -> Option<String> {
    let party = party_body_suffix(lex, org)?;
    let led = &org[..org.len() - party.len()];
    let bare_place =
        leading_divisions(lex, led).1 == led.chars().count() || Level::word_ending(led).is_some();
    (!led.is_empty() && !bare_place).then(|| led.to_string())
}

/// Splits a title whose post recognition found: the last `post` bytes of
/// `title` (white space not counted) (`党委书记` of `镇党委书记`, whose body `党委` is peeled off so
/// that the role is `书记`). `None` when no post ends it.
pub(crate) fn split_title(lex: &Lexicon, title: &str, post: usize) -> Option<TitleParts> {
    let title = crate::text::without_space(title);
    let n = title.len();
    let is_role = |t: &str| lex.is(t, LexClass::TitleRole);
    if post == 0 || post > n || !title.is_char_boundary(n - post) {
        return None;
    }
    let mut role_start = n - post;
    // Peel a body off the front of a compound post, if what remains is a post.
    loop {
        let role = &title[role_start..];
        // `党委` of `党委书记` (`grammar.body-in-role`).
        let Some(b) = lex
            .prefixes_of(role, LexClass::Grammar(Grammar::BodyInRole))
            .find(|b| is_role(&role[b.len()..]))
        else {
            break;
        };
        role_start += b.len();
    }
    let head = &title[..role_start];
    let (places, used) = leading_divisions(lex, head);
    let mut places: Vec<String> = places.into_iter().map(|(p, _)| p).collect();
    let mut used = used;
    let mut short = false;
    if places.is_empty()
        && let Some((p, k)) = short_form_head(lex, head)
    {
        places = p;
        used = k;
        short = true;
    }
    // The divisions are counted in chars.
    let used = head.char_indices().nth(used).map_or(head.len(), |(i, _)| i);
    Some(TitleParts {
        places,
        body: title[used..role_start].to_string(),
        role: title[role_start..].to_string(),
        short,
    })
}

/// The shortest and the longest short form of a division read at the head
/// of a title or a body, in characters.
const MIN_SHORT_CHARS: usize = 2;
const MAX_SHORT_CHARS: usize = 4;

/// A division's short form at the head of a title's organisation: before
/// a body alone it stands for the division (`青山党委` → 青山镇 + `党委`);
/// a province's or city's short form before a division's name is written
/// as it is (`青山万州区` → 青山, 万州区). Returns the places and the
/// characters they cover.
fn short_form_head(lex: &Lexicon, head: &str) -> Option<(Vec<String>, usize)> {
    let chars: Vec<(usize, char)> = head.char_indices().collect();
    (MIN_SHORT_CHARS..=MAX_SHORT_CHARS.min(chars.len().saturating_sub(1)))
        .rev()
        .find_map(|k| {
            let (short, rest) = head.split_at(chars[k].0);
            let full = super::article::full_of_short(lex, short)?;
            if lex.is(rest, LexClass::TitleOrg) {
                return Some((vec![full], k));
            }
            let high = super::article::division_level(lex, &full).is_some_and(|l| l <= Level::City);
            let (divs, used) = leading_divisions(lex, rest);
            (high && !divs.is_empty()).then(|| {
                let mut places = vec![short.to_string()];
                places.extend(divs.into_iter().map(|(d, _)| d));
                (places, k + used)
            })
        })
}

/// The level word a post names (`副区长` → `区`, `代理县长` → `县`): its
/// rank prefix (`grammar.rank-prefix`) off, a level word and `长`.
pub(crate) fn role_level(lex: &Lexicon, role: &str) -> Option<&'static str> {
    let prefix = lex
        .prefixes_of(role, LexClass::Grammar(Grammar::RankPrefix))
        .next()
        .map_or(0, str::len);
    let core = role[prefix..].strip_suffix('长')?;
    Level::word_starting(core)
        .filter(|&(w, l)| w == core && l != Level::Village)
        .map(|(w, _)| w)
}

/// The level word a body starts with (`区委` → `区`, `街道党工委` → `街道`).
fn level_word(body: &str) -> Option<&'static str> {
    Level::word_starting(body)
        .filter(|&(_, l)| l != Level::Village)
        .map(|(w, _)| w)
}

/// Spells out governments, courts and procuratorates, and an
/// abbreviation the lexicon writes in full (`全国人大`: `full=` in
/// orgs.txt). (The three organs whose full names take `人民` are fixed by
/// the constitution, a closed set written here with the rule that spells
/// them, not a vocabulary to extend.)
pub(crate) fn normalize_body(lex: &Lexicon, body: &str) -> String {
    if let Some(full) = lex
        .lookup(body)
        .filter(|e| e.class == LexClass::Org)
        .find_map(|e| e.full.as_deref())
    {
        return full.to_string();
    }
    let mut out = String::with_capacity(body.len() + PEOPLES.len());
    let mut rest = body;
    while let Some(c) = rest.chars().next() {
        // `法院`, `检察院` anywhere, `政府` at the end, take `人民` unless
        // they have it.
        let word = if out.ends_with(PEOPLES) {
            None
        } else {
            ["法院", "检察院"]
                .into_iter()
                .find(|w| rest.starts_with(w))
                .or((rest == "政府" || is_party_group_of_government(rest)).then_some("政府"))
        };
        let taken = match word {
            Some(w) => {
                out.push_str(PEOPLES);
                w
            }
            None => &rest[..c.len_utf8()],
        };
        out.push_str(taken);
        rest = &rest[taken.len()..];
    }
    out
}

/// `政府党组`, `政府党委`: a government's party body, whose government is
/// spelled out as a government alone is.
fn is_party_group_of_government(rest: &str) -> bool {
    rest.strip_prefix("政府")
        .is_some_and(|b| b == PARTY_GROUP || b == "党委")
}

/// A people's government in full (`某县人民政府`): what a post that names
/// its level serves.
const GOVERNMENT: &str = "人民政府";

/// What the full names of governments, courts and procuratorates hold.
const PEOPLES: &str = "人民";

/// A party committee written after its level (`县委`, `区委`).
pub(crate) const COMMITTEE: &str = "委";

/// The kind of district a new area is (`浦东新区`): written whole, its
/// committee keeps the level word (`浦东新区区委`).
const NEW_DISTRICT: &str = "新区";

/// The generic word that ends a division name (`新区`, a level word such
/// as `街道`, else its last character).
fn division_word(place: &str) -> &str {
    if place.ends_with(NEW_DISTRICT) {
        return NEW_DISTRICT;
    }
    match Level::word_ending(place) {
        Some((w, _)) => w,
        None => place.char_indices().last().map_or("", |(i, _)| &place[i..]),
    }
}

/// The proper part of a division's name whose committee is spelled in
/// full (`房县县委`), in characters.
const ONE_CHAR_STEM: usize = 1;

/// Writes `body` after the division `place`: the level word is not repeated
/// (`闵行区` + `区委` → `闵行区委`), except in the committee of a division
/// whose proper name has one character (`房县` + `县委` → `房县县委`, `郊区`
/// + `委` → `郊区区委`); a `新区` keeps the body whole (`浦东新区区委`).
pub(crate) fn attach(place: &str, body: &str) -> String {
    let w = division_word(place);
    let stem = place.chars().count() - w.chars().count();
    if w != NEW_DISTRICT && !w.is_empty() && body.starts_with(w) {
        let rest = &body[w.len()..];
        if rest.starts_with(COMMITTEE) && stem <= ONE_CHAR_STEM {
            return format!("{place}{body}");
        }
        return format!("{place}{rest}");
    }
    if body.starts_with(COMMITTEE) && stem <= ONE_CHAR_STEM && w != NEW_DISTRICT {
        return format!("{place}{w}{body}");
    }
    format!("{place}{body}")
}

/// An organisation resolved from a title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    /// The organisation in full (`闵行区委宣传部`).
    pub org: String,
    /// The place part it hangs from (`闵行区`; `区` when unresolved).
    pub owner: String,
    /// The post minus its organisation.
    pub role: String,
    /// The rule that built the organisation.
    pub rule: Rule,
}

/// [`resolve_glued`] for a title that is not glued to the word before it,
/// whose post is the longest that ends it.
#[cfg(test)]
pub(crate) fn resolve(
    doc: &Doc<'_>,
    art: usize,
    title: &str,
    prev: Option<&Resolved>,
    known: &[String],
) -> Option<Resolved> {
    let post = longest_post(doc.lex, title)?;
    resolve_glued(doc, art, title, post, false, prev, known)
}

/// Resolves the title `title` of article `art`, whose post recognition
/// found in its last `post` bytes. `prev` is the title before it in the
/// same sentence; `known` are organisations the article already named in
/// full. When the title is `glued` to the word before it, a division of
/// one-character proper name at its head (`中区` in `集|中区党工委书记`)
/// is more likely the tail of a longer name.
pub(crate) fn resolve_glued(
    doc: &Doc<'_>,
    art: usize,
    title: &str,
    post: usize,
    glued: bool,
    prev: Option<&Resolved>,
    known: &[String],
) -> Option<Resolved> {
    let mut parts = split_title(doc.lex, title, post)?;
    // `应急局长`, `组织部长`: the unit's character is written once, merged
    // into the post; a bureau's after any body, a department's where the
    // lexicon knows the department (as recognition reads them).
    let bare_role = parts.role.trim_start_matches('副');
    if let Some(unit) = bare_role.strip_suffix('长')
        && !parts.body.is_empty()
        && !parts.body.ends_with(unit)
    {
        let merged = format!("{}{unit}", parts.body);
        if unit.parse::<char>() == Ok(MERGED_UNIT) || doc.lex.is(&merged, LexClass::TitleOrg) {
            parts.body = merged;
        }
    }
    if glued
        && parts
            .places
            .first()
            .is_some_and(|p| p.chars().count() <= SHORT_DIVISION_CHARS)
    {
        parts.body = format!("{}{}", parts.places.concat(), parts.body);
        parts.places.clear();
    }
    let ctx = Context {
        doc,
        art,
        prev,
        known,
        rule: Cell::new(if parts.short {
            Rule::LeadsShortForm
        } else {
            Rule::LeadsTitle
        }),
    };
    let body = standing_committee(&ctx, normalize_body(doc.lex, &parts.body), &parts.role);
    // With no place written, a body of one character (`委` of an unread
    // `某某委`) names none.
    let (org, owner) = written_places(doc.lex, &parts, &body)
        .or_else(|| level_government(&ctx, &body, &parts.role))
        .or_else(|| bare_post(&ctx, &body, &parts.role))
        .unwrap_or_else(|| (body.chars().count() > 1).then(|| body_org(&ctx, body)))?;
    Some(Resolved {
        org,
        owner,
        role: parts.role,
        rule: ctx.rule.get(),
    })
}

/// The congress a post named `主任` serves in is its standing committee
/// (`县人大主任` → `县人大常委会`); the town congress's post is `主席`.
fn standing_committee(ctx: &Context<'_, '_>, body: String, role: &str) -> String {
    let prefix = ctx
        .doc
        .lex
        .prefixes_of(role, LexClass::Grammar(Grammar::RankPrefix))
        .next()
        .map_or(0, str::len);
    // (`全国人大` is spelled out by now: its standing committee's head is
    // no `主任`.)
    if body.ends_with(CONGRESS) && role[prefix..] == *"主任" {
        ctx.rule.set(Rule::LeadsStandingCommittee);
        return format!("{body}常委会");
    }
    body
}

/// The short name of a people's congress (`人大`).
const CONGRESS: &str = "人大";

/// What a title is resolved against: its article, the title before it in
/// the sentence, and the organisations the article already named in full.
struct Context<'c, 'a> {
    doc: &'c Doc<'a>,
    art: usize,
    prev: Option<&'c Resolved>,
    known: &'c [String],
    /// The rule that built the organisation so far.
    rule: Cell<Rule>,
}

/// An organisation and the place part it hangs from, or `None` when the
/// title names no organisation.
type Answer = Option<(String, String)>;

/// Places written in the title: the body after them (their government
/// when the post names its level).
fn written_places(lex: &Lexicon, parts: &TitleParts, body: &str) -> Option<Answer> {
    let last = parts.places.last()?;
    let before: String = parts.places[..parts.places.len() - 1].concat();
    let body = if body.is_empty() || body == GOVERNMENT {
        if role_level(lex, &parts.role).is_none() && body != GOVERNMENT {
            return Some(None);
        }
        GOVERNMENT
    } else {
        body
    };
    Some(Some((
        format!("{before}{}", attach(last, body)),
        format!("{before}{last}"),
    )))
}

/// A post that names its level (`副区长`) with no body, or that level's
/// government: that level's government.
fn level_government(ctx: &Context<'_, '_>, body: &str, role: &str) -> Option<Answer> {
    let w = role_level(ctx.doc.lex, role)?;
    // `某某县县长` where the gazetteer knows 某某 only under another level
    // (renamed, merged): the post is the government of the division as
    // written, never a body under the article's town.
    if let Some(short) = body.strip_suffix(w)
        && short.chars().count() >= MIN_SHORT_CHARS
        && super::article::full_of_short(ctx.doc.lex, short).is_some()
    {
        return Some(Some((attach(body, GOVERNMENT), body.to_string())));
    }
    let government = format!("{w}{GOVERNMENT}");
    (body.is_empty() || body == GOVERNMENT || body == government)
        .then(|| Some(level_bound(ctx, w, &government)))
}

/// The State Council and the posts held in it alone (a closed set of the
/// national government, kept in code as `总书记` is).
const STATE_COUNCIL: &str = "国务院";
const STATE_COUNCIL_POSTS: &[&str] = &["总理", "副总理", "国务委员"];

/// A post without a body: `总书记` is the party centre's, `总理` after a
/// central body's title the State Council's; another takes
/// the organisation of the title before it; a civil-service rank alone
/// (`副调研员`) serves the town's government; other posts alone
/// (`总经理`) name no organisation.
fn bare_post(ctx: &Context<'_, '_>, body: &str, role: &str) -> Option<Answer> {
    if !body.is_empty() {
        return None;
    }
    if role == "总书记" {
        return Some(Some(("中共中央".to_string(), String::new())));
    }
    // `中共中央政治局常委、总理`: a post of the State Council after a central
    // body's title is the State Council's, not that body's.
    if STATE_COUNCIL_POSTS.contains(&role)
        && ctx.prev.is_some_and(|p| {
            ctx.doc
                .lex
                .starts_with(&p.org, LexClass::Grammar(Grammar::National))
        })
    {
        return Some(Some((STATE_COUNCIL.to_string(), String::new())));
    }
    if let Some(p) = ctx.prev {
        // `某会党组副书记、副主任`, `某局党委书记、局长`: a post of the body
        // itself, not of its party committee or group.
        let org = match led_by_party_body(ctx.doc.lex, &p.org) {
            Some(body) if !is_party_post(ctx.doc.lex, role) => {
                ctx.rule.set(Rule::LeadsPartyBody);
                body
            }
            _ => p.org.clone(),
        };
        // `省委书记甲来到某某公司,董事长乙…`: a company's post is no post of
        // another body's title before it (`某集团党委书记、董事长` is).
        if is_company_post(ctx.doc.lex, role) && !is_company(ctx.doc.lex, &org) {
            return Some(None);
        }
        return Some(Some((org, p.owner.clone())));
    }
    if !role_has(ctx.doc.lex, role, |t| t.civil) {
        return Some(None);
    }
    Some(
        ctx.doc
            .town_of(ctx.art)
            .map(|town| (attach(&town, GOVERNMENT), town)),
    )
}

/// A body written in the title: national bodies as written, a body that
/// opens with a level word under the division of that level, a generic
/// area's body under the area named (`集中区党工委`), a body with a name
/// of its own as written, else under the title before it or the
/// article's town.
fn body_org(ctx: &Context<'_, '_>, body: String) -> (String, String) {
    let doc = ctx.doc;
    // `全国人大`, `中央纪委` (`grammar.national`).
    if doc
        .lex
        .starts_with(&body, LexClass::Grammar(Grammar::National))
    {
        return (body, String::new());
    }
    if let Some(w) = level_word(&body) {
        return level_bound(ctx, w, &body);
    }
    // `集中区党工委`: a generic area name, resolved to the named one.
    if let Some((area, rest)) = composite(doc.lex, &body) {
        return area_body(ctx, area, &rest, body);
    }
    // A body with a name of its own (`某某科技有限公司`, `上海某某中心`),
    // or its party committee (`某某集团党委`).
    let own =
        party_body_suffix(doc.lex, &body).map_or(body.as_str(), |p| &body[..body.len() - p.len()]);
    if is_named_body(doc.lex, &body) {
        return (body, String::new());
    }
    if !own.is_empty() && is_named_body(doc.lex, own) {
        ctx.rule.set(Rule::LeadsPartyBody);
        return (body, String::new());
    }
    if let Some(p) = ctx.prev {
        return body_after(ctx, p, body);
    }
    if is_party_department(doc.lex, &body) && body != OFFICE {
        // `组织部部长` alone: the department of the article's committee.
        let place = COMMITTEE_LEVELS
            .iter()
            .find_map(|w| doc.place_for(ctx.art, w));
        if let Some(place) = place {
            ctx.rule.set(Rule::LeadsPartyDepartment);
            return (format!("{}{body}", attach(&place, COMMITTEE)), place);
        }
    }
    // A consultative conference or a congress's standing committee sits in
    // a county or above, never in a town or a street (`街道政协`).
    if COUNTY_BODIES.iter().any(|b| body.starts_with(b)) {
        return match COMMITTEE_LEVELS
            .iter()
            .find_map(|w| doc.place_for(ctx.art, w))
        {
            Some(place) => (attach(&place, &body), place),
            None => (body, String::new()),
        };
    }
    match doc.town_of(ctx.art) {
        Some(town) => (attach(&town, &body), town),
        None => (body, String::new()),
    }
}

/// Bodies that sit in a county or above only.
const COUNTY_BODIES: &[&str] = &["政协", "人大常委会"];

/// A body that opens with the generic area `area` (`集中区` + `党工委`):
/// under the shortest name the article gives that area
/// (`某某集中区党工委`), else as written, owned by the area.
fn area_body(ctx: &Context<'_, '_>, area: String, rest: &str, body: String) -> (String, String) {
    let doc = ctx.doc;
    let a = doc.article_of_range(ctx.art);
    let named = doc
        .mentions_in(a.0, a.1)
        .map(|i| &doc.mentions[i].text)
        .filter(|t| t.ends_with(&area) && t.len() > area.len())
        .min_by_key(|t| t.len());
    match named {
        Some(n) => (format!("{n}{rest}"), n.clone()),
        None => (body, area),
    }
}

/// A body written after the title `p` in the same sentence: a party
/// department of the committee `p` names or of its place's committee, a
/// party group of the body `p` names, else the body under `p`'s place.
fn body_after(ctx: &Context<'_, '_>, p: &Resolved, body: String) -> (String, String) {
    let lex = ctx.doc.lex;
    if is_party_department(lex, &body)
        && let Some((committee, owner)) = committee_of(lex, p)
    {
        ctx.rule.set(Rule::LeadsPartyDepartment);
        return (format!("{committee}{body}"), owner);
    }
    // `某县副县长甲,组织部部长乙`: the department of that place's committee.
    if is_party_department(lex, &body) && body != OFFICE && has_committee_departments(lex, &p.owner)
    {
        ctx.rule.set(Rule::LeadsPartyDepartment);
        return (
            format!("{}{body}", attach(&p.owner, COMMITTEE)),
            p.owner.clone(),
        );
    }
    // `某政协副主席,党组成员`: a party group is a body's.
    if body == PARTY_GROUP {
        let led = led_by_party_body(lex, &p.org);
        if led.is_some() || party_body_suffix(lex, &p.org).is_none() {
            let led = led.unwrap_or_else(|| p.org.clone());
            ctx.rule.set(Rule::LeadsPartyBody);
            return (format!("{led}{body}"), p.owner.clone());
        }
    }
    if !p.owner.is_empty() {
        return (attach(&p.owner, &body), p.owner.clone());
    }
    (body, String::new())
}

/// A party committee's office, which a government has as well.
const OFFICE: &str = "办公室";

/// The level words of the divisions whose party committees have
/// departments (`组织部`), the most local first.
const COMMITTEE_LEVELS: &[&str] = &["县", "区", "旗", "市", "州"];

/// True when `place` (a division, or a level word alone) is a county or
/// higher, whose party committee has departments.
fn has_committee_departments(lex: &Lexicon, place: &str) -> bool {
    COMMITTEE_LEVELS.contains(&place)
        || super::article::division_level(lex, place).is_some_and(|l| l <= Level::County)
}

/// The party group of a body (`某局党组`): unlike a party committee, never
/// a place's own.
const PARTY_GROUP: &str = "党组";

/// A department of the party committee (`宣传部`, `办公室`: `party=1`).
fn is_party_department(lex: &Lexicon, body: &str) -> bool {
    lex.lookup(body)
        .any(|e| e.class == LexClass::TitleOrg && e.traits.party)
}

/// The party committee the title `p` names (`某县委`, also the committee of
/// `某县委宣传部`) and its owner.
fn committee_of(lex: &Lexicon, p: &Resolved) -> Option<(String, String)> {
    let committee = if p.org.ends_with(COMMITTEE) {
        p.org.as_str()
    } else {
        let dept = lex
            .suffixes_of(&p.org, LexClass::TitleOrg)
            .find(|d| is_party_department(lex, d))?;
        let c = &p.org[..p.org.len() - dept.len()];
        c.ends_with(COMMITTEE).then_some(c)?
    };
    Some((committee.to_string(), p.owner.clone()))
}

/// The shortest generic area split off the head of a body, in chars: a
/// level character after one more (the `集中区` of `集中区党工委`).
const MIN_AREA_CHARS: usize = 2;

/// A body whose first part is a generic area ending in a level character
/// (`集中区` + `党工委`), split there.
fn composite(lex: &Lexicon, body: &str) -> Option<(String, String)> {
    // Split before the third char at the earliest, the longest area first.
    let n = body.chars().count();
    body.char_indices()
        .rev()
        .take(n.saturating_sub(MIN_AREA_CHARS))
        .find_map(|(at, _)| {
            let (area, rest) = body.split_at(at);
            (Level::division_word_ending(area).is_some()
                && (lex.is(rest, LexClass::TitleOrg) || lex.is(rest, LexClass::Org)))
            .then(|| (area.to_string(), rest.to_string()))
        })
}

/// The shortest proper part of an organisation already named that a bare
/// body resolves to (`开发区党工委` for `区党工委`), in chars.
const MIN_KNOWN_STEM_CHARS: usize = 2;

/// Resolves a body that starts with the level word `w`: the division of
/// that level the title before it in the sentence names, else the
/// article's division of that level, else a longer organisation already named with
/// this ending, else as written. Returns the organisation and its owner.
fn level_bound(ctx: &Context<'_, '_>, w: &str, body: &str) -> (String, String) {
    // `某县县委副书记、县长`: the title before it in the sentence names the
    // division of this level.
    let doc = ctx.doc;
    if let Some(p) = ctx.prev
        && let Some((name, level)) = super::article::divisions_in_name(doc.lex, &p.owner).pop()
        && super::article::fits_level_word(w, &name, level)
        && p.owner.ends_with(&name)
    {
        // Only the division of this level: the title keeps the levels it
        // writes, and this one writes none (`某省某市委书记、市长` → 某市人民政府).
        return (attach(&name, body), name);
    }
    if let Some(p) = doc.place_for(ctx.art, w) {
        return (attach(&p, body), p);
    }
    let rest = &body[w.len()..];
    for k in ctx.known {
        if k.len() > body.len() && k.ends_with(body) {
            let owner = &k[..k.len() - rest.len()];
            let stem = &k[..k.len() - body.len()];
            if stem.chars().count() >= MIN_KNOWN_STEM_CHARS
                && !doc
                    .lex
                    .ends_with(owner, LexClass::Grammar(Grammar::NotDivision))
            {
                return (k.clone(), owner.to_string());
            }
        }
    }
    (body.to_string(), w.to_string())
}

impl Doc<'_> {
    /// The char range of article `art`.
    pub(crate) fn article_of_range(&self, art: usize) -> (usize, usize) {
        self.articles
            .get(art)
            .map_or((0, self.len()), |a| (a.start, a.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relate::testing::doc;

    fn parts(t: &str) -> (Vec<String>, String, String) {
        let lex = Lexicon::embedded();
        let p = split_named(&lex, t).expect("a post");
        (p.places, p.body, p.role)
    }

    #[test]
    fn split_titles() {
        assert_eq!(
            parts("区委副书记"),
            (vec![], "区委".into(), "副书记".into())
        );
        assert_eq!(
            parts("七宝镇党委书记"),
            (vec!["七宝镇".into()], "党委".into(), "书记".into())
        );
        assert_eq!(
            parts("镇党委委员"),
            (vec![], "镇党委".into(), "委员".into())
        );
        assert_eq!(
            parts("区人大常委会副主任"),
            (vec![], "区人大常委会".into(), "副主任".into())
        );
        assert_eq!(parts("副镇长"), (vec![], "".into(), "副镇长".into()));
        assert_eq!(
            parts("全国人大代表"),
            (vec![], "全国人大".into(), "代表".into())
        );
        assert_eq!(parts("纪委书记"), (vec![], "纪委".into(), "书记".into()));
        assert!(split_named(&Lexicon::embedded(), "城管中心").is_none());
    }

    #[test]
    fn split_at_the_post_recognition_found() {
        let lex = Lexicon::embedded();
        // Recognition's post is the compound `党委书记`; its body is peeled
        // off, as when the post is looked for.
        let p = split_title(&lex, "镇党委书记", "党委书记".len()).expect("a post");
        assert_eq!((p.body.as_str(), p.role.as_str()), ("镇党委", "书记"));
        assert_eq!(Some(p), split_named(&lex, "镇党委书记"));
        let p = split_title(&lex, "施甸县人大常委会副主任", "常委会副主任".len()).expect("a post");
        assert_eq!(p.places, ["施甸县"]);
        assert_eq!((p.body.as_str(), p.role.as_str()), ("人大常委会", "副主任"));
        assert!(split_title(&lex, "副主任", 0).is_none());
        assert!(split_title(&lex, "副主任", "副主任".len() + 3).is_none());
        // Inside a char: no post.
        assert!(split_title(&lex, "副主任", 4).is_none());
    }

    #[test]
    fn attach_rules() {
        assert_eq!(attach("闵行区", "区委"), "闵行区委");
        assert_eq!(attach("闵行区", "区合作交流办"), "闵行区合作交流办");
        assert_eq!(attach("浦东新区", "区委"), "浦东新区区委");
        assert_eq!(attach("房县", "县委"), "房县县委");
        assert_eq!(attach("房县", "县人大常委会"), "房县人大常委会");
        assert_eq!(attach("郊区", "委"), "郊区区委");
        assert_eq!(attach("施甸县", "委"), "施甸县委");
        assert_eq!(attach("七宝镇", "党委"), "七宝镇党委");
        assert_eq!(attach("七宝镇", "镇人民政府"), "七宝镇人民政府");
    }

    #[test]
    fn bodies_are_spelled_out() {
        let lex = Lexicon::embedded();
        let normalize_body = |b| normalize_body(&lex, b);
        assert_eq!(normalize_body("区政府"), "区人民政府");
        assert_eq!(normalize_body("县法院行政庭"), "县人民法院行政庭");
        assert_eq!(normalize_body("县人民检察院"), "县人民检察院");
        assert_eq!(normalize_body("全国人大"), "全国人民代表大会");
        assert_eq!(normalize_body("政府办"), "政府办");
        assert_eq!(normalize_body("县政府党组"), "县人民政府党组");
    }

    #[test]
    fn posts_that_name_their_level() {
        let lex = Lexicon::embedded();
        let role_level = |r| role_level(&lex, r);
        assert_eq!(role_level("副区长"), Some("区"));
        assert_eq!(role_level("常务副县长"), Some("县"));
        assert_eq!(role_level("代理县长"), Some("县"));
        assert_eq!(role_level("常务县长"), Some("县"));
        assert_eq!(role_level("镇长"), Some("镇"));
        assert_eq!(role_level("局长"), None);
        assert_eq!(role_level("秘书长"), None);
    }

    fn org(text: &str, title: &str, prev: Option<&Resolved>) -> (String, String) {
        let d = doc(text);
        let r = resolve(&d, 0, title, prev, &[]).expect("resolved");
        (r.org, r.role)
    }

    #[test]
    fn resolved_from_the_article() {
        let t = "11月2日,闵行区召开会议,七宝镇代表发言。";
        assert_eq!(
            org(t, "区委副书记", None),
            ("闵行区委".into(), "副书记".into())
        );
        assert_eq!(
            org(t, "副区长", None),
            ("闵行区人民政府".into(), "副区长".into())
        );
        assert_eq!(
            org(t, "镇长", None),
            ("七宝镇人民政府".into(), "镇长".into())
        );
        assert_eq!(
            org(t, "人大主席", None),
            ("七宝镇人大".into(), "主席".into())
        );
        assert_eq!(
            org(t, "社建办主任", None),
            ("七宝镇社建办".into(), "主任".into())
        );
        assert_eq!(
            org(t, "云南省保山市施甸县委书记", None),
            ("云南省保山市施甸县委".into(), "书记".into())
        );
    }

    #[test]
    fn a_street_body_resolves_to_the_street_named() {
        // The gazetteer once held a town named plainly `街道`, which made
        // `街道党工委` look named already.
        let t = "6月18日,检查组来到南京东路街道。";
        assert_eq!(
            org(t, "街道党工委书记", None),
            ("南京东路街道党工委".into(), "书记".into())
        );
    }

    #[test]
    fn kept_as_written_without_a_place() {
        let t = "11月2日,召开会议。";
        assert_eq!(org(t, "区委书记", None), ("区委".into(), "书记".into()));
        assert_eq!(
            org(t, "区政府副区长", None),
            ("区人民政府".into(), "副区长".into())
        );
        assert_eq!(org(t, "总书记", None), ("中共中央".into(), "总书记".into()));
    }

    #[test]
    fn bare_posts_follow_the_title_before() {
        let t = "11月2日,七宝镇召开会议。";
        let d = doc(t);
        let first = resolve(&d, 0, "区政协副主席", None, &[]).unwrap();
        let r = resolve(&d, 0, "秘书长", Some(&first), &[]).unwrap();
        assert_eq!(r.org, "区政协");
        let committee = Resolved {
            org: "闵行区委".into(),
            owner: "闵行区".into(),
            role: "常委".into(),
            rule: Rule::LeadsTitle,
        };
        assert_eq!(
            resolve(&d, 0, "宣传部部长", Some(&committee), &[])
                .unwrap()
                .org,
            "闵行区委宣传部"
        );
        assert_eq!(
            resolve(&d, 0, "文明办主任", Some(&committee), &[])
                .unwrap()
                .org,
            "闵行区文明办"
        );
    }

    #[test]
    fn no_consultative_conference_sits_in_a_street() {
        let t = "11月2日,柳河县柳河镇召开会议。";
        let d = doc(t);
        let r = resolve(&d, 0, "政协办公室主任", None, &[]).unwrap();
        assert_eq!(r.org, "柳河县政协办公室");
        let t = "11月2日,东城街道召开会议。";
        let d = doc(t);
        let r = resolve(&d, 0, "政协办公室主任", None, &[]).unwrap();
        assert_eq!(r.org, "政协办公室");
    }

    #[test]
    fn a_one_character_body_without_a_place_names_none() {
        let d = doc("11月2日,东城街道召开会议。");
        assert!(resolve(&d, 0, "委主任", None, &[]).is_none());
    }

    fn resolved(text: &str, titles: &[&str]) -> Resolved {
        let d = doc(text);
        let mut prev: Option<Resolved> = None;
        for t in titles {
            prev = resolve(&d, 0, t, prev.as_ref(), &[]);
        }
        prev.expect("resolved")
    }

    #[test]
    fn posts_of_a_party_body_and_of_the_body_it_leads() {
        let t = "11月2日,柳河县召开会议。";
        let r = resolved(t, &["县教育局党委书记", "局长"]);
        assert_eq!((r.org.as_str(), r.role.as_str()), ("柳河县教育局", "局长"));
        assert_eq!(r.rule, Rule::LeadsPartyBody);
        let r = resolved(t, &["县教育局党委书记", "副书记"]);
        assert_eq!(r.org, "柳河县教育局党委");
        // A town's party committee leads the town, no body.
        let r = resolved(t, &["镇党委书记", "镇长"]);
        assert_eq!(r.org, "镇人民政府");
        let r = resolved(t, &["县政协副主席", "党组成员"]);
        assert_eq!(
            (r.org.as_str(), r.role.as_str()),
            ("柳河县政协党组", "成员")
        );
        let r = resolved(t, &["金泰集团党委书记"]);
        assert_eq!(r.org, "金泰集团党委");
    }

    #[test]
    fn a_party_department_after_a_committee_post() {
        let t = "11月2日,柳河县召开会议。";
        let r = resolved(t, &["县委常委", "办公室主任"]);
        assert_eq!(r.org, "柳河县委办公室");
        assert_eq!(r.rule, Rule::LeadsPartyDepartment);
        let r = resolved(t, &["县委宣传部部长", "统战部部长"]);
        assert_eq!(r.org, "柳河县委统战部");
        // Alone, it is the county's committee's.
        assert_eq!(resolved(t, &["组织部部长"]).org, "柳河县委组织部");
        let r = resolved(t, &["桃源县副县长", "组织部部长"]);
        assert_eq!(r.org, "桃源县委组织部");
    }

    #[test]
    fn a_short_form_at_the_head_of_a_title() {
        let t = "11月2日,会议召开。";
        let r = resolved(t, &["七宝党委书记"]);
        assert_eq!(r.org, "七宝镇党委");
        assert_eq!(r.rule, Rule::LeadsShortForm);
        let r = resolved(t, &["吉林柳河县县长"]);
        assert_eq!(r.org, "吉林柳河县人民政府");
    }

    #[test]
    fn a_congress_director_serves_its_standing_committee() {
        let t = "11月2日,柳河县召开会议。";
        let r = resolved(t, &["县人大主任"]);
        assert_eq!(r.org, "柳河县人大常委会");
        assert_eq!(r.rule, Rule::LeadsStandingCommittee);
        assert_eq!(resolved(t, &["县人大副主任"]).org, "柳河县人大常委会");
        assert_eq!(resolved(t, &["县人大常委会主任"]).org, "柳河县人大常委会");
        assert_eq!(resolved(t, &["县人大代表"]).org, "柳河县人大");
    }

    #[test]
    fn enterprises_keep_their_name() {
        let d = doc("11月2日,七宝镇召开会议。");
        let r = resolve(&d, 0, "上海某某科技有限公司总经理", None, &[]).unwrap();
        assert_eq!(
            (r.org.as_str(), r.role.as_str()),
            ("上海某某科技有限公司", "总经理")
        );
        assert!(resolve(&d, 0, "总经理", None, &[]).is_none());
        assert_eq!(
            resolve(&d, 0, "副调研员", None, &[]).unwrap().org,
            "七宝镇人民政府"
        );
    }

    #[test]
    fn longer_name_already_in_the_article() {
        let d = doc("11月2日,会议召开。");
        let known = vec!["开发区党工委".to_string(), "东湖社区党委".to_string()];
        let r = resolve(&d, 0, "区党工委副书记", None, &known).unwrap();
        assert_eq!(r.org, "开发区党工委");
        // A community is no division.
        let r = resolve(&d, 0, "区党委书记", None, &known).unwrap();
        assert_eq!(r.org, "区党委");
    }
}

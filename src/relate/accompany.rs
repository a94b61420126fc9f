//! ACCOMPANY: a named companion went along with the visitors (`陪同`).
//!
//! `甲、乙等陪同调研`, `丙陪同活动`, `在丁的陪同下,…`: each person named
//! before `陪同` in its sentence, who is not a visitor, accompanied each
//! person of the article's current visiting group (never an organisation).
//! Unnamed companions (`相关部门负责人陪同`) give nothing.

use super::visit::Groups;
use super::{Doc, Found};
use crate::lexicon::Trigger;
use crate::rules::Rule;
use crate::span::EntityKind;

/// The verb after which the companions are listed (`陪同的还有甲、乙`):
/// one function character of the construction, not a vocabulary.
const LISTED_AFTER: char = '有';

/// How far after the trigger word [`LISTED_AFTER`] may stand, in chars.
const MAX_TO_LISTED_CHARS: usize = 8;

/// Every ACCOMPANY of the document.
pub(crate) fn find(doc: &Doc<'_>, groups: &Groups) -> Vec<Found> {
    let mut out = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        // `陪同` (`trigger.accompany`).
        let Some(at) = doc.first_trigger(s.start, s.end, Trigger::Accompany) else {
            continue;
        };
        let text = doc.text(s.start, s.end);
        let k = doc.text(s.start, at).len();
        let Some(g) = groups.current.get(si).copied().flatten() else {
            continue;
        };
        let group = &groups.list[g];
        let is_member = |i: usize| {
            group
                .members
                .iter()
                .any(|&m| doc.mentions[m].text == doc.mentions[i].text)
        };
        // `陪同调研的还有甲、乙`: the companions follow.
        let (from, to) = match text[k..].find(LISTED_AFTER) {
            // `陪同的有甲、乙`, `陪同人员有…`, `陪同调研的还有…`; not
            // `陪同有关活动`.
            Some(h)
                if text[k..k + h].chars().count() <= MAX_TO_LISTED_CHARS
                    // A closed set of the grammar, kept in code.
                    && text[k..k + h].ends_with(['的', '员', '还']) =>
            {
                (doc.past(s.start, &text[..k + h]), s.end)
            }
            _ => (s.start, at),
        };
        let companions: Vec<usize> = doc
            .mentions_in(from, to)
            .filter(|&i| {
                doc.mentions[i].kind == EntityKind::Person
                    && !doc.in_parens(s.start, doc.mentions[i].span.start)
                    && !is_member(i)
            })
            .collect();
        let visitors: Vec<usize> = group
            .members
            .iter()
            .copied()
            .filter(|&m| doc.mentions[m].kind == EntityKind::Person)
            .collect();
        for &c in &companions {
            for &v in &visitors {
                out.push(Found::Accompany {
                    head: c,
                    tail: v,
                    sentence: si,
                    rule: Rule::Accompany,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::relate::testing::{has, keys};

    fn accompanies(t: &str) -> Vec<String> {
        keys(t)
            .into_iter()
            .filter(|k| k.starts_with("ACCOMPANY"))
            .collect()
    }

    #[test]
    fn companions_of_a_group() {
        let t = "11月3日,副区长张建华,区政协副主席王卫东一行来到七宝镇调研。镇党委书记刘伟明、镇长赵志刚陪同调研。";
        let a = accompanies(t);
        for want in [
            "ACCOMPANY 刘伟明 -> 张建华",
            "ACCOMPANY 刘伟明 -> 王卫东",
            "ACCOMPANY 赵志刚 -> 张建华",
            "ACCOMPANY 赵志刚 -> 王卫东",
        ] {
            assert!(a.contains(&want.to_string()), "{want} not in {a:?}");
        }
        assert_eq!(a.len(), 4, "{a:?}");
    }

    #[test]
    fn companions_of_some_of_the_activities() {
        let t = "4月1日,邻县县长张明带队到我县调研。邻县副县长李强参加。本县县长王伟陪同有关活动。";
        let a = accompanies(t);
        assert!(a.contains(&"ACCOMPANY 王伟 -> 张明".to_string()), "{a:?}");
        assert!(a.contains(&"ACCOMPANY 王伟 -> 李强".to_string()), "{a:?}");
    }

    #[test]
    fn companions_of_guests_who_come_to_us() {
        let t = "8月21日,市政协副主席张明带队来我县开展民主监督活动。县政协主席王伟陪同调研。";
        assert_eq!(accompanies(t), ["ACCOMPANY 王伟 -> 张明"]);
        let t = "7月22日,邻市市长张明率考察团来潍考察。市委书记王伟陪同有关活动。";
        assert_eq!(accompanies(t), ["ACCOMPANY 王伟 -> 张明"]);
    }

    #[test]
    fn never_to_a_delegation() {
        let t = "11月3日,县委书记张建华率某县党政代表团一行到七宝镇考察。镇长赵志刚陪同考察。";
        assert_eq!(accompanies(t), ["ACCOMPANY 赵志刚 -> 张建华"]);
    }

    #[test]
    fn companions_named_after() {
        let t = "8月5日,副区长张建华来到七宝镇调研,陪同调研的还有镇党委书记刘伟明、镇长赵志刚。";
        let a = accompanies(t);
        assert_eq!(
            a,
            ["ACCOMPANY 刘伟明 -> 张建华", "ACCOMPANY 赵志刚 -> 张建华"]
        );
        assert!(has(t, "VISIT 张建华 -> 七宝镇"), "{:?}", keys(t));
        assert!(!has(t, "VISIT 刘伟明 -> 七宝镇"), "{:?}", keys(t));
    }

    #[test]
    fn unnamed_companions_give_nothing() {
        let t = "11月3日,副区长张建华来到七宝镇调研。区建管委相关负责人陪同调研。";
        assert!(accompanies(t).is_empty());
    }

    #[test]
    fn no_visit_no_companion() {
        assert!(accompanies("镇长赵志刚陪同参加会议。").is_empty());
    }
}

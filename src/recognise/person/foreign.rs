//! Transliterated foreign and minority names: `沙利卡什维利`, `阿尔弗雷德·桑特`.
//! Chinese writes them with a small set of characters chosen for their
//! sound (the transliteration tables of the news agencies), so a name
//! after a post is the longest run of those characters, its parts joined
//! by `·`. The segmenter cuts such names anywhere (`沙/nr 利卡/n 什维利/nrt`);
//! the run does not.

use super::super::Scan;
use super::name::end_strength;
use crate::recognise::pos::Pos;
use crate::span::Span;
use crate::text::{LazyCharSet, is_cjk};

/// Characters of the standard transliteration tables that also write
/// foreign names in news (common Chinese function characters left out:
/// a name ends before `于`, `在`, `和`, `为`, `日`). Kept in code: a closed
/// table of single characters, read per character; as entries the
/// automaton would find one at nearly every character.
static SOUNDS: LazyCharSet = LazyCharSet::new(concat!(
    "阿埃艾爱安昂奥澳巴拜班邦保鲍贝本比彼毕宾波玻伯勃博布卜查察彻楚茨采",
    "达黛丹戴道德登迪蒂丁顿多杜敦厄恩尔法菲斐芬费丰冯弗伏夫福富",
    "盖甘冈戈格根贡古哈海汉豪赫亨洪胡惠霍基吉加贾杰金津卡凯坎康考",
    "柯科克肯库夸奎昆拉莱兰朗劳勒雷蕾里丽利莉历列廉林琳卢鲁吕伦罗洛",
    "玛马迈麦曼梅蒙米密莫默姆穆纳娜奈南内尼妮涅纽努诺欧帕佩彭",
    "皮珀普齐奇恰乔切钦琼丘萨撒塞赛桑瑟森沙莎绍舍申什施史舒斯",
    "松苏索塔泰坦汤特提廷汀图托瓦旺威韦维温沃乌伍西希锡谢辛休",
    "雅亚扬耶叶伊因英尤约泽扎詹兹佐祖",
));

/// The fewest characters of a run without `·` read as a foreign name: a
/// Chinese name has three at most (a compound surname aside).
const MIN_RUN: usize = 4;

/// Characters a name may end right before even where the segmenter
/// joins them to it (`托马斯·萨维为团长`).
/// Kept in code, as `dictionaries/README.md` says of such sets: a closed
/// set of single characters of the grammar, read per character.
const FOLLOWERS: &str = "为等在和与将于是曾已也说以";

/// Sound characters that only open a name (`于尔根`): elsewhere they are
/// the preposition after one.
/// Kept in code, as `dictionaries/README.md` says of such sets: a closed
/// set of single characters of the grammar, read per character.
const FIRST_ONLY: &str = "于";

/// True when `c` is a character of the transliteration tables.
pub(crate) fn is_sound(c: char) -> bool {
    SOUNDS.contains(c)
}

/// True for the dots that join the parts of a name.
pub(crate) fn is_dot(c: char) -> bool {
    matches!(c, '·' | '•' | '‧' | '・')
}

/// True for the hyphens that join a name's parts in some news (`某某特-阿伦`),
/// after two sound characters at least.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{FF0D}')
}

/// The run of transliteration characters starting at `pos`, its parts
/// joined by `·`: its end, and whether a `·` joins parts.
fn run(scan: &Scan<'_>, pos: usize) -> (usize, bool, usize) {
    let mut end = pos;
    let mut chars = 0;
    let mut dotted = false;
    let mut it = scan.text[pos..].char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if SOUNDS.contains(c) || (i == 0 && FIRST_ONLY.contains(c)) {
            chars += 1;
            end = pos + i + c.len_utf8();
        } else if (is_dot(c) || (is_hyphen(c) && chars >= MIN_SHORT_RUN))
            && end == pos + i
            && chars > 0
            && it.peek().is_some_and(|&(_, n)| SOUNDS.contains(n))
        {
            dotted = true;
        } else {
            break;
        }
    }
    (end, dotted, chars)
}

/// True when a name may end at `pos`: the text ends, something other
/// than an ideograph follows, a word the segmenter reads starts there, or
/// a cue or a function character follows.
fn ends_here(scan: &Scan<'_>, pos: usize) -> bool {
    let Some(c) = scan.char_at(pos) else {
        return true;
    };
    !is_cjk(c)
        || FOLLOWERS.contains(c)
        || end_strength(scan, pos) > 0
        || scan.tokens_around(pos).iter().any(|t| t.span.start == pos)
}

/// A transliterated name starting at `pos`: four sound characters or
/// more, or parts joined by `·`, ending where a name can end.
pub(crate) fn read(scan: &Scan<'_>, pos: usize) -> Option<Span> {
    let (end, dotted, chars) = run(scan, pos);
    let long_enough = if dotted { chars >= 3 } else { chars >= MIN_RUN };
    (long_enough && ends_here(scan, end)).then_some(Span::new(pos, end))
}

/// A transliterated name `n` the segmenter cut before its end (`某某·艾/nr
/// 利夫/n 表示`): `n` run on over the sound characters after it, to where a
/// name can end. `None` when no sound character follows or the run ends
/// inside a word.
pub(crate) fn sounds_on(scan: &Scan<'_>, n: Span) -> Option<Span> {
    let end = n.end
        + scan.text[n.end..]
            .chars()
            .take_while(|&c| SOUNDS.contains(c))
            .map(char::len_utf8)
            .sum::<usize>();
    (end > n.end && ends_here(scan, end)).then_some(Span::new(n.start, end))
}

/// A transliterated name after a post at `pos` that is longer than the
/// Chinese reading there (`chinese`), where that reading does not end
/// clearly (`主席沙利卡|什维利`) or the run has a `·`.
pub(crate) fn after_post(scan: &Scan<'_>, pos: usize, chinese: Option<Span>) -> Option<Span> {
    let Some(f) = read(scan, pos) else {
        return short_after_post(scan, pos, chinese);
    };
    let dotted = scan.text[f.range()]
        .chars()
        .any(|c| is_dot(c) || is_hyphen(c));
    match chinese {
        Some(c) if c.end >= f.end => None,
        Some(c) if !dotted && end_strength(scan, c.end) > 0 => None,
        _ => Some(f),
    }
}

/// The fewest characters of a short transliteration the segmenter tags
/// as a place (`ns`) read after a post (two are as often a country's short
/// form: `英法`).
const MIN_SHORT_NS_RUN: usize = 3;

/// The fewest characters of a short transliteration read after a post.
const MIN_SHORT_RUN: usize = 2;

/// `外交部长恩佐宣布`, `驻华大使莱尼亚等`, `主教练勒夫公布`: a short run of
/// two or three sound characters right after a post or a role, where no
/// Chinese name can be read (no surname, or a word), ending clearly (a
/// break, a digit, a cue, a function character, a verb). The run is no
/// word of the segmenter's dictionary other than a name, and no word of
/// the segmenter runs on past it or into it from before (`人民警察法`
/// holds `民警`).
fn short_after_post(scan: &Scan<'_>, pos: usize, chinese: Option<Span>) -> Option<Span> {
    if chinese.is_some() {
        return None;
    }
    let (end, dotted, chars) = run(scan, pos);
    if dotted || !(MIN_SHORT_RUN..MIN_RUN).contains(&chars) || !ends_clearly(scan, end) {
        return None;
    }
    let w = &scan.text[pos..end];
    // `队长加拉斯/ns`: the segmenter tags transliterations as places too;
    // a place the lexicon knows is taken before this.
    let place_tag_ok = chars >= MIN_SHORT_NS_RUN;
    let a_word = scan
        .word_tag(w)
        .is_some_and(|t| !(t.is_name() || (t == Pos::Ns && place_tag_ok)));
    let runs_on = scan.tokens_around(pos).iter().any(|t| {
        (t.span.start < end && t.span.end > end) || (t.span.start < pos && t.span.end > pos)
    });
    (!a_word && !runs_on && !scan.lex.any(w, |_| true)).then_some(Span::new(pos, end))
}

/// True when a short name clearly ends at `pos`: the text ends, no
/// ideograph follows, or a cue, a post, a function character, or a verb,
/// an adverb, a conjunction, a time word or a pronoun the segmenter reads
/// starts there (`主教练某某目前…`, `某某这时候…`).
pub(crate) fn ends_clearly(scan: &Scan<'_>, pos: usize) -> bool {
    let Some(c) = scan.char_at(pos) else {
        return true;
    };
    !is_cjk(c)
        || FOLLOWERS.contains(c)
        || end_strength(scan, pos) > 0
        || scan.tokens_around(pos).iter().any(|t| {
            t.span.start == pos
                && (t.tag.is_verb()
                    || t.tag.is_adverb()
                    || matches!(t.tag, Pos::C | Pos::T | Pos::R))
        })
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::spans;
    use crate::span::EntityKind::Person;

    #[test]
    fn a_long_transliteration_after_a_post_is_one_name() {
        assert_eq!(
            spans("会见了来访的国防部长马里奥维利一行。", Person),
            ["马里奥维利"]
        );
    }

    #[test]
    fn parts_joined_by_a_dot_and_the_word_after_them() {
        assert_eq!(
            spans("国防部长保罗·莫里斯托尔昨天表示,双方将加强合作。", Person),
            ["保罗·莫里斯托尔"]
        );
    }

    #[test]
    fn a_short_transliteration_after_a_post_or_a_role() {
        assert_eq!(spans("外交部长纳佩宣布,双方将加强合作。", Person), ["纳佩"]);
        assert_eq!(spans("驻华大使莱萨塔等参加了会见。", Person), ["莱萨塔"]);
        assert_eq!(spans("球队主教练佩迪公布了首发名单。", Person), ["佩迪"]);
        // A word of the segmenter's dictionary is no name, nor is the
        // end of a word that holds the role (`民警` in `警察法`).
        assert!(spans("我们关心老人福利、健康和教育。", Person).is_empty());
        assert!(spans("学习了《人民警察法》、《消防法》。", Person).is_empty());
    }

    #[test]
    fn a_short_transliteration_before_an_adverb_or_a_conjunction() {
        assert_eq!(
            spans("国际足联主席拉法塔起先觉得不妥。", Person),
            ["拉法塔"]
        );
    }

    #[test]
    fn a_short_transliteration_before_a_time_word_or_a_pronoun() {
        assert_eq!(spans("球队主教练佐尼目前压力很大。", Person), ["佐尼"]);
        assert_eq!(spans("不过主教练基萨这时候突然下课。", Person), ["基萨"]);
    }

    #[test]
    fn li_writes_a_sound() {
        assert_eq!(
            spans(
                "俱乐部副总裁阿历克斯·希姆雷斯表示,球队不会出售主力。",
                Person
            ),
            ["阿历克斯·希姆雷斯"]
        );
    }

    #[test]
    fn parts_joined_by_a_hyphen() {
        assert_eq!(
            spans("其中一位学生福兰特-阿伦成为教练。", Person),
            ["福兰特-阿伦"]
        );
    }

    #[test]
    fn a_dotted_name_after_a_post_the_lexicon_reads_a_place_across() {
        // `长沙` across `部长` and the name.
        assert_eq!(
            spans("外交部长沙利亚·萨巴赫表示,双方将加强合作。", Person),
            ["沙利亚·萨巴赫"]
        );
    }

    #[test]
    fn a_chinese_name_after_a_post_keeps_its_reading() {
        assert_eq!(spans("副市长马丽娜表示,要抓好落实。", Person), ["马丽娜"]);
    }
}

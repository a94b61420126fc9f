//! Tests of VISIT.

use super::*;
use crate::relate::testing::{has, keys};

fn visits(t: &str) -> Vec<String> {
    keys(t)
        .into_iter()
        .filter(|k| k.starts_with("VISIT"))
        .collect()
}

#[test]
fn visitors_accompanied_by_hosts_are_still_the_visitors() {
    let v =
        visits("5月3日,市农业局局长王明华率副局长李国强一行,在当地干部的陪同下,来到青山镇调研。");
    assert!(v.contains(&"VISIT 王明华 -> 青山镇".to_string()), "{v:?}");
    assert!(v.contains(&"VISIT 李国强 -> 青山镇".to_string()), "{v:?}");
}

#[test]
fn participants_join_with_any_inspection_word() {
    let v = visits("5月3日,县长张明远来到柳树村观摩。县委常委李华参加观摩。");
    assert!(v.contains(&"VISIT 李华 -> 柳树村".to_string()), "{v:?}");
}

#[test]
fn a_guest_group_s_hosts_who_take_part_stay_hosts() {
    let v = visits(
        "5月3日,青山县委书记张明远率考察团来我县考察,先后来到柳树村、杨林村。县领导李华、王强参加调研。",
    );
    assert!(v.contains(&"VISIT 张明远 -> 柳树村".to_string()), "{v:?}");
    assert!(!v.iter().any(|k| k.starts_with("VISIT 李华")), "{v:?}");
}

#[test]
fn a_reporter_is_no_visitor() {
    let v = visits("青山讯 记者周平报道:5月3日,县长张明远深入柳树村检查防汛工作。");
    assert!(v.contains(&"VISIT 张明远 -> 柳树村".to_string()), "{v:?}");
    assert!(!v.iter().any(|k| k.starts_with("VISIT 周平")), "{v:?}");
}

#[test]
fn a_clause_with_no_subject_goes_on_with_the_visitors() {
    let v = visits("5月3日,县长张明远一行来到柳树村调研。\n前往杨林村察看了农田。");
    assert!(v.contains(&"VISIT 张明远 -> 杨林村".to_string()), "{v:?}");
}

#[test]
fn a_list_of_places_fronted_before_the_group() {
    let v = visits(
        "5月3日,县长张明远带领考察团来到青山镇。在柳树村、杨林村等地,考察团一行听取了汇报。",
    );
    assert!(v.contains(&"VISIT 张明远 -> 柳树村".to_string()), "{v:?}");
    assert!(v.contains(&"VISIT 张明远 -> 杨林村".to_string()), "{v:?}");
}

#[test]
fn a_group_goes_to_a_town() {
    let t = "11月3日,区委副书记张建华,区委常委王卫东一行来到七宝镇开展督查工作。";
    let v = visits(t);
    assert!(v.contains(&"VISIT 张建华 -> 七宝镇".to_string()), "{v:?}");
    assert!(v.contains(&"VISIT 王卫东 -> 七宝镇".to_string()), "{v:?}");
}

#[test]
fn coordinated_places_and_a_back_reference() {
    let t = "11月3日,副区长张建华一行来到七宝镇调研。\n\n张建华一行先后察看了七宝老街、闵行体育公园和宝铭路等点位。";
    let v = visits(t);
    for p in ["七宝镇", "七宝老街", "闵行体育公园", "宝铭路"] {
        assert!(
            v.contains(&format!("VISIT 张建华 -> {p}")),
            "{p} not in {v:?}"
        );
    }
}

#[test]
fn a_delegation_and_its_leader() {
    let t = "11月3日,某省某县委书记张建华率施甸县党政代表团一行到七宝镇交流考察。\n\n会前,代表团实地考察了七宝古镇。";
    let v = visits(t);
    for want in [
        "VISIT 张建华 -> 七宝镇",
        "VISIT 施甸县党政代表团 -> 七宝镇",
        "VISIT 张建华 -> 七宝古镇",
        "VISIT 施甸县党政代表团 -> 七宝古镇",
    ] {
        assert!(v.contains(&want.to_string()), "{want} not in {v:?}");
    }
}

#[test]
fn a_participant_named_with_nothing_after_joins_the_visit_that_follows() {
    let t = "4月1日,邻市副市长张明带队到我县开展招商。邻县副县长李强参加。\
             考察团一行先后来到东方机械有限公司、红星村等地。";
    assert!(has(t, "VISIT 李强 -> 东方机械有限公司"), "{:?}", keys(t));
    assert!(has(t, "VISIT 李强 -> 红星村"), "{:?}", keys(t));
}

#[test]
fn a_participant_at_the_very_end_of_the_text_joins() {
    // No punctuation after 参加了: the clause ends with the text.
    let t = "5月2日,县长王明来到东风镇调研。副县长李强参加了";
    assert!(has(t, "VISIT 李强 -> 东风镇"), "{:?}", keys(t));
}

#[test]
fn participants_of_the_activity_join_but_not_those_who_go_separately() {
    let t = "5月2日,县长王明来到东风镇调研。副县长李强参加了此次活动。";
    assert!(has(t, "VISIT 李强 -> 东风镇"), "{:?}", keys(t));
    let t = "5月2日,县长王明来到东风镇调研,县领导李强、赵刚分别参加。";
    assert!(!has(t, "VISIT 李强 -> 东风镇"), "{:?}", keys(t));
}

#[test]
fn participants_listed_after_yi_tong_can_jia_de_you() {
    let t = "5月2日,区农委主任王明来到东风镇调研。一同参加的有区农委书记李强、副主任赵刚,\
             镇农业服务中心主任孙伟陪同参加。";
    let k = visits(t);
    assert!(has(t, "VISIT 李强 -> 东风镇"), "{k:?}");
    assert!(has(t, "VISIT 赵刚 -> 东风镇"), "{k:?}");
    assert!(!has(t, "VISIT 孙伟 -> 东风镇"), "{k:?}");
}

#[test]
fn leaders_of_the_place_visited_who_take_part_are_hosts() {
    let t = "5月2日,邻区副区长王明率队赴西山县开展考察,实地走访西山县东风镇。\
             李强、赵刚等西山县领导参加相关活动。";
    assert!(has(t, "VISIT 王明 -> 东风镇"), "{:?}", keys(t));
    assert!(!has(t, "VISIT 李强 -> 东风镇"), "{:?}", keys(t));
}

#[test]
fn stops_that_lie_in_a_park_are_visited_with_it() {
    let t = "5月2日,副县长王明先后来到位于东风镇的红星机械有限公司、\
             蓝天食品有限公司,了解项目进展。";
    let k = visits(t);
    assert!(has(t, "VISIT 王明 -> 东风镇"), "{k:?}");
    assert!(has(t, "VISIT 王明 -> 红星机械有限公司"), "{k:?}");
    assert!(has(t, "VISIT 王明 -> 蓝天食品有限公司"), "{k:?}");
}

#[test]
fn a_visitor_comes_in_the_company_of_hosts() {
    let t = "9月4日,邻县副县长王明一行在市委常委李强的陪同下来东风镇调研。";
    assert!(has(t, "VISIT 王明 -> 东风镇"), "{:?}", keys(t));
}

#[test]
fn learning_about_something_in_a_place_is_a_visit_to_it() {
    let t = "6月2日,县长王明一行在东风镇详细了解防汛工作。";
    assert!(has(t, "VISIT 王明 -> 东风镇"), "{:?}", keys(t));
    let t = "6月2日,县长王明在东风镇政府会议室听取了工作汇报。";
    assert!(visits(t).is_empty(), "{:?}", keys(t));
}

#[test]
fn a_caption_says_where_the_group_was() {
    let t = "6月2日,县政协主席王明率队视察东风镇。\n视察组在西山镇\n";
    assert!(has(t, "VISIT 王明 -> 西山镇"), "{:?}", keys(t));
}

#[test]
fn a_caption_in_brackets_is_read_like_any_sentence() {
    let t = "6月2日,县政协主席王明率队视察东风镇。\n(与会人员参观西山镇)\n";
    assert!(has(t, "VISIT 王明 -> 西山镇"), "{:?}", keys(t));
    let t = "6月2日,县政协主席王明率队视察东风镇(西山镇)。";
    assert!(!has(t, "VISIT 王明 -> 西山镇"), "{:?}", keys(t));
}

#[test]
fn participants_join_the_group() {
    let t = "11月3日,副区长张建华一行走访七宝镇。区政协副主席王卫东参加调研。";
    assert!(has(t, "VISIT 王卫东 -> 七宝镇"), "{:?}", keys(t));
}

#[test]
fn each_person_on_their_own() {
    let t = "近期,副区长张建华,副区长王卫东分别赴七宝镇调研。\n\n12月2日,张建华实地考察七宝老街。";
    let v = visits(t);
    assert!(v.contains(&"VISIT 张建华 -> 七宝老街".to_string()), "{v:?}");
    assert!(
        !v.contains(&"VISIT 王卫东 -> 七宝老街".to_string()),
        "{v:?}"
    );
    assert!(v.contains(&"VISIT 王卫东 -> 七宝镇".to_string()), "{v:?}");
}

#[test]
fn a_clause_that_goes_on() {
    let t = "12月2日,副区长张建华来到七宝镇。随后,走访了七宝老街。";
    assert!(has(t, "VISIT 张建华 -> 七宝老街"), "{:?}", keys(t));
}

#[test]
fn bare_sections_are_weak_tails() {
    assert!(is_bare_section("C 区"));
    assert!(is_bare_section("3期"));
    assert!(!is_bare_section("东方花园三期"));
    assert!(!is_bare_section("七宝镇"));
}

#[test]
fn a_site_and_its_visitor() {
    let t = "10月3日,副区长张建华带队调研。在七宝老街、闵行体育公园等项目现场,张建华要求加快进度。";
    let v = visits(t);
    assert!(v.contains(&"VISIT 张建华 -> 七宝老街".to_string()), "{v:?}");
    assert!(
        v.contains(&"VISIT 张建华 -> 闵行体育公园".to_string()),
        "{v:?}"
    );
}

#[test]
fn a_pronoun_goes_on() {
    let t = "8月5日,副区长张建华来到七宝镇调研。他还来到闵行体育公园,察看了场馆建设情况。";
    assert!(has(t, "VISIT 张建华 -> 闵行体育公园"), "{:?}", keys(t));
}

#[test]
fn a_frame_with_the_place_inside() {
    let t = "学习副区长张建华在七宝镇视察时的讲话精神。";
    assert!(has(t, "VISIT 张建华 -> 七宝镇"), "{:?}", keys(t));
}

#[test]
fn the_host_thanks_the_visitor() {
    let t = "镇党委书记王卫东感谢副区长张建华多次莅临七宝镇指导工作。";
    let v = visits(t);
    assert_eq!(v, ["VISIT 张建华 -> 七宝镇"]);
}

#[test]
fn no_visitor_no_visit() {
    assert!(visits("11月3日,七宝镇赴北京、上海开展招商推介活动。").is_empty());
    assert!(visits("王卫东表示,七宝镇得到了各方的支持。").is_empty());
}

#[test]
fn road_end_points_are_not_visited() {
    let t = "4月2日,副县长张建华先后到七宝镇至华漕镇公路、闵行体育公园等现场。";
    let v = visits(t);
    assert_eq!(v, ["VISIT 张建华 -> 闵行体育公园"], "{v:?}");
}

#[test]
fn a_list_runs_over_commas_when_it_closes_with_deng() {
    let t = "9月9日,副市长张建华带领视察组先后到七宝镇,华漕镇等处进行了实地调研。";
    assert!(has(t, "VISIT 张建华 -> 华漕镇"), "{:?}", keys(t));
    let t = "副区长张建华来到七宝镇开展调研,华漕镇也作了汇报。";
    assert_eq!(visits(t), ["VISIT 张建华 -> 七宝镇"]);
}

#[test]
fn a_list_ends_at_a_verb() {
    let t = "副区长张建华赴七宝镇开展督查,2018年是闵行区发展的起始年";
    assert_eq!(visits(t), ["VISIT 张建华 -> 七宝镇"]);
    let t = "副区长张建华赴七宝镇开展督查2018年是华漕镇发展的起始年";
    assert_eq!(visits(t), ["VISIT 张建华 -> 七宝镇"]);
}

#[test]
fn a_list_whose_first_items_are_no_names() {
    let t = "副区长张建华实地察看了百亩葛根基地、七宝老街和闵行体育公园等地。";
    let v = visits(t);
    assert!(v.contains(&"VISIT 张建华 -> 七宝老街".to_string()), "{v:?}");
    assert!(
        v.contains(&"VISIT 张建华 -> 闵行体育公园".to_string()),
        "{v:?}"
    );
}

#[test]
fn a_verb_inside_a_noun_is_no_trigger() {
    let t = "副区长张建华带领区督查室、区民政局负责人到七宝镇调研。";
    assert_eq!(visits(t), ["VISIT 张建华 -> 七宝镇"]);
}

#[test]
fn leaders_who_go_separately() {
    let t = "区委书记张建华、区长王卫东分别带队走访辖区企业。区委书记张建华带队前往七宝镇。副区长刘伟明参加调研。";
    let v = visits(t);
    assert!(v.contains(&"VISIT 刘伟明 -> 七宝镇".to_string()), "{v:?}");
    assert!(!v.contains(&"VISIT 王卫东 -> 七宝镇".to_string()), "{v:?}");
}

#[test]
fn a_county_body_at_home() {
    let t = "4月2日,宣汉县人大常委会副主任张建华先后到宣汉县百亩葛根基地、七宝镇等现场。";
    assert_eq!(visits(t), ["VISIT 张建华 -> 七宝镇"]);
}

#[test]
fn journeys_that_are_no_visits() {
    assert!(visits("2019年,王卫东同志调到七宝镇任党委书记。").is_empty());
}

#[test]
fn a_journey_to_attend_an_event_visits_its_place() {
    let t = "6月3日,镇党委书记刘伟明带队赴青川县参加招商推介会。";
    assert_eq!(visits(t), ["VISIT 刘伟明 -> 青川县"]);
}

#[test]
fn a_member_named_alone_visits_alone() {
    let t = "5月3日,县长张明远率副县长李华一行来到柳树村调研。张明远察看了杨林村。随后,在青山公园视察。";
    let v = visits(t);
    assert!(v.contains(&"VISIT 李华 -> 柳树村".to_string()), "{v:?}");
    assert!(v.contains(&"VISIT 张明远 -> 杨林村".to_string()), "{v:?}");
    assert!(!v.contains(&"VISIT 李华 -> 杨林村".to_string()), "{v:?}");
    assert!(v.contains(&"VISIT 李华 -> 青山公园".to_string()), "{v:?}");
}

#[test]
fn participants_widen_the_visit_of_their_sentence() {
    let t = "5月3日,县长张明远深入柳树村、杨林村检查防汛。县领导李华、王强一同参加检查。";
    let v = visits(t);
    assert!(v.contains(&"VISIT 李华 -> 杨林村".to_string()), "{v:?}");
    assert!(v.contains(&"VISIT 王强 -> 柳树村".to_string()), "{v:?}");
}

#[test]
fn named_companions_in_a_passive_frame_are_no_visitors() {
    let t = "张明远一行在青山公司董事长李华等人陪同下,考察了红星机械有限公司、东方纺织有限公司。";
    let v = keys(t);
    assert!(
        v.contains(&"VISIT 张明远 -> 东方纺织有限公司".to_string()),
        "{v:?}"
    );
    assert!(!v.iter().any(|k| k.starts_with("VISIT 李华")), "{v:?}");
    assert!(v.contains(&"ACCOMPANY 李华 -> 张明远".to_string()), "{v:?}");
}

#[test]
fn watching_a_film_is_no_visit() {
    let t = "考察团一行来到青山镇展示中心,观看了柳树镇宣传片。";
    let v = visits(t);
    assert!(!v.iter().any(|k| k.ends_with("柳树镇")), "{v:?}");
}

#[test]
fn a_leader_and_his_party_split_over_places_stay_one_group() {
    let t = "4月15日,市农业局局长张明远率副局长李华一行,分别到柳树乡和杨林乡调研。张明远一行先后深入柳树村、杨林村。";
    let v = visits(t);
    assert!(v.contains(&"VISIT 李华 -> 杨林村".to_string()), "{v:?}");
}

#[test]
fn a_series_of_stops_runs_over_commas() {
    let t = "5月3日,副县长张明远先后来到县人民医院,县第一中学,县公安局、柳树村检查安全生产。";
    let v = visits(t);
    for p in ["县人民医院", "县第一中学", "县公安局", "柳树村"] {
        assert!(
            v.contains(&format!("VISIT 张明远 -> {p}")),
            "{p} not in {v:?}"
        );
    }
    let t = "副县长张明远来到县人民医院,县第一中学也派人参加。";
    assert_eq!(visits(t), ["VISIT 张明远 -> 县人民医院"]);
}

#[test]
fn a_fronted_list_with_items_not_named() {
    let t = "5月3日,县长张明远带领考察团来到青山镇。在红星机械有限公司、绿源新材料科技有限公司、青山县人民医院、柳树村等地,考察团一行听取了汇报。";
    let v = visits(t);
    assert!(
        v.contains(&"VISIT 张明远 -> 红星机械有限公司".to_string()),
        "{v:?}"
    );
    assert!(v.contains(&"VISIT 张明远 -> 柳树村".to_string()), "{v:?}");
    let t = "5月3日,县长张明远带领考察团来到青山镇。在青山镇的大力支持下,考察团一行听取了汇报。";
    assert_eq!(visits(t), ["VISIT 张明远 -> 青山镇"]);
}

#[test]
fn a_participant_of_a_compound_verb_joins_the_group() {
    let t = "5月3日,市委常委张明远带队深入柳树村进行考察调研。市政协副主席李华参加考察调研。在杨林村、青山公园,考察团了解了情况。";
    let v = visits(t);
    assert!(v.contains(&"VISIT 张明远 -> 杨林村".to_string()), "{v:?}");
    assert!(v.contains(&"VISIT 李华 -> 青山公园".to_string()), "{v:?}");
}

#[test]
fn participants_of_a_visit_no_subject_names_are_its_visitors() {
    let t = "1月18日,青山县组织部分人大代表参观考察柳树村,县人大常委会副主任李华,副县长王强参加考察活动。";
    let v = visits(t);
    assert!(v.contains(&"VISIT 李华 -> 柳树村".to_string()), "{v:?}");
    assert!(v.contains(&"VISIT 王强 -> 柳树村".to_string()), "{v:?}");
}

#[test]
fn the_place_a_verb_stands_in_is_visited_with_its_objects() {
    let t = "5月3日,县长张明远一行来到青山镇。在柳树村调研了青山公园建设情况。";
    let v = visits(t);
    assert!(v.contains(&"VISIT 张明远 -> 柳树村".to_string()), "{v:?}");
    assert!(v.contains(&"VISIT 张明远 -> 青山公园".to_string()), "{v:?}");
}

#[test]
fn a_leader_at_home_makes_no_visit() {
    let t = "3月9日,闵行区委书记张建华调研闵行区工业发展情况。";
    assert!(visits(t).is_empty(), "{:?}", keys(t));
}

#[test]
fn a_fronted_place_with_no_subject_after_it_goes_on_with_the_visitors() {
    let v = visits("县长张明远来到柳树村调研。在杨林村,详细察看了农田水利设施。");
    assert!(v.contains(&"VISIT 张明远 -> 杨林村".to_string()), "{v:?}");
    // A person named after the verb is no visitor.
    let v = visits("县长张明远来到柳树村调研。在杨林村,听取了村支书李红的汇报。");
    assert!(v.contains(&"VISIT 张明远 -> 杨林村".to_string()), "{v:?}");
    assert!(!v.iter().any(|k| k.starts_with("VISIT 李红")), "{v:?}");
}

#[test]
fn before_any_place_those_who_set_out_are_the_visitors() {
    let v = visits(
        "县长张明远深入企业督导安全生产工作。县领导李华参加活动。在青禾化工有限公司,详细了解企业安全生产情况。",
    );
    assert!(
        v.contains(&"VISIT 张明远 -> 青禾化工有限公司".to_string()),
        "{v:?}"
    );
    assert!(!v.iter().any(|k| k.starts_with("VISIT 李华")), "{v:?}");
}

#[test]
fn a_list_of_stops_ends_with_the_title_it_stands_in() {
    let t = "《市长王明莅临青川县观摩》由青川新闻网提供。";
    assert_eq!(visits(t), ["VISIT 王明 -> 青川县"]);
}

#[test]
fn a_site_after_a_short_modifier_is_visited() {
    let t = "在柳镇,县长王明参观了新修建的柳镇中心幼儿园。";
    let v = visits(t);
    assert!(
        v.contains(&"VISIT 王明 -> 柳镇中心幼儿园".to_string()),
        "{v:?}"
    );
}

#[test]
fn participants_named_before_the_party_sets_out_join_it() {
    let t = "6月2日,县长王明组织召开防汛现场会并开展巡河活动。副县长李华、县政协副主席赵强参加活动。王明一行在黄河沿线查看水情。";
    let v = visits(t);
    for head in ["王明", "李华", "赵强"] {
        assert!(v.contains(&format!("VISIT {head} -> 黄河")), "{v:?}");
    }
}

#[test]
fn a_phrase_of_means_keeps_its_group() {
    let t = "5月2日,县人大常委会副主任王明带领检查组进行检查。检查组通过听取汇报、实地查看等形式,就青山乡学校改造等议案进行检查。";
    let v = visits(t);
    assert!(v.contains(&"VISIT 王明 -> 青山乡学校".to_string()), "{v:?}");
}

#[test]
fn a_participant_holding_a_post_in_the_place_visited_is_a_host() {
    let t = "8月12日,浙江省湖州市委常委王明带队的考察团深入玉溪市红塔区考察。玉溪市委常委李强参加考察。";
    let v = visits(t);
    assert!(
        v.contains(&"VISIT 王明 -> 玉溪市红塔区".to_string()),
        "{v:?}"
    );
    assert!(!v.iter().any(|r| r.contains("李强")), "{v:?}");
}

#[test]
fn coming_to_a_place_to_carry_out_an_activity_visits_it() {
    let t = "6月29日,副区长王明来青川开展东西部协作对接活动。";
    assert_eq!(visits(t), ["VISIT 王明 -> 青川"]);
}

#[test]
fn a_one_character_abbreviation_is_no_site() {
    let v = visits("8月12日,副市长王明带队深入援藏公寓、援藏企业考察。");
    assert!(v.iter().all(|r| !r.ends_with("-> 藏")), "{v:?}");
}

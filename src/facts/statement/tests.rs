//! The statements read off invented sentences, and the packaged rules' verdicts on them.

use super::Relation;

/// The statements of `text`, each as "construction: relation" with figures as written.
fn read(text: &str) -> Vec<String> {
    let (doc, facts) = crate::analyse(text);
    let fig = |i: &usize| doc.text(&facts.figures[*i].quantity.span).to_string();
    let join = |ids: &[usize]| ids.iter().map(fig).collect::<Vec<_>>().join("+");
    facts
        .statements
        .iter()
        .map(|st| {
            let what = match &st.relation {
                Relation::Share {
                    numerators,
                    base,
                    percent,
                } => {
                    let nums: Vec<String> = numerators.iter().map(|n| join(n)).collect();
                    format!("{}={}/{}", fig(percent), nums.join("|"), join(base))
                }
                Relation::Sum { total, parts } => format!("{}={}", fig(total), join(parts)),
                Relation::AtMostWhole { percent } => format!("{}<=100%", fig(percent)),
                Relation::Growth {
                    value,
                    change,
                    percent,
                    fall,
                } => {
                    let sign = if *fall { "+" } else { "-" };
                    format!(
                        "{}={}/({}{sign}{})",
                        fig(percent),
                        fig(change),
                        fig(value),
                        fig(change)
                    )
                }
                Relation::Difference { stated, readings } => {
                    let each: Vec<String> = readings
                        .iter()
                        .map(|m| {
                            let mut t = fig(&m.from);
                            for l in &m.less {
                                t.push('-');
                                t.push_str(&fig(l));
                            }
                            for n in &m.named {
                                t.push('-');
                                t.push_str(&doc.source[n.clone()]);
                            }
                            t
                        })
                        .collect();
                    format!("{}={}", fig(stated), each.join("|"))
                }
                Relation::NotChecked { figure, .. } => format!("{}?", fig(figure)),
            };
            let sure = if st.sure { "" } else { "~" };
            format!("{:?}{sure} {what}", st.construction)
        })
        .collect()
}

/// The ids of the packaged ratio and parts_sum rules that fire on `text`.
fn fired(text: &str) -> Vec<String> {
    let mut out = crate::rules::testing::fired_in(
        "rules/ratio.yaml",
        include_str!("../../../rules/ratio.yaml"),
        text,
    );
    out.extend(crate::rules::testing::fired_in(
        "rules/parts_sum.yaml",
        include_str!("../../../rules/parts_sum.yaml"),
        text,
    ));
    out
}

#[test]
fn shares_of_an_earlier_total() {
    // A list right after its total, introduced by 其中.
    assert_eq!(
        read("青山镇处理信访件80件。其中,来信20件,占25%;来访60件,占75%。"),
        [
            "Share 25%=20件/80件",
            "ShareList 80件=20件+60件",
            "Share 75%=60件/80件"
        ]
    );
    // Named by its noun.
    assert_eq!(
        read("全镇制定了40条整改措施,截至目前,已完成整改措施30条,占全部整改措施的75%。"),
        ["Share 75%=30条/40条"]
    );
    // 占总数: the total marked by …中.
    assert_eq!(
        read("全区排查的60个问题点位中,已销号的12个。其中已完成整治的点位30个,占总数的50%。"),
        ["Share 50%=30个/60个"]
    );
    // A share whose sentence states its base is the sentence readers'.
    assert!(read("30个问题已完成27个,占90%。").is_empty());
    // A named base that is not stated.
    assert_eq!(read("已完成改造12户,占应改造户数的40%。"), ["Share~ 40%?"]);
    // Shares of their own list's sum (120, half a year), not of the year's 150.
    let part_year =
        "全年共受理信访件150件。今年1至6月,来信30件,占25%;来访45件,占37.5%;网上信访45件,占37.5%。";
    assert_eq!(
        read(part_year),
        ["Share~ 25%?", "Share~ 37.5%?", "Share~ 37.5%?"]
    );
    assert!(fired(part_year).is_empty(), "{:?}", fired(part_year));
    // A slip in the total leaves the sum near it: still held to it.
    let slip = "青山镇处理信访件81件。其中,来信20件,占25%;来访60件,占75%。";
    assert!(!fired(slip).is_empty(), "{:?}", read(slip));
}

#[test]
fn a_list_far_from_its_total_needs_agreement() {
    let text = "全年共受理诉求300件,均已办结。\n\n\
                按来源分类。来信60件,占比20%;来电90件,占比30%;来访150件,占比50%。";
    assert_eq!(
        read(text),
        [
            "Share~ 20%=60件/300件",
            "Share~ 30%=90件/300件",
            "ShareList~ 300件=60件+90件+150件",
            "Share~ 50%=150件/300件"
        ]
    );
    // Shares of another whole: none holds against the 300, and the counts do not add up to it.
    let other = "全年共受理诉求300件,均已办结。\n\n\
                 其中涉农诉求120件。来信24件,占比20%;来电36件,占比30%;来访60件,占比50%。";
    assert!(fired(other).is_empty(), "{:?}", read(other));
    assert!(
        read(other).iter().all(|s| s.ends_with('?')),
        "{:?}",
        read(other)
    );
}

#[test]
fn rates_tables_and_regions() {
    assert_eq!(read("办结率102.5%。"), ["Rate 102.5%<=100%"]);
    assert_eq!(read("问题实现100%整改到位。"), ["Rate 100%<=100%"]);
    assert!(read("财政收入增长103%。").is_empty());
    // A plan's target may be exceeded.
    assert!(read("全年税收任务完成率103%。").is_empty());
    assert_eq!(read("反馈问题整改完成率103%。"), ["Rate 103%<=100%"]);
    let table = "序号 | 村 | 问题数 | 已整改 | 整改率\n\
                 1 | 东岭村 | 12 | 11 | 91.7%\n\
                 2 | 西岭村 | 8 | 8 | 100%\n\
                 合计 | 20 | 19 | 95%";
    assert_eq!(
        read(table),
        [
            "TableRow 91.7%=11/12",
            "TableTotal 20=12+8",
            "TableTotal 19=11+8",
            "TableRow 100%=8/8",
            "TableRow 95%=19/20"
        ]
    );
    // A table cut short states no sums.
    let cut = "序号 | 村 | 问题数 | 已整改 | 整改率\n\
               合计 | 20 | 19 | 95%\n\
               1 | 东岭村 | 12 | 11 | 91.7%\n\
               2 | 西岭村";
    assert_eq!(read(cut), ["TableRow 95%=19/20", "TableRow 91.7%=11/12"]);
    let regions = "3县共问责30人,其中,科级干部9人。分县情况:甲县10人,其中,科级干部3人;\
                   乙县12人,其中,科级干部4人;丙县8人,其中,科级干部2人。";
    assert_eq!(
        read(regions),
        [
            "RegionTotal 30人=10人+12人+8人",
            "RegionTotal 9人=3人+4人+2人"
        ]
    );
    // Two regions of three: some of them, not all.
    assert!(read("3县共问责30人。甲县问责10人;乙县问责12人。").is_empty());
    // Another measure: 约谈 is not 问责.
    assert!(read("3县共问责30人。甲县约谈10人;乙县约谈12人;丙县约谈8人。").is_empty());
}

#[test]
fn region_entries_in_prose() {
    // A framed rank first, the rest after `其余N县依次为`, a shorter list before the entries,
    // and a total of one rank of cadres summed over the entries' figures of that label.
    let text = "4县共问责50人,其中科级干部12人。4县问责科级干部12人;股级干部20人。

                从各县情况看,东县问责人数最多,达20人,其中科级干部5人;西县问责14人,                其中科级干部3人。其余2县依次为南县问责9人,其中科级干部2人;北县问责7人,                其中科级干部2人。";
    assert_eq!(
        read(text),
        [
            "RegionTotal 50人=20人+14人+9人+7人",
            "RegionTotal 12人=5人+3人+2人+2人",
            "RegionTotal 12人=5人+3人+2人+2人"
        ]
    );
    assert!(fired(text).is_empty(), "{:?}", read(text));
    let broken = text.replace("北县问责7人", "北县问责8人");
    assert_eq!(fired(&broken).len(), 1, "{:?}", read(&broken));
    let broken = text.replace("问责科级干部12人", "问责科级干部13人");
    assert_eq!(fired(&broken).len(), 1, "{:?}", read(&broken));
    // A label no entry states: no sum is read for it.
    let other = text.replace("问责科级干部12人", "问责处级干部1人");
    assert_eq!(
        read(&other),
        [
            "RegionTotal 50人=20人+14人+9人+7人",
            "RegionTotal 12人=5人+3人+2人+2人"
        ]
    );
    // Three of four regions: some of them, not all.
    let some = "4县共问责50人。

从各县情况看,东县问责人数最多,达20人;西县问责14人。                其余1县为南县问责9人。";
    assert!(read(some).is_empty(), "{:?}", read(some));
}

#[test]
fn totals_split_by_status() {
    assert_eq!(
        read("反馈问题40个,已完成整改33个,正在整改5个,长期坚持2个。"),
        ["StatusSplit 40个=33个+5个+2个"]
    );
    // The total in the sentence before, with the rest named: less sure.
    assert_eq!(
        read("制定整改措施60条。目前,48条整改措施已完成,其余12条整改措施正在推进。"),
        ["StatusSplit~ 60条=48条+12条"]
    );
    // A plan is no status: 应完成整改的20项 is the total.
    assert_eq!(
        read("应完成整改的20项问题已完成整改17项,3项未达到序时进度。"),
        ["StatusSplit 20项=17项+3项"]
    );
    // A part's share between the parts.
    assert_eq!(
        read("制定了50项整改措施,截至5月底,共计完成整改措施45项,占90%,其余5项正在推进。"),
        ["StatusSplit 50项=45项+5项"]
    );
    // No total stated: a rate after the done part and the rest is of their sum.
    assert_eq!(
        read("截至6月底,已完成整改16项,其余4项正在推进,完成率80%。"),
        ["StatusRate 80%=16项/16项+4项", "Rate 80%<=100%"]
    );
    // 需长期坚持 is a status, not a plan.
    assert_eq!(
        read("反馈的30个问题,已完成整改25个,正在整改3个,需长期坚持2个。"),
        ["StatusSplit 30个=25个+3个+2个"]
    );
    // By rank with the rest named, after the total of the measure.
    assert_eq!(
        read(
            "全县立案30件,给予处分60人(其中党纪处分50人;政务处分12人),结案28件。其中,处分科级干部5人,一般干部15人,农村、企业等其他人员40人。"
        ),
        ["RankList 60人=5人+15人+40人"]
    );
    // Ranks alone are some of the people.
    assert!(read("给予处分60人。其中,处分处级干部5人,科级干部15人,股级干部12人。").is_empty());
    // A later figure of the unit may be a part without a status word.
    assert!(read("反馈问题40个,已完成整改33个,正在整改5个,2个因客观原因暂缓。").is_empty());
    // A single status part less than the total is no error.
    assert!(read("反馈问题40个,已完成整改33个。").is_empty());
    // A nested 其中 breaks the list.
    assert!(read("反馈问题40个,已完成33个,其中提前完成5个,正在整改7个。").is_empty());
    // Two done statuses and no rest: not a partition.
    assert!(read("反馈问题40个,已完成33个,基本完成5个。").is_empty());
    // A further stage or rest named after the parts with no figure: the parts are not all.
    assert!(read("受理信访件50件,已办结42件,正在办理5件,其他正在核查。").is_empty());
    assert!(read("反馈问题40个,已完成整改33个,正在整改5个,其余问题持续推进。").is_empty());
    assert!(read("反馈问题40个,已完成整改33个,正在整改5个,另有部分问题移交。").is_empty());
    // A clause after the parts that names no further part leaves the list whole.
    assert_eq!(
        read("反馈问题40个,已完成整改33个,正在整改7个,均明确了责任人。"),
        ["StatusSplit 40个=33个+7个"]
    );
}

#[rustfmt::skip]
const CASES: &[(&str, &[&str])] = &[
    ("青山镇处理信访件80件。其中,来信20件,占25%;来访60件,占75%。", &[]),
    ("青山镇处理信访件80件。其中,来信20件,占28%;来访60件,占75%。", &["share-of-total-mismatch"]),
    // The counts no longer make up the whole whose shares they are (20 / 81 = 24.7% still
    // rounds to 25%).
    ("青山镇处理信访件81件。其中,来信20件,占25%;来访60件,占75%。",
     &["share-of-total-mismatch", "sum-mismatch"]),
    // 176 / 3000 = 5.8667%: 5.86% only by truncation, at most a warning.
    ("共受理诉求3000件。其中,来信176件,占比5.86%;来访2824件,占比94.13%。",
     &["share-of-total-mismatch-uncertain"]),
    ("全镇制定了40条整改措施,已完成整改措施30条,占全部整改措施的78%。", &["share-of-total-mismatch"]),
    ("信访件已办结40件、阶段办结5件,办结率102.5%。", &["rate-over-100"]),
    ("问题实现103%整改到位。", &["rate-over-100"]),
    ("序号 | 村 | 问题数 | 已整改 | 整改率\n1 | 东岭村 | 12 | 11 | 94.7%\n2 | 西岭村 | 8 | 8 | 100%",
     &["share-of-total-mismatch"]),
    ("序号 | 村 | 问题数 | 已整改 | 整改率\n1 | 东岭村 | 12 | 11 | 91.7%\n2 | 西岭村 | 8 | 8 | 100%\n合计 | 21 | 19 | 90.5%",
     &["sum-mismatch"]),
    ("3县共问责31人。分县情况:甲县10人;乙县12人;丙县8人。", &["sum-mismatch"]),
    ("3县共问责30人。分县情况:甲县10人;乙县12人;丙县8人。", &[]),
    ("给予处分61人。其中,处分科级干部5人,一般干部15人,农村、企业等其他人员40人。", &["sum-mismatch"]),
    ("反馈问题41个,已完成整改33个,正在整改5个,长期坚持2个。", &["sum-mismatch"]),
    ("制定整改措施61条。目前,48条整改措施已完成,其余12条整改措施正在推进。", &["sum-mismatch-uncertain"]),
    ("应完成整改的21项问题已完成整改17项,3项未达到序时进度。", &["sum-mismatch"]),
    ("截至6月底,已完成整改16项,其余4项正在推进,完成率84%。", &["share-of-total-mismatch"]),
];

#[test]
fn verdicts() {
    for (text, want) in CASES {
        let mut got = fired(text);
        got.sort();
        let mut want: Vec<String> = want.iter().map(|w| w.to_string()).collect();
        want.sort();
        assert_eq!(got, want, "{text}: {:?}", read(text));
    }
}

#[test]
fn the_rest_after_a_total_counted_with_another_classifier() {
    let good = "制定了40条整改措施的整改清单。截至目前,31项整改措施已如期完成,其余需要长期整改的9项正在推进。";
    assert_eq!(read(good), ["StatusSplit~ 40条=31项+9项"]);
    assert!(fired(good).is_empty());
    let bad = "制定了40条整改措施的整改清单。截至目前,32项整改措施已如期完成,其余需要长期整改的9项正在推进。";
    assert!(!fired(bad).is_empty());
    // Another noun: not the same things.
    assert!(
        read("制定了40条工作制度。截至目前,32项整改措施已如期完成,其余的9项正在推进。").is_empty()
    );
}

#[test]
fn growth_rates() {
    assert_eq!(
        read("全年镇级财政收入52.8万元,较上年增加4.8万元,增长10%。"),
        ["Growth 10%=4.8万元/(52.8万元-4.8万元)"]
    );
    assert_eq!(
        read("全年受理信访86件,同比减少14件,下降14%。"),
        ["Growth 14%=14件/(86件+14件)"]
    );
    assert_eq!(
        read("集体经营收入64万元,比2021年多4万元,增幅为6.7%。"),
        ["Growth 6.7%=4万元/(64万元-4万元)"]
    );
    // A change and a rate that go different ways, a rate's change in points, a change of
    // another unit, no comparison: not read.
    assert!(read("受理信访86件,同比减少14件,增长14%。").is_empty());
    assert!(
        !read("办结率95%,较上年提高3个百分点,增长3.3%。")
            .iter()
            .any(|s| s.starts_with("Growth"))
    );
    assert!(read("收入52.8万元,较上年增加4个项目,增长10%。").is_empty());
    assert!(read("收入52.8万元,其中4.8万元,增长10%。").is_empty());
    for (text, flagged) in [
        (
            "全年镇级财政收入52.8万元,较上年增加4.8万元,增长10%。",
            false,
        ),
        ("全年镇级财政收入52.8万元,较上年增加4.8万元,增长13%。", true),
        ("全年受理信访86件,同比减少14件,下降14%。", false),
        ("全年受理信访86件,同比减少14件,下降16.3%。", true),
        ("税收收入192.69万元,较上年增加11.65万元,增长6.44%。", false),
        ("税收收入192.69万元,较上年增加11.65万元,增长9.44%。", true),
    ] {
        assert_eq!(!fired(text).is_empty(), flagged, "{text}: {:?}", read(text));
    }
}

#[test]
fn lists_with_their_total_after_them() {
    assert_eq!(
        read("共对21个机关党组织、6个乡镇(街道),4个国企党组织共31个党组织开展巡察。"),
        ["ListTotal~ 31个=21个+6个+4个"]
    );
    assert_eq!(
        read("巡察了5个村、3个社区共8个,发现问题12个。"),
        ["ListTotal~ 8个=5个+3个"]
    );
    // An open list, a total of something else, a total far from the parts, one part, a list
    // that is not of counts followed by their names: not read.
    assert!(read("对21个机关、6个乡镇等共31个党组织开展巡察。").is_empty());
    assert!(read("涉及3个镇、15个村共20个项目。").is_empty());
    assert!(read("对21个机关、6个乡镇共80个党组织开展巡察。").is_empty());
    assert!(read("对6个乡镇共31个党组织开展巡察。").is_empty());
    assert!(read("发现问题30个、整改25个共31个问题。").is_empty());
    for (text, flagged) in [
        (
            "共对21个机关党组织、6个乡镇(街道),4个国企党组织共31个党组织开展巡察。",
            false,
        ),
        (
            "共对22个机关党组织、6个乡镇(街道),4个国企党组织共31个党组织开展巡察。",
            true,
        ),
        ("处分5名科级干部、9名一般干部共14名干部。", false),
        ("处分5名科级干部、9名一般干部共15名干部。", true),
    ] {
        assert_eq!(!fired(text).is_empty(), flagged, "{text}: {:?}", read(text));
    }
}

#[test]
fn completion_rates_of_the_total_before() {
    // The whole in the sentence before, marked as a total: 310 / 520 = 59.62%.
    assert_eq!(
        read("青山镇方案共列出整改任务520项。截至年底,已完成310项,完成率近60%。"),
        ["RateOfTotal~ 近60%=310项/520项", "Rate 近60%<=100%"]
    );
    // No total marker on the figure before: not read.
    assert_eq!(
        read("青山镇今年排查整改任务520项。截至年底,已完成310项,完成率近60%。"),
        ["Rate 近60%<=100%"]
    );
    // Two figures of the unit in the sentence before: not read.
    assert_eq!(
        read("青山镇共列出整改任务520项,其中重点任务40项。截至年底,已完成310项,完成率近60%。"),
        ["Rate 近60%<=100%"]
    );
    // Ongoing is not done.
    assert_eq!(
        read("青山镇共列出整改任务520项。截至年底,正在推进310项,完成率近60%。"),
        ["Rate 近60%<=100%"]
    );
    // A rate of this year's tasks, a part of the total before.
    assert_eq!(
        read("青山镇共列出整改任务520项。截至目前,已完成年度目标任务310项,完成率100%。"),
        ["Rate 100%<=100%"]
    );
    // A part named before the status, another thing named after it, a clause naming a
    // part: the done count is not of the total before.
    for text in [
        "青山镇共列出整改问题520个。民生领域问题已完成整改310个,完成率近60%。",
        "青山镇共有行政村52个。截至年底,已完成整改问题31个,完成率近60%。",
        "青山镇共列出整改措施520条。截至年底,县级牵头的措施已落实310条,落实率近60%。",
        "青山镇共列出整改措施520条。截至年底,重点措施已落实310条,落实率近60%。",
        "青山镇共列出整改措施520条。在重点领域,已落实310条,落实率近60%。",
    ] {
        let text = text.replace("近60%", "近90%");
        assert!(
            !read(&text).iter().any(|s| s.starts_with("RateOfTotal")),
            "{text}: {:?}",
            read(&text)
        );
        assert!(fired(&text).is_empty(), "{text}: {:?}", read(&text));
    }
    // A clause of when or by what account, and the total's own thing named: still read.
    assert_eq!(
        read("青山镇共列出整改问题520个。根据调度情况,截至年底,已完成整改问题310个,完成率近60%。"),
        ["RateOfTotal~ 近60%=310个/520个", "Rate 近60%<=100%"]
    );
    // Qualifiers: 近p% lies within 2.5 points below p; 超p% above p; 约p% within 1.5 points.
    for (text, flagged) in [
        (
            "青山镇共列出整改任务520项。截至年底,已完成310项,完成率近60%。",
            false,
        ),
        (
            "青山镇共列出整改任务520项。截至年底,已完成310项,完成率近61%。",
            false,
        ),
        (
            "青山镇共列出整改任务520项。截至年底,已完成310项,完成率近63%。",
            true,
        ),
        // 近 is below: 59.62% is not near 58%.
        (
            "青山镇共列出整改任务520项。截至年底,已完成310项,完成率近58%。",
            true,
        ),
        (
            "青山镇共列出整改任务520项。截至年底,已完成310项,完成率超59%。",
            false,
        ),
        (
            "青山镇共列出整改任务520项。截至年底,已完成310项,完成率超过62%。",
            true,
        ),
        (
            "青山镇共列出整改任务520项。截至年底,已完成310项,完成率约61%。",
            false,
        ),
        (
            "青山镇共列出整改任务520项。截至年底,已完成310项,完成率约62%。",
            true,
        ),
        (
            "青山镇共列出整改任务520项。截至年底,已完成310项,完成率约59.6%。",
            false,
        ),
        // 不足 bounds only from above.
        (
            "青山镇共列出整改任务520项。截至年底,已完成310项,完成率不足70%。",
            false,
        ),
        (
            "青山镇共列出整改任务520项。截至年底,已完成310项,完成率不足50%。",
            true,
        ),
        // An exact rate: 59.62%.
        (
            "青山镇共列出整改任务520项。截至年底,已完成310项,完成率59.6%。",
            false,
        ),
        (
            "青山镇共列出整改任务520项。截至年底,已完成310项,完成率62.6%。",
            true,
        ),
    ] {
        assert_eq!(!fired(text).is_empty(), flagged, "{text}: {:?}", read(text));
    }
}

#[test]
fn headline_rates_restated_in_the_body() {
    let body = "青山镇召开整改推进会。会上通报,全镇共受理群众诉求640件,已办结587件,办结率达91.72%。\n\n下一步将持续推进。";
    // 587 / 640 = 91.72%.
    for (headline, flagged) in [
        ("青山镇群众诉求办理进度已超91%", false),
        ("青山镇群众诉求办理进度已超94%", true),
        ("青山镇群众诉求办结率近92%", false),
        ("青山镇群众诉求办结率近95%", true),
        // Another rate's name is not the body's rate; a progress of the schedule or of
        // something else is not it either.
        ("青山镇群众满意率已超94%", false),
        ("青山镇群众诉求办理达到序时进度的95%", false),
        ("青山镇资金拨付进度已超95%", false),
    ] {
        let text = format!("{headline}\n\n{body}");
        assert_eq!(
            !fired(&text).is_empty(),
            flagged,
            "{text}: {:?}",
            read(&text)
        );
    }
    let text = format!("青山镇群众诉求办理进度已超91%\n\n{body}");
    assert!(
        read(&text).contains(&"Headline~ 超91%=587件/640件".to_string()),
        "{:?}",
        read(&text)
    );
    // Two completion rates of different counts in the body: the headline is not bound.
    let two = "青山镇群众诉求办理进度已超94%\n\n全镇共受理群众诉求640件,已办结587件,办结率达91.72%。其中东岭村受理诉求40件,已办结30件,办结率75%。";
    assert!(fired(two).is_empty(), "{:?}", read(two));
    assert!(
        read(two).contains(&"Headline~ 超94%?".to_string()),
        "{:?}",
        read(two)
    );
    // A larger figure of the unit in the body: the rate may be of a part.
    let part = "青山镇群众诉求办理进度已超94%\n\n全镇共受理群众诉求640件,已办结587件,办结率达91.72%。全县累计受理诉求5200件。";
    assert!(fired(part).is_empty(), "{:?}", read(part));
}

#[test]
fn approximate_shares_with_decimals() {
    for (text, flagged) in [
        (
            "共有未办结信访件677件,其中266件为重复投诉,占比约39.29%。",
            false,
        ),
        (
            "共有未办结信访件677件,其中266件为重复投诉,占比约39.3%。",
            false,
        ),
        (
            "共有未办结信访件677件,其中266件为重复投诉,占比约39.2%。",
            false,
        ),
        (
            "共有未办结信访件677件,其中266件为重复投诉,占比约42.29%。",
            true,
        ),
        (
            "共有未办结信访件677件,其中266件为重复投诉,占比约41.3%。",
            true,
        ),
        // A whole approximate share is not checked.
        (
            "共有未办结信访件677件,其中266件为重复投诉,占比约45%。",
            false,
        ),
    ] {
        assert_eq!(!fired(text).is_empty(), flagged, "{text}: {:?}", read(text));
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// A list of shares of a total, rounded to one decimal, is never flagged; with one share
    /// raised by 3 it always is.
    #[test]
    fn share_lists(parts in proptest::collection::vec(1u32..5000, 2..6), bump in 0usize..6) {
        let total: u32 = parts.iter().sum();
        let share = |p: u32| format!("{:.1}", 100.0 * f64::from(p) / f64::from(total));
        let list = |bumped: Option<usize>| {
            parts
                .iter()
                .enumerate()
                .map(|(i, &p)| {
                    let s = share(p);
                    let s = if Some(i) == bumped {
                        format!("{:.1}", s.parse::<f64>().unwrap_or(0.0) + 3.0)
                    } else {
                        s
                    };
                    format!("第{}类{p}件,占{s}%", i + 1)
                })
                .collect::<Vec<_>>()
                .join(";")
        };
        let good = format!("全县共受理举报{total}件。其中,{}。", list(None));
        proptest::prop_assert!(fired(&good).is_empty(), "{} {:?}", good, read(&good));
        let bad = format!("全县共受理举报{total}件。其中,{}。", list(Some(bump % parts.len())));
        proptest::prop_assert!(!fired(&bad).is_empty(), "{} {:?}", bad, read(&bad));
    }

    /// A total split into done and the rest is never flagged when it is their sum, always when
    /// it is not.
    #[test]
    fn status_splits(done in 1u32..300, rest in 1u32..300, off in 0u32..2, word in 0usize..3) {
        let rest_word = ["正在整改", "其余", "未完成"][word];
        let total = done + rest + off;
        let text = if word == 1 {
            format!("反馈问题{total}个,已完成整改{done}个,其余{rest}个正在推进。")
        } else {
            format!("反馈问题{total}个,已完成整改{done}个,{rest_word}{rest}个。")
        };
        proptest::prop_assert_eq!(fired(&text).is_empty(), off == 0, "{} {:?}", text, read(&text));
    }

    /// A total across regions is never flagged when it is the regions' sum, always when it is
    /// one more.
    #[test]
    fn region_totals(parts in proptest::collection::vec(1u32..500, 3..8), off in 0u32..2) {
        let names = ["甲", "乙", "丙", "丁", "戊", "己", "庚"];
        let total: u32 = parts.iter().sum::<u32>() + off;
        let list: Vec<String> = parts
            .iter()
            .zip(names)
            .map(|(p, n)| format!("{n}县问责{p}人"))
            .collect();
        let text = format!("{}县共问责{total}人。{}。", parts.len(), list.join(";"));
        proptest::prop_assert_eq!(fired(&text).is_empty(), off == 0, "{}", text);
    }

    /// The same in prose: the first entry a rank, the others after `其余N县依次为`.
    #[test]
    fn region_totals_in_prose(parts in proptest::collection::vec(1u32..500, 3..8), off in 0u32..2) {
        let names = ["甲", "乙", "丙", "丁", "戊", "己", "庚"];
        let total: u32 = parts.iter().sum::<u32>() + off;
        let rest: Vec<String> = parts[1..]
            .iter()
            .zip(&names[1..])
            .map(|(p, n)| format!("{n}县问责{p}人"))
            .collect();
        let text = format!(
            "{}县共问责{total}人。\n\n从各县情况看,甲县问责人数最多,达{}人;其余{}县依次为{}。",
            parts.len(),
            parts[0],
            parts.len() - 1,
            rest.join(";")
        );
        proptest::prop_assert_eq!(fired(&text).is_empty(), off == 0, "{} {:?}", text, read(&text));
    }

    /// A growth rate rounded to one decimal is never flagged; raised by 3 it always is.
    #[test]
    fn growth(earlier in 10u32..5000, change in 1u32..5000, fall: bool, off in 0u32..2) {
        proptest::prop_assume!(!fall || change < earlier);
        let value = if fall { earlier - change } else { earlier + change };
        let rate = 100.0 * f64::from(change) / f64::from(earlier) + 3.0 * f64::from(off);
        let (c, r) = if fall { ("减少", "下降") } else { ("增加", "增长") };
        let text = format!("全年受理群众来信{value}件,较上年{c}{change}件,{r}{rate:.1}%。");
        proptest::prop_assert_eq!(fired(&text).is_empty(), off == 0, "{} {:?}", text, read(&text));
    }

    /// Counts listed with their names and their total after them: never flagged when the total
    /// is their sum, always when it is one more.
    #[test]
    fn list_totals(parts in proptest::collection::vec(1u32..500, 2..6), off in 0u32..2) {
        let names = ["甲", "乙", "丙", "丁", "戊", "己"];
        let total: u32 = parts.iter().sum::<u32>() + off;
        let list: Vec<String> = parts
            .iter()
            .zip(names)
            .map(|(p, n)| format!("{p}个{n}类村"))
            .collect();
        let text = format!("本轮巡察{}共{total}个村。", list.join("、"));
        proptest::prop_assert_eq!(fired(&text).is_empty(), off == 0, "{} {:?}", text, read(&text));
    }

    /// A rate after its done count alone: flagged exactly when no whole base gives it, so
    /// never when it is the count's share of a whole base.
    #[test]
    fn rates_after_the_done_count_alone(done in 1u64..2000, extra in 0u64..3000, off in 0u64..2) {
        let base = done + extra;
        // The rate in tenths of a percent, rounded half up, raised by 3 points when off.
        let tenths = (2000 * done + base) / (2 * base) + 30 * off;
        proptest::prop_assume!(tenths <= 1000);
        // Some whole m >= done with 100·done/m in [r − 0.05, r + 0.05]: 2000·done/(2r+1) <= m
        // <= 2000·done/(2r−1), r in tenths.
        let m = (2000 * done).div_ceil(2 * tenths + 1).max(done);
        let reachable = tenths == 0 || m * (2 * tenths - 1) <= 2000 * done;
        let text = format!(
            "全镇已完成问题整改{done}件,整改完成率{}.{}%。",
            tenths / 10,
            tenths % 10
        );
        proptest::prop_assert_eq!(fired(&text).is_empty(), reachable, "{} {:?}", text, read(&text));
        if off == 0 {
            proptest::prop_assert!(reachable);
        }
    }
}

#[test]
fn the_rest_restated_after_its_whole() {
    let whole = "青山镇共受理群众诉求640件,已办结587件,办结率91.72%。\n\n下一步将持续推进。";
    assert_eq!(
        read(&format!("{whole}全镇共53件未办结诉求中,有20件涉及土地。")),
        ["Complement~ 640件=587件+53件", "Rate 91.72%<=100%"]
    );
    for (rest, flagged) in [
        ("全镇共53件未办结诉求中,有20件涉及土地。", false),
        ("全镇共54件未办结诉求中,有20件涉及土地。", true),
        ("目前尚未办结的诉求共52件。", true),
        ("目前尚未办结的诉求共53件。", false),
        // A part of the rest: a 其中 sentence, no total's word, another verb, another thing.
        ("其中,东岭村共5件未办结诉求。", false),
        ("东岭村还有5件未办结诉求。", false),
        ("全镇共5件未整改诉求。", false),
        ("全镇共5件未办结案件。", false),
        // Earlier years' cases counted in.
        ("全镇共60件未办结诉求(含往年积案)。", false),
        // Another figure of the unit before it in its sentence.
        ("全镇新受理诉求12件,共5件未办结诉求。", false),
        // A rest of another scope than the whole's: another year, a source, a place, earlier.
        ("2023年度共5件未办结诉求已全部办结。", false),
        ("县级交办的共5件未办结诉求正在推进。", false),
        ("截至去年底,全镇共5件未办结诉求已化解。", false),
        ("涉及征地拆迁的共5件未办结诉求由镇领导包案。", false),
        ("目前东岭村尚未办结的诉求共5件。", false),
        // Now and the whole area are the whole's scope.
        ("截至目前,全镇共54件未办结诉求均已包案。", true),
    ] {
        let text = format!("{whole}{rest}");
        assert_eq!(
            !fired(&text).is_empty(),
            flagged,
            "{text}: {:?}",
            read(&text)
        );
    }
    // Two wholes with different done counts: the rest is not read.
    let two = "青山镇共受理群众诉求640件,已办结587件。东岭村受理群众诉求40件,已办结30件。全镇共54件未办结诉求。";
    assert!(fired(two).is_empty(), "{:?}", read(two));
}

#[test]
fn wholes_split_by_due_year() {
    let split = "青山镇巡察反馈的40项问题中,2022年应完成整改的24项问题已完成整改22项,2项未达到序时进度;2023年应完成整改的10项问题已完成整改6项,剩余4项整改任务和2024年应完成整改的6项问题达到序时进度。";
    assert_eq!(
        read(split),
        ["DueYears~ 40项=24项+10项+6项", "StatusSplit 24项=22项+2项"]
    );
    for (text, flagged) in [
        (split.to_string(), false),
        (split.replace("40项", "41项"), true),
        (split.replace("2024年应完成整改的6项", "2024年应完成整改的7项"), true),
        // Not consecutive years: a year between may be left out.
        (split.replace("2024年", "2025年").replace("40项", "41项"), false),
        // Another rest named: the years need not exhaust the whole.
        (
            split
                .replace("40项", "45项")
                .replace("达到序时进度。", "达到序时进度,其余5项需长期坚持。"),
            false,
        ),
        (
            format!("{}其余问题正在推进。", split.replace("40项", "45项")),
            false,
        ),
        // A single year part is a subset, not a split.
        (
            "青山镇巡察反馈的40项问题中,2022年应完成整改的24项问题已完成整改22项,2项未达到序时进度。"
                .to_string(),
            false,
        ),
        // No `……中` head: the figure is not read as the whole.
        (split.replace("40项问题中", "40项问题"), false),
    ] {
        assert_eq!(!fired(&text).is_empty(), flagged, "{text}: {:?}", read(&text));
    }
    // A year's status parts that do not add up to it: the grouping is not sure (the year's
    // own split is reported by the sentence readers).
    let uneven = split.replace("已完成整改6项", "已完成整改7项");
    assert!(
        !read(&uneven).iter().any(|s| s.starts_with("DueYears")),
        "{:?}",
        read(&uneven)
    );
}

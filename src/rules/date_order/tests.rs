//! Tests of the `date_order` checks: table tests, the finding's values, and any text.

use super::*;

/// How many times the rule with `check: <what>` fires on `text`.
fn fires(what: &str, text: &str) -> usize {
    crate::rules::testing::hits_with(compile, &format!("check: {what}"), text).len()
}

const OPENING: &str = "2023年3月6日至4月14日,县委第一巡察组对青柳镇党委进行了巡察。";
const CLOSING: &str = "\n中共青柳镇委员会\n2024年1月10日\n";

fn report(opening: &str, body: &str) -> String {
    format!(
        "中共青柳镇委员会关于巡察整改进展情况的通报\n{opening}\n一、整改落实情况\n{body}{CLOSING}"
    )
}

#[test]
fn table() {
    let cases: Vec<(&str, String, usize)> = vec![
        // A year-less feedback read in the inspection's year falls before the inspection.
        (
            "timeline",
            report(
                &format!("{OPENING}1月23日,县委第一巡察组向青柳镇党委反馈了巡察意见。"),
                "召开了会议。",
            ),
            1,
        ),
        // A written feedback date inside the inspection.
        (
            "timeline",
            report(
                &format!("{OPENING}2023年4月2日,县委第一巡察组反馈了巡察意见。"),
                "召开了会议。",
            ),
            1,
        ),
        // Feedback on the inspection's last day: the feedback must come after it.
        (
            "timeline",
            report(
                &format!("{OPENING}2023年4月14日,县委第一巡察组反馈了巡察意见。"),
                "召开了会议。",
            ),
            1,
        ),
        // Not flagged: a month-only feedback after the inspection.
        (
            "timeline",
            report(
                &format!("{OPENING}2023年5月,县委第一巡察组反馈了巡察意见。"),
                "召开了会议。",
            ),
            0,
        ),
        // "自……至……": the range opens a period; its year still dates the feedback after it.
        (
            "timeline",
            report(
                "自2023年3月6日至4月14日,县委第一巡察组对青柳镇党委进行了巡察。1月23日,县委第一巡察组反馈了巡察意见。",
                "召开了会议。",
            ),
            1,
        ),
        // Not flagged: "2023年4月" can be 15–30 April, after the inspection ended on the 14th.
        (
            "timeline",
            report(
                &format!("{OPENING}2023年4月,县委第一巡察组反馈了巡察意见。"),
                "召开了会议。",
            ),
            0,
        ),
        // Not flagged: the feedback's year came from a deadline, not from a past event.
        (
            "timeline",
            report(
                "县委要求2023年12月底前完成整改。1月23日,县委第一巡察组对青柳镇党委反馈了巡察意见。",
                "召开了会议。",
            ),
            0,
        ),
        // Not flagged: January right after a December inspection is most likely the next year.
        (
            "timeline",
            report(
                "2022年10月10日至12月2日,县委第二巡察组对青柳镇党委进行了巡察。1月18日,县委第二巡察组反馈了巡察意见。",
                "召开了会议。",
            ),
            0,
        ),
        // Not flagged: a year-less feedback alone in its paragraph takes the report's year, a guess.
        (
            "timeline",
            report(
                &format!("{OPENING}\n5月20日,县委第一巡察组反馈了巡察意见。"),
                "召开了会议。",
            ),
            0,
        ),
        // Signed before the as-of date of the rectification figures.
        (
            "timeline",
            report(
                &format!(
                    "{OPENING}2023年5月8日,县委第一巡察组反馈了巡察意见。截至2024年2月29日,已完成整改12个问题。"
                ),
                "召开了会议。",
            ),
            1,
        ),
        // Not flagged: an as-of date of background figures (no 整改) is not the report's as-of.
        (
            "timeline",
            report(
                &format!(
                    "截至2019年底,全镇共有党员512名。{OPENING}2023年5月8日,县委第一巡察组反馈了巡察意见。"
                ),
                "召开了会议。",
            ),
            0,
        ),
        // Published (web chrome) before the signing date.
        (
            "timeline",
            format!(
                "青柳镇人民政府网\n发布日期: 2024-01-05 10:30\n{}",
                report(OPENING, "召开了会议。")
            ),
            1,
        ),
        // Not flagged: published on the signing date.
        (
            "timeline",
            format!(
                "青柳镇人民政府网\n发布日期: 2024-01-10 10:30\n{}",
                report(OPENING, "召开了会议。")
            ),
            0,
        ),
        // A range whose end is before its start.
        (
            "ranges",
            report(OPENING, "2023年8月25日至8月18日,开展了专项检查。"),
            1,
        ),
        // A day range within one month, reversed.
        (
            "ranges",
            report(OPENING, "2023年9月25日-18日,开展了专项检查。"),
            1,
        ),
        // Not flagged: "11月至3月" may run into the next year.
        (
            "ranges",
            report(OPENING, "2022年11月至3月,开展了冬春整治。"),
            0,
        ),
        // Not flagged: a range in order.
        (
            "ranges",
            report(OPENING, "2023年8月18日至25日,开展了专项检查。"),
            0,
        ),
        // A year-less end takes the start's year: eleven months back is no year-end crossing.
        (
            "ranges",
            report(OPENING, "2023年9月12日至8月20日,开展了专项检查。"),
            1,
        ),
        // Months, 旬, 今年, 从……到, a dash: every form of a range.
        (
            "ranges",
            report(OPENING, "2022年7月至6月,开展了专项检查。"),
            1,
        ),
        (
            "ranges",
            report(OPENING, "2022年4月上旬至3月中旬,开展了专项检查。"),
            1,
        ),
        (
            "ranges",
            report(OPENING, "今年5月至4月,开展了专项检查。"),
            1,
        ),
        (
            "ranges",
            report(OPENING, "从7月10日到6月15日,开展了专项检查。"),
            1,
        ),
        (
            "ranges",
            report(OPENING, "2023年10月9日—9月26日,开展了专项检查。"),
            1,
        ),
        // Both years written, reversed.
        (
            "ranges",
            report(OPENING, "2023年6月20日至2022年7月30日,开展了集中排查。"),
            1,
        ),
        // No year anywhere (no closing date): month and day still compare.
        ("ranges", "7月10日至6月15日,开展了专项检查。".to_string(), 1),
        ("ranges", "6月15日至7月10日,开展了专项检查。".to_string(), 0),
        ("ranges", "12月28日至1月5日,开展了节前检查。".to_string(), 0),
        // Not flagged: years named but not known (no report date to count them from).
        ("ranges", "去年3月至今年2月,开展了专项检查。".to_string(), 0),
        ("ranges", "11月至次年10月,开展了专项检查。".to_string(), 0),
        // Not flagged: 次年, 翌年, a written year, a short winter range over the year end.
        (
            "ranges",
            report(OPENING, "2022年11月至次年3月,开展了冬春整治。"),
            0,
        ),
        (
            "ranges",
            report(OPENING, "12月20日至翌年1月10日,开展了冬春整治。"),
            0,
        ),
        (
            "ranges",
            report(OPENING, "2022年12月至2023年1月,开展了冬春整治。"),
            0,
        ),
        ("ranges", report(OPENING, "12月至1月,开展了冬春整治。"), 0),
        (
            "ranges",
            report(OPENING, "2022年12月28日至1月5日,开展了节前检查。"),
            0,
        ),
        // Not flagged: a start whose year is a guess before a written end.
        (
            "ranges",
            report(OPENING, "9月至2023年8月,开展了专项检查。"),
            0,
        ),
        // Dates that cannot exist.
        (
            "impossible",
            report(OPENING, "2023年4月31日召开了党委会议。"),
            1,
        ),
        (
            "impossible",
            report(OPENING, "2023年2月29日召开了党委会议。"),
            1,
        ),
        ("impossible", report(OPENING, "2月30日召开了党委会议。"), 1),
        (
            "impossible",
            report(OPENING, "2023年13月召开了党委会议。"),
            1,
        ),
        // Not flagged: 29 February of a leap year, or with no year; a count of months; glued digits.
        (
            "impossible",
            report(OPENING, "2024年2月29日召开了党委会议。"),
            0,
        ),
        ("impossible", report(OPENING, "2月29日召开了党委会议。"), 0),
        ("impossible", report(OPENING, "累计排查13月次。"), 0),
        ("impossible", report(OPENING, "编号12.4月31日。"), 0),
        // The feedback is the date 反馈 follows, not a date of something else before it.
        (
            "timeline",
            report(
                "2023年3月6日至4月14日,县委第一巡察组对青柳镇党委进行了巡察。2023年4月1日,根据县委关于机构调整的通知,青柳镇与白石乡合署办公;县委第一巡察组于2023年5月17日反馈了巡察意见。",
                "召开了会议。",
            ),
            0,
        ),
        // Not flagged: a sentence that says 反馈 with no date of its own dates no feedback.
        (
            "timeline",
            report(
                "2023年3月6日至4月14日,县委第一巡察组对青柳镇党委进行了巡察,随后反馈了巡察意见。2023年4月1日召开了全镇干部大会。",
                "召开了会议。",
            ),
            0,
        ),
        // 反馈 closely before its date: "反馈会于……召开".
        (
            "timeline",
            report(
                "2023年3月6日至4月14日,县委第一巡察组对青柳镇党委进行了巡察。巡察反馈会于2023年4月2日召开。",
                "召开了会议。",
            ),
            1,
        ),
        // Not flagged: a date after "反馈后" dates another event.
        (
            "timeline",
            report(
                "2023年3月6日至4月14日,县委第一巡察组对青柳镇党委进行了巡察。巡察反馈后,我镇于2023年4月2日召开了专题会议。",
                "召开了会议。",
            ),
            0,
        ),
        // A measure already taken (已于……退还) after the signing date.
        (
            "measures",
            report(OPENING, "违规发放的补贴已于2024年3月5日全部退还。"),
            1,
        ),
        // The feedback date of that sentence, moved before the inspection, is still found.
        (
            "timeline",
            report(
                "2023年3月6日至4月14日,县委第一巡察组对青柳镇党委进行了巡察。2023年4月1日,根据县委关于机构调整的通知,青柳镇与白石乡合署办公;县委第一巡察组于2021年5月17日反馈了巡察意见。",
                "召开了会议。",
            ),
            1,
        ),
        // A measure taken, year written, after the signing date.
        (
            "measures",
            report(OPENING, "2024年3月5日召开党委会议,专题研究整改。"),
            1,
        ),
        // The date opens its clause; the next clause says what was done.
        (
            "measures",
            report(OPENING, "2024年3月5日,镇党委召开了专题会议。"),
            1,
        ),
        // Not flagged: a plan.
        (
            "measures",
            report(OPENING, "计划于2024年3月召开党委会议,专题研究整改。"),
            0,
        ),
        // Not flagged: a year-less date takes the report's year by guess.
        (
            "measures",
            report(OPENING, "3月5日召开党委会议,专题研究整改。"),
            0,
        ),
        // Not flagged: a date in a document's name.
        (
            "measures",
            report(OPENING, "印发了《2024年3月集中整治工作方案》。"),
            0,
        ),
        // Not flagged: January 2024 may be before 10 January.
        ("measures", report(OPENING, "2024年1月召开了党委会议。"), 0),
        // Not flagged: a completion claim is left to the `deadline` kind.
        (
            "measures",
            report(OPENING, "该问题已于2024年3月5日完成整改。"),
            0,
        ),
        // Not flagged: a year alone is too coarse for a measure.
        ("measures", report(OPENING, "2024年开展了专项整治。"), 0),
    ];
    assert!(cases.len() >= 15);
    let passing = cases.iter().filter(|c| c.2 == 0).count();
    assert!(2 * passing >= cases.len());
    for (what, text, want) in &cases {
        assert_eq!(fires(what, text), *want, "{what}: {text}");
    }
}

#[test]
fn the_finding_says_which_year_was_inferred_and_from_where() {
    let text = report(
        &format!("{OPENING}1月23日,县委第一巡察组向青柳镇党委反馈了巡察意见。"),
        "召开了会议。",
    );
    let (doc, facts) = crate::analyse(&text);
    let hits = timeline(&Context {
        doc: &doc,
        facts: &facts,
        vocab: crate::parse::vocab::Vocabulary::packaged(),
    });
    assert_eq!(hits.len(), 1);
    let h = &hits[0];
    assert_eq!(doc.text(&h.span), "1月23日");
    assert_eq!(h.values["date"], "2023-01-23");
    assert_eq!(h.values["relation"], "早于");
    assert!(h.values["inferred"].contains("2023年3月6日至4月14日"));
    assert!(h.values["inferred"].contains("推定为2023年"));
    assert_eq!(doc.text(&h.labels[0].span), "2023年3月6日至4月14日");
}

#[test]
fn one_wrong_date_gives_one_finding() {
    // The inspection year is mistyped: it conflicts with the feedback, the signing date and
    // the publication date, and is reported once, at the inspection.
    let text = format!(
        "发布日期: 2024-01-12 10:30\n{}",
        report(
            "2024年3月6日至4月14日,县委第一巡察组对青柳镇党委进行了巡察。2023年5月8日,县委第一巡察组反馈了巡察意见。",
            "召开了会议。"
        )
    );
    let (doc, facts) = crate::analyse(&text);
    let hits = timeline(&Context {
        doc: &doc,
        facts: &facts,
        vocab: crate::parse::vocab::Vocabulary::packaged(),
    });
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(doc.text(&hits[0].span), "2024年3月6日至4月14日");
    assert_eq!(hits[0].values["relation"], "晚于");
    assert_eq!(hits[0].labels.len(), 3);
}

/// Every check of both date kinds over `text`: no panic, spans on character boundaries.
fn run_all(text: &str) {
    let (doc, facts) = crate::analyse(text);
    let cx = Context {
        doc: &doc,
        facts: &facts,
        vocab: crate::parse::vocab::Vocabulary::packaged(),
    };
    let mut hits = Vec::new();
    for what in ["timeline", "ranges", "measures", "impossible"] {
        let p: serde_yaml::Value = serde_yaml::from_str(&format!("check: {what}")).unwrap();
        hits.extend(
            crate::rules::testing::compile(compile, &p)
                .unwrap()
                .check(&cx),
        );
    }
    for what in ["not_due", "done", "time_limit"] {
        let p: serde_yaml::Value = serde_yaml::from_str(&format!("check: {what}")).unwrap();
        hits.extend(
            crate::rules::testing::compile(crate::rules::kind("deadline").unwrap().compile, &p)
                .unwrap()
                .check(&cx),
        );
    }
    for h in &hits {
        for s in std::iter::once(&h.span).chain(h.labels.iter().map(|l| &l.span)) {
            assert!(s.start <= s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}

proptest::proptest! {
    /// A range in order is never reported; the same range with its end moved before its start
    /// (the end's year left to the start's) always is, unless read in the next year it would
    /// close a range of at most `YEAR_END_MONTHS` months.
    #[test]
    fn a_range_in_order_passes_and_its_reversal_fails(
        year in 2000i32..2030,
        m1 in 2u32..=12,
        d1 in 1u32..=28,
        len in 0u32..=20,
        back in 1u32..=11,
        day_form in proptest::bool::ANY,
        sep in proptest::sample::select(vec!["至", "到", "—", "-", "～"]),
    ) {
        let bad = m1.saturating_sub(back).max(1);
        let (good_text, bad_text) = if day_form {
            let d2 = (d1 + len).min(28);
            (
                format!("{year}年{m1}月{d1}日{sep}{m1}月{d2}日,开展了专项检查。"),
                format!("{year}年{m1}月{d1}日{sep}{bad}月{d2}日,开展了专项检查。"),
            )
        } else {
            (
                format!("{year}年{m1}月{sep}{}月,开展了专项检查。", (m1 + len % 3).min(12)),
                format!("{year}年{m1}月{sep}{bad}月,开展了专项检查。"),
            )
        };
        proptest::prop_assert_eq!(fires("ranges", &report(OPENING, &good_text)), 0, "{}", good_text);
        let over_year_end = bad + 12 - m1 <= super::ranges::YEAR_END_MONTHS;
        let want = usize::from(!over_year_end);
        proptest::prop_assert_eq!(fires("ranges", &report(OPENING, &bad_text)), want, "{}", bad_text);
    }
}

proptest::proptest! {
    #[test]
    fn any_text_in_a_report(
        body in "[0-9年月日底前后至已了需计划完成整改正在中于,，。()（）:：《》\n 巡察反馈截时限个半]{0,80}",
    ) {
        run_all(&report(OPENING, &body));
        run_all(&body);
    }
}

#[test]
fn ranges_that_may_run_into_the_next_year_are_listed_as_not_checked() {
    let text = report(
        OPENING,
        "2022年11月至3月,开展了冬春整治。2022年9月至8月,开展了专项排查。2022年5月至6月,开展了回头看。",
    );
    let (doc, facts) = crate::analyse(&text);
    let cx = Context {
        doc: &doc,
        facts: &facts,
        vocab: crate::parse::vocab::Vocabulary::packaged(),
    };
    let p: serde_yaml::Value = serde_yaml::from_str("check: ranges").unwrap();
    let check = crate::rules::testing::compile(compile, &p).unwrap();
    let unchecked = check.unchecked(&cx);
    assert_eq!(unchecked.len(), 1, "{unchecked:?}");
    assert_eq!(doc.text(&unchecked[0].0), "2022年11月至3月");
    let hits = check.check(&cx);
    assert_eq!(hits.len(), 1);
    assert_eq!(doc.text(&hits[0].span), "2022年9月至8月");
    assert_eq!(hits[0].values["first"], "2022-09");
    assert_eq!(hits[0].values["second"], "2022-08");
}

proptest::proptest! {
    /// An inspection, its feedback after it and a report signed the next year are never
    /// reported; the same with the feedback's year moved back by one or two always is.
    #[test]
    fn a_feedback_moved_before_the_inspection_is_reported(
        year in 2010i32..2030,
        m1 in 1u32..=8,
        d1 in 1u32..=28,
        weeks in 1u32..=8,
        gap in 1u32..=3,
        back in 1i32..=2,
        year_less_feedback in proptest::bool::ANY,
    ) {
        let start = chrono::NaiveDate::from_ymd_opt(year, m1, d1).unwrap();
        let end = start + chrono::Days::new(u64::from(weeks) * 7);
        use chrono::Datelike;
        // Never the 29th of February: moved to another year it would not exist.
        let fb = end.checked_add_months(chrono::Months::new(gap)).unwrap();
        let fb = fb.with_day(fb.day().min(28)).unwrap();
        let text = |fb_year: Option<i32>| {
            let fb_text = match fb_year {
                Some(y) => format!("{y}年{}月{}日", fb.month(), fb.day()),
                None => format!("{}月{}日", fb.month(), fb.day()),
            };
            format!(
                "中共青柳镇委员会关于巡察整改进展情况的通报\n{year}年{m1}月{d1}日至{}月{}日,县委第一巡察组对青柳镇党委进行了巡察。{fb_text},县委第一巡察组向青柳镇党委反馈了巡察意见。\n一、整改落实情况\n召开了会议。\n中共青柳镇委员会\n{}年6月1日\n",
                end.month(),
                end.day(),
                fb.year() + 1,
            )
        };
        // A year-less feedback takes the inspection's year; it is in order only within that year.
        let consistent = if year_less_feedback && fb.year() == year { None } else { Some(fb.year()) };
        let fine = text(consistent);
        proptest::prop_assert_eq!(fires("timeline", &fine), 0, "{}", fine);
        let late = text(Some(fb.year() - back));
        proptest::prop_assert_eq!(fires("timeline", &late), 1, "{}", late);
    }
}

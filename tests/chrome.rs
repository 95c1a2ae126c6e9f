//! Issue 15: heading numbers of any length (case 8), and a paragraph with report content never
//! taken for page chrome (case 9). All text here is invented (青石镇, 白沙乡 and their people).

mod common;

use proptest::prelude::*;
use zglint::rules::pack::Pack;

/// The rule ids that fire on `text`, sorted.
fn fired(text: &str) -> Vec<String> {
    common::rule_ids(text, &Pack::packaged().unwrap())
}

/// The text of the page's chrome lines.
fn chrome(text: &str) -> Vec<String> {
    let (doc, _) = zglint::analyse(text);
    doc.chrome
        .iter()
        .map(|s| text[s.clone()].to_string())
        .collect()
}

/// A report listing `n` numbered items, each with `marker(i)` before it.
fn numbered(n: u32, stated: u32, marker: impl Fn(u32) -> String) -> String {
    let mut text = format!(
        "白沙乡关于巡察整改进展情况的通报\n巡察组共反馈问题{stated}个，现将整改进展情况通报如下。\n"
    );
    for i in 1..=n {
        text.push_str(&format!(
            "{}关于第{i}项问题的整改。已完成整改。\n",
            marker(i)
        ));
    }
    text.push_str("白沙乡人民政府\n2024年3月1日\n");
    text
}

fn item_count(text: &str) -> usize {
    zglint::analyse(text).0.items.len()
}

const MARKERS: [fn(u32) -> String; 5] = [
    |i| format!("{i}."),
    |i| format!("{i}、"),
    |i| format!("({i})"),
    |i| format!("（{i}）"),
    |i| format!("{i})"),
];

/// Case 8: `1000.` and on are headings, so 1,200 items are all counted, in every marker style.
#[test]
fn four_digit_heading_numbers_are_read_in_every_style() {
    for marker in MARKERS {
        let text = numbered(1200, 1200, marker);
        assert_eq!(item_count(&text), 1200, "{}", &text[..200]);
        assert!(!fired(&text).contains(&"count-mismatch".to_string()));
    }
}

/// Case 8 as observed: 10,000 numbered items, none of them lost from 1000 on.
#[test]
fn ten_thousand_items_are_all_counted() {
    let text = numbered(10_000, 10_000, MARKERS[0]);
    assert_eq!(item_count(&text), 10_000);
    assert_eq!(fired(&text), Vec::<String>::new());
    // One item fewer than stated is still found.
    let short = numbered(9_999, 10_000, MARKERS[0]);
    assert!(fired(&short).contains(&"count-mismatch".to_string()));
}

/// Figures at the start of a line stay figures, however long.
#[test]
fn figures_at_a_line_start_are_not_headings() {
    let text = "青石镇关于巡察整改进展情况的通报\n一、总体情况\n2023.全年完成整改。\n\
                （2024）年度任务已完成。\n1000元已退还。\n3.5万元已退还。\n2024年完成。\n\
                2022、2023年均开展自查。\n2024．3前完成。\n青石镇人民政府\n2024年3月1日\n";
    let (doc, _) = zglint::analyse(text);
    assert_eq!(doc.sections.len(), 1, "{:?}", doc.sections);
    assert_eq!(doc.blocks.len(), 7);
}

/// Case 9: a one-paragraph report that ends with contact details is checked, not taken for
/// chrome.
#[test]
fn a_report_paragraph_with_contact_details_is_checked() {
    let text = "青石镇党委于2024年组织整改，反馈问题共20个，已完成整改16个，完成率达90%，其余问题\
                正在推进。联系人：张晓林，联系电话：0571-12345678，邮政编码：311999。\n";
    assert!(chrome(text).is_empty());
    assert!(fired(text).contains(&"rate-mismatch".to_string()));
    let right = text.replace("90%", "80%");
    assert!(!fired(&right).contains(&"rate-mismatch".to_string()));
    // With commas only, the figures still make it the report's own.
    let commas = text.replace("。联系人", "，联系人");
    assert!(chrome(&commas).is_empty());
    assert!(fired(&commas).contains(&"rate-mismatch".to_string()));
}

/// Real page chrome stays chrome: breadcrumbs, publication lines, footers with addresses.
#[test]
fn page_chrome_is_still_chrome() {
    let head = [
        "首页 > 政务公开 > 通知公告",
        "当前位置：首页 >> 工作动态",
        "2024-03-02 09:15:30来源:青石日报 作者:李明远点击量:",
        "发布日期：2024-03-02  来源：青石镇党政办  浏览次数：1024次  字体大小：大 中 小",
    ];
    let foot = [
        "主办:青石县人民政府  承办:青石县大数据中心  网站标识码:3300000001  浙ICP备12345678号-1",
        "联系地址:青石县人民路88号行政中心3楼 邮政编码:311999   浙ICP备12345678号",
        "凡注明来源为青石新闻网的稿件,均为本网版权所有,未经许可不得转载;转载请注明来源。",
    ];
    let text = format!(
        "{}\n青石镇关于巡察整改进展情况的通报\n一、总体情况\n反馈问题共20个，已完成16个。\n\
         青石镇人民政府\n2024年3月1日\n{}\n",
        head.join("\n"),
        foot.join("\n")
    );
    let mut want: Vec<String> = head.iter().chain(&foot).map(|s| s.to_string()).collect();
    want.sort();
    let mut got = chrome(&text);
    got.sort();
    assert_eq!(got, want);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A list that runs on from any start is read whole: consistent with its stated count it is
    /// not flagged, and with one item left out it is.
    #[test]
    fn long_lists_are_counted(n in 995u32..1020, style in 0usize..5) {
        let text = numbered(n, n, MARKERS[style]);
        prop_assert_eq!(item_count(&text), n as usize);
        prop_assert!(!fired(&text).contains(&"count-mismatch".to_string()));
        let stated_more = numbered(n, n + 1, MARKERS[style]);
        prop_assert!(fired(&stated_more).contains(&"count-mismatch".to_string()));
    }

    /// A paragraph with figures that ends in contact details is checked: a consistent rate is
    /// not flagged, a changed one is.
    #[test]
    fn contact_details_never_hide_a_paragraph(
        k in 1u32..40,
        j in 1u32..20,
        contact in prop::sample::select(vec!["邮政编码：311999", "来源：青石镇党政办", "责任编辑：王丽"]),
        sep in prop::sample::select(vec!["。", "，", "；"]),
    ) {
        let (total, done, rate) = (20 * k, j * k, 5 * j);
        let text = format!(
            "白沙乡反馈问题共{total}个，已完成整改{done}个，完成率{rate}%{sep}联系人：陈家和，{contact}。\n"
        );
        prop_assert!(chrome(&text).is_empty());
        prop_assert!(!fired(&text).contains(&"rate-mismatch".to_string()), "{}", text);
        let wrong = text.replace(&format!("{rate}%"), &format!("{}%", if rate > 50 { rate - 7 } else { rate + 7 }));
        prop_assert!(fired(&wrong).contains(&"rate-mismatch".to_string()), "{}", wrong);
    }
}

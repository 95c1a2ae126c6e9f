//! Items and statuses in every layout a report may use: for each fictional report in
//! `tests/fixtures/layouts`, the layout recognised, each item's number and status, no count
//! finding on the consistent text, and the expected finding once one figure is changed.

use std::path::Path;
use zglint::rules::pack::Pack;

/// One layout: its fixture, the layout's name as `zglint parse` gives it, the items as
/// `number:status` (with `/class` when a class is read), and a planted slip (the text to
/// replace, its replacement) with the rule ids it must raise.
struct Case {
    file: &'static str,
    layout: &'static str,
    items: &'static str,
    slip: (&'static str, &'static str),
    fired: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        file: "headings.txt",
        layout: "numbered headings 1．",
        items: "1:done 2:ongoing 3:done 4:ongoing 5:done",
        slip: ("已完成整改3个，正在整改2个", "已完成整改4个，正在整改1个"),
        fired: &["tally-mismatch", "tally-mismatch"],
    },
    Case {
        file: "tags.txt",
        layout: "numbered headings （1）",
        items: "1:done 2:ongoing 3:ongoing/长期坚持 1:done 2:done 3:ongoing",
        slip: ("长期坚持1个", "长期坚持2个"),
        fired: &["tally-mismatch"],
    },
    Case {
        file: "labels.txt",
        layout: "lines opening with 问题N",
        items: "1:done 2:ongoing 3:done 4:done",
        slip: ("民生保障方面（2个问题）", "民生保障方面（3个问题）"),
        fired: &["heading-count-mismatch"],
    },
    Case {
        file: "ordinals.txt",
        layout: "lines opening with 第N项",
        items: "1:done 2:ongoing 3:done",
        slip: ("已办结2件，正在整改1件", "已办结1件，正在整改2件"),
        fired: &["tally-mismatch", "tally-mismatch"],
    },
    Case {
        file: "bracketed.txt",
        layout: "lines opening with 【】问题N",
        items: "1:done 2:ongoing 3:done 4:done",
        slip: (
            "本方面整改任务2项，已完成1项，正在推进1项",
            "本方面整改任务2项，已完成2项",
        ),
        fired: &["tally-mismatch"],
    },
    Case {
        file: "tag-first.txt",
        layout: "lines opening with a status tag, then a number",
        items: "1:done 2:ongoing 3:done",
        slip: ("已完成整改2个,正在整改1个", "已完成整改1个,正在整改2个"),
        fired: &["tally-mismatch", "tally-mismatch"],
    },
    Case {
        file: "title-end.txt",
        layout: "numbered headings 1.",
        items: "1:done 2:ongoing/长期坚持 3:ongoing 4:done",
        slip: ("已完成整改2个", "已完成整改3个"),
        fired: &["tally-mismatch"],
    },
    Case {
        file: "inline.txt",
        layout: "inline enumerations",
        items: "1:done 2:ongoing 1:done 2:done",
        slip: ("已完成整改3个，正在整改1个", "已完成整改2个，正在整改2个"),
        fired: &["tally-mismatch", "tally-mismatch"],
    },
    Case {
        file: "pipe-table.txt",
        layout: "rows of a table with a status column",
        items: "1:done 2:ongoing 3:done",
        slip: ("审计查出问题3个", "审计查出问题4个"),
        fired: &["count-mismatch"],
    },
    Case {
        file: "tab-table.txt",
        layout: "rows of a table with a status column",
        items: "1:done 2:ongoing 3:done 4:done",
        slip: ("尚未整改到位的1个问题", "尚未整改到位的2个问题"),
        fired: &["tally-mismatch"],
    },
    Case {
        file: "aligned-table.txt",
        layout: "rows of a table with a status column",
        items: "1:done 2:ongoing/达到序时进度 3:done",
        slip: ("销号2项，其余1项", "销号1项，其余2项"),
        fired: &["tally-mismatch", "tally-mismatch"],
    },
    Case {
        file: "summary-table.txt",
        layout: "numbered headings 1.",
        items: "1:done 2:ongoing 3:done 4:done 5:ongoing/长期坚持",
        slip: ("农村公路养护\t3\t2\t0\t1", "农村公路养护\t3\t1\t1\t1"),
        fired: &["tally-mismatch", "tally-mismatch"],
    },
    Case {
        file: "table-statuses.txt",
        layout: "numbered headings 1．, statuses in a table's rows",
        items: "1:done 2:ongoing 3:done 4:ongoing 5:done",
        slip: ("已完成整改3个，正在整改2个", "已完成整改4个，正在整改1个"),
        fired: &["tally-mismatch", "tally-mismatch"],
    },
    Case {
        file: "table-statuses.txt",
        layout: "numbered headings 1．, statuses in a table's rows",
        items: "1:done 2:ongoing 3:done 4:ongoing 5:done",
        slip: ("巡察反馈问题5个", "巡察反馈问题6个"),
        fired: &["count-mismatch"],
    },
    Case {
        file: "table-statuses-by-words.txt",
        layout: "numbered headings （1）, statuses in a table's rows",
        items: "1:done 2:ongoing 1:done 2:ongoing",
        slip: (
            "3\t固定资产账实不符\t已整改",
            "3\t固定资产账实不符\t正在整改",
        ),
        fired: &["tally-mismatch", "tally-mismatch"],
    },
    Case {
        file: "table-open-problems.txt",
        layout: "numbered headings 1．, statuses in a table's rows",
        items: "1:unknown 2:ongoing 3:ongoing 4:unknown",
        slip: ("巡察反馈问题4个", "巡察反馈问题5个"),
        fired: &["count-mismatch"],
    },
    Case {
        file: "inline-problems.txt",
        layout: "inline enumerations naming problems",
        items: "1:unknown 2:unknown 3:unknown",
        slip: ("巡察反馈问题3个", "巡察反馈问题4个"),
        fired: &["count-mismatch"],
    },
    Case {
        file: "sub-points.txt",
        layout: "numbered headings 1．",
        items: "1:done 2:ongoing 3:done",
        slip: ("（共3个问题）", "（共4个问题）"),
        fired: &["heading-count-mismatch"],
    },
];

fn read(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/layouts")
        .join(file);
    std::fs::read_to_string(path).unwrap()
}

/// The ids of the count rules (tally, item_count) that fire on `text`, sorted.
fn fired(pack: &Pack, text: &str) -> Vec<String> {
    let checked = zglint::check::check_str(text, pack);
    let mut ids: Vec<String> = checked
        .findings
        .into_iter()
        .filter(|f| f.kind == "tally" || f.kind == "item_count")
        .map(|f| f.rule)
        .collect();
    ids.sort();
    ids
}

/// The items as `number:status` or `number:status/class`.
fn items(text: &str) -> String {
    let (doc, _) = zglint::analyse(text);
    doc.items
        .iter()
        .map(|i| {
            let status = serde_json::to_value(i.status).unwrap();
            let class = i.class.as_ref().map_or(String::new(), |c| format!("/{c}"));
            format!(
                "{}:{}{class}",
                i.number.map_or("?".into(), |n| n.to_string()),
                status.as_str().unwrap()
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_layout_gives_its_items_and_statuses() {
    for case in CASES {
        let text = read(case.file);
        let (doc, _) = zglint::analyse(&text);
        assert!(
            doc.layout.name.starts_with(case.layout),
            "{}: layout {:?}",
            case.file,
            doc.layout.name
        );
        assert!(doc.layout.complete, "{}: not complete", case.file);
        assert_eq!(items(&text), case.items, "{}", case.file);
    }
}

#[test]
fn consistent_counts_are_not_flagged_and_a_changed_figure_is() {
    let pack = Pack::packaged().unwrap();
    for case in CASES {
        let text = read(case.file);
        assert_eq!(fired(&pack, &text), Vec::<String>::new(), "{}", case.file);
        assert!(text.contains(case.slip.0), "{}: slip not found", case.file);
        let slipped = text.replacen(case.slip.0, case.slip.1, 1);
        let mut want: Vec<String> = case.fired.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(fired(&pack, &slipped), want, "{} with the slip", case.file);
    }
}

/// Tallies under area headings, with the items in a table further on, are the areas' own: two
/// areas of 2 problems split differently are no conflict, and neither is compared with all items.
#[test]
fn area_summaries_are_the_areas_own() {
    let pack = Pack::packaged().unwrap();
    let text = read("area-summaries.txt");
    assert_eq!(items(&text), "1:done 2:ongoing 3:done 4:done");
    let checked = zglint::check::check_str(&text, &pack);
    let kinds: Vec<&str> = checked.findings.iter().map(|f| f.kind.as_str()).collect();
    assert!(
        !kinds
            .iter()
            .any(|k| ["tally", "item_count", "conflict"].contains(k)),
        "{kinds:?}"
    );
    let slipped = text.replacen("已整改3个,正在整改1个", "已整改2个,正在整改2个", 1);
    assert_eq!(fired(&pack, &slipped), ["tally-mismatch", "tally-mismatch"]);
}

/// Numbered lines under the part that tells how the work was done are measures, whatever
/// status words they end with: the items are the two problems, and the stated 2 holds.
#[test]
fn measures_are_not_items() {
    let pack = Pack::packaged().unwrap();
    let text = read("measures.txt");
    assert_eq!(items(&text), "1:unknown 2:unknown");
    assert_eq!(fired(&pack, &text), Vec::<String>::new());
    let slipped = text.replacen("反馈问题2个", "反馈问题3个", 1);
    assert_eq!(fired(&pack, &slipped), ["count-mismatch"]);
}

/// Items that only give examples (典型问题 3. and 7.) are not the whole list: the stated 12
/// problems are not compared with them, and `zglint parse` says why.
#[test]
fn an_incomplete_list_is_not_counted() {
    let pack = Pack::packaged().unwrap();
    let text = read("examples.txt");
    let (doc, facts) = zglint::analyse(&text);
    assert!(!doc.layout.complete);
    assert_eq!(items(&text), "3:done 7:ongoing");
    assert_eq!(fired(&pack, &text), Vec::<String>::new());
    let unchecked = pack.unchecked(&doc, &facts);
    assert!(
        unchecked
            .iter()
            .any(|(span, why)| &text[span.clone()] == "12个" && why.contains("not checked")),
        "{unchecked:?}"
    );
    // Whatever the stated count, it is not compared.
    let other = text.replace("12个", "13个");
    assert_eq!(fired(&pack, &other), Vec::<String>::new());
    // Numbered 1. and 2., but introduced as 典型问题: still not the whole list.
    let renumbered = text.replace("3．", "1．").replace("7．", "2．");
    let (doc, _) = zglint::analyse(&renumbered);
    assert_eq!(items(&renumbered), "1:done 2:ongoing");
    assert!(!doc.layout.complete);
    assert_eq!(fired(&pack, &renumbered), Vec::<String>::new());
    // The same list, introduced as the whole list, is compared.
    let whole = renumbered
        .replace("现将典型问题整改情况", "现将整改情况")
        .replace("一、典型问题整改情况", "一、问题整改情况");
    assert_eq!(fired(&pack, &whole), ["count-mismatch"]);
}

/// A report whose items, in one of four layouts, have the given status words, opening with
/// `opening`.
fn generated(layout: usize, opening: &str, statuses: &[&str]) -> String {
    let mut body = String::new();
    for (k, s) in statuses.iter().enumerate() {
        let n = k + 1;
        let item = match layout {
            0 => format!(
                "{n}．枫桥村第{n}项工作台账不全。\n整改措施：逐项补录台账。\n整改进展：{s}。\n"
            ),
            1 => format!("（{n}）【{s}】枫桥村第{n}项工作台账不全。补录台账。\n"),
            2 => format!("{n}\t枫桥村第{n}项工作台账不全\t补录台账\t{s}\n"),
            _ => format!(
                "【问题{n}】枫桥村第{n}项工作台账不全\n【整改措施】补录台账。\n【整改状态】{s}\n"
            ),
        };
        body.push_str(&item);
    }
    let header = if layout == 2 {
        "序号\t问题\t整改措施\t整改结果\n"
    } else {
        ""
    };
    format!(
        "中共桤木县枫桥镇委员会关于县委巡察整改进展情况的通报\n\n{opening}\n一、巡察反馈问题整改情况\n{header}{body}\n中共桤木县枫桥镇委员会\n2024年10月15日\n"
    )
}

proptest::proptest! {
    /// A split of the items by status, stated with or without its total, is never flagged
    /// when it is the items' own; one part changed, it always is.
    #[test]
    fn a_stated_split_holds_or_is_flagged(
        layout in 0usize..4,
        done in 1u32..6,
        ongoing in 1u32..6,
        long in 0u32..3,
        with_total in proptest::bool::ANY,
        changed in 0usize..2,
    ) {
        let pack = Pack::packaged().unwrap();
        let mut statuses = vec!["已完成整改"; done as usize];
        statuses.extend(std::iter::repeat_n("正在整改", ongoing as usize));
        statuses.extend(std::iter::repeat_n("长期坚持", long as usize));
        let total = done + ongoing + long;
        let say = |d: u32, o: u32| {
            let lead = if with_total {
                format!("巡察反馈的{total}个问题中，")
            } else {
                String::new()
            };
            let tail = if long > 0 { format!("，长期坚持{long}个") } else { String::new() };
            format!("截至2024年9月30日，{lead}已完成整改{d}个，正在整改{o}个{tail}。")
        };
        let text = generated(layout, &say(done, ongoing), &statuses);
        proptest::prop_assert_eq!(fired(&pack, &text), Vec::<String>::new(), "{}", text);
        let (d, o) = if changed == 0 { (done + 1, ongoing) } else { (done, ongoing + 1) };
        // Without its total, a split counts the items only when its parts sum to them.
        let (d, o) = if with_total { (d, o) } else if changed == 0 { (d, o - 1) } else { (d - 1, o) };
        let slipped = generated(layout, &say(d, o), &statuses);
        let hits = fired(&pack, &slipped);
        proptest::prop_assert!(
            !hits.is_empty() && hits.iter().all(|h| h == "tally-mismatch"),
            "{:?} on {}", hits, slipped
        );
    }
}

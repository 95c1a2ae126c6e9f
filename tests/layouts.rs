//! Items and statuses in every layout a report may use: for each fictional report in
//! `tests/fixtures/layouts`, the layout recognised, each item's number and status, no count
//! finding on the consistent text, and the expected finding once one figure is changed.

use std::path::Path;
use zglint::pack::Pack;

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
    let checked = zglint::check_text(pack, text);
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
}

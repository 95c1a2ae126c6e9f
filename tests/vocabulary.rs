//! The word lists in `rules/vocabulary.yaml` are what zglint reads with: a vocabulary that
//! changes one of them changes the reading (and so what the rules find), and one that empties a
//! needed list is refused, naming it.

mod common;

use zglint::parse::vocab::{DEFAULT_VOCABULARY, Vocabulary, VocabularyError};
use zglint::rules::pack::Pack;

/// The packaged vocabulary with `from` replaced by `to` (exactly once).
fn changed(from: &str, to: &str) -> Vocabulary {
    assert_eq!(DEFAULT_VOCABULARY.matches(from).count(), 1, "{from}");
    Vocabulary::from_yaml(&DEFAULT_VOCABULARY.replace(from, to)).expect("the changed vocabulary")
}

/// The statements read off `text` with `vocab`, as their constructions and figures.
fn statements(text: &str, vocab: &Vocabulary) -> Vec<String> {
    let (doc, facts) = zglint::analyse_with(text, vocab);
    facts
        .statements
        .iter()
        .map(|st| {
            let figs: Vec<&str> = st
                .relation
                .figures()
                .iter()
                .map(|&i| doc.text(&facts.figures[i].quantity.span))
                .collect();
            format!("{:?} {}", st.construction, figs.join(" "))
        })
        .collect()
}

/// The rules of the packaged rule files, compiled for `vocab`, that fire on `text`.
fn fired(text: &str, vocab: &'static Vocabulary) -> Vec<String> {
    let mut pack = Pack::new(vocab);
    for kind in zglint::rules::KINDS {
        pack.add(kind.rules.0, kind.rules.1, false).unwrap();
    }
    common::rule_ids(text, &pack)
}

#[test]
fn split_words_read_a_count_split_by_status() {
    let text = "反馈问题40个,已完成整改33个,正在整改5个,长期坚持2个。";
    let packaged = statements(text, Vocabulary::packaged());
    assert!(
        packaged.iter().any(|s| s.starts_with("StatusSplit")),
        "{packaged:?}"
    );
    // Without 正在 among the rest's words, the part 正在整改5个 is done (整改), and a split of
    // done parts alone is no statement.
    let vocab = changed("    [正在, 持续推进,", "    [持续推进,");
    let read = statements(text, &vocab);
    assert!(
        !read.iter().any(|s| s.starts_with("StatusSplit")),
        "{read:?}"
    );
}

#[test]
fn planned_words_make_a_status_a_plan() {
    // 应完成整改的20项 is the total because 应 makes its 完成 a plan; without 应 among the
    // planned words it is a done part, and 20 is no total of 17 and 3.
    let text = "应完成整改的20项问题已完成整改17项,3项未达到序时进度。";
    let sum = |v: &Vocabulary| {
        statements(text, v)
            .into_iter()
            .filter(|s| s.starts_with("StatusSplit"))
            .collect::<Vec<_>>()
    };
    assert_eq!(sum(Vocabulary::packaged()), ["StatusSplit 17项 3项 20项"]);
    let vocab = changed("  planned: [应, ", "  planned: [");
    assert_ne!(sum(&vocab), sum(Vocabulary::packaged()));
}

#[test]
fn part_attributes_keep_overlapping_parts_unchecked() {
    // 女 and 男 describe a trait: the parts are not held to the total, and nothing is found.
    // Without them among the trait words, 12 + 20 is held to 25.
    let text = "全镇共有干部25人,其中女干部12人、男干部20人。";
    assert_eq!(fired(text, Vocabulary::packaged()), Vec::<String>::new());
    let vocab = changed("  [女, 男, 党员, 岁,", "  [党员, 岁,");
    let found = fired(text, Box::leak(Box::new(vocab)));
    assert!(
        found.iter().any(|r| r.starts_with("sum-mismatch")),
        "{found:?}"
    );
}

#[test]
fn rate_qualifiers_leave_a_narrower_rate_unchecked() {
    // 按期整改率 is of the items done on time, not of the 38 done: unchecked. Without 按期 among
    // the qualifiers it is checked against them, and 38 / 40 is not 85%.
    let text = "共排查问题40个,已整改38个,按期整改率85%。";
    assert_eq!(fired(text, Vocabulary::packaged()), Vec::<String>::new());
    let vocab = changed("rate_qualifiers: [平均, 按期, ", "rate_qualifiers: [平均, ");
    let found = fired(text, Box::leak(Box::new(vocab)));
    assert!(found.iter().any(|r| r.starts_with("rate-")), "{found:?}");
}

#[test]
fn further_words_leave_a_split_with_an_uncounted_part_unread() {
    // 其他正在核查 names a further part with no figure: 42 + 5 is not all of the 50. Without 其他
    // among the further words (and no rest word in that clause), the split is read.
    let text = "受理信访件50件,已办结42件,正在办理5件,其他转交有关部门。";
    let packaged = statements(text, Vocabulary::packaged());
    assert!(
        !packaged.iter().any(|s| s.starts_with("StatusSplit")),
        "{packaged:?}"
    );
    let vocab = changed("  further: [其他, 其它, 另有]", "  further: [其它, 另有]");
    let read = statements(text, &vocab);
    assert!(
        read.iter().any(|s| s.starts_with("StatusSplit")),
        "{read:?}"
    );
}

#[test]
fn rate_wholes_leave_a_rate_of_the_whole_unchecked_after_its_parts() {
    // 总体完成率 after a split by 其中 is of all the parts: 23 / 25 = 92%, not 8 / 10. Without
    // 总体 among the words of a whole, it is checked against the last part's counts.
    let text =
        "反馈问题25个,其中立行立改问题15个,已全部完成;限期整改问题10个,已完成8个,总体完成率92%。";
    let packaged = fired(text, Vocabulary::packaged());
    assert!(
        !packaged.iter().any(|r| r.starts_with("rate-")),
        "{packaged:?}"
    );
    let vocab = changed("rate_wholes: [总体, ", "rate_wholes: [");
    let found = fired(text, Box::leak(Box::new(vocab)));
    assert!(found.iter().any(|r| r.starts_with("rate-")), "{found:?}");
}

#[test]
fn an_empty_needed_list_is_an_error_naming_it() {
    for (from, to, key) in [
        (
            "  remainder: [其余, 其餘, 剩余, 剩餘, 余下]",
            "  remainder: []",
            "split.remainder",
        ),
        (
            "rate_qualifiers: [平均, 按期, 按时, 如期, 及时, 一次性, 首次, 逾期]",
            "rate_qualifiers: []",
            "rate_qualifiers",
        ),
        (
            "  planned: [应, 應, ",
            "  planned: [\"\", 應, ",
            "split.planned",
        ),
        (
            "  category: [立行立改, 长期, 阶段性, 近期, 中期, 远期, 年度]",
            "  category: []",
            "tally.category",
        ),
    ] {
        assert_eq!(DEFAULT_VOCABULARY.matches(from).count(), 1, "{from}");
        let err = Vocabulary::from_yaml(&DEFAULT_VOCABULARY.replace(from, to)).unwrap_err();
        assert!(
            matches!(err, VocabularyError::Empty { key: k } if k == key),
            "{err}"
        );
        assert!(err.to_string().contains(key), "{err}");
    }
    // A list left out, or a key the vocabulary does not have, is refused too.
    let without = DEFAULT_VOCABULARY.replace(
        "rate_qualifiers: [平均, 按期, 按时, 如期, 及时, 一次性, 首次, 逾期]",
        "",
    );
    assert!(Vocabulary::from_yaml(&without).is_err());
    let unknown = format!("{DEFAULT_VOCABULARY}\nrate_words: [按期]\n");
    assert!(Vocabulary::from_yaml(&unknown).is_err());
}

#[test]
fn tally_words_say_what_a_count_after_a_total_counts() {
    use zglint::facts::tallies::{Bucket, all_tallies};
    let text = "一、总体情况\n反馈问题12个,已整改9个,基本完成2个,正在整改1个。\n";
    let buckets = |v: &Vocabulary| {
        let (doc, facts) = zglint::analyse_with(text, v);
        all_tallies(&doc, &facts, v)
            .iter()
            .map(|t| t.parts.iter().map(|p| p.bucket).collect::<Vec<_>>())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        buckets(Vocabulary::packaged()),
        [vec![Bucket::Done, Bucket::Partial, Bucket::Open]]
    );
    // Without 基本完成 among the partial words, 基本完成2个 is done (完成).
    let vocab = changed(
        "  partial: [部分完成, 部分整改, 基本完成, 基本整改]",
        "  partial: [部分完成, 部分整改, 基本整改]",
    );
    assert_eq!(
        buckets(&vocab),
        [vec![Bucket::Done, Bucket::Done, Bucket::Open]]
    );
}

#[test]
fn approx_words_make_a_figure_approximate() {
    use zglint::facts::number::{Approx, scan_numbers};
    let approx = |text: &str, v: &Vocabulary| {
        scan_numbers(text, &v.approx)
            .iter()
            .map(|q| q.approx)
            .collect::<Vec<_>>()
    };
    let packaged = Vocabulary::packaged();
    assert_eq!(approx("约30人", packaged), [Approx::About]);
    assert_eq!(approx("节约30万元", packaged), [Approx::Exact]);
    assert_eq!(approx("近3年", packaged), [Approx::Exact]);
    assert_eq!(approx("近700人", packaged), [Approx::Below]);
    // A word an office adds: 大概 before a figure is about it.
    let vocab = changed("    about: [大约, 约]", "    about: [大约, 约, 大概]");
    assert_eq!(approx("大概30人", packaged), [Approx::Exact]);
    assert_eq!(approx("大概30人", &vocab), [Approx::About]);
    // Without 节 among the characters that make another word with 约, 节约30万元 is about 30万.
    let vocab = changed("    约: 节制", "    约: 制");
    assert_eq!(approx("节约30万元", &vocab), [Approx::About]);
    // Without 近 among the recent words, 近3年 is below three years.
    let vocab = changed("  recent: [近]", "  recent: []");
    assert_eq!(approx("近3年", &vocab), [Approx::Below]);
    // A word the recent list names must be a word before a figure.
    let bad = DEFAULT_VOCABULARY.replace("  recent: [近]", "  recent: [最近]");
    assert!(matches!(
        Vocabulary::from_yaml(&bad),
        Err(VocabularyError::NotAWord {
            key: "approx.recent",
            ..
        })
    ));
}

/// A report signed on 2021年6月25日 with `body` as its rectification text.
fn report(body: &str) -> String {
    format!(
        "中共白石乡委员会关于巡察整改进展情况的通报\n\
         2020年9月7日至11月13日,县委第四巡察组对白石乡党委进行了巡察。2020年12月10日,县委第四巡察组向白石乡党委反馈了巡察意见。\n\
         一、整改落实情况\n{body}\n中共白石乡委员会\n2021年6月25日\n"
    )
}

#[test]
fn completion_labels_date_a_finished_task() {
    // 完成时间 labels the day the task was finished, after the report's date.
    let text = report("建成污水管网3公里(完成时间:2021年8月)。");
    let packaged = fired(&text, Vocabulary::packaged());
    assert!(
        packaged.iter().any(|r| r == "completed-after-report"),
        "{packaged:?}"
    );
    let vocab = changed(
        "  completion: [完成时间, 完成日期, 办结时间, 销号时间]",
        "  completion: [完成日期, 办结时间, 销号时间]",
    );
    let found = fired(&text, Box::leak(Box::new(vocab)));
    assert!(
        !found.iter().any(|r| r == "completed-after-report"),
        "{found:?}"
    );
}

#[test]
fn deadline_open_words_count_a_task_open() {
    // 正在整改 (and 整改中) count the task open, and its deadline has passed by the report's date.
    let text = report("正在整改中,按计划于2021年4月底前完成。");
    let packaged = fired(&text, Vocabulary::packaged());
    assert!(
        packaged.iter().any(|r| r == "open-task-past-deadline"),
        "{packaged:?}"
    );
    let vocab = changed(
        "deadline_open: [未到整改时限, 未到期, 正在整改, 整改中, ",
        "deadline_open: [未到整改时限, 未到期, ",
    );
    let found = fired(&text, Box::leak(Box::new(vocab)));
    assert!(
        !found.iter().any(|r| r == "open-task-past-deadline"),
        "{found:?}"
    );
}

#[test]
fn selection_words_say_the_items_are_examples() {
    // 典型 before the first item: the items are a selection, not compared with the counts.
    let text = "一、整改落实情况\n现将典型问题整改情况通报如下。\n(一)关于“村账管理不规范”的问题。\n整改情况:已完成整改。\n(二)关于“公章管理不严”的问题。\n整改情况:已完成整改。\n";
    let unchecked = |v: &Vocabulary| {
        let (doc, _) = zglint::analyse_with(text, v);
        assert_eq!(doc.items.len(), 2);
        doc.layout.unchecked
    };
    assert!(unchecked(Vocabulary::packaged()).is_some_and(|u| u.contains("典型")));
    let vocab = changed("  selection: [典型, 部分问题,", "  selection: [部分问题,");
    assert_eq!(unchecked(&vocab), None);
}

#[test]
fn rate_done_words_find_the_done_count_of_a_rate() {
    // 整改到位3个 is the done count: 3 of 4 is not 80%.
    let text = "反馈问题4个,整改到位3个,整改完成率80%。";
    let packaged = fired(text, Vocabulary::packaged());
    assert!(
        packaged.iter().any(|r| r == "rate-mismatch"),
        "{packaged:?}"
    );
    // Without 整改到位 among the done words, no count of the sentence is the done count.
    let vocab = changed("整改到位, 整改完毕]", "整改完毕]");
    let found = fired(text, Box::leak(Box::new(vocab)));
    assert!(!found.iter().any(|r| r == "rate-mismatch"), "{found:?}");
}

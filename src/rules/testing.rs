//! Test helpers shared by the kinds' test modules.

use super::{Check, Compile, Hit, Patterns};

/// A kind's check compiled from `params` on its own, as the only rule of a load.
pub fn compile(compile: Compile, params: &serde_yaml::Value) -> Result<Box<dyn Check>, String> {
    compile(
        params,
        crate::parse::vocab::Vocabulary::packaged(),
        &mut Patterns::default(),
    )
}

/// Every hit of `check` on `text`, read as a report.
pub fn hits(check: &dyn Check, text: &str) -> Vec<Hit> {
    let (doc, facts) = crate::analyse(text);
    check.check(&super::Context {
        doc: &doc,
        facts: &facts,
        vocab: crate::parse::vocab::Vocabulary::packaged(),
    })
}

/// Every hit on `text` of a kind compiled with the parameters written as YAML in `params`.
pub fn hits_with(compile: Compile, params: &str, text: &str) -> Vec<Hit> {
    let params: serde_yaml::Value = serde_yaml::from_str(params).expect("params");
    let check = self::compile(compile, &params).expect("compiles");
    hits(check.as_ref(), text)
}

/// The ids of the rules of one packaged rule file (`path`, its text `yaml`) that fire on `text`.
pub fn fired_in(path: &str, yaml: &str, text: &str) -> Vec<String> {
    let rules = crate::rules::pack::load(
        path,
        yaml,
        crate::parse::vocab::Vocabulary::packaged(),
        &mut Patterns::default(),
    )
    .expect("rules load");
    let (doc, facts) = crate::analyse(text);
    let cx = super::Context {
        doc: &doc,
        facts: &facts,
        vocab: crate::parse::vocab::Vocabulary::packaged(),
    };
    rules
        .iter()
        .flat_map(|r| r.run(&cx))
        .map(|f| f.rule)
        .collect()
}

/// The ids of the packaged rules of kind `kind` that fire on `text`, run as the whole pack.
pub fn fired_of_kind(kind: &str, text: &str) -> Vec<String> {
    let pack = crate::rules::pack::Pack::packaged().expect("the packaged rules load");
    let (doc, facts) = crate::analyse(text);
    pack.check(&doc, &facts)
        .into_iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.rule)
        .collect()
}

/// Every span of every hit (primary and labels) is in bounds and on character boundaries.
pub fn assert_spans_hold(text: &str, hits: &[Hit]) {
    for hit in hits {
        for s in std::iter::once(&hit.span).chain(hit.labels.iter().map(|l| &l.span)) {
            assert!(s.start <= s.end && s.end <= text.len(), "{s:?}");
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{s:?}"
            );
        }
    }
}

/// The spans hold for a kind compiled with `{problem: NAME}` for each of `problems`.
pub fn assert_spans_hold_for(compile: Compile, problems: &[&str], text: &str) {
    for name in problems {
        let params = serde_yaml::from_str(&format!("{{problem: {name}}}")).expect("params");
        let check = self::compile(compile, &params).expect("compiles");
        assert_spans_hold(text, &hits(check.as_ref(), text));
    }
}

/// The explanation's two ```text snippets: the first is reported, the second is not.
pub fn assert_explanation_examples(explanation: &str, check: &dyn Check) {
    let blocks: Vec<&str> = explanation
        .split("```text\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap_or(""))
        .collect();
    assert_eq!(blocks.len(), 2);
    assert!(!hits(check, blocks[0]).is_empty(), "{}", blocks[0]);
    assert!(hits(check, blocks[1]).is_empty(), "{}", blocks[1]);
}

/// Pieces of report text (markers, labels, statuses, dates, punctuation, chrome) that the kinds'
/// property tests join into report-like text.
pub const PIECES: &[&str] = &[
    "\n",
    "(1)",
    "(2)",
    "一、",
    "1.",
    "关于“",
    "”的问题。",
    "整改情况:",
    "反馈问题:",
    "一是",
    "二是",
    "已完成整改。",
    "制定村务公开月度检查制度",
    "由镇纪委每月抽查",
    ",",
    "。",
    "“",
    "中共青石镇委员会",
    "2024年3月8日",
    "发布日期: 2024-03-12 09:30",
    "(整改时限:3个月)",
    "①",
    "　",
    "通报",
];

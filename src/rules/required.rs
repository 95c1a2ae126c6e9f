//! `required`: The report lacks its title, issuing body or date (成文日期), or a statement a rule asks for.

use super::{Check, Context, Hit, Kind};
use crate::document::{BlockKind, Document, Region, Span};
use regex::Regex;
use serde::Deserialize;

/// The kind's name.
pub const NAME: &str = "required";

/// What the kind checks, why, an example, its parameters.
pub const EXPLANATION: &str = "\
## 检查什么 / What it checks
报告缺少标题、发文机关或成文日期;或缺少规则要求写明的某项表述(如本地规定的整改完成率写法)。
缺少标题时,报告指向正文开头;缺少发文机关或成文日期时,指向正文的最后一句(应在其后署名和写日期)。
空文件或没有正文的文件不检查。正文最后三行中有以日期结尾的短行(如“中共××镇委员会 2024年3月8日”写在
一行、“2024.3.8”)时,视为已有落款,不报告。
The report lacks its title, its issuing body or its date (成文日期), or a statement a rule asks
for. A missing title is reported at the start of the text, a missing issuer or date at the last
sentence of the text, after which they belong. Empty files and files with no body are not checked,
and a short line ending in a date among the last three lines counts as a closing.

## 为什么 / Why it matters
按《党政机关公文格式》(GB/T 9704-2012),公文由标题、正文、发文机关署名和成文日期等组成。
没有发文机关和日期的通报,读者无法判断是谁、在哪一天作出的承诺,整改时限也无从计算。
A report without its issuer and date cannot be attributed or dated, and its deadlines cannot be
counted. Web pages often drop the signature block when a report is pasted in.

## 示例 / Example
报告 / Reported (正文结束后没有署名和日期):
```text
中共青石镇委员会关于巡察整改进展情况的通报
一、整改落实情况
(一)关于“村务公开不及时”的问题。
整改情况:已建立村务公开月度检查制度,全镇12个村按月公开财务收支,已完成整改。
```
不报告 / Not reported:
```text
中共青石镇委员会关于巡察整改进展情况的通报
一、整改落实情况
(一)关于“村务公开不及时”的问题。
整改情况:已建立村务公开月度检查制度,全镇12个村按月公开财务收支,已完成整改。
中共青石镇委员会
2024年3月8日
```

## 参数 / Parameters
- `elements`(默认 `[title, issuer, date]`):要检查的部分,可选 `title`(标题)、`issuer`(发文机关)、
  `date`(成文日期)。The parts to require: any of `title`, `issuer`, `date`.
- `statements`(默认无):报告必须写明的表述,每项有 `name`(消息中的名称)和 `pattern`
  (正则表达式,在报告正文中查找,页面框架文字除外)。缺少时指向标题(没有标题则指向正文开头)。
  Statements the report must contain: each has a `name` (used in the message) and a `pattern`
  (a regular expression searched in the report's text, web chrome excluded).
- `min_body_chars`(默认 50):正文(标题、页面框架和落款以外的文字)少于此字数时视为没有正文,不检查。
  A report whose body (text outside the title, chrome and closing) has fewer characters than this
  is not checked.
";

/// Names the kind's message and help templates may use.
pub const VALUES: &[&str] = &["missing", "place"];

/// The kind, for the registry.
pub const KIND: Kind = Kind {
    name: NAME,
    explanation: EXPLANATION,
    values: VALUES,
    compile,
    rules: (
        "rules/required.yaml",
        include_str!("../../rules/required.yaml"),
    ),
};

/// A part of the report's frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Element {
    Title,
    Issuer,
    Date,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Statement {
    name: String,
    pattern: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Params {
    elements: Vec<Element>,
    statements: Vec<Statement>,
    min_body_chars: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            elements: vec![Element::Title, Element::Issuer, Element::Date],
            statements: Vec::new(),
            min_body_chars: 50,
        }
    }
}

struct Required {
    elements: Vec<Element>,
    statements: Vec<(String, Regex)>,
    min_body_chars: usize,
    dotted_date: Regex,
}

fn compile(
    params: &serde_yaml::Value,
    _vocab: &crate::parse::vocab::Vocabulary,
    patterns: &mut super::Patterns,
) -> Result<Box<dyn Check>, String> {
    let p: Params = super::params(params)?;
    let statements = p
        .statements
        .into_iter()
        .map(|s| {
            patterns
                .pattern(&s.pattern)
                .map(|re| (s.name.clone(), re))
                .map_err(|e| format!("statement `{}`: {e}", s.name))
        })
        .collect::<Result<_, _>>()?;
    Ok(Box::new(Required {
        elements: p.elements,
        statements,
        min_body_chars: p.min_body_chars,
        dotted_date: patterns.regex(DOTTED_DATE).map_err(|e| e.to_string())?,
    }))
}

impl Check for Required {
    fn check(&self, cx: &Context) -> Vec<Hit> {
        let doc = cx.doc;
        let Some(body) = body(doc) else {
            return Vec::new();
        };
        if body.chars < self.min_body_chars {
            return Vec::new();
        }
        let mut hits = Vec::new();
        if self.elements.contains(&Element::Title) && doc.title.is_none() {
            hits.push(
                Hit::at(first_clause(doc, &body.first))
                    .value("missing", "标题")
                    .value("place", "报告开头、正文之前"),
            );
        }
        if !body.ends_dated(cx, &self.dotted_date) {
            hits.extend(self.closing(doc, &body));
        }
        for (name, re) in &self.statements {
            let found = re.find_iter(&doc.source).any(|m| {
                !doc.chrome
                    .iter()
                    .any(|c| c.start <= m.start() && m.end() <= c.end)
            });
            if !found {
                let at = doc
                    .title
                    .as_ref()
                    .map_or_else(|| first_clause(doc, &body.first), |t| t.span.clone());
                hits.push(
                    Hit::at(at)
                        .value("missing", name)
                        .value("place", "报告正文中"),
                );
            }
        }
        hits
    }
}

impl Required {
    /// A missing issuer or date, reported where it belongs.
    fn closing(&self, doc: &Document, body: &Body) -> Option<Hit> {
        let want_issuer = self.elements.contains(&Element::Issuer);
        let want_date = self.elements.contains(&Element::Date);
        let closing = &doc.closing;
        if let Some(date) = &closing.date_span {
            // The parser reads an issuer only above a date line.
            return (want_issuer && closing.issuer.is_none()).then(|| {
                Hit::at(date.clone())
                    .value("missing", "发文机关")
                    .value("place", "成文日期之上")
            });
        }
        // No date line: the last line may still be the issuer alone.
        let signed = body.last_line_is_issuer.then(|| body.last.clone());
        let missing = match (want_issuer && signed.is_none(), want_date) {
            (true, true) => "发文机关和成文日期",
            (false, true) => "成文日期",
            (true, false) => "发文机关",
            (false, false) => return None,
        };
        let (at, place) = match signed {
            Some(issuer) => (issuer, "发文机关之下"),
            None => (last_sentence(doc, &body.last), "正文最后一句之后"),
        };
        Some(Hit::at(at).value("missing", missing).value("place", place))
    }
}

/// The report's text between the title and the closing.
struct Body {
    /// The first line of text.
    first: Span,
    /// The last line of text.
    last: Span,
    /// The last few lines of text, where a closing would stand.
    tail: Vec<Span>,
    /// Characters other than blanks.
    chars: usize,
    /// The last line is a short line with no sentence punctuation, as an issuer is written.
    last_line_is_issuer: bool,
}

impl Body {
    /// One of the last lines is short and ends in a date: a closing written in a form the
    /// reader did not take for one ("中共××镇委员会 2024年3月8日" on one line, "2024.3.8", a
    /// page footer the reader does not know after it). Not reported: a false alarm costs more
    /// than a miss.
    fn ends_dated(&self, cx: &Context, dotted: &Regex) -> bool {
        self.tail.iter().any(|line| {
            let text = cx.doc.text(line).trim_end();
            let end = line.start + text.len();
            let ends_in_date = dotted.find_iter(text).any(|m| m.end() == text.len())
                || cx
                    .facts
                    .dates
                    .iter()
                    .any(|d| d.date.span.start >= line.start && d.date.span.end == end);
            text.trim().chars().count() <= 40 && ends_in_date
        })
    }
}

/// How many lines at the end of the text may hold a closing the reader did not take for one.
const TAIL_LINES: usize = 3;

/// A date written with dots, slashes or dashes, e.g. "2024.3.8", "2024-03-08".
const DOTTED_DATE: &str = r"(19|20)\d{2}\s*[.．/\-]\s*\d{1,2}\s*[.．/\-]\s*\d{1,2}";

/// The body of a report, None when it has no text outside its title, chrome and closing.
fn body(doc: &Document) -> Option<Body> {
    let mut lines: Vec<Span> = doc
        .blocks
        .iter()
        .filter(|b| b.region != Region::Closing)
        .map(|b| b.span.clone())
        .chain(doc.sections.iter().map(|s| s.line_span.clone()))
        .filter(|s| !doc.text(s).trim().is_empty())
        .collect();
    lines.sort_by_key(|s| s.start);
    let first = lines.first()?.clone();
    let last = lines.last()?.clone();
    let chars = lines
        .iter()
        .map(|s| doc.text(s).chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    let last_block = doc.blocks.iter().find(|b| b.span == last);
    let last_line_is_issuer = last_block.is_some_and(|b| {
        let text = doc.text(&b.span).trim();
        b.kind == BlockKind::Paragraph
            && text.chars().count() <= 30
            && !text.contains(['。', ',', '，', ';', '；', ':', '：', '、', '(', '（'])
            && text.ends_with(['会', '委', '组', '局', '府', '院', '室', '厅', '部', '办'])
    });
    let tail = lines[lines.len().saturating_sub(TAIL_LINES)..].to_vec();
    Some(Body {
        first,
        last,
        tail,
        chars,
        last_line_is_issuer,
    })
}

/// The start of a line up to its first comma or stop: where a missing title is pointed at.
fn first_clause(doc: &Document, line: &Span) -> Span {
    let text = doc.text(line);
    let end = text
        .char_indices()
        .find(|&(_, c)| matches!(c, ',' | '，' | '。' | ';' | '；' | ':' | '：'))
        .map_or(text.len(), |(i, _)| i);
    let end = if end == 0 { text.len() } else { end };
    line.start..line.start + end
}

/// The last sentence of a line, its final stop included: where a missing closing is pointed at.
fn last_sentence(doc: &Document, line: &Span) -> Span {
    let text = doc.text(line).trim_end();
    let body = text.trim_end_matches(['。', ';', '；', '!', '！']);
    let start = body
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '。' | ';' | '；' | '!' | '！'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    line.start + start..line.start + text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fired(text: &str, params: &str) -> Vec<String> {
        let (doc, facts) = crate::analyse(text);
        let check = crate::rules::testing::compile(compile, &serde_yaml::from_str(params).unwrap())
            .unwrap();
        check
            .check(&Context {
                doc: &doc,
                facts: &facts,
                vocab: crate::parse::vocab::Vocabulary::packaged(),
            })
            .into_iter()
            .map(|h| h.values["missing"].clone())
            .collect()
    }

    const TITLE: &str = "中共青石镇委员会关于巡察整改进展情况的通报\n";
    const BODY: &str = "2023年7月18日,县委第三巡察组向青石镇党委反馈了巡察意见。\n一、整改落实情况\n(一)关于“村务公开不及时”的问题。\n整改情况:已建立村务公开月度检查制度,全镇12个村按月公开财务收支,已完成整改。\n";
    const CLOSING: &str = "中共青石镇委员会\n2024年3月8日\n";
    const ALL: &str = "null";
    const RATE: &str = "elements: []\nstatements: [{name: 整改完成率, pattern: '整改完成率(达到?|为)?\\d+(\\.\\d+)?%'}]";

    #[test]
    fn table() {
        let full = format!("{TITLE}{BODY}{CLOSING}");
        let cases: Vec<(String, &str, Vec<&str>)> = vec![
            // Title, body, issuer and date: complete.
            (full.clone(), ALL, vec![]),
            // Web chrome around a complete report is not part of it.
            (
                format!(
                    "青石镇人民政府网\n首页 > 通知公告\n发布日期: 2024-03-12 09:30\n{full}版权所有:青石镇人民政府\n"
                ),
                ALL,
                vec![],
            ),
            // An indented date line still closes the report.
            (
                format!("{TITLE}{BODY}中共青石镇委员会\n    2024年3月8日\n"),
                ALL,
                vec![],
            ),
            (format!("{TITLE}{BODY}"), ALL, vec!["发文机关和成文日期"]),
            (format!("{BODY}{CLOSING}"), ALL, vec!["标题"]),
            (BODY.to_string(), ALL, vec!["标题", "发文机关和成文日期"]),
            (
                format!("{TITLE}{BODY}中共青石镇委员会\n"),
                ALL,
                vec!["成文日期"],
            ),
            (
                format!("{TITLE}{BODY}2024年3月8日\n"),
                ALL,
                vec!["发文机关"],
            ),
            // Only the issuer and date are asked for: a missing title is not this rule's business.
            (
                format!("{BODY}{CLOSING}"),
                "elements: [issuer, date]",
                vec![],
            ),
            (BODY.to_string(), "elements: [title]", vec!["标题"]),
            // An empty file has nothing to check.
            (String::new(), ALL, vec![]),
            // Blank lines only.
            ("\n \n\u{3000}\n".to_string(), ALL, vec![]),
            // Closings the reader does not take for one, but a reader of the report would:
            // issuer and date on one line, a dotted date, a month only, a Chinese-numeral date.
            (
                format!("{TITLE}{BODY}中共青石镇委员会 2024年3月8日\n"),
                ALL,
                vec![],
            ),
            (
                format!("{TITLE}{BODY}中共青石镇委员会\n2024.3.8\n"),
                ALL,
                vec![],
            ),
            (
                format!("{TITLE}{BODY}中共青石镇委员会办公室\n2024年3月\n"),
                ALL,
                vec![],
            ),
            (
                format!("{TITLE}{BODY}中共青石镇委员会\n二〇二四年三月八日\n"),
                ALL,
                vec![],
            ),
            // A title and a closing with no body between them.
            (format!("{TITLE}{CLOSING}"), ALL, vec![]),
            // A fragment shorter than a report's body.
            ("已完成整改。\n".to_string(), ALL, vec![]),
            // A statement the rule asks for, missing.
            (full.clone(), RATE, vec!["整改完成率"]),
            // Written in the body, the statement is found.
            (
                full.replace("已完成整改。", "已完成整改。全镇整改完成率达100%。"),
                RATE,
                vec![],
            ),
            // Written only in the web page's chrome, it is not part of the report.
            (
                format!("发布日期: 2024-03-12 09:30 整改完成率100%\n{full}"),
                RATE,
                vec!["整改完成率"],
            ),
        ];
        for (text, params, want) in &cases {
            assert_eq!(fired(text, params), *want, "{params}\n{text}");
        }
    }

    #[test]
    fn places() {
        let text = BODY.to_string();
        let (doc, facts) = crate::analyse(&text);
        let check = crate::rules::testing::compile(compile, &serde_yaml::Value::Null).unwrap();
        let hits = check.check(&Context {
            doc: &doc,
            facts: &facts,
            vocab: crate::parse::vocab::Vocabulary::packaged(),
        });
        assert_eq!(doc.text(&hits[0].span), "2023年7月18日");
        assert_eq!(
            doc.text(&hits[1].span),
            "整改情况:已建立村务公开月度检查制度,全镇12个村按月公开财务收支,已完成整改。"
        );
    }

    #[test]
    fn bad_params_are_errors() {
        let bad = |y: &str| {
            crate::rules::testing::compile(compile, &serde_yaml::from_str(y).unwrap()).is_err()
        };
        assert!(bad("elements: [signature]"));
        assert!(bad("statements: [{name: x, pattern: '('}]"));
        assert!(bad("colour: red"));
        assert!(!bad("elements: [date]\nmin_body_chars: 0"));
    }

    /// The explanation's two snippets: the first is reported, the second is not.
    #[test]
    fn the_explanation_examples_hold() {
        let check = crate::rules::testing::compile(compile, &serde_yaml::Value::Null).unwrap();
        crate::rules::testing::assert_explanation_examples(EXPLANATION, check.as_ref());
    }

    use crate::rules::testing::PIECES;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

        #[test]
        fn any_text_gives_spans_on_char_boundaries(
            parts in proptest::collection::vec(0..PIECES.len(), 0..150),
            noise in "\\PC{0,40}",
        ) {
            let text: String = parts.iter().map(|&i| PIECES[i]).chain([noise.as_str()]).collect();
            let check = crate::rules::testing::compile(compile, &serde_yaml::Value::Null).unwrap();
            let hits = crate::rules::testing::hits(check.as_ref(), &text);
            crate::rules::testing::assert_spans_hold(&text, &hits);
        }
    }
}

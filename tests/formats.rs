//! The machine-readable formats (concise, github, junit, sarif, statistics) on a fictional report
//! with planted errors, a clean report and a file that cannot be read: snapshots of each, and
//! their key properties checked directly (columns, escaping, well-formed XML, the SARIF schema).

use quick_xml::events::Event;
use zglint::FileResult;
use zglint::finding::{Finding, Level};
use zglint::render;
use zglint::rules::pack::Pack;

mod common;

/// SARIF: schema validation, rules, locations and fingerprints.
#[path = "formats/sarif.rs"]
mod sarif;

/// A fictional 镇 report: a wrong completion rate (4 / 5 is 80%), a sum that does not add up
/// (3 + 2 + 1 is not 7), a quote left open, double quotes inside double quotes, and a repeated
/// heading number (二、 twice).
const REPORT: &str = "\
中共柳塘镇委员会关于巡察整改进展情况的通报

2023年9月4日至10月20日,县委第二巡察组对柳塘镇党委进行了巡察。2023年12月6日,县委第二巡察组向柳塘镇党委反馈了巡察意见。按照党务公开和巡察工作有关要求,现将整改进展情况通报如下。

一、整改工作总体情况

截至2024年3月15日,巡察反馈共5个问题,已完成整改4个,整改完成率90%。

二、问题整改落实情况

1.关于“村级财务管理不规范”的问题。
整改情况:一是对全镇9个村的账目开展清理;二是问责干部7人,其中诫勉谈话3人,批评教育2人,通报批评1人。已完成整改。

2.关于“项目资金拨付滞后”的问题。
整改情况:建立资金拨付台账,每月通报进度。已完成整改。

3.关于“信访积案化解不力”的问题。
整改情况:成立化解专班,逐案包保。已完成整改。

4.关于“村级活动场所使用率低的问题。
整改情况:制定“场所“错峰”开放”制度。已完成整改。

5.关于“干部作风不够扎实”的问题。
整改情况:开展作风专项整治。正在整改中。

二、下一步工作打算

持续巩固整改成果,确保问题不反弹。

欢迎广大干部群众对巡察整改情况进行监督。联系电话:0000-0000000;电子邮箱:liutang@example.com。

中共柳塘镇委员会
2024年3月20日
";

/// The same 镇's next report, with nothing to find.
const CLEAN: &str = "\
中共柳塘镇委员会关于巡察整改进展情况的通报

2023年9月4日至10月20日,县委第二巡察组对柳塘镇党委进行了巡察。2023年12月6日,县委第二巡察组向柳塘镇党委反馈了巡察意见。现将整改进展情况通报如下。

一、整改工作总体情况

截至2024年3月15日,巡察反馈共5个问题,已完成整改4个,整改完成率80%。

二、下一步工作打算

持续巩固整改成果。

中共柳塘镇委员会
2024年3月20日
";

const REPORT_PATH: &str = "reports/柳塘镇 2024.txt";
const CLEAN_PATH: &str = "reports/clean.txt";
/// A path with the characters GitHub's properties and URIs must escape.
const BROKEN_PATH: &str = "reports/旧稿,第1版:扫描.txt";

fn pack() -> Pack {
    Pack::packaged().expect("the packaged rules load")
}

fn checked(path: &str, text: &str) -> FileResult {
    FileResult {
        path: path.to_string(),
        outcome: Ok(zglint::check::check_str(text, &pack())),
    }
}

/// The three files, in path order as the CLI gives them: the clean report, the report with
/// errors, and a file that is not UTF-8.
fn files() -> Vec<FileResult> {
    let broken = zglint::decode(BROKEN_PATH, b"\xe6\x9f\xb3\xff".to_vec())
        .expect_err("not UTF-8")
        .to_string();
    vec![
        checked(CLEAN_PATH, CLEAN),
        checked(REPORT_PATH, REPORT),
        FileResult {
            path: BROKEN_PATH.to_string(),
            outcome: Err(broken),
        },
    ]
}

/// The real seed reports, checked.
fn seed_results() -> Vec<FileResult> {
    let pack = pack();
    common::seed_files()
        .iter()
        .map(|p| FileResult {
            path: p.display().to_string(),
            outcome: zglint::read(p)
                .map(|text| zglint::check::check_str(&text, &pack))
                .map_err(|e| e.to_string()),
        })
        .collect()
}

fn findings(f: &FileResult) -> &[Finding] {
    &f.outcome.as_ref().expect("checked").findings
}

/// Line and character column of the first `needle` in `text`, counted here independently.
fn position(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("needle in text");
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..at].matches('\n').count() + 1;
    (line, text[line_start..at].chars().count() + 1)
}

#[test]
fn the_fixture_has_the_planted_findings() {
    let files = files();
    let mut rules: Vec<&str> = findings(&files[1])
        .iter()
        .map(|f| f.rule.as_str())
        .collect();
    rules.sort_unstable();
    assert_eq!(
        rules,
        [
            "heading-number-repeated",
            "pair-unclosed",
            "quote-nested-double",
            "rate-mismatch",
            "sum-mismatch-uncertain"
        ]
    );
    assert!(findings(&files[0]).is_empty());
}

#[test]
fn concise_is_one_line_per_finding() {
    let files = files();
    let out = render::concise::render(&files);
    insta::assert_snapshot!("concise", out);
    let lines: Vec<&str> = out.lines().collect();
    // One line per finding; the unreadable file's error is on standard error only.
    assert_eq!(lines.len(), findings(&files[1]).len());
    let (line, col) = position(REPORT, "90%");
    assert!(
        lines.contains(
            &format!("{REPORT_PATH}:{line}:{col}: error[rate-mismatch] 完成率 90% 与 4 / 5 不符")
                .as_str()
        )
    );
    let (line, col) = position(REPORT, "“场所“错峰");
    let nested = format!(
        "{REPORT_PATH}:{line}:{}: info[quote-nested-double] ",
        col + 3
    );
    assert!(lines.iter().any(|l| l.starts_with(&nested)), "{out}");
    assert!(!out.contains(BROKEN_PATH), "{out}");
    for l in &lines {
        let rest = l.strip_prefix(&format!("{REPORT_PATH}:")).expect(l);
        let mut parts = rest.splitn(3, ':');
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{l}");
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{l}");
        let tail = parts.next().unwrap();
        assert!(
            ["error[", "warning[", "info["]
                .iter()
                .any(|p| tail.starts_with(&format!(" {p}"))),
            "{l}"
        );
    }
}

/// Undo the toolkit's escaping of a message.
fn unescape_data(s: &str) -> String {
    s.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%25", "%")
}

/// Split a workflow command into its name, properties and message.
fn parse_command(line: &str) -> (&str, Vec<(&str, &str)>, &str) {
    let rest = line.strip_prefix("::").expect("a workflow command");
    let (head, data) = rest.split_once("::").expect("`::` before the message");
    let (name, props) = head.split_once(' ').unwrap_or((head, ""));
    let props = props
        .split(',')
        .map(|p| p.split_once('=').expect("key=value"))
        .collect();
    (name, props, data)
}

#[test]
fn github_annotations_are_escaped() {
    let mut files = files();
    let out = render::github::render(&files);
    insta::assert_snapshot!("github", out);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), findings(&files[1]).len() + 1);
    let (name, props, data) = parse_command(lines[0]);
    // The first finding is the completion rate: its `%` is escaped, its help follows.
    assert_eq!(name, "error");
    let (line, col) = position(REPORT, "90%");
    let want = [
        ("file", "reports/柳塘镇 2024.txt".to_string()),
        ("line", line.to_string()),
        ("col", col.to_string()),
        ("endLine", line.to_string()),
        ("endColumn", (col + 2).to_string()),
        ("title", "zglint (rate-mismatch)".to_string()),
    ];
    let got: Vec<(&str, String)> = props.iter().map(|(k, v)| (*k, v.to_string())).collect();
    assert_eq!(got, want);
    assert!(
        data.starts_with("完成率 90%25 与 4 / 5 不符%0Ahelp: 4 / 5 = 80%25"),
        "{data}"
    );
    assert!(lines.iter().any(|l| l.starts_with("::warning ")));
    assert!(lines.iter().any(|l| l.starts_with("::notice ")));
    // The unreadable file: `,` and `:` of its path escaped in the property.
    let (name, props, data) = parse_command(lines.last().unwrap());
    assert_eq!(name, "error");
    assert_eq!(props[0], ("file", "reports/旧稿%2C第1版%3A扫描.txt"));
    assert_eq!(data, "not valid UTF-8 at byte 3");

    // A message with a line break, a carriage return, `%`, `:` and `,`, over two lines.
    let report = files[1].outcome.as_mut().unwrap();
    let mut odd = report.findings[0].clone();
    odd.message = "甲:乙,丙\r\n90%".to_string();
    odd.help = None;
    let start = REPORT.find("截至").unwrap();
    odd.span = start..REPORT.find("二、问题").unwrap();
    report.findings = vec![odd.clone()];
    let out = render::github::render(&files[1..2]);
    let (_, props, data) = parse_command(out.lines().next().unwrap());
    assert_eq!(data, "甲:乙,丙%0D%0A90%25");
    assert_eq!(unescape_data(data), odd.message);
    let keys: Vec<&str> = props.iter().map(|(k, _)| *k).collect();
    // Columns only on a one-line annotation.
    assert_eq!(keys, ["file", "line", "endLine", "title"]);
    assert!(
        props
            .iter()
            .all(|(_, v)| !v.contains([':', ',', '\n', '\r']))
    );
}

/// What a JUnit document holds: its elements by name and its `message` attributes, unescaped.
struct Xml {
    elements: Vec<String>,
    messages: Vec<String>,
}

impl Xml {
    fn count(&self, name: &str) -> usize {
        self.elements.iter().filter(|e| *e == name).count()
    }
}

/// Read an XML document through, panicking where it is not well-formed.
fn read_xml(out: &str) -> Xml {
    let mut reader = quick_xml::Reader::from_str(out);
    let mut xml = Xml {
        elements: Vec::new(),
        messages: Vec::new(),
    };
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e) | Event::Empty(e)) => {
                xml.elements
                    .push(String::from_utf8_lossy(e.name().as_ref()).into_owned());
                for a in e.attributes() {
                    let a = a.expect("well-formed attribute");
                    if a.key.as_ref() == b"message" {
                        let value = a.normalized_value(quick_xml::XmlVersion::Explicit1_0);
                        xml.messages
                            .push(value.expect("escaped value").into_owned());
                    }
                }
            }
            Ok(_) => {}
            Err(e) => panic!(
                "not well-formed at {}: {e}\n{out}",
                reader.buffer_position()
            ),
        }
    }
    xml
}

#[test]
fn junit_is_well_formed_xml_with_a_failure_per_error_or_warning() {
    let mut files = files();
    insta::assert_snapshot!("junit", render::junit::render(&files));
    // A message with everything XML must escape, and a control character it cannot hold.
    let report = files[1].outcome.as_mut().unwrap();
    report.findings[0].message = "<甲 & \"乙\">\n'x'\u{1}".to_string();
    let out = render::junit::render(&files);
    let xml = read_xml(&out);
    let (suites, cases, failures, errors, outs) = (
        xml.count("testsuite"),
        xml.count("testcase"),
        xml.count("failure"),
        xml.count("error"),
        xml.count("system-out"),
    );
    let messages = xml.messages;
    let found = findings(&files[1]);
    let failing = found.iter().filter(|f| f.level >= Level::Warning).count();
    assert_eq!(suites, 3);
    assert_eq!(cases, 1 + found.len() + 1);
    assert_eq!(
        (failures, errors, outs),
        (failing, 1, found.len() - failing)
    );
    assert!(
        messages.contains(&"<甲 & \"乙\">\n'x'\u{FFFD}".to_string()),
        "{messages:?}"
    );
    assert!(messages.contains(&"not valid UTF-8 at byte 3".to_string()));
    assert!(out.contains(
        "<testsuite name=\"reports/柳塘镇 2024.txt\" tests=\"5\" failures=\"4\" errors=\"0\">"
    ));
}

#[test]
fn statistics_count_per_rule_most_frequent_first() {
    let mut files = files();
    files.push(checked(
        "reports/柳塘镇 2024 二稿.txt",
        &REPORT.replace("完成率90%", "完成率80%"),
    ));
    let out = render::statistics::render(&files);
    insta::assert_snapshot!("statistics", out);
    let rows: Vec<Vec<&str>> = out
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows[0], ["2", "heading-number-repeated", "error"]);
    assert_eq!(rows[4], ["1", "rate-mismatch", "error"]);
    assert_eq!(rows.last().unwrap().join(" "), "1 file could not be read");
    assert_eq!(rows.len(), 6);
    assert_eq!(render::statistics::render(&files[..1]), "");
}

#[test]
fn seed_reports_give_well_formed_junit() {
    let files = seed_results();
    let xml = read_xml(&render::junit::render(&files));
    let found: usize = files.iter().map(|f| findings(f).len()).sum();
    assert!(found > 0);
    assert_eq!(xml.count("testsuite"), files.len());
    assert_eq!(xml.count("failure") + xml.count("system-out"), found);
}

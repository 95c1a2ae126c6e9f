//! The grammar, rule by rule: each case parses an input with one rule and compares the pairs,
//! written as `rule(children)` or `rule"text"` for leaves, with what the rule must give.

use super::{ReportParser, Rule};
use pest::Parser;
use pest::iterators::Pair;

fn sexp(pair: Pair<Rule>) -> String {
    let rule = format!("{:?}", pair.as_rule());
    let text = pair.as_str().to_string();
    let inner: Vec<String> = pair.into_inner().map(sexp).collect();
    if inner.is_empty() {
        format!("{rule}\"{text}\"")
    } else {
        format!("{rule}({})", inner.join(" "))
    }
}

/// Parse each input with `rule` and compare; report every case that differs.
fn assert_table(rule: Rule, cases: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (input, want) in cases {
        let got = parse(rule, input);
        if got != *want {
            failures.push(format!("{input}\n  want {want}\n  got  {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn parse(rule: Rule, input: &str) -> String {
    match ReportParser::parse(rule, input) {
        Ok(pairs) => pairs.map(sexp).collect::<Vec<_>>().join(" "),
        Err(_) => "ERROR".to_string(),
    }
}

#[test]
fn line_rules() {
    let cases: &[(&str, &str)] = &[
        // Each heading form, GB/T 9704 and the variants real reports use.
        (
            "一、提高政治站位",
            r#"line(indent"" heading(m_cn_comma(cn_number"一") rest"提高政治站位"))"#,
        ),
        (
            "十二、其他",
            r#"line(indent"" heading(m_cn_comma(cn_number"十二") rest"其他"))"#,
        ),
        (
            "(一)加强组织领导",
            r#"line(indent"" heading(m_cn_paren(cn_number"一") rest"加强组织领导"))"#,
        ),
        (
            "（二）压实责任",
            r#"line(indent"" heading(m_cn_paren(cn_number"二") rest"压实责任"))"#,
        ),
        (
            "1.针对问题",
            r#"line(indent"" heading(m_ar_dot(ar_number"1") rest"针对问题"))"#,
        ),
        (
            "12．针对问题",
            r#"line(indent"" heading(m_ar_dot(ar_number"12") rest"针对问题"))"#,
        ),
        (
            "3、关于问题",
            r#"line(indent"" heading(m_ar_dot(ar_number"3") rest"关于问题"))"#,
        ),
        (
            "(1)关于问题",
            r#"line(indent"" heading(m_ar_paren(ar_number"1") rest"关于问题"))"#,
        ),
        (
            "（10）关于问题",
            r#"line(indent"" heading(m_ar_paren(ar_number"10") rest"关于问题"))"#,
        ),
        (
            "2)生态环境",
            r#"line(indent"" heading(m_ar_half(ar_number"2") rest"生态环境"))"#,
        ),
        (
            "１）生态环境",
            r#"line(indent"" heading(m_ar_half(ar_number"１") rest"生态环境"))"#,
        ),
        (
            "③整改台账",
            r#"line(indent"" heading(m_circled"③" rest"整改台账"))"#,
        ),
        // A marker whose number was lost is kept, for the numbering rule.
        (
            ")持续用力",
            r#"line(indent"" heading(m_broken")" rest"持续用力"))"#,
        ),
        (
            "）持续用力",
            r#"line(indent"" heading(m_broken"）" rest"持续用力"))"#,
        ),
        (
            "()持续用力",
            r#"line(indent"" heading(m_broken"()" rest"持续用力"))"#,
        ),
        // Heading numbers of any length, in every style, Arabic and Chinese.
        (
            "1000.关于问题",
            r#"line(indent"" heading(m_ar_dot(ar_number"1000") rest"关于问题"))"#,
        ),
        (
            "10000、关于问题",
            r#"line(indent"" heading(m_ar_dot(ar_number"10000") rest"关于问题"))"#,
        ),
        (
            "(1000)关于问题",
            r#"line(indent"" heading(m_ar_paren(ar_number"1000") rest"关于问题"))"#,
        ),
        (
            "（1000）关于问题",
            r#"line(indent"" heading(m_ar_paren(ar_number"1000") rest"关于问题"))"#,
        ),
        (
            "1000)关于问题",
            r#"line(indent"" heading(m_ar_half(ar_number"1000") rest"关于问题"))"#,
        ),
        (
            "一百零一、其他",
            r#"line(indent"" heading(m_cn_comma(cn_number"一百零一") rest"其他"))"#,
        ),
        (
            "(三千二百一十五)其他",
            r#"line(indent"" heading(m_cn_paren(cn_number"三千二百一十五") rest"其他"))"#,
        ),
        (
            "一千零五、其他",
            r#"line(indent"" heading(m_cn_comma(cn_number"一千零五") rest"其他"))"#,
        ),
        // Not headings: a decimal, a year, a number followed by a unit.
        (
            "2024．3前完成",
            r#"line(indent"" paragraph"2024．3前完成")"#,
        ),
        ("1000元已退还", r#"line(indent"" paragraph"1000元已退还")"#),
        ("一百多家企业", r#"line(indent"" paragraph"一百多家企业")"#),
        (
            "1.5万元已退还",
            r#"line(indent"" paragraph"1.5万元已退还")"#,
        ),
        (
            "2022、2023年均开展",
            r#"line(indent"" paragraph"2022、2023年均开展")"#,
        ),
        (
            "3月中旬召开会议。",
            r#"line(indent"" paragraph"3月中旬召开会议。")"#,
        ),
        ("十分重视。", r#"line(indent"" paragraph"十分重视。")"#),
        // Labelled paragraphs, in both widths.
        (
            "整改情况:整改完成。",
            r#"line(indent"" labelled(label"整改情况" rest"整改完成。"))"#,
        ),
        (
            "反馈问题：人才不足。",
            r#"line(indent"" labelled(label"反馈问题" rest"人才不足。"))"#,
        ),
        // A page's label is not a report's label: such a line is a paragraph, which
        // `chrome_line` may then call chrome.
        (
            "主办单位：青石县人民政府办公室",
            r#"line(indent"" paragraph"主办单位：青石县人民政府办公室")"#,
        ),
        // Date lines, indented, in Arabic or Chinese numerals.
        (
            "    2023年10月13日",
            r#"line(indent"    " date_line(full_date"2023年10月13日"))"#,
        ),
        (
            "二〇二三年十月十三日",
            r#"line(indent"" date_line(full_date"二〇二三年十月十三日"))"#,
        ),
        (
            "2023年10月13日召开会议",
            r#"line(indent"" paragraph"2023年10月13日召开会议")"#,
        ),
        ("　", r#"line(indent"　")"#),
    ];
    assert_table(Rule::line, cases);
}

#[test]
fn chrome_rules() {
    let cases: &[(&str, &str)] = &[
        // Chrome, including a chrome label that is not a report's label.
        (
            "来源: 党政办公室",
            r#"chrome_line(chrome"来源: 党政办公室" EOI"")"#,
        ),
        (
            "首页 > 通知公告",
            r#"chrome_line(chrome"首页 > 通知公告" EOI"")"#,
        ),
        (
            "发布日期: 2021- 06- 28 16: 53 浏览次数:",
            r#"chrome_line(chrome"发布日期: 2021- 06- 28 16: 53 浏览次数:" EOI"")"#,
        ),
        (
            "版权所有 ICP备12345678号",
            r#"chrome_line(chrome"版权所有 ICP备12345678号" EOI"")"#,
        ),
        (
            "主办单位：青石县人民政府办公室",
            r#"chrome_line(chrome"主办单位：青石县人民政府办公室" EOI"")"#,
        ),
        (
            "当前位置：首页 > 通知公告",
            r#"chrome_line(chrome"当前位置：首页 > 通知公告" EOI"")"#,
        ),
        // A footer's address and record numbers are not report figures.
        (
            "地址:青石县人民路88号 邮政编码:311999 浙ICP备12345678号",
            r#"chrome_line(chrome"地址:青石县人民路88号 邮政编码:311999 浙ICP备12345678号" EOI"")"#,
        ),
        // Report content before a chrome word, or report figures anywhere: not chrome.
        ("已完成整改。联系人:张红,邮政编码:311999", "ERROR"),
        ("完成16个,联系人:张红,邮政编码:311999", "ERROR"),
        ("来源:白沙乡 完成率80%", "ERROR"),
        // A report's sentences are not chrome.
        ("整改情况:已完成整改。", "ERROR"),
        ("首页面设计已整改", "ERROR"),
    ];
    assert_table(Rule::chrome_line, cases);
}

#[test]
fn inline_rules() {
    let cases: &[(&str, &str)] = &[
        (
            "一是学习;二是整改。",
            r#"inline(enum_cn(cn_number"一") enum_cn(cn_number"二") EOI"")"#,
        ),
        // 统一是 is not an enumeration: no separator before 一.
        ("统一是原则", r#"inline(EOI"")"#),
        // Inside quotation marks nothing is structure.
        (
            "所谓“一是二是”的问题",
            r#"inline(quoted"“一是二是”" EOI"")"#,
        ),
        (
            "问题。(2)关于票据",
            r#"inline(enum_paren(ar_number"2") EOI"")"#,
        ),
        (
            "的问题。(整改时限:3个月,长期坚持)",
            r#"inline(note(label"整改时限" note_text"3个月,长期坚持") EOI"")"#,
        ),
        (
            "企业。   整改措施及成效:一是",
            r#"inline(inline_label(label"整改措施及成效") enum_cn(cn_number"一") EOI"")"#,
        ),
        // An unclosed quotation reads on as plain text; parsing never fails.
        ("“未闭合,一是", r#"inline(enum_cn(cn_number"一") EOI"")"#),
        // A bracket with no label is not a note.
        ("(以下简称“镇党委”)", r#"inline(quoted"“镇党委”" EOI"")"#),
    ];
    assert_table(Rule::inline, cases);
}

/// A heading numbered over 999 is a heading only where it follows the one before it.
#[test]
fn long_heading_numbers_follow_on() {
    let text = "一、总则\n998.甲\n999.乙\n1000.丙\n1002.丁\n(2024)年度\n2023.全年\n";
    let doc = super::parse(text);
    let headings: Vec<Option<u32>> = doc.sections.iter().map(|s| s.marker.number).collect();
    assert_eq!(
        headings,
        [Some(1), Some(998), Some(999), Some(1000), Some(1002)]
    );
    assert_eq!(super::cn_ordinal("一百一十五"), Some(115));
    assert_eq!(super::cn_ordinal("二千零一十"), Some(2010));
    assert_eq!(super::cn_ordinal("十二"), Some(12));
}

#[test]
fn document_rule_types_every_line() {
    let got = parse(Rule::document, "标题\n\n一、总则\r\n整改情况:完成");
    assert_eq!(
        got,
        r#"document(line(indent"" paragraph"标题") line(indent"") line(indent"" heading(m_cn_comma(cn_number"一") rest"总则")) line(indent"" labelled(label"整改情况" rest"完成")) EOI"")"#
    );
}

#[test]
fn chrome_is_read_before_and_after_the_report_only() {
    let text = "首页 > 通知公告\n发布日期: 2023-10-13 来源: 党政办\n青石镇关于巡察整改进展情况的通报\n\
                一、总体情况\n已完成整改。\n来源:镇财政所台账\n\n青石镇人民政府\n2023年10月13日\n打印本页 关闭窗口\n";
    let doc = super::parse(text);
    let chrome: Vec<&str> = doc.chrome.iter().map(|s| &text[s.clone()]).collect();
    assert_eq!(
        chrome,
        [
            "首页 > 通知公告",
            "发布日期: 2023-10-13 来源: 党政办",
            "打印本页 关闭窗口"
        ]
    );
    assert_eq!(
        doc.title.as_ref().map(|t| t.text.as_str()),
        Some("青石镇关于巡察整改进展情况的通报")
    );
    // In the body, a line that looks like chrome is the report's own paragraph.
    let blocks: Vec<&str> = doc.blocks.iter().map(|b| &text[b.span.clone()]).collect();
    assert_eq!(blocks, ["已完成整改。", "来源:镇财政所台账"]);
    assert_eq!(doc.closing.issuer.as_deref(), Some("青石镇人民政府"));
}

#[test]
fn a_closing_before_attachments_is_the_closing_and_the_attachments_stay_in_the_body() {
    let mut rows = String::new();
    for i in 1..=8 {
        rows.push_str(&format!(
            "{i}     第{i}项问题        镇长        2024年9月底   已完成\n"
        ));
    }
    let text = format!(
        "青石镇关于巡察整改进展情况的通报\n一、总体情况\n巡察反馈问题8个,已全部完成整改。\n\n\
         青石镇人民政府\n2024年10月8日\n\n附件:青石镇巡察反馈问题整改情况一览表\n\n\
         序号  问题          责任人      完成时限      整改进展\n{rows}"
    );
    let doc = super::parse(&text);
    assert_eq!(doc.closing.issuer.as_deref(), Some("青石镇人民政府"));
    let date = doc.closing.date_span.clone().expect("closing date");
    assert_eq!(&text[date], "2024年10月8日");
    let blocks: Vec<&str> = doc.blocks.iter().map(|b| &text[b.span.clone()]).collect();
    assert!(blocks.iter().any(|b| b.starts_with("附件:")), "{blocks:?}");
    assert!(blocks.iter().any(|b| b.contains("第8项问题")), "{blocks:?}");
    assert!(
        !blocks.iter().any(|b| b.contains("青石镇人民政府")),
        "{blocks:?}"
    );
    // Without a date before it, an attachment title is body text and nothing is a closing.
    let open = text.replace("2024年10月8日\n", "");
    assert!(super::parse(&open).closing.date_span.is_none());
}

#[test]
fn a_short_attachment_after_the_closing_is_no_footer() {
    // Two rows and a header make fewer lines than a page footer may have: still the report's.
    let text = "青石镇关于巡察整改进展情况的通报\n一、总体情况\n巡察反馈问题2个。\n\n\
                青石镇人民政府\n2024年10月8日\n\n附件:整改情况一览表\n\
                序号  问题          整改进展\n1     村务公开不及时    已完成\n2     台账不全          正在整改\n";
    let doc = super::parse(text);
    assert_eq!(doc.closing.issuer.as_deref(), Some("青石镇人民政府"));
    assert!(doc.chrome.is_empty(), "{:?}", doc.chrome);
    let blocks: Vec<&str> = doc.blocks.iter().map(|b| &text[b.span.clone()]).collect();
    assert!(blocks.iter().any(|b| b.contains("台账不全")), "{blocks:?}");
    // Short lines after the date with no attachment title are still a footer.
    let footer = text.replace("附件:整改情况一览表\n", "");
    let doc = super::parse(&footer);
    assert_eq!(doc.chrome.len(), 3);
    assert!(
        !doc.blocks
            .iter()
            .any(|b| footer[b.span.clone()].contains("台账不全"))
    );
}

#[test]
fn attachment_titles() {
    let line = |s: &str| super::Line {
        span: 0..s.len(),
        kind: super::LineKind::Paragraph,
    };
    for yes in ["附件", "附件:一览表", "附件2：整改台账", "附件一:问题清单"] {
        assert!(super::is_attachment_title(yes, &line(yes)), "{yes}");
    }
    for no in ["附件不全的凭证已补齐。", "附件材料", "附件:补齐凭证225份。"]
    {
        assert!(!super::is_attachment_title(no, &line(no)), "{no}");
    }
}

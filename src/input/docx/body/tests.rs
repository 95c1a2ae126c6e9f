use super::*;
use crate::input::docx::numbering::{Numbering, Styles};

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

fn body(inner: &str) -> (String, Vec<usize>) {
    let xml = format!("<w:document {W}><w:body>{inner}</w:body></w:document>");
    let lists = Numbering::default();
    let styles = Styles::default();
    read(&xml, Counters::new(&lists, &styles), 64).expect("reads")
}

fn p(runs: &str) -> String {
    format!(
        "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr>{runs}</w:p>"
    )
}

fn r(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

#[test]
fn paragraphs_are_lines_and_runs_join() {
    let xml = [
        p(&(r("整改") + &r("情况:") + "<w:r><w:tab/><w:t>已完成</w:t></w:r>")),
        p(""),
        p(&r("第三段&amp;&#x4E00;")),
    ]
    .concat();
    let (text, starts) = body(&xml);
    assert_eq!(text, "整改情况:\t已完成\n\n第三段&一\n");
    assert_eq!(
        starts,
        vec![
            0,
            text.find("\n\n").unwrap() + 1,
            text.find("第三段").unwrap()
        ]
    );
}

#[test]
fn deleted_hidden_and_instruction_text_is_left_out() {
    let runs = [
        r("保留"),
        "<w:del w:id=\"1\"><w:r><w:delText>删去</w:delText></w:r></w:del>".to_string(),
        "<w:ins w:id=\"2\"><w:r><w:t>插入</w:t></w:r></w:ins>".to_string(),
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>".to_string(),
        "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>显示</w:t></w:r>".to_string(),
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>".to_string(),
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>".to_string(),
        r("3"),
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>".to_string(),
        "<w:moveFrom w:id=\"3\"><w:r><w:t>移走</w:t></w:r></w:moveFrom>".to_string(),
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing/></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>".to_string(),
        "<w:r><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r>".to_string(),
    ]
    .concat();
    let (text, starts) = body(&p(&runs));
    assert_eq!(text, "保留插入显示3甲\n乙\n");
    assert_eq!(starts, vec![0]);
}

#[test]
fn table_rows_are_lines_with_cells_apart() {
    let cell = |paras: &[&str]| {
        let ps: String = paras.iter().map(|t| p(&r(t))).collect();
        format!("<w:tc><w:tcPr/>{ps}</w:tc>")
    };
    let table = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        cell(&["序号"]),
        cell(&["问题"]),
        cell(&["1"]),
        cell(&["台账不全", "已<w:br/>补齐"]),
    );
    let xml = p(&r("前言")) + &table + &p(&r("结尾"));
    let (text, starts) = body(&xml);
    assert_eq!(text, "前言\n序号\t问题\n1\t台账不全 已 补齐\n结尾\n");
    let at = |s: &str| text.find(s).unwrap();
    assert_eq!(
        starts,
        vec![
            0,
            at("序号"),
            at("问题"),
            at("1\t"),
            at("台账"),
            at("已"),
            at("结尾")
        ]
    );
}

#[test]
fn a_nested_table_joins_its_cell() {
    let inner = format!(
        "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
        p(&r("甲")),
        p(&r("乙"))
    );
    let xml = format!(
        "<w:tbl><w:tr><w:tc>{}{inner}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
        p(&r("外")),
        p(&r("右"))
    );
    let (text, starts) = body(&xml);
    assert_eq!(text, "外 甲\t乙\t右\n");
    assert_eq!(starts.len(), 4);
}

#[test]
fn depth_and_broken_xml_are_errors() {
    let deep = "<w:sdt>".repeat(100) + &"</w:sdt>".repeat(100);
    let xml = format!("<w:document {W}><w:body>{deep}</w:body></w:document>");
    let (lists, styles) = (Numbering::default(), Styles::default());
    let err = read(&xml, Counters::new(&lists, &styles), 64).unwrap_err();
    assert_eq!(
        err,
        "word/document.xml nests XML elements more than 64 deep"
    );
    let err = read(
        "<w:document><w:body><w:p></w:body>",
        Counters::new(&lists, &styles),
        64,
    )
    .unwrap_err();
    assert!(
        err.starts_with("broken XML in word/document.xml at byte"),
        "{err}"
    );
    let err = read("<w:document><w:body>", Counters::new(&lists, &styles), 64).unwrap_err();
    assert!(err.contains("ends inside an element"), "{err}");
    let err = read(
        "<w:document>&bomb;</w:document>",
        Counters::new(&lists, &styles),
        64,
    )
    .unwrap_err();
    assert!(err.contains("undefined entity &bomb;"), "{err}");
}

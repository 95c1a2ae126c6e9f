use super::*;

/// numbering.xml with one abstract list of three levels (一、 / （一） / 1.) and two instances
/// of it, the second restarting level 3 at 5.
const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="7">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="space"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlRestart w:val="1"/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%4"/><w:isLgl/></w:lvl>
    <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="7"/>
    <w:lvlOverride w:ilvl="2"><w:startOverride w:val="5"/></w:lvlOverride>
  </w:num>
</w:numbering>"#;

const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="Normal"/>
    <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>
  <w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"#;

fn para(num: Option<&str>, ilvl: Option<usize>, style: Option<&str>) -> ParaNumbering {
    ParaNumbering {
        style: style.map(String::from),
        num_id: num.map(String::from),
        ilvl,
    }
}

#[test]
fn levels_count_restart_and_take_their_suffix() {
    let lists = Numbering::parse(NUMBERING, 64).unwrap();
    let styles = Styles::parse(STYLES, 64).unwrap();
    let mut c = Counters::new(&lists, &styles);
    let mut label = |num, ilvl| c.label(&para(Some(num), Some(ilvl), None));
    assert_eq!(label("1", 0).as_deref(), Some("一、"));
    assert_eq!(label("1", 1).as_deref(), Some("（一） "));
    assert_eq!(label("1", 2).as_deref(), Some("1.\t"));
    assert_eq!(label("1", 2).as_deref(), Some("2.\t"));
    assert_eq!(label("1", 1).as_deref(), Some("（二） "));
    // Level 3 restarts only after level 1 (w:lvlRestart 1), not after level 2.
    assert_eq!(label("1", 2).as_deref(), Some("3.\t"));
    // isLgl: level 1 shown in decimal.
    assert_eq!(label("1", 3).as_deref(), Some("1.1\t"));
    // A bullet draws no label zglint reads.
    assert_eq!(label("1", 4), None);
    assert_eq!(label("1", 0).as_deref(), Some("二、"));
    assert_eq!(label("1", 1).as_deref(), Some("（一） "));
    assert_eq!(label("1", 2).as_deref(), Some("1.\t"));
    // The second instance shares the counters, but restarts level 3 at 5, once.
    assert_eq!(label("2", 2).as_deref(), Some("5.\t"));
    assert_eq!(label("2", 2).as_deref(), Some("6.\t"));
    assert_eq!(label("1", 2).as_deref(), Some("7.\t"));
    // numId 0 and unknown lists number nothing.
    assert_eq!(label("0", 0), None);
    assert_eq!(label("99", 0), None);
}

#[test]
fn styles_number_their_paragraphs_through_based_on() {
    let lists = Numbering::parse(NUMBERING, 64).unwrap();
    let styles = Styles::parse(STYLES, 64).unwrap();
    let mut c = Counters::new(&lists, &styles);
    assert_eq!(
        c.label(&para(None, None, Some("H1"))).as_deref(),
        Some("一、")
    );
    assert_eq!(
        c.label(&para(None, None, Some("H2"))).as_deref(),
        Some("（一） ")
    );
    assert_eq!(
        c.label(&para(None, None, Some("H1b"))).as_deref(),
        Some("二、")
    );
    // A paragraph's own numId 0 turns its style's numbering off.
    assert_eq!(c.label(&para(Some("0"), None, Some("H1"))), None);
    // The default style is not numbered.
    assert_eq!(c.label(&para(None, None, None)), None);
}

#[test]
fn a_level_tied_to_a_style_gives_that_style_its_level() {
    let xml = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="T1"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="3"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%2)"/><w:pStyle w:val="T2"/><w:suff w:val="nothing"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;
    let styles = r#"<w:styles xmlns:w="w">
      <w:style w:type="paragraph" w:styleId="T2"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
    </w:styles>"#;
    let lists = Numbering::parse(xml, 64).unwrap();
    let styles = Styles::parse(styles, 64).unwrap();
    let mut c = Counters::new(&lists, &styles);
    assert_eq!(
        c.label(&para(None, None, Some("T2"))).as_deref(),
        Some("(三)")
    );
}

#[test]
fn broken_numbering_xml_is_an_error_naming_the_part() {
    let err = Numbering::parse("<w:numbering><w:num></w:numbering>", 64).unwrap_err();
    assert!(
        err.starts_with("broken XML in word/numbering.xml at byte"),
        "{err}"
    );
}

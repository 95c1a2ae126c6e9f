use super::*;

/// The rendered text, checking that it keeps the written text's length and line ends.
fn shown(text: &str) -> String {
    let out = rendered(text).into_owned();
    assert_eq!(out.len(), text.len(), "{text:?}");
    let ends = |t: &str| -> Vec<usize> { t.match_indices(['\n', '\r']).map(|(i, _)| i).collect() };
    assert_eq!(ends(&out), ends(text), "line ends moved: {text:?}");
    out
}

#[test]
fn headings_lose_their_marks() {
    assert_eq!(shown("# 标题\n"), "  标题\n");
    assert_eq!(shown("## 一、总体情况 ##\n"), "   一、总体情况   \n");
    assert_eq!(shown("   ###### 六级\r\n"), "          六级\r\n");
    // Seven marks, or none followed by a space, are not a heading.
    assert_eq!(shown("####### 七\n#二、\n"), "####### 七\n#二、\n");
    // A closing run needs a space before it.
    assert_eq!(shown("## C#\n"), "   C#\n");
    assert_eq!(shown("标题\n===\n正文\n---\n"), "标题\n   \n正文\n   \n");
}

#[test]
fn quotes_bullets_and_breaks_lose_their_marks() {
    assert_eq!(shown("> 引文\n> > 二层\n"), "  引文\n    二层\n");
    assert_eq!(shown("- 甲\n  * 乙\n+ 丙\n"), "  甲\n    乙\n  丙\n");
    // Ordered lists are the report's numbering; `-5%` is no bullet.
    assert_eq!(shown("1. 甲\n-5%\n"), "1. 甲\n-5%\n");
    assert_eq!(shown("甲\n\n***\n- - -\n___\n"), "甲\n\n   \n     \n   \n");
}

#[test]
fn emphasis_code_links_and_escapes_lose_their_marks() {
    assert_eq!(shown("**一、总体情况**\n"), "  一、总体情况  \n");
    assert_eq!(
        shown("已完成__12个__,*占*75%\n"),
        "已完成  12个  , 占 75%\n"
    );
    assert_eq!(shown("~~删去~~与`代码`\n"), "  删去  与 代码 \n");
    // Inside a word `_` is a letter, and a mark before a space opens nothing.
    assert_eq!(
        shown("qsz_xczg@example.com a__b__c 3 * 4 * 5\n"),
        "qsz_xczg@example.com a__b__c 3 * 4 * 5\n"
    );
    assert_eq!(
        shown("见[通知](https://example.com/a)与![图](a.png)。\n"),
        "见 通知                        与             。\n"
    );
    assert_eq!(shown("1\\. 不是列表\\\n"), "1 . 不是列表 \n");
}

#[test]
fn code_blocks_front_matter_and_tables() {
    let text = "---\ntitle: 通报\n---\n正文\n```yaml\n二、代码\n```\n~~~\n三、\n~~~\n";
    assert_eq!(
        shown(text),
        "   \n             \n   \n正文\n       \n            \n   \n   \n      \n   \n"
    );
    let table = "| 问题 | 状态 |\n|---|:-:|\n| 甲 | 已完成 |\n\n首页 | 网站地图\n";
    assert_eq!(
        shown(table),
        "  问题   状态  \n         \n  甲   已完成  \n\n首页 | 网站地图\n"
    );
}

#[test]
fn comments_are_left_alone() {
    let text = "<!-- zglint-disable all: **理由** -->\n## 二、\n<!--\n# 不是标题\n- 不是列表\n--> **甲**\n";
    assert_eq!(
        shown(text),
        "<!-- zglint-disable all: **理由** -->\n   二、\n<!--\n# 不是标题\n- 不是列表\n-->   甲  \n"
    );
}

#[test]
fn plain_text_is_borrowed() {
    let text = "一、总体情况\n整改情况:已完成(2个)。\n";
    assert!(matches!(rendered(text), Cow::Borrowed(_)));
}

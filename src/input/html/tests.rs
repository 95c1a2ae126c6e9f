use super::*;

fn text(html: &str) -> String {
    extract(html)
}

#[test]
fn blocks_are_lines_and_chrome_is_dropped() {
    let html = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>某镇 通报</title>
<style>p { color: red }</style><script>var s = "<p>不是正文</p>";</script></head>
<body><nav><a href="/">网站首页</a> | <a>机构设置</a></nav>
<div class="crumb">首页 &gt; 通知公告</div>
<h1>中共平安镇委员会关于巡察整改进展情况的通报</h1>
<div>来源:平安镇 发布时间:2024-03-01</div>
<p>&nbsp;&nbsp;根据县委统一部署,
   县委第一巡察组对我镇开展了巡察。</p>
<p>一、<b>加强</b>组织领导</p><br><br>
<noscript>请启用脚本</noscript><div hidden>隐藏</div><div style="DISPLAY: none"><div>也隐藏</div></div>
<table><tr><td>序号</td><td>问题</td></tr><tr><td>1</td><td>台账&lt;不全&gt;</td></tr></table>
<button>打印</button><select><option>友情链接</option></select>
<div class="footer">版权所有 &copy; 平安镇人民政府</div></body></html>"#;
    let want = "首页 > 通知公告\n中共平安镇委员会关于巡察整改进展情况的通报\n来源:平安镇 发布时间:2024-03-01\n\u{a0}\u{a0}根据县委统一部署, 县委第一巡察组对我镇开展了巡察。\n一、加强组织领导\n序号\t问题\n1\t台账<不全>\n版权所有 © 平安镇人民政府\n";
    assert_eq!(text(html), want);
}

#[test]
fn pre_keeps_its_white_space() {
    assert_eq!(
        text("<p>a  b</p><pre>一、 标题\n  正文</pre><p>c</p>"),
        "a b\n一、 标题\n  正文\nc\n"
    );
}

#[test]
fn an_unclosed_head_ends_at_the_body() {
    assert_eq!(
        text("<html><head><title>t</title><body><p>正文</p>"),
        "正文\n"
    );
}

#[test]
fn the_declared_charset_decodes_the_page() {
    let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>整改完成</p></body></html>";
    let bytes = encoding_rs::GBK.encode(page).0.into_owned();
    let input = read("p.htm", &bytes, &ReadOptions::default()).unwrap();
    assert_eq!(input.text, "整改完成\n");
    assert_eq!(
        input.format,
        Format::Html {
            encoding: Encoding::Gbk
        }
    );
    // A page declaring UTF-8 but saved in GB18030 is detected.
    let page = page.replace("gb2312", "utf-8");
    let bytes = encoding_rs::GB18030.encode(&page).0.into_owned();
    let input = read("p.htm", &bytes, &ReadOptions::default()).unwrap();
    assert_eq!(
        (input.text.as_str(), input.format),
        (
            "整改完成\n",
            Format::Html {
                encoding: Encoding::Gb18030
            }
        )
    );
    // Forced UTF-8 on that page: an error at the first Chinese byte.
    let opts = ReadOptions {
        encoding: Some(Encoding::Utf8),
        ..ReadOptions::default()
    };
    let err = read("p.htm", &bytes, &opts).unwrap_err();
    let at = page.find("整").unwrap();
    assert_eq!(
        err.to_string(),
        format!("p.htm: not valid UTF-8 at byte {at}")
    );
}

#[test]
fn xml_declarations_and_meta_charset_are_found() {
    assert_eq!(
        declared(b"<?xml version=\"1.0\" encoding=\"GB18030\"?><html>"),
        Some(Encoding::Gb18030)
    );
    assert_eq!(declared(b"<META CHARSET='GBK'>"), Some(Encoding::Gbk));
    assert_eq!(declared(b"<meta charset=utf-16>"), Some(Encoding::Utf8));
    assert_eq!(declared(b"<meta charset=windows-1252>"), None);
    assert_eq!(declared(b"<p>charset=gbk</p>"), None);
}

#[test]
fn scripts_hold_no_markup_and_never_end_early() {
    let html = "<p>前</p><script>if (a < b) { document.write('<div>假</div>'); }</script><p>后</p>";
    assert_eq!(text(html), "前\n后\n");
}

#[test]
fn a_large_page_streams_through_in_chunks() {
    // Characters on both sides of every 64 KiB boundary, three bytes each.
    let para = format!("<p>{}</p>\n", "整改".repeat(5000));
    let html = para.repeat(20);
    let out = text(&html);
    assert_eq!(out, format!("{}\n", "整改".repeat(5000)).repeat(20));
}

#[test]
fn suppression_comments_survive_and_others_do_not() {
    let html = "<p>甲</p><!-- 广告位 --><!-- zglint-disable percent-mismatch: 已核对 --><p>乙<!--x-->丙</p>";
    assert_eq!(
        text(html),
        "甲\n<!-- zglint-disable percent-mismatch: 已核对 -->\n乙丙\n"
    );
}

#[test]
fn a_hidden_paragraph_left_open_does_not_hide_the_page() {
    // `<p>` may go unclosed, so counting tags cannot find its end: it is kept.
    assert_eq!(
        text("<p hidden>注<p>正文</p><span hidden>隐</span>"),
        "注\n正文\n"
    );
}

#[test]
fn lines_of_only_spaces_are_dropped() {
    assert_eq!(
        text("<p>甲</p><p>&nbsp;&nbsp;</p><p>\u{3000}</p><p>&nbsp;乙</p>"),
        "甲\n\u{a0}乙\n"
    );
}

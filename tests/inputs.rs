//! The files editors have: each seed report gives the same findings read as UTF-8 (with and
//! without BOM, with CRLF line ends), as GB18030, as UTF-16, as a saved web page with its
//! site's chrome, and as a Word document whose headings are numbered by Word; hostile files
//! give clear errors.

mod common;
#[path = "inputs/docx_writer.rs"]
mod docx_writer;

use std::io::Cursor;
use zglint::input::{Encoding, Format, ReadError, ReadOptions, read_bytes, read_from};
use zglint::rules::pack::Pack;

/// A finding as the user reads it: its rule and the text of its primary span.
type Quote = (String, String);

fn quotes(pack: &Pack, text: &str) -> Vec<Quote> {
    let checked = zglint::check::check_str(text, pack);
    let mut out: Vec<Quote> = checked
        .findings
        .iter()
        .map(|f| (f.rule.clone(), text[f.span.clone()].to_string()))
        .collect();
    out.sort();
    out
}

fn summary(text: &str) -> serde_json::Value {
    let (doc, facts) = zglint::analyse(text);
    serde_json::to_value(zglint::facts::summary::summarize(&doc, &facts)).expect("serializable")
}

fn gb18030(text: &str) -> Vec<u8> {
    let (bytes, _, lossy) = encoding_rs::GB18030.encode(text);
    assert!(!lossy, "GB18030 encodes all of Unicode");
    bytes.into_owned()
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| {
            if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The report as a page of a government site: a head with styles and scripts, a navigation
/// bar, breadcrumbs, a source line (with the publication date when the report has one), the
/// report one paragraph per line, print and close links, and a footer.
fn html_page(text: &str, charset: &str, published: Option<&str>) -> String {
    let info = match published {
        Some(date) => format!("发布时间：{date} 10:30　来源：本站　浏览次数：128"),
        None => "来源：本站　浏览次数：128".to_string(),
    };
    let paragraphs: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("<p>{}</p>\n", escape(l)))
        .collect();
    format!(
        r#"<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>通知公告 - 示例县人民政府</title>
<style>.nav a {{ margin: 0 1em }} p {{ text-indent: 2em }}</style>
<script>var menu = "<div>菜单</div>"; if (a < b) {{ show(); }}</script>
</head><body>
<div class="header"><nav class="nav"><a href="/">网站首页</a><a href="/xw">新闻中心</a><a href="/tz">通知公告</a></nav></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/tz">通知公告</a></div>
<div class="info">{info}</div>
<div class="article">
{paragraphs}</div>
<div class="tools">【<a href="javascript:print()">打印本页</a>】【<a href="javascript:close()">关闭窗口</a>】</div>
<div class="footer"><p>主办单位：示例县人民政府办公室　版权所有</p><p>备案号：示ICP备00000000号</p></div>
</body></html>
"#
    )
}

/// One way of saving a report: a file name and its bytes, and the format it must read as.
struct Variant {
    name: &'static str,
    file: &'static str,
    bytes: Vec<u8>,
    format: Format,
}

fn variants(text: &str, gb_label: &'static str) -> Vec<Variant> {
    let published = summary(text)["published"].as_str().map(String::from);
    let crlf = text.replace('\n', "\r\n");
    let text_format = |encoding, bom| Format::Text { encoding, bom };
    let html = |charset| html_page(text, charset, published.as_deref());
    vec![
        Variant {
            name: "UTF-8 with BOM",
            file: "r.txt",
            bytes: [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
            format: text_format(Encoding::Utf8, true),
        },
        Variant {
            name: "CRLF",
            file: "r.md",
            bytes: crlf.into_bytes(),
            format: text_format(Encoding::Utf8, false),
        },
        Variant {
            name: "GB18030",
            file: "r.txt",
            bytes: gb18030(text),
            format: text_format(Encoding::Gb18030, false),
        },
        Variant {
            name: "UTF-16LE with BOM",
            file: "r.txt",
            bytes: [vec![0xFF, 0xFE], utf16(text, true)].concat(),
            format: text_format(Encoding::Utf16Le, true),
        },
        Variant {
            name: "UTF-16BE without BOM",
            file: "r.txt",
            bytes: utf16(text, false),
            format: text_format(Encoding::Utf16Be, false),
        },
        Variant {
            name: "HTML page, UTF-8",
            file: "r.html",
            bytes: html("utf-8").into_bytes(),
            format: Format::Html {
                encoding: Encoding::Utf8,
            },
        },
        Variant {
            name: "HTML page, GB18030",
            file: "r.htm",
            bytes: gb18030(&html(gb_label)),
            format: Format::Html {
                // encoding_rs reads the label gb2312 as GBK.
                encoding: if gb_label == "gb18030" {
                    Encoding::Gb18030
                } else {
                    Encoding::Gbk
                },
            },
        },
        Variant {
            name: ".docx with Word numbering",
            file: "r.docx",
            bytes: docx_writer::report_docx(text).0,
            format: Format::Docx,
        },
    ]
}

/// The chrome `html_page` adds is what the parser takes for chrome.
fn assert_site_chrome_is_chrome(text: &str, name: &str) {
    let (doc, _) = zglint::analyse(text);
    let chrome: Vec<&str> = doc.chrome.iter().map(|c| &text[c.clone()]).collect();
    let added = [
        "当前位置：首页 > 通知公告",
        "【打印本页】【关闭窗口】",
        "主办单位：示例县人民政府办公室　版权所有",
        "备案号：示ICP备00000000号",
    ];
    for line in added {
        assert!(
            chrome.contains(&line),
            "{name}: {line:?} is not chrome: {chrome:?}"
        );
    }
    assert!(
        chrome
            .iter()
            .any(|c| c.starts_with("发布时间：") || c.starts_with("来源：本站")),
        "{name}: the source line is not chrome: {chrome:?}"
    );
    for skipped in ["网站首页", "菜单", "text-indent", "示例县人民政府</title>"] {
        assert!(
            !text.contains(skipped),
            "{name}: {skipped:?} is in the text"
        );
    }
}

#[test]
fn every_seed_gives_the_same_findings_in_every_format() {
    let pack = Pack::packaged().expect("the packaged rules load");
    let mut compared = 0;
    let mut report = Vec::new();
    for (i, path) in common::seed_files().iter().enumerate() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let plain = zglint::read_input(path, &ReadOptions::default()).expect("the seed reads");
        assert_eq!(
            plain.format,
            Format::Text {
                encoding: Encoding::Utf8,
                bom: false
            }
        );
        let text = plain.text;
        let want = quotes(&pack, &text);
        let want_summary = summary(&text);
        let gb_label = if i % 2 == 0 { "gb2312" } else { "gb18030" };
        for v in variants(&text, gb_label) {
            let input = read_bytes(v.file, v.bytes, &ReadOptions::default())
                .unwrap_or_else(|e| panic!("{name} as {}: {e}", v.name));
            assert_eq!(input.format, v.format, "{name} as {}", v.name);
            let got = quotes(&pack, &input.text);
            assert_eq!(got, want, "{name} as {}: findings differ", v.name);
            assert_eq!(
                summary(&input.text),
                want_summary,
                "{name} as {}: summary differs",
                v.name
            );
            if matches!(v.format, Format::Html { .. }) {
                assert_site_chrome_is_chrome(&input.text, &name);
            }
            compared += got.len();
        }
        report.push(format!("{name}: {} findings", want.len()));
    }
    eprintln!("{} ({compared} findings compared)", report.join("; "));
    assert!(compared > 0, "the seeds have findings to compare");
}

#[test]
fn crlf_gives_the_same_tree() {
    for path in common::seed_files() {
        let text = std::fs::read_to_string(&path).expect("the seed reads");
        let crlf = text.replace('\n', "\r\n");
        let outline = |t: &str| {
            let (doc, _) = zglint::analyse(t);
            let sections: Vec<_> = doc
                .sections
                .iter()
                .map(|s| (s.depth, s.title.clone(), t[s.line_span.clone()].to_string()))
                .collect();
            let blocks: Vec<_> = doc
                .blocks
                .iter()
                .map(|b| (t[b.span.clone()].to_string(), b.inline.len()))
                .collect();
            let items: Vec<_> = doc
                .items
                .iter()
                .map(|i| (t[i.head_span.clone()].to_string(), i.status))
                .collect();
            let chrome: Vec<_> = doc
                .chrome
                .iter()
                .map(|c| t[c.clone()].to_string())
                .collect();
            format!(
                "{sections:?}{blocks:?}{items:?}{chrome:?}{:?}",
                doc.title.map(|t| t.text)
            )
        };
        assert_eq!(outline(&crlf), outline(&text), "{}", path.display());
    }
}

#[test]
fn a_docx_carries_its_numbering_and_paragraph_numbers() {
    let pack = Pack::packaged().expect("the packaged rules load");
    for path in common::seed_files() {
        let text = std::fs::read_to_string(&path).expect("the seed reads");
        let (bytes, numbered) = docx_writer::report_docx(&text);
        assert!(
            numbered > 0,
            "{}: headings numbered by Word",
            path.display()
        );
        let input = read_bytes("r.docx", bytes, &ReadOptions::default()).expect("the docx reads");
        // The text is the report's, line for line: the labels are back.
        let lines = |t: &str| {
            t.trim_end()
                .lines()
                .map(|l| l.trim().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(lines(&input.text), lines(&text), "{}", path.display());
        // One paragraph a line: a finding's paragraph is its line.
        let index = zglint::text::LineIndex::new(&input.text);
        for f in zglint::check::check_str(&input.text, &pack).findings {
            let (line, _) = index.line_column(f.span.start);
            assert_eq!(input.paragraph_of(f.span.start), Some(line), "{}", f.rule);
        }
    }
}

fn error_text(result: Result<zglint::Input, ReadError>) -> String {
    match result {
        Ok(input) => panic!("read {} bytes of text instead of failing", input.text.len()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_zip_bomb_stops_at_the_inflation_limit() {
    // 65 MiB of spaces deflate to some 65 KB.
    let mut document = b"<w:document><w:body><w:p><w:r><w:t>".to_vec();
    document.resize(65 << 20, b' ');
    let bytes = docx_writer::zip(&[("word/document.xml", &document)]);
    assert!(bytes.len() < 200_000, "a small file: {} bytes", bytes.len());
    let err = error_text(read_bytes("bomb.docx", bytes, &ReadOptions::default()));
    assert_eq!(
        err,
        "bomb.docx: word/document.xml once inflated (with the parts read before it) is larger than 67108864 bytes, more than a report can be"
    );
}

#[test]
fn a_docx_that_is_not_a_zip_or_has_broken_xml_says_so() {
    let err = error_text(read_bytes(
        "a.docx",
        "一、总体情况\n".as_bytes().to_vec(),
        &ReadOptions::default(),
    ));
    assert_eq!(
        err,
        "a.docx: not a readable .docx: not a zip archive (a .docx is a zip of XML parts)"
    );
    let broken = docx_writer::write_docx(
        "<w:document><w:body><w:p><w:r><w:t>整改</w:r></w:p>",
        None,
        None,
    );
    let err = error_text(read_bytes("b.docx", broken, &ReadOptions::default()));
    assert!(
        err.starts_with("b.docx: not a readable .docx: broken XML in word/document.xml at byte "),
        "{err}"
    );
}

#[test]
fn a_huge_page_is_refused_before_it_is_read_whole() {
    let paragraph = "<p>整改工作取得阶段性成效。</p>\n";
    let page = paragraph.repeat((50 << 20) / paragraph.len());
    let err = error_text(read_from(
        "huge.html",
        Cursor::new(page.into_bytes()),
        &ReadOptions::default(),
    ));
    assert_eq!(
        err,
        "huge.html: the file is larger than 33554432 bytes, more than a report can be"
    );
}

#[test]
fn a_gb18030_file_forced_as_utf8_names_the_byte() {
    let text = "一、总体情况\n整改情况:已完成。\n";
    let forced = ReadOptions {
        encoding: Some("utf-8".parse().expect("a known encoding")),
        ..ReadOptions::default()
    };
    let err = error_text(read_bytes("gb.txt", gb18030(text), &forced));
    // "一" is D2 BB, which UTF-8 reads as one character; "、" (A1 A2) is not UTF-8.
    assert_eq!(err, "gb.txt: not valid UTF-8 at byte 2");
    let detected = read_bytes("gb.txt", gb18030(text), &ReadOptions::default()).expect("reads");
    assert_eq!(detected.text, text);
}

/// A fictional report whose headings skip from 一 to 三: a fix renumbers 三 to 二.
const SKIPS_A_HEADING: &str = "中共青石镇委员会关于巡察整改进展情况的通报\n一、总体情况\n全镇共收到反馈问题2个,已完成整改2个。\n三、具体问题\n(一)关于“台账不全”的问题。\n整改情况:已完成整改。\n";

fn zglint() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("zglint").expect("the binary is built")
}

/// The findings `check --format json` gives for one file.
fn json_diagnostics(path: &std::path::Path) -> Vec<serde_json::Value> {
    let out = zglint()
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    json["files"][0]["diagnostics"]
        .as_array()
        .expect("findings")
        .clone()
}

/// A fresh folder under the target directory for one test's files.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

#[test]
fn fixes_are_written_back_in_the_files_own_encoding() {
    let dir = scratch("fix-gb18030");
    let path = dir.join("r.txt");
    std::fs::write(&path, gb18030(SKIPS_A_HEADING)).expect("write");
    zglint()
        .arg("check")
        .arg("--fix")
        .arg(&path)
        .assert()
        .success();
    let bytes = std::fs::read(&path).expect("read");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "still GB18030, not UTF-8"
    );
    let fixed = SKIPS_A_HEADING.replace("三、具体问题", "二、具体问题");
    assert_eq!(bytes, gb18030(&fixed));
}

#[test]
fn a_docx_is_never_overwritten_by_fixes() {
    let dir = scratch("fix-docx");
    let path = dir.join("r.docx");
    let (bytes, _) = docx_writer::report_docx(SKIPS_A_HEADING);
    std::fs::write(&path, &bytes).expect("write");
    let out = zglint()
        .arg("check")
        .arg("--fix")
        .arg(&path)
        .assert()
        .code(2);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        (stdout + &stderr)
            .contains("cannot write the fixes: zglint cannot rewrite a Word document"),
        "the reason is given"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        bytes,
        "the .docx is untouched"
    );
    // --diff shows the fix on the text as read, numbering labels included.
    let out = zglint()
        .arg("check")
        .arg("--diff")
        .arg(&path)
        .assert()
        .code(1);
    let diff = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(diff.contains("+二、具体问题"), "{diff}");
}

/// Through the command line: standard input with `--stdin-filename`, a GB18030 file detected and
/// a forced encoding that does not fit, a .docx whose findings carry their Word paragraph.
#[test]
fn the_command_line_reads_stdin_gb18030_and_docx() {
    use assert_cmd::Command;
    let dir = std::env::temp_dir().join(format!("zglint-inputs-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(common::fixture("sample.txt")).unwrap();
    let zglint = || Command::cargo_bin("zglint").unwrap();
    let concise = |out: &std::process::Output| String::from_utf8(out.stdout.clone()).unwrap();

    let from_file = zglint()
        .args(["check", "--format", "concise"])
        .arg(common::fixture("sample.txt"))
        .output()
        .unwrap();
    let from_stdin = zglint()
        .args([
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "drafts/qingshi.txt",
            "-",
        ])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert_eq!(from_stdin.status.code(), Some(1));
    let named = concise(&from_file).replace(
        &common::fixture("sample.txt").display().to_string(),
        "drafts/qingshi.txt",
    );
    assert_eq!(concise(&from_stdin), named);

    let gb = dir.join("qingshi-gb.txt");
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    std::fs::write(&gb, &bytes).unwrap();
    let out = zglint()
        .args(["check", "--format", "concise"])
        .arg(&gb)
        .output()
        .unwrap();
    assert_eq!(
        concise(&out).lines().count(),
        concise(&from_file).lines().count()
    );
    let out = zglint()
        .args(["check", "--encoding", "utf-8"])
        .arg(&gb)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8 at byte"));

    let (docx, _) = docx_writer::report_docx(&text);
    let path = dir.join("qingshi.docx");
    std::fs::write(&path, docx).unwrap();
    let out = zglint()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    assert!(!diagnostics.is_empty());
    for d in diagnostics {
        let paragraph = d["paragraph"]
            .as_u64()
            .unwrap_or_else(|| panic!("no paragraph: {d}"));
        assert!(paragraph >= 1);
        assert!(!d["quote"].as_str().unwrap().is_empty());
    }
    let human = zglint().arg("check").arg(&path).output().unwrap();
    assert!(String::from_utf8_lossy(&human.stdout).contains("note: Word 文档第"));
    let english = zglint()
        .args(["--lang", "en", "check"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&english.stdout).contains("paragraph"));
    std::fs::remove_dir_all(&dir).ok();
}

/// Hostile files through the command line, all in one run: a zip bomb, a huge web page, a
/// file in an encoding zglint does not detect (Big5), a binary file, a truncated `.docx`, one
/// that is not a zip and one with broken XML. Each gives its own error naming it, and the
/// run's good reports (plain text, GB18030, Word and Markdown) are still checked in full.
#[test]
fn hostile_files_give_their_error_and_the_run_goes_on() {
    use assert_cmd::Command;
    let dir = scratch("hostile-run");
    let text = std::fs::read_to_string(common::fixture("sample.txt")).unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    write("a-not-a-zip.docx", "这不是一个Word文档".as_bytes());
    let broken = docx_writer::write_docx("<w:document><w:body><w:p><w:r><w:t>一、", None, None);
    write("b-broken-xml.docx", &broken);
    let mut document = b"<w:document><w:body><w:p><w:r><w:t>".to_vec();
    document.resize(65 << 20, b' ');
    write(
        "c-zip-bomb.docx",
        &docx_writer::zip(&[("word/document.xml", &document)]),
    );
    drop(document);
    let paragraph = "<p>整改工作取得阶段性成效。</p>\n";
    write(
        "d-huge.html",
        paragraph
            .repeat((33 << 20) / paragraph.len() + 1)
            .as_bytes(),
    );
    write("e-big5.txt", &encode_replacing(encoding_rs::BIG5, &text));
    let mut binary = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
    binary.extend((0..4096u32).map(|i| (i * 7 % 251) as u8));
    write("f-binary.txt", &binary);
    let (docx, _) = docx_writer::report_docx(&text);
    write("g-truncated.docx", &docx[..docx.len() / 2]);
    write("h-gb18030.txt", &gb18030(&text));
    write("i-good.txt", text.as_bytes());
    write("j-good.docx", &docx);
    write("k-good.md", MARKDOWN_REPORT.as_bytes());
    let out = Command::cargo_bin("zglint")
        .unwrap()
        .args(["check", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let files = json["files"].as_array().unwrap();
    let file = |name: &str| {
        files
            .iter()
            .find(|f| f["path"].as_str().is_some_and(|p| p.ends_with(name)))
            .unwrap_or_else(|| panic!("{name} is not in the output: {json}"))
    };
    let errors = [
        (
            "a-not-a-zip.docx",
            "not a readable .docx: not a zip archive",
        ),
        (
            "b-broken-xml.docx",
            "not a readable .docx: broken XML in word/document.xml",
        ),
        (
            "c-zip-bomb.docx",
            "word/document.xml once inflated (with the parts read before it) is larger than 67108864 bytes",
        ),
        ("d-huge.html", "the file is larger than 33554432 bytes"),
        ("e-big5.txt", "does not look like GB18030 text ("),
        (
            "f-binary.txt",
            "a binary file (NUL byte at 8), not a text report",
        ),
        ("g-truncated.docx", "not a readable .docx: "),
    ];
    for (name, problem) in errors {
        let error = file(name)["error"].as_str().unwrap_or_default().to_string();
        assert!(
            error.contains(&format!("{name}: {problem}")),
            "{name}: {error:?}"
        );
        assert!(
            stderr.contains(&error),
            "{name}: the error is on stderr too"
        );
        assert!(
            file(name).get("diagnostics").is_none(),
            "{name} is not checked"
        );
    }
    // The good files are checked in full: the sample's 15 items and 6 findings in every format.
    for name in ["h-gb18030.txt", "i-good.txt", "j-good.docx"] {
        let f = file(name);
        assert!(f.get("error").is_none(), "{name}: {f}");
        assert_eq!(f["summary"]["items"], 15, "{name}");
        assert_eq!(f["diagnostics"].as_array().unwrap().len(), 6, "{name}");
    }
    let md = file("k-good.md");
    assert!(
        md["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["rule"] == "heading-number-repeated"),
        "{md}"
    );
    assert_eq!(files.len(), errors.len() + 4);
    std::fs::remove_dir_all(&dir).ok();
}

/// A fictional report in Markdown: `#` headings (one with a closing run), a bold heading, a
/// list, a quote, a thematic break, a fenced code block, a suppression comment and a planted
/// repeated `二、`.
const MARKDOWN_REPORT: &str = "# 中共竹坪镇委员会关于巡察整改进展情况的通报

根据县委统一部署,2023年3月6日至4月21日,县委第一巡察组对竹坪镇党委开展了常规巡察。2023年6月12日,县委第一巡察组向竹坪镇党委反馈了巡察意见。现将整改进展情况通报如下。

## 一、总体情况 ##

镇党委共收到反馈问题2个,已完成整改2个,占100%。

---

## 二、**整改落实情况**

**(一)关于“会议记录不全”的问题。**

整改情况:

- 一是补齐2023年以来的党委会议记录;
- 二是建立会议记录月检查制度。已完成整改。

(二)关于“*台账管理混乱*”的问题。

> 整改情况:一是清理各类工作台账;二是明确专人管理。已完成整改。

```text
三、这不是报告的一部分
```

<!-- zglint-disable percent-mismatch: 已与县统计口径核对 -->
## 二、下一步工作打算

(一)持续巩固整改成果,防止问题反弹。

中共竹坪镇委员会

2023年12月20日
";

/// The same report as plain text: the same lines, without the marks (the code block's lines
/// left empty).
fn markdown_report_as_plain() -> String {
    MARKDOWN_REPORT
        .lines()
        .map(|l| {
            let l = l.trim_start_matches(['#', ' ', '-', '>']);
            let l = l.trim_end_matches(['#', ' ']);
            let l = l.replace("**", "").replace('*', "");
            if l.starts_with("```") || l.starts_with("三、这不是") {
                String::new()
            } else {
                l
            }
        })
        .map(|l| l + "\n")
        .collect()
}

/// A finding as the user reads it in a file: rule, line and the text at its span.
fn located(pack: &Pack, input: &zglint::Input) -> Vec<(String, usize, String)> {
    let settings = zglint::config::Settings::defaults(pack);
    let checked = zglint::check(input, pack, &settings);
    let written = &checked.written;
    let index = zglint::text::LineIndex::new(written);
    let mut out: Vec<_> = checked
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.clone(),
                index.line_column(f.span.start).0,
                written[f.span.clone()].trim_matches(' ').to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn markdown_is_read_as_the_page_shows_it() {
    let pack = Pack::packaged().expect("the packaged rules load");
    let plain = markdown_report_as_plain();
    assert_eq!(plain.lines().count(), MARKDOWN_REPORT.lines().count());
    let input = read_bytes(
        "r.md",
        MARKDOWN_REPORT.as_bytes().to_vec(),
        &ReadOptions::default(),
    )
    .expect("reads");
    assert_eq!(
        input.written(),
        MARKDOWN_REPORT,
        "the text as written is kept"
    );
    assert_eq!(
        input.text.len(),
        MARKDOWN_REPORT.len(),
        "offsets do not move"
    );
    let (doc, _) = zglint::analyse(&input.text);
    assert_eq!(
        doc.title.as_ref().map(|t| t.text.as_str()),
        Some("中共竹坪镇委员会关于巡察整改进展情况的通报"),
        "the title is its own line"
    );
    // Where the marks were are spaces.
    let titles = |t: &str| -> Vec<String> {
        let (doc, _) = zglint::analyse(t);
        doc.sections
            .iter()
            .map(|s| s.title.replace(' ', ""))
            .collect()
    };
    assert_eq!(
        titles(&input.text),
        [
            "总体情况",
            "整改落实情况",
            "关于“会议记录不全”的问题。",
            "关于“台账管理混乱”的问题。",
            "下一步工作打算",
            "持续巩固整改成果,防止问题反弹。"
        ],
        "headings, bold or not, are headings; the code block is not text"
    );
    assert_eq!(titles(&input.text), titles(&plain));
    // The same findings, on the same lines, as the report in plain text.
    let want = located(&pack, &zglint::check::plain(&plain));
    let got = located(&pack, &input);
    assert_eq!(got, want);
    assert!(
        got.iter()
            .any(|(rule, line, quote)| rule == "heading-number-repeated"
                && *line == 29
                && quote.starts_with("二、")),
        "the repeated 二、 is found: {got:?}"
    );
}

#[test]
fn markdown_through_the_command_line_quotes_the_file_and_honours_suppressions() {
    let dir = scratch("markdown-cli");
    let path = dir.join("r.md");
    std::fs::write(&path, MARKDOWN_REPORT).expect("write");
    let diagnostics = json_diagnostics(&path);
    let repeated = diagnostics
        .iter()
        .find(|d| d["rule"] == "heading-number-repeated")
        .unwrap_or_else(|| panic!("no repeated heading: {diagnostics:?}"));
    // Line 29 is `## 二、下一步工作打算`: the number is at column 4 of the file as written.
    assert_eq!(
        (&repeated["line"], &repeated["column"]),
        (&serde_json::json!(29), &serde_json::json!(4)),
        "{repeated}"
    );
    // The comment before the repeated heading suppresses nothing there: it is reported unused.
    assert!(
        diagnostics
            .iter()
            .any(|d| d["rule"] == "unused-suppression" && d["line"] == 28),
        "{diagnostics:?}"
    );
    // The human output shows the file's own line, marks included.
    let human = zglint()
        .args(["check", "--color", "never"])
        .arg(&path)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&human.stdout);
    assert!(stdout.contains("## 二、下一步工作打算"), "{stdout}");
    // A fix renumbers the heading and keeps the marks.
    zglint()
        .arg("check")
        .arg("--fix")
        .arg(&path)
        .output()
        .expect("runs");
    let fixed = std::fs::read_to_string(&path).expect("read");
    assert!(fixed.contains("## 三、下一步工作打算"), "{fixed}");
    assert!(fixed.contains("## 一、总体情况 ##"), "{fixed}");
    assert!(fixed.contains("**(一)关于"), "{fixed}");
}

#[test]
fn a_suppression_comment_works_in_markdown() {
    let report = "# 中共竹坪镇委员会关于巡察整改进展情况的通报\n\n## 一、总体情况\n\n## 二、整改落实情况\n\n整改情况:已完成整改。\n\n<!-- zglint-disable heading-number-repeated: 原文如此 -->\n## 二、下一步工作打算\n\n持续巩固。\n";
    let dir = scratch("markdown-suppress");
    let path = dir.join("r.markdown");
    std::fs::write(&path, report).expect("write");
    let diagnostics = json_diagnostics(&path);
    let rules: Vec<&str> = diagnostics
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert!(!rules.contains(&"heading-number-repeated"), "{rules:?}");
    assert!(!rules.contains(&"unused-suppression"), "{rules:?}");
    // Without the comment the repeat is found: the comment did the work.
    let bare = report.replace(
        "<!-- zglint-disable heading-number-repeated: 原文如此 -->\n",
        "",
    );
    std::fs::write(&path, bare).expect("write");
    let diagnostics = json_diagnostics(&path);
    assert!(
        diagnostics
            .iter()
            .any(|d| d["rule"] == "heading-number-repeated"),
        "{diagnostics:?}"
    );
}

/// A seed as a Markdown author would write it: `# ` before the title's first line, `## ` before
/// each top-level heading.
fn as_markdown(text: &str) -> String {
    let (doc, _) = zglint::analyse(text);
    let mut marks: Vec<(usize, &str)> = doc
        .sections
        .iter()
        .filter(|s| s.depth == 1)
        .map(|s| (s.line_span.start, "## "))
        .collect();
    if let Some(title) = &doc.title {
        marks.push((title.span.start, "# "));
    }
    marks.sort();
    let mut out = String::with_capacity(text.len() + 8 * marks.len());
    let mut at = 0;
    for (offset, mark) in marks {
        out.push_str(&text[at..offset]);
        out.push_str(mark);
        at = offset;
    }
    out.push_str(&text[at..]);
    out
}

#[test]
fn every_seed_as_markdown_gives_the_same_findings() {
    let pack = Pack::packaged().expect("the packaged rules load");
    for path in common::seed_files() {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).expect("the seed reads");
        let markdown = as_markdown(&text);
        assert!(
            markdown.matches("\n## ").count() >= 3,
            "{name}: headings marked"
        );
        let input = read_bytes(
            "r.md",
            markdown.clone().into_bytes(),
            &ReadOptions::default(),
        )
        .expect("reads");
        assert_eq!(input.written(), markdown);
        let trimmed = |mut q: Vec<Quote>| {
            for (_, quote) in &mut q {
                *quote = quote.trim_matches(' ').to_string();
            }
            q.sort();
            q
        };
        let want = trimmed(quotes(&pack, &text));
        let got = trimmed(quotes(&pack, &input.text));
        assert_eq!(got, want, "{name}: findings differ");
        assert_eq!(
            summary(&input.text),
            summary(&text),
            "{name}: summary differs"
        );
    }
}

/// `text` in `codec`, with `?` for each character it cannot encode, as Python's
/// `errors='replace'` writes.
fn encode_replacing(codec: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let mut encoder = codec.new_encoder();
    let mut out = vec![0u8; text.len() * 4 + 16];
    let (mut read, mut written) = (0, 0);
    loop {
        let (result, r, w) =
            encoder.encode_from_utf8_without_replacement(&text[read..], &mut out[written..], true);
        read += r;
        written += w;
        match result {
            encoding_rs::EncoderResult::InputEmpty => break,
            encoding_rs::EncoderResult::Unmappable(_) => {
                out[written] = b'?';
                written += 1;
            }
            encoding_rs::EncoderResult::OutputFull => panic!("the buffer is large enough"),
        }
    }
    out.truncate(written);
    out
}

#[test]
fn a_file_in_an_encoding_zglint_does_not_detect_is_refused() {
    for path in common::seed_files() {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).expect("the seed reads");
        for (label, codec) in [
            ("Big5", encoding_rs::BIG5),
            ("Shift-JIS", encoding_rs::SHIFT_JIS),
        ] {
            let bytes = encode_replacing(codec, &text);
            for file in ["r.txt", "r.md"] {
                let err = error_text(read_bytes(file, bytes.clone(), &ReadOptions::default()));
                assert!(
                    err.starts_with(&format!("{file}: does not look like GB18030 text ("))
                        && err.ends_with(
                            "% of its non-ASCII characters are not Chinese); name the encoding with --encoding"
                        ),
                    "{name} as {label}: {err}"
                );
            }
            // A page that declares an encoding zglint does not read is detected, and refused.
            let page = html_page(&text, "big5", None);
            let err = error_text(read_bytes(
                "r.html",
                encode_replacing(codec, &page),
                &ReadOptions::default(),
            ));
            assert!(
                err.starts_with("r.html: does not look like GB18030 text"),
                "{name} as a {label} page: {err}"
            );
            // Forced, the encoding is the user's word.
            let forced = ReadOptions {
                encoding: Some(Encoding::Gb18030),
                ..ReadOptions::default()
            };
            read_bytes("r.txt", bytes, &forced)
                .unwrap_or_else(|e| panic!("{name} as {label}, forced: {e}"));
        }
    }
}

#[test]
fn no_seed_is_refused_in_an_encoding_zglint_reads() {
    for path in common::seed_files() {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).expect("the seed reads");
        // A character GBK lacks becomes `?`, as an editor saving as GBK would write it.
        let gbk = encode_replacing(encoding_rs::GBK, &text);
        let cases = [
            ("UTF-8", text.clone().into_bytes()),
            ("GB18030", gb18030(&text)),
            ("GBK", gbk),
            ("UTF-16LE", utf16(&text, true)),
            ("UTF-16BE", utf16(&text, false)),
        ];
        for (label, bytes) in cases {
            for file in ["r.txt", "r.md"] {
                let input = read_bytes(file, bytes.clone(), &ReadOptions::default())
                    .unwrap_or_else(|e| panic!("{name} as {label}: {e}"));
                assert_eq!(input.text.lines().count(), text.lines().count());
            }
            let page = html_page(&text, "", None).replace("; charset=", "");
            let page = match label {
                "UTF-8" => page.into_bytes(),
                _ => gb18030(&page),
            };
            read_bytes("r.html", page, &ReadOptions::default())
                .unwrap_or_else(|e| panic!("{name} as a {label} page: {e}"));
        }
    }
    // A mostly-ASCII file is not judged, even with some nonsense in it.
    let ascii = "Minutes of the meeting, 2024-03-12. Attendees: 12. Items: 4.\n".repeat(20);
    let mut bytes = ascii.into_bytes();
    bytes.extend(encode_replacing(
        encoding_rs::BIG5,
        "整改情況：已完成整改，長期堅持。會議記錄已補齊。",
    ));
    let input = read_bytes("notes.txt", bytes, &ReadOptions::default()).expect("reads");
    assert_eq!(
        input.format,
        Format::Text {
            encoding: Encoding::Gb18030,
            bom: false
        }
    );
}

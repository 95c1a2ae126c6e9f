//! `zglint check --format docx`: the editor's own Word file back with a comment per finding.
//! The result is read back three ways: by zglint's reader and an XML walk (each comment on
//! its finding's text, the text unchanged), by python-docx (the file opens, comments and
//! table intact), and by LibreOffice, which turns it into a PDF whose first page is kept as a
//! PNG under `$ZGLINT_ARTIFACTS/docx` (else artifacts/docx in the target folder).
//!
//! python-docx and LibreOffice are part of the test set-up: a machine without them fails
//! these tests, saying what to install.

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

#[path = "word/report.rs"]
mod word;
use word::report;

fn part(docx: &[u8], name: &str) -> Option<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip archive");
    let mut file = archive.by_name(name).ok()?;
    let mut text = String::new();
    file.read_to_string(&mut text).expect("UTF-8");
    Some(text)
}

/// The finding's of `path` as the JSON format gives them: (message, rule, span).
fn findings(path: &Path) -> Vec<(String, String, std::ops::Range<usize>)> {
    let out = Command::cargo_bin("zglint")
        .unwrap()
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .expect("zglint runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    json["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let n = |k: &str| d["span"][k].as_u64().unwrap() as usize;
            (
                d["message"].as_str().unwrap().to_string(),
                d["rule"].as_str().unwrap().to_string(),
                n("start")..n("end"),
            )
        })
        .collect()
}

/// `zglint check IN --format docx -o OUT`; its exit code.
fn review(input: &Path, output: &Path) -> i32 {
    let out = Command::cargo_bin("zglint")
        .unwrap()
        .args(["check", "--format", "docx", "-o"])
        .arg(output)
        .arg(input)
        .output()
        .expect("zglint runs");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.status.code().expect("an exit code")
}

/// Each comment's text (its paragraphs joined by a line end) and author, by id.
fn comments(xml: &str) -> BTreeMap<u64, (String, String)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = BTreeMap::new();
    let mut current: Option<(u64, String, String)> = None;
    let mut in_t = false;
    loop {
        match reader.read_event().expect("well-formed comments") {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == b"w:comment" => {
                let get = |k: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == k)
                        .map(|a| String::from_utf8(a.value.to_vec()).unwrap())
                        .unwrap_or_default()
                };
                current = Some((
                    get(b"w:id").parse().unwrap(),
                    get(b"w:author"),
                    String::new(),
                ));
            }
            quick_xml::events::Event::Start(e) if e.name().as_ref() == b"w:t" => in_t = true,
            quick_xml::events::Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_t = false,
                b"w:p" => {
                    if let Some(c) = &mut current {
                        c.2.push('\n');
                    }
                }
                b"w:comment" => {
                    let (id, author, text) = current.take().unwrap();
                    out.insert(id, (author, text));
                }
                _ => {}
            },
            quick_xml::events::Event::Text(t) if in_t => {
                if let Some(c) = &mut current {
                    c.2.push_str(&t.xml10_content().unwrap());
                }
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The text each comment range covers, by id: runs' text and tabs, a line end where a
/// paragraph ends inside it.
fn anchored(xml: &str) -> BTreeMap<u64, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut open: BTreeMap<u64, String> = BTreeMap::new();
    let mut done = BTreeMap::new();
    let mut in_t = false;
    let id = |e: &quick_xml::events::BytesStart<'_>| -> u64 {
        let a = e
            .attributes()
            .flatten()
            .find(|a| a.key.as_ref() == b"w:id")
            .unwrap();
        std::str::from_utf8(&a.value).unwrap().parse().unwrap()
    };
    loop {
        match reader.read_event().expect("well-formed document") {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                match e.name().as_ref() {
                    b"w:commentRangeStart" => {
                        assert!(
                            open.insert(id(&e), String::new()).is_none(),
                            "one start per id"
                        );
                    }
                    b"w:commentRangeEnd" => {
                        let i = id(&e);
                        let text = open.remove(&i).expect("a range starts before it ends");
                        done.insert(i, text);
                    }
                    b"w:t" => in_t = true,
                    _ => {}
                }
            }
            quick_xml::events::Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_t = false,
                b"w:p" => open.values_mut().for_each(|s| s.push('\n')),
                _ => {}
            },
            quick_xml::events::Event::Text(t) if in_t => {
                let t = t.xml10_content().unwrap();
                open.values_mut().for_each(|s| s.push_str(&t));
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert!(open.is_empty(), "ranges never closed: {open:?}");
    done
}

/// Every comment `zglint` adds to `out` is on its finding's text: the text of the span, or
/// for a span on a numbering label, which no run holds, its paragraph's own text.
fn assert_each_comment_on_its_text(input: &Path, out: &[u8]) -> Vec<u64> {
    let original = std::fs::read(input).unwrap();
    let text = zglint::read_bytes("in.docx", original, &zglint::ReadOptions::default())
        .expect("the report reads")
        .text;
    let found = findings(input);
    assert!(!found.is_empty(), "the fixture has findings");
    let notes = comments(&part(out, "word/comments.xml").expect("a comments part"));
    let ranges = anchored(&part(out, "word/document.xml").unwrap());
    let mut ours = Vec::new();
    for (message, rule, span) in &found {
        let (&id, _) = notes
            .iter()
            .find(|(_, (author, body))| {
                author == "zglint" && body.starts_with(&format!("{message}\n"))
            })
            .unwrap_or_else(|| panic!("no comment for {rule}: {message}"));
        assert!(
            notes[&id].1.contains(&format!("[{rule}]")),
            "{:?}",
            notes[&id]
        );
        ours.push(id);
        let quoted = &text[span.clone()];
        let got = ranges[&id].trim_end_matches('\n');
        let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let line = &text[line_start
            ..text[line_start..]
                .find('\n')
                .map_or(text.len(), |e| line_start + e)];
        assert!(
            got == quoted.trim_end_matches('\n')
                || (line.starts_with(quoted) && line.ends_with(got) && !got.is_empty()),
            "{rule}: comment on {got:?}, finding on {quoted:?}"
        );
    }
    ours
}

#[test]
fn each_comment_sits_on_its_findings_text_and_the_text_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("青石镇.docx");
    let bytes = report(false);
    std::fs::write(&input, &bytes).unwrap();
    let output = dir.path().join("青石镇.reviewed.docx");
    assert_eq!(review(&input, &output), 1, "failing findings exit 1");
    assert_eq!(
        std::fs::read(&input).unwrap(),
        bytes,
        "the original is never modified"
    );
    let out = std::fs::read(&output).unwrap();
    let ours = assert_each_comment_on_its_text(&input, &out);
    assert_eq!(ours, (0..ours.len() as u64).collect::<Vec<_>>());
    // The rate in a run Word split is a comment on "92%" alone, its run cut in two.
    let back = zglint::read_bytes("out.docx", out.clone(), &zglint::ReadOptions::default())
        .expect("the result reads");
    let before =
        zglint::read_bytes("in.docx", bytes.clone(), &zglint::ReadOptions::default()).unwrap();
    assert_eq!(
        back.text, before.text,
        "the text, numbering labels included, is unchanged"
    );
    assert_eq!(back.paragraphs, before.paragraphs);
    // Parts the comments do not touch are copied as they were.
    assert_eq!(
        part(&out, "word/numbering.xml"),
        part(&bytes, "word/numbering.xml")
    );
}

#[test]
fn comments_already_in_the_document_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("commented.docx");
    std::fs::write(&input, report(true)).unwrap();
    let output = dir.path().join("out.docx");
    review(&input, &output);
    let out = std::fs::read(&output).unwrap();
    let notes = comments(&part(&out, "word/comments.xml").unwrap());
    assert_eq!(
        notes[&3],
        (
            "李文静".to_string(),
            "巡察时间请与反馈意见核对\n".to_string()
        )
    );
    let ranges = anchored(&part(&out, "word/document.xml").unwrap());
    assert!(
        ranges[&3].starts_with("根据县委统一部署"),
        "{:?}",
        ranges[&3]
    );
    let ours = assert_each_comment_on_its_text(&input, &out);
    assert!(
        ours.iter().all(|&id| id > 3),
        "new ids after the highest: {ours:?}"
    );
    // One comments part, one relationship to it, one content type.
    let rels = part(&out, "word/_rels/document.xml.rels").unwrap();
    assert_eq!(
        rels.matches("relationships/comments\"").count(),
        1,
        "{rels}"
    );
    let types = part(&out, "[Content_Types].xml").unwrap();
    assert_eq!(types.matches("/word/comments.xml").count(), 1, "{types}");
}

#[test]
fn a_text_report_becomes_a_word_file_with_the_same_comments() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("r.docx");
    std::fs::write(&docx, report(false)).unwrap();
    let text = zglint::read_input(&docx, &zglint::ReadOptions::default())
        .unwrap()
        .text;
    let input = dir.path().join("r.txt");
    std::fs::write(&input, &text).unwrap();
    let output = dir.path().join("r.reviewed.docx");
    assert_eq!(review(&input, &output), 1);
    let out = std::fs::read(&output).unwrap();
    let back =
        zglint::read_bytes("out.docx", out.clone(), &zglint::ReadOptions::default()).unwrap();
    assert_eq!(back.text.trim_end(), text.trim_end());
    let notes = comments(&part(&out, "word/comments.xml").unwrap());
    let ranges = anchored(&part(&out, "word/document.xml").unwrap());
    let found = findings(&input);
    assert_eq!(notes.len(), found.len());
    for (i, (message, _, span)) in found.iter().enumerate() {
        let id = i as u64;
        assert!(
            notes[&id].1.starts_with(message.as_str()),
            "{:?}",
            notes[&id]
        );
        assert_eq!(
            ranges[&id].trim_end_matches('\n'),
            text[span.clone()].trim_end_matches('\n')
        );
    }
}

#[test]
fn the_word_file_goes_only_where_o_says() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("r.docx");
    std::fs::write(&input, report(false)).unwrap();
    Command::cargo_bin("zglint")
        .unwrap()
        .args(["check", "--format", "docx"])
        .arg(&input)
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: --format docx writes a Word file: give -o FILE (-o - for standard output)\n",
        );
    let out = Command::cargo_bin("zglint")
        .unwrap()
        .args(["check", "--format", "docx", "-o", "-"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.starts_with(b"PK"), "a zip on standard output");
    assert!(part(&out.stdout, "word/comments.xml").is_some());
    assert!(!dir.path().join("-").exists(), "no file named -");
    // The report itself is never the output.
    Command::cargo_bin("zglint")
        .unwrap()
        .args(["check", "--format", "docx", "-o"])
        .arg(&input)
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("is the report itself"));
    assert_eq!(std::fs::read(&input).unwrap(), report(false));
    // Two reports would make one file of two: refused.
    let second = dir.path().join("s.docx");
    std::fs::write(&second, report(true)).unwrap();
    Command::cargo_bin("zglint")
        .unwrap()
        .args(["check", "--format", "docx", "-o"])
        .arg(dir.path().join("both.docx"))
        .arg(&input)
        .arg(&second)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--format docx writes one Word file",
        ));
    // Standard input cannot be read again: said, not guessed.
    Command::cargo_bin("zglint")
        .unwrap()
        .args(["check", "--format", "docx", "-o"])
        .arg(dir.path().join("stdin.docx"))
        .args(["--stdin-filename", "missing.docx", "-"])
        .write_stdin(report(false))
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "give the file, not standard input",
        ));
}

/// A program the tests need, or a failure saying how to install it.
fn tool(name: &str, install: &str) -> PathBuf {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    found.unwrap_or_else(|| {
        panic!(
            "`{name}` is needed to test the reviewed Word file and is not on the PATH: {install}"
        )
    })
}

fn reviewed_fixture(dir: &Path, commented: bool) -> PathBuf {
    let input = dir.join(if commented {
        "commented.docx"
    } else {
        "report.docx"
    });
    std::fs::write(&input, report(commented)).unwrap();
    let output = dir.join(if commented {
        "commented.reviewed.docx"
    } else {
        "report.reviewed.docx"
    });
    review(&input, &output);
    output
}

#[test]
fn python_docx_opens_it_with_its_comments_table_and_numbering() {
    let python = tool("python3", "apt-get install -y python3");
    let dir = tempfile::tempdir().unwrap();
    let output = reviewed_fixture(dir.path(), true);
    let script = r#"
import sys, json
try:
    import docx
except ImportError:
    sys.exit("python-docx is needed to test the reviewed Word file: pip install python-docx")
d = docx.Document(sys.argv[1])
print(json.dumps({
    "comments": [[c.comment_id, c.author, c.text] for c in d.comments],
    "tables": [[[cell.text for cell in row.cells] for row in t.rows] for t in d.tables],
    "numbered": sum(1 for p in d.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None),
    "paragraphs": [p.text for p in d.paragraphs],
}, ensure_ascii=False))
"#;
    let out = std::process::Command::new(python)
        .args(["-c", script])
        .arg(&output)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "python-docx could not read the file: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let comments = got["comments"].as_array().unwrap();
    assert_eq!(comments[0][0], 3);
    assert_eq!(comments[0][1], "李文静");
    let ours: Vec<_> = comments.iter().filter(|c| c[1] == "zglint").collect();
    assert!(!ours.is_empty());
    assert!(
        ours.iter()
            .any(|c| c[2].as_str().unwrap().contains("rate-mismatch")),
        "{comments:?}"
    );
    assert_eq!(
        got["tables"],
        serde_json::json!([[[
            "村级财务",
            "整改情况：排查村级财务隐患40处，已整改30处，整改率为80%。"
        ]]])
    );
    assert_eq!(
        got["numbered"], 4,
        "the four Word-numbered headings keep their numbering"
    );
    assert!(
        got["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "镇党委对巡察反馈的12个问题逐项制定整改措施30条，截至2025年9月30日，已完成27条，完成率为92%。"),
        "the cut runs read as one paragraph: {}",
        got["paragraphs"]
    );
}

/// Where screenshots are kept: `$ZGLINT_ARTIFACTS/docx`, else artifacts/docx in the target folder.
fn artifacts() -> PathBuf {
    let dir = std::env::var_os("ZGLINT_ARTIFACTS").map_or_else(
        // Cargo's target folder (CARGO_TARGET_TMPDIR is its tmp/), wherever CARGO_TARGET_DIR puts it.
        || PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("../artifacts/docx"),
        |d| PathBuf::from(d).join("docx"),
    );
    std::fs::create_dir_all(&dir).expect("artifacts folder");
    dir
}

#[test]
fn libreoffice_turns_it_into_a_pdf_showing_the_comments() {
    let install = "apt-get install -y libreoffice-writer-nogui poppler-utils";
    let soffice = tool("soffice", install);
    let pdftoppm = tool("pdftoppm", install);
    let dir = tempfile::tempdir().unwrap();
    let output = reviewed_fixture(dir.path(), true);
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("lo").display()
    );
    let run = std::process::Command::new(soffice)
        .args(["--headless", "--norestore", &profile, "--convert-to"])
        // Comments exported as PDF notes.
        .arg(r#"pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}"#)
        .arg("--outdir")
        .arg(dir.path())
        .arg(&output)
        .output()
        .expect("LibreOffice runs");
    let pdf = dir.path().join("commented.reviewed.pdf");
    assert!(
        run.status.success() && pdf.is_file(),
        "LibreOffice could not convert the file: {}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    // Every comment is a note in the PDF: the editor's and zglint's.
    let out = std::fs::read(&output).unwrap();
    let n = comments(&part(&out, "word/comments.xml").unwrap()).len();
    let bytes = std::fs::read(&pdf).unwrap();
    let notes = bytes
        .windows(b"/Subtype".len())
        .enumerate()
        .filter(|(_, w)| *w == b"/Subtype")
        .filter(|(i, _)| {
            let rest = &bytes[i + b"/Subtype".len()..];
            let rest = &rest[rest.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
            rest.starts_with(b"/Text") && !rest.get(5).is_some_and(u8::is_ascii_alphanumeric)
        })
        .count();
    assert_eq!(notes, n, "one PDF note per comment");
    let png = artifacts().join("commented-page1");
    let render = std::process::Command::new(pdftoppm)
        .args(["-r", "80", "-f", "1", "-l", "1", "-png", "-singlefile"])
        .arg(&pdf)
        .arg(&png)
        .output()
        .expect("pdftoppm runs");
    assert!(
        render.status.success(),
        "{}",
        String::from_utf8_lossy(&render.stderr)
    );
    let png = png.with_extension("png");
    let size = std::fs::metadata(&png).map(|m| m.len()).unwrap_or(0);
    assert!(
        size > 10_000,
        "{} is a rendered page ({size} bytes)",
        png.display()
    );
}

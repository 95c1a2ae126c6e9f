//! The review page (`check --format html`): escaping and span splitting, then the page of each
//! seed report and of a hostile fictional report rendered in headless Chromium.

#[path = "review/browser.rs"]
mod browser;
#[path = "review/checks.rs"]
mod checks;
mod common;
#[path = "review/dom.rs"]
mod dom;

use proptest::prelude::*;
use std::path::Path;
use zglint::finding::{Finding, Label, Level};
use zglint::render::html::split::{split, usable};
use zglint::render::html::{self, escape};
use zglint::rules::pack::Pack;
use zglint::{Checked, FileResult};

fn checked(text: &str) -> Checked {
    zglint::check::check_str(text, &Pack::packaged().unwrap())
}

fn hostile() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review/hostile.txt"),
    )
    .expect("hostile fixture")
}

#[test]
fn escape_replaces_the_five_characters() {
    assert_eq!(
        escape(r#"<script>alert('x')</script> & "><img src=x onerror=alert(1)>"#),
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
    );
    assert_eq!(escape("完成率90%"), "完成率90%");
}

#[test]
fn split_cuts_nested_and_overlapping_spans() {
    let s = "截至目前,共5个问题,已完成4个";
    let at = |t: &str| s.find(t).unwrap();
    let outer = at("共")..s.len();
    let inner = at("5")..at("问") + "问题".len();
    let crossing = at("问")..at("已");
    let pieces = split(s, &[outer, inner, crossing]);
    let got: Vec<(&str, Vec<usize>)> = pieces
        .iter()
        .map(|p| (&s[p.start..p.end], p.spans.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("截至目前,", vec![]),
            ("共", vec![0]),
            ("5个", vec![0, 1]),
            ("问题", vec![0, 1, 2]),
            (",", vec![0, 2]),
            ("已完成4个", vec![0]),
        ]
    );
    // Inside a character, past the end, reversed: not usable, left out.
    assert!(!usable(s, &(1..4)) && !usable(s, &(0..s.len() + 1)));
    #[allow(clippy::reversed_empty_ranges)]
    let reversed = 6..3;
    assert!(!usable(s, &reversed));
    assert_eq!(split(s, &[1..4, 0..999, reversed]).len(), 1);
}

proptest! {
    #[test]
    fn split_covers_the_text_and_each_usable_span(
        text in "[a-z一二三,。<>&\n]{0,24}",
        spans in prop::collection::vec((0usize..80, 0usize..80), 0..6),
    ) {
        let spans: Vec<_> = spans.into_iter().map(|(a, b)| a..b).collect();
        let pieces = split(&text, &spans);
        let joined: String = pieces.iter().map(|p| &text[p.start..p.end]).collect();
        prop_assert_eq!(&joined, &text);
        for p in &pieces {
            prop_assert!(!text[p.start..p.end].trim_end_matches('\n').contains('\n'));
        }
        for (i, span) in spans.iter().enumerate() {
            let covered: String = pieces
                .iter()
                .filter(|p| p.spans.contains(&i))
                .map(|p| &text[p.start..p.end])
                .collect();
            if usable(&text, span) {
                prop_assert_eq!(covered.as_str(), &text[span.clone()]);
            } else {
                prop_assert!(covered.is_empty());
            }
        }
    }
}

/// Findings whose spans overlap, nest, sit inside a character or past the end.
fn tangled() -> FileResult {
    let mut c = checked("一、共5个问题,已完成4个,完成率90%。\n第二段<b>文字</b>。\n");
    let s = c.document.source.clone();
    let at = |t: &str| s.find(t).unwrap();
    let finding = |rule: &str, span: std::ops::Range<usize>, labels: Vec<Label>| Finding {
        rule: rule.into(),
        kind: "ratio".into(),
        level: Level::Error,
        message: format!("{rule} \"'<>&"),
        span,
        labels,
        help: Some("<help>".into()),
        fix: vec![],
    };
    let label = |span: std::ops::Range<usize>| Label {
        span,
        text: "<label>".into(),
    };
    c.findings = vec![
        finding(
            "a",
            at("5")..at("完成率"),
            vec![label(at("已")..at("第二"))],
        ),
        finding(
            "b",
            at("问题")..at("90%") + 3,
            vec![label(at("第二")..at("文字"))],
        ),
        finding("c", 1..2, vec![label(0..9999)]),
        finding("d", s.len()..s.len(), vec![label(at("。")..at("。"))]),
    ];
    FileResult {
        path: "tangled.txt".into(),
        outcome: Ok(c),
    }
}

#[test]
fn overlapping_and_bad_spans_give_well_nested_marks() {
    let page = html::render(&[tangled()]);
    let mut open = Vec::new();
    let tag = regex::Regex::new(r"<(/?)(mark|p|div|b)\b[^>]*>").unwrap();
    for m in tag.captures_iter(&page) {
        if m[1].is_empty() {
            open.push(m[2].to_string());
        } else {
            assert_eq!(
                open.pop().as_deref(),
                Some(&m[2]),
                "badly nested </{}>",
                &m[2]
            );
        }
    }
    assert!(open.is_empty(), "unclosed {open:?}");
    assert!(
        page.contains("<b class=\"hd\">一、共"),
        "the heading is not bold"
    );
    // The finding whose span is inside a character has its note among those without a place.
    let unplaced = &page[page.find("class=\"unplaced\"").expect("unplaced notes")..];
    assert!(unplaced.contains("id=\"r0-f2-note\""));
    assert!(
        !page.contains("id=\"r0-f2\""),
        "an unusable span got a mark"
    );
    assert!(
        !page.contains("id=\"r0-f2-l0\""),
        "an unusable label got a mark"
    );
    for id in [
        "r0-f0", "r0-f0-l0", "r0-f1", "r0-f1-l0", "r0-f3", "r0-f3-l0",
    ] {
        assert_eq!(page.matches(&format!("id=\"{id}\"")).count(), 1, "{id}");
    }
    assert!(page.contains("&lt;b&gt;") && page.contains("文字&lt;/b&gt;"));
    assert!(page.contains("d &quot;&#39;&lt;&gt;&amp;") && page.contains("&lt;help&gt;"));
    assert!(!page.contains("<b>文字") && !page.contains("<help>") && !page.contains("<label>"));
}

#[test]
fn hostile_text_is_escaped_in_the_page() {
    let page = html::render(&[FileResult {
        path: "<hostile>.txt".into(),
        outcome: Ok(checked(&hostile())),
    }]);
    assert_eq!(
        page.matches("<script").count(),
        1,
        "only the page's own script"
    );
    for injected in [
        "<img",
        "<svg onload",
        "<b>内容",
        "</textarea>",
        "onerror=alert(1)>",
    ] {
        assert!(!page.contains(injected), "{injected} got into the page");
    }
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(page.contains("&#39;单引号&#39;与&quot;双引号&quot;及&amp;amp;符号"));
    assert!(page.contains("&lt;hostile&gt;.txt"));
}

#[test]
fn an_unreadable_file_shows_its_error() {
    let page = html::render(&[FileResult {
        path: "broken.docx".into(),
        outcome: Err("broken.docx: not a zip archive <PK>".into()),
    }]);
    assert!(page.contains("broken.docx: not a zip archive &lt;PK&gt;"));
    assert!(page.contains("class=\"card failed\""));
}

/// Render `files` as a page in the artifacts folder, screenshot it and return its DOM.
fn in_browser(name: &str, files: &[FileResult]) -> dom::Element {
    let dir = browser::artifacts();
    let page = dir.join(format!("{name}.html"));
    std::fs::write(&page, html::render(files)).expect("write page");
    browser::screenshot(&page, &dir.join(format!("{name}.png")));
    let dumped = browser::dump_dom(&page);
    let root = dom::parse(&dumped);
    checks::check_dom(name, &root, files);
    root
}

/// What the probe reports of each finding's mark and note in the page's default state: whether
/// the page shows it (not `display: none`, `visibility: hidden` or transparent, not filtered
/// off) and its size. Run after the page's own script.
const PROBE: &str = r#"(function () {
  var els = document.querySelectorAll('mark[data-f], .note[data-f]');
  var hidden = [];
  for (var i = 0; i < els.length; i++) {
    var e = els[i];
    var r = e.getBoundingClientRect();
    var seen = e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    if (!seen || !(r.width > 0 && r.height > 0) || e.classList.contains('off')) {
      hidden.push((e.id || e.getAttribute('data-f')) + ' ' + getComputedStyle(e).display +
        ' ' + r.width + 'x' + r.height);
    }
  }
  var out = document.createElement('pre');
  out.id = 'probe';
  out.setAttribute('data-count', String(els.length));
  out.textContent = hidden.join('\n');
  document.body.appendChild(out);
})();"#;

/// Open `page` as the browser lays it out by default (no query, the filters as the page sets
/// them): how many finding marks and notes it has, and those not shown with a size, one a line.
/// The probe runs in a copy of the page whose Content-Security-Policy (which admits only the
/// page's own script) is taken out; the page itself is checked unchanged by `check_dom`.
fn not_shown(name: &str, page: &str) -> (usize, String) {
    let csp = regex::Regex::new(r#"<meta http-equiv="Content-Security-Policy"[^>]*>"#).unwrap();
    assert!(csp.is_match(page), "{name}: the page has its policy");
    let probed = csp
        .replace(page, "")
        .replace("</body>", &format!("<script>{PROBE}</script>\n</body>"));
    let path = browser::artifacts().join(format!("{name}-probe.html"));
    std::fs::write(&path, probed).expect("write page");
    let probed = dom::parse(&browser::dump_dom(&path));
    let probe = probed
        .all()
        .into_iter()
        .find(|e| e.attr("id") == Some("probe"))
        .unwrap_or_else(|| panic!("{name}: the probe did not run"));
    let count = probe.attr("data-count").and_then(|c| c.parse().ok());
    (count.expect("a count"), probe.text().trim().to_string())
}

/// Every finding's marks and note are shown, with a size, in the page's default state.
fn assert_findings_visible(name: &str, files: &[FileResult], root: &dom::Element) {
    let marked = root
        .all()
        .iter()
        .filter(|e| e.attr("data-f").is_some() && (e.name == "mark" || e.has_class("note")))
        .count();
    assert!(marked > 0, "{name}: no finding to look at");
    let (count, hidden) = not_shown(name, &html::render(files));
    assert_eq!(count, marked, "{name}: the probe saw other marks and notes");
    assert_eq!(hidden, "", "{name}: marks or notes not shown by default");
}

#[test]
fn the_visibility_probe_sees_what_is_hidden() {
    let files = [FileResult {
        path: "hostile.txt".into(),
        outcome: Ok(checked(&hostile())),
    }];
    let page = html::render(&files).replace(
        "</style>",
        ".note.error { display: none; } mark.label { visibility: hidden; }</style>",
    );
    let (count, hidden) = not_shown("probe-check", &page);
    assert!(count > 0);
    assert!(
        hidden
            .lines()
            .any(|l| l.contains("-note ") && l.ends_with(" none 0x0")),
        "a note not displayed: {hidden}"
    );
    assert!(
        hidden.lines().any(|l| l.contains("-l0 ")),
        "an invisible label: {hidden}"
    );
}

#[test]
fn seed_pages_render_in_chromium() {
    let pack = Pack::packaged().unwrap();
    for path in common::seed_files() {
        let text = zglint::read(&path).expect("seed");
        let file = FileResult {
            path: path.display().to_string(),
            outcome: Ok(zglint::check::check_str(&text, &pack)),
        };
        let stem = path.file_stem().unwrap().to_string_lossy();
        let name = format!("seed-{}", &stem[..3]);
        let files = [file];
        let root = in_browser(&name, &files);
        let text_rows = root.all().iter().filter(|e| e.has_class("para")).count();
        assert!(text_rows > 10, "{name}: only {text_rows} paragraphs");
        assert_findings_visible(&name, &files, &root);
        assert!(
            browser::artifacts().join(format!("{name}.png")).is_file(),
            "{name}: its screenshot is kept"
        );
    }
}

#[test]
fn hostile_page_renders_in_chromium() {
    let files = [
        FileResult {
            path: "hostile.txt".into(),
            outcome: Ok(checked(&hostile())),
        },
        FileResult {
            path: "missing\"><img src=x onerror=alert(2)>.txt".into(),
            outcome: Err("cannot read: No such file or directory <script>".into()),
        },
    ];
    let root = in_browser("hostile", &files);
    let Ok(c) = &files[0].outcome else {
        unreachable!()
    };
    let rules: Vec<&str> = c.findings.iter().map(|f| f.rule.as_str()).collect();
    for rule in [
        "rate-mismatch",
        "date-number-missing",
        "heading-number-skipped",
    ] {
        assert!(rules.contains(&rule), "planted {rule} not found: {rules:?}");
    }
    let body = root
        .all()
        .into_iter()
        .find(|e| e.name == "body")
        .expect("<body>");
    let text = body.text();
    for shown in [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "</textarea><svg onload=alert(1)>",
        "'单引号'与\"双引号\"及&amp;符号",
        "missing\"><img src=x onerror=alert(2)>.txt",
        "No such file or directory <script>",
    ] {
        assert!(text.contains(shown), "{shown} is not shown as text");
    }
}

#[test]
fn filters_from_the_query_hide_findings_in_chromium() {
    let files = [FileResult {
        path: "hostile.txt".into(),
        outcome: Ok(checked(&hostile())),
    }];
    let page = browser::artifacts().join("filtered.html");
    std::fs::write(&page, html::render(&files)).expect("write page");
    let root = dom::parse(&browser::dump_dom_with(&page, "?off=warning,rate-mismatch"));
    let (mut hidden, mut shown) = (0, 0);
    for e in root
        .all()
        .into_iter()
        .filter(|e| e.attr("data-f").is_some())
    {
        let off =
            e.attr("data-level") == Some("warning") || e.attr("data-rule") == Some("rate-mismatch");
        assert_eq!(
            e.has_class("off"),
            off,
            "<{} data-f={:?}>",
            e.name,
            e.attr("data-f")
        );
        if off { hidden += 1 } else { shown += 1 }
    }
    assert!(hidden >= 3 && shown >= 2, "{hidden} hidden, {shown} shown");
}

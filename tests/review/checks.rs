// What the tests require of the review page's DOM as Chromium built it.

use crate::dom;
use zglint::FileResult;
use zglint::render::html::split::usable;

/// Every finding's marks and note are in the DOM, the page's script ran, and nothing else did.
pub fn check_dom(name: &str, root: &dom::Element, files: &[FileResult]) {
    const ALLOWED: &[&str] = &[
        "#document",
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "main",
        "header",
        "section",
        "h1",
        "h2",
        "h3",
        "p",
        "div",
        "mark",
        "code",
        "span",
        "a",
        "ul",
        "ol",
        "li",
        "q",
        "b",
        "form",
        "fieldset",
        "legend",
        "label",
        "input",
        "svg",
        "rect",
        "line",
        "circle",
        "g",
        "text",
        "script",
    ];
    let all = root.all();
    for e in &all {
        assert!(
            ALLOWED.contains(&e.name.as_str()),
            "{name}: unexpected <{}>",
            e.name
        );
        for (attr, value) in &e.attrs {
            assert!(!attr.starts_with("on"), "{name}: <{} {attr}>", e.name);
            assert!(attr != "src", "{name}: <{} src={value}>", e.name);
            assert!(
                attr != "href" || value.starts_with('#'),
                "{name}: link {value}"
            );
        }
    }
    let scripts: Vec<_> = all.iter().filter(|e| e.name == "script").collect();
    assert_eq!(
        scripts.len(),
        1,
        "{name}: scripts other than the page's own"
    );
    assert_eq!(
        scripts[0].text(),
        include_str!("../../src/render/html/page.js"),
        "{name}: the script is not the page's own"
    );
    let html_el = all.iter().find(|e| e.name == "html").expect("<html>");
    assert!(
        html_el.has_class("js"),
        "{name}: the page's script did not run"
    );
    let by_id = |id: &str| all.iter().find(|e| e.attr("id") == Some(id));
    let form = by_id("filters").expect("the filters");
    assert!(
        form.attr("hidden").is_none(),
        "{name}: the filters stayed hidden"
    );
    let mut notes = 0;
    for (k, f) in files.iter().enumerate() {
        let Ok(c) = &f.outcome else { continue };
        let source = &c.document.source;
        for (i, finding) in c.findings.iter().enumerate() {
            let key = format!("r{k}-f{i}");
            let note =
                by_id(&format!("{key}-note")).unwrap_or_else(|| panic!("{name}: no note {key}"));
            assert!(note.text().contains(&finding.message), "{name}: note {key}");
            notes += 1;
            if usable(source, &finding.span) {
                let first = by_id(&key).unwrap_or_else(|| panic!("{name}: no mark {key}"));
                assert_eq!(first.name, "mark");
                let marked: String = all
                    .iter()
                    .filter(|e| e.name == "mark" && e.has_class("primary"))
                    .filter(|e| e.attr("data-f") == Some(key.as_str()))
                    .map(|e| e.text())
                    .collect();
                let expected: String = source[finding.span.clone()]
                    .chars()
                    .filter(|&c| c != '\n' && c != '\r')
                    .collect();
                assert_eq!(marked, expected, "{name}: the marks of {key}");
            }
            for (j, l) in finding.labels.iter().enumerate() {
                if usable(source, &l.span) {
                    let id = format!("{key}-l{j}");
                    assert!(by_id(&id).is_some_and(|e| e.name == "mark"), "{name}: {id}");
                }
            }
        }
    }
    let shown = all.iter().filter(|e| e.has_class("note")).count();
    assert_eq!(shown, notes, "{name}: notes against findings");
}

//! ASCII `,():;` and full-width `，（）：；` are read alike: a report gives the same tree, items
//! and facts in either form.

mod common;

use zglint::document::Document;
use zglint::facts::Facts;

/// Everything zglint read, with punctuation folded and byte offsets left out.
fn reading(text: &str) -> Vec<String> {
    let (doc, facts): (Document, Facts) = zglint::analyse(text);
    let t = |s: &std::ops::Range<usize>| common::fold(doc.text(s));
    let mut out = vec![format!(
        "title {:?}",
        doc.title.as_ref().map(|x| common::fold(&x.text))
    )];
    for s in &doc.sections {
        out.push(format!(
            "section {} {:?} {:?} {}",
            s.depth,
            s.marker.style,
            s.marker.number,
            t(&s.title_span)
        ));
    }
    for b in &doc.blocks {
        out.push(format!(
            "block {:?} {:?} {} inline {}",
            b.kind_name(),
            b.region,
            t(&b.span),
            b.inline.len()
        ));
    }
    for i in &doc.items {
        out.push(format!("item {:?} {}", i.status, t(&i.head_span)));
    }
    out.push(format!("closing {:?}", doc.closing.issuer));
    for d in &facts.dates {
        out.push(format!("date {} {:?}", t(&d.date.span), d.date.start.iso()));
    }
    for f in &facts.figures {
        out.push(format!(
            "figure {} {}",
            t(&f.quantity.span),
            f.quantity.value()
        ));
    }
    out.push(common::fold(&format!(
        "{:?}",
        zglint::facts::summary::summarize(&doc, &facts)
    )));
    out
}

fn assert_same(name: &str, ascii: &str, full: &str) {
    let (a, b) = (reading(ascii), reading(full));
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y, "{name}: ASCII and full-width readings differ");
    }
    assert_eq!(a.len(), b.len(), "{name}: readings differ in length");
}

#[test]
fn seeds_read_alike_in_both_widths() {
    for path in common::seed_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_same(
            &path.display().to_string(),
            &text,
            &common::to_fullwidth(&text),
        );
    }
}

#[test]
fn fixture_reads_alike_in_both_widths() {
    let ascii = std::fs::read_to_string(common::fixture("sample.txt")).unwrap();
    let full = std::fs::read_to_string(common::fixture("sample-fullwidth.txt")).unwrap();
    assert_same("sample.txt", &ascii, &full);
}

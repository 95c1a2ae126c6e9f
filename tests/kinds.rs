//! Every rule kind has fixtures: the folder `tests/fixtures/<kind>/` holds fictional reports,
//! each planting at least one finding of that kind. The folders are found from the registry, so
//! a new kind without one fails here; the findings of each report are a snapshot
//! (`tests/snapshots/kinds__<kind>__<report>.snap`), so what a fixture shows is asserted, not
//! described.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use zglint::render::concise::Concise;
use zglint::render::render_all;
use zglint::rules::KINDS;
use zglint::rules::pack::Pack;
use zglint::{Checked, FileResult};

static PACK: LazyLock<Pack> = LazyLock::new(|| Pack::packaged().expect("packaged rules"));

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The reports of a kind's folder, sorted.
fn reports(kind: &str) -> Vec<PathBuf> {
    let dir = root().join("tests/fixtures").join(kind);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    out.sort();
    out
}

/// The report checked, and its concise findings with its path from the crate root.
fn findings(path: &Path) -> (Checked, String) {
    let text = std::fs::read_to_string(path).expect("a readable fixture");
    let name = path
        .strip_prefix(root())
        .expect("under the crate")
        .display()
        .to_string();
    let files = [FileResult {
        path: name,
        outcome: Ok(zglint::check::check_str(&text, &PACK)),
    }];
    let out = render_all(&mut Concise, &files);
    let [file] = files;
    (file.outcome.expect("checked"), out)
}

#[test]
fn every_kind_has_a_fixture_that_shows_it() {
    let mut missing = Vec::new();
    for kind in KINDS {
        let found = reports(kind.name);
        if found.is_empty() {
            missing.push(kind.name);
        }
        for path in found {
            let (checked, _) = findings(&path);
            assert!(
                checked.findings.iter().any(|f| f.kind == kind.name),
                "{} plants no finding of kind {}",
                path.display(),
                kind.name
            );
        }
    }
    assert!(
        missing.is_empty(),
        "kinds with no fixture report in tests/fixtures/<kind>/: {missing:?}"
    );
}

#[test]
fn the_findings_of_every_kind_fixture_are_as_snapshotted() {
    for kind in KINDS {
        for path in reports(kind.name) {
            let stem = path.file_stem().expect("a file name").to_string_lossy();
            let (_, out) = findings(&path);
            insta::assert_snapshot!(format!("{}__{stem}", kind.name), out);
        }
    }
}

#[test]
fn every_rules_file_is_packaged_by_its_kind() {
    let mut files: Vec<String> = std::fs::read_dir(root().join("rules"))
        .expect("rules/ is readable")
        .map(|e| {
            e.expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(".yaml") && n != "vocabulary.yaml")
        .map(|n| format!("rules/{n}"))
        .collect();
    files.sort();
    let mut packaged: Vec<String> = KINDS.iter().map(|k| k.rules.0.to_string()).collect();
    packaged.sort();
    assert_eq!(files, packaged);
    for kind in KINDS {
        let text = std::fs::read_to_string(root().join(kind.rules.0)).expect("its rules file");
        assert_eq!(text, kind.rules.1, "{} packages another text", kind.name);
        assert_eq!(kind.rules.0, format!("rules/{}.yaml", kind.name));
    }
}

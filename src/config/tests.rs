use super::*;

fn rules() -> Vec<RuleInfo> {
    let pack = Pack::packaged().unwrap();
    rule_infos(&pack, &[])
}

fn parse(text: &str) -> Result<Config, ConfigError> {
    let config = Config::parse(Path::new("zglint.yaml"), text)?;
    config.validate(&rules())?;
    Ok(config)
}

fn settings(text: &str, file: &str, cli: &CliSettings) -> Settings {
    resolve(Some(&parse(text).unwrap()), cli, &rules(), Path::new(file))
}

#[test]
fn no_configuration_keeps_every_rule_at_its_own_level() {
    let s = resolve(None, &CliSettings::default(), &rules(), Path::new("a.txt"));
    assert_eq!(s.level("percent-mismatch"), Some(Level::Error));
    assert_eq!(s.fail_on.0, FailOn::Error);
    assert!(matches!(s.levels["percent-mismatch"].1, Origin::Default(_)));
}

#[test]
fn levels_select_and_ignore_by_id_or_kind() {
    let text = "fail-on: warning\nignore: [numbering]\nrules:\n  ratio: info\n  percent-mismatch: warning\n";
    let s = settings(text, "a.txt", &CliSettings::default());
    assert_eq!(s.fail_on.0, FailOn::Warning);
    assert_eq!(s.fail_on.1, Origin::File("zglint.yaml".into(), 1));
    assert_eq!(s.level("heading-number-repeated"), None);
    assert_eq!(
        s.levels["heading-number-repeated"].1,
        Origin::File("zglint.yaml".into(), 2)
    );
    // The id's level wins over its kind's, whatever the order in the file.
    assert_eq!(s.level("percent-mismatch"), Some(Level::Warning));
    assert_eq!(
        s.levels["percent-mismatch"].1,
        Origin::File("zglint.yaml".into(), 5)
    );
    let other_ratio = rules()
        .into_iter()
        .find(|r| r.kind == "ratio" && r.id != "percent-mismatch" && r.level.is_some())
        .unwrap();
    assert_eq!(s.level(&other_ratio.id), Some(Level::Info));

    let only = settings("select: [date_order]\n", "a.txt", &CliSettings::default());
    assert!(only.levels.iter().all(|(id, (level, _))| {
        level.is_none()
            || rules()
                .iter()
                .any(|r| &r.id == id && r.kind == "date_order")
    }));
}

#[test]
fn overrides_apply_to_matching_files_only() {
    let text = "overrides:\n  - files: [\"archive/**\"]\n    ignore: [percent-mismatch]\n";
    let cli = CliSettings::default();
    assert_eq!(
        settings(text, "archive/2023/a.txt", &cli).level("percent-mismatch"),
        None
    );
    assert_eq!(
        settings(text, "archive/2023/a.txt", &cli).levels["percent-mismatch"].1,
        Origin::File("zglint.yaml".into(), 3)
    );
    assert_eq!(
        settings(text, "drafts/a.txt", &cli).level("percent-mismatch"),
        Some(Level::Error)
    );
}

#[test]
fn the_command_line_comes_last() {
    let text = "ignore: [percent-mismatch]\nfail-on: warning\n";
    let cli = CliSettings {
        select: Some(vec!["percent-mismatch".into(), "date_order".into()]),
        ignore: vec!["date-out-of-order".into()],
        fail_on: Some(FailOn::Error),
        max_findings_per_rule: Some(3),
    };
    let s = settings(text, "a.txt", &cli);
    assert_eq!(
        s.max_findings_per_rule,
        (3, Origin::Cli("--max-findings-per-rule"))
    );
    assert_eq!(s.level("percent-mismatch"), Some(Level::Error));
    assert_eq!(s.levels["percent-mismatch"].1, Origin::Cli("--select"));
    assert_eq!(s.level("count-mismatch"), None);
    assert_eq!(s.fail_on, (FailOn::Error, Origin::Cli("--fail-on")));
    assert_eq!(s.level("date-out-of-order"), None);
    assert_eq!(s.level("date-range-reversed"), Some(Level::Error));
    assert!(validate_cli(&cli, &rules()).is_ok());
    let bad = CliSettings {
        ignore: vec!["percent-mismatchh".into()],
        ..CliSettings::default()
    };
    let e = validate_cli(&bad, &rules()).unwrap_err();
    assert!(
        e.contains("unknown rule or kind `percent-mismatchh`"),
        "{e}"
    );
    assert!(e.contains("did you mean"), "{e}");
}

#[test]
fn strict_loading_points_into_the_file() {
    let e = parse("fail-on: error\nignroe: [ratio]\n").unwrap_err();
    assert!(
        e.problem.contains("unknown field `ignroe`"),
        "{}",
        e.problem
    );
    let at = e.at.unwrap();
    assert_eq!(at.offset(), "fail-on: error\n".len());

    let text = "rules:\n  percent-mismatch: warning\n  no-such-rule: off\n";
    let e = parse(text).unwrap_err();
    assert!(
        e.problem.contains("unknown rule or kind `no-such-rule`"),
        "{}",
        e.problem
    );
    assert_eq!(e.at.unwrap().offset(), text.find("no-such-rule").unwrap());

    let e = parse("rules:\n  ratio: loud\n").unwrap_err();
    assert!(e.problem.contains("loud"), "{}", e.problem);
    let e = parse("overrides:\n  - files: [\"a/[\"]\n").unwrap_err();
    assert!(e.problem.contains("bad glob"), "{}", e.problem);
    assert!(parse("").is_ok());
    assert!(parse("# only a comment\n").is_ok());
}

#[test]
fn a_duplicate_key_and_a_missing_rule_folder_are_pointed_at() {
    let text = "fail-on: warning\nmax-findings-per-rule: 3\nfail-on: error\n";
    let e = parse(text).unwrap_err();
    assert!(e.problem.contains("duplicate"), "{}", e.problem);
    assert_eq!(e.at.unwrap().offset(), text.rfind("fail-on").unwrap());

    let text = "rules:\n  ratio: info\n  numbering: off\n  ratio: warning\n";
    let e = parse(text).unwrap_err();
    assert!(e.problem.contains("duplicate"), "{}", e.problem);
    assert_eq!(e.at.unwrap().offset(), text.rfind("ratio").unwrap());

    let text = "fail-on: warning\nrule-dirs: [no-such-folder-here]\n";
    let e = parse(text).unwrap_err();
    assert!(e.problem.contains("no folder"), "{}", e.problem);
    assert_eq!(e.at.unwrap().offset(), text.find("no-such-folder").unwrap());
}

#[test]
fn discovery_walks_up_from_the_file() {
    let root = std::env::temp_dir().join(format!("zglint-config-{}", std::process::id()));
    let deep = root.join("a/b");
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(root.join(".zglint.yaml"), "fail-on: warning\n").unwrap();
    let found = discover(&deep.join("r.txt")).unwrap();
    assert_eq!(found.file_name().unwrap(), ".zglint.yaml");
    std::fs::write(root.join("a/zglint.yaml"), "").unwrap();
    let found = discover(&deep.join("r.txt")).unwrap();
    assert!(found.ends_with("a/zglint.yaml"), "{}", found.display());
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn did_you_mean_ranks_by_edit_distance() {
    let cli = CliSettings {
        select: Some(vec!["percent-mismatchh".into()]),
        ..CliSettings::default()
    };
    let e = validate_cli(&cli, &rules()).unwrap_err();
    assert!(e.contains("(did you mean percent-mismatch?)"), "{e}");
    let cli = CliSettings {
        ignore: vec!["date_ordr".into()],
        ..CliSettings::default()
    };
    let e = validate_cli(&cli, &rules()).unwrap_err();
    assert!(e.contains("did you mean date_order"), "{e}");
    assert_eq!(super::edit_distance("kitten", "sitting"), 3);
    assert_eq!(super::edit_distance("", "ab"), 2);
}

#[test]
fn the_language_is_chinese_unless_the_file_says_english() {
    use crate::config::Lang;
    assert_eq!(parse("fail-on: error\n").unwrap().file.lang, None);
    assert_eq!(parse("lang: en\n").unwrap().file.lang, Some(Lang::En));
    assert_eq!(parse("lang: zh\n").unwrap().file.lang, Some(Lang::Zh));
    assert!(parse("lang: fr\n").is_err());
}

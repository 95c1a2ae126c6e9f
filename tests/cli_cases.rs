//! The command line's contract as data, the way typos keeps its own: each `tests/cmd/*.trycmd`
//! file is one behaviour (exit codes, the text formats, usage errors, `explain` and `rules`, a bad
//! rule or configuration file), with the commands and their exact output. After a deliberate
//! change of output, `TRYCMD=overwrite cargo test --test cli_cases` rewrites the files; review the
//! diff before committing it.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.trycmd");
}

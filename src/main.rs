//! The `zglint` command: parses arguments, runs the library's pipeline, prints, exits.

mod cli;
mod serve;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Errors (a bad rule file, a bad configuration) keep their long lines: a file path or a rule
    // id broken across lines cannot be searched for or copied.
    let _ = miette::set_hook(Box::new(|_| {
        Box::new(miette::MietteHandlerOpts::new().wrap_lines(false).build())
    }));
    cli::run(cli::Cli::parse())
}

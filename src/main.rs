//! The `zglint` command: parses arguments, runs the library's pipeline, prints, exits.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run(cli::Cli::parse())
}

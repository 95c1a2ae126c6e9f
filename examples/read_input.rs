//! Read one file as zglint reads it and print its text; the format, the text's size and the
//! time reading took go to standard error. `bench/inputs.sh` times readers with it.
//! Usage: cargo run --release --example read_input -- FILE [--encoding NAME]
use std::io::Write;
use std::path::Path;
use zglint::input::{ReadOptions, read_input};

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: read_input FILE [--encoding NAME]");
        return std::process::ExitCode::from(2);
    };
    let mut opts = ReadOptions::default();
    if let Some(i) = args.iter().position(|a| a == "--encoding") {
        match args.get(i + 1).map(|n| n.parse()) {
            Some(Ok(encoding)) => opts.encoding = Some(encoding),
            Some(Err(e)) => {
                eprintln!("error: {e}");
                return std::process::ExitCode::from(2);
            }
            None => {
                eprintln!("error: --encoding needs a name");
                return std::process::ExitCode::from(2);
            }
        }
    }
    let start = std::time::Instant::now();
    match read_input(Path::new(path), &opts) {
        Ok(input) => {
            let took = start.elapsed();
            eprintln!(
                "{path}: {}, {} bytes of text, {} paragraphs, read in {:.3} s",
                input.format,
                input.text.len(),
                input.paragraphs.len(),
                took.as_secs_f64()
            );
            let _ = std::io::stdout().write_all(input.text.as_bytes());
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::from(2)
        }
    }
}

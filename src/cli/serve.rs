//! `zglint serve`: the configuration of the folder it starts in, then the server (src/serve/).

use super::Selection;
use super::info::cli_settings;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use zglint::config;
use zglint::render::Lang;

#[derive(clap::Args)]
pub struct ServeArgs {
    /// The address and port to listen on; 127.0.0.1 takes only this machine's browsers, an
    /// intranet address (or 0.0.0.0) the office's. Port 0 picks a free port, printed on start.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// The largest upload, in MiB (413 past it).
    #[arg(long, value_name = "MIB", default_value_t = 20)]
    max_upload_mib: u64,
    /// Uploads read or checked at once (503 with Retry-After past it).
    #[arg(long, value_name = "N", default_value_t = 16)]
    max_uploads: usize,
    /// Connections open at once, idle ones included (past it a connection is answered 503 with
    /// Retry-After and closed); at least --max-uploads.
    #[arg(long, value_name = "N", default_value_t = 256)]
    max_connections: usize,
    #[command(flatten)]
    selection: Selection,
}

pub fn run(args: ServeArgs, lang: Option<Lang>) -> ExitCode {
    let cli = cli_settings(&args.selection);
    // The configuration a report in this folder would get from `zglint check`.
    let found = args
        .selection
        .config
        .clone()
        .or_else(|| config::discover(&PathBuf::from("report.txt")));
    let mut said = std::collections::BTreeSet::new();
    let setup =
        match super::check::load_setup(found.as_deref(), &args.selection.rules, &cli, &mut said) {
            Ok(s) => s,
            Err(code) => return code,
        };
    if args.max_upload_mib == 0 || args.max_upload_mib > 1024 {
        eprintln!("error: --max-upload-mib must be between 1 and 1024");
        return ExitCode::from(2);
    }
    if args.max_connections == 0 || args.max_connections < args.max_uploads {
        eprintln!("error: --max-connections must be at least 1 and at least --max-uploads");
        return ExitCode::from(2);
    }
    let lang = lang
        .or_else(|| setup.config.as_ref().and_then(|c| c.file.lang))
        .unwrap_or_default();
    let setup = crate::serve::Setup {
        config: setup.config,
        pack: setup.pack,
        rules: setup.rules,
        cli,
        lang,
    };
    let options = crate::serve::Options {
        listen: args.listen,
        max_bytes: args.max_upload_mib << 20,
        max_uploads: args.max_uploads,
        max_connections: args.max_connections,
    };
    ExitCode::from(crate::serve::run(setup, options))
}

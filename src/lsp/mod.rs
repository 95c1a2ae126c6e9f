//! `zglint lsp`: a Language Server over standard input and output.
//!
//! Editors that speak LSP send a report's text as it is typed; the server checks it with the
//! library's one pipeline ([`crate::check()`]) under the configuration found upward from the
//! file, as `zglint check` does, and answers with
//!
//! - diagnostics, published when a report (`.txt`, `.md`, `.markdown`) is opened and, debounced,
//!   after it changes;
//! - hover: the findings at the cursor, each with its rule's message, help and the kind's
//!   explanation;
//! - code actions: each finding's safe fix ([`crate::finding::Edit`]s), and all of a report's
//!   safe fixes at once ([`crate::check::fix()`]).
//!
//! Positions are counted in UTF-16 code units unless the client offers UTF-8 or UTF-32
//! ([`position`]). Messages that cannot be read are logged to standard error and skipped; the
//! server ends on `exit`, or when its input closes.

pub mod position;

use crate::check::{self, suppress};
use crate::config::{self, CliSettings, Config, RuleInfo};
use crate::finding::{Finding, Level};
use crate::rules::pack::Pack;
use lsp_server::{ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, Hover, HoverContents, HoverParams, HoverProviderCapability,
    InitializeParams, InitializeResult, Location, MarkupContent, MarkupKind, NumberOrString,
    PublishDiagnosticsParams, ServerCapabilities, ServerInfo, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextEdit, Uri, WorkspaceEdit,
};
use position::{LineMap, Units};
use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant, SystemTime};

/// How long after the last change a report is checked again, unless the client's
/// `initializationOptions` give `debounceMs`.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// The `source` of every diagnostic.
const SOURCE: &str = "zglint";

/// Log a line to standard error, the only place the server writes besides the protocol.
#[allow(clippy::print_stderr)]
fn log(text: &str) {
    eprintln!("zglint lsp: {text}");
}

/// Serve LSP on standard input and output until `exit` or the end of the input; the exit code is
/// 0 after `shutdown` then `exit` (or the end of the input), 1 on an `exit` without `shutdown`.
pub fn run_stdio() -> u8 {
    let stdout = std::io::stdout();
    serve(std::io::BufReader::new(std::io::stdin()), stdout.lock())
}

/// Serve LSP on `input` and `output` (see [`run_stdio`]).
pub fn serve(input: impl BufRead + Send + 'static, output: impl Write) -> u8 {
    let (tx, rx) = mpsc::channel();
    // The reader runs on its own thread so that the main loop can wait with a timeout for the
    // next message while a changed report waits for its debounce.
    std::thread::spawn(move || {
        let mut input = input;
        loop {
            match Message::read(&mut input) {
                Ok(Some(message)) => {
                    let exit = matches!(&message, Message::Notification(n) if n.method == note::Exit::METHOD);
                    if tx.send(message).is_err() || exit {
                        break;
                    }
                }
                Ok(None) => break,
                // A message that is not JSON-RPC was read whole: skip it.
                Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                    log(&format!("skipped a message that cannot be read: {e}"))
                }
                Err(e) => {
                    log(&format!("cannot read the input: {e}"));
                    break;
                }
            }
        }
    });
    Server::new(output).run(rx)
}

/// A report the editor has open.
struct Doc {
    uri: Uri,
    text: String,
    version: Option<i32>,
    /// The file it stands for, when its URI is a `file:` URI.
    path: Option<PathBuf>,
    markdown: bool,
    /// Its findings, once checked at this text.
    findings: Option<Vec<Finding>>,
    /// When a change is to be checked.
    due: Option<Instant>,
}

/// What a configuration file brings, as `zglint check` loads it.
struct Setup {
    config: Option<Config>,
    pack: Pack,
    rules: Vec<RuleInfo>,
    /// The configuration file's modification time when loaded: a changed file is loaded anew.
    stamp: Option<SystemTime>,
}

struct Server<W: Write> {
    out: W,
    units: Units,
    debounce: Duration,
    initialized: bool,
    shutdown: bool,
    docs: HashMap<String, Doc>,
    /// By configuration file (None: none found).
    setups: HashMap<Option<PathBuf>, Setup>,
    /// Configuration errors already shown, so each is shown once.
    shown: Vec<String>,
}

impl<W: Write> Server<W> {
    fn new(out: W) -> Server<W> {
        Server {
            out,
            units: Units::Utf16,
            debounce: DEBOUNCE,
            initialized: false,
            shutdown: false,
            docs: HashMap::new(),
            setups: HashMap::new(),
            shown: Vec::new(),
        }
    }

    fn run(mut self, rx: Receiver<Message>) -> u8 {
        loop {
            let next = self.docs.values().filter_map(|d| d.due).min();
            let message = match next {
                Some(due) => match rx.recv_timeout(due.saturating_duration_since(Instant::now())) {
                    Ok(m) => m,
                    Err(RecvTimeoutError::Timeout) => {
                        self.check_due();
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => return 0,
                },
                None => match rx.recv() {
                    Ok(m) => m,
                    Err(_) => {
                        if !self.shutdown {
                            log("the input ended without shutdown");
                        }
                        return 0;
                    }
                },
            };
            if let Message::Notification(n) = &message
                && n.method == note::Exit::METHOD
            {
                return if self.shutdown { 0 } else { 1 };
            }
            // A fault in checking one report must not end the session.
            let handled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                self.handle(message.clone())
            }));
            if handled.is_err() {
                log("internal error while handling a message");
                if let Message::Request(r) = message {
                    self.send(Response::new_err(
                        r.id,
                        ErrorCode::InternalError as i32,
                        "zglint failed on this request".into(),
                    ));
                }
            }
        }
    }

    fn send(&mut self, message: impl Into<Message>) {
        if let Err(e) = message.into().write(&mut self.out) {
            log(&format!("cannot write: {e}"));
        }
    }

    fn notify<N: note::Notification>(&mut self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params));
    }

    fn handle(&mut self, message: Message) {
        match message {
            Message::Request(r) => self.request(r),
            Message::Notification(n) => self.notification(n),
            // The server sends no requests, so expects no responses.
            Message::Response(_) => {}
        }
    }

    fn request(&mut self, r: Request) {
        let id = r.id.clone();
        let error =
            |code: ErrorCode, text: &str| Response::new_err(id.clone(), code as i32, text.into());
        if r.method == req::Initialize::METHOD {
            if self.initialized {
                return self.send(error(ErrorCode::InvalidRequest, "already initialized"));
            }
            return match serde_json::from_value::<InitializeParams>(r.params) {
                Ok(params) => {
                    let result = self.initialize(params);
                    self.send(Response::new_ok(id, result))
                }
                Err(e) => self.send(error(ErrorCode::InvalidParams, &e.to_string())),
            };
        }
        if !self.initialized {
            return self.send(error(ErrorCode::ServerNotInitialized, "not initialized"));
        }
        if self.shutdown {
            return self.send(error(ErrorCode::InvalidRequest, "shutting down"));
        }
        let answer = match r.method.as_str() {
            req::Shutdown::METHOD => {
                self.shutdown = true;
                Ok(serde_json::Value::Null)
            }
            req::HoverRequest::METHOD => params::<HoverParams>(r.params)
                .map(|p| serde_json::to_value(self.hover(p)).unwrap_or_default()),
            req::CodeActionRequest::METHOD => params::<CodeActionParams>(r.params)
                .map(|p| serde_json::to_value(self.code_actions(p)).unwrap_or_default()),
            _ => Err((ErrorCode::MethodNotFound, format!("no method {}", r.method))),
        };
        match answer {
            Ok(value) => self.send(Response::new_ok(id, value)),
            Err((code, text)) => self.send(error(code, &text)),
        }
    }

    fn initialize(&mut self, params: InitializeParams) -> InitializeResult {
        self.initialized = true;
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref());
        self.units = Units::negotiate(offered);
        if let Some(ms) = params
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("debounceMs"))
            .and_then(|v| v.as_u64())
        {
            self.debounce = Duration::from_millis(ms.min(60_000));
        }
        InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(self.units.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Kind(
                    TextDocumentSyncKind::FULL,
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "zglint".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        }
    }

    fn notification(&mut self, n: Notification) {
        if !self.initialized {
            return;
        }
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                let Ok(p) = params::<DidOpenTextDocumentParams>(n.params) else {
                    return log("didOpen with bad parameters");
                };
                let d = p.text_document;
                let Some((path, markdown)) = report(&d.uri, &d.language_id) else {
                    return;
                };
                let key = d.uri.as_str().to_string();
                self.docs.insert(
                    key.clone(),
                    Doc {
                        uri: d.uri,
                        text: d.text,
                        version: Some(d.version),
                        path,
                        markdown,
                        findings: None,
                        due: None,
                    },
                );
                self.publish(&key);
            }
            note::DidChangeTextDocument::METHOD => {
                let Ok(p) = params::<DidChangeTextDocumentParams>(n.params) else {
                    return log("didChange with bad parameters");
                };
                let due = Instant::now() + self.debounce;
                let units = self.units;
                let Some(doc) = self.docs.get_mut(p.text_document.uri.as_str()) else {
                    return;
                };
                for change in p.content_changes {
                    match change.range {
                        // The server asks for whole texts; a client may still send ranges.
                        Some(range) => {
                            let map = LineMap::new(&doc.text, units);
                            let (start, end) = (map.offset(range.start), map.offset(range.end));
                            let (start, end) = (start.min(end), start.max(end));
                            doc.text.replace_range(start..end, &change.text);
                        }
                        None => doc.text = change.text,
                    }
                }
                doc.version = Some(p.text_document.version);
                doc.findings = None;
                doc.due = Some(due);
            }
            note::DidSaveTextDocument::METHOD => {
                // A saved report is checked at once (its configuration may have changed too).
                if let Ok(p) = params::<DidSaveTextDocumentParams>(n.params) {
                    let key = p.text_document.uri.as_str().to_string();
                    if let Some(doc) = self.docs.get_mut(&key) {
                        if let Some(text) = p.text {
                            doc.text = text;
                        }
                        doc.findings = None;
                        self.publish(&key);
                    }
                }
            }
            note::DidCloseTextDocument::METHOD => {
                if let Ok(p) = params::<DidCloseTextDocumentParams>(n.params)
                    && let Some(doc) = self.docs.remove(p.text_document.uri.as_str())
                {
                    self.notify::<note::PublishDiagnostics>(PublishDiagnosticsParams::new(
                        doc.uri,
                        Vec::new(),
                        None,
                    ));
                }
            }
            _ => {}
        }
    }

    /// Check the reports whose debounce has run out and publish their diagnostics.
    fn check_due(&mut self) {
        let now = Instant::now();
        let due: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|t| t <= now))
            .map(|(k, _)| k.clone())
            .collect();
        for key in due {
            self.publish(&key);
        }
    }

    /// Check a report (if its findings are not current) and publish its diagnostics.
    fn publish(&mut self, key: &str) {
        self.ensure_checked(key);
        let Some(doc) = self.docs.get(key) else {
            return;
        };
        let map = LineMap::new(&doc.text, self.units);
        let diagnostics = doc
            .findings
            .iter()
            .flatten()
            .map(|f| diagnostic(f, &doc.uri, &map))
            .collect();
        let params = PublishDiagnosticsParams::new(doc.uri.clone(), diagnostics, doc.version);
        self.notify::<note::PublishDiagnostics>(params);
    }

    /// Check a report now if its text changed since it was last checked.
    fn ensure_checked(&mut self, key: &str) {
        let Some(doc) = self.docs.get(key) else {
            return;
        };
        if doc.findings.is_some() {
            return;
        }
        let path = doc.path.clone();
        let found = path.as_deref().and_then(config::discover);
        self.load_setup(&found);
        let setup = &self.setups[&found];
        let file = path.unwrap_or_default();
        let settings = config::resolve(
            setup.config.as_ref(),
            &CliSettings::default(),
            &setup.rules,
            &file,
        );
        let Some(doc) = self.docs.get_mut(key) else {
            return;
        };
        let input = check::rewritten(&check::plain(""), doc.text.clone(), doc.markdown);
        let checked = crate::check(&input, &setup.pack, &settings);
        doc.findings = Some(checked.findings);
        doc.due = None;
    }

    /// Load (or load anew, when the file changed) the setup of a configuration file; one that
    /// cannot be used is shown to the user once, and the packaged rules are used meanwhile.
    fn load_setup(&mut self, found: &Option<PathBuf>) {
        let stamp = found
            .as_deref()
            .and_then(|p| std::fs::metadata(p).ok())
            .and_then(|m| m.modified().ok());
        if self.setups.get(found).is_some_and(|s| s.stamp == stamp) {
            return;
        }
        let setup = match setup(found.as_deref()) {
            Ok(s) => s,
            Err(problem) => {
                log(&problem);
                if !self.shown.contains(&problem) {
                    self.shown.push(problem.clone());
                    self.notify::<note::ShowMessage>(ShowMessageParams {
                        typ: lsp_types::MessageType::WARNING,
                        message: format!("zglint: {problem}; using the packaged rules"),
                    });
                }
                let pack = Pack::packaged().unwrap_or_default();
                Setup {
                    rules: check::known_rules(&pack),
                    pack,
                    config: None,
                    stamp,
                }
            }
        };
        self.setups.insert(found.clone(), Setup { stamp, ..setup });
    }

    fn hover(&mut self, p: HoverParams) -> Option<Hover> {
        let key = p
            .text_document_position_params
            .text_document
            .uri
            .as_str()
            .to_string();
        self.ensure_checked(&key);
        let doc = self.docs.get(&key)?;
        let map = LineMap::new(&doc.text, self.units);
        let at = map.offset(p.text_document_position_params.position);
        let setup_pack = doc
            .path
            .as_deref()
            .and_then(config::discover)
            .and_then(|c| self.setups.get(&Some(c)))
            .or_else(|| self.setups.get(&None))
            .map(|s| &s.pack);
        let here: Vec<&Finding> = doc
            .findings
            .iter()
            .flatten()
            .filter(|f| {
                f.span.start <= at && (at < f.span.end || f.span.is_empty() && at == f.span.end)
            })
            .collect();
        let first = here.first()?;
        let text = here
            .iter()
            .map(|f| explain(f, setup_pack))
            .collect::<Vec<_>>()
            .join("\n\n---\n\n");
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text,
            }),
            range: Some(map.range(&first.span)),
        })
    }

    fn code_actions(&mut self, p: CodeActionParams) -> Vec<CodeActionOrCommand> {
        let key = p.text_document.uri.as_str().to_string();
        self.ensure_checked(&key);
        let Some(doc) = self.docs.get(&key) else {
            return Vec::new();
        };
        let wants = |kind: &CodeActionKind| {
            p.context.only.as_ref().is_none_or(|only| {
                only.iter().any(|o| {
                    kind.as_str() == o.as_str()
                        || kind.as_str().starts_with(&format!("{}.", o.as_str()))
                })
            })
        };
        let map = LineMap::new(&doc.text, self.units);
        let (start, end) = (map.offset(p.range.start), map.offset(p.range.end));
        let findings = doc.findings.as_deref().unwrap_or_default();
        let mut actions = Vec::new();
        if wants(&CodeActionKind::QUICKFIX) {
            for f in findings.iter().filter(|f| {
                !f.fix.is_empty() && f.span.start <= end.max(start) && start.min(end) <= f.span.end
            }) {
                let edits = f
                    .fix
                    .iter()
                    .map(|e| TextEdit::new(map.range(&e.span), e.replacement.clone()))
                    .collect();
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("zglint: 修正 {}（{}）", f.rule, f.message),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic(f, &doc.uri, &map)]),
                    edit: Some(workspace_edit(&doc.uri, edits)),
                    is_preferred: Some(true),
                    ..CodeAction::default()
                }));
            }
        }
        let fix_all = CodeActionKind::SOURCE_FIX_ALL;
        if wants(&fix_all) && findings.iter().any(|f| !f.fix.is_empty()) {
            let setup = doc
                .path
                .as_deref()
                .and_then(config::discover)
                .and_then(|c| self.setups.get(&Some(c)))
                .or_else(|| self.setups.get(&None));
            if let Some(setup) = setup {
                let file = doc.path.clone().unwrap_or_default();
                let settings = config::resolve(
                    setup.config.as_ref(),
                    &CliSettings::default(),
                    &setup.rules,
                    &file,
                );
                let input = check::plain(&doc.text);
                let fixed = check::fix(&input, doc.markdown, &setup.pack, &settings);
                if fixed.applied > 0 {
                    let whole = map.range(&(0..doc.text.len()));
                    actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: format!("zglint: 应用全部安全修正（{} 处）", fixed.applied),
                        kind: Some(fix_all),
                        edit: Some(workspace_edit(
                            &doc.uri,
                            vec![TextEdit::new(whole, fixed.text)],
                        )),
                        ..CodeAction::default()
                    }));
                }
            }
        }
        actions
    }
}

/// Parameters of a message, or the error to answer with.
fn params<P: serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(value).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

/// Whether a document is a report zglint checks (a `.txt`, `.md` or `.markdown` file, or an
/// unsaved plain-text or Markdown buffer): its file, if any, and whether it is Markdown.
fn report(uri: &Uri, language: &str) -> Option<(Option<PathBuf>, bool)> {
    let path = file_path(uri);
    let name = path
        .as_deref()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|| uri.as_str().to_string());
    let ext = Path::new(&name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("txt") => Some((path, false)),
        Some("md" | "markdown") => Some((path, true)),
        None if path.is_none() && language == "plaintext" => Some((None, false)),
        None if path.is_none() && language == "markdown" => Some((None, true)),
        _ => None,
    }
}

/// The file a `file:` URI names (`file:///home/a/%E9%80%9A%E6%8A%A5.txt`).
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s
        .strip_prefix("file://")
        .or_else(|| s.strip_prefix("FILE://"))?;
    // An authority of `localhost` (or none) is this machine.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let bytes = percent_decode(rest)?;
    let text = String::from_utf8(bytes).ok()?;
    // `file:///C:/reports/a.txt` on Windows.
    let text = match text.as_bytes() {
        [b'/', d, b':', ..] if cfg!(windows) && d.is_ascii_alphabetic() => text[1..].to_string(),
        _ => text,
    };
    Some(PathBuf::from(text))
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Some(out)
}

/// Load a configuration (None: none found) and its rule pack, and check the names it uses.
fn setup(found: Option<&Path>) -> Result<Setup, String> {
    let describe = |e: crate::located::FileError| format!("{}", miette::Report::new(e));
    let config = found.map(Config::load).transpose().map_err(describe)?;
    let mut pack = Pack::packaged().map_err(describe)?;
    for dir in config.as_ref().map(Config::rule_dirs).unwrap_or_default() {
        pack.add_dir(&dir).map_err(describe)?;
    }
    let rules = check::known_rules(&pack);
    if let Some(c) = &config {
        c.validate(&rules).map_err(describe)?;
    }
    Ok(Setup {
        config,
        pack,
        rules,
        stamp: None,
    })
}

fn severity(level: Level) -> DiagnosticSeverity {
    match level {
        Level::Error => DiagnosticSeverity::ERROR,
        Level::Warning => DiagnosticSeverity::WARNING,
        Level::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// A finding as a diagnostic: its message (and help) at its span, its labels as related places.
fn diagnostic(f: &Finding, uri: &Uri, map: &LineMap) -> Diagnostic {
    let message = match &f.help {
        Some(help) => format!("{}\n{help}", f.message),
        None => f.message.clone(),
    };
    let related: Vec<DiagnosticRelatedInformation> = f
        .labels
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), map.range(&l.span)),
            message: l.text.clone(),
        })
        .collect();
    Diagnostic {
        range: map.range(&f.span),
        severity: Some(severity(f.level)),
        code: Some(NumberOrString::String(f.rule.clone())),
        source: Some(SOURCE.into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}

/// A finding explained for hover: rule, level, message, help, and its kind's explanation.
fn explain(f: &Finding, pack: Option<&Pack>) -> String {
    let level = match f.level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "info",
    };
    let mut out = format!("**{}** ({}, {level})\n\n{}\n", f.rule, f.kind, f.message);
    if let Some(help) = &f.help {
        out.push_str(&format!("\n{help}\n"));
    }
    let explanation = if f.rule == suppress::UNUSED {
        Some(suppress::EXPLANATION)
    } else {
        pack.and_then(|p| p.rules.iter().find(|r| r.spec.id == f.rule))
            .map(|r| r.kind.explanation)
            .or_else(|| crate::rules::kind(&f.kind).map(|k| k.explanation))
    };
    if let Some(e) = explanation {
        out.push_str(&format!("\n---\n\n{}\n", e.trim_end()));
    }
    out
}

fn workspace_edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn file_uris_become_paths_and_other_uris_none() {
        let uri = Uri::from_str("file:///tmp/%E6%9F%B3%E6%BA%AA/report.txt").unwrap();
        assert_eq!(file_path(&uri), Some(PathBuf::from("/tmp/柳溪/report.txt")));
        let uri = Uri::from_str("file://localhost/tmp/a.md").unwrap();
        assert_eq!(file_path(&uri), Some(PathBuf::from("/tmp/a.md")));
        assert_eq!(
            file_path(&Uri::from_str("untitled:Untitled-1").unwrap()),
            None
        );
        assert_eq!(
            file_path(&Uri::from_str("file:///tmp/%E6%9F").unwrap()),
            None
        );
    }

    #[test]
    fn bad_percent_escapes_are_no_path() {
        assert_eq!(percent_decode("/a%zz"), None);
        assert_eq!(percent_decode("/a%4"), None);
        assert_eq!(
            percent_decode("/a%E6%9F%B3"),
            Some("/a柳".as_bytes().to_vec())
        );
    }

    #[test]
    fn only_reports_are_checked() {
        let uri = |s: &str| Uri::from_str(s).unwrap();
        assert_eq!(
            report(&uri("file:///a/r.TXT"), "plaintext"),
            Some((Some("/a/r.TXT".into()), false))
        );
        assert_eq!(
            report(&uri("file:///a/r.md"), "markdown"),
            Some((Some("/a/r.md".into()), true))
        );
        assert_eq!(report(&uri("file:///a/main.rs"), "rust"), None);
        assert_eq!(
            report(&uri("untitled:Untitled-1"), "markdown"),
            Some((None, true))
        );
        assert_eq!(report(&uri("untitled:Untitled-1"), "rust"), None);
    }
}

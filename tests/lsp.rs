//! `zglint lsp` driven over standard input/output with JSON-RPC, as an editor drives it; and
//! through Neovim's own LSP client.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// The invented report of tests/lsp/report.txt: a rate that does not match its figures on a line
/// that starts with a character outside the BMP (𠀀, two UTF-16 code units), and a heading
/// numbered 三 after 一, which has a safe fix.
fn report() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lsp/report.txt"))
        .expect("the fixture")
}

const WAIT: Duration = Duration::from_secs(60);

/// A `file:` URI, its path percent-encoded.
fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_str().unwrap().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    /// Messages received while waiting for something else.
    pending: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_zglint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("zglint lsp starts");
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        length = Some(v.parse::<usize>().expect("a length"));
                    }
                }
                let mut body = vec![0; length.expect("Content-Length")];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let value: Value = serde_json::from_slice(&body).expect("the server writes JSON");
                assert_eq!(value["jsonrpc"], "2.0");
                if tx.send(value).is_err() {
                    return;
                }
            }
        });
        Client {
            stdin: child.stdin.take(),
            child,
            incoming,
            pending: Vec::new(),
            next_id: 1,
        }
    }

    fn write_raw(&mut self, body: &[u8]) {
        let stdin = self.stdin.as_mut().unwrap();
        write!(stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        stdin.write_all(body).unwrap();
        stdin.flush().unwrap();
    }

    fn send(&mut self, message: Value) {
        self.write_raw(message.to_string().as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next message that `matches`, keeping the others for later.
    fn wait(&mut self, what: &str, matches: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.pending.iter().position(&matches) {
            return self.pending.remove(i);
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .incoming
                .recv_timeout(left)
                .unwrap_or_else(|e| panic!("no {what} ({e}); received {:#?}", self.pending));
            if matches(&message) {
                return message;
            }
            self.pending.push(message);
        }
    }

    /// Send a request and return its whole response.
    fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait(&format!("response to {method}"), |m| {
            m["id"] == id && m.get("method").is_none()
        })
    }

    /// Send a request and return its result, which must not be an error.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    fn initialize(&mut self, capabilities: Value, options: Value) -> Value {
        let result = self.request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": capabilities,
                   "initializationOptions": options}),
        );
        self.notify("initialized", json!({}));
        result
    }

    fn diagnostics(&mut self, uri: &str) -> Value {
        self.wait("diagnostics", |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        })["params"]
            .clone()
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
        );
    }

    /// Shut down and exit; the exit code.
    fn finish(mut self) -> i32 {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    fn wait_exit(&mut self) -> i32 {
        drop(self.stdin.take());
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().expect("exited, not killed");
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A folder with the report under a Chinese name (its URI percent-encoded), and its URI.
fn workspace() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("柳溪镇通报.txt");
    std::fs::write(&path, report()).unwrap();
    let uri = uri(&path);
    (dir, path, uri)
}

fn by_rule<'a>(diagnostics: &'a Value, rule: &str) -> &'a Value {
    diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {diagnostics:#}"))
}

fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}

#[test]
fn a_session_publishes_explains_fixes_and_rechecks_a_report() {
    let (_dir, _path, uri) = workspace();
    let mut c = Client::start();
    let init = c.initialize(json!({}), json!({"debounceMs": 50}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "zglint");
    c.open(&uri, &report());

    let published = c.diagnostics(&uri);
    assert_eq!(published["version"], 1);
    assert_eq!(
        published["diagnostics"].as_array().unwrap().len(),
        2,
        "{published:#}"
    );
    // 𠀀溪镇共5个问题，已完成4个，完成率 is 18 characters, 19 UTF-16 code units.
    let rate = by_rule(&published, "rate-mismatch");
    assert_eq!(rate["range"], range(2, 19, 2, 22));
    assert_eq!(rate["severity"], 1);
    assert_eq!(rate["source"], "zglint");
    assert!(rate["message"].as_str().unwrap().contains("90%"), "{rate}");
    let heading = by_rule(&published, "heading-number-skipped");
    assert_eq!(
        heading["range"]["start"],
        json!({"line": 3, "character": 0})
    );

    // Hover on the rate: the rule's message and help, and the kind's explanation.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 20}}),
    );
    assert_eq!(hover["range"], range(2, 19, 2, 22));
    let text = hover["contents"]["value"].as_str().unwrap();
    let explanation = zglint::rules::kind("ratio").unwrap().explanation;
    let first_line = explanation.lines().next().unwrap();
    assert!(
        text.contains("rate-mismatch") && text.contains("90%"),
        "{text}"
    );
    assert!(text.contains(first_line), "{text}");
    // Nothing to say where nothing was found.
    let none = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 1, "character": 1}}),
    );
    assert_eq!(none, Value::Null);

    // The heading's safe fix, as a quick fix on its line, and as the fix-all source action.
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(3, 0, 3, 1),
               "context": {"diagnostics": []}}),
    );
    let actions = actions.as_array().unwrap();
    let quick = actions
        .iter()
        .find(|a| a["kind"] == "quickfix")
        .expect("a quick fix");
    assert_eq!(quick["diagnostics"][0]["code"], "heading-number-skipped");
    let edits = quick["edit"]["changes"][&uri].as_array().unwrap();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0]["newText"], "二、");
    assert_eq!(edits[0]["range"], range(3, 0, 3, 2));
    let all = actions
        .iter()
        .find(|a| a["kind"] == "source.fixAll")
        .expect("fix all");
    let fixed = report().replace("三、", "二、");
    assert_eq!(all["edit"]["changes"][&uri][0]["newText"], fixed);
    // Only the kinds asked for; none on a line without a fix.
    let only = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(3, 0, 3, 1),
               "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    assert!(
        only.as_array()
            .unwrap()
            .iter()
            .all(|a| a["kind"] == "source.fixAll")
    );
    let on_rate = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(2, 19, 2, 19),
               "context": {"diagnostics": [], "only": ["quickfix"]}}),
    );
    assert_eq!(on_rate, json!([]));

    // The fix applied in the editor: after the debounce, one finding is left.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let published = c.diagnostics(&uri);
    assert_eq!(published["version"], 2);
    let codes: Vec<&Value> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["code"])
        .collect();
    assert_eq!(codes, [&json!("rate-mismatch")]);
    // A ranged change (the rate corrected to 80%) is applied to the text the server holds.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3},
               "contentChanges": [{"range": range(2, 19, 2, 21), "text": "80"}]}),
    );
    let published = c.diagnostics(&uri);
    assert_eq!(published["version"], 3);
    assert_eq!(published["diagnostics"], json!([]));

    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(c.diagnostics(&uri)["diagnostics"], json!([]));
    assert_eq!(c.finish(), 0);
}

#[test]
fn positions_follow_the_negotiated_encoding() {
    let (_dir, _path, uri) = workspace();
    for (offered, name, column) in [
        (json!(["utf-8", "utf-16"]), "utf-8", 51),
        (json!(["utf-32"]), "utf-32", 18),
        (json!(["utf-7"]), "utf-16", 19),
    ] {
        let mut c = Client::start();
        let init = c.initialize(
            json!({"general": {"positionEncodings": offered}}),
            json!({}),
        );
        assert_eq!(init["capabilities"]["positionEncoding"], name);
        c.open(&uri, &report());
        let published = c.diagnostics(&uri);
        let rate = by_rule(&published, "rate-mismatch");
        assert_eq!(rate["range"]["start"]["character"], column, "{name}");
        assert_eq!(c.finish(), 0);
    }
}

#[test]
fn the_configuration_found_upward_from_the_file_applies() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("zglint.yaml"),
        "rules:\n  rate-mismatch: warning\nignore: [numbering]\n",
    )
    .unwrap();
    let sub = dir.path().join("二〇二六");
    std::fs::create_dir(&sub).unwrap();
    let path = sub.join("report.md");
    std::fs::write(&path, report()).unwrap();
    let uri = uri(&path);
    let mut c = Client::start();
    c.initialize(json!({}), json!({}));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 7, "text": report()}}),
    );
    let published = c.diagnostics(&uri);
    let diagnostics = published["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{published:#}");
    assert_eq!(diagnostics[0]["code"], "rate-mismatch");
    assert_eq!(diagnostics[0]["severity"], 2, "a warning, as configured");

    // A configuration that cannot be used is shown, and the packaged rules are used.
    std::fs::write(
        dir.path().join("zglint.yaml"),
        "rules:\n  no-such-rule: error\n",
    )
    .unwrap();
    let other = sub.join("other.txt");
    let other_uri = self::uri(&other);
    c.open(&other_uri, &report());
    let shown = c.wait("a message", |m| m["method"] == "window/showMessage");
    assert!(
        shown["params"]["message"]
            .as_str()
            .unwrap()
            .contains("no-such-rule"),
        "{shown}"
    );
    assert_eq!(
        c.diagnostics(&other_uri)["diagnostics"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(c.finish(), 0);
}

#[test]
fn bad_messages_are_answered_or_skipped_and_the_server_goes_on() {
    let (_dir, _path, uri) = workspace();
    let mut c = Client::start();
    // Before initialize, requests are refused.
    let early = c.call("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002);
    c.initialize(json!({}), json!({}));
    // Not JSON, not JSON-RPC, and a body that is not UTF-8: skipped.
    c.write_raw(b"{not json");
    c.write_raw(b"[1, 2, 3]");
    c.write_raw(&[0xff, 0xfe, b'{']);
    // Bad parameters, an unknown method, an unknown document, notifications it ignores.
    let bad = c.call("textDocument/hover", json!({"position": "here"}));
    assert_eq!(bad["error"]["code"], -32602);
    let unknown = c.call("zglint/nothing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere/x.txt"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(hover, Value::Null);
    c.notify("textDocument/didOpen", json!({"textDocument": 5}));
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"text": "x"}]}),
    );
    c.notify("$/cancelRequest", json!({"id": 99}));
    // Positions far outside the text.
    c.open(&uri, &report());
    assert_eq!(
        c.diagnostics(&uri)["diagnostics"].as_array().unwrap().len(),
        2
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": range(99, 5, 1, 999), "text": "𠀀"}]}),
    );
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(4_000_000_000, 0, 0, 4_000_000_000),
               "context": {"diagnostics": []}}),
    );
    assert!(actions.is_array());
    // Still serving: the report's findings are published.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": report()}]}),
    );
    let published = c.wait("version 3", |m| m["params"]["version"] == 3);
    assert_eq!(
        published["params"]["diagnostics"].as_array().unwrap().len(),
        2
    );
    assert_eq!(c.finish(), 0);
}

#[test]
fn exit_without_shutdown_is_code_1_and_requests_after_shutdown_are_refused() {
    let mut c = Client::start();
    c.initialize(json!({}), json!({}));
    c.notify("exit", Value::Null);
    assert_eq!(c.wait_exit(), 1);

    let mut c = Client::start();
    c.initialize(json!({}), json!({}));
    assert_eq!(c.request("shutdown", Value::Null), Value::Null);
    let late = c.call("textDocument/hover", json!({}));
    assert_eq!(late["error"]["code"], -32600);
    c.notify("exit", Value::Null);
    assert_eq!(c.wait_exit(), 0);

    // The input closing ends the server too.
    let mut c = Client::start();
    c.initialize(json!({}), json!({}));
    assert_eq!(c.wait_exit(), 0);
}

/// Neovim's version from `nvim --version` (`NVIM v0.7.2`), or why it cannot be run.
fn nvim_version() -> Result<(u32, u32), String> {
    let out = Command::new("nvim")
        .arg("--version")
        .output()
        .map_err(|e| format!("cannot run nvim ({e})"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let version = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("NVIM v"))
        .ok_or_else(|| format!("nvim --version says {text:?}"))?;
    let mut parts = version
        .split(['.', '-'])
        .map(|p| p.parse::<u32>().unwrap_or(0));
    Ok((parts.next().unwrap_or(0), parts.next().unwrap_or(0)))
}

/// A real editor: Neovim's built-in LSP client opens the report, shows its diagnostics at the
/// right places, applies the heading's quick fix and writes the file.
#[test]
fn neovim_shows_the_findings_and_applies_a_fix() {
    let version = nvim_version().unwrap_or_else(|e| {
        panic!("this test needs Neovim 0.7 or later on the PATH: {e}; install it with `apt-get install neovim` (.ci/run does)")
    });
    assert!(
        version >= (0, 7),
        "this test needs Neovim 0.7 or later (its vim.lsp.start_client), found {version:?}"
    );
    let (dir, path, _) = workspace();
    let log = dir.path().join("nvim.log");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lsp/nvim.lua");
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("ZGLINT_BIN", env!("CARGO_BIN_EXE_zglint"))
        .env("ZGLINT_REPORT", &path)
        .env("ZGLINT_LOG", &log)
        // Neovim's own files (its LSP log among them) stay in the test's folder.
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("XDG_STATE_HOME", dir.path().join("state"))
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nvim starts");
    let deadline = Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "nvim did not finish; its log: {}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    let _ = child.stderr.take().unwrap().read_to_string(&mut stderr);
    let said = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(status.success(), "nvim failed ({status}): {said}\n{stderr}");
    let lines: Vec<&str> = said.lines().collect();
    // Byte columns in Neovim's buffer: 𠀀溪镇共5个问题，已完成4个，完成率 is 51 bytes.
    assert_eq!(
        lines[..2],
        [
            "diagnostic rate-mismatch 2:51-2:54 severity=1",
            "diagnostic heading-number-skipped 3:0-3:6 severity=1",
        ],
        "{said}"
    );
    assert!(lines[2].starts_with("hover **rate-mismatch**"), "{said}");
    assert!(lines[3].starts_with("action zglint:"), "{said}");
    assert_eq!(lines[4..], ["after fix 1", "done"], "{said}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        report().replace("三、", "二、"),
        "the fix was written"
    );
}

#[test]
fn changes_in_quick_succession_are_checked_once_after_the_last() {
    let (_dir, _path, uri) = workspace();
    let mut c = Client::start();
    c.initialize(json!({}), json!({"debounceMs": 400}));
    c.open(&uri, &report());
    assert_eq!(c.diagnostics(&uri)["version"], 1);
    let fixed = report().replace("三、", "二、");
    for version in 2..=4 {
        let text = if version == 4 { &fixed } else { &report() };
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"text": text}]}),
        );
    }
    let published = c.diagnostics(&uri);
    assert_eq!(published["version"], 4, "only the last text is checked");
    assert_eq!(published["diagnostics"].as_array().unwrap().len(), 1);
    // Versions 2 and 3 would have come first: none did.
    assert!(
        !c.pending
            .iter()
            .any(|m| m["method"] == "textDocument/publishDiagnostics"),
        "{:#?}",
        c.pending
    );
    assert_eq!(c.finish(), 0);
}

#[test]
fn a_markdown_report_is_read_as_shown_and_fixed_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.md");
    let text = "# 中共柳溪镇委员会关于巡察整改进展情况的通报\n\n## 一、总体情况\n\n**𠀀溪镇**共5个问题，已完成4个，完成率90%。\n\n## 三、下步打算\n\n继续推进。\n";
    std::fs::write(&path, text).unwrap();
    let uri = uri(&path);
    let mut c = Client::start();
    c.initialize(json!({}), json!({}));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let published = c.diagnostics(&uri);
    // Columns of the file as written: `**` and 𠀀 (two units) come before the rate.
    assert_eq!(
        by_rule(&published, "rate-mismatch")["range"],
        range(4, 23, 4, 26)
    );
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(6, 3, 6, 3),
               "context": {"diagnostics": [], "only": ["quickfix"]}}),
    );
    let edit = &actions[0]["edit"]["changes"][&uri][0];
    assert_eq!(edit["range"], range(6, 3, 6, 5));
    assert_eq!(edit["newText"], "二、");
    assert_eq!(c.finish(), 0);
}

//! `zglint serve` end to end: the binary on a free port of the loopback, driven over HTTP
//! (upload, review page, commented `.docx`), refusing hostile uploads while it serves the
//! others, under a bounded load with its memory measured, and in headless Chromium through
//! WebDriver (Debian's chromium-driver, PyPI's selenium: tests/run installs both).
//!
//! Every report here is fictional (青石镇 and 松溪镇 and their people are invented).

#[path = "word/report.rs"]
mod word;

use std::io::{BufRead, BufReader, Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A fictional plain-text report: 12 problems stated, 12 listed; 8 done is 66.7%, not the
/// 75% written (percent-mismatch).
fn text_report() -> String {
    let mut text = String::from(
        "中共松溪镇委员会关于巡察整改进展情况的通报\n\
         根据县委统一部署，2025年3月3日至4月30日，县委第二巡察组对松溪镇党委开展了巡察，\
         2025年6月10日反馈了巡察意见，指出了12个具体问题。\n\
         一、整改工作总体情况\n\
         截至2025年9月30日，12个问题中已完成整改8个，占75%，其余4个正在整改。\n\
         二、具体问题整改情况\n",
    );
    for i in 1..=12 {
        let status = if i <= 8 {
            "已完成整改。"
        } else {
            "正在整改。"
        };
        text.push_str(&format!(
            "{i}.关于村级事务管理第{i}项问题。整改情况：镇纪委牵头，周文涛负责督办，{status}\n"
        ));
    }
    text.push_str("中共松溪镇委员会\n2025年10月9日\n");
    text
}

/// `zglint serve ARGS`, in `dir` (else the tests' folder).
fn serve(dir: Option<&Path>, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zglint"));
    command.arg("serve").args(args).stdin(Stdio::null());
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    command
}

/// `zglint serve ARGS` run to its end (it must end: a usage or configuration error): its exit
/// code and standard error.
fn serve_to_the_end(dir: Option<&Path>, args: &[&str]) -> (Option<i32>, String) {
    let out = serve(dir, args).output().expect("run zglint serve");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The running server: killed when dropped.
struct Server {
    child: Child,
    url: String,
    /// The rest of its standard error, read all the while so that it never blocks on it.
    stderr: Option<std::thread::JoinHandle<String>>,
    _dir: tempfile::TempDir,
}

impl Server {
    /// `zglint serve --listen 127.0.0.1:0 ARGS` in an empty folder (no configuration found).
    fn start(args: &[&str]) -> Server {
        Server::start_in(tempfile::tempdir().expect("temp dir"), args)
    }

    /// The same, started in `dir` (whose `zglint.yaml` it uses, as `check` would); once it
    /// has printed the address it listens on.
    fn start_in(dir: tempfile::TempDir, args: &[&str]) -> Server {
        let mut child = serve(
            Some(dir.path()),
            &[&["--listen", "127.0.0.1:0"][..], args].concat(),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start zglint serve");
        let mut lines = BufReader::new(child.stderr.take().expect("stderr"));
        let mut line = String::new();
        lines.read_line(&mut line).expect("the first line");
        let url = line
            .strip_prefix("zglint serve: ")
            .map(|u| u.trim().to_string())
            .unwrap_or_else(|| panic!("not the address line: {line:?}"));
        assert!(
            url.starts_with("http://127.0.0.1:") && url.ends_with('/'),
            "{url}"
        );
        let stderr = std::thread::spawn(move || {
            let mut rest = String::new();
            let _ = lines.read_to_string(&mut rest);
            rest
        });
        Server {
            child,
            url,
            stderr: Some(stderr),
            _dir: dir,
        }
    }

    /// Send it SIGINT (Ctrl-C) and wait for it to end: its exit status and what it printed
    /// after the address.
    fn interrupt(mut self) -> (std::process::ExitStatus, String) {
        let pid = i32::try_from(self.child.id()).unwrap();
        // SAFETY: signalling the child this test started, which has not been waited for.
        unsafe {
            libc::kill(pid, libc::SIGINT);
        }
        let status = self.child.wait().expect("its exit");
        let rest = self
            .stderr
            .take()
            .expect("its standard error")
            .join()
            .expect("the reader");
        (status, rest)
    }

    /// The process's exit status if it has ended (`None` while it runs).
    fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().expect("the server's status")
    }

    /// `127.0.0.1:PORT`.
    fn addr(&self) -> &str {
        self.url.trim_start_matches("http://").trim_end_matches('/')
    }

    fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("/proc status");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmRSS")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A response: status, headers by lower-case name, body.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// Every response carries the served pages' policy.
    fn assert_policy(&self) -> &Self {
        assert_eq!(
            self.header("content-security-policy"),
            Some(zglint::render::html::served_policy().as_str()),
            "status {}",
            self.status
        );
        self
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

fn reply(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut r = r.expect("an HTTP response");
    let headers = r
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_string(),
                v.to_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let body = r
        .body_mut()
        .with_config()
        .limit(64 << 20)
        .read_to_vec()
        .expect("the body");
    Reply {
        status: r.status().as_u16(),
        headers,
        body,
    }
}

fn get(url: &str) -> Reply {
    reply(agent().get(url).call())
}

/// A multipart/form-data body of `fields`: (name, file name, content).
fn form(fields: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----zglint-test-7f3a9c";
    let mut body = Vec::new();
    for (name, file, content) in fields {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match file {
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

fn post_form(url: &str, fields: &[(&str, Option<&str>, &[u8])]) -> Reply {
    let (content_type, body) = form(fields);
    reply(
        agent()
            .post(url)
            .header("Content-Type", &content_type)
            .send(&body[..]),
    )
}

/// Upload one file as the upload page's form does.
fn upload(server: &Server, name: &str, bytes: &[u8]) -> Reply {
    post_form(
        &format!("{}review", server.url),
        &[("file", Some(name), bytes)],
    )
}

/// The value of the review page's hidden field `name`, unescaped.
fn hidden(page: &str, name: &str) -> String {
    let key = format!("name=\"{name}\" value=\"");
    let at = page.find(&key).expect("the hidden field") + key.len();
    let end = at + page[at..].find('"').expect("its end");
    page[at..end]
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Press the review page's download button: re-post its hidden fields to /docx.
fn download(server: &Server, page: &str) -> Reply {
    let (name, data) = (hidden(page, "name"), hidden(page, "data"));
    post_form(
        &format!("{}docx", server.url),
        &[
            ("name", None, name.as_bytes()),
            ("data", None, data.as_bytes()),
        ],
    )
}

fn part(docx: &[u8], name: &str) -> Option<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip archive");
    let mut file = archive.by_name(name).ok()?;
    let mut text = String::new();
    file.read_to_string(&mut text).expect("a text part");
    Some(text)
}

/// A `.docx` whose document.xml inflates past the reader's 64 MiB: 70 MiB of spaces, which
/// deflate to a few dozen kilobytes.
fn zip_bomb() -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("[Content_Types].xml", opts).unwrap();
    w.write_all(b"<?xml version=\"1.0\"?><Types/>").unwrap();
    w.start_file("word/document.xml", opts).unwrap();
    w.write_all(format!("<w:document xmlns:w=\"{}\"><w:body>", word::W).as_bytes())
        .unwrap();
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..70 {
        w.write_all(&spaces).unwrap();
    }
    w.write_all(b"</w:body></w:document>").unwrap();
    w.finish().unwrap().into_inner()
}

/// Bytes that are no document, the same every run.
fn noise(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn an_upload_gives_its_review_page_and_the_commented_word_file() {
    let server = Server::start(&[]);
    let home = get(&server.url);
    home.assert_policy();
    assert_eq!(home.status, 200);
    let page = home.text();
    assert!(
        page.contains("<form method=\"post\" action=\"/review\" enctype=\"multipart/form-data\">")
    );
    assert!(page.contains("type=\"file\" name=\"file\""));
    assert!(page.contains("不保存在服务器上"));

    // A text report: its findings marked, and a Word file of it with their comments.
    let text = text_report();
    let review = upload(&server, "松溪镇通报.txt", text.as_bytes());
    review.assert_policy();
    assert_eq!(review.status, 200, "{}", review.text());
    let page = review.text();
    assert!(page.contains("percent-mismatch"), "no percent-mismatch");
    assert!(page.contains("<mark"), "no mark");
    assert!(page.contains("松溪镇通报.txt"));
    assert!(page.contains("下载带批注的 Word 文件"));
    let docx = download(&server, &page);
    docx.assert_policy();
    assert_eq!(docx.status, 200, "{}", docx.text());
    assert!(
        docx.header("content-disposition")
            .is_some_and(|d| d.starts_with("attachment;") && d.contains("reviewed.docx")),
        "{:?}",
        docx.header("content-disposition")
    );
    let comments = part(&docx.body, "word/comments.xml").expect("word/comments.xml");
    assert!(comments.contains("[percent-mismatch]"), "{comments}");
    assert!(comments.contains("75%"), "{comments}");

    // The Word report with Word's own numbering: the rate that does not add up, and the
    // heading that skips a number, are found in the labels Word draws and commented.
    let review = upload(&server, "青石镇.docx", &word::report(false));
    review.assert_policy();
    assert_eq!(review.status, 200, "{}", review.text());
    let page = review.text();
    for rule in ["rate-mismatch", "heading-number-skipped"] {
        assert!(page.contains(rule), "{rule} not on the page");
    }
    let docx = download(&server, &page);
    assert_eq!(docx.status, 200, "{}", docx.text());
    let comments = part(&docx.body, "word/comments.xml").expect("word/comments.xml");
    assert!(comments.contains("[rate-mismatch]"), "{comments}");
    let document = part(&docx.body, "word/document.xml").unwrap();
    assert!(document.contains("commentRangeStart"));
    // The editor's file is the one given back: its numbering is kept.
    assert_eq!(
        part(&docx.body, "word/numbering.xml"),
        Some(word::numbering())
    );

    // Markdown and a saved web page are read too.
    let md = format!("# {}", text_report());
    let review = upload(&server, "松溪镇.md", md.as_bytes());
    assert_eq!(review.status, 200);
    assert!(review.text().contains("percent-mismatch"));
    let html = format!(
        "<html><head><meta charset=\"utf-8\"><title>通报</title></head><body>{}</body></html>",
        text_report()
            .lines()
            .map(|l| format!("<p>{l}</p>"))
            .collect::<String>()
    );
    let review = upload(&server, "松溪镇.html", html.as_bytes());
    assert_eq!(review.status, 200);
    assert!(review.text().contains("percent-mismatch"));
}

#[test]
fn hostile_uploads_are_refused_while_the_others_are_served() {
    let server = Server::start(&[]);
    let url = server.url.clone();
    let bomb = zip_bomb();
    assert!(bomb.len() < 1 << 20, "the bomb is {} bytes", bomb.len());
    // Each hostile request with the status it must get and a word of its page.
    type Case = (
        &'static str,
        Box<dyn Fn() -> Reply + Send>,
        u16,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (
            "zip bomb",
            Box::new({
                let url = url.clone();
                move || {
                    post_form(
                        &format!("{url}review"),
                        &[("file", Some("炸弹.docx"), &bomb)],
                    )
                }
            }),
            413,
            "inflated",
        ),
        (
            "100 MB",
            Box::new({
                let url = url.clone();
                move || {
                    let big = vec![b'a'; 100_000_000];
                    post_form(&format!("{url}review"), &[("file", Some("大.txt"), &big)])
                }
            }),
            413,
            "文件太大",
        ),
        (
            "random bytes as .docx",
            Box::new({
                let url = url.clone();
                move || {
                    post_form(
                        &format!("{url}review"),
                        &[("file", Some("乱码.docx"), &noise(200_000))],
                    )
                }
            }),
            400,
            "not a readable .docx",
        ),
        (
            "random bytes as .txt",
            Box::new({
                let url = url.clone();
                move || {
                    post_form(
                        &format!("{url}review"),
                        &[("file", Some("乱码.txt"), &noise(200_000))],
                    )
                }
            }),
            400,
            "乱码.txt",
        ),
        (
            "not a report's extension",
            Box::new({
                let url = url.clone();
                move || {
                    post_form(
                        &format!("{url}review"),
                        &[("file", Some("setup.exe"), &noise(1000))],
                    )
                }
            }),
            415,
            "不支持的文件类型",
        ),
        (
            "a Word 97 file",
            Box::new({
                let url = url.clone();
                move || {
                    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
                    doc.extend(noise(5000));
                    post_form(&format!("{url}review"), &[("file", Some("旧.txt"), &doc)])
                }
            }),
            415,
            "Word 97",
        ),
        (
            "no file",
            Box::new({
                let url = url.clone();
                move || post_form(&format!("{url}review"), &[("other", None, b"x")])
            }),
            400,
            "没有收到文件",
        ),
        (
            "not a form",
            Box::new({
                let url = url.clone();
                move || reply(agent().post(&format!("{url}review")).send("hello"))
            }),
            400,
            "multipart/form-data",
        ),
        (
            "a broken carried file",
            Box::new({
                let url = url.clone();
                move || {
                    post_form(
                        &format!("{url}docx"),
                        &[
                            ("name", None, b"a.txt"),
                            ("data", None, b"@@@not base64@@@"),
                        ],
                    )
                }
            }),
            400,
            "已损坏",
        ),
        (
            "no such page",
            Box::new({
                let url = url.clone();
                move || get(&format!("{url}admin"))
            }),
            404,
            "",
        ),
        (
            "GET of the upload target",
            Box::new({
                let url = url.clone();
                move || get(&format!("{url}review"))
            }),
            405,
            "",
        ),
    ];
    // The good uploads go on beside the hostile ones, all the while.
    let good = {
        let url = url.clone();
        std::thread::spawn(move || {
            let text = text_report();
            let mut served = 0;
            let started = Instant::now();
            while served < 20 || started.elapsed() < Duration::from_secs(3) {
                let r = post_form(
                    &format!("{url}review"),
                    &[("file", Some("松溪镇.txt"), text.as_bytes())],
                );
                assert_eq!(r.status, 200, "a good upload was not served");
                assert!(r.text().contains("percent-mismatch"));
                served += 1;
                if served >= 200 {
                    break;
                }
            }
            served
        })
    };
    let hostile: Vec<_> = cases
        .into_iter()
        .map(|(what, send, status, word)| {
            std::thread::spawn(move || {
                let r = send();
                r.assert_policy();
                assert_eq!(r.status, status, "{what}: {}", r.text());
                assert!(r.text().contains(word), "{what}: {}", r.text());
                if status >= 400 && status != 404 && status != 405 {
                    assert!(r.text().contains("返回上传页面"), "{what}: no way back");
                }
            })
        })
        .collect();
    for h in hostile {
        h.join().expect("a hostile case");
    }
    let served = good.join().expect("the good uploads");
    assert!(served >= 20, "{served}");
    // And the server is still there.
    assert_eq!(
        upload(&server, "松溪镇.txt", text_report().as_bytes()).status,
        200
    );
}

/// A slow client that takes a place among the uploads and keeps it: it announces a body and
/// sends part of it. The rest of the body is returned, to finish it.
fn hold_a_place(server: &Server) -> (std::net::TcpStream, Vec<u8>) {
    let addr = server.addr();
    let mut slow = std::net::TcpStream::connect(addr).expect("connect");
    let (content_type, body) = form(&[("file", Some("慢.txt"), text_report().as_bytes())]);
    write!(
        slow,
        "POST /review HTTP/1.1\r\nHost: {addr}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .unwrap();
    slow.write_all(&body[..100]).unwrap();
    slow.flush().unwrap();
    // Time for the server to read the head and take the place.
    std::thread::sleep(Duration::from_millis(500));
    (slow, body[100..].to_vec())
}

/// Past `--max-uploads`, a request is told to come back (503, Retry-After); once the place is
/// free it is served.
#[test]
fn too_many_at_once_is_503_with_retry_after() {
    let server = Server::start(&["--max-uploads", "1"]);
    let (mut slow, rest) = hold_a_place(&server);
    let busy = upload(&server, "松溪镇.txt", text_report().as_bytes());
    busy.assert_policy();
    assert_eq!(busy.status, 503, "{}", busy.text());
    assert_eq!(busy.header("retry-after"), Some("5"));
    assert!(busy.text().contains("服务器正忙"));
    // The slow client finishes and is served; then the place is free again.
    slow.write_all(&rest).unwrap();
    let mut answer = Vec::new();
    let mut buf = [0u8; 65536];
    slow.set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    while !String::from_utf8_lossy(&answer).contains("</html>") {
        let n = slow.read(&mut buf).expect("the slow answer");
        assert!(n > 0, "closed early");
        answer.extend_from_slice(&buf[..n]);
    }
    assert!(answer.starts_with(b"HTTP/1.1 200"));
    drop(slow);
    assert_eq!(
        upload(&server, "松溪镇.txt", text_report().as_bytes()).status,
        200
    );
}

/// Whether the server closes `stream` within 20 seconds (an answer before the close is read
/// and returned too). `None` when it is still open.
fn closed_by_server(stream: &mut std::net::TcpStream) -> Option<String> {
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return Some(String::from_utf8_lossy(&answer).into_owned()),
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            // Closed unanswered, with a reset.
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {
                return Some(String::from_utf8_lossy(&answer).into_owned());
            }
            Err(_) => return None,
        }
    }
}

/// Past `--max-connections` (idle ones included), a connection is answered 503 with
/// Retry-After and closed, and a flood of them is closed without harm; once connections close,
/// requests are served again.
#[test]
fn past_max_connections_a_connection_is_refused_and_closed() {
    let mut server = Server::start(&["--max-connections", "2", "--max-uploads", "1"]);
    let addr = server.addr().to_string();
    let addr = addr.as_str();
    // Two idle connections take both places (they are accepted in order).
    let idle: Vec<_> = (0..2)
        .map(|_| std::net::TcpStream::connect(addr).expect("connect"))
        .collect();
    // A third is answered 503, in the run's language, and closed.
    let busy = get(&server.url);
    busy.assert_policy();
    assert_eq!(busy.status, 503, "{}", busy.text());
    assert_eq!(busy.header("retry-after"), Some("5"));
    assert!(busy.text().contains("打开的连接太多"), "{}", busy.text());
    let mut third = std::net::TcpStream::connect(addr).expect("connect");
    write!(third, "GET / HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let answer = closed_by_server(&mut third).expect("the third connection closed");
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    // A hundred more that say nothing: each is closed (answered or not), well before the
    // 30 seconds an idle connection within the limit is kept.
    let mut flood: Vec<_> = (0..100)
        .map(|_| std::net::TcpStream::connect(addr).expect("connect"))
        .collect();
    for (i, stream) in flood.iter_mut().enumerate() {
        let answer = closed_by_server(stream).unwrap_or_else(|| panic!("connection {i} is open"));
        assert!(
            answer.is_empty() || answer.starts_with("HTTP/1.1 "),
            "{answer}"
        );
    }
    assert_eq!(server.exited(), None, "the server is gone");
    // The idle two close: a request is served again.
    drop(idle);
    let started = Instant::now();
    loop {
        let r = get(&server.url);
        if r.status == 200 {
            break;
        }
        assert_eq!(r.status, 503, "{}", r.text());
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "not served again"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(
        upload(&server, "松溪镇.txt", text_report().as_bytes()).status,
        200
    );
}

/// Whether `text` has Chinese in it.
fn chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Every page the server serves follows the run's language: Chinese by default, English with
/// `--lang en` or `lang: en` in the configuration of its folder. The upload page, the review
/// page and the refusals: too large, too many at once, a file of another type, a file the
/// reader refuses, no such page.
#[test]
fn every_page_is_in_the_language_of_the_run() {
    let limits = ["--max-uploads", "1", "--max-upload-mib", "1"];
    let configured = tempfile::tempdir().unwrap();
    std::fs::write(configured.path().join("zglint.yaml"), "lang: en\n").unwrap();
    let servers = [
        ("by default", "zh", Server::start(&limits)),
        (
            "--lang en",
            "en",
            Server::start(&[&["--lang", "en"][..], &limits].concat()),
        ),
        ("lang: en", "en", Server::start_in(configured, &limits)),
    ];
    for (how, lang, server) in &servers {
        let home = get(&server.url);
        let review = upload(server, "songxi.txt", text_report().as_bytes());
        assert_eq!(review.status, 200, "{how}");
        let refusals = [
            (
                "too large",
                413,
                upload(server, "big.txt", &vec![b'a'; 2 << 20]),
            ),
            ("another type", 415, upload(server, "setup.exe", b"MZ")),
            (
                "unreadable",
                400,
                upload(server, "noise.docx", &noise(5000)),
            ),
            ("no such page", 404, get(&format!("{}admin", server.url))),
            ("too many", 503, {
                let (slow, _) = hold_a_place(server);
                let busy = upload(server, "songxi.txt", text_report().as_bytes());
                drop(slow);
                busy
            }),
        ];
        let html_lang = if *lang == "zh" { "zh-CN" } else { "en" };
        for (what, page) in [("upload page", &home), ("review page", &review)]
            .into_iter()
            .chain(refusals.iter().map(|(what, _, r)| (*what, r)))
        {
            page.assert_policy();
            let text = page.text();
            assert!(
                text.contains(&format!("<html lang=\"{html_lang}\">")),
                "{how}, {what}: {text}"
            );
        }
        for (what, status, page) in &refusals {
            assert_eq!(page.status, *status, "{how}, {what}: {}", page.text());
            // The file names are ASCII, so an English page has no Chinese at all.
            assert_eq!(
                chinese(&page.text()),
                *lang == "zh",
                "{how}, {what}: {}",
                page.text()
            );
        }
        assert_eq!(
            chinese(&home.text()),
            *lang == "zh",
            "{how}: {}",
            home.text()
        );
        let words = if *lang == "zh" {
            [
                "选择或拖入一份通报文件",
                "下载带批注的 Word 文件",
                "返回上传页面",
            ]
        } else {
            [
                "Choose or drop one report",
                "Download the Word file with comments",
                "Back to the upload page",
            ]
        };
        assert!(home.text().contains(words[0]), "{how}");
        assert!(review.text().contains(words[1]), "{how}");
        for (what, _, page) in &refusals {
            assert!(page.text().contains(words[2]), "{how}, {what}");
        }
    }
}

/// 200 uploads, 16 at a time: every one served, and the server's memory after the last 100
/// no more than 16 MiB above what it was after the first 100.
#[test]
fn two_hundred_uploads_sixteen_at_a_time_in_flat_memory() {
    let server = Server::start(&[]);
    let docx = word::report(false);
    let text = text_report();
    let round = |n: usize| {
        let next = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..16 {
                s.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if i >= n {
                            break;
                        }
                        let r = if i % 2 == 0 {
                            upload(&server, "青石镇.docx", &docx)
                        } else {
                            upload(&server, "松溪镇.txt", text.as_bytes())
                        };
                        assert_eq!(r.status, 200, "upload {i}: {}", r.text());
                        assert!(r.text().contains("<mark"), "upload {i}");
                    }
                });
            }
        });
    };
    let started = Instant::now();
    round(100);
    let first = server.rss_kib();
    round(100);
    let last = server.rss_kib();
    let took = started.elapsed();
    let figures = format!(
        "200 uploads, 16 at a time, in {:.1} s; VmRSS after the first 100: {first} KiB, after the last 100: {last} KiB",
        took.as_secs_f64()
    );
    eprintln!("{figures}");
    let dir = artifacts();
    std::fs::write(dir.join("load.txt"), format!("{figures}\n")).expect("figures");
    assert!(
        last <= first + 16 * 1024,
        "memory grew by {} KiB: {figures}",
        last.saturating_sub(first)
    );
}

/// A client that never finishes its headers is cut off after 30 seconds, and others are
/// served meanwhile.
#[test]
fn a_client_that_trickles_its_headers_is_cut_off() {
    let server = Server::start(&[]);
    let addr = server.addr();
    let mut slow = std::net::TcpStream::connect(addr).expect("connect");
    write!(slow, "GET / HTTP/1.1\r\nHost: {addr}\r\n").unwrap();
    let started = Instant::now();
    assert_eq!(get(&server.url).status, 200);
    slow.set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut answer = Vec::new();
    let _ = slow.read_to_end(&mut answer);
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(25) && waited < Duration::from_secs(55),
        "cut off after {waited:?}"
    );
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "{answer}"
    );
}

/// Ctrl-C stops the server cleanly: it says so and exits 0.
#[test]
fn ctrl_c_stops_it_cleanly() {
    let (status, rest) = Server::start(&[]).interrupt();
    assert!(status.success(), "{status}: {rest}");
    assert_eq!(rest, "zglint serve: stopped\n");
}

/// The configuration is `check`'s: the `zglint.yaml` of the folder it starts in, and the
/// command line's selection after it.
#[test]
fn the_configuration_of_its_folder_and_command_line_applies() {
    let text = text_report();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("zglint.yaml"),
        "rules:\n  percent-mismatch: off\n",
    )
    .unwrap();
    let server = Server::start_in(dir, &[]);
    let r = upload(&server, "松溪镇.txt", text.as_bytes());
    assert_eq!(r.status, 200);
    assert!(
        !r.text().contains("percent-mismatch"),
        "the configuration's off"
    );
    drop(server);
    let server = Server::start(&["--ignore", "ratio"]);
    let r = upload(&server, "松溪镇.txt", text.as_bytes());
    assert_eq!(r.status, 200);
    assert!(!r.text().contains("percent-mismatch"), "--ignore ratio");
    // A configuration that cannot be used stops it before it listens, pointing at the line.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("zglint.yaml"),
        "rules:\n  no-such-rule: off\n",
    )
    .unwrap();
    let (code, stderr) = serve_to_the_end(Some(dir.path()), &["--listen", "127.0.0.1:0"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("no-such-rule"), "{stderr}");
}

#[test]
fn a_bad_listen_address_or_limit_is_a_usage_error() {
    let (code, _) = serve_to_the_end(None, &["--listen", "localhost"]);
    assert_eq!(code, Some(2));
    // Each with the option it names.
    for (limits, named) in [
        (
            ["--max-upload-mib", "0", "--max-uploads", "1"],
            "--max-upload-mib",
        ),
        (
            ["--max-connections", "0", "--max-uploads", "1"],
            "--max-connections",
        ),
        (
            ["--max-connections", "8", "--max-uploads", "16"],
            "--max-connections",
        ),
    ] {
        let args = [&["--listen", "127.0.0.1:0"][..], &limits].concat();
        let (code, stderr) = serve_to_the_end(None, &args);
        assert_eq!(code, Some(2), "{limits:?}: {stderr}");
        assert!(stderr.contains(named), "{limits:?}: {stderr}");
    }
}

/// Where screenshots and figures are kept: `$ZGLINT_ARTIFACTS/serve`, else artifacts/serve in
/// the target folder.
fn artifacts() -> PathBuf {
    let dir = std::env::var_os("ZGLINT_ARTIFACTS").map_or_else(
        || PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("../artifacts/serve"),
        |d| PathBuf::from(d).join("serve"),
    );
    std::fs::create_dir_all(&dir).expect("artifacts folder");
    dir
}

/// In headless Chromium, driven through WebDriver: the editor picks the Word report on the
/// upload page and submits it, sees its findings highlighted, selects one (kept as a
/// screenshot) and downloads the commented `.docx`; then drops a text report on the page.
#[test]
fn an_editor_uploads_a_word_report_in_chromium() {
    let server = Server::start(&[]);
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("青石镇通报.docx");
    std::fs::write(&report, word::report(false)).unwrap();
    let dropped = dir.path().join("松溪镇通报.txt");
    std::fs::write(&dropped, text_report()).unwrap();
    let downloads = dir.path().join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let shots = artifacts();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/serve/browser.py");
    let out = Command::new("python3")
        .arg(&script)
        .arg(&server.url)
        .arg(&report)
        .arg(&downloads)
        .arg(&shots)
        .arg(&dropped)
        .output()
        .expect("python3");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the browser script failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // What the browser saw.
    let seen: serde_json::Value = serde_json::from_str(stdout.trim()).expect("its JSON");
    let marks = seen["marks"].as_u64().unwrap();
    assert!(marks >= 2, "{seen}");
    let rules: Vec<&str> = seen["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r.as_str())
        .collect();
    assert!(rules.contains(&"rate-mismatch"), "{seen}");
    assert!(seen["pinned"].as_u64().unwrap() >= 2, "{seen}");
    assert_eq!(seen["highlighted"], true, "{seen}");
    assert_eq!(seen["script_ran"], true, "{seen}");
    assert!(
        seen["dropped_rules"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("percent-mismatch")),
        "{seen}"
    );
    assert!(
        seen["dropped_card"]
            .as_str()
            .unwrap()
            .contains("松溪镇通报.txt"),
        "{seen}"
    );
    for png in ["upload.png", "review-top.png", "review-selected.png"] {
        assert!(shots.join(png).is_file(), "{png} is not kept");
    }
    // The downloaded Word file holds the comments.
    let file = downloads.join("青石镇通报.reviewed.docx");
    let docx = std::fs::read(&file).expect("the downloaded file");
    let comments = part(&docx, "word/comments.xml").expect("word/comments.xml");
    assert!(comments.contains("[rate-mismatch]"), "{comments}");
}

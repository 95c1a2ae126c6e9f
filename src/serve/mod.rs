//! `zglint serve`: the review page for an office, over HTTP.
//!
//! `GET /` is an upload page (a plain form, so it works without script; dropping a file on it
//! is a nicety of the review page's script). `POST /review` takes one report and answers with
//! its review page, checked by the same pipeline and configuration as `zglint check`; the page
//! carries the report back in a hidden field, so its download button (`POST /docx`) re-posts it
//! and gets the commented `.docx`. Nothing is written to disk and nothing is kept between
//! requests: an upload lives in memory while its request does.
//!
//! Limits: a request body over `max_bytes` is read to its end (so the browser sees the answer)
//! and refused with 413; more than `max_uploads` requests being read or checked at once are
//! refused with 503 and `Retry-After`, and so is a request on a connection past
//! `max_connections`, which is then closed; a body that takes over [`BODY_TIME`] is refused
//! with 408, and a connection whose request headers take over [`HEADER_TIME`] is closed; a file
//! the reader refuses (a zip bomb, broken XML, bytes that are not text) is 400, 413 or 415 with
//! the reader's error. Every response carries the served pages' Content-Security-Policy
//! ([`zglint::render::html::served_policy`]).

mod pages;

use pages::Refusal;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use zglint::config::{CliSettings, Config, RuleInfo};
use zglint::input::ReadError;
use zglint::render::{Lang, RuleNames};
use zglint::rules::pack::Pack;

/// How long one request body may take to arrive: a client that trickles its upload must not
/// hold a place among the `max_uploads` for ever.
pub const BODY_TIME: Duration = Duration::from_secs(60);

/// Past this many bytes an oversized body is no longer read to its end: the connection is
/// closed instead (a 413 the client may not see, but no more bandwidth spent on it).
const DRAIN_BYTES: u64 = 256 << 20;

/// The extensions the server reads; anything else is 415.
const EXTENSIONS: [&str; 6] = ["docx", "txt", "md", "markdown", "html", "htm"];

/// What the server checks with, fixed at start: the configuration found (or given) for the
/// folder it was started in, as `zglint check` would use for a report there.
pub struct Setup {
    pub config: Option<Config>,
    pub pack: Pack,
    pub rules: Vec<RuleInfo>,
    pub cli: CliSettings,
    pub lang: Lang,
}

/// The server's options.
pub struct Options {
    pub listen: SocketAddr,
    /// The largest request body for `/review`, in bytes (`/docx` takes the same file in
    /// base64, a third more).
    pub max_bytes: u64,
    /// Requests read or checked at once.
    pub max_uploads: usize,
    /// Connections kept open at once; past them a connection is answered 503 and closed.
    pub max_connections: usize,
}

struct App {
    setup: Setup,
    names: RuleNames,
    max_bytes: u64,
    permits: Arc<Semaphore>,
    policy: HeaderValue,
}

/// Serve until Ctrl-C (or SIGTERM); the exit code.
pub fn run(setup: Setup, options: Options) -> u8 {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: zglint serve: cannot start: {e}");
            return 2;
        }
    };
    runtime.block_on(serve(setup, options))
}

async fn serve(setup: Setup, options: Options) -> u8 {
    let listener = match tokio::net::TcpListener::bind(options.listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "error: zglint serve: cannot listen on {}: {e}",
                options.listen
            );
            return 2;
        }
    };
    let policy = zglint::render::html::served_policy();
    let app = Arc::new(App {
        names: RuleNames::of(&setup.pack),
        setup,
        max_bytes: options.max_bytes,
        permits: Arc::new(Semaphore::new(options.max_uploads.max(1))),
        // The policy is ASCII (directives and base64 hashes), so this cannot fail; should it,
        // an empty value would still be sent rather than none.
        policy: HeaderValue::from_str(&policy).unwrap_or(HeaderValue::from_static("")),
    });
    let routers = Routers {
        serve: router(app.clone()),
        busy: busy_router(app),
    };
    let stop = stopped();
    match listener.local_addr() {
        Ok(addr) => eprintln!("zglint serve: http://{addr}/"),
        Err(e) => eprintln!("zglint serve: listening ({e})"),
    }
    accept(listener, routers, options.max_connections, stop).await;
    eprintln!("zglint serve: stopped");
    0
}

/// How long a client may take to send a request's headers: one that trickles them holds a
/// connection, not a place among the uploads, but should not hold it for ever. A connection
/// kept open for another request is closed after as long without one.
const HEADER_TIME: Duration = Duration::from_secs(30);

/// Connections past `max_connections` being refused at once: each is answered 503 (once its
/// request's headers are in) and closed within [`REFUSE_TIME`]; past these a connection is
/// closed at once, unanswered, so a flood holds no more than this many more.
const REFUSING: usize = 64;

/// How long a connection past `max_connections` is kept to be answered 503.
const REFUSE_TIME: Duration = Duration::from_secs(5);

/// The routes, and what answers a connection past `max_connections`.
struct Routers {
    serve: Router,
    busy: Router,
}

/// Accept connections until `stop`, serving each with hyper (HTTP/1.1, with a header read
/// timeout, which axum::serve does not set), at most `max_connections` at once; then let open
/// requests finish.
async fn accept(
    listener: tokio::net::TcpListener,
    routers: Routers,
    max_connections: usize,
    stop: impl std::future::Future<Output = ()>,
) {
    use hyper::server::conn::http1;
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let open = Arc::new(Semaphore::new(max_connections.max(1)));
    let refusing = Arc::new(Semaphore::new(REFUSING));
    tokio::pin!(stop);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors and the like: wait, as axum::serve does, and go on.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let io = TokioIo::new(stream);
        if let Ok(place) = open.clone().try_acquire_owned() {
            let connection = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIME)
                .serve_connection(io, TowerToHyperService::new(routers.serve.clone()));
            let connection = graceful.watch(connection);
            tokio::spawn(async move {
                let _place = place;
                let _ = connection.await;
            });
        } else if let Ok(place) = refusing.clone().try_acquire_owned() {
            let connection = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(REFUSE_TIME)
                .keep_alive(false)
                .serve_connection(io, TowerToHyperService::new(routers.busy.clone()));
            tokio::spawn(async move {
                let _place = place;
                let _ = tokio::time::timeout(REFUSE_TIME, connection).await;
            });
        }
        // Else `io` is dropped here: the connection is closed.
    }
    drop(listener);
    // Open requests are answered; a client that keeps its connection idle is not waited for long.
    let _ = tokio::time::timeout(Duration::from_secs(10), graceful.shutdown()).await;
}

/// Ctrl-C or SIGTERM. The handlers are installed when this is called, before the address is
/// printed, so a signal sent as soon as the address is seen is not lost.
fn stopped() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let int = signal(SignalKind::interrupt());
        let term = signal(SignalKind::terminate());
        async move {
            match (int, term) {
                (Ok(mut int), Ok(mut term)) => {
                    tokio::select! {
                        _ = int.recv() => {},
                        _ = term.recv() => {},
                    }
                }
                _ => {
                    let _ = tokio::signal::ctrl_c().await;
                }
            }
        }
    }
    #[cfg(not(unix))]
    async {
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn router(app: Arc<App>) -> Router {
    let policy = app.policy.clone();
    let routes = Router::new()
        .route("/", get(upload_page))
        .route("/review", post(review))
        .route("/docx", post(docx))
        .fallback(not_found)
        .with_state(app);
    with_headers(routes, policy)
}

/// What answers every request on a connection past `max_connections`: 503.
fn busy_router(app: Arc<App>) -> Router {
    let policy = app.policy.clone();
    let busy = Router::new()
        .fallback(|State(app): State<Arc<App>>| async move {
            refuse(app.setup.lang, &Refusal::Connections)
        })
        .with_state(app);
    with_headers(busy, policy)
}

/// Every response, the router's own 404 and 405 included, carries the policy and the other
/// headers of the served pages.
fn with_headers(router: Router, policy: HeaderValue) -> Router {
    router.layer(axum::middleware::map_response(
        move |mut response: Response| {
            let policy = policy.clone();
            async move {
                let headers = response.headers_mut();
                headers.insert(header::CONTENT_SECURITY_POLICY, policy);
                headers.insert(
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                );
                headers.insert(
                    header::REFERRER_POLICY,
                    HeaderValue::from_static("no-referrer"),
                );
                // Reports are not for caches, shared or not.
                headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                response
            }
        },
    ))
}

async fn upload_page(State(app): State<Arc<App>>) -> Response {
    html(StatusCode::OK, pages::upload(app.setup.lang, app.max_bytes))
}

async fn not_found(State(app): State<Arc<App>>) -> Response {
    refuse(app.setup.lang, &Refusal::NotFound)
}

/// An HTML response.
fn html(status: StatusCode, page: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

/// The page of a refusal, in `lang`, with its status (and `Retry-After` when the server is
/// busy).
fn refuse(lang: Lang, refusal: &Refusal) -> Response {
    let mut response = html(refusal.status(), pages::refusal(lang, refusal));
    if matches!(refusal, Refusal::Uploads | Refusal::Connections) {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    }
    response
}

/// `POST /review`: one report in the form's `file` field → its review page.
async fn review(State(app): State<Arc<App>>, headers: HeaderMap, body: Body) -> Response {
    let cap = app.max_bytes;
    checked(app, headers, body, cap, Field::File, review_page).await
}

/// The review page of a checked report, with the button that downloads it commented.
fn review_page(app: &App, name: String, bytes: Vec<u8>, checked: zglint::Checked) -> Response {
    let lang = app.setup.lang;
    let mut renderer = zglint::render::html::Html::new(lang, app.names.clone())
        .with_policy(zglint::render::html::served_policy())
        .with_action(zglint::render::html::Action {
            action: "/docx".into(),
            label: pages::download_label(lang).into(),
            fields: vec![
                ("name".into(), name.clone()),
                (
                    "data".into(),
                    base64::engine::general_purpose::STANDARD.encode(&bytes),
                ),
            ],
        });
    let result = zglint::FileResult {
        path: name,
        outcome: Ok(checked),
    };
    html(
        StatusCode::OK,
        zglint::render::render_all(&mut renderer, &[result]),
    )
}

/// `POST /docx`: the report the review page carries (`name`, `data` in base64) → the
/// commented Word file.
async fn docx(State(app): State<Arc<App>>, headers: HeaderMap, body: Body) -> Response {
    // Base64 takes four bytes for three, and the form has a little more around it.
    let cap = app.max_bytes.saturating_mul(4) / 3 + (64 << 10);
    checked(app, headers, body, cap, Field::Carried, commented).await
}

/// The commented Word file of a checked report, as a download.
fn commented(app: &App, name: String, bytes: Vec<u8>, checked: zglint::Checked) -> Response {
    let docx = match zglint::render::docx::reviewed_bytes(&name, &bytes, &checked) {
        Ok(d) => d,
        Err(e) => {
            let refusal = Refusal::NoDocx {
                name: &name,
                error: &e,
            };
            return refuse(app.setup.lang, &refusal);
        }
    };
    let stem = std::path::Path::new(&name)
        .file_stem()
        .map_or("report".into(), |s| s.to_string_lossy().into_owned());
    let file = format!("{stem}.reviewed.docx");
    let disposition = format!(
        "attachment; filename=\"report.reviewed.docx\"; filename*=UTF-8''{}",
        percent(&file)
    );
    let mut response = (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )],
        docx,
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

/// The two routes' common part: take a place among the uploads and the report in `body` (at
/// most `cap` bytes, in `field`); then, on a blocking thread that holds the place, check it as
/// `zglint check` would a file of its name in the server's folder and let `answer` make the
/// response of the name, bytes and findings. Every refusal is a page with its status, and a
/// check that panics is 500.
async fn checked(
    app: Arc<App>,
    headers: HeaderMap,
    body: Body,
    cap: u64,
    field: Field,
    answer: impl FnOnce(&App, String, Vec<u8>, zglint::Checked) -> Response + Send + 'static,
) -> Response {
    let lang = app.setup.lang;
    let (name, bytes, permit) = match upload(&app, &headers, body, cap, field).await {
        Ok(u) => u,
        Err(r) => return r,
    };
    let done = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let read = zglint::input::read_bytes(&name, bytes.clone(), &zglint::ReadOptions::default());
        let input = match read {
            Ok(i) => i,
            Err(e) => return read_failure(lang, &e),
        };
        let s = &app.setup;
        let settings = zglint::config::resolve(s.config.as_ref(), &s.cli, &s.rules, name.as_ref());
        let checked = zglint::check(&input, &s.pack, &settings);
        answer(&app, name, bytes, checked)
    })
    .await;
    done.unwrap_or_else(|_| refuse(lang, &Refusal::Internal))
}

/// The page for a file the reader refuses, with the status that says why.
fn read_failure(lang: Lang, e: &ReadError) -> Response {
    let status = match e {
        ReadError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        ReadError::Unsupported { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        _ => StatusCode::BAD_REQUEST,
    };
    refuse(
        lang,
        &Refusal::Unreadable {
            status,
            detail: &e.to_string(),
        },
    )
}

/// Which form field holds the report.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    /// The upload form's `file`: a file with its name.
    File,
    /// The review page's hidden `name` and `data` (base64).
    Carried,
}

/// Take a place among the uploads, read the body (at most `cap` bytes) and find the report in
/// it: its file name (the last part of the name the browser gave) and bytes. Every refusal is
/// a page with its status.
async fn upload(
    app: &App,
    headers: &HeaderMap,
    body: Body,
    cap: u64,
    field: Field,
) -> Result<(String, Vec<u8>, OwnedSemaphorePermit), Response> {
    let lang = app.setup.lang;
    let Ok(permit) = app.permits.clone().try_acquire_owned() else {
        // Read the body still, so that the client, still sending, sees the answer.
        drain(body, cap).await;
        return Err(refuse(lang, &Refusal::Uploads));
    };
    let boundary = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| multer::parse_boundary(v).ok());
    let Some(boundary) = boundary else {
        drain(body, cap).await;
        return Err(refuse(lang, &Refusal::NotAForm));
    };
    let too_large = || refuse(lang, &Refusal::TooLarge { max: app.max_bytes });
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > DRAIN_BYTES) {
        return Err(too_large());
    }
    let bytes = match tokio::time::timeout(BODY_TIME, read_capped(body, cap)).await {
        Err(_) => return Err(refuse(lang, &Refusal::Timeout)),
        Ok(Err(())) => return Err(refuse(lang, &Refusal::Interrupted)),
        Ok(Ok(Read::Over(body))) => {
            // The place is given back before the rest is read and thrown away.
            drop(permit);
            drain(body, DRAIN_BYTES).await;
            return Err(too_large());
        }
        Ok(Ok(Read::Whole(bytes))) => bytes,
    };
    let (name, data) = parse_form(bytes, boundary, field)
        .await
        .map_err(|r| refuse(lang, &r))?;
    let name = file_name(&name);
    let extension = std::path::Path::new(&name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !EXTENSIONS.contains(&extension.as_str()) {
        return Err(refuse(lang, &Refusal::Extension { name: &name }));
    }
    let data = match field {
        Field::File => data,
        Field::Carried => base64::engine::general_purpose::STANDARD
            .decode(&data)
            .map_err(|_| refuse(lang, &Refusal::Damaged))?,
    };
    // The place is held until the check is done, by the caller's blocking task.
    Ok((name, data, permit))
}

/// A body read whole, or the rest of one that passed the cap.
enum Read {
    Whole(Bytes),
    Over(axum::body::BodyDataStream),
}

/// Read `body` up to `cap` bytes; past it, the stream to drain. `Err` when the client broke off.
async fn read_capped(body: Body, cap: u64) -> Result<Read, ()> {
    use http_body_util::BodyExt;
    let mut stream = body.into_data_stream();
    let mut buffer = Vec::new();
    while let Some(frame) = stream.frame().await {
        let frame = frame.map_err(|_| ())?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        if (buffer.len() + data.len()) as u64 > cap {
            return Ok(Read::Over(stream));
        }
        buffer.extend_from_slice(&data);
    }
    Ok(Read::Whole(Bytes::from(buffer)))
}

/// Read and throw away at most `limit` more bytes of a body, for at most [`BODY_TIME`].
async fn drain(body: impl Into<DrainBody>, limit: u64) {
    use http_body_util::BodyExt;
    let mut stream = match body.into() {
        DrainBody::Body(b) => b.into_data_stream(),
        DrainBody::Stream(s) => s,
    };
    let _ = tokio::time::timeout(BODY_TIME, async {
        let mut seen = 0u64;
        while let Some(Ok(frame)) = stream.frame().await {
            if let Ok(data) = frame.into_data() {
                seen += data.len() as u64;
                if seen > limit {
                    break;
                }
            }
        }
    })
    .await;
}

enum DrainBody {
    Body(Body),
    Stream(axum::body::BodyDataStream),
}

impl From<Body> for DrainBody {
    fn from(b: Body) -> Self {
        DrainBody::Body(b)
    }
}

impl From<axum::body::BodyDataStream> for DrainBody {
    fn from(s: axum::body::BodyDataStream) -> Self {
        DrainBody::Stream(s)
    }
}

/// The report in a form read whole: (file name, bytes).
async fn parse_form(
    bytes: Bytes,
    boundary: String,
    field: Field,
) -> Result<(String, Vec<u8>), Refusal<'static>> {
    let stream = futures_util::stream::once(async move { Ok::<Bytes, std::io::Error>(bytes) });
    let mut form = multer::Multipart::new(stream, boundary);
    let (mut name, mut data) = (None, None);
    loop {
        let next = form.next_field().await.map_err(|_| Refusal::BadForm)?;
        let Some(f) = next else { break };
        let field_name = f.name().unwrap_or_default().to_string();
        let file_name = f.file_name().map(str::to_string);
        let content = f.bytes().await.map_err(|_| Refusal::BadForm)?;
        match (field, field_name.as_str()) {
            (Field::File, "file") => {
                name = file_name;
                data = Some(content.to_vec());
            }
            (Field::Carried, "name") => {
                name = Some(String::from_utf8_lossy(&content).into_owned());
            }
            (Field::Carried, "data") => data = Some(content.to_vec()),
            _ => {}
        }
    }
    match (name, data) {
        (Some(name), Some(data)) if !name.is_empty() => Ok((name, data)),
        _ => Err(Refusal::NoFile),
    }
}

/// The last part of a file name a browser sent (some send a whole Windows path), without
/// control characters, at most 120 characters: it names the report on the page and in errors.
fn file_name(sent: &str) -> String {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or(sent);
    let clean: String = last.chars().filter(|c| !c.is_control()).collect();
    let n = clean.chars().count();
    if n <= 120 {
        return clean;
    }
    // Keep the extension, which chooses the reader.
    let ext = std::path::Path::new(&clean)
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .filter(|e| e.chars().count() < 10)
        .unwrap_or_default();
    let head: String = clean.chars().take(100).collect();
    if ext.is_empty() {
        head
    } else {
        format!("{head}….{ext}")
    }
}

/// `20 MB`, for the pages.
fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb >= 1.0 {
        format!("{} MB", (mb * 10.0).round() / 10.0)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// RFC 5987 percent-encoding of a file name for `filename*`.
fn percent(name: &str) -> String {
    let mut out = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_their_folders_and_controls() {
        assert_eq!(file_name("C:\\Users\\王\\青石镇.docx"), "青石镇.docx");
        assert_eq!(file_name("../../etc/passwd.txt"), "passwd.txt");
        assert_eq!(file_name("a\u{1b}[31mb.md"), "a[31mb.md");
        let long = format!("{}.docx", "长".repeat(300));
        let short = file_name(&long);
        assert!(short.ends_with(".docx") && short.chars().count() < 120);
    }

    #[test]
    fn download_names_are_percent_encoded() {
        assert_eq!(percent("青a b.docx"), "%E9%9D%92a%20b.docx");
        assert_eq!(megabytes(20 << 20), "20 MB");
    }
}

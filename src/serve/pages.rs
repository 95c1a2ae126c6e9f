//! The server's own pages, in the run's language: the upload form and the refusals. They use
//! the review page's style and script, so one policy, naming those two hashes, covers every
//! page served. Every word the server says is here, in Chinese and in English.

use axum::http::StatusCode;
use zglint::render::Lang;
use zglint::render::html::{escape, served_policy, style_and_script};

/// `zh` or `en`, by the language.
fn pick<'a>(lang: Lang, zh: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A page in `lang` with the review page's head, style and script around `main`.
fn page(lang: Lang, title: &str, main: &str) -> String {
    let (style, script) = style_and_script();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"generator\" content=\"zglint\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{}</title>\n<style>{style}</style>\n</head>\n<body>\n{main}\n\
         <script>{script}</script>\n</body>\n</html>\n",
        pick(lang, "zh-CN", "en"),
        escape(&served_policy()),
        escape(title)
    )
}

/// The upload page: a plain form (it works without script); the script adds dropping a file.
pub fn upload(lang: Lang, max_bytes: u64) -> String {
    let title = pick(
        lang,
        "zglint 整改通报审阅",
        "zglint: review a rectification report",
    );
    let main = format!(
        "<main class=\"upload\">\n<h1>{title}</h1>\n\
         <form method=\"post\" action=\"/review\" enctype=\"multipart/form-data\">\n\
         <label class=\"drop\" id=\"drop\">{}<br>\
         <input type=\"file\" name=\"file\" required \
         accept=\".docx,.txt,.md,.markdown,.html,.htm\"></label>\n\
         <button type=\"submit\">{}</button>\n</form>\n<p class=\"hint\">{}</p>\n</main>",
        pick(lang, "选择或拖入一份通报文件", "Choose or drop one report"),
        pick(lang, "审阅", "Review"),
        escape(&match lang {
            Lang::Zh => format!(
                "支持 Word 文档（.docx）、文本（.txt）、Markdown（.md）和另存的网页（.html），\
                 不超过 {}。审阅页标出每个问题所在的文字，可下载带批注的 Word 文件。\
                 文件只在本次请求中处理，不保存在服务器上。",
                super::megabytes(max_bytes)
            ),
            Lang::En => format!(
                "Word documents (.docx), text (.txt), Markdown (.md) and saved web pages \
                 (.html), up to {}. The review page marks the words of each finding, and gives \
                 the report back as a Word file with a comment per finding. The file is read \
                 for this request only and is not kept on the server.",
                super::megabytes(max_bytes)
            ),
        })
    );
    page(lang, title, &main)
}

/// The review page's download button.
pub fn download_label(lang: Lang) -> &'static str {
    pick(
        lang,
        "下载带批注的 Word 文件",
        "Download the Word file with comments",
    )
}

/// Why a request is not answered with what it asked for.
pub enum Refusal<'a> {
    /// No such page (404).
    NotFound,
    /// The check panicked (500).
    Internal,
    /// Every place among the uploads is taken (503).
    Uploads,
    /// Every connection the server keeps open is taken (503).
    Connections,
    /// A body over the limit, `max` bytes (413).
    TooLarge { max: u64 },
    /// A body that took over the body time (408).
    Timeout,
    /// A body the client broke off (400).
    Interrupted,
    /// A request that is not a multipart form (400).
    NotAForm,
    /// A form that does not parse (400).
    BadForm,
    /// A form without a file (400).
    NoFile,
    /// The review page's carried file is not base64 (400).
    Damaged,
    /// A file name with an extension the server does not read (415).
    Extension { name: &'a str },
    /// A file the reader refuses, with the status that says why and the reader's words.
    Unreadable { status: StatusCode, detail: &'a str },
    /// The commented Word file could not be made (422).
    NoDocx { name: &'a str, error: &'a str },
}

impl Refusal<'_> {
    pub fn status(&self) -> StatusCode {
        match self {
            Refusal::NotFound => StatusCode::NOT_FOUND,
            Refusal::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            Refusal::Uploads | Refusal::Connections => StatusCode::SERVICE_UNAVAILABLE,
            Refusal::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Refusal::Timeout => StatusCode::REQUEST_TIMEOUT,
            Refusal::Interrupted
            | Refusal::NotAForm
            | Refusal::BadForm
            | Refusal::NoFile
            | Refusal::Damaged => StatusCode::BAD_REQUEST,
            Refusal::Extension { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Refusal::Unreadable { status, .. } => *status,
            Refusal::NoDocx { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    /// Its title and message in `lang`.
    fn words(&self, lang: Lang) -> (&'static str, String) {
        let [zh, en]: [(&'static str, String); 2] = match self {
            Refusal::NotFound => [
                ("页面不存在", "没有这个页面。".into()),
                ("No such page", "There is no such page here.".into()),
            ],
            Refusal::Internal => [
                (
                    "内部错误",
                    "检查这份文件时出错，请将文件发给维护人员。".into(),
                ),
                (
                    "Internal error",
                    "Something went wrong while checking this file; please send the file to \
                     whoever maintains this server."
                        .into(),
                ),
            ],
            Refusal::Uploads => [
                ("服务器正忙", "同时提交的文件太多，请稍后再试。".into()),
                (
                    "Server busy",
                    "Too many files are being checked at once; please try again in a moment."
                        .into(),
                ),
            ],
            Refusal::Connections => [
                ("服务器正忙", "打开的连接太多，请稍后再试。".into()),
                (
                    "Server busy",
                    "Too many connections are open; please try again in a moment.".into(),
                ),
            ],
            Refusal::TooLarge { max } => {
                let max = super::megabytes(*max);
                [
                    (
                        "文件太大",
                        format!(
                            "上传的文件超过了 {max} 的上限。通报一般远小于此；请检查是否选错了文件。"
                        ),
                    ),
                    (
                        "File too large",
                        format!(
                            "The file is over the limit of {max}. Reports are usually far \
                             smaller: check that this is the right file."
                        ),
                    ),
                ]
            }
            Refusal::Timeout => [
                ("上传超时", "文件在规定时间内没有传完，请重试。".into()),
                (
                    "Upload timed out",
                    "The file did not arrive in time; please try again.".into(),
                ),
            ],
            Refusal::Interrupted => [
                ("上传中断", "文件没有传完，请重试。".into()),
                (
                    "Upload interrupted",
                    "The file did not arrive whole; please try again.".into(),
                ),
            ],
            Refusal::NotAForm => [
                (
                    "请求无效",
                    "请通过上传页面的表单提交文件（multipart/form-data）。".into(),
                ),
                (
                    "Bad request",
                    "Send the file with the upload page's form (multipart/form-data).".into(),
                ),
            ],
            Refusal::BadForm => [
                ("请求无效", "表单格式有误，请通过上传页面提交文件。".into()),
                (
                    "Bad request",
                    "The form is malformed; send the file with the upload page.".into(),
                ),
            ],
            Refusal::NoFile => [
                (
                    "请求无效",
                    "没有收到文件：请先选择一份通报文件再提交。".into(),
                ),
                (
                    "Bad request",
                    "No file arrived: choose a report before sending the form.".into(),
                ),
            ],
            Refusal::Damaged => [
                ("请求无效", "页面带回的文件内容已损坏，请重新上传。".into()),
                (
                    "Bad request",
                    "The file the review page carried back is damaged; please upload it again."
                        .into(),
                ),
            ],
            Refusal::Extension { name } => [
                (
                    "不支持的文件类型",
                    format!(
                        "{name}：只能审阅 .docx、.txt、.md 和另存的网页 .html 文件；.doc、.wps 请先在 Word 或 WPS 中另存为 .docx。"
                    ),
                ),
                (
                    "Unsupported file type",
                    format!(
                        "{name}: only .docx, .txt, .md and saved web pages (.html) can be \
                         reviewed; save a .doc or .wps file as .docx in Word or WPS first."
                    ),
                ),
            ],
            // The reader's words are English whatever the language, as in `zglint check`.
            Refusal::Unreadable { detail, .. } => [
                ("无法读取这份文件", (*detail).into()),
                ("Cannot read this file", (*detail).into()),
            ],
            Refusal::NoDocx { name, error } => [
                ("无法生成批注文件", format!("{name}: {error}")),
                (
                    "Cannot make the commented Word file",
                    format!("{name}: {error}"),
                ),
            ],
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// The page of a refusal in `lang`: what went wrong, and the way back.
pub fn refusal(lang: Lang, refusal: &Refusal) -> String {
    let (title, message) = refusal.words(lang);
    let main = format!(
        "<main class=\"upload\">\n<h1>{}</h1>\n<p class=\"error\">{}</p>\n\
         <p class=\"hint\">HTTP {}</p>\n<p><a href=\"/\">{}</a></p>\n</main>",
        escape(title),
        escape(&message),
        refusal.status().as_u16(),
        pick(lang, "返回上传页面", "Back to the upload page")
    );
    page(
        lang,
        &format!("zglint{}{title}", pick(lang, "：", ": ")),
        &main,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every<'a>() -> Vec<Refusal<'a>> {
        vec![
            Refusal::NotFound,
            Refusal::Internal,
            Refusal::Uploads,
            Refusal::Connections,
            Refusal::TooLarge { max: 20 << 20 },
            Refusal::Timeout,
            Refusal::Interrupted,
            Refusal::NotAForm,
            Refusal::BadForm,
            Refusal::NoFile,
            Refusal::Damaged,
            Refusal::Extension { name: "setup.exe" },
            Refusal::Unreadable {
                status: StatusCode::BAD_REQUEST,
                detail: "a.docx: not a readable .docx: not a zip",
            },
            Refusal::NoDocx {
                name: "a.txt",
                error: "cannot write",
            },
        ]
    }

    fn chinese(text: &str) -> bool {
        text.chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || "，。：；（）".contains(c))
    }

    /// What a page says to its reader: its text outside the tags, style and script.
    fn said(page: &str) -> String {
        let body = &page[page.find("<body>").unwrap()..page.find("<script>").unwrap()];
        let title = &page[page.find("<title>").unwrap()..page.find("</title>").unwrap()];
        format!("{title}{body}")
    }

    #[test]
    fn every_page_is_in_the_language_of_the_run() {
        let mut pages: Vec<(String, String)> = every()
            .iter()
            .map(|r| (refusal(Lang::Zh, r), refusal(Lang::En, r)))
            .collect();
        pages.push((upload(Lang::Zh, 20 << 20), upload(Lang::En, 20 << 20)));
        for (zh, en) in &pages {
            assert!(zh.contains("<html lang=\"zh-CN\">"), "{zh}");
            assert!(chinese(&said(zh)), "{zh}");
            assert!(en.contains("<html lang=\"en\">"), "{en}");
            assert!(!chinese(&said(en)), "{en}");
        }
        assert!(!chinese(download_label(Lang::En)));
        assert!(chinese(download_label(Lang::Zh)));
    }

    #[test]
    fn a_refusal_page_says_its_status_and_the_way_back() {
        for r in every() {
            let status = r.status();
            assert!(status.is_client_error() || status.is_server_error());
            let page = refusal(Lang::En, &r);
            assert!(page.contains(&format!("HTTP {}", status.as_u16())));
            assert!(page.contains("<a href=\"/\">Back to the upload page</a>"));
        }
    }
}

//! The server's own pages: the upload form and the error pages. They use the review page's
//! style and script, so one policy, naming those two hashes, covers every page served.

use axum::http::StatusCode;
use zglint::render::html::{escape, served_policy, style_and_script};

/// A page with the review page's head, style and script around `main`.
fn page(title: &str, main: &str) -> String {
    let (style, script) = style_and_script();
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"generator\" content=\"zglint\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{}</title>\n<style>{style}</style>\n</head>\n<body>\n{main}\n\
         <script>{script}</script>\n</body>\n</html>\n",
        escape(&served_policy()),
        escape(title)
    )
}

/// The upload page: a plain form (it works without script); the script adds dropping a file.
pub fn upload(max_bytes: u64, error: Option<&str>) -> String {
    let error = error.map_or(String::new(), |e| {
        format!("<p class=\"error\">{}</p>", escape(e))
    });
    let main = format!(
        "<main class=\"upload\">\n<h1>zglint 整改通报审阅</h1>\n{error}\
         <form method=\"post\" action=\"/review\" enctype=\"multipart/form-data\">\n\
         <label class=\"drop\" id=\"drop\">选择或拖入一份通报文件<br>\
         <input type=\"file\" name=\"file\" required \
         accept=\".docx,.txt,.md,.markdown,.html,.htm\"></label>\n\
         <button type=\"submit\">审阅</button>\n</form>\n\
         <p class=\"hint\">支持 Word 文档（.docx）、文本（.txt）、Markdown（.md）和另存的网页（.html），\
         不超过 {}。审阅页标出每个问题所在的文字，可下载带批注的 Word 文件。\
         文件只在本次请求中处理，不保存在服务器上。</p>\n</main>",
        super::megabytes(max_bytes)
    );
    page("zglint 整改通报审阅", &main)
}

/// An error page: what went wrong, and the way back.
pub fn error(status: StatusCode, title: &str, message: &str) -> String {
    let main = format!(
        "<main class=\"upload\">\n<h1>{}</h1>\n<p class=\"error\">{}</p>\n\
         <p class=\"hint\">HTTP {}</p>\n<p><a href=\"/\">返回上传页面</a></p>\n</main>",
        escape(title),
        escape(message),
        status.as_u16()
    );
    page(&format!("zglint：{title}"), &main)
}

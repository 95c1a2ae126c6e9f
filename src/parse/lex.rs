//! The grammar's two entry rules, `document` and `inline` (`grammar/report.pest`), read by
//! hand: one function per rule, named after it, with the same ordered choices and the same
//! greedy repetitions, so the result is the grammar's. pest would do the same job with a
//! bookkeeping cost per character and per alternative that made it the slowest stage; a test
//! (`parse::equivalence`) reads the fixtures, the seed reports and random text with both and
//! compares every line and every inline element.

use crate::document::{MarkerStyle, Span};

/// A line: its bytes (the newline excluded, the indentation included) and what the grammar
/// read in it after the indentation; None for a line of blanks or nothing.
pub(super) struct RawLine {
    pub span: Span,
    pub content: Option<Content>,
}

/// The typed content of a line (grammar rule `line`'s choice).
pub(super) enum Content {
    /// `heading`: a marker and the rest of the line, from its first byte.
    Heading { marker: RawMarker, rest: usize },
    /// `labelled`: the label's bytes.
    Labelled { label: Span },
    /// `chrome`.
    Chrome,
    /// `date_line`: the date's bytes.
    Date { date: Span },
    /// `paragraph`.
    Paragraph,
}

/// A heading marker (grammar rule `marker`): its style, bytes and the bytes of its number.
pub(super) struct RawMarker {
    pub style: MarkerStyle,
    pub span: Span,
    /// `cn_number` or `ar_number` inside the marker, if it has one (not ① or a broken marker).
    pub number: Option<(Span, bool)>,
}

/// An element the `inline` rule reads, with byte offsets into the paragraph's text.
pub(super) enum Token {
    /// `enum_cn`: its bytes and its `cn_number`'s.
    EnumCn { span: Span, number: Span },
    /// `enum_paren`: its bytes and its `ar_number`'s.
    EnumParen { span: Span, number: Span },
    /// `note`: its bytes, its `label`'s and its `note_text`'s.
    Note { span: Span, label: Span, text: Span },
    /// `inline_label`: its bytes and its `label`'s.
    Label { span: Span, label: Span },
}

// ---------------------------------------------------------------------------------------------
// Characters

fn at(s: &str, pos: usize) -> Option<char> {
    s.get(pos..).and_then(|t| t.chars().next())
}

/// The position after `c` if the text at `pos` starts with a character that satisfies `f`.
fn eat(s: &str, pos: usize, f: impl Fn(char) -> bool) -> Option<usize> {
    at(s, pos).filter(|&c| f(c)).map(|c| pos + c.len_utf8())
}

fn lit(s: &str, pos: usize, word: &str) -> Option<usize> {
    s.as_bytes()[pos..]
        .starts_with(word.as_bytes())
        .then_some(pos + word.len())
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

fn is_open(c: char) -> bool {
    matches!(c, '(' | '（')
}

fn is_close(c: char) -> bool {
    matches!(c, ')' | '）')
}

fn is_colon(c: char) -> bool {
    matches!(c, ':' | '：')
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_cn_digit(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
    )
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn is_sep(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '，' | ',' | '：' | ':' | '！' | '？') || is_ws(c)
}

fn is_newline(c: char) -> bool {
    matches!(c, '\n' | '\r')
}

/// `ws*`
fn blanks(s: &str, mut pos: usize) -> usize {
    while let Some(p) = eat(s, pos, is_ws) {
        pos = p;
    }
    pos
}

/// `x{min, max}`, greedy, as pest repeats: the end after at most `max`, if at least `min`.
fn repeat(
    s: &str,
    mut pos: usize,
    min: usize,
    max: usize,
    f: impl Fn(char) -> bool,
) -> Option<usize> {
    let mut n = 0;
    while n < max {
        match eat(s, pos, &f) {
            Some(p) => pos = p,
            None => break,
        }
        n += 1;
    }
    (n >= min).then_some(pos)
}

// ---------------------------------------------------------------------------------------------
// Numbers

/// `cn_number = @{ cn_digit? ~ "十" ~ cn_digit? | cn_digit }`
fn cn_number(s: &str, pos: usize) -> Option<usize> {
    let p = eat(s, pos, is_cn_digit).unwrap_or(pos);
    if let Some(p) = eat(s, p, |c| c == '十') {
        return Some(eat(s, p, is_cn_digit).unwrap_or(p));
    }
    eat(s, pos, is_cn_digit)
}

/// `ar_number = @{ digit{1, 3} ~ !digit }`
fn ar_number(s: &str, pos: usize) -> Option<usize> {
    let p = repeat(s, pos, 1, 3, is_digit)?;
    eat(s, p, is_digit).is_none().then_some(p)
}

// ---------------------------------------------------------------------------------------------
// Lines

/// `document`: every line of the text, split at "\n", "\r\n" and "\r", each typed.
pub(super) fn document(s: &str) -> Vec<RawLine> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    loop {
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(s.len(), |i| start + i);
        out.push(line(s, start, end));
        if end == s.len() {
            return out;
        }
        start = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
    }
}

/// `line = { indent ~ (heading | labelled | chrome | date_line | paragraph)? }`
fn line(s: &str, start: usize, end: usize) -> RawLine {
    let pos = blanks(s, start);
    let content = if pos >= end {
        None
    } else if let Some(h) = heading(s, pos) {
        Some(h)
    } else if let Some(label) = labelled(s, pos) {
        Some(Content::Labelled { label })
    } else if chrome(s, pos, end) {
        Some(Content::Chrome)
    } else if let Some(date) = date_line(s, pos) {
        Some(Content::Date { date })
    } else {
        Some(Content::Paragraph)
    };
    RawLine {
        span: start..end,
        content,
    }
}

/// `heading = { marker ~ rest }`
fn heading(s: &str, pos: usize) -> Option<Content> {
    let marker = marker(s, pos)?;
    let rest = marker.span.end;
    Some(Content::Heading { marker, rest })
}

/// `marker`: the first of the marker rules that matches, in the grammar's order.
fn marker(s: &str, pos: usize) -> Option<RawMarker> {
    let make = |style, end: usize, number| RawMarker {
        style,
        span: pos..end,
        number,
    };
    // m_cn_comma = { cn_number ~ ("、" | ws* ~ ("．" | "." ~ !digit)) }
    if let Some(n) = cn_number(s, pos) {
        let after = lit(s, n, "、").or_else(|| {
            let p = blanks(s, n);
            lit(s, p, "．").or_else(|| lit(s, p, ".").filter(|&q| eat(s, q, is_digit).is_none()))
        });
        if let Some(end) = after {
            return Some(make(MarkerStyle::CnComma, end, Some((pos..n, true))));
        }
    }
    // m_cn_paren = { open ~ ws* ~ cn_number ~ ws* ~ close }
    // m_ar_paren = { open ~ ws* ~ ar_number ~ ws* ~ close }
    if let Some(p) = eat(s, pos, is_open) {
        let p = blanks(s, p);
        for (style, number, cn) in [
            (
                MarkerStyle::CnParen,
                cn_number as fn(&str, usize) -> Option<usize>,
                true,
            ),
            (MarkerStyle::ArabicParen, ar_number, false),
        ] {
            if let Some(n) = number(s, p) {
                if let Some(end) = eat(s, blanks(s, n), is_close) {
                    return Some(make(style, end, Some((p..n, cn))));
                }
            }
        }
    }
    if let Some(n) = ar_number(s, pos) {
        // m_ar_dot = { ar_number ~ ("．" | "、" | "." ~ !digit) }
        let dot = lit(s, n, "．")
            .or_else(|| lit(s, n, "、"))
            .or_else(|| lit(s, n, ".").filter(|&q| eat(s, q, is_digit).is_none()));
        if let Some(end) = dot {
            return Some(make(MarkerStyle::ArabicDot, end, Some((pos..n, false))));
        }
        // m_ar_half = { ar_number ~ close }
        if let Some(end) = eat(s, n, is_close) {
            return Some(make(
                MarkerStyle::ArabicHalfParen,
                end,
                Some((pos..n, false)),
            ));
        }
    }
    // m_circled = { '①'..'⑳' }
    if let Some(end) = eat(s, pos, |c| ('①'..='⑳').contains(&c)) {
        return Some(make(MarkerStyle::Circled, end, None));
    }
    // m_broken = { open ~ ws* ~ close | close }
    let broken = eat(s, pos, is_open)
        .and_then(|p| eat(s, blanks(s, p), is_close))
        .or_else(|| eat(s, pos, is_close));
    broken.map(|end| make(MarkerStyle::Broken, end, None))
}

/// `label = @{ cjk{2, 10} }`
fn label(s: &str, pos: usize) -> Option<usize> {
    repeat(s, pos, 2, 10, is_cjk)
}

/// `labelled = { !chrome_label ~ label ~ colon ~ rest }`: the label's bytes.
fn labelled(s: &str, pos: usize) -> Option<Span> {
    if chrome_label(s, pos) {
        return None;
    }
    let end = label(s, pos)?;
    eat(s, end, is_colon)?;
    Some(pos..end)
}

/// `chrome_label`: a page's label, not the report's, e.g. "来源:".
fn chrome_label(s: &str, pos: usize) -> bool {
    const WORDS: [&str; 7] = [
        "来源",
        "编辑",
        "责任编辑",
        "发布日期",
        "发布时间",
        "浏览次数",
        "作者",
    ];
    WORDS
        .iter()
        .find_map(|w| lit(s, pos, w))
        .is_some_and(|p| eat(s, blanks(s, p), is_colon).is_some())
}

/// `chrome`: a line with a chrome word anywhere in it, from `pos` to `end`.
fn chrome(s: &str, pos: usize, end: usize) -> bool {
    s[pos..end]
        .char_indices()
        .any(|(i, c)| chrome_word(s, pos + i, c))
}

/// `chrome_word` at `pos`, where the text has the character `c`; the alternatives are
/// grouped by their first character.
fn chrome_word(s: &str, pos: usize, c: char) -> bool {
    let any = |words: &[&str]| words.iter().any(|w| lit(s, pos, w).is_some());
    let with_colon =
        |word: &str| lit(s, pos, word).is_some_and(|p| eat(s, blanks(s, p), is_colon).is_some());
    match c {
        '发' => any(&["发布日期", "发布时间"]),
        '来' => with_colon("来源"),
        '浏' => any(&["浏览次数"]),
        '阅' => any(&["阅读次数"]),
        '点' => any(&["点击数"]),
        '访' => any(&["访问量"]),
        '字' => any(&["字体大小", "字号:", "字号："]),
        '【' => any(&["【字体", "【打印】"]),
        '编' => with_colon("编辑"),
        '责' => any(&["责任编辑"]),
        '版' => any(&["版权所有"]),
        'I' => any(&["ICP"]),
        '备' => any(&["备案号"]),
        '网' => any(&["网站标识码"]),
        '主' => any(&["主办单位"]),
        '承' => any(&["承办单位"]),
        '技' => any(&["技术支持"]),
        '打' => any(&["打印本页"]),
        '关' => any(&["关闭窗口"]),
        '分' => any(&["分享到"]),
        '当' => any(&["当前位置"]),
        '您' => any(&["您现在的位置"]),
        '邮' => any(&["邮政编码"]),
        ' ' => any(&[" >> "]),
        '>' => any(&[">>", "> "]),
        // "首页" ~ (ws | ">" | "|" | "》" | &(NEWLINE | EOI))
        '首' => lit(s, pos, "首页").is_some_and(|p| {
            at(s, p).is_none_or(|c| is_ws(c) || matches!(c, '>' | '|' | '》') || is_newline(c))
        }),
        _ => false,
    }
}

/// `date_line = { full_date ~ ws* ~ &(NEWLINE | EOI) }`: the date's bytes.
fn date_line(s: &str, pos: usize) -> Option<Span> {
    let end = full_date(s, pos)?;
    at(s, blanks(s, end))
        .is_none_or(is_newline)
        .then_some(pos..end)
}

/// `full_date = @{ year ~ ws* ~ "年" ~ ws* ~ month ~ ws* ~ "月" ~ ws* ~ day ~ ws* ~ ("日" | "号") }`
fn full_date(s: &str, pos: usize) -> Option<usize> {
    // year = _{ digit{4} | (cn_digit | "〇" | "○" | "零"){4} }
    let year = repeat(s, pos, 4, 4, is_digit).or_else(|| {
        repeat(s, pos, 4, 4, |c| {
            is_cn_digit(c) || matches!(c, '〇' | '○' | '零')
        })
    })?;
    // month = _{ digit{1, 2} | cn_number }, and day alike
    let small = |p: usize| repeat(s, p, 1, 2, is_digit).or_else(|| cn_number(s, p));
    let p = eat(s, blanks(s, year), |c| c == '年')?;
    let p = small(blanks(s, p))?;
    let p = eat(s, blanks(s, p), |c| c == '月')?;
    let p = small(blanks(s, p))?;
    eat(s, blanks(s, p), |c| c == '日' || c == '号')
}

// ---------------------------------------------------------------------------------------------
// Inside a paragraph

/// `inline = { SOI ~ opener? ~ piece* ~ EOI }`: the elements of a paragraph, in order.
pub(super) fn inline(s: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut pos = opener(s, 0, &mut out).unwrap_or(0);
    // piece = _{ quoted | note | sep ~ opener | ANY }
    while let Some(c) = at(s, pos) {
        let next = pos + c.len_utf8();
        pos = match c {
            '“' => quoted(s, pos).unwrap_or(next),
            '(' | '（' => note(s, pos, &mut out).unwrap_or(next),
            c if is_sep(c) => opener(s, next, &mut out).unwrap_or(next),
            _ => next,
        };
    }
    out
}

/// `opener = _{ enum_cn | enum_paren | inline_label ~ (enum_cn | enum_paren)? }`
fn opener(s: &str, pos: usize, out: &mut Vec<Token>) -> Option<usize> {
    if let Some(end) = enumeration(s, pos, out) {
        return Some(end);
    }
    // inline_label = { label ~ colon }
    let l = label(s, pos)?;
    let end = eat(s, l, is_colon)?;
    out.push(Token::Label {
        span: pos..end,
        label: pos..l,
    });
    Some(enumeration(s, end, out).unwrap_or(end))
}

/// `enum_cn | enum_paren`
fn enumeration(s: &str, pos: usize, out: &mut Vec<Token>) -> Option<usize> {
    // enum_cn = { cn_number ~ "是" }
    if let Some(n) = cn_number(s, pos) {
        if let Some(end) = eat(s, n, |c| c == '是') {
            out.push(Token::EnumCn {
                span: pos..end,
                number: pos..n,
            });
            return Some(end);
        }
    }
    // enum_paren = { open ~ ar_number ~ close }
    let p = eat(s, pos, is_open)?;
    let n = ar_number(s, p)?;
    let end = eat(s, n, is_close)?;
    out.push(Token::EnumParen {
        span: pos..end,
        number: p..n,
    });
    Some(end)
}

/// `quoted = _{ "“" ~ (!("”" | "“") ~ ANY)* ~ "”" }`
fn quoted(s: &str, pos: usize) -> Option<usize> {
    let body = pos + '“'.len_utf8();
    let (i, c) = s[body..]
        .char_indices()
        .find(|&(_, c)| c == '”' || c == '“')?;
    (c == '”').then_some(body + i + c.len_utf8())
}

/// `note = { open ~ label ~ colon ~ note_text ~ close }`, with
/// `note_text = { (!(close | open | NEWLINE) ~ ANY)* }`
fn note(s: &str, pos: usize, out: &mut Vec<Token>) -> Option<usize> {
    let l0 = eat(s, pos, is_open)?;
    let l1 = label(s, l0)?;
    let t0 = eat(s, l1, is_colon)?;
    let t1 = s[t0..]
        .char_indices()
        .find(|&(_, c)| is_close(c) || is_open(c) || is_newline(c))
        .map_or(s.len(), |(i, _)| t0 + i);
    let end = eat(s, t1, is_close)?;
    out.push(Token::Note {
        span: pos..end,
        label: l0..l1,
        text: t0..t1,
    });
    Some(end)
}
